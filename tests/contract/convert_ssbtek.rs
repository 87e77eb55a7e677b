//! Conversion between SSBTEK and LEFI formats through `convert::Document`.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]

use lefi::convert::{ConvertError, ConvertOptions, Document, Format, convert};
use lefi::model::ssbtek::{AgencyResult, SkatteverketFraga};
use lefi::wire::ssbtek::SsbtekMessage;

use crate::support::fixtures;

fn allow() -> ConvertOptions {
    ConvertOptions::allowing_loss()
}

#[test]
fn fk_answer_converts_to_every_lefi_format_and_back_into_ssbtek() {
    let Some(dir) = fixtures() else { return };
    let soap = std::fs::read(dir.join("fk-response.xml")).unwrap();
    let (format, doc) = Document::decode_detected(&soap).unwrap();
    assert_eq!(format, Format::SsbtekV10);
    let svar = doc
        .lefi_svar()
        .expect("the FK fixture carries LEFI data")
        .clone();

    // Only FK data and no envelope extras: nothing is lost going to LEFI 9.
    let (json, lost) = convert(
        &soap,
        Format::SsbtekV10,
        Format::LefiV9,
        &ConvertOptions::default(),
    )
    .unwrap();
    assert!(lost.is_empty(), "{lost}");
    let back = Document::decode(&json, Format::LefiV9).unwrap();
    assert_eq!(back.lefi_svar(), Some(&svar));

    // The LEFI answer wrapped again as an SSBTEK answer (v10 and v11) carries the same data.
    for to in [Format::SsbtekV10, Format::SsbtekV11] {
        let (xml, lost) = convert(&json, Format::LefiV9, to, &ConvertOptions::default()).unwrap();
        assert!(lost.is_empty());
        let again = Document::decode(&xml, to).unwrap();
        assert_eq!(again.lefi_svar(), Some(&svar));
    }
    for to in [
        Format::LefiV5,
        Format::LefiV5_1,
        Format::LefiV6,
        Format::LefiV7,
    ] {
        let (xml, lost) =
            convert(&soap, Format::SsbtekV10, to, &ConvertOptions::default()).unwrap();
        assert!(lost.is_empty(), "{to}: {lost}");
        assert_eq!(Document::decode(&xml, to).unwrap().lefi_svar(), Some(&svar));
    }
}

#[test]
fn other_agencies_are_reported_when_converting_to_lefi() {
    let Some(dir) = fixtures() else { return };
    let soap = std::fs::read(dir.join("miv-response.xml")).unwrap();
    // The MIV fixture has no FK part: there is nothing to convert.
    let err = convert(&soap, Format::SsbtekV10, Format::LefiV9, &allow()).unwrap_err();
    assert!(matches!(err, ConvertError::NoFkData), "{err:?}");

    // Add FK data to the MIV answer: converting keeps FK and reports MIV as dropped.
    let fk = Document::decode(
        &std::fs::read(dir.join("fk-response.xml")).unwrap(),
        Format::SsbtekV10,
    )
    .unwrap();
    let Document::Ssbtek(fk) = fk else {
        panic!("not ssbtek")
    };
    let SsbtekMessage::Response(fk) = fk.message else {
        panic!("not a response")
    };
    let Document::Ssbtek(mut miv) = Document::decode(&soap, Format::SsbtekV10).unwrap() else {
        panic!("not ssbtek")
    };
    let SsbtekMessage::Response(svar) = &mut miv.message else {
        panic!("not a response")
    };
    svar.svarsdata.fk = fk.svarsdata.fk.clone();
    let both = Document::Ssbtek(miv);
    let (out, lost) = both.encode(Format::LefiV9).unwrap();
    let paths: Vec<&str> = lost.items().iter().map(|i| i.path.as_str()).collect();
    assert!(paths.contains(&"svarsdata.MIV"), "{paths:?}");
    assert!(!paths.iter().any(|p| p.contains("FK")), "{paths:?}");
    assert!(
        Document::decode(&out, Format::LefiV9)
            .unwrap()
            .lefi_svar()
            .is_some()
    );

    // Without allow_loss the same conversion is refused with the report.
    let soap_both = both.encode(Format::SsbtekV10).unwrap().0;
    let err = convert(
        &soap_both,
        Format::SsbtekV10,
        Format::LefiV9,
        &ConvertOptions::default(),
    )
    .unwrap_err();
    match err {
        ConvertError::Lossy { report, .. } => {
            assert!(report.items().iter().any(|i| i.path == "svarsdata.MIV"));
        }
        other => panic!("expected a lossy error, got {other:?}"),
    }
}

