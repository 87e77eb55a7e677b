//! The one table of case lists: which list of the answer, which förmånsgrupp, which
//! class. It generates [`Benefit`] and the walk over an answer.

use super::source::{CaseSource, DecisionSource, Decisions, pm_parts};
use super::view::{BenefitCase, CaseLocation, Decision, DecisionLocation, DecisionStatus, Outcome};
use crate::codes::{FkFormanGrupp, FormanGrupp};
use crate::model::lefi::{LefiExternFormansinformationSvar, LefiPmFormanBeslut};
use crate::model::payments::PaymentDate;

/// A family of benefits, for grouping and for the timeline.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
pub enum BenefitClass {
    /// Sickness and rehabilitation (sjukpenning, rehabilitering, sjuk- och
    /// aktivitetsersättning, smittbärare, närstående).
    Sickness,
    /// Parenthood (föräldrapenning, tillfällig föräldrapenning, graviditetspenning).
    Parental,
    /// Children and maintenance (barnbidrag, underhållsstöd, vårdbidrag, omvårdnadsbidrag).
    Family,
    /// Disability (handikappersättning, merkostnadsersättning).
    Disability,
    /// Housing (bostadsbidrag, bostadstillägg).
    Housing,
    /// Labour market and conscripts (aktivitetsstöd, programersättning,
    /// totalförsvarspliktiga).
    LabourMarket,
    /// Work and occupational injury annuities (livräntor).
    WorkInjury,
    /// Pensions (allmän pension, efterlevandepension, Pensionsmyndighetens decisions).
    Pension,
}

impl BenefitClass {
    /// `sickness`, `parental`, `family`, `disability`, `housing`, `labour-market`,
    /// `work-injury`, `pension`.
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::Sickness => "sickness",
            Self::Parental => "parental",
            Self::Family => "family",
            Self::Disability => "disability",
            Self::Housing => "housing",
            Self::LabourMarket => "labour-market",
            Self::WorkInjury => "work-injury",
            Self::Pension => "pension",
        }
    }
}

