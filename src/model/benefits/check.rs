//! The invariants of cases and decisions: [`BenefitViolation`].
//!
//! | rule | what is checked |
//! |---|---|
//! | period order | a period's end is not before its start |
//! | inside | a decision's parts (`periodbeslut`, `beslutadErsattning`) and paid days lie inside the decision's period |
//! | after start | a decision is not dated before its case started (`fattades` ≥ `startades`) |
//! | open last | an open-ended period is the last of its case (no other decision or part of it starts later) |
//! | degree | paying decisions of the same benefit (and förmånsgrupp) do not overlap with a total degree over 100 % |
//!
//! A decision pays when its outcome is granted, unchanged, changed or not stated and its
//! case is not `avslaget`. All rules are INFER-level (DOMAIN §6): they are reported, and
//! the answer is never rejected.

use core::fmt;

use chrono::NaiveDate;
use rust_decimal::Decimal;

use super::Benefits;
use super::view::{BenefitCase, Decision, first_day, last_day, percent};
use crate::codes::FormanGrupp;
use crate::model::payments::PaymentDate;
use crate::period::FranTill;

/// What is wrong.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum BenefitViolationKind {
    /// The period ends before it starts.
    PeriodReversed,
    /// A part or a paid day lies (partly) outside its decision's period.
    OutsideDecision,
    /// The decision is dated before its case started.
    DecidedBeforeCaseStarted,
    /// An open-ended period is followed by a later one in the same case.
    OpenPeriodNotLast {
        /// The path of the later period.
        later: String,
    },
    /// Overlapping paying periods of the same benefit add up to more than 100 %.
    DegreeOver100 {
        /// The total degree as a share of 1.
        total: Decimal,
        /// The paths of the periods this one overlaps.
        with: Vec<String>,
    },
}

impl fmt::Display for BenefitViolationKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::PeriodReversed => f.write_str("the period ends before it starts"),
            Self::OutsideDecision => f.write_str("lies outside the decision's period"),
            Self::DecidedBeforeCaseStarted => f.write_str("decided before the case started"),
            Self::OpenPeriodNotLast { later } => {
                write!(f, "open-ended period is followed by {later}")
            }
            Self::DegreeOver100 { total, with } => write!(
                f,
                "overlaps {} with a total degree of {} %",
                with.join(", "),
                percent(*total)
            ),
        }
    }
}

/// One broken invariant: the JSON path and what is wrong. `Display` is `path: what`, with
/// paths, dates and degrees only.
///
/// ```
/// use lefi::model::lefi::LefiExternFormansinformationSvar;
/// let svar: LefiExternFormansinformationSvar = lefi::wire::lefi_json::from_slice(
///     br#"{"formansinformation":{"sjukpenningarende":[{"beslut":[
///         {"period":{"fran":"2024-01-01","till":"2024-01-31"},"omfattning":{"taljare":1,"namnare":2}},
///         {"period":{"fran":"2024-01-15","till":"2024-02-15"},"omfattning":{"taljare":3,"namnare":4}}]}]}}"#)?;
/// let v = svar.benefits().check();
/// assert_eq!(v.len(), 1);
/// assert_eq!(v[0].to_string(), "formansinformation.sjukpenningarende[0].beslut[1]: overlaps \
///     formansinformation.sjukpenningarende[0].beslut[0] with a total degree of 125 %");
/// # Ok::<(), lefi::wire::lefi_json::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct BenefitViolation {
    path: String,
    kind: BenefitViolationKind,
}

impl BenefitViolation {
    /// The JSON path of the period, decision or day.
    #[must_use]
    pub fn path(&self) -> &str {
        &self.path
    }

    /// What is wrong.
    #[must_use]
    pub fn kind(&self) -> &BenefitViolationKind {
        &self.kind
    }
}

impl fmt::Display for BenefitViolation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.path, self.kind)
    }
}

/// A benefit and förmånsgrupp: what the degree rule and the timeline group by.
pub(super) type BenefitKey = (super::Benefit, Option<FormanGrupp>);

/// A period of a decision or one of its parts, with its path.
struct Span<'v, 'a> {
    decision: &'v Decision<'a>,
    part: Option<usize>,
    period: FranTill,
}

impl Span<'_, '_> {
    fn path(&self) -> String {
        match self.part.and_then(|i| self.decision.parts().get(i)) {
            Some(p) => {
                let (list, i) = p.position();
                self.decision.location().item_path(list, i)
            }
            None => self.decision.location().to_string(),
        }
    }

    fn start(&self) -> NaiveDate {
        first_day(&self.period).unwrap_or(NaiveDate::MIN)
    }

    fn end(&self) -> NaiveDate {
        last_day(&self.period).unwrap_or(NaiveDate::MAX)
    }
}

/// The periods of a case: each decision's own and each part's.
fn spans<'v, 'a>(case: &'v BenefitCase<'a>) -> Vec<Span<'v, 'a>> {
    let mut out = Vec::new();
    for d in case.decisions() {
        if let Some(period) = d.period() {
            out.push(Span {
                decision: d,
                part: None,
                period,
            });
        }
        for (i, p) in d.parts().iter().enumerate() {
            if let Some(period) = p.period() {
                out.push(Span {
                    decision: d,
                    part: Some(i),
                    period,
                });
            }
        }
    }
    out
}

