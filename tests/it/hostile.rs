//! Hostile input through the detected decode every CLI command uses (`convert::Document`):
//! each case ends in a typed error carrying a position (or, for one agency's broken
//! payload, that agency alone undecodable), never a panic, never a document value in the
//! message, and within a bound on time (each case here runs in well under a second of
//! decoding; the sizes are past every limit).
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]

use base64::Engine as _;
use lefi::convert::{ConvertError, Document, DocumentKind, Format};
use lefi::model::ssbtek::{Agency, AgencyResult, SsbtekMessage};
use lefi::version::SsbtekVersion;

use crate::support::{SOAP_END as END, SOAP_START as ENV};

/// An SSBTEK ssbt/10 answer whose FK block carries `payload` (base64) as `lefiJsonSvar`.
fn fk_answer(payload: &str) -> String {
    let ns = SsbtekVersion::V10.namespace();
    format!(
        r#"{ENV}<r:hamtaBastjanstInformationResponse xmlns:r="{ns}"><r:svarsdata><r:FK><r:data><r:lefiJsonSvar>{payload}</r:lefiJsonSvar></r:data></r:FK><r:TNS><r:error><r:kalla>BT</r:kalla><r:felkod>1</r:felkod><r:felmeddelande>x</r:felmeddelande></r:error></r:TNS></r:svarsdata></r:hamtaBastjanstInformationResponse>{END}"#
    )
}

/// Decodes as a user would (format detected, or the format named), requiring a refusal
/// whose message has a position and none of `secrets`.
fn refused(input: &[u8], format: Option<Format>, secrets: &[&str]) -> String {
    let started = std::time::Instant::now();
    let result = match format {
        Some(f) => Document::decode(input, f),
        None => Document::decode_detected(input).map(|(_, d)| d),
    };
    let err = match result {
        Ok(doc) => panic!("accepted: {}", doc.kind()),
        Err(e) => e,
    };
    assert!(started.elapsed().as_secs() < 30, "bounded time");
    let message = err.to_string();
    // a position: a line and column, or for input past the size limit the limit's offset
    assert!(
        matches!(err, ConvertError::UnknownFormat)
            || message.contains("line")
            || message.contains("larger than the limit of"),
        "a position: {message}"
    );
    for secret in secrets {
        assert!(!message.contains(secret), "{message}");
    }
    message
}

/// Runs `decode` over the inputs `prepare` builds, in a child process whose peak resident
/// memory must stay under three times the inputs plus a constant.
fn within_memory(
    test: &str,
    prepare: impl FnOnce() -> Vec<Vec<u8>>,
    decode: impl FnOnce(&[Vec<u8>]),
) {
    crate::support::within_memory(module_path!(), test, prepare, decode);
}

