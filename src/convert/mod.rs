//! Format-to-format conversion through the version-neutral model, with a loss report.
//!
//! Every document is decoded into the model of [`crate::model::lefi`] and encoded in the
//! target format. Upgrading LEFI Online XML 5, 5.1, 6 or 7 to LEFI 9 JSON is lossless;
//! downgrading drops what the target version cannot carry, which is an error unless
//! [`ConvertOptions::allow_loss`] is set — either way the [`LossReport`] lists every dropped
//! item.
//!
//! ```
//! use lefi::convert::{convert, ConvertOptions, Format};
//!
//! let xml = br#"<LefiExternFormansinformationFraga xmlns="urn:lefi:reconstructed:lefionline:5.0" lefiOnlineVersion="5.0">
//!   <personnummer>197407029284</personnummer><period><from>2023-01-01</from><tom>2024-01-01</tom></period>
//!   <formansinformation>FK:SJP</formansinformation></LefiExternFormansinformationFraga>"#;
//! assert_eq!(Format::detect(xml), Some(Format::LefiV5));
//! let (json, lost) = convert(xml, Format::LefiV5, Format::LefiV9, &ConvertOptions::default())?;
//! assert!(lost.is_empty());
//! assert!(json.starts_with(br#"{"personnummer":"197407029284""#));
//! # Ok::<(), lefi::convert::ConvertError>(())
//! ```
//!
//! SSBTEK v10 and v11 convert into each other (what v10 cannot carry is reported), an
//! SSBTEK answer or question converts to a LEFI format through its Försäkringskassan part
//! (everything else is reported as dropped), and a LEFI answer converts to an SSBTEK answer
//! carrying it as FK data. Conversions go through [`Document`], the decoded form of any
//! document the crate reads.

use core::fmt;
use core::str::FromStr;

use crate::version::{LefiVersion, SsbtekVersion};
use crate::wire::{lefi_json, lefi_xml, ssbtek};

mod document;
mod loss;
mod report;
mod request;

pub use crate::wire::lefi_json::DocumentKind;
pub use document::{Decoding, Document};
pub use loss::{LossReport, LostItem};
pub use report::{DocumentSummary, Finding, Severity, benefits_view, validate};
pub use request::{LefiQuestion, PlanError, RequestPlan, SsbtekAsker, ping};

/// A wire format, with the CLI names `lefi-v5`, `lefi-v5.1`, `lefi-v6`, `lefi-v7`,
/// `lefi-v9`, `ssbtek-v10`, `ssbtek-v11`.
///
/// ```
/// use lefi::convert::Format;
/// let f: Format = "lefi-v5.1".parse()?;
/// assert_eq!(f, Format::LefiV5_1);
/// assert_eq!(f.to_string(), "lefi-v5.1");
/// # Ok::<(), lefi::convert::ParseFormatError>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
pub enum Format {
    /// LEFI Online 5.0 XML.
    LefiV5,
    /// LEFI Online 5.1 XML.
    LefiV5_1,
    /// LEFI Online 6.0 XML.
    LefiV6,
    /// LEFI Online 7 XML.
    LefiV7,
    /// LEFI Online 9 JSON.
    LefiV9,
    /// SSBTEK 10 SOAP (not yet convertible).
    SsbtekV10,
    /// SSBTEK 11 SOAP (not yet convertible).
    SsbtekV11,
}

impl Format {
    /// Every format.
    pub const ALL: [Self; 7] = [
        Self::LefiV5,
        Self::LefiV5_1,
        Self::LefiV6,
        Self::LefiV7,
        Self::LefiV9,
        Self::SsbtekV10,
        Self::SsbtekV11,
    ];

