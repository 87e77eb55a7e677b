//! What each SSBTEK version can carry: the one place that decides it. The decoder reads the
//! form its version has, the encoder refuses a message with a [`VersionGap`], `convert`
//! removes what the target version cannot carry ([`fit_to_version`]) and reports it, and
//! validation lists the gaps.
//!
//! | form | ssbt/10 | ssbt/11 |
//! |---|---|---|
//! | `specifikaFrageparametrar/SKV/fraga` (`SkatteverketFraga`) | not supported | required when SKV is included |
//! | `svarsdata/SKV` as Skatteverket's per-part answer | not supported | carried |
//! | `svarsdata/SKV` as Skatteverket's XML answer (`data/svar`) | carried | not supported |
//! | a block kept as received (undecodable, or an element `svarsdata` does not define) in an SSBT namespace | in its own version only | in its own version only |
//!
//! Paths are element paths below the body element (`svarsdata/SKV`); the question an answer
//! echoes is under `fraga/`.

use core::fmt;

use crate::model::ssbtek::{
    Agency, AgencyResult, BastjanstFraga, ResultKind, SkvDel, SkvSvar, SsbtekMessage, Svarsdata,
};
use crate::version::{Capability, SsbtekVersion};
use crate::xml::XmlFragment;

/// A form only some SSBTEK versions carry.
///
/// ```
/// use lefi::wire::ssbtek::Gate;
/// assert_eq!(Gate::SkatteverketFraga.what(), "SkatteverketFraga");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Gate {
    /// The Skatteverket question (`specifikaFrageparametrar/SKV/fraga`): ssbt/11 only, and
    /// required there when SKV is included.
    SkatteverketFraga,
    /// Skatteverket's per-part answer ([`SkvSvar::Delar`]): ssbt/11 only.
    SkvDelar,
    /// Skatteverket's XML answer ([`SkvSvar::Beskattningsuppgifter`]): ssbt/10 only.
    SkvBeskattningsuppgifter,
    /// A block kept as received in an SSBT namespace (an undecodable agency block or
    /// Skatteverket part, an element of `svarsdata` the contract does not define): only the
    /// version of that namespace carries it.
    KeptBlock,
}

impl Gate {
    /// What the form is, in messages.
    #[must_use]
    pub const fn what(self) -> &'static str {
        match self {
            Self::SkatteverketFraga => "SkatteverketFraga",
            Self::SkvDelar => "Skatteverket's per-part answer",
            Self::SkvBeskattningsuppgifter => "Skatteverket's XML answer",
            Self::KeptBlock => "a block kept as received",
        }
    }

    /// Whether `version` carries this form. (Whether it carries a particular kept block
    /// also depends on the block's namespace: only that namespace's version does.)
    ///
    /// ```
    /// use lefi::version::SsbtekVersion;
    /// use lefi::wire::ssbtek::Gate;
    /// assert!(Gate::SkatteverketFraga.carried_by(SsbtekVersion::V11));
    /// assert!(!Gate::SkatteverketFraga.carried_by(SsbtekVersion::V10));
    /// assert!(Gate::SkvBeskattningsuppgifter.carried_by(SsbtekVersion::V10));
    /// ```
    #[must_use]
    pub fn carried_by(self, version: SsbtekVersion) -> bool {
        // ssbt/11 is ssbt/10 with Skatteverket's question and its per-part answer
        let v11 = version.supports(Capability::SkatteverketFraga);
        match self {
            Self::SkatteverketFraga | Self::SkvDelar => v11,
            Self::SkvBeskattningsuppgifter => !v11,
            Self::KeptBlock => true,
        }
    }
}

/// Whether a block kept as received can be written in `version`: it is in no SSBT
/// namespace, or in that version's.
fn kept_fits(block: &XmlFragment, version: SsbtekVersion) -> bool {
    match block.name().ns().and_then(SsbtekVersion::from_namespace) {
        Some(received) => received == version,
        None => true,
    }
}

