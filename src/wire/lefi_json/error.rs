//! The LEFI v9 JSON codec's error type.

use crate::input::Position;
use crate::model::lefi::Quirk;

/// Why a LEFI v9 JSON document could not be decoded or encoded.
///
/// Messages name the place ([`Position`]: JSON path, line and column) and what was
/// expected; they never repeat values from the document (string values and long digit
/// runs in the underlying parser's messages are redacted), so they are safe to log.
///
/// ```
/// use lefi::model::lefi::LefiExternFormansinformationFraga;
/// use lefi::wire::lefi_json::{self, Error};
///
/// let err = lefi_json::from_slice::<LefiExternFormansinformationFraga>(
///     br#"{"personnummer": "19740702928X", "period": {"from": "2023-01-01", "tom": "2024-01-01"}}"#,
/// )
/// .unwrap_err();
/// assert_eq!(err.path(), Some("personnummer"));
/// assert!(!err.to_string().contains("19740702928"));
/// ```
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// The document is larger than
    /// [`DecodeLimits::max_bytes`](crate::input::DecodeLimits::max_bytes).
    #[error("document is larger than the limit of {max} bytes")]
    TooLarge {
        /// The limit that was exceeded.
        max: u64,
    },
    /// Arrays and objects nest deeper than
    /// [`DecodeLimits::max_depth`](crate::input::DecodeLimits::max_depth).
    #[error("document nests deeper than {max} levels ({position})")]
    TooDeep {
        /// The limit that was exceeded.
        max: usize,
        /// The bracket that went too deep.
        position: Position,
    },
    /// The bytes are not well-formed JSON (or end too early).
    #[error("invalid JSON at {}: {message} ({position})", show(position.path()))]
    Syntax {
        /// Where (the path of the value being read, `""` for the document root).
        position: Position,
        /// The parser's description of the problem.
        message: String,
    },
    /// Well-formed JSON that does not match the contract's schema.
    #[error("invalid value at {}: {expected} ({position})", show(position.path()))]
    Data {
        /// Where, e.g. at `formansinformation.sjukpenningarende[2].beslut[0].period.fran`.
        position: Position,
        /// What was expected there (and the kind of value found; never the value itself).
        expected: String,
    },
    /// A property the contract does not define, refused by
    /// [`UnknownContent::Deny`](crate::wire::UnknownContent::Deny).
    #[error("property not defined by the contract at {}", show(position.path()))]
    UnknownProperty {
        /// Where the property's value is.
        position: Position,
    },
    /// A contract quirk refused because
    /// [`DecodeSettings::tolerate_quirks`](crate::wire::DecodeSettings::tolerate_quirks)
    /// is `false` (found in the decoded value, so only its path is known).
    #[error("{quirk} at {} (strict mode)", show(path))]
    ContractQuirk {
        /// JSON path of the value.
        path: String,
        /// Which contradiction it is.
        quirk: Quirk,
    },
    /// Reading the input or writing the output failed.
    #[error("i/o error")]
    Io(#[source] std::io::Error),
    /// The value cannot be written as LEFI v9 JSON (for example a date outside 0000–9999).
    #[error("cannot encode: {message}")]
    Encode {
        /// Why.
        message: String,
    },
}

fn show(path: &str) -> &str {
    if path.is_empty() {
        "the document root"
    } else {
        path
    }
}

impl Error {
    /// The JSON path the error refers to, when it has one (`""` is the document root).
    ///
    /// ```
    /// use lefi::model::lefi::LefiFelsvar;
    /// let err = lefi::wire::lefi_json::from_slice::<LefiFelsvar>(br#"{"meddelande": 7}"#)
    ///     .unwrap_err();
    /// assert_eq!(err.path(), Some("meddelande"));
    /// ```
    #[must_use]
    pub fn path(&self) -> Option<&str> {
        match self {
            Self::TooDeep { position, .. }
            | Self::Syntax { position, .. }
            | Self::Data { position, .. }
            | Self::UnknownProperty { position } => Some(position.path()),
            Self::ContractQuirk { path, .. } => Some(path),
            Self::TooLarge { .. } | Self::Io(_) | Self::Encode { .. } => None,
        }
    }

    /// Where in the input the error is (line, column, byte offset and JSON path), when
    /// known.
    ///
    /// ```
    /// use lefi::model::lefi::LefiFelsvar;
    /// let err = lefi::wire::lefi_json::from_slice::<LefiFelsvar>(b"{\n  \"meddelande\": 7\n}")
    ///     .unwrap_err();
    /// let at = err.position().unwrap();
    /// assert_eq!((at.line(), at.column(), at.byte_offset()), (2, 17, 18));
    /// ```
    #[must_use]
    pub fn position(&self) -> Option<&Position> {
        match self {
            Self::TooDeep { position, .. }
            | Self::Syntax { position, .. }
            | Self::Data { position, .. }
            | Self::UnknownProperty { position } => Some(position),
            _ => None,
        }
    }
}
