//! The SSBTEK answer, ping and faults.

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::codes::Kalla;
use crate::xml::{Position, XmlError, XmlFragment};

use super::Agency;
use super::agencies::{AfSvar, CsnSvar, FkSvar, MivSvar, SoSvar, TnsSvar};
use super::request::BastjanstFraga;
use super::skv::SkvSvar;
use super::values::XsdDateTime;

/// `hamtaBastjanstInformationResponse` (`SammansattBastjanstSvar`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct BastjanstSvar {
    /// `fraga`: the question, when it asked to be echoed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fraga: Option<BastjanstFraga>,
    /// `frageTidpunkt`, echoed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub frage_tidpunkt: Option<XsdDateTime>,
    /// `korrelationsid`, echoed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub korrelationsid: Option<String>,
    /// `svarsdata`.
    pub svarsdata: Svarsdata,
}

/// `svarsdata`: per agency `None` (not in the answer: not asked, or not answered), or an
/// [`AgencyResult`]: data, an error, or a block that could not be decoded.
///
/// serde: members `AF`, `CSN`, `FK`, `SKV`, `SO`, `TNS`, `MIV`; absent agencies omitted;
/// `other` lists elements the contract does not define, kept as received.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "UPPERCASE")]
pub struct Svarsdata {
    /// `AF`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub af: Option<AgencyResult<AfSvar>>,
    /// `CSN`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub csn: Option<AgencyResult<CsnSvar>>,
    /// `FK`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fk: Option<AgencyResult<FkSvar>>,
    /// `SKV`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub skv: Option<AgencyResult<SkvSvar>>,
    /// `SO`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub so: Option<AgencyResult<SoSvar>>,
    /// `TNS`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tns: Option<AgencyResult<TnsSvar>>,
    /// `MIV`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub miv: Option<AgencyResult<MivSvar>>,
    /// Elements of `svarsdata` that are not one of the seven agencies in the contract's
    /// order (a later version's agency, a repeated one), kept as received and written back
    /// after the agencies.
    #[serde(rename = "other", default, skip_serializing_if = "Vec::is_empty")]
    pub other: Vec<XmlFragment>,
}

impl Svarsdata {
    /// Each agency in the answer with what it answered, in the contract's order.
    ///
    /// ```
    /// use lefi::model::ssbtek::{Agency, Outcome, Svarsdata};
    /// let s = Svarsdata::default();
    /// assert!(s.outcomes().all(|(_, o)| o == Outcome::NotInAnswer));
    /// ```
    pub fn outcomes(&self) -> impl Iterator<Item = (Agency, Outcome)> + '_ {
        Agency::ALL.into_iter().map(|a| (a, self.outcome(a)))
    }

    /// What `agency` answered, without its data (`None`: not in the answer).
    pub fn result_of(&self, agency: Agency) -> Option<ResultKind<'_>> {
        match agency {
            Agency::Af => self.af.as_ref().map(AgencyResult::kind),
            Agency::Csn => self.csn.as_ref().map(AgencyResult::kind),
            Agency::Fk => self.fk.as_ref().map(AgencyResult::kind),
            Agency::Skv => self.skv.as_ref().map(AgencyResult::kind),
            Agency::So => self.so.as_ref().map(AgencyResult::kind),
            Agency::Tns => self.tns.as_ref().map(AgencyResult::kind),
            Agency::Miv => self.miv.as_ref().map(AgencyResult::kind),
        }
    }

    /// What `agency` answered.
    pub fn outcome(&self, agency: Agency) -> Outcome {
        self.result_of(agency)
            .map_or(Outcome::NotInAnswer, |k| k.outcome())
    }

    /// The agency's error, when it answered with one.
    pub fn error_of(&self, agency: Agency) -> Option<&SsbtError> {
        match self.result_of(agency)? {
            ResultKind::Error(e) => Some(e),
            _ => None,
        }
    }

    /// The agency's block that could not be decoded, if so.
    pub fn undecodable_of(&self, agency: Agency) -> Option<&Undecodable> {
        match self.result_of(agency)? {
            ResultKind::Undecodable(u) => Some(u),
            _ => None,
        }
    }
}

/// An [`AgencyResult`] without its data: the outcome and, when there is one, the error or
/// the block that could not be decoded.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ResultKind<'a> {
    /// Data, typed.
    Data,
    /// An error.
    Error(&'a SsbtError),
    /// A block that could not be decoded.
    Undecodable(&'a Undecodable),
}

impl ResultKind<'_> {
    /// The outcome.
    pub fn outcome(&self) -> Outcome {
        match self {
            Self::Data => Outcome::Data,
            Self::Error(_) => Outcome::Error,
            Self::Undecodable(_) => Outcome::Undecodable,
        }
    }
}

