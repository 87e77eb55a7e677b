//! Every request the builder can produce validates against the real v10 XSD (and the v11
//! schemas), checked with `xmllint --schema` over many generated requests in one call; each
//! also round-trips through the SOAP envelope and through the JSON form.
//! Skips with a notice when ../shared/contracts or xmllint is absent (fails under `CI=true`).
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]

use std::path::{Path, PathBuf};
use std::process::Command;

use chrono::{FixedOffset, NaiveDate, TimeZone};
use proptest::prelude::*;
use proptest::strategy::ValueTree;
use proptest::test_runner::{Config, TestRunner};

use lefi::id::{Organisationsnummer, Personnummer};
use lefi::legal::{Actor, ActorKind, LawfulPurpose, Ombud, marker};
use lefi::model::ssbtek::{
    Agency, Arendeidentitet, BastjanstFraga, BastjanstFragaBuilder, BuildError, SkatteverketFraga,
    XsdDateTime,
};
use lefi::period::Period;
use lefi::version::SsbtekVersion;
use lefi::wire::ssbtek::{self, EncodeError, SsbtekDocument, SsbtekMessage};

use crate::support;

const CASES: usize = 120;

fn luhn_digit(digits: &[u8]) -> u8 {
    let sum: u32 = digits
        .iter()
        .enumerate()
        .map(|(i, &d)| {
            let v = u32::from(d) * if i % 2 == 0 { 2 } else { 1 };
            if v > 9 { v - 9 } else { v }
        })
        .sum();
    ((10 - sum % 10) % 10) as u8
}

fn digits_to_string(d: &[u8]) -> String {
    d.iter().map(|d| char::from(b'0' + d)).collect()
}

prop_compose! {
    fn orgnr()(head in proptest::collection::vec(0u8..10, 9), third in 2u8..10) -> Organisationsnummer {
        let mut d = head;
        d[2] = third;
        let c = luhn_digit(&d);
        d.push(c);
        Organisationsnummer::parse(&digits_to_string(&d)).unwrap()
    }
}

prop_compose! {
    fn personnummer()(year in 1900i32..2020, month in 1u32..13, day in 1u32..29, serial in 0u32..1000) -> Personnummer {
        let ten = format!("{:02}{month:02}{day:02}{serial:03}", year % 100);
        let d: Vec<u8> = ten.bytes().map(|b| b - b'0').collect();
        let c = luhn_digit(&d);
        Personnummer::parse(&format!("{year:04}{month:02}{day:02}{serial:03}{c}")).unwrap()
    }
}

fn text() -> impl Strategy<Value = String> {
    "[a-zA-Z0-9 åäöÅÄÖé<>&'\"§.,-]{1,40}"
}

fn period() -> impl Strategy<Value = Period> {
    (0i64..3000, 0i64..800).prop_map(|(start, len)| {
        let from = NaiveDate::from_ymd_opt(2018, 1, 1).unwrap() + chrono::Duration::days(start);
        Period::new(from, from + chrono::Duration::days(len)).unwrap()
    })
}

#[derive(Debug, Clone)]
struct Input {
    org: Organisationsnummer,
    person: Personnummer,
    arende: String,
    period: Period,
    agencies: Vec<bool>,
    overrides: Vec<Option<Period>>,
    texts: (String, String),
    korrelationsid: Option<String>,
    tidpunkt: Option<(i64, i32)>,
    bitraden: Vec<(Organisationsnummer, String)>,
    years: Vec<i32>,
    echo: bool,
}

fn input() -> impl Strategy<Value = Input> {
    (
        (orgnr(), personnummer(), "[A-Za-z0-9-]{1,45}", period()),
        (
            proptest::collection::vec(any::<bool>(), 7),
            proptest::collection::vec(proptest::option::of(period()), 7),
        ),
        (text(), text()),
        (
            proptest::option::of("[a-f0-9-]{1,36}"),
            proptest::option::of((0i64..2_000_000_000, -12i32..13)),
            proptest::collection::vec((orgnr(), text()), 0..3),
            proptest::collection::vec(1990i32..2030, 1..4),
            any::<bool>(),
        ),
    )
        .prop_map(
            |((org, person, arende, period), (agencies, overrides), texts, rest)| Input {
                org,
                person,
                arende,
                period,
                agencies,
                overrides,
                texts,
                korrelationsid: rest.0,
                tidpunkt: rest.1,
                bitraden: rest.2,
                years: rest.3,
                echo: rest.4,
            },
        )
}

