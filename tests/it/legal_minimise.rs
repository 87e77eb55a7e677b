//! Data minimisation and redaction (issue 5): the payments view and the redacted full answer
//! contain none of the identity strings of the input.
//!
//! The identity strings are collected from the *raw input* (JSON keys and XML element names
//! that carry personnummer, names, addresses, payment recipients…), independently of the
//! model types the crate redacts by.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]

use std::path::{Path, PathBuf};
use std::process::Command;

use base64::Engine as _;
use lefi::legal::{Answer, PaymentsView, REDACTED, payments_view, redacted, redacted_ssbtek};
use lefi::model::lefi::LefiExternFormansinformationSvar;
use proptest::prelude::*;
use serde_json::{Value, json};

use crate::support::{self, contracts};

const SAMPLE: &[u8] = include_bytes!("../../examples/data/lefi-v9-svar.json");

// ---------------------------------------------------------------------------------------
// Collecting identity strings from the raw input
// ---------------------------------------------------------------------------------------

/// JSON properties whose whole value is about a person's identity.
const JSON_IDENTITY_KEYS: &[&str] = &[
    "personnummer",
    "namn",
    "foddes",
    "avled",
    "utbetalningsmottagare",
    "medsokande",
    "person",
    "adress",
    "utdelningadress",
    "postnummer",
    "postort",
    "telefon",
    "epost",
    "upplysning",
    "organisationsnummer",
    "skatteredovisningsnummer",
    "kontaktuppgifter",
    "dodsfallsdatum",
];
/// `namn` of agencies, countries and institutions.
const NOT_A_PERSON: &[&str] = &["utlamnare", "land", "institutionsplacering"];
/// XML elements that hold a person's identity.
const XML_IDENTITY_ELEMENTS: &[&str] = &[
    "IdentitetsbeteckningFysiskPerson",
    "Fornamn",
    "Efternamn",
    "fornamn",
    "efternamn",
    "personnummer",
    "Personnummer",
    "IdentificationNumber",
    "KontonamnHandlaggare",
    "personidentitet",
    "Personidentitet",
    "handlaggare",
    "Handlaggare",
    "Namn",
    "Adress",
];

#[derive(Default, Debug)]
struct Collected {
    identity: Vec<String>,
    other: Vec<String>,
}

fn leaves(v: &Value, out: &mut Vec<String>) {
    match v {
        Value::String(s) => out.push(s.clone()),
        Value::Number(n) => out.push(n.to_string()),
        Value::Array(a) => a.iter().for_each(|x| leaves(x, out)),
        Value::Object(o) => o.values().for_each(|x| leaves(x, out)),
        Value::Bool(_) | Value::Null => {}
    }
}

fn collect_json(v: &Value, parent: &str, c: &mut Collected) {
    match v {
        Value::Object(o) => {
            for (k, x) in o {
                let personal = JSON_IDENTITY_KEYS.contains(&k.as_str())
                    && !(k == "namn" && NOT_A_PERSON.contains(&parent));
                if personal {
                    leaves(x, &mut c.identity);
                } else {
                    collect_json(x, k, c);
                }
            }
        }
        Value::Array(a) => a.iter().for_each(|x| collect_json(x, parent, c)),
        other => leaves(other, &mut c.other),
    }
}

/// Element texts of the identity elements, in XML text (CDATA content included); base64
/// payloads (`lefiJsonSvar`, CSN `svar`) are decoded and collected too.
fn collect_xml(xml: &str, c: &mut Collected) {
    let mut rest = xml;
    while let Some(open) = rest.find('<') {
        rest = &rest[open + 1..];
        let end = rest
            .find(|ch: char| ch == '>' || ch.is_whitespace())
            .unwrap_or(rest.len());
        let name = &rest[..end];
        if name.starts_with('/') || name.starts_with('!') || name.starts_with('?') {
            continue;
        }
        let local = name.rsplit(':').next().unwrap_or(name);
        let Some(gt) = rest.find('>') else { break };
        let text_end = rest[gt + 1..].find('<').map_or(rest.len(), |i| gt + 1 + i);
        let text = rest[gt + 1..text_end].trim();
        if text.is_empty() {
            continue;
        }
        if XML_IDENTITY_ELEMENTS.contains(&local) {
            c.identity.push(text.to_owned());
        } else if local == "lefiJsonSvar" || local == "svar" || local == "lefiJsonFraga" {
            if let Ok(bytes) = base64::engine::general_purpose::STANDARD.decode(text) {
                let inner = String::from_utf8_lossy(&bytes).into_owned();
                if let Ok(v) = serde_json::from_str::<Value>(&inner) {
                    collect_json(&v, "", c);
                } else {
                    collect_xml(&inner, c);
                }
            } else {
                c.other.push(text.to_owned());
            }
        } else {
            c.other.push(text.to_owned());
        }
    }
}

