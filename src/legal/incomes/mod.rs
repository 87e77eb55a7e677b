//! One view of an applicant's incomes across agencies, without identities: what
//! municipalities assess ekonomiskt bistånd from.
//!
//! [`IncomesView`] lists every payment to the person in an SSBTEK answer — Försäkringskassan
//! and Pensionsmyndigheten (executed and preliminary apart), the a-kassor (SO), CSN — as one
//! typed list with the source agency, payment date, period, gross, tax and net where the
//! source states them, and the source's own classification; Skatteverket's yearly taxed
//! income as context; which agencies answered (an agency that answered with an error, or
//! whose block could not be decoded, contributes nothing, and the view says so); and
//! monthly totals per source. Like [`PaymentsView`](super::PaymentsView), it is built from
//! typed fields only: no personnummer, names, addresses, account numbers or free text.
//!
//! # JSON shape
//!
//! ```text
//! {
//!   "sources": [{"agency": "CSN", "outcome": "error", "kalla": "BT", "felkod": "-1005"}, …],
//!   "payments": [{
//!     "source": "SO",                  // FK, PM, SO or CSN
//!     "status": "executed",            // or "preliminary" (FK/PM preliminary lists, CSN "Planerad")
//!     "date": "2013-11-23",
//!     "period": {"from": "2013-11-03", "tom": "2013-11-03"},
//!     "gross": null, "tax": null,      // {"summa": "12450.00", "valuta": "SEK"} where stated
//!     "net_after_tax": {"summa": "1250.50", "valuta": "SEK"},   // SO only
//!     "net": {"summa": "1250.50", "valuta": "SEK"},
//!     "days": "2",                     // SO ersättningsdagar
//!     "classification": ["arbetsloshetsersattning"],  // the source's own codes
//!     "rows": [{"code": "GRUNDB", "class": "bidrag", "amount": {…}}]
//!   }],
//!   "taxed_income": [{"year": 2025, "period": "2024P4", "decided_on": "2025-08-15",
//!                     "items": [{"code": "fastStalldinkomst", "amount": {…}}]}],
//!   "monthly_totals": [{"month": "2013-11", "source": "SO", "status": "executed",
//!                       "valuta": "SEK", "payments": 1, "gross": null, "net": "1250.50",
//!                       "without_net": 0}]
//! }
//! ```
//!
//! ```
//! use lefi::legal::{IncomeSource, IncomesView};
//! let xml = br#"<hamtaBastjanstInformationResponse xmlns="http://schema.forsakringskassan.se/integration/ssbt/10"
//!   xmlns:in="http://INT014.UBPService.Schemas"><svarsdata><SO><data>
//!   <in:IdentificationNumber>191212121212</in:IdentificationNumber>
//!   <in:ArbetsloshetsersattningLista><in:Arbetsloshetsersattning>
//!     <in:SvarandeOrganisation>A-kassan</in:SvarandeOrganisation>
//!     <in:StatusSvarandeOrganisation>OK</in:StatusSvarandeOrganisation>
//!     <in:Utbetalningar><in:Utbetalningsdatum>2024-03-23</in:Utbetalningsdatum>
//!       <in:NettoEfterSkatt>1250.50</in:NettoEfterSkatt><in:NettoEfterAvdrag>1200.50</in:NettoEfterAvdrag>
//!       <in:Ersattningsdagar>2</in:Ersattningsdagar><in:AvserFrom>2024-03-04</in:AvserFrom>
//!       <in:AvserTom>2024-03-05</in:AvserTom></in:Utbetalningar>
//!   </in:Arbetsloshetsersattning></in:ArbetsloshetsersattningLista></data></SO></svarsdata>
//!   </hamtaBastjanstInformationResponse>"#;
//! let doc = lefi::wire::ssbtek::from_slice(xml)?;
//! let lefi::model::ssbtek::SsbtekMessage::Response(svar) = &doc.message else { return Ok(()) };
//! let view = IncomesView::from_ssbtek(svar);
//! assert_eq!(view.payments.len(), 1);
//! assert_eq!(view.payments[0].source, IncomeSource::So);
//! assert_eq!(view.payments[0].net.as_ref().map(|a| a.summa.to_string()).as_deref(), Some("1200.50"));
//! assert_eq!(view.monthly_totals[0].month, "2024-03");
//! let json = serde_json::to_string(&view)?;
//! assert!(!json.contains("191212121212") && !json.contains("A-kassan"));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

