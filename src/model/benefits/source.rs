//! How each case and decision type of the v9 model is read: two traits with one method
//! per shared field, and one table row per type naming the fields it has. Only what a
//! type does differently (outcome lists, parts, basis figures) is written by hand below
//! the table.

use super::view::{
    AmountMeaning, BasisFigure, BasisValue, DayAmount, DecisionAmount, DecisionPart,
    DecisionStatus, Degree, Frequency, Outcome,
};
use crate::codes::{
    FkBeslutstatus, FkBeslutstyp, FkBeslutsutfall, MekBeslutsutfall, OmvBeslutsutfall,
};
use crate::model::lefi::*;
use crate::model::payments::{Omfattning, PaymentDate, StatedAmount};
use crate::period::{FranTill, PartialDate};

/// The decisions of a case: a list, or one (omvårdnadsbidrag, merkostnadsersättning).
pub(super) enum Decisions<'a, D> {
    Many(&'a [D]),
    Single(Option<&'a D>),
}

/// A case type: the shared case fields (absent ones read as `None`).
pub(super) trait CaseSource {
    type Decision: DecisionSource;

    fn startades(&self) -> Option<&str> {
        None
    }
    fn aktivt(&self) -> Option<bool> {
        None
    }
    fn avslaget(&self) -> Option<bool> {
        None
    }
    fn basis(&self, _out: &mut Vec<BasisFigure>) {}
    fn decisions(&self) -> Decisions<'_, Self::Decision>;
}

/// A decision type: the shared decision fields (absent ones read as `None`).
pub(super) trait DecisionSource {
    fn fattades(&self) -> Option<&str> {
        None
    }
    fn definitivt(&self) -> Option<bool> {
        None
    }
    fn karens(&self) -> Option<bool> {
        None
    }
    fn period(&self) -> Option<FranTill> {
        None
    }
    fn omfattning(&self) -> Option<Degree> {
        None
    }
    fn dagar(&self) -> Option<i64> {
        None
    }
    fn outcome(&self) -> Outcome {
        Outcome::NotStated
    }
    fn status(&self) -> Option<DecisionStatus> {
        None
    }
    fn amounts(&self, _out: &mut Vec<DecisionAmount>) {}
    fn basis(&self, _out: &mut Vec<BasisFigure>) {}
    fn parts(&self, _out: &mut Vec<DecisionPart>) {}
    fn day_amounts<'a>(&'a self, _out: &mut Vec<DayAmount<'a>>) {}
}

/// A paid day entry: its date, amount and karensavdrag fields.
trait DaySource {
    fn date(&self) -> Option<&str>;
    fn amount(&self) -> Option<&LefiBelopp>;
    fn karensavdrag(&self) -> Option<&LefiBelopp> {
        None
    }
}

macro_rules! day_source {
    ($($ty:ty: $date:ident, $amount:ident $(, $karens:ident)?;)+) => {$(
        impl DaySource for $ty {
            fn date(&self) -> Option<&str> {
                self.$date.as_deref()
            }
            fn amount(&self) -> Option<&LefiBelopp> {
                self.$amount.as_ref()
            }
            $(fn karensavdrag(&self) -> Option<&LefiBelopp> {
                self.$karens.as_ref()
            })?
        }
    )+};
}

day_source! {
    LefiSjukpenningDag: ersattningsdatum, ersattningsbelopp, karensavdragsbelopp;
    LefiForebyggandeSjukpenningDag: ersattningsdatum, ersattningsbelopp, karensavdragsbelopp;
    LefiRehabersattningDag: ersattningsdatum, ersattningsbelopp, karensavdragsbelopp;
    LefiForaldrapenningErsattningsdag: dag, bruttobelopp;
    LefiTillfalligForaldrapenningDag: dag, bedomt_belopp;
    LefiProgramersattningDag: dag, belopp;
}

fn days_of<'a, T: DaySource>(
    list: &'static str,
    days: Option<&'a Vec<T>>,
    out: &mut Vec<DayAmount<'a>>,
) {
    out.extend(
        days.into_iter()
            .flatten()
            .enumerate()
            .map(|(index, d)| DayAmount {
                index,
                list,
                date: d.date().map(PaymentDate::from_text),
                amount: d.amount().and_then(StatedAmount::from_lefi),
                karensavdrag: d.karensavdrag().and_then(StatedAmount::from_lefi),
            }),
    );
}

