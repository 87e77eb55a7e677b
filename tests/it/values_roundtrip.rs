//! Round trips for every value type: `parse(display(x)) == x` (for redacted types
//! `parse(expose(x)) == x`), and serde_json `from_str(to_string(x)) == x`.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use chrono::{Datelike, NaiveDate};
use lefi::id::{Organisationsnummer, Personidentitet, Personnummer, Sensitive};
use lefi::money::{Belopp, Valuta};
use lefi::period::{FranTill, PartialDate, Period, XsdDate};
use proptest::prelude::*;
use rust_decimal::Decimal;

/// Luhn check digit for the given digits (independent of the crate's implementation).
fn check_digit(digits: &str) -> u32 {
    let sum: u32 = digits
        .chars()
        .rev()
        .map(|c| c.to_digit(10).unwrap())
        .enumerate()
        .map(|(i, d)| {
            let v = if i % 2 == 0 { d * 2 } else { d };
            v / 10 + v % 10
        })
        .sum();
    (10 - sum % 10) % 10
}

fn any_date() -> impl Strategy<Value = NaiveDate> {
    (0i32..=9999, 1u32..=12, 1u32..=31)
        .prop_filter_map("valid date", |(y, m, d)| NaiveDate::from_ymd_opt(y, m, d))
}

prop_compose! {
    fn any_personnummer()(date in any_date(), serial in 0u32..1000, samordning in any::<bool>()) -> Personnummer {
        let day = date.day() + if samordning { 60 } else { 0 };
        let body = format!("{:02}{:02}{:02}{:03}", date.year() % 100, date.month(), day, serial);
        let text = format!("{:02}{body}{}", date.year() / 100, check_digit(&body));
        Personnummer::parse(&text).unwrap()
    }
}

prop_compose! {
    fn any_organisationsnummer()(head in "[0-9]{2}[2-9][0-9]{6}") -> Organisationsnummer {
        Organisationsnummer::parse(&format!("{head}{}", check_digit(&head))).unwrap()
    }
}

fn any_partial_date() -> impl Strategy<Value = PartialDate> {
    prop_oneof![
        (0i32..=9999).prop_map(PartialDate::Year),
        (0i32..=9999, 1u8..=12).prop_map(|(year, m)| PartialDate::YearMonth {
            year,
            month: chrono::Month::try_from(m).unwrap(),
        }),
        any_date().prop_map(PartialDate::Date),
    ]
}

fn any_xsd_date() -> impl Strategy<Value = XsdDate> {
    let tz = prop_oneof![
        Just(String::new()),
        Just("Z".to_owned()),
        (any::<bool>(), 0u8..14, 0u8..60)
            .prop_map(|(neg, h, m)| format!("{}{h:02}:{m:02}", if neg { '-' } else { '+' })),
        Just("+14:00".to_owned()),
        Just("-14:00".to_owned()),
    ];
    (any_date(), tz)
        .prop_map(|(d, tz)| XsdDate::parse(&format!("{}{tz}", d.format("%Y-%m-%d"))).unwrap())
}

