//! Identity numbers never leak through `Debug`, `Display`, error messages or serde errors.
//!
//! Generates valid personnummer, samordningsnummer, numbers with a wrong check digit and with
//! an impossible date, in 10- and 12-digit forms with and without separators, pushes each
//! through every formatting and error path of the `id` types (and serde_json deserialisation
//! into them, as strings and as JSON numbers), and asserts that the only digits that appear
//! are the birth-year digits directly in front of the `********` redaction mark.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use chrono::NaiveDate;
use lefi::id::{Organisationsnummer, Personidentitet, Personnummer, Sensitive};
use proptest::prelude::*;
use serde::Deserialize;

/// Luhn check digit for nine digits (independent of the crate's implementation).
fn check_digit(nine: &str) -> u32 {
    let sum: u32 = nine
        .chars()
        .map(|c| c.to_digit(10).unwrap())
        .enumerate()
        .map(|(i, d)| {
            let v = if i % 2 == 0 { d * 2 } else { d };
            v / 10 + v % 10
        })
        .sum();
    (10 - sum % 10) % 10
}

#[derive(Debug, Clone, Copy)]
enum Kind {
    Valid,
    Samordning,
    BadCheck,
    BadDate,
}

/// A 12-digit number of the given kind.
fn twelve(kind: Kind, date: NaiveDate, serial: u32) -> String {
    let mut day = date.format("%d").to_string().parse::<u32>().unwrap();
    let mut month = date.format("%m").to_string().parse::<u32>().unwrap();
    match kind {
        Kind::Samordning => day += 60,
        Kind::BadDate => month = 13 + serial % 87,
        Kind::Valid | Kind::BadCheck => {}
    }
    let year = date.format("%Y").to_string();
    let nine = format!("{}{:02}{:02}{:03}", &year[2..], month % 100, day, serial);
    let mut check = check_digit(&nine);
    if let Kind::BadCheck = kind {
        check = (check + 1 + serial % 9) % 10;
    }
    format!("{}{nine}{check}", &year[..2])
}

/// Every text form of a 12-digit number: 12 and 10 digits, with and without separators.
fn forms(digits: &str) -> Vec<String> {
    let ten = &digits[2..];
    vec![
        digits.to_owned(),
        format!("{}-{}", &digits[..8], &digits[8..]),
        ten.to_owned(),
        format!("{}-{}", &ten[..6], &ten[6..]),
        format!("{}+{}", &ten[..6], &ten[6..]),
        // Damaged shapes: wrong separator position, trailing space, extra digit.
        format!("{}-{}", &digits[..6], &digits[6..]),
        format!("{digits} "),
        format!("{digits}0"),
    ]
}

/// Removes the redaction marks (`YYYY********` or `YY********`) and serde_json's position
/// suffix, then asserts that no digit remains.
fn assert_no_identity_digits(context: &str, text: &str) {
    let mut cleaned = text.to_owned();
    if let Some(pos) = cleaned.rfind(" at line ") {
        cleaned.truncate(pos);
    }
    while let Some(star) = cleaned.find("********") {
        let prefix = &cleaned[..star];
        let digits = prefix
            .chars()
            .rev()
            .take_while(char::is_ascii_digit)
            .count();
        assert!(
            digits == 4 || digits == 2,
            "{context}: redaction mark with {digits} digits"
        );
        let start = star - digits;
        cleaned.replace_range(start..star + 8, "<R>");
    }
    assert!(
        !cleaned.chars().any(|c| c.is_ascii_digit()),
        "{context}: digits leaked in {cleaned:?}"
    );
}

#[derive(Debug, Deserialize)]
#[allow(dead_code)]
struct Wire {
    pnr: Option<Personnummer>,
    id: Option<Personidentitet>,
    org: Option<Organisationsnummer>,
}