fn fk_amount(
    out: &mut Vec<DecisionAmount>,
    meaning: AmountMeaning,
    field: &'static str,
    periodicitet: Option<&LefiSifferkod>,
    belopp: Option<&LefiBelopp>,
) {
    if let Some(amount) = belopp.and_then(StatedAmount::from_lefi) {
        out.push(DecisionAmount {
            meaning,
            frequency: Frequency::of_fk(periodicitet.and_then(|p| p.id)),
            amount,
            field,
        });
    }
}

fn basis_amount(out: &mut Vec<BasisFigure>, field: &'static str, b: Option<&LefiBelopp>) {
    if let Some(a) = b.and_then(StatedAmount::from_lefi) {
        out.push(BasisFigure {
            field,
            value: BasisValue::Amount(a),
        });
    }
}

fn basis_value(out: &mut Vec<BasisFigure>, field: &'static str, value: Option<BasisValue>) {
    if let Some(value) = value {
        out.push(BasisFigure { field, value });
    }
}

fn fraction(o: Option<&LefiOmfattning>) -> Option<Omfattning> {
    o.map(Omfattning::from)
}

fn fk_text_outcome(text: Option<&str>) -> Outcome {
    match text {
        None => Outcome::NotStated,
        Some(t) => FkBeslutsutfall::parse(t).map_or(Outcome::Unreadable, Outcome::Fk),
    }
}

/// One accessor per shared field; a table row lists the fields its type has.
macro_rules! field {
    (fattades) => {
        fn fattades(&self) -> Option<&str> {
            self.fattades.as_deref()
        }
    };
    (definitivt) => {
        fn definitivt(&self) -> Option<bool> {
            self.definitivt
        }
    };
    (karens) => {
        fn karens(&self) -> Option<bool> {
            self.karens
        }
    };
    (period) => {
        fn period(&self) -> Option<FranTill> {
            self.period
        }
    };
    (omfattning) => {
        fn omfattning(&self) -> Option<Degree> {
            fraction(self.omfattning.as_ref()).map(Degree::Fraction)
        }
    };
    (dagar) => {
        fn dagar(&self) -> Option<i64> {
            self.dagar
        }
    };
    (utfall_text) => {
        fn outcome(&self) -> Outcome {
            fk_text_outcome(self.beslutsutfall.as_deref())
        }
        fn status(&self) -> Option<DecisionStatus> {
            let typ = FkBeslutstyp::parse(self.beslutstyp.as_deref()?).ok()?;
            Some(DecisionStatus::Fk(typ))
        }
    };
    (belopp) => {
        fn amounts(&self, out: &mut Vec<DecisionAmount>) {
            fk_amount(
                out,
                AmountMeaning::DecidedGross,
                "beslutatBruttobelopp",
                self.periodicitet.as_ref(),
                self.beslutat_bruttobelopp.as_ref(),
            );
        }
    };
    (belopp_samordnat) => {
        fn amounts(&self, out: &mut Vec<DecisionAmount>) {
            let p = self.periodicitet.as_ref();
            fk_amount(
                out,
                AmountMeaning::DecidedGross,
                "beslutatBruttobelopp",
                p,
                self.beslutat_bruttobelopp.as_ref(),
            );
            fk_amount(
                out,
                AmountMeaning::CoordinatedGross,
                "samordnatBruttobelopp",
                p,
                self.samordnat_bruttobelopp.as_ref(),
            );
        }
    };
    (days $list:ident) => {
        fn day_amounts<'a>(&'a self, out: &mut Vec<DayAmount<'a>>) {
            days_of(stringify!($list), self.$list.as_ref(), out);
        }
    };
    (startades) => {
        fn startades(&self) -> Option<&str> {
            self.startades.as_deref()
        }
    };
    (aktivt) => {
        fn aktivt(&self) -> Option<bool> {
            self.aktivt
        }
    };
    (avslaget) => {
        fn avslaget(&self) -> Option<bool> {
            self.avslaget
        }
    };
}

/// The decision table: type, then the shared fields it has (`{ … }`), its list of paid
/// days (`[…]`), then the hand-written methods where it differs.
macro_rules! decisions {
    ($($ty:ty { $($f:ident),* } $([$days:ident])? $({ $($extra:item)* })?;)+) => {$(
        impl DecisionSource for $ty {
            $(field!($f);)*
            $(field!(days $days);)?
            $($($extra)*)?
        }
    )+};
}

