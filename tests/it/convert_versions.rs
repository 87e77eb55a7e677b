//! Conversion between LEFI Online XML 5/5.1/6/7 and LEFI 9 JSON: upgrades are lossless,
//! downgrades fail without allow_loss and report exactly what is dropped with it.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]

use crate::lefi_xml_support;

use lefi::codes::{FkFormanGrupp, FormanGrupp, PmFormanGrupp};
use lefi::convert::{ConvertError, ConvertOptions, Format, LossReport, convert};
use lefi::model::lefi::{
    LefiExternFormansinformationFraga, LefiExternFormansinformationSvar,
    LefiForebyggandeSjukpenningArende, LefiPmFormanAnsprak, LefiPmFormanBeslut,
    LefiPmFormanUtbetalning, LefiUtbetalningUppgift,
};
use lefi::version::LefiVersion;
use lefi::wire::{lefi_json, lefi_xml};
use lefi_xml_support::random::{self, Gen};

const XML_FORMATS: [(Format, LefiVersion); 4] = [
    (Format::LefiV5, LefiVersion::V5),
    (Format::LefiV5_1, LefiVersion::V5_1),
    (Format::LefiV6, LefiVersion::V6),
    (Format::LefiV7, LefiVersion::V7),
];

#[test]
fn upgrading_every_xml_version_to_v9_is_lossless() {
    for (format, version) in XML_FORMATS {
        for seed in 0..40 {
            let mut g = Gen::new(seed, version);
            let svar = random::gen_lefi_extern_formansinformation_svar(&mut g);
            let xml = lefi_xml::to_vec(&svar, version).unwrap();
            let (json, lost) =
                convert(&xml, format, Format::LefiV9, &ConvertOptions::default()).unwrap();
            assert!(lost.is_empty());
            let back: LefiExternFormansinformationSvar = lefi_json::from_slice(&json).unwrap();
            assert_eq!(back, svar, "{format} seed {seed}");

            let fraga = random::gen_lefi_extern_formansinformation_fraga(&mut g);
            let xml = lefi_xml::to_vec(&fraga, version).unwrap();
            let (json, lost) =
                convert(&xml, format, Format::LefiV9, &ConvertOptions::default()).unwrap();
            assert!(lost.is_empty());
            let back: LefiExternFormansinformationFraga = lefi_json::from_slice(&json).unwrap();
            assert_eq!(back, fraga, "{format} seed {seed}");
        }
    }
}

#[test]
fn upgrading_between_xml_versions_is_lossless_and_back_again() {
    for (from, version) in XML_FORMATS {
        for (to, target) in XML_FORMATS.into_iter().filter(|(_, v)| *v >= version) {
            let mut g = Gen::new(7, version);
            let svar = random::gen_lefi_extern_formansinformation_svar(&mut g);
            let xml = lefi_xml::to_vec(&svar, version).unwrap();
            let (up, lost) = convert(&xml, from, to, &ConvertOptions::default()).unwrap();
            assert!(lost.is_empty(), "{from} -> {to}: {lost}");
            let d = lefi_xml::decode_with::<LefiExternFormansinformationSvar>(
                &up,
                &lefi::wire::DecodeSettings::strict(),
            )
            .unwrap();
            assert_eq!((d.version, d.value), (target, svar.clone()));
            let (down, lost) = convert(&up, to, from, &ConvertOptions::default()).unwrap();
            assert!(lost.is_empty());
            assert_eq!(
                lefi_xml::from_slice::<LefiExternFormansinformationSvar>(&down).unwrap(),
                svar
            );
        }
    }
}

/// A v9 answer with Pensionsmyndigheten data and förebyggande sjukpenning, plus content v6
/// can carry.
fn v9_answer() -> LefiExternFormansinformationSvar {
    let mut g = Gen::new(42, LefiVersion::V6);
    let mut svar = random::gen_lefi_extern_formansinformation_svar(&mut g);
    svar.ansprak = Some(vec![
        LefiPmFormanAnsprak::default(),
        LefiPmFormanAnsprak::default(),
    ]);
    svar.beslut = Some(vec![LefiPmFormanBeslut::default()]);
    svar.utbetalningar = Some(vec![LefiPmFormanUtbetalning::default(); 3]);
    let fi = svar.formansinformation.get_or_insert_with(Default::default);
    fi.forebyggande_sjukpenningsarende =
        Some(vec![LefiForebyggandeSjukpenningArende::default(); 2]);
    fi.preliminarautbetalningar = Some(vec![LefiUtbetalningUppgift::default()]);
    svar
}

