//! The payment view and its checks on the embedded sample response
//! (`examples/data/lefi-v9-svar.json`, made-up and consistent) and on mutations of it.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]

use lefi::codes::{BeloppsKlass, Foretag, UtlamnareKod};
use lefi::model::lefi::LefiExternFormansinformationSvar;
use lefi::model::payments::{
    AmountField, AnyPayment, CheckedPayment, PaymentList, PaymentStatus, PaymentSummary, Total,
    ViolationKind,
};
use lefi::money::{Belopp, Valuta};
use rust_decimal::Decimal;
use serde_json::{Value, json};

const SAMPLE: &[u8] = include_bytes!("../../examples/data/lefi-v9-svar.json");

fn decode(bytes: &[u8]) -> LefiExternFormansinformationSvar {
    lefi::wire::lefi_json::from_slice(bytes).expect("sample decodes")
}

fn sek(units: i64, scale: u32) -> Belopp {
    Belopp::sek(Decimal::new(units, scale))
}

fn show(b: Option<Belopp>) -> String {
    b.map_or_else(|| "-".to_owned(), |b| b.to_string())
}

/// Everything the view says about a payment, on one line.
fn describe(p: &AnyPayment<'_>) -> String {
    let rows: Vec<String> = p
        .rows()
        .map(|r| {
            let typ = r.row_type().unwrap().map(|t| t.code().to_owned());
            let mut s = format!(
                "{}:{}:{}",
                typ.unwrap_or_default(),
                r.klass().map(|k| k.description()).unwrap_or("?"),
                show(r.amount())
            );
            if let Some(o) = r.omfattning() {
                s.push_str(&format!(":{o}"));
            }
            if let Some(d) = r.days() {
                s.push_str(&format!(":{d}d"));
            }
            s
        })
        .collect();
    format!(
        "{} {} {} {} {} gross={} tax={} deductions={} net={} | {}",
        p.location(),
        p.utlamnare().code(),
        p.status(),
        p.date().map(|d| d.to_string()).unwrap_or_default(),
        p.period().map(|d| d.to_string()).unwrap_or_default(),
        show(p.gross()),
        show(p.tax()),
        show(p.deductions()),
        show(p.net()),
        rows.join(", ")
    )
}

#[test]
fn sample_gives_the_exact_payments() {
    let svar = decode(SAMPLE);
    let got: Vec<String> = svar.payments().map(|p| describe(&p)).collect();
    assert_eq!(
        got,
        [
            "formansinformation.utbetalningsuppgift[0] FK executed 2024-03-25 2024-02-01–2024-02-29 \
             gross=12450.00 SEK tax=3735.00 SEK deductions=4235.00 SEK net=8215.00 SEK | \
             SJP:Ersättning:12450.00 SEK:1/1:29d, PS:Skatt:3735.00 SEK, INF:Avdrag:500.00 SEK",
            "formansinformation.preliminarautbetalningar[0] FK preliminary 2024-04-25 2024-03-01–2024-03-31 \
             gross=13312.5 SEK tax=3993.75 SEK deductions=3993.75 SEK net=9318.75 SEK | \
             SJP:Ersättning:13312.5 SEK:3/4:31d, PS:Skatt:3993.75 SEK",
            "utbetalningar[0] PM executed 2024-03-19 2024-03-01–2024-03-31 \
             gross=9870 SEK tax=2467 SEK deductions=2467 SEK net=7403 SEK | \
             PM:IP:Ersättning:6120 SEK, PM:GARP:Ersättning:3750 SEK, PM:PS:Skatt:2467 SEK",
            "preliminaraUtbetalningar[0] PM preliminary 2024-04-19 2024-04-01–2024-04-30 \
             gross=9870 SEK tax=2467 SEK deductions=2467 SEK net=7403 SEK | \
             PM:IP:Ersättning:9870 SEK, PM:PS:Skatt:2467 SEK",
        ]
    );
    let fk = svar.executed_payments().next().unwrap();
    assert_eq!(fk.foretag(), Some(Ok(Foretag::Forsakringskassan)));
    assert_eq!(fk.utlamnare(), UtlamnareKod::Fk);
    assert!(svar.check().is_empty(), "{:?}", svar.check());
}

