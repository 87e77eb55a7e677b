//! The case and decision view: [`BenefitCase`], [`Decision`] and their small value types.

use core::fmt;

use chrono::NaiveDate;
use rust_decimal::Decimal;

use super::table::Benefit;
use crate::codes::{
    FkBeslutstatus, FkBeslutstyp, FkBeslutsutfall, FormanGrupp, MekBeslutsutfall, OmvBeslutsutfall,
    Periodicitet, PmBeloppFrekvens, PmBeslutStatus, PmBeslutUtfall,
};
use crate::model::payments::{Omfattning, PaymentDate, StatedAmount};
use crate::period::FranTill;

/// Where a case is in the answer: its list and index. `Display` is the JSON path the
/// checks write (`formansinformation.sjukpenningarende[0]`, `beslut[2]` for a
/// Pensionsmyndigheten decision).
///
/// ```
/// use lefi::model::benefits::{Benefit, CaseLocation};
/// assert_eq!(CaseLocation::new(Benefit::Sjukpenning, 0).to_string(), "formansinformation.sjukpenningarende[0]");
/// assert_eq!(CaseLocation::new(Benefit::PmBeslut, 2).to_string(), "beslut[2]");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct CaseLocation {
    benefit: Benefit,
    index: usize,
}

impl CaseLocation {
    /// The case at `index` of the benefit's list.
    #[must_use]
    pub const fn new(benefit: Benefit, index: usize) -> Self {
        Self { benefit, index }
    }

    /// The benefit (which list).
    #[must_use]
    pub const fn benefit(&self) -> Benefit {
        self.benefit
    }

    /// The index within the list.
    #[must_use]
    pub const fn index(&self) -> usize {
        self.index
    }
}

impl fmt::Display for CaseLocation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}[{}]", self.benefit.json_path(), self.index)
    }
}

/// Where a decision is: its case and, for cases with a list of decisions, its index.
/// `Display` is the JSON path (`…sjukpenningarende[0].beslut[1]`; `…arende[0].beslut` for
/// the single decision of omvårdnadsbidrag and merkostnadsersättning; the case's own path
/// for a Pensionsmyndigheten decision, which is its own case).
///
/// ```
/// use lefi::model::benefits::{Benefit, CaseLocation, DecisionLocation};
/// let case = CaseLocation::new(Benefit::Sjukpenning, 0);
/// assert_eq!(DecisionLocation::new(case, Some(1)).to_string(), "formansinformation.sjukpenningarende[0].beslut[1]");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct DecisionLocation {
    case: CaseLocation,
    index: Option<usize>,
}

impl DecisionLocation {
    /// Decision `index` of the case's `beslut` list (`None`: the single `beslut`, or the
    /// case itself for PM).
    #[must_use]
    pub const fn new(case: CaseLocation, index: Option<usize>) -> Self {
        Self { case, index }
    }

    /// The case.
    #[must_use]
    pub const fn case(&self) -> CaseLocation {
        self.case
    }

    /// The index in the case's `beslut` list.
    #[must_use]
    pub const fn index(&self) -> Option<usize> {
        self.index
    }

    /// The path of item `index` of the decision's list `list` (a part or a paid day).
    ///
    /// ```
    /// use lefi::model::benefits::{Benefit, CaseLocation, DecisionLocation};
    /// let d = DecisionLocation::new(CaseLocation::new(Benefit::Omvardnadsbidrag, 0), None);
    /// assert_eq!(d.item_path("periodbeslut", 1), "formansinformation.omvardnadsbidragsarende[0].beslut.periodbeslut[1]");
    /// ```
    #[must_use]
    pub fn item_path(&self, list: &str, index: usize) -> String {
        format!("{self}.{list}[{index}]")
    }
}

impl fmt::Display for DecisionLocation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (self.index, self.case.benefit) {
            (_, Benefit::PmBeslut) => write!(f, "{}", self.case),
            (Some(i), _) => write!(f, "{}.beslut[{i}]", self.case),
            (None, _) => write!(f, "{}.beslut", self.case),
        }
    }
}

