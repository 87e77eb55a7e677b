//! Any document the crate reads, decoded into the version-neutral model, and its encoding
//! into every format with a loss report.

use std::collections::BTreeMap;

use serde_json::value::RawValue;

use crate::model::lefi::{
    LefiExternFormansinformationFraga, LefiExternFormansinformationSvar,
    LefiExternTillgangligaInformationstyper, LefiFelsvar,
};
use crate::model::ssbtek::{AgencyResult, BastjanstSvar, FkSvar, Svarsdata};
use crate::model::ssbtek::{SsbtekDocument, SsbtekMessage};
use crate::version::{LefiVersion, SsbtekVersion};
use crate::wire::lefi_xml::LefiXmlDocument;
use crate::wire::{lefi_json, lefi_xml, ssbtek};

use super::{ConvertError, DocumentKind, Format, LossReport};

/// A decoded document of any kind the crate reads.
///
/// LEFI documents are held in the v9-shaped model whatever version they came in; SSBTEK
/// messages keep their SOAP structure (the FK part is a typed LEFI v9 answer inside).
///
/// ```
/// use lefi::convert::{Document, Format};
/// let json = br#"{"utlamnare":[{"utlamnare":{"kod":"FK"},"tillstand":{"kod":"OK"}}]}"#;
/// let (format, doc) = Document::decode_detected(json)?;
/// assert_eq!(format, Format::LefiV9);
/// assert_eq!(doc.kind(), "lefi-svar");
/// let (xml, lost) = doc.encode(Format::LefiV6)?;
/// assert!(lost.is_empty());
/// assert_eq!(Document::decode(&xml, Format::LefiV6)?, doc);
/// # Ok::<(), lefi::convert::ConvertError>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub enum Document {
    /// A LEFI question (`LefiExternFormansinformationFraga`).
    LefiFraga(Box<LefiExternFormansinformationFraga>),
    /// A LEFI answer (`LefiExternFormansinformationSvar`).
    LefiSvar(Box<LefiExternFormansinformationSvar>),
    /// The LEFI v9 answer listing the information types available to an actor.
    LefiTillgangliga(Box<LefiExternTillgangligaInformationstyper>),
    /// The LEFI v9 error answer.
    LefiFelsvar(Box<LefiFelsvar>),
    /// An SSBTEK SOAP message.
    Ssbtek(Box<SsbtekDocument>),
}

/// A decoded [`Document`] with what the decoder noticed without refusing it
/// ([`Document::decode_noticing`]).
#[derive(Debug)]
#[non_exhaustive]
pub struct Decoding {
    /// The document.
    pub document: Document,
    /// What the decoder noticed, as messages without document values.
    pub warnings: Vec<String>,
    /// Content the decoder skipped because the model has no place for it (properties and
    /// elements the contract does not define), by path: converting the document loses it,
    /// except where the target writes back the bytes it was read from
    /// ([`Decoding::encode`]).
    pub skipped: LossReport,
}

impl Decoding {
    /// [`Document::encode`], with what the decode skipped added to the report where the
    /// target loses it. An SSBTEK message written as SSBTEK (either version) keeps
    /// Försäkringskassan's payload as received, so the properties its LEFI decode skipped
    /// are carried; every other target is written from the model and loses them.
    ///
    /// # Errors
    /// As [`Document::encode`].
    ///
    /// ```
    /// use lefi::convert::{Document, Format};
    /// let d = Document::decode_noticing(br#"{"utlamnare":[],"nytt":1}"#, Format::LefiV9, None)?;
    /// let (_, lost) = d.encode(Format::LefiV9)?;
    /// assert_eq!(lost.to_string(), "nytt: 1 dropped");
    /// # Ok::<(), lefi::convert::ConvertError>(())
    /// ```
    pub fn encode(&self, to: Format) -> Result<(Vec<u8>, LossReport), ConvertError> {
        let (out, mut report) = self.document.encode(to)?;
        let payload_kept =
            matches!(self.document, Document::Ssbtek(_)) && to.ssbtek_version().is_some();
        if !payload_kept {
            report.merge(self.skipped.clone());
        }
        Ok((out, report))
    }
}