#[test]
fn typed_iterators_split_by_status() {
    let svar = decode(SAMPLE);
    let executed: Vec<PaymentList> = svar
        .executed_payments()
        .map(|p| p.location().list())
        .collect();
    assert_eq!(executed, [PaymentList::FkExecuted, PaymentList::PmExecuted]);
    let preliminary: Vec<PaymentList> = svar
        .preliminary_payments()
        .map(|p| p.location().list())
        .collect();
    assert_eq!(
        preliminary,
        [PaymentList::FkPreliminary, PaymentList::PmPreliminary]
    );
    for p in svar.payments() {
        assert_eq!(p.status(), p.location().list().status());
        match p {
            AnyPayment::Executed(e) => assert_eq!(e.into_any(), p),
            AnyPayment::Preliminary(e) => assert_eq!(e.into_any(), p),
        }
    }
    let checked: Vec<_> = svar
        .executed_payments()
        .map(CheckedPayment::try_from)
        .collect();
    assert!(checked.iter().all(Result::is_ok));
}

/// Applies `mutate` to the sample's JSON and returns the (path, kind) of each violation.
fn violations_after(mutate: impl FnOnce(&mut Value)) -> Vec<(String, ViolationKind)> {
    let mut value: Value = serde_json::from_slice(SAMPLE).unwrap();
    mutate(&mut value);
    let svar = decode(&serde_json::to_vec(&value).unwrap());
    svar.check()
        .into_iter()
        .map(|v| (v.path().to_owned(), v.kind().clone()))
        .collect()
}

fn fk_exec(v: &mut Value) -> &mut Value {
    &mut v["formansinformation"]["utbetalningsuppgift"][0]
}

const FK0: &str = "formansinformation.utbetalningsuppgift[0]";

#[test]
fn fk_net_mismatch_is_a1() {
    let got = violations_after(|v| fk_exec(v)["nettobelopp"]["summa"] = json!(8200.00));
    assert_eq!(
        got,
        [(
            format!("{FK0}.nettobelopp"),
            ViolationKind::Net {
                expected: sek(821_500, 2),
                found: sek(8200, 0)
            }
        )]
    );
}

#[test]
fn fk_detail_gross_sum_is_a2() {
    let got = violations_after(|v| {
        fk_exec(v)["utbetalningsdetalj"][0]["bruttobelopp"]["summa"] = json!(12400)
    });
    assert_eq!(
        got,
        [(
            format!("{FK0}.bruttobelopp"),
            ViolationKind::RowSum {
                total: Total::Gross,
                expected: sek(12400, 0),
                found: sek(1_245_000, 2)
            }
        )]
    );
}

#[test]
fn tax_row_in_the_deduction_field_is_a3_and_a2() {
    let got = violations_after(|v| {
        let row = fk_exec(v)["utbetalningsdetalj"][1].as_object_mut().unwrap();
        let skatt = row.remove("skattebelopp").unwrap();
        row.insert("avdragsbelopp".into(), skatt);
    });
    assert_eq!(
        got,
        [
            (
                format!("{FK0}.utbetalningsdetalj[1].avdragsbelopp"),
                ViolationKind::RowField {
                    klass: BeloppsKlass::Skatt,
                    expected: AmountField::Skatt,
                    found: Some(AmountField::Avdrag)
                }
            ),
            (
                format!("{FK0}.skattebelopp"),
                ViolationKind::RowSum {
                    total: Total::Tax,
                    expected: sek(0, 0),
                    found: sek(373_500, 2)
                }
            ),
        ]
    );
}

#[test]
fn deduction_row_without_amount_is_a3_and_a2() {
    let got = violations_after(|v| {
        let row = fk_exec(v)["utbetalningsdetalj"][2].as_object_mut().unwrap();
        row.remove("avdragsbelopp").unwrap();
    });
    assert_eq!(
        got,
        [
            (
                format!("{FK0}.utbetalningsdetalj[2].avdragsbelopp"),
                ViolationKind::RowField {
                    klass: BeloppsKlass::Avdrag,
                    expected: AmountField::Avdrag,
                    found: None
                }
            ),
            (
                format!("{FK0}.avdragsbelopp"),
                ViolationKind::RowSum {
                    total: Total::Deductions,
                    expected: sek(373_500, 2),
                    found: sek(423_500, 2)
                }
            ),
        ]
    );
}

