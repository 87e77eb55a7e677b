//! The benefits view (`model::benefits`, `legal::BenefitsView`): paths, outcomes, degrees,
//! the checks, the timeline, narrowing, identities, and answers converted up from LEFI XML.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]

use chrono::NaiveDate;
use lefi::codes::{FkFormanGrupp, FormanGrupp, MekBeslutsutfall};
use lefi::convert::{Document, Format, benefits_view};
use lefi::legal::BenefitsView;
use lefi::model::benefits::{Benefit, BenefitViolationKind, Frequency, Outcome, OutcomeClass};
use lefi::model::lefi::LefiExternFormansinformationSvar;
use lefi::period::Period;
use lefi::version::LefiVersion;
use lefi::wire::lefi_json;
use proptest::prelude::*;
use rust_decimal::Decimal;

fn svar(json: &str) -> LefiExternFormansinformationSvar {
    lefi_json::from_slice(json.as_bytes()).unwrap()
}

fn day(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

fn sjp(periods: &[(&str, &str, i64, i64)]) -> String {
    let beslut: Vec<String> = periods
        .iter()
        .map(|(f, t, a, b)| {
            format!(
                r#"{{"beslutsutfall":"BEVILJAN","period":{{"fran":"{f}","till":"{t}"}},"omfattning":{{"taljare":{a},"namnare":{b}}}}}"#
            )
        })
        .collect();
    format!(
        r#"{{"formansinformation":{{"sjukpenningarende":[{{"beslut":[{}]}}]}}}}"#,
        beslut.join(",")
    )
}

#[test]
fn overlapping_sjukpenning_at_50_and_75_percent_is_flagged() {
    let s = svar(&sjp(&[
        ("2024-01-01", "2024-01-31", 1, 2),
        ("2024-01-15", "2024-02-15", 3, 4),
    ]));
    let v = s.benefits().check();
    assert_eq!(v.len(), 1, "{v:?}");
    assert_eq!(
        v[0].path(),
        "formansinformation.sjukpenningarende[0].beslut[1]"
    );
    match v[0].kind() {
        BenefitViolationKind::DegreeOver100 { total, with } => {
            assert_eq!(*total, Decimal::new(125, 2));
            assert_eq!(with, &["formansinformation.sjukpenningarende[0].beslut[0]"]);
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn adjacent_and_full_degrees_are_not_flagged() {
    let s = svar(&sjp(&[
        ("2024-01-01", "2024-01-31", 1, 1),
        ("2024-02-01", "2024-02-29", 1, 1),
        ("2024-03-01", "2024-03-31", 1, 2),
        ("2024-03-10", "2024-03-20", 1, 2),
    ]));
    assert!(s.benefits().check().is_empty());
}

#[test]
fn refused_decisions_do_not_count_towards_the_degree() {
    let json = sjp(&[
        ("2024-01-01", "2024-01-31", 1, 1),
        ("2024-01-10", "2024-01-20", 1, 1),
    ])
    .replacen("BEVILJAN", "AVSLAG", 1);
    let s = svar(&json);
    let b = s.benefits();
    assert_eq!(
        b.decisions().next().unwrap().outcome().class(),
        OutcomeClass::Refused
    );
    assert!(b.check().is_empty());
}

#[test]
fn open_period_that_is_not_last_and_parts_outside_are_flagged() {
    let s = svar(
        r#"{"formansinformation":{
            "sjukpenningarende":[{"beslut":[
                {"period":{"fran":"2024-01-01"}},
                {"period":{"fran":"2024-03-01","till":"2024-03-31"}}]}],
            "merkostnadsersattningsarende":[{"startades":"2024-02-01","beslut":{
                "fattades":"2024-01-15","beslutsutfall":{"id":2},"beslutstatus":{"id":"S"},
                "period":{"fran":"2024-02","till":"2024-06"},
                "periodbeslut":[{"period":{"fran":"2024-02-01","till":"2024-04-30"},"omfattning":{"taljare":3,"namnare":10}},
                                {"period":{"fran":"2024-05-01","till":"2024-07-31"},"omfattning":{"taljare":4,"namnare":10}}]}}]}}"#,
    );
    let kinds: Vec<(String, String)> = s
        .benefits()
        .check()
        .iter()
        .map(|v| {
            (
                v.path().to_owned(),
                format!("{:?}", v.kind())
                    .split([' ', '{'])
                    .next()
                    .unwrap()
                    .to_owned(),
            )
        })
        .collect();
    assert_eq!(
        kinds,
        [
            (
                "formansinformation.merkostnadsersattningsarende[0].beslut".to_owned(),
                "DecidedBeforeCaseStarted".to_owned()
            ),
            (
                "formansinformation.merkostnadsersattningsarende[0].beslut.periodbeslut[1]"
                    .to_owned(),
                "OutsideDecision".to_owned()
            ),
            (
                "formansinformation.sjukpenningarende[0].beslut[0]".to_owned(),
                "OpenPeriodNotLast".to_owned()
            ),
        ]
    );
    let b = s.benefits();
    let mek = &b.cases()[0].decisions()[0];
    assert_eq!(mek.outcome(), &Outcome::Mek(MekBeslutsutfall::Beviljande));
    assert_eq!(mek.outcome().to_string(), "BEVILJANDE");
    assert_eq!(mek.parts().len(), 2);
}

#[test]
fn unknown_outcomes_are_kept() {
    let s = svar(
        r#"{"formansinformation":{"rehabersattningsarende":[{"beslut":[{"beslutsutfall":"DELVIS"}]}],
            "omvardnadsbidragsarende":[{"beslut":{"beslutsutfall":{"id":9}}}]}}"#,
    );
    let b = s.benefits();
    let outcomes: Vec<String> = b.decisions().map(|d| d.outcome().to_string()).collect();
    assert_eq!(outcomes, ["9", "DELVIS"]); // table order: omvårdnadsbidrag before rehabilitering
    assert!(
        b.decisions()
            .all(|d| d.outcome().class() == OutcomeClass::Unknown)
    );
}

