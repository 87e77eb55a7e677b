//! Hostile and broken SSBTEK input: never a panic, always a typed error with a position,
//! never an identity number in an error message.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]

use proptest::prelude::*;

use lefi::wire::ssbtek::{self, DecodeSettings, SsbtekMessage};
use lefi::xml::XmlErrorKind;

const ENV: &str =
    r#"<soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Body>"#;
const END: &str = "</soap:Body></soap:Envelope>";
const NS10: &str = "http://schema.forsakringskassan.se/integration/ssbt/10";

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
    let mut settings = DecodeSettings::default();
    settings.max_bytes = 100_000;
    let err = ssbtek::from_slice_with(big.as_bytes(), &settings).unwrap_err();
    assert_eq!(err.kind(), &XmlErrorKind::TooLarge { max: 100_000 });
    let err = ssbtek::from_reader_with(big.as_bytes(), &settings).unwrap_err();
    assert_eq!(err.kind(), &XmlErrorKind::TooLarge { max: 100_000 });
}

#[test]
fn errors_carry_line_column_and_path_without_values() {
    let doc = miv(
        "\n<svarCollection><svar>\n  <beslutsdatum>199001011234</beslutsdatum></svar></svarCollection>",
    );
    // strict: the message is refused with the error
    let strict = DecodeSettings::strict();
    let err = ssbtek::from_slice_with(doc.as_bytes(), &strict).unwrap_err();
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
    let streamed = ssbtek::from_reader_with(
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
