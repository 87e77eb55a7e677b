//! The FK (LEFI v9 JSON) payload inside SSBTEK.

use serde::de::IgnoredAny;

use crate::wire::xml::XmlErrorKind;

/// Checks that the decoded `lefiJsonSvar` bytes are one well-formed JSON document.
pub(crate) fn check_json(bytes: &[u8]) -> Result<(), XmlErrorKind> {
    serde_json::from_slice::<IgnoredAny>(bytes)
        .map(|_| ())
        .map_err(|_| XmlErrorKind::InvalidValue {
            expected: "LEFI v9 JSON in lefiJsonSvar",
        })
}