#[test]
fn tax_larger_than_deductions_is_a1() {
    let got = violations_after(|v| {
        let u = fk_exec(v);
        u["avdragsbelopp"]["summa"] = json!(3000.00);
        u["nettobelopp"]["summa"] = json!(9450.00);
    });
    assert_eq!(
        got,
        [
            (
                format!("{FK0}.avdragsbelopp"),
                ViolationKind::TaxExceedsDeductions {
                    tax: sek(373_500, 2),
                    deductions: sek(3000, 0)
                }
            ),
            (
                format!("{FK0}.avdragsbelopp"),
                ViolationKind::RowSum {
                    total: Total::Deductions,
                    expected: sek(4235, 0),
                    found: sek(3000, 0)
                }
            ),
        ]
    );
}

#[test]
fn negative_deductions_are_accepted_a4() {
    let got = violations_after(|v| {
        let u = fk_exec(v);
        u["skattebelopp"]["summa"] = json!(-3735.00);
        u["avdragsbelopp"]["summa"] = json!(-4235.00);
        u["utbetalningsdetalj"][1]["skattebelopp"]["summa"] = json!(-3735.00);
        u["utbetalningsdetalj"][2]["avdragsbelopp"]["summa"] = json!(-500.00);
    });
    assert_eq!(got, []);
}

#[test]
fn other_currency_is_reported_once_without_cascading() {
    let got = violations_after(|v| {
        v["formansinformation"]["preliminarautbetalningar"][0]["utbetalningsdetalj"][1]["skattebelopp"]
            ["valuta"] = json!("EUR");
    });
    assert_eq!(
        got,
        [(
            "formansinformation.preliminarautbetalningar[0].utbetalningsdetalj[1].skattebelopp"
                .to_owned(),
            ViolationKind::CurrencyMismatch {
                expected: Valuta::SEK,
                found: Valuta::parse("EUR").unwrap()
            }
        )]
    );
}

#[test]
fn invalid_currency_is_reported() {
    let got = violations_after(|v| fk_exec(v)["bruttobelopp"]["valuta"] = json!("kr"));
    assert_eq!(
        got,
        [(
            format!("{FK0}.bruttobelopp"),
            ViolationKind::InvalidCurrency
        )]
    );
}

#[test]
fn pm_net_mismatch_is_a5() {
    let got = violations_after(|v| v["utbetalningar"][0]["nettobelopp"] = json!(7400));
    assert_eq!(
        got,
        [(
            "utbetalningar[0].nettobelopp".to_owned(),
            ViolationKind::Net {
                expected: sek(7403, 0),
                found: sek(7400, 0)
            }
        )]
    );
}

#[test]
fn pm_row_sum_is_a5() {
    let got = violations_after(|v| {
        v["preliminaraUtbetalningar"][0]["utbetalningsrader"][0]["belopp"] = json!(9000);
    });
    assert_eq!(
        got,
        [(
            "preliminaraUtbetalningar[0].bruttobelopp".to_owned(),
            ViolationKind::RowSum {
                total: Total::Gross,
                expected: sek(9000, 0),
                found: sek(9870, 0)
            }
        )]
    );
    let mut value: Value = serde_json::from_slice(SAMPLE).unwrap();
    value["preliminaraUtbetalningar"][0]["utbetalningsrader"][0]["belopp"] = json!(9000);
    let svar = decode(&serde_json::to_vec(&value).unwrap());
    let err = CheckedPayment::try_from(svar.preliminary_payments().nth(1).unwrap()).unwrap_err();
    assert_eq!(err.violations().len(), 1);
    assert_eq!(err.violations()[0].rule(), "A5");
    assert_eq!(
        err.to_string(),
        "payment preliminaraUtbetalningar[0] breaks 1 amount invariant(s)"
    );
}

