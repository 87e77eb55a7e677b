//! LEFI v9 JSON decode/encode throughput against serde_json baselines, on the same bytes.
//!
//! Inputs: two generated responses (about 200 KB and 3 MB; see `support`), with many FK and
//! PM payments with detail rows, sjukpenning cases and PM decisions.
//!
//! Decode: our typed `from_slice` (no warnings wanted), `decode_with` the default settings
//! (unknown properties tracked and reported, quirks walked) and with
//! `UnknownContent::Ignore`, and `decode_any` (the kind decided by the decode); against the
//! baselines in the same run: `serde_json_typed`, serde_json straight into the same model
//! (what the decoder would cost without its generated reader: no limits, no paths);
//! `serde_json::Value`; `serde::de::IgnoredAny` (the syntax-only floor); and `Mirror`, a
//! hand-written serde-derive mirror of the payment structures with `String` codes and
//! dates and `f64` amounts, what a Rust developer would write.
//! Encode: our `to_vec` against `serde_json::to_vec` of the `Value`.
//! Also: `payments()` + `check()` over the decoded response, and `benefits()` against the
//! decode of the same answer.
//!
//! Run: `cargo bench --bench lefi_json -- --warm-up-time 1 --measurement-time 3`.

#![allow(missing_docs, unreachable_pub)]

mod support;

use std::hint::black_box;

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use lefi::model::lefi::LefiExternFormansinformationSvar;
use lefi::wire::lefi_json;
use lefi::wire::{DecodeSettings, UnknownContent};
/// The hand-written baseline: payment structures only, other properties skipped by serde.
#[allow(dead_code)] // the fields are read only by serde
mod mirror {
    use serde::Deserialize;

    #[derive(Deserialize)]
    pub struct Svar {
        pub formansinformation: Option<Formansinformation>,
        pub utbetalningar: Option<Vec<PmUtbetalning>>,
        #[serde(rename = "preliminaraUtbetalningar")]
        pub preliminara_utbetalningar: Option<Vec<PmUtbetalning>>,
    }

    #[derive(Deserialize)]
    pub struct Formansinformation {
        pub utbetalningsuppgift: Option<Vec<Uppgift>>,
        pub preliminarautbetalningar: Option<Vec<Uppgift>>,
    }

    #[derive(Deserialize)]
    pub struct Sifferkod {
        pub id: Option<i64>,
        pub beskrivning: Option<String>,
    }

    #[derive(Deserialize)]
    pub struct Bokstavskod {
        pub id: Option<String>,
        pub beskrivning: Option<String>,
    }

    #[derive(Deserialize)]
    pub struct FranTill {
        pub fran: Option<String>,
        pub till: Option<String>,
    }

    #[derive(Deserialize)]
    pub struct Belopp {
        pub summa: Option<f64>,
        pub valuta: Option<String>,
    }

    #[derive(Deserialize)]
    pub struct Omfattning {
        pub taljare: Option<i64>,
        pub namnare: Option<i64>,
    }

    #[derive(Deserialize)]
    pub struct Uppgift {
        pub typ: Option<Sifferkod>,
        pub foretag: Option<Sifferkod>,
        pub formansfamilj: Option<Bokstavskod>,
        pub datum: Option<String>,
        pub period: Option<FranTill>,
        pub bruttobelopp: Option<Belopp>,
        pub skattebelopp: Option<Belopp>,
        pub avdragsbelopp: Option<Belopp>,
        pub nettobelopp: Option<Belopp>,
        pub utbetalningsdetalj: Option<Vec<Detalj>>,
    }

    #[derive(Deserialize)]
    pub struct Detalj {
        pub forman: Option<Bokstavskod>,
        pub period: Option<FranTill>,
        pub beloppstyp: Option<Bokstavskod>,
        pub omfattning: Option<Omfattning>,
        pub dagar: Option<i64>,
        pub timmar: Option<i64>,
        pub bruttobelopp: Option<Belopp>,
        pub skattebelopp: Option<Belopp>,
        pub avdragsbelopp: Option<Belopp>,
    }

