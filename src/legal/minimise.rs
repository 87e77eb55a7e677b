//! Data minimisation: views over a decoded answer that keep only what a stated use needs.
//!
//! [`PaymentsView`] is every payment of an answer — Försäkringskassan's and
//! Pensionsmyndigheten's, preliminary and executed, and, from an SSBTEK answer, the
//! a-kassornas payments — with dates, periods, exact amounts, codes and days, and **no
//! identity**: no personnummer, names, addresses, payment recipients
//! (`utbetalningsmottagare`), organisation numbers, code descriptions or other free text.
//! The view is built from typed fields only (an allowlist in the types), so a field
//! added to the model never reaches it by accident.
//!
//! # JSON shape
//!
//! Every key is always present; `null` means the answer did not state the value (or
//! stated one that is not a well-formed code or date, which the view drops rather than
//! copying free text).
//!
//! ```text
//! {
//!   "payments": [{
//!     "list": "formansinformation.utbetalningsuppgift",   // where in the LEFI v9 answer
//!     "index": 0,                                          // position in that list
//!     "utlamnare": "FK",               // whose information model: "FK" or "PM"
//!     "utbetalare": "FK",              // paying agency: FK `foretag` 1001 → "FK", 1003 → "PM"; PM lists → "PM"
//!     "status": "executed",            // or "preliminary"
//!     "utbetalningstyp": 1,            // FK `typ.id` (0 lokal … 4 presumtiv)
//!     "formansfamilj": "SJP",          // FK `formansfamilj.id`
//!     "date": "2024-03-25",            // YYYY-MM-DD (or YYYY-MM / YYYY as stated)
//!     "period": {"from": "2024-02-01", "tom": "2024-02-29"},
//!     "gross": {"summa": "12450.00", "valuta": "SEK"},
//!     "tax": …, "deductions": …, "net": …,   // as stated (PM states gross and net only)
//!     "rows": [{
//!       "kind": "detalj",              // FK "detalj"; PM "rad" (utbetalningsrader) or "avdrag"
//!       "forman": "SJP",               // FK `forman.id`
//!       "formansgrupp": null,          // PM rad `formansgrupp.kod` ("PM:AP")
//!       "utbetalningsforman": null,    // PM rad `utbetalningsforman.kod` ("PM:AP38")
//!       "beloppstyp": "SJP",           // FK `beloppstyp.id`, PM `beloppstyp.kod` / `avdragstyp.kod`
//!       "klass": "ersattning",         // "ersattning", "avdrag" or "skatt"
//!       "amount": {"summa": "12450.00", "valuta": "SEK"},
//!       "period": {"from": "2024-02-01", "tom": "2024-02-29"},
//!       "omfattning": {"taljare": 1, "namnare": 1},
//!       "days": 29, "hours": null
//!     }]
//!   }],
//!   "arbetsloshetsersattning": [{      // SSBTEK SO `Utbetalningar`; [] for LEFI answers
//!     "date": "2013-11-23", "period": {"from": "2013-11-03", "tom": "2013-11-03"},
//!     "net_after_tax": "1250.50", "net_after_deductions": "1250.50", "days": "2"
//!   }]
//! }
//! ```
//!
//! Amounts are exact decimals written as JSON **strings** with the scale received
//! (`"12450.00"`, PM's whole kronor `"9870"`), so no JSON reader turns them into floats.
//!
//! ```
//! use lefi::legal::PaymentsView;
//! use lefi::model::lefi::LefiExternFormansinformationSvar;
//!
//! let json = include_bytes!(concat!(env!("CARGO_MANIFEST_DIR"), "/examples/data/lefi-v9-svar.json"));
//! let svar: LefiExternFormansinformationSvar = lefi::wire::lefi_json::from_slice(json)?;
//! let view = PaymentsView::from_lefi(&svar);
//! assert_eq!(view.payments.len(), 4);
//! let out = serde_json::to_string(&view)?;
//! assert!(!out.contains("191212121212") && !out.contains("Tolvan"));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