#[test]
fn summary_table_of_the_sample() {
    let svar = decode(SAMPLE);
    let table = PaymentSummary::new(&svar).to_string();
    let expected = "\
source  status       date        period                        gross          tax   deductions          net  violations
FK      executed     2024-03-25  2024-02-01–2024-02-29  12450.00 SEK  3735.00 SEK  4235.00 SEK  8215.00 SEK           0
FK      preliminary  2024-04-25  2024-03-01–2024-03-31   13312.5 SEK  3993.75 SEK  3993.75 SEK  9318.75 SEK           0
PM      executed     2024-03-19  2024-03-01–2024-03-31      9870 SEK     2467 SEK     2467 SEK     7403 SEK           0
PM      preliminary  2024-04-19  2024-04-01–2024-04-30      9870 SEK     2467 SEK     2467 SEK     7403 SEK           0
4 payment(s), 0 violation(s)";
    assert_eq!(table, expected);
    assert_eq!(
        PaymentSummary::new(&svar).lines()[1].status,
        PaymentStatus::Preliminary
    );
    // No personal data: the sample's person is not in the table.
    let person = &svar
        .formansinformation
        .as_ref()
        .unwrap()
        .generell_personinformation
        .as_ref()
        .unwrap()[0];
    let pnr = person.personnummer.as_ref().unwrap().expose().to_owned();
    assert!(!table.contains(&pnr) && !table.contains(&pnr[2..]));
    assert!(!table.contains("Tolvan"));
}

/// An FK payment whose rows stretch the one "which amount" rule: the field the class
/// names when the row has it, else the first of brutto, avdrag, skatt it has; the amount
/// is that field's, whatever its currency.
const ODD_ROWS: &[u8] = br#"{"formansinformation":{"utbetalningsuppgift":[{
    "foretag":{"id":1003},
    "bruttobelopp":{"summa":10,"valuta":"XX"},
    "utbetalningsdetalj":[
      {"beloppstyp":{"id":"SJP"},"bruttobelopp":{"summa":10,"valuta":"XX"},
       "avdragsbelopp":{"summa":5,"valuta":"SEK"},"omfattning":{"taljare":2}},
      {"skattebelopp":{"summa":3.5,"valuta":"SEK"}},
      {"beloppstyp":{"id":"PS"},"avdragsbelopp":{"summa":4,"valuta":"SEK"}},
      {"beloppstyp":{"id":"SJP"},"bruttobelopp":{"valuta":"SEK"},
       "skattebelopp":{"summa":1,"valuta":"SEK"}}]}]}}"#;

#[test]
fn one_rule_says_which_field_holds_a_rows_amount() {
    let svar = decode(ODD_ROWS);
    let payment = svar.executed_payments().next().unwrap();
    assert_eq!(payment.utbetalare(), Some(UtlamnareKod::Pm));
    let gross = payment.stated(AmountField::Brutto).unwrap();
    assert_eq!((gross.summa(), gross.valuta()), (Decimal::from(10), None));
    assert_eq!(payment.gross(), None);
    assert_eq!(payment.stated(AmountField::Netto), None);

    let rows: Vec<_> = payment.rows().collect();
    let fields: Vec<_> = rows.iter().map(|r| r.amount_field()).collect();
    assert_eq!(
        fields,
        [
            Some(AmountField::Brutto),
            Some(AmountField::Skatt),
            Some(AmountField::Avdrag),
            Some(AmountField::Brutto),
        ]
    );
    // The SJP row's amount is its bruttobelopp, in an invalid currency: stated, not a
    // `Belopp`, and not replaced by the avdragsbelopp beside it.
    let stated = rows[0].stated_amount().unwrap();
    assert_eq!((stated.summa(), stated.valuta()), (Decimal::from(10), None));
    assert_eq!(rows[0].amount(), None);
    assert_eq!(rows[1].amount(), Some(sek(35, 1)));
    assert_eq!(rows[2].amount(), Some(sek(4, 0)));
    // A bruttobelopp without a summa still names the field: the row states no amount.
    assert_eq!(rows[3].stated_amount(), None);

    let omfattning = rows[0].omfattning().unwrap();
    assert_eq!((omfattning.taljare(), omfattning.namnare()), (Some(2), None));
    assert_eq!(omfattning.to_string(), "2/-");
    assert_eq!(omfattning.fraction(), None);
    assert!(!omfattning.is_unset());

    let kinds: Vec<_> = payment.check().iter().map(|v| v.path().to_owned()).collect();
    assert!(
        kinds.contains(&"formansinformation.utbetalningsuppgift[0].utbetalningsdetalj[0].bruttobelopp".to_owned()),
        "{kinds:?}"
    );
}
