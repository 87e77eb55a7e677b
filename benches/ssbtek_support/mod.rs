//! Generated SSBTEK answers for the `ssbtek` benchmark and the `ssbtek_decode` example:
//! a dense Migrationsverket answer and FK answers carrying a large LEFI v9 payload.

#![allow(dead_code, unreachable_pub, clippy::unwrap_used)] // a generator, not a library

use lefi::model::ssbtek::{
    AgencyResult, Base64Blob, BastjanstSvar, FkSvar, MivBeslut, MivResponse, MivSvar, Svarsdata,
};
use lefi::version::SsbtekVersion;
use lefi::wire::ssbtek::{self, SsbtekDocument, SsbtekMessage};

/// A v10 answer with these svarsdata, encoded by the codec.
pub fn response_doc(svarsdata: Svarsdata) -> Vec<u8> {
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

/// A fully populated Migrationsverket decision.
pub fn beslut(i: usize) -> MivBeslut {
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

/// A MIV answer with as many decisions as fit in about `target` bytes.
pub fn dense_miv(target: usize) -> Vec<u8> {
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

/// An FK answer whose LEFI v9 JSON payload is about `target_json` bytes.
pub fn fk_answer(target_json: usize) -> Vec<u8> {
    let sample: serde_json::Value =
        serde_json::from_str(include_str!("../../examples/data/lefi-v9-svar.json")).unwrap();
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
    let svar: lefi::model::lefi::LefiExternFormansinformationSvar =
        lefi::wire::lefi_json::from_slice(&json).unwrap();
    // The payload is these exact bytes (as sent by FK), not the codec's encoding of the
    // typed answer: encode with the typed answer, then put the bytes in its place.
    let canonical = Base64Blob::from_bytes(lefi::wire::lefi_json::to_vec(&svar).unwrap());
    let doc = response_doc(Svarsdata {
        fk: Some(AgencyResult::Data(FkSvar::new(svar))),
        ..Svarsdata::default()
    });
    let text = String::from_utf8(doc).unwrap();
    text.replacen(
        &canonical.to_base64(),
        &Base64Blob::from_bytes(json).to_base64(),
        1,
    )
    .into_bytes()
}