use rust_decimal::Decimal;
use serde::{Serialize, Serializer};

use crate::codes::{BeloppsKlass, Beloppstyp, Foretag, UtlamnareKod};
use crate::model::lefi::{
    LefiBelopp, LefiBokstavskod, LefiExternFormansinformationSvar, LefiPeriod,
    LefiPmFormanUtbetalning, LefiPmFormanUtbetalningAvdrag, LefiPmFormanUtbetalningRad,
    LefiUtbetalningDetalj, LefiUtbetalningUppgift,
};
use crate::model::ssbtek::{AgencyResult, BastjanstSvar, SoUtbetalning};
use crate::model::ssbtek::{SsbtekDocument, SsbtekMessage};
use crate::money::Valuta;
use crate::period::{FranTill, PartialDate};

/// Every payment of an answer, without identities (see the [`legal`](crate::legal) module docs for the
/// JSON shape).
///
/// Fields are public for reading; the view is only built by [`from_lefi`](Self::from_lefi),
/// [`from_ssbtek`](Self::from_ssbtek) or [`payments_view`].
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize)]
#[non_exhaustive]
pub struct PaymentsView {
    /// The LEFI payments: FK executed, FK preliminary, PM executed, PM preliminary, each
    /// list in document order.
    pub payments: Vec<MinimalPayment>,
    /// SSBTEK SO (a-kassorna) payments; empty for a LEFI answer.
    pub arbetsloshetsersattning: Vec<MinimalSoPayment>,
}

/// A decoded answer the payments view can be built from.
///
/// ```
/// use lefi::legal::{payments_view, Answer};
/// use lefi::model::lefi::LefiExternFormansinformationSvar;
/// let svar = LefiExternFormansinformationSvar::default();
/// assert!(payments_view(Answer::from(&svar)).payments.is_empty());
/// ```
#[derive(Debug, Clone, Copy)]
#[non_exhaustive]
pub enum Answer<'a> {
    /// A LEFI v9 answer.
    Lefi(&'a LefiExternFormansinformationSvar),
    /// An SSBTEK answer (`hamtaBastjanstInformationResponse`).
    Ssbtek(&'a BastjanstSvar),
}

impl<'a> From<&'a LefiExternFormansinformationSvar> for Answer<'a> {
    fn from(svar: &'a LefiExternFormansinformationSvar) -> Self {
        Self::Lefi(svar)
    }
}

impl<'a> From<&'a BastjanstSvar> for Answer<'a> {
    fn from(svar: &'a BastjanstSvar) -> Self {
        Self::Ssbtek(svar)
    }
}

/// The SSBTEK document is not an answer (a question, a ping or a fault).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, thiserror::Error)]
#[error("the ssbtek document is not a hamtaBastjanstInformationResponse")]
pub struct NotAnAnswer;

impl<'a> TryFrom<&'a SsbtekDocument> for Answer<'a> {
    type Error = NotAnAnswer;

    fn try_from(doc: &'a SsbtekDocument) -> Result<Self, NotAnAnswer> {
        match &doc.message {
            SsbtekMessage::Response(svar) => Ok(Self::Ssbtek(svar)),
            _ => Err(NotAnAnswer),
        }
    }
}

/// The minimised payments view of an answer (what `lefi decode FILE --format payments`
/// prints).
///
/// ```
/// use lefi::legal::{payments_view, Answer};
/// let doc = lefi::wire::ssbtek::from_slice(br#"<hamtaBastjanstInformationResponse
///     xmlns="http://schema.forsakringskassan.se/integration/ssbt/10"><svarsdata/></hamtaBastjanstInformationResponse>"#)?;
/// let view = payments_view(Answer::try_from(&doc)?);
/// assert_eq!(serde_json::to_string(&view)?, r#"{"payments":[],"arbetsloshetsersattning":[]}"#);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[must_use]
pub fn payments_view(answer: Answer<'_>) -> PaymentsView {
    match answer {
        Answer::Lefi(svar) => PaymentsView::from_lefi(svar),
        Answer::Ssbtek(svar) => PaymentsView::from_ssbtek(svar),
    }
}