#[test]
fn downgrading_pm_data_and_forebyggande_sjukpenning_to_v6_needs_allow_loss() {
    let json = lefi_json::to_vec(&v9_answer()).unwrap();
    let err = convert(
        &json,
        Format::LefiV9,
        Format::LefiV6,
        &ConvertOptions::default(),
    )
    .unwrap_err();
    let ConvertError::Lossy { to, report } = &err else {
        panic!("{err}")
    };
    assert_eq!(*to, Format::LefiV6);
    let mut expected = vec![
        ("ansprak".to_owned(), 2),
        ("beslut".to_owned(), 1),
        ("utbetalningar".to_owned(), 3),
        (
            "formansinformation.forebyggandeSjukpenningsarende".to_owned(),
            2,
        ),
    ];
    let mut items: Vec<_> = report
        .items()
        .iter()
        .map(|i| (i.path.clone(), i.count))
        .collect();
    items.sort();
    expected.sort();
    assert_eq!(items, expected);
    assert!(
        err.to_string()
            .contains("formansinformation.forebyggandeSjukpenningsarende: 2 dropped")
    );

    let (xml, report2) = convert(
        &json,
        Format::LefiV9,
        Format::LefiV6,
        &ConvertOptions::allowing_loss(),
    )
    .unwrap();
    assert_eq!(&report2, report);
    // What remains is exactly the answer without the dropped items.
    let mut kept = v9_answer();
    kept.ansprak = None;
    kept.beslut = None;
    kept.utbetalningar = None;
    if let Some(fi) = kept.formansinformation.as_mut() {
        fi.forebyggande_sjukpenningsarende = None;
    }
    assert_eq!(
        lefi_xml::v6::from_slice::<LefiExternFormansinformationSvar>(&xml).unwrap(),
        kept
    );
}

#[test]
fn strict_encoding_names_the_item_and_the_version() {
    // The first item in document order is named.
    let err = lefi_xml::to_vec(&v9_answer(), LefiVersion::V7).unwrap_err();
    assert_eq!(
        err.to_string(),
        "LEFI Online 7 cannot carry `formansinformation.forebyggandeSjukpenningsarende`"
    );
    let mut pm_only = v9_answer();
    pm_only.formansinformation = None;
    let err = lefi_xml::to_vec(&pm_only, LefiVersion::V6).unwrap_err();
    assert_eq!(err.to_string(), "LEFI Online 6 cannot carry `ansprak`");
}

#[test]
fn a_preliminary_payment_cannot_be_encoded_to_v5() {
    let mut svar = LefiExternFormansinformationSvar::default();
    let mut fi = lefi::model::lefi::LefiFormansinformation::default();
    fi.preliminarautbetalningar = Some(vec![LefiUtbetalningUppgift::default()]);
    svar.formansinformation = Some(fi);
    for version in [LefiVersion::V5, LefiVersion::V5_1] {
        let err = lefi_xml::to_vec(&svar, version).unwrap_err();
        assert!(
            matches!(&err, lefi_xml::Error::NotRepresentable { path, .. } if path == "formansinformation.preliminarautbetalningar"),
            "{err}"
        );
    }
    let (_, dropped) = lefi_xml::to_vec_lossy(&svar, LefiVersion::V5).unwrap();
    let lost = LossReport::from(dropped);
    assert_eq!(
        lost.to_string(),
        "formansinformation.preliminarautbetalningar: 1 dropped"
    );
    assert!(lefi_xml::to_vec(&svar, LefiVersion::V6).is_ok());
    // Nor can a v5 request ask for them.
    let day = chrono::NaiveDate::from_ymd_opt(2024, 1, 1).unwrap();
    let mut fraga = LefiExternFormansinformationFraga::new(
        lefi::id::Personidentitet::parse("197407029284").unwrap(),
        lefi::model::lefi::LefiPeriod::new(day, day),
    );
    fraga.preliminara_utbetalningar = Some(vec![FormanGrupp::Fk(FkFormanGrupp::Sjp)]);
    assert!(lefi_xml::to_vec(&fraga, LefiVersion::V5).is_err());
}

