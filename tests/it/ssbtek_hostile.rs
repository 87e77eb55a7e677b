//! Hostile and broken SSBTEK input: never a panic, always a typed error with a position,
//! never an identity number in an error message.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]

use proptest::prelude::*;

use lefi::version::SsbtekVersion;
use lefi::wire::ssbtek::{self, SsbtekMessage};
use lefi::wire::{DecodeLimits, DecodeSettings};
use lefi::xml::XmlErrorKind;

use crate::support::{SOAP_END as END, SOAP_START as ENV};
const NS10: &str = SsbtekVersion::V10.namespace();

fn miv(inner: &str) -> String {
    format!(
        r#"{ENV}<r:hamtaBastjanstInformationResponse xmlns:r="{NS10}"><r:svarsdata><r:MIV><r:data><response><correlationid>c</correlationid>{inner}</response></r:data></r:MIV></r:svarsdata></r:hamtaBastjanstInformationResponse>{END}"#
    )
}

#[test]
fn doctype_is_refused() {
    let doc = format!(
        "<?xml version=\"1.0\"?>\n<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>\n{}",
        miv("<hemland>&e;</hemland>")
    );
    let err = ssbtek::from_slice(doc.as_bytes()).unwrap_err();
    assert_eq!(err.kind(), &XmlErrorKind::Doctype);
    assert_eq!(err.position().line(), 2);
}

#[test]
fn deep_nesting_is_refused() {
    let deep = "<a>".repeat(10_000) + &"</a>".repeat(10_000);
    let doc = format!("{ENV}{deep}{END}");
    let err = ssbtek::from_slice(doc.as_bytes()).unwrap_err();
    assert!(matches!(
        err.kind(),
        XmlErrorKind::TooDeep { .. } | XmlErrorKind::InvalidValue { .. }
    ));
    let inner = format!(
        "<svarCollection><svar>{}</svar></svarCollection>",
        "<x>".repeat(100)
    );
    let err = ssbtek::from_slice(miv(&inner).as_bytes()).unwrap_err();
    assert!(matches!(
        err.kind(),
        XmlErrorKind::UnexpectedElement { .. } | XmlErrorKind::TooDeep { .. }
    ));
}

#[test]
fn oversized_documents_are_refused_from_slices_and_readers() {
    let big = miv(&format!("<hemland>{}</hemland>", "x".repeat(200_000)));
    let settings = DecodeSettings::new().with_limits(DecodeLimits::new().with_max_bytes(100_000));
    let err = ssbtek::decode_with(big.as_bytes(), &settings).unwrap_err();
    assert_eq!(err.kind(), &XmlErrorKind::TooLarge { max: 100_000 });
    let err = ssbtek::decode_reader_with(big.as_bytes(), &settings).unwrap_err();
    assert_eq!(err.kind(), &XmlErrorKind::TooLarge { max: 100_000 });
}

#[test]
fn errors_carry_line_column_and_path_without_values() {
    let doc = miv(
        "\n<svarCollection><svar>\n  <beslutsdatum>199001011234</beslutsdatum></svar></svarCollection>",
    );
    // strict: the message is refused with the error
    let strict = DecodeSettings::strict();
    let err = ssbtek::decode_with(doc.as_bytes(), &strict).unwrap_err();
    assert_eq!(
        err.kind(),
        &XmlErrorKind::InvalidValue {
            expected: "xs:date"
        }
    );
    assert_eq!(err.position().line(), 3);
    assert_eq!(err.position().column(), 3);
    assert_eq!(
        err.position().path(),
        "/Envelope/Body/hamtaBastjanstInformationResponse/svarsdata/MIV/data/response/svarCollection/svar/beslutsdatum"
    );
    let text = format!("{err} {err:?}");
    assert!(!text.contains("199001011234"));
    // The same position when streaming.
    let streamed = ssbtek::decode_reader_with(
        std::io::BufReader::with_capacity(16, doc.as_bytes()),
        &strict,
    )
    .unwrap_err();
    assert_eq!(streamed.position(), err.position());
    // not strict: the MIV block is kept undecodable with the same error and position
    for decoded in [
        ssbtek::from_slice(doc.as_bytes()).unwrap(),
        ssbtek::from_reader(std::io::BufReader::with_capacity(16, doc.as_bytes())).unwrap(),
    ] {
        let SsbtekMessage::Response(svar) = &decoded.message else {
            panic!("not an answer")
        };
        let u = svar.svarsdata.miv.as_ref().unwrap().undecodable().unwrap();
        assert_eq!(u.position(), err.position());
        assert_eq!(u.message(), err.kind().to_string());
        assert!(!format!("{u} {u:?}").contains("199001011234"));
    }
}

