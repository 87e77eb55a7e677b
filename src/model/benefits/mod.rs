//! One view of every benefit case and decision in a LEFI v9 answer, its invariants and a
//! timeline: what samordning reads.
//!
//! Försäkringskassan's `formansinformation` holds cases in 28 lists of differently shaped
//! types (`sjukpenningarende`, `foraldrapenningarende`, the livränta and pension cases,
//! …); Pensionsmyndigheten's decisions are the top-level `beslut`.
//! [`benefits`](LefiExternFormansinformationSvar::benefits) reads all of them into
//! [`BenefitCase`]s with [`Decision`]s: benefit and förmånsgrupp, where in the answer
//! (JSON paths as the checks write them), start date and flags, and per decision its
//! [`Outcome`] as the contract names it (unknown codes kept), status, date, period
//! (closed, open-ended or partial), degree, amounts with their meaning and frequency
//! (exact decimals), basis figures, parts with their own periods and paid days.
//!
//! The view borrows from the answer and holds no identity: the persons a case or decision
//! names (children, co-applicants, the deceased) are not read. The case types share most
//! fields, so one table row per type names the fields it has (`source.rs`); one table of
//! lists gives each its JSON key, förmånsgrupp and class ([`Benefit`], `table.rs`). Only
//! the differences are written by hand: the outcome lists of omvårdnadsbidrag and
//! merkostnadsersättning, their single decision with `periodbeslut`, efterlevandepension's
//! list of degrees, the *underlag* figures, and Pensionsmyndigheten's decisions.
//!
//! [`Benefits::sgi`] reads the sjukpenninggrundande inkomst figures
//! (`sjukpenninggrundandeInkomstuppgift`, [`Sgi`]): basis figures of the answer, not of a
//! case.
//!
//! [`Benefits::check`] reports broken invariants ([`BenefitViolation`]) without rejecting
//! anything; [`Benefits::timeline`] gives per benefit the sub-periods with total degree
//! and daily amount for a period asked about.
//!
//! ```
//! use lefi::model::lefi::LefiExternFormansinformationSvar;
//! use lefi::model::benefits::{Benefit, OutcomeClass};
//!
//! let json = include_bytes!(concat!(env!("CARGO_MANIFEST_DIR"), "/examples/data/lefi-v9-svar.json"));
//! let svar: LefiExternFormansinformationSvar = lefi::wire::lefi_json::from_slice(json)?;
//! let benefits = svar.benefits();
//! let case = &benefits.cases()[0];
//! assert_eq!(case.benefit(), Benefit::Sjukpenning);
//! assert_eq!(case.decisions()[0].location().to_string(), "formansinformation.sjukpenningarende[0].beslut[0]");
//! assert_eq!(case.decisions()[0].outcome().class(), OutcomeClass::Granted);
//! assert!(benefits.check().is_empty());
//! # Ok::<(), lefi::wire::lefi_json::Error>(())
//! ```

mod check;
mod sgi;
mod source;
mod table;
mod timeline;
mod view;

pub use check::{BenefitViolation, BenefitViolationKind};
pub use sgi::{Sgi, SgiKind};
pub use table::{Benefit, BenefitClass};
pub use timeline::{Segment, TimelineLine};
pub use view::{
    AmountMeaning, BasisFigure, BasisValue, BenefitCase, CaseLocation, DayAmount, Decision,
    DecisionAmount, DecisionLocation, DecisionPart, DecisionStatus, Degree, Frequency, Outcome,
    OutcomeClass,
};

pub(crate) use view::percent;

use crate::model::lefi::LefiExternFormansinformationSvar;
use crate::version::{Capability, LefiVersion};

/// Every case and decision of an answer, and its SGI figures (see the [module](self)
/// docs).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Benefits<'a> {
    cases: Vec<BenefitCase<'a>>,
    sgi: Vec<Sgi<'a>>,
}

impl<'a> Benefits<'a> {
    /// The cases: Försäkringskassan's lists in [`Benefit::ALL`] order, then
    /// Pensionsmyndigheten's decisions, each list in document order.
    #[must_use]
    pub fn cases(&self) -> &[BenefitCase<'a>] {
        &self.cases
    }