/// What a decision decided, in the contract's own words: the typed code of the list the
/// benefit uses, or [`NotStated`](Self::NotStated) for benefits whose decisions carry no
/// outcome (their lists hold granted decisions).
///
/// ```
/// use lefi::codes::{FkBeslutsutfall, OmvBeslutsutfall};
/// use lefi::model::benefits::{Outcome, OutcomeClass};
/// assert_eq!(Outcome::Fk(FkBeslutsutfall::Avslag).class(), OutcomeClass::Refused);
/// assert_eq!(Outcome::Omv(OmvBeslutsutfall::Andring).class(), OutcomeClass::Changed);
/// assert_eq!(Outcome::Omv(OmvBeslutsutfall::Andring).to_string(), "ANDRING");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Outcome {
    /// Sjukpenning, förebyggande sjukpenning, rehabiliteringsersättning (`beslutsutfall`).
    Fk(FkBeslutsutfall),
    /// Omvårdnadsbidrag (`beslutsutfall.id`).
    Omv(OmvBeslutsutfall),
    /// Merkostnadsersättning (`beslutsutfall.id`).
    Mek(MekBeslutsutfall),
    /// Pensionsmyndigheten (`beslutsutfall.kod`).
    Pm(PmBeslutUtfall),
    /// A numeric outcome not in the benefit's list, kept as received.
    UnknownId(i64),
    /// An outcome is stated but is not a code at all (empty, over 64 characters, control
    /// characters); its text is not kept. Its class is [`OutcomeClass::Unknown`]: it does
    /// not count as paying.
    Unreadable,
    /// The decision states no outcome.
    NotStated,
}

/// The class of an [`Outcome`]: granted, refused, changed, ended and the rest.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
pub enum OutcomeClass {
    /// Granted (`BEVILJAN`, `BEVILJANDE`, `BIFALL`).
    Granted,
    /// Unchanged (`OFORANDRAD`): the benefit continues as before.
    Unchanged,
    /// Changed or reduced (`ANDRING`, `MINSKNING`).
    Changed,
    /// Refused (`AVSLAG`).
    Refused,
    /// Ended (`UPPHORANDE`).
    Ended,
    /// Dismissed or written off (`AVVISNING`, `AVSKRIVNING`).
    Dismissed,
    /// Not stated; the benefit's lists hold granted decisions.
    NotStated,
    /// A code not in the list.
    Unknown,
}

impl OutcomeClass {
    /// `granted`, `unchanged`, `changed`, `refused`, `ended`, `dismissed`, `not-stated`,
    /// `unknown`.
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::Granted => "granted",
            Self::Unchanged => "unchanged",
            Self::Changed => "changed",
            Self::Refused => "refused",
            Self::Ended => "ended",
            Self::Dismissed => "dismissed",
            Self::NotStated => "not-stated",
            Self::Unknown => "unknown",
        }
    }

    /// Whether a decision of this class pays the benefit for its period (granted,
    /// unchanged, changed, or not stated).
    #[must_use]
    pub const fn pays(self) -> bool {
        matches!(
            self,
            Self::Granted | Self::Unchanged | Self::Changed | Self::NotStated
        )
    }
}

impl Outcome {
    /// The class.
    #[must_use]
    pub fn class(&self) -> OutcomeClass {
        use OutcomeClass as C;
        match self {
            Self::Fk(FkBeslutsutfall::Beviljan) | Self::Pm(PmBeslutUtfall::Bifall) => C::Granted,
            Self::Omv(OmvBeslutsutfall::Beviljande) | Self::Mek(MekBeslutsutfall::Beviljande) => {
                C::Granted
            }
            Self::Fk(FkBeslutsutfall::Avslag) | Self::Pm(PmBeslutUtfall::Avslag) => C::Refused,
            Self::Omv(OmvBeslutsutfall::Avslag) | Self::Mek(MekBeslutsutfall::Avslag) => C::Refused,
            Self::Omv(OmvBeslutsutfall::Oforandrad) | Self::Mek(MekBeslutsutfall::Oforandrad) => {
                C::Unchanged
            }
            Self::Omv(OmvBeslutsutfall::Andring)
            | Self::Mek(MekBeslutsutfall::Andring | MekBeslutsutfall::Minskning) => C::Changed,
            Self::Omv(OmvBeslutsutfall::Upphorande) | Self::Mek(MekBeslutsutfall::Upphorande) => {
                C::Ended
            }
            Self::Omv(OmvBeslutsutfall::Avvisning | OmvBeslutsutfall::Avskrivning)
            | Self::Mek(MekBeslutsutfall::Avvisning | MekBeslutsutfall::Avskrivning) => {
                C::Dismissed
            }
            Self::NotStated => C::NotStated,
            _ => C::Unknown,
        }
    }
}