#[test]
fn unknown_versions_and_messages_are_typed_errors() {
    let v8 = r#"<x:hamtaBastjanstInformationResponse xmlns:x="http://schema.forsakringskassan.se/integration/ssbt/8"/>"#;
    assert!(matches!(
        ssbtek::from_slice(v8.as_bytes()).unwrap_err().kind(),
        XmlErrorKind::InvalidValue { .. }
    ));
    let other = r#"<x:foo xmlns:x="urn:other"/>"#;
    assert!(ssbtek::from_slice(other.as_bytes()).is_err());
}

#[test]
fn truncated_fixtures_fail_cleanly_at_every_length() {
    let doc = miv(
        "<svarCollection><svar><arendeTyp>UAT</arendeTyp><beslutsdatum>1998-05-12+02:00</beslutsdatum></svar><svar xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" xsi:nil=\"true\"/></svarCollection>",
    );
    let full = ssbtek::from_slice(doc.as_bytes()).unwrap();
    let again = ssbtek::from_slice(&ssbtek::to_vec(&full).unwrap()).unwrap();
    assert_eq!(again, full);
    for len in 0..doc.len() {
        if let Some(prefix) = doc.as_bytes().get(..len) {
            assert!(
                ssbtek::from_slice(prefix).is_err(),
                "prefix of {len} bytes decoded"
            );
        }
    }
}

#[test]
fn soap_and_ssbtek_faults_are_typed() {
    let doc = format!(
        r#"{ENV}<soap:Fault><faultcode>soap:Server</faultcode><faultstring>Internal error 199001011234</faultstring><detail><f:hamtaBastjanstInformationFault xmlns:f="{NS10}"><f:felkod>-1005</f:felkod><f:felmeddelande>Inparametrar bryter mot specifikation/kontrakt</f:felmeddelande></f:hamtaBastjanstInformationFault></detail></soap:Fault>{END}"#
    );
    let parsed = ssbtek::from_slice(doc.as_bytes()).unwrap();
    let ssbtek::SsbtekMessage::Fault(lefi::model::ssbtek::Fault::Soap(f)) = &parsed.message else {
        panic!("not a soap fault")
    };
    assert_eq!(
        f.operation_fault().map(|o| o.felkod.as_str()),
        Some("-1005")
    );
    let shown = format!("{f} {f:?}");
    assert!(!shown.contains("199001011234"));
    assert_eq!(
        ssbtek::from_slice(&ssbtek::to_vec(&parsed).unwrap()).unwrap(),
        parsed
    );
    // a child given twice is refused, never silently the second
    let twice = doc.replacen(
        "<faultstring>",
        "<faultstring>first</faultstring><faultstring>",
        1,
    );
    let err = ssbtek::from_slice(twice.as_bytes()).unwrap_err();
    assert!(err.to_string().contains("more often"), "{err}");
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn arbitrary_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..512)) {
        let _ = ssbtek::from_slice(&bytes);
        let _ = ssbtek::from_reader(&bytes[..]);
    }

    #[test]
    fn mutated_fixture_never_panics(pos in 0usize..600, byte in any::<u8>(), cut in 0usize..700) {
        let mut doc = miv("<svarCollection><svar><arendeTyp>UAT</arendeTyp><giltighetstid>PERMANENT</giltighetstid></svar></svarCollection>").into_bytes();
        if let Some(b) = doc.get_mut(pos) { *b = byte; }
        doc.truncate(cut.max(1));
        if let Err(e) = ssbtek::from_slice(&doc) {
            prop_assert!(e.position().line() >= 1);
        }
    }
}

