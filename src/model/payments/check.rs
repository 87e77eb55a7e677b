//! The amount invariants of a payment (DOMAIN §6.1): [`Violation`], [`CheckedPayment`].
//!
//! | rule | model | what is checked |
//! |---|---|---|
//! | A1 | FK | `nettobelopp = bruttobelopp − avdragsbelopp`; `|skattebelopp| ≤ |avdragsbelopp|` |
//! | A2 | FK | Σ rows' `bruttobelopp` = `bruttobelopp`; Σ rows' `skattebelopp` = `skattebelopp`; Σ rows' `skattebelopp` + Σ rows' `avdragsbelopp` = `avdragsbelopp` |
//! | A3 | FK | a `PS`/`SS` row carries `skattebelopp`, another deduction id `avdragsbelopp`, a compensation id `bruttobelopp`, and no other amount |
//! | A4 | both | the sign of deductions is not stated: net = gross − deductions holds if it holds with the deductions as signed or as magnitudes; tax is compared to deductions by magnitude |
//! | A5 | PM | `bruttobelopp = Σ utbetalningsrader.belopp`; `bruttobelopp − Σ avdrag.belopp = nettobelopp` |
//! | — | FK | every amount has an ISO 4217 currency, the same in the whole payment |
//!
//! An absent total is not compared (there is nothing to compare); an absent deduction
//! total counts as zero in A1 and an absent row amount as zero in sums. An amount whose
//! currency is missing, invalid or different is reported once and left out of the
//! arithmetic that needs it, so one bad currency does not cascade into sum violations.

use core::fmt;

use rust_decimal::Decimal;

use super::amount::AmountField;
use super::status::Status;
use super::view::{Payment, PaymentLocation, PaymentSource};
use crate::codes::BeloppsKlass;
use crate::model::lefi::{
    LefiBelopp, LefiPmFormanUtbetalning, LefiUtbetalningDetalj, LefiUtbetalningUppgift,
};
use crate::money::{Belopp, Valuta};

/// A stated total that the rows should add up to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
pub enum Total {
    /// The gross amount.
    Gross,
    /// The tax (FK `skattebelopp`).
    Tax,
    /// The deductions, tax included (FK `avdragsbelopp`).
    Deductions,
}

impl Total {
    const fn as_str(self) -> &'static str {
        match self {
            Self::Gross => "gross",
            Self::Tax => "tax",
            Self::Deductions => "deductions",
        }
    }
}

/// What is wrong. `expected` is what the rule derives from the other fields, `found` what
/// the field at the violation's path states.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum ViolationKind {
    /// A1 (FK) / A5 (PM): the net is not gross − deductions.
    Net {
        /// gross − deductions.
        expected: Belopp,
        /// The stated net.
        found: Belopp,
    },
    /// A1 (FK): the tax is larger (in magnitude) than the deductions that include it.
    TaxExceedsDeductions {
        /// The stated tax.
        tax: Belopp,
        /// The stated deductions (zero when absent).
        deductions: Belopp,
    },
    /// A2 (FK) / A5 (PM): a stated total is not the sum of the rows.
    RowSum {
        /// Which total.
        total: Total,
        /// The sum of the rows.
        expected: Belopp,
        /// The stated total.
        found: Belopp,
    },
    /// A3 (FK): a row carries its amount in a field its beloppstyp does not call for
    /// (`found`), or not in the one it calls for (`found` is `None`: no amount at all).
    RowField {
        /// The class of the row's beloppstyp.
        klass: BeloppsKlass,
        /// The field the class calls for.
        expected: AmountField,
        /// The field that carries an amount instead or as well.
        found: Option<AmountField>,
    },
    /// FK: an amount is in another currency than the rest of the payment.
    CurrencyMismatch {
        /// The payment's currency (that of its first amount).
        expected: Valuta,
        /// This amount's currency.
        found: Valuta,
    },
    /// FK: an amount has a `summa` but no `valuta`, or one that is not an ISO 4217 code.
    InvalidCurrency,
    /// A sum does not fit in a `Decimal`.
    Overflow,
}

impl ViolationKind {
    /// The DOMAIN §6.1 rule; PM's net and row sums are A5, FK's A1 and A2.
    fn rule(&self, utlamnare_pm: bool) -> &'static str {
        match self {
            Self::Net { .. } | Self::RowSum { .. } if utlamnare_pm => "A5",
            Self::Net { .. } | Self::TaxExceedsDeductions { .. } => "A1",
            Self::RowSum { .. } => "A2",
            Self::RowField { .. } => "A3",
            Self::CurrencyMismatch { .. } | Self::InvalidCurrency => "currency",
            Self::Overflow => "overflow",
        }
    }
}

