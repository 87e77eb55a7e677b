//! The timeline: for a period asked about, per benefit, the sub-periods with their total
//! degree and daily amount.

use chrono::NaiveDate;
use rust_decimal::Decimal;

use super::Benefits;
use super::table::Benefit;
use super::view::{BenefitCase, first_day, last_day};
use crate::codes::FormanGrupp;
use crate::model::payments::StatedAmount;
use crate::period::Period;

/// One sub-period of a [`TimelineLine`]: the days on which the same decisions pay.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Segment {
    period: Period,
    degree: Option<Decimal>,
    daily: Option<StatedAmount>,
    decisions: Vec<String>,
}

impl Segment {
    /// The days (inside the period asked about).
    #[must_use]
    pub const fn period(&self) -> Period {
        self.period
    }

    /// The total degree as a share of 1 (`None` when no paying decision states one).
    #[must_use]
    pub const fn degree(&self) -> Option<Decimal> {
        self.degree
    }

    /// The total daily amount, when every paying decision states one in one currency.
    #[must_use]
    pub const fn daily(&self) -> Option<StatedAmount> {
        self.daily
    }

    /// The JSON paths of the decisions (or parts) that pay on these days.
    #[must_use]
    pub fn decisions(&self) -> &[String] {
        &self.decisions
    }
}

/// The sub-periods of one benefit (and förmånsgrupp, for Pensionsmyndigheten).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TimelineLine {
    benefit: Benefit,
    group: Option<FormanGrupp>,
    segments: Vec<Segment>,
}

impl TimelineLine {
    /// The benefit.
    #[must_use]
    pub const fn benefit(&self) -> Benefit {
        self.benefit
    }

    /// The förmånsgrupp.
    #[must_use]
    pub const fn group(&self) -> Option<FormanGrupp> {
        self.group
    }

    /// The sub-periods, in date order.
    #[must_use]
    pub fn segments(&self) -> &[Segment] {
        &self.segments
    }
}

/// One paying period, clipped to the period asked about.
struct Paying {
    from: NaiveDate,
    tom: NaiveDate,
    degree: Option<Decimal>,
    daily: Option<StatedAmount>,
    path: String,
}

