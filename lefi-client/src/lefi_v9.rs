//! LEFI Online v9 (REST/JSON): `hamtaFormansinformation` and
//! `hamtaTillgangligaInformationstyper`.

use lefi::model::lefi::request::{self, FragaBuilder};
use lefi::model::lefi::{
    LefiExternFormansinformationSvar, LefiExternTillgangligaInformationstyper, LefiFelsvar,
};
use lefi::wire::lefi_json::{self, LefiDocument};
use lefi::wire::{DecodeSettings, Decoded};

use crate::client::{Answer, Call, Client, Received, base_url};
use crate::correlation::CorrelationId;
use crate::error::Error;

const JSON: &[(&str, &str)] = &[
    ("content-type", "application/json"),
    ("accept", "application/json"),
];

/// A client for LEFI Online v9 at one base URL (the part before
/// `/lefi-extern-formansinformation`).
///
/// ```no_run
/// use chrono::NaiveDate;
/// use lefi::codes::FkFormanGrupp;
/// use lefi::id::Personnummer;
/// use lefi::legal::{marker, LawfulPurpose};
/// use lefi::model::lefi::request::FragaBuilder;
/// use lefi::period::Period;
/// use lefi_client::{Client, Identity, TrustRoots};
/// # async fn run() -> Result<(), Box<dyn std::error::Error>> {
/// let client = Client::builder(TrustRoots::from_pem(&std::fs::read("fk-chain.pem")?)?)
///     .identity(Identity::from_pem(&std::fs::read("client.crt")?, &std::fs::read("client.key")?)?)
///     .build()?;
/// let lefi = client.lefi_v9("https://lefi.example.se")?;
/// let d = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).ok_or("date");
/// let person = Personnummer::parse("197407029284")?;
/// let lawful = LawfulPurpose::consent_free(marker::Samordning);
/// let fraga = FragaBuilder::new(&lawful, &person, Period::new(d(2024, 1, 1)?, d(2024, 12, 31)?)?)?
///     .formansinformation([FkFormanGrupp::Sjp]);
/// let answer = lefi.fraga("my-aktors-id", fraga).await?;
/// println!("{} payment(s), call {}", answer.value.payments().count(), answer.correlation_id);
/// # Ok(()) }
/// ```
#[derive(Debug, Clone)]
pub struct LefiV9Client {
    client: Client,
    base: String,
}

impl Client {
    /// A LEFI v9 client at `base_url` (scheme, host and any prefix before
    /// `/lefi-extern-formansinformation`).
    ///
    /// # Errors
    /// [`Error::Url`] when the URL is not `https://…`, or `http://…` to a loopback host.
    pub fn lefi_v9(&self, base_url: &str) -> Result<LefiV9Client, Error> {
        Ok(LefiV9Client {
            client: self.clone(),
            base: self::base_url(base_url)?,
        })
    }
}

impl LefiV9Client {
    /// `POST …/aktorer/{aktorsId}/formansinformation/fraga`: builds the question (so it
    /// rests on a `LawfulPurpose` and follows the API's rules) and sends it once.
    ///
    /// # Errors
    /// [`Error::Request`] when the question breaks a rule, [`Error::Lefi`] for 400, 403 and
    /// 500 with the service's error document, the other [`Error`]s for transport and
    /// protocol failures.
    pub async fn fraga(
        &self,
        aktors_id: &str,
        fraga: FragaBuilder,
    ) -> Result<Answer<LefiExternFormansinformationSvar>, Error> {
        let fraga = fraga.build().map_err(|e| Error::Request(e.to_string()))?;
        let body = lefi_json::to_vec(&fraga).map_err(|e| Error::Request(e.to_string()))?;
        let path = request::fraga_path(aktors_id).map_err(|e| Error::Request(e.to_string()))?;
        self.send(
            "hamtaFormansinformation",
            reqwest::Method::POST,
            &path,
            Some(body),
        )
        .await
    }

    /// `GET …/aktorer/{aktorsId}/tillgangligaInformationstyper`: what this aktör may ask
    /// for (discloses nothing about a person; safe to repeat).
    ///
    /// # Errors
    /// As [`fraga`](Self::fraga).
    pub async fn tillgangliga_informationstyper(
        &self,
        aktors_id: &str,
    ) -> Result<Answer<LefiExternTillgangligaInformationstyper>, Error> {
        let path = request::tillgangliga_informationstyper_path(aktors_id)
            .map_err(|e| Error::Request(e.to_string()))?;
        self.send(
            "hamtaTillgangligaInformationstyper",
            reqwest::Method::GET,
            &path,
            None,
        )
        .await
    }

    async fn send<T: LefiDocument>(
        &self,
        operation: &'static str,
        method: reqwest::Method,
        path: &str,
        body: Option<Vec<u8>>,
    ) -> Result<Answer<T>, Error> {
        let correlation_id = CorrelationId::generate();
        let url = format!("{}{path}", self.base);
        let Received { status, body } = self
            .client
            .call(Call {
                operation,
                agency: "FK",
                method,
                url: &url,
                headers: JSON,
                body,
                correlation_id: &correlation_id,
            })
            .await?;
        answer(status, &body, correlation_id)
    }
}

/// The typed answer for 200, the typed error for 400/403/500, and an error without the
/// body for anything else.
fn answer<T: LefiDocument>(
    status: u16,
    body: &[u8],
    correlation_id: CorrelationId,
) -> Result<Answer<T>, Error> {
    let settings = DecodeSettings::new();
    let undecodable = |e: lefi_json::Error, correlation_id| Error::Undecodable {
        status,
        reason: e.to_string(),
        correlation_id,
    };
    match status {
        200 => match lefi_json::decode_with::<T>(body, &settings) {
            Ok(Decoded {
                value, warnings, ..
            }) => Ok(Answer {
                value,
                correlation_id,
                warnings,
            }),
            Err(e) => Err(undecodable(e, correlation_id)),
        },
        400 | 403 | 500 => match lefi_json::decode_with::<LefiFelsvar>(body, &settings) {
            Ok(d) => Err(Error::Lefi {
                status,
                felsvar: Box::new(d.value),
                correlation_id,
            }),
            Err(_) if status == 500 => Err(Error::Server {
                status,
                correlation_id,
            }),
            Err(e) => Err(undecodable(e, correlation_id)),
        },
        500..=599 => Err(Error::Server {
            status,
            correlation_id,
        }),
        _ => Err(Error::UnexpectedStatus {
            status,
            correlation_id,
        }),
    }
}