#[test]
fn v11_question_with_skatteverket_block_downgrades_to_v10_with_a_report() {
    use chrono::NaiveDate;
    use lefi::id::{Organisationsnummer, Personnummer};
    use lefi::legal::{Actor, ActorKind, LawfulPurpose, marker};
    use lefi::model::ssbtek::{Agency, Arendeidentitet, BastjanstFragaBuilder};
    use lefi::period::Period;
    use lefi::version::SsbtekVersion;

    let period = Period::new(
        NaiveDate::from_ymd_opt(2025, 1, 1).unwrap(),
        NaiveDate::from_ymd_opt(2025, 6, 30).unwrap(),
    )
    .unwrap();
    let kommun = Actor::new(
        ActorKind::Kommun,
        Organisationsnummer::parse("2120002411").unwrap(),
        "Kommunen",
    )
    .unwrap();
    let fraga = BastjanstFragaBuilder::new(
        &kommun,
        "hl01",
        &Personnummer::parse("197407029284").unwrap(),
        Arendeidentitet::new("A1").unwrap(),
        period,
        &LawfulPurpose::consent_free(marker::EkonomisktBistand),
    )
    .unwrap()
    .include(Agency::Skv)
    .skatteverket_fraga(SkatteverketFraga::all_for_years(vec![2024, 2025]))
    .build()
    .unwrap();
    let v11 = lefi::wire::ssbtek::request_to_vec(&fraga, SsbtekVersion::V11).unwrap();

    let err = convert(
        &v11,
        Format::SsbtekV11,
        Format::SsbtekV10,
        &ConvertOptions::default(),
    )
    .unwrap_err();
    assert!(matches!(err, ConvertError::Lossy { .. }), "{err:?}");
    let (v10, lost) = convert(&v11, Format::SsbtekV11, Format::SsbtekV10, &allow()).unwrap();
    assert_eq!(lost.items().len(), 1);
    assert_eq!(lost.items()[0].path, "specifikaFrageparametrar.SKV.fraga");
    assert_eq!(Format::detect(&v10), Some(Format::SsbtekV10));

    // Upgrading the v10 question back to v11 needs the block v10 cannot hold: refused,
    // naming the field, not silently invented.
    let err = convert(&v10, Format::SsbtekV10, Format::SsbtekV11, &allow()).unwrap_err();
    assert!(err.to_string().contains("SkatteverketFraga"), "{err}");

    // A version named wrongly is an error, not a silent reinterpretation.
    let err = convert(&v10, Format::SsbtekV11, Format::SsbtekV10, &allow()).unwrap_err();
    assert!(
        matches!(err, ConvertError::VersionMismatch { .. }),
        "{err:?}"
    );
}

#[test]
fn every_fixture_decodes_as_a_document_and_fk_data_is_found_only_where_present() {
    let Some(dir) = fixtures() else { return };
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        let bytes = std::fs::read(&path).unwrap();
        let (format, doc) = Document::decode_detected(&bytes).unwrap();
        assert_eq!(format, Format::SsbtekV10, "{}", path.display());
        assert_eq!(doc.kind(), "ssbtek-svar");
        let has_fk = matches!(&doc, Document::Ssbtek(d) if matches!(&d.message,
            SsbtekMessage::Response(s) if matches!(s.svarsdata.fk, Some(AgencyResult::Data(_)))));
        assert_eq!(doc.lefi_svar().is_some(), has_fk, "{}", path.display());
    }
}