/// Part of a message that does not fit an SSBTEK version: a form the version does not carry,
/// or one it requires and the message lacks.
///
/// ```
/// use lefi::model::ssbtek::{SkvDelar, SkvSvar, AgencyResult, BastjanstSvar, Svarsdata, SsbtekMessage};
/// use lefi::version::SsbtekVersion;
/// use lefi::wire::ssbtek::{self, Gate};
/// let svar = BastjanstSvar {
///     fraga: None, frage_tidpunkt: None, korrelationsid: None,
///     svarsdata: Svarsdata {
///         skv: Some(AgencyResult::Data(SkvSvar::Delar(Box::default()))),
///         ..Svarsdata::default()
///     },
/// };
/// let message = SsbtekMessage::Response(Box::new(svar));
/// let gaps = ssbtek::version_gaps(&message, SsbtekVersion::V10);
/// assert_eq!(gaps[0].gate, Gate::SkvDelar);
/// assert_eq!(gaps[0].to_string(), "svarsdata/SKV (Skatteverket's per-part answer) is not supported");
/// assert!(ssbtek::version_gaps(&message, SsbtekVersion::V11).is_empty());
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub struct VersionGap {
    /// Which form.
    pub gate: Gate,
    /// Where: the element path below the body element.
    pub path: String,
    /// `true`: the version requires the form and the message lacks it; `false`: the
    /// message has it and the version does not carry it.
    pub missing: bool,
}

impl fmt::Display for VersionGap {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let problem = if self.missing {
            "is required when its agency is included"
        } else {
            "is not supported"
        };
        write!(f, "{} ({}) {problem}", self.path, self.gate.what())
    }
}

/// Where a gap is in the message.
#[derive(Debug, Clone, Copy)]
enum Place {
    /// The Skatteverket question, of the request or of the question an answer echoes.
    SkvFraga,
    /// An agency's block in `svarsdata`.
    Agency(Agency),
    /// One of Skatteverket's ssbt/11 parts.
    SkvPart(SkvDel),
    /// An element of `svarsdata` the contract does not define (its index in `other`).
    Other(usize),
}

/// A gap and where it is.
struct Found {
    place: Place,
    gap: VersionGap,
}

/// Everything in `message` that does not fit `version`, in document order. Empty when the
/// message can be encoded in that version as far as versions go.
pub fn version_gaps(message: &SsbtekMessage, version: SsbtekVersion) -> Vec<VersionGap> {
    find(message, version).into_iter().map(|f| f.gap).collect()
}

/// Removes from `message` what `version` does not carry and returns what was removed, in
/// document order. What the version requires and the message lacks is left as it is: it
/// cannot be made up ([`version_gaps`] still lists it, and encoding refuses it).
///
/// ```
/// use lefi::model::ssbtek::{SkvDelar, SkvSvar, AgencyResult, BastjanstSvar, Svarsdata, SsbtekMessage};
/// use lefi::version::SsbtekVersion;
/// use lefi::wire::ssbtek;
/// let svar = BastjanstSvar {
///     fraga: None, frage_tidpunkt: None, korrelationsid: None,
///     svarsdata: Svarsdata {
///         skv: Some(AgencyResult::Data(SkvSvar::Delar(Box::default()))),
///         ..Svarsdata::default()
///     },
/// };
/// let mut message = SsbtekMessage::Response(Box::new(svar));
/// let removed = ssbtek::fit_to_version(&mut message, SsbtekVersion::V10);
/// assert_eq!(removed[0].path, "svarsdata/SKV");
/// assert!(ssbtek::version_gaps(&message, SsbtekVersion::V10).is_empty());
/// ```
pub fn fit_to_version(message: &mut SsbtekMessage, version: SsbtekVersion) -> Vec<VersionGap> {
    let found: Vec<Found> = find(message, version)
        .into_iter()
        .filter(|f| !f.gap.missing)
        .collect();
    // `other` by index: remove from the back so that the indices stay valid
    for f in found.iter().rev() {
        remove(message, f.place);
    }
    found.into_iter().map(|f| f.gap).collect()
}

fn find(message: &SsbtekMessage, version: SsbtekVersion) -> Vec<Found> {
    let mut found = Vec::new();
    match message {
        SsbtekMessage::Request(fraga) => fraga_gap(fraga, version, false, &mut found),
        SsbtekMessage::Response(svar) => {
            if let Some(fraga) = &svar.fraga {
                fraga_gap(fraga, version, true, &mut found);
            }
            svarsdata_gaps(&svar.svarsdata, version, &mut found);
        }
        _ => {}
    }
    found
}

