//! Consent and the `LawfulPurpose` token: no token for riskbedömning, pensionsprognos or
//! skadereglering exists without a consent that matches the person, the purpose and the date;
//! error messages never contain the person.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use chrono::{Days, NaiveDate};
use lefi::id::Personnummer;
use lefi::legal::marker::{self, ConsentRequired, PurposeMarker};
use lefi::legal::{Consent, ConsentError, InvalidConsent, LawfulPurpose, Purpose};
use proptest::prelude::*;

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

/// Luhn check digit over nine digits.
fn luhn(digits: &[u8]) -> u8 {
    let sum: u32 = digits
        .iter()
        .enumerate()
        .map(|(i, &d)| {
            let v = u32::from(d) * if i % 2 == 0 { 2 } else { 1 };
            v / 10 + v % 10
        })
        .sum();
    ((10 - sum % 10) % 10) as u8
}

/// A valid personnummer (or samordningsnummer) from a birth date and a serial number.
fn personnummer(birth: NaiveDate, serial: u16, samordning: bool) -> Personnummer {
    use chrono::Datelike;
    let day = birth.day() + if samordning { 60 } else { 0 };
    let ten = format!(
        "{:02}{:02}{:02}{:03}",
        birth.year() % 100,
        birth.month(),
        day,
        serial
    );
    let digits: Vec<u8> = ten.bytes().map(|b| b - b'0').collect();
    let text = format!("{}{}{}", birth.year() / 100, ten, luhn(&digits));
    Personnummer::parse(&text).unwrap_or_else(|e| panic!("generated number rejected: {e}"))
}

fn arb_person() -> impl Strategy<Value = Personnummer> {
    (0u64..40_000, 0u16..1000, any::<bool>()).prop_map(|(days, serial, samordning)| {
        personnummer(date(1910, 1, 1) + Days::new(days), serial, samordning)
    })
}

fn arb_date() -> impl Strategy<Value = NaiveDate> {
    (0u64..4_000).prop_map(|days| date(2020, 1, 1) + Days::new(days))
}

fn arb_purpose() -> impl Strategy<Value = Purpose> {
    proptest::sample::select(Purpose::ALL)
}

fn arb_purposes() -> impl Strategy<Value = Vec<Purpose>> {
    proptest::sample::subsequence(Purpose::ALL, 1..=Purpose::ALL.len())
}

/// A consent by one of `persons`, so that right and wrong persons both occur often.
fn arb_consent(persons: Vec<Personnummer>) -> impl Strategy<Value = Consent> {
    (
        proptest::sample::select(persons),
        arb_date(),
        proptest::option::of(0u64..2_000),
        arb_purposes(),
    )
        .prop_map(|(person, given_on, length, purposes)| {
            let valid_until = length.map(|days| given_on + Days::new(days));
            Consent::new(person, given_on, valid_until, purposes).unwrap()
        })
}

/// A consent, the person asked about and the date asked for, with matches frequent.
fn arb_case() -> impl Strategy<Value = (Option<Consent>, Personnummer, NaiveDate)> {
    proptest::collection::vec(arb_person(), 1..3).prop_flat_map(|persons| {
        (
            proptest::option::weighted(0.9, arb_consent(persons.clone())),
            proptest::sample::select(persons),
            arb_date(),
        )
    })
}

/// The oracle, written independently of `Consent::covers`.
fn expected(
    purpose: Purpose,
    consent: Option<&Consent>,
    person: &Personnummer,
    on: NaiveDate,
) -> Result<(), ConsentError> {
    if !purpose.requires_consent() {
        return Ok(());
    }
    let Some(consent) = consent else {
        return Err(ConsentError::Missing { purpose });
    };
    if consent.person().expose_digits() != person.expose_digits() {
        Err(ConsentError::WrongPerson { purpose })
    } else if !consent.purposes().contains(&purpose) {
        Err(ConsentError::PurposeNotCovered { purpose })
    } else if on < consent.given_on() {
        Err(ConsentError::NotYetValid {
            purpose,
            given_on: consent.given_on(),
        })
    } else if consent.valid_until().is_some_and(|until| on > until) {
        Err(ConsentError::Expired {
            purpose,
            valid_until: consent.valid_until().unwrap(),
        })
    } else {
        Ok(())
    }
}

