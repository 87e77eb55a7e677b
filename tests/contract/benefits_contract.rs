//! The benefits view over every response the contract gives (its OpenAPI examples) or
//! generates (`v9_generate.py`): the view holds exactly the cases the JSON holds, and each
//! decision's period and amounts equal the raw values at its path.
//!
//! Needs `../shared/contracts` and the shared tools (see `payments_contract`); under
//! `CI=true` their absence fails.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]

use std::path::PathBuf;

use lefi::model::benefits::{Benefit, Benefits, Decision, Sgi};
use lefi::model::lefi::LefiExternFormansinformationSvar;
use lefi::wire::DecodeSettings;
use lefi::wire::lefi_json;
use rust_decimal::Decimal;
use serde_json::Value;

use super::payments_contract::{example_files, generated_files};

/// The value at a path the checks write (`a.b[1].c`).
fn at<'v>(root: &'v Value, path: &str) -> Option<&'v Value> {
    let mut v = root;
    for part in path.split('.') {
        let (name, index) = match part.split_once('[') {
            Some((n, rest)) => (
                n,
                Some(rest.trim_end_matches(']').parse::<usize>().unwrap()),
            ),
            None => (part, None),
        };
        v = v.get(name)?;
        if let Some(i) = index {
            v = v.get(i)?;
        }
    }
    Some(v)
}

/// The cases in the raw JSON: the length of each case list.
fn raw_cases(json: &Value) -> usize {
    Benefit::ALL
        .iter()
        .map(|b| {
            at(json, b.json_path())
                .and_then(Value::as_array)
                .map_or(0, Vec::len)
        })
        .sum()
}

fn exact(v: &Value) -> Decimal {
    lefi::money::parse_decimal_exact(&v.to_string()).unwrap()
}

/// The view's exact amount read the way the raw JSON was: `serde_json::Value` holds
/// numbers as f64 here (no arbitrary precision, no float_roundtrip), so a literal with
/// more digits than an f64 keeps (the generator writes `1.6600000000000001`) reads as
/// `1.66`, while the view keeps the literal.
fn as_read(d: Decimal) -> Decimal {
    exact(&serde_json::from_str::<Value>(&d.to_string()).unwrap())
}

fn check_decision(json: &Value, d: &Decision<'_>, file: &str) {
    let path = d.location().to_string();
    let raw = at(json, &path).unwrap_or_else(|| panic!("{file}: no {path}"));
    if let Some(p) = d.period() {
        let fran = raw.pointer("/period/fran").and_then(Value::as_str);
        let till = raw.pointer("/period/till").and_then(Value::as_str);
        assert_eq!(
            p.fran().map(|x| x.to_string()).as_deref(),
            fran,
            "{file} {path}"
        );
        assert_eq!(
            p.till().map(|x| x.to_string()).as_deref(),
            till,
            "{file} {path}"
        );
    } else {
        assert!(
            raw.get("period").is_none_or(Value::is_null)
                || raw.get("beslutadErsattning").is_some()
                || !raw["period"].is_object(),
            "{file} {path}: period not read"
        );
    }
    for a in d.amounts() {
        let summa = raw.get(a.field()).and_then(|b| b.get("summa")).unwrap();
        assert_eq!(
            as_read(a.amount().summa()),
            exact(summa),
            "{file} {path}.{}",
            a.field()
        );
    }
    for part in d.parts() {
        let (list, i) = part.position();
        let raw_part = &raw[list][i];
        if let Some(a) = part.amount() {
            assert_eq!(
                as_read(a.amount().summa()),
                exact(&raw_part["beslutatBelopp"]["belopp"]),
                "{file} {path}.{list}[{i}]"
            );
        }
    }
    for day in d.day_amounts() {
        let (list, i) = day.position();
        let raw_day = &raw[list][i];
        let summa = [
            "ersattningsbelopp",
            "bruttobelopp",
            "bedomtBelopp",
            "belopp",
        ]
        .iter()
        .find_map(|k| raw_day.get(*k)?.get("summa"));
        assert_eq!(
            day.amount().map(|a| as_read(a.summa())),
            summa.map(exact),
            "{file} {path}.{list}[{i}]"
        );
    }
}

