//! The payment view: [`Payment`], [`AnyPayment`], [`PaymentRow`] and their small value types.

use core::fmt;
use core::marker::PhantomData;

use chrono::NaiveDate;
use rust_decimal::Decimal;

use super::amount::{AmountField, StatedAmount};
use super::status::{Executed, PaymentStatus, Preliminary, Status};
use crate::codes::{
    BeloppsKlass, Beloppstyp, Foretag, ParseCodeError, PmAvdragTyp, PmBeloppTyp, PmFormanGrupp,
    UtlamnareKod,
};
use crate::model::lefi::{
    LefiOmfattning, LefiPeriod, LefiPmFormanUtbetalning, LefiPmFormanUtbetalningAvdrag,
    LefiPmFormanUtbetalningRad, LefiUtbetalningDetalj, LefiUtbetalningUppgift,
};
use crate::money::Belopp;
use crate::period::{FranTill, PartialDate};

/// The four lists of a [`LefiExternFormansinformationSvar`](crate::model::lefi::LefiExternFormansinformationSvar)
/// that hold payments.
///
/// ```
/// use lefi::model::payments::{PaymentList, PaymentStatus};
/// assert_eq!(PaymentList::FkPreliminary.json_path(), "formansinformation.preliminarautbetalningar");
/// assert_eq!(PaymentList::PmExecuted.status(), PaymentStatus::Executed);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
pub enum PaymentList {
    /// `formansinformation.utbetalningsuppgift`: Försäkringskassan's executed payments.
    FkExecuted,
    /// `formansinformation.preliminarautbetalningar`: Försäkringskassan's preliminary
    /// payments.
    FkPreliminary,
    /// `utbetalningar`: Pensionsmyndigheten's executed payments.
    PmExecuted,
    /// `preliminaraUtbetalningar`: Pensionsmyndigheten's preliminary payments.
    PmPreliminary,
}

impl PaymentList {
    /// The four lists, in the order [`payments`](crate::model::lefi::LefiExternFormansinformationSvar::payments)
    /// visits them.
    pub const ALL: [Self; 4] = [
        Self::FkExecuted,
        Self::FkPreliminary,
        Self::PmExecuted,
        Self::PmPreliminary,
    ];

    /// The JSON path of the list in the response.
    ///
    /// ```
    /// use lefi::model::payments::PaymentList;
    /// assert_eq!(PaymentList::PmPreliminary.json_path(), "preliminaraUtbetalningar");
    /// ```
    #[must_use]
    pub const fn json_path(self) -> &'static str {
        match self {
            Self::FkExecuted => "formansinformation.utbetalningsuppgift",
            Self::FkPreliminary => "formansinformation.preliminarautbetalningar",
            Self::PmExecuted => "utbetalningar",
            Self::PmPreliminary => "preliminaraUtbetalningar",
        }
    }

    /// Whose information model the list follows: [`UtlamnareKod::Fk`] or
    /// [`UtlamnareKod::Pm`].
    ///
    /// ```
    /// use lefi::codes::UtlamnareKod;
    /// use lefi::model::payments::PaymentList;
    /// assert_eq!(PaymentList::FkExecuted.utlamnare(), UtlamnareKod::Fk);
    /// ```
    #[must_use]
    pub const fn utlamnare(self) -> UtlamnareKod {
        match self {
            Self::FkExecuted | Self::FkPreliminary => UtlamnareKod::Fk,
            Self::PmExecuted | Self::PmPreliminary => UtlamnareKod::Pm,
        }
    }

    /// Whether the list holds preliminary or executed payments.
    #[must_use]
    pub const fn status(self) -> PaymentStatus {
        match self {
            Self::FkExecuted | Self::PmExecuted => PaymentStatus::Executed,
            Self::FkPreliminary | Self::PmPreliminary => PaymentStatus::Preliminary,
        }
    }
}

/// Where a payment is in the response: its list and index.
///
/// `Display` is the JSON path, e.g. `formansinformation.utbetalningsuppgift[2]`.
///
/// ```
/// use lefi::model::payments::{PaymentList, PaymentLocation};
/// let at = PaymentLocation::new(PaymentList::PmExecuted, 3);
/// assert_eq!(at.to_string(), "utbetalningar[3]");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct PaymentLocation {
    list: PaymentList,
    index: usize,
}

impl PaymentLocation {
    /// The payment at `index` of `list`.
    #[must_use]
    pub const fn new(list: PaymentList, index: usize) -> Self {
        Self { list, index }
    }

    /// The list.
    #[must_use]
    pub const fn list(&self) -> PaymentList {
        self.list
    }

