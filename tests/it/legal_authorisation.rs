//! Actors, ombud and web-UI authorisation (behörighet) validity around 2025-04-11.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use chrono::{Datelike, Days, NaiveDate};
use lefi::id::Organisationsnummer;
use lefi::legal::{
    Actor, ActorKind, AuthorisationError, Behorighet, NEW_AUTHORISATION_SYSTEM_FROM, Ombud, Purpose,
};
use proptest::prelude::*;

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn orgnr(text: &str) -> Organisationsnummer {
    Organisationsnummer::parse(text).unwrap()
}

#[test]
fn new_system_date() {
    assert_eq!(NEW_AUTHORISATION_SYSTEM_FROM, date(2025, 4, 11));
}

#[test]
fn behorighet_validity_around_2025_04_11() {
    let cases = [
        (date(2025, 4, 10), 3, date(2028, 4, 9)),
        (date(2025, 4, 11), 2, date(2027, 4, 10)),
        (date(2025, 4, 12), 2, date(2027, 4, 11)),
        (date(2022, 1, 1), 3, date(2024, 12, 31)),
        (date(2024, 2, 29), 3, date(2027, 2, 28)),
        (date(2024, 3, 1), 3, date(2027, 2, 28)),
        (date(2050, 3, 1), 2, date(2052, 2, 29)),
        (date(2032, 2, 29), 2, date(2034, 2, 28)),
        (date(2028, 2, 29), 2, date(2030, 2, 28)),
    ];
    for (granted, years, until) in cases {
        let b = Behorighet::new(granted);
        assert_eq!(b.validity_years(), years, "{granted}");
        assert_eq!(b.valid_until(), until, "{granted}");
        assert!(!b.is_valid_on(granted.pred_opt().unwrap()), "{granted}");
        assert!(b.is_valid_on(granted), "{granted}");
        assert!(b.is_valid_on(until), "{granted}");
        assert!(!b.is_valid_on(until.succ_opt().unwrap()), "{granted}");
    }
}

#[test]
fn an_earlier_grant_outlives_a_later_one() {
    let old = Behorighet::new(date(2025, 4, 10));
    let new = Behorighet::new(date(2025, 4, 11));
    let on = date(2027, 12, 24);
    assert!(old.is_valid_on(on));
    assert!(!new.is_valid_on(on));
}

#[test]
fn avanmalan_ends_validity() {
    let b = Behorighet::new(date(2025, 5, 1)).avanmald(date(2025, 5, 20));
    assert_eq!(b.avanmald_from(), Some(date(2025, 5, 20)));
    assert!(b.is_valid_on(date(2025, 5, 19)));
    assert!(!b.is_valid_on(date(2025, 5, 20)));
    assert!(!b.is_valid_on(date(2026, 1, 1)));
    // A deregistration dated after expiry changes nothing before it.
    let late = Behorighet::new(date(2025, 5, 1)).avanmald(date(2030, 1, 1));
    assert_eq!(late.valid_until(), date(2027, 4, 30));
    assert!(!late.is_valid_on(date(2027, 5, 1)));
}

proptest! {
    #[test]
    fn validity_is_whole_years(days in 0u64..20_000, probe in 0u64..2_000) {
        let granted = date(2000, 1, 1) + Days::new(days);
        let b = Behorighet::new(granted);
        let years = if granted >= date(2025, 4, 11) { 2 } else { 3 };
        prop_assert_eq!(b.validity_years(), years);
        let anniversary = b.valid_until().succ_opt().unwrap();
        prop_assert_eq!(anniversary.year(), granted.year() + years as i32);
        if granted.month() == 2 && granted.day() == 29 {
            prop_assert!(matches!((anniversary.month(), anniversary.day()), (2, 29) | (3, 1)));
        } else {
            prop_assert_eq!((anniversary.month(), anniversary.day()), (granted.month(), granted.day()));
        }
        let on = granted + Days::new(probe);
        prop_assert_eq!(b.is_valid_on(on), on < anniversary);
    }
}