/// The identity strings that leak into `output`: those that occur in an output value but
/// nowhere in the non-identity input (where the output may legitimately have them from).
/// Redaction markers and birth-year forms (`1912********`, a bare year) are not leaks.
fn leaks(c: &Collected, output: &Value) -> Vec<String> {
    let mut out = Vec::new();
    leaves(output, &mut out);
    let masked = |s: &str| {
        s == REDACTED
            || (s.ends_with("********")
                && s.trim_end_matches('*').bytes().all(|b| b.is_ascii_digit()))
    };
    let out: Vec<&String> = out.iter().filter(|s| !masked(s)).collect();
    c.identity
        .iter()
        .filter(|id| !id.is_empty())
        .filter(|id| !c.other.iter().any(|o| o.contains(id.as_str())))
        .filter(|id| out.iter().any(|o| o.contains(id.as_str())))
        .cloned()
        .collect()
}

/// A serialised output must mention none of `c`'s identity strings; for the redacted
/// output a bare birth year is allowed (it is what `foddes` becomes).
fn assert_no_leak(what: &str, c: &Collected, output: &Value, allow_years: bool) {
    let mut found = leaks(c, output);
    if allow_years {
        found.retain(|s| !(s.len() == 4 && s.bytes().all(|b| b.is_ascii_digit())));
    }
    assert!(
        found.is_empty(),
        "{what}: {} identity string(s) leak",
        found.len()
    );
}

fn check_lefi_json(what: &str, bytes: &[u8]) -> bool {
    let svar = match lefi::wire::lefi_json::from_slice::<LefiExternFormansinformationSvar>(bytes) {
        Ok(svar) => svar,
        Err(e) => {
            eprintln!("{what}: not decodable as a v9 answer ({e}), skipped");
            return false;
        }
    };
    let raw: Value = serde_json::from_slice(bytes).unwrap();
    let mut c = Collected::default();
    collect_json(&raw, "", &mut c);
    let view = serde_json::to_value(payments_view(Answer::from(&svar))).unwrap();
    assert_no_leak(&format!("{what} payments view"), &c, &view, false);
    let log = serde_json::to_value(redacted(&svar)).unwrap();
    assert_no_leak(&format!("{what} redacted"), &c, &log, true);
    true
}

// ---------------------------------------------------------------------------------------
// Tests
// ---------------------------------------------------------------------------------------

#[test]
fn the_collector_finds_the_sample_identities() {
    let raw: Value = serde_json::from_slice(SAMPLE).unwrap();
    let mut c = Collected::default();
    collect_json(&raw, "", &mut c);
    for id in ["191212121212", "Tolvan Tolvansson", "1912-12-12"] {
        assert!(
            c.identity.iter().any(|s| s == id),
            "collector misses an identity"
        );
    }
    // The helper is able to see a leak: the unredacted answer has them all.
    let svar: LefiExternFormansinformationSvar = lefi::wire::lefi_json::from_slice(SAMPLE).unwrap();
    let plain = serde_json::to_value(&svar).unwrap();
    assert_eq!(leaks(&c, &plain).len(), 3);
}

#[test]
fn sample_has_no_identity_in_view_or_redacted() {
    assert!(check_lefi_json("sample", SAMPLE));
}