    /// The CLI name.
    ///
    /// ```
    /// assert_eq!(lefi::convert::Format::SsbtekV11.as_str(), "ssbtek-v11");
    /// ```
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::LefiV5 => "lefi-v5",
            Self::LefiV5_1 => "lefi-v5.1",
            Self::LefiV6 => "lefi-v6",
            Self::LefiV7 => "lefi-v7",
            Self::LefiV9 => "lefi-v9",
            Self::SsbtekV10 => "ssbtek-v10",
            Self::SsbtekV11 => "ssbtek-v11",
        }
    }

    /// The LEFI Online version of a LEFI format.
    ///
    /// ```
    /// use lefi::convert::Format;
    /// use lefi::version::LefiVersion;
    /// assert_eq!(Format::LefiV6.lefi_version(), Some(LefiVersion::V6));
    /// assert_eq!(Format::SsbtekV10.lefi_version(), None);
    /// ```
    #[must_use]
    pub const fn lefi_version(self) -> Option<LefiVersion> {
        match self {
            Self::LefiV5 => Some(LefiVersion::V5),
            Self::LefiV5_1 => Some(LefiVersion::V5_1),
            Self::LefiV6 => Some(LefiVersion::V6),
            Self::LefiV7 => Some(LefiVersion::V7),
            Self::LefiV9 => Some(LefiVersion::V9),
            Self::SsbtekV10 | Self::SsbtekV11 => None,
        }
    }

    /// The LEFI format of a LEFI Online version.
    ///
    /// ```
    /// use lefi::convert::Format;
    /// assert_eq!(Format::from_lefi(lefi::version::LefiVersion::V5_1), Format::LefiV5_1);
    /// ```
    #[must_use]
    pub const fn from_lefi(version: LefiVersion) -> Self {
        match version {
            LefiVersion::V5 => Self::LefiV5,
            LefiVersion::V5_1 => Self::LefiV5_1,
            LefiVersion::V6 => Self::LefiV6,
            LefiVersion::V7 => Self::LefiV7,
            LefiVersion::V9 => Self::LefiV9,
        }
    }

    /// The SSBTEK version of an SSBTEK format.
    ///
    /// ```
    /// use lefi::convert::Format;
    /// use lefi::version::SsbtekVersion;
    /// assert_eq!(Format::SsbtekV11.ssbtek_version(), Some(SsbtekVersion::V11));
    /// assert_eq!(Format::LefiV9.ssbtek_version(), None);
    /// ```
    #[must_use]
    pub const fn ssbtek_version(self) -> Option<SsbtekVersion> {
        match self {
            Self::SsbtekV10 => Some(SsbtekVersion::V10),
            Self::SsbtekV11 => Some(SsbtekVersion::V11),
            _ => None,
        }
    }

    /// The SSBTEK format of an SSBTEK version this crate encodes (10 and 11).
    ///
    /// ```
    /// use lefi::convert::Format;
    /// use lefi::version::SsbtekVersion;
    /// assert_eq!(Format::from_ssbtek(SsbtekVersion::V10), Some(Format::SsbtekV10));
    /// assert_eq!(Format::from_ssbtek(SsbtekVersion::V8), None);
    /// ```
    #[must_use]
    pub const fn from_ssbtek(version: SsbtekVersion) -> Option<Self> {
        match version {
            SsbtekVersion::V10 => Some(Self::SsbtekV10),
            SsbtekVersion::V11 => Some(Self::SsbtekV11),
            _ => None,
        }
    }

    /// The usual file extension (`xml` or `json`).
    ///
    /// ```
    /// assert_eq!(lefi::convert::Format::LefiV9.extension(), "json");
    /// ```
    #[must_use]
    pub const fn extension(self) -> &'static str {
        match self {
            Self::LefiV9 => "json",
            _ => "xml",
        }
    }

    /// Recognises a document's format from its first bytes: JSON (`{`) is LEFI 9; XML is
    /// LEFI Online 5–7 or SSBTEK 10/11 by the namespace of its root element — inside a SOAP
    /// envelope, of the body's element (and of a fault's `detail`). Only the elements on
    /// the way there are read, whatever the size of the document.
    ///
    /// ```
    /// use lefi::convert::Format;
    /// assert_eq!(Format::detect(br#" {"utlamnare":[]}"#), Some(Format::LefiV9));
    /// assert_eq!(Format::detect(b"<x xmlns='urn:lefi:reconstructed:lefionline:7.0'/>"), Some(Format::LefiV7));
    /// let soap = br#"<S:Envelope xmlns:S="http://schemas.xmlsoap.org/soap/envelope/"><S:Header><h>text</h></S:Header>
    ///   <S:Body><testaBastjanstInformation xmlns="http://schema.forsakringskassan.se/integration/ssbt/11"/></S:Body></S:Envelope>"#;
    /// assert_eq!(Format::detect(soap), Some(Format::SsbtekV11));
    /// assert_eq!(Format::detect(b"plain text"), None);
    /// assert_eq!(Format::detect(b"<x xmlns='urn:other'/>"), None);
    /// ```
    #[must_use]
    pub fn detect(input: &[u8]) -> Option<Self> {
        let body = input.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(input);
        let start = body.iter().position(|b| !b.is_ascii_whitespace())?;
        match body.get(start)? {
            b'{' => Some(Self::LefiV9),
            b'<' => detect_xml(body),
            _ => None,
        }
    }

    fn of_namespace(ns: &str) -> Option<Self> {
        if let Some(v) = SsbtekVersion::from_namespace(ns) {
            return Self::ALL
                .into_iter()
                .find(|f| f.ssbtek_version() == Some(v));
        }
        lefi_xml::gating::VERSIONS
            .iter()
            .find(|(_, namespace, _)| *namespace == ns)
            .map(|(v, _, _)| Self::from_lefi(*v))
    }
}

