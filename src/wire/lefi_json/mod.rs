//! LEFI Online v9 JSON: the REST API's request, response, available-types and error
//! documents, decoded into the typed model of [`crate::model::lefi`] and encoded back.
//!
//! * [`from_slice`], [`from_reader`]: decode with the default [`DecodeSettings`],
//!   discarding warnings (the fast path: no tracking at all on success);
//! * [`decode_with`], [`decode_reader_with`]: decode with explicit settings and get the
//!   [`Warning`]s (ignored properties, tolerated contract quirks) with their JSON paths;
//! * [`to_vec`], [`to_vec_pretty`], [`to_writer`]: encode.
//!
//! The four documents implement the sealed [`LefiDocument`] trait.
//!
//! Decoding is exact for numbers (`0.1` stays `0.1`, `1e2` reads as `100`, `1.50` keeps
//! its scale; see [`Decimal`](rust_decimal::Decimal) fields), refuses oversized input
//! before parsing and too deeply nested input (see [`DecodeSettings::max_depth`]), never
//! panics, and reports errors with the JSON
//! path (`formansinformation.sjukpenningarende[2].beslut[0].period.fran`), line and
//! column without echoing the document's values.
//!
//! Properties the contract does not define (Försäkringskassan adds fields without a new
//! version) are ignored and reported as warnings; [`UnknownFields::Deny`] refuses them.
//! The contract contradicts itself in a few places; the forms its own examples use are
//! tolerated (see [`Quirk`]) unless [`DecodeSettings::tolerate_contract_quirks`] is off.
//!
//! ```
//! use lefi::model::lefi::LefiExternFormansinformationFraga;
//! use lefi::wire::lefi_json;
//!
//! let json = br#"{"personnummer":"197407029284","period":{"from":"2023-01-01","tom":"2024-01-01"},
//!                "formansinformation":["FK:SJP"],"ovrigInformation":["FK:GEPI"]}"#;
//! let request: LefiExternFormansinformationFraga = lefi_json::from_slice(json)?;
//! assert_eq!(request.formansinformation.as_ref().map(Vec::len), Some(1));
//! let again = lefi_json::to_vec(&request)?;
//! assert_eq!(lefi_json::from_slice::<LefiExternFormansinformationFraga>(&again)?, request);
//! # Ok::<(), lefi_json::Error>(())
//! ```

mod decode;
mod encode;
mod error;
mod fast;
mod fast_generated;
pub(crate) mod quirks;
mod watch;

use core::fmt;

pub use decode::{decode_reader_with, decode_with, from_reader, from_slice};
pub use encode::{to_vec, to_vec_pretty, to_writer};
pub use error::Error;
pub use quirks::Quirk;

use crate::model::lefi::{
    LefiExternFormansinformationFraga, LefiExternFormansinformationSvar,
    LefiExternTillgangligaInformationstyper, LefiFelsvar,
};

/// What [`decode_with`] does with properties the contract does not define.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
#[non_exhaustive]
pub enum UnknownFields {
    /// Ignore them and report each one's JSON path as a [`Warning`] (the default).
    #[default]
    Warn,
    /// Refuse the document ([`Error::UnknownField`]).
    Deny,
    /// Ignore them silently (no tracking cost).
    Ignore,
}

/// Limits and policies for decoding.
///
/// ```
/// use lefi::wire::lefi_json::{DecodeSettings, UnknownFields};
///
/// let mut settings = DecodeSettings::default();
/// assert_eq!(settings.max_bytes, 32 * 1024 * 1024);
/// assert_eq!(settings.max_depth, 64);
/// settings.max_bytes = 1024 * 1024;
///
/// let strict = DecodeSettings::strict();
/// assert_eq!(strict.unknown_fields, UnknownFields::Deny);
/// assert!(!strict.tolerate_contract_quirks);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub struct DecodeSettings {
    /// Largest accepted document in bytes (default 32 MiB); checked before parsing.
    pub max_bytes: usize,
    /// Deepest accepted nesting of arrays and objects (default 64).
    ///
    /// The contract's schema nests at most [`LefiDocument::SCHEMA_DEPTH`] deep (13 for the
    /// response), and the typed model reads no deeper. So a limit at or above that is
    /// checked by a scan of the bytes only when the parse skipped a value (an unknown
    /// property) or tolerated a quirk, or failed; a lower limit is checked before parsing.
    /// Either way a document nested deeper is refused with [`Error::TooDeep`].
    pub max_depth: usize,
    /// Properties the contract does not define (default [`UnknownFields::Warn`]).
    pub unknown_fields: UnknownFields,
    /// Accept the forms the contract's own examples use against its schema (default
    /// `true`); see [`Quirk`].
    pub tolerate_contract_quirks: bool,
    /// Read plain documents with the reader generated from the contract (default `true`).
    ///
    /// serde_json with the model's derived `Deserialize` impls is the decoder of record.
    /// The generated reader takes only documents in their plain form (every property given
    /// once, keys without escapes, integers without exponents) and hands anything else to
    /// serde from the start, so the result (value, warnings, errors) is the same either
    /// way; on a typical response it is about 1.8 times as fast. `false` always takes the
    /// serde path, for comparison.
    pub generated_reader: bool,
}