impl fmt::Display for ViolationKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Net { expected, found } => {
                write!(f, "net is {found}, gross − deductions is {expected}")
            }
            Self::TaxExceedsDeductions { tax, deductions } => write!(
                f,
                "tax {tax} exceeds the deductions {deductions} that include it"
            ),
            Self::RowSum {
                total,
                expected,
                found,
            } => write!(
                f,
                "stated {} is {found}, the rows add up to {expected}",
                total.as_str()
            ),
            Self::RowField {
                klass,
                expected,
                found: Some(found),
            } => write!(
                f,
                "a {} row carries {found}, expected only {expected}",
                klass.description().to_lowercase()
            ),
            Self::RowField {
                klass,
                expected,
                found: None,
            } => write!(
                f,
                "a {} row carries no {expected}",
                klass.description().to_lowercase()
            ),
            Self::CurrencyMismatch { expected, found } => {
                write!(f, "currency {found} differs from the payment's {expected}")
            }
            Self::InvalidCurrency => f.write_str("amount without a valid ISO 4217 currency"),
            Self::Overflow => f.write_str("sum of amounts overflows"),
        }
    }
}

/// One broken invariant: which payment, the JSON path of the field, and what is wrong.
///
/// `Display` is `path: what` and holds amounts and codes only, never personal data.
///
/// ```
/// use lefi::model::lefi::LefiExternFormansinformationSvar;
/// let svar: LefiExternFormansinformationSvar = lefi::wire::lefi_json::from_slice(
///     br#"{"utbetalningar":[{"bruttobelopp":100,"nettobelopp":100,
///         "utbetalningsrader":[{"belopp":60}]}]}"#)?;
/// let v = &svar.check()[0];
/// assert_eq!(v.to_string(), "utbetalningar[0].bruttobelopp: stated gross is 100 SEK, the rows add up to 60 SEK");
/// assert_eq!(v.rule(), "A5");
/// # Ok::<(), lefi::wire::lefi_json::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Violation {
    location: PaymentLocation,
    path: String,
    kind: ViolationKind,
}

impl Violation {
    /// The payment.
    #[must_use]
    pub fn location(&self) -> PaymentLocation {
        self.location
    }

    /// The JSON path of the field, e.g.
    /// `formansinformation.utbetalningsuppgift[0].utbetalningsdetalj[2].avdragsbelopp`.
    #[must_use]
    pub fn path(&self) -> &str {
        &self.path
    }

    /// What is wrong.
    #[must_use]
    pub fn kind(&self) -> &ViolationKind {
        &self.kind
    }

    /// The DOMAIN §6.1 rule broken: `A1`, `A2`, `A3` (FK), `A5` (PM), or `currency` /
    /// `overflow`.
    #[must_use]
    pub fn rule(&self) -> &'static str {
        let pm = self.location.list().utlamnare() == crate::codes::UtlamnareKod::Pm;
        self.kind.rule(pm)
    }
}

impl fmt::Display for Violation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.path, self.kind)
    }
}

impl std::error::Error for Violation {}

impl<S: Status> Payment<'_, S> {
    /// The amount invariants of this payment (see the [module](super) table); empty when
    /// they all hold.
    ///
    /// ```
    /// use lefi::model::lefi::LefiExternFormansinformationSvar;
    /// use lefi::model::payments::{AmountField, ViolationKind};
    /// use lefi::codes::BeloppsKlass;
    /// let svar: LefiExternFormansinformationSvar = lefi::wire::lefi_json::from_slice(br#"
    ///   {"formansinformation":{"utbetalningsuppgift":[{
    ///     "bruttobelopp":{"summa":100,"valuta":"SEK"},"skattebelopp":{"summa":30,"valuta":"SEK"},
    ///     "avdragsbelopp":{"summa":30,"valuta":"SEK"},"nettobelopp":{"summa":70,"valuta":"SEK"},
    ///     "utbetalningsdetalj":[
    ///       {"beloppstyp":{"id":"X1"},"bruttobelopp":{"summa":100,"valuta":"SEK"}},
    ///       {"beloppstyp":{"id":"PS"},"avdragsbelopp":{"summa":30,"valuta":"SEK"}}]}]}}"#)?;
    /// let payment = svar.executed_payments().next().unwrap();
    /// let kinds: Vec<_> = payment.check().into_iter().map(|v| v.kind().clone()).collect();
    /// assert!(kinds.contains(&ViolationKind::RowField {
    ///     klass: BeloppsKlass::Skatt, expected: AmountField::Skatt, found: Some(AmountField::Avdrag) }));
    /// # Ok::<(), lefi::wire::lefi_json::Error>(())
    /// ```
    #[must_use]
    pub fn check(&self) -> Vec<Violation> {
        let mut out = Vec::new();
        check_into(self.source(), self.location(), &mut out);
        out
    }
}