/// The case table: type, decision type, `many` or `single` decisions, then the shared
/// fields it has, then the hand-written methods where it differs.
macro_rules! cases {
    (@decisions many) => {
        fn decisions(&self) -> Decisions<'_, Self::Decision> {
            Decisions::Many(self.beslut.as_deref().unwrap_or_default())
        }
    };
    (@decisions single) => {
        fn decisions(&self) -> Decisions<'_, Self::Decision> {
            Decisions::Single(self.beslut.as_ref())
        }
    };
    ($($ty:ty => $d:ty, $n:ident { $($f:ident),* } $({ $($extra:item)* })?;)+) => {$(
        impl CaseSource for $ty {
            type Decision = $d;
            cases!(@decisions $n);
            $(field!($f);)*
            $($($extra)*)?
        }
    )+};
}

decisions! {
    LefiAktivitetsstodBeslut { fattades, definitivt, period, belopp, dagar, karens };
    LefiAllmanpensionBeslut { fattades, definitivt, period, belopp_samordnat, omfattning };
    LefiArbetsskadelivrantaBeslut { fattades, definitivt, period, belopp_samordnat } {
        fn basis(&self, out: &mut Vec<BasisFigure>) {
            let Some(u) = &self.underlag else { return };
            basis_value(out, "underlag.faktor", u.faktor.map(BasisValue::Decimal));
            basis_value(out, "underlag.samordningsandel",
                fraction(u.samordningsandel.as_ref()).map(BasisValue::Fraction));
            basis_amount(out, "underlag.bruttoforhojning", u.bruttoforhojning.as_ref());
            basis_amount(out, "underlag.pensionsgrundandeInkomst", u.pensionsgrundande_inkomst.as_ref());
        }
    };
    LefiBarnbidragBeslut { fattades, definitivt, period, belopp };
    LefiBostadsbidragBeslut { fattades, definitivt, period, belopp } {
        fn basis(&self, out: &mut Vec<BasisFigure>) {
            let Some(u) = &self.underlag else { return };
            basis_amount(out, "underlag.reduceradBostadskostnad", u.reducerad_bostadskostnad.as_ref());
            basis_amount(out, "underlag.totalBostadskostnad", u.total_bostadskostnad.as_ref());
            for b in u.inkomster.iter().flatten() {
                basis_amount(out, "underlag.inkomster", Some(b));
            }
        }
    };
    LefiBostadstillaggBeslut { fattades, definitivt, period, belopp } {
        fn basis(&self, out: &mut Vec<BasisFigure>) {
            let Some(u) = &self.underlag else { return };
            basis_amount(out, "underlag.arsbruttokostnad", u.arsbruttokostnad.as_ref());
            basis_amount(out, "underlag.bostadstillaggsnettokostnad", u.bostadstillaggsnettokostnad.as_ref());
            basis_amount(out, "underlag.forsorjningsstodsarsnettokostnad", u.forsorjningsstodsarsnettokostnad.as_ref());
        }
    };
    LefiEfterlevandepensionBeslut { fattades, definitivt, period, belopp_samordnat } {
        // `omfattning` is a list here: the first is the degree, all are basis figures.
        fn omfattning(&self) -> Option<Degree> {
            fraction(self.omfattning.as_ref()?.first()).map(Degree::Fraction)
        }
        fn basis(&self, out: &mut Vec<BasisFigure>) {
            for o in self.omfattning.iter().flatten() {
                basis_value(out, "omfattning", Some(BasisValue::Fraction(Omfattning::from(o))));
            }
        }
    };
    LefiMottagareAvBarnbidragBeslut { fattades, definitivt, period, belopp };
    LefiForaldrapenningBeslut { fattades, definitivt, period, omfattning, dagar } [ersattningsdagar];
    LefiForebyggandeSjukpenningBeslut { fattades, definitivt, period, omfattning, dagar, karens, utfall_text } [ersattningsdagar];
    LefiHandikappersattningBeslut { fattades, definitivt, period, belopp, omfattning };
    LefiGraviditetspenningBeslut { fattades, definitivt, period, omfattning, dagar };
    LefiMerkostnadsersattningBeslut { fattades, definitivt, period, belopp } {
        fn outcome(&self) -> Outcome {
            numeric_outcome(self.beslutsutfall.as_ref(), |id| MekBeslutsutfall::from_id(id).ok().map(Outcome::Mek))
        }
        fn status(&self) -> Option<DecisionStatus> {
            fk_status(self.beslutstatus.as_ref())
        }
        fn parts(&self, out: &mut Vec<DecisionPart>) {
            for (index, p) in self.periodbeslut.iter().flatten().enumerate() {
                out.push(period_part(index, p.period, p.omfattning.as_ref(), p.andel.as_ref()));
            }
        }
    };
    LefiNarstaendepenningBeslut { fattades, definitivt, period, omfattning, dagar, karens };
    LefiOmvardnadsbidragBeslut { fattades, definitivt, period, belopp } {
        fn outcome(&self) -> Outcome {
            numeric_outcome(self.beslutsutfall.as_ref(), |id| OmvBeslutsutfall::from_id(id).ok().map(Outcome::Omv))
        }
        fn status(&self) -> Option<DecisionStatus> {
            fk_status(self.beslutstatus.as_ref())
        }
        fn parts(&self, out: &mut Vec<DecisionPart>) {
            for (index, p) in self.periodbeslut.iter().flatten().enumerate() {
                out.push(period_part(index, p.period, p.omfattning.as_ref(), p.andel.as_ref()));
            }
        }
    };
    LefiProgramersattningBeslut { fattades, definitivt, period, belopp } [ersattningsdagar];
    LefiRehabersattningBeslut { fattades, definitivt, period, omfattning, dagar, karens, utfall_text } [ersattningsdagar];
    LefiSjukOchAktivitetsersattningBeslut { fattades, definitivt, period, belopp_samordnat, omfattning };
    LefiSjukpenningBeslut { fattades, definitivt, period, omfattning, dagar, karens, utfall_text } [ersattningsdagar];
    LefiSmittbararersattningBeslut { fattades, definitivt, period, omfattning, dagar };
    LefiTillfalligForaldrapenningBeslut { fattades, definitivt, period, omfattning, dagar } [bedomdadagar];
    LefiTotalforsvarspliktspenningBeslut { fattades, definitivt, period, omfattning, dagar };
    LefiUnderhallsstodBeslut { fattades, definitivt, period, belopp_samordnat };
    LefiVardbidragBeslut { fattades, definitivt, period, belopp, omfattning };
    LefiYrkesskadelivrantaBeslut { fattades, definitivt, period, belopp } {
        fn basis(&self, out: &mut Vec<BasisFigure>) {
            let faktor = self.underlag.as_ref().and_then(|u| fraction(u.faktor.as_ref()));
            basis_value(out, "underlag.faktor", faktor.map(BasisValue::Fraction));
        }
    };
}