/// What one agency answered, without its content: the four outcomes that
/// `Option<AgencyResult<T>>` distinguishes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Outcome {
    /// The agency is not in the answer (not asked, or not answered).
    NotInAnswer,
    /// It answered with data.
    Data,
    /// It answered with an error.
    Error,
    /// Its block holds something its type does not expect (see [`Undecodable`]).
    Undecodable,
}

/// One agency's answer (or one part of Skatteverket's): its data, the error the composed
/// service reports for it, or a block the decoder could not read as its type.
///
/// ```
/// use lefi::codes::Kalla;
/// use lefi::model::ssbtek::{AgencyResult, SsbtError};
/// let r: AgencyResult<()> = AgencyResult::Error(SsbtError::new(Kalla::Ssbt, "TIMEOUT", vec!["timeout".into()])?);
/// assert!(r.data().is_none());
/// assert_eq!(r.error().map(|e| e.felkod()), Some("TIMEOUT"));
/// # Ok::<(), lefi::model::ssbtek::EmptyMessagesError>(())
/// ```
///
/// serde: externally tagged, `{"data": …}`, `{"error": …}` or `{"undecodable": …}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum AgencyResult<T> {
    /// `data`: the agency answered.
    Data(T),
    /// `error`: the agency (or the composed service calling it) failed.
    Error(SsbtError),
    /// The block holds something its type does not expect (an unknown element, a payload
    /// that is not valid base64, JSON or XML, an inner document that breaks its schema):
    /// why, where, and the block as received, which is written back unchanged.
    Undecodable(Undecodable),
}

impl<T> AgencyResult<T> {
    /// The data, if the agency answered.
    pub fn data(&self) -> Option<&T> {
        match self {
            Self::Data(d) => Some(d),
            _ => None,
        }
    }

    /// The error, if the agency failed.
    pub fn error(&self) -> Option<&SsbtError> {
        match self {
            Self::Error(e) => Some(e),
            _ => None,
        }
    }

    /// The block as received with why it could not be decoded, if so.
    pub fn undecodable(&self) -> Option<&Undecodable> {
        match self {
            Self::Undecodable(u) => Some(u),
            _ => None,
        }
    }

    /// The result without its data.
    pub fn kind(&self) -> ResultKind<'_> {
        match self {
            Self::Data(_) => ResultKind::Data,
            Self::Error(e) => ResultKind::Error(e),
            Self::Undecodable(u) => ResultKind::Undecodable(u),
        }
    }
}

/// A block the decoder could not read as its type, kept as received.
///
/// `message` says what was wrong and `position` where (in the SOAP document; for an
/// embedded payload, the message adds the place inside it). Neither contains document
/// values. `Debug` shows the block's structure only.
///
/// serde: `{"error": "…", "at": {"line": …, "column": …, "offset": …, "path": "…"},
/// "block": <XML fragment>}`.
///
/// ```
/// use lefi::model::ssbtek::{AgencyResult, Undecodable};
/// let xml = br#"<hamtaBastjanstInformationResponse xmlns="http://schema.forsakringskassan.se/integration/ssbt/10">
///   <svarsdata><MIV><data><nope/></data></MIV></svarsdata></hamtaBastjanstInformationResponse>"#;
/// let doc = lefi::wire::ssbtek::from_slice(xml)?;
/// let lefi::model::ssbtek::SsbtekMessage::Response(svar) = &doc.message else { return Ok(()) };
/// let Some(AgencyResult::Undecodable(u)) = &svar.svarsdata.miv else { panic!("MIV decoded") };
/// assert!(u.message().contains("unexpected element"));
/// assert!(u.position().path().ends_with("/MIV/data/nope"));
/// assert_eq!(u.block().name().local(), "MIV");
/// # Ok::<(), lefi::wire::ssbtek::DecodeError>(())
/// ```
#[derive(Clone)]
pub struct Undecodable {
    message: String,
    position: Position,
    block: XmlFragment,
}

/// Equal when the message, the element path and the block are: the line, column and byte
/// offset say where the block sat in one particular text, which re-encoding changes (found
/// by the round-trip fuzz target).
impl PartialEq for Undecodable {
    fn eq(&self, other: &Self) -> bool {
        self.message == other.message
            && self.position.path() == other.position.path()
            && self.block == other.block
    }
}

impl Eq for Undecodable {}

impl Undecodable {
    /// The block `block` (an agency element, or a Skatteverket part) could not be decoded
    /// because of `error`.
    pub fn new(error: &XmlError, block: XmlFragment) -> Self {
        Self {
            message: error.kind().to_string(),
            position: error.position().clone(),
            block,
        }
    }

    /// What was wrong (no document values).
    pub fn message(&self) -> &str {
        &self.message
    }