macro_rules! benefit_table {
    ($(
        $(#[$doc:meta])*
        ($variant:ident, $field:ident, $json:literal, $group:expr, $class:ident),
    )+) => {
        /// A list of cases in a LEFI v9 answer: the 28 case lists of Försäkringskassan's
        /// `formansinformation` and Pensionsmyndigheten's `beslut`.
        ///
        /// ```
        /// use lefi::codes::{FkFormanGrupp, FormanGrupp};
        /// use lefi::model::benefits::{Benefit, BenefitClass};
        /// assert_eq!(Benefit::Sjukpenning.json_path(), "formansinformation.sjukpenningarende");
        /// assert_eq!(Benefit::Sjukpenning.group(), Some(FormanGrupp::Fk(FkFormanGrupp::Sjp)));
        /// assert_eq!(Benefit::Sjukpenning.class(), BenefitClass::Sickness);
        /// assert_eq!(Benefit::ALL.len(), 29);
        /// ```
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        #[non_exhaustive]
        pub enum Benefit {
            $($(#[$doc])* #[doc = concat!("`", $json, "`")] $variant,)+
            /// `beslut`: Pensionsmyndighetens decisions (each its own case).
            PmBeslut,
        }

        impl Benefit {
            /// Every list, in the order [`benefits`](crate::model::lefi::LefiExternFormansinformationSvar::benefits)
            /// visits them.
            pub const ALL: &'static [Self] = &[$(Self::$variant,)+ Self::PmBeslut];

            /// The JSON path of the list in the answer.
            #[must_use]
            pub const fn json_path(self) -> &'static str {
                match self {
                    $(Self::$variant => concat!("formansinformation.", $json),)+
                    Self::PmBeslut => "beslut",
                }
            }

            /// The förmånsgrupp a question asks for to get this list (DOMAIN §4.1: the
            /// code → list mapping is inferred for most codes); `None` where no code is
            /// known and for PM, whose decisions state their own group.
            #[must_use]
            pub const fn group(self) -> Option<FormanGrupp> {
                match self {
                    $(Self::$variant => $group,)+
                    Self::PmBeslut => None,
                }
            }

            /// The class.
            #[must_use]
            pub const fn class(self) -> BenefitClass {
                match self {
                    $(Self::$variant => BenefitClass::$class,)+
                    Self::PmBeslut => BenefitClass::Pension,
                }
            }
        }

        /// Every case of the answer, in table order, each list in document order.
        pub(super) fn walk(svar: &LefiExternFormansinformationSvar) -> Vec<BenefitCase<'_>> {
            let mut out = Vec::new();
            if let Some(fi) = &svar.formansinformation {
                $(
                    for (i, c) in fi.$field.iter().flatten().enumerate() {
                        out.push(case(CaseLocation::new(Benefit::$variant, i), c));
                    }
                )+
            }
            for (i, b) in svar.beslut.iter().flatten().enumerate() {
                out.push(pm_case(CaseLocation::new(Benefit::PmBeslut, i), b));
            }
            out
        }
    };
}

const fn fk(g: FkFormanGrupp) -> Option<FormanGrupp> {
    Some(FormanGrupp::Fk(g))
}

benefit_table! {
    /// Aktivitetsstöd.
    (Aktivitetsstod, aktivitetsstodsarende, "aktivitetsstodsarende", fk(FkFormanGrupp::As), LabourMarket),
    /// Allmän pension (ÅP37/ÅP38).
    (Allmanpension, allmanpensionsarende, "allmanpensionsarende", fk(FkFormanGrupp::Ap), Pension),
    /// Efterlevandelivränta after a work injury (no förmånsgrupp known).
    (ArbetsskadeEfterlevande, arbetsskadeefterlevandearende, "arbetsskadeefterlevandearende", None, WorkInjury),
    /// Egenlivränta after a work injury (no förmånsgrupp known).
    (ArbetsskadeEgen, arbetsskadeegenlivrantearende, "arbetsskadeegenlivrantearende", None, WorkInjury),
    /// Barnbidrag.
    (Barnbidrag, barnbidragsarende, "barnbidragsarende", fk(FkFormanGrupp::Abb), Family),
    /// Bostadsbidrag.
    (Bostadsbidrag, bostadsbidragsarende, "bostadsbidragsarende", fk(FkFormanGrupp::Bob), Housing),
    /// Bostadstillägg.
    (Bostadstillagg, bostadstillaggsarende, "bostadstillaggsarende", fk(FkFormanGrupp::Bst), Housing),
    /// Efterlevandepension (no FK förmånsgrupp known).
    (Efterlevandepension, efterlevandepensionsarende, "efterlevandepensionsarende", None, Pension),
    /// Barnbidrag received by the child itself.
    (MottagareAvBarnbidrag, mottagareavbarnbidrag, "mottagareavbarnbidrag", fk(FkFormanGrupp::Mabb), Family),
    /// Föräldrapenning.
    (Foraldrapenning, foraldrapenningarende, "foraldrapenningarende", fk(FkFormanGrupp::Fp), Parental),
    /// Förebyggande sjukpenning.
    (ForebyggandeSjukpenning, forebyggande_sjukpenningsarende, "forebyggandeSjukpenningsarende", fk(FkFormanGrupp::Fsjp), Sickness),
    /// Handikappersättning.
    (Handikappersattning, handikappersattningsarende, "handikappersattningsarende", fk(FkFormanGrupp::He), Disability),
    /// Graviditetspenning.
    (Graviditetspenning, graviditetspenningsarende, "graviditetspenningsarende", fk(FkFormanGrupp::Gp), Parental),
    /// Merkostnadsersättning.
    (Merkostnadsersattning, merkostnadsersattningsarende, "merkostnadsersattningsarende", fk(FkFormanGrupp::Mek), Disability),
    /// Närståendepenning.
    (Narstaendepenning, narstaendepenningarende, "narstaendepenningarende", fk(FkFormanGrupp::Np), Sickness),
    /// Omvårdnadsbidrag.
    (Omvardnadsbidrag, omvardnadsbidragsarende, "omvardnadsbidragsarende", fk(FkFormanGrupp::Omv), Family),
    /// Programersättning.
    (Programersattning, programersattningsarende, "programersattningsarende", fk(FkFormanGrupp::Prog), LabourMarket),
    /// Rehabiliteringsersättning.
    (Rehabersattning, rehabersattningsarende, "rehabersattningsarende", fk(FkFormanGrupp::Rbe), Sickness),
    /// Sjuk- och aktivitetsersättning.
    (SjukOchAktivitetsersattning, sjuk_och_aktivitetsersattningsarende, "sjukOchAktivitetsersattningsarende", fk(FkFormanGrupp::Sa), Sickness),
    /// Sjukpenning.
    (Sjukpenning, sjukpenningarende, "sjukpenningarende", fk(FkFormanGrupp::Sjp), Sickness),
    /// Smittbärarersättning.
    (Smittbararersattning, smittbararersattningsarende, "smittbararersattningsarende", fk(FkFormanGrupp::Sbp), Sickness),
    /// Tillfällig föräldrapenning.
    (TillfalligForaldrapenning, tillfallig_foraldrapenningarende, "tillfalligForaldrapenningarende", fk(FkFormanGrupp::Tfp), Parental),
    /// Dagpenning för totalförsvarspliktiga.
    (Totalforsvarsplikt, totalforsvarspliktsarende, "totalforsvarspliktsarende", fk(FkFormanGrupp::Dpe), LabourMarket),
    /// Underhållsstöd: claims against the person.
    (UnderhallsstodKrav, underhallsstodskrav, "underhallsstodskrav", fk(FkFormanGrupp::Us), Family),
    /// Underhållsstöd received.
    (UnderhallsstodMottag, underhallsstodsmottag, "underhallsstodsmottag", fk(FkFormanGrupp::Us), Family),
    /// Vårdbidrag.
    (Vardbidrag, vardbidragsarende, "vardbidragsarende", fk(FkFormanGrupp::Vb), Family),
    /// Efterlevandelivränta after an occupational injury.
    (YrkesskadeEfterlevande, yrkesskadeefterlevandearende, "yrkesskadeefterlevandearende", fk(FkFormanGrupp::Yl), WorkInjury),
    /// Egenlivränta after an occupational injury.
    (YrkesskadeEgen, yrkesskadeegenlivrantearende, "yrkesskadeegenlivrantearende", fk(FkFormanGrupp::Yl), WorkInjury),
}

fn case<C: CaseSource>(location: CaseLocation, c: &C) -> BenefitCase<'_> {
    let group = location.benefit().group();
    let decisions = match c.decisions() {
        Decisions::Many(list) => list
            .iter()
            .enumerate()
            .map(|(i, d)| decision(DecisionLocation::new(location, Some(i)), group, d))
            .collect(),
        Decisions::Single(one) => one
            .map(|d| decision(DecisionLocation::new(location, None), group, d))
            .into_iter()
            .collect(),
    };
    let mut basis = Vec::new();
    c.basis(&mut basis);
    BenefitCase {
        location,
        group,
        started: c.startades().map(PaymentDate::from_text),
        active: c.aktivt(),
        refused: c.avslaget(),
        basis,
        decisions,
    }
}

