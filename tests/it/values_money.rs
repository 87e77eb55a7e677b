//! `parse_decimal_exact` and `Belopp`: exactness, scale, the JSON number grammar, overflow,
//! and serde through the codec wrappers (`serde_path_to_error`, `serde_ignored`).
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use lefi::money::{Belopp, BeloppError, ParseAmountError, Valuta, parse_decimal_exact};
use proptest::prelude::*;
use rust_decimal::Decimal;
use rust_decimal::prelude::ToPrimitive;
use serde::Deserialize;

proptest! {
    #![proptest_config(ProptestConfig::with_cases(1000))]

    /// Plain decimals come back with the same value and the same scale.
    #[test]
    fn plain_decimal_keeps_text(m in any::<i64>(), scale in 0u32..=28) {
        let d = Decimal::new(m, scale);
        let text = d.to_string();
        let parsed = parse_decimal_exact(&text).unwrap();
        prop_assert_eq!(parsed.to_string(), text);
        prop_assert_eq!(parsed.scale(), d.scale());
    }

    /// `<m>e<e>` and `<int>.<frac>e<e>` equal the value built by `Decimal` arithmetic, with
    /// scale `max(0, fraction digits - exponent)`.
    #[test]
    fn exponent_forms_are_exact(
        int in 0u64..1_000_000_000,
        frac in "[0-9]{0,6}",
        exp in -15i32..=15,
        negative in any::<bool>(),
        upper in any::<bool>(),
    ) {
        let sign = if negative { "-" } else { "" };
        let dot = if frac.is_empty() { String::new() } else { format!(".{frac}") };
        let e = if upper { 'E' } else { 'e' };
        let text = format!("{sign}{int}{dot}{e}{exp}");
        let digits: i64 = format!("{int}{frac}").parse().unwrap();
        let digits = if negative { -digits } else { digits };
        let net = i64::try_from(frac.len()).unwrap() - i64::from(exp);
        let expected = if net >= 0 {
            Decimal::new(digits, u32::try_from(net).unwrap())
        } else {
            Decimal::from(digits) * Decimal::from(10i64.pow(u32::try_from(-net).unwrap()))
        };
        let parsed = parse_decimal_exact(&text).unwrap();
        prop_assert_eq!(parsed, expected);
        prop_assert_eq!(parsed.scale(), u32::try_from(net.max(0)).unwrap());
    }

    /// Same grammar as JSON: whatever serde_json accepts as a number is either parsed or
    /// rejected for range/precision (never for syntax); whatever it rejects, so do we; and
    /// accepted values agree with the float reading.
    #[test]
    fn grammar_matches_json(text in "[-+]?[0-9]{0,4}(\\.[0-9]{0,4})?([eE][-+]?[0-9]{0,3})?|[-+.eE0-9a-zA-Z ]{0,8}") {
        // serde_json allows surrounding whitespace; the codec hands over the bare number.
        prop_assume!(text.trim() == text);
        let json = serde_json::from_str::<serde_json::Value>(&text).ok().filter(|v| v.is_number());
        let ours = parse_decimal_exact(&text);
        match (&json, &ours) {
            (Some(v), Ok(d)) => {
                let f = v.as_f64().unwrap();
                let g = d.to_f64().unwrap();
                prop_assert!((f - g).abs() <= f.abs() * 1e-12, "{} vs {}", f, g);
            }
            (Some(_), Err(e)) => prop_assert!(
                matches!(e, ParseAmountError::OutOfRange | ParseAmountError::TooPrecise),
                "{:?} for {:?}", e, text
            ),
            (None, Ok(d)) => prop_assert!(false, "accepted non-JSON {:?} as {}", text, d),
            (None, Err(_)) => {}
        }
    }

    #[test]
    fn never_panics(text in "\\PC{0,64}") {
        let _ = parse_decimal_exact(&text);
    }

    #[test]
    fn checked_arithmetic_matches_decimal(a in any::<i64>(), b in any::<i64>(), sa in 0u32..=28, sb in 0u32..=28) {
        let (x, y) = (Decimal::new(a, sa), Decimal::new(b, sb));
        let (bx, by) = (Belopp::sek(x), Belopp::sek(y));
        prop_assert_eq!(bx.checked_add(&by).map(|r| r.summa()).ok(), x.checked_add(y));
        prop_assert_eq!(bx.checked_sub(&by).map(|r| r.summa()).ok(), x.checked_sub(y));
        let eur = Belopp::new(y, Valuta::parse("EUR").unwrap());
        prop_assert_eq!(bx.checked_add(&eur), Err(BeloppError::CurrencyMismatch));
    }
}

