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
mod answer;
mod decode;
mod encode;
mod error;
pub(crate) mod read;
mod validate;
mod warning;

use std::io::{BufRead, Write};

pub use crate::model::ssbtek::{SsbtekDocument, SsbtekMessage};

use crate::model::ssbtek::BastjanstFraga;
use crate::version::SsbtekVersion;
use crate::xml::{DecodeLimits, XmlReader, XmlWriter};

pub use error::{DecodeError, EncodeError};
pub use validate::{PayloadDeviation, validate_payloads};
pub use warning::{Decoded, Warning, WarningKind};

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

/// Limits and policy for decoding. Defaults: 64 MiB, nesting depth 64 (also applied to
/// the documents inside the agencies' payloads), not strict.
///
/// Not strict, an agency block that holds something its type does not expect is kept as
/// [`AgencyResult::Undecodable`](crate::model::ssbtek::AgencyResult::Undecodable) and the
/// other agencies decode normally; elements and payload properties the contract does not
/// define are kept (or, in the FK payload, ignored); each is reported as a [`Warning`] by
/// [`decode_with`]. Strict, each of these refuses the message.
///
/// ```
/// let mut s = lefi::wire::ssbtek::DecodeSettings::default();
/// s.max_depth = 32;
/// assert_eq!(s.limits().max_depth(), 32);
/// assert!(!s.strict);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub struct DecodeSettings {
    /// Largest accepted document, bytes.
    pub max_bytes: u64,
    /// Deepest accepted element nesting.
    pub max_depth: usize,
    /// Refuse anything not understood (undecodable agency blocks, unknown elements and
    /// properties, contract quirks) instead of keeping it.
    pub strict: bool,
    limits: DecodeLimits,
}

impl Default for DecodeSettings {
    fn default() -> Self {
        let limits = DecodeLimits::default();
        Self {
            max_bytes: limits.max_bytes(),
            max_depth: limits.max_depth(),
            strict: false,
            limits,
        }
    }
}

impl DecodeSettings {
    /// The default limits, strict: anything not understood refuses the message.
    ///
    /// ```
    /// assert!(lefi::wire::ssbtek::DecodeSettings::strict().strict);
    /// ```
    #[must_use]
    pub fn strict() -> Self {
        Self {
            strict: true,
            ..Self::default()
        }
    }

    /// The XML limits these settings amount to.
    pub fn limits(&self) -> DecodeLimits {
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

/// Decodes a SOAP envelope (or a bare SSBTEK body element) from memory.
pub fn from_slice(input: &[u8]) -> Result<SsbtekDocument, DecodeError> {
    from_slice_with(input, &DecodeSettings::default())
}

/// [`from_slice`] with explicit settings.
pub fn from_slice_with(
    input: &[u8],
    settings: &DecodeSettings,
) -> Result<SsbtekDocument, DecodeError> {
    decode_with(input, settings).map(|d| d.document)
}

/// Decodes a message from memory with explicit settings, returning what the decoder kept,
/// tolerated or gave up on the way (see [`Warning`]).
pub fn decode_with(input: &[u8], settings: &DecodeSettings) -> Result<Decoded, DecodeError> {
    let settings = settings.resolved();
    let mut r = XmlReader::from_slice(input, &settings.limits)?;
    let mut ctx = answer::Ctx {
        settings: &settings,
        warnings: Vec::new(),
    };
    let document = decode::document(&mut r, &mut ctx)?;
    Ok(Decoded {
        document,
        warnings: ctx.warnings,
    })
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
    let mut ctx = answer::Ctx {
        settings: &settings,
        warnings: Vec::new(),
    };
    decode::document(&mut r, &mut ctx)
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
/// # use lefi::legal::{marker, Actor, ActorKind, LawfulPurpose};
/// # use lefi::model::ssbtek::{Agency, Arendeidentitet, BastjanstFragaBuilder};
/// # use lefi::period::Period;
/// use lefi::version::SsbtekVersion;
/// use lefi::wire::ssbtek::{self, EncodeError};
/// # fn main() -> Result<(), Box<dyn std::error::Error>> {
/// # let period = Period::new(NaiveDate::from_ymd_opt(2025, 1, 1).ok_or("date")?, NaiveDate::from_ymd_opt(2025, 6, 30).ok_or("date")?)?;
/// # let kommun = Actor::new(ActorKind::Kommun, Organisationsnummer::parse("2120002411")?, "Kommunen")?;
/// let fraga = BastjanstFragaBuilder::new(
///     &kommun, "hl01", &Personnummer::parse("197407029284")?, Arendeidentitet::new("A1")?,
///     period, &LawfulPurpose::consent_free(marker::EkonomisktBistand),
/// )?.include(Agency::Skv).build()?;
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
