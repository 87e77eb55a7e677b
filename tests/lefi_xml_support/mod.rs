//! Shared by the lefi_xml / convert tests, the benchmark and the batch example: a seeded
//! random model generator (generated, `random.rs`) and xmllint batch validation.

#![allow(
    dead_code,
    unreachable_pub,
    unused_mut,
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]

pub mod random;
pub mod rng;

use std::path::{Path, PathBuf};
use std::process::Command;

use lefi::version::LefiVersion;

/// The schema file of an XML version.
pub fn schema_path(version: LefiVersion) -> PathBuf {
    let suffix = match version {
        LefiVersion::V5 => "5",
        LefiVersion::V5_1 => "5.1",
        LefiVersion::V6 => "6",
        LefiVersion::V7 => "7",
        _ => panic!("no XML schema for LEFI {version}"),
    };
    Path::new(env!("CARGO_MANIFEST_DIR")).join(format!("schemas/lefi-online-v{suffix}.xsd"))
}

/// Whether xmllint is installed (prints a skip notice when it is not).
pub fn have_xmllint() -> bool {
    let ok = Command::new("xmllint").arg("--version").output().is_ok();
    if !ok {
        eprintln!("notice: xmllint not found; schema validation skipped");
    }
    ok
}

/// Validates every document against the version's schema with one xmllint call per 200
/// files; panics with xmllint's output when one fails.
pub fn validate_all(version: LefiVersion, docs: &[Vec<u8>], tag: &str) {
    if docs.is_empty() || !have_xmllint() {
        return;
    }
    let dir = std::env::temp_dir().join(format!(
        "lefi-xml-validate-{tag}-{}-{}",
        version,
        std::process::id()
    ));
    std::fs::create_dir_all(&dir).unwrap();
    let mut files = Vec::new();
    for (i, doc) in docs.iter().enumerate() {
        let f = dir.join(format!("doc-{i:05}.xml"));
        std::fs::write(&f, doc).unwrap();
        files.push(f);
    }
    for chunk in files.chunks(200) {
        let out = Command::new("xmllint")
            .arg("--noout")
            .arg("--schema")
            .arg(schema_path(version))
            .args(chunk)
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "xmllint refused a LEFI {version} document:\n{}",
            String::from_utf8_lossy(&out.stderr)
                .lines()
                .filter(|l| !l.ends_with(" validates"))
                .take(20)
                .collect::<Vec<_>>()
                .join("\n")
        );
    }
    std::fs::remove_dir_all(&dir).unwrap();
}