pub(super) mod table;

use std::collections::BTreeMap;

use chrono::{Datelike, NaiveDate};
use rust_decimal::Decimal;
use serde::{Serialize, Serializer};

use super::minimise::{
    Amount, MinimalPayment, MinimalPeriod, MinimalRow, PaymentsView, klass_name, ser_opt_decimal,
    ser_valuta,
};
use crate::codes::{BeloppsKlass, Kalla, UtlamnareKod};
use crate::model::lefi::LefiExternFormansinformationSvar;
use crate::model::ssbtek::{
    Agency, AgencyResult, BastjanstSvar, CsnArende, CsnDokument, CsnStod, CsnUtbetalning, Outcome,
    SkvSvar, SoUtbetalning, Svarsdata,
};
use crate::money::Valuta;
use crate::period::Period;

/// Every payment to the person in an answer, Skatteverket's taxed income, which agencies
/// answered, and monthly totals — without identities (see the module docs for the JSON
/// shape).
///
/// Fields are public for reading; the view is built by [`from_ssbtek`](Self::from_ssbtek)
/// or [`from_lefi`](Self::from_lefi).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize)]
#[non_exhaustive]
pub struct IncomesView {
    /// What each agency that pays or taxes the person answered (FK, CSN, SKV, SO, in the
    /// contract's order); empty for a LEFI answer.
    pub sources: Vec<SourceState>,
    /// The payments: FK and PM (as in [`PaymentsView`]), then SO, then CSN, each in
    /// document order.
    pub payments: Vec<Income>,
    /// Skatteverket's taxed income per year.
    pub taxed_income: Vec<TaxedIncome>,
    /// Totals per month of the payment date, source, status and currency, over every dated
    /// payment (see [`totals`](Self::totals) for a period).
    pub monthly_totals: Vec<MonthlyTotal>,
}

/// Where a payment comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
pub enum IncomeSource {
    /// Försäkringskassan (through LEFI).
    Fk,
    /// Pensionsmyndigheten (through LEFI).
    Pm,
    /// The a-kassor (SO): unemployment benefit.
    So,
    /// CSN: study support.
    Csn,
}

impl IncomeSource {
    /// `FK`, `PM`, `SO` or `CSN`.
    #[must_use]
    pub const fn code(self) -> &'static str {
        match self {
            Self::Fk => "FK",
            Self::Pm => "PM",
            Self::So => "SO",
            Self::Csn => "CSN",
        }
    }
}

impl Serialize for IncomeSource {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.code())
    }
}

/// What one agency answered, without its content.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct SourceState {
    /// The agency (`FK`, `CSN`, `SKV`, `SO`).
    #[serde(serialize_with = "ser_agency")]
    pub agency: Agency,
    /// `data`, `error`, `undecodable` or `not_in_answer`.
    #[serde(serialize_with = "ser_outcome")]
    pub outcome: Outcome,
    /// The error's source, when it answered with an error.
    #[serde(serialize_with = "ser_kalla")]
    pub kalla: Option<Kalla>,
    /// The error code, when it answered with an error.
    pub felkod: Option<String>,
}

/// One payment.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct Income {
    /// The paying agency's information: FK, PM, SO or CSN.
    pub source: IncomeSource,
    /// `executed` (paid out) or `preliminary` (decided but not yet paid; CSN `Planerad`).
    pub status: &'static str,
    /// The payment date (`YYYY-MM-DD`; FK may state `YYYY-MM`).
    pub date: Option<String>,
    /// The period the payment is for.
    pub period: Option<MinimalPeriod>,
    /// Gross, where the source states it (FK, PM; CSN's paid amount, study support being
    /// untaxed).
    pub gross: Option<Amount>,
    /// Tax, where the source states it (FK `skattebelopp`; PM the sum of its tax
    /// deductions).
    pub tax: Option<Amount>,
    /// Net after tax but before other deductions (SO `NettoEfterSkatt`).
    pub net_after_tax: Option<Amount>,
    /// What is paid out (FK and PM `nettobelopp`, SO `NettoEfterAvdrag`, CSN `totbelopp`).
    pub net: Option<Amount>,
    /// Days paid for (SO `Ersattningsdagar`).
    #[serde(serialize_with = "ser_opt_decimal")]
    pub days: Option<Decimal>,
    /// The source's own classification: FK `formansfamilj` and the rows' beloppstyper; PM
    /// the rows' utbetalningsförmåner; SO `arbetsloshetsersattning`; CSN the stödtyp and
    /// `stodform`.
    pub classification: Vec<String>,
    /// The payment's rows, when the source itemises it.
    pub rows: Vec<IncomeRow>,
}

