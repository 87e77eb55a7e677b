//! Property: over generated responses whose payments are consistent except for some
//! deliberately broken ones, `check()` flags exactly the broken payments, with the rule
//! that was broken.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]

use std::collections::{BTreeMap, BTreeSet};

use lefi::model::lefi::LefiExternFormansinformationSvar;
use lefi::model::payments::PaymentList;
use proptest::prelude::*;

/// What to break in a payment.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Break {
    None,
    /// Net off by an odd amount (A1 / A5); odd, so that it never lands on the other
    /// accepted sign reading `gross + 2·|deductions|` either.
    Net(i64),
    /// Gross total off, net shifted with it so that only the row sum breaks (A2 / A5).
    Gross(i64),
    /// FK: the first row's currency changed.
    Currency,
    /// FK: the tax row's amount carried in `avdragsbelopp` (A3).
    TaxField,
}

impl Break {
    /// The rules `check()` must report for it (FK / PM naming).
    fn rules(self, pm: bool) -> BTreeSet<&'static str> {
        let set = |r: &[&'static str]| r.iter().copied().collect();
        match (self, pm) {
            (Self::None, _) => set(&[]),
            (Self::Net(_) | Self::Gross(_), true) => set(&["A5"]),
            (Self::Net(_), false) => set(&["A1"]),
            (Self::Gross(_), false) => set(&["A2"]),
            (Self::Currency, _) => set(&["currency"]),
            // The tax sum no longer matches either (the tax row is never zero).
            (Self::TaxField, _) => set(&["A3", "A2"]),
        }
    }
}

#[derive(Debug, Clone)]
struct FkPayment {
    /// Compensation rows in öre.
    brutto: Vec<i64>,
    /// The PS row in öre (> 0).
    skatt: i64,
    /// Other deduction rows (INF) in öre.
    avdrag: Vec<i64>,
    /// Deductions written as negative amounts (A4).
    negative: bool,
    brk: Break,
}

#[derive(Debug, Clone)]
struct PmPayment {
    rader: Vec<i64>,
    avdrag: Vec<(bool, i64)>,
    brk: Break,
}

fn nonzero() -> impl Strategy<Value = i64> {
    prop_oneof![-100_000_i64..=-1, 1_i64..=100_000]
}

fn fk_break() -> impl Strategy<Value = Break> {
    prop_oneof![
        4 => Just(Break::None),
        1 => nonzero().prop_map(|d| Break::Net(d | 1)),
        1 => nonzero().prop_map(Break::Gross),
        1 => Just(Break::Currency),
        1 => Just(Break::TaxField),
    ]
}

fn pm_break() -> impl Strategy<Value = Break> {
    prop_oneof![
        3 => Just(Break::None),
        1 => nonzero().prop_map(|d| Break::Net(d | 1)),
        1 => nonzero().prop_map(Break::Gross),
    ]
}

fn fk_payment() -> impl Strategy<Value = FkPayment> {
    (
        prop::collection::vec(0_i64..5_000_000, 1..4),
        1_i64..2_000_000,
        prop::collection::vec(0_i64..500_000, 0..3),
        any::<bool>(),
        fk_break(),
    )
        .prop_map(|(brutto, skatt, avdrag, negative, brk)| FkPayment {
            brutto,
            skatt,
            avdrag,
            negative,
            brk,
        })
}

fn pm_payment() -> impl Strategy<Value = PmPayment> {
    (
        prop::collection::vec(0_i64..50_000, 0..4),
        prop::collection::vec((any::<bool>(), 0_i64..20_000), 0..3),
        pm_break(),
    )
        .prop_map(|(rader, avdrag, brk)| PmPayment { rader, avdrag, brk })
}

fn kr(ore: i64) -> String {
    let sign = if ore < 0 { "-" } else { "" };
    format!("{sign}{}.{:02}", ore.abs() / 100, ore.abs() % 100)
}