cases! {
    LefiAktivitetsstodArende => LefiAktivitetsstodBeslut, many { startades, aktivt, avslaget };
    LefiAllmanpensionArende => LefiAllmanpensionBeslut, many {};
    LefiArbetsskadelivrantaEfterlevandeArende => LefiArbetsskadelivrantaBeslut, many { startades, aktivt, avslaget } {
        fn basis(&self, out: &mut Vec<BasisFigure>) {
            let u = self.grunduppgifter.as_ref();
            basis_amount(out, "grunduppgifter.arsinkomstInnanSkada", u.and_then(|u| u.arsinkomst_innan_skada.as_ref()));
        }
    };
    LefiArbetsskadelivrantaEgenArende => LefiArbetsskadelivrantaBeslut, many { startades, aktivt, avslaget } {
        fn basis(&self, out: &mut Vec<BasisFigure>) {
            let Some(u) = &self.grunduppgifter else { return };
            basis_amount(out, "grunduppgifter.arsinkomstInnanSkada", u.arsinkomst_innan_skada.as_ref());
            basis_amount(out, "grunduppgifter.arsinkomstEfterSkada", u.arsinkomst_efter_skada.as_ref());
        }
    };
    LefiBarnbidragArende => LefiBarnbidragBeslut, many {};
    LefiBostadsbidragArende => LefiBostadsbidragBeslut, many { startades, aktivt, avslaget };
    LefiBostadstillaggArende => LefiBostadstillaggBeslut, many { startades, aktivt, avslaget };
    LefiEfterlevandepensionArende => LefiEfterlevandepensionBeslut, many {};
    LefiMottagareAvBarnbidragArende => LefiMottagareAvBarnbidragBeslut, many {};
    LefiForaldrapenningArende => LefiForaldrapenningBeslut, many { startades, aktivt, avslaget };
    LefiForebyggandeSjukpenningArende => LefiForebyggandeSjukpenningBeslut, many { startades, aktivt };
    LefiHandikappersattningArende => LefiHandikappersattningBeslut, many { startades, aktivt, avslaget };
    LefiGraviditetspenningArende => LefiGraviditetspenningBeslut, many { startades, aktivt, avslaget };
    LefiMerkostnadsersattningArende => LefiMerkostnadsersattningBeslut, single { startades, aktivt, avslaget };
    LefiNarstaendepenningArende => LefiNarstaendepenningBeslut, many { startades, aktivt, avslaget };
    LefiOmvardnadsbidragArende => LefiOmvardnadsbidragBeslut, single { startades, aktivt, avslaget };
    LefiProgramersattningArende => LefiProgramersattningBeslut, many {};
    LefiRehabersattningArende => LefiRehabersattningBeslut, many { startades, aktivt };
    LefiSjukOchAktivitetsersattningArende => LefiSjukOchAktivitetsersattningBeslut, many { startades, aktivt, avslaget };
    LefiSjukpenningArende => LefiSjukpenningBeslut, many { startades, aktivt, avslaget };
    LefiSmittbararersattningArende => LefiSmittbararersattningBeslut, many { startades, aktivt, avslaget };
    LefiTillfalligForaldrapenningArende => LefiTillfalligForaldrapenningBeslut, many { startades, aktivt, avslaget };
    LefiTotalforsvarspliktspenningArende => LefiTotalforsvarspliktspenningBeslut, many { startades, aktivt, avslaget };
    LefiUnderhallsstodArende => LefiUnderhallsstodBeslut, many { startades, aktivt, avslaget };
    LefiVardbidragArende => LefiVardbidragBeslut, many { startades, aktivt, avslaget };
    LefiYrkesskadelivrantaEfterlevandeArende => LefiYrkesskadelivrantaBeslut, many { startades, aktivt, avslaget };
    LefiYrkesskadelivrantaEgenArende => LefiYrkesskadelivrantaBeslut, many { startades, aktivt, avslaget };
}

