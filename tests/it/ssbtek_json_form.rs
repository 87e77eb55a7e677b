//! The crate's JSON form of SSBTEK documents: SOAP → model → JSON → model is the identity
//! (payloads compare by their typed content), the decoded model encodes back to SOAP
//! equivalent to the input (checked with ../shared/tools/xmlequiv.py), and the model read
//! from JSON encodes to SOAP that decodes to the same model (its payloads encoded from
//! their typed values); invalid JSON is refused through the validating parsers without
//! echoing identity values.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]

use chrono::{FixedOffset, NaiveDate, TimeZone};
use lefi::id::{Organisationsnummer, Personnummer};
use lefi::legal::{Actor, ActorKind, LawfulPurpose, Ombud, marker};
use lefi::model::ssbtek::{
    Agency, Arendeidentitet, BastjanstFraga, BastjanstFragaBuilder, Fault, SkatteverketFraga,
    XsdDateTime,
};
use lefi::period::Period;
use lefi::version::SsbtekVersion;
use lefi::wire::ssbtek::{self, SsbtekDocument, SsbtekMessage};
use serde_json::{Value, json};

use crate::support::{fixture, fixtures, xmlequiv};

const PERSON: &str = "197407029284";
const ENV: &str = r#"<soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/">"#;
const NS10: &str = SsbtekVersion::V10.namespace();

/// SOAP → model (→ SOAP equivalent to `soap`) → JSON → model (equal, and the same JSON
/// again) → SOAP → model (equal).
fn soap_round_trip(soap: &[u8], tag: &str) -> (SsbtekDocument, Value) {
    let doc = ssbtek::from_slice(soap).unwrap_or_else(|e| panic!("{tag}: {e}"));
    if let Some(r) = xmlequiv(soap, &ssbtek::to_vec(&doc).unwrap(), tag) {
        r.unwrap_or_else(|d| panic!("{tag}: SOAP not equivalent after decoding: {d}"));
    }
    let json = serde_json::to_vec(&doc).unwrap();
    let back: SsbtekDocument =
        serde_json::from_slice(&json).unwrap_or_else(|e| panic!("{tag}: {e}"));
    assert_eq!(back, doc, "{tag}: model differs after the JSON round trip");
    assert_eq!(
        serde_json::to_vec(&back).unwrap(),
        json,
        "{tag}: JSON not stable"
    );
    let out = ssbtek::to_vec(&back).unwrap();
    let again = ssbtek::from_slice(&out).unwrap_or_else(|e| panic!("{tag}: {e}"));
    assert_eq!(
        again, doc,
        "{tag}: SOAP written from JSON decodes differently"
    );
    (doc, serde_json::from_slice(&json).unwrap())
}

#[test]
fn every_fixture_round_trips_through_json() {
    let Some(dir) = fixtures() else { return };
    let entries = std::fs::read_dir(&dir).unwrap();
    let mut count = 0;
    for entry in entries {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        let input = std::fs::read(&path).unwrap();
        let (_, json) = soap_round_trip(&input, &name);
        let svarsdata = &json["ssbtek"]["message"]["response"]["svarsdata"];
        assert!(svarsdata.is_object(), "{name}: {json}");
        count += 1;
    }
    assert!(count >= 7, "only {count} fixtures");
}

#[test]
fn fixture_payloads_show_typed_in_the_json_form() {
    let Some(input) = fixture("fk-response.xml") else {
        return;
    };
    let (doc, json) = soap_round_trip(&input, "fk-payload");
    let SsbtekMessage::Response(svar) = &doc.message else {
        panic!("not a response")
    };
    let fk = svar.svarsdata.fk.as_ref().unwrap().data().unwrap();
    let data = &json["ssbtek"]["message"]["response"]["svarsdata"]["FK"]["data"];
    // the LEFI v9 answer itself, not its base64: the JSON the payload carried
    let carried: Value = serde_json::from_slice(fk.received().unwrap()).unwrap();
    assert_eq!(data, &json!({ "lefiJsonSvar": carried }));
}

