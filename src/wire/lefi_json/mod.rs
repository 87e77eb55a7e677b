//! LEFI Online v9 JSON: the REST API's request, response, available-types and error
//! documents, decoded into the typed model of [`crate::model::lefi`] and encoded back.
//!
//! The codec follows the [wire contract](crate::wire):
//!
//! * [`from_slice`], [`from_reader`]: decode one document type with the default
//!   [`DecodeSettings`], discarding warnings;
//! * [`decode_with`], [`decode_reader_with`]: decode with explicit settings and get the
//!   [`Decoded`] value with its version ([`LefiVersion::V9`]) and [`Warning`]s (ignored
//!   properties, tolerated contract quirks) with their JSON paths;
//! * [`decode_any`]: a [`Document`] of whichever of the four kinds the input is, decided by
//!   which document type reads it without unknown properties; [`decode_kind`] for a kind
//!   known beforehand;
//! * [`to_vec`], [`to_vec_pretty`], [`to_writer`]: encode.
//!
//! The four documents implement the sealed [`LefiDocument`] trait.
//!
//! Decoding is exact for numbers (`0.1` stays `0.1`, `1e2` reads as `100`, `1.50` keeps
//! its scale; see [`Decimal`](rust_decimal::Decimal) fields), refuses oversized input
//! before parsing and too deeply nested input ([`DecodeLimits`](crate::input::DecodeLimits),
//! counted while parsing, inside ignored values too), never panics, and reports errors
//! with a [`Position`](crate::input::Position): the JSON path
//! (`formansinformation.sjukpenningarende[2].beslut[0].period.fran`), line and column,
//! without echoing the document's values.
//!
//! Properties the contract does not define (Försäkringskassan adds fields without a new
//! version) are ignored and reported as warnings; [`UnknownContent::Deny`] refuses them.
//! The contract contradicts itself in a few places; the forms its own examples use are
//! held by the model (see [`Quirk`](crate::model::lefi::Quirk)) and reported, or refused
//! when [`DecodeSettings::tolerate_quirks`] is off.
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
mod document;
mod encode;
mod error;
mod fast;
mod fast_generated;
mod guard;

use core::fmt;

pub use decode::{
    decode_any, decode_kind, decode_reader_with, decode_with, from_reader, from_slice,
};
pub use document::Document;
pub use encode::{Encode, to_vec, to_vec_pretty, to_writer};
pub use error::Error;

#[allow(unused_imports)] // for the documentation's links
use crate::version::LefiVersion;
#[allow(unused_imports)]
use crate::wire::{DecodeSettings, Decoded, UnknownContent, Warning};

use crate::model::lefi::{
    ContractQuirks, LefiExternFormansinformationFraga, LefiExternFormansinformationSvar,
    LefiExternTillgangligaInformationstyper, LefiFelsvar,
};

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

pub(crate) mod sealed {
    /// Implemented only in this module's parent.
    pub trait Sealed {}
}

/// One of the four LEFI v9 JSON documents (sealed: implemented for the four root types).
pub trait LefiDocument:
    serde::Serialize
    + serde::de::DeserializeOwned
    + ContractQuirks
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
    /// inside a value the model skips.
    const SCHEMA_DEPTH: usize;

    /// The document as a [`Document`].
    fn into_document(self) -> Document;
}

macro_rules! document {
    ($($ty:ident => $kind:ident, $depth:ident);+ $(;)?) => {$(
        impl sealed::Sealed for $ty {}
        impl LefiDocument for $ty {
            const KIND: DocumentKind = DocumentKind::$kind;
            const SCHEMA_DEPTH: usize = crate::model::lefi::schema_depth::$depth;

            fn into_document(self) -> Document {
                Document::$kind(Box::new(self))
            }
        }
    )+};
}

document! {
    LefiExternFormansinformationFraga => Request, LEFI_EXTERN_FORMANSINFORMATION_FRAGA;
    LefiExternFormansinformationSvar => Response, LEFI_EXTERN_FORMANSINFORMATION_SVAR;
    LefiExternTillgangligaInformationstyper => Available, LEFI_EXTERN_TILLGANGLIGA_INFORMATIONSTYPER;
    LefiFelsvar => Error, LEFI_FELSVAR;
}
