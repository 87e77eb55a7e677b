//! Shared by both test binaries (`it` and `contract`, each mounts it as `mod support`):
//! where the reference data lives (`../shared/contracts`, `../shared/tools`), the one rule
//! for its absence, and the external checkers (`xmllint`, `../shared/tools/xmlequiv.py`).
//!
//! The rule: a test that needs reference data or a tool that is missing FAILS when the
//! environment variable `CI` is `true`, and elsewhere returns after a skip notice on stderr.
//! Every lookup below applies it through [`absent`]; a test writes
//! `let Some(dir) = support::contracts() else { return };`.

#![allow(
    dead_code, // each binary uses part of it
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]

use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::atomic::{AtomicUsize, Ordering};

use lefi::version::LefiVersion;

/// The LEFI v9 OpenAPI, relative to `../shared/contracts`.
pub(crate) const V9_OPENAPI: &str =
    "ssbtek-v10/se/forsakringskassan/schema/lefi/lefi-formansinformation-v9.openapi.yaml";

/// The `lefi` package's directory, the workspace root: the test's own crate directory, or
/// the nearest one above it whose `Cargo.toml` declares the workspace (the tests of
/// `lefi-cli` and `lefi-client` mount this module too).
pub(crate) fn manifest_dir() -> PathBuf {
    let own = Path::new(env!("CARGO_MANIFEST_DIR"));
    own.ancestors()
        .find(|dir| {
            std::fs::read_to_string(dir.join("Cargo.toml"))
                .is_ok_and(|manifest| manifest.contains("\n[workspace]"))
        })
        .unwrap_or(own)
        .to_path_buf()
}

/// `../shared` beside the crate, whether it is there or not.
pub(crate) fn shared() -> PathBuf {
    manifest_dir().join("../shared")
}

/// Whether this run is CI (`CI=true`), where reference data and tools are required.
pub(crate) fn under_ci() -> bool {
    std::env::var("CI").is_ok_and(|v| v == "true")
}

/// Reference data or a tool is missing: a failure under `CI=true`, a skip notice elsewhere.
pub(crate) fn absent(what: &str) {
    assert!(!under_ci(), "CI=true but {what} is missing");
    eprintln!("skipping: {what} is missing");
}

/// `present`, after calling [`absent`] for `what` when it is not.
pub(crate) fn require(what: &str, present: bool) -> bool {
    if !present {
        absent(what);
    }
    present
}

/// `../shared/<path>` when it exists; `None` after [`absent`] when it does not.
pub(crate) fn shared_path(path: &str) -> Option<PathBuf> {
    let full = shared().join(path);
    require(&format!("../shared/{path}"), full.exists()).then_some(full)
}

/// `../shared/contracts`.
pub(crate) fn contracts() -> Option<PathBuf> {
    shared_path("contracts")
}

/// A file (or directory) of `../shared/contracts`, by its path there.
pub(crate) fn contract(path: &str) -> Option<PathBuf> {
    shared_path(&format!("contracts/{path}"))
}

/// The LEFI v9 OpenAPI of the contracts.
pub(crate) fn v9_openapi() -> Option<PathBuf> {
    contract(V9_OPENAPI)
}

/// `../shared/contracts/fixtures`, the sample SSBTEK answers.
pub(crate) fn fixtures() -> Option<PathBuf> {
    contract("fixtures")
}

/// The bytes of one fixture, by file name.
pub(crate) fn fixture(name: &str) -> Option<Vec<u8>> {
    contract(&format!("fixtures/{name}")).map(|path| std::fs::read(path).unwrap())
}

/// A script of `../shared/tools`, by file name.
pub(crate) fn tool(name: &str) -> Option<PathBuf> {
    shared_path(&format!("tools/{name}"))
}

/// Whether `xmllint` runs ([`absent`] when it does not).
pub(crate) fn xmllint() -> bool {
    let ok = Command::new("xmllint").arg("--version").output().is_ok();
    require("xmllint", ok)
}

/// Compares two XML documents with `../shared/tools/xmlequiv.py`: `Err` with its report
/// when they differ. `None` when the tool is missing ([`absent`]) or python3 does not run.
/// `tag` names the scratch directory (made unique per call).
pub(crate) fn xmlequiv(a: &[u8], b: &[u8], tag: &str) -> Option<Result<(), String>> {
    static CALLS: AtomicUsize = AtomicUsize::new(0);
    let tool = tool("xmlequiv.py")?;
    let tag: String = tag
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '.' {
                c
            } else {
                '-'
            }
        })
        .collect();
    let dir = std::env::temp_dir().join(format!(
        "lefi-xmlequiv-{}-{}-{tag}",
        std::process::id(),
        CALLS.fetch_add(1, Ordering::Relaxed)
    ));
    std::fs::create_dir_all(&dir).unwrap();
    let (pa, pb) = (dir.join("a.xml"), dir.join("b.xml"));
    std::fs::write(&pa, a).unwrap();
    std::fs::write(&pb, b).unwrap();
    let out = Command::new("python3")
        .arg(&tool)
        .arg(&pa)
        .arg(&pb)
        .output();
    let _ = std::fs::remove_dir_all(&dir);
    let out = out.ok()?;
    Some(if out.status.success() {
        Ok(())
    } else {
        Err(String::from_utf8_lossy(&out.stdout).into_owned()
            + &String::from_utf8_lossy(&out.stderr))
    })
}

/// Our (reconstructed) schema of a LEFI Online XML version, in `schemas/`.
pub(crate) fn lefi_xml_schema(version: LefiVersion) -> PathBuf {
    let suffix = match version {
        LefiVersion::V5 => "5",
        LefiVersion::V5_1 => "5.1",
        LefiVersion::V6 => "6",
        LefiVersion::V7 => "7",
        _ => panic!("no XML schema for LEFI {version}"),
    };
    manifest_dir().join(format!("schemas/lefi-online-v{suffix}.xsd"))
}

/// Validates every LEFI XML document against the version's schema with one xmllint call
/// per 200 files; panics with xmllint's output when one fails. Without xmllint: [`absent`].
pub(crate) fn validate_lefi_xml(version: LefiVersion, docs: &[Vec<u8>], tag: &str) {
    if docs.is_empty() || !xmllint() {
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
            .arg(lefi_xml_schema(version))
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

/// The start of a SOAP 1.1 envelope up to its body, for SSBTEK messages built in tests.
pub(crate) const SOAP_START: &str =
    r#"<soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Body>"#;
/// The end of [`SOAP_START`]'s envelope.
pub(crate) const SOAP_END: &str = "</soap:Body></soap:Envelope>";