fn period() -> Period {
    Period::new(
        NaiveDate::from_ymd_opt(2025, 1, 1).unwrap(),
        NaiveDate::from_ymd_opt(2025, 6, 30).unwrap(),
    )
    .unwrap()
}

fn lefi_fraga(person: &Personnummer) -> lefi::model::lefi::LefiExternFormansinformationFraga {
    use lefi::legal::{LawfulPurpose, marker};
    use lefi::model::lefi::request::FragaBuilder;
    let lawful = LawfulPurpose::consent_free(marker::Samordning);
    FragaBuilder::new(&lawful, person, period())
        .unwrap()
        .formansinformation([lefi::codes::FkFormanGrupp::Sjp])
        .build()
        .unwrap()
}

fn request(v11: bool) -> BastjanstFraga {
    let person = Personnummer::parse(PERSON).unwrap();
    let kommun = Actor::new(
        ActorKind::Kommun,
        Organisationsnummer::parse("212000-2411").unwrap(),
        "Sundsvalls kommun",
    )
    .unwrap()
    .with_ombud(
        Ombud::new(
            Organisationsnummer::parse("5560360793").unwrap(),
            "Bolaget AB",
            Some(1),
        )
        .unwrap(),
    )
    .unwrap();
    let mut b = BastjanstFragaBuilder::new(
        &kommun,
        "handl01",
        &person,
        Arendeidentitet::new("A-2025-1").unwrap(),
        period(),
        &LawfulPurpose::consent_free(marker::EkonomisktBistand),
    )
    .unwrap()
    .include(Agency::Af)
    .period_for(
        Agency::Csn,
        Period::new(
            NaiveDate::from_ymd_opt(2024, 7, 1).unwrap(),
            NaiveDate::from_ymd_opt(2024, 12, 31).unwrap(),
        )
        .unwrap(),
    )
    .fk("AKTOR-1", &lefi_fraga(&person))
    .include(Agency::So)
    .include(Agency::Tns)
    .include(Agency::Miv)
    .korrelationsid("k-1")
    .echo_question(true)
    .frage_tidpunkt(XsdDateTime::from_datetime(
        FixedOffset::east_opt(3600)
            .unwrap()
            .with_ymd_and_hms(2025, 7, 1, 9, 30, 0)
            .unwrap(),
    ));
    b = if v11 {
        b.skatteverket_fraga(SkatteverketFraga::all_for_years(vec![2023, 2024]))
    } else {
        b.include(Agency::Skv)
    };
    b.build().unwrap()
}

#[test]
fn built_requests_round_trip_through_json_and_soap() {
    for (version, v11) in [(SsbtekVersion::V10, false), (SsbtekVersion::V11, true)] {
        let fraga = request(v11);
        let doc = SsbtekDocument::new(version, SsbtekMessage::Request(Box::new(fraga)));
        let json = serde_json::to_value(&doc).unwrap();
        let back: SsbtekDocument = serde_json::from_value(json.clone()).unwrap();
        assert_eq!(back, doc);
        let soap = ssbtek::to_vec(&doc).unwrap();
        let (decoded, _) = soap_round_trip(&soap, &format!("request-{version}"));
        assert_eq!(decoded, doc);

        let body = &json["ssbtek"];
        assert_eq!(body["version"], json!(version.to_string()));
        let g = &body["message"]["request"]["generellaFrageparametrar"];
        assert_eq!(g["personidentitet"], json!(PERSON));
        assert_eq!(g["ingivare"]["organisationsnummer"], json!("2120002411"));
        assert_eq!(g["fraganSkallInkluderasISvaret"], json!(true));
        assert_eq!(
            g["tidsperiod"],
            json!({"fromDatum": "2025-01-01", "tomDatum": "2025-06-30"})
        );
        assert_eq!(g["personuppgiftsbitrade"][0]["ordningsnummer"], json!(1));
        let s = &body["message"]["request"]["specifikaFrageparametrar"];
        assert_eq!(s["AF"], json!({"inkludera": true}));
        assert_eq!(s["CSN"]["tidsperiod"]["fromDatum"], json!("2024-07-01"));
        // the typed LEFI v9 question (was its base64 text)
        let question = lefi_fraga(&Personnummer::parse(PERSON).unwrap());
        assert_eq!(
            s["FK"]["fraga"]["lefiJsonFraga"],
            serde_json::to_value(&question).unwrap()
        );
        assert_eq!(s["FK"]["fraga"]["aktorsid"], json!("AKTOR-1"));
        if v11 {
            assert_eq!(s["SKV"]["fraga"]["ar"], json!([2023, 2024]));
        } else {
            assert_eq!(s["SKV"], json!({"inkludera": true}));
        }
    }
}