    /// The index within the list.
    #[must_use]
    pub const fn index(&self) -> usize {
        self.index
    }
}

impl fmt::Display for PaymentLocation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}[{}]", self.list.json_path(), self.index)
    }
}

/// The payment date of a payment.
///
/// Pensionsmyndigheten's `utbetalningsdatum` is a `date`; Försäkringskassan's `datum` is
/// free text in the contract, so it is read as a full date when it is one, as a
/// [`PartialDate`] (`YYYY-MM`, `YYYY`) when it is one, and otherwise kept as text.
///
/// ```
/// use lefi::model::payments::PaymentDate;
/// let d = PaymentDate::from_text("2024-03-25");
/// assert_eq!(d.as_date().map(|d| d.to_string()).as_deref(), Some("2024-03-25"));
/// assert_eq!(PaymentDate::from_text("2024-03").to_string(), "2024-03");
/// assert_eq!(PaymentDate::from_text("snart").as_date(), None);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum PaymentDate<'a> {
    /// A full date.
    Date(NaiveDate),
    /// A year and month, or a year.
    Partial(PartialDate),
    /// Text that is not a date (Försäkringskassan's `datum` has no format in the contract).
    Text(&'a str),
}

impl<'a> PaymentDate<'a> {
    /// Reads Försäkringskassan's free-text `datum`.
    #[must_use]
    pub fn from_text(text: &'a str) -> Self {
        match PartialDate::parse(text) {
            Ok(PartialDate::Date(date)) => Self::Date(date),
            Ok(partial) => Self::Partial(partial),
            Err(_) => Self::Text(text),
        }
    }

    /// The date, when it is a full date.
    #[must_use]
    pub const fn as_date(&self) -> Option<NaiveDate> {
        match self {
            Self::Date(date) => Some(*date),
            Self::Partial(_) | Self::Text(_) => None,
        }
    }
}

/// `YYYY-MM-DD`, the partial date's text, or the text as received.
impl fmt::Display for PaymentDate<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Date(date) => write!(f, "{}", date.format("%Y-%m-%d")),
            Self::Partial(partial) => write!(f, "{partial}"),
            Self::Text(text) => f.write_str(text),
        }
    }
}

/// The period a payment covers: Försäkringskassan's [`FranTill`] (partial dates, either
/// end may be open) or Pensionsmyndigheten's closed [`LefiPeriod`] (`utbetalningsperiod`,
/// the dates the payment is based on).
///
/// `Display` is `fran–till` with `…` for an open end, or `from–tom`.
///
/// ```
/// use lefi::model::payments::PaymentPeriod;
/// use lefi::period::FranTill;
/// let ft = FranTill::new(Some("2024-02".parse()?), None);
/// let p = PaymentPeriod::Fk(&ft);
/// assert_eq!(p.to_string(), "2024-02–…");
/// assert!(p.contains("2024-05-01".parse()?));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum PaymentPeriod<'a> {
    /// Försäkringskassan's `period`.
    Fk(&'a FranTill),
    /// Pensionsmyndigheten's `utbetalningsperiod`.
    Pm(&'a LefiPeriod),
}

impl PaymentPeriod<'_> {
    /// Whether the period contains the date (an open end contains everything on its side;
    /// a partial date counts as its whole month or year).
    #[must_use]
    pub fn contains(&self, date: NaiveDate) -> bool {
        match self {
            Self::Fk(ft) => ft.contains(date),
            Self::Pm(p) => p.from <= date && date <= p.tom,
        }
    }
}

impl fmt::Display for PaymentPeriod<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Fk(ft) => {
                match ft.fran() {
                    Some(d) => write!(f, "{d}")?,
                    None => f.write_str("…")?,
                }
                f.write_str("–")?;
                match ft.till() {
                    Some(d) => write!(f, "{d}"),
                    None => f.write_str("…"),
                }
            }
            Self::Pm(p) => write!(
                f,
                "{}–{}",
                p.from.format("%Y-%m-%d"),
                p.tom.format("%Y-%m-%d")
            ),
        }
    }
}

/// The extent of a row (`LefiOmfattning`): `taljare / namnare`, each as stated (the
/// contract makes both optional); in arithmetic a missing number counts as 0.
///
/// ```
/// use lefi::model::payments::Omfattning;
/// use rust_decimal::Decimal;
/// assert_eq!(Omfattning::new(3, 4).fraction(), Some(Decimal::new(75, 2)));
/// assert_eq!(Omfattning::new(0, 0).fraction(), None); // "not set"
/// let half_stated = Omfattning::stated(Some(1), None);
/// assert_eq!((half_stated.taljare(), half_stated.namnare()), (Some(1), None));
/// assert_eq!(half_stated.to_string(), "1/-");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Omfattning {
    taljare: Option<i64>,
    namnare: Option<i64>,
}

