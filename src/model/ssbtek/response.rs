//! The SSBTEK answer, ping and faults.

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::codes::Kalla;
use crate::wire::xml::XmlFragment;

use super::agencies::{AfSvar, CsnSvar, FkSvar, MivSvar, SkvSvar, SoSvar, TnsSvar};
use super::request::BastjanstFraga;
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

/// `svarsdata`: per agency `None` (not asked / not answered), data, or an error.
///
/// serde: members `AF`, `CSN`, `FK`, `SKV`, `SO`, `TNS`, `MIV`; absent agencies omitted.
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
}

/// One agency's answer: its data, or the error the composed service reports for it.
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
/// serde: externally tagged, `{"data": …}` or `{"error": …}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum AgencyResult<T> {
    /// `data`: the agency answered.
    Data(T),
    /// `error`: the agency (or the composed service calling it) failed.
    Error(SsbtError),
}

impl<T> AgencyResult<T> {
    /// The data, if the agency answered.
    pub fn data(&self) -> Option<&T> {
        match self {
            Self::Data(d) => Some(d),
            Self::Error(_) => None,
        }
    }

    /// The error, if the agency failed.
    pub fn error(&self) -> Option<&SsbtError> {
        match self {
            Self::Data(_) => None,
            Self::Error(e) => Some(e),
        }
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
