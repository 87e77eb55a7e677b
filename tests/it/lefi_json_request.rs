//! The LEFI v9 request builder's rules, the operation paths and trait pinning.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]

use chrono::NaiveDate;
use lefi::codes::{FkFormanGrupp, FormanGrupp, OvrigInformationTyp, PmFormanGrupp};
use lefi::id::Personnummer;
use lefi::legal::{Consent, ConsentError, LawfulPurpose, Purpose, marker};
use lefi::model::lefi::request::{
    AgreedException, FragaBuilder, PathError, RequestError, fraga_path,
    tillgangliga_informationstyper_path,
};
use lefi::model::lefi::{
    LefiExternFormansinformationFraga, LefiExternFormansinformationSvar,
    LefiExternTillgangligaInformationstyper, LefiFelsvar,
};
use lefi::period::Period;
use lefi::version::LefiVersion;
use lefi::wire::lefi_json::{self, Error};
use lefi::wire::{DecodeSettings, Decoded, Warning};

static_assertions::assert_impl_all!(LefiExternFormansinformationFraga: Send, Sync, Clone, Eq, std::hash::Hash);
static_assertions::assert_impl_all!(LefiExternFormansinformationSvar: Send, Sync, Clone, Eq, std::hash::Hash, Default);
static_assertions::assert_impl_all!(LefiExternTillgangligaInformationstyper: Send, Sync, Clone, Eq);
static_assertions::assert_impl_all!(LefiFelsvar: Send, Sync, Clone, Eq);
static_assertions::assert_impl_all!(Error: Send, Sync, std::error::Error);
static_assertions::assert_impl_all!(DecodeSettings: Send, Sync, Copy, Eq, Default);
static_assertions::assert_impl_all!(Decoded<LefiFelsvar, LefiVersion>: Send, Sync, Clone, Eq);
static_assertions::assert_impl_all!(Warning: Send, Sync, Clone, Eq, std::hash::Hash, std::fmt::Display);
static_assertions::assert_impl_all!(RequestError: Send, Sync, Clone, Eq, std::error::Error);

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

fn person() -> Personnummer {
    Personnummer::parse("197407029284").unwrap()
}

fn builder(from: NaiveDate, tom: NaiveDate) -> FragaBuilder {
    let lawful = LawfulPurpose::consent_free(marker::Samordning);
    FragaBuilder::new(&lawful, &person(), Period::new(from, tom).unwrap()).unwrap()
}

#[test]
fn builds_the_contract_example() {
    let fraga = builder(d(2023, 1, 1), d(2024, 1, 1))
        .formansinformation([FkFormanGrupp::Sjp])
        .ovrig_information([OvrigInformationTyp::FkGepi])
        .build()
        .unwrap();
    let json = lefi_json::to_vec(&fraga).unwrap();
    assert_eq!(
        String::from_utf8(json.clone()).unwrap(),
        r#"{"personnummer":"197407029284","period":{"from":"2023-01-01","tom":"2024-01-01"},"formansinformation":["FK:SJP"],"ovrigInformation":["FK:GEPI"]}"#
    );
    let strict = lefi_json::decode_with::<LefiExternFormansinformationFraga>(
        &json,
        &DecodeSettings::strict(),
    )
    .unwrap();
    assert_eq!(strict.value, fraga);
    assert!(strict.warnings.is_empty());
}