impl Omfattning {
    /// `taljare / namnare`, both stated.
    #[must_use]
    pub const fn new(taljare: i64, namnare: i64) -> Self {
        Self::stated(Some(taljare), Some(namnare))
    }

    /// `taljare / namnare` as stated, either possibly missing.
    #[must_use]
    pub const fn stated(taljare: Option<i64>, namnare: Option<i64>) -> Self {
        Self { taljare, namnare }
    }

    /// The numerator, when stated.
    #[must_use]
    pub const fn taljare(&self) -> Option<i64> {
        self.taljare
    }

    /// The denominator, when stated.
    #[must_use]
    pub const fn namnare(&self) -> Option<i64> {
        self.namnare
    }

    /// Whether both numbers are 0 (or missing), which the contract says means "not set".
    #[must_use]
    pub const fn is_unset(&self) -> bool {
        matches!(self.taljare, None | Some(0)) && matches!(self.namnare, None | Some(0))
    }

    /// The fraction as an exact decimal, a missing number counting as 0; `None` when unset
    /// or the denominator is 0.
    #[must_use]
    pub fn fraction(&self) -> Option<Decimal> {
        let taljare = Decimal::from(self.taljare.unwrap_or(0));
        taljare.checked_div(Decimal::from(self.namnare.unwrap_or(0)))
    }
}

impl From<&LefiOmfattning> for Omfattning {
    fn from(o: &LefiOmfattning) -> Self {
        Self::stated(o.taljare, o.namnare)
    }
}

/// `taljare/namnare`, `-` for a missing number.
impl fmt::Display for Omfattning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let number = |n: Option<i64>| n.map_or_else(|| "-".to_owned(), |n| n.to_string());
        write!(f, "{}/{}", number(self.taljare), number(self.namnare))
    }
}

/// The type of a payment row: Försäkringskassan's [`Beloppstyp`] (open list),
/// Pensionsmyndigheten's [`PmBeloppTyp`] (a row of `utbetalningsrader`, always a
/// compensation) or [`PmAvdragTyp`] (a row of `avdrag`).
///
/// ```
/// use lefi::codes::{BeloppsKlass, Beloppstyp, PmAvdragTyp};
/// use lefi::model::payments::RowType;
/// assert_eq!(RowType::Fk(Beloppstyp::Inf).klass(), BeloppsKlass::Avdrag);
/// assert_eq!(RowType::PmAvdrag(PmAvdragTyp::Ps).klass(), BeloppsKlass::Skatt);
/// assert_eq!(RowType::PmAvdrag(PmAvdragTyp::Pst).klass(), BeloppsKlass::Avdrag);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum RowType {
    /// `LefiUtbetalningDetalj.beloppstyp.id`.
    Fk(Beloppstyp),
    /// `LefiPmFormanUtbetalningRad.beloppstyp.kod`.
    Pm(PmBeloppTyp),
    /// `LefiPmFormanUtbetalningAvdrag.avdragstyp.kod`.
    PmAvdrag(PmAvdragTyp),
}

impl RowType {
    /// The class of the row.
    ///
    /// FK: [`Beloppstyp::klass`] (`PS`, `SS` tax; the 24 other deduction ids deduction;
    /// everything else compensation). PM: every `utbetalningsrader` row is compensation;
    /// `avdrag` rows are tax when [`PmAvdragTyp::is_tax`] (`PM:PS`, `PM:SS`), otherwise
    /// deductions. `PM:PST` and `PM:SST` (tax for earlier years) are classed as
    /// deductions, like FK's `PST`/`SST`, which the FK contract carries in
    /// `avdragsbelopp` rather than `skattebelopp`: our reading, as the PM contract gives
    /// the codes no meaning. Either way all of them count among the deductions.
    #[must_use]
    pub fn klass(&self) -> BeloppsKlass {
        match self {
            Self::Fk(typ) => typ.klass(),
            Self::Pm(_) => BeloppsKlass::Ersattning,
            Self::PmAvdrag(typ) => pm_avdrag_klass(Some(typ)),
        }
    }

    /// The code as on the wire (`PS`, `PM:IP`, `PM:UTMATNING`).
    #[must_use]
    pub fn code(&self) -> &str {
        match self {
            Self::Fk(typ) => typ.code(),
            Self::Pm(typ) => typ.code(),
            Self::PmAvdrag(typ) => typ.code(),
        }
    }
}

