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

/// The environment variable naming the one test a child process of this test binary runs
/// for [`within_memory`].
const MEMORY_CHILD: &str = "LEFI_TEST_MEMORY_CHILD";

/// Runs decodes of hostile inputs and asserts their peak resident memory stays under three
/// times the inputs' size plus 64 MiB (the constant covers the test binary itself).
///
/// `module` is the caller's `module_path!()` and `test` its function name: the measurement
/// runs in a child process of this test binary that runs that test alone (tests in one
/// process share their heap, so one cannot be measured beside the others). The child
/// builds the inputs with `prepare`, resets the kernel's peak (`/proc/self/clear_refs`), runs
/// `decode` and reports the peak (`VmHWM`), which includes the inputs themselves. Where there is
/// no `/proc` (not Linux), `prepare` and `decode` run here unmeasured.
pub(crate) fn within_memory(
    module: &str,
    test: &str,
    prepare: impl FnOnce() -> Vec<Vec<u8>>,
    decode: impl FnOnce(&[Vec<u8>]),
) {
    // the test's name inside this binary: the module path without the crate's name
    let name = match module.split_once("::") {
        Some((_, inner)) => format!("{inner}::{test}"),
        None => test.to_owned(),
    };
    let status = |field: &str| -> Option<u64> {
        let text = std::fs::read_to_string("/proc/self/status").ok()?;
        let line = text.lines().find(|l| l.starts_with(field))?;
        let kb: u64 = line.split_whitespace().nth(1)?.parse().ok()?;
        Some(kb * 1024)
    };
    if std::env::var(MEMORY_CHILD).is_ok_and(|child| child == name) {
        let inputs = prepare();
        std::fs::write("/proc/self/clear_refs", "5").expect("reset the peak resident size");
        decode(&inputs);
        let peak = status("VmHWM:").expect("VmHWM in /proc/self/status");
        let size: usize = inputs.iter().map(Vec::len).sum();
        println!("LEFI-MEMORY input={size} peak={peak}");
        return;
    }
    if !cfg!(target_os = "linux") {
        decode(&prepare());
        return;
    }
    let out = Command::new(std::env::current_exe().expect("this test binary"))
        .args([name.as_str(), "--exact", "--nocapture", "--test-threads=1"])
        .env(MEMORY_CHILD, &name)
        .output()
        .expect("run this test in a child process");
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{name} in a child process failed:\n{stdout}\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let report = stdout
        .lines()
        .find_map(|l| l.split_once("LEFI-MEMORY ").map(|(_, report)| report))
        .unwrap_or_else(|| panic!("{name}: the child reported no measurement:\n{stdout}"));
    let field = |key: &str| -> u64 {
        report
            .split_whitespace()
            .find_map(|kv| kv.strip_prefix(key)?.strip_prefix('='))
            .and_then(|v| v.parse().ok())
            .unwrap_or_else(|| panic!("{key} in {report:?}"))
    };
    let (input, peak) = (field("input"), field("peak"));
    let bound = 3 * input + (64 << 20);
    assert!(
        peak < bound,
        "{name}: peak resident memory {peak} bytes for {input} bytes of input (bound {bound})"
    );
}