    /// Where it was found.
    pub fn position(&self) -> &Position {
        &self.position
    }

    /// The block as received.
    pub fn block(&self) -> &XmlFragment {
        &self.block
    }
}

impl fmt::Debug for Undecodable {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Undecodable")
            .field("message", &self.message)
            .field("position", &self.position)
            .field("block", &self.block)
            .finish()
    }
}

impl fmt::Display for Undecodable {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} ({})", self.message, self.position)
    }
}

/// The JSON shape of [`Undecodable`].
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct UndecodableJson {
    error: String,
    at: PositionJson,
    block: XmlFragment,
}

#[derive(Serialize)]
struct UndecodableJsonRef<'a> {
    error: &'a str,
    at: PositionJson<&'a str>,
    block: &'a XmlFragment,
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct PositionJson<P = String> {
    line: u64,
    column: u64,
    offset: u64,
    path: P,
}

impl Serialize for Undecodable {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let p = &self.position;
        UndecodableJsonRef {
            error: &self.message,
            at: PositionJson {
                line: p.line(),
                column: p.column(),
                offset: p.byte_offset(),
                path: p.path(),
            },
            block: &self.block,
        }
        .serialize(serializer)
    }
}

impl<'de> Deserialize<'de> for Undecodable {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let j = UndecodableJson::deserialize(deserializer)?;
        Ok(Self {
            message: j.error,
            position: Position::new(j.at.offset, j.at.line, j.at.column, j.at.path),
            block: j.block,
        })
    }
}

/// [`SsbtError::new`] needs at least one message.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error("an SSBTEK error needs at least one felmeddelande")]
pub struct EmptyMessagesError;

/// SSBTEK `Error`: where it came from, a code and one or more messages.
///
/// `Debug` and `Display` show source and code only: messages may quote personal data.
///
/// serde: `{"kalla": …, "felkod": …, "felmeddelande": [ … ]}`, read through
/// [`SsbtError::new`] (at least one message).
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(into = "SsbtErrorJson", try_from = "SsbtErrorJson")]
pub struct SsbtError {
    kalla: Kalla,
    felkod: String,
    felmeddelanden: Vec<String>,
}

impl SsbtError {
    /// Creates an error; `felmeddelanden` must not be empty.
    pub fn new(
        kalla: Kalla,
        felkod: impl Into<String>,
        felmeddelanden: Vec<String>,
    ) -> Result<Self, EmptyMessagesError> {
        if felmeddelanden.is_empty() {
            return Err(EmptyMessagesError);
        }
        Ok(Self {
            kalla,
            felkod: felkod.into(),
            felmeddelanden,
        })
    }

    /// `kalla`.
    pub fn kalla(&self) -> Kalla {
        self.kalla
    }

    /// `felkod`.
    pub fn felkod(&self) -> &str {
        &self.felkod
    }

    /// `felmeddelande` (one or more).
    pub fn felmeddelanden(&self) -> &[String] {
        &self.felmeddelanden
    }
}

/// The JSON shape of [`SsbtError`].
#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct SsbtErrorJson {
    kalla: Kalla,
    felkod: String,
    felmeddelande: Vec<String>,
}

impl From<SsbtError> for SsbtErrorJson {
    fn from(e: SsbtError) -> Self {
        Self {
            kalla: e.kalla,
            felkod: e.felkod,
            felmeddelande: e.felmeddelanden,
        }
    }
}

impl TryFrom<SsbtErrorJson> for SsbtError {
    type Error = EmptyMessagesError;

    fn try_from(j: SsbtErrorJson) -> Result<Self, Self::Error> {
        Self::new(j.kalla, j.felkod, j.felmeddelande)
    }
}

impl fmt::Debug for SsbtError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("SsbtError")
            .field("kalla", &self.kalla)
            .field("felkod", &self.felkod)
            .field(
                "felmeddelanden",
                &format_args!("<{} redacted>", self.felmeddelanden.len()),
            )
            .finish()
    }
}

impl fmt::Display for SsbtError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "ssbtek error {} from {}", self.felkod, self.kalla.code())
    }
}

impl std::error::Error for SsbtError {}

/// `testaBastjanstInformationResponse`: per agency, whether its test service was called.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "UPPERCASE")]
pub struct PingSvar {
    /// `AF`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub af: Option<TestSvar>,
    /// `CSN`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub csn: Option<TestSvar>,
    /// `FK`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fk: Option<TestSvar>,
    /// `SKV`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub skv: Option<TestSvar>,
    /// `SO`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub so: Option<TestSvar>,
    /// `TNS`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tns: Option<TestSvar>,
    /// `MIV`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub miv: Option<TestSvar>,
}

