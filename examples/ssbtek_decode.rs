//! Decodes generated SSBTEK answers in a loop (for profilers) and reports the peak heap
//! memory of one decode as a multiple of the input size.
//!
//! `cargo run --release --example ssbtek_decode [miv|fk250k|fk5m|all] [ITERATIONS]`
//!
//! `cargo run --release --example ssbtek_decode all mem` writes each input to a temporary file and
//! measures one decode per case in a fresh process (peak resident memory, VmHWM).

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic,
    missing_docs
)]

#[path = "../benches/ssbtek_support/mod.rs"]
mod ssbtek_support;

use std::hint::black_box;
use std::time::Instant;

use lefi::wire::ssbtek;

/// A `/proc/self/status` value in KiB.
fn status_kib(key: &str) -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with(key))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

/// Decodes the file once and prints the peak resident memory growth (VmHWM after the decode
/// minus VmRSS before it, with the peak reset through `/proc/self/clear_refs`).
fn measure(name: &str, path: &str) {
    let input = std::fs::read(path).unwrap();
    let reset = std::fs::write("/proc/self/clear_refs", "5").is_ok();
    let before = status_kib("VmRSS:").unwrap_or(0);
    let doc = ssbtek::from_slice(black_box(&input)).unwrap();
    let peak = status_kib("VmHWM:").unwrap_or(0);
    let after = status_kib("VmRSS:").unwrap_or(0);
    drop(black_box(doc));
    let kib = input.len() as f64 / 1024.0;
    let grow = peak.saturating_sub(before) as f64;
    println!(
        "{name}: input {:.0} KiB, rss before {before} KiB, peak growth during decode {grow:.0} KiB \
         = {:.2}x input ({:.2}x counting the input), rss after {after} KiB{}",
        kib,
        grow / kib,
        (grow + kib) / kib,
        if reset {
            ""
        } else {
            " (peak not reset: includes start-up)"
        }
    );
}

/// The XML floor of the benchmark: a plain quick-xml reader loop touching every event.
#[inline(never)]
fn xml_floor(input: &[u8]) -> usize {
    let mut r = quick_xml::Reader::from_reader(input);
    let mut n = 0usize;
    loop {
        match r.read_event().unwrap() {
            quick_xml::events::Event::Eof => return n,
            quick_xml::events::Event::Start(e) | quick_xml::events::Event::Empty(e) => {
                n += e.name().into_inner().len()
            }
            quick_xml::events::Event::Text(t) => n += t.len(),
            e => n += usize::from(!black_box(&e).is_empty()),
        }
    }
}

fn main() {
    let which = std::env::args().nth(1).unwrap_or_else(|| "all".into());
    let iterations: usize = std::env::args()
        .nth(2)
        .and_then(|a| a.parse().ok())
        .unwrap_or(0);
    let mut cases = Vec::new();
    if matches!(which.as_str(), "miv" | "all") {
        cases.push(("miv", ssbtek_support::dense_miv(400_000)));
    }
    if matches!(which.as_str(), "fk250k" | "all") {
        cases.push(("fk250k", ssbtek_support::fk_answer(185_000)));
    }
    if matches!(which.as_str(), "fk5m" | "all") {
        cases.push(("fk5m", ssbtek_support::fk_answer(3_750_000)));
    }
    if which == "measure" {
        let name = std::env::args().nth(2).unwrap();
        let path = std::env::args().nth(3).unwrap();
        measure(&name, &path);
        return;
    }
    let memory = iterations == 0 && std::env::args().nth(2).as_deref() == Some("mem");
    for (name, input) in &cases {
        if memory {
            let path =
                std::env::temp_dir().join(format!("ssbtek-{name}-{}.xml", std::process::id()));
            std::fs::write(&path, input).unwrap();
            let exe = std::env::current_exe().unwrap();
            let status = std::process::Command::new(exe)
                .args(["measure", name, path.to_str().unwrap()])
                .status()
                .unwrap();
            std::fs::remove_file(&path).unwrap();
            assert!(status.success());
        }
        if iterations > 0 {
            let t = Instant::now();
            for _ in 0..iterations {
                black_box(ssbtek::from_slice(black_box(input)).unwrap());
            }
            let per = t.elapsed().as_secs_f64() / iterations as f64;
            let t = Instant::now();
            for _ in 0..iterations {
                black_box(xml_floor(black_box(input)));
            }
            let floor = t.elapsed().as_secs_f64() / iterations as f64;
            println!(
                "{name}: {:.3} ms per decode, {:.1} MB/s; xml floor {:.3} ms; ratio {:.2}",
                per * 1e3,
                input.len() as f64 / per / 1e6,
                floor * 1e3,
                floor / per
            );
        }
    }
}
