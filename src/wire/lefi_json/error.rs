//! The LEFI v9 JSON codec's error type.

use super::Quirk;

/// Why a LEFI v9 JSON document could not be decoded or encoded.
///
/// Messages name the place (JSON path, line and column) and what was expected; they never
/// repeat values from the document (string values and long digit runs in the underlying
/// parser's messages are redacted), so they are safe to log.
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
    /// The document is larger than [`DecodeSettings::max_bytes`](super::DecodeSettings).
    #[error("document is larger than the limit of {max} bytes")]
    TooLarge {
        /// The limit that was exceeded.
        max: usize,
    },
    /// Arrays and objects nest deeper than
    /// [`DecodeSettings::max_depth`](super::DecodeSettings).
    #[error("document nests deeper than {max} levels (line {line}, column {column})")]
    TooDeep {
        /// The limit that was exceeded.
        max: usize,
        /// 1-based line of the bracket that went too deep.
        line: usize,
        /// 1-based column (in bytes) of that bracket.
        column: usize,
    },
    /// The bytes are not well-formed JSON (or end too early).
    #[error(
        "invalid JSON at {}: {message} (line {line}, column {column})",
        show(path)
    )]
    Syntax {
        /// JSON path of the value being read, `""` for the document root.
        path: String,
        /// 1-based line.
        line: usize,
        /// 1-based column (in bytes).
        column: usize,
        /// The parser's description of the problem.
        message: String,
    },
    /// Well-formed JSON that does not match the contract's schema.
    #[error(
        "invalid value at {}: {expected} (line {line}, column {column})",
        show(path)
    )]
    Data {
        /// JSON path of the offending value, e.g.
        /// `formansinformation.sjukpenningarende[2].beslut[0].period.fran`.
        path: String,
        /// 1-based line.
        line: usize,
        /// 1-based column (in bytes).
        column: usize,
        /// What was expected there (and the kind of value found; never the value itself).
        expected: String,
    },
    /// A property the contract does not define, refused by
    /// [`UnknownFields::Deny`](super::UnknownFields::Deny).
    #[error("property not defined by the contract at {}", show(path))]
    UnknownField {
        /// JSON path of the property.
        path: String,
    },
    /// A contract quirk refused because
    /// [`DecodeSettings::tolerate_contract_quirks`](super::DecodeSettings) is `false`.
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
            Self::Syntax { path, .. }
            | Self::Data { path, .. }
            | Self::UnknownField { path }
            | Self::ContractQuirk { path, .. } => Some(path),
            Self::TooLarge { .. } | Self::TooDeep { .. } | Self::Io(_) | Self::Encode { .. } => {
                None
            }
        }
    }

    /// The 1-based line and column (in bytes) of the error, when known.
    ///
    /// ```
    /// use lefi::model::lefi::LefiFelsvar;
    /// let err = lefi::wire::lefi_json::from_slice::<LefiFelsvar>(b"{\n  \"meddelande\": 7\n}")
    ///     .unwrap_err();
    /// assert_eq!(err.position(), Some((2, 17)));
    /// ```
    #[must_use]
    pub fn position(&self) -> Option<(usize, usize)> {
        match self {
            Self::TooDeep { line, column, .. }
            | Self::Syntax { line, column, .. }
            | Self::Data { line, column, .. } => Some((*line, *column)),
            _ => None,
        }
    }
}
