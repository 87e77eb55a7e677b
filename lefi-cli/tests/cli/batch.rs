//! `lefi_cli::batch`, the library half of `lefi convert DIR` (the command's own behaviour,
//! the kill-and-resume run among it, is in `commands`).

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]

use lefi::convert::Format;
use lefi::version::LefiVersion;
use lefi::wire::lefi_xml;
use lefi_cli::batch::{BatchOptions, convert_dir};

use crate::lefi_xml_support::random::{self, Gen};

#[test]
fn batch_conversion_keeps_going_past_bad_files() {
    let dir = std::env::temp_dir().join(format!("lefi-convert-batch-{}", std::process::id()));
    let input = dir.join("in");
    std::fs::create_dir_all(&input).unwrap();
    for seed in 0..20u64 {
        let mut g = Gen::new(seed, LefiVersion::V7);
        let svar = random::gen_lefi_extern_formansinformation_svar(&mut g);
        std::fs::write(
            input.join(format!("doc{seed:02}.xml")),
            lefi_xml::to_vec(&svar, LefiVersion::V7).unwrap(),
        )
        .unwrap();
    }
    std::fs::write(input.join("broken.xml"), b"<LefiExternFormansinformationSvar xmlns='urn:lefi:reconstructed:lefionline:7.0'><formansinformation>").unwrap();
    // Pensionsmyndigheten's data: LEFI XML 6 cannot carry it
    std::fs::write(
        input.join("lossy.json"),
        br#"{"ansprak":[{}],"beslut":[{}]}"#,
    )
    .unwrap();
    let seen = std::sync::Mutex::new(Vec::new());
    let summary = convert_dir(
        &input,
        &dir.join("out"),
        Format::LefiV6,
        &BatchOptions::default(),
        |p| {
            seen.lock().unwrap().push(p.done);
            assert_eq!(p.total, 22);
        },
    )
    .unwrap();
    let mut seen = seen.into_inner().unwrap();
    seen.sort_unstable();
    assert_eq!(seen, (1..=22).collect::<Vec<_>>());
    assert_eq!(summary.converted, 20 - summary.lossy.len());
    assert_eq!(summary.failed.len(), 2, "{summary}");
    assert!(
        summary
            .failed
            .iter()
            .any(|(p, r)| p.ends_with("broken.xml") && r.contains("unexpected end")),
        "{summary}"
    );
    assert!(
        summary
            .failed
            .iter()
            .any(|(p, r)| p.ends_with("lossy.json") && r.contains("allow loss")),
        "{summary}"
    );
    std::fs::remove_dir_all(&dir).unwrap();
}
