//! Versions: text forms, dates, namespaces and the capability matrix (DOMAIN §3).
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]

use chrono::NaiveDate;
use lefi::version::{Capability, LefiVersion, ParseVersionError, SsbtekVersion, capability_matrix};

use crate::support;

fn d(y: i32, m: u32, day: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(y, m, day)
}

#[test]
fn lefi_version_text_forms() {
    let canonical: Vec<String> = LefiVersion::ALL.iter().map(ToString::to_string).collect();
    assert_eq!(canonical, ["5", "5.1", "6", "7", "9"]);
    for v in LefiVersion::ALL {
        assert_eq!(v.to_string().parse::<LefiVersion>().unwrap(), *v);
        assert_eq!(format!("v{v}").parse::<LefiVersion>().unwrap(), *v);
        let json = serde_json::to_string(v).unwrap();
        assert_eq!(serde_json::from_str::<LefiVersion>(&json).unwrap(), *v);
    }
    for (text, v) in [
        ("5.0", LefiVersion::V5),
        ("6.0", LefiVersion::V6),
        ("V9", LefiVersion::V9),
        ("9.0", LefiVersion::V9),
    ] {
        assert_eq!(text.parse::<LefiVersion>().unwrap(), v, "{text}");
    }
    for bad in ["", "4", "8", "5.2", "10", "vv9", " 9", "9 ", "v"] {
        assert_eq!(
            bad.parse::<LefiVersion>(),
            Err(ParseVersionError::Unknown {
                kind: "LEFI Online"
            }),
            "{bad:?}"
        );
    }
    assert_eq!(
        "8".parse::<LefiVersion>().unwrap_err().to_string(),
        "unknown or unsupported LEFI Online version"
    );
}

#[test]
fn ssbtek_version_text_forms_and_namespaces() {
    let canonical: Vec<String> = SsbtekVersion::ALL.iter().map(ToString::to_string).collect();
    assert_eq!(canonical, ["6", "7", "8", "10", "11"]);
    for v in SsbtekVersion::ALL {
        assert_eq!(v.to_string().parse::<SsbtekVersion>().unwrap(), *v);
        assert_eq!(format!("v{v}").parse::<SsbtekVersion>().unwrap(), *v);
        assert_eq!(
            v.namespace(),
            format!("http://schema.forsakringskassan.se/integration/ssbt/{v}")
        );
        assert_eq!(SsbtekVersion::from_namespace(v.namespace()), Some(*v));
    }
    for bad in ["9", "5", "12", "1.0", ""] {
        assert!(bad.parse::<SsbtekVersion>().is_err(), "{bad:?}");
    }
    assert_eq!(
        SsbtekVersion::from_namespace("http://schema.forsakringskassan.se/integration/ssbt/9"),
        None
    );
}

#[test]
fn ssbtek_v10_namespace_matches_the_xsd() {
    let Some(xsd) = support::contract(
        "ssbtek-v10/se/forsakringskassan/schema/integration/ssbt/_10/sammansatt_bastjanst_v10.xsd",
    ) else {
        return;
    };
    let text = std::fs::read_to_string(&xsd).unwrap();
    assert!(text.contains(&format!(
        "targetNamespace=\"{}\"",
        SsbtekVersion::V10.namespace()
    )));
}

#[test]
fn dates_from_domain_section_3() {
    assert_eq!(LefiVersion::V5.deployed(), d(2018, 12, 29));
    assert_eq!(LefiVersion::V5_1.deployed(), d(2019, 3, 17));
    assert_eq!(LefiVersion::V6.deployed(), d(2019, 11, 17));
    assert_eq!(LefiVersion::V7.deployed(), None);
    assert_eq!(LefiVersion::V9.deployed(), d(2025, 3, 17));
    assert_eq!(SsbtekVersion::V6.deployed(), d(2018, 9, 16));
    assert_eq!(SsbtekVersion::V6.closed(), d(2020, 10, 31));
    assert_eq!(SsbtekVersion::V7.deployed(), d(2018, 12, 29));
    assert_eq!(SsbtekVersion::V8.deployed(), d(2019, 11, 17));
    // LEFI 6.0 came with SSBTEK 8, LEFI 5.0 with SSBTEK 7.
    assert_eq!(LefiVersion::V6.deployed(), SsbtekVersion::V8.deployed());
    assert_eq!(LefiVersion::V5.deployed(), SsbtekVersion::V7.deployed());
    // Known dates are increasing with the version.
    let lefi: Vec<_> = LefiVersion::ALL
        .iter()
        .filter_map(|v| v.deployed())
        .collect();
    assert!(lefi.windows(2).all(|w| w[0] < w[1]));
    for v in SsbtekVersion::ALL {
        if let (Some(from), Some(to)) = (v.deployed(), v.closed()) {
            assert!(from < to);
        }
    }
}

