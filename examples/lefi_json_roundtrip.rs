//! Decodes every LEFI v9 JSON file of a directory and writes its re-encoding next to it.
//!
//! usage: `cargo run --example lefi_json_roundtrip -- IN_DIR OUT_DIR`
//!
//! The document kind comes from the file name's prefix (`request-`, `response-`,
//! `available-`, `error-`, as written by `../shared/tools/v9_examples.py` and
//! `v9_generate.py`). Each file's warnings are printed; the exit status is 1 when a file
//! does not decode.

use std::path::Path;
use std::process::ExitCode;

use lefi::model::lefi::{
    LefiExternFormansinformationFraga, LefiExternFormansinformationSvar,
    LefiExternTillgangligaInformationstyper, LefiFelsvar,
};
use lefi::wire::lefi_json::{self, DecodeSettings, DocumentKind, LefiDocument};

fn roundtrip<T: LefiDocument>(bytes: &[u8]) -> Result<(Vec<u8>, Vec<String>), lefi_json::Error> {
    let decoded = lefi_json::decode_with::<T>(&DecodeSettings::default(), bytes)?;
    let warnings = decoded.warnings.iter().map(ToString::to_string).collect();
    Ok((lefi_json::to_vec_pretty(&decoded.value)?, warnings))
}

fn one(path: &Path, out_dir: &Path) -> Result<(), String> {
    let name = path
        .file_name()
        .and_then(|n| n.to_str())
        .unwrap_or_default();
    let kind: DocumentKind = name
        .split('-')
        .next()
        .unwrap_or_default()
        .parse()
        .map_err(|e| format!("{name}: {e}"))?;
    let bytes = std::fs::read(path).map_err(|e| format!("{name}: {e}"))?;
    let result = match kind {
        DocumentKind::Request => roundtrip::<LefiExternFormansinformationFraga>(&bytes),
        DocumentKind::Response => roundtrip::<LefiExternFormansinformationSvar>(&bytes),
        DocumentKind::Available => roundtrip::<LefiExternTillgangligaInformationstyper>(&bytes),
        _ => roundtrip::<LefiFelsvar>(&bytes),
    };
    let (encoded, warnings) = result.map_err(|e| format!("{name}: {e}"))?;
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
