//! The HTTP client: one per identity, shared by the LEFI v9 and SSBTEK clients made from it.

use std::time::{Duration, Instant};

use lefi::wire::Warning;
use tracing::Instrument as _;

use crate::correlation::CorrelationId;
use crate::error::Error;
use crate::tls::{Identity, TrustRoots, client_config};

/// The default connect timeout.
pub const DEFAULT_CONNECT_TIMEOUT: Duration = Duration::from_secs(5);
/// The default total timeout of one call (connect, send, answer).
pub const DEFAULT_TIMEOUT: Duration = Duration::from_secs(30);
/// The most of an answer the client reads (the library's default decode limit).
const MAX_ANSWER_BYTES: usize = 64 * 1024 * 1024;

/// A decoded answer with the call's correlation id and what the decoder noticed without
/// refusing (unknown content kept or ignored, agency blocks kept undecodable).
#[derive(Debug, Clone)]
#[non_exhaustive]
pub struct Answer<T> {
    /// The typed answer.
    pub value: T,
    /// The call's correlation id (sent as `x-request-id`).
    pub correlation_id: CorrelationId,
    /// The decoder's warnings, in document order.
    pub warnings: Vec<Warning>,
}

/// Sets up a [`Client`]: the roots to trust (required), the identity, the timeouts.
///
/// ```no_run
/// use std::time::Duration;
/// use lefi_client::{Client, Identity, TrustRoots};
/// # fn main() -> Result<(), Box<dyn std::error::Error>> {
/// let roots = TrustRoots::from_pem(&std::fs::read("fk-chain.pem")?)?;
/// let identity = Identity::from_pem(&std::fs::read("client.crt")?, &std::fs::read("client.key")?)?;
/// let client = Client::builder(roots)
///     .identity(identity)
///     .connect_timeout(Duration::from_secs(2))
///     .timeout(Duration::from_secs(20))
///     .build()?;
/// # let _ = client; Ok(()) }
/// ```
#[derive(Debug, Clone)]
#[must_use]
pub struct ClientBuilder {
    roots: TrustRoots,
    identity: Option<Identity>,
    connect_timeout: Duration,
    timeout: Duration,
}

impl ClientBuilder {
    /// Presents `identity` (the organisation's client certificate) to the services.
    pub fn identity(mut self, identity: Identity) -> Self {
        self.identity = Some(identity);
        self
    }

    /// The connect timeout (default [`DEFAULT_CONNECT_TIMEOUT`], 5 s).
    pub fn connect_timeout(mut self, timeout: Duration) -> Self {
        self.connect_timeout = timeout;
        self
    }

    /// The total timeout of one call (default [`DEFAULT_TIMEOUT`], 30 s).
    pub fn timeout(mut self, timeout: Duration) -> Self {
        self.timeout = timeout;
        self
    }

    /// Builds the client.
    ///
    /// # Errors
    /// [`Error::Tls`] when rustls refuses the roots or the identity, [`Error::Build`] when
    /// the HTTP client cannot be made.
    pub fn build(self) -> Result<Client, Error> {
        let tls = client_config(&self.roots, self.identity.as_ref())?;
        let http = reqwest::Client::builder()
            .use_preconfigured_tls(tls)
            .https_only(false)
            .connect_timeout(self.connect_timeout)
            .timeout(self.timeout)
            .redirect(reqwest::redirect::Policy::none())
            .http1_only()
            .build()
            .map_err(Error::Build)?;
        Ok(Client { http })
    }
}

/// An HTTP client on rustls for the two services: trusts only the given roots, always
/// verifies the server's host name, presents the identity when given, never retries.
///
/// **No automatic retries.** Each question is a disclosure of personal data that the
/// agency records; the client sends each exactly once. A failure says whether anything
/// reached the service ([`ErrorKind`](crate::ErrorKind)): a
/// [`Connect`](crate::ErrorKind::Connect) failure did not, a
/// [`Transport`](crate::ErrorKind::Transport) or [`Server`](crate::ErrorKind::Server)
/// failure may have been recorded. Retrying is the caller's decision; the SSBTEK ping
/// (`testaBastjanstInformation`) and LEFI's available-types question disclose nothing
/// about a person and are safe to repeat.
#[derive(Debug, Clone)]
pub struct Client {
    http: reqwest::Client,
}

impl Client {
    /// Starts a client that trusts `roots` (and nothing else).
    pub fn builder(roots: TrustRoots) -> ClientBuilder {
        ClientBuilder {
            roots,
            identity: None,
            connect_timeout: DEFAULT_CONNECT_TIMEOUT,
            timeout: DEFAULT_TIMEOUT,
        }
    }

