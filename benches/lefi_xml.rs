//! LEFI Online XML decode throughput against the raw quick-xml floor on the same bytes.
//!
//! Two v7 responses: `generated`, from the codec's random model generator (hostile texts:
//! entity and character references, CDATA-like `]]>`, astral characters, so many texts
//! arrive in several pieces), and `realistic`, the LEFI JSON benchmark's 3 MB response
//! written as v7 (plain codes, descriptions, dates and amounts).
//!
//! `batch_convert_v7_to_v9`: `lefi_cli::batch::convert_dir` of 400 generated v7 answers to LEFI v9
//! JSON on one and on two worker threads, in documents per second (the ratio of the two is
//! the batch's scaling).
//!
//! `cargo bench --bench lefi_xml -- --warm-up-time 1 --measurement-time 3`

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic,
    missing_docs
)]

#[path = "../tests/lefi_xml_support/mod.rs"]
mod lefi_xml_support;
#[path = "support/mod.rs"]
mod support;

use std::hint::black_box;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use lefi::model::lefi::LefiExternFormansinformationSvar;
use lefi::version::LefiVersion;
use lefi::wire::lefi_xml;
use lefi_xml_support::random::{self, Gen};
use quick_xml::events::Event;

/// A large v7 response: many cases, payments and people.
fn large_v7_response() -> Vec<u8> {
    let mut g = Gen::new(2025, LefiVersion::V7);
    g.top_len = 60;
    g.density = 95;
    let svar = random::gen_lefi_extern_formansinformation_svar(&mut g);
    lefi_xml::to_vec(&svar, LefiVersion::V7).unwrap()
}

/// The LEFI JSON benchmark's ~3 MB response (plain texts: codes, Swedish descriptions,
/// dates, amounts) as a v7 document; its Pensionsmyndigheten part, which v7 cannot carry,
/// is dropped.
fn realistic_v7_response() -> Vec<u8> {
    let json = support::response(3 * 1024 * 1024, 0x5EED_3000).0;
    let svar: LefiExternFormansinformationSvar = lefi::wire::lefi_json::from_slice(&json).unwrap();
    lefi_xml::to_vec_lossy(&svar, LefiVersion::V7).unwrap().0
}

/// The floor: quick-xml's `Reader` over the same bytes, touching every event.
fn raw_quick_xml(bytes: &[u8]) -> usize {
    let mut reader = quick_xml::Reader::from_reader(bytes);
    let mut touched = 0usize;
    loop {
        match reader.read_event().unwrap() {
            Event::Eof => break,
            Event::Start(e) | Event::Empty(e) => touched += e.name().as_ref().len(),
            Event::End(e) => touched += e.name().as_ref().len(),
            Event::Text(t) => touched += t.len(),
            other => touched += other.len(),
        }
    }
    touched
}

fn bench(c: &mut Criterion) {
    let inputs = [
        ("generated", large_v7_response()),
        ("realistic", realistic_v7_response()),
    ];
    for (name, bytes) in inputs {
        eprintln!("{name} v7 response: {} bytes", bytes.len());
        let mut group = c.benchmark_group(format!("lefi_xml_v7_decode_{name}"));
        group.throughput(Throughput::Bytes(bytes.len() as u64));
        group.bench_function("raw_quick_xml_reader", |b| {
            b.iter(|| raw_quick_xml(black_box(&bytes)))
        });
        group.bench_function("lefi_xml_from_slice", |b| {
            b.iter(|| {
                lefi_xml::from_slice::<LefiExternFormansinformationSvar>(black_box(&bytes)).unwrap()
            })
        });
        group.finish();
    }
}

/// Batch conversion throughput on 1 and 2 worker threads, same documents, same run.
fn batch(c: &mut Criterion) {
    use lefi::convert::Format;
    use lefi_cli::batch::{BatchOptions, convert_dir};
    const COUNT: usize = 400;
    let dir = std::env::temp_dir().join(format!("lefi-bench-batch-{}", std::process::id()));
    let input = dir.join("in");
    std::fs::create_dir_all(&input).unwrap();
    for seed in 0..COUNT {
        let mut g = Gen::new(seed as u64, LefiVersion::V7);
        let svar = random::gen_lefi_extern_formansinformation_svar(&mut g);
        let xml = lefi_xml::to_vec(&svar, LefiVersion::V7).unwrap();
        std::fs::write(input.join(format!("svar-{seed:05}.xml")), xml).unwrap();
    }
    let mut group = c.benchmark_group("batch_convert_v7_to_v9");
    group.throughput(Throughput::Elements(COUNT as u64));
    group.sample_size(10);
    for threads in [1, 2] {
        let mut options = BatchOptions::default();
        options.threads = threads;
        let out = dir.join(format!("out-{threads}"));
        group.bench_function(format!("threads_{threads}"), |b| {
            b.iter(|| {
                let summary = convert_dir(&input, &out, Format::LefiV9, &options, |_| {}).unwrap();
                assert_eq!(summary.converted, COUNT);
            })
        });
    }
    group.finish();
    let _ = std::fs::remove_dir_all(&dir);
}

criterion_group!(benches, bench, batch);
criterion_main!(benches);