pub(super) fn check_into(
    source: PaymentSource<'_>,
    location: PaymentLocation,
    out: &mut Vec<Violation>,
) {
    match source {
        PaymentSource::Fk(payment) => FkChecker::new(location, out).check_payment(payment),
        PaymentSource::Pm(payment) => check_pm(payment, location, out),
    }
}

/// An amount field as read for checking.
#[derive(Clone, Copy)]
enum Reading {
    /// No `summa`.
    Absent,
    /// A sum in the payment's currency.
    Usable(Decimal),
    /// Its currency is missing, invalid or different: reported, left out of arithmetic.
    Unusable,
}

/// The four totals of an FK payment, as read.
#[derive(Clone, Copy)]
struct Totals {
    gross: Reading,
    tax: Reading,
    deductions: Reading,
    net: Reading,
}

/// Checks one FK payment, collecting its violations; the payment's currency is that of
/// the first usable amount read.
struct FkChecker<'o> {
    location: PaymentLocation,
    currency: Option<Valuta>,
    out: &'o mut Vec<Violation>,
}

impl<'o> FkChecker<'o> {
    fn new(location: PaymentLocation, out: &'o mut Vec<Violation>) -> Self {
        Self {
            location,
            currency: None,
            out,
        }
    }

    fn push(&mut self, path: String, kind: ViolationKind) {
        self.out.push(Violation {
            location: self.location,
            path,
            kind,
        });
    }

    fn money(&self, summa: Decimal) -> Belopp {
        Belopp::new(summa, self.currency.unwrap_or_default())
    }

    /// Reads an amount field, reporting its currency problems at `path`.
    fn read(&mut self, field: Option<&LefiBelopp>, path: impl FnOnce() -> String) -> Reading {
        let Some(summa) = field.and_then(LefiBelopp::summa) else {
            return Reading::Absent;
        };
        let valuta = match field.and_then(LefiBelopp::valuta_kod) {
            Some(Ok(v)) => v,
            Some(Err(_)) | None => {
                self.push(path(), ViolationKind::InvalidCurrency);
                return Reading::Unusable;
            }
        };
        match self.currency {
            None => self.currency = Some(valuta),
            Some(expected) if expected != valuta => {
                self.push(
                    path(),
                    ViolationKind::CurrencyMismatch {
                        expected,
                        found: valuta,
                    },
                );
                return Reading::Unusable;
            }
            Some(_) => {}
        }
        Reading::Usable(summa)
    }

    fn check_payment(mut self, payment: &LefiUtbetalningUppgift) {
        let location = self.location;
        let mut read = |field: AmountField| {
            self.read(field.of_payment(payment), || format!("{location}.{field}"))
        };
        let totals = Totals {
            gross: read(AmountField::Brutto),
            tax: read(AmountField::Skatt),
            deductions: read(AmountField::Avdrag),
            net: read(AmountField::Netto),
        };
        self.check_totals(totals);
        if let Some(rows) = payment.utbetalningsdetalj.as_deref() {
            self.check_rows(rows, totals);
        }
    }

    /// A1: net = gross − deductions (signed or magnitude); |tax| ≤ |deductions|.
    fn check_totals(&mut self, totals: Totals) {
        let deductions = match totals.deductions {
            Reading::Absent => Some(Decimal::ZERO),
            Reading::Usable(d) => Some(d),
            Reading::Unusable => None,
        };
        let location = self.location;
        if let (Reading::Usable(gross), Some(deductions), Reading::Usable(net)) =
            (totals.gross, deductions, totals.net)
        {
            match net_holds(gross, net, &[deductions]) {
                Some(true) => {}
                Some(false) => {
                    let expected = self.money(gross.checked_sub(deductions).unwrap_or(gross));
                    let found = self.money(net);
                    self.push(
                        format!("{location}.{}", AmountField::Netto),
                        ViolationKind::Net { expected, found },
                    );
                }
                None => self.push(
                    format!("{location}.{}", AmountField::Netto),
                    ViolationKind::Overflow,
                ),
            }
        }
        if let (Reading::Usable(tax), Some(deductions)) = (totals.tax, deductions) {
            if tax.abs() > deductions.abs() {
                let (tax, deductions) = (self.money(tax), self.money(deductions));
                self.push(
                    format!("{location}.{}", AmountField::Avdrag),
                    ViolationKind::TaxExceedsDeductions { tax, deductions },
                );
            }
        }
    }