#[test]
fn pm_decisions_are_cases_with_parts() {
    let s = svar(
        r#"{"beslut":[{"beslutsdatum":"2024-01-10","formansgrupp":{"kod":"PM:AP","beskrivning":"x"},
            "beslutsutfall":{"kod":"BIFALL","beskrivning":"Bifall"},
            "beslutadErsattning":[{"beslutatBelopp":{"belopp":9870,"beloppsfrekvens":{"kod":"MANAD","beskrivning":"m"}},
                "period":{"from":"2024-02-01"},"omfattning":0.5}]}]}"#,
    );
    let b = s.benefits();
    let case = &b.cases()[0];
    assert_eq!(case.benefit(), Benefit::PmBeslut);
    let d = &case.decisions()[0];
    assert_eq!(d.location().to_string(), "beslut[0]");
    let part = &d.parts()[0];
    let amount = part.amount().unwrap();
    assert_eq!(amount.frequency(), Frequency::Month);
    assert_eq!(amount.amount().summa(), Decimal::from(9870));
    assert_eq!(part.period().unwrap().till(), None);
    let asked = Period::new(day("2024-01-01"), day("2024-03-31")).unwrap();
    let t = b.timeline(asked);
    assert_eq!(t.len(), 1);
    assert_eq!(t[0].segments()[0].period().from(), day("2024-02-01"));
    assert_eq!(t[0].segments()[0].period().tom(), day("2024-03-31"));
    assert_eq!(t[0].segments()[0].degree(), Some(Decimal::new(5, 1)));
}