proptest! {
    #[test]
    fn personnummer_round_trips(p in any_personnummer()) {
        prop_assert_eq!(Personnummer::parse(p.expose_digits()), Ok(p));
        let dashed = format!("{}-{}", &p.expose_digits()[..8], &p.expose_digits()[8..]);
        prop_assert_eq!(Personnummer::parse(&dashed), Ok(p));
        let json = serde_json::to_string(&p).unwrap();
        prop_assert_eq!(&json, &format!("\"{}\"", p.expose_digits()));
        prop_assert_eq!(serde_json::from_str::<Personnummer>(&json).unwrap(), p);
        prop_assert_eq!(p.to_string(), format!("{:04}********", p.birth_year()));
    }

    #[test]
    fn ten_digit_form_resolves_to_same_number(p in any_personnummer(), years_later in 0i32..100) {
        // Any reference date within the first 100 years resolves to the same century.
        let reference_year = p.birth_year() + years_later;
        let reference = NaiveDate::from_ymd_opt(reference_year, 12, 31);
        prop_assume!(reference.is_some());
        let reference = reference.unwrap();
        let ten = &p.expose_digits()[2..];
        let with_sep = format!("{}-{}", &ten[..6], &ten[6..]);
        prop_assert_eq!(Personnummer::parse_with_reference(ten, reference), Ok(p));
        prop_assert_eq!(Personnummer::parse_with_reference(&with_sep, reference), Ok(p));
        // The `+` form means one more century back.
        let plus = format!("{}+{}", &ten[..6], &ten[6..]);
        let century_later = NaiveDate::from_ymd_opt(reference_year + 100, 12, 31).unwrap();
        prop_assert_eq!(Personnummer::parse_with_reference(&plus, century_later), Ok(p));
    }

    #[test]
    fn personidentitet_round_trips(p in any_personnummer(), ten in any::<bool>()) {
        let text = if ten { &p.expose_digits()[2..] } else { p.expose_digits() };
        let id = Personidentitet::parse(text).unwrap();
        prop_assert_eq!(id.expose(), text);
        prop_assert_eq!(Personidentitet::parse(id.expose()), Ok(id));
        let json = serde_json::to_string(&id).unwrap();
        prop_assert_eq!(serde_json::from_str::<Personidentitet>(&json).unwrap(), id);
        if ten {
            let reference = NaiveDate::from_ymd_opt(p.birth_year() + 1, 1, 1);
            prop_assume!(reference.is_some());
            prop_assert_eq!(id.to_personnummer(reference.unwrap()), Ok(p));
        } else {
            prop_assert_eq!(Personnummer::try_from(&id), Ok(p));
            prop_assert_eq!(Personidentitet::from(&p), id);
        }
    }

    #[test]
    fn organisationsnummer_round_trips(o in any_organisationsnummer()) {
        prop_assert_eq!(Organisationsnummer::parse(o.expose_digits()), Ok(o));
        let wire = o.expose_wire();
        prop_assert_eq!(Organisationsnummer::parse(&wire), Ok(o));
        // SSBTEK XSD pattern [\d]{4}[2-9][\d]{7}.
        let b = wire.as_bytes();
        prop_assert_eq!(b.len(), 12);
        prop_assert!(b.iter().all(u8::is_ascii_digit));
        prop_assert!(b[4] >= b'2');
        prop_assert!(wire.starts_with("16"));
        let json = serde_json::to_string(&o).unwrap();
        prop_assert_eq!(serde_json::from_str::<Organisationsnummer>(&json).unwrap(), o);
    }

    #[test]
    fn sensitive_round_trips(s in any::<String>()) {
        let v = Sensitive::new(s.clone());
        prop_assert_eq!(v.expose(), s.as_str());
        let json = serde_json::to_string(&v).unwrap();
        prop_assert_eq!(&json, &serde_json::to_string(&s).unwrap());
        prop_assert_eq!(serde_json::from_str::<Sensitive>(&json).unwrap(), v);
    }

    #[test]
    fn valuta_round_trips(code in "[A-Z]{3}") {
        let v = Valuta::parse(&code).unwrap();
        prop_assert_eq!(Valuta::parse(&v.to_string()), Ok(v));
        let json = serde_json::to_string(&v).unwrap();
        prop_assert_eq!(serde_json::from_str::<Valuta>(&json).unwrap(), v);
    }

    #[test]
    fn belopp_round_trips_with_scale(m in any::<i64>(), scale in 0u32..=28, code in "[A-Z]{3}") {
        let b = Belopp::new(Decimal::new(m, scale), Valuta::parse(&code).unwrap());
        let json = serde_json::to_string(&b).unwrap();
        let back: Belopp = serde_json::from_str(&json).unwrap();
        prop_assert_eq!(back, b);
        // Decimal equality ignores scale; the text must match too.
        prop_assert_eq!(back.summa().to_string(), b.summa().to_string());
        prop_assert_eq!(back.to_string(), b.to_string());
    }

    #[test]
    fn partial_date_round_trips(d in any_partial_date()) {
        let text = d.to_string();
        prop_assert_eq!(PartialDate::parse(&text), Ok(d));
        prop_assert_eq!(PartialDate::parse(&text).unwrap().to_string(), text);
        let json = serde_json::to_string(&d).unwrap();
        prop_assert_eq!(serde_json::from_str::<PartialDate>(&json).unwrap(), d);
    }

    #[test]
    fn fran_till_round_trips(
        fran in proptest::option::of(any_partial_date()),
        till in proptest::option::of(any_partial_date()),
    ) {
        let r = FranTill::new(fran, till);
        let json = serde_json::to_string(&r).unwrap();
        prop_assert_eq!(json.contains("\"fran\""), fran.is_some());
        prop_assert_eq!(json.contains("\"till\""), till.is_some());
        prop_assert_eq!(serde_json::from_str::<FranTill>(&json).unwrap(), r);
        prop_assert_eq!(r.is_open(), fran.is_none() || till.is_none());
    }

    #[test]
    fn xsd_date_round_trips(d in any_xsd_date()) {
        let text = d.to_string();
        prop_assert_eq!(XsdDate::parse(&text), Ok(d));
        let json = serde_json::to_string(&d).unwrap();
        prop_assert_eq!(serde_json::from_str::<XsdDate>(&json).unwrap(), d);
    }

    #[test]
    fn xsd_timezone_from_offset_round_trips(minutes in -900i32..=900, date in any_date()) {
        let offset = chrono::FixedOffset::east_opt(minutes * 60).unwrap();
        let tz = lefi::period::XsdTimezone::from_offset(offset);
        prop_assert_eq!(tz.is_some(), minutes.abs() <= 14 * 60);
        if let Some(tz) = tz {
            prop_assert_eq!(tz.offset(), offset);
            let d = XsdDate::new(date, Some(tz));
            prop_assert_eq!(XsdDate::parse(&d.to_string()), Ok(d));
        }
    }

    #[test]
    fn period_round_trips_and_rules(a in any_date(), b in any_date()) {
        let (from, tom) = if a <= b { (a, b) } else { (b, a) };
        let p = Period::new(from, tom).unwrap();
        let json = serde_json::to_string(&p).unwrap();
        prop_assert_eq!(serde_json::from_str::<Period>(&json).unwrap(), p);
        prop_assert_eq!(p.days(), (tom - from).num_days() + 1);
        prop_assert!(p.contains(from) && p.contains(tom));
        // Oracle: longer than two years iff tom is on or after (year + 2, month, day),
        // compared as a tuple (which puts a 29 February anniversary after 28 February).
        let longer = (tom.year(), tom.month(), tom.day()) >= (from.year() + 2, from.month(), from.day());
        prop_assert_eq!(p.longer_than_two_years(), longer);
        if a != b {
            let reversed = format!(
                r#"{{"from":"{}","tom":"{}"}}"#,
                tom.format("%Y-%m-%d"),
                from.format("%Y-%m-%d")
            );
            prop_assert!(serde_json::from_str::<Period>(&reversed).is_err());
            prop_assert!(Period::new(tom, from).is_err());
        }
    }

    #[test]
    fn fran_till_contains_matches_bounds(
        fran in proptest::option::of(any_partial_date()),
        till in proptest::option::of(any_partial_date()),
        date in any_date(),
    ) {
        let r = FranTill::new(fran, till);
        let after = fran.is_none_or(|f| f.first_day().unwrap() <= date);
        let before = till.is_none_or(|t| date <= t.last_day().unwrap());
        prop_assert_eq!(r.contains(date), after && before);
    }

    #[test]
    fn parsers_never_panic(s in "\\PC{0,20}") {
        let _ = Personnummer::parse(&s);
        let _ = Personnummer::parse_with_reference(&s, NaiveDate::MIN);
        let _ = Personnummer::parse_with_reference(&s, NaiveDate::MAX);
        let _ = Personidentitet::parse(&s);
        let _ = Organisationsnummer::parse(&s);
        let _ = Valuta::parse(&s);
        let _ = PartialDate::parse(&s);
        let _ = XsdDate::parse(&s);
        let _ = lefi::money::parse_decimal_exact(&s);
    }
}

