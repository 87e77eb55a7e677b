//! The XSD enumerations and fixture codes behind the SSBTEK and MIV code lists.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]

use lefi::codes::{Giltighetstid, Kalla, MivArendetyp, MivBeslutskod, MivBeslutstyp};

use crate::support;

/// The text of a file of `../shared/contracts` (required under CI, see `support`).
fn contract(path: &str) -> Option<String> {
    support::contract(path).map(|file| std::fs::read_to_string(file).unwrap())
}

/// The `enumeration value`s of the simple type `name` (plain text scan; the XSDs are
/// small and regular).
fn enumeration(xsd: &str, name: &str) -> Vec<String> {
    let start = xsd
        .find(&format!("simpleType name=\"{name}\""))
        .expect("simple type present");
    let body = &xsd[start..];
    let end = body.find("simpleType>").expect("simple type closed");
    body[..end]
        .split("enumeration value=\"")
        .skip(1)
        .map(|rest| rest[..rest.find('"').unwrap()].to_owned())
        .collect()
}

#[test]
fn kalla_matches_the_ssbtek_v10_xsd() {
    let Some(xsd) = contract(
        "ssbtek-v10/se/forsakringskassan/schema/integration/ssbt/_10/sammansatt_bastjanst_v10.xsd",
    ) else {
        return;
    };
    let values = enumeration(&xsd, "KallaEnum");
    let rust: Vec<&str> = Kalla::ALL.iter().map(|k| k.code()).collect();
    assert_eq!(values, rust);
}

#[test]
fn giltighetstid_matches_the_miv_xsd() {
    let Some(xsd) =
        contract("ssbtek-v10/se/migrationsverket/schema/ssbtek/_1/SSBTEKWebService_schema1.xsd")
    else {
        return;
    };
    let values = enumeration(&xsd, "giltighetstid");
    let rust: Vec<&str> = Giltighetstid::ALL.iter().map(|g| g.code()).collect();
    assert_eq!(values, rust);
}

/// Text content of every non-empty `<…name>value</…name>` element in a fixture.
fn element_texts<'a>(xml: &'a str, name: &str) -> Vec<&'a str> {
    xml.split(&format!("{name}>"))
        .skip(1)
        .filter_map(|rest| rest.split('<').next())
        .filter(|text| !text.trim().is_empty())
        .collect()
}

#[test]
fn miv_fixture_codes_are_known() {
    let Some(xml) = contract("fixtures/miv-response.xml") else {
        return;
    };
    let arende = element_texts(&xml, "arendeTyp");
    let beslutstyp = element_texts(&xml, "beslutsTyp");
    let beslutskod = element_texts(&xml, "beslutsKod");
    assert!(!arende.is_empty() && !beslutstyp.is_empty() && !beslutskod.is_empty());
    for code in arende {
        assert!(code.parse::<MivArendetyp>().unwrap().is_known(), "{code}");
    }
    for code in beslutstyp {
        assert!(code.parse::<MivBeslutstyp>().unwrap().is_known(), "{code}");
    }
    for code in beslutskod {
        assert!(code.parse::<MivBeslutskod>().unwrap().is_known(), "{code}");
    }
}
