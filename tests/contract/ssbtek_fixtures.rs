//! Every sample SSBTEK fixture decodes, re-encodes to equivalent XML (checked with
//! ../shared/tools/xmlequiv.py), and decodes again to the same model.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]

use std::path::Path;

use lefi::model::ssbtek::{AgencyResult, BastjanstSvar, SkvSvar};
use lefi::version::SsbtekVersion;
use lefi::wire::ssbtek::{self, SsbtekMessage};

use crate::support::{fixture, fixtures, xmlequiv};

fn response(name: &str) -> Option<(Vec<u8>, Box<BastjanstSvar>)> {
    let input = fixture(name)?;
    let doc = ssbtek::from_slice(&input).unwrap_or_else(|e| panic!("{name}: {e}"));
    assert_eq!(doc.version, Some(SsbtekVersion::V10));
    let SsbtekMessage::Response(svar) = doc.message else {
        panic!("{name}: not a response")
    };
    Some((input, svar))
}

#[test]
fn every_fixture_round_trips_to_equivalent_xml() {
    let Some(dir) = fixtures() else { return };
    let entries = std::fs::read_dir(&dir).unwrap();
    let mut count = 0;
    for entry in entries {
        let path = entry.unwrap().path();
        let input = std::fs::read(&path).unwrap();
        let doc = ssbtek::from_slice(&input).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let output = ssbtek::to_vec(&doc).unwrap();
        let again = ssbtek::from_slice(&output).unwrap();
        assert_eq!(again, doc, "{}", path.display());
        let streamed =
            ssbtek::from_reader(std::io::BufReader::with_capacity(7, &input[..])).unwrap();
        assert_eq!(streamed, doc, "{}", path.display());
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        if let Some(result) = xmlequiv(&input, &output, &name) {
            result.unwrap_or_else(|d| panic!("{}: {d}", path.display()));
        }
        count += 1;
    }
    assert_eq!(count, 7);
}

#[test]
fn miv_decisions_are_typed() {
    let Some((_, svar)) = response("miv-response.xml") else {
        return;
    };
    let Some(AgencyResult::Data(miv)) = &svar.svarsdata.miv else {
        panic!("no MIV data")
    };
    let resp = miv.response.as_ref().unwrap();
    assert_eq!(
        resp.korrelationsid.as_deref(),
        Some("00000000-0000-0000-0000-000000000001")
    );
    assert_eq!(resp.correlationid, "00000000-0000-0000-0000-000000000001");
    assert!(resp.personidentitet().is_some());
    let b: Vec<_> = resp.beslut().collect();
    assert_eq!(b.len(), 1);
    assert_eq!(b[0].arendetyp, Some(lefi::codes::MivArendetyp::Uat));
    assert_eq!(b[0].beslutskod, Some(lefi::codes::MivBeslutskod::Bev));
    assert_eq!(b[0].beslutstyp, Some(lefi::codes::MivBeslutstyp::Put));
    assert_eq!(
        b[0].giltighetstid,
        Some(lefi::codes::Giltighetstid::Permanent)
    );
    let beslutsdatum = b[0].beslutsdatum.unwrap();
    assert_eq!(beslutsdatum.to_string(), "1998-05-12+02:00");
    assert_eq!(
        beslutsdatum.date(),
        chrono::NaiveDate::from_ymd_opt(1998, 5, 12).unwrap()
    );
    assert_eq!(
        b[0].beslutstyp_namn.as_deref(),
        Some("PERMANENT UPPEHÅLLSTILLSTÅND")
    );
    // Only the MIV answer is present: the other agencies were not asked.
    assert!(svar.svarsdata.af.is_none() && svar.svarsdata.fk.is_none());
}

