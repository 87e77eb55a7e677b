//! Errors of the LEFI Online XML codec.

use crate::input::Position;
use crate::version::LefiVersion;
use crate::xml::XmlError;

/// Why a LEFI Online XML document could not be decoded or encoded.
///
/// Messages name elements, properties, versions and namespaces, never the document's
/// values (no personnummer, names or amounts).
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// The XML layer refused the input (malformed, too large, too deep, DOCTYPE, a missing,
    /// repeated or unexpected element, an invalid value), with line, column and path.
    #[error(transparent)]
    Xml(#[from] XmlError),
    /// The root element is not in the namespace of a LEFI Online XML version.
    #[error(
        "root element namespace `{namespace}` is not a LEFI Online 5, 5.1, 6 or 7 namespace ({position})"
    )]
    UnknownNamespace {
        /// The namespace URI found (empty when unqualified).
        namespace: String,
        /// Where.
        position: Position,
    },
    /// The root element is not the expected document.
    #[error("root element `{found}` is not `{expected}` ({position})")]
    WrongRoot {
        /// The expected root element.
        expected: &'static str,
        /// The local name found.
        found: String,
        /// Where.
        position: Position,
    },
    /// The root element is neither of the two documents ([`decode_any`](super::decode_any)).
    #[error("root element `{found}` is not a LEFI Online XML document ({position})")]
    UnknownRoot {
        /// The local name found.
        found: String,
        /// Where.
        position: Position,
    },
    /// The document is in another version than the one required (the per-version
    /// modules' `from_slice`).
    #[error("the document is LEFI Online {found}, not {expected} ({position})")]
    WrongVersion {
        /// The version required.
        expected: LefiVersion,
        /// The version of the document (from its namespace).
        found: LefiVersion,
        /// Where.
        position: Position,
    },
    /// `lefiOnlineVersion` and the namespace name different versions.
    #[error(
        "lefiOnlineVersion does not match the namespace of LEFI Online {namespace_version} ({position})"
    )]
    VersionMismatch {
        /// The version the namespace names.
        namespace_version: LefiVersion,
        /// Where.
        position: Position,
    },
    /// A code that the document's version does not allow (for example `FK:FSJP` in 6.0).
    #[error("code `{code}` is not available in LEFI Online {version} ({position})")]
    CodeNotInVersion {
        /// The code (codes are not personal data).
        code: String,
        /// The document's version.
        version: LefiVersion,
        /// Where.
        position: Position,
    },
    /// Encoding: the target version cannot carry an item of the model.
    #[error("LEFI Online {version} cannot carry `{path}`{}", code_suffix(.code.as_deref()))]
    NotRepresentable {
        /// JSON-like path of the item (`formansinformation.forebyggandeSjukpenningsarende`).
        path: String,
        /// The gated code, when a list item was refused for its code.
        code: Option<String>,
        /// The target version.
        version: LefiVersion,
    },
    /// Encoding: a text value holds a character XML 1.0 cannot carry (a control character).
    #[error("`{path}` holds a character that XML 1.0 cannot carry")]
    InvalidCharacter {
        /// JSON-like path of the value.
        path: String,
    },
    /// Encoding: a date outside the years 0001–9999.
    #[error("`{path}` holds a date outside the years 0001-9999")]
    DateOutOfRange {
        /// JSON-like path of the value.
        path: String,
    },
    /// The version has no XML form (LEFI 9 is JSON: use `wire::lefi_json`).
    #[error("LEFI Online {0} has no XML form")]
    UnsupportedVersion(LefiVersion),
    /// Reading or writing failed.
    #[error("i/o error")]
    Io(#[from] std::io::Error),
}

fn code_suffix(code: Option<&str>) -> String {
    code.map(|c| format!(" (code `{c}`)")).unwrap_or_default()
}

impl Error {
    /// Where in the input a decoding error happened (`None` for encoding errors).
    ///
    /// ```
    /// let err = lefi::wire::lefi_xml::from_slice::<lefi::model::lefi::LefiExternFormansinformationSvar>(b"<x/>").unwrap_err();
    /// assert_eq!(err.position().map(|p| p.line()), Some(1));
    /// ```
    #[must_use]
    pub fn position(&self) -> Option<&Position> {
        match self {
            Self::Xml(e) => Some(e.position()),
            Self::UnknownNamespace { position, .. }
            | Self::WrongRoot { position, .. }
            | Self::UnknownRoot { position, .. }
            | Self::WrongVersion { position, .. }
            | Self::VersionMismatch { position, .. }
            | Self::CodeNotInVersion { position, .. } => Some(position),
            Self::NotRepresentable { .. }
            | Self::InvalidCharacter { .. }
            | Self::DateOutOfRange { .. }
            | Self::UnsupportedVersion(_)
            | Self::Io(_) => None,
        }
    }
}