/// The contract's name of the outcome (`BEVILJAN`, `AVSLAG`, `BIFALL`, `UPPHORANDE`), the
/// raw code for an unknown one, `?` for one that is not a code, `-` when not stated.
impl fmt::Display for Outcome {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Fk(o) => f.write_str(o.code()),
            Self::Omv(o) => f.write_str(o.description()),
            Self::Mek(o) => f.write_str(o.description()),
            Self::Pm(o) => f.write_str(o.code()),
            Self::UnknownId(id) => write!(f, "{id}"),
            Self::Unreadable => f.write_str("?"),
            Self::NotStated => f.write_str("-"),
        }
    }
}

/// Whether a decision is final or provisional, as the benefit's list says it.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum DecisionStatus {
    /// `beslutstyp` of sjukpenning, förebyggande sjukpenning, rehabiliteringsersättning.
    Fk(FkBeslutstyp),
    /// `beslutstatus` of omvårdnadsbidrag and merkostnadsersättning.
    FkStatus(FkBeslutstatus),
    /// Pensionsmyndigheten's `beslutsstatus`.
    Pm(PmBeslutStatus),
}

impl DecisionStatus {
    /// The wire code.
    #[must_use]
    pub fn code(&self) -> &str {
        match self {
            Self::Fk(s) => s.code(),
            Self::FkStatus(s) => s.code(),
            Self::Pm(s) => s.code(),
        }
    }
}

/// A degree (*omfattning*): FK's fraction `taljare/namnare` or PM's decimal share.
///
/// ```
/// use lefi::model::benefits::Degree;
/// use lefi::model::payments::Omfattning;
/// use rust_decimal::Decimal;
/// assert_eq!(Degree::Fraction(Omfattning::new(1, 2)).fraction(), Some(Decimal::new(5, 1)));
/// assert_eq!(Degree::Fraction(Omfattning::new(3, 4)).to_string(), "75 %");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Degree {
    /// FK `LefiOmfattning`.
    Fraction(Omfattning),
    /// PM `omfattning` (0..1).
    Decimal(Decimal),
}

impl Degree {
    /// The degree as an exact share of 1 (`None` when FK's fraction is unset).
    #[must_use]
    pub fn fraction(&self) -> Option<Decimal> {
        match self {
            Self::Fraction(o) => o.fraction(),
            Self::Decimal(d) => Some(*d),
        }
    }
}

/// Percent with up to two decimals (`75 %`, `33.33 %`), or the fraction as stated when it
/// has no value.
impl fmt::Display for Degree {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (self.fraction(), self) {
            (Some(share), _) => write!(f, "{} %", percent(share)),
            (None, Self::Fraction(o)) => write!(f, "{o}"),
            (None, Self::Decimal(d)) => write!(f, "{d}"),
        }
    }
}

/// A share of 1 as percent, rounded to two decimals, without trailing zeros.
pub(crate) fn percent(share: Decimal) -> Decimal {
    share
        .checked_mul(Decimal::ONE_HUNDRED)
        .unwrap_or(share)
        .round_dp(2)
        .normalize()
}

/// How often an amount is paid.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
pub enum Frequency {
    /// Per day (the per-day amounts of a decision, PM `DAG`).
    Day,
    /// Per week (PM `VECKA`).
    Week,
    /// Per month (FK periodicitet 1, PM `MANAD`).
    Month,
    /// Per quarter (FK 2, PM `KVARTAL`).
    Quarter,
    /// Per half year (FK 3, PM `HALVAR`).
    HalfYear,
    /// Per year (FK 4, PM `AR`).
    Year,
    /// Once (PM `ENGANGS`).
    Once,
    /// No periodicity (FK 0 *Ingen*) or none stated.
    Unspecified,
    /// A periodicity is stated but is not in the list.
    Unknown,
}

