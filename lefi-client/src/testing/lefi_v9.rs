//! The double's LEFI v9: routes, the aktör check, the strict decode and the API's rules.

use http_body_util::Full;
use hyper::body::Bytes;
use hyper::{Method, Response, StatusCode};
use lefi::codes::{FkFormanGrupp, PmFormanGrupp};
use lefi::model::lefi::request::{self, BASE_PATH};
use lefi::model::lefi::{
    LefiExternFormansinformationFraga, LefiExternTillgangligaInformationstyper, LefiFelsvar,
    LefiFkFormanGrupp, LefiPmFormanGrupp,
};
use lefi::wire::DecodeSettings;
use lefi::wire::lefi_json::{self, Encode};

use super::generate;
use super::server::{State, plain, with_body};

pub(super) fn handle(
    state: &State,
    method: &Method,
    path: &str,
    body: &[u8],
) -> Response<Full<Bytes>> {
    let Some((aktor, operation)) = path
        .strip_prefix(BASE_PATH)
        .and_then(|rest| rest.strip_prefix("/aktorer/"))
        .and_then(|rest| rest.split_once('/'))
    else {
        return plain(StatusCode::NOT_FOUND);
    };
    let expected = match operation {
        "formansinformation/fraga" => Method::POST,
        "tillgangligaInformationstyper" => Method::GET,
        _ => return plain(StatusCode::NOT_FOUND),
    };
    if *method != expected {
        return plain(StatusCode::METHOD_NOT_ALLOWED);
    }
    let known = percent_decode(aktor).is_some_and(|id| state.config.aktorer.contains(&id));
    if !known {
        return felsvar(StatusCode::FORBIDDEN, "aktören är inte behörig");
    }
    if expected == Method::GET {
        return json(StatusCode::OK, &available());
    }
    let fraga = match lefi_json::decode_with::<LefiExternFormansinformationFraga>(
        body,
        &DecodeSettings::strict(),
    ) {
        Ok(decoded) => decoded.value,
        Err(e) => return felsvar(StatusCode::BAD_REQUEST, &format!("ogiltig fråga: {e}")),
    };
    if let Err(e) = request::check(&fraga, None) {
        return felsvar(StatusCode::BAD_REQUEST, &format!("ogiltig fråga: {e}"));
    }
    match state.answers.lefi(&fraga.personnummer) {
        Some(svar) => json(StatusCode::OK, svar),
        None => json(StatusCode::OK, &generate::lefi_answer(&fraga)),
    }
}

/// Every group the model knows: the double's aktörer may ask for anything.
fn available() -> LefiExternTillgangligaInformationstyper {
    let mut types = LefiExternTillgangligaInformationstyper::default();
    let fk = || {
        FkFormanGrupp::ALL
            .iter()
            .map(|g| LefiFkFormanGrupp::new(*g, g.description().into()))
            .collect()
    };
    let pm = || {
        PmFormanGrupp::ALL
            .iter()
            .map(|g| LefiPmFormanGrupp::new(*g, g.description().into()))
            .collect()
    };
    types.formansinformation = Some(fk());
    types.ansprak = Some(pm());
    types.beslut = Some(pm());
    types
}

fn felsvar(status: StatusCode, meddelande: &str) -> Response<Full<Bytes>> {
    let mut felsvar = LefiFelsvar::default();
    felsvar.meddelande = Some(meddelande.into());
    json(status, &felsvar)
}

fn json<T: Encode>(status: StatusCode, value: &T) -> Response<Full<Bytes>> {
    match lefi_json::to_vec(value) {
        Ok(body) => with_body(status, "application/json", body),
        Err(_) => plain(StatusCode::INTERNAL_SERVER_ERROR),
    }
}

/// Decodes `%XX` escapes of one path segment (`None` for a broken escape or non-UTF-8).
fn percent_decode(segment: &str) -> Option<String> {
    let mut out = Vec::with_capacity(segment.len());
    let mut bytes = segment.bytes();
    while let Some(b) = bytes.next() {
        if b == b'%' {
            let hex = [bytes.next()?, bytes.next()?];
            let text = std::str::from_utf8(&hex).ok()?;
            out.push(u8::from_str_radix(text, 16).ok()?);
        } else {
            out.push(b);
        }
    }
    String::from_utf8(out).ok()
}

#[cfg(test)]
mod tests {
    use super::percent_decode;

    #[test]
    fn percent_decoding_reverses_the_path_encoding() {
        assert_eq!(percent_decode("ab%20c%2F1").as_deref(), Some("ab c/1"));
        assert_eq!(percent_decode("%C3%A5").as_deref(), Some("å"));
        assert_eq!(percent_decode("%G1"), None);
        assert_eq!(percent_decode("%2"), None);
    }
}