fn belopp(ore: i64, valuta: &str) -> String {
    format!(r#"{{"summa":{},"valuta":"{valuta}"}}"#, kr(ore))
}

fn fk_json(p: &FkPayment) -> String {
    let sign = if p.negative { -1 } else { 1 };
    let gross: i64 = p.brutto.iter().sum();
    let tax = sign * p.skatt;
    let deductions = tax + sign * p.avdrag.iter().sum::<i64>();
    let mut net = gross - deductions.abs();
    let mut gross_total = gross;
    match p.brk {
        Break::Net(d) => net += d,
        Break::Gross(d) => {
            gross_total += d;
            net += d;
        }
        _ => {}
    }
    let mut rows = Vec::new();
    for (i, b) in p.brutto.iter().enumerate() {
        let valuta = if i == 0 && p.brk == Break::Currency {
            "EUR"
        } else {
            "SEK"
        };
        rows.push(format!(
            r#"{{"beloppstyp":{{"id":"SJP"}},"dagar":3,"bruttobelopp":{}}}"#,
            belopp(*b, valuta)
        ));
    }
    let tax_field = if p.brk == Break::TaxField {
        "avdragsbelopp"
    } else {
        "skattebelopp"
    };
    rows.push(format!(
        r#"{{"beloppstyp":{{"id":"PS"}},"{tax_field}":{}}}"#,
        belopp(tax, "SEK")
    ));
    for a in &p.avdrag {
        rows.push(format!(
            r#"{{"beloppstyp":{{"id":"INF"}},"avdragsbelopp":{}}}"#,
            belopp(sign * a, "SEK")
        ));
    }
    format!(
        r#"{{"datum":"2024-03-25","bruttobelopp":{},"skattebelopp":{},"avdragsbelopp":{},"nettobelopp":{},"utbetalningsdetalj":[{}]}}"#,
        belopp(gross_total, "SEK"),
        belopp(tax, "SEK"),
        belopp(deductions, "SEK"),
        belopp(net, "SEK"),
        rows.join(",")
    )
}

fn pm_json(p: &PmPayment) -> String {
    let gross: i64 = p.rader.iter().sum();
    let mut net = gross - p.avdrag.iter().map(|(_, a)| a).sum::<i64>();
    let mut gross_total = gross;
    match p.brk {
        Break::Net(d) => net += d,
        Break::Gross(d) => {
            gross_total += d;
            net += d;
        }
        _ => {}
    }
    let rader: Vec<String> = p
        .rader
        .iter()
        .map(|b| format!(r#"{{"belopp":{b},"beloppstyp":{{"kod":"PM:IP","beskrivning":"x"}}}}"#))
        .collect();
    let avdrag: Vec<String> = p
        .avdrag
        .iter()
        .map(|(tax, b)| {
            let kod = if *tax { "PM:PS" } else { "PM:UTMATNING" };
            format!(r#"{{"belopp":{b},"avdragstyp":{{"kod":"{kod}","beskrivning":"x"}}}}"#)
        })
        .collect();
    format!(
        r#"{{"utbetalningsdatum":"2024-03-19","bruttobelopp":{gross_total},"nettobelopp":{net},"avdrag":[{}],"utbetalningsrader":[{}]}}"#,
        avdrag.join(","),
        rader.join(",")
    )
}

fn list<T>(items: &[T], f: fn(&T) -> String) -> String {
    format!("[{}]", items.iter().map(f).collect::<Vec<_>>().join(","))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(128))]

    #[test]
    fn check_flags_exactly_the_broken_payments(
        fk_exec in prop::collection::vec(fk_payment(), 0..4),
        fk_prel in prop::collection::vec(fk_payment(), 0..3),
        pm_exec in prop::collection::vec(pm_payment(), 0..4),
        pm_prel in prop::collection::vec(pm_payment(), 0..3),
    ) {
        let json = format!(
            r#"{{"formansinformation":{{"utbetalningsuppgift":{},"preliminarautbetalningar":{}}},"utbetalningar":{},"preliminaraUtbetalningar":{}}}"#,
            list(&fk_exec, fk_json), list(&fk_prel, fk_json),
            list(&pm_exec, pm_json), list(&pm_prel, pm_json),
        );
        let svar: LefiExternFormansinformationSvar =
            lefi::wire::lefi_json::from_slice(json.as_bytes()).unwrap();
        prop_assert_eq!(svar.payments().count(), fk_exec.len() + fk_prel.len() + pm_exec.len() + pm_prel.len());

        let mut expected: BTreeMap<(PaymentList, usize), BTreeSet<&str>> = BTreeMap::new();
        let mut add = |list, i, rules: BTreeSet<&'static str>| {
            if !rules.is_empty() {
                expected.insert((list, i), rules);
            }
        };
        for (i, p) in fk_exec.iter().enumerate() { add(PaymentList::FkExecuted, i, p.brk.rules(false)); }
        for (i, p) in fk_prel.iter().enumerate() { add(PaymentList::FkPreliminary, i, p.brk.rules(false)); }
        for (i, p) in pm_exec.iter().enumerate() { add(PaymentList::PmExecuted, i, p.brk.rules(true)); }
        for (i, p) in pm_prel.iter().enumerate() { add(PaymentList::PmPreliminary, i, p.brk.rules(true)); }

        let mut found: BTreeMap<(PaymentList, usize), BTreeSet<&str>> = BTreeMap::new();
        for v in svar.check() {
            found
                .entry((v.location().list(), v.location().index()))
                .or_default()
                .insert(v.rule());
        }
        prop_assert_eq!(found, expected);
    }
}