impl Frequency {
    /// `day`, `week`, `month`, `quarter`, `half-year`, `year`, `once`, `unspecified`,
    /// `unknown`.
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::Day => "day",
            Self::Week => "week",
            Self::Month => "month",
            Self::Quarter => "quarter",
            Self::HalfYear => "half-year",
            Self::Year => "year",
            Self::Once => "once",
            Self::Unspecified => "unspecified",
            Self::Unknown => "unknown",
        }
    }

    /// FK's `periodicitet.id`: none stated is [`Unspecified`](Self::Unspecified), an id not
    /// in the list [`Unknown`](Self::Unknown).
    pub(super) fn of_fk(id: Option<i64>) -> Self {
        let Some(id) = id else {
            return Self::Unspecified;
        };
        match u32::try_from(id)
            .ok()
            .and_then(|id| Periodicitet::from_id(id).ok())
        {
            Some(Periodicitet::Ingen) => Self::Unspecified,
            Some(Periodicitet::Manadsvis) => Self::Month,
            Some(Periodicitet::Kvartalsvis) => Self::Quarter,
            Some(Periodicitet::Halvarsvis) => Self::HalfYear,
            Some(Periodicitet::Arsvis) => Self::Year,
            None => Self::Unknown,
        }
    }

    pub(super) fn of_pm(p: PmBeloppFrekvens) -> Self {
        match p {
            PmBeloppFrekvens::Ar => Self::Year,
            PmBeloppFrekvens::Halvar => Self::HalfYear,
            PmBeloppFrekvens::Kvartal => Self::Quarter,
            PmBeloppFrekvens::Manad => Self::Month,
            PmBeloppFrekvens::Vecka => Self::Week,
            PmBeloppFrekvens::Dag => Self::Day,
            _ => Self::Once,
        }
    }
}

/// What a stated amount means.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
pub enum AmountMeaning {
    /// FK `beslutatBruttobelopp`: the decided gross amount.
    DecidedGross,
    /// FK `samordnatBruttobelopp`: the gross amount after coordination.
    CoordinatedGross,
    /// PM `beslutatBelopp.belopp`: the decided amount.
    Decided,
    /// A per-day amount (`ersattningsbelopp`, `bruttobelopp`, `bedomtBelopp`, `belopp` of
    /// a day entry).
    PerDay,
}

impl AmountMeaning {
    /// `decided-gross`, `coordinated-gross`, `decided`, `per-day`.
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::DecidedGross => "decided-gross",
            Self::CoordinatedGross => "coordinated-gross",
            Self::Decided => "decided",
            Self::PerDay => "per-day",
        }
    }
}

/// An amount a decision states: what it means, how often it is paid, the exact amount,
/// and the JSON property it was read from (relative to the decision or part).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct DecisionAmount {
    pub(super) meaning: AmountMeaning,
    pub(super) frequency: Frequency,
    pub(super) amount: StatedAmount,
    pub(super) field: &'static str,
}

impl DecisionAmount {
    /// What the amount means.
    #[must_use]
    pub const fn meaning(&self) -> AmountMeaning {
        self.meaning
    }

    /// How often it is paid.
    #[must_use]
    pub const fn frequency(&self) -> Frequency {
        self.frequency
    }

    /// The amount as stated (exact).
    #[must_use]
    pub const fn amount(&self) -> StatedAmount {
        self.amount
    }

    /// The JSON property, relative to the decision (`beslutatBruttobelopp`) or part
    /// (`beslutatBelopp.belopp`).
    #[must_use]
    pub const fn field(&self) -> &'static str {
        self.field
    }
}

/// A basis figure of a decision or case (*underlag*): an amount, a fraction, a number.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum BasisValue {
    /// An amount.
    Amount(StatedAmount),
    /// A fraction (`LefiOmfattning`).
    Fraction(Omfattning),
    /// A decimal (a factor, a percentage).
    Decimal(Decimal),
    /// A whole number (PM's whole kronor, days).
    Integer(i64),
}

/// One basis figure and the JSON property it was read from (relative to the decision or
/// part, e.g. `underlag.faktor`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct BasisFigure {
    pub(super) field: &'static str,
    pub(super) value: BasisValue,
}

impl BasisFigure {
    /// The JSON property (relative).
    #[must_use]
    pub const fn field(&self) -> &'static str {
        self.field
    }

    /// The value.
    #[must_use]
    pub const fn value(&self) -> BasisValue {
        self.value
    }
}

/// One paid day of a decision (`ersattningsdagar`, `bedomdadagar`): date, amount and
/// karensavdrag where stated.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DayAmount<'a> {
    pub(super) index: usize,
    pub(super) list: &'static str,
    pub(super) date: Option<PaymentDate<'a>>,
    pub(super) amount: Option<StatedAmount>,
    pub(super) karensavdrag: Option<StatedAmount>,
}

impl<'a> DayAmount<'a> {
    /// The list (`ersattningsdagar`, `bedomdadagar`) and index within the decision.
    #[must_use]
    pub const fn position(&self) -> (&'static str, usize) {
        (self.list, self.index)
    }

