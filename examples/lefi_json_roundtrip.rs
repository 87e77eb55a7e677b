//! Decodes every LEFI v9 JSON file of a directory and writes its re-encoding next to it.
//!
//! usage: `cargo run --example lefi_json_roundtrip -- IN_DIR OUT_DIR`
//!
//! The document kind is decided by the decoder (`lefi_json::decode_any`) and checked
//! against the file name's prefix (`request-`, `response-`, `available-`, `error-`, as
//! written by `../shared/tools/v9_examples.py` and `v9_generate.py`), when it has one.
//! Each file's warnings are printed; the exit status is 1 when a file does not decode or
//! decodes as another kind.

use std::path::Path;
use std::process::ExitCode;

use lefi::wire::DecodeSettings;
use lefi::wire::lefi_json::{self, DocumentKind};

/// The re-encoding, the kind decided and the warnings.
fn roundtrip(bytes: &[u8]) -> Result<(Vec<u8>, DocumentKind, Vec<String>), lefi_json::Error> {
    let decoded = lefi_json::decode_any(bytes, &DecodeSettings::new())?;
    let warnings = decoded.warnings.iter().map(ToString::to_string).collect();
    let kind = decoded.value.kind();
    Ok((lefi_json::to_vec_pretty(&decoded.value)?, kind, warnings))
}

fn one(path: &Path, out_dir: &Path) -> Result<(), String> {
    let name = path
        .file_name()
        .and_then(|n| n.to_str())
        .unwrap_or_default();
    let named: Option<DocumentKind> = name.split('-').next().and_then(|p| p.parse().ok());
    let bytes = std::fs::read(path).map_err(|e| format!("{name}: {e}"))?;
    let (encoded, kind, warnings) = roundtrip(&bytes).map_err(|e| format!("{name}: {e}"))?;
    if named.is_some_and(|named| named != kind) {
        return Err(format!("{name}: decoded as {kind}"));
    }
    for warning in warnings {
        println!("{name}: warning: {warning}");
    }
    std::fs::write(out_dir.join(name), encoded).map_err(|e| format!("{name}: {e}"))
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [input, output] = args.as_slice() else {
        eprintln!("usage: lefi_json_roundtrip IN_DIR OUT_DIR");
        return ExitCode::from(2);
    };
    let entries = match std::fs::read_dir(input) {
        Ok(entries) => entries,
        Err(e) => {
            eprintln!("{input}: {e}");
            return ExitCode::from(2);
        }
    };
    let mut failed = false;
    for entry in entries.flatten() {
        if entry.path().extension().is_some_and(|e| e == "json") {
            if let Err(message) = one(&entry.path(), Path::new(output)) {
                eprintln!("{message}");
                failed = true;
            }
        }
    }
    if failed {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}
