//! The FK (LEFI v9 JSON) payload inside SSBTEK.

use crate::model::lefi::LefiExternFormansinformationSvar;
use crate::wire::lefi_json;
use crate::wire::xml::XmlErrorKind;

/// Decodes the `lefiJsonSvar` bytes into the typed LEFI v9 response.
pub(crate) fn decode_svar(bytes: &[u8]) -> Result<LefiExternFormansinformationSvar, XmlErrorKind> {
    lefi_json::from_slice(bytes).map_err(|e| XmlErrorKind::Payload {
        what: "LEFI v9 JSON in lefiJsonSvar",
        detail: e.to_string(),
    })
}
