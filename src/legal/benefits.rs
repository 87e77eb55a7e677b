//! The minimised benefits view: every case and decision of an answer and its timeline,
//! without identities, narrowed to what a question asked for when wanted
//! (`lefi decode FILE --format benefits` / `benefits-json`).
//!
//! # JSON shape
//!
//! ```text
//! {
//!   "version": "9",                      // the LEFI version the answer came in
//!   "not_carried": [],                   // paths that version cannot carry (empty for 9)
//!   "narrowed_to": null,                 // or the förmånsgrupper asked for: ["FK:SJP"]
//!   "cases": [{
//!     "path": "formansinformation.sjukpenningarende[0]",
//!     "group": "FK:SJP", "class": "sickness",
//!     "started": "2024-01-29", "active": true, "refused": null,
//!     "basis": [],
//!     "decisions": [{
//!       "path": "formansinformation.sjukpenningarende[0].beslut[0]",
//!       "outcome": "BEVILJAN", "outcome_class": "granted", "status": "SLUTLIGT",
//!       "decided": "2024-02-05", "definitive": true, "karens": true,
//!       "period": {"from": "2024-02-01", "tom": "2024-02-29"},
//!       "degree": "1", "days": 29,
//!       "amounts": [{"meaning": "decided-gross", "frequency": "month",
//!                    "field": "beslutatBruttobelopp", "summa": "1200", "valuta": "SEK"}],
//!       "basis": [{"field": "underlag.faktor", "value": "0.5"}],
//!       "parts": [{"path": "….beslut.periodbeslut[0]", "period": …, "degree": "0.25",
//!                  "share": "0.5", "amount": null}],
//!       "days": [{"path": "….beslut[0].ersattningsdagar[0]", "date": "2024-02-01",
//!                 "amount": {"summa": "812.50", "valuta": "SEK"}, "karensavdrag": null}]
//!     }]
//!   }],
//!   "timeline": {"from": "2024-02-01", "tom": "2024-03-31", "benefits": [{
//!     "list": "formansinformation.sjukpenningarende", "group": "FK:SJP",
//!     "segments": [{"from": "2024-02-01", "tom": "2024-02-29", "degree": "1",
//!                   "daily": null, "decisions": ["…beslut[0]"]}]}]},
//!   "sgi": [{
//!     "path": "formansinformation.sjukpenninggrundandeInkomstuppgift[0]",
//!     "established": "2024-01-15", "kind": 0, "kind_description": "A- eller B-inkomst",
//!     "employment": {"summa": "420000.00", "valuta": "SEK"}, "business": null,
//!     "karens_days": null, "working_days": 260, "working_hours": 2080
//!   }],
//!   "violations": ["path: what"]
//! }
//! ```
//!
//! Degrees are exact shares of 1 and amounts exact decimals, both as JSON strings.
//!
//! The SGI list (sjukpenninggrundande inkomst) is an income figure, not an identity. A
//! view narrowed to a question keeps it only when the question names a group whose
//! benefit is computed from SGI ([`SGI_GROUPS`]: sjukpenning, förebyggande sjukpenning,
//! rehabiliteringsersättning, smittbärarpenning) or asks for `FK:SGI` as övrig information.

use core::fmt;

use rust_decimal::Decimal;
use serde::{Serialize, Serializer};

use super::incomes::table::{Table, text};
use super::minimise::{Amount, MinimalPeriod, code_or_withheld, date, ser_opt_decimal};
use crate::codes::{FkFormanGrupp, FormanGrupp, OvrigInformationTyp};
use crate::model::benefits::{
    BasisValue, BenefitCase, Benefits, Decision, DecisionAmount, DecisionLocation, DecisionPart,
    Degree, Sgi, TimelineLine, not_carried, percent as percent_of,
};
use crate::model::lefi::{LefiExternFormansinformationFraga, LefiExternFormansinformationSvar};
use crate::period::Period;
use crate::version::LefiVersion;

