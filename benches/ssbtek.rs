//! SSBTEK decode throughput against floors on the same bytes (issue 4):
//! * dense MIV answer (~400 KB): typed decode vs a plain quick-xml `Reader` loop touching
//!   every event (the XML floor);
//! * FK answers with a LEFI v9 payload (~250 KB and ~5 MB): typed decode (SOAP + base64 +
//!   typed LEFI v9 model) vs the XML floor plus base64 decoding plus `serde_json` into
//!   `IgnoredAny` (the composite floor).
#![allow(
    missing_docs,
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use std::hint::black_box;

use base64::Engine as _;
use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use quick_xml::Reader;
use quick_xml::events::Event;

use lefi::wire::ssbtek::{self, SsbtekMessage};

mod ssbtek_support;
use ssbtek_support::{dense_miv, fk_answer};

/// The XML floor: a plain quick-xml reader loop touching every event.
fn xml_floor(input: &[u8]) -> usize {
    let mut r = Reader::from_reader(input);
    let mut n = 0usize;
    loop {
        match r.read_event().unwrap() {
            Event::Eof => return n,
            Event::Start(e) | Event::Empty(e) => n += e.name().into_inner().len(),
            Event::Text(t) => n += t.len(),
            e => n += usize::from(!black_box(&e).is_empty()),
        }
    }
}

/// The composite floor: the XML floor plus base64 of `lefiJsonSvar` plus serde_json into
/// `IgnoredAny`.
fn composite_floor(input: &[u8]) -> usize {
    let mut r = Reader::from_reader(input);
    let mut n = 0usize;
    let mut in_json = false;
    loop {
        match r.read_event().unwrap() {
            Event::Eof => return n,
            Event::Start(e) => {
                in_json = e.local_name().into_inner() == "lefiJsonSvar";
                n += e.name().into_inner().len();
            }
            Event::Text(t) if in_json => {
                let bytes = base64::engine::general_purpose::STANDARD
                    .decode(t.as_bytes())
                    .unwrap();
                let _: serde::de::IgnoredAny = serde_json::from_slice(&bytes).unwrap();
                n += bytes.len();
            }
            Event::Text(t) => n += t.len(),
            e => n += usize::from(!black_box(&e).is_empty()),
        }
    }
}

fn typed(input: &[u8]) -> usize {
    match ssbtek::from_slice(input).unwrap().message {
        SsbtekMessage::Response(r) => {
            usize::from(r.svarsdata.miv.is_some() || r.svarsdata.fk.is_some())
        }
        _ => 0,
    }
}

/// The LEFI v9 JSON carried by an FK answer (what `typed_decode` hands to the JSON codec).
fn fk_json(input: &[u8]) -> Vec<u8> {
    match ssbtek::from_slice(input).unwrap().message {
        SsbtekMessage::Response(r) => match r.svarsdata.fk {
            Some(lefi::model::ssbtek::AgencyResult::Data(fk)) => fk.received().unwrap().to_vec(),
            _ => panic!("no FK data"),
        },
        _ => panic!("not a response"),
    }
}

fn bench(c: &mut Criterion) {
    let miv = dense_miv(400_000);
    let fk_small = fk_answer(185_000);
    let fk_large = fk_answer(3_750_000);
    type Floor = fn(&[u8]) -> usize;
    let cases: [(&str, &Vec<u8>, Floor, &str); 3] = [
        ("miv_dense", &miv, xml_floor, "xml_floor"),
        ("fk_250k", &fk_small, composite_floor, "composite_floor"),
        ("fk_5m", &fk_large, composite_floor, "composite_floor"),
    ];
    for (name, input, floor, floor_name) in cases {
        let mut g = c.benchmark_group(format!("ssbtek_{name}_{}kB", input.len() / 1000));
        g.throughput(Throughput::Bytes(input.len() as u64));
        if input.len() > 1_000_000 {
            g.sample_size(10);
        }
        g.bench_function("typed_decode", |b| b.iter(|| typed(black_box(input))));
        g.bench_function(floor_name, |b| b.iter(|| floor(black_box(input))));
        if name.starts_with("fk") {
            // The split: the JSON part alone; SOAP + base64 is typed_decode minus this.
            let json = fk_json(input);
            g.bench_function("lefi_json_part", |b| {
                b.iter(|| {
                    lefi::wire::lefi_json::from_slice::<
                        lefi::model::lefi::LefiExternFormansinformationSvar,
                    >(black_box(&json))
                    .unwrap()
                })
            });
        }
        g.finish();
    }
}

criterion_group!(benches, bench);
criterion_main!(benches);
