//! Decoding errors, policies and robustness of the LEFI Online XML codec.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]

use crate::lefi_xml_support;

use lefi::input::DecodeLimits;
use lefi::model::lefi::{
    LefiExternFormansinformationFraga as Fraga, LefiExternFormansinformationSvar as Svar,
};
use lefi::version::LefiVersion;
use lefi::wire::lefi_xml::{self, Error};
use lefi::wire::{DecodeSettings, UnknownContent, WarningKind};
use lefi::xml::XmlErrorKind;
use lefi_xml_support::random::{self, Gen};
use proptest::prelude::*;

const PNR: &str = "197407029284";

fn fraga(ns_version: &str, attr: &str, body: &str) -> String {
    format!(
        r#"<?xml version="1.0"?>
<LefiExternFormansinformationFraga xmlns="urn:lefi:reconstructed:lefionline:{ns_version}"{attr}>
  <personnummer>{PNR}</personnummer>
  <period><from>2023-01-01</from><tom>2024-01-01</tom></period>{body}
</LefiExternFormansinformationFraga>"#
    )
}

#[test]
fn version_comes_from_namespace_and_attribute_must_agree() {
    let ok = fraga("6.0", r#" lefiOnlineVersion="6.0""#, "");
    let d = lefi_xml::decode_with::<Fraga>(ok.as_bytes(), &DecodeSettings::strict()).unwrap();
    assert_eq!(d.version, LefiVersion::V6);

    let mismatch = fraga("6.0", r#" lefiOnlineVersion="5.1""#, "");
    let err = lefi_xml::from_slice::<Fraga>(mismatch.as_bytes()).unwrap_err();
    assert!(
        matches!(
            err,
            Error::VersionMismatch {
                namespace_version: LefiVersion::V6,
                ..
            }
        ),
        "{err}"
    );
    assert_eq!(err.position().unwrap().line(), 2);

    let missing = fraga("6.0", "", "");
    let err = lefi_xml::from_slice::<Fraga>(missing.as_bytes()).unwrap_err();
    assert!(
        matches!(&err, Error::Xml(e) if *e.kind() == XmlErrorKind::MissingAttribute { name: "lefiOnlineVersion" }),
        "{err}"
    );

    let unknown = fraga("8.0", r#" lefiOnlineVersion="8.0""#, "");
    let err = lefi_xml::from_slice::<Fraga>(unknown.as_bytes()).unwrap_err();
    assert!(
        matches!(&err, Error::UnknownNamespace { namespace, .. } if namespace.ends_with("8.0")),
        "{err}"
    );

    let err = lefi_xml::from_slice::<Svar>(ok.as_bytes()).unwrap_err();
    assert!(matches!(
        err,
        Error::WrongRoot {
            expected: "LefiExternFormansinformationSvar",
            ..
        }
    ));
}

#[test]
fn elements_of_a_later_version_are_unknown_in_an_earlier_one() {
    let body = "<preliminaraUtbetalningar>FK:SJP</preliminaraUtbetalningar>";
    let v6 = fraga("6.0", r#" lefiOnlineVersion="6.0""#, body);
    assert!(
        lefi_xml::from_slice::<Fraga>(v6.as_bytes())
            .unwrap()
            .preliminara_utbetalningar
            .is_some()
    );
    let v5 = fraga("5.0", r#" lefiOnlineVersion="5.0""#, body);
    let err = lefi_xml::decode_with::<Fraga>(v5.as_bytes(), &DecodeSettings::strict()).unwrap_err();
    assert_eq!(
        err.to_string(),
        "unexpected element `{urn:lefi:reconstructed:lefionline:5.0}preliminaraUtbetalningar` (line 4, column 64, at /LefiExternFormansinformationFraga/preliminaraUtbetalningar)"
    );
    let d = lefi_xml::decode_with::<Fraga>(v5.as_bytes(), &DecodeSettings::default()).unwrap();
    assert_eq!(d.warnings.len(), 1);
    assert_eq!(
        d.warnings[0].path,
        "/LefiExternFormansinformationFraga/preliminaraUtbetalningar"
    );
    assert_eq!(d.warnings[0].kind, WarningKind::UnknownElement);
    assert_eq!(d.kept.len(), 1);
    assert_eq!(d.kept[0].path, d.warnings[0].path);
    assert_eq!(d.kept[0].element.text(), "FK:SJP");
    assert!(d.value.preliminara_utbetalningar.is_none());
    let skip = DecodeSettings::default().with_unknown(UnknownContent::Ignore);
    assert!(
        lefi_xml::decode_with::<Fraga>(v5.as_bytes(), &skip)
            .unwrap()
            .warnings
            .is_empty()
    );
}

#[test]
fn codes_of_a_later_version_are_refused() {
    let v7 = fraga(
        "7.0",
        r#" lefiOnlineVersion="7.0""#,
        "<formansinformation>FK:FSJP</formansinformation>",
    );
    let err = lefi_xml::from_slice::<Fraga>(v7.as_bytes()).unwrap_err();
    assert_eq!(
        err.to_string(),
        "code `FK:FSJP` is not available in LEFI Online 7 (line 4, column 64, at /LefiExternFormansinformationFraga/formansinformation)"
    );
}

#[test]
fn errors_never_echo_identity_values() {
    let bad_pnr = fraga("5.1", r#" lefiOnlineVersion="5.1""#, "").replace(PNR, "19740702928X");
    let err = lefi_xml::from_slice::<Fraga>(bad_pnr.as_bytes()).unwrap_err();
    assert!(!err.to_string().contains("1974"), "{err}");
    assert!(err.to_string().contains("personnummer"), "{err}");
    let dup = fraga(
        "5.1",
        r#" lefiOnlineVersion="5.1""#,
        &format!("<personnummer>{PNR}</personnummer>"),
    );
    let err = lefi_xml::from_slice::<Fraga>(dup.as_bytes()).unwrap_err();
    assert!(
        matches!(&err, Error::Xml(e) if *e.kind() == XmlErrorKind::Duplicate { name: "personnummer" })
    );
    assert!(!format!("{err} {err:?}").contains(PNR));
    let svar: Svar = lefi_xml::from_slice(br#"<LefiExternFormansinformationSvar xmlns="urn:lefi:reconstructed:lefionline:5.0"><formansinformation><generellPersoninformation><personnummer>197407029284</personnummer><namn>Anna</namn></generellPersoninformation></formansinformation></LefiExternFormansinformationSvar>"#).unwrap();
    assert!(!format!("{svar:?}").contains("Anna"));
}

#[test]
fn bounds_and_dtds_are_enforced() {
    let doc = fraga("5.0", r#" lefiOnlineVersion="5.0""#, "");
    let small = DecodeSettings::default().with_limits(DecodeLimits::default().with_max_bytes(64));
    let err = lefi_xml::decode_with::<Fraga>(doc.as_bytes(), &small).unwrap_err();
    assert!(
        matches!(&err, Error::Xml(e) if matches!(e.kind(), XmlErrorKind::TooLarge { .. })),
        "{err}"
    );
    let err = lefi_xml::decode_reader_with::<Fraga, _>(doc.as_bytes(), &small).unwrap_err();
    assert!(
        matches!(&err, Error::Xml(e) if matches!(e.kind(), XmlErrorKind::TooLarge { .. })),
        "{err}"
    );
    let shallow = DecodeSettings::default().with_limits(DecodeLimits::default().with_max_depth(2));
    let err = lefi_xml::decode_with::<Fraga>(doc.as_bytes(), &shallow).unwrap_err();
    assert!(
        matches!(&err, Error::Xml(e) if matches!(e.kind(), XmlErrorKind::TooDeep { max: 2 })),
        "{err}"
    );
    let dtd = format!(
        "<!DOCTYPE x [<!ENTITY e 'boom'>]>{}",
        doc.trim_start_matches("<?xml version=\"1.0\"?>")
    );
    let err = lefi_xml::from_slice::<Fraga>(dtd.as_bytes()).unwrap_err();
    assert!(
        matches!(&err, Error::Xml(e) if *e.kind() == XmlErrorKind::Doctype),
        "{err}"
    );
}

#[test]
fn the_literal_exa_code_pair_is_what_the_codec_writes() {
    let mut svar = Svar::default();
    let mut fi = lefi::model::lefi::LefiFormansinformation::default();
    let mut uppgift = lefi::model::lefi::LefiUtbetalningUppgift::default();
    let mut detalj = lefi::model::lefi::LefiUtbetalningDetalj::default();
    let mut typ = lefi::model::lefi::LefiBokstavskod::default();
    typ.id = Some("P37".into());
    typ.beskrivning = Some("Inkomstpensionstillägg - 37".into());
    detalj.beloppstyp = Some(typ);
    uppgift.utbetalningsdetalj = Some(vec![detalj]);
    fi.utbetalningsuppgift = Some(vec![uppgift]);
    svar.formansinformation = Some(fi);
    let xml = String::from_utf8(lefi_xml::to_vec(&svar, LefiVersion::V5).unwrap()).unwrap();
    assert!(xml.contains("<EXA:beloppstyp><EXA:id>P37</EXA:id><EXA:beskrivning>Inkomstpensionstillägg - 37</EXA:beskrivning></EXA:beloppstyp>"), "{xml}");
}

/// Namespaces decide, not prefixes: the same code pairs written with other prefixes, a
/// default namespace, and prefixes rebound right after use decode alike; a prefix rebound
/// to a foreign namespace makes its elements unknown.
#[test]
fn namespaces_not_prefixes_decide_even_when_rebound() {
    const EXA: &str = "urn:lefi:reconstructed:lefionline:exa";
    let pair = |id: &str, text: &str| {
        let mut kod = lefi::model::lefi::LefiBokstavskod::default();
        kod.id = Some(id.into());
        kod.beskrivning = Some(text.into());
        kod
    };
    let mut svar = Svar::default();
    let mut fi = lefi::model::lefi::LefiFormansinformation::default();
    let mut uppgift = lefi::model::lefi::LefiUtbetalningUppgift::default();
    uppgift.formansfamilj = Some(pair("SJP", "Sjukpenning"));
    let mut one = lefi::model::lefi::LefiUtbetalningDetalj::default();
    one.beloppstyp = Some(pair("P37", "Inkomstpensionstillägg - 37"));
    let mut two = one.clone();
    two.forman = Some(pair("SJP", "Sjukpenning"));
    uppgift.utbetalningsdetalj = Some(vec![one, two]);
    fi.utbetalningsuppgift = Some(vec![uppgift]);
    svar.formansinformation = Some(fi);
    let canonical = String::from_utf8(lefi_xml::to_vec(&svar, LefiVersion::V7).unwrap()).unwrap();
    assert_eq!(
        lefi_xml::from_slice::<Svar>(canonical.as_bytes()).unwrap(),
        svar
    );

    let variants = [
        // another prefix, bound where it is used
        canonical.replacen(
            "<EXA:beloppstyp>",
            &format!(r#"<x:beloppstyp xmlns:x="{EXA}">"#),
            1,
        ),
        // the code-pair namespace as the default namespace of a subtree
        canonical.replacen(
            "<EXA:forman><EXA:id>SJP</EXA:id><EXA:beskrivning>Sjukpenning</EXA:beskrivning></EXA:forman>",
            &format!(r#"<forman xmlns="{EXA}"><id>SJP</id><beskrivning>Sjukpenning</beskrivning></forman>"#),
            1,
        ),
        // EXA used, then rebound to the same namespace on the next element
        canonical.replacen(
            "<EXA:beskrivning>Inkomst",
            &format!(r#"<EXA:beskrivning xmlns:EXA="{EXA}">Inkomst"#),
            1,
        ),
    ];
    for xml in &variants {
        let fixed = fix_closing(xml);
        assert_ne!(fixed, canonical);
        assert_eq!(
            lefi_xml::from_slice::<Svar>(fixed.as_bytes()).unwrap(),
            svar,
            "{fixed}"
        );
    }

    // EXA rebound to a foreign namespace for one element, right after EXA was used:
    // that element is unknown, and the next one is read in the real EXA again
    let foreign = canonical.replacen(
        "<EXA:beskrivning>Inkomst",
        r#"<EXA:beskrivning xmlns:EXA="urn:other">Inkomst"#,
        1,
    );
    let mut settings = DecodeSettings::default().with_unknown(UnknownContent::Deny);
    let err = lefi_xml::decode_with::<Svar>(foreign.as_bytes(), &settings).unwrap_err();
    assert!(err.to_string().contains("urn:other"), "{err}");
    settings = settings.with_unknown(UnknownContent::Ignore);
    let decoded = lefi_xml::decode_with::<Svar>(foreign.as_bytes(), &settings).unwrap();
    let detalj = &decoded
        .value
        .formansinformation
        .unwrap()
        .utbetalningsuppgift
        .unwrap()[0]
        .utbetalningsdetalj
        .clone()
        .unwrap()[0];
    let kod = detalj.beloppstyp.as_ref().unwrap();
    assert_eq!(kod.id.as_deref(), Some("P37"));
    assert_eq!(kod.beskrivning, None);
}

/// Closes the elements the variants open with another prefix or namespace.
fn fix_closing(xml: &str) -> String {
    // `<x:beloppstyp …>` closes as `</x:beloppstyp>`; its children keep `EXA:`
    let mut out = xml.to_owned();
    if let Some(start) = out.find("<x:beloppstyp") {
        if let Some(end) = out[start..].find("</EXA:beloppstyp>") {
            out.replace_range(
                start + end..start + end + "</EXA:beloppstyp>".len(),
                "</x:beloppstyp>",
            );
        }
    }
    out
}

fn sample_documents() -> Vec<Vec<u8>> {
    let mut docs = Vec::new();
    for (i, v) in [
        LefiVersion::V5,
        LefiVersion::V5_1,
        LefiVersion::V6,
        LefiVersion::V7,
    ]
    .into_iter()
    .enumerate()
    {
        let mut g = Gen::new(i as u64, v);
        docs.push(
            lefi_xml::to_vec(&random::gen_lefi_extern_formansinformation_svar(&mut g), v).unwrap(),
        );
        docs.push(
            lefi_xml::to_vec(&random::gen_lefi_extern_formansinformation_fraga(&mut g), v).unwrap(),
        );
    }
    docs
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn random_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..512)) {
        let _ = lefi_xml::from_slice::<Svar>(&bytes);
        let _ = lefi_xml::from_slice::<Fraga>(&bytes);
        let _ = lefi::convert::Format::detect(&bytes);
    }

    #[test]
    fn mutated_documents_never_panic(doc in 0usize..8, edits in proptest::collection::vec((any::<prop::sample::Index>(), any::<u8>(), 0u8..3), 1..8)) {
        let docs = sample_documents();
        let mut bytes = docs[doc].clone();
        for (at, byte, op) in edits {
            if bytes.is_empty() { break; }
            let i = at.index(bytes.len());
            match op {
                0 => bytes[i] = byte,
                1 => { bytes.remove(i); }
                _ => bytes.insert(i, byte),
            }
        }
        let _ = lefi_xml::from_slice::<Svar>(&bytes);
        let _ = lefi_xml::from_slice::<Fraga>(&bytes);
        let _ = lefi::convert::convert_detected(&bytes, lefi::convert::Format::LefiV9, &lefi::convert::ConvertOptions::allowing_loss());
    }
}

#[test]
fn decode_any_decides_by_the_root_in_the_same_pass() {
    use lefi_xml::Document;
    let fraga_xml = fraga("5.1", r#" lefiOnlineVersion="5.1""#, "");
    let d = lefi_xml::decode_any(fraga_xml.as_bytes(), &DecodeSettings::strict()).unwrap();
    assert_eq!(d.version, LefiVersion::V5_1);
    let typed = lefi_xml::from_slice::<Fraga>(fraga_xml.as_bytes()).unwrap();
    assert_eq!(d.value, Document::Request(Box::new(typed)));

    let mut g = Gen::new(7, LefiVersion::V6);
    let svar = random::gen_lefi_extern_formansinformation_svar(&mut g);
    let svar_xml = lefi_xml::to_vec(&svar, LefiVersion::V6).unwrap();
    let d = lefi_xml::decode_any(&svar_xml, &DecodeSettings::strict()).unwrap();
    assert_eq!(d.version, LefiVersion::V6);
    assert_eq!(d.value, Document::Response(Box::new(svar)));

    let other = r#"<LefiFelsvar xmlns="urn:lefi:reconstructed:lefionline:7.0"/>"#;
    let err = lefi_xml::decode_any(other.as_bytes(), &DecodeSettings::default()).unwrap_err();
    assert!(
        matches!(&err, Error::UnknownRoot { found, .. } if found == "LefiFelsvar"),
        "{err}"
    );
    assert_eq!(
        err.to_string(),
        "root element `LefiFelsvar` is not a LEFI Online XML document (line 1, column 1, at /LefiFelsvar)"
    );
    // the question's own rules still hold: lefiOnlineVersion is required on it
    let missing = fraga("6.0", "", "");
    let err = lefi_xml::decode_any(missing.as_bytes(), &DecodeSettings::default()).unwrap_err();
    assert!(
        matches!(&err, Error::Xml(e) if *e.kind() == XmlErrorKind::MissingAttribute { name: "lefiOnlineVersion" }),
        "{err}"
    );
}

#[test]
fn unknown_elements_follow_the_policy_and_are_kept_beside_the_value() {
    let body = "<nytt a=\"1\"><inre>x</inre></nytt><formansinformation>FK:SJP</formansinformation><annat/>";
    let doc = fraga("7.0", r#" lefiOnlineVersion="7.0""#, body);
    let d = lefi_xml::decode_any(doc.as_bytes(), &DecodeSettings::default()).unwrap();
    let paths: Vec<_> = d.warnings.iter().map(|w| w.to_string()).collect();
    assert_eq!(
        paths,
        [
            "/LefiExternFormansinformationFraga/nytt: element not defined by the contract, kept",
            "/LefiExternFormansinformationFraga/annat: element not defined by the contract, kept",
        ]
    );
    let kept: Vec<_> = d.kept.iter().map(|k| k.element.to_vec().unwrap()).collect();
    assert_eq!(
        kept,
        [
            br#"<nytt xmlns="urn:lefi:reconstructed:lefionline:7.0" a="1"><inre>x</inre></nytt>"#
                .to_vec(),
            br#"<annat xmlns="urn:lefi:reconstructed:lefionline:7.0"/>"#.to_vec(),
        ]
    );
    let ignored = DecodeSettings::default().with_unknown(UnknownContent::Ignore);
    let d2 = lefi_xml::decode_any(doc.as_bytes(), &ignored).unwrap();
    assert!(d2.warnings.is_empty() && d2.kept.is_empty());
    assert_eq!(d2.value, d.value);
    let err = lefi_xml::decode_any(doc.as_bytes(), &DecodeSettings::strict()).unwrap_err();
    assert_eq!(
        err.to_string(),
        "unexpected element `{urn:lefi:reconstructed:lefionline:7.0}nytt` (line 4, column 64, at /LefiExternFormansinformationFraga/nytt)"
    );

    // convert's document has no place for them either: its warnings say they are dropped
    let (_, warnings) = lefi::convert::Document::decode_with_warnings(
        doc.as_bytes(),
        lefi::convert::Format::LefiV7,
    )
    .unwrap();
    assert_eq!(
        warnings,
        [
            "/LefiExternFormansinformationFraga/nytt: element {urn:lefi:reconstructed:lefionline:7.0}nytt not defined by lefi-v7, dropped",
            "/LefiExternFormansinformationFraga/annat: element {urn:lefi:reconstructed:lefionline:7.0}annat not defined by lefi-v7, dropped",
        ]
    );
}

#[test]
fn the_version_modules_refuse_another_version_at_the_root() {
    let v6 = fraga("6.0", r#" lefiOnlineVersion="6.0""#, "");
    assert!(lefi_xml::v6::from_slice::<Fraga>(v6.as_bytes()).is_ok());
    let err = lefi_xml::v7::from_slice::<Fraga>(v6.as_bytes()).unwrap_err();
    assert!(
        matches!(
            err,
            Error::WrongVersion {
                expected: LefiVersion::V7,
                found: LefiVersion::V6,
                ..
            }
        ),
        "{err}"
    );
    assert_eq!(
        err.to_string(),
        "the document is LEFI Online 6, not 7 (line 2, column 1, at /LefiExternFormansinformationFraga)"
    );
}

#[test]
fn lossy_encoding_lists_what_it_leaves_out_once_per_path_and_code() {
    use lefi::codes::FkFormanGrupp;
    use lefi::wire::Dropped;
    let mut fraga: Fraga =
        lefi_xml::from_slice(fraga("7.0", r#" lefiOnlineVersion="7.0""#, "").as_bytes()).unwrap();
    fraga.formansinformation = Some(vec![
        FkFormanGrupp::Fsjp,
        FkFormanGrupp::Sjp,
        FkFormanGrupp::Pjob,
        FkFormanGrupp::Fsjp,
    ]);
    fraga.preliminara_utbetalningar = Some(vec![lefi::codes::FormanGrupp::Fk(FkFormanGrupp::Sjp)]);
    let (xml, dropped) = lefi_xml::to_vec_lossy(&fraga, LefiVersion::V5).unwrap();
    assert_eq!(
        dropped,
        [
            Dropped::new("formansinformation", Some("FK:FSJP"), 2),
            Dropped::new("formansinformation", Some("FK:PJOB"), 1),
            Dropped::new("preliminaraUtbetalningar", None, 1),
        ]
    );
    let back: Fraga = lefi_xml::from_slice(&xml).unwrap();
    assert_eq!(back.formansinformation, Some(vec![FkFormanGrupp::Sjp]));
    // convert's report is built from the same list, line for line
    let (_, report) = lefi::convert::Document::LefiFraga(Box::new(fraga))
        .encode(lefi::convert::Format::LefiV5)
        .unwrap();
    let lines: Vec<_> = report.items().iter().map(ToString::to_string).collect();
    let listed: Vec<_> = dropped.iter().map(ToString::to_string).collect();
    assert_eq!(lines, listed);
    assert_eq!(report.total(), 4);
}
