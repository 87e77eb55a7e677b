//! One SSBTEK message as a document: version, SOAP header and body, and its JSON form.

use super::{BastjanstFraga, BastjanstSvar, Fault, PingSvar};
use crate::version::SsbtekVersion;
use crate::xml::XmlFragment;

/// One SSBTEK message.
///
/// serde: externally tagged, `{"request": …}`, `{"response": …}`, `"pingRequest"`,
/// `{"pingResponse": …}`, `{"fault": …}`.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub enum SsbtekMessage {
    /// `hamtaBastjanstInformation`.
    Request(Box<BastjanstFraga>),
    /// `hamtaBastjanstInformationResponse`.
    Response(Box<BastjanstSvar>),
    /// `testaBastjanstInformation` (ping).
    PingRequest,
    /// `testaBastjanstInformationResponse`.
    PingResponse(Box<PingSvar>),
    /// A SOAP fault or an SSBTEK fault element.
    Fault(Fault),
}

/// A decoded SOAP message: version, header and body.
///
/// # JSON form
///
/// serde gives the crate's JSON form of a SOAP document, wrapped in a top-level `"ssbtek"`
/// member so that it cannot be mistaken for a LEFI v9 JSON document:
/// `{"ssbtek": {"version": "10", "header": {…}, "message": {"response": {…}}}}`
/// (`version` and `header` omitted when absent). Members are named after the XML elements
/// (`generellaFrageparametrar`, `svarsdata`, `AF`, `Svar`, …), `None` is omitted, enums are
/// externally tagged, payloads are kept exactly (base64 as received; embedded XML as its text).
/// Reading goes through the same validating parsers as the XML codec.
///
/// **The JSON form is wire-equivalent: it contains identity numbers, names and payloads just
/// like the SOAP document.** Log [`crate::legal::redacted_ssbtek`] instead.
///
/// ```
/// use lefi::model::ssbtek::SsbtekDocument;
/// use lefi::wire::ssbtek;
/// # fn main() -> Result<(), Box<dyn std::error::Error>> {
/// let xml = br#"<S:Envelope xmlns:S="http://schemas.xmlsoap.org/soap/envelope/"><S:Body>
///   <testaBastjanstInformationResponse xmlns="http://schema.forsakringskassan.se/integration/ssbt/10">
///     <FK><anropad>true</anropad></FK></testaBastjanstInformationResponse></S:Body></S:Envelope>"#;
/// let doc = ssbtek::from_slice(xml)?;
/// let json = serde_json::to_string(&doc)?;
/// assert_eq!(json, r#"{"ssbtek":{"version":"10","message":{"pingResponse":{"FK":{"anropad":true}}}}}"#);
/// let back: SsbtekDocument = serde_json::from_str(&json)?;
/// assert_eq!(back, doc);
/// assert!(ssbtek::to_vec(&back)?.starts_with(b"<?xml"));
/// # Ok(()) }
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct SsbtekDocument {
    /// The SSBTEK version from the namespace (`None` only for a SOAP fault that carries no
    /// SSBTEK element; encoded as v10).
    pub version: Option<SsbtekVersion>,
    /// The SOAP header, kept as received.
    pub header: Option<XmlFragment>,
    /// The body.
    pub message: SsbtekMessage,
}

impl SsbtekDocument {
    /// A document without header.
    pub fn new(version: SsbtekVersion, message: SsbtekMessage) -> Self {
        Self {
            version: Some(version),
            header: None,
            message,
        }
    }
}

/// The JSON form's top level: `{"ssbtek": …}`.
#[derive(serde::Serialize)]
struct DocumentJsonRef<'a> {
    ssbtek: DocumentBodyRef<'a>,
}

#[derive(serde::Serialize)]
struct DocumentBodyRef<'a> {
    #[serde(skip_serializing_if = "Option::is_none")]
    version: Option<SsbtekVersion>,
    #[serde(skip_serializing_if = "Option::is_none")]
    header: Option<&'a XmlFragment>,
    message: &'a SsbtekMessage,
}

#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct DocumentJson {
    ssbtek: DocumentBody,
}

#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct DocumentBody {
    #[serde(default)]
    version: Option<SsbtekVersion>,
    #[serde(default)]
    header: Option<XmlFragment>,
    message: SsbtekMessage,
}

impl serde::Serialize for SsbtekDocument {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        DocumentJsonRef {
            ssbtek: DocumentBodyRef {
                version: self.version,
                header: self.header.as_ref(),
                message: &self.message,
            },
        }
        .serialize(serializer)
    }
}

impl<'de> serde::Deserialize<'de> for SsbtekDocument {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let DocumentJson { ssbtek } = DocumentJson::deserialize(deserializer)?;
        Ok(Self {
            version: ssbtek.version,
            header: ssbtek.header,
            message: ssbtek.message,
        })
    }
}