/// Every case and decision of an answer with its timeline and check results, without
/// identities: every key always present, paths as the checks write them, degrees as exact
/// shares of 1 and amounts as exact decimals, both JSON strings. `Display` is the table of
/// `lefi decode --format benefits`.
///
/// ```
/// use lefi::legal::BenefitsView;
/// use lefi::model::lefi::LefiExternFormansinformationSvar;
///
/// let json = include_bytes!(concat!(env!("CARGO_MANIFEST_DIR"), "/examples/data/lefi-v9-svar.json"));
/// let svar: LefiExternFormansinformationSvar = lefi::wire::lefi_json::from_slice(json)?;
/// let view = BenefitsView::from_lefi(&svar, None);
/// assert_eq!(view.cases.len(), 1);
/// let out = serde_json::to_string(&view)?;
/// assert!(out.contains(r#""path":"formansinformation.sjukpenningarende[0].beslut[1]""#));
/// assert!(!out.contains("191212121212") && !out.contains("Tolvan"));
/// assert!(view.to_string().contains("75 %"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct BenefitsView {
    /// The LEFI version the answer came in.
    #[serde(serialize_with = "ser_display")]
    pub version: LefiVersion,
    /// The case and decision paths that version cannot carry.
    pub not_carried: Vec<&'static str>,
    /// The förmånsgrupper the view was narrowed to (`None`: not narrowed).
    pub narrowed_to: Option<Vec<&'static str>>,
    /// The cases.
    pub cases: Vec<MinimalCase>,
    /// The timeline (`None` when there is no dated decision and no period was asked).
    pub timeline: Option<MinimalTimeline>,
    /// The sjukpenninggrundande inkomst figures (empty when narrowed to a question that
    /// asked for none, see [`SGI_GROUPS`]).
    pub sgi: Vec<MinimalSgi>,
    /// The broken invariants, `path: what`.
    pub violations: Vec<String>,
}

/// The sjukpenning-related förmånsgrupper: a view narrowed to a question keeps the SGI
/// figures when the question names one of these (or asks for `FK:SGI` as övrig
/// information).
///
/// ```
/// use lefi::codes::{FkFormanGrupp, FormanGrupp};
/// use lefi::legal::SGI_GROUPS;
/// assert!(SGI_GROUPS.contains(&FormanGrupp::Fk(FkFormanGrupp::Sjp)));
/// assert!(!SGI_GROUPS.contains(&FormanGrupp::Fk(FkFormanGrupp::Abb)));
/// ```
pub const SGI_GROUPS: &[FormanGrupp] = &[
    FormanGrupp::Fk(FkFormanGrupp::Sjp),
    FormanGrupp::Fk(FkFormanGrupp::Fsjp),
    FormanGrupp::Fk(FkFormanGrupp::Rbe),
    FormanGrupp::Fk(FkFormanGrupp::Sbp),
];

/// One SGI figure of a [`BenefitsView`]: an income figure, no identity.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct MinimalSgi {
    /// JSON path.
    pub path: String,
    /// `faststalldes` (dates only).
    pub established: Option<String>,
    /// `typ.id`, as received (unknown codes kept).
    pub kind: Option<i64>,
    /// The kind's description from the contract's list (`None` for an unknown code).
    pub kind_description: Option<&'static str>,
    /// `anstallning`: annual income from employment (A-inkomst).
    pub employment: Option<Amount>,
    /// `verksamhet`: annual income from business (B-inkomst).
    pub business: Option<Amount>,
    /// `karens`: karens days for business income.
    pub karens_days: Option<i64>,
    /// `dagar`: annual working time in days.
    pub working_days: Option<i64>,
    /// `timmar`: annual working time in hours.
    pub working_hours: Option<i64>,
}

/// One case of a [`BenefitsView`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct MinimalCase {
    /// JSON path.
    pub path: String,
    /// Förmånsgrupp code.
    pub group: Option<&'static str>,
    /// Benefit class.
    pub class: &'static str,
    /// `startades` (dates only).
    pub started: Option<String>,
    /// `aktivt`.
    pub active: Option<bool>,
    /// `avslaget`.
    pub refused: Option<bool>,
    /// Basis figures.
    pub basis: Vec<MinimalBasis>,
    /// The decisions.
    pub decisions: Vec<MinimalDecision>,
}

