//! A test double of LEFI Online v9 and SSBTEK that checks every request against the
//! contract as the real services would, for integrators' test suites (and `lefi serve`).
//!
//! One server, HTTP or HTTPS (with optional client-certificate checking), SSBTEK at the
//! root path `/` (both operations: the WSDL has one address) and LEFI v9 under
//! `/lefi-extern-formansinformation/v9/…` on the same origin.
//!
//! **What it refuses** — with the library's strict decoders and rules, not a second copy:
//!
//! * LEFI v9: a question that does not decode under
//!   [`DecodeSettings::strict`](lefi::wire::DecodeSettings::strict) or breaks the API's
//!   rules ([`lefi::model::lefi::request::check`]: at least one group or type, a period of
//!   at most two years, no code twice) → 400 with a `LefiFelsvar`; an aktörs-id it does not
//!   know → 403.
//! * SSBTEK: a message that does not decode strictly, a version it does not serve (a v10
//!   question to a v11 endpoint), a `syfte`/`lagtext` pair that is not one of
//!   [`lefi::legal::Purpose`]'s, an `arendeidentitet` of 32 characters or more, a v11
//!   question that includes SKV without its `SkatteverketFraga` → a SOAP fault (HTTP 500);
//!   no `SOAPAction` header → a SOAP fault; another content type than `text/xml` → 415.
//!
//! **What it answers**: the answer file for the person asked about when the
//! [`answers`](TestDouble::answers) directory has one (`<12 digits>.lefi-v9.json`,
//! `<12 digits>.ssbtek-v10.xml`, `<12 digits>.ssbtek-v11.xml`), else an answer generated
//! from the model for the agencies asked ([`generate`]); with an agency error or an
//! undecodable block injected on demand ([`TestDouble::inject`]) — "FK down, the rest fine".
//!
//! ```
//! use lefi::version::SsbtekVersion;
//! use lefi_client::testing::{Injection, TestDouble};
//! use lefi::model::ssbtek::Agency;
//! # #[tokio::main(flavor = "current_thread")]
//! # async fn main() -> Result<(), Box<dyn std::error::Error>> {
//! let double = TestDouble::new()
//!     .lefi_v9()
//!     .ssbtek(SsbtekVersion::V11)
//!     .aktor("test-aktor")
//!     .inject(Agency::Fk, Injection::error("TIMEOUT"))
//!     .bind("127.0.0.1:0".parse()?)
//!     .await?;
//! assert!(double.url("127.0.0.1").starts_with("http://127.0.0.1:"));
//! double.shutdown().await;
//! # Ok(()) }
//! ```

mod answers;
pub mod generate;
mod lefi_v9;
mod server;
mod ssbtek;

use std::net::SocketAddr;
use std::path::PathBuf;
use std::time::Duration;

use lefi::model::ssbtek::Agency;
use lefi::version::SsbtekVersion;

pub use server::RunningDouble;

use crate::tls::ServerTls;

/// What to put in an agency's block instead of its answer.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum Injection {
    /// The agency answers with an SSBTEK `Error` (`kalla` BT) with this `felkod`.
    Error {
        /// The error code.
        felkod: String,
    },
    /// The agency's block holds an element its type does not define: the client decodes
    /// it as `AgencyResult::Undecodable`, the other agencies normally.
    Undecodable,
}

impl Injection {
    /// An agency error with `felkod`.
    pub fn error(felkod: impl Into<String>) -> Self {
        Self::Error {
            felkod: felkod.into(),
        }
    }
}

/// Configures and starts the test double.
#[derive(Debug, Clone, Default)]
#[must_use]
pub struct TestDouble {
    pub(crate) lefi_v9: bool,
    pub(crate) ssbtek: Vec<SsbtekVersion>,
    pub(crate) answers: Option<PathBuf>,
    pub(crate) aktorer: Vec<String>,
    pub(crate) injections: Vec<(Agency, Injection)>,
    pub(crate) delay: Duration,
    pub(crate) tls: Option<ServerTls>,
}

impl TestDouble {
    /// A double that serves nothing yet: enable [`lefi_v9`](Self::lefi_v9) and/or
    /// [`ssbtek`](Self::ssbtek) versions.
    pub fn new() -> Self {
        Self::default()
    }

    /// Serves LEFI Online v9.
    pub fn lefi_v9(mut self) -> Self {
        self.lefi_v9 = true;
        self
    }

    /// Serves SSBTEK `version` at `/` (call again for both versions).
    pub fn ssbtek(mut self, version: SsbtekVersion) -> Self {
        if !self.ssbtek.contains(&version) {
            self.ssbtek.push(version);
        }
        self
    }

    /// Answers from the files in `dir` when one is about the person asked about.
    pub fn answers(mut self, dir: impl Into<PathBuf>) -> Self {
        self.answers = Some(dir.into());
        self
    }

    /// Knows the LEFI aktörs-id `id` (any other gets 403).
    pub fn aktor(mut self, id: impl Into<String>) -> Self {
        self.aktorer.push(id.into());
        self
    }

    /// Answers for `agency` with `injection` in every SSBTEK answer.
    pub fn inject(mut self, agency: Agency, injection: Injection) -> Self {
        self.injections.retain(|(a, _)| *a != agency);
        self.injections.push((agency, injection));
        self
    }

    /// Waits `delay` before answering each request (to test the client's timeouts).
    pub fn delay(mut self, delay: Duration) -> Self {
        self.delay = delay;
        self
    }

    /// Serves HTTPS with `tls` (and checks client certificates if it says so).
    pub fn tls(mut self, tls: ServerTls) -> Self {
        self.tls = Some(tls);
        self
    }

    /// Binds `addr` and starts serving on the current tokio runtime.
    ///
    /// # Errors
    /// When the address cannot be bound, the TLS configuration is refused or an answer
    /// file cannot be read or decoded (its name and the decoder's message, no values).
    pub async fn bind(self, addr: SocketAddr) -> std::io::Result<RunningDouble> {
        server::start(self, addr).await
    }
}