impl PaymentsView {
    /// The payments of a LEFI v9 answer.
    #[must_use]
    pub fn from_lefi(svar: &LefiExternFormansinformationSvar) -> Self {
        let mut payments = Vec::new();
        let fi = svar.formansinformation.as_ref();
        push_fk(
            &mut payments,
            fi.and_then(|f| f.utbetalningsuppgift.as_deref()),
            ListKind::FkExecuted,
        );
        push_fk(
            &mut payments,
            fi.and_then(|f| f.preliminarautbetalningar.as_deref()),
            ListKind::FkPreliminary,
        );
        push_pm(
            &mut payments,
            svar.utbetalningar.as_deref(),
            ListKind::PmExecuted,
        );
        push_pm(
            &mut payments,
            svar.preliminara_utbetalningar.as_deref(),
            ListKind::PmPreliminary,
        );
        Self {
            payments,
            arbetsloshetsersattning: Vec::new(),
        }
    }

    /// The payments of an SSBTEK answer: those of the FK part (the LEFI v9 answer carried
    /// in `lefiJsonSvar`) and the SO `Utbetalningar`. Agencies that answered with an error
    /// contribute nothing.
    #[must_use]
    pub fn from_ssbtek(svar: &BastjanstSvar) -> Self {
        let mut view = match svar.svarsdata.fk.as_ref() {
            Some(AgencyResult::Data(fk)) => Self::from_lefi(fk.svar()),
            _ => Self::default(),
        };
        if let Some(AgencyResult::Data(so)) = svar.svarsdata.so.as_ref() {
            view.arbetsloshetsersattning = so
                .arbetsloshetsersattningar
                .iter()
                .flatten()
                .flat_map(|a| a.utbetalningar.iter())
                .map(MinimalSoPayment::new)
                .collect();
        }
        view
    }
}

/// One payment of a [`PaymentsView`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct MinimalPayment {
    /// The JSON path of the list in the LEFI v9 answer.
    pub list: &'static str,
    /// The index within the list.
    pub index: usize,
    /// Whose information model: `FK` or `PM`.
    #[serde(serialize_with = "ser_utlamnare")]
    pub utlamnare: UtlamnareKod,
    /// The paying agency: from an FK payment's `foretag` (1001 `FK`, 1003 `PM`, `None`
    /// when absent or another id); `PM` for Pensionsmyndigheten's lists.
    #[serde(serialize_with = "ser_opt_utlamnare")]
    pub utbetalare: Option<UtlamnareKod>,
    /// `preliminary` or `executed`.
    pub status: &'static str,
    /// FK `typ.id` (0 lokal, 1 månad, 2 daglig, 3 retro, 4 presumtiv).
    pub utbetalningstyp: Option<i64>,
    /// FK `formansfamilj.id`, when a well-formed code.
    pub formansfamilj: Option<String>,
    /// The payment date (FK text only when it is a date, `YYYY-MM` or `YYYY`).
    pub date: Option<String>,
    /// The period the payment covers.
    pub period: Option<MinimalPeriod>,
    /// `bruttobelopp`.
    pub gross: Option<Amount>,
    /// FK `skattebelopp` (PM states none).
    pub tax: Option<Amount>,
    /// FK `avdragsbelopp` (PM states none; its `avdrag` rows are in `rows`).
    pub deductions: Option<Amount>,
    /// `nettobelopp`.
    pub net: Option<Amount>,
    /// The rows: FK `utbetalningsdetalj`; PM `utbetalningsrader` then `avdrag`.
    pub rows: Vec<MinimalRow>,
}

