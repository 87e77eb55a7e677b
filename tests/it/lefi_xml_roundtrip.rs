//! Per version: random models within the version's capabilities survive
//! decode(encode(m)) == m, and every encoded document validates against our schema for
//! that version (xmllint, batched; required under `CI=true`).

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]

use crate::{lefi_xml_support, support};

use std::cell::RefCell;

use lefi::model::lefi::{LefiExternFormansinformationFraga, LefiExternFormansinformationSvar};
use lefi::version::LefiVersion;
use lefi::wire::DecodeSettings;
use lefi::wire::lefi_xml;
use lefi_xml_support::random::{self, Gen};
use proptest::prelude::*;
use proptest::test_runner::{Config, TestRunner};

fn check_version(version: LefiVersion) {
    let docs = RefCell::new(Vec::new());
    let mut runner = TestRunner::new(Config {
        cases: 96,
        ..Config::default()
    });
    runner
        .run(&any::<u64>(), |seed| {
            let mut g = Gen::new(seed, version);
            let svar = random::gen_lefi_extern_formansinformation_svar(&mut g);
            let xml =
                lefi_xml::to_vec(&svar, version).map_err(|e| TestCaseError::fail(e.to_string()))?;
            let back = lefi_xml::decode_with::<LefiExternFormansinformationSvar>(
                &xml,
                &DecodeSettings::strict(),
            )
            .map_err(|e| TestCaseError::fail(e.to_string()))?;
            prop_assert_eq!(back.version, version);
            prop_assert_eq!(&back.value, &svar);
            docs.borrow_mut().push(xml);

            let fraga = random::gen_lefi_extern_formansinformation_fraga(&mut g);
            let xml = lefi_xml::to_vec(&fraga, version)
                .map_err(|e| TestCaseError::fail(e.to_string()))?;
            let back: LefiExternFormansinformationFraga =
                lefi_xml::from_slice(&xml).map_err(|e| TestCaseError::fail(e.to_string()))?;
            prop_assert_eq!(&back, &fraga);
            docs.borrow_mut().push(xml);
            Ok(())
        })
        .unwrap();
    support::validate_lefi_xml(version, &docs.into_inner(), "roundtrip");
}

#[test]
fn v5_round_trips_and_validates() {
    check_version(LefiVersion::V5);
}

#[test]
fn v5_1_round_trips_and_validates() {
    check_version(LefiVersion::V5_1);
}

#[test]
fn v6_round_trips_and_validates() {
    check_version(LefiVersion::V6);
}

#[test]
fn v7_round_trips_and_validates() {
    check_version(LefiVersion::V7);
}

/// The generator really covers the structures the versions differ in (otherwise the
/// round trips above would prove little).
#[test]
fn generated_models_cover_every_formansinformation_field() {
    let mut seen = std::collections::BTreeSet::new();
    for seed in 0..64 {
        let mut g = Gen::new(seed, LefiVersion::V7);
        let svar = random::gen_lefi_extern_formansinformation_svar(&mut g);
        let json = serde_json::to_value(svar.formansinformation.unwrap_or_default()).unwrap();
        seen.extend(json.as_object().unwrap().keys().cloned());
    }
    let all = lefi::wire::lefi_xml::gating::FIELD_GATES
        .iter()
        .filter(|g| g.since == LefiVersion::V9)
        .count();
    assert!(all > 0);
    for key in [
        "preliminarautbetalningar",
        "utbetalningsuppgift",
        "programjobdagar",
        "programanvisning",
        "omvardnadsbidragsarende",
        "merkostnadsersattningsarende",
        "intjanandebehallning",
        "sjukpenningarende",
        "generellPersoninformation",
    ] {
        assert!(seen.contains(key), "{key} never generated");
    }
    assert!(!seen.contains("forebyggandeSjukpenningsarende"));
    assert!(seen.len() >= 40, "only {} fields generated", seen.len());
}