#[test]
fn af_and_so_decode_leniently_and_deviations_are_reported() {
    let Some((_, af)) = response("af-response.xml") else {
        return;
    };
    let d = ssbtek::validate_payloads(&af);
    let paths: Vec<_> = d.iter().map(|d| d.path).collect();
    assert_eq!(
        paths,
        [
            "Fraga",
            "Svar/LagParagraf",
            "Svar/ArbetssokandeInfo/AktivetetsRapportDatum"
        ]
    );
    let Some(AgencyResult::Data(a)) = &af.svarsdata.af else {
        panic!()
    };
    assert_eq!(a.svar.status_kod, 0);
    assert_eq!(
        a.svar
            .arbetssokande_info
            .as_ref()
            .unwrap()
            .registrerad
            .unwrap()
            .to_string(),
        "2016-11-18+01:00"
    );
    let Some((_, so)) = response("so-response.xml") else {
        return;
    };
    let paths: Vec<_> = ssbtek::validate_payloads(&so)
        .iter()
        .map(|d| d.path)
        .collect();
    assert_eq!(paths, ["Syfte", "Paragraf"]);
    let Some(AgencyResult::Data(s)) = &so.svarsdata.so else {
        panic!()
    };
    let u = &s.arbetsloshetsersattningar.as_ref().unwrap()[0].utbetalningar[0];
    assert_eq!(u.netto_efter_skatt.to_string(), "1250.50");
    for name in [
        "csn-response.xml",
        "fk-response.xml",
        "miv-response.xml",
        "skv-response.xml",
        "tns-response.xml",
    ] {
        let Some((_, svar)) = response(name) else {
            return;
        };
        assert!(ssbtek::validate_payloads(&svar).is_empty(), "{name}");
    }
}

#[test]
fn csn_skv_fk_tns_payloads() {
    let Some((_, csn)) = response("csn-response.xml") else {
        return;
    };
    let Some(AgencyResult::Data(c)) = &csn.svarsdata.csn else {
        panic!()
    };
    assert_eq!(c.dokument().schema_version, "3.0");
    assert_eq!(c.dokument().resultat.kod, "0");
    let Some((_, skv)) = response("skv-response.xml") else {
        return;
    };
    let Some(AgencyResult::Data(s)) = &skv.svarsdata.skv else {
        panic!()
    };
    let SkvSvar::Beskattningsuppgifter(payload) = s else {
        panic!("not the ssbt/10 form")
    };
    assert!(payload.received().unwrap().starts_with(b"<?xml"));
    let inner = s.beskattningsuppgifter().unwrap();
    let person = &inner.personuppgift_lista.as_ref().unwrap().personuppgift[0];
    assert_eq!(person.kapitaluppgift[0].taxeringsar, Some(2001));
    let Some((_, fk)) = response("fk-response.xml") else {
        return;
    };
    let Some(AgencyResult::Data(f)) = &fk.svarsdata.fk else {
        panic!()
    };
    assert!(
        std::str::from_utf8(f.received().unwrap())
            .unwrap()
            .contains("Försäkringskassan")
    );
    let Some((_, tns)) = response("tns-response.xml") else {
        return;
    };
    let Some(AgencyResult::Data(t)) = &tns.svarsdata.tns else {
        panic!()
    };
    assert!(t.ok);
    let fordon = &t.fordonsinnehav.as_ref().unwrap().fordon;
    assert_eq!(
        fordon
            .iter()
            .map(|f| f.fordonsslag.as_str())
            .collect::<Vec<_>>(),
        ["PERSONBIL", "MOTORCYKEL"]
    );
}

#[test]
fn debug_output_never_shows_identity_numbers_or_names() {
    for name in [
        "af-response.xml",
        "miv-response.xml",
        "skv-response.xml",
        "so-response.xml",
    ] {
        let Some(input) = fixture(name) else { return };
        let doc = ssbtek::from_slice(&input).unwrap();
        let debug = format!("{doc:?}");
        for secret in ["199001011234", "9001011234", "Tolvan", "Berit"] {
            assert!(!debug.contains(secret), "{name} leaks {secret}");
        }
    }
    let _ = Path::new("");
}