/// The warnings as messages; content the model did not keep goes to `skipped`.
fn notice(warnings: &[crate::wire::Warning], skipped: &mut LossReport) -> Vec<String> {
    for w in warnings {
        if w.kind == (crate::wire::WarningKind::UnknownProperty { kept: false }) {
            skipped.add(w.path.clone(), None, 1);
        }
    }
    warnings.iter().map(ToString::to_string).collect()
}

impl Document {
    /// Decodes `input` as `format`.
    ///
    /// # Errors
    /// [`ConvertError::Xml`], [`ConvertError::Json`] or [`ConvertError::Ssbtek`] when the
    /// input is not a valid document of that format (or its version differs).
    ///
    /// ```
    /// use lefi::convert::{Document, Format};
    /// assert!(Document::decode(b"{", Format::LefiV9).is_err());
    /// ```
    pub fn decode(input: &[u8], format: Format) -> Result<Self, ConvertError> {
        Self::decode_with_warnings(input, format).map(|(doc, _)| doc)
    }

    /// [`Document::decode`], also returning what the decoder noticed without refusing the
    /// document — properties and elements the contract does not define, tolerated contract
    /// quirks, SSBTEK agency blocks kept undecodable — as messages without document values.
    ///
    /// # Errors
    /// As [`Document::decode`].
    ///
    /// ```
    /// use lefi::convert::{Document, Format};
    /// let (_, warnings) = Document::decode_with_warnings(br#"{"utlamnare":[],"nytt":1}"#, Format::LefiV9)?;
    /// assert_eq!(warnings, ["nytt: property not defined by the contract, ignored"]);
    /// # Ok::<(), lefi::convert::ConvertError>(())
    /// ```
    pub fn decode_with_warnings(
        input: &[u8],
        format: Format,
    ) -> Result<(Self, Vec<String>), ConvertError> {
        Self::decode_noticing(input, format, None).map(|d| (d.document, d.warnings))
    }

    /// Decodes `input` as `format` (and as `kind` when given, see [`Document::decode_as`]),
    /// with what the decoder noticed: the warnings of [`Document::decode_with_warnings`], and
    /// in [`Decoding::skipped`] the content it skipped because the model has no place for
    /// it — a conversion of the document loses that content.
    ///
    /// # Errors
    /// As [`Document::decode_as`].
    ///
    /// ```
    /// use lefi::convert::{Document, Format};
    /// let d = Document::decode_noticing(br#"{"utlamnare":[],"nytt":1}"#, Format::LefiV9, None)?;
    /// assert_eq!(d.skipped.to_string(), "nytt: 1 dropped");
    /// # Ok::<(), lefi::convert::ConvertError>(())
    /// ```
    pub fn decode_noticing(
        input: &[u8],
        format: Format,
        kind: Option<DocumentKind>,
    ) -> Result<Decoding, ConvertError> {
        let mut skipped = LossReport::default();
        let (document, warnings) = match (format, kind) {
            (Format::LefiV9, Some(kind)) => {
                let d = lefi_json::decode_kind(input, kind, &crate::wire::DecodeSettings::new())
                    .map_err(|source| ConvertError::Json { format, source })?;
                let warnings = notice(&d.warnings, &mut skipped);
                return Ok(Decoding {
                    document: Self::from_lefi_json(d.value),
                    warnings,
                    skipped,
                });
            }
            (Format::LefiV9, None) => Self::decode_lefi_json(input, &mut skipped)?,
            (Format::SsbtekV10 | Format::SsbtekV11, _) => {
                let decoded = ssbtek::decode_with(input, &crate::wire::DecodeSettings::new())
                    .map_err(|source| ConvertError::Ssbtek { format, source })?;
                let doc = decoded.value;
                let found = doc.version.unwrap_or(SsbtekVersion::V10);
                if Some(found) != format.ssbtek_version() {
                    return Err(ConvertError::VersionMismatch {
                        expected: format,
                        found: Format::from_ssbtek(found).unwrap_or(format),
                    });
                }
                let warnings = notice(&decoded.warnings, &mut skipped);
                (Self::Ssbtek(Box::new(doc)), warnings)
            }
            _ => Self::decode_lefi_xml(input, format, &mut skipped)?,
        };
        if let Some(kind) = kind {
            let found = document.document_kind();
            if found != kind {
                return Err(ConvertError::WrongKind {
                    format,
                    expected: kind,
                    found,
                });
            }
        }
        Ok(Decoding {
            document,
            warnings,
            skipped,
        })
    }

