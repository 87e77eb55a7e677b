//! Försäkringskassan's payloads: the LEFI v9 JSON question (`lefiJsonFraga`) and answer
//! (`lefiJsonSvar`), decoded and encoded by the LEFI v9 JSON codec. Every call from SSBTEK
//! into that codec is in this file.

use crate::wire::lefi_json::{self, LefiDocument, UnknownFields};
use crate::wire::ssbtek::EncodeError;
use crate::wire::{DecodeSettings, UnknownContent, Warning, WarningKind};

/// Decodes a LEFI v9 JSON payload with the message's settings (limits, unknown-content
/// policy, quirks). The warnings' paths are the payload's JSON paths, without a prefix.
pub(crate) fn decode<T: LefiDocument>(
    bytes: &[u8],
    settings: &DecodeSettings,
) -> Result<(T, Vec<Warning>), lefi_json::Error> {
    let mut s = lefi_json::DecodeSettings::new();
    s.max_bytes = usize::try_from(settings.limits.max_bytes()).unwrap_or(usize::MAX);
    s.max_depth = settings.limits.max_depth();
    s.unknown_fields = match settings.unknown {
        UnknownContent::Warn => UnknownFields::Warn,
        UnknownContent::Deny => UnknownFields::Deny,
        UnknownContent::Ignore => UnknownFields::Ignore,
    };
    s.tolerate_contract_quirks = settings.tolerate_quirks;
    let decoded = lefi_json::decode_with::<T>(&s, bytes)?;
    let warnings = decoded.warnings.into_iter().map(|w| {
        let kind = match w.kind {
            lefi_json::WarningKind::UnknownField => WarningKind::UnknownProperty { kept: false },
            lefi_json::WarningKind::ContractQuirk(quirk) => WarningKind::ContractQuirk { quirk },
        };
        Warning::new(w.path, kind)
    });
    Ok((decoded.value, warnings.collect()))
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