pub(super) fn pm_avdrag_klass(typ: Option<&PmAvdragTyp>) -> BeloppsKlass {
    match typ {
        Some(typ) if typ.is_tax() => BeloppsKlass::Skatt,
        _ => BeloppsKlass::Avdrag,
    }
}

/// One row of a payment, borrowed from the response: an FK `utbetalningsdetalj` line, or
/// a PM `utbetalningsrader` row or `avdrag` row (PM payments list their rows first, then
/// their deductions).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PaymentRow<'a> {
    inner: RowRef<'a>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum RowRef<'a> {
    Fk(&'a LefiUtbetalningDetalj),
    PmRad(&'a LefiPmFormanUtbetalningRad),
    PmAvdrag(&'a LefiPmFormanUtbetalningAvdrag),
}

impl<'a> PaymentRow<'a> {
    /// The row's type; `Ok(None)` when the row has none.
    ///
    /// # Errors
    /// When an FK `beloppstyp.id` is not even a well-formed code (empty, control
    /// characters). PM codes are closed lists checked when decoding.
    pub fn row_type(&self) -> Result<Option<RowType>, ParseCodeError> {
        Ok(match self.inner {
            RowRef::Fk(d) => d.beloppstyp_kod()?.map(RowType::Fk),
            RowRef::PmRad(r) => r.beloppstyp.as_ref().map(|b| RowType::Pm(b.kod)),
            RowRef::PmAvdrag(a) => a.avdragstyp.as_ref().map(|t| RowType::PmAvdrag(t.kod)),
        })
    }

    /// The row's class: Ersättning, Avdrag or Skatt (see [`RowType::klass`]). A PM row
    /// has its class by the list it is in (an `avdrag` row without a type is a
    /// deduction); an FK row without a (well-formed) `beloppstyp` has none.
    #[must_use]
    pub fn klass(&self) -> Option<BeloppsKlass> {
        match self.inner {
            RowRef::Fk(d) => d.beloppstyp_kod().ok().flatten().map(|t| t.klass()),
            RowRef::PmRad(_) => Some(BeloppsKlass::Ersattning),
            RowRef::PmAvdrag(a) => Some(pm_avdrag_klass(a.avdragstyp.as_ref().map(|t| &t.kod))),
        }
    }

    /// The field an FK row carries its amount in: the one its class names
    /// ([`AmountField::for_klass`]: `bruttobelopp`, `avdragsbelopp` or `skattebelopp`)
    /// when the row has it, otherwise (class unknown, or that field absent) the first of
    /// `bruttobelopp`, `avdragsbelopp`, `skattebelopp` the row has. `None` for PM rows
    /// (their amount is `belopp`) and for FK rows with none of the three.
    ///
    /// ```
    /// use lefi::model::lefi::LefiExternFormansinformationSvar;
    /// use lefi::model::payments::AmountField;
    /// let svar: LefiExternFormansinformationSvar = lefi::wire::lefi_json::from_slice(
    ///     br#"{"formansinformation":{"utbetalningsuppgift":[{"utbetalningsdetalj":[
    ///         {"beloppstyp":{"id":"PS"},"skattebelopp":{"summa":30,"valuta":"SEK"}},
    ///         {"beloppstyp":{"id":"PS"},"avdragsbelopp":{"summa":30,"valuta":"SEK"}}]}]}}"#)?;
    /// let payment = svar.executed_payments().next().ok_or("no payment")?;
    /// let fields: Vec<_> = payment.rows().map(|r| r.amount_field()).collect();
    /// assert_eq!(fields, [Some(AmountField::Skatt), Some(AmountField::Avdrag)]);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn amount_field(&self) -> Option<AmountField> {
        let RowRef::Fk(d) = self.inner else {
            return None;
        };
        let has = |field: &AmountField| field.of_row(d).is_some();
        self.klass()
            .map(AmountField::for_klass)
            .filter(has)
            .or_else(|| AmountField::ROW_FIELDS.into_iter().find(has))
    }

    /// The row's amount as stated: for FK the sum in [`amount_field`](Self::amount_field)
    /// (`None` when that field states no sum), with its currency when valid; for PM
    /// `belopp` in SEK.
    #[must_use]
    pub fn stated_amount(&self) -> Option<StatedAmount> {
        match self.inner {
            RowRef::Fk(d) => StatedAmount::from_lefi(self.amount_field()?.of_row(d)?),
            RowRef::PmRad(r) => r.belopp.map(StatedAmount::sek),
            RowRef::PmAvdrag(a) => a.belopp.map(StatedAmount::sek),
        }
    }

    /// The row's amount ([`stated_amount`](Self::stated_amount)) when its currency is
    /// valid.
    #[must_use]
    pub fn amount(&self) -> Option<Belopp> {
        self.stated_amount()?.belopp()
    }

    /// The FK row's `omfattning` (PM rows have none).
    #[must_use]
    pub fn omfattning(&self) -> Option<Omfattning> {
        match self.inner {
            RowRef::Fk(d) => d.omfattning.as_ref().map(Omfattning::from),
            RowRef::PmRad(_) | RowRef::PmAvdrag(_) => None,
        }
    }

    /// The FK row's number of days (`dagar`).
    #[must_use]
    pub fn days(&self) -> Option<i64> {
        match self.inner {
            RowRef::Fk(d) => d.dagar,
            RowRef::PmRad(_) | RowRef::PmAvdrag(_) => None,
        }
    }

    /// The FK row's number of hours (`timmar`).
    #[must_use]
    pub fn hours(&self) -> Option<i64> {
        match self.inner {
            RowRef::Fk(d) => d.timmar,
            RowRef::PmRad(_) | RowRef::PmAvdrag(_) => None,
        }
    }

    /// The FK row's own `period`.
    #[must_use]
    pub fn period(&self) -> Option<&'a FranTill> {
        match self.inner {
            RowRef::Fk(d) => d.period.as_ref(),
            RowRef::PmRad(_) | RowRef::PmAvdrag(_) => None,
        }
    }

    /// The PM row's `formansgrupp` (one PM payment can cover several benefits).
    #[must_use]
    pub fn pm_formansgrupp(&self) -> Option<PmFormanGrupp> {
        match self.inner {
            RowRef::PmRad(r) => r.formansgrupp.as_ref().map(|g| g.kod),
            RowRef::Fk(_) | RowRef::PmAvdrag(_) => None,
        }
    }

    /// The FK detail line as decoded, when this is one.
    #[must_use]
    pub fn fk(&self) -> Option<&'a LefiUtbetalningDetalj> {
        match self.inner {
            RowRef::Fk(d) => Some(d),
            RowRef::PmRad(_) | RowRef::PmAvdrag(_) => None,
        }
    }

    /// The PM `utbetalningsrader` row as decoded, when this is one.
    #[must_use]
    pub fn pm_rad(&self) -> Option<&'a LefiPmFormanUtbetalningRad> {
        match self.inner {
            RowRef::PmRad(r) => Some(r),
            RowRef::Fk(_) | RowRef::PmAvdrag(_) => None,
        }
    }

    /// The PM `avdrag` row as decoded, when this is one.
    #[must_use]
    pub fn pm_avdrag(&self) -> Option<&'a LefiPmFormanUtbetalningAvdrag> {
        match self.inner {
            RowRef::PmAvdrag(a) => Some(a),
            RowRef::Fk(_) | RowRef::PmRad(_) => None,
        }
    }
}