impl DecodeSettings {
    /// The defaults: 32 MiB, depth 64, warn about unknown properties, tolerate quirks.
    #[must_use]
    pub const fn new() -> Self {
        Self {
            max_bytes: 32 * 1024 * 1024,
            max_depth: 64,
            unknown_fields: UnknownFields::Warn,
            tolerate_contract_quirks: true,
            generated_reader: true,
        }
    }

    /// Strict mode: the default limits, unknown properties and contract quirks refused.
    #[must_use]
    pub const fn strict() -> Self {
        Self {
            unknown_fields: UnknownFields::Deny,
            tolerate_contract_quirks: false,
            ..Self::new()
        }
    }
}

impl Default for DecodeSettings {
    fn default() -> Self {
        Self::new()
    }
}

/// A decoded document with the warnings found while decoding it.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct Decoded<T> {
    /// The document.
    pub value: T,
    /// Ignored properties and tolerated quirks, in document order within each kind.
    pub warnings: Vec<Warning>,
}

/// Something accepted while decoding that the contract does not describe.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub struct Warning {
    /// JSON path of the value, e.g. `formansinformation.nyttFalt`.
    pub path: String,
    /// What it is.
    pub kind: WarningKind,
}

/// The kinds of [`Warning`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum WarningKind {
    /// A property the contract does not define; its value was ignored (and is not
    /// re-encoded).
    UnknownField,
    /// A tolerated contradiction between the contract's schema and its examples.
    ContractQuirk(Quirk),
}

impl fmt::Display for Warning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.kind {
            WarningKind::UnknownField => {
                write!(
                    f,
                    "{}: property not defined by the contract, ignored",
                    self.path
                )
            }
            WarningKind::ContractQuirk(quirk) => write!(f, "{}: {quirk}, tolerated", self.path),
        }
    }
}

/// The four kinds of LEFI v9 JSON document.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum DocumentKind {
    /// [`LefiExternFormansinformationFraga`], the body of `POST …/formansinformation/fraga`.
    Request,
    /// [`LefiExternFormansinformationSvar`], its 200 answer.
    Response,
    /// [`LefiExternTillgangligaInformationstyper`], the 200 answer of
    /// `GET …/tillgangligaInformationstyper`.
    Available,
    /// [`LefiFelsvar`], the 4xx/5xx answer of both operations.
    Error,
}

impl DocumentKind {
    /// Every kind.
    pub const ALL: [Self; 4] = [Self::Request, Self::Response, Self::Available, Self::Error];

    /// `request`, `response`, `available` or `error`.
    ///
    /// ```
    /// use lefi::wire::lefi_json::DocumentKind;
    /// assert_eq!(DocumentKind::Available.as_str(), "available");
    /// assert_eq!("error".parse::<DocumentKind>(), Ok(DocumentKind::Error));
    /// ```
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::Request => "request",
            Self::Response => "response",
            Self::Available => "available",
            Self::Error => "error",
        }
    }

    /// The contract's schema name of the document.
    #[must_use]
    pub const fn schema(self) -> &'static str {
        match self {
            Self::Request => "LefiExternFormansinformationFraga",
            Self::Response => "LefiExternFormansinformationSvar",
            Self::Available => "LefiExternTillgangligaInformationstyper",
            Self::Error => "LefiFelsvar",
        }
    }
}

impl fmt::Display for DocumentKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The text was not one of `request`, `response`, `available`, `error`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, thiserror::Error)]
#[error("unknown document kind (expected request, response, available or error)")]
pub struct ParseDocumentKindError;

impl core::str::FromStr for DocumentKind {
    type Err = ParseDocumentKindError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Self::ALL
            .into_iter()
            .find(|k| k.as_str() == s)
            .ok_or(ParseDocumentKindError)
    }
}

mod sealed {
    pub trait Sealed {}
}

/// One of the four LEFI v9 JSON documents (sealed: implemented for the four root types).
pub trait LefiDocument:
    serde::Serialize
    + serde::de::DeserializeOwned
    + sealed::Sealed
    + fmt::Debug
    + Clone
    + PartialEq
    + Eq
    + 'static
{
    /// Which document this is.
    const KIND: DocumentKind;
    /// The deepest nesting of JSON arrays and objects the contract's schema allows in this
    /// document (computed from the contract by the generator). Anything deeper can only be
    /// inside a value the model skips or tolerates.
    const SCHEMA_DEPTH: usize;
}

macro_rules! document {
    ($($ty:ident => $kind:ident, $depth:ident);+ $(;)?) => {$(
        impl sealed::Sealed for $ty {}
        impl LefiDocument for $ty {
            const KIND: DocumentKind = DocumentKind::$kind;
            const SCHEMA_DEPTH: usize = crate::model::lefi::schema_depth::$depth;
        }
    )+};
}

document! {
    LefiExternFormansinformationFraga => Request, LEFI_EXTERN_FORMANSINFORMATION_FRAGA;
    LefiExternFormansinformationSvar => Response, LEFI_EXTERN_FORMANSINFORMATION_SVAR;
    LefiExternTillgangligaInformationstyper => Available, LEFI_EXTERN_TILLGANGLIGA_INFORMATIONSTYPER;
    LefiFelsvar => Error, LEFI_FELSVAR;
}