/// Builds a request; `None` when the builder (rightly) refuses the combination.
fn build(i: &Input, v11: bool) -> Result<BastjanstFraga, BuildError> {
    let mut kommun = Actor::new(ActorKind::Kommun, i.org, format!("Kommun {}", i.texts.0)).unwrap();
    for (n, (org, namn)) in i.bitraden.iter().enumerate() {
        let ordning = i16::try_from(n + 1).ok();
        kommun = kommun
            .with_ombud(Ombud::new(*org, format!("Ombud {namn}"), ordning).unwrap())
            .unwrap();
    }
    let mut b = BastjanstFragaBuilder::new(
        &kommun,
        i.texts.1.clone(),
        &i.person,
        Arendeidentitet::new(i.arende.clone()).unwrap(),
        i.period,
        &LawfulPurpose::consent_free(marker::EkonomisktBistand),
    )?
    .echo_question(i.echo);
    for (n, agency) in Agency::ALL.into_iter().enumerate() {
        if !i.agencies[n] {
            continue;
        }
        b = match (agency, i.overrides[n]) {
            (Agency::Fk, _) => b.fk("AKTOR-1", &lefi_fraga(&i.person, i.period)),
            (Agency::Skv, _) if v11 => {
                b.skatteverket_fraga(SkatteverketFraga::all_for_years(i.years.clone()))
            }
            (a, Some(p)) => b.period_for(a, p),
            (a, None) => b.include(a),
        };
    }
    if let Some(k) = &i.korrelationsid {
        b = b.korrelationsid(k.clone());
    }
    if let Some((secs, h)) = i.tidpunkt {
        let tz = FixedOffset::east_opt(h * 3600).unwrap();
        b = b.frage_tidpunkt(XsdDateTime::from_datetime(
            tz.timestamp_opt(secs, 0).unwrap(),
        ));
    }
    b.build()
}

fn generate(v11: bool) -> Vec<BastjanstFraga> {
    let mut runner = TestRunner::new(Config::default());
    let strategy = input();
    let mut out = Vec::new();
    let mut refused_csn = 0;
    while out.len() < CASES {
        let i = strategy.new_tree(&mut runner).unwrap().current();
        match build(&i, v11) {
            Ok(f) => {
                let chars = f.generella.arendeidentitet.as_str().chars().count();
                assert!(!f.specifika.includes(Agency::Csn) || chars <= 31);
                out.push(f);
            }
            Err(BuildError::ArendeidentitetTooLongForCsn { chars, max }) => {
                assert!(chars >= 32 && max == 31 && i.agencies[1]);
                refused_csn += 1;
            }
            Err(BuildError::NothingIncluded) => assert!(i.agencies.iter().all(|a| !a)),
            Err(e) => panic!("unexpected build error {e}"),
        }
    }
    assert!(
        refused_csn > 0,
        "generator never produced a too-long arendeidentitet"
    );
    out
}

