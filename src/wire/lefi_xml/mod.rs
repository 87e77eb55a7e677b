//! LEFI Online XML 5, 5.1, 6 and 7: the request and response documents, decoded into the
//! version-neutral model of [`crate::model::lefi`] (the v9 shape) and encoded back for a
//! chosen version.
//!
//! **The schemas are reconstructions.** Försäkringskassan's XSDs for these versions are not
//! public; `schemas/lefi-online-v5.xsd`, `-v5.1`, `-v6`, `-v7` (and the shared
//! `lefi-online-exa.xsd`) render the Försäkringskassan part of the v9 model as XML — one
//! element per JSON property with the same name, repeated elements for arrays, code pairs
//! as `<EXA:beloppstyp><EXA:id>P37</EXA:id><EXA:beskrivning>…</EXA:beskrivning></EXA:beloppstyp>`,
//! amounts as `xs:decimal` — and cut it per version from one table ([`gating`]):
//!
//! | content | 5.0 | 5.1 | 6.0 | 7 |
//! |---|---|---|---|---|
//! | omvårdnadsbidrag, merkostnadsersättning, premiepension, karensavdrag | ✓ | ✓ | ✓ | ✓ |
//! | programanvisning `omfattning`, programersättning `ersattningsdagar`/`dagar` | ✗ | ✓ | ✓ | ✓ |
//! | preliminary payments, JOB days (`FK:PJOB`) | ✗ | ✗ | ✓ | ✓ |
//! | förebyggande sjukpenning (`FK:FSJP`), Pensionsmyndigheten's model and codes | ✗ | ✗ | ✗ | ✗ |
//!
//! Each version has its own target namespace (`urn:lefi:reconstructed:lefionline:5.0`, …)
//! and the root carries `lefiOnlineVersion` (`5.0`, `5.1`, `6.0`, `7.0`; required on the
//! request, optional on the response). Decoding detects the version from the namespace and
//! refuses a `lefiOnlineVersion` that disagrees.
//!
//! The entry points follow the codec contract of [`crate::wire`]:
//!
//! * [`from_slice`], [`from_reader`]: decode one document type, any version, with the
//!   default settings;
//! * [`decode_with`], [`decode_reader_with`]: with explicit [`DecodeSettings`], returning a
//!   [`Decoded`] with the version, the [`Warning`](crate::wire::Warning)s and the elements kept beside the value
//!   ([`Decoded::kept`]);
//! * [`decode_any`]: the question or the answer, whichever the root element is, as a
//!   [`Document`] (decided in the same pass that decodes it);
//! * [`to_vec`], [`to_writer`]: encode for a version; fails with
//!   [`Error::NotRepresentable`] naming the first item the version cannot carry;
//! * [`to_vec_lossy`], [`to_writer_lossy`]: leave such items out and list them as
//!   [`Dropped`];
//! * [`v5`], [`v5_1`], [`v6`], [`v7`]: the same per version, with `VERSION`/`NAMESPACE`.
//!
//! Decoding is streaming (no DOM), bounded ([`DecodeSettings::limits`]), refuses DTDs, never
//! panics, and reports errors with line, column and element path without echoing values.
//!
//! **Unknown elements.** An element the document's version does not define (a later
//! version's, or a foreign one) follows [`DecodeSettings::unknown`]: under
//! [`UnknownContent::Warn`](crate::wire::UnknownContent::Warn) (the default) it is accepted, reported as a
//! [`WarningKind::UnknownElement`](crate::wire::WarningKind::UnknownElement) warning and
//! kept as received in [`Decoded::kept`] — the model has no place for it, so the value does
//! not hold it and encoding the value does not write it; under [`UnknownContent::Deny`](crate::wire::UnknownContent::Deny)
//! (and [`DecodeSettings::strict`]) it refuses the document; under
//! [`UnknownContent::Ignore`](crate::wire::UnknownContent::Ignore) it is skipped. [`DecodeSettings::tolerate_quirks`] does not
//! apply: the schemas of these versions allow both forms of `ersattning`.
//!
//! ```
//! use lefi::model::lefi::{LefiExternFormansinformationSvar, LefiFormansinformation, LefiProgramjobdagar};
//! use lefi::version::LefiVersion;
//! use lefi::wire::lefi_xml;
//!
//! let mut jobb = LefiProgramjobdagar::default();
//! jobb.antal_forbrukade = Some(120);
//! let mut fi = LefiFormansinformation::default();
//! fi.programjobdagar = Some(vec![jobb]);
//! let mut svar = LefiExternFormansinformationSvar::default();
//! svar.formansinformation = Some(fi);
//!
//! let xml = lefi_xml::to_vec(&svar, LefiVersion::V6)?;
//! assert_eq!(lefi_xml::from_slice::<LefiExternFormansinformationSvar>(&xml)?, svar);
//!
//! // JOB days came with 6.0: 5.1 cannot carry them.
//! let err = lefi_xml::to_vec(&svar, LefiVersion::V5_1).unwrap_err();
//! assert_eq!(err.to_string(), "LEFI Online 5.1 cannot carry `formansinformation.programjobdagar`");
//! let (_, dropped) = lefi_xml::to_vec_lossy(&svar, LefiVersion::V5_1)?;
//! assert_eq!(dropped[0].to_string(), "formansinformation.programjobdagar: 1 dropped");
//! # Ok::<(), lefi_xml::Error>(())
//! ```