/// One row of an [`Income`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct IncomeRow {
    /// The source's code for the row (FK/PM beloppstyp, CSN beloppstyp).
    pub code: Option<String>,
    /// `ersattning`, `avdrag`, `skatt` (FK, PM), `bidrag` or `lan` (CSN).
    pub class: &'static str,
    /// The amount.
    pub amount: Option<Amount>,
}

/// Skatteverket's taxed income of one year.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct TaxedIncome {
    /// The year: `beskattningsar` (ssbt/11) or `Taxeringsar` (ssbt/10).
    pub year: Option<u16>,
    /// `beskattningsperiod` (`2024P4`).
    pub period: Option<String>,
    /// When the taxation was decided (`datumFaststalld`).
    pub decided_on: Option<String>,
    /// The amounts, with Skatteverket's names (`fastStalldinkomst`, `overskottAvTjanst`,
    /// `sumKapital`, `summaSlutligSkatt`; ssbt/10: `SummaIntakterPaKapital`,
    /// `OverskottPaKapital`).
    pub items: Vec<TaxItem>,
}

/// One amount of a [`TaxedIncome`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct TaxItem {
    /// Skatteverket's name for it.
    pub code: &'static str,
    /// The amount (SEK).
    pub amount: Amount,
}

/// The payments of one month, source, status and currency.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct MonthlyTotal {
    /// `YYYY-MM` of the payment date.
    pub month: String,
    /// The source.
    pub source: IncomeSource,
    /// `executed` or `preliminary`.
    pub status: &'static str,
    /// The currency (`None`: not stated).
    #[serde(serialize_with = "ser_valuta")]
    pub valuta: Option<Valuta>,
    /// How many payments.
    pub payments: usize,
    /// The sum of the gross amounts stated (`None` when none is, or when the sum does not
    /// fit in a `Decimal`, beyond ±7.9 × 10²⁸).
    #[serde(serialize_with = "ser_opt_decimal")]
    pub gross: Option<Decimal>,
    /// The sum of the net amounts stated (`None` when none is, or when the sum does not
    /// fit in a `Decimal`).
    #[serde(serialize_with = "ser_opt_decimal")]
    pub net: Option<Decimal>,
    /// How many of the payments state no net amount.
    pub without_net: usize,
}

impl IncomesView {
    /// The incomes in an SSBTEK answer.
    #[must_use]
    pub fn from_ssbtek(svar: &BastjanstSvar) -> Self {
        let d = &svar.svarsdata;
        let mut payments = match d.fk.as_ref().and_then(AgencyResult::data) {
            Some(fk) => lefi_incomes(fk.svar()),
            None => Vec::new(),
        };
        if let Some(so) = d.so.as_ref().and_then(AgencyResult::data) {
            let utbetalningar = so
                .arbetsloshetsersattningar
                .iter()
                .flatten()
                .flat_map(|a| a.utbetalningar.iter());
            payments.extend(utbetalningar.map(so_income));
        }
        if let Some(csn) = d.csn.as_ref().and_then(AgencyResult::data) {
            payments.extend(csn_incomes(csn.dokument()));
        }
        let taxed_income = match d.skv.as_ref().and_then(AgencyResult::data) {
            Some(skv) => taxed_income(skv),
            None => Vec::new(),
        };
        Self::assemble(sources(d), payments, taxed_income)
    }

    /// The incomes in a LEFI v9 answer (FK and PM payments only).
    #[must_use]
    pub fn from_lefi(svar: &LefiExternFormansinformationSvar) -> Self {
        Self::assemble(Vec::new(), lefi_incomes(svar), Vec::new())
    }