#[test]
fn sample_payments_view_is_exact() {
    let svar: LefiExternFormansinformationSvar = lefi::wire::lefi_json::from_slice(SAMPLE).unwrap();
    let view = serde_json::to_value(PaymentsView::from_lefi(&svar)).unwrap();
    let sek = |s: &str| json!({"summa": s, "valuta": "SEK"});
    let fk_row = |forman: &str,
                  typ: &str,
                  klass: &str,
                  amount: &str,
                  from: &str,
                  tom: Option<&str>,
                  omf: Value,
                  days: Value| {
        json!({"kind": "detalj", "forman": forman, "formansgrupp": null, "utbetalningsforman": null,
               "beloppstyp": typ, "klass": klass, "amount": sek(amount),
               "period": {"from": from, "tom": tom}, "omfattning": omf, "days": days, "hours": null})
    };
    let pm_row = |kind: &str, grupp: Value, forman: Value, typ: &str, klass: &str, amount: &str| {
        json!({"kind": kind, "forman": null, "formansgrupp": grupp, "utbetalningsforman": forman,
               "beloppstyp": typ, "klass": klass, "amount": sek(amount), "period": null,
               "omfattning": null, "days": null, "hours": null})
    };
    let expected = json!({
        "payments": [
            {"list": "formansinformation.utbetalningsuppgift", "index": 0, "utlamnare": "FK",
             "utbetalare": "FK", "status": "executed", "utbetalningstyp": 1, "formansfamilj": "SJP",
             "date": "2024-03-25", "period": {"from": "2024-02-01", "tom": "2024-02-29"},
             "gross": sek("12450.00"), "tax": sek("3735.00"), "deductions": sek("4235.00"),
             "net": sek("8215.00"),
             "rows": [
                fk_row("SJP", "SJP", "ersattning", "12450.00", "2024-02-01", Some("2024-02-29"),
                       json!({"taljare": 1, "namnare": 1}), json!(29)),
                fk_row("SJP", "PS", "skatt", "3735.00", "2024-02", None, Value::Null, Value::Null),
                fk_row("SJP", "INF", "avdrag", "500.00", "2024-02", None, Value::Null, Value::Null),
             ]},
            {"list": "formansinformation.preliminarautbetalningar", "index": 0, "utlamnare": "FK",
             "utbetalare": "FK", "status": "preliminary", "utbetalningstyp": 2, "formansfamilj": "DAG",
             "date": "2024-04-25", "period": {"from": "2024-03-01", "tom": "2024-03-31"},
             "gross": sek("13312.5"), "tax": sek("3993.75"), "deductions": sek("3993.75"),
             "net": sek("9318.75"),
             "rows": [
                fk_row("SJP", "SJP", "ersattning", "13312.5", "2024-03-01", Some("2024-03-31"),
                       json!({"taljare": 3, "namnare": 4}), json!(31)),
                fk_row("SJP", "PS", "skatt", "3993.75", "2024-03", None, Value::Null, Value::Null),
             ]},
            {"list": "utbetalningar", "index": 0, "utlamnare": "PM", "utbetalare": "PM",
             "status": "executed", "utbetalningstyp": null, "formansfamilj": null,
             "date": "2024-03-19", "period": {"from": "2024-03-01", "tom": "2024-03-31"},
             "gross": sek("9870"), "tax": null, "deductions": null, "net": sek("7403"),
             "rows": [
                pm_row("rad", json!("PM:AP"), json!("PM:AP38"), "PM:IP", "ersattning", "6120"),
                pm_row("rad", json!("PM:AP"), json!("PM:AP38"), "PM:GARP", "ersattning", "3750"),
                pm_row("avdrag", Value::Null, Value::Null, "PM:PS", "skatt", "2467"),
             ]},
            {"list": "preliminaraUtbetalningar", "index": 0, "utlamnare": "PM", "utbetalare": "PM",
             "status": "preliminary", "utbetalningstyp": null, "formansfamilj": null,
             "date": "2024-04-19", "period": {"from": "2024-04-01", "tom": "2024-04-30"},
             "gross": sek("9870"), "tax": null, "deductions": null, "net": sek("7403"),
             "rows": [
                pm_row("rad", json!("PM:AP"), json!("PM:AP38"), "PM:IP", "ersattning", "9870"),
                pm_row("avdrag", Value::Null, Value::Null, "PM:PS", "skatt", "2467"),
             ]},
        ],
        "arbetsloshetsersattning": [],
    });
    assert_eq!(view, expected);
}

