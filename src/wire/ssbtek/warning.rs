//! What the SSBTEK decoder kept, tolerated or gave up without refusing the message.

use core::fmt;

use crate::model::ssbtek::Agency;

use super::SsbtekDocument;

/// Something the decoder noticed and did not refuse (see [`decode_with`](super::decode_with));
/// with [`DecodeSettings::strict`](super::DecodeSettings::strict()) each of these refuses
/// the message instead. Messages and paths never contain document values.
///
/// ```
/// use lefi::wire::ssbtek::{self, DecodeSettings, WarningKind};
/// use lefi::model::ssbtek::Agency;
/// let xml = br#"<hamtaBastjanstInformationResponse xmlns="http://schema.forsakringskassan.se/integration/ssbt/10">
///   <svarsdata><MIV><data><nope/></data></MIV></svarsdata></hamtaBastjanstInformationResponse>"#;
/// let decoded = ssbtek::decode_with(xml, &DecodeSettings::default())?;
/// let w = &decoded.warnings[0];
/// assert_eq!(w.agency, Some(Agency::Miv));
/// assert!(matches!(w.kind, WarningKind::Undecodable { .. }));
/// assert!(w.to_string().starts_with("MIV: "));
/// assert!(ssbtek::decode_with(xml, &DecodeSettings::strict()).is_err());
/// # Ok::<(), ssbtek::DecodeError>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub struct Warning {
    /// The agency concerned; `None` for the message itself.
    pub agency: Option<Agency>,
    /// Where: the element path, and inside a payload its JSON path
    /// (`/…/svarsdata/SKV/skattekonto/data $.saldoTyp`).
    pub path: String,
    /// What happened.
    pub kind: WarningKind,
}

/// What a [`Warning`] reports.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum WarningKind {
    /// The block holds something its type does not expect; it is kept as received
    /// ([`AgencyResult::Undecodable`](crate::model::ssbtek::AgencyResult::Undecodable)).
    Undecodable {
        /// Why (no document values).
        message: String,
    },
    /// An element the contract does not define, kept as received.
    UnknownElement,
    /// A property the payload's type does not define, kept in the typed value.
    UnknownProperty,
    /// A property the LEFI v9 model does not define, ignored in the typed value (the
    /// payload's bytes as received still hold it).
    IgnoredProperty,
    /// A deviation from the LEFI v9 contract that its own examples show, tolerated.
    ContractQuirk {
        /// Which.
        quirk: String,
    },
    /// A payload whose shape is not known yet, kept exactly but not typed.
    Untyped,
}

impl fmt::Display for Warning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let Some(agency) = self.agency {
            write!(f, "{agency}: ")?;
        }
        write!(f, "{}: ", self.path)?;
        match &self.kind {
            WarningKind::Undecodable { message } => {
                write!(f, "cannot be decoded ({message}); kept as received")
            }
            WarningKind::UnknownElement => f.write_str("element not defined by the contract, kept"),
            WarningKind::UnknownProperty => {
                f.write_str("property not defined by the typed model, kept")
            }
            WarningKind::IgnoredProperty => {
                f.write_str("property not defined by the contract, ignored")
            }
            WarningKind::ContractQuirk { quirk } => write!(f, "{quirk}, tolerated"),
            WarningKind::Untyped => f.write_str("shape not known yet, kept untyped"),
        }
    }
}

/// A decoded message with what the decoder noticed on the way.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct Decoded {
    /// The message.
    pub document: SsbtekDocument,
    /// In document order.
    pub warnings: Vec<Warning>,
}