#[test]
fn fran_till_serde_shape() {
    let both: FranTill = serde_json::from_str(r#"{"fran":"2023-12-14","till":"2024"}"#).unwrap();
    assert_eq!(both.fran(), Some(PartialDate::parse("2023-12-14").unwrap()));
    assert_eq!(both.till(), Some(PartialDate::Year(2024)));
    assert_eq!(
        serde_json::to_string(&both).unwrap(),
        r#"{"fran":"2023-12-14","till":"2024"}"#
    );
    let none: FranTill = serde_json::from_str(r#"{"fran":null}"#).unwrap();
    assert_eq!(none, FranTill::new(None, None));
    assert_eq!(serde_json::to_string(&none).unwrap(), "{}");
    assert!(serde_json::from_str::<FranTill>(r#"{"fran":"2022-9"}"#).is_err());
}

#[test]
fn partial_date_rejects_other_shapes() {
    for s in [
        "",
        "22",
        "022",
        "20220",
        "2022-9",
        "2022-09-1",
        "2022-00",
        "2022-13",
        "2022/09",
        "2022-09-31",
        "+2022",
        "-2022",
        "2022-09-01T00:00:00",
        " 2022",
        "2022-09-01Z",
    ] {
        assert!(PartialDate::parse(s).is_err(), "{s:?}");
    }
}

#[test]
fn xsd_date_fixture_values() {
    for s in [
        "1997-09-12+02:00",
        "1998-05-12+02:00",
        "2016-11-18+01:00",
        "2020-01-01Z",
        "2020-01-01-00:00",
    ] {
        let d = XsdDate::parse(s).unwrap();
        assert_eq!(d.to_string(), s);
    }
    assert_ne!(
        XsdDate::parse("2020-01-01Z"),
        XsdDate::parse("2020-01-01+00:00")
    );
    for s in [
        "2020-01-01+1:00",
        "2020-01-01+01:60",
        "2020-01-01+14:01",
        "2020-01-01z",
        "2020-01-01 ",
        "2020-01-01+01:00Z",
    ] {
        assert!(XsdDate::parse(s).is_err(), "{s:?}");
    }
}

#[test]
fn known_numbers() {
    let reference = NaiveDate::from_ymd_opt(2024, 1, 1).unwrap();
    let snr = Personnummer::parse_with_reference("701063-2391", reference).unwrap();
    assert!(snr.is_samordningsnummer());
    assert_eq!(snr.expose_digits(), "197010632391");
    let org = Organisationsnummer::parse("212000-2411").unwrap();
    assert_eq!(org.expose_wire(), "162120002411");
}