fn inside(outer: &FranTill, inner: &FranTill) -> bool {
    let starts_ok = match (first_day(outer), first_day(inner)) {
        (Some(o), Some(i)) => i >= o,
        (Some(_), None) => false,
        (None, _) => true,
    };
    let ends_ok = match (last_day(outer), last_day(inner)) {
        (Some(o), Some(i)) => i <= o,
        (Some(_), None) => outer.till().is_none(),
        (None, _) => true,
    };
    starts_ok && ends_ok
}

fn check_case(case: &BenefitCase<'_>, out: &mut Vec<BenefitViolation>) {
    let mut push = |path: String, kind| out.push(BenefitViolation { path, kind });
    let spans = spans(case);
    for s in &spans {
        if let (Some(a), Some(b)) = (first_day(&s.period), last_day(&s.period)) {
            if b < a {
                push(s.path(), BenefitViolationKind::PeriodReversed);
            }
        }
        if s.period.till().is_none() && s.period.fran().is_some() {
            if let Some(later) = spans
                .iter()
                .filter(|o| o.part.is_some() == s.part.is_some())
                .find(|o| o.start() > s.start())
            {
                let later = later.path();
                push(s.path(), BenefitViolationKind::OpenPeriodNotLast { later });
            }
        }
    }
    let started = case.started().and_then(|d| d.as_date());
    for d in case.decisions() {
        let decided = d.decided().and_then(|x| x.as_date());
        if let (Some(s), Some(x)) = (started, decided) {
            if x < s {
                push(
                    d.location().to_string(),
                    BenefitViolationKind::DecidedBeforeCaseStarted,
                );
            }
        }
        let Some(period) = d.period() else { continue };
        for p in d.parts() {
            if p.period().is_some_and(|pp| !inside(&period, &pp)) {
                let (list, i) = p.position();
                push(
                    d.location().item_path(list, i),
                    BenefitViolationKind::OutsideDecision,
                );
            }
        }
        for day in d.day_amounts() {
            if let Some(PaymentDate::Date(date)) = day.date() {
                if !period.contains(date) {
                    let (list, i) = day.position();
                    push(
                        d.location().item_path(list, i),
                        BenefitViolationKind::OutsideDecision,
                    );
                }
            }
        }
    }
}

/// The paying periods of a benefit with a degree: the decision's parts when it has
/// parts with periods, else its own period.
fn paying<'v, 'a>(cases: &[&'v BenefitCase<'a>]) -> Vec<(Span<'v, 'a>, Decimal)> {
    let mut out = Vec::new();
    for case in cases {
        if case.refused() == Some(true) {
            continue;
        }
        for d in case
            .decisions()
            .iter()
            .filter(|d| d.outcome().class().pays())
        {
            let parts: Vec<_> = d
                .parts()
                .iter()
                .enumerate()
                .filter_map(|(i, p)| {
                    let share = p.degree().or(d.degree())?.fraction()?;
                    Some((
                        Span {
                            decision: d,
                            part: Some(i),
                            period: p.period()?,
                        },
                        share,
                    ))
                })
                .collect();
            if d.parts().iter().any(|p| p.period().is_some()) {
                out.extend(parts);
            } else if let (Some(period), Some(share)) =
                (d.period(), d.degree().and_then(|g| g.fraction()))
            {
                out.push((
                    Span {
                        decision: d,
                        part: None,
                        period,
                    },
                    share,
                ));
            }
        }
    }
    out
}

fn check_degrees(cases: &[&BenefitCase<'_>], out: &mut Vec<BenefitViolation>) {
    let spans = paying(cases);
    for (i, (s, share)) in spans.iter().enumerate() {
        let start = s.start();
        let covering: Vec<_> = spans
            .iter()
            .enumerate()
            .filter(|(j, (o, _))| {
                *j != i && o.start() <= start && start <= o.end() && (o.start() < start || *j < i)
            })
            .collect();
        let total = covering
            .iter()
            .try_fold(*share, |sum, (_, (_, x))| sum.checked_add(*x));
        if let Some(total) = total.filter(|t| *t > Decimal::ONE) {
            let with = covering.iter().map(|(_, (o, _))| o.path()).collect();
            out.push(BenefitViolation {
                path: s.path(),
                kind: BenefitViolationKind::DegreeOver100 { total, with },
            });
        }
    }
}

impl Benefits<'_> {
    /// The invariants of every case (period order, parts and paid days inside their
    /// decision, not decided before the case started, open periods last; see
    /// [`BenefitViolationKind`]), in case order, then the degree rule per benefit: paying
    /// decisions of one benefit never overlap with a total degree over 100 %. Empty when
    /// all hold; the answer is never rejected.
    #[must_use]
    pub fn check(&self) -> Vec<BenefitViolation> {
        let mut out = Vec::new();
        for case in self.cases() {
            check_case(case, &mut out);
        }
        for (_, cases) in self.by_benefit() {
            check_degrees(&cases, &mut out);
        }
        out
    }

    /// The cases grouped by benefit and förmånsgrupp, in table order.
    pub(super) fn by_benefit(&self) -> Vec<(BenefitKey, Vec<&BenefitCase<'_>>)> {
        let mut groups: Vec<(BenefitKey, Vec<&BenefitCase<'_>>)> = Vec::new();
        for case in self.cases() {
            let key = (case.benefit(), case.group());
            match groups.iter_mut().find(|(k, _)| *k == key) {
                Some((_, list)) => list.push(case),
                None => groups.push((key, vec![case])),
            }
        }
        groups
    }
}
