//! Planning a request: who asks, for which purpose, about whom and which period, and what to
//! ask — turned into the document a target format carries.
//!
//! A [`RequestPlan`] holds the decisions; [`RequestPlan::document`] makes the question for a
//! [`Format`]: a LEFI question for `lefi-v9` and the LEFI XML versions, an SSBTEK question
//! (with the LEFI question as its FK part, and the Skatteverket question where the version
//! has one) for `ssbtek-v10`/`ssbtek-v11`. [`RequestPlan::encode`] also refuses a question
//! the target cannot carry whole. The legal rules are the library's: no consent purpose
//! without a valid consent, the legal basis derived from the purpose, the asking actor's
//! kind checked against the purpose.
//!
//! ```
//! use chrono::NaiveDate;
//! use lefi::codes::FkFormanGrupp;
//! use lefi::convert::{Format, LefiQuestion, RequestPlan};
//! use lefi::id::Personnummer;
//! use lefi::legal::Purpose;
//! use lefi::period::Period;
//! # fn main() -> Result<(), Box<dyn std::error::Error>> {
//! let d = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).ok_or("date");
//! let person = Personnummer::parse("197407029284")?;
//! let period = Period::new(d(2025, 1, 1)?, d(2025, 6, 30)?)?;
//! let question = LefiQuestion { formansinformation: vec![FkFormanGrupp::Sjp], ..Default::default() };
//! let plan = RequestPlan::new(Purpose::Samordning, person, period, None, d(2025, 7, 1)?)?
//!     .with_lefi(question);
//! let json = plan.encode(Format::LefiV9)?;
//! assert!(json.starts_with(br#"{"personnummer":"197407029284""#));
//!
//! // a purpose that needs consent cannot be planned without one
//! assert!(RequestPlan::new(Purpose::Riskbedomning, person, period, None, d(2025, 7, 1)?).is_err());
//! # Ok(()) }
//! ```

use chrono::NaiveDate;

use super::{ConvertError, Document, Format, LossReport};
use crate::codes::{FkFormanGrupp, FormanGrupp, OvrigInformationTyp, PmFormanGrupp};
use crate::id::{Organisationsnummer, Personnummer};
use crate::legal::{Actor, ActorKind, Consent, LawfulPurpose, Purpose};
use crate::model::lefi::LefiExternFormansinformationFraga;
use crate::model::lefi::request::{AgreedException, FragaBuilder};
use crate::model::ssbtek::{
    Agency, Arendeidentitet, BastjanstFragaBuilder, SkatteverketFraga, SsbtekDocument,
    SsbtekMessage,
};
use crate::period::Period;
use crate::version::SsbtekVersion;
use crate::wire::ssbtek::Gate;

/// What to ask LEFI Online for (the lists of the LEFI question), and an agreed exception
/// for a period over two years.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct LefiQuestion {
    /// FK förmånsgrupper (`formansinformation`).
    pub formansinformation: Vec<FkFormanGrupp>,
    /// PM anspråk groups.
    pub ansprak: Vec<PmFormanGrupp>,
    /// PM beslut groups.
    pub beslut: Vec<PmFormanGrupp>,
    /// Groups for preliminary payments.
    pub preliminara_utbetalningar: Vec<FormanGrupp>,
    /// Groups for executed payments.
    pub utbetalningar: Vec<FormanGrupp>,
    /// Övrig information types.
    pub ovrig_information: Vec<OvrigInformationTyp>,
    /// Ask for a period over two years under this agreed exception.
    pub agreed_exception: Option<AgreedException>,
}

/// Who asks SSBTEK, about which case, and which agencies.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct SsbtekAsker {
    /// The asking organisation.
    pub organisation: Organisationsnummer,
    /// Its name.
    pub name: String,
    /// The case officer (name or user id).
    pub handlaggare: String,
    /// The case.
    pub arende: Arendeidentitet,
    /// The agencies to ask.
    pub agencies: Vec<Agency>,
    /// The aktörs-id for the FK (LEFI) part; required when FK is asked.
    pub aktorsid: Option<String>,
}

impl SsbtekAsker {
    /// An asker for `agencies`, without an FK aktörs-id.
    pub fn new(
        organisation: Organisationsnummer,
        name: impl Into<String>,
        handlaggare: impl Into<String>,
        arende: Arendeidentitet,
        agencies: impl IntoIterator<Item = Agency>,
    ) -> Self {
        Self {
            organisation,
            name: name.into(),
            handlaggare: handlaggare.into(),
            arende,
            agencies: agencies.into_iter().collect(),
            aktorsid: None,
        }
    }

