//! Converts a directory of 10 000 generated LEFI Online 7 documents to LEFI 9 JSON with
//! `lefi_cli::batch::convert_dir` and reports peak RSS (VmHWM) before and after: memory stays
//! flat because files are converted one at a time.
//!
//! `cargo run --release -p lefi-cli --example batch [COUNT]`

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]

#[path = "../../tests/lefi_xml_support/mod.rs"]
mod lefi_xml_support;

use lefi::convert::Format;
use lefi::version::LefiVersion;
use lefi::wire::lefi_xml;
use lefi_cli::batch::{BatchOptions, convert_dir};
use lefi_xml_support::random::{self, Gen};

fn vm_hwm_kib() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

fn main() {
    let count: u64 = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(10_000);
    let dir = std::env::temp_dir().join(format!("lefi-xml-batch-{}", std::process::id()));
    let input = dir.join("in");
    std::fs::create_dir_all(&input).unwrap();
    let mut bytes_total = 0;
    for seed in 0..count {
        let mut g = Gen::new(seed, LefiVersion::V7);
        let svar = random::gen_lefi_extern_formansinformation_svar(&mut g);
        let xml = lefi_xml::to_vec(&svar, LefiVersion::V7).unwrap();
        bytes_total += xml.len();
        std::fs::write(input.join(format!("svar-{seed:05}.xml")), xml).unwrap();
    }
    let before = vm_hwm_kib();
    let started = std::time::Instant::now();
    let summary = convert_dir(
        &input,
        &dir.join("out"),
        Format::LefiV9,
        &BatchOptions::default(),
        |p| {
            if p.done % (p.total / 10).max(1) == 0 {
                eprintln!("{}/{}", p.done, p.total);
            }
        },
    )
    .unwrap();
    let after = vm_hwm_kib();
    println!(
        "{count} documents, {bytes_total} bytes, converted in {:.2?}",
        started.elapsed()
    );
    println!("{summary}");
    println!("peak RSS (VmHWM) before batch: {before:?} KiB, after batch: {after:?} KiB");
    std::fs::remove_dir_all(&dir).unwrap();
    assert_eq!(summary.converted as u64, count);
}