/// The view takes each row's amount by the model's one rule and keeps it when its currency
/// is not a code (`valuta` null), and keeps an `omfattning` number that is not stated null.
#[test]
fn view_rows_follow_the_model_amount_rule() {
    let svar: LefiExternFormansinformationSvar = lefi::wire::lefi_json::from_slice(
        br#"{"formansinformation":{"utbetalningsuppgift":[{"foretag":{"id":1003},
            "datum":"snart","bruttobelopp":{"summa":10,"valuta":"XX"},
            "utbetalningsdetalj":[
              {"beloppstyp":{"id":"SJP"},"bruttobelopp":{"summa":10,"valuta":"XX"},
               "avdragsbelopp":{"summa":5,"valuta":"SEK"},"omfattning":{"taljare":2}},
              {"skattebelopp":{"summa":3.5,"valuta":"SEK"}},
              {"beloppstyp":{"id":"PS"},"avdragsbelopp":{"summa":4,"valuta":"SEK"}},
              {"beloppstyp":{"id":"SJP"},"bruttobelopp":{"valuta":"SEK"},
               "skattebelopp":{"summa":1,"valuta":"SEK"}}]}]}}"#,
    )
    .unwrap();
    let view = serde_json::to_value(PaymentsView::from_lefi(&svar)).unwrap();
    let payment = &view["payments"][0];
    assert_eq!(payment["utbetalare"], "PM");
    assert_eq!(payment["date"], Value::Null);
    assert_eq!(payment["gross"], json!({"summa": "10", "valuta": null}));
    let amounts: Vec<&Value> = payment["rows"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| &r["amount"])
        .collect();
    assert_eq!(
        amounts,
        [
            &json!({"summa": "10", "valuta": null}),
            &json!({"summa": "3.5", "valuta": "SEK"}),
            &json!({"summa": "4", "valuta": "SEK"}),
            &Value::Null,
        ]
    );
    assert_eq!(payment["rows"][1]["klass"], Value::Null);
    assert_eq!(payment["rows"][2]["klass"], "skatt");
    assert_eq!(
        payment["rows"][0]["omfattning"],
        json!({"taljare": 2, "namnare": null})
    );
}

#[test]
fn ssbtek_fixtures_have_no_identity_in_view_or_redacted() {
    let Some(dir) = contracts() else { return };
    let mut checked = 0;
    let mut identities = 0;
    for entry in std::fs::read_dir(dir.join("fixtures")).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().and_then(|e| e.to_str()) != Some("xml") {
            continue;
        }
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        let bytes = std::fs::read(&path).unwrap();
        let doc = lefi::wire::ssbtek::from_slice(&bytes).unwrap();
        let mut c = Collected::default();
        collect_xml(&String::from_utf8_lossy(&bytes), &mut c);
        identities += c.identity.len();
        let answer = Answer::try_from(&doc).unwrap();
        let view = serde_json::to_value(payments_view(answer)).unwrap();
        assert_no_leak(&format!("{name} payments view"), &c, &view, false);
        let log = serde_json::to_value(redacted_ssbtek(&doc)).unwrap();
        assert_no_leak(&format!("{name} redacted"), &c, &log, true);
        checked += 1;
    }
    assert!(checked >= 7, "expected the seven agency fixtures");
    assert!(
        identities >= 10,
        "the collector found too few identities in the fixtures"
    );
}

#[test]
fn so_fixture_payments_are_in_the_view() {
    let Some(dir) = contracts() else { return };
    let doc = lefi::wire::ssbtek::from_slice(
        &std::fs::read(dir.join("fixtures/so-response.xml")).unwrap(),
    )
    .unwrap();
    let view = serde_json::to_value(payments_view(Answer::try_from(&doc).unwrap())).unwrap();
    assert_eq!(
        view,
        json!({"payments": [], "arbetsloshetsersattning": [{"date": "2013-11-23",
            "period": {"from": "2013-11-03", "tom": "2013-11-03"}, "net_after_tax": "1250.50",
            "net_after_deductions": "1250.50", "days": "2"}]})
    );
}

fn python_tool(args: &[&str]) -> bool {
    match Command::new("python3").args(args).output() {
        Ok(out) if out.status.success() => true,
        Ok(out) => {
            eprintln!(
                "skipping: {} failed: {}",
                args[0],
                String::from_utf8_lossy(&out.stderr)
            );
            false
        }
        Err(e) => {
            eprintln!("skipping: python3 unavailable: {e}");
            false
        }
    }
}

fn check_dir(dir: &Path, prefix: &str) -> (usize, usize) {
    let (mut seen, mut checked) = (0, 0);
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    files.sort();
    for path in files {
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        if !name.starts_with(prefix) {
            continue;
        }
        seen += 1;
        if check_lefi_json(&name, &std::fs::read(&path).unwrap()) {
            checked += 1;
        }
    }
    (seen, checked)
}

