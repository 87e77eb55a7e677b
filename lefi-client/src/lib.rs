//! An mTLS client for Försäkringskassan's LEFI Online v9 (REST/JSON) and SSBTEK (SOAP 1.1,
//! v10 and v11), and a test double of both that refuses what the real services refuse.
//!
//! The `lefi` crate holds the types, the rules and the codecs and does no I/O; this crate
//! sends: tokio, reqwest on rustls (ring), client identity from PEM, server trust only from
//! the roots the caller gives (Försäkringskassan's chain is not among the public web
//! roots), host names always verified — there is no "trust all" switch.
//!
//! * [`Client`] (from [`Client::builder`]): one per identity; connect and total timeouts
//!   (5 s and 30 s by default).
//! * [`LefiV9Client`] ([`Client::lefi_v9`]): `fraga` takes a
//!   [`FragaBuilder`](lefi::model::lefi::request::FragaBuilder), so a question without a
//!   `LawfulPurpose` cannot be sent; `tillgangliga_informationstyper`.
//! * [`SsbtekClient`] ([`Client::ssbtek`]): `hamta` takes a
//!   [`BastjanstFragaBuilder`](lefi::model::ssbtek::BastjanstFragaBuilder); `testa` (the ping).
//! * [`Answer`]: the typed answer, the call's [`CorrelationId`] and the decoder's warnings;
//!   [`Error`] with its [`ErrorKind`].
//! * [`testing`]: the test double ([`testing::TestDouble`]), also `lefi serve`.
//!
//! # No automatic retries
//!
//! Every question is a disclosure of personal data that the agency records. The client
//! sends each question exactly once and never repeats one on its own. Failures say what
//! happened so that the caller can decide: [`ErrorKind::Connect`] (nothing reached the
//! service), [`ErrorKind::Transport`] (timed out or broke after sending: it may have been
//! recorded), [`ErrorKind::Server`] (5xx), [`ErrorKind::Refused`] (4xx, SOAP fault: sending
//! it again changes nothing). The ping and the available-types question disclose nothing
//! about a person and are safe to retry.
//!
//! # Nothing personal in logs
//!
//! Each call runs in a `tracing` span `lefi_client.call` with the operation, the agency,
//! the correlation id, the HTTP status and the duration; SSBTEK answers add one event per
//! agency with its outcome. Bodies, identity numbers and agencies' free-text messages are
//! never logged, and [`Error`]'s `Display` holds none of them (the typed `LefiFelsvar` and
//! SOAP fault are in the error for the caller, redacted in their own `Debug`).
//!
//! # Correlation ids
//!
//! Each call gets a fresh [`CorrelationId`], sent as `x-request-id` and, for SSBTEK, as the
//! question's `korrelationsid` when the question has none; it is in the [`Answer`], the
//! [`Error`] and the span.

#![forbid(unsafe_code)]
#![deny(missing_docs)]

mod client;
mod correlation;
mod error;
mod lefi_v9;
mod ssbtek;
pub mod testing;
mod tls;

pub use client::{Answer, Client, ClientBuilder, DEFAULT_CONNECT_TIMEOUT, DEFAULT_TIMEOUT};
pub use correlation::CorrelationId;
pub use error::{Error, ErrorKind};
pub use lefi_v9::LefiV9Client;
pub use ssbtek::SsbtekClient;
pub use tls::{Identity, ServerTls, TlsError, TrustRoots};