    fn assemble(sources: Vec<SourceState>, payments: Vec<Income>, taxed: Vec<TaxedIncome>) -> Self {
        let monthly_totals = totals(&payments, None);
        Self {
            sources,
            payments,
            taxed_income: taxed,
            monthly_totals,
        }
    }

    /// Monthly totals of the payments dated within `period` (each month's total covers
    /// only the days of the period).
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use lefi::legal::IncomesView;
    /// use lefi::period::Period;
    /// let view = IncomesView::default();
    /// let d = |m| NaiveDate::from_ymd_opt(2024, m, 1).ok_or("date");
    /// assert!(view.totals(Period::new(d(1)?, d(6)?)?).is_empty());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn totals(&self, period: Period) -> Vec<MonthlyTotal> {
        totals(&self.payments, Some(period))
    }

    /// The span of the payment dates (`None` without dated payments).
    #[must_use]
    pub fn span(&self) -> Option<Period> {
        let dates = self.payments.iter().filter_map(payment_date);
        let (min, max) = dates.fold((None::<NaiveDate>, None::<NaiveDate>), |(lo, hi), d| {
            (
                Some(lo.map_or(d, |lo| lo.min(d))),
                Some(hi.map_or(d, |hi| hi.max(d))),
            )
        });
        Period::new(min?, max?).ok()
    }
}

fn sources(d: &Svarsdata) -> Vec<SourceState> {
    [Agency::Csn, Agency::Fk, Agency::Skv, Agency::So]
        .into_iter()
        .map(|agency| {
            let error = d.error_of(agency);
            SourceState {
                agency,
                outcome: d.outcome(agency),
                kalla: error.map(|e| e.kalla()),
                felkod: error.map(|e| e.felkod().to_owned()),
            }
        })
        .collect()
}

/// The FK and PM payments, through the minimised payments view.
fn lefi_incomes(svar: &LefiExternFormansinformationSvar) -> Vec<Income> {
    PaymentsView::from_lefi(svar)
        .payments
        .into_iter()
        .map(lefi_income)
        .collect()
}

fn lefi_income(p: MinimalPayment) -> Income {
    let rows: Vec<IncomeRow> = p
        .rows
        .iter()
        .map(|r| IncomeRow {
            code: r.beloppstyp.clone(),
            class: r.klass.map_or("ersattning", klass_name),
            amount: r.amount.clone(),
        })
        .collect();
    let (source, tax) = match p.utlamnare {
        UtlamnareKod::Pm => (IncomeSource::Pm, pm_tax(&p.rows)),
        _ => (IncomeSource::Fk, p.tax.clone()),
    };
    let mut classification: Vec<String> = match source {
        IncomeSource::Pm => p
            .rows
            .iter()
            .filter_map(|r| r.utbetalningsforman.clone())
            .collect(),
        _ => p.formansfamilj.clone().into_iter().collect(),
    };
    if source == IncomeSource::Fk {
        classification.extend(p.rows.iter().filter_map(|r| r.beloppstyp.clone()));
    }
    dedup(&mut classification);
    Income {
        source,
        status: p.status,
        date: p.date,
        period: p.period,
        gross: p.gross,
        tax,
        net_after_tax: None,
        net: p.net,
        days: None,
        classification,
        rows,
    }
}

/// PM states its tax as deduction rows: their sum, when there are any. (PM amounts are
/// `i64` kronor, so their sum fits in a `Decimal` for fewer than 2³³ rows.)
fn pm_tax(rows: &[MinimalRow]) -> Option<Amount> {
    let tax: Vec<&Amount> = rows
        .iter()
        .filter(|r| r.klass == Some(BeloppsKlass::Skatt))
        .filter_map(|r| r.amount.as_ref())
        .collect();
    let first = tax.first()?;
    let summa = tax.iter().map(|a| a.summa).sum();
    Some(Amount {
        summa,
        valuta: first.valuta,
    })
}

fn dedup(list: &mut Vec<String>) {
    let mut seen = Vec::with_capacity(list.len());
    list.retain(|c| {
        let new = !seen.contains(c);
        if new {
            seen.push(c.clone());
        }
        new
    });
}

fn sek(summa: Decimal) -> Amount {
    Amount {
        summa,
        valuta: Some(Valuta::SEK),
    }
}