mod decode;
mod encode;
mod error;
pub mod gating;
mod generated;

use std::io::{BufRead, Write};

pub use error::Error;

use crate::input::DecodeLimits;
use crate::model::lefi::{LefiExternFormansinformationFraga, LefiExternFormansinformationSvar};
use crate::version::LefiVersion;
use crate::wire::{DecodeSettings, Decoded, Dropped};
use crate::xml::{EventSource, XmlReader, XmlWriter};

mod sealed {
    pub trait Sealed {}
}

/// The two root documents of LEFI Online XML (sealed): the question
/// ([`LefiExternFormansinformationFraga`]) and the answer
/// ([`LefiExternFormansinformationSvar`]). [`Document`] holds either.
pub trait LefiXmlDocument: sealed::Sealed + Sized {
    /// The root element's local name.
    const ROOT: &'static str;
    /// Whether the root must carry `lefiOnlineVersion` (the question).
    const VERSION_ATTRIBUTE_REQUIRED: bool;
    #[doc(hidden)]
    fn read<S: EventSource>(
        r: &mut XmlReader<S>,
        cx: &mut decode::DecodeContext,
    ) -> Result<Self, Error>;
    #[doc(hidden)]
    fn write<W: Write>(
        &self,
        w: &mut XmlWriter<W>,
        cx: &mut encode::EncodeContext,
    ) -> Result<(), Error>;
}

impl sealed::Sealed for LefiExternFormansinformationFraga {}
impl LefiXmlDocument for LefiExternFormansinformationFraga {
    const ROOT: &'static str = "LefiExternFormansinformationFraga";
    const VERSION_ATTRIBUTE_REQUIRED: bool = true;
    fn read<S: EventSource>(
        r: &mut XmlReader<S>,
        cx: &mut decode::DecodeContext,
    ) -> Result<Self, Error> {
        generated::read_lefi_extern_formansinformation_fraga(r, cx)
    }
    fn write<W: Write>(
        &self,
        w: &mut XmlWriter<W>,
        cx: &mut encode::EncodeContext,
    ) -> Result<(), Error> {
        generated::write_lefi_extern_formansinformation_fraga(w, self, cx)
    }
}