impl PingSvar {
    /// Each agency in the contract's order with its test answer (`None`: not in the
    /// answer, as agencies without a test service are in ssbt/11).
    ///
    /// ```
    /// use lefi::model::ssbtek::{Agency, PingSvar, TestSvar};
    /// let p = PingSvar { fk: Some(TestSvar { anropad: false, error: None }), ..PingSvar::default() };
    /// let answered: Vec<Agency> = p.agencies().filter(|(_, t)| t.is_some()).map(|(a, _)| a).collect();
    /// assert_eq!(answered, [Agency::Fk]);
    /// ```
    pub fn agencies(&self) -> impl Iterator<Item = (Agency, Option<&TestSvar>)> + '_ {
        Agency::ALL.into_iter().map(|a| {
            let t = match a {
                Agency::Af => &self.af,
                Agency::Csn => &self.csn,
                Agency::Fk => &self.fk,
                Agency::Skv => &self.skv,
                Agency::So => &self.so,
                Agency::Tns => &self.tns,
                Agency::Miv => &self.miv,
            };
            (a, t.as_ref())
        })
    }
}

/// `TestSvar`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TestSvar {
    /// `anropad`: whether the agency has a test service that was called.
    pub anropad: bool,
    /// `error`: set when the called test service failed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub error: Option<SsbtError>,
}

/// Which operation a `BastjanstInformationFault` belongs to.
///
/// serde: the operation name, `"hamtaBastjanstInformation"` or `"testaBastjanstInformation"`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Operation {
    /// `hamtaBastjanstInformation`.
    #[serde(rename = "hamtaBastjanstInformation")]
    Hamta,
    /// `testaBastjanstInformation` (ping).
    #[serde(rename = "testaBastjanstInformation")]
    Testa,
}

/// `hamtaBastjanstInformationFault` / `testaBastjanstInformationFault`.
///
/// `Debug` and `Display` omit the messages (they may quote personal data).
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OperationFault {
    /// Which operation failed.
    pub operation: Operation,
    /// `felkod`.
    pub felkod: String,
    /// `felmeddelande` (one or more).
    #[serde(rename = "felmeddelande")]
    pub felmeddelanden: Vec<String>,
}

impl fmt::Debug for OperationFault {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("OperationFault")
            .field("operation", &self.operation)
            .field("felkod", &self.felkod)
            .field(
                "felmeddelanden",
                &format_args!("<{} redacted>", self.felmeddelanden.len()),
            )
            .finish()
    }
}

impl fmt::Display for OperationFault {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "ssbtek fault {}", self.felkod)
    }
}

impl std::error::Error for OperationFault {}

/// A SOAP 1.1 `Fault`.
///
/// `Display` shows the fault code only; `faultstring` may quote input.
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SoapFault {
    /// `faultcode` (a QName as written, e.g. `soap:Server`).
    pub faultcode: String,
    /// `faultstring`.
    pub faultstring: String,
    /// `faultactor`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub faultactor: Option<String>,
    /// `detail`: typed SSBTEK faults, and anything else kept as received.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub detail: Option<Vec<FaultDetail>>,
}

/// One entry of a SOAP fault's `detail`.
///
/// serde: `{"operation": …}` or `{"other": <XML fragment>}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum FaultDetail {
    /// An SSBTEK operation fault.
    Operation(OperationFault),
    /// Anything else.
    Other(XmlFragment),
}

impl SoapFault {
    /// The SSBTEK operation fault in `detail`, if any.
    pub fn operation_fault(&self) -> Option<&OperationFault> {
        self.detail.iter().flatten().find_map(|d| match d {
            FaultDetail::Operation(f) => Some(f),
            FaultDetail::Other(_) => None,
        })
    }
}

impl fmt::Debug for SoapFault {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("SoapFault")
            .field("faultcode", &self.faultcode)
            .field("faultstring", &"<redacted>")
            .field("detail", &self.detail)
            .finish_non_exhaustive()
    }
}

impl fmt::Display for SoapFault {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "soap fault {}", self.faultcode)?;
        if let Some(op) = self.operation_fault() {
            write!(f, " ({op})")?;
        }
        Ok(())
    }
}

impl std::error::Error for SoapFault {}

/// A fault message: a SOAP `Fault`, or an SSBTEK fault element directly in the body.
///
/// serde: `{"soap": …}` or `{"operation": …}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Fault {
    /// `soap:Fault`.
    Soap(SoapFault),
    /// `hamta…Fault` / `testa…Fault` as the body element.
    Operation(OperationFault),
}

impl fmt::Display for Fault {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Soap(s) => s.fmt(f),
            Self::Operation(o) => o.fmt(f),
        }
    }
}

impl std::error::Error for Fault {}