fn decision<D: DecisionSource>(
    location: DecisionLocation,
    group: Option<FormanGrupp>,
    d: &D,
) -> Decision<'_> {
    let mut out = Decision {
        location,
        group,
        outcome: d.outcome(),
        status: d.status(),
        decided: d.fattades().map(PaymentDate::from_text),
        definitive: d.definitivt(),
        karens: d.karens(),
        period: d.period(),
        degree: d.omfattning(),
        days: d.dagar(),
        amounts: Vec::new(),
        basis: Vec::new(),
        parts: Vec::new(),
        day_amounts: Vec::new(),
    };
    d.amounts(&mut out.amounts);
    d.basis(&mut out.basis);
    d.parts(&mut out.parts);
    d.day_amounts(&mut out.day_amounts);
    out
}

fn pm_case(location: CaseLocation, b: &LefiPmFormanBeslut) -> BenefitCase<'_> {
    let group = b.formansgrupp.as_ref().map(|g| FormanGrupp::Pm(g.kod));
    let mut parts = Vec::new();
    pm_parts(b, &mut parts);
    let decision = Decision {
        location: DecisionLocation::new(location, None),
        group,
        outcome: b
            .beslutsutfall
            .as_ref()
            .map_or(Outcome::NotStated, |u| Outcome::Pm(u.kod)),
        status: b.beslutsstatus.as_ref().map(|s| DecisionStatus::Pm(s.kod)),
        decided: b.beslutsdatum.map(PaymentDate::Date),
        definitive: None,
        karens: None,
        period: None,
        degree: None,
        days: None,
        amounts: Vec::new(),
        basis: Vec::new(),
        parts,
        day_amounts: Vec::new(),
    };
    BenefitCase {
        location,
        group,
        started: None,
        active: None,
        refused: None,
        basis: Vec::new(),
        decisions: vec![decision],
    }
}