/// The rows of a payment, in document order.
#[derive(Debug, Clone)]
pub struct Rows<'a> {
    inner: RowsInner<'a>,
}

#[derive(Debug, Clone)]
enum RowsInner<'a> {
    Fk(core::slice::Iter<'a, LefiUtbetalningDetalj>),
    Pm(
        core::slice::Iter<'a, LefiPmFormanUtbetalningRad>,
        core::slice::Iter<'a, LefiPmFormanUtbetalningAvdrag>,
    ),
}

impl<'a> Iterator for Rows<'a> {
    type Item = PaymentRow<'a>;

    fn next(&mut self) -> Option<Self::Item> {
        let inner = match &mut self.inner {
            RowsInner::Fk(it) => RowRef::Fk(it.next()?),
            RowsInner::Pm(rader, avdrag) => match rader.next() {
                Some(r) => RowRef::PmRad(r),
                None => RowRef::PmAvdrag(avdrag.next()?),
            },
        };
        Some(PaymentRow { inner })
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        let n = match &self.inner {
            RowsInner::Fk(it) => it.len(),
            RowsInner::Pm(r, a) => r.len().saturating_add(a.len()),
        };
        (n, Some(n))
    }
}

impl ExactSizeIterator for Rows<'_> {}

/// The decoded payment a view borrows: an FK `LefiUtbetalningUppgift` or a PM
/// `LefiPmFormanUtbetalning`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PaymentSource<'a> {
    /// Försäkringskassan's model.
    Fk(&'a LefiUtbetalningUppgift),
    /// Pensionsmyndigheten's model.
    Pm(&'a LefiPmFormanUtbetalning),
}

/// One payment of a response, borrowed from it, with its status `S` in the type:
/// [`Payment<'_, Preliminary>`](Preliminary) or [`Payment<'_, Executed>`](Executed).
///
/// Amounts are [`Belopp`]; PM's integer SEK amounts become `Belopp` in SEK. The totals
/// are as stated in the document (FK), or as the contract defines them from the rows
/// (PM tax and deductions, see [`tax`](Self::tax)); use
/// [`check`](Self::check) to see whether they agree.
///
/// A preliminary payment cannot be passed where an executed one is expected:
///
/// ```compile_fail
/// use lefi::model::lefi::LefiExternFormansinformationSvar;
/// use lefi::model::payments::{Executed, Payment};
///
/// fn book(payment: &Payment<'_, Executed>) {}
///
/// let svar = LefiExternFormansinformationSvar::default();
/// for p in svar.preliminary_payments() {
///     book(&p); // error: expected `Payment<'_, Executed>`, found `Payment<'_, Preliminary>`
/// }
/// ```
///
/// ```
/// use lefi::model::lefi::LefiExternFormansinformationSvar;
/// use lefi::model::payments::{Executed, Payment};
///
/// fn book(payment: &Payment<'_, Executed>) -> String {
///     payment.net().map(|b| b.to_string()).unwrap_or_default()
/// }
///
/// let json = br#"{"utbetalningar":[{"utbetalningsdatum":"2024-03-19","bruttobelopp":100,
///     "nettobelopp":70,"avdrag":[{"belopp":30,"avdragstyp":{"kod":"PM:PS","beskrivning":"Skatt"}}]}]}"#;
/// let svar: LefiExternFormansinformationSvar = lefi::wire::lefi_json::from_slice(json)?;
/// let booked: Vec<String> = svar.executed_payments().map(|p| book(&p)).collect();
/// assert_eq!(booked, ["70 SEK"]);
/// # Ok::<(), lefi::wire::lefi_json::Error>(())
/// ```
pub struct Payment<'a, S: Status> {
    source: PaymentSource<'a>,
    location: PaymentLocation,
    status: PhantomData<S>,
}

