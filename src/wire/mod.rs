//! Wire formats: one codec module per format and version.

pub(crate) mod json;
pub mod lefi_json;
pub mod xml;
pub mod ssbtek;
pub mod lefi_xml;