    /// The same asker with the FK aktörs-id.
    #[must_use]
    pub fn with_aktorsid(mut self, aktorsid: impl Into<String>) -> Self {
        self.aktorsid = Some(aktorsid.into());
        self
    }
}

/// Why a request could not be planned or made. Messages never contain personal data.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum PlanError {
    /// The purpose cannot be used: consent missing, not valid, or another person's.
    #[error(transparent)]
    Consent(#[from] crate::legal::ConsentError),
    /// The consent itself is not valid.
    #[error(transparent)]
    InvalidConsent(#[from] crate::legal::InvalidConsent),
    /// The asking actor cannot be described (or may not use the purpose).
    #[error(transparent)]
    Actor(#[from] crate::legal::AuthorisationError),
    /// The LEFI question cannot be built.
    #[error(transparent)]
    Lefi(#[from] crate::model::lefi::request::RequestError),
    /// The SSBTEK question cannot be built.
    #[error(transparent)]
    Ssbtek(#[from] crate::model::ssbtek::BuildError),
    /// An SSBTEK format was asked for, but the plan has no [`SsbtekAsker`].
    #[error("{to} needs the asking organisation, case officer and case")]
    NoAsker {
        /// The target format.
        to: Format,
    },
    /// FK is asked through SSBTEK, but the asker has no aktörs-id.
    #[error("asking FK through SSBTEK needs an aktörs-id")]
    NoAktorsid,
    /// The format has no such message (a ping is SSBTEK's).
    #[error("{to} has no ping; use ssbtek-v10 or ssbtek-v11")]
    NotSsbtek {
        /// The target format.
        to: Format,
    },
    /// No actor kind can ask for this purpose through SSBTEK.
    #[error("no actor kind may ask SSBTEK for {purpose}")]
    NoSsbtekActor {
        /// The purpose.
        purpose: Purpose,
    },
    /// The target format cannot carry the whole question.
    #[error("{to} cannot carry this request:\n{report}")]
    Lossy {
        /// The target format.
        to: Format,
        /// What it cannot carry.
        report: LossReport,
    },
    /// Encoding failed.
    #[error(transparent)]
    Encode(#[from] ConvertError),
}

/// A request decided: the lawful purpose, the person, the period, what to ask LEFI and,
/// for SSBTEK, who asks.
#[derive(Debug, Clone)]
pub struct RequestPlan {
    purpose: LawfulPurpose,
    person: Personnummer,
    period: Period,
    on: NaiveDate,
    lefi: LefiQuestion,
    ssbtek: Option<SsbtekAsker>,
}

impl RequestPlan {
    /// A plan for `purpose` about `person` and `period`, made `on` (the date consents are
    /// checked on). `consent_given_on` is the date the person consented to this purpose;
    /// required when the purpose needs consent.
    ///
    /// # Errors
    /// [`PlanError::Consent`] when the purpose needs a consent that is missing or not
    /// valid on `on`.
    pub fn new(
        purpose: Purpose,
        person: Personnummer,
        period: Period,
        consent_given_on: Option<NaiveDate>,
        on: NaiveDate,
    ) -> Result<Self, PlanError> {
        let consent = consent_given_on
            .map(|given_on| Consent::new(person, given_on, None, [purpose]))
            .transpose()?;
        let purpose = LawfulPurpose::new(purpose, consent.as_ref(), &person, on)?;
        Ok(Self {
            purpose,
            person,
            period,
            on,
            lefi: LefiQuestion::default(),
            ssbtek: None,
        })
    }

    /// The plan asking LEFI for `question`.
    #[must_use]
    pub fn with_lefi(mut self, question: LefiQuestion) -> Self {
        self.lefi = question;
        self
    }

    /// The plan with the SSBTEK asker (needed for the SSBTEK formats).
    #[must_use]
    pub fn with_ssbtek(mut self, asker: SsbtekAsker) -> Self {
        self.ssbtek = Some(asker);
        self
    }

    /// The lawful purpose the request rests on.
    pub fn purpose(&self) -> &LawfulPurpose {
        &self.purpose
    }

    /// The question for `to`, as a document.
    ///
    /// # Errors
    /// [`PlanError`] when a question cannot be built from the plan for that format (an
    /// SSBTEK format without an asker, FK asked without an aktörs-id, a purpose the asking
    /// actor may not use, a period over two years without an agreed exception, …).
    pub fn document(&self, to: Format) -> Result<Document, PlanError> {
        match to.ssbtek_version() {
            None => Ok(Document::LefiFraga(Box::new(self.lefi_fraga()?))),
            Some(version) => self.ssbtek_document(version, to),
        }
    }

    /// The question for `to`, encoded; refused when `to` cannot carry all of it.
    ///
    /// # Errors
    /// As [`document`](Self::document), and [`PlanError::Lossy`] with what `to` cannot
    /// carry.
    pub fn encode(&self, to: Format) -> Result<Vec<u8>, PlanError> {
        let (out, report) = self.document(to)?.encode(to)?;
        if report.is_empty() {
            Ok(out)
        } else {
            Err(PlanError::Lossy { to, report })
        }
    }

    /// The LEFI question's builder, with the plan's purpose, person, period and lists (what
    /// a client that sends the question takes: it builds and sends it in one step).
    ///
    /// # Errors
    /// [`PlanError`] when the purpose does not cover the person.
    pub fn lefi_builder(&self) -> Result<FragaBuilder, PlanError> {
        let q = &self.lefi;
        let mut builder = FragaBuilder::new(&self.purpose, &self.person, self.period)?
            .formansinformation(q.formansinformation.iter().copied())
            .ansprak(q.ansprak.iter().copied())
            .beslut(q.beslut.iter().copied())
            .preliminara_utbetalningar(q.preliminara_utbetalningar.iter().copied())
            .utbetalningar(q.utbetalningar.iter().copied())
            .ovrig_information(q.ovrig_information.iter().copied());
        if let Some(exception) = &q.agreed_exception {
            builder = builder.allow_period_over_two_years(exception.clone());
        }
        Ok(builder)
    }

    fn lefi_fraga(&self) -> Result<LefiExternFormansinformationFraga, PlanError> {
        Ok(self.lefi_builder()?.build()?)
    }

    fn ssbtek_document(&self, version: SsbtekVersion, to: Format) -> Result<Document, PlanError> {
        let fraga = self.ssbtek_builder(version, to)?.build()?;
        Ok(Document::Ssbtek(Box::new(SsbtekDocument::new(
            version,
            SsbtekMessage::Request(Box::new(fraga)),
        ))))
    }

    /// The SSBTEK question's builder for `version` (`to` names the format in errors), with
    /// the asker, the agencies, the FK question and the Skatteverket question where the
    /// version carries one.
    ///
    /// # Errors
    /// As [`document`](Self::document).
    pub fn ssbtek_builder(
        &self,
        version: SsbtekVersion,
        to: Format,
    ) -> Result<BastjanstFragaBuilder, PlanError> {
        let asker = self.ssbtek.as_ref().ok_or(PlanError::NoAsker { to })?;
        let purpose = self.purpose.purpose();
        let kind = ssbtek_actor_kind(purpose).ok_or(PlanError::NoSsbtekActor { purpose })?;
        let actor = Actor::new(kind, asker.organisation, asker.name.as_str())?;
        let mut builder = BastjanstFragaBuilder::new(
            &actor,
            asker.handlaggare.as_str(),
            &self.person,
            asker.arende.clone(),
            self.period,
            &self.purpose,
        )?;
        for agency in &asker.agencies {
            builder = builder.include(*agency);
        }
        if asker.agencies.contains(&Agency::Fk) {
            let aktorsid = asker.aktorsid.as_deref().ok_or(PlanError::NoAktorsid)?;
            builder = builder.fk(aktorsid, &self.lefi_fraga()?);
        }
        if asker.agencies.contains(&Agency::Skv) && Gate::SkatteverketFraga.carried_by(version) {
            builder = builder.skatteverket_fraga(SkatteverketFraga::recent_years(self.on));
        }
        Ok(builder)
    }
}

/// The ping (`testaBastjanstInformation`) for an SSBTEK format.
///
/// ```
/// use lefi::convert::{Format, ping};
/// assert!(ping(Format::SsbtekV11).is_ok());
/// assert!(ping(Format::LefiV9).is_err());
/// ```
///
/// # Errors
/// [`PlanError::NotSsbtek`] when `to` is not an SSBTEK format.
pub fn ping(to: Format) -> Result<Document, PlanError> {
    let version = to.ssbtek_version().ok_or(PlanError::NotSsbtek { to })?;
    Ok(Document::Ssbtek(Box::new(SsbtekDocument::new(
        version,
        SsbtekMessage::PingRequest,
    ))))
}

/// The kind of actor that asks SSBTEK for `purpose`: the only kind the purpose allows.
fn ssbtek_actor_kind(purpose: Purpose) -> Option<ActorKind> {
    match purpose.allowed_actors() {
        [kind] => Some(*kind),
        _ => None,
    }
}

#[cfg(test)]
#[allow(clippy::panic)]
mod tests {
    use super::*;
    use crate::convert::Document;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap_or_default()
    }

    fn plan(purpose: Purpose) -> Result<RequestPlan, PlanError> {
        let person = Personnummer::parse("197407029284").map_err(|_| PlanError::NoAktorsid)?;
        let period =
            Period::new(day(2025, 1, 1), day(2025, 6, 30)).map_err(|_| PlanError::NoAktorsid)?;
        RequestPlan::new(purpose, person, period, None, day(2025, 7, 1))
    }

    fn asker(agencies: &[Agency]) -> SsbtekAsker {
        let org = Organisationsnummer::parse("2120002411");
        let arende = Arendeidentitet::new("A1");
        match (org, arende) {
            (Ok(org), Ok(arende)) => {
                SsbtekAsker::new(org, "Kommunen", "hl01", arende, agencies.iter().copied())
            }
            _ => panic!("test values"),
        }
    }

    fn ssbtek_fraga(doc: &Document) -> &crate::model::ssbtek::BastjanstFraga {
        match doc {
            Document::Ssbtek(d) => match &d.message {
                SsbtekMessage::Request(f) => f,
                other => panic!("not a question: {other:?}"),
            },
            other => panic!("not SSBTEK: {}", other.kind()),
        }
    }

    #[test]
    fn ssbtek_asks_skatteverket_only_where_the_version_can() -> Result<(), PlanError> {
        let question = LefiQuestion {
            formansinformation: vec![FkFormanGrupp::Sjp],
            ..LefiQuestion::default()
        };
        let plan = plan(Purpose::EkonomisktBistand)?
            .with_lefi(question)
            .with_ssbtek(asker(&[Agency::Skv, Agency::Fk]).with_aktorsid("X1"));
        let v11 = plan.document(Format::SsbtekV11)?;
        let v10 = plan.document(Format::SsbtekV10)?;
        assert!(ssbtek_fraga(&v11).specifika.skv.fraga.is_some());
        assert!(ssbtek_fraga(&v10).specifika.skv.fraga.is_none());
        assert!(ssbtek_fraga(&v10).specifika.fk.fraga.is_some());
        assert!(plan.encode(Format::SsbtekV10)?.starts_with(b"<?xml"));
        Ok(())
    }

    #[test]
    fn ssbtek_needs_an_asker_and_fk_an_aktorsid() -> Result<(), PlanError> {
        let plan = plan(Purpose::EkonomisktBistand)?;
        assert!(matches!(
            plan.document(Format::SsbtekV11),
            Err(PlanError::NoAsker {
                to: Format::SsbtekV11
            })
        ));
        let plan = plan.with_ssbtek(asker(&[Agency::Fk]));
        assert!(matches!(
            plan.document(Format::SsbtekV10),
            Err(PlanError::NoAktorsid)
        ));
        Ok(())
    }

    #[test]
    fn the_actor_kind_comes_from_the_purpose() -> Result<(), PlanError> {
        // samordning may be asked by several kinds of actor, none of them through SSBTEK
        let plan = plan(Purpose::Samordning)?.with_ssbtek(asker(&[Agency::Miv]));
        assert!(matches!(
            plan.document(Format::SsbtekV10),
            Err(PlanError::NoSsbtekActor {
                purpose: Purpose::Samordning
            })
        ));
        assert_eq!(
            ssbtek_actor_kind(Purpose::EkonomisktBistand),
            Some(ActorKind::Kommun)
        );
        Ok(())
    }

    #[test]
    fn a_legacy_version_that_cannot_carry_the_question_refuses_it() -> Result<(), PlanError> {
        let question = LefiQuestion {
            formansinformation: vec![FkFormanGrupp::Sjp],
            preliminara_utbetalningar: vec![FormanGrupp::Fk(FkFormanGrupp::Sjp)],
            ..LefiQuestion::default()
        };
        let plan = plan(Purpose::Samordning)?.with_lefi(question);
        assert!(matches!(
            plan.encode(Format::LefiV5),
            Err(PlanError::Lossy { to: Format::LefiV5, report }) if !report.is_empty()
        ));
        assert!(plan.encode(Format::LefiV7).is_ok());
        Ok(())
    }
}