    /// [`Document::decode_with_warnings`] for a document of a kind known beforehand, instead
    /// of the kind the document itself shows: LEFI v9 JSON is read as that kind (`{}` is an
    /// empty answer, list of available types or error answer alike); LEFI XML and
    /// SSBTEK documents show their kind in their root element, which must match (an SSBTEK
    /// question or ping is a `request`, an answer or ping answer a `response`, a fault an
    /// `error`).
    ///
    /// # Errors
    /// As [`Document::decode`]; [`ConvertError::WrongKind`] when the document is of another
    /// kind.
    ///
    /// ```
    /// use lefi::convert::{ConvertError, Document, DocumentKind, Format};
    /// let (doc, _) = Document::decode_as(b"{}", Format::LefiV9, DocumentKind::Available)?;
    /// assert_eq!(doc.kind(), "lefi-tillgangliga");
    /// let (doc, _) = Document::decode_as(b"{}", Format::LefiV9, DocumentKind::Error)?;
    /// assert_eq!(doc.kind(), "lefi-felsvar");
    /// # Ok::<(), ConvertError>(())
    /// ```
    pub fn decode_as(
        input: &[u8],
        format: Format,
        kind: DocumentKind,
    ) -> Result<(Self, Vec<String>), ConvertError> {
        Self::decode_noticing(input, format, Some(kind)).map(|d| (d.document, d.warnings))
    }

    /// Which of the four kinds of document this is.
    ///
    /// ```
    /// use lefi::convert::{Document, DocumentKind};
    /// let (_, doc) = Document::decode_detected(br#"{"utlamnare":[]}"#)?;
    /// assert_eq!(doc.document_kind(), DocumentKind::Response);
    /// # Ok::<(), lefi::convert::ConvertError>(())
    /// ```
    #[must_use]
    pub fn document_kind(&self) -> DocumentKind {
        match self {
            Self::LefiFraga(_) => DocumentKind::Request,
            Self::LefiSvar(_) => DocumentKind::Response,
            Self::LefiTillgangliga(_) => DocumentKind::Available,
            Self::LefiFelsvar(_) => DocumentKind::Error,
            Self::Ssbtek(doc) => match doc.message {
                SsbtekMessage::Request(_) | SsbtekMessage::PingRequest => DocumentKind::Request,
                SsbtekMessage::Response(_) | SsbtekMessage::PingResponse(_) => {
                    DocumentKind::Response
                }
                SsbtekMessage::Fault(_) => DocumentKind::Error,
            },
        }
    }

    fn from_lefi_json(doc: lefi_json::Document) -> Self {
        match doc {
            lefi_json::Document::Request(d) => Self::LefiFraga(d),
            lefi_json::Document::Response(d) => Self::LefiSvar(d),
            lefi_json::Document::Available(d) => Self::LefiTillgangliga(d),
            lefi_json::Document::Error(d) => Self::LefiFelsvar(d),
        }
    }

    /// Decodes `input` in the format [`Format::detect`] recognises.
    ///
    /// # Errors
    /// [`ConvertError::UnknownFormat`], else as [`Document::decode`].
    pub fn decode_detected(input: &[u8]) -> Result<(Format, Self), ConvertError> {
        let format = Format::detect(input).ok_or(ConvertError::UnknownFormat)?;
        Ok((format, Self::decode(input, format)?))
    }