fn scratch(name: &str) -> PathBuf {
    let dir =
        std::env::temp_dir().join(format!("lefi-legal-minimise-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

#[test]
fn openapi_response_examples_have_no_identity_in_view_or_redacted() {
    let Some(contracts) = contracts() else { return };
    let spec = contracts.join(
        "ssbtek-v10/se/forsakringskassan/schema/lefi/lefi-formansinformation-v9.openapi.yaml",
    );
    let Some(tool) = support::tool("v9_examples.py") else {
        return;
    };
    let out = scratch("examples");
    if !python_tool(&[
        tool.to_str().unwrap(),
        spec.to_str().unwrap(),
        out.to_str().unwrap(),
    ]) {
        return;
    }
    let (seen, checked) = check_dir(&out, "response-");
    eprintln!("openapi response examples: {checked} of {seen} checked");
    assert!(
        seen > 0 && checked == seen,
        "every response example must decode and be checked"
    );
    let _ = std::fs::remove_dir_all(&out);
}

#[test]
fn generated_responses_have_no_identity_in_view_or_redacted() {
    let Some(contracts) = contracts() else { return };
    let spec = contracts.join(
        "ssbtek-v10/se/forsakringskassan/schema/lefi/lefi-formansinformation-v9.openapi.yaml",
    );
    let Some(tool) = support::tool("v9_generate.py") else {
        return;
    };
    let out = scratch("generated");
    if !python_tool(&[
        tool.to_str().unwrap(),
        spec.to_str().unwrap(),
        out.to_str().unwrap(),
        "30",
        "5",
    ]) {
        return;
    }
    let (seen, checked) = check_dir(&out, "response-");
    eprintln!("generated responses: {checked} of {seen} checked");
    assert!(
        seen > 0 && checked * 2 >= seen,
        "most generated responses must decode and be checked"
    );
    let _ = std::fs::remove_dir_all(&out);
}

// ---------------------------------------------------------------------------------------
// Property: injected identities never come out
// ---------------------------------------------------------------------------------------

fn luhn_digit(nine: &str) -> u32 {
    let sum: u32 = nine
        .bytes()
        .enumerate()
        .map(|(i, b)| {
            let d = u32::from(b - b'0') * if i % 2 == 0 { 2 } else { 1 };
            d / 10 + d % 10
        })
        .sum();
    (10 - sum % 10) % 10
}

fn personnummer() -> impl Strategy<Value = String> {
    (1900u32..2024, 1u32..=12, 1u32..=28, 0u32..1000).prop_map(|(y, m, d, n)| {
        let nine = format!("{:02}{m:02}{d:02}{n:03}", y % 100);
        format!("{y}{m:02}{d:02}{n:03}{}", luhn_digit(&nine))
    })
}

fn name() -> impl Strategy<Value = String> {
    "[A-ZÅÄÖ][a-zåäö]{4,10} [A-ZÅÄÖ][a-zåäö]{4,12}"
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn injected_identities_never_appear(
        pnr in personnummer(),
        child in personnummer(),
        namn in name(),
        child_namn in name(),
        gata in "[A-Z][a-z]{4,10}vägen [0-9]{1,3}",
        postort in "[A-ZÅÄÖ]{6,12}",
    ) {
        let mut raw: Value = serde_json::from_slice(SAMPLE).unwrap();
        let foddes = format!("{}-{}-{}", &pnr[..4], &pnr[4..6], &pnr[6..8]);
        let child_foddes = format!("{}-{}-{}", &child[..4], &child[4..6], &child[6..8]);
        raw["formansinformation"]["generellPersoninformation"][0] = json!({
            "personnummer": pnr, "foddes": foddes, "namn": namn, "skyddad": false,
            "adress": [{"utdelningadress": [gata], "postnummer": "12345", "postort": postort}],
            "barn": [{"personnummer": child, "foddes": child_foddes, "namn": child_namn}],
        });
        let bytes = serde_json::to_vec(&raw).unwrap();
        let svar: LefiExternFormansinformationSvar = lefi::wire::lefi_json::from_slice(&bytes).unwrap();
        let view = serde_json::to_string(&payments_view(Answer::from(&svar))).unwrap();
        let log = serde_json::to_string(&redacted(&svar)).unwrap();
        for secret in [&pnr, &child, &namn, &child_namn, &gata, &postort, &foddes, &child_foddes] {
            prop_assert!(!view.contains(secret.as_str()), "identity in the view");
            prop_assert!(!log.contains(secret.as_str()), "identity in the redacted answer");
        }
        // The structure stays: the redacted answer still has the person, with birth years.
        let log: Value = serde_json::from_str(&log).unwrap();
        let person = &log["formansinformation"]["generellPersoninformation"][0];
        let masked = format!("{}********", &pnr[..4]);
        let child_masked = format!("{}********", &child[..4]);
        prop_assert_eq!(person["personnummer"].as_str(), Some(masked.as_str()));
        prop_assert_eq!(person["barn"][0]["personnummer"].as_str(), Some(child_masked.as_str()));
        prop_assert_eq!(person["foddes"].as_str(), Some(&pnr[..4]));
        prop_assert_eq!(person["adress"][0]["postort"].as_str(), Some(REDACTED));
    }
}