fn typed<M: ConsentRequired>(
    marker: M,
    consent: &Consent,
    person: &Personnummer,
    on: NaiveDate,
) -> Result<LawfulPurpose, ConsentError> {
    let token = LawfulPurpose::with_consent(marker, consent, person, on);
    if let Ok(token) = &token {
        assert_eq!(token.purpose(), M::PURPOSE);
    }
    token
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2_000))]

    #[test]
    fn runtime_token_exists_exactly_when_allowed(
        purpose in arb_purpose(),
        (consent, person, on) in arb_case(),
    ) {
        let token = LawfulPurpose::new(purpose, consent.as_ref(), &person, on);
        let want = expected(purpose, consent.as_ref(), &person, on);
        prop_assert_eq!(token.clone().map(|_| ()), want);
        if let Ok(token) = token {
            prop_assert_eq!(token.purpose(), purpose);
            prop_assert!(token.check_person(&person).is_ok());
            match token.consent() {
                Some(used) => {
                    prop_assert!(purpose.requires_consent());
                    let consent = consent.as_ref().unwrap();
                    prop_assert_eq!(used.given_on(), consent.given_on());
                    prop_assert_eq!(used.valid_until(), consent.valid_until());
                    prop_assert_eq!(used.checked_on(), on);
                }
                None => prop_assert!(!purpose.requires_consent()),
            }
        }
    }

    #[test]
    fn typed_tokens_need_a_matching_valid_consent((consent, person, on) in arb_case()) {
        let Some(consent) = consent else { return Ok(()) };
        for (purpose, token) in [
            (Purpose::Riskbedomning, typed(marker::Riskbedomning, &consent, &person, on)),
            (Purpose::Pensionsprognos, typed(marker::Pensionsprognos, &consent, &person, on)),
            (Purpose::Skadereglering, typed(marker::Skadereglering, &consent, &person, on)),
        ] {
            prop_assert_eq!(
                token.map(|t| t.purpose()),
                expected(purpose, Some(&consent), &person, on).map(|()| purpose)
            );
        }
    }

    #[test]
    fn consented_token_refuses_other_persons(
        (consent, person, on) in arb_case(),
        other in arb_person(),
        purpose in arb_purpose(),
    ) {
        if let Ok(token) = LawfulPurpose::new(purpose, consent.as_ref(), &person, on) {
            let same = other.expose_digits() == person.expose_digits();
            let result = token.check_person(&other);
            if purpose.requires_consent() && !same {
                prop_assert_eq!(result, Err(ConsentError::WrongPerson { purpose }));
            } else {
                prop_assert_eq!(result, Ok(()));
            }
        }
    }

    #[test]
    fn consent_errors_never_name_the_person(
        purpose in arb_purpose(),
        (consent, person, on) in arb_case(),
    ) {
        if let Err(err) = LawfulPurpose::new(purpose, consent.as_ref(), &person, on) {
            let message = err.to_string();
            let debug = format!("{err:?}");
            let mut numbers = vec![person.expose_digits().to_owned()];
            if let Some(consent) = &consent {
                numbers.push(consent.person().expose_digits().to_owned());
                let shown = format!("{consent:?}");
                prop_assert!(!shown.contains(consent.person().expose_digits()));
            }
            for digits in numbers {
                let ten = &digits[2..];
                prop_assert!(!message.contains(ten), "{}", message);
                prop_assert!(!debug.contains(ten), "{}", debug);
            }
            prop_assert!(message.contains(purpose.name()), "{}", message);
            prop_assert!(
                message.contains(&purpose.legal_basis().short_citation()),
                "{}",
                message
            );
            prop_assert_eq!(err.purpose(), purpose);
        }
    }

    #[test]
    fn consent_free_purposes_need_nothing(person in arb_person(), on in arb_date()) {
        for &purpose in Purpose::ALL.iter().filter(|p| !p.requires_consent()) {
            let token = LawfulPurpose::new(purpose, None, &person, on).unwrap();
            prop_assert!(token.consent().is_none());
            prop_assert_eq!(token.syfte(), purpose.syfte());
            prop_assert_eq!(token.lagtext(), purpose.lagtext());
        }
    }
}

#[test]
fn consent_free_markers_build_their_purpose() {
    let tokens = [
        LawfulPurpose::consent_free(marker::Samordning),
        LawfulPurpose::consent_free(marker::SamordningAutomatiserad),
        LawfulPurpose::consent_free(marker::EkonomisktBistand),
    ];
    let purposes: Vec<Purpose> = tokens.iter().map(LawfulPurpose::purpose).collect();
    assert_eq!(
        purposes,
        [
            Purpose::Samordning,
            Purpose::SamordningAutomatiserad,
            Purpose::EkonomisktBistand
        ]
    );
    assert_eq!(
        marker::EkonomisktBistand::PURPOSE.syfte(),
        "Beslut om eller kontroll av Ekonomisk försörjningsstöd"
    );
}

