//! The double refuses what the real services refuse: a v10 question at a v11-only
//! endpoint, an `arendeidentitet` of 32 characters, a v11 SKV question without
//! `SkatteverketFraga`, an unknown purpose, a missing `SOAPAction`.

use lefi::model::ssbtek::{Agency, SsbtekMessage};
use lefi::version::SsbtekVersion;
use lefi::wire::ssbtek;
use lefi_client::{Error, ErrorKind};

use crate::support::{Setup, ssbtek_fraga};

#[tokio::test]
async fn a_v10_question_to_a_v11_endpoint_is_a_fault() {
    let setup = Setup::both().await;
    let v10 = setup.ssbtek(SsbtekVersion::V10);
    let err = v10
        .hamta(ssbtek_fraga(&[Agency::Csn], "A-1", SsbtekVersion::V10))
        .await
        .unwrap_err();
    assert!(matches!(err, Error::Fault { status: 500, .. }), "{err:?}");
    assert_eq!(err.kind(), ErrorKind::Refused);
}

#[tokio::test]
async fn an_arendeidentitet_of_32_characters_is_a_fault() {
    let setup = Setup::both().await;
    let ssbtek = setup.ssbtek(SsbtekVersion::V11);
    let long = "A".repeat(32);
    // The builder only enforces CSN's limit when CSN is asked; the service always does.
    let err = ssbtek
        .hamta(ssbtek_fraga(&[Agency::Miv], &long, SsbtekVersion::V11))
        .await
        .unwrap_err();
    let Error::Fault { fault, .. } = &err else {
        panic!("{err:?}")
    };
    assert!(fault.to_string().contains("OGILTIG_FRAGA"), "{fault}");
    let ok = ssbtek
        .hamta(ssbtek_fraga(
            &[Agency::Miv],
            &long[..31],
            SsbtekVersion::V11,
        ))
        .await;
    assert!(ok.is_ok(), "{ok:?}");
}

/// Sends `body` to the double's SSBTEK address as the client would, with `soap_action`.
async fn post(setup: &Setup, body: Vec<u8>, soap_action: bool) -> (u16, Vec<u8>) {
    let ca = setup.ca.pem();
    let (cert, key) = setup
        .ca
        .leaf(&[], rcgen::ExtendedKeyUsagePurpose::ClientAuth);
    let identity = reqwest::Identity::from_pem(format!("{cert}{key}").as_bytes()).unwrap();
    // reqwest is built without a crypto provider of its own: give the process one.
    let _ = rustls::crypto::ring::default_provider().install_default();
    let http = reqwest::Client::builder()
        .use_rustls_tls()
        .tls_built_in_root_certs(false)
        .add_root_certificate(reqwest::Certificate::from_pem(ca.as_bytes()).unwrap())
        .identity(identity)
        .build()
        .unwrap();
    let mut request = http
        .post(&setup.url)
        .header("content-type", "text/xml; charset=utf-8")
        .body(body);
    if soap_action {
        request = request.header("soapaction", "\"\"");
    }
    let response = request.send().await.unwrap();
    let status = response.status().as_u16();
    (status, response.bytes().await.unwrap().to_vec())
}

fn fault_text(body: &[u8]) -> String {
    match ssbtek::from_slice(body).unwrap().message {
        SsbtekMessage::Fault(f) => match f {
            lefi::model::ssbtek::Fault::Soap(s) => s.faultstring,
            lefi::model::ssbtek::Fault::Operation(o) => o.felkod,
        },
        other => panic!("not a fault: {other:?}"),
    }
}

fn encoded_request(version: SsbtekVersion, agencies: &[Agency]) -> String {
    let fraga = ssbtek_fraga(agencies, "A-9", version).build().unwrap();
    let doc =
        lefi::model::ssbtek::SsbtekDocument::new(version, SsbtekMessage::Request(Box::new(fraga)));
    String::from_utf8(ssbtek::to_vec(&doc).unwrap()).unwrap()
}

#[tokio::test]
async fn what_the_client_cannot_send_the_double_refuses_too() {
    let setup = Setup::both().await;
    // v11 with SKV but without SkatteverketFraga: the v10 form under the v11 namespace.
    let v10 = encoded_request(SsbtekVersion::V10, &[Agency::Skv]);
    let v11 = v10.replace(
        SsbtekVersion::V10.namespace(),
        SsbtekVersion::V11.namespace(),
    );
    let (status, body) = post(&setup, v11.into_bytes(), true).await;
    assert_eq!(status, 500);
    assert!(fault_text(&body).contains("SkatteverketFraga"));

    // A syfte that is not a known purpose's.
    let good = encoded_request(SsbtekVersion::V11, &[Agency::Csn]);
    let purpose = lefi::legal::Purpose::EkonomisktBistand.syfte();
    let bad = good.replace(purpose, "Nyfikenhet");
    assert_ne!(bad, good);
    let (status, body) = post(&setup, bad.into_bytes(), true).await;
    assert_eq!(status, 500);
    assert!(fault_text(&body).contains("known purpose"));

    // No SOAPAction header.
    let (status, body) = post(&setup, good.clone().into_bytes(), false).await;
    assert_eq!(status, 500);
    assert!(fault_text(&body).contains("SOAPAction"));

    // The same question, properly sent, is answered.
    let (status, _) = post(&setup, good.into_bytes(), true).await;
    assert_eq!(status, 200);
}