#[test]
fn timeline_sums_daily_amounts_of_paid_days() {
    let s = svar(
        r#"{"formansinformation":{"sjukpenningarende":[{"beslut":[
            {"period":{"fran":"2024-01-01","till":"2024-01-02"},"omfattning":{"taljare":1,"namnare":2},
             "ersattningsdagar":[{"ersattningsdatum":"2024-01-01","ersattningsbelopp":{"summa":400.50,"valuta":"SEK"}},
                                 {"ersattningsdatum":"2024-01-02","ersattningsbelopp":{"summa":400.50,"valuta":"SEK"}}]},
            {"period":{"fran":"2024-01-02","till":"2024-01-03"},"omfattning":{"taljare":1,"namnare":4},
             "ersattningsdagar":[{"ersattningsdatum":"2024-01-02","ersattningsbelopp":{"summa":200.25,"valuta":"SEK"}}]}]}]}}"#,
    );
    let asked = Period::new(day("2024-01-01"), day("2024-01-31")).unwrap();
    let t = s.benefits().timeline(asked);
    let rows: Vec<(String, Option<String>, Option<String>)> = t[0]
        .segments()
        .iter()
        .map(|s| {
            (
                s.period().to_string(),
                s.degree().map(|d| d.normalize().to_string()),
                s.daily().map(|a| a.summa().to_string()),
            )
        })
        .collect();
    assert_eq!(
        rows,
        [
            (
                "2024-01-01/2024-01-01".to_owned(),
                Some("0.5".to_owned()),
                Some("400.50".to_owned())
            ),
            (
                "2024-01-02/2024-01-02".to_owned(),
                Some("0.75".to_owned()),
                Some("600.75".to_owned())
            ),
            (
                "2024-01-03/2024-01-03".to_owned(),
                Some("0.25".to_owned()),
                Some("200.25".to_owned())
            ),
        ]
    );
}

#[test]
fn the_view_holds_no_identities() {
    let json = r#"{"formansinformation":{
        "generellPersoninformation":[{"personnummer":"191212121212","namn":"Tolvan Tolvansson"}],
        "tillfalligForaldrapenningarende":[{"grunduppgifter":{"barn":{"personnummer":"201212121212","namn":"Lillan"}},
            "beslut":[{"period":{"fran":"2024-01-01","till":"2024-01-05"}}]}],
        "bostadsbidragsarende":[{"medsokande":[{"personnummer":"198001019999","namn":"Sambo"}],"beslut":[{}]}]}}"#;
    let s = svar(json);
    let view = BenefitsView::from_lefi(&s, None);
    let text = format!(
        "{}{}{:?}",
        serde_json::to_string(&view).unwrap(),
        view,
        s.benefits()
    );
    for secret in [
        "191212121212",
        "Tolvan",
        "201212121212",
        "Lillan",
        "198001019999",
        "Sambo",
    ] {
        assert!(!text.contains(secret), "{secret} leaked");
    }
    assert_eq!(view.cases.len(), 2);
}

#[test]
fn narrowing_keeps_only_the_groups_asked_for() {
    let s = svar(
        r#"{"formansinformation":{"sjukpenningarende":[{}],"barnbidragsarende":[{}],"arbetsskadeegenlivrantearende":[{}]},
            "beslut":[{"formansgrupp":{"kod":"PM:AP","beskrivning":"x"}},{"formansgrupp":{"kod":"PM:EF","beskrivning":"x"}}]}"#,
    );
    let groups = [
        FormanGrupp::Fk(FkFormanGrupp::Sjp),
        "PM:EF".parse().unwrap(),
    ];
    let view = BenefitsView::new(&s.benefits(), None, LefiVersion::V9, Some(&groups));
    let paths: Vec<&str> = view.cases.iter().map(|c| c.path.as_str()).collect();
    assert_eq!(
        paths,
        ["formansinformation.sjukpenningarende[0]", "beslut[1]"]
    );
    assert_eq!(view.narrowed_to, Some(vec!["FK:SJP", "PM:EF"]));
    assert_eq!(BenefitsView::from_lefi(&s, None).cases.len(), 5);
}

