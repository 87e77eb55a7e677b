//! Standard base64 decoding: the `base64` crate's `STANDARD` engine (padded, canonical).
//!
//! The FK answer in SSBTEK carries its LEFI v9 JSON as one large `xs:base64Binary` text.
//! A table of every pair of characters (eight characters to six bytes in four lookups)
//! once decoded it here; measured against the crate on the SSBTEK FK decode benchmarks it
//! gained nothing beyond noise (the crate was within 0–4 % of it on the 250 KB and 5 MB
//! answers, the typed JSON parse of the payload dominating), so the crate decodes alone.

use base64::Engine as _;
use base64::engine::general_purpose::STANDARD;

/// Decodes padded, canonical standard base64 (the crate's `STANDARD.decode`: same bytes,
/// same errors).
pub(crate) fn decode_standard(text: &[u8]) -> Result<Vec<u8>, base64::DecodeError> {
    STANDARD.decode(text)
}
