//! The payment view over every response the contract itself gives or generates:
//! `payments()` never panics, finds exactly the payment items the JSON holds, and the
//! views and `check()` can be evaluated on all of them.
//!
//! Needs `../shared/contracts` and Python 3 with PyYAML (examples) and hypothesis 6.98 +
//! hypothesis-jsonschema (generated documents); prints a skip notice when they are absent
//! (under `CI=true`, missing contracts or tools fail instead).
//! `LEFI_V9_GEN_COUNT` (default 30) and `LEFI_V9_GEN_SEED` (default 9301) set the
//! generator's count and seed; the documents are cached under the target directory.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]

use std::path::{Path, PathBuf};
use std::process::Command;

use lefi::model::lefi::LefiExternFormansinformationSvar;
use lefi::model::payments::PaymentSummary;
use lefi::wire::DecodeSettings;
use lefi::wire::lefi_json;
use serde_json::Value;

use crate::support;

/// Runs a tool of `../shared/tools`; `None` (with a notice) when it cannot run (a missing
/// contract or tool fails under `CI=true`, see `support`).
fn run_tool(script: &str, args: &[&str]) -> Option<()> {
    let spec = support::v9_openapi()?;
    let tool = support::tool(script)?;
    let out = Command::new("python3")
        .arg(&tool)
        .arg(&spec)
        .args(args)
        .output();
    match out {
        Ok(o) if o.status.success() => Some(()),
        Ok(o) => {
            eprintln!(
                "skipping: {script} failed: {}",
                String::from_utf8_lossy(&o.stderr)
                    .lines()
                    .last()
                    .unwrap_or("")
            );
            None
        }
        Err(e) => {
            eprintln!("skipping: cannot run python3: {e}");
            None
        }
    }
}

fn responses_in(dir: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| {
            p.file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| n.starts_with("response-") && n.ends_with(".json"))
        })
        .collect();
    files.sort();
    files
}

/// The number of payment items in the four lists of a response, counted on the JSON.
fn payment_items(json: &Value) -> usize {
    let len = |v: Option<&Value>| v.and_then(Value::as_array).map_or(0, Vec::len);
    let fi = json.get("formansinformation");
    len(fi.and_then(|f| f.get("utbetalningsuppgift")))
        + len(fi.and_then(|f| f.get("preliminarautbetalningar")))
        + len(json.get("utbetalningar"))
        + len(json.get("preliminaraUtbetalningar"))
}

/// Decodes each response, walks every payment view, and compares the count; returns
/// (documents walked, payments, documents skipped).
///
/// With `skip_undecodable`, a document the codec refuses is skipped with a notice: the
/// shared generator writes `YYYY-MM` into some `format: date` properties (`from`, `tom`),
/// which the contract does not allow and the codec rightly refuses.
fn walk(files: &[PathBuf], skip_undecodable: bool) -> (usize, usize, usize) {
    let (mut total, mut skipped) = (0, 0);
    for file in files {
        let bytes = std::fs::read(file).unwrap();
        let json: Value = serde_json::from_slice(&bytes).unwrap();
        let decoded = lefi_json::decode_with::<LefiExternFormansinformationSvar>(
            &bytes,
            &DecodeSettings::default(),
        );
        let svar = match decoded {
            Ok(d) => d.value,
            Err(e) if skip_undecodable => {
                eprintln!("skipping {}: {e}", file.display());
                skipped += 1;
                continue;
            }
            Err(e) => panic!("{}: {e}", file.display()),
        };
        let expected = payment_items(&json);
        assert_eq!(svar.payments().count(), expected, "{}", file.display());
        assert_eq!(
            svar.executed_payments().count() + svar.preliminary_payments().count(),
            expected
        );
        for p in svar.payments() {
            let _ = (
                p.gross(),
                p.tax(),
                p.deductions(),
                p.net(),
                p.date(),
                p.period(),
            );
            let _ = p.period().map(|x| x.to_string());
            let _ = p.date().map(|x| x.to_string());
            for row in p.rows() {
                let _ = (row.row_type(), row.klass(), row.amount(), row.omfattning());
                let _ = row.omfattning().map(|o| o.fraction());
            }
            for v in p.check() {
                assert_eq!(v.location(), p.location());
                assert!(v.path().starts_with(&p.location().to_string()));
                let _ = v.to_string();
            }
        }
        let summary = PaymentSummary::new(&svar);
        assert_eq!(summary.lines().len(), expected);
        let _ = summary.to_string();
        total += expected;
    }
    (files.len() - skipped, total, skipped)
}

/// The contract's response examples, written to a fresh directory named after `tag`
/// (the files and the directory to remove); `None` when the tools cannot run.
pub(crate) fn example_files(tag: &str) -> Option<(Vec<PathBuf>, PathBuf)> {
    let dir = std::env::temp_dir().join(format!("lefi-{tag}-examples-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    run_tool("v9_examples.py", &[dir.to_str().unwrap()])?;
    let files = responses_in(&dir);
    assert!(!files.is_empty(), "the contract has response examples");
    Some((files, dir))
}

/// The generated responses (cached under the target directory); `None` when the tools
/// cannot run.
pub(crate) fn generated_files() -> Option<Vec<PathBuf>> {
    let count = std::env::var("LEFI_V9_GEN_COUNT").unwrap_or_else(|_| "30".into());
    let seed = std::env::var("LEFI_V9_GEN_SEED").unwrap_or_else(|_| "9301".into());
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR"))
        .join(format!("lefi-v9-generated-{count}-{seed}"));
    if responses_in_or_empty(&dir).is_empty() {
        std::fs::create_dir_all(&dir).unwrap();
        if run_tool("v9_generate.py", &[dir.to_str().unwrap(), &count, &seed]).is_none() {
            let _ = std::fs::remove_dir_all(&dir);
            return None;
        }
    }
    let files = responses_in(&dir);
    assert!(!files.is_empty());
    Some(files)
}

#[test]
fn contract_response_examples() {
    let Some((files, dir)) = example_files("payments") else {
        return;
    };
    let (docs, payments, _) = walk(&files, false);
    eprintln!("{docs} contract response example(s), {payments} payment(s)");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn generated_responses() {
    let Some(files) = generated_files() else {
        return;
    };
    let (docs, payments, skipped) = walk(&files, true);
    eprintln!(
        "{docs} generated response(s) walked, {skipped} not decodable, {payments} payment(s)"
    );
    assert!(docs * 2 >= files.len(), "most generated responses decode");
    assert!(payments > 0, "the generated responses hold payments");
}

fn responses_in_or_empty(dir: &Path) -> Vec<PathBuf> {
    if dir.is_dir() {
        responses_in(dir)
    } else {
        Vec::new()
    }
}