    /// A2 and A3 over the detail rows.
    fn check_rows(&mut self, rows: &[LefiUtbetalningDetalj], totals: Totals) {
        let location = self.location;
        // Σ brutto, Σ skatt, Σ avdrag; None once a row's amount is unusable.
        const SUMMED: [AmountField; 3] =
            [AmountField::Brutto, AmountField::Skatt, AmountField::Avdrag];
        let mut sums = [Some(Decimal::ZERO); 3];
        let mut overflow = false;
        for (index, row) in rows.iter().enumerate() {
            for (field, sum) in SUMMED.into_iter().zip(sums.iter_mut()) {
                let path = || format!("{location}.utbetalningsdetalj[{index}].{field}");
                match self.read(field.of_row(row), path) {
                    Reading::Absent => {}
                    Reading::Usable(x) => {
                        *sum = match sum.map(|acc| acc.checked_add(x)) {
                            Some(Some(v)) => Some(v),
                            Some(None) => {
                                overflow = true;
                                None
                            }
                            None => None,
                        }
                    }
                    Reading::Unusable => *sum = None,
                }
            }
            self.check_row_field(index, row);
        }
        if overflow {
            self.push(
                format!("{location}.utbetalningsdetalj"),
                ViolationKind::Overflow,
            );
        }
        let [rows_gross, rows_tax, rows_other_deductions] = sums;
        let rows_deductions = match (rows_tax, rows_other_deductions) {
            (Some(tax), Some(other)) => tax.checked_add(other),
            _ => None,
        };
        self.check_row_sum(Total::Gross, AmountField::Brutto, totals.gross, rows_gross);
        self.check_row_sum(Total::Tax, AmountField::Skatt, totals.tax, rows_tax);
        self.check_row_sum(
            Total::Deductions,
            AmountField::Avdrag,
            totals.deductions,
            rows_deductions,
        );
    }

    /// A2: the stated `total` (in `field`) is the sum of the rows.
    fn check_row_sum(
        &mut self,
        total: Total,
        field: AmountField,
        stated: Reading,
        rows_sum: Option<Decimal>,
    ) {
        if let (Reading::Usable(found), Some(expected)) = (stated, rows_sum) {
            if found != expected {
                let location = self.location;
                let (expected, found) = (self.money(expected), self.money(found));
                self.push(
                    format!("{location}.{field}"),
                    ViolationKind::RowSum {
                        total,
                        expected,
                        found,
                    },
                );
            }
        }
    }

    /// A3: the row's amount is in the field its class calls for, and only there.
    fn check_row_field(&mut self, index: usize, row: &LefiUtbetalningDetalj) {
        let Some(klass) = row.beloppstyp_kod().ok().flatten().map(|t| t.klass()) else {
            return;
        };
        let expected = AmountField::for_klass(klass);
        let carries = |field: AmountField| field.of_row(row).and_then(LefiBelopp::summa).is_some();
        let location = self.location;
        let mut wrong = 0_usize;
        for field in [AmountField::Brutto, AmountField::Skatt, AmountField::Avdrag] {
            if field != expected && carries(field) {
                wrong += 1;
                self.push(
                    format!("{location}.utbetalningsdetalj[{index}].{field}"),
                    ViolationKind::RowField {
                        klass,
                        expected,
                        found: Some(field),
                    },
                );
            }
        }
        if !carries(expected) && wrong == 0 {
            self.push(
                format!("{location}.utbetalningsdetalj[{index}].{expected}"),
                ViolationKind::RowField {
                    klass,
                    expected,
                    found: None,
                },
            );
        }
    }
}

/// Whether `net = gross − Σd` with the deductions signed, or with their magnitudes
/// (A4); `None` on overflow.
fn net_holds(gross: Decimal, net: Decimal, deductions: &[Decimal]) -> Option<bool> {
    let mut signed = Decimal::ZERO;
    let mut magnitude = Decimal::ZERO;
    for d in deductions {
        signed = signed.checked_add(*d)?;
        magnitude = magnitude.checked_add(d.abs())?;
    }
    Some(net == gross.checked_sub(signed)? || net == gross.checked_sub(magnitude)?)
}

