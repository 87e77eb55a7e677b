//! Wire formats: one codec module per format and version.

pub mod xml;