#[test]
fn a_200_mb_json_string_is_refused_by_the_size_limit() {
    within_memory(
        "a_200_mb_json_string_is_refused_by_the_size_limit",
        || {
            let (head, tail) = (br#"{"utlamnare":[{"utlamnare":{"namn":""#, br#""}}]}"#);
            let mut doc = Vec::with_capacity(head.len() + (200 << 20) + tail.len());
            doc.extend_from_slice(head);
            doc.resize(doc.len() + (200 << 20), b'a');
            doc.extend_from_slice(tail);
            vec![doc]
        },
        |docs| {
            let message = refused(&docs[0], Some(Format::LefiV9), &[]);
            assert!(message.contains("limit"), "{message}");
        },
    );
}

#[test]
fn a_200_mb_base64_payload_in_a_valid_envelope_is_refused_by_the_size_limit() {
    within_memory(
        "a_200_mb_base64_payload_in_a_valid_envelope_is_refused_by_the_size_limit",
        || vec![fk_answer(&"QUFB".repeat(50 << 20)).into_bytes()],
        |docs| {
            let message = refused(&docs[0], Some(Format::SsbtekV10), &[]);
            assert!(
                message.contains("limit") || message.contains("large"),
                "{message}"
            );
        },
    );
}

#[test]
fn a_million_nested_json_arrays_are_refused_with_a_position() {
    within_memory(
        "a_million_nested_json_arrays_are_refused_with_a_position",
        || vec![format!("{}{}", "[".repeat(1_000_000), "]".repeat(1_000_000)).into_bytes()],
        |docs| {
            for doc in docs {
                let message = refused(doc, Some(Format::LefiV9), &[]);
                assert!(
                    message.contains("deep") || message.contains("nest"),
                    "{message}"
                );
                let _ = refused(doc, None, &[]);
            }
        },
    );
}

#[test]
fn a_million_nested_xml_elements_are_refused_with_a_position() {
    within_memory(
        "a_million_nested_xml_elements_are_refused_with_a_position",
        || {
            let deep = "<a>".repeat(1_000_000) + &"</a>".repeat(1_000_000);
            vec![format!("{ENV}{deep}{END}").into_bytes(), deep.into_bytes()]
        },
        |docs| {
            refused(&docs[0], Some(Format::SsbtekV10), &[]);
            refused(&docs[1], Some(Format::LefiV7), &[]);
            refused(&docs[0], None, &[]);
        },
    );
}

#[test]
fn entity_expansion_inside_a_valid_looking_envelope_is_refused() {
    within_memory(
        "entity_expansion_inside_a_valid_looking_envelope_is_refused",
        || {
            let bomb = r#"<?xml version="1.0"?>
<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>
"#;
            vec![format!("{bomb}{}", fk_answer("&lol2;")).into_bytes()]
        },
        |docs| {
            let message = refused(&docs[0], Some(Format::SsbtekV10), &[]);
            assert!(message.contains("document type declarations"), "{message}");
        },
    );
}

#[test]
fn invalid_utf8_utf16_and_nul_bytes_are_errors() {
    within_memory(
        "invalid_utf8_utf16_and_nul_bytes_are_errors",
        || {
            // invalid UTF-8 in the middle of a JSON string and of an XML text
            let mut json = br#"{"utlamnare":[{"utlamnare":{"namn":"ab"#.to_vec();
            json.extend_from_slice(&[0xff, 0xfe]);
            json.extend_from_slice(br#""}}]}"#);
            let mut xml = fk_answer("QUFB").into_bytes();
            let at = xml.len() / 2;
            xml.splice(at..at, [0xc3, 0x28]);
            // UTF-16 with a byte-order mark
            let utf16: Vec<u8> = std::iter::once(0xfeff_u16)
                .chain(r#"{"utlamnare":[]}"#.encode_utf16())
                .flat_map(u16::to_le_bytes)
                .collect();
            // NUL bytes
            let mut nul = fk_answer("QUFB").into_bytes();
            nul.insert(nul.len() / 3, 0);
            vec![json, xml, utf16, b"{\"utlamnare\":[]\0}".to_vec(), nul]
        },
        |docs| {
            refused(&docs[0], Some(Format::LefiV9), &[]);
            refused(&docs[1], Some(Format::SsbtekV10), &[]);
            let _ = refused(&docs[2], None, &[]);
            let _ = refused(&docs[2], Some(Format::LefiV9), &[]);
            refused(&docs[3], Some(Format::LefiV9), &[]);
            refused(&docs[4], Some(Format::SsbtekV10), &[]);
        },
    );
}

#[test]
fn a_10000_digit_amount_is_an_error_with_its_path() {
    within_memory(
        "a_10000_digit_amount_is_an_error_with_its_path",
        || {
            let digits = "9".repeat(10_000);
            vec![format!(r#"{{"utbetalningar":[{{"nettobelopp":{digits}}}]}}"#).into_bytes()]
        },
        |docs| {
            let message = refused(&docs[0], Some(Format::LefiV9), &[&"9".repeat(20)]);
            assert!(
                message.contains("utbetalningar[0].nettobelopp"),
                "{message}"
            );
        },
    );
}

#[test]
fn a_personnummer_in_a_wrong_typed_field_never_reaches_the_message() {
    within_memory(
        "a_personnummer_in_a_wrong_typed_field_never_reaches_the_message",
        || {
            [
                r#"{"utbetalningar":[{"nettobelopp":"197407029284"}]}"#,
                r#"{"utbetalningar":[{"utbetalningsdatum":197407029284}]}"#,
                r#"{"personnummer":197407029284,"period":{"from":"2024-01-01","tom":"2024-02-01"}}"#,
            ]
            .map(|doc| doc.as_bytes().to_vec())
            .to_vec()
        },
        |docs| {
            for doc in docs {
                refused(doc, Some(Format::LefiV9), &["197407029284", "7407029284"]);
            }
        },
    );
}

#[test]
fn valid_base64_of_invalid_json_as_fk_payload_costs_only_fk() {
    within_memory(
        "valid_base64_of_invalid_json_as_fk_payload_costs_only_fk",
        || {
            let payload =
                base64::engine::general_purpose::STANDARD.encode(b"{\"utlamnare\": [1, 2");
            vec![fk_answer(&payload).into_bytes()]
        },
        |docs| {
            let doc = Document::decode(&docs[0], Format::SsbtekV10).unwrap();
            let Document::Ssbtek(doc) = doc else {
                panic!("an SSBTEK document")
            };
            let SsbtekMessage::Response(svar) = &doc.message else {
                panic!("an answer")
            };
            assert!(matches!(
                svar.svarsdata.fk,
                Some(AgencyResult::Undecodable(_))
            ));
            assert!(svar.svarsdata.undecodable_of(Agency::Fk).is_some());
            // the other agency's answer is read as sent
            assert!(svar.svarsdata.error_of(Agency::Tns).is_some());
        },
    );
}

/// Fuzz finding (roundtrip target): an agency block kept undecodable (here TNS, whose
/// whitespace holds U+001C) must survive decode → encode → decode; its position's line and
/// offset change with the text around it, and are not part of its value.
#[test]
fn an_undecodable_block_round_trips() {
    let ns = SsbtekVersion::V10.namespace();
    let junk = "\u{1c}".repeat(40);
    let doc = format!(
        r#"{ENV}
        <ssbt:hamtaBastjanstInformationResponse xmlns:ssbt="{ns}"
            xmlns:tns="http://schema.transportstyrelsen.se/ssbtek/hamtauppgifterresponder/1"
            xmlns:fordon="http://schema.transportstyrelsen.se/ssbtek/fordon/1">
          <ssbt:svarsdata><ssbt:TNS><ssbt:data>
            <tns:resultat>OK</tns:resultat>
            <tns:fordonsinnehav><fordon:fordon>
              <fordon:regnr>ABC001</fordon:regnr>{junk}<fordon:fordonsar>2012</fordon:fordonsar>
            </fordon:fordon></tns:fordonsinnehav>
          </ssbt:data></ssbt:TNS></ssbt:svarsdata>
        </ssbt:hamtaBastjanstInformationResponse>{END}"#
    );
    let first = Document::decode(doc.as_bytes(), Format::SsbtekV10).unwrap();
    let Document::Ssbtek(ssbtek) = &first else {
        panic!("an SSBTEK document")
    };
    let SsbtekMessage::Response(svar) = &ssbtek.message else {
        panic!("an answer")
    };
    assert!(svar.svarsdata.undecodable_of(Agency::Tns).is_some());
    let (bytes, lost) = first.encode(Format::SsbtekV10).unwrap();
    assert!(lost.is_empty());
    let again = Document::decode(&bytes, Format::SsbtekV10).unwrap();
    assert_eq!(again, first);
}

/// Fuzz finding (roundtrip target, run 2): LEFI v9 JSON names no kind, so a document with no
/// property the contract defines reads as more than one kind (the decoder picks by which
/// reads it best) and its encoding, `{}`, is detected as an answer. Read back as the kind
/// it was decoded as, it is equal; the fuzz target now checks exactly that.
#[test]
fn a_document_without_known_properties_round_trips_as_its_own_kind() {
    // the input as found (a request's properties, some under names the contract does not
    // define: read best as an error answer, every property unknown)
    let input = br#"{
 "p<Ersattningsdagar>eriod": {
  "from": "2086-03-03",
  "tom": "2005-05-25"
 },
 "personnummer": "8405471764",
 "ansprak": [],
 "preliminBBBBBBBBBBBBBBBBBBaraUtbetalningar": [
  "FK:US",
  "FK:ET",
  "FK:SBP"
 ],
 "ovrigInformation": [],
 "formansinformation": [
  "FK:SJP",
  "FK:AS",
  "FK:SA"
 ],
 "beslut": [
  "PM:AP"
 ],
 "utbetalningar": [
  "FK:SJP",
  "FK:FP"
 ]
}"#;
    let (format, doc) = Document::decode_detected(input).unwrap();
    assert_eq!(format, Format::LefiV9);
    assert_eq!(doc.document_kind(), DocumentKind::Error);
    let (bytes, lost) = doc.encode(format).unwrap();
    assert!(lost.is_empty());
    let (again, _) = Document::decode_as(&bytes, format, doc.document_kind()).unwrap();
    assert_eq!(again, doc);
    // `{}` is an answer, available types or an error answer (a request has required fields)
    for kind in [
        DocumentKind::Response,
        DocumentKind::Available,
        DocumentKind::Error,
    ] {
        let (empty, _) = Document::decode_as(b"{}", format, kind).unwrap();
        let (bytes, _) = empty.encode(format).unwrap();
        let (again, _) = Document::decode_as(&bytes, format, kind).unwrap();
        assert_eq!(again, empty, "{kind:?}");
    }
}

/// Fuzz finding (roundtrip target, long campaign): an answer whose TNS namespace
/// declaration holds a line break decoded, was written back with the line break as `&#10;`
/// and the output could not be read. Such a declaration is now refused when read.
#[test]
fn a_line_break_in_a_namespace_declaration_is_refused() {
    let ns = SsbtekVersion::V10.namespace();
    let doc = format!(
        r#"{ENV}<ssbt:hamtaBastjanstInformationResponse xmlns:ssbt="{ns}"
            xmlns:tns="http://schema.transportstyrelsen.se/ssbtek/hamtauppgifterresponder/1"
            xmlns:fordon="http://schema.transportstyrelsen.se/ssbtek ],
  "><ssbt:svarsdata><ssbt:TNS><ssbt:data><tns:resultat>OK</tns:resultat><tns:fordonsinnehav>
        <fordon:fordon><fordon:regnr>ABC001</fordon:regnr></fordon:fordon>
        </tns:fordonsinnehav></ssbt:data></ssbt:TNS></ssbt:svarsdata>
        </ssbt:hamtaBastjanstInformationResponse>{END}"#
    );
    let message = refused(doc.as_bytes(), Some(Format::SsbtekV10), &[]);
    assert!(message.contains("namespace declaration"), "{message}");
}
