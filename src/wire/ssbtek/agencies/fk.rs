//! Försäkringskassan's payloads: the LEFI v9 JSON question (`lefiJsonFraga`) and answer
//! (`lefiJsonSvar`), decoded and encoded by the LEFI v9 JSON codec. Every call from SSBTEK
//! into that codec is in this file.

use crate::wire::lefi_json::{self, LefiDocument};
use crate::wire::ssbtek::EncodeError;
use crate::wire::{DecodeSettings, Warning};

/// Decodes a LEFI v9 JSON payload with the message's settings (limits, unknown-content
/// policy, quirks). The warnings' paths are the payload's JSON paths, without a prefix.
pub(crate) fn decode<T: LefiDocument>(
    bytes: &[u8],
    settings: &DecodeSettings,
) -> Result<(T, Vec<Warning>), lefi_json::Error> {
    let decoded = lefi_json::decode_with::<T>(bytes, settings)?;
    Ok((decoded.value, decoded.warnings))
}

/// Encodes a LEFI v9 JSON payload, `what` naming it in the error.
pub(crate) fn encode<T: LefiDocument>(
    value: &T,
    what: &'static str,
) -> Result<Vec<u8>, EncodeError> {
    lefi_json::to_vec(value).map_err(|e| EncodeError::Payload {
        what,
        detail: e.to_string(),
    })
}