    #[derive(Deserialize)]
    pub struct KodBeskrivning {
        pub kod: String,
        pub beskrivning: String,
    }

    #[derive(Deserialize)]
    pub struct Period {
        pub from: String,
        pub tom: String,
    }

    #[derive(Deserialize)]
    pub struct PmUtbetalning {
        pub utbetalningsdatum: Option<String>,
        pub utbetalningsperiod: Option<Period>,
        pub bruttobelopp: Option<i64>,
        pub nettobelopp: Option<i64>,
        pub avdrag: Option<Vec<Avdrag>>,
        pub utbetalningsrader: Option<Vec<Rad>>,
    }

    #[derive(Deserialize)]
    pub struct Avdrag {
        pub belopp: Option<i64>,
        pub avdragstyp: Option<KodBeskrivning>,
    }

    #[derive(Deserialize)]
    pub struct Rad {
        pub formansgrupp: Option<KodBeskrivning>,
        pub belopp: Option<i64>,
        pub utbetalningsforman: Option<KodBeskrivning>,
        pub beloppstyp: Option<KodBeskrivning>,
    }
}

fn inputs() -> Vec<(&'static str, Vec<u8>)> {
    vec![
        ("200KB", support::response(200 * 1024, 0x5EED_0200).0),
        ("3MB", support::response(3 * 1024 * 1024, 0x5EED_3000).0),
    ]
}

fn decode(c: &mut Criterion) {
    let mut group = c.benchmark_group("decode");
    let warn = DecodeSettings::default().with_unknown(UnknownContent::Warn);
    let ignore = DecodeSettings::default().with_unknown(UnknownContent::Ignore);
    for (name, bytes) in inputs() {
        group.throughput(Throughput::Bytes(bytes.len() as u64));
        group.bench_with_input(BenchmarkId::new("typed", name), &bytes, |b, bytes| {
            b.iter(|| {
                lefi_json::from_slice::<LefiExternFormansinformationSvar>(black_box(bytes))
                    .map(black_box)
                    .is_ok()
            });
        });
        group.bench_with_input(
            BenchmarkId::new("typed_warnings", name),
            &bytes,
            |b, bytes| {
                b.iter(|| {
                    lefi_json::decode_with::<LefiExternFormansinformationSvar>(
                        black_box(bytes),
                        &warn,
                    )
                    .map(black_box)
                    .is_ok()
                });
            },
        );
        group.bench_with_input(
            BenchmarkId::new("typed_ignore_unknown", name),
            &bytes,
            |b, bytes| {
                b.iter(|| {
                    lefi_json::decode_with::<LefiExternFormansinformationSvar>(
                        black_box(bytes),
                        &ignore,
                    )
                    .map(black_box)
                    .is_ok()
                });
            },
        );
        group.bench_with_input(BenchmarkId::new("decode_any", name), &bytes, |b, bytes| {
            b.iter(|| {
                lefi_json::decode_any(black_box(bytes), &warn)
                    .map(black_box)
                    .is_ok()
            });
        });
        group.bench_with_input(
            BenchmarkId::new("serde_json_typed", name),
            &bytes,
            |b, bytes| {
                b.iter(|| {
                    serde_json::from_slice::<LefiExternFormansinformationSvar>(black_box(bytes))
                        .map(black_box)
                        .is_ok()
                });
            },
        );
        group.bench_with_input(BenchmarkId::new("value", name), &bytes, |b, bytes| {
            b.iter(|| {
                serde_json::from_slice::<serde_json::Value>(black_box(bytes))
                    .map(black_box)
                    .is_ok()
            });
        });
        group.bench_with_input(BenchmarkId::new("ignored_any", name), &bytes, |b, bytes| {
            b.iter(|| {
                serde_json::from_slice::<serde::de::IgnoredAny>(black_box(bytes))
                    .map(black_box)
                    .is_ok()
            });
        });
        group.bench_with_input(BenchmarkId::new("mirror", name), &bytes, |b, bytes| {
            b.iter(|| {
                serde_json::from_slice::<mirror::Svar>(black_box(bytes))
                    .map(black_box)
                    .is_ok()
            });
        });
    }
    group.finish();
}