/// One row of a [`MinimalPayment`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct MinimalRow {
    /// `detalj` (FK), `rad` (PM `utbetalningsrader`) or `avdrag` (PM `avdrag`).
    pub kind: &'static str,
    /// FK `forman.id`.
    pub forman: Option<String>,
    /// PM `formansgrupp.kod`.
    pub formansgrupp: Option<&'static str>,
    /// PM `utbetalningsforman.kod`.
    pub utbetalningsforman: Option<String>,
    /// FK `beloppstyp.id`, PM `beloppstyp.kod` or `avdragstyp.kod`.
    pub beloppstyp: Option<String>,
    /// `ersattning`, `avdrag` or `skatt` (FK: from the beloppstyp; PM: by the list).
    #[serde(serialize_with = "ser_klass")]
    pub klass: Option<BeloppsKlass>,
    /// The row's amount.
    pub amount: Option<Amount>,
    /// FK row period.
    pub period: Option<MinimalPeriod>,
    /// FK `omfattning` as `{"taljare", "namnare"}`.
    pub omfattning: Option<Omfattning>,
    /// FK `dagar`.
    pub days: Option<i64>,
    /// FK `timmar`.
    pub hours: Option<i64>,
}

/// An FK `omfattning` (extent) as a fraction.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct Omfattning {
    /// `taljare`.
    pub taljare: Option<i64>,
    /// `namnare`.
    pub namnare: Option<i64>,
}

/// An exact amount: `summa` as a decimal string with its scale, `valuta` an ISO 4217 code
/// (`None` when the answer stated none or an invalid one).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct Amount {
    /// The sum, exact.
    #[serde(serialize_with = "ser_decimal")]
    pub summa: Decimal,
    /// The currency.
    #[serde(serialize_with = "ser_valuta")]
    pub valuta: Option<Valuta>,
}

/// A period: either end may be open; dates as `YYYY-MM-DD` (or `YYYY-MM`/`YYYY` as
/// stated by FK).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct MinimalPeriod {
    /// First day (inclusive).
    pub from: Option<String>,
    /// Last day (inclusive).
    pub tom: Option<String>,
}

/// One SSBTEK SO (a-kassa) payment.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct MinimalSoPayment {
    /// `Utbetalningsdatum`.
    pub date: String,
    /// `AvserFrom`/`AvserTom`.
    pub period: MinimalPeriod,
    /// `NettoEfterSkatt` (SEK).
    #[serde(serialize_with = "ser_decimal")]
    pub net_after_tax: Decimal,
    /// `NettoEfterAvdrag` (SEK).
    #[serde(serialize_with = "ser_decimal")]
    pub net_after_deductions: Decimal,
    /// `Ersattningsdagar`.
    #[serde(serialize_with = "ser_decimal")]
    pub days: Decimal,
}

impl MinimalSoPayment {
    fn new(u: &SoUtbetalning) -> Self {
        Self {
            date: u.utbetalningsdatum.date().to_string(),
            period: MinimalPeriod {
                from: Some(u.avser_from.date().to_string()),
                tom: Some(u.avser_tom.date().to_string()),
            },
            net_after_tax: u.netto_efter_skatt,
            net_after_deductions: u.netto_efter_avdrag,
            days: u.ersattningsdagar,
        }
    }
}

#[derive(Clone, Copy)]
enum ListKind {
    FkExecuted,
    FkPreliminary,
    PmExecuted,
    PmPreliminary,
}

impl ListKind {
    const fn path(self) -> &'static str {
        match self {
            Self::FkExecuted => "formansinformation.utbetalningsuppgift",
            Self::FkPreliminary => "formansinformation.preliminarautbetalningar",
            Self::PmExecuted => "utbetalningar",
            Self::PmPreliminary => "preliminaraUtbetalningar",
        }
    }

    const fn status(self) -> &'static str {
        match self {
            Self::FkExecuted | Self::PmExecuted => "executed",
            Self::FkPreliminary | Self::PmPreliminary => "preliminary",
        }
    }
}

