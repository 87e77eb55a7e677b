//! The SSBTEK question `hamtaBastjanstInformation` (`SammansattBastjanstFraga`) and its
//! builder.

use serde::{Deserialize, Serialize};

use crate::id::{Organisationsnummer, Personidentitet, Personnummer, Sensitive};
use crate::legal::{Actor, AuthorisationError, ConsentError, LawfulPurpose};
use crate::model::lefi::LefiExternFormansinformationFraga;
use crate::period::Period;

use super::Agency;
use super::values::{
    Arendeidentitet, Base64Blob, Lagtext, Payload, Syfte, Tidsperiod, XsdDateTime,
};

/// CSN refuses a whole request whose `arendeidentitet` has this many characters or more
/// (DOMAIN §7.5).
pub const CSN_MAX_ARENDEIDENTITET_CHARS: usize = 31;

/// The LEFI version the FK fråga names by default.
pub const FK_DEFAULT_LEFI_VERSION: &str = "v9";

/// `hamtaBastjanstInformation`: one question to the composed service.
///
/// serde (the crate's JSON form, see [`SsbtekDocument`](super::SsbtekDocument)): members are
/// named after the XML elements (`generellaFrageparametrar`, `specifikaFrageparametrar`, …); contains the
/// identity of the person asked about, like the XML.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BastjanstFraga {
    /// Parameters for all base services.
    #[serde(rename = "generellaFrageparametrar")]
    pub generella: GenerellaFrageparametrar,
    /// Per-agency parameters, all seven agencies.
    #[serde(rename = "specifikaFrageparametrar")]
    pub specifika: SpecifikaFrageparametrar,
}

/// `GenerellaFrageparametrar`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct GenerellaFrageparametrar {
    /// `frageTidpunkt`: when the question was asked (echoed back).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub frage_tidpunkt: Option<XsdDateTime>,
    /// `korrelationsid`: echoed back, to match answers to questions.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub korrelationsid: Option<String>,
    /// `fraganSkallInkluderasISvaret`: whether the answer echoes the question.
    #[serde(rename = "fraganSkallInkluderasISvaret")]
    pub fragan_skall_inkluderas_i_svaret: bool,
    /// `ingivare`: who asks.
    pub ingivare: Ingivare,
    /// `personidentitet`: whom the question is about (12 digits on the wire).
    pub personidentitet: Personidentitet,
    /// `arendeidentitet`: the organisation's case id.
    pub arendeidentitet: Arendeidentitet,
    /// `tidsperiod`: the period asked about.
    pub tidsperiod: Tidsperiod,
    /// `personuppgiftsbitrade`: data processors acting for the ingivare.
    #[serde(rename = "personuppgiftsbitrade", default)]
    pub personuppgiftsbitraden: Vec<Personuppgiftsbitrade>,
    /// `syfte`.
    pub syfte: Syfte,
    /// `lagtext`.
    pub lagtext: Lagtext,
}

/// `Ingivare`: the asking organisation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Ingivare {
    /// `organisationsnummer` (written in the 12-digit `16…` form).
    pub organisationsnummer: Organisationsnummer,
    /// `namn`, e.g. the municipality.
    pub namn: String,
    /// `handlaggare`: name or user id of the case worker (personal data).
    pub handlaggare: Sensitive,
}

/// `Personuppgiftsbitrade`: a data processor (ombud).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Personuppgiftsbitrade {
    /// `ordningsnummer`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ordningsnummer: Option<i16>,
    /// `organisationsnummer`.
    pub organisationsnummer: Organisationsnummer,
    /// `namn`.
    pub namn: String,
}

/// `SpecifikaFrageparametrar`: always all seven agencies, in the contract's order.
///
/// ```
/// use lefi::model::ssbtek::{Agency, SpecifikaFrageparametrar};
/// let mut s = SpecifikaFrageparametrar::default();
/// s.include(Agency::Miv);
/// assert!(s.includes(Agency::Miv) && !s.includes(Agency::Af));
/// ```
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "UPPERCASE")]
pub struct SpecifikaFrageparametrar {
    /// `AF`.
    pub af: AgencyParametrar,
    /// `CSN`.
    pub csn: AgencyParametrar,
    /// `FK`.
    pub fk: FkParametrar,
    /// `SKV`.
    pub skv: SkvParametrar,
    /// `SO`.
    pub so: AgencyParametrar,
    /// `TNS`.
    pub tns: AgencyParametrar,
    /// `MIV` (its `tidsperiod` is always `None`: the contract has none).
    pub miv: AgencyParametrar,
}

