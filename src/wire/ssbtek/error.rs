//! Errors of the SSBTEK codec.

use crate::version::SsbtekVersion;

use super::VersionGap;

/// A decoding error: what and where (line, column, element path). Shared with the XML layer;
/// messages never contain document text.
pub type DecodeError = crate::xml::XmlError;

/// Why a message could not be encoded.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum EncodeError {
    /// The message has a form the target version does not carry, or lacks one it requires
    /// (the first of its [`version_gaps`](super::version_gaps)).
    #[error("{gap} in SSBTEK version {version}")]
    VersionGating {
        /// What does not fit, and where.
        gap: VersionGap,
        /// The version encoded to.
        version: SsbtekVersion,
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
    /// A block kept undecodable is another element than the one it stands for (possible
    /// only in a message read from the JSON form) and cannot be written here as received.
    #[error(
        "svarsdata/{element}: the block kept as received is another element and cannot be written in version {version}"
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