    /// [`Document::decode_detected`] with the warnings of [`Document::decode_with_warnings`].
    ///
    /// # Errors
    /// As [`Document::decode_detected`].
    pub fn decode_detected_with_warnings(
        input: &[u8],
    ) -> Result<(Format, Self, Vec<String>), ConvertError> {
        let format = Format::detect(input).ok_or(ConvertError::UnknownFormat)?;
        let (doc, warnings) = Self::decode_with_warnings(input, format)?;
        Ok((format, doc, warnings))
    }

    /// A LEFI v9 JSON document of whichever kind it is (see
    /// [`lefi_json::decode_any`] for how the kind is decided).
    fn decode_lefi_json(
        input: &[u8],
        skipped: &mut LossReport,
    ) -> Result<(Self, Vec<String>), ConvertError> {
        let d = lefi_json::decode_any(input, &crate::wire::DecodeSettings::new()).map_err(
            |source| ConvertError::Json {
                format: Format::LefiV9,
                source,
            },
        )?;
        let warnings = notice(&d.warnings, skipped);
        Ok((Self::from_lefi_json(d.value), warnings))
    }

    fn decode_lefi_xml(
        input: &[u8],
        format: Format,
        skipped: &mut LossReport,
    ) -> Result<(Self, Vec<String>), ConvertError> {
        let d = lefi_xml::decode_any(input, &crate::wire::DecodeSettings::default())
            .map_err(|source| ConvertError::Xml { format, source })?;
        if Some(d.version) != format.lefi_version() {
            return Err(ConvertError::VersionMismatch {
                expected: format,
                found: Format::from_lefi(d.version),
            });
        }
        // The model has no place for elements the version does not define: the document
        // does not carry them, and their warnings say so.
        let mut kept = d.kept.iter();
        let warnings = d
            .warnings
            .iter()
            .map(|w| {
                let element = (w.kind == crate::wire::WarningKind::UnknownElement)
                    .then(|| kept.next())
                    .flatten();
                match element {
                    Some(k) => {
                        skipped.add(k.path.clone(), None, 1);
                        format!(
                            "{}: element {} not defined by {format}, dropped",
                            k.path,
                            k.element.name().expanded()
                        )
                    }
                    None => w.to_string(),
                }
            })
            .collect();
        let doc = match d.value {
            lefi_xml::Document::Request(fraga) => Self::LefiFraga(fraga),
            lefi_xml::Document::Response(svar) => Self::LefiSvar(svar),
        };
        Ok((doc, warnings))
    }

    /// The crate's JSON form of the document: LEFI documents (whatever version they came
    /// in) as LEFI v9 JSON, the version-neutral model's own form; SSBTEK messages as
    /// `{"ssbtek": {…}}` (see [`SsbtekDocument`]). [`Document::from_json_form`] reads it back.
    ///
    /// The JSON form is wire-equivalent: it holds identity numbers and names like the
    /// document itself. Log [`crate::legal::redacted`] output instead.
    ///
    /// # Errors
    /// [`ConvertError::JsonForm`] when serialisation fails.
    ///
    /// ```
    /// use lefi::convert::Document;
    /// let (_, doc) = Document::decode_detected(br#"{"utlamnare":[]}"#)?;
    /// let json = doc.to_json_form()?;
    /// assert_eq!(Document::from_json_form(&json)?, doc);
    /// # Ok::<(), lefi::convert::ConvertError>(())
    /// ```
    pub fn to_json_form(&self) -> Result<Vec<u8>, ConvertError> {
        let json = |source| ConvertError::JsonEncode {
            format: Format::LefiV9,
            source,
        };
        match self {
            Self::LefiFraga(d) => lefi_json::to_vec_pretty(&**d).map_err(json),
            Self::LefiSvar(d) => lefi_json::to_vec_pretty(&**d).map_err(json),
            Self::LefiTillgangliga(d) => lefi_json::to_vec_pretty(&**d).map_err(json),
            Self::LefiFelsvar(d) => lefi_json::to_vec_pretty(&**d).map_err(json),
            Self::Ssbtek(d) => {
                serde_json::to_vec_pretty(&**d).map_err(|e| ConvertError::JsonForm {
                    line: e.line(),
                    column: e.column(),
                    reason: json_form_reason(&e),
                })
            }
        }
    }