impl SpecifikaFrageparametrar {
    /// Asks `agency` (sets its `inkludera`).
    pub fn include(&mut self, agency: Agency) {
        match agency {
            Agency::Af => self.af.inkludera = true,
            Agency::Csn => self.csn.inkludera = true,
            Agency::Fk => self.fk.inkludera = true,
            Agency::Skv => self.skv.inkludera = true,
            Agency::So => self.so.inkludera = true,
            Agency::Tns => self.tns.inkludera = true,
            Agency::Miv => self.miv.inkludera = true,
        }
    }

    /// Whether `agency` is asked.
    pub fn includes(&self, agency: Agency) -> bool {
        match agency {
            Agency::Af => self.af.inkludera,
            Agency::Csn => self.csn.inkludera,
            Agency::Fk => self.fk.inkludera,
            Agency::Skv => self.skv.inkludera,
            Agency::So => self.so.inkludera,
            Agency::Tns => self.tns.inkludera,
            Agency::Miv => self.miv.inkludera,
        }
    }
}

/// An agency's `inkludera` and optional period override.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AgencyParametrar {
    /// `@inkludera`.
    pub inkludera: bool,
    /// `tidsperiod`: replaces the general period for this agency.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tidsperiod: Option<Tidsperiod>,
}

/// `FK`: `inkludera` and the LEFI fråga.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FkParametrar {
    /// `@inkludera`.
    pub inkludera: bool,
    /// `fraga`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fraga: Option<FkFraga>,
}

/// `ForsakringskassanFraga`: the LEFI version, the aktörs-id and the LEFI v9 question.
///
/// The question is a [`Payload`]: decoded from a message, it keeps the JSON bytes as
/// received (written back unchanged); built with [`FkFraga::new`], it is encoded from its
/// value. serde (the crate's JSON form): `lefiJsonFraga` is the typed question, as
/// `lefiJsonSvar` is the typed answer in [`FkSvar`](super::FkSvar).
///
/// ```
/// use lefi::model::ssbtek::FkFraga;
/// # fn main() -> Result<(), Box<dyn std::error::Error>> {
/// let fraga = lefi::wire::lefi_json::from_slice(br#"{"personnummer":"197407029284",
///     "period":{"from":"2023-01-01","tom":"2024-01-01"},"formansinformation":["FK:SJP"]}"#)?;
/// let fk = FkFraga::new("AKTOR-1", fraga);
/// assert_eq!(fk.version.as_deref(), Some("v9"));
/// assert!(fk.received().is_none());
/// let json = serde_json::to_value(&fk)?;
/// assert_eq!(json["lefiJsonFraga"]["formansinformation"][0], "FK:SJP");
/// assert_eq!(serde_json::from_value::<FkFraga>(json)?, fk);
/// # Ok(()) }
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct FkFraga {
    /// `version` (`v9`; absent means v9).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub version: Option<String>,
    /// `aktorsid`.
    pub aktorsid: String,
    /// `lefiJsonFraga`: the LEFI v9 question (base64 of its JSON on the wire).
    lefi_json_fraga: Payload<Box<LefiExternFormansinformationFraga>>,
}

impl FkFraga {
    /// A LEFI v9 question for `aktorsid`, sent as version [`FK_DEFAULT_LEFI_VERSION`] and
    /// encoded from its value when written.
    pub fn new(aktorsid: impl Into<String>, fraga: LefiExternFormansinformationFraga) -> Self {
        Self {
            version: Some(FK_DEFAULT_LEFI_VERSION.to_owned()),
            aktorsid: aktorsid.into(),
            lefi_json_fraga: Payload::new(Box::new(fraga)),
        }
    }