/// Writes each body to its own file and validates all in one xmllint call.
fn validate_all(xsd: &Path, bodies: &[Vec<u8>], tag: &str) {
    let dir = std::env::temp_dir().join(format!("lefi-ssbtek-xsd-{}-{tag}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let files: Vec<PathBuf> = bodies
        .iter()
        .enumerate()
        .map(|(n, b)| {
            let p = dir.join(format!("{n}.xml"));
            std::fs::write(&p, b).unwrap();
            p
        })
        .collect();
    let out = Command::new("xmllint")
        .arg("--noout")
        .arg("--schema")
        .arg(xsd)
        .args(&files)
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    let failures: Vec<&str> = stderr
        .lines()
        .filter(|l| !l.ends_with(" validates"))
        .collect();
    assert!(
        out.status.success() && failures.is_empty(),
        "{tag}: {}",
        failures.join("\n")
    );
    assert_eq!(
        stderr.lines().filter(|l| l.ends_with(" validates")).count(),
        bodies.len()
    );
    let _ = std::fs::remove_dir_all(&dir);
}

/// `../shared/contracts`, when it and xmllint are there (required under CI, see `support`).
fn contracts() -> Option<PathBuf> {
    let dir = support::contracts()?;
    support::xmllint().then_some(dir)
}

fn bodies(requests: &[BastjanstFraga], version: SsbtekVersion) -> Vec<Vec<u8>> {
    requests
        .iter()
        .map(|f| {
            let msg = SsbtekMessage::Request(Box::new(f.clone()));
            let body = ssbtek::body_to_vec(version, &msg).unwrap();
            // And the full envelope decodes back to the same request.
            let doc = ssbtek::from_slice(&ssbtek::request_to_vec(f, version).unwrap()).unwrap();
            assert_eq!(doc.message, msg);
            // Every encoded request carries the syfte and lagtext of its purpose.
            let purpose = LawfulPurpose::consent_free(marker::EkonomisktBistand);
            let SsbtekMessage::Request(decoded) = doc.message else {
                panic!("not a request")
            };
            assert_eq!(decoded.generella.syfte.as_str(), purpose.syfte());
            assert_eq!(decoded.generella.lagtext.as_str(), purpose.lagtext());
            // The JSON form round-trips to the same request, and writes the same JSON again.
            let doc = SsbtekDocument::new(version, msg);
            let json = serde_json::to_vec(&doc).unwrap();
            let back: SsbtekDocument = serde_json::from_slice(&json).unwrap();
            assert_eq!(back, doc);
            assert_eq!(serde_json::to_vec(&back).unwrap(), json);
            body
        })
        .collect()
}

#[test]
fn generated_requests_validate_against_the_v10_xsd() {
    let Some(dir) = contracts() else { return };
    let xsd = dir.join(
        "ssbtek-v10/se/forsakringskassan/schema/integration/ssbt/_10/sammansatt_bastjanst_v10.xsd",
    );
    let requests = generate(false);
    validate_all(&xsd, &bodies(&requests, SsbtekVersion::V10), "v10");
}

#[test]
fn generated_requests_validate_against_both_v11_schemas() {
    let Some(dir) = contracts() else { return };
    let requests = generate(true);
    let b = bodies(&requests, SsbtekVersion::V11);
    let ours = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("schemas/ssbtek-v11.xsd");
    validate_all(&ours, &b, "v11-ours");
    let theirs = dir.join(
        "ssbtek-v11/se/forsakringskassan/schema/integration/ssbt/_11/sammansatt_bastjanst_v11.xsd",
    );
    validate_all(&theirs, &b, "v11-contracts");
}

#[test]
fn version_gating_names_field_and_version() {
    let requests = generate(true);
    let with_skv = requests
        .iter()
        .find(|f| f.specifika.skv.fraga.is_some())
        .unwrap();
    let err = ssbtek::request_to_vec(with_skv, SsbtekVersion::V10).unwrap_err();
    assert!(matches!(
        err,
        EncodeError::VersionGating {
            version: SsbtekVersion::V10,
            ..
        }
    ));
    assert!(err.to_string().contains("SkatteverketFraga") && err.to_string().contains("10"));
    let mut without = with_skv.clone();
    without.specifika.skv.fraga = None;
    let err = ssbtek::request_to_vec(&without, SsbtekVersion::V11).unwrap_err();
    assert!(err.to_string().contains("SkatteverketFraga") && err.to_string().contains("11"));
}

/// A LEFI v9 request for the person and period, built by the LEFI request builder.
fn lefi_fraga(
    person: &Personnummer,
    period: Period,
) -> lefi::model::lefi::LefiExternFormansinformationFraga {
    use lefi::legal::{LawfulPurpose, marker};
    use lefi::model::lefi::request::{AgreedException, FragaBuilder};
    let lawful = LawfulPurpose::consent_free(marker::Samordning);
    FragaBuilder::new(&lawful, person, period)
        .unwrap()
        .allow_period_over_two_years(AgreedException::new("test"))
        .formansinformation([lefi::codes::FkFormanGrupp::Sjp])
        .build()
        .unwrap()
}