    /// The day (free text in the contract; read as a date when it is one).
    #[must_use]
    pub const fn date(&self) -> Option<PaymentDate<'a>> {
        self.date
    }

    /// The day's amount.
    #[must_use]
    pub const fn amount(&self) -> Option<StatedAmount> {
        self.amount
    }

    /// The day's karensavdrag (sjukpenning, förebyggande sjukpenning, rehabilitering).
    #[must_use]
    pub const fn karensavdrag(&self) -> Option<StatedAmount> {
        self.karensavdrag
    }
}

/// A part of a decision with its own period: omvårdnadsbidrag and merkostnadsersättning
/// `periodbeslut`, Pensionsmyndigheten's `beslutadErsattning`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DecisionPart {
    pub(super) list: &'static str,
    pub(super) index: usize,
    pub(super) period: Option<FranTill>,
    pub(super) degree: Option<Degree>,
    pub(super) share: Option<Omfattning>,
    pub(super) amount: Option<DecisionAmount>,
    pub(super) basis: Vec<BasisFigure>,
}

impl DecisionPart {
    /// The list (`periodbeslut`, `beslutadErsattning`) and index within the decision.
    #[must_use]
    pub const fn position(&self) -> (&'static str, usize) {
        (self.list, self.index)
    }

    /// The period (PM's `tom` may be open).
    #[must_use]
    pub const fn period(&self) -> Option<FranTill> {
        self.period
    }

    /// The degree.
    #[must_use]
    pub const fn degree(&self) -> Option<Degree> {
        self.degree
    }

    /// The parent's share (`andel`) of omvårdnadsbidrag and merkostnadsersättning.
    #[must_use]
    pub const fn share(&self) -> Option<Omfattning> {
        self.share
    }

    /// PM's decided amount with its frequency.
    #[must_use]
    pub const fn amount(&self) -> Option<DecisionAmount> {
        self.amount
    }

    /// PM's basis figures (`underlag.samordning.beloppForeSamordning`, …).
    #[must_use]
    pub fn basis(&self) -> &[BasisFigure] {
        &self.basis
    }
}

/// One decision, borrowed from the answer: outcome, status, date, period, degree, amounts
/// with their meaning, basis figures, flags, its parts and paid days. It holds no
/// identity: persons named in a decision's *underlag* (children, co-applicants) are not
/// part of the view.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decision<'a> {
    pub(super) location: DecisionLocation,
    pub(super) group: Option<FormanGrupp>,
    pub(super) outcome: Outcome,
    pub(super) status: Option<DecisionStatus>,
    pub(super) decided: Option<PaymentDate<'a>>,
    pub(super) definitive: Option<bool>,
    pub(super) karens: Option<bool>,
    pub(super) period: Option<FranTill>,
    pub(super) degree: Option<Degree>,
    pub(super) days: Option<i64>,
    pub(super) amounts: Vec<DecisionAmount>,
    pub(super) basis: Vec<BasisFigure>,
    pub(super) parts: Vec<DecisionPart>,
    pub(super) day_amounts: Vec<DayAmount<'a>>,
}

impl<'a> Decision<'a> {
    /// Where the decision is.
    #[must_use]
    pub const fn location(&self) -> DecisionLocation {
        self.location
    }

    /// The förmånsgrupp: the benefit's (FK) or the decision's own `formansgrupp` (PM).
    #[must_use]
    pub const fn group(&self) -> Option<FormanGrupp> {
        self.group
    }

    /// The outcome as the contract names it.
    #[must_use]
    pub const fn outcome(&self) -> &Outcome {
        &self.outcome
    }

    /// Final or provisional, where the benefit states it.
    #[must_use]
    pub const fn status(&self) -> Option<&DecisionStatus> {
        self.status.as_ref()
    }