#[test]
fn answers_from_lefi_xml_v7_say_what_the_version_cannot_carry() {
    let sample = include_bytes!(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/examples/data/lefi-v9-svar.json"
    ));
    let (_, doc) = Document::decode_detected(sample).unwrap();
    let (xml, _) = doc.encode(Format::LefiV7).unwrap();
    let (format, back) = Document::decode_detected(&xml).unwrap();
    assert_eq!(format, Format::LefiV7);
    let view = benefits_view(&back, format, None).unwrap();
    assert_eq!(view.version, LefiVersion::V7);
    assert_eq!(
        view.not_carried,
        [
            "beslut",
            "formansinformation.forebyggandeSjukpenningsarende"
        ]
    );
    assert_eq!(
        view.cases,
        BenefitsView::from_lefi(doc.lefi_svar().unwrap(), None).cases
    );
    assert!(view.to_string().contains("not carried by LEFI 7: beslut"));
}

#[test]
fn every_list_of_the_table_is_walked() {
    // One case in each FK list and one PM decision: the view finds each at its path.
    let keys: Vec<&str> = Benefit::ALL
        .iter()
        .filter(|b| **b != Benefit::PmBeslut)
        .map(|b| b.json_path().trim_start_matches("formansinformation."))
        .collect();
    let body: Vec<String> = keys.iter().map(|k| format!(r#""{k}":[{{}}]"#)).collect();
    let s = svar(&format!(
        r#"{{"formansinformation":{{{}}},"beslut":[{{}}]}}"#,
        body.join(",")
    ));
    let b = s.benefits();
    let found: Vec<Benefit> = b.cases().iter().map(|c| c.benefit()).collect();
    assert_eq!(found, Benefit::ALL);
}

proptest! {
    /// Two sjukpenning decisions flag the degree rule exactly when they overlap and their
    /// degrees add up to more than 100 %.
    #[test]
    fn degree_rule_matches_arithmetic(a0 in 0u32..60, alen in 0u32..40, b0 in 0u32..60, blen in 0u32..40,
                                      ta in 1i64..5, tb in 1i64..5) {
        let base = day("2024-01-01");
        let d = |n: u32| (base + chrono::Days::new(u64::from(n))).to_string();
        let s = svar(&sjp(&[(&d(a0), &d(a0 + alen), ta, 4), (&d(b0), &d(b0 + blen), tb, 4)]));
        let overlap = a0 <= b0 + blen && b0 <= a0 + alen;
        let flagged = s.benefits().check().iter().any(|v| matches!(v.kind(), BenefitViolationKind::DegreeOver100 { .. }));
        prop_assert_eq!(flagged, overlap && ta + tb > 4);
    }
}

const SGI: &str = r#"{"formansinformation":{"sjukpenningarende":[{}],"barnbidragsarende":[{}],
    "sjukpenninggrundandeInkomstuppgift":[
        {"faststalldes":"2024-01-15","typ":{"id":0,"beskrivning":"A- eller B-inkomst"},
         "anstallning":{"summa":420000.50,"valuta":"SEK"},"verksamhet":{"summa":12000,"valuta":"SEK"},
         "karens":7,"dagar":260,"timmar":2080},
        {"faststalldes":"snart","typ":{"id":9,"beskrivning":"Ny typ"}}]}}"#;