/// The SGI figures equal the raw JSON at their paths: as many as the list holds, each
/// amount exact, the kind's code, the days and hours. Returns how many there were.
fn check_sgi(json: &Value, benefits: &Benefits<'_>, file: &str) -> usize {
    let raw_len = at(json, Sgi::JSON_PATH)
        .and_then(Value::as_array)
        .map_or(0, Vec::len);
    assert_eq!(benefits.sgi().len(), raw_len, "{file}");
    for sgi in benefits.sgi() {
        let path = sgi.path();
        let raw = at(json, &path).unwrap_or_else(|| panic!("{file}: no {path}"));
        for (field, amount) in [
            ("anstallning", sgi.employment()),
            ("verksamhet", sgi.business()),
        ] {
            let summa = raw.get(field).and_then(|b| b.get("summa"));
            assert_eq!(
                amount.map(|a| as_read(a.summa())),
                summa.map(exact),
                "{file} {path}.{field}"
            );
        }
        assert_eq!(
            sgi.kind().map(|k| k.id()),
            raw.pointer("/typ/id").and_then(Value::as_i64),
            "{file} {path}.typ"
        );
        for (field, value) in [
            ("karens", sgi.karens_days()),
            ("dagar", sgi.working_days()),
            ("timmar", sgi.working_hours()),
        ] {
            assert_eq!(
                value,
                raw.get(field).and_then(Value::as_i64),
                "{file} {path}.{field}"
            );
        }
        assert_eq!(
            sgi.established().map(|d| d.to_string()).as_deref(),
            raw.get("faststalldes").and_then(Value::as_str),
            "{file} {path}.faststalldes"
        );
    }
    raw_len
}

/// Walks each response; returns (documents, cases, decisions, SGI figures).
fn walk(files: &[PathBuf], skip_undecodable: bool) -> (usize, usize, usize, usize) {
    let (mut docs, mut cases, mut decisions, mut sgi) = (0, 0, 0, 0);
    for file in files {
        let name = file.display().to_string();
        let bytes = std::fs::read(file).unwrap();
        let json: Value = serde_json::from_slice(&bytes).unwrap();
        let svar = match lefi_json::decode_with::<LefiExternFormansinformationSvar>(
            &bytes,
            &DecodeSettings::default(),
        ) {
            Ok(d) => d.value,
            Err(_) if skip_undecodable => continue,
            Err(e) => panic!("{name}: {e}"),
        };
        let benefits = svar.benefits();
        assert_eq!(benefits.cases().len(), raw_cases(&json), "{name}");
        for case in benefits.cases() {
            let raw = at(&json, &case.location().to_string()).unwrap();
            let raw_decisions = match raw.get("beslut") {
                Some(Value::Array(list)) => list.len(),
                Some(Value::Object(_)) => 1,
                _ if case.benefit() == Benefit::PmBeslut => 1,
                _ => 0,
            };
            assert_eq!(
                case.decisions().len(),
                raw_decisions,
                "{name} {}",
                case.location()
            );
            for d in case.decisions() {
                check_decision(&json, d, &name);
            }
            decisions += case.decisions().len();
        }
        for v in benefits.check() {
            assert!(at(&json, v.path()).is_some(), "{name}: {v}");
        }
        if let Some(asked) = benefits.extent() {
            let _ = benefits.timeline(asked);
        }
        sgi += check_sgi(&json, &benefits, &name);
        cases += benefits.cases().len();
        docs += 1;
    }
    (docs, cases, decisions, sgi)
}

#[test]
fn contract_examples_show_every_case() {
    let Some((files, dir)) = example_files("benefits") else {
        return;
    };
    let (docs, cases, decisions, sgi) = walk(&files, false);
    eprintln!("{docs} example(s), {cases} case(s), {decisions} decision(s), {sgi} SGI figure(s)");
    assert!(cases > 0, "the contract's examples hold cases");
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn generated_answers_show_every_case() {
    let Some(files) = generated_files() else {
        return;
    };
    let (docs, cases, decisions, sgi) = walk(&files, true);
    eprintln!(
        "{docs} generated answer(s), {cases} case(s), {decisions} decision(s), {sgi} SGI figure(s)"
    );
    assert!(docs * 2 >= files.len());
    assert!(
        cases > 0 && decisions > 0,
        "the generated answers hold cases"
    );
}