impl sealed::Sealed for LefiExternFormansinformationSvar {}
impl LefiXmlDocument for LefiExternFormansinformationSvar {
    const ROOT: &'static str = "LefiExternFormansinformationSvar";
    const VERSION_ATTRIBUTE_REQUIRED: bool = false;
    fn read<S: EventSource>(
        r: &mut XmlReader<S>,
        cx: &mut decode::DecodeContext,
    ) -> Result<Self, Error> {
        generated::read_lefi_extern_formansinformation_svar(r, cx)
    }
    fn write<W: Write>(
        &self,
        w: &mut XmlWriter<W>,
        cx: &mut encode::EncodeContext,
    ) -> Result<(), Error> {
        generated::write_lefi_extern_formansinformation_svar(w, self, cx)
    }
}

/// A LEFI Online XML document of either kind, as [`decode_any`] returns it: the root
/// element decides which.
///
/// ```
/// use lefi::wire::lefi_xml::{self, Document};
/// let xml = br#"<LefiExternFormansinformationSvar xmlns="urn:lefi:reconstructed:lefionline:5.1"/>"#;
/// let d = lefi_xml::decode_any(xml, &lefi::wire::DecodeSettings::default())?;
/// assert!(matches!(d.value, Document::Response(_)));
/// assert_eq!(d.value.root(), "LefiExternFormansinformationSvar");
/// # Ok::<(), lefi_xml::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub enum Document {
    /// The question (`LefiExternFormansinformationFraga`).
    Request(Box<LefiExternFormansinformationFraga>),
    /// The answer (`LefiExternFormansinformationSvar`).
    Response(Box<LefiExternFormansinformationSvar>),
}

impl Document {
    /// The root element's local name.
    #[must_use]
    pub fn root(&self) -> &'static str {
        match self {
            Self::Request(_) => LefiExternFormansinformationFraga::ROOT,
            Self::Response(_) => LefiExternFormansinformationSvar::ROOT,
        }
    }
}

/// Decodes one document type, any of the four versions, with the default settings.
///
/// # Errors
/// [`Error`] with the position for malformed or invalid input, an unknown namespace, a
/// wrong root, or a `lefiOnlineVersion` that disagrees with the namespace.
///
/// ```
/// use lefi::model::lefi::LefiExternFormansinformationFraga;
/// let xml = br#"<LefiExternFormansinformationFraga xmlns="urn:lefi:reconstructed:lefionline:5.1" lefiOnlineVersion="5.1">
///   <personnummer>197407029284</personnummer><period><from>2023-01-01</from><tom>2024-01-01</tom></period>
///   <formansinformation>FK:SJP</formansinformation></LefiExternFormansinformationFraga>"#;
/// let fraga: LefiExternFormansinformationFraga = lefi::wire::lefi_xml::from_slice(xml)?;
/// assert_eq!(fraga.formansinformation.map(|f| f.len()), Some(1));
/// # Ok::<(), lefi::wire::lefi_xml::Error>(())
/// ```
pub fn from_slice<T: LefiXmlDocument>(input: &[u8]) -> Result<T, Error> {
    decode_with(input, &DecodeSettings::default()).map(|d| d.value)
}

/// [`from_slice`] from a buffered reader (the size limit is enforced while reading).
///
/// # Errors
/// As [`from_slice`], and [`Error::Xml`] for I/O errors.
///
/// ```
/// use lefi::model::lefi::LefiExternFormansinformationSvar;
/// let xml: &[u8] = br#"<LefiExternFormansinformationSvar xmlns="urn:lefi:reconstructed:lefionline:7.0"/>"#;
/// let svar: LefiExternFormansinformationSvar = lefi::wire::lefi_xml::from_reader(xml)?;
/// assert_eq!(svar, LefiExternFormansinformationSvar::default());
/// # Ok::<(), lefi::wire::lefi_xml::Error>(())
/// ```
pub fn from_reader<T: LefiXmlDocument, R: BufRead>(input: R) -> Result<T, Error> {
    decode_reader_with(input, &DecodeSettings::default()).map(|d| d.value)
}