fn check_all_paths(text: &str, reference: NaiveDate) {
    let mut outputs: Vec<(String, String)> = Vec::new();
    let mut push = |what: &str, s: String| outputs.push((format!("{what} of {}", text.len()), s));

    match Personnummer::parse(text) {
        Ok(p) => {
            push("pnr debug", format!("{p:?}"));
            push("pnr display", p.to_string());
        }
        Err(e) => {
            push("pnr err debug", format!("{e:?}"));
            push("pnr err display", e.to_string());
        }
    }
    match Personnummer::parse_with_reference(text, reference) {
        Ok(p) => {
            push("pnr ref debug", format!("{p:?}"));
            push("pnr ref display", format!("{p} {p:#?}"));
            push("pnr ref option", format!("{:?}", Some(p)));
        }
        Err(e) => push("pnr ref err", format!("{e} {e:?} {e:#?}")),
    }
    match Personidentitet::parse(text) {
        Ok(id) => {
            push("id", format!("{id} {id:?} {id:#?}"));
            match Personnummer::try_from(&id) {
                Ok(p) => push("id try_from", format!("{p} {p:?}")),
                Err(e) => push("id try_from err", format!("{e} {e:?}")),
            }
            match id.to_personnummer(reference) {
                Ok(p) => push("id to_pnr", format!("{p} {p:?}")),
                Err(e) => push("id to_pnr err", format!("{e} {e:?}")),
            }
        }
        Err(e) => push("id err", format!("{e} {e:?}")),
    }
    match Organisationsnummer::parse(text) {
        Ok(o) => push("org", format!("{o} {o:?}")),
        Err(e) => push("org err", format!("{e} {e:?}")),
    }
    let sensitive = Sensitive::new(text);
    push("sensitive", format!("{sensitive} {sensitive:?}"));

    let quoted = serde_json::to_string(text).unwrap();
    for json in [quoted.clone(), text.trim().to_owned()] {
        for doc in [
            format!(r#"{{"pnr": {json}}}"#),
            format!(r#"{{"id": {json}}}"#),
            format!(r#"{{"org": {json}}}"#),
        ] {
            match serde_json::from_str::<Wire>(&doc) {
                Ok(w) => push("serde ok", format!("{w:?}")),
                Err(e) => push("serde err", format!("{e} {e:?}")),
            }
        }
        for result in [
            serde_json::from_str::<Personnummer>(&json).map(|v| format!("{v:?}")),
            serde_json::from_str::<Personidentitet>(&json).map(|v| format!("{v:?}")),
            serde_json::from_str::<Organisationsnummer>(&json).map(|v| format!("{v:?}")),
            serde_json::from_str::<Sensitive>(&quoted).map(|v| format!("{v:?}")),
        ] {
            match result {
                Ok(s) => push("serde direct ok", s),
                Err(e) => push("serde direct err", format!("{e} {e:?}")),
            }
        }
    }
    for (context, output) in &outputs {
        assert_no_identity_digits(context, output);
    }
}

fn any_kind() -> impl Strategy<Value = Kind> {
    prop_oneof![
        Just(Kind::Valid),
        Just(Kind::Samordning),
        Just(Kind::BadCheck),
        Just(Kind::BadDate),
    ]
}

fn any_date() -> impl Strategy<Value = NaiveDate> {
    (1850i32..=2030, 1u32..=12, 1u32..=31)
        .prop_filter_map("valid date", |(y, m, d)| NaiveDate::from_ymd_opt(y, m, d))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn identity_digits_never_leak(kind in any_kind(), date in any_date(), serial in 0u32..1000) {
        let digits = twelve(kind, date, serial);
        let reference = NaiveDate::from_ymd_opt(2025, 6, 1).unwrap();
        for text in forms(&digits) {
            check_all_paths(&text, reference);
        }
    }

    #[test]
    fn arbitrary_digit_strings_never_leak(text in "[0-9+ -]{0,14}") {
        check_all_paths(&text, NaiveDate::from_ymd_opt(2025, 6, 1).unwrap());
    }
}

#[test]
fn generator_produces_each_kind() {
    assert_eq!(
        twelve(
            Kind::Valid,
            NaiveDate::from_ymd_opt(1912, 12, 12).unwrap(),
            121
        ),
        "191212121212"
    );
    let date = NaiveDate::from_ymd_opt(1974, 3, 9).unwrap();
    let reference = NaiveDate::from_ymd_opt(2025, 6, 1).unwrap();
    let valid = twelve(Kind::Valid, date, 123);
    let p = Personnummer::parse(&valid).unwrap();
    assert!(!p.is_samordningsnummer());
    assert_eq!(p.to_string(), "1974********");
    let s = Personnummer::parse(&twelve(Kind::Samordning, date, 123)).unwrap();
    assert!(s.is_samordningsnummer());
    assert_eq!(s.birth_date(), date);
    assert_eq!(
        Personnummer::parse(&twelve(Kind::BadCheck, date, 123)),
        Err(lefi::id::ParsePersonnummerError::CheckDigit)
    );
    assert_eq!(
        Personnummer::parse(&twelve(Kind::BadDate, date, 123)),
        Err(lefi::id::ParsePersonnummerError::Date)
    );
    let ten = &valid[2..];
    assert_eq!(
        Personnummer::parse_with_reference(ten, reference).unwrap(),
        p
    );
}

#[test]
fn leak_detector_detects_leaks() {
    let result = std::panic::catch_unwind(|| assert_no_identity_digits("probe", "x 191212121212"));
    assert!(result.is_err());
    let result =
        std::panic::catch_unwind(|| assert_no_identity_digits("probe", "1912********1212"));
    assert!(result.is_err());
    assert_no_identity_digits("probe", "Personnummer(1912********) at line 1 column 20");
}
