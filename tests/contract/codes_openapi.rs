//! Feeds every `enum` value of the LEFI v9 OpenAPI contract through the matching Rust
//! code list, and fails on any enum without a mapping.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]

use lefi::codes::*;
use serde_yaml_ng::Value;

use crate::support;

/// Parses one enum value and returns its canonical text form and the list size.
type Check = fn(&Value) -> Result<(String, usize), String>;

fn text(value: &Value) -> Result<&str, String> {
    value
        .as_str()
        .ok_or_else(|| format!("expected a string enum value, found {value:?}"))
}

macro_rules! str_check {
    ($ty:ty) => {
        (|value: &Value| {
            let parsed: $ty = text(value)?.parse().map_err(|e| format!("{e}"))?;
            Ok((parsed.code().to_owned(), <$ty>::ALL.len()))
        }) as Check
    };
}

/// Schema name → Rust parser. Every enum-carrying schema of the contract must be here.
fn mapping(schema: &str) -> Option<Check> {
    Some(match schema {
        "LefiFkFormanGruppKod" => str_check!(FkFormanGrupp),
        "LefiPmFormanGruppKod" => str_check!(PmFormanGrupp),
        "LefiExternFormanGruppKod" => str_check!(FormanGrupp),
        "LefiExternOvrigInformationTypKod" => str_check!(OvrigInformationTyp),
        "LefiPmOvrigInformationTypKod" => str_check!(PmOvrigInformationTyp),
        "LefiUtlamnareKod" => str_check!(UtlamnareKod),
        "LefiTillstandKod" => str_check!(TillstandKod),
        "LefiAvvikelseKod" => str_check!(AvvikelseKod),
        "LefiPmFormanBeslutStatusKod" => str_check!(PmBeslutStatus),
        "LefiPmFormanBeslutUtfallKod" => str_check!(PmBeslutUtfall),
        "LefiPmFormanBeslutatBeloppFrekvensKod" => str_check!(PmBeloppFrekvens),
        "LefiPmFormanBeslutadErsattningTypKod" => str_check!(PmErsattningTyp),
        "LefiPmFormanSamordningTypKod" => str_check!(PmSamordningTyp),
        "LefiPmFormanUtbetalningAvdragTypKod" => str_check!(PmAvdragTyp),
        "LefiPmUtbetalningFormanKod" => str_check!(PmUtbetalningForman),
        "LefiPmFormanUtbetalningBeloppTypKod" => str_check!(PmBeloppTyp),
        "LefiPmPensionKontoTypKod" => str_check!(PmPensionKontoTyp),
        "LefiPmPensionKontoHandelseTypKod" => str_check!(PmKontoHandelseTyp),
        "LefiPmPensionKontoTransaktionTypKod" => str_check!(PmKontoTransaktionTyp),
        "LefiPmCivilstandKod" => str_check!(PmCivilstand),
        "LefiPmLevnadsintygStatusKod" => |value: &Value| {
            let n = value
                .as_u64()
                .ok_or_else(|| format!("expected an integer enum value, found {value:?}"))?;
            let parsed =
                PmLevnadsintygStatus::from_code(u32::try_from(n).map_err(|e| e.to_string())?)
                    .map_err(|e| e.to_string())?;
            // The JSON form is the integer itself.
            let json = serde_json::to_string(&parsed).map_err(|e| e.to_string())?;
            if json != n.to_string() {
                return Err(format!("serialised {n} as {json}"));
            }
            Ok((parsed.code().to_string(), PmLevnadsintygStatus::ALL.len()))
        },
        _ => return None,
    })
}

/// Collects `(path, enum values)` for every `enum` anywhere in the document.
fn collect_enums(value: &Value, path: &mut Vec<String>, out: &mut Vec<(Vec<String>, Vec<Value>)>) {
    match value {
        Value::Mapping(map) => {
            for (key, child) in map {
                let key = key.as_str().unwrap_or("?").to_owned();
                if key == "enum" {
                    let values = child.as_sequence().cloned().unwrap_or_default();
                    out.push((path.clone(), values));
                    continue;
                }
                path.push(key);
                collect_enums(child, path, out);
                path.pop();
            }
        }
        Value::Sequence(items) => {
            for (i, child) in items.iter().enumerate() {
                path.push(i.to_string());
                collect_enums(child, path, out);
                path.pop();
            }
        }
        _ => {}
    }
}

#[test]
fn every_openapi_enum_value_parses_into_its_rust_list() {
    let Some(file) = support::v9_openapi() else {
        return;
    };
    let source = std::fs::read_to_string(&file).unwrap();
    let doc: Value = serde_yaml_ng::from_str(&source).unwrap();
    let mut enums = Vec::new();
    collect_enums(&doc, &mut Vec::new(), &mut enums);
    assert!(enums.len() >= 21, "found only {} enum blocks", enums.len());

    let mut failures = Vec::new();
    let mut checked = 0;
    for (path, values) in &enums {
        // Only named component schemas are expected to carry enums.
        let schema = match path.as_slice() {
            [components, schemas, name] if components == "components" && schemas == "schemas" => {
                name
            }
            _ => {
                failures.push(format!("enum at unexpected place /{}", path.join("/")));
                continue;
            }
        };
        let Some(check) = mapping(schema) else {
            failures.push(format!("no Rust mapping for enum schema {schema}"));
            continue;
        };
        assert!(!values.is_empty(), "{schema} has an empty enum");
        for value in values {
            match check(value) {
                Ok((canonical, list_len)) => {
                    checked += 1;
                    // The Rust list has exactly the contract's values, no more.
                    if list_len != values.len() {
                        failures.push(format!(
                            "{schema}: contract has {} values, Rust list has {list_len}",
                            values.len()
                        ));
                    }
                    let raw = match value {
                        Value::String(s) => s.clone(),
                        other => serde_yaml_ng::to_string(other).unwrap().trim().to_owned(),
                    };
                    if canonical != raw {
                        failures.push(format!("{schema}: {raw:?} round-trips as {canonical:?}"));
                    }
                }
                Err(e) => failures.push(format!("{schema}: {value:?}: {e}")),
            }
        }
    }
    failures.dedup();
    assert!(
        failures.is_empty(),
        "{} problems:\n{}",
        failures.len(),
        failures.join("\n")
    );
    assert!(checked > 200, "checked only {checked} values");
}

#[test]
fn an_unmapped_schema_is_reported() {
    // Guards the guard: the mapping does not accept arbitrary schema names.
    assert!(mapping("LefiSomethingNewKod").is_none());
    assert!(mapping("LefiFkFormanGruppKod").is_some());
}