fn encode(c: &mut Criterion) {
    let mut group = c.benchmark_group("encode");
    for (name, bytes) in inputs() {
        group.throughput(Throughput::Bytes(bytes.len() as u64));
        let (Ok(typed), Ok(value)) = (
            lefi_json::from_slice::<LefiExternFormansinformationSvar>(&bytes),
            serde_json::from_slice::<serde_json::Value>(&bytes),
        ) else {
            eprintln!("skipping encode/{name}: the generated input does not decode");
            continue;
        };
        group.bench_with_input(BenchmarkId::new("typed", name), &typed, |b, typed| {
            b.iter(|| lefi_json::to_vec(black_box(typed)).map(|v| v.len()));
        });
        group.bench_with_input(BenchmarkId::new("value", name), &value, |b, value| {
            b.iter(|| serde_json::to_vec(black_box(value)).map(|v| v.len()));
        });
    }
    group.finish();
}

fn payments(c: &mut Criterion) {
    let mut group = c.benchmark_group("payments");
    for (name, bytes) in inputs() {
        group.throughput(Throughput::Bytes(bytes.len() as u64));
        let Ok(svar) = lefi_json::from_slice::<LefiExternFormansinformationSvar>(&bytes) else {
            eprintln!("skipping payments/{name}: the generated input does not decode");
            continue;
        };
        group.bench_with_input(BenchmarkId::new("view_totals", name), &svar, |b, svar| {
            b.iter(|| {
                black_box(svar)
                    .payments()
                    .filter_map(|p| p.net())
                    .fold(rust_decimal::Decimal::ZERO, |acc, n| acc + n.summa())
            });
        });
        group.bench_with_input(BenchmarkId::new("check", name), &svar, |b, svar| {
            b.iter(|| black_box(svar).check().len());
        });
    }
    group.finish();
}

/// Building the benefits view against decoding the same answer (the view should cost
/// under 20 % of the decode; the ratio is printed).
fn benefits(c: &mut Criterion) {
    let mut group = c.benchmark_group("benefits");
    for (name, bytes) in inputs() {
        group.throughput(Throughput::Bytes(bytes.len() as u64));
        let Ok(svar) = lefi_json::from_slice::<LefiExternFormansinformationSvar>(&bytes) else {
            eprintln!("skipping benefits/{name}: the generated input does not decode");
            continue;
        };
        group.bench_with_input(BenchmarkId::new("decode", name), &bytes, |b, bytes| {
            b.iter(|| {
                lefi_json::from_slice::<LefiExternFormansinformationSvar>(black_box(bytes)).is_ok()
            });
        });
        group.bench_with_input(BenchmarkId::new("build_view", name), &svar, |b, svar| {
            b.iter(|| black_box(svar).benefits().cases().len());
        });
        let time = |f: &dyn Fn()| {
            let start = std::time::Instant::now();
            for _ in 0..20 {
                f();
            }
            start.elapsed().as_secs_f64()
        };
        let decode = time(&|| {
            let _ = black_box(lefi_json::from_slice::<LefiExternFormansinformationSvar>(
                &bytes,
            ));
        });
        let view = time(&|| {
            let _ = black_box(svar.benefits().cases().len());
        });
        eprintln!(
            "benefits/{name}: {} case(s); build_view / decode = {:.3}",
            svar.benefits().cases().len(),
            view / decode
        );
    }
    group.finish();
}

criterion_group!(benches, decode, encode, payments, benefits);
criterion_main!(benches);
