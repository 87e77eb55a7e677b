//! The SSBTEK (sammansatt bastjänst ekonomiskt bistånd) model: the question, the composed
//! answer with one result per agency, ping and faults. Version-neutral: the same types serve
//! SSBTEK v10 and v11 ([`crate::wire::ssbtek`] decides what each version can carry).

mod agencies;
mod csn;
mod document;
mod request;
mod response;
mod skv;
mod skv_v10;
mod skv_v11;
mod values;

pub use csn::{
    CsnArende, CsnBelopp, CsnBeviljadTid, CsnDatum, CsnDokument, CsnNamespaceVersion, CsnPerson,
    CsnResultat, CsnSokttid, CsnStod, CsnStodArenden, CsnStudiestodstypforteckning, CsnUtbetaldTid,
    CsnUtbetalning, CsnVecka, ParseCsnValueError,
};
pub(crate) use csn::{csn_belopp_text, parse_csn_belopp};
pub use skv_v10::{
    Beskattningsuppgifter, SkvKapitaluppgift, SkvPersonuppgift, SkvPersonuppgiftLista,
    SkvXmlAttribute, SkvXmlTag,
};
pub(crate) use skv_v10::{SKV_NS_BESKO, SKV_NS_FOLKO, SKV_NS_INSTANS};
pub use skv_v11::{
    Foretagsinformation, ParseSkvValueError, Skattekonto, Skatteuppgifter, SkvAr, SkvBelopp,
    SkvBeskattningsperiod, SkvBeslutadSkatteuppgift, SkvForetag, SkvJson, SkvJsonForm,
    SkvUppgifter,
};
pub(crate) use skv_v11::{parse_skv_decimal, parse_skv_year};

pub use agencies::{
    AfBeslut, AfSvar, AfSvarUppgifter, AktivitetsRapport, AnsoktOmErsattning,
    Arbetsloshetsersattning, ArbetssokandeInfo, BeslutInfo, CsnSvar, FkSvar, Fordon,
    Fordonsinnehav, MivBeslut, MivResponse, MivSvar, SoAvstangning, SoSvar, SoUtbetalning,
    TnsFelresultat, TnsSvar,
};
pub use document::{SsbtekDocument, SsbtekMessage};
pub use request::{
    AgencyParametrar, BastjanstFraga, BastjanstFragaBuilder, BuildError,
    CSN_MAX_ARENDEIDENTITET_CHARS, FK_DEFAULT_LEFI_VERSION, FkFraga, FkParametrar,
    GenerellaFrageparametrar, Ingivare, Personuppgiftsbitrade, SkatteverketFraga, SkvParametrar,
    SpecifikaFrageparametrar,
};
pub use response::{
    AgencyResult, BastjanstSvar, EmptyMessagesError, Fault, FaultDetail, Operation, OperationFault,
    Outcome, PingSvar, ResultKind, SoapFault, SsbtError, Svarsdata, TestSvar, Undecodable,
};
pub use skv::{SkvDel, SkvDelar, SkvSvar};
pub use values::{
    Arendeidentitet, Base64Blob, Lagtext, Payload, Syfte, Tidsperiod, ValueError, XsdDateTime,
};

/// The seven base services, in the contract's fixed order.
///
/// ```
/// use lefi::model::ssbtek::Agency;
/// assert_eq!(Agency::ALL.map(|a| a.element_name()).join(","), "AF,CSN,FK,SKV,SO,TNS,MIV");
/// assert_eq!("MIV".parse::<Agency>(), Ok(Agency::Miv));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Agency {
    /// Arbetsförmedlingen.
    Af,
    /// Centrala studiestödsnämnden.
    Csn,
    /// Försäkringskassan (LEFI, including Pensionsmyndigheten data).
    Fk,
    /// Skatteverket.
    Skv,
    /// Arbetslöshetskassornas samorganisation.
    So,
    /// Transportstyrelsen.
    Tns,
    /// Migrationsverket.
    Miv,
}

impl Agency {
    /// All agencies in the contract's order.
    pub const ALL: [Agency; 7] = [
        Self::Af,
        Self::Csn,
        Self::Fk,
        Self::Skv,
        Self::So,
        Self::Tns,
        Self::Miv,
    ];

    /// The element name (`AF`, `CSN`, …).
    pub const fn element_name(self) -> &'static str {
        match self {
            Self::Af => "AF",
            Self::Csn => "CSN",
            Self::Fk => "FK",
            Self::Skv => "SKV",
            Self::So => "SO",
            Self::Tns => "TNS",
            Self::Miv => "MIV",
        }
    }

    /// Position in [`ALL`](Self::ALL).
    pub const fn index(self) -> usize {
        self as usize
    }
}

/// The text is not an agency element name.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error("unknown agency (expected AF, CSN, FK, SKV, SO, TNS or MIV)")]
pub struct ParseAgencyError;

impl std::str::FromStr for Agency {
    type Err = ParseAgencyError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Self::ALL
            .into_iter()
            .find(|a| a.element_name().eq_ignore_ascii_case(s))
            .ok_or(ParseAgencyError)
    }
}

impl std::fmt::Display for Agency {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.element_name())
    }
}
