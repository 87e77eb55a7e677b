//! Errors of the SSBTEK codec.

use crate::version::SsbtekVersion;

/// A decoding error: what and where (line, column, element path). Shared with the XML layer;
/// messages never contain document text.
pub type DecodeError = crate::xml::XmlError;

/// Why a message could not be encoded.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum EncodeError {
    /// The message needs a field the target version does not have, or lacks one it requires.
    #[error("{field} {problem} in SSBTEK version {version}")]
    VersionGating {
        /// The field (element path in the request).
        field: &'static str,
        /// The version encoded to.
        version: SsbtekVersion,
        /// `is required` or `is not supported`.
        problem: &'static str,
    },
    /// Only SSBTEK 10 and 11 are encoded.
    #[error("SSBTEK version {0} is not supported by this codec (10 and 11 are)")]
    UnsupportedVersion(SsbtekVersion),
    /// A value the contract does not allow.
    #[error("{field}: {reason}")]
    Invalid {
        /// The field.
        field: &'static str,
        /// What is wrong (never the value itself).
        reason: &'static str,
    },
    /// A payload could not be encoded from its typed value.
    #[error("cannot encode the {what}: {detail}")]
    Payload {
        /// Which payload.
        what: &'static str,
        /// Why (never a value from the document).
        detail: String,
    },
    /// A block kept undecodable belongs to another element or SSBTEK version and cannot be
    /// written here as received.
    #[error(
        "svarsdata/{element}: a block kept as received from another SSBTEK version cannot be written in version {version}"
    )]
    KeptBlock {
        /// The agency (or Skatteverket part) element.
        element: &'static str,
        /// The version encoded to.
        version: SsbtekVersion,
    },
    /// Writing failed.
    #[error("i/o error: {0}")]
    Io(String),
}

impl From<std::io::Error> for EncodeError {
    fn from(e: std::io::Error) -> Self {
        Self::Io(e.kind().to_string())
    }
}