fn paying(cases: &[&BenefitCase<'_>], asked: Period) -> Vec<Paying> {
    let mut out = Vec::new();
    for case in cases.iter().filter(|c| c.refused() != Some(true)) {
        for d in case
            .decisions()
            .iter()
            .filter(|d| d.outcome().class().pays())
        {
            for (index, (period, degree, daily)) in d.segments().into_iter().enumerate() {
                let from = first_day(&period).map_or(asked.from(), |f| f.max(asked.from()));
                let tom = last_day(&period)
                    .filter(|_| period.till().is_some())
                    .map_or(asked.tom(), |t| t.min(asked.tom()));
                if from > tom {
                    continue;
                }
                let path = match d.parts().iter().filter(|p| p.period().is_some()).nth(index) {
                    Some(p) => {
                        let (list, i) = p.position();
                        d.location().item_path(list, i)
                    }
                    None => d.location().to_string(),
                };
                let degree = degree.and_then(|g| g.fraction());
                out.push(Paying {
                    from,
                    tom,
                    degree,
                    daily,
                    path,
                });
            }
        }
    }
    out
}

fn sum_daily(covering: &[&Paying]) -> Option<StatedAmount> {
    let mut amounts = covering.iter().map(|p| p.daily);
    let first = amounts.next()??;
    amounts.try_fold(first, |acc, a| {
        let a = a?;
        (a.valuta() == acc.valuta())
            .then(|| acc.summa().checked_add(a.summa()))
            .flatten()
            .map(|s| StatedAmount::new(s, acc.valuta()))
    })
}

fn segments(paying: &[Paying]) -> Vec<Segment> {
    let mut cuts: Vec<NaiveDate> = paying
        .iter()
        .flat_map(|p| [Some(p.from), p.tom.succ_opt()])
        .flatten()
        .collect();
    cuts.sort_unstable();
    cuts.dedup();
    let mut out: Vec<Segment> = Vec::new();
    for w in cuts.windows(2) {
        let (Some(&from), Some(&next)) = (w.first(), w.get(1)) else {
            continue;
        };
        let Some(tom) = next.pred_opt() else { continue };
        let covering: Vec<&Paying> = paying
            .iter()
            .filter(|p| p.from <= from && tom <= p.tom)
            .collect();
        if covering.is_empty() {
            continue;
        }
        let degree = covering
            .iter()
            .filter_map(|p| p.degree)
            .try_fold(None, |acc: Option<Decimal>, d| {
                Some(Some(acc.unwrap_or(Decimal::ZERO).checked_add(d)?))
            })
            .flatten();
        let daily = sum_daily(&covering);
        let decisions: Vec<String> = covering.iter().map(|p| p.path.clone()).collect();
        let Ok(period) = Period::new(from, tom) else {
            continue;
        };
        match out.last_mut() {
            Some(last)
                if last.decisions == decisions
                    && last.degree == degree
                    && last.daily == daily
                    && last.period.tom().succ_opt() == Some(from) =>
            {
                if let Ok(merged) = Period::new(last.period.from(), tom) {
                    last.period = merged;
                }
            }
            _ => out.push(Segment {
                period,
                degree,
                daily,
                decisions,
            }),
        }
    }
    out
}

impl Benefits<'_> {
    /// The timeline for `asked`: per benefit with a paying decision in the period, the
    /// sub-periods on which the same decisions pay, with their total degree and daily
    /// amount. Open ends reach to the end of `asked`; a partial date counts as its whole
    /// month or year.
    ///
    /// ```
    /// use lefi::model::lefi::LefiExternFormansinformationSvar;
    /// use lefi::period::Period;
    /// let svar: LefiExternFormansinformationSvar = lefi::wire::lefi_json::from_slice(
    ///     br#"{"formansinformation":{"sjukpenningarende":[{"beslut":[
    ///         {"period":{"fran":"2024-01-01","till":"2024-01-31"},"omfattning":{"taljare":1,"namnare":2}},
    ///         {"period":{"fran":"2024-01-15"},"omfattning":{"taljare":1,"namnare":4}}]}]}}"#)?;
    /// let asked = Period::new("2024-01-01".parse()?, "2024-02-29".parse()?)?;
    /// let timeline = svar.benefits().timeline(asked);
    /// let degrees: Vec<String> = timeline[0].segments().iter()
    ///     .map(|s| format!("{} {}", s.period(), s.degree().unwrap_or_default().normalize())).collect();
    /// assert_eq!(degrees, ["2024-01-01/2024-01-14 0.5", "2024-01-15/2024-01-31 0.75", "2024-02-01/2024-02-29 0.25"]);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn timeline(&self, asked: Period) -> Vec<TimelineLine> {
        self.by_benefit()
            .into_iter()
            .filter_map(|((benefit, group), cases)| {
                let segments = segments(&paying(&cases, asked));
                (!segments.is_empty()).then_some(TimelineLine {
                    benefit,
                    group,
                    segments,
                })
            })
            .collect()
    }

    /// The days the decisions cover, from the first start to the last end stated (open
    /// ends are not counted); `None` without a dated decision.
    #[must_use]
    pub fn extent(&self) -> Option<Period> {
        let periods = self.decisions().flat_map(|d| {
            d.period()
                .into_iter()
                .chain(d.parts().iter().filter_map(|p| p.period()))
        });
        let (mut from, mut tom): (Option<NaiveDate>, Option<NaiveDate>) = (None, None);
        for p in periods {
            for day in [first_day(&p), last_day(&p)].into_iter().flatten() {
                from = Some(from.map_or(day, |f| f.min(day)));
                tom = Some(tom.map_or(day, |t| t.max(day)));
            }
        }
        Period::new(from?, tom?).ok()
    }
}
