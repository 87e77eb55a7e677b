//! SSBTEK v10 and v11: the SOAP 1.1 codec for the composed service.
//!
//! * [`from_slice`], [`from_reader`]: decode any SSBTEK message (question, answer, ping,
//!   ping answer, faults) into an [`SsbtekDocument`]; the SSBT namespace decides the version,
//!   prefixes do not matter; streaming, no DOM, bounded by [`DecodeSettings`].
//! * [`to_vec`], [`to_writer`]: encode a document (SOAP envelope); [`body_to_vec`]: just the
//!   body element (what the XSD validates).
//! * [`validate_payloads`]: report where AF and SO payloads deviate from their own XSDs
//!   (decoding accepts them, DOMAIN §7.1).
//!
//! ```
//! use lefi::wire::ssbtek::{self, SsbtekMessage};
//! use lefi::version::SsbtekVersion;
//! # fn main() -> Result<(), Box<dyn std::error::Error>> {
//! let xml = br#"<S:Envelope xmlns:S="http://schemas.xmlsoap.org/soap/envelope/"><S:Body>
//!   <testaBastjanstInformationResponse xmlns="http://schema.forsakringskassan.se/integration/ssbt/11">
//!     <FK><anropad>true</anropad></FK></testaBastjanstInformationResponse></S:Body></S:Envelope>"#;
//! let doc = ssbtek::from_slice(xml)?;
//! assert_eq!(doc.version, Some(SsbtekVersion::V11));
//! let SsbtekMessage::PingResponse(ping) = &doc.message else { panic!("not a ping answer") };
//! assert_eq!(ping.fk.as_ref().map(|t| t.anropad), Some(true));
//! let again = ssbtek::from_slice(&ssbtek::to_vec(&doc)?)?;
//! assert_eq!(again, doc);
//! # Ok(()) }
//! ```

pub mod agencies;
mod decode;
mod encode;
mod error;
mod fk;
pub(crate) mod read;
mod validate;

use std::io::{BufRead, Write};

use crate::model::ssbtek::{BastjanstFraga, BastjanstSvar, Fault, PingSvar};
use crate::version::SsbtekVersion;
use crate::wire::xml::{XmlFragment, XmlLimits, XmlReader, XmlWriter};

pub use error::{DecodeError, EncodeError};
pub use validate::{validate_payloads, PayloadDeviation};

/// SOAP 1.1 envelope namespace.
pub const SOAP11_NAMESPACE: &str = "http://schemas.xmlsoap.org/soap/envelope/";

/// SSBTEK v10.
pub mod v10 {
    use crate::version::SsbtekVersion;
    /// The version.
    pub const VERSION: SsbtekVersion = SsbtekVersion::V10;
    /// Its target namespace.
    pub const NAMESPACE: &str = "http://schema.forsakringskassan.se/integration/ssbt/10";
}

/// SSBTEK v11 (reconstructed contract: v10 plus `SkatteverketFraga`).
pub mod v11 {
    use crate::version::SsbtekVersion;
    /// The version.
    pub const VERSION: SsbtekVersion = SsbtekVersion::V11;
    /// Its target namespace.
    pub const NAMESPACE: &str = "http://schema.forsakringskassan.se/integration/ssbt/11";
}

/// Limits for decoding. Defaults: 64 MiB, nesting depth 64 (also applied to the CSN
/// document inside its base64 payload).
///
/// ```
/// let mut s = lefi::wire::ssbtek::DecodeSettings::default();
/// s.max_depth = 32;
/// assert_eq!(s.limits().max_depth(), 32);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub struct DecodeSettings {
    /// Largest accepted document, bytes.
    pub max_bytes: u64,
    /// Deepest accepted element nesting.
    pub max_depth: usize,
    limits: XmlLimits,
}

impl Default for DecodeSettings {
    fn default() -> Self {
        let limits = XmlLimits::default();
        Self {
            max_bytes: limits.max_bytes(),
            max_depth: limits.max_depth(),
            limits,
        }
    }
}

impl DecodeSettings {
    /// The XML limits these settings amount to.
    pub fn limits(&self) -> XmlLimits {
        self.limits
            .with_max_bytes(self.max_bytes)
            .with_max_depth(self.max_depth)
    }

    fn resolved(&self) -> Self {
        Self {
            limits: self.limits(),
            ..*self
        }
    }
}