    /// The decision date (`fattades`, PM `beslutsdatum`).
    #[must_use]
    pub const fn decided(&self) -> Option<PaymentDate<'a>> {
        self.decided
    }

    /// `definitivt`: final (can be appealed, never provisional).
    #[must_use]
    pub const fn definitive(&self) -> Option<bool> {
        self.definitive
    }

    /// `karens`, where the benefit has it.
    #[must_use]
    pub const fn karens(&self) -> Option<bool> {
        self.karens
    }

    /// The period the decision covers (either end may be open or partial). PM decisions
    /// have none of their own: see [`parts`](Self::parts).
    #[must_use]
    pub const fn period(&self) -> Option<FranTill> {
        self.period
    }

    /// The degree (*omfattning*), where the benefit has one.
    #[must_use]
    pub const fn degree(&self) -> Option<Degree> {
        self.degree
    }

    /// `dagar`: the number of days, where the benefit states it.
    #[must_use]
    pub const fn days(&self) -> Option<i64> {
        self.days
    }

    /// The amounts the decision states, with their meaning and frequency.
    #[must_use]
    pub fn amounts(&self) -> &[DecisionAmount] {
        &self.amounts
    }

    /// The basis figures (*underlag*) the decision states.
    #[must_use]
    pub fn basis(&self) -> &[BasisFigure] {
        &self.basis
    }

    /// The parts with their own period (`periodbeslut`, PM `beslutadErsattning`).
    #[must_use]
    pub fn parts(&self) -> &[DecisionPart] {
        &self.parts
    }

    /// The paid days (`ersattningsdagar`, `bedomdadagar`).
    #[must_use]
    pub fn day_amounts(&self) -> &[DayAmount<'a>] {
        &self.day_amounts
    }

    /// The amount per day: the one all paid days state when they agree, else a stated
    /// amount with frequency [`Frequency::Day`].
    #[must_use]
    pub fn daily_amount(&self) -> Option<StatedAmount> {
        let mut days = self.day_amounts.iter().filter_map(DayAmount::amount);
        if let Some(first) = days.next() {
            return days.all(|a| a == first).then_some(first);
        }
        self.amounts
            .iter()
            .find(|a| a.frequency == Frequency::Day)
            .map(DecisionAmount::amount)
    }

    /// The periods the decision pays for, with their degree and daily amount: its parts
    /// when it has parts with a period, else its own period.
    pub(super) fn segments(&self) -> Vec<(FranTill, Option<Degree>, Option<StatedAmount>)> {
        let parts: Vec<_> = self
            .parts
            .iter()
            .filter_map(|p| {
                let daily = p
                    .amount
                    .filter(|a| a.frequency == Frequency::Day)
                    .map(|a| a.amount);
                Some((p.period?, p.degree.or(self.degree), daily))
            })
            .collect();
        if !parts.is_empty() {
            return parts;
        }
        self.period
            .map(|p| (p, self.degree, self.daily_amount()))
            .into_iter()
            .collect()
    }
}

/// One case, borrowed from the answer: benefit, location, start date, flags, decisions.
/// A Pensionsmyndigheten decision (`beslut[i]`) is a case of its own with one decision.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BenefitCase<'a> {
    pub(super) location: CaseLocation,
    pub(super) group: Option<FormanGrupp>,
    pub(super) started: Option<PaymentDate<'a>>,
    pub(super) active: Option<bool>,
    pub(super) refused: Option<bool>,
    pub(super) basis: Vec<BasisFigure>,
    pub(super) decisions: Vec<Decision<'a>>,
}

impl<'a> BenefitCase<'a> {
    /// Where the case is.
    #[must_use]
    pub const fn location(&self) -> CaseLocation {
        self.location
    }

    /// The benefit.
    #[must_use]
    pub const fn benefit(&self) -> Benefit {
        self.location.benefit()
    }

    /// The förmånsgrupp: the benefit's (FK; `None` for the lists without a known group)
    /// or the decision's (PM).
    #[must_use]
    pub const fn group(&self) -> Option<FormanGrupp> {
        self.group
    }

    /// `startades`: normally the day the application arrived.
    #[must_use]
    pub const fn started(&self) -> Option<PaymentDate<'a>> {
        self.started
    }

    /// `aktivt`.
    #[must_use]
    pub const fn active(&self) -> Option<bool> {
        self.active
    }

    /// `avslaget` (also kept where the schema does not define it, as sent).
    #[must_use]
    pub const fn refused(&self) -> Option<bool> {
        self.refused
    }

    /// The case's basis figures (`grunduppgifter` amounts, e.g. annual income before a
    /// work injury).
    #[must_use]
    pub fn basis(&self) -> &[BasisFigure] {
        &self.basis
    }

    /// The decisions, in document order.
    #[must_use]
    pub fn decisions(&self) -> &[Decision<'a>] {
        &self.decisions
    }
}

/// The first day of a period (`None` when open or out of range).
pub(crate) fn first_day(p: &FranTill) -> Option<NaiveDate> {
    p.fran()?.first_day()
}

/// The last day of a period (`None` when open or out of range).
pub(crate) fn last_day(p: &FranTill) -> Option<NaiveDate> {
    p.till()?.last_day()
}