    /// Reads the crate's JSON form (what [`Document::to_json_form`] writes).
    ///
    /// # Errors
    /// [`ConvertError::Json`] for an invalid LEFI document, [`ConvertError::JsonForm`] for
    /// an invalid SSBTEK JSON form.
    pub fn from_json_form(input: &[u8]) -> Result<Self, ConvertError> {
        let is_ssbtek = serde_json::from_slice::<BTreeMap<&str, &RawValue>>(input)
            .is_ok_and(|top| top.contains_key("ssbtek"));
        if is_ssbtek {
            serde_json::from_slice::<SsbtekDocument>(input)
                .map(|d| Self::Ssbtek(Box::new(d)))
                .map_err(|e| ConvertError::JsonForm {
                    line: e.line(),
                    column: e.column(),
                    reason: json_form_reason(&e),
                })
        } else {
            Self::decode_lefi_json(input, &mut LossReport::default()).map(|(doc, _)| doc)
        }
    }

    /// A short name of the document kind: `lefi-fraga`, `lefi-svar`, `lefi-tillgangliga`,
    /// `lefi-felsvar`, `ssbtek-fraga`, `ssbtek-svar`, `ssbtek-ping`, `ssbtek-ping-svar` or
    /// `ssbtek-fault`.
    #[must_use]
    pub fn kind(&self) -> &'static str {
        match self {
            Self::LefiFraga(_) => "lefi-fraga",
            Self::LefiSvar(_) => "lefi-svar",
            Self::LefiTillgangliga(_) => "lefi-tillgangliga",
            Self::LefiFelsvar(_) => "lefi-felsvar",
            Self::Ssbtek(doc) => match doc.message {
                SsbtekMessage::Request(_) => "ssbtek-fraga",
                SsbtekMessage::Response(_) => "ssbtek-svar",
                SsbtekMessage::PingRequest => "ssbtek-ping",
                SsbtekMessage::PingResponse(_) => "ssbtek-ping-svar",
                SsbtekMessage::Fault(_) => "ssbtek-fault",
                #[allow(unreachable_patterns)]
                _ => "ssbtek",
            },
        }
    }

    /// The LEFI answer this document carries: the answer itself, or the typed FK part of
    /// an SSBTEK answer.
    ///
    /// ```
    /// use lefi::convert::Document;
    /// let (_, doc) = Document::decode_detected(br#"{"utlamnare":[]}"#)?;
    /// assert!(doc.lefi_svar().is_some());
    /// # Ok::<(), lefi::convert::ConvertError>(())
    /// ```
    #[must_use]
    pub fn lefi_svar(&self) -> Option<&LefiExternFormansinformationSvar> {
        match self {
            Self::LefiSvar(svar) => Some(svar),
            Self::Ssbtek(doc) => match &doc.message {
                SsbtekMessage::Response(svar) => match &svar.svarsdata.fk {
                    Some(AgencyResult::Data(fk)) => Some(fk.svar()),
                    _ => None,
                },
                _ => None,
            },
            _ => None,
        }
    }

    /// Encodes the document in `to`, dropping what `to` cannot carry and listing it in the
    /// returned [`LossReport`] (callers refuse a non-empty report unless loss is allowed).
    ///
    /// # Errors
    /// [`ConvertError::Unsupported`] when `to` cannot represent this kind of document at
    /// all (a LEFI question cannot become an SSBTEK question: that needs the asking
    /// organisation — build one with the SSBTEK request builder); [`ConvertError::NoFkData`]
    /// when an SSBTEK answer has no FK data to convert; codec errors as [`ConvertError`].
    pub fn encode(&self, to: Format) -> Result<(Vec<u8>, LossReport), ConvertError> {
        let unsupported = || ConvertError::Unsupported {
            from: self.natural_format(),
            to,
        };
        match (self, to.lefi_version(), to.ssbtek_version()) {
            (Self::LefiFraga(d), Some(v), _) => encode_lefi(&**d, v, to),
            (Self::LefiSvar(d), Some(v), _) => encode_lefi(&**d, v, to),
            (Self::LefiTillgangliga(d), Some(LefiVersion::V9), _) => lefi_json::to_vec(&**d)
                .map(|out| (out, LossReport::default()))
                .map_err(|source| ConvertError::JsonEncode { format: to, source }),
            (Self::LefiFelsvar(d), Some(LefiVersion::V9), _) => lefi_json::to_vec(&**d)
                .map(|out| (out, LossReport::default()))
                .map_err(|source| ConvertError::JsonEncode { format: to, source }),
            (Self::LefiSvar(svar), None, Some(version)) => {
                let fk = FkSvar::new((**svar).clone());
                let message = SsbtekMessage::Response(Box::new(BastjanstSvar {
                    fraga: None,
                    frage_tidpunkt: None,
                    korrelationsid: None,
                    svarsdata: Svarsdata {
                        fk: Some(AgencyResult::Data(fk)),
                        ..Svarsdata::default()
                    },
                }));
                encode_ssbtek(&SsbtekDocument::new(version, message), to)
            }
            (Self::Ssbtek(doc), None, Some(version)) => {
                let (doc, report) = ssbtek_for_version(doc, version);
                let (out, _) = encode_ssbtek(&doc, to)?;
                Ok((out, report))
            }
            (Self::Ssbtek(doc), Some(version), _) => ssbtek_to_lefi(doc, version, to),
            _ => Err(unsupported()),
        }
    }

    /// The format a document of this kind is naturally in (used in error messages).
    fn natural_format(&self) -> Format {
        match self {
            Self::Ssbtek(doc) => match doc.version {
                Some(SsbtekVersion::V11) => Format::SsbtekV11,
                _ => Format::SsbtekV10,
            },
            _ => Format::LefiV9,
        }
    }
}