#[test]
fn ping_request_and_response_round_trip() {
    let ping = format!(
        r#"{ENV}<soap:Body><s:testaBastjanstInformation xmlns:s="{NS10}"/></soap:Body></soap:Envelope>"#
    );
    let (_, json) = soap_round_trip(ping.as_bytes(), "ping");
    assert_eq!(
        json,
        json!({"ssbtek": {"version": "10", "message": "pingRequest"}})
    );
    let pong = format!(
        r#"{ENV}<soap:Body><testaBastjanstInformationResponse xmlns="{NS10}"><AF><anropad>false</anropad></AF><FK><anropad>true</anropad><error><kalla>BT</kalla><felkod>X1</felkod><felmeddelande>nere</felmeddelande></error></FK></testaBastjanstInformationResponse></soap:Body></soap:Envelope>"#
    );
    let (_, json) = soap_round_trip(pong.as_bytes(), "pong");
    assert_eq!(
        json["ssbtek"]["message"]["pingResponse"],
        json!({"AF": {"anropad": false}, "FK": {"anropad": true, "error": {"kalla": "BT", "felkod": "X1", "felmeddelande": ["nere"]}}})
    );
}

#[test]
fn faults_and_headers_round_trip_with_their_namespace_context() {
    // the header and the unknown detail use prefixes declared on the envelope only
    let soap = format!(
        r#"<soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/" xmlns:x="urn:x"><soap:Header><x:trace soap:mustUnderstand="0" x:id="7">t<!--c--></x:trace></soap:Header><soap:Body><soap:Fault><faultcode>soap:Server</faultcode><faultstring>Internal error {PERSON}</faultstring><faultactor>urn:a</faultactor><detail><f:hamtaBastjanstInformationFault xmlns:f="{NS10}"><f:felkod>-1005</f:felkod><f:felmeddelande>Inparametrar bryter mot kontrakt</f:felmeddelande></f:hamtaBastjanstInformationFault><x:more a="1"><x:b>2</x:b></x:more></detail></soap:Fault></soap:Body></soap:Envelope>"#
    );
    let (doc, json) = soap_round_trip(soap.as_bytes(), "fault");
    assert!(matches!(&doc.message, SsbtekMessage::Fault(Fault::Soap(_))));
    let header = &json["ssbtek"]["header"];
    assert_eq!(
        header["namespaces"],
        json!({"soap": "http://schemas.xmlsoap.org/soap/envelope/", "x": "urn:x"})
    );
    assert!(header["xml"].as_str().unwrap().starts_with("<soap:Header>"));
    let detail = &json["ssbtek"]["message"]["fault"]["soap"]["detail"];
    assert_eq!(
        detail[0]["operation"]["operation"],
        json!("hamtaBastjanstInformation")
    );
    assert_eq!(
        detail[1]["other"],
        json!({"xml": r#"<x:more a="1"><x:b>2</x:b></x:more>"#, "namespaces": {"x": "urn:x"}})
    );
    assert_eq!(json["ssbtek"]["version"], json!("10"));

    // a SOAP fault without any SSBTEK element has no version: the member is omitted
    let plain = format!(
        r#"{ENV}<soap:Body><soap:Fault><faultcode>soap:Client</faultcode><faultstring>bad</faultstring></soap:Fault></soap:Body></soap:Envelope>"#
    );
    let (doc, json) = soap_round_trip(plain.as_bytes(), "plain-fault");
    assert_eq!(doc.version, None);
    assert_eq!(
        json,
        json!({"ssbtek": {"message": {"fault": {"soap": {"faultcode": "soap:Client", "faultstring": "bad"}}}}})
    );

    let bare = format!(
        r#"{ENV}<soap:Body><testaBastjanstInformationFault xmlns="{NS10}"><felkod>1</felkod><felmeddelande>a</felmeddelande><felmeddelande>b</felmeddelande></testaBastjanstInformationFault></soap:Body></soap:Envelope>"#
    );
    let (_, json) = soap_round_trip(bare.as_bytes(), "operation-fault");
    assert_eq!(
        json["ssbtek"]["message"]["fault"]["operation"],
        json!({"operation": "testaBastjanstInformation", "felkod": "1", "felmeddelande": ["a", "b"]})
    );
}

/// The error text, checked to name no identity digits.
fn refused(json: &Value, what: &str) -> String {
    let err = serde_json::from_value::<SsbtekDocument>(json.clone())
        .map(|_| ())
        .expect_err(what);
    let msg = err.to_string();
    for secret in [PERSON, &PERSON[2..], "212000", "2120002412", "7407029"] {
        assert!(!msg.contains(secret), "{what}: {msg}");
    }
    msg
}

fn request_json() -> Value {
    let doc = SsbtekDocument::new(
        SsbtekVersion::V10,
        SsbtekMessage::Request(Box::new(request(false))),
    );
    serde_json::to_value(doc).unwrap()
}

#[test]
fn invalid_json_is_refused_without_echoing_identities() {
    let mut j = request_json();
    j["ssbtek"]["message"]["request"]["generellaFrageparametrar"]["personidentitet"] =
        json!("19740702928");
    refused(&j, "personidentitet with 11 digits");

    let mut j = request_json();
    j["ssbtek"]["message"]["request"]["generellaFrageparametrar"]["personidentitet"] =
        json!(197_407_029_284_u64);
    refused(&j, "personidentitet as a number");

    let mut j = request_json();
    j["ssbtek"]["message"]["request"]["generellaFrageparametrar"]["ingivare"]["organisationsnummer"] =
        json!("2120002412");
    refused(&j, "organisationsnummer with a bad check digit");

    let mut j = request_json();
    j["ssbtek"]["message"]["request"]["generellaFrageparametrar"]["arendeidentitet"] = json!("");
    refused(&j, "empty arendeidentitet");

    // the FK question is typed (it was base64 text): a string is not one, nor is a
    // question whose personnummer has 11 digits
    let mut j = request_json();
    j["ssbtek"]["message"]["request"]["specifikaFrageparametrar"]["FK"]["fraga"]["lefiJsonFraga"] =
        json!("not base64!");
    refused(&j, "a string for the typed question");
    let mut j = request_json();
    j["ssbtek"]["message"]["request"]["specifikaFrageparametrar"]["FK"]["fraga"]["lefiJsonFraga"]
        ["personnummer"] = json!("19740702928");
    refused(&j, "a question with an 11-digit personnummer");

    let mut j = request_json();
    j["ssbtek"]["message"]["request"]["specifikaFrageparametrar"]["XYZ"] =
        json!({"inkludera": true});
    let msg = refused(&j, "unknown agency in the request");
    assert!(msg.contains("XYZ"), "{msg}");

    let mut j = request_json();
    j["ssbtek"]["header"] = json!({"xml": format!("<h><p>{PERSON}</h>")});
    let msg = refused(&j, "malformed header xml");
    assert!(msg.contains("invalid embedded xml"), "{msg}");

    let mut j = request_json();
    j["ssbtek"]["header"] = json!({"xml": "<a/><b/>"});
    refused(&j, "two elements as one fragment");

    let mut j = request_json();
    j["ssbtek"]["header"] = json!({"xml": "<x:a/>"});
    refused(&j, "unbound prefix");

    let mut j = request_json();
    j["ssbtek"]["header"] = json!({"xml": "<x:a/>", "namespaces": {"x\" y=\"": "urn:x"}});
    refused(&j, "markup in a prefix");

    let mut j = request_json();
    j["ssbtek"]["version"] = json!("12");
    refused(&j, "unknown version");

    let mut j = request_json();
    j["ssbtek"]["message"] = json!({"telegram": {}});
    refused(&j, "unknown message kind");

    refused(
        &json!({"message": {"pingRequest": null}}),
        "no ssbtek wrapper",
    );
}

#[test]
fn invalid_responses_are_refused() {
    let base = |svarsdata: Value| json!({"ssbtek": {"version": "10", "message": {"response": {"svarsdata": svarsdata}}}});
    refused(&base(json!({"XYZ": {"data": {}}})), "unknown agency tag");
    refused(
        &base(json!({"SKV": {"value": {"svar": "x"}}})),
        "unknown result tag",
    );
    let err = |kalla: &str, msgs: Value| json!({"error": {"kalla": kalla, "felkod": "1", "felmeddelande": msgs}});
    refused(
        &base(json!({"AF": err("SSBT", json!([]))})),
        "no felmeddelande",
    );
    refused(
        &base(json!({"AF": err("XX", json!(["a"]))})),
        "unknown kalla",
    );
    // CSN: the typed document, not base64 of its XML (nor a document that breaks its type)
    use base64::Engine as _;
    let b64 =
        base64::engine::general_purpose::STANDARD.encode(format!("<CSNSvar><p>{PERSON}</CSNSvar>"));
    for (bad, what) in [
        (json!(b64), "CSN as base64"),
        (json!({"schemaVersion": "4.0"}), "CSN without its parts"),
        (
            json!({"namespaceVersion": "v4.0", "schemaVersion": "4.0",
                   "Resultat": {"ResultatKod": "0", "ResultatText": ""},
                   "GemensamtFragaEkbistand": {"xml": "<GemensamtFragaEkbistand/>"},
                   "Personer": [{"personnummer": "19740702928", "Studiestodstypforteckning": {}}]}),
            "CSN with a personnummer of 11 digits",
        ),
    ] {
        refused(&base(json!({"CSN": {"data": {"svar": bad}}})), what);
    }
    // FK: base64 of something that is not a LEFI v9 response
    refused(
        &base(json!({"FK": {"data": {"lefiJsonSvar": "bm90IGpzb24="}}})),
        "bad FK payload",
    );
    refused(
        &base(json!({"FK": {"data": {"lefiJsonSvar": "%%%"}}})),
        "bad FK base64",
    );
    refused(
        &base(json!({"TNS": {"data": {"resultat": "MAYBE"}}})),
        "bad TNS resultat",
    );
    refused(
        &base(
            json!({"MIV": {"data": {"response": {"correlationid": "c", "inresedatum": "2020-13-01"}}}}),
        ),
        "bad MIV date",
    );
}

#[test]
fn json_shape_is_detectable() {
    let j = request_json();
    let top = j.as_object().unwrap();
    assert_eq!(top.keys().collect::<Vec<_>>(), ["ssbtek"]);
    let inner = j["ssbtek"].as_object().unwrap();
    assert_eq!(inner.keys().collect::<Vec<_>>(), ["message", "version"]);
}
