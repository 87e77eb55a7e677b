//! Wire formats: one codec module per format and version.

pub(crate) mod b64;
pub(crate) mod bytes;
pub(crate) mod json;
pub mod lefi_json;
pub mod lefi_xml;
pub mod ssbtek;
pub mod xml;