/// The format of an XML document: the first element on the way through the SOAP envelope,
/// body and fault detail that is in a known namespace decides; other elements are skipped
/// unread.
fn detect_xml(input: &[u8]) -> Option<Format> {
    use crate::xml::{DecodeLimits, XmlReader};
    let mut r = XmlReader::from_slice(input, &DecodeLimits::default()).ok()?;
    loop {
        let el = r.next_child().ok()??;
        let descend = match el.ns() {
            Some(ssbtek::SOAP11_NAMESPACE) => matches!(el.local(), "Envelope" | "Body" | "Fault"),
            None => el.local() == "detail",
            Some(ns) => return Format::of_namespace(ns),
        };
        if !descend {
            r.skip().ok()?;
        }
    }
}

impl fmt::Display for Format {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The text is not one of the format names.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, thiserror::Error)]
#[error(
    "unknown format (expected lefi-v5, lefi-v5.1, lefi-v6, lefi-v7, lefi-v9, ssbtek-v10 or ssbtek-v11)"
)]
pub struct ParseFormatError;

impl FromStr for Format {
    type Err = ParseFormatError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Self::ALL
            .into_iter()
            .find(|f| f.as_str() == s)
            .ok_or(ParseFormatError)
    }
}

/// How to convert.
///
/// ```
/// let mut options = lefi::convert::ConvertOptions::default();
/// assert!(!options.allow_loss);
/// options.allow_loss = true;
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
#[non_exhaustive]
pub struct ConvertOptions {
    /// Succeed even when the target cannot carry everything (the report says what was
    /// dropped). Default `false`: a lossy conversion is an error carrying the report.
    pub allow_loss: bool,
    /// Read the input as this kind of document instead of deciding the kind from the
    /// document itself (see [`Document::decode_as`]). Default `None`.
    pub kind: Option<DocumentKind>,
}

impl ConvertOptions {
    /// Options that allow loss (the report says what was dropped).
    ///
    /// ```
    /// assert!(lefi::convert::ConvertOptions::allowing_loss().allow_loss);
    /// ```
    #[must_use]
    pub const fn allowing_loss() -> Self {
        Self {
            allow_loss: true,
            kind: None,
        }
    }

    /// These options, reading the input as `kind`.
    ///
    /// ```
    /// use lefi::convert::{ConvertOptions, DocumentKind};
    /// let options = ConvertOptions::default().with_kind(DocumentKind::Available);
    /// assert_eq!(options.kind, Some(DocumentKind::Available));
    /// ```
    #[must_use]
    pub const fn with_kind(mut self, kind: DocumentKind) -> Self {
        self.kind = Some(kind);
        self
    }
}

