//! The lexical forms every codec reads and writes: dates, date-times, decimals, integers
//! and booleans. One parser per form, used by the LEFI v9 JSON, LEFI XML and SSBTEK codecs
//! and by the value types' serde impls; where a contract writes a form differently, a named
//! variant says so ([`DecimalForm`]).
//!
//! | form | function | where |
//! |---|---|---|
//! | `YYYY-MM-DD` | [`date`] | LEFI `format: date`, LEFI XML `Datum`, `xs:date` before its timezone ([`XsdDate`](crate::period::XsdDate)), periods |
//! | `YYYY-MM-DDThh:mm:ss[.f][tz]` | [`date_time`] | `xs:dateTime` ([`XsdDateTime`](crate::model::ssbtek::XsdDateTime)) |
//! | RFC 3339 `date-time` | [`rfc3339`] (chrono's parser) | LEFI `format: date-time` ([`DateTimeText`](crate::model::lefi::DateTimeText)) |
//! | JSON number | [`decimal`] with [`DecimalForm::Json`] | LEFI v9 amounts, Skatteverket's JSON |
//! | `xs:decimal` | [`decimal`] with [`DecimalForm::Xs`] | LEFI XML, SSBTEK agency payloads, decimals written as JSON strings |
//! | `xs:integer` (`xs:int`, `xs:long`, `xs:short`) | [`integer`] | the XML codecs |
//! | `xs:boolean` | [`boolean`] | the XML codecs |
//! | `xs:base64Binary` | [`Base64Blob::decode`](crate::model::ssbtek::Base64Blob::decode) (private decoder here) | SSBTEK payloads |
//!
//! None accepts surrounding whitespace; XML text is [`collapse`]d first, as the schemas'
//! `whiteSpace="collapse"` says.
//!
//! ```
//! use lefi::xs::{self, DecimalForm};
//! assert_eq!(xs::boolean(xs::collapse(" 1 ")), Some(true));
//! assert_eq!(xs::integer::<i32>("+42"), Some(42));
//! assert_eq!(xs::decimal("12450.00", DecimalForm::Json)?.to_string(), "12450.00");
//! # Ok::<(), xs::ParseAmountError>(())
//! ```

pub(crate) mod base64;
mod date;
mod decimal;
pub(crate) mod serde;

pub use date::{date, date_time, rfc3339};
pub(crate) use date::{digits, format_date};
pub use decimal::{DecimalForm, ParseAmountError, decimal};

/// Whether `c` is XML whitespace (space, tab, carriage return, line feed).
#[must_use]
pub fn is_space(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\r' | '\n')
}

/// The text without leading and trailing XML whitespace (what `whiteSpace="collapse"`
/// leaves of a value without inner spaces).
///
/// ```
/// assert_eq!(lefi::xs::collapse("\n  2024-01-01 "), "2024-01-01");
/// ```
#[must_use]
pub fn collapse(text: &str) -> &str {
    text.trim_matches(is_space)
}

/// Parses `xs:boolean`: `true`, `false`, `1` or `0`.
///
/// ```
/// assert_eq!(lefi::xs::boolean("1"), Some(true));
/// assert_eq!(lefi::xs::boolean("yes"), None);
/// ```
#[must_use]
pub fn boolean(text: &str) -> Option<bool> {
    match text {
        "true" | "1" => Some(true),
        "false" | "0" => Some(false),
        _ => None,
    }
}

/// Parses an `xs:integer` (`[+-]?[0-9]+`) into `T` (`None` when it does not fit).
///
/// ```
/// assert_eq!(lefi::xs::integer::<i16>("-7"), Some(-7));
/// assert_eq!(lefi::xs::integer::<i16>("99999"), None);
/// assert_eq!(lefi::xs::integer::<i64>("+-1"), None);
/// ```
#[must_use]
pub fn integer<T: core::str::FromStr>(text: &str) -> Option<T> {
    let unsigned = text.strip_prefix(['+', '-']).unwrap_or(text);
    if unsigned.is_empty() || !unsigned.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    text.strip_prefix('+').unwrap_or(text).parse().ok()
}