    /// Keeps only the cases `keep` accepts (for narrowing the view to a purpose).
    ///
    /// ```
    /// use lefi::model::lefi::LefiExternFormansinformationSvar;
    /// let svar: LefiExternFormansinformationSvar = lefi::wire::lefi_json::from_slice(
    ///     br#"{"formansinformation":{"sjukpenningarende":[{}],"barnbidragsarende":[{}]}}"#)?;
    /// let mut benefits = svar.benefits();
    /// benefits.retain(|c| c.location().index() > 0);
    /// assert!(benefits.cases().is_empty());
    /// # Ok::<(), lefi::wire::lefi_json::Error>(())
    /// ```
    pub fn retain(&mut self, keep: impl FnMut(&BenefitCase<'a>) -> bool) {
        self.cases.retain(keep);
    }

    /// The sjukpenninggrundande inkomst figures
    /// (`formansinformation.sjukpenninggrundandeInkomstuppgift`), in document order.
    ///
    /// ```
    /// use lefi::model::benefits::SgiKind;
    /// use lefi::model::lefi::LefiExternFormansinformationSvar;
    /// let svar: LefiExternFormansinformationSvar = lefi::wire::lefi_json::from_slice(
    ///     br#"{"formansinformation":{"sjukpenninggrundandeInkomstuppgift":[{},{"typ":{"id":9}}]}}"#)?;
    /// let benefits = svar.benefits();
    /// let kinds: Vec<_> = benefits.sgi().iter().map(|s| s.kind()).collect();
    /// assert_eq!(kinds, [None, Some(SgiKind::Unknown(9))]);
    /// # Ok::<(), lefi::wire::lefi_json::Error>(())
    /// ```
    #[must_use]
    pub fn sgi(&self) -> &[Sgi<'a>] {
        &self.sgi
    }

    /// Every decision, in case order.
    pub fn decisions(&self) -> impl Iterator<Item = &Decision<'a>> + '_ {
        self.cases.iter().flat_map(|c| c.decisions().iter())
    }
}

/// What an older LEFI version cannot carry of the cases and decisions: the JSON path and
/// the capability it lacks.
const VERSION_GAPS: &[(Capability, &str)] = &[
    (Capability::PensionsmyndighetenStructures, "beslut"),
    (
        Capability::ForebyggandeSjukpenningGroup,
        "formansinformation.forebyggandeSjukpenningsarende",
    ),
    (
        Capability::OmvardnadsbidragMerkostnadsersattning,
        "formansinformation.omvardnadsbidragsarende",
    ),
    (
        Capability::OmvardnadsbidragMerkostnadsersattning,
        "formansinformation.merkostnadsersattningsarende",
    ),
    (
        Capability::ProgramanvisningExtended,
        "formansinformation.programersattningsarende[].beslut[].ersattningsdagar",
    ),
    (
        Capability::ProgramanvisningExtended,
        "formansinformation.programersattningsarende[].beslut[].dagar",
    ),
];

/// The case and decision fields `version` cannot carry (empty for LEFI 9): an answer
/// converted up from that version has none of them, which is not evidence of absence.
///
/// ```
/// use lefi::model::benefits::not_carried;
/// use lefi::version::LefiVersion;
/// assert_eq!(not_carried(LefiVersion::V7).collect::<Vec<_>>(),
///     ["beslut", "formansinformation.forebyggandeSjukpenningsarende"]);
/// assert_eq!(not_carried(LefiVersion::V9).count(), 0);
/// ```
pub fn not_carried(version: LefiVersion) -> impl Iterator<Item = &'static str> {
    VERSION_GAPS
        .iter()
        .filter(move |(capability, _)| !version.supports(*capability))
        .map(|(_, path)| *path)
}

impl LefiExternFormansinformationSvar {
    /// Every case and decision of the answer and its SGI figures (see
    /// [`model::benefits`](crate::model::benefits)).
    ///
    /// ```
    /// use lefi::model::lefi::LefiExternFormansinformationSvar;
    /// let svar: LefiExternFormansinformationSvar = lefi::wire::lefi_json::from_slice(
    ///     br#"{"beslut":[{"beslutsdatum":"2024-01-10","beslutsutfall":{"kod":"BIFALL","beskrivning":"Bifall"}}]}"#)?;
    /// let paths: Vec<String> = svar.benefits().decisions().map(|d| d.location().to_string()).collect();
    /// assert_eq!(paths, ["beslut[0]"]);
    /// # Ok::<(), lefi::wire::lefi_json::Error>(())
    /// ```
    #[must_use]
    pub fn benefits(&self) -> Benefits<'_> {
        let sgi = self
            .formansinformation
            .as_ref()
            .and_then(|f| f.sjukpenninggrundande_inkomstuppgift.as_deref())
            .unwrap_or_default()
            .iter()
            .enumerate()
            .map(|(i, u)| Sgi::read(i, u))
            .collect();
        Benefits {
            cases: table::walk(self),
            sgi,
        }
    }
}