#[test]
fn gated_codes_are_dropped_from_request_lists() {
    let day = chrono::NaiveDate::from_ymd_opt(2024, 1, 1).unwrap();
    let mut fraga = LefiExternFormansinformationFraga::new(
        lefi::id::Personidentitet::parse("197407029284").unwrap(),
        lefi::model::lefi::LefiPeriod::new(day, day),
    );
    fraga.utbetalningar = Some(vec![
        FormanGrupp::Fk(FkFormanGrupp::Sjp),
        FormanGrupp::Fk(FkFormanGrupp::Fsjp),
        FormanGrupp::Fk(FkFormanGrupp::Pjob),
        FormanGrupp::Pm(PmFormanGrupp::Ap),
    ]);
    fraga.ansprak = Some(vec![PmFormanGrupp::Ap]);
    let (xml, dropped) = lefi_xml::to_vec_lossy(&fraga, LefiVersion::V5_1).unwrap();
    let lost = LossReport::from(dropped);
    let items: Vec<String> = lost.items().iter().map(ToString::to_string).collect();
    assert_eq!(
        items,
        [
            "ansprak: 1 dropped",
            "utbetalningar [FK:FSJP]: 1 dropped",
            "utbetalningar [FK:PJOB]: 1 dropped",
            "utbetalningar [PM:AP]: 1 dropped"
        ]
    );
    let back: LefiExternFormansinformationFraga = lefi_xml::from_slice(&xml).unwrap();
    assert_eq!(
        back.utbetalningar,
        Some(vec![FormanGrupp::Fk(FkFormanGrupp::Sjp)])
    );
    let (_, dropped) = lefi_xml::to_vec_lossy(&fraga, LefiVersion::V6).unwrap();
    let lost = LossReport::from(dropped);
    assert_eq!(lost.total(), 3);
}

#[test]
fn a_lefi_question_cannot_become_an_ssbtek_question() {
    let json = br#"{"personnummer":"197407029284","period":{"from":"2023-01-01","tom":"2024-01-01"},"formansinformation":["FK:SJP"]}"#;
    let err = convert(
        json,
        Format::LefiV9,
        Format::SsbtekV10,
        &ConvertOptions::default(),
    )
    .unwrap_err();
    assert!(matches!(
        err,
        ConvertError::Unsupported {
            from: Format::LefiV9,
            to: Format::SsbtekV10
        }
    ));
    assert_eq!(
        err.to_string(),
        "conversion from lefi-v9 to ssbtek-v10 is not supported"
    );
    let err = convert(
        b"<x/>",
        Format::SsbtekV10,
        Format::LefiV9,
        &ConvertOptions::default(),
    )
    .unwrap_err();
    assert!(matches!(err, ConvertError::Ssbtek { .. }), "{err:?}");
    for f in Format::ALL {
        assert_eq!(f.as_str().parse::<Format>(), Ok(f));
    }
}

/// An empty list is not loss: a version that cannot carry a list loses nothing when the
/// list is empty, and the report never says "0 item(s)"; a non-empty one is loss.
#[test]
fn an_empty_list_the_target_cannot_carry_is_not_loss() {
    let empty = br#"{"preliminaraUtbetalningar":[],"ansprak":[],"beslut":[]}"#;
    for (format, _) in XML_FORMATS {
        let (xml, lost) = convert(empty, Format::LefiV9, format, &ConvertOptions::default())
            .unwrap_or_else(|e| panic!("{format}: {e}"));
        assert!(lost.is_empty(), "{format}: {lost}");
        assert!(!lost.to_string().contains("0 item"), "{format}");
        assert!(xml.starts_with(b"<?xml"));
    }
    let one = br#"{"ansprak":[{}]}"#;
    let err = convert(
        one,
        Format::LefiV9,
        Format::LefiV7,
        &ConvertOptions::default(),
    )
    .unwrap_err();
    assert!(matches!(err, ConvertError::Lossy { .. }), "{err}");
    let (_, lost) = convert(
        one,
        Format::LefiV9,
        Format::LefiV7,
        &ConvertOptions::allowing_loss(),
    )
    .unwrap();
    assert_eq!(lost.total(), 1);
}