#[test]
fn brief_examples() {
    assert_eq!(parse_decimal_exact("1e2").unwrap(), Decimal::from(100));
    assert_eq!(parse_decimal_exact("1e2").unwrap().to_string(), "100");
    assert_eq!(parse_decimal_exact("0.1").unwrap(), Decimal::new(1, 1));
    let d = parse_decimal_exact("-0.10").unwrap();
    assert_eq!((d.to_string().as_str(), d.scale()), ("-0.10", 2));
    assert_eq!(parse_decimal_exact("1.5E-3").unwrap().to_string(), "0.0015");
    for (s, e) in [
        ("", ParseAmountError::Empty),
        ("NaN", ParseAmountError::NotFinite),
        ("Infinity", ParseAmountError::NotFinite),
        ("-Infinity", ParseAmountError::NotFinite),
        ("abc", ParseAmountError::Syntax),
        ("1.", ParseAmountError::Syntax),
        ("\"1\"", ParseAmountError::Syntax),
        ("1e100", ParseAmountError::OutOfRange),
        (
            "-99999999999999999999999999999999",
            ParseAmountError::OutOfRange,
        ),
        ("1e-100", ParseAmountError::TooPrecise),
    ] {
        assert_eq!(parse_decimal_exact(s), Err(e), "{s:?}");
    }
    assert_eq!(
        parse_decimal_exact("1e99999999999999999999999"),
        Err(ParseAmountError::OutOfRange)
    );
    assert_eq!(
        parse_decimal_exact("0e99999999999999999999999").unwrap(),
        Decimal::ZERO
    );
}

#[derive(Debug, Deserialize)]
struct Utbetalning {
    bruttobelopp: Belopp,
    #[allow(dead_code)]
    datum: String,
}

#[test]
fn belopp_serde_is_exact_through_codec_wrappers() {
    let json = r#"{"bruttobelopp": {"summa": 1250.50, "valuta": "SEK", "extra": 1}, "datum": "2024-01-01"}"#;
    let mut de = serde_json::Deserializer::from_str(json);
    let u: Utbetalning = serde_path_to_error::deserialize(&mut de).unwrap();
    assert_eq!(u.bruttobelopp.summa().to_string(), "1250.50");

    let mut ignored = Vec::new();
    let mut de = serde_json::Deserializer::from_str(json);
    let u: Utbetalning =
        serde_ignored::deserialize(&mut de, |path| ignored.push(path.to_string())).unwrap();
    assert_eq!(u.bruttobelopp.summa().to_string(), "1250.50");
    assert_eq!(ignored, ["bruttobelopp.extra"]);

    let bad = r#"{"bruttobelopp": {"summa": "1250.50", "valuta": "SEK"}, "datum": "x"}"#;
    let mut de = serde_json::Deserializer::from_str(bad);
    let err = serde_path_to_error::deserialize::<_, Utbetalning>(&mut de).unwrap_err();
    assert_eq!(err.path().to_string(), "bruttobelopp");

    let b: Belopp = serde_json::from_str(r#"{"summa": 1e2, "valuta": "SEK"}"#).unwrap();
    assert_eq!(
        serde_json::to_string(&b).unwrap(),
        r#"{"summa":100,"valuta":"SEK"}"#
    );
    assert!(serde_json::from_str::<Belopp>(r#"{"summa": 1, "valuta": "sek"}"#).is_err());
    assert!(serde_json::from_str::<Belopp>(r#"{"valuta": "SEK"}"#).is_err());
}