    /// A decoded question: its parts and the JSON bytes it was decoded from.
    pub(crate) fn decoded(
        version: Option<String>,
        aktorsid: String,
        fraga: LefiExternFormansinformationFraga,
        received: Base64Blob,
    ) -> Self {
        Self {
            version,
            aktorsid,
            lefi_json_fraga: Payload::decoded(Box::new(fraga), received),
        }
    }

    /// The typed LEFI v9 question.
    pub fn fraga(&self) -> &LefiExternFormansinformationFraga {
        self.lefi_json_fraga.value()
    }

    /// The payload (question and, when decoded, the bytes as received).
    pub fn payload(&self) -> &Payload<Box<LefiExternFormansinformationFraga>> {
        &self.lefi_json_fraga
    }

    /// The JSON bytes as received, when decoded from a message.
    pub fn received(&self) -> Option<&[u8]> {
        self.lefi_json_fraga.received()
    }
}

/// `SKV`: `inkludera` and, from v11, the Skatteverket question.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SkvParametrar {
    /// `@inkludera`.
    pub inkludera: bool,
    /// `fraga` (v11 only; required there when `inkludera`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fraga: Option<SkatteverketFraga>,
}

/// `SkatteverketFraga` (SSBTEK v11, reconstructed — DOMAIN §7.7).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SkatteverketFraga {
    /// `ar`: taxation years (one or more).
    pub ar: Vec<i32>,
    /// `foretagsinformation`.
    pub foretagsinformation: bool,
    /// `individuppgifter`.
    pub individuppgifter: bool,
    /// `skattekonto`.
    pub skattekonto: bool,
    /// `skatteuppgifter`.
    pub skatteuppgifter: bool,
    /// `beskattningsbilagor`.
    pub beskattningsbilagor: bool,
}

impl SkatteverketFraga {
    /// Everything for the given years (what the public integrator sends).
    ///
    /// ```
    /// use lefi::model::ssbtek::SkatteverketFraga;
    /// let f = SkatteverketFraga::all_for_years(vec![2024, 2025]);
    /// assert!(f.skattekonto && f.beskattningsbilagor);
    /// ```
    pub fn all_for_years(ar: Vec<i32>) -> Self {
        Self {
            ar,
            foretagsinformation: true,
            individuppgifter: true,
            skattekonto: true,
            skatteuppgifter: true,
            beskattningsbilagor: true,
        }
    }

    /// Every part for the two most recent completed taxation years on `on` (a question
    /// asked in 2026 asks for 2024 and 2025), as the public integration the v11 block is
    /// reconstructed from does (DOMAIN §7.7; unconfirmed by Försäkringskassan).
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use lefi::model::ssbtek::SkatteverketFraga;
    /// let on = NaiveDate::from_ymd_opt(2026, 11, 24).ok_or("date")?;
    /// assert_eq!(SkatteverketFraga::recent_years(on).ar, vec![2024, 2025]);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn recent_years(on: chrono::NaiveDate) -> Self {
        use chrono::Datelike;
        Self::all_for_years(vec![on.year() - 2, on.year() - 1])
    }
}

