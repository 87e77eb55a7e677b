//! [`Document`]: any of the four LEFI v9 JSON documents.

use serde::{Serialize, Serializer};

use super::DocumentKind;
use crate::model::lefi::{
    ContractQuirks, LefiExternFormansinformationFraga, LefiExternFormansinformationSvar,
    LefiExternTillgangligaInformationstyper, LefiFelsvar, QuirkAt,
};

/// One LEFI v9 JSON document of whichever kind it is, as [`decode_any`](super::decode_any)
/// reads it. Encodes as the document itself.
///
/// ```
/// use lefi::wire::lefi_json::{self, Document, DocumentKind};
/// use lefi::wire::DecodeSettings;
///
/// let json = br#"{"meddelande":"Internt fel"}"#;
/// let decoded = lefi_json::decode_any(json, &DecodeSettings::new())?;
/// assert_eq!(decoded.value.kind(), DocumentKind::Error);
/// assert!(matches!(&decoded.value, Document::Error(e) if e.meddelande.as_deref() == Some("Internt fel")));
/// assert_eq!(lefi_json::to_vec(&decoded.value)?, json);
/// # Ok::<(), lefi_json::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Document {
    /// The body of `POST …/formansinformation/fraga`.
    Request(Box<LefiExternFormansinformationFraga>),
    /// Its 200 answer.
    Response(Box<LefiExternFormansinformationSvar>),
    /// The 200 answer of `GET …/tillgangligaInformationstyper`.
    Available(Box<LefiExternTillgangligaInformationstyper>),
    /// The 4xx/5xx answer of both operations.
    Error(Box<LefiFelsvar>),
}

impl Document {
    /// Which kind of document this is.
    ///
    /// ```
    /// use lefi::model::lefi::LefiFelsvar;
    /// use lefi::wire::lefi_json::{Document, DocumentKind};
    /// assert_eq!(Document::Error(Box::default()).kind(), DocumentKind::Error);
    /// ```
    #[must_use]
    pub const fn kind(&self) -> DocumentKind {
        match self {
            Self::Request(_) => DocumentKind::Request,
            Self::Response(_) => DocumentKind::Response,
            Self::Available(_) => DocumentKind::Available,
            Self::Error(_) => DocumentKind::Error,
        }
    }
}

impl Serialize for Document {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            Self::Request(d) => d.serialize(serializer),
            Self::Response(d) => d.serialize(serializer),
            Self::Available(d) => d.serialize(serializer),
            Self::Error(d) => d.serialize(serializer),
        }
    }
}

impl ContractQuirks for Document {
    fn quirks(&self) -> Vec<QuirkAt> {
        match self {
            Self::Request(d) => d.quirks(),
            Self::Response(d) => d.quirks(),
            Self::Available(d) => d.quirks(),
            Self::Error(d) => d.quirks(),
        }
    }
}