fn fraga_gap(fraga: &BastjanstFraga, version: SsbtekVersion, echoed: bool, found: &mut Vec<Found>) {
    let skv = &fraga.specifika.skv;
    let carried = Gate::SkatteverketFraga.carried_by(version);
    let missing = carried && skv.inkludera && skv.fraga.is_none();
    if missing || (!carried && skv.fraga.is_some()) {
        let at = if echoed { "fraga/" } else { "" };
        found.push(Found {
            place: Place::SkvFraga,
            gap: VersionGap {
                gate: Gate::SkatteverketFraga,
                path: format!("{at}specifikaFrageparametrar/SKV/fraga"),
                missing,
            },
        });
    }
}

fn svarsdata_gaps(s: &Svarsdata, version: SsbtekVersion, found: &mut Vec<Found>) {
    let mut push = |place, gate, path: String| {
        found.push(Found {
            place,
            gap: VersionGap {
                gate,
                path,
                missing: false,
            },
        });
    };
    for agency in Agency::ALL {
        let kept = s.undecodable_of(agency);
        if kept.is_some_and(|u| !kept_fits(u.block(), version)) {
            push(
                Place::Agency(agency),
                Gate::KeptBlock,
                format!("svarsdata/{agency}"),
            );
        }
        let (Agency::Skv, Some(AgencyResult::Data(skv))) = (agency, &s.skv) else {
            continue;
        };
        let gate = match skv {
            SkvSvar::Delar(_) => Gate::SkvDelar,
            SkvSvar::Beskattningsuppgifter(_) => Gate::SkvBeskattningsuppgifter,
        };
        if !gate.carried_by(version) {
            push(Place::Agency(agency), gate, "svarsdata/SKV".to_owned());
            continue;
        }
        for (del, outcome) in skv.delar().into_iter().flat_map(|d| d.parts()) {
            if let ResultKind::Undecodable(u) = outcome {
                if !kept_fits(u.block(), version) {
                    let path = format!("svarsdata/SKV/{del}");
                    push(Place::SkvPart(del), Gate::KeptBlock, path);
                }
            }
        }
    }
    for (i, other) in s.other.iter().enumerate() {
        if !kept_fits(other, version) {
            let path = format!("svarsdata/{}", other.name().local());
            push(Place::Other(i), Gate::KeptBlock, path);
        }
    }
}

fn remove(message: &mut SsbtekMessage, place: Place) {
    let (fraga, svarsdata) = match message {
        SsbtekMessage::Request(fraga) => (Some(&mut **fraga), None),
        SsbtekMessage::Response(svar) => (svar.fraga.as_mut(), Some(&mut svar.svarsdata)),
        _ => return,
    };
    match (place, svarsdata) {
        (Place::SkvFraga, _) => {
            if let Some(fraga) = fraga {
                fraga.specifika.skv.fraga = None;
            }
        }
        (Place::Agency(agency), Some(s)) => clear_agency(s, agency),
        (Place::SkvPart(del), Some(s)) => {
            if let Some(AgencyResult::Data(SkvSvar::Delar(delar))) = &mut s.skv {
                match del {
                    SkvDel::Foretagsinformation => delar.foretagsinformation = None,
                    SkvDel::Individuppgifter => delar.individuppgifter = None,
                    SkvDel::Skattekonto => delar.skattekonto = None,
                    SkvDel::Skatteuppgifter => delar.skatteuppgifter = None,
                    SkvDel::Beskattningsbilagor => delar.beskattningsbilagor = None,
                }
            }
        }
        (Place::Other(i), Some(s)) => {
            if i < s.other.len() {
                s.other.remove(i);
            }
        }
        (_, None) => {}
    }
}

fn clear_agency(s: &mut Svarsdata, agency: Agency) {
    match agency {
        Agency::Af => s.af = None,
        Agency::Csn => s.csn = None,
        Agency::Fk => s.fk = None,
        Agency::Skv => s.skv = None,
        Agency::So => s.so = None,
        Agency::Tns => s.tns = None,
        Agency::Miv => s.miv = None,
    }
}