fn encode_lefi<T>(
    doc: &T,
    version: LefiVersion,
    to: Format,
) -> Result<(Vec<u8>, LossReport), ConvertError>
where
    T: LefiXmlDocument + lefi_json::LefiDocument,
{
    if version == LefiVersion::V9 {
        lefi_json::to_vec(doc)
            .map(|out| (out, LossReport::default()))
            .map_err(|source| ConvertError::JsonEncode { format: to, source })
    } else {
        lefi_xml::to_vec_lossy(doc, version)
            .map(|(out, dropped)| (out, LossReport::from(dropped)))
            .map_err(|source| ConvertError::XmlEncode { format: to, source })
    }
}

fn encode_ssbtek(doc: &SsbtekDocument, to: Format) -> Result<(Vec<u8>, LossReport), ConvertError> {
    ssbtek::to_vec(doc)
        .map(|out| (out, LossReport::default()))
        .map_err(|source| ConvertError::SsbtekEncode { format: to, source })
}

/// The same SSBTEK message for another version, with what that version cannot carry
/// removed and reported ([`ssbtek::fit_to_version`]). What the target version requires and
/// the message lacks is not a loss: encoding refuses it with a version-gating error naming
/// the field.
fn ssbtek_for_version(
    doc: &SsbtekDocument,
    version: SsbtekVersion,
) -> (SsbtekDocument, LossReport) {
    let mut out = doc.clone();
    out.version = Some(version);
    let mut report = LossReport::default();
    for gap in ssbtek::fit_to_version(&mut out.message, version) {
        report.add(gap.path.replace('/', "."), None, 1);
    }
    (out, report)
}