fn push_fk(out: &mut Vec<MinimalPayment>, list: Option<&[LefiUtbetalningUppgift]>, kind: ListKind) {
    for (index, u) in list.unwrap_or_default().iter().enumerate() {
        out.push(MinimalPayment {
            list: kind.path(),
            index,
            utlamnare: UtlamnareKod::Fk,
            utbetalare: match u.foretag_kod() {
                Some(Ok(Foretag::Forsakringskassan)) => Some(UtlamnareKod::Fk),
                Some(Ok(Foretag::Pensionsmyndigheten)) => Some(UtlamnareKod::Pm),
                _ => None,
            },
            status: kind.status(),
            utbetalningstyp: u.typ.as_ref().and_then(|t| t.id),
            formansfamilj: code_id(u.formansfamilj.as_ref()),
            date: u.datum.as_deref().and_then(partial_date),
            period: u.period.as_ref().map(fran_till),
            gross: u.bruttobelopp.as_ref().and_then(amount),
            tax: u.skattebelopp.as_ref().and_then(amount),
            deductions: u.avdragsbelopp.as_ref().and_then(amount),
            net: u.nettobelopp.as_ref().and_then(amount),
            rows: u
                .utbetalningsdetalj
                .as_deref()
                .unwrap_or_default()
                .iter()
                .map(fk_row)
                .collect(),
        });
    }
}

fn fk_row(d: &LefiUtbetalningDetalj) -> MinimalRow {
    let typ = d.beloppstyp_kod().ok().flatten();
    let klass = typ.as_ref().map(Beloppstyp::klass);
    let by_class = match klass {
        Some(BeloppsKlass::Skatt) => d.skattebelopp.as_ref(),
        Some(BeloppsKlass::Avdrag) => d.avdragsbelopp.as_ref(),
        Some(_) => d.bruttobelopp.as_ref(),
        None => None,
    };
    let amount_field = by_class
        .or(d.bruttobelopp.as_ref())
        .or(d.avdragsbelopp.as_ref())
        .or(d.skattebelopp.as_ref());
    MinimalRow {
        kind: "detalj",
        forman: code_id(d.forman.as_ref()),
        formansgrupp: None,
        utbetalningsforman: None,
        beloppstyp: typ
            .as_ref()
            .map(Beloppstyp::code)
            .filter(|c| is_code(c))
            .map(str::to_owned),
        klass,
        amount: amount_field.and_then(amount),
        period: d.period.as_ref().map(fran_till),
        omfattning: d.omfattning.as_ref().map(|o| Omfattning {
            taljare: o.taljare,
            namnare: o.namnare,
        }),
        days: d.dagar,
        hours: d.timmar,
    }
}

fn push_pm(
    out: &mut Vec<MinimalPayment>,
    list: Option<&[LefiPmFormanUtbetalning]>,
    kind: ListKind,
) {
    for (index, p) in list.unwrap_or_default().iter().enumerate() {
        let rader = p.utbetalningsrader.as_deref().unwrap_or_default();
        let avdrag = p.avdrag.as_deref().unwrap_or_default();
        out.push(MinimalPayment {
            list: kind.path(),
            index,
            utlamnare: UtlamnareKod::Pm,
            utbetalare: Some(UtlamnareKod::Pm),
            status: kind.status(),
            utbetalningstyp: None,
            formansfamilj: None,
            date: p.utbetalningsdatum.map(|d| d.to_string()),
            period: p.utbetalningsperiod.as_ref().map(lefi_period),
            gross: p.bruttobelopp.map(sek),
            tax: None,
            deductions: None,
            net: p.nettobelopp.map(sek),
            rows: rader
                .iter()
                .map(pm_rad)
                .chain(avdrag.iter().map(pm_avdrag))
                .collect(),
        });
    }
}