#[test]
fn sgi_figures_are_read_exactly_with_paths_and_unknown_kinds_kept() {
    use lefi::codes::SgiTyp;
    use lefi::model::benefits::SgiKind;

    let s = svar(SGI);
    let benefits = s.benefits();
    let sgi = benefits.sgi();
    assert_eq!(sgi.len(), 2);
    assert_eq!(
        sgi[0].path(),
        "formansinformation.sjukpenninggrundandeInkomstuppgift[0]"
    );
    assert_eq!(
        sgi[1].path(),
        "formansinformation.sjukpenninggrundandeInkomstuppgift[1]"
    );
    assert_eq!(
        sgi[0].established().and_then(|d| d.as_date()),
        Some(day("2024-01-15"))
    );
    assert_eq!(sgi[0].kind(), Some(SgiKind::Known(SgiTyp::AEllerBInkomst)));
    let employment = sgi[0].employment().unwrap();
    assert_eq!(employment.summa(), Decimal::new(42_000_050, 2));
    assert_eq!(employment.summa().to_string(), "420000.50");
    assert_eq!(
        employment.valuta().map(|v| v.to_string()).as_deref(),
        Some("SEK")
    );
    assert_eq!(sgi[0].business().unwrap().summa(), Decimal::from(12000));
    assert_eq!(sgi[0].karens_days(), Some(7));
    assert_eq!(sgi[0].working_days(), Some(260));
    assert_eq!(sgi[0].working_hours(), Some(2080));
    // an unknown kind is kept, a date that is no date is not one
    assert_eq!(sgi[1].kind(), Some(SgiKind::Unknown(9)));
    assert_eq!(sgi[1].established().and_then(|d| d.as_date()), None);
    assert_eq!(sgi[1].employment(), None);

    let view = BenefitsView::from_lefi(&s, None);
    let json: serde_json::Value = serde_json::to_value(&view).unwrap();
    let list = json["sgi"].as_array().unwrap();
    assert_eq!(list.len(), 2);
    assert_eq!(
        list[0]["path"],
        "formansinformation.sjukpenninggrundandeInkomstuppgift[0]"
    );
    assert_eq!(list[0]["established"], "2024-01-15");
    assert_eq!(list[0]["kind"], 0);
    assert_eq!(list[0]["kind_description"], "A- eller B-inkomst");
    assert_eq!(list[0]["employment"]["summa"], "420000.50");
    assert_eq!(list[0]["employment"]["valuta"], "SEK");
    assert_eq!(list[0]["business"]["summa"], "12000");
    assert_eq!(list[0]["karens_days"], 7);
    assert_eq!(list[0]["working_days"], 260);
    assert_eq!(list[0]["working_hours"], 2080);
    assert_eq!(list[1]["kind"], 9);
    assert!(list[1]["kind_description"].is_null());
    assert!(list[1]["established"].is_null(), "free text is left out");
    assert!(list[1]["employment"].is_null());

    let table = view.to_string();
    assert!(
        table
            .lines()
            .any(|l| l.starts_with("sjukpenninggrundandeInkomstuppgift[0]")
                && l.contains("420000.50 SEK")
                && l.contains("12000 SEK")
                && l.contains("2080")),
        "{table}"
    );
    assert!(
        table
            .lines()
            .any(|l| l.starts_with("sjukpenninggrundandeInkomstuppgift[1]") && l.contains(" 9 ")),
        "{table}"
    );
    assert!(
        !table.contains("Ny typ") && !table.contains("snart"),
        "{table}"
    );
}