#[test]
fn consent_boundaries_are_inclusive() {
    let person = personnummer(date(1974, 8, 23), 238, false);
    let consent = Consent::new(
        person,
        date(2025, 1, 1),
        Some(date(2025, 12, 31)),
        [Purpose::Riskbedomning],
    )
    .unwrap();
    let check = |on| consent.covers(Purpose::Riskbedomning, &person, on);
    assert_eq!(
        check(date(2024, 12, 31)),
        Err(ConsentError::NotYetValid {
            purpose: Purpose::Riskbedomning,
            given_on: date(2025, 1, 1)
        })
    );
    assert_eq!(check(date(2025, 1, 1)), Ok(()));
    assert_eq!(check(date(2025, 12, 31)), Ok(()));
    assert_eq!(
        check(date(2026, 1, 1)),
        Err(ConsentError::Expired {
            purpose: Purpose::Riskbedomning,
            valid_until: date(2025, 12, 31)
        })
    );
}

#[test]
fn wrong_person_wins_over_other_reasons() {
    let person = personnummer(date(1974, 8, 23), 238, false);
    let other = personnummer(date(1974, 8, 23), 238, true);
    let consent = Consent::new(person, date(2025, 1, 1), None, [Purpose::Skadereglering]).unwrap();
    assert_eq!(
        consent.covers(Purpose::Pensionsprognos, &other, date(2020, 1, 1)),
        Err(ConsentError::WrongPerson {
            purpose: Purpose::Pensionsprognos
        })
    );
}

#[test]
fn consent_construction_rules() {
    let person = personnummer(date(1990, 2, 28), 1, false);
    assert_eq!(
        Consent::new(
            person,
            date(2025, 2, 1),
            Some(date(2025, 1, 31)),
            [Purpose::Skadereglering]
        ),
        Err(InvalidConsent::EndsBeforeStart)
    );
    assert_eq!(
        Consent::new(person, date(2025, 2, 1), None, Vec::new()),
        Err(InvalidConsent::NoPurpose)
    );
    let one_day = Consent::new(
        person,
        date(2025, 2, 1),
        Some(date(2025, 2, 1)),
        [
            Purpose::Skadereglering,
            Purpose::Riskbedomning,
            Purpose::Skadereglering,
        ],
    )
    .unwrap();
    assert_eq!(
        one_day.purposes(),
        [Purpose::Riskbedomning, Purpose::Skadereglering]
    );
}

#[test]
fn error_messages_are_exact() {
    let p = Purpose::Pensionsprognos;
    let cases = [
        (
            ConsentError::Missing { purpose: p },
            "pensionsprognos (114 kap. 25 § socialförsäkringsbalken) requires the individual's consent",
        ),
        (
            ConsentError::WrongPerson { purpose: p },
            "the consent presented for pensionsprognos (114 kap. 25 § socialförsäkringsbalken) \
             was given by another individual",
        ),
        (
            ConsentError::PurposeNotCovered { purpose: p },
            "the consent does not cover pensionsprognos (114 kap. 25 § socialförsäkringsbalken)",
        ),
        (
            ConsentError::NotYetValid {
                purpose: p,
                given_on: date(2025, 3, 1),
            },
            "the consent for pensionsprognos (114 kap. 25 § socialförsäkringsbalken) is not valid \
             before 2025-03-01",
        ),
        (
            ConsentError::Expired {
                purpose: p,
                valid_until: date(2025, 3, 1),
            },
            "the consent for pensionsprognos (114 kap. 25 § socialförsäkringsbalken) expired \
             after 2025-03-01",
        ),
    ];
    for (err, text) in cases {
        assert_eq!(err.to_string(), text);
    }
}

static_assertions::assert_impl_all!(LawfulPurpose: Send, Sync, Clone, Eq, std::hash::Hash, std::fmt::Debug);
static_assertions::assert_impl_all!(Consent: Send, Sync, Clone, Eq, std::hash::Hash);
static_assertions::assert_impl_all!(ConsentError: Send, Sync, Copy, Eq, std::error::Error);
static_assertions::assert_impl_all!(Purpose: Send, Sync, Copy, Eq, std::hash::Hash, Ord);