/// A numeric outcome read with the benefit's own list; an id not in it is kept.
fn numeric_outcome(kod: Option<&LefiSifferkod>, list: impl Fn(u32) -> Option<Outcome>) -> Outcome {
    match kod.and_then(|k| k.id) {
        Some(id) => u32::try_from(id)
            .ok()
            .and_then(list)
            .unwrap_or(Outcome::UnknownId(id)),
        None => Outcome::NotStated,
    }
}

fn fk_status(kod: Option<&LefiBokstavskod>) -> Option<DecisionStatus> {
    let status = FkBeslutstatus::parse(kod?.id.as_deref()?).ok()?;
    Some(DecisionStatus::FkStatus(status))
}

fn period_part(
    index: usize,
    period: Option<FranTill>,
    omfattning: Option<&LefiOmfattning>,
    andel: Option<&LefiOmfattning>,
) -> DecisionPart {
    DecisionPart {
        list: "periodbeslut",
        index,
        period,
        degree: fraction(omfattning).map(Degree::Fraction),
        share: fraction(andel),
        amount: None,
        basis: Vec::new(),
    }
}

/// A Pensionsmyndigheten decision, read by hand: its parts are `beslutadErsattning`.
pub(super) fn pm_parts(beslut: &LefiPmFormanBeslut, out: &mut Vec<DecisionPart>) {
    for (index, e) in beslut.beslutad_ersattning.iter().flatten().enumerate() {
        let amount = e.beslutat_belopp.as_ref().and_then(|b| {
            Some(DecisionAmount {
                meaning: AmountMeaning::Decided,
                frequency: b
                    .beloppsfrekvens
                    .as_ref()
                    .map_or(Frequency::Unspecified, |f| Frequency::of_pm(f.kod)),
                amount: StatedAmount::sek(b.belopp?),
                field: "beslutatBelopp.belopp",
            })
        });
        let period = e.period.as_ref().map(|p| {
            FranTill::new(
                Some(PartialDate::Date(p.from)),
                p.tom.map(PartialDate::Date),
            )
        });
        let mut basis = Vec::new();
        if let Some(s) = e.underlag.as_ref().and_then(|u| u.samordning.as_ref()) {
            basis_value(
                &mut basis,
                "underlag.samordning.beloppForeSamordning",
                s.belopp_fore_samordning.map(BasisValue::Integer),
            );
        }
        out.push(DecisionPart {
            list: "beslutadErsattning",
            index,
            period,
            degree: e.omfattning.map(Degree::Decimal),
            share: None,
            amount,
            basis,
        });
    }
}