    /// Sends one request and returns the status and the body, inside a span that carries
    /// the operation, the agency, the correlation id, the status and the duration (never
    /// the body).
    pub(crate) async fn call(&self, call: Call<'_>) -> Result<Received, Error> {
        let span = tracing::info_span!(
            "lefi_client.call",
            operation = call.operation,
            agency = call.agency,
            correlation_id = %call.correlation_id,
            status = tracing::field::Empty,
            duration_ms = tracing::field::Empty,
        );
        let started = Instant::now();
        let result = self.exchange(&call).instrument(span.clone()).await;
        let elapsed = u64::try_from(started.elapsed().as_millis()).unwrap_or(u64::MAX);
        span.record("duration_ms", elapsed);
        match &result {
            Ok(received) => {
                span.record("status", received.status);
                span.in_scope(|| tracing::info!("answered"));
            }
            Err(e) => span.in_scope(|| tracing::warn!(kind = ?e.kind(), "failed")),
        }
        result
    }

    async fn exchange(&self, call: &Call<'_>) -> Result<Received, Error> {
        let id = call.correlation_id;
        let mut request = self
            .http
            .request(call.method.clone(), call.url)
            .header("x-request-id", id.as_str());
        for (name, value) in call.headers {
            request = request.header(*name, *value);
        }
        if let Some(body) = &call.body {
            request = request.body(body.clone());
        }
        let mut response = request.send().await.map_err(|e| transport(e, id))?;
        let status = response.status().as_u16();
        let mut body = Vec::new();
        while let Some(chunk) = response.chunk().await.map_err(|e| transport(e, id))? {
            if body.len() + chunk.len() > MAX_ANSWER_BYTES {
                return Err(Error::Undecodable {
                    status,
                    reason: format!("answer larger than {MAX_ANSWER_BYTES} bytes"),
                    correlation_id: id.clone(),
                });
            }
            body.extend_from_slice(&chunk);
        }
        Ok(Received { status, body })
    }
}

/// One request as the service clients describe it.
pub(crate) struct Call<'a> {
    pub(crate) operation: &'static str,
    pub(crate) agency: &'static str,
    pub(crate) method: reqwest::Method,
    pub(crate) url: &'a str,
    pub(crate) headers: &'a [(&'static str, &'static str)],
    pub(crate) body: Option<Vec<u8>>,
    pub(crate) correlation_id: &'a CorrelationId,
}

/// What came back.
pub(crate) struct Received {
    pub(crate) status: u16,
    pub(crate) body: Vec<u8>,
}

fn transport(e: reqwest::Error, id: &CorrelationId) -> Error {
    let correlation_id = id.clone();
    if e.is_connect() {
        Error::Connect {
            correlation_id,
            source: e.without_url(),
        }
    } else if e.is_timeout() {
        Error::Timeout { correlation_id }
    } else {
        Error::Transport {
            correlation_id,
            source: e.without_url(),
        }
    }
}

/// The base URL without a trailing slash: `https`, or plain `http` to a loopback host only
/// (a test double on this machine). A question carries a personnummer and its legal basis;
/// sent in clear to another host it would also skip every server check.
pub(crate) fn base_url(url: &str) -> Result<String, Error> {
    let lower = url.to_ascii_lowercase();
    if let Some(rest) = lower.strip_prefix("http://") {
        if !is_loopback(rest) {
            return Err(Error::Url(
                "plain http:// is only for a loopback host (127.0.0.1, [::1], localhost); use https://",
            ));
        }
    } else if !lower.starts_with("https://") {
        return Err(Error::Url("the url must start with https:// or http://"));
    }
    Ok(url.trim_end_matches('/').to_owned())
}

/// Whether the authority at the start of `rest` (after `http://`) is a loopback host.
fn is_loopback(rest: &str) -> bool {
    let authority = rest.split(['/', '?', '#']).next().unwrap_or_default();
    let host = authority.rsplit_once('@').map_or(authority, |(_, h)| h);
    let host = if let Some(v6) = host.strip_prefix('[') {
        v6.split(']').next().unwrap_or_default()
    } else {
        host.split(':').next().unwrap_or_default()
    };
    host == "localhost"
        || host
            .parse::<std::net::IpAddr>()
            .is_ok_and(|ip| ip.is_loopback())
}

#[cfg(test)]
mod tests {
    use super::base_url;

    #[test]
    fn plain_http_only_to_loopback() {
        for ok in [
            "https://lefi.example.se/x/",
            "http://127.0.0.1:8080",
            "http://127.1.2.3/x",
            "http://localhost:1/",
            "http://[::1]:99/a",
        ] {
            assert!(base_url(ok).is_ok(), "{ok}");
        }
        for refused in [
            "http://lefi.example.se",
            "http://10.0.0.1:80",
            "http://127.0.0.1.example.se/",
            "http://localhost@evil.example/",
            "ftp://127.0.0.1",
        ] {
            assert!(base_url(refused).is_err(), "{refused}");
        }
    }
}