/// Decodes one document type with explicit settings, returning the version, the warnings
/// and the unknown elements kept.
///
/// # Errors
/// As [`from_slice`]; under [`UnknownContent::Deny`](crate::wire::UnknownContent::Deny) also for unknown elements.
///
/// ```
/// use lefi::model::lefi::LefiExternFormansinformationSvar;
/// use lefi::version::LefiVersion;
/// use lefi::wire::DecodeSettings;
/// use lefi::wire::lefi_xml::decode_with;
/// let xml = br#"<LefiExternFormansinformationSvar xmlns="urn:lefi:reconstructed:lefionline:6.0"><nytt>1</nytt></LefiExternFormansinformationSvar>"#;
/// let d = decode_with::<LefiExternFormansinformationSvar>(xml, &DecodeSettings::default())?;
/// assert_eq!(d.version, LefiVersion::V6);
/// assert_eq!(d.warnings[0].path, "/LefiExternFormansinformationSvar/nytt");
/// assert_eq!(d.kept[0].element.text(), "1");
/// assert!(decode_with::<LefiExternFormansinformationSvar>(xml, &DecodeSettings::strict()).is_err());
/// # Ok::<(), lefi::wire::lefi_xml::Error>(())
/// ```
pub fn decode_with<T: LefiXmlDocument>(
    input: &[u8],
    settings: &DecodeSettings,
) -> Result<Decoded<T, LefiVersion>, Error> {
    let reader = XmlReader::from_slice(input, &settings.limits)?;
    decode::decode(reader, settings, None)
}

/// [`decode_with`] from a buffered reader.
///
/// # Errors
/// As [`decode_with`].
///
/// ```
/// use lefi::model::lefi::LefiExternFormansinformationSvar;
/// use lefi::wire::DecodeSettings;
/// use lefi::wire::lefi_xml::decode_reader_with;
/// let xml: &[u8] = br#"<LefiExternFormansinformationSvar xmlns="urn:lefi:reconstructed:lefionline:5.0"/>"#;
/// let d = decode_reader_with::<LefiExternFormansinformationSvar, _>(xml, &DecodeSettings::strict())?;
/// assert!(d.warnings.is_empty());
/// # Ok::<(), lefi::wire::lefi_xml::Error>(())
/// ```
pub fn decode_reader_with<T: LefiXmlDocument, R: BufRead>(
    input: R,
    settings: &DecodeSettings,
) -> Result<Decoded<T, LefiVersion>, Error> {
    let reader = XmlReader::from_reader(input, &settings.limits);
    decode::decode(reader, settings, None)
}

/// Decodes the question or the answer, whichever the root element is, in one pass. (To
/// require one of them, call [`decode_with`] with its type.)
///
/// # Errors
/// As [`decode_with`], and [`Error::UnknownRoot`] when the root is neither document.
///
/// ```
/// use lefi::version::LefiVersion;
/// use lefi::wire::DecodeSettings;
/// use lefi::wire::lefi_xml::{self, Document};
/// let xml = br#"<LefiExternFormansinformationFraga xmlns="urn:lefi:reconstructed:lefionline:6.0" lefiOnlineVersion="6.0">
///   <personnummer>197407029284</personnummer><period><from>2023-01-01</from><tom>2024-01-01</tom></period>
/// </LefiExternFormansinformationFraga>"#;
/// let d = lefi_xml::decode_any(xml, &DecodeSettings::strict())?;
/// assert_eq!(d.version, LefiVersion::V6);
/// let Document::Request(fraga) = d.value else { panic!("a question") };
/// assert_eq!(fraga.personnummer.expose(), "197407029284");
/// # Ok::<(), lefi_xml::Error>(())
/// ```
pub fn decode_any(
    input: &[u8],
    settings: &DecodeSettings,
) -> Result<Decoded<Document, LefiVersion>, Error> {
    let reader = XmlReader::from_slice(input, &settings.limits)?;
    decode::decode_any(reader, settings)
}

