//! SSBTEK (SOAP 1.1): `hamtaBastjanstInformation` and `testaBastjanstInformation`, v10 and
//! v11, at the service's one address.

use lefi::model::ssbtek::{
    Agency, BastjanstFragaBuilder, BastjanstSvar, PingSvar, SsbtekDocument, SsbtekMessage,
};
use lefi::version::SsbtekVersion;
use lefi::wire::{DecodeSettings, ssbtek};

use crate::client::{Answer, Call, Client, Received, base_url};
use crate::correlation::CorrelationId;
use crate::error::Error;

/// Both operations' headers: the WSDL gives each `soapAction=""`.
const SOAP: &[(&str, &str)] = &[
    ("content-type", "text/xml; charset=utf-8"),
    ("soapaction", "\"\""),
];

/// A client for SSBTEK in one version at its endpoint URL.
///
/// ```no_run
/// use chrono::NaiveDate;
/// use lefi::id::{Organisationsnummer, Personnummer};
/// use lefi::legal::{marker, Actor, ActorKind, LawfulPurpose};
/// use lefi::model::ssbtek::{Agency, Arendeidentitet, BastjanstFragaBuilder};
/// use lefi::period::Period;
/// use lefi::version::SsbtekVersion;
/// use lefi_client::{Client, Identity, TrustRoots};
/// # async fn run() -> Result<(), Box<dyn std::error::Error>> {
/// let client = Client::builder(TrustRoots::from_pem(&std::fs::read("fk-chain.pem")?)?)
///     .identity(Identity::from_pem(&std::fs::read("client.crt")?, &std::fs::read("client.key")?)?)
///     .build()?;
/// let ssbtek = client.ssbtek("https://ssbtek.example.se/ssbtek", SsbtekVersion::V11)?;
/// let d = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).ok_or("date");
/// let kommun = Actor::new(ActorKind::Kommun, Organisationsnummer::parse("212000-2411")?, "Sundsvalls kommun")?;
/// let fraga = BastjanstFragaBuilder::new(
///     &kommun, "handl01", &Personnummer::parse("19740702-9284")?,
///     Arendeidentitet::new("A-2025-1")?, Period::new(d(2025, 1, 1)?, d(2025, 6, 30)?)?,
///     &LawfulPurpose::consent_free(marker::EkonomisktBistand),
/// )?
/// .include(Agency::Csn);
/// let answer = ssbtek.hamta(fraga).await?;
/// for (agency, outcome) in answer.value.svarsdata.outcomes() {
///     println!("{agency}: {outcome:?}");
/// }
/// # Ok(()) }
/// ```
#[derive(Debug, Clone)]
pub struct SsbtekClient {
    client: Client,
    url: String,
    version: SsbtekVersion,
}

impl Client {
    /// An SSBTEK client for `version` at the endpoint `url`.
    ///
    /// # Errors
    /// [`Error::Url`] when the URL is not `https://…`, or `http://…` to a loopback host.
    pub fn ssbtek(&self, url: &str, version: SsbtekVersion) -> Result<SsbtekClient, Error> {
        Ok(SsbtekClient {
            client: self.clone(),
            url: base_url(url)?,
            version,
        })
    }
}

impl SsbtekClient {
    /// The version this client speaks.
    pub fn version(&self) -> SsbtekVersion {
        self.version
    }

    /// `hamtaBastjanstInformation`: builds the question (so it rests on a `LawfulPurpose`
    /// the asking actor may use), sets `korrelationsid` to the call's correlation id when
    /// the question has none, and sends it once.
    ///
    /// # Errors
    /// [`Error::Request`] when the question cannot be built or this version cannot carry
    /// it (a v11 question with SKV needs its Skatteverket question), [`Error::Fault`] for a
    /// SOAP fault, the other [`Error`]s for transport and protocol failures.
    pub async fn hamta(
        &self,
        fraga: BastjanstFragaBuilder,
    ) -> Result<Answer<BastjanstSvar>, Error> {
        let correlation_id = CorrelationId::generate();
        let mut fraga = fraga.build().map_err(|e| Error::Request(e.to_string()))?;
        fraga
            .generella
            .korrelationsid
            .get_or_insert_with(|| correlation_id.to_string());
        let agencies = Agency::ALL
            .into_iter()
            .filter(|a| fraga.specifika.includes(*a))
            .count();
        tracing::debug!(agencies, "question built");
        let message = SsbtekMessage::Request(Box::new(fraga));
        let answer = self
            .send("hamtaBastjanstInformation", message, correlation_id)
            .await?;
        match answer.value {
            SsbtekMessage::Response(svar) => {
                for (agency, outcome) in svar.svarsdata.outcomes() {
                    tracing::debug!(agency = %agency, outcome = ?outcome, "agency");
                }
                Ok(Answer {
                    value: *svar,
                    correlation_id: answer.correlation_id,
                    warnings: answer.warnings,
                })
            }
            _ => Err(not_the_answer(answer.correlation_id)),
        }
    }

    /// `testaBastjanstInformation` (the ping): which agencies' test services were called.
    /// Discloses nothing about a person: safe to repeat.
    ///
    /// # Errors
    /// As [`hamta`](Self::hamta).
    pub async fn testa(&self) -> Result<Answer<PingSvar>, Error> {
        let correlation_id = CorrelationId::generate();
        let answer = self
            .send(
                "testaBastjanstInformation",
                SsbtekMessage::PingRequest,
                correlation_id,
            )
            .await?;
        match answer.value {
            SsbtekMessage::PingResponse(ping) => Ok(Answer {
                value: *ping,
                correlation_id: answer.correlation_id,
                warnings: answer.warnings,
            }),
            _ => Err(not_the_answer(answer.correlation_id)),
        }
    }

    async fn send(
        &self,
        operation: &'static str,
        message: SsbtekMessage,
        correlation_id: CorrelationId,
    ) -> Result<Answer<SsbtekMessage>, Error> {
        let doc = SsbtekDocument::new(self.version, message);
        let body = ssbtek::to_vec(&doc).map_err(|e| Error::Request(e.to_string()))?;
        let Received { status, body } = self
            .client
            .call(Call {
                operation,
                agency: "SSBTEK",
                method: reqwest::Method::POST,
                url: &self.url,
                headers: SOAP,
                body: Some(body),
                correlation_id: &correlation_id,
            })
            .await?;
        if !matches!(status, 200 | 500) {
            return Err(if status >= 500 {
                Error::Server {
                    status,
                    correlation_id,
                }
            } else {
                Error::UnexpectedStatus {
                    status,
                    correlation_id,
                }
            });
        }
        let decoded = match ssbtek::decode_with(&body, &DecodeSettings::new()) {
            Ok(d) => d,
            Err(_) if status == 500 => {
                return Err(Error::Server {
                    status,
                    correlation_id,
                });
            }
            Err(e) => {
                return Err(Error::Undecodable {
                    status,
                    reason: e.to_string(),
                    correlation_id,
                });
            }
        };
        match decoded.value.message {
            SsbtekMessage::Fault(fault) => Err(Error::Fault {
                status,
                fault: Box::new(fault),
                correlation_id,
            }),
            _ if status == 500 => Err(Error::Server {
                status,
                correlation_id,
            }),
            value => Ok(Answer {
                value,
                correlation_id,
                warnings: decoded.warnings,
            }),
        }
    }
}

fn not_the_answer(correlation_id: CorrelationId) -> Error {
    Error::Undecodable {
        status: 200,
        reason: "the message is not the operation's answer".to_owned(),
        correlation_id,
    }
}