fn so_income(u: &SoUtbetalning) -> Income {
    Income {
        source: IncomeSource::So,
        status: "executed",
        date: Some(u.utbetalningsdatum.date().to_string()),
        period: Some(MinimalPeriod {
            from: Some(u.avser_from.date().to_string()),
            tom: Some(u.avser_tom.date().to_string()),
        }),
        gross: None,
        tax: None,
        net_after_tax: Some(sek(u.netto_efter_skatt)),
        net: Some(sek(u.netto_efter_avdrag)),
        days: Some(u.ersattningsdagar),
        classification: vec!["arbetsloshetsersattning".to_owned()],
        rows: Vec::new(),
    }
}

fn csn_incomes(doc: &CsnDokument) -> impl Iterator<Item = Income> + '_ {
    doc.personer
        .iter()
        .flat_map(|p| p.arenden())
        .flat_map(|(stod, arende)| {
            arende
                .utbetalningsplan
                .iter()
                .map(move |u| csn_income(stod, arende, u))
        })
}

fn csn_income(stod: CsnStod, arende: &CsnArende, u: &CsnUtbetalning) -> Income {
    let from = u
        .utbetalda_tider
        .iter()
        .filter_map(|t| t.startvecka.as_ref()?.first_day())
        .min();
    let tom = u
        .utbetalda_tider
        .iter()
        .filter_map(|t| t.slutvecka.as_ref()?.last_day())
        .max();
    let rows = u
        .utbetalda_tider
        .iter()
        .flat_map(|t| t.beloppen.iter())
        .map(|b| IncomeRow {
            code: Some(b.beloppstyp.code().to_owned()),
            class: if b.beloppstyp.is_loan() {
                "lan"
            } else {
                "bidrag"
            },
            amount: Some(sek(b.belopp)),
        })
        .collect();
    Income {
        source: IncomeSource::Csn,
        status: if u.utbetstatus.is_paid() {
            "executed"
        } else {
            "preliminary"
        },
        date: u.utbetdatum.date().map(|d| d.to_string()),
        period: (from.is_some() || tom.is_some()).then(|| MinimalPeriod {
            from: from.map(|d| d.to_string()),
            tom: tom.map(|d| d.to_string()),
        }),
        gross: Some(sek(u.totbelopp)),
        tax: None,
        net_after_tax: None,
        net: Some(sek(u.totbelopp)),
        days: None,
        classification: vec![stod.name().to_owned(), arende.stodform.code().to_owned()],
        rows,
    }
}

fn taxed_income(skv: &SkvSvar) -> Vec<TaxedIncome> {
    if let Some(doc) = skv.beskattningsuppgifter() {
        let kapital = doc
            .personuppgift_lista
            .iter()
            .flat_map(|l| l.personuppgift.iter())
            .flat_map(|p| p.kapitaluppgift.iter());
        return kapital
            .map(|k| TaxedIncome {
                year: k.taxeringsar,
                period: None,
                decided_on: None,
                items: [
                    ("SummaIntakterPaKapital", k.summa_intakter_pa_kapital),
                    ("OverskottPaKapital", k.overskott_pa_kapital),
                ]
                .into_iter()
                .filter_map(|(code, v)| {
                    Some(TaxItem {
                        code,
                        amount: sek(v?),
                    })
                })
                .collect(),
            })
            .collect();
    }
    let uppgifter = skv
        .delar()
        .and_then(|d| d.skatteuppgifter.as_ref())
        .and_then(AgencyResult::data);
    let beslut = uppgifter
        .iter()
        .flat_map(|p| p.value().beslutade_skatteuppgifter.iter().flatten());
    beslut
        .map(|b| {
            let u = b.uppgifter.as_ref();
            let items = [
                (
                    "fastStalldinkomst",
                    u.and_then(|u| u.fast_stalldinkomst.as_ref()),
                ),
                (
                    "overskottAvTjanst",
                    u.and_then(|u| u.overskott_av_tjanst.as_ref()),
                ),
                ("sumKapital", u.and_then(|u| u.sum_kapital.as_ref())),
                (
                    "summaSlutligSkatt",
                    u.and_then(|u| u.summa_slutlig_skatt.as_ref()),
                ),
            ];
            TaxedIncome {
                year: b.beskattningsar.map(|a| a.year()),
                period: b.beskattningsperiod.as_ref().map(|p| p.as_str().to_owned()),
                decided_on: b.datum_faststalld.map(|d| d.to_string()),
                items: items
                    .into_iter()
                    .filter_map(|(code, v)| {
                        Some(TaxItem {
                            code,
                            amount: sek(v?.value()),
                        })
                    })
                    .collect(),
            }
        })
        .collect()
}

