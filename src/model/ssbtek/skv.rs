//! Skatteverket's answer in SSBTEK: one XML document in ssbt/10, one JSON document per
//! requested part in ssbt/11.

use serde::{Deserialize, Serialize};

use super::response::{AgencyResult, ResultKind, SsbtError};
use super::skv_v10::Beskattningsuppgifter;
use super::skv_v11::{Foretagsinformation, Skattekonto, Skatteuppgifter, SkvJson};
use super::values::Payload;

/// What Skatteverket answered (the content of `svarsdata/SKV` when it is not an error).
///
/// The two versions carry different data, so they are two forms here, and a message keeps
/// the form its version has: ssbt/10's `data/svar` holds one XML document
/// ([`Beskattningsuppgifter`]: taxed income per year); ssbt/11 answers per requested part
/// ([`SkvDelar`]). Encoding a form in the other version is a version-gating error;
/// converting between the versions reports the answer as lost.
///
/// serde: externally tagged, `{"beskattningsuppgifter": …}` or `{"delar": …}`.
///
/// ```
/// use lefi::model::ssbtek::{SkvDelar, SkvSvar};
/// let svar = SkvSvar::Delar(Box::new(SkvDelar::default()));
/// assert!(svar.delar().is_some());
/// assert_eq!(serde_json::to_string(&svar)?, r#"{"delar":{}}"#);
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub enum SkvSvar {
    /// ssbt/10: `data/svar`, an XML document carried as text.
    Beskattningsuppgifter(Box<Payload<Beskattningsuppgifter>>),
    /// ssbt/11: one block per requested part.
    Delar(Box<SkvDelar>),
}

impl SkvSvar {
    /// The ssbt/10 document, if this is that form.
    pub fn beskattningsuppgifter(&self) -> Option<&Beskattningsuppgifter> {
        match self {
            Self::Beskattningsuppgifter(p) => Some(p.value()),
            Self::Delar(_) => None,
        }
    }

    /// The ssbt/11 parts, if this is that form.
    pub fn delar(&self) -> Option<&SkvDelar> {
        match self {
            Self::Delar(d) => Some(d),
            Self::Beskattningsuppgifter(_) => None,
        }
    }
}

/// Skatteverket's ssbt/11 answer (`SkatteverketSvar`): up to five parts, each answering on
/// its own — with data (base64 of a JSON document, typed here), with its own error, or
/// undecodable — and an error for the whole agency.
///
/// A person can have data in three parts and `error` BT/404 "Not found" in a fourth.
/// An answer holding nothing but the agency-wide error is decoded as
/// [`AgencyResult::Error`] (the same XML); this form is used whenever a part is present.
///
/// serde: members named after the elements, absent parts omitted.
///
/// ```
/// use lefi::codes::Kalla;
/// use lefi::model::ssbtek::{AgencyResult, SkvDelar, SsbtError};
/// let delar = SkvDelar {
///     skatteuppgifter: Some(AgencyResult::Error(SsbtError::new(Kalla::Bt, "404", vec!["Not found".into()])?)),
///     ..SkvDelar::default()
/// };
/// assert_eq!(delar.parts().count(), 1);
/// # Ok::<(), lefi::model::ssbtek::EmptyMessagesError>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SkvDelar {
    /// `foretagsinformation`: F-skatt, VAT and employer registration.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub foretagsinformation: Option<AgencyResult<Payload<Foretagsinformation>>>,
    /// `individuppgifter` (shape not yet seen: kept exactly).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub individuppgifter: Option<AgencyResult<Payload<SkvJson>>>,
    /// `skattekonto`: the tax account.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub skattekonto: Option<AgencyResult<Payload<Skattekonto>>>,
    /// `skatteuppgifter`: decided taxation per year.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub skatteuppgifter: Option<AgencyResult<Payload<Skatteuppgifter>>>,
    /// `beskattningsbilagor` (shape not yet seen: kept exactly).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub beskattningsbilagor: Option<AgencyResult<Payload<SkvJson>>>,
    /// `error`: an error for Skatteverket's whole answer, apart from the parts' own.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub error: Option<SsbtError>,
}

/// The name of a Skatteverket ssbt/11 part (its element name), in the contract's order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum SkvDel {
    /// `foretagsinformation`.
    Foretagsinformation,
    /// `individuppgifter`.
    Individuppgifter,
    /// `skattekonto`.
    Skattekonto,
    /// `skatteuppgifter`.
    Skatteuppgifter,
    /// `beskattningsbilagor`.
    Beskattningsbilagor,
}

impl SkvDel {
    /// Every part, in the contract's order.
    pub const ALL: [Self; 5] = [
        Self::Foretagsinformation,
        Self::Individuppgifter,
        Self::Skattekonto,
        Self::Skatteuppgifter,
        Self::Beskattningsbilagor,
    ];

    /// The element name.
    ///
    /// ```
    /// assert_eq!(lefi::model::ssbtek::SkvDel::Skattekonto.element_name(), "skattekonto");
    /// ```
    pub const fn element_name(self) -> &'static str {
        match self {
            Self::Foretagsinformation => "foretagsinformation",
            Self::Individuppgifter => "individuppgifter",
            Self::Skattekonto => "skattekonto",
            Self::Skatteuppgifter => "skatteuppgifter",
            Self::Beskattningsbilagor => "beskattningsbilagor",
        }
    }
}

impl std::fmt::Display for SkvDel {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.element_name())
    }
}

impl SkvDelar {
    /// The parts present, in the contract's order, with their outcome.
    pub fn parts(&self) -> impl Iterator<Item = (SkvDel, ResultKind<'_>)> + '_ {
        fn outcome<T>(r: &AgencyResult<T>) -> ResultKind<'_> {
            r.kind()
        }
        [
            (
                SkvDel::Foretagsinformation,
                self.foretagsinformation.as_ref().map(outcome),
            ),
            (
                SkvDel::Individuppgifter,
                self.individuppgifter.as_ref().map(outcome),
            ),
            (SkvDel::Skattekonto, self.skattekonto.as_ref().map(outcome)),
            (
                SkvDel::Skatteuppgifter,
                self.skatteuppgifter.as_ref().map(outcome),
            ),
            (
                SkvDel::Beskattningsbilagor,
                self.beskattningsbilagor.as_ref().map(outcome),
            ),
        ]
        .into_iter()
        .filter_map(|(d, o)| o.map(|o| (d, o)))
    }
}