/// One decision of a [`MinimalCase`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct MinimalDecision {
    /// JSON path.
    pub path: String,
    /// The outcome as the contract names it (`-` when not stated).
    pub outcome: String,
    /// `granted`, `refused`, `changed`, `ended`, …
    pub outcome_class: &'static str,
    /// Status code (`SLUTLIGT`, `I`, `PRELIMINART`).
    pub status: Option<String>,
    /// Decision date.
    pub decided: Option<String>,
    /// `definitivt`.
    pub definitive: Option<bool>,
    /// `karens`.
    pub karens: Option<bool>,
    /// Period.
    pub period: Option<MinimalPeriod>,
    /// Degree as a share of 1.
    #[serde(serialize_with = "ser_opt_decimal")]
    pub degree: Option<Decimal>,
    /// `dagar`.
    pub days_count: Option<i64>,
    /// Stated amounts.
    pub amounts: Vec<MinimalAmount>,
    /// Basis figures.
    pub basis: Vec<MinimalBasis>,
    /// Parts with their own period.
    pub parts: Vec<MinimalPart>,
    /// Paid days.
    pub days: Vec<MinimalDay>,
}

/// A stated amount with its meaning.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct MinimalAmount {
    /// `decided-gross`, `coordinated-gross`, `decided`, `per-day`.
    pub meaning: &'static str,
    /// `day`, `month`, `year`, …
    pub frequency: &'static str,
    /// The JSON property it was read from.
    pub field: &'static str,
    /// The amount.
    #[serde(flatten)]
    pub amount: Amount,
}

/// A basis figure.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct MinimalBasis {
    /// The JSON property it was read from.
    pub field: &'static str,
    /// The value (`"0.5"`, `"1200 SEK"`).
    pub value: String,
}

/// A part of a decision with its own period.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct MinimalPart {
    /// JSON path.
    pub path: String,
    /// Period.
    pub period: Option<MinimalPeriod>,
    /// Degree as a share of 1.
    #[serde(serialize_with = "ser_opt_decimal")]
    pub degree: Option<Decimal>,
    /// The parent's share (`andel`).
    #[serde(serialize_with = "ser_opt_decimal")]
    pub share: Option<Decimal>,
    /// Decided amount (PM).
    pub amount: Option<MinimalAmount>,
    /// Basis figures (PM).
    pub basis: Vec<MinimalBasis>,
}

/// A paid day.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct MinimalDay {
    /// JSON path.
    pub path: String,
    /// The day (dates only).
    pub date: Option<String>,
    /// The amount.
    pub amount: Option<Amount>,
    /// The karensavdrag.
    pub karensavdrag: Option<Amount>,
}

/// The timeline of a [`BenefitsView`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct MinimalTimeline {
    /// First day asked about.
    pub from: String,
    /// Last day asked about.
    pub tom: String,
    /// Per benefit.
    pub benefits: Vec<MinimalTimelineLine>,
}

/// One benefit of a [`MinimalTimeline`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct MinimalTimelineLine {
    /// The list's JSON path.
    pub list: &'static str,
    /// Förmånsgrupp code.
    pub group: Option<&'static str>,
    /// The sub-periods.
    pub segments: Vec<MinimalSegment>,
}

/// One sub-period of a timeline.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct MinimalSegment {
    /// First day.
    pub from: String,
    /// Last day.
    pub tom: String,
    /// Total degree as a share of 1.
    #[serde(serialize_with = "ser_opt_decimal")]
    pub degree: Option<Decimal>,
    /// Total daily amount.
    pub daily: Option<Amount>,
    /// The paying decisions' paths.
    pub decisions: Vec<String>,
}

impl BenefitsView {
    /// The view of a LEFI v9 answer; the timeline covers `asked`, or without it the
    /// days the decisions state.
    #[must_use]
    pub fn from_lefi(svar: &LefiExternFormansinformationSvar, asked: Option<Period>) -> Self {
        Self::new(&svar.benefits(), asked, LefiVersion::V9, None)
    }

    /// The view of an answer converted up from `version`: says what that version cannot
    /// carry.
    #[must_use]
    pub fn from_version(
        svar: &LefiExternFormansinformationSvar,
        version: LefiVersion,
        asked: Option<Period>,
    ) -> Self {
        Self::new(&svar.benefits(), asked, version, None)
    }