/// A5 for a PM payment (integer SEK, no currency field).
fn check_pm(
    payment: &LefiPmFormanUtbetalning,
    location: PaymentLocation,
    out: &mut Vec<Violation>,
) {
    let push = |out: &mut Vec<Violation>, field: &str, kind| {
        out.push(Violation {
            location,
            path: format!("{location}.{field}"),
            kind,
        });
    };
    let gross = payment.bruttobelopp.map(Decimal::from);
    if let (Some(found), Some(rader)) = (gross, payment.utbetalningsrader.as_deref()) {
        let sum = rader.iter().try_fold(Decimal::ZERO, |acc, r| {
            acc.checked_add(Decimal::from(r.belopp.unwrap_or(0)))
        });
        match sum {
            Some(expected) if expected != found => push(
                out,
                "bruttobelopp",
                ViolationKind::RowSum {
                    total: Total::Gross,
                    expected: Belopp::sek(expected),
                    found: Belopp::sek(found),
                },
            ),
            Some(_) => {}
            None => push(out, "utbetalningsrader", ViolationKind::Overflow),
        }
    }
    if let (Some(gross), Some(net)) = (gross, payment.nettobelopp.map(Decimal::from)) {
        let avdrag: Vec<Decimal> = payment
            .avdrag
            .as_deref()
            .unwrap_or_default()
            .iter()
            .map(|a| Decimal::from(a.belopp.unwrap_or(0)))
            .collect();
        match net_holds(gross, net, &avdrag) {
            Some(true) => {}
            Some(false) => {
                let signed = avdrag
                    .iter()
                    .try_fold(Decimal::ZERO, |acc, d| acc.checked_add(*d));
                let expected = signed.and_then(|d| gross.checked_sub(d)).unwrap_or(gross);
                push(
                    out,
                    "nettobelopp",
                    ViolationKind::Net {
                        expected: Belopp::sek(expected),
                        found: Belopp::sek(net),
                    },
                );
            }
            None => push(out, "avdrag", ViolationKind::Overflow),
        }
    }
}

/// A payment whose amounts satisfy every invariant ([`Payment::check`] is empty); the
/// business-valid level above the wire-valid [`Payment`].
///
/// ```
/// use lefi::model::lefi::LefiExternFormansinformationSvar;
/// use lefi::model::payments::CheckedPayment;
/// let svar: LefiExternFormansinformationSvar = lefi::wire::lefi_json::from_slice(
///     br#"{"utbetalningar":[{"bruttobelopp":100,"nettobelopp":70,
///          "avdrag":[{"belopp":30,"avdragstyp":{"kod":"PM:PS","beskrivning":"Skatt"}}]},
///         {"bruttobelopp":100,"nettobelopp":75}]}"#)?;
/// let mut payments = svar.executed_payments();
/// // `Inconsistent` borrows the response; turn it into text to leave the scope
/// let ok = CheckedPayment::try_from(payments.next().unwrap()).map_err(|e| e.to_string())?;
/// assert_eq!(ok.payment().tax().map(|b| b.to_string()).as_deref(), Some("30 SEK"));
/// let bad = CheckedPayment::try_from(payments.next().unwrap()).unwrap_err();
/// assert_eq!(bad.violations().len(), 1);
/// assert_eq!(bad.payment().net().map(|b| b.to_string()).as_deref(), Some("75 SEK"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CheckedPayment<'a, S: Status> {
    payment: Payment<'a, S>,
}

impl<'a, S: Status> CheckedPayment<'a, S> {
    /// The payment.
    #[must_use]
    pub fn payment(&self) -> Payment<'a, S> {
        self.payment
    }
}

impl<'a, S: Status> TryFrom<Payment<'a, S>> for CheckedPayment<'a, S> {
    type Error = Inconsistent<'a, S>;

    fn try_from(payment: Payment<'a, S>) -> Result<Self, Self::Error> {
        let violations = payment.check();
        if violations.is_empty() {
            Ok(Self { payment })
        } else {
            Err(Inconsistent {
                payment,
                violations,
            })
        }
    }
}

/// A payment whose amounts break invariants, with the violations (the error of
/// [`CheckedPayment::try_from`]); the payment is still there to use.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Inconsistent<'a, S: Status> {
    payment: Payment<'a, S>,
    violations: Vec<Violation>,
}

impl<'a, S: Status> Inconsistent<'a, S> {
    /// The payment, as received.
    #[must_use]
    pub fn payment(&self) -> Payment<'a, S> {
        self.payment
    }

    /// The violations (at least one).
    #[must_use]
    pub fn violations(&self) -> &[Violation] {
        &self.violations
    }
}

impl<S: Status> fmt::Display for Inconsistent<'_, S> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "payment {} breaks {} amount invariant(s)",
            self.payment.location(),
            self.violations.len()
        )
    }
}

impl<S: Status> std::error::Error for Inconsistent<'_, S> {}