#[test]
fn lefi_capability_matrix_spot_checks() {
    use Capability as C;
    use LefiVersion as L;
    let row = |c: Capability| -> Vec<bool> { L::ALL.iter().map(|v| v.supports(c)).collect() };
    //                                         5      5.1    6      7      9
    assert_eq!(row(C::Premiepension), [true, true, true, true, true]);
    assert_eq!(
        row(C::OmvardnadsbidragMerkostnadsersattning),
        [true, true, true, true, true]
    );
    assert_eq!(row(C::KarensavdragPeriod), [true, true, true, true, true]);
    assert_eq!(
        row(C::LefiOnlineVersionAttribute),
        [true, true, true, true, false]
    );
    assert_eq!(
        row(C::ProgramanvisningExtended),
        [false, true, true, true, true]
    );
    assert_eq!(row(C::JobDays), [false, false, true, true, true]);
    assert_eq!(
        row(C::PreliminaryPayments),
        [false, false, true, true, true]
    );
    assert_eq!(
        row(C::ForebyggandeSjukpenningGroup),
        [false, false, false, false, true]
    );
    assert_eq!(
        row(C::PensionsmyndighetenStructures),
        [false, false, false, false, true]
    );
    assert_eq!(row(C::JsonTransport), [false, false, false, false, true]);
    assert_eq!(
        row(C::PreliminaryPaymentClassification),
        [false, false, false, false, true]
    );
    for c in [
        C::Migrationsverket,
        C::Transportstyrelsen,
        C::Ping,
        C::SkatteverketFraga,
        C::FkPayloadBase64Json,
    ] {
        assert_eq!(row(c), [false; 5], "{c}");
    }
}

#[test]
fn ssbtek_capability_matrix_spot_checks() {
    use Capability as C;
    use SsbtekVersion as S;
    let row = |c: Capability| -> Vec<bool> { S::ALL.iter().map(|v| v.supports(c)).collect() };
    //                                   6      7      8      10     11
    assert_eq!(row(C::Transportstyrelsen), [true, true, true, true, true]);
    assert_eq!(row(C::Ping), [false, true, true, true, true]);
    assert_eq!(row(C::Migrationsverket), [false, false, true, true, true]);
    assert_eq!(
        row(C::PreliminaryPayments),
        [false, false, true, true, true]
    );
    assert_eq!(
        row(C::FkPayloadBase64Json),
        [false, false, false, true, true]
    );
    assert_eq!(
        row(C::SkatteverketFraga),
        [false, false, false, false, true]
    );
    assert_eq!(row(C::JsonTransport), [false; 5]);
    // Carried LEFI versions: 6 → LEFI 4 (not modelled), 7 → 5.0/5.1, 8 → 6.0, 10/11 → 9.
    assert_eq!(
        row(C::LefiOnlineVersionAttribute),
        [false, true, true, false, false]
    );
    assert_eq!(row(C::Premiepension), [false, true, true, true, true]);
    assert_eq!(
        row(C::PensionsmyndighetenStructures),
        [false, false, false, true, true]
    );
    assert_eq!(S::V8.lefi_versions(), [LefiVersion::V6]);
    assert_eq!(S::V10.lefi_versions(), [LefiVersion::V9]);
}

#[test]
fn capability_list_and_matrix_rendering() {
    let mut names: Vec<&str> = Capability::ALL.iter().map(|c| c.name()).collect();
    let count = names.len();
    names.sort_unstable();
    names.dedup();
    assert_eq!(names.len(), count, "capability names are unique");
    assert!(count >= 12);
    for c in Capability::ALL {
        assert!(!c.description().is_empty());
    }

    let table = capability_matrix();
    let lines: Vec<&str> = table.lines().collect();
    assert_eq!(lines.len(), 1 + Capability::ALL.len());
    let header: Vec<&str> = lines[0]
        .split("  ")
        .filter(|s| !s.is_empty())
        .map(str::trim)
        .collect();
    assert_eq!(
        header,
        [
            "capability",
            "LEFI 5",
            "LEFI 5.1",
            "LEFI 6",
            "LEFI 7",
            "LEFI 9",
            "SSBTEK 6",
            "SSBTEK 7",
            "SSBTEK 8",
            "SSBTEK 10",
            "SSBTEK 11"
        ]
    );
    // Each row's cells agree with supports().
    for (line, c) in lines[1..].iter().zip(Capability::ALL) {
        let cells: Vec<&str> = line.split_whitespace().collect();
        assert_eq!(cells[0], c.name());
        let expected: Vec<&str> = LefiVersion::ALL
            .iter()
            .map(|v| v.supports(*c))
            .chain(SsbtekVersion::ALL.iter().map(|v| v.supports(*c)))
            .map(|b| if b { "yes" } else { "-" })
            .collect();
        assert_eq!(&cells[1..], expected.as_slice(), "{c}");
        assert_eq!(*line, line.trim_end());
    }
}