    /// The view narrowed to what `fraga` asked for: the FK groups of `formansinformation`
    /// and the PM groups of `beslut`; cases of lists without a known group are left out.
    /// The SGI figures are kept when the question names one of [`SGI_GROUPS`] or asks for
    /// `FK:SGI` as övrig information. The timeline covers the question's period.
    ///
    /// ```
    /// use lefi::legal::BenefitsView;
    /// use lefi::model::lefi::{LefiExternFormansinformationFraga, LefiExternFormansinformationSvar};
    /// let svar: LefiExternFormansinformationSvar = lefi::wire::lefi_json::from_slice(
    ///     br#"{"formansinformation":{"sjukpenningarende":[{}],"barnbidragsarende":[{}]}}"#)?;
    /// let fraga: LefiExternFormansinformationFraga = lefi::wire::lefi_json::from_slice(
    ///     br#"{"personnummer":"197407029284","period":{"from":"2024-01-01","tom":"2024-12-31"},
    ///         "formansinformation":["FK:ABB"]}"#)?;
    /// let view = BenefitsView::for_question(&svar, &fraga);
    /// let paths: Vec<_> = view.cases.iter().map(|c| c.path.as_str()).collect();
    /// assert_eq!(paths, ["formansinformation.barnbidragsarende[0]"]);
    /// # Ok::<(), lefi::wire::lefi_json::Error>(())
    /// ```
    #[must_use]
    pub fn for_question(
        svar: &LefiExternFormansinformationSvar,
        fraga: &LefiExternFormansinformationFraga,
    ) -> Self {
        let groups: Vec<FormanGrupp> = fraga
            .formansinformation
            .iter()
            .flatten()
            .map(|g| FormanGrupp::Fk(*g))
            .chain(fraga.beslut.iter().flatten().map(|g| FormanGrupp::Pm(*g)))
            .collect();
        let asked = Period::new(fraga.period.from, fraga.period.tom).ok();
        let sgi_asked = fraga
            .ovrig_information
            .iter()
            .flatten()
            .any(|t| *t == OvrigInformationTyp::FkSgi);
        Self::narrowed(
            &svar.benefits(),
            asked,
            LefiVersion::V9,
            Some(&groups),
            sgi_asked,
        )
    }

    /// The view of `benefits`, narrowed to `groups` when given (the SGI figures then only
    /// when `groups` holds one of [`SGI_GROUPS`]).
    ///
    /// ```
    /// use lefi::codes::{FkFormanGrupp, FormanGrupp};
    /// use lefi::legal::BenefitsView;
    /// use lefi::model::lefi::LefiExternFormansinformationSvar;
    /// use lefi::version::LefiVersion;
    /// let svar: LefiExternFormansinformationSvar = lefi::wire::lefi_json::from_slice(
    ///     br#"{"formansinformation":{"sjukpenninggrundandeInkomstuppgift":[{"dagar":260}]}}"#)?;
    /// let all = BenefitsView::new(&svar.benefits(), None, LefiVersion::V9, None);
    /// assert_eq!(all.sgi[0].working_days, Some(260));
    /// let abb = [FormanGrupp::Fk(FkFormanGrupp::Abb)];
    /// let narrowed = BenefitsView::new(&svar.benefits(), None, LefiVersion::V9, Some(&abb));
    /// assert!(narrowed.sgi.is_empty());
    /// # Ok::<(), lefi::wire::lefi_json::Error>(())
    /// ```
    #[must_use]
    pub fn new(
        benefits: &Benefits<'_>,
        asked: Option<Period>,
        version: LefiVersion,
        groups: Option<&[FormanGrupp]>,
    ) -> Self {
        Self::narrowed(benefits, asked, version, groups, false)
    }