/// A question to FK whose `lefiJsonFraga` carries `json` (base64 of it), ssbt/10.
fn fk_question(json: &str) -> String {
    use base64::Engine as _;
    use chrono::NaiveDate;
    use lefi::id::{Organisationsnummer, Personnummer};
    use lefi::legal::{Actor, ActorKind, LawfulPurpose, marker};
    use lefi::model::ssbtek::{Arendeidentitet, BastjanstFragaBuilder};
    use lefi::period::Period;
    let person = Personnummer::parse("197407029284").unwrap();
    let period = Period::new(
        NaiveDate::from_ymd_opt(2023, 1, 1).unwrap(),
        NaiveDate::from_ymd_opt(2024, 1, 1).unwrap(),
    )
    .unwrap();
    let kommun = Actor::new(
        ActorKind::Kommun,
        Organisationsnummer::parse("2120002411").unwrap(),
        "Kommunen",
    )
    .unwrap();
    let lefi = lefi::wire::lefi_json::from_slice(
        br#"{"personnummer":"197407029284","period":{"from":"2023-01-01","tom":"2024-01-01"},"formansinformation":["FK:SJP"]}"#,
    )
    .unwrap();
    let fraga = BastjanstFragaBuilder::new(
        &kommun,
        "hl01",
        &person,
        Arendeidentitet::new("A1").unwrap(),
        period,
        &LawfulPurpose::consent_free(marker::EkonomisktBistand),
    )
    .unwrap()
    .fk("AKTOR-1", &lefi)
    .build()
    .unwrap();
    let xml =
        String::from_utf8(ssbtek::request_to_vec(&fraga, SsbtekVersion::V10).unwrap()).unwrap();
    let start = xml.find("lefiJsonFraga>").unwrap() + "lefiJsonFraga>".len();
    let end = start + xml[start..].find('<').unwrap();
    let b64 = base64::engine::general_purpose::STANDARD.encode(json);
    format!("{}{b64}{}", &xml[..start], &xml[end..])
}

#[test]
fn the_fk_question_payload_is_decoded_with_the_message_settings() {
    use lefi::model::ssbtek::Agency;
    use lefi::wire::{UnknownContent, WarningKind};
    let json = r#"{"personnummer":"197407029284","period":{"from":"2023-01-01","tom":"2024-01-01"},"formansinformation":["FK:SJP"],"nytt":1}"#;
    let xml = fk_question(json);
    let decoded = ssbtek::decode_with(xml.as_bytes(), &DecodeSettings::new()).unwrap();
    assert_eq!(decoded.warnings.len(), 1, "{:?}", decoded.warnings);
    let w = &decoded.warnings[0];
    assert_eq!(w.agency, Some(Agency::Fk));
    assert_eq!(w.kind, WarningKind::UnknownProperty { kept: false });
    assert!(
        w.path.ends_with("/FK/fraga/lefiJsonFraga $.nytt"),
        "{}",
        w.path
    );
    let SsbtekMessage::Request(fraga) = &decoded.value.message else {
        panic!("not a question")
    };
    let fk = fraga.specifika.fk.fraga.as_ref().unwrap();
    assert_eq!(fk.received(), Some(json.as_bytes()));
    // the bytes as received are written back
    let again = ssbtek::to_vec(&decoded.value).unwrap();
    assert_eq!(ssbtek::from_slice(&again).unwrap(), decoded.value);
    // the reader path reports the same
    let streamed = ssbtek::decode_reader_with(
        std::io::BufReader::with_capacity(16, xml.as_bytes()),
        &DecodeSettings::new(),
    )
    .unwrap();
    assert_eq!(streamed, decoded);
    let quiet = DecodeSettings::new().with_unknown(UnknownContent::Ignore);
    assert!(
        ssbtek::decode_with(xml.as_bytes(), &quiet)
            .unwrap()
            .warnings
            .is_empty()
    );
    let err = ssbtek::decode_with(xml.as_bytes(), &DecodeSettings::strict()).unwrap_err();
    assert!(matches!(err.kind(), XmlErrorKind::Payload { .. }), "{err}");
}

#[test]
fn an_invalid_fk_question_payload_is_an_error_with_its_position() {
    let xml = fk_question(
        r#"{"personnummer":"19740702928","period":{"from":"2023-01-01","tom":"2024-01-01"}}"#,
    );
    let err = ssbtek::from_slice(xml.as_bytes()).unwrap_err();
    assert!(
        matches!(err.kind(), XmlErrorKind::Payload { what, .. } if what.contains("lefiJsonFraga")),
        "{err}"
    );
    assert!(
        err.position().path().ends_with("/FK/fraga/lefiJsonFraga"),
        "{err}"
    );
    let text = format!("{err} {err:?}");
    assert!(!text.contains("19740702928"), "{text}");
    let err = ssbtek::from_reader(xml.as_bytes()).unwrap_err();
    assert!(
        err.position().path().ends_with("/FK/fraga/lefiJsonFraga"),
        "{err}"
    );
}
