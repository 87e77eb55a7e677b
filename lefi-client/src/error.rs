//! The client's errors: one enum, kinds a caller can act on, never a response body.

use lefi::model::lefi::LefiFelsvar;
use lefi::model::ssbtek::Fault;

use crate::correlation::CorrelationId;
use crate::tls::TlsError;

/// What a caller can do about an [`Error`]: the client never retries a disclosure itself.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum ErrorKind {
    /// The client could not be set up, or the request could not be built or encoded:
    /// nothing was sent.
    Setup,
    /// No connection could be made (refused, unreachable, connect timeout, TLS handshake
    /// refused by either side). Nothing reached the service.
    Connect,
    /// The total time ran out, or the connection broke, after the request may have reached
    /// the service: it may have been recorded as a disclosure.
    Transport,
    /// The service refused the request (HTTP 4xx, a SOAP fault): sending it again changes
    /// nothing.
    Refused,
    /// The service failed (HTTP 5xx). Whether the disclosure was recorded is unknown.
    Server,
    /// The service answered something the contract does not allow (another status, a body
    /// that does not decode as the answer).
    Protocol,
}

/// A failed call. `Display` names the operation's outcome and status, never a body, an
/// identity number or an agency's free text (those stay in the typed fields: the
/// [`LefiFelsvar`] and the [`Fault`], whose own `Debug`/`Display` redact them too).
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// The TLS material or configuration was refused.
    #[error(transparent)]
    Tls(#[from] TlsError),
    /// The HTTP client could not be built.
    #[error("cannot build the http client")]
    Build(#[source] reqwest::Error),
    /// The URL is not usable.
    #[error("invalid url ({0})")]
    Url(&'static str),
    /// The request could not be built (see the library's builders).
    #[error("cannot build the request: {0}")]
    Request(String),
    /// No connection (see [`ErrorKind::Connect`]).
    #[error("cannot connect (correlation id {correlation_id})")]
    Connect {
        /// The call's correlation id.
        correlation_id: CorrelationId,
        /// The transport's error (it names the URL, never a body).
        #[source]
        source: reqwest::Error,
    },
    /// The total timeout ran out.
    #[error("timed out (correlation id {correlation_id})")]
    Timeout {
        /// The call's correlation id.
        correlation_id: CorrelationId,
    },
    /// The connection broke after sending.
    #[error("connection failed after sending (correlation id {correlation_id})")]
    Transport {
        /// The call's correlation id.
        correlation_id: CorrelationId,
        /// The transport's error.
        #[source]
        source: reqwest::Error,
    },
    /// LEFI v9 answered 400, 403 or 500 with its error document.
    #[error("lefi answered {status} (correlation id {correlation_id})")]
    Lefi {
        /// The HTTP status.
        status: u16,
        /// The decoded error document (`meddelande` is for operators, not for logs).
        felsvar: Box<LefiFelsvar>,
        /// The call's correlation id.
        correlation_id: CorrelationId,
    },
    /// SSBTEK answered with a SOAP fault (or a `…BastjanstInformationFault`).
    #[error("{fault} (status {status}, correlation id {correlation_id})")]
    Fault {
        /// The HTTP status (500 for SOAP 1.1 faults).
        status: u16,
        /// The fault.
        fault: Box<Fault>,
        /// The call's correlation id.
        correlation_id: CorrelationId,
    },
    /// A 5xx without a document the contract defines for it.
    #[error("server error {status} (correlation id {correlation_id})")]
    Server {
        /// The HTTP status.
        status: u16,
        /// The call's correlation id.
        correlation_id: CorrelationId,
    },
    /// A status the operation does not define (the body is not kept).
    #[error("unexpected status {status} (correlation id {correlation_id})")]
    UnexpectedStatus {
        /// The HTTP status.
        status: u16,
        /// The call's correlation id.
        correlation_id: CorrelationId,
    },
    /// The body does not decode as the operation's answer (the decoder's message names the
    /// place, never a value; the body is not kept).
    #[error("undecodable answer (status {status}, correlation id {correlation_id}): {reason}")]
    Undecodable {
        /// The HTTP status.
        status: u16,
        /// Why, without document values.
        reason: String,
        /// The call's correlation id.
        correlation_id: CorrelationId,
    },
}

impl Error {
    /// What kind of failure this is.
    ///
    /// ```
    /// use lefi_client::{Error, ErrorKind};
    /// assert_eq!(Error::Url("no scheme").kind(), ErrorKind::Setup);
    /// ```
    pub fn kind(&self) -> ErrorKind {
        match self {
            Self::Tls(_) | Self::Build(_) | Self::Url(_) | Self::Request(_) => ErrorKind::Setup,
            Self::Connect { .. } => ErrorKind::Connect,
            Self::Timeout { .. } | Self::Transport { .. } => ErrorKind::Transport,
            Self::Lefi { status, .. } if *status >= 500 => ErrorKind::Server,
            Self::Lefi { .. } | Self::Fault { .. } => ErrorKind::Refused,
            Self::Server { .. } => ErrorKind::Server,
            Self::UnexpectedStatus { .. } | Self::Undecodable { .. } => ErrorKind::Protocol,
        }
    }

    /// The HTTP status, when the service answered.
    pub fn status(&self) -> Option<u16> {
        match self {
            Self::Lefi { status, .. }
            | Self::Fault { status, .. }
            | Self::Server { status, .. }
            | Self::UnexpectedStatus { status, .. }
            | Self::Undecodable { status, .. } => Some(*status),
            _ => None,
        }
    }

    /// The call's correlation id, when a call was made.
    pub fn correlation_id(&self) -> Option<&CorrelationId> {
        match self {
            Self::Connect { correlation_id, .. }
            | Self::Timeout { correlation_id }
            | Self::Transport { correlation_id, .. }
            | Self::Lefi { correlation_id, .. }
            | Self::Fault { correlation_id, .. }
            | Self::Server { correlation_id, .. }
            | Self::UnexpectedStatus { correlation_id, .. }
            | Self::Undecodable { correlation_id, .. } => Some(correlation_id),
            _ => None,
        }
    }

    /// LEFI's error document, for [`Error::Lefi`].
    pub fn felsvar(&self) -> Option<&LefiFelsvar> {
        match self {
            Self::Lefi { felsvar, .. } => Some(felsvar),
            _ => None,
        }
    }
}