impl<S: Status> Clone for Payment<'_, S> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<S: Status> Copy for Payment<'_, S> {}

impl<S: Status> PartialEq for Payment<'_, S> {
    fn eq(&self, other: &Self) -> bool {
        self.source == other.source && self.location == other.location
    }
}

impl<S: Status> Eq for Payment<'_, S> {}

/// Shows the location and status only (the decoded payment is one `Debug` away, via
/// [`source`](Payment::source)).
impl<S: Status> fmt::Debug for Payment<'_, S> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Payment")
            .field("status", &S::STATUS)
            .field("location", &self.location)
            .finish_non_exhaustive()
    }
}

impl<'a, S: Status> Payment<'a, S> {
    pub(super) fn new(source: PaymentSource<'a>, location: PaymentLocation) -> Self {
        Self {
            source,
            location,
            status: PhantomData,
        }
    }

    /// The status, as a value ([`S::STATUS`](Status::STATUS)).
    #[must_use]
    pub fn status(&self) -> PaymentStatus {
        S::STATUS
    }

    /// Where the payment is in the response.
    #[must_use]
    pub fn location(&self) -> PaymentLocation {
        self.location
    }

    /// The decoded payment the view borrows.
    #[must_use]
    pub fn source(&self) -> PaymentSource<'a> {
        self.source
    }

    /// Whose information model the payment is in: [`UtlamnareKod::Fk`] (Försäkringskassan's
    /// `formansinformation`) or [`UtlamnareKod::Pm`] (the top-level PM lists).
    #[must_use]
    pub fn utlamnare(&self) -> UtlamnareKod {
        self.location.list.utlamnare()
    }

    /// The paying agency: for an FK payment the one its `foretag` states (`1001`
    /// Försäkringskassan, `1003` Pensionsmyndigheten; `None` when absent or another id),
    /// for a PM payment Pensionsmyndigheten.
    ///
    /// ```
    /// use lefi::codes::UtlamnareKod;
    /// use lefi::model::lefi::LefiExternFormansinformationSvar;
    /// let svar: LefiExternFormansinformationSvar = lefi::wire::lefi_json::from_slice(
    ///     br#"{"formansinformation":{"utbetalningsuppgift":[{"foretag":{"id":1003}},{}]},
    ///         "utbetalningar":[{}]}"#)?;
    /// let payers: Vec<_> = svar.payments().map(|p| p.utbetalare()).collect();
    /// assert_eq!(payers, [Some(UtlamnareKod::Pm), None, Some(UtlamnareKod::Pm)]);
    /// # Ok::<(), lefi::wire::lefi_json::Error>(())
    /// ```
    #[must_use]
    pub fn utbetalare(&self) -> Option<UtlamnareKod> {
        match self.source {
            PaymentSource::Fk(u) => match u.foretag_kod() {
                Some(Ok(Foretag::Forsakringskassan)) => Some(UtlamnareKod::Fk),
                Some(Ok(Foretag::Pensionsmyndigheten)) => Some(UtlamnareKod::Pm),
                Some(Err(_)) | None => None,
            },
            PaymentSource::Pm(_) => Some(UtlamnareKod::Pm),
        }
    }

    /// The paying agency stated by an FK payment's `foretag` (`1001` Försäkringskassan,
    /// `1003` Pensionsmyndigheten); `None` when absent or for PM payments.
    ///
    /// # Errors
    /// Inside the `Some`: the id is not one of the two agencies.
    #[must_use]
    pub fn foretag(&self) -> Option<Result<Foretag, ParseCodeError>> {
        match self.source {
            PaymentSource::Fk(u) => u.foretag_kod(),
            PaymentSource::Pm(_) => None,
        }
    }

    /// The payment date (on which the payment was or will be effectuated, i.e. started).
    #[must_use]
    pub fn date(&self) -> Option<PaymentDate<'a>> {
        match self.source {
            PaymentSource::Fk(u) => u.datum.as_deref().map(PaymentDate::from_text),
            PaymentSource::Pm(p) => p.utbetalningsdatum.map(PaymentDate::Date),
        }
    }

    /// The period the payment covers.
    #[must_use]
    pub fn period(&self) -> Option<PaymentPeriod<'a>> {
        match self.source {
            PaymentSource::Fk(u) => u.period.as_ref().map(PaymentPeriod::Fk),
            PaymentSource::Pm(p) => p.utbetalningsperiod.as_ref().map(PaymentPeriod::Pm),
        }
    }

    /// An amount field as stated, whatever its currency: FK's four fields; PM states
    /// [`Brutto`](AmountField::Brutto) and [`Netto`](AmountField::Netto) only (its tax and
    /// deductions are rows, see [`tax`](Self::tax)).
    #[must_use]
    pub fn stated(&self, field: AmountField) -> Option<StatedAmount> {
        match self.source {
            PaymentSource::Fk(u) => StatedAmount::from_lefi(field.of_payment(u)?),
            PaymentSource::Pm(p) => match field {
                AmountField::Brutto => p.bruttobelopp.map(StatedAmount::sek),
                AmountField::Netto => p.nettobelopp.map(StatedAmount::sek),
                AmountField::Skatt | AmountField::Avdrag => None,
            },
        }
    }

    /// The gross amount (`bruttobelopp`). FK: `None` also when the currency is missing or
    /// not an ISO 4217 code ([`check`](Self::check) reports that).
    #[must_use]
    pub fn gross(&self) -> Option<Belopp> {
        self.stated(AmountField::Brutto)?.belopp()
    }

    /// The tax. FK: `skattebelopp`. PM (which states no tax total): the sum of the
    /// `avdrag` rows of a tax type (`PM:PS`, `PM:SS`; see [`RowType::klass`]), `None`
    /// when the payment has no `avdrag` list.
    #[must_use]
    pub fn tax(&self) -> Option<Belopp> {
        match self.source {
            PaymentSource::Fk(_) => self.stated(AmountField::Skatt)?.belopp(),
            PaymentSource::Pm(p) => pm_sum(p.avdrag.as_deref()?, |a| {
                pm_avdrag_klass(a.avdragstyp.as_ref().map(|t| &t.kod)) == BeloppsKlass::Skatt
            }),
        }
    }

    /// All deductions, tax included. FK: `avdragsbelopp` (which the contract says
    /// includes `skattebelopp`). PM: the sum of the `avdrag` rows, `None` when the payment
    /// has no `avdrag` list.
    #[must_use]
    pub fn deductions(&self) -> Option<Belopp> {
        match self.source {
            PaymentSource::Fk(_) => self.stated(AmountField::Avdrag)?.belopp(),
            PaymentSource::Pm(p) => pm_sum(p.avdrag.as_deref()?, |_| true),
        }
    }

    /// The net amount (`nettobelopp`), what is actually paid.
    #[must_use]
    pub fn net(&self) -> Option<Belopp> {
        self.stated(AmountField::Netto)?.belopp()
    }

    /// The rows: FK `utbetalningsdetalj`; PM `utbetalningsrader` then `avdrag`.
    #[must_use]
    pub fn rows(&self) -> Rows<'a> {
        let inner = match self.source {
            PaymentSource::Fk(u) => {
                RowsInner::Fk(u.utbetalningsdetalj.as_deref().unwrap_or_default().iter())
            }
            PaymentSource::Pm(p) => RowsInner::Pm(
                p.utbetalningsrader.as_deref().unwrap_or_default().iter(),
                p.avdrag.as_deref().unwrap_or_default().iter(),
            ),
        };
        Rows { inner }
    }

    /// Forgets the status in the type (for mixed lists).
    #[must_use]
    pub fn into_any(self) -> AnyPayment<'a> {
        S::into_any(self)
    }
}