/// The payment date, when it is a whole date.
fn payment_date(p: &Income) -> Option<NaiveDate> {
    crate::xs::date(p.date.as_deref()?)
}

fn totals(payments: &[Income], period: Option<Period>) -> Vec<MonthlyTotal> {
    type Key = ((i32, u32), IncomeSource, &'static str, Option<Valuta>);
    let mut groups: BTreeMap<Key, (MonthlyTotal, RunningSum, RunningSum)> = BTreeMap::new();
    for p in payments {
        let Some(date) = payment_date(p) else {
            continue;
        };
        if period.is_some_and(|period| !period.contains(date)) {
            continue;
        }
        let valuta = p.net.as_ref().or(p.gross.as_ref()).and_then(|a| a.valuta);
        let key = ((date.year(), date.month()), p.source, p.status, valuta);
        let (t, gross, net) = groups.entry(key).or_insert_with(|| {
            let total = MonthlyTotal {
                month: format!("{:04}-{:02}", date.year(), date.month()),
                source: p.source,
                status: p.status,
                valuta,
                payments: 0,
                gross: None,
                net: None,
                without_net: 0,
            };
            (total, RunningSum::Nothing, RunningSum::Nothing)
        });
        t.payments += 1;
        if let Some(g) = &p.gross {
            gross.add(g.summa);
        }
        match &p.net {
            Some(n) => net.add(n.summa),
            None => t.without_net += 1,
        }
    }
    groups
        .into_values()
        .map(|(mut t, gross, net)| {
            t.gross = gross.sum();
            t.net = net.sum();
            t
        })
        .collect()
}

/// A sum of amounts that stays unknown once it no longer fits in a `Decimal`.
#[derive(Clone, Copy)]
enum RunningSum {
    Nothing,
    Sum(Decimal),
    Overflowed,
}

impl RunningSum {
    fn add(&mut self, x: Decimal) {
        *self = match *self {
            Self::Nothing => Self::Sum(x),
            Self::Sum(sum) => sum.checked_add(x).map_or(Self::Overflowed, Self::Sum),
            Self::Overflowed => Self::Overflowed,
        };
    }

    fn sum(self) -> Option<Decimal> {
        match self {
            Self::Sum(sum) => Some(sum),
            Self::Nothing | Self::Overflowed => None,
        }
    }
}

fn ser_agency<S: Serializer>(a: &Agency, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(a.element_name())
}

fn ser_outcome<S: Serializer>(o: &Outcome, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(match o {
        Outcome::NotInAnswer => "not_in_answer",
        Outcome::Data => "data",
        Outcome::Error => "error",
        Outcome::Undecodable => "undecodable",
    })
}

fn ser_kalla<S: Serializer>(k: &Option<Kalla>, s: S) -> Result<S::Ok, S::Error> {
    match k {
        Some(k) => s.serialize_str(k.code()),
        None => s.serialize_none(),
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::indexing_slicing)]

    use super::*;

    /// Monthly sums that leave `Decimal`'s range are unknown, not a panic.
    #[test]
    fn monthly_totals_survive_overflow() {
        let huge = r#"{"summa":79228162514264337593543950335,"valuta":"SEK"}"#;
        let json = format!(
            r#"{{"formansinformation":{{"utbetalningsuppgift":[
                {{"datum":"2024-03-25","bruttobelopp":{huge},"nettobelopp":{huge}}},
                {{"datum":"2024-03-26","bruttobelopp":{huge},"nettobelopp":{huge}}},
                {{"datum":"2024-03-27","bruttobelopp":{huge}}}]}}}}"#
        );
        let svar: LefiExternFormansinformationSvar = serde_json::from_str(&json).unwrap();
        let view = IncomesView::from_lefi(&svar);
        assert_eq!(view.monthly_totals.len(), 1);
        let total = &view.monthly_totals[0];
        assert_eq!((total.payments, total.without_net), (3, 1));
        assert_eq!((total.gross, total.net), (None, None));
    }
}