/// Encodes a document for `version`.
///
/// # Errors
/// [`Error::NotRepresentable`] naming the first item `version` cannot carry;
/// [`Error::UnsupportedVersion`] for LEFI 9; [`Error::InvalidCharacter`],
/// [`Error::DateOutOfRange`] for values XML cannot carry.
///
/// ```
/// use lefi::model::lefi::LefiExternFormansinformationSvar;
/// use lefi::version::LefiVersion;
/// let xml = lefi::wire::lefi_xml::to_vec(&LefiExternFormansinformationSvar::default(), LefiVersion::V7)?;
/// assert!(xml.ends_with(br#"lefiOnlineVersion="7.0"/>"#));
/// # Ok::<(), lefi::wire::lefi_xml::Error>(())
/// ```
pub fn to_vec<T: LefiXmlDocument>(value: &T, version: LefiVersion) -> Result<Vec<u8>, Error> {
    encode::encode(Vec::new(), value, version, false).map(|(out, _)| out)
}

/// Encodes a document for `version`, leaving out what it cannot carry and listing it.
///
/// # Errors
/// As [`to_vec`], except [`Error::NotRepresentable`].
///
/// ```
/// use lefi::codes::FkFormanGrupp;
/// use lefi::model::lefi::{LefiExternFormansinformationFraga, LefiPeriod};
/// use lefi::version::LefiVersion;
/// let pnr = lefi::id::Personidentitet::parse("197407029284")?;
/// let day = chrono::NaiveDate::from_ymd_opt(2024, 1, 1).unwrap_or_default();
/// let mut fraga = LefiExternFormansinformationFraga::new(pnr, LefiPeriod::new(day, day));
/// fraga.formansinformation = Some(vec![FkFormanGrupp::Sjp, FkFormanGrupp::Fsjp]);
/// let (_, dropped) = lefi::wire::lefi_xml::to_vec_lossy(&fraga, LefiVersion::V7)?;
/// assert_eq!(dropped.len(), 1);
/// assert_eq!(dropped[0].to_string(), "formansinformation [FK:FSJP]: 1 dropped");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn to_vec_lossy<T: LefiXmlDocument>(
    value: &T,
    version: LefiVersion,
) -> Result<(Vec<u8>, Vec<Dropped>), Error> {
    encode::encode(Vec::new(), value, version, true)
}

/// Encodes into a writer (wrap files in a `BufWriter`).
///
/// # Errors
/// As [`to_vec`], and [`Error::Io`].
///
/// ```
/// use lefi::model::lefi::LefiExternFormansinformationSvar;
/// let mut out = Vec::new();
/// lefi::wire::lefi_xml::to_writer(&mut out, &LefiExternFormansinformationSvar::default(), lefi::version::LefiVersion::V5)?;
/// assert!(out.starts_with(b"<?xml"));
/// # Ok::<(), lefi::wire::lefi_xml::Error>(())
/// ```
pub fn to_writer<T: LefiXmlDocument, W: Write>(
    out: W,
    value: &T,
    version: LefiVersion,
) -> Result<(), Error> {
    encode::encode(out, value, version, false).map(|_| ())
}

/// [`to_vec_lossy`] into a writer.
///
/// # Errors
/// As [`to_vec_lossy`], and [`Error::Io`].
///
/// ```
/// use lefi::model::lefi::LefiExternFormansinformationSvar;
/// let mut out = Vec::new();
/// let dropped = lefi::wire::lefi_xml::to_writer_lossy(&mut out, &LefiExternFormansinformationSvar::default(), lefi::version::LefiVersion::V5)?;
/// assert!(dropped.is_empty());
/// # Ok::<(), lefi::wire::lefi_xml::Error>(())
/// ```
pub fn to_writer_lossy<T: LefiXmlDocument, W: Write>(
    out: W,
    value: &T,
    version: LefiVersion,
) -> Result<Vec<Dropped>, Error> {
    encode::encode(out, value, version, true).map(|(_, dropped)| dropped)
}