/// One SSBTEK message.
#[derive(Debug, Clone, PartialEq)]
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

/// Decodes a SOAP envelope (or a bare SSBTEK body element) from memory.
pub fn from_slice(input: &[u8]) -> Result<SsbtekDocument, DecodeError> {
    from_slice_with(input, &DecodeSettings::default())
}

/// [`from_slice`] with explicit settings.
pub fn from_slice_with(
    input: &[u8],
    settings: &DecodeSettings,
) -> Result<SsbtekDocument, DecodeError> {
    let settings = settings.resolved();
    let mut r = XmlReader::from_slice(input, &settings.limits)?;
    decode::document(&mut r, &settings)
}

/// Decodes from a buffered reader, streaming.
pub fn from_reader<R: BufRead>(input: R) -> Result<SsbtekDocument, DecodeError> {
    from_reader_with(input, &DecodeSettings::default())
}

/// [`from_reader`] with explicit settings.
pub fn from_reader_with<R: BufRead>(
    input: R,
    settings: &DecodeSettings,
) -> Result<SsbtekDocument, DecodeError> {
    let settings = settings.resolved();
    let mut r = XmlReader::from_reader(input, &settings.limits);
    decode::document(&mut r, &settings)
}

/// Encodes a document as a SOAP 1.1 envelope.
pub fn to_vec(doc: &SsbtekDocument) -> Result<Vec<u8>, EncodeError> {
    let mut out = Vec::with_capacity(4096);
    to_writer(&mut out, doc)?;
    Ok(out)
}

/// Encodes a document as a SOAP 1.1 envelope into `out`.
pub fn to_writer<W: Write>(out: W, doc: &SsbtekDocument) -> Result<(), EncodeError> {
    let mut w = XmlWriter::new(out);
    w.declaration()?;
    encode::document(&mut w, doc)?;
    w.into_inner()?;
    Ok(())
}

/// Encodes just the body element (what `xmllint --schema` validates).
pub fn body_to_vec(
    version: SsbtekVersion,
    message: &SsbtekMessage,
) -> Result<Vec<u8>, EncodeError> {
    let mut w = XmlWriter::new(Vec::new());
    encode::body(&mut w, version, message)?;
    Ok(w.into_inner()?)
}

/// Encodes a question for `version` (checks what the version can carry).
///
/// ```
/// # use chrono::NaiveDate;
/// # use lefi::id::{Organisationsnummer, Personnummer};
/// # use lefi::model::ssbtek::{Agency, Arendeidentitet, BastjanstFragaBuilder, Lagtext, Syfte};
/// # use lefi::period::Period;
/// use lefi::version::SsbtekVersion;
/// use lefi::wire::ssbtek::{self, EncodeError};
/// # fn main() -> Result<(), Box<dyn std::error::Error>> {
/// # let period = Period::new(NaiveDate::from_ymd_opt(2025, 1, 1).unwrap(), NaiveDate::from_ymd_opt(2025, 6, 30).unwrap())?;
/// let fraga = BastjanstFragaBuilder::new(
///     Organisationsnummer::parse("2120002411")?, "Kommunen", "hl01",
///     Personnummer::parse("197407029284")?, Arendeidentitet::new("A1")?, period,
///     Syfte::new("Ekonomiskt bistånd")?, Lagtext::new("SoL")?,
/// ).include(Agency::Skv).build()?;
/// assert!(ssbtek::request_to_vec(&fraga, SsbtekVersion::V10).is_ok());
/// let err = ssbtek::request_to_vec(&fraga, SsbtekVersion::V11).unwrap_err();
/// assert!(matches!(err, EncodeError::VersionGating { .. }));
/// assert!(err.to_string().contains("SkatteverketFraga"));
/// # Ok(()) }
/// ```
pub fn request_to_vec(
    fraga: &BastjanstFraga,
    version: SsbtekVersion,
) -> Result<Vec<u8>, EncodeError> {
    to_vec(&SsbtekDocument::new(
        version,
        SsbtekMessage::Request(Box::new(fraga.clone())),
    ))
}

/// Version-dispatch helper: the namespace of a supported version.
pub fn namespace(version: SsbtekVersion) -> Option<&'static str> {
    match version {
        SsbtekVersion::V10 => Some(v10::NAMESPACE),
        SsbtekVersion::V11 => Some(v11::NAMESPACE),
        _ => None,
    }
}