    fn narrowed(
        benefits: &Benefits<'_>,
        asked: Option<Period>,
        version: LefiVersion,
        groups: Option<&[FormanGrupp]>,
        sgi_asked: bool,
    ) -> Self {
        let keep_sgi =
            sgi_asked || groups.is_none_or(|groups| groups.iter().any(|g| SGI_GROUPS.contains(g)));
        let mut benefits = benefits.clone();
        if let Some(groups) = groups {
            benefits.retain(|c| c.group().is_some_and(|g| groups.contains(&g)));
        }
        let asked = asked.or_else(|| benefits.extent());
        let timeline = asked.map(|asked| MinimalTimeline {
            from: asked.from().to_string(),
            tom: asked.tom().to_string(),
            benefits: benefits.timeline(asked).iter().map(timeline_line).collect(),
        });
        Self {
            version,
            not_carried: not_carried(version).collect(),
            narrowed_to: groups.map(|g| g.iter().map(FormanGrupp::code).collect()),
            cases: benefits.cases().iter().map(case).collect(),
            timeline,
            sgi: if keep_sgi {
                benefits.sgi().iter().map(sgi).collect()
            } else {
                Vec::new()
            },
            violations: benefits.check().iter().map(ToString::to_string).collect(),
        }
    }
}

fn case(c: &BenefitCase<'_>) -> MinimalCase {
    MinimalCase {
        path: c.location().to_string(),
        group: c.group().map(|g| g.code()),
        class: c.benefit().class().as_str(),
        started: c.started().and_then(date),
        active: c.active(),
        refused: c.refused(),
        basis: c.basis().iter().map(basis).collect(),
        decisions: c.decisions().iter().map(decision).collect(),
    }
}

fn sgi(s: &Sgi<'_>) -> MinimalSgi {
    MinimalSgi {
        path: s.path(),
        established: s.established().and_then(date),
        kind: s.kind().map(|k| k.id()),
        kind_description: s.kind().and_then(|k| k.description()),
        employment: s.employment().map(Amount::from),
        business: s.business().map(Amount::from),
        karens_days: s.karens_days(),
        working_days: s.working_days(),
        working_hours: s.working_hours(),
    }
}

fn degree(d: Option<Degree>) -> Option<Decimal> {
    d.and_then(|d| d.fraction()).map(|d| d.normalize())
}

fn decision(d: &Decision<'_>) -> MinimalDecision {
    let location = d.location();
    let path = location.to_string();
    MinimalDecision {
        // open lists: free text in a code's place is withheld, like every other text
        outcome: code_or_withheld(&d.outcome().to_string()),
        outcome_class: d.outcome().class().as_str(),
        status: d.status().map(|s| code_or_withheld(s.code())),
        decided: d.decided().and_then(date),
        definitive: d.definitive(),
        karens: d.karens(),
        period: d.period().as_ref().map(MinimalPeriod::from),
        degree: degree(d.degree()),
        days_count: d.days(),
        amounts: d.amounts().iter().map(amount).collect(),
        basis: d.basis().iter().map(basis).collect(),
        parts: d.parts().iter().map(|p| part(location, p)).collect(),
        days: d
            .day_amounts()
            .iter()
            .map(|day| {
                let (list, i) = day.position();
                MinimalDay {
                    path: location.item_path(list, i),
                    date: day.date().and_then(date),
                    amount: day.amount().map(Amount::from),
                    karensavdrag: day.karensavdrag().map(Amount::from),
                }
            })
            .collect(),
        path,
    }
}

fn part(decision: DecisionLocation, p: &DecisionPart) -> MinimalPart {
    let (list, i) = p.position();
    MinimalPart {
        path: decision.item_path(list, i),
        period: p.period().as_ref().map(MinimalPeriod::from),
        degree: degree(p.degree()),
        share: p.share().and_then(|s| s.fraction()).map(|d| d.normalize()),
        amount: p.amount().as_ref().map(amount),
        basis: p.basis().iter().map(basis).collect(),
    }
}

fn amount(a: &DecisionAmount) -> MinimalAmount {
    MinimalAmount {
        meaning: a.meaning().as_str(),
        frequency: a.frequency().as_str(),
        field: a.field(),
        amount: Amount::from(a.amount()),
    }
}

fn basis(b: &crate::model::benefits::BasisFigure) -> MinimalBasis {
    let value = match b.value() {
        BasisValue::Amount(a) => match a.valuta() {
            Some(v) => format!("{} {v}", a.summa()),
            None => a.summa().to_string(),
        },
        BasisValue::Fraction(o) => o.to_string(),
        BasisValue::Decimal(d) => d.to_string(),
        BasisValue::Integer(i) => i.to_string(),
    };
    MinimalBasis {
        field: b.field(),
        value,
    }
}

