//! SSBTEK v10 and v11: the SOAP 1.1 codec for the composed service, on the
//! [`wire`](crate::wire) contract.
//!
//! * [`from_slice`], [`from_reader`]: decode any SSBTEK message into an [`SsbtekDocument`]
//!   with the default [`DecodeSettings`]; [`decode_with`], [`decode_reader_with`]: with
//!   explicit settings, returning the [`Warning`]s too. SSBTEK has one document type: the
//!   body's root element decides the message (question, answer, ping, ping answer, fault) in
//!   the same pass that decodes it, so [`decode_any`] is that same decoding. The SSBT
//!   namespace decides the version, prefixes do not matter; streaming, no DOM.
//! * [`to_vec`], [`to_writer`]: encode a document (SOAP envelope); [`body_to_vec`]: just the
//!   body element (what the XSD validates).
//! * [`version_gaps`], [`fit_to_version`]: what each version can carry (one table).
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
//!
//! # Settings
//!
//! [`DecodeSettings::limits`] bound the message and every document inside its payloads.
//! [`DecodeSettings::unknown`] decides what happens to what the model does not define:
//!
//! * [`UnknownContent::Warn`] (the default): an agency block (or Skatteverket part) that
//!   holds something its type does not expect is kept as
//!   [`AgencyResult::Undecodable`](crate::model::ssbtek::AgencyResult::Undecodable) and the
//!   other agencies decode normally; elements of `svarsdata` and of Skatteverket's ssbt/10
//!   document the contract does not define are kept, and so are properties of Skatteverket's
//!   ssbt/11 parts; properties of the FK payload the LEFI v9 contract does not define are
//!   ignored (its bytes as received keep them). Each is a [`Warning`].
//! * [`UnknownContent::Deny`]: each of these refuses the message.
//! * [`UnknownContent::Ignore`]: kept (or ignored) as with `Warn`, without warnings.
//!
//! [`DecodeSettings::tolerate_quirks`] applies to the FK payload (LEFI v9 JSON): the
//! contract's own deviations are accepted (each a [`WarningKind::ContractQuirk`]) or refused.
//! The FK payload's warnings carry [`Agency::Fk`](crate::model::ssbtek::Agency::Fk) and its
//! path (`…/FK/data/lefiJsonSvar $.formansinformation.nytt`).

pub mod agencies;
mod answer;
mod decode;
mod encode;
mod error;
mod gating;
pub(crate) mod read;
mod validate;

use std::io::{BufRead, Write};

pub use crate::model::ssbtek::{SsbtekDocument, SsbtekMessage};
pub use crate::wire::{DecodeSettings, Decoded, UnknownContent, Warning, WarningKind};

use crate::model::ssbtek::BastjanstFraga;
use crate::version::SsbtekVersion;
use crate::xml::{EventSource, XmlReader, XmlWriter};

pub use error::{DecodeError, EncodeError};
pub use gating::{Gate, VersionGap, fit_to_version, version_gaps};
pub use validate::{PayloadDeviation, validate_payloads};

/// SOAP 1.1 envelope namespace.
pub const SOAP11_NAMESPACE: &str = "http://schemas.xmlsoap.org/soap/envelope/";

/// SSBTEK v10.
pub mod v10 {
    use crate::version::SsbtekVersion;
    /// The version.
    pub const VERSION: SsbtekVersion = SsbtekVersion::V10;
    /// Its target namespace ([`SsbtekVersion::namespace`]).
    pub const NAMESPACE: &str = VERSION.namespace();
}

/// SSBTEK v11 (reconstructed contract: v10 plus `SkatteverketFraga` and Skatteverket's
/// per-part answer).
pub mod v11 {
    use crate::version::SsbtekVersion;
    /// The version.
    pub const VERSION: SsbtekVersion = SsbtekVersion::V11;
    /// Its target namespace ([`SsbtekVersion::namespace`]).
    pub const NAMESPACE: &str = VERSION.namespace();
}

/// The versions this codec reads and writes.
///
/// ```
/// use lefi::version::SsbtekVersion;
/// assert!(lefi::wire::ssbtek::VERSIONS.contains(&SsbtekVersion::V11));
/// assert!(!lefi::wire::ssbtek::VERSIONS.contains(&SsbtekVersion::V8));
/// ```
pub const VERSIONS: [SsbtekVersion; 2] = [v10::VERSION, v11::VERSION];

