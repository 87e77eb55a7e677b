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
use serde::ser::SerializeStruct;
use serde::{Serialize, Serializer};

use crate::codes::{BeloppsKlass, UtlamnareKod};
use crate::model::lefi::{LefiBokstavskod, LefiExternFormansinformationSvar};
use crate::model::payments::{
    AmountField, AnyPayment, Omfattning, PaymentDate, PaymentPeriod, PaymentRow, PaymentSource,
    StatedAmount,
};
use crate::model::ssbtek::{
    AgencyResult, BastjanstSvar, SoUtbetalning, SsbtekDocument, SsbtekMessage,
};
use crate::money::Valuta;
use crate::period::FranTill;

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
    /// The payments of a LEFI v9 answer, as [`payments`](LefiExternFormansinformationSvar::payments)
    /// yields them.
    #[must_use]
    pub fn from_lefi(svar: &LefiExternFormansinformationSvar) -> Self {
        Self {
            payments: svar.payments().map(MinimalPayment::new).collect(),
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
    /// FK `omfattning` as `{"taljare", "namnare"}` (each `null` when not stated).
    #[serde(serialize_with = "ser_omfattning")]
    pub omfattning: Option<Omfattning>,
    /// FK `dagar`.
    pub days: Option<i64>,
    /// FK `timmar`.
    pub hours: Option<i64>,
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

impl MinimalPayment {
    /// The payment, from the model's view of it: typed fields only.
    fn new(payment: AnyPayment<'_>) -> Self {
        let location = payment.location();
        let fk = match payment.source() {
            PaymentSource::Fk(u) => Some(u),
            PaymentSource::Pm(_) => None,
        };
        let stated = |field| payment.stated(field).map(Amount::from);
        Self {
            list: location.list().json_path(),
            index: location.index(),
            utlamnare: payment.utlamnare(),
            utbetalare: payment.utbetalare(),
            status: payment.status().as_str(),
            utbetalningstyp: fk.and_then(|u| u.typ.as_ref()?.id),
            formansfamilj: fk.and_then(|u| code_id(u.formansfamilj.as_ref())),
            date: payment.date().and_then(date),
            period: payment.period().map(MinimalPeriod::from),
            gross: stated(AmountField::Brutto),
            tax: stated(AmountField::Skatt),
            deductions: stated(AmountField::Avdrag),
            net: stated(AmountField::Netto),
            rows: payment.rows().map(MinimalRow::new).collect(),
        }
    }
}

impl MinimalRow {
    /// The row, from the model's view of it: typed fields only.
    fn new(row: PaymentRow<'_>) -> Self {
        let (kind, forman, utbetalningsforman) = if let Some(detalj) = row.fk() {
            ("detalj", code_id(detalj.forman.as_ref()), None)
        } else if let Some(rad) = row.pm_rad() {
            let forman = rad.utbetalningsforman.as_ref();
            ("rad", None, forman.map(|f| f.kod.code().to_owned()))
        } else {
            ("avdrag", None, None)
        };
        let row_type = row.row_type().ok().flatten();
        Self {
            kind,
            forman,
            formansgrupp: row.pm_formansgrupp().map(|g| g.code()),
            utbetalningsforman,
            beloppstyp: row_type
                .as_ref()
                .map(|t| t.code())
                .filter(|c| is_code(c))
                .map(str::to_owned),
            klass: row.klass(),
            amount: row.stated_amount().map(Amount::from),
            period: row.period().map(MinimalPeriod::from),
            omfattning: row.omfattning(),
            days: row.days(),
            hours: row.hours(),
        }
    }
}

/// The id of an FK letter code when it is a well-formed code (never free text: a code is
/// short, without spaces or control characters).
pub(super) fn code_id(kod: Option<&LefiBokstavskod>) -> Option<String> {
    let id = kod?.id.as_deref()?;
    is_code(id).then(|| id.to_owned())
}

/// What a minimised view shows for an open code list's value that is not code-shaped (a
/// contract that says "should contain" gets free text): never the text itself.
pub(super) const WITHHELD: &str = "?";

/// `code` when it is code-shaped, else [`WITHHELD`].
pub(super) fn code_or_withheld(code: &str) -> String {
    if is_code(code) { code } else { WITHHELD }.to_owned()
}

fn is_code(id: &str) -> bool {
    !id.is_empty()
        && id.len() <= 16
        && id
            .chars()
            .all(|c| c.is_alphanumeric() || matches!(c, ':' | '_' | '-'))
}

/// A payment date, kept only when it is a (partial) date: never FK's free text.
pub(super) fn date(date: PaymentDate<'_>) -> Option<String> {
    match date {
        PaymentDate::Text(_) => None,
        date => Some(date.to_string()),
    }
}

impl From<&FranTill> for MinimalPeriod {
    fn from(p: &FranTill) -> Self {
        Self {
            from: p.fran().map(|d| d.to_string()),
            tom: p.till().map(|d| d.to_string()),
        }
    }
}

impl From<PaymentPeriod<'_>> for MinimalPeriod {
    fn from(period: PaymentPeriod<'_>) -> Self {
        match period {
            PaymentPeriod::Fk(ft) => Self::from(ft),
            PaymentPeriod::Pm(p) => Self {
                from: Some(p.from.to_string()),
                tom: Some(p.tom.to_string()),
            },
        }
    }
}

impl From<StatedAmount> for Amount {
    fn from(a: StatedAmount) -> Self {
        Self {
            summa: a.summa(),
            valuta: a.valuta(),
        }
    }
}

/// The name of a row class in the views (`ersattning`, `avdrag`, `skatt`).
pub(super) const fn klass_name(klass: BeloppsKlass) -> &'static str {
    match klass {
        BeloppsKlass::Skatt => "skatt",
        BeloppsKlass::Avdrag => "avdrag",
        _ => "ersattning",
    }
}

pub(super) fn ser_decimal<S: Serializer>(d: &Decimal, s: S) -> Result<S::Ok, S::Error> {
    s.collect_str(d)
}

/// An optional exact decimal as its text (`null` when absent).
pub(super) fn ser_opt_decimal<S: Serializer>(d: &Option<Decimal>, s: S) -> Result<S::Ok, S::Error> {
    match d {
        Some(d) => ser_decimal(d, s),
        None => s.serialize_none(),
    }
}

/// An optional currency as its code (`null` when absent).
pub(super) fn ser_valuta<S: Serializer>(v: &Option<Valuta>, s: S) -> Result<S::Ok, S::Error> {
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
        Some(k) => s.serialize_str(klass_name(*k)),
        None => s.serialize_none(),
    }
}

fn ser_omfattning<S: Serializer>(o: &Option<Omfattning>, s: S) -> Result<S::Ok, S::Error> {
    let Some(o) = o else {
        return s.serialize_none();
    };
    let mut fraction = s.serialize_struct("Omfattning", 2)?;
    fraction.serialize_field("taljare", &o.taljare())?;
    fraction.serialize_field("namnare", &o.namnare())?;
    fraction.end()
}