#[test]
fn purposes_per_actor_kind() {
    use ActorKind::*;
    use Purpose::*;
    let expected: &[(ActorKind, &[Purpose])] = &[
        (
            Forsakringsbolag,
            &[
                Samordning,
                SamordningAutomatiserad,
                Riskbedomning,
                Pensionsprognos,
                Skadereglering,
            ],
        ),
        (
            Forsakringsformedlare,
            &[
                Samordning,
                SamordningAutomatiserad,
                Riskbedomning,
                Pensionsprognos,
                Skadereglering,
            ],
        ),
        (Kommun, &[EkonomisktBistand]),
        (StatligMyndighet, &[Samordning, SamordningAutomatiserad]),
    ];
    assert_eq!(expected.len(), ActorKind::ALL.len());
    for &(kind, allowed) in expected {
        let actor = Actor::new(kind, orgnr("212000-2411"), "Exempel").unwrap();
        for &purpose in Purpose::ALL {
            let want = if allowed.contains(&purpose) {
                Ok(())
            } else {
                Err(AuthorisationError::PurposeNotAllowed { kind, purpose })
            };
            assert_eq!(actor.may_use(purpose), want, "{kind} {purpose}");
            assert_eq!(purpose.allows(kind), want.is_ok());
            assert_eq!(purpose.allowed_actors().contains(&kind), want.is_ok());
        }
    }
}

#[test]
fn only_public_recipients_may_have_ombud() {
    let ombud = Ombud::new(orgnr("556677-8899"), "Exempel IT AB", Some(2)).unwrap();
    for &kind in ActorKind::ALL {
        let actor = Actor::new(kind, orgnr("212000-2411"), "Exempel").unwrap();
        let result = actor.with_ombud(ombud.clone());
        match kind {
            ActorKind::Kommun | ActorKind::StatligMyndighet => {
                let actor = result.unwrap();
                assert_eq!(actor.ombud(), std::slice::from_ref(&ombud));
                let two = actor.with_ombud(ombud.clone()).unwrap();
                assert_eq!(two.ombud().len(), 2);
            }
            _ => assert_eq!(result, Err(AuthorisationError::OmbudNotAllowed { kind })),
        }
    }
    assert_eq!(ombud.ordningsnummer(), Some(2));
    assert_eq!(ombud.organisationsnummer(), &orgnr("5566778899"));
}

#[test]
fn names_must_not_be_blank() {
    for blank in ["", " ", "\t\n"] {
        assert_eq!(
            Actor::new(ActorKind::Kommun, orgnr("212000-2411"), blank),
            Err(AuthorisationError::EmptyName)
        );
        assert_eq!(
            Ombud::new(orgnr("556677-8899"), blank, None),
            Err(AuthorisationError::EmptyName)
        );
    }
}

#[test]
fn authorisation_errors_name_no_organisation() {
    let actor = Actor::new(
        ActorKind::Forsakringsbolag,
        orgnr("556677-8899"),
        "Exempel Liv",
    )
    .unwrap();
    let err = actor.may_use(Purpose::EkonomisktBistand).unwrap_err();
    assert_eq!(
        err.to_string(),
        "a försäkringsbolag may not ask for ekonomiskt bistånd (11 kap. 11 a § socialtjänstlagen, \
         5 § förordningen om uppgiftsskyldighet i vissa fall enligt socialtjänstlagen)"
    );
    let ombud = Ombud::new(orgnr("556677-8899"), "Exempel IT AB", None).unwrap();
    let err = actor.with_ombud(ombud).unwrap_err();
    assert_eq!(
        err.to_string(),
        "a försäkringsbolag may not use an ombud (personuppgiftsbiträde)"
    );
    assert!(!format!("{err:?}").contains("5566778899"));
}

static_assertions::assert_impl_all!(Actor: Send, Sync, Clone, Eq, std::hash::Hash);
static_assertions::assert_impl_all!(Behorighet: Send, Sync, Copy, Eq, std::hash::Hash);
static_assertions::assert_impl_all!(AuthorisationError: Send, Sync, Copy, Eq, std::error::Error);