fn pm_rad(r: &LefiPmFormanUtbetalningRad) -> MinimalRow {
    MinimalRow {
        kind: "rad",
        forman: None,
        formansgrupp: r.formansgrupp.as_ref().map(|g| g.kod.code()),
        utbetalningsforman: r
            .utbetalningsforman
            .as_ref()
            .map(|f| f.kod.code().to_owned()),
        beloppstyp: r.beloppstyp.as_ref().map(|t| t.kod.code().to_owned()),
        klass: Some(BeloppsKlass::Ersattning),
        amount: r.belopp.map(sek),
        period: None,
        omfattning: None,
        days: None,
        hours: None,
    }
}

fn pm_avdrag(a: &LefiPmFormanUtbetalningAvdrag) -> MinimalRow {
    let typ = a.avdragstyp.as_ref().map(|t| &t.kod);
    MinimalRow {
        kind: "avdrag",
        forman: None,
        formansgrupp: None,
        utbetalningsforman: None,
        beloppstyp: typ.map(|t| t.code().to_owned()),
        klass: Some(if typ.is_some_and(|t| t.is_tax()) {
            BeloppsKlass::Skatt
        } else {
            BeloppsKlass::Avdrag
        }),
        amount: a.belopp.map(sek),
        period: None,
        omfattning: None,
        days: None,
        hours: None,
    }
}

/// The id of an FK letter code when it is a well-formed code (never free text: a code is
/// short, without spaces or control characters).
fn code_id(kod: Option<&LefiBokstavskod>) -> Option<String> {
    let id = kod?.id.as_deref()?;
    is_code(id).then(|| id.to_owned())
}

fn is_code(id: &str) -> bool {
    !id.is_empty()
        && id.len() <= 16
        && id
            .chars()
            .all(|c| c.is_alphanumeric() || matches!(c, ':' | '_' | '-'))
}

/// FK free-text dates: kept only when they are a (partial) date.
fn partial_date(text: &str) -> Option<String> {
    PartialDate::parse(text).ok().map(|d| d.to_string())
}

fn fran_till(p: &FranTill) -> MinimalPeriod {
    MinimalPeriod {
        from: p.fran().map(|d| d.to_string()),
        tom: p.till().map(|d| d.to_string()),
    }
}

fn lefi_period(p: &LefiPeriod) -> MinimalPeriod {
    MinimalPeriod {
        from: Some(p.from.to_string()),
        tom: Some(p.tom.to_string()),
    }
}

fn amount(b: &LefiBelopp) -> Option<Amount> {
    Some(Amount {
        summa: b.summa?,
        valuta: b.valuta_kod().and_then(Result::ok),
    })
}

fn sek(kronor: i64) -> Amount {
    Amount {
        summa: Decimal::from(kronor),
        valuta: Some(Valuta::SEK),
    }
}

fn ser_decimal<S: Serializer>(d: &Decimal, s: S) -> Result<S::Ok, S::Error> {
    s.collect_str(d)
}

fn ser_valuta<S: Serializer>(v: &Option<Valuta>, s: S) -> Result<S::Ok, S::Error> {
    match v {
        Some(v) => s.serialize_str(v.as_str()),
        None => s.serialize_none(),
    }
}

fn ser_utlamnare<S: Serializer>(u: &UtlamnareKod, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(u.code())
}

fn ser_opt_utlamnare<S: Serializer>(u: &Option<UtlamnareKod>, s: S) -> Result<S::Ok, S::Error> {
    match u {
        Some(u) => s.serialize_str(u.code()),
        None => s.serialize_none(),
    }
}

fn ser_klass<S: Serializer>(k: &Option<BeloppsKlass>, s: S) -> Result<S::Ok, S::Error> {
    match k {
        Some(BeloppsKlass::Skatt) => s.serialize_str("skatt"),
        Some(BeloppsKlass::Avdrag) => s.serialize_str("avdrag"),
        Some(_) => s.serialize_str("ersattning"),
        None => s.serialize_none(),
    }
}
