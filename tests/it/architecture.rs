//! The dependency direction of `docs/ARCHITECTURE.md`, checked over the library's sources
//! (`lefi-cli` and `lefi-client` sit on top): `convert` → `wire` → `model`, `legal` →
//! values. A module may name only the layers below it; no I/O (files, sockets, processes,
//! threads: those belong to `lefi-cli` and `lefi-client`), no hidden state
//! (`thread_local!`) and no type-name string matching.

#![allow(clippy::expect_used, clippy::indexing_slicing)]

use std::path::{Path, PathBuf};

/// The top-level modules of each layer, lowest first.
const VALUES: &[&str] = &[
    "id", "money", "period", "codes", "text", "version", "xs", "input", "xml", "bytes",
];
const MIDDLE: &[&str] = &["model", "legal"];

fn sources(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).expect("src is readable") {
        let path = entry.expect("directory entry").path();
        if path.is_dir() {
            sources(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The top-level module a source file belongs to (`src/model/lefi/mod.rs` → `model`).
fn module_of(src: &Path, file: &Path) -> String {
    let rel = file.strip_prefix(src).expect("under src");
    let first = rel.components().next().expect("a component");
    first
        .as_os_str()
        .to_string_lossy()
        .trim_end_matches(".rs")
        .to_owned()
}

/// The code of a file without its comments (`//` to the end of the line), so that prose
/// may name any module.
fn code_of(text: &str) -> String {
    text.lines()
        .map(|line| match line.find("//") {
            Some(i) if !line[..i].contains('"') => &line[..i],
            _ => line,
        })
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn dependencies_run_one_way() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    sources(&src, &mut files);
    assert!(files.len() > 50, "found the sources");
    let mut wrong = Vec::new();
    for file in &files {
        let module = module_of(&src, file);
        let forbidden: &[&str] = if VALUES.contains(&module.as_str()) {
            &["model", "legal", "wire", "convert"]
        } else if MIDDLE.contains(&module.as_str()) {
            &["wire", "convert"]
        } else if module == "wire" {
            &["convert"]
        } else {
            &[]
        };
        let code = code_of(&std::fs::read_to_string(file).expect("readable source"));
        for layer in forbidden {
            if code.contains(&format!("crate::{layer}")) {
                wrong.push(format!("{} names crate::{layer}", file.display()));
            }
        }
    }
    assert!(
        wrong.is_empty(),
        "dependencies against the direction:\n{}",
        wrong.join("\n")
    );
}

#[test]
fn no_io_hidden_state_or_type_name_matching() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    sources(&src, &mut files);
    let mut wrong = Vec::new();
    for file in &files {
        let code = code_of(&std::fs::read_to_string(file).expect("readable source"));
        for banned in [
            "thread_local!",
            "type_name",
            "std::fs",
            "std::net",
            "std::process",
            "std::thread",
            "rayon",
        ] {
            if code.contains(banned) {
                wrong.push(format!("{} uses {banned}", file.display()));
            }
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}
