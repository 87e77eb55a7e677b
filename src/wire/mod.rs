//! Wire formats: one codec module per format, all following one contract.
//!
//! Every spoke offers the same entry points with the same argument order —
//! `from_slice(input)`, `from_reader(input)`, `decode_with(input, &settings)` (returning
//! [`Decoded`]: value, version, warnings), `decode_any` (the document kind decided in the
//! same pass that decodes it), `to_vec(value)`, `to_writer(out, value)` — and takes one
//! [`DecodeSettings`]: one [`DecodeLimits`], one [`UnknownContent`] policy. Errors and
//! [`Warning`]s point at one [`Position`].

mod contract;
pub(crate) mod json;
pub mod lefi_json;
pub mod lefi_xml;
pub mod ssbtek;

pub use crate::input::{DecodeLimits, Position};
pub use contract::{
    DecodeSettings, Decoded, Dropped, KeptElement, UnknownContent, Warning, WarningKind,
};
