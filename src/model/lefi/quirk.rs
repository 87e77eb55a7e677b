//! The contract's contradictions that the model tolerates (DOMAIN §7.8).

use core::fmt;

/// A tolerated contradiction between the contract's schema and the documents it describes
/// (its own examples).
///
/// ```
/// use lefi::model::lefi::Quirk;
/// assert_eq!(Quirk::EmptyListForObject.to_string(), "empty array where the contract says object");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Quirk {
    /// An empty JSON array where the schema says object (`avvikelser: []` in the contract's
    /// own response example); read as the empty object and encoded as `{}`.
    EmptyListForObject,
    /// A `{id, beskrivning}` code object where the schema says string (`ersattning` in the
    /// contract's own sjukpenning example); kept as an object and encoded as one.
    CodeObjectForString,
    /// A property the schema does not declare but the contract's own examples send
    /// (`avslaget` on `LefiSjukpenningArende`, `utlamnare` on
    /// `LefiExternTillgangligaInformationstyper`); kept and encoded.
    UndeclaredProperty,
}

impl fmt::Display for Quirk {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Self::EmptyListForObject => "empty array where the contract says object",
            Self::CodeObjectForString => "code object where the contract says string",
            Self::UndeclaredProperty => "property the contract's schema does not declare",
        })
    }
}