#[test]
fn narrowing_keeps_sgi_only_for_sjukpenning_groups_or_when_asked() {
    use lefi::model::lefi::LefiExternFormansinformationFraga;

    let s = svar(SGI);
    let fraga = |extra: &str| -> LefiExternFormansinformationFraga {
        lefi_json::from_slice(
            format!(
                r#"{{"personnummer":"197407029284","period":{{"from":"2024-01-01","tom":"2024-12-31"}},{extra}}}"#
            )
            .as_bytes(),
        )
        .unwrap()
    };
    let view = BenefitsView::for_question(&s, &fraga(r#""formansinformation":["FK:SJP"]"#));
    assert_eq!(view.sgi.len(), 2);
    assert_eq!(view.cases.len(), 1);
    let view = BenefitsView::for_question(&s, &fraga(r#""formansinformation":["FK:ABB"]"#));
    assert!(view.sgi.is_empty());
    assert!(!serde_json::to_string(&view).unwrap().contains("420000"));
    assert!(!view.to_string().contains("420000"));
    let view = BenefitsView::for_question(
        &s,
        &fraga(r#""formansinformation":["FK:ABB"],"ovrigInformation":["FK:SGI"]"#),
    );
    assert_eq!(view.sgi.len(), 2);
    for g in lefi::legal::SGI_GROUPS {
        let view = BenefitsView::new(&s.benefits(), None, LefiVersion::V9, Some(&[*g]));
        assert_eq!(view.sgi.len(), 2, "{g}");
    }
    let view = BenefitsView::new(
        &s.benefits(),
        None,
        LefiVersion::V9,
        Some(&[FormanGrupp::Fk(FkFormanGrupp::Fp)]),
    );
    assert!(view.sgi.is_empty());
}

/// `beslutsutfall` and `beslutstyp` are open lists that "should contain" a code: free text in
/// their place (a handler's note) never reaches the minimised view, the codes do.
#[test]
fn free_text_in_place_of_an_outcome_or_status_is_withheld() {
    let note = "Beviljad efter samtal med Tolvan om sjukskrivningen";
    let s = svar(&format!(
        r#"{{"formansinformation":{{"sjukpenningarende":[{{"beslut":[
            {{"beslutsutfall":"{note}","beslutstyp":"{note}","period":{{"fran":"2024-01-01","till":"2024-01-31"}}}},
            {{"beslutsutfall":"BEVILJAN","beslutstyp":"SLUTLIGT","period":{{"fran":"2024-02-01","till":"2024-02-28"}}}}]}}]}}}}"#
    ));
    let view = BenefitsView::from_lefi(&s, None);
    let text = format!("{}{view}", serde_json::to_string(&view).unwrap());
    assert!(
        !text.contains("Tolvan") && !text.contains("samtal"),
        "{text}"
    );
    let decisions = &view.cases[0].decisions;
    assert_eq!(decisions[0].outcome, "?");
    assert_eq!(decisions[1].outcome, "BEVILJAN");
    assert_eq!(decisions[1].status.as_deref(), Some("SLUTLIGT"));
}

/// An outcome that is not a code at all does not count as paying (it cannot be told from a
/// refusal), and a periodicity id not in the list is `unknown`, not "none stated".
#[test]
fn unreadable_outcomes_and_unknown_periodicities_are_not_taken_for_known_ones() {
    let s = svar(
        r#"{"formansinformation":{"sjukpenningarende":[{"beslut":[
            {"beslutsutfall":"","omfattning":{"taljare":3,"namnare":4},"period":{"fran":"2024-01-01","till":"2024-01-31"}},
            {"beslutsutfall":"BEVILJAN","omfattning":{"taljare":1,"namnare":2},"period":{"fran":"2024-01-01","till":"2024-01-31"}}]}],
          "aktivitetsstodsarende":[{"beslut":[{"beslutatBruttobelopp":{"summa":100,"valuta":"SEK"},"periodicitet":{"id":7},
            "period":{"fran":"2024-01-01","till":"2024-01-31"}}]}]}}"#,
    );
    let benefits = s.benefits();
    let sjukpenning = benefits
        .cases()
        .iter()
        .find(|c| c.benefit() == Benefit::Sjukpenning)
        .unwrap();
    let decisions = sjukpenning.decisions();
    assert_eq!(decisions[0].outcome(), &Outcome::Unreadable);
    assert_eq!(decisions[0].outcome().class(), OutcomeClass::Unknown);
    // 75 % + 50 % would be over 100 % if the unreadable outcome counted as paying
    assert!(benefits.check().is_empty(), "{:?}", benefits.check());
    let amounts: Vec<_> = benefits
        .decisions()
        .flat_map(|d| d.amounts().iter())
        .map(|a| a.frequency())
        .collect();
    assert!(amounts.contains(&Frequency::Unknown), "{amounts:?}");
}