/// The FK (LEFI) part of an SSBTEK message in a LEFI format; everything else is reported
/// as dropped.
fn ssbtek_to_lefi(
    doc: &SsbtekDocument,
    version: LefiVersion,
    to: Format,
) -> Result<(Vec<u8>, LossReport), ConvertError> {
    let mut report = LossReport::default();
    if doc.header.is_some() {
        report.add("Envelope.Header".to_owned(), None, 1);
    }
    match &doc.message {
        SsbtekMessage::Response(svar) => {
            let fk = match &svar.svarsdata.fk {
                Some(AgencyResult::Data(fk)) => fk,
                _ => return Err(ConvertError::NoFkData),
            };
            if svar.fraga.is_some() {
                report.add("fraga".to_owned(), None, 1);
            }
            if svar.frage_tidpunkt.is_some() {
                report.add("frageTidpunkt".to_owned(), None, 1);
            }
            if svar.korrelationsid.is_some() {
                report.add("korrelationsid".to_owned(), None, 1);
            }
            let s = &svar.svarsdata;
            use crate::model::ssbtek::Agency;
            for (agency, present) in [
                (Agency::Af, s.af.is_some()),
                (Agency::Csn, s.csn.is_some()),
                (Agency::Skv, s.skv.is_some()),
                (Agency::So, s.so.is_some()),
                (Agency::Tns, s.tns.is_some()),
                (Agency::Miv, s.miv.is_some()),
            ] {
                if present {
                    report.add(format!("svarsdata.{}", agency.element_name()), None, 1);
                }
            }
            // elements of svarsdata the contract does not define, kept as received
            for other in &s.other {
                report.add(format!("svarsdata.{}", other.name().local()), None, 1);
            }
            let (out, lost) = encode_lefi(fk.svar(), version, to)?;
            report.merge(lost);
            Ok((out, report))
        }
        SsbtekMessage::Request(fraga) => {
            let fk = fraga
                .specifika
                .fk
                .fraga
                .as_ref()
                .ok_or(ConvertError::NoFkData)?;
            let lefi = fk.fraga();
            report.add("generellaFrageparametrar".to_owned(), None, 1);
            report.add("specifikaFrageparametrar.FK.aktorsid".to_owned(), None, 1);
            for agency in crate::model::ssbtek::Agency::ALL {
                if agency != crate::model::ssbtek::Agency::Fk && fraga.specifika.includes(agency) {
                    report.add(
                        format!("specifikaFrageparametrar.{}", agency.element_name()),
                        None,
                        1,
                    );
                }
            }
            let (out, lost) = encode_lefi(lefi, version, to)?;
            report.merge(lost);
            Ok((out, report))
        }
        _ => Err(ConvertError::Unsupported {
            from: Format::from_ssbtek(doc.version.unwrap_or(SsbtekVersion::V10))
                .unwrap_or(Format::SsbtekV10),
            to,
        }),
    }
}

/// A reason for a JSON-form error that cannot echo values: serde's own messages may quote
/// the offending value (an identity number, a name), so only its category is kept, plus the
/// message when it quotes nothing and has no long digit run.
fn json_form_reason(e: &serde_json::Error) -> String {
    use serde_json::error::Category;
    let text = e.to_string();
    let longest_digit_run = text
        .split(|c: char| !c.is_ascii_digit())
        .map(str::len)
        .max()
        .unwrap_or(0);
    let safe = longest_digit_run < 6 && !text.contains('"') && !text.contains('`');
    match e.classify() {
        Category::Io => "i/o error".to_owned(),
        Category::Syntax => "not valid JSON".to_owned(),
        Category::Eof => "unexpected end of input".to_owned(),
        Category::Data if safe => strip_position(&text),
        Category::Data => "a value is not valid for its field".to_owned(),
    }
}

fn strip_position(text: &str) -> String {
    text.split(" at line ").next().unwrap_or(text).to_owned()
}