/// Why a conversion failed. Messages never contain the documents' values.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum ConvertError {
    /// The input's format was not recognised.
    #[error("input format not recognised")]
    UnknownFormat,
    /// This pair of formats is not (yet) supported.
    #[error("conversion from {from} to {to} is not supported")]
    Unsupported {
        /// Source format.
        from: Format,
        /// Target format.
        to: Format,
    },
    /// The input is not a valid LEFI Online XML document.
    #[error("cannot read {format}: {source}")]
    Xml {
        /// The format read.
        format: Format,
        /// What went wrong.
        source: lefi_xml::Error,
    },
    /// The document cannot be written as LEFI Online XML of the target version.
    #[error("cannot write {format}: {source}")]
    XmlEncode {
        /// The format written.
        format: Format,
        /// What went wrong.
        source: lefi_xml::Error,
    },
    /// The document cannot be written as LEFI v9 JSON.
    #[error("cannot write {format}: {source}")]
    JsonEncode {
        /// The format written.
        format: Format,
        /// What went wrong.
        source: lefi_json::Error,
    },
    /// The input is not a valid LEFI 9 JSON document.
    #[error("cannot read {format}: {source}")]
    Json {
        /// The format read.
        format: Format,
        /// What went wrong.
        source: lefi_json::Error,
    },
    /// The input is not a valid SSBTEK message.
    #[error("cannot read {format}: {source}")]
    Ssbtek {
        /// The format read.
        format: Format,
        /// What went wrong.
        source: ssbtek::DecodeError,
    },
    /// The SSBTEK message cannot be encoded in the target version.
    #[error("cannot write {format}: {source}")]
    SsbtekEncode {
        /// The format written.
        format: Format,
        /// What went wrong.
        source: ssbtek::EncodeError,
    },
    /// The document is of another version than the one named.
    #[error("the document is {found}, not {expected}")]
    VersionMismatch {
        /// The format named by the caller.
        expected: Format,
        /// The format the document is in.
        found: Format,
    },
    /// The document is not of the kind the caller named.
    #[error("the {format} document is of kind {}, not {}", found.as_str(), expected.as_str())]
    WrongKind {
        /// The format read.
        format: Format,
        /// The kind named by the caller.
        expected: DocumentKind,
        /// The kind the document is.
        found: DocumentKind,
    },
    /// The SSBTEK message has no Försäkringskassan (LEFI) part to convert.
    #[error("the SSBTEK message carries no FK (LEFI) data to convert")]
    NoFkData,
    /// The crate's JSON form of an SSBTEK message is not valid.
    #[error("invalid JSON form at line {line}, column {column}: {reason}")]
    JsonForm {
        /// Line (1-based).
        line: usize,
        /// Column (1-based).
        column: usize,
        /// What is wrong (never a value from the document).
        reason: String,
    },
    /// The target cannot carry everything and loss was not allowed.
    #[error("{to} cannot carry {} item(s) of the input; allow loss to drop them:\n{report}", report.total())]
    Lossy {
        /// Target format.
        to: Format,
        /// Everything that would be dropped.
        report: LossReport,
    },
}

/// Converts one document from `from` to `to`, returning the output and what was dropped.
///
/// # Errors
/// [`ConvertError::Unsupported`] for pairs that cannot be converted; [`ConvertError::Xml`] /
/// [`ConvertError::Json`] when the input is invalid; [`ConvertError::Lossy`] (with the full
/// report) when the target cannot carry everything and `allow_loss` is off.
///
/// ```
/// use lefi::convert::{convert, ConvertError, ConvertOptions, Format};
/// let json = br#"{"formansinformation":{"programjobdagar":[{"antalForbrukade":3}]}}"#;
/// let err = convert(json, Format::LefiV9, Format::LefiV5, &ConvertOptions::default()).unwrap_err();
/// assert!(matches!(err, ConvertError::Lossy { .. }));
/// let (_, lost) = convert(json, Format::LefiV9, Format::LefiV6, &ConvertOptions::default())?;
/// assert!(lost.is_empty());
/// # Ok::<(), ConvertError>(())
/// ```
pub fn convert(
    input: &[u8],
    from: Format,
    to: Format,
    options: &ConvertOptions,
) -> Result<(Vec<u8>, LossReport), ConvertError> {
    let (out, report) = Document::decode_noticing(input, from, options.kind)?.encode(to)?;
    if !report.is_empty() && !options.allow_loss {
        return Err(ConvertError::Lossy { to, report });
    }
    Ok((out, report))
}

/// [`convert`] with the input format detected by [`Format::detect`].
///
/// # Errors
/// [`ConvertError::UnknownFormat`] when the format is not recognised, else as [`convert`].
///
/// ```
/// use lefi::convert::{convert_detected, ConvertOptions, Format};
/// let (xml, _) = convert_detected(br#"{"utlamnare":[]}"#, Format::LefiV7, &ConvertOptions::default())?;
/// assert!(xml.starts_with(b"<?xml"));
/// # Ok::<(), lefi::convert::ConvertError>(())
/// ```
pub fn convert_detected(
    input: &[u8],
    to: Format,
    options: &ConvertOptions,
) -> Result<(Vec<u8>, LossReport), ConvertError> {
    let from = Format::detect(input).ok_or(ConvertError::UnknownFormat)?;
    convert(input, from, to, options)
}