/// The version a LEFI Online XML document is in, from the root element's namespace
/// (without decoding the rest); `None` when it is not one of ours.
///
/// ```
/// use lefi::version::LefiVersion;
/// let xml = br#"<?xml version="1.0"?><x:LefiExternFormansinformationSvar xmlns:x="urn:lefi:reconstructed:lefionline:5.1"/>"#;
/// assert_eq!(lefi::wire::lefi_xml::detect_version(xml), Some(LefiVersion::V5_1));
/// assert_eq!(lefi::wire::lefi_xml::detect_version(b"{}"), None);
/// ```
#[must_use]
pub fn detect_version(input: &[u8]) -> Option<LefiVersion> {
    let limits = DecodeLimits::default().with_max_bytes(u64::MAX);
    let mut r = XmlReader::from_slice(input, &limits).ok()?;
    let root = r.next_child().ok()??;
    gating::VERSIONS
        .iter()
        .find(|(_, ns, _)| root.ns() == Some(*ns))
        .map(|(v, _, _)| *v)
}

macro_rules! version_module {
    ($(#[$doc:meta])* $module:ident, $variant:ident, $index:literal) => {
        $(#[$doc])*
        pub mod $module {
            use super::{Error, LefiXmlDocument};
            use crate::version::LefiVersion;
            use crate::wire::Dropped;

            /// The version of this module.
            pub const VERSION: LefiVersion = LefiVersion::$variant;
            /// The target namespace of this version's schema.
            pub const NAMESPACE: &str = super::gating::VERSIONS[$index].1;
            /// The `lefiOnlineVersion` text of this version.
            pub const LEFI_ONLINE_VERSION: &str = super::gating::VERSIONS[$index].2;

            /// Decodes a document that must be in this version.
            ///
            /// # Errors
            /// As [`super::from_slice`], and [`Error::WrongVersion`] (at the root) for
            /// another version.
            pub fn from_slice<T: LefiXmlDocument>(input: &[u8]) -> Result<T, Error> {
                let settings = crate::wire::DecodeSettings::default();
                let reader = crate::xml::XmlReader::from_slice(input, &settings.limits)?;
                super::decode::decode(reader, &settings, Some(VERSION)).map(|d| d.value)
            }

            /// Encodes a document in this version.
            ///
            /// # Errors
            /// As [`super::to_vec`].
            pub fn to_vec<T: LefiXmlDocument>(value: &T) -> Result<Vec<u8>, Error> {
                super::to_vec(value, VERSION)
            }

            /// Encodes a document in this version, leaving out what it cannot carry.
            ///
            /// # Errors
            /// As [`super::to_vec_lossy`].
            pub fn to_vec_lossy<T: LefiXmlDocument>(value: &T) -> Result<(Vec<u8>, Vec<Dropped>), Error> {
                super::to_vec_lossy(value, VERSION)
            }
        }
    };
}

version_module!(
    /// LEFI Online 5.0.
    ///
    /// ```
    /// assert_eq!(lefi::wire::lefi_xml::v5::NAMESPACE, "urn:lefi:reconstructed:lefionline:5.0");
    /// ```
    v5, V5, 0
);
version_module!(
    /// LEFI Online 5.1.
    ///
    /// ```
    /// assert_eq!(lefi::wire::lefi_xml::v5_1::LEFI_ONLINE_VERSION, "5.1");
    /// ```
    v5_1, V5_1, 1
);
version_module!(
    /// LEFI Online 6.0.
    ///
    /// ```
    /// assert_eq!(lefi::wire::lefi_xml::v6::VERSION.to_string(), "6");
    /// ```
    v6, V6, 2
);
version_module!(
    /// LEFI Online 7.
    ///
    /// ```
    /// assert_eq!(lefi::wire::lefi_xml::v7::NAMESPACE, "urn:lefi:reconstructed:lefionline:7.0");
    /// ```
    v7, V7, 3
);