/// A character XML 1.0 cannot carry (a control character in a JSON string) is a loss
/// like any other: refused with the property's path, or with loss allowed replaced by
/// U+FFFD and listed by code point (never the text).
#[test]
fn a_character_xml_cannot_carry_is_loss_with_its_path() {
    let json = br#"{"utlamnare":[{"utlamnare":{"kod":"FK","namn":"F\u0007K"},"tillstand":{"beskrivning":"a\u0001b"}}]}"#;
    let decoded: LefiExternFormansinformationSvar = lefi_json::from_slice(json).unwrap();
    for (format, version) in XML_FORMATS {
        let err = convert(json, Format::LefiV9, format, &ConvertOptions::default()).unwrap_err();
        let ConvertError::Lossy { report, .. } = &err else {
            panic!("{format}: {err}");
        };
        let text = report.to_string();
        assert!(
            text.contains("U+0007") && text.contains("U+0001"),
            "{format}: {text}"
        );
        assert!(!text.contains("F\u{7}K"), "{format}");
        let (xml, lost) = convert(
            json,
            Format::LefiV9,
            format,
            &ConvertOptions::allowing_loss(),
        )
        .unwrap();
        assert_eq!(lost, report.clone(), "{format}");
        let back: LefiExternFormansinformationSvar = lefi_xml::from_slice(&xml).unwrap();
        let namn = back
            .utlamnare
            .as_ref()
            .and_then(|u| u[0].utlamnare.as_ref().and_then(|x| x.namn.as_deref()));
        assert_eq!(namn, Some("F\u{FFFD}K"), "{format}");
        // the codec itself, without loss allowed, refuses naming the property
        let strict = lefi_xml::to_vec(&decoded, version).unwrap_err();
        assert!(
            strict.to_string().contains("utlamnare"),
            "{format}: {strict}"
        );
    }
}

/// A property FK's LEFI payload holds that the contract does not define is skipped by the
/// typed decode, but an SSBTEK target writes the payload back as received: converting
/// between SSBTEK versions loses nothing, converting to LEFI (written from the model) loses it.
#[test]
fn an_unknown_fk_payload_property_is_lost_only_where_the_payload_is_rewritten() {
    use base64::Engine as _;
    let payload = base64::engine::general_purpose::STANDARD.encode(br#"{"utlamnare":[],"nytt":1}"#);
    let ns = lefi::version::SsbtekVersion::V10.namespace();
    let doc = format!(
        r#"<soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Body><r:hamtaBastjanstInformationResponse xmlns:r="{ns}"><r:svarsdata><r:FK><r:data><r:lefiJsonSvar>{payload}</r:lefiJsonSvar></r:data></r:FK></r:svarsdata></r:hamtaBastjanstInformationResponse></soap:Body></soap:Envelope>"#
    );
    for to in [Format::SsbtekV10, Format::SsbtekV11] {
        let (out, lost) = convert(
            doc.as_bytes(),
            Format::SsbtekV10,
            to,
            &ConvertOptions::default(),
        )
        .unwrap();
        assert!(lost.is_empty(), "{to}: {lost}");
        assert!(String::from_utf8(out).unwrap().contains(&payload), "{to}");
    }
    let err = convert(
        doc.as_bytes(),
        Format::SsbtekV10,
        Format::LefiV9,
        &ConvertOptions::default(),
    )
    .unwrap_err();
    let ConvertError::Lossy { report, .. } = err else {
        panic!("lossy: {err}")
    };
    assert!(report.to_string().contains("nytt"), "{report}");
}

/// An element of `svarsdata` the contract does not define is kept by the decode; converting
/// the answer to LEFI (FK's part only) lists it among what is dropped.
#[test]
fn an_unknown_svarsdata_element_is_listed_when_converting_to_lefi() {
    use base64::Engine as _;
    let payload = base64::engine::general_purpose::STANDARD.encode(br#"{"utlamnare":[]}"#);
    let ns = lefi::version::SsbtekVersion::V10.namespace();
    let doc = format!(
        r#"<soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Body><r:hamtaBastjanstInformationResponse xmlns:r="{ns}"><r:svarsdata><r:FK><r:data><r:lefiJsonSvar>{payload}</r:lefiJsonSvar></r:data></r:FK><r:NYMYNDIGHET><r:data>x</r:data></r:NYMYNDIGHET></r:svarsdata></r:hamtaBastjanstInformationResponse></soap:Body></soap:Envelope>"#
    );
    let err = convert(
        doc.as_bytes(),
        Format::SsbtekV10,
        Format::LefiV9,
        &ConvertOptions::default(),
    )
    .unwrap_err();
    let ConvertError::Lossy { report, .. } = err else {
        panic!("lossy: {err}")
    };
    assert!(
        report.to_string().contains("svarsdata.NYMYNDIGHET"),
        "{report}"
    );
}