fn timeline_line(line: &TimelineLine) -> MinimalTimelineLine {
    MinimalTimelineLine {
        list: line.benefit().json_path(),
        group: line.group().map(|g| g.code()),
        segments: line
            .segments()
            .iter()
            .map(|s| MinimalSegment {
                from: s.period().from().to_string(),
                tom: s.period().tom().to_string(),
                degree: s.degree().map(|d| d.normalize()),
                daily: s.daily().map(Amount::from),
                decisions: s.decisions().to_vec(),
            })
            .collect(),
    }
}

fn ser_display<S: Serializer>(v: &LefiVersion, s: S) -> Result<S::Ok, S::Error> {
    s.collect_str(v)
}

fn percent(share: Option<Decimal>) -> String {
    share.map_or_else(|| "-".to_owned(), |d| format!("{} %", percent_of(d)))
}

/// The timeline table, then one line per decision, the SGI figures, the violations and
/// what the version could not carry. Codes, dates, degrees and amounts only.
impl fmt::Display for BenefitsView {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.timeline {
            Some(t) => writeln!(f, "timeline {}/{}", t.from, t.tom)?,
            None => writeln!(f, "timeline: no dated decision")?,
        }
        let lines = self.timeline.iter().flat_map(|t| &t.benefits);
        let rows: Vec<Vec<String>> = lines
            .flat_map(|l| {
                l.segments.iter().map(move |s| {
                    vec![
                        l.list.trim_start_matches("formansinformation.").to_owned(),
                        text(l.group),
                        format!("{}/{}", s.from, s.tom),
                        percent(s.degree),
                        super::incomes::table::amount(s.daily.as_ref()),
                        s.decisions.len().to_string(),
                    ]
                })
            })
            .collect();
        Table {
            header: vec!["benefit", "group", "period", "degree", "daily", "decisions"],
            rows,
            first_right: 3,
        }
        .write(f)?;
        writeln!(f)?;
        let rows: Vec<Vec<String>> = self
            .cases
            .iter()
            .flat_map(|c| {
                c.decisions.iter().map(move |d| {
                    let period = d.period.as_ref().map(|p| {
                        format!(
                            "{}/{}",
                            p.from.as_deref().unwrap_or("…"),
                            p.tom.as_deref().unwrap_or("…")
                        )
                    });
                    vec![
                        d.path.clone(),
                        text(c.group),
                        d.outcome.clone(),
                        text(d.decided.as_deref()),
                        text(period.as_deref()),
                        percent(d.degree),
                    ]
                })
            })
            .collect();
        Table {
            header: vec![
                "decision", "group", "outcome", "decided", "period", "degree",
            ],
            rows,
            first_right: 5,
        }
        .write(f)?;
        if !self.sgi.is_empty() {
            writeln!(f)?;
            let count = |n: Option<i64>| n.map_or_else(|| "-".to_owned(), |n| n.to_string());
            let rows: Vec<Vec<String>> = self
                .sgi
                .iter()
                .map(|s| {
                    let kind = s.kind.map(|k| match s.kind_description {
                        Some(d) => format!("{k} {d}"),
                        None => k.to_string(),
                    });
                    vec![
                        s.path.trim_start_matches("formansinformation.").to_owned(),
                        text(s.established.as_deref()),
                        text(kind.as_deref()),
                        super::incomes::table::amount(s.employment.as_ref()),
                        super::incomes::table::amount(s.business.as_ref()),
                        count(s.karens_days),
                        count(s.working_days),
                        count(s.working_hours),
                    ]
                })
                .collect();
            Table {
                header: vec![
                    "sgi",
                    "established",
                    "kind",
                    "employment",
                    "business",
                    "karens",
                    "days",
                    "hours",
                ],
                rows,
                first_right: 3,
            }
            .write(f)?;
        }
        let decisions: usize = self.cases.iter().map(|c| c.decisions.len()).sum();
        writeln!(
            f,
            "{} case(s), {decisions} decision(s), {} violation(s)",
            self.cases.len(),
            self.violations.len()
        )?;
        for v in &self.violations {
            writeln!(f, "violation: {v}")?;
        }
        for path in &self.not_carried {
            writeln!(f, "not carried by LEFI {}: {path}", self.version)?;
        }
        Ok(())
    }
}