/// Σ of PM `avdrag` amounts matching `keep` in SEK; `None` on overflow.
fn pm_sum(
    avdrag: &[LefiPmFormanUtbetalningAvdrag],
    keep: impl Fn(&LefiPmFormanUtbetalningAvdrag) -> bool,
) -> Option<Belopp> {
    avdrag
        .iter()
        .filter(|a| keep(a))
        .try_fold(Decimal::ZERO, |sum, a| {
            sum.checked_add(Decimal::from(a.belopp.unwrap_or(0)))
        })
        .map(Belopp::sek)
}

/// A payment of either status, for iterating over all of them; match on it to get the
/// typed [`Payment`].
///
/// ```
/// use lefi::model::lefi::LefiExternFormansinformationSvar;
/// use lefi::model::payments::{AnyPayment, PaymentStatus};
///
/// let svar: LefiExternFormansinformationSvar =
///     lefi::wire::lefi_json::from_slice(include_bytes!(concat!(
///         env!("CARGO_MANIFEST_DIR"), "/examples/data/lefi-v9-svar.json")))?;
/// let preliminary = svar.payments().filter(|p| p.status() == PaymentStatus::Preliminary).count();
/// assert_eq!(preliminary, 2);
/// for payment in svar.payments() {
///     match payment {
///         AnyPayment::Executed(p) => assert!(p.net().is_some()),
///         AnyPayment::Preliminary(p) => assert!(p.date().is_some()),
///     }
/// }
/// # Ok::<(), lefi::wire::lefi_json::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AnyPayment<'a> {
    /// A preliminary (registered, not yet effectuated) payment.
    Preliminary(Payment<'a, Preliminary>),
    /// An executed (effectuated) payment.
    Executed(Payment<'a, Executed>),
}

macro_rules! forward {
    ($($(#[$doc:meta])* $name:ident -> $ret:ty;)+) => {$(
        $(#[$doc])*
        #[must_use]
        pub fn $name(&self) -> $ret {
            match self {
                Self::Preliminary(p) => p.$name(),
                Self::Executed(p) => p.$name(),
            }
        }
    )+};
}

impl<'a> AnyPayment<'a> {
    forward! {
        /// See [`Payment::status`].
        status -> PaymentStatus;
        /// See [`Payment::location`].
        location -> PaymentLocation;
        /// See [`Payment::source`].
        source -> PaymentSource<'a>;
        /// See [`Payment::utlamnare`].
        utlamnare -> UtlamnareKod;
        /// See [`Payment::utbetalare`].
        utbetalare -> Option<UtlamnareKod>;
        /// See [`Payment::foretag`].
        foretag -> Option<Result<Foretag, ParseCodeError>>;
        /// See [`Payment::date`].
        date -> Option<PaymentDate<'a>>;
        /// See [`Payment::period`].
        period -> Option<PaymentPeriod<'a>>;
        /// See [`Payment::gross`].
        gross -> Option<Belopp>;
        /// See [`Payment::tax`].
        tax -> Option<Belopp>;
        /// See [`Payment::deductions`].
        deductions -> Option<Belopp>;
        /// See [`Payment::net`].
        net -> Option<Belopp>;
        /// See [`Payment::rows`].
        rows -> Rows<'a>;
        /// See [`Payment::check`].
        check -> Vec<super::Violation>;
    }

    /// See [`Payment::stated`].
    #[must_use]
    pub fn stated(&self, field: AmountField) -> Option<StatedAmount> {
        match self {
            Self::Preliminary(p) => p.stated(field),
            Self::Executed(p) => p.stated(field),
        }
    }

    /// The payment when it is preliminary.
    #[must_use]
    pub fn preliminary(self) -> Option<Payment<'a, Preliminary>> {
        match self {
            Self::Preliminary(p) => Some(p),
            Self::Executed(_) => None,
        }
    }

    /// The payment when it is executed.
    #[must_use]
    pub fn executed(self) -> Option<Payment<'a, Executed>> {
        match self {
            Self::Executed(p) => Some(p),
            Self::Preliminary(_) => None,
        }
    }
}