#[test]
fn every_list_is_filled_and_empty_lists_are_left_out() {
    let fraga = builder(d(2024, 1, 1), d(2024, 1, 1))
        .ansprak([PmFormanGrupp::Ap])
        .beslut([PmFormanGrupp::Ap, PmFormanGrupp::Ef])
        .preliminara_utbetalningar([
            FormanGrupp::Fk(FkFormanGrupp::Fp),
            FormanGrupp::Pm(PmFormanGrupp::Ap),
        ])
        .utbetalningar([FormanGrupp::Pm(PmFormanGrupp::Bti)])
        .build()
        .unwrap();
    assert_eq!(fraga.formansinformation, None);
    assert_eq!(fraga.ovrig_information, None);
    assert_eq!(fraga.beslut.as_ref().map(Vec::len), Some(2));
    let text = String::from_utf8(lefi_json::to_vec(&fraga).unwrap()).unwrap();
    assert!(
        text.contains(r#""preliminaraUtbetalningar":["FK:FP","PM:AP"]"#),
        "{text}"
    );
    assert!(!text.contains("formansinformation"), "{text}");
}

#[test]
fn nothing_requested_is_refused() {
    assert_eq!(
        builder(d(2024, 1, 1), d(2024, 2, 1)).build(),
        Err(RequestError::NothingRequested)
    );
    let empty: [FkFormanGrupp; 0] = [];
    assert_eq!(
        builder(d(2024, 1, 1), d(2024, 2, 1))
            .formansinformation(empty)
            .build(),
        Err(RequestError::NothingRequested)
    );
}

#[test]
fn duplicate_codes_are_refused() {
    let err = builder(d(2024, 1, 1), d(2024, 2, 1))
        .formansinformation([FkFormanGrupp::Sjp])
        .utbetalningar([FormanGrupp::Pm(PmFormanGrupp::Ap)])
        .utbetalningar([FormanGrupp::Pm(PmFormanGrupp::Ap)])
        .build()
        .unwrap_err();
    assert_eq!(
        err,
        RequestError::DuplicateCode {
            list: "utbetalningar",
            code: "PM:AP"
        }
    );
    assert_eq!(
        err.to_string(),
        "code PM:AP appears more than once in utbetalningar"
    );
    // the same code in two lists is fine
    builder(d(2024, 1, 1), d(2024, 2, 1))
        .ansprak([PmFormanGrupp::Ap])
        .beslut([PmFormanGrupp::Ap])
        .build()
        .unwrap();
}

#[test]
fn periods_over_two_years_need_an_agreed_exception() {
    // exactly two years (2023-01-01..=2024-12-31) is allowed
    builder(d(2023, 1, 1), d(2024, 12, 31))
        .beslut([PmFormanGrupp::Ap])
        .build()
        .unwrap();
    let long = builder(d(2023, 1, 1), d(2025, 1, 1)).beslut([PmFormanGrupp::Ap]);
    assert_eq!(long.clone().build(), Err(RequestError::PeriodOverTwoYears));
    let fraga = long
        .allow_period_over_two_years(AgreedException::new("avtal 2024/17"))
        .build()
        .unwrap();
    assert_eq!(fraga.period.tom, d(2025, 1, 1));
}

#[test]
fn consent_of_another_person_is_refused() {
    let on = d(2025, 6, 1);
    let other = Personnummer::parse("198112189876").unwrap();
    let consent = Consent::new(other, on, None, [Purpose::Skadereglering]).unwrap();
    let lawful = LawfulPurpose::with_consent(marker::Skadereglering, &consent, &other, on).unwrap();
    let period = Period::new(d(2024, 1, 1), d(2024, 12, 31)).unwrap();
    let err = FragaBuilder::new(&lawful, &person(), period).unwrap_err();
    assert!(
        matches!(err, RequestError::Purpose(ConsentError::WrongPerson { .. })),
        "{err:?}"
    );
    assert!(!format!("{err} {err:?}").contains("9284"));
    // ... and the consenting person may be asked about
    let _builder = FragaBuilder::new(&lawful, &other, period).unwrap();
}

#[test]
fn operation_paths_encode_the_aktors_id() {
    assert_eq!(
        fraga_path("556000-1234").unwrap(),
        "/lefi-extern-formansinformation/v9/aktorer/556000-1234/formansinformation/fraga"
    );
    assert_eq!(
        tillgangliga_informationstyper_path("a/../b c?").unwrap(),
        "/lefi-extern-formansinformation/v9/aktorer/a%2F..%2Fb%20c%3F/tillgangligaInformationstyper"
    );
    for bad in ["", ".", ".."] {
        assert_eq!(fraga_path(bad), Err(PathError::InvalidAktorsId));
        assert_eq!(
            tillgangliga_informationstyper_path(bad),
            Err(PathError::InvalidAktorsId)
        );
    }
}