/// Decodes a SOAP envelope (or a bare SSBTEK body element) from memory with the default
/// settings.
///
/// # Errors
/// [`DecodeError`] with its position when the input is not well-formed XML, breaks the
/// limits, or is not an SSBTEK message.
pub fn from_slice(input: &[u8]) -> Result<SsbtekDocument, DecodeError> {
    decode_any(input, &DecodeSettings::new()).map(|d| d.value)
}

/// Decodes from a buffered reader with the default settings, streaming.
///
/// # Errors
/// As [`from_slice`].
pub fn from_reader<R: BufRead>(input: R) -> Result<SsbtekDocument, DecodeError> {
    decode_reader_with(input, &DecodeSettings::new()).map(|d| d.value)
}

/// Decodes a message from memory with explicit settings, returning it with its version
/// and what the decoder kept, tolerated or gave up on the way; the same as [`decode_any`].
///
/// ```
/// use lefi::model::ssbtek::Agency;
/// use lefi::wire::{DecodeSettings, UnknownContent, WarningKind};
/// use lefi::wire::ssbtek;
/// let xml = br#"<hamtaBastjanstInformationResponse xmlns="http://schema.forsakringskassan.se/integration/ssbt/10">
///   <svarsdata><MIV><data><nope/></data></MIV></svarsdata></hamtaBastjanstInformationResponse>"#;
/// let decoded = ssbtek::decode_with(xml, &DecodeSettings::new())?;
/// let w = &decoded.warnings[0];
/// assert_eq!(w.agency, Some(Agency::Miv));
/// assert!(matches!(w.kind, WarningKind::Undecodable { .. }));
/// assert!(w.to_string().starts_with("MIV: "));
/// assert!(ssbtek::decode_with(xml, &DecodeSettings::strict()).is_err());
/// let quiet = DecodeSettings::new().with_unknown(UnknownContent::Ignore);
/// assert!(ssbtek::decode_with(xml, &quiet)?.warnings.is_empty());
/// # Ok::<(), ssbtek::DecodeError>(())
/// ```
///
/// # Errors
/// As [`from_slice`]; with [`UnknownContent::Deny`], also content the model does not define.
pub fn decode_with(
    input: &[u8],
    settings: &DecodeSettings,
) -> Result<Decoded<SsbtekDocument, Option<SsbtekVersion>>, DecodeError> {
    decode_any(input, settings)
}

/// Decodes any SSBTEK message from memory: SSBTEK has one document type,
/// [`SsbtekDocument`], whose [`SsbtekMessage`] the body's root element decides
/// (`hamtaBastjanstInformation`, `…Response`, `testaBastjanstInformation`, `…Response`, a
/// fault) in the same pass that decodes it. The version is the SSBT namespace's (`None`
/// only for a SOAP fault that carries no SSBTEK element).
///
/// ```
/// use lefi::wire::{DecodeSettings, ssbtek};
/// use lefi::version::SsbtekVersion;
/// let xml = br#"<testaBastjanstInformation xmlns="http://schema.forsakringskassan.se/integration/ssbt/11"/>"#;
/// let decoded = ssbtek::decode_any(xml, &DecodeSettings::new())?;
/// assert_eq!(decoded.version, Some(SsbtekVersion::V11));
/// assert!(matches!(decoded.value.message, ssbtek::SsbtekMessage::PingRequest));
/// # Ok::<(), ssbtek::DecodeError>(())
/// ```
///
/// # Errors
/// As [`decode_with`].
pub fn decode_any(
    input: &[u8],
    settings: &DecodeSettings,
) -> Result<Decoded<SsbtekDocument, Option<SsbtekVersion>>, DecodeError> {
    let r = XmlReader::from_slice(input, &settings.limits)?;
    run(r, settings)
}

/// [`decode_with`] from a buffered reader, streaming: the same result, warnings included.
///
/// # Errors
/// As [`decode_with`].
pub fn decode_reader_with<R: BufRead>(
    input: R,
    settings: &DecodeSettings,
) -> Result<Decoded<SsbtekDocument, Option<SsbtekVersion>>, DecodeError> {
    run(XmlReader::from_reader(input, &settings.limits), settings)
}

fn run<S: EventSource>(
    mut r: XmlReader<S>,
    settings: &DecodeSettings,
) -> Result<Decoded<SsbtekDocument, Option<SsbtekVersion>>, DecodeError> {
    let mut ctx = answer::Ctx::new(settings);
    let document = decode::document(&mut r, &mut ctx)?;
    let version = document.version;
    Ok(Decoded::new(document, version, ctx.into_warnings()))
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