/// Why the builder refused to build a question.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum BuildError {
    /// CSN rejects `arendeidentitet` of 32 characters or more.
    #[error("arendeidentitet has {chars} characters; CSN rejects 32 or more (at most {max})")]
    ArendeidentitetTooLongForCsn {
        /// Characters in the given id.
        chars: usize,
        /// The most CSN accepts.
        max: usize,
    },
    /// The purpose does not cover the person asked about (its consent is someone else's).
    #[error(transparent)]
    Purpose(#[from] ConsentError),
    /// The asking organisation may not use the purpose.
    #[error(transparent)]
    NotAuthorised(#[from] AuthorisationError),
    /// FK is included but no LEFI fråga was given.
    #[error("FK is included but no LEFI fråga (aktorsid and request) was given")]
    MissingFkFraga,
    /// No agency is included.
    #[error("no agency is included")]
    NothingIncluded,
    /// `skatteverket_fraga` needs at least one year.
    #[error("SkatteverketFraga needs at least one year")]
    NoSkatteverketYears,
    /// A required text is empty.
    #[error("{field} must not be empty")]
    Empty {
        /// The field.
        field: &'static str,
    },
}

/// Builds a [`BastjanstFraga`] that obeys the contract's rules (DOMAIN §6.7): all seven
/// agencies in order, children only where `inkludera` is true, FK with its fråga, the CSN
/// length limit on `arendeidentitet` — and the law: the question is asked by an [`Actor`]
/// for a [`LawfulPurpose`] that actor may use, whose `syfte` and `lagtext` it carries (no
/// caller types a legal citation), and the actor's ombud appear as personuppgiftsbiträden.
///
/// ```
/// use chrono::NaiveDate;
/// use lefi::id::{Organisationsnummer, Personnummer};
/// use lefi::legal::{marker, Actor, ActorKind, LawfulPurpose};
/// use lefi::model::ssbtek::{Agency, Arendeidentitet, BastjanstFragaBuilder};
/// use lefi::period::Period;
/// # fn main() -> Result<(), Box<dyn std::error::Error>> {
/// let d = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).ok_or("bad date");
/// let period = Period::new(d(2025, 1, 1)?, d(2025, 6, 30)?)?;
/// let kommun = Actor::new(ActorKind::Kommun, Organisationsnummer::parse("212000-2411")?, "Sundsvalls kommun")?;
/// let purpose = LawfulPurpose::consent_free(marker::EkonomisktBistand);
/// let fraga = BastjanstFragaBuilder::new(
///     &kommun, "handl01", &Personnummer::parse("19740702-9284")?,
///     Arendeidentitet::new("A-2025-1")?, period, &purpose,
/// )?
/// .include(Agency::Csn)
/// .include(Agency::Miv)
/// .build()?;
/// assert!(fraga.specifika.includes(Agency::Csn));
/// assert!(!fraga.specifika.includes(Agency::Af));
/// assert_eq!(fraga.generella.lagtext.as_str(), purpose.lagtext());
/// # Ok(()) }
/// ```
#[derive(Debug, Clone)]
pub struct BastjanstFragaBuilder {
    generella: GenerellaFrageparametrar,
    specifika: SpecifikaFrageparametrar,
}

impl BastjanstFragaBuilder {
    /// Starts a question by `ingivare` about `person` for `purpose`.
    ///
    /// # Errors
    /// [`BuildError::Purpose`] when the purpose's consent is another person's;
    /// [`BuildError::NotAuthorised`] when the actor's kind may not use the purpose.
    pub fn new(
        ingivare: &Actor,
        handlaggare: impl Into<String>,
        person: &Personnummer,
        arendeidentitet: Arendeidentitet,
        period: Period,
        purpose: &LawfulPurpose,
    ) -> Result<Self, BuildError> {
        purpose.check_person(person)?;
        ingivare.may_use(purpose.purpose())?;
        let syfte =
            Syfte::new(purpose.syfte()).map_err(|_| BuildError::Empty { field: "syfte" })?;
        let lagtext =
            Lagtext::new(purpose.lagtext()).map_err(|_| BuildError::Empty { field: "lagtext" })?;
        let personuppgiftsbitraden = ingivare
            .ombud()
            .iter()
            .map(|o| Personuppgiftsbitrade {
                ordningsnummer: o.ordningsnummer(),
                organisationsnummer: *o.organisationsnummer(),
                namn: o.namn().to_owned(),
            })
            .collect();
        Ok(Self {
            generella: GenerellaFrageparametrar {
                frage_tidpunkt: None,
                korrelationsid: None,
                fragan_skall_inkluderas_i_svaret: false,
                ingivare: Ingivare {
                    organisationsnummer: *ingivare.organisationsnummer(),
                    namn: ingivare.namn().to_owned(),
                    handlaggare: Sensitive::new(handlaggare.into()),
                },
                personidentitet: Personidentitet::from(person),
                arendeidentitet,
                tidsperiod: period.into(),
                personuppgiftsbitraden,
                syfte,
                lagtext,
            },
            specifika: SpecifikaFrageparametrar::default(),
        })
    }

    /// Asks `agency`. FK also needs [`fk`](Self::fk).
    #[must_use]
    pub fn include(mut self, agency: Agency) -> Self {
        self.specifika.include(agency);
        self
    }

    /// Asks `agency` about `period` instead of the general period (AF, CSN, SO, TNS; the
    /// contract has no override for FK, SKV and MIV, where this is ignored).
    #[must_use]
    pub fn period_for(mut self, agency: Agency, period: Period) -> Self {
        let s = &mut self.specifika;
        let slot = match agency {
            Agency::Af => &mut s.af,
            Agency::Csn => &mut s.csn,
            Agency::So => &mut s.so,
            Agency::Tns => &mut s.tns,
            Agency::Fk | Agency::Skv | Agency::Miv => return self.include(agency),
        };
        slot.tidsperiod = Some(period.into());
        self.include(agency)
    }

    /// Includes FK with the given aktörsid and LEFI v9 question, sent as `version` `v9`
    /// (the SSBTEK codec encodes it when the question is written).
    #[must_use]
    pub fn fk(
        mut self,
        aktorsid: impl Into<String>,
        fraga: &LefiExternFormansinformationFraga,
    ) -> Self {
        self.specifika.fk.fraga = Some(FkFraga::new(aktorsid, fraga.clone()));
        self.include(Agency::Fk)
    }

    /// Includes SKV with a v11 Skatteverket question (required by v11, refused by v10).
    #[must_use]
    pub fn skatteverket_fraga(mut self, fraga: SkatteverketFraga) -> Self {
        self.specifika.skv.fraga = Some(fraga);
        self.include(Agency::Skv)
    }

    /// Sets `korrelationsid`.
    #[must_use]
    pub fn korrelationsid(mut self, id: impl Into<String>) -> Self {
        self.generella.korrelationsid = Some(id.into());
        self
    }

    /// Sets `frageTidpunkt`.
    #[must_use]
    pub fn frage_tidpunkt(mut self, at: XsdDateTime) -> Self {
        self.generella.frage_tidpunkt = Some(at);
        self
    }

    /// Asks for the question to be echoed in the answer.
    #[must_use]
    pub fn echo_question(mut self, echo: bool) -> Self {
        self.generella.fragan_skall_inkluderas_i_svaret = echo;
        self
    }

    /// Checks the rules and builds the question.
    ///
    /// # Errors
    /// [`BuildError`]: nothing included, an empty required text, an `arendeidentitet` too
    /// long for CSN, FK without its question, a Skatteverket question without years.
    pub fn build(self) -> Result<BastjanstFraga, BuildError> {
        let s = &self.specifika;
        if !Agency::ALL.into_iter().any(|a| s.includes(a)) {
            return Err(BuildError::NothingIncluded);
        }
        let g = &self.generella;
        for (field, value) in [
            ("ingivare namn", g.ingivare.namn.as_str()),
            ("handlaggare", g.ingivare.handlaggare.expose()),
        ] {
            if value.is_empty() {
                return Err(BuildError::Empty { field });
            }
        }
        if g.personuppgiftsbitraden.iter().any(|p| p.namn.is_empty()) {
            return Err(BuildError::Empty {
                field: "personuppgiftsbitrade namn",
            });
        }
        let chars = g.arendeidentitet.as_str().chars().count();
        if s.includes(Agency::Csn) && chars > CSN_MAX_ARENDEIDENTITET_CHARS {
            return Err(BuildError::ArendeidentitetTooLongForCsn {
                chars,
                max: CSN_MAX_ARENDEIDENTITET_CHARS,
            });
        }
        match &s.fk.fraga {
            None if s.fk.inkludera => return Err(BuildError::MissingFkFraga),
            Some(f) if f.aktorsid.is_empty() => {
                return Err(BuildError::Empty { field: "aktorsid" });
            }
            _ => {}
        }
        if s.skv.fraga.as_ref().is_some_and(|f| f.ar.is_empty()) {
            return Err(BuildError::NoSkatteverketYears);
        }
        Ok(BastjanstFraga {
            generella: self.generella,
            specifika: self.specifika,
        })
    }
}
