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
use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use quick_xml::events::Event;
use quick_xml::Reader;

use lefi::model::ssbtek::{
    AgencyResult, Base64Blob, BastjanstSvar, FkSvar, MivBeslut, MivResponse, MivSvar, Svarsdata,
};
use lefi::version::SsbtekVersion;
use lefi::wire::ssbtek::{self, SsbtekDocument, SsbtekMessage};

fn response_doc(svarsdata: Svarsdata) -> Vec<u8> {
    let svar = BastjanstSvar {
        fraga: None,
        frage_tidpunkt: None,
        korrelationsid: Some("00000000-0000-0000-0000-000000000001".into()),
        svarsdata,
    };
    ssbtek::to_vec(&SsbtekDocument::new(
        SsbtekVersion::V10,
        SsbtekMessage::Response(Box::new(svar)),
    ))
    .unwrap()
}

fn beslut(i: usize) -> MivBeslut {
    MivBeslut {
        anledning: Some(format!("A{}", i % 7)),
        anledning_namn: Some("ANLEDNING ENLIGT BESLUT".into()),
        ansokningsdatum: Some("1997-09-12+02:00".parse().unwrap()),
        arendetyp: Some("UAT".parse().unwrap()),
        arendetyp_namn: Some("UPPEHÅLLS- OCH ARBETSTILLSTÅND".into()),
        beslutskod: Some("BEV".parse().unwrap()),
        beslutskod_namn: Some("ANSÖKAN BEVILJAS".into()),
        beslutstyp: Some("PUT".parse().unwrap()),
        beslutstyp_namn: Some("PERMANENT UPPEHÅLLSTILLSTÅND".into()),
        beslutsdatum: Some("1998-05-12+02:00".parse().unwrap()),
        from_datum: Some("1998-05-12".parse().unwrap()),
        giltighetstid: Some("TIDBEGRANSAT".parse().unwrap()),
        tom_datum: Some("2030-05-12".parse().unwrap()),
    }
}

fn dense_miv(target: usize) -> Vec<u8> {
    let mut n = 1;
    loop {
        let resp = MivResponse {
            korrelationsid: Some("00000000-0000-0000-0000-000000000001".into()),
            correlationid: "00000000-0000-0000-0000-000000000001".into(),
            svar_collection: Some((0..n).map(|i| Some(beslut(i))).collect()),
            ..MivResponse::default()
        };
        let doc = response_doc(Svarsdata {
            miv: Some(AgencyResult::Data(MivSvar {
                response: Some(resp),
            })),
            ..Svarsdata::default()
        });
        if doc.len() >= target {
            return doc;
        }
        n = (n * target / doc.len()).max(n + 1);
    }
}

fn fk_answer(target_json: usize) -> Vec<u8> {
    let sample: serde_json::Value =
        serde_json::from_str(include_str!("../examples/data/lefi-v9-svar.json")).unwrap();
    let mut value = sample.clone();
    let item = sample["formansinformation"]["utbetalningsuppgift"][0].clone();
    let per_item = serde_json::to_vec(&item).unwrap().len();
    let list = value["formansinformation"]["utbetalningsuppgift"]
        .as_array_mut()
        .unwrap();
    for _ in 0..target_json / per_item {
        list.push(item.clone());
    }
    let json = serde_json::to_vec(&value).unwrap();
    let svar = lefi::wire::lefi_json::from_slice(&json).unwrap();
    let mut fk = FkSvar::new(svar).unwrap();
    fk.lefi_json_svar = Base64Blob::from_bytes(json);
    response_doc(Svarsdata {
        fk: Some(AgencyResult::Data(fk)),
        ..Svarsdata::default()
    })
}

/// The XML floor: a plain quick-xml reader loop touching every event.
fn xml_floor(input: &[u8]) -> usize {
    let mut r = Reader::from_reader(input);
    let mut n = 0usize;
    loop {
        match r.read_event().unwrap() {
            Event::Eof => return n,
            Event::Start(e) | Event::Empty(e) => n += e.name().into_inner().len(),
            Event::Text(t) => n += t.len(),
            e => n += usize::from(black_box(&e).len() > 0),
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
            e => n += usize::from(black_box(&e).len() > 0),
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
        g.finish();
    }
}

criterion_group!(benches, bench);
criterion_main!(benches);
