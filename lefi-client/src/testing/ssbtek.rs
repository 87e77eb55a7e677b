//! The double's SSBTEK: headers, the strict decode, the version, the purpose, the
//! `arendeidentitet` limit, v11's Skatteverket question; faults as SOAP 1.1 faults.

use http_body_util::Full;
use hyper::body::Bytes;
use hyper::http::request::Parts;
use hyper::{Method, Response, StatusCode};
use lefi::legal::Purpose;
use lefi::model::ssbtek::{
    BastjanstFraga, CSN_MAX_ARENDEIDENTITET_CHARS, Fault, FaultDetail, Operation, OperationFault,
    PingSvar, SoapFault, SsbtekDocument, SsbtekMessage, TestSvar,
};
use lefi::version::SsbtekVersion;
use lefi::wire::{DecodeSettings, ssbtek};

use super::generate;
use super::server::{State, plain, with_body};

const XML: &str = "text/xml; charset=utf-8";

pub(super) fn handle(state: &State, parts: &Parts, body: &[u8]) -> Response<Full<Bytes>> {
    let served = &state.config.ssbtek;
    let fault_version = served.first().copied().unwrap_or(SsbtekVersion::V11);
    if parts.method != Method::POST {
        return plain(StatusCode::METHOD_NOT_ALLOWED);
    }
    let content_type = parts
        .headers
        .get(hyper::header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("");
    if !content_type.to_ascii_lowercase().starts_with("text/xml") {
        return plain(StatusCode::UNSUPPORTED_MEDIA_TYPE);
    }
    if !parts.headers.contains_key("soapaction") {
        return fault(fault_version, Operation::Hamta, "SOAPAction header missing");
    }
    let doc = match ssbtek::decode_with(body, &DecodeSettings::strict()) {
        Ok(decoded) => decoded.value,
        Err(e) => {
            return fault(
                fault_version,
                Operation::Hamta,
                &format!("invalid message: {e}"),
            );
        }
    };
    let Some(version) = doc.version.filter(|v| served.contains(v)) else {
        let named = doc.version.map_or("none".to_owned(), |v| v.to_string());
        return fault(
            fault_version,
            Operation::Hamta,
            &format!("ssbt version {named} is not served here"),
        );
    };
    // what the version requires and the message lacks, or carries and the version does not:
    // the library's one gating table (v11's Skatteverket question among it)
    if let Some(gap) = ssbtek::version_gaps(&doc.message, version).first() {
        return fault(version, Operation::Hamta, &gap.to_string());
    }
    match doc.message {
        SsbtekMessage::Request(fraga) => match check(&fraga) {
            Ok(()) => answer(state, &fraga, version),
            Err(reason) => fault(version, Operation::Hamta, reason),
        },
        SsbtekMessage::PingRequest => soap(
            StatusCode::OK,
            version,
            SsbtekMessage::PingResponse(Box::new(ping())),
        ),
        _ => fault(version, Operation::Hamta, "not a question"),
    }
}

/// What the composed service refuses in a question that decodes.
fn check(fraga: &BastjanstFraga) -> Result<(), &'static str> {
    let g = &fraga.generella;
    let known = Purpose::ALL
        .iter()
        .any(|p| p.syfte() == g.syfte.as_str() && p.lagtext() == g.lagtext.as_str());
    if !known {
        return Err("syfte and lagtext do not name a known purpose");
    }
    if g.arendeidentitet.as_str().chars().count() > CSN_MAX_ARENDEIDENTITET_CHARS {
        return Err("arendeidentitet has 32 characters or more");
    }
    if let Some(fk) = &fraga.specifika.fk.fraga {
        if lefi::model::lefi::request::check(fk.fraga(), None).is_err() {
            return Err("the FK question breaks the LEFI v9 rules");
        }
    }
    Ok(())
}

fn answer(state: &State, fraga: &BastjanstFraga, version: SsbtekVersion) -> Response<Full<Bytes>> {
    let svar = match state
        .answers
        .ssbtek(&fraga.generella.personidentitet, version)
    {
        Some(svar) => Ok(svar.clone()),
        None => generate::ssbtek_answer(fraga, version),
    };
    let mut svar = match svar {
        Ok(svar) => svar,
        Err(_) => return plain(StatusCode::INTERNAL_SERVER_ERROR),
    };
    svar.korrelationsid
        .clone_from(&fraga.generella.korrelationsid);
    svar.frage_tidpunkt
        .clone_from(&fraga.generella.frage_tidpunkt);
    for (agency, injection) in &state.config.injections {
        if fraga.specifika.includes(*agency)
            && generate::inject(&mut svar.svarsdata, *agency, injection, version).is_err()
        {
            return plain(StatusCode::INTERNAL_SERVER_ERROR);
        }
    }
    soap(
        StatusCode::OK,
        version,
        SsbtekMessage::Response(Box::new(svar)),
    )
}

/// Every agency's test service was called.
fn ping() -> PingSvar {
    let called = || {
        Some(TestSvar {
            anropad: true,
            error: None,
        })
    };
    PingSvar {
        af: called(),
        csn: called(),
        fk: called(),
        skv: called(),
        so: called(),
        tns: called(),
        miv: called(),
    }
}

/// A SOAP 1.1 `Client` fault with the operation's fault in `detail` (HTTP 500).
fn fault(version: SsbtekVersion, operation: Operation, reason: &str) -> Response<Full<Bytes>> {
    let soap_fault = SoapFault {
        faultcode: "soap:Client".to_owned(),
        faultstring: reason.to_owned(),
        faultactor: None,
        detail: Some(vec![FaultDetail::Operation(OperationFault {
            operation,
            felkod: "OGILTIG_FRAGA".to_owned(),
            felmeddelanden: vec![reason.to_owned()],
        })]),
    };
    soap(
        StatusCode::INTERNAL_SERVER_ERROR,
        version,
        SsbtekMessage::Fault(Fault::Soap(soap_fault)),
    )
}

fn soap(
    status: StatusCode,
    version: SsbtekVersion,
    message: SsbtekMessage,
) -> Response<Full<Bytes>> {
    match ssbtek::to_vec(&SsbtekDocument::new(version, message)) {
        Ok(body) => with_body(status, XML, body),
        Err(_) => plain(StatusCode::INTERNAL_SERVER_ERROR),
    }
}
