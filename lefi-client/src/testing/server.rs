//! The double's server: accept loop (TCP or TLS), one HTTP/1 connection task each, routing.

use std::convert::Infallible;
use std::io;
use std::net::SocketAddr;
use std::sync::Arc;

use http_body_util::{BodyExt as _, Full, Limited};
use hyper::body::{Bytes, Incoming};
use hyper::{Request, Response, StatusCode};
use hyper_util::rt::TokioIo;
use lefi::model::lefi::request::BASE_PATH;
use tokio::net::TcpListener;
use tokio::sync::oneshot;
use tokio::task::JoinHandle;

use super::TestDouble;
use super::answers::Answers;

/// The most of a request body the double reads.
const MAX_REQUEST_BYTES: usize = 64 * 1024 * 1024;

/// What every connection shares.
pub(super) struct State {
    pub(super) config: TestDouble,
    pub(super) answers: Answers,
}

/// A running double; stops when [`shutdown`](Self::shutdown) is called or it is dropped.
#[derive(Debug)]
pub struct RunningDouble {
    addr: SocketAddr,
    tls: bool,
    stop: Option<oneshot::Sender<()>>,
    task: Option<JoinHandle<()>>,
}

impl RunningDouble {
    /// The bound address (the port, when bound to port 0).
    pub fn local_addr(&self) -> SocketAddr {
        self.addr
    }

    /// The origin under `host` (which the server certificate must name for HTTPS):
    /// `https://host:port` or `http://host:port`. It is the SSBTEK endpoint and the LEFI v9
    /// base URL.
    pub fn url(&self, host: &str) -> String {
        let scheme = if self.tls { "https" } else { "http" };
        format!("{scheme}://{host}:{}", self.addr.port())
    }

    /// Serves until the process ends (for `lefi serve`).
    pub async fn wait(mut self) {
        if let Some(task) = self.task.take() {
            let _ = task.await;
        }
    }

    /// Stops accepting and waits for the accept loop to end.
    pub async fn shutdown(mut self) {
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(());
        }
        if let Some(task) = self.task.take() {
            let _ = task.await;
        }
    }
}

impl Drop for RunningDouble {
    fn drop(&mut self) {
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(());
        }
    }
}

pub(super) async fn start(config: TestDouble, addr: SocketAddr) -> io::Result<RunningDouble> {
    let acceptor = match &config.tls {
        Some(tls) => {
            let server = tls
                .config()
                .map_err(|e| io::Error::new(io::ErrorKind::InvalidInput, e))?;
            Some(tokio_rustls::TlsAcceptor::from(Arc::new(server)))
        }
        None => None,
    };
    let answers = Answers::load(config.answers.as_deref())?;
    let listener = TcpListener::bind(addr).await?;
    let addr = listener.local_addr()?;
    let tls = acceptor.is_some();
    let state = Arc::new(State { config, answers });
    let (stop, mut stopped) = oneshot::channel();
    let task = tokio::spawn(async move {
        loop {
            tokio::select! {
                _ = &mut stopped => break,
                accepted = listener.accept() => {
                    let Ok((tcp, _)) = accepted else { continue };
                    tokio::spawn(connection(tcp, acceptor.clone(), Arc::clone(&state)));
                }
            }
        }
    });
    Ok(RunningDouble {
        addr,
        tls,
        stop: Some(stop),
        task: Some(task),
    })
}

async fn connection(
    tcp: tokio::net::TcpStream,
    acceptor: Option<tokio_rustls::TlsAcceptor>,
    state: Arc<State>,
) {
    let service = hyper::service::service_fn(move |req| handle(Arc::clone(&state), req));
    let http = hyper::server::conn::http1::Builder::new();
    let served = match acceptor {
        Some(acceptor) => match acceptor.accept(tcp).await {
            Ok(stream) => http.serve_connection(TokioIo::new(stream), service).await,
            Err(e) => {
                tracing::info!(target: "lefi_client::testing", error = %e, "tls handshake refused");
                return;
            }
        },
        None => http.serve_connection(TokioIo::new(tcp), service).await,
    };
    if let Err(e) = served {
        tracing::debug!(target: "lefi_client::testing", error = %e, "connection ended");
    }
}

async fn handle(
    state: Arc<State>,
    req: Request<Incoming>,
) -> Result<Response<Full<Bytes>>, Infallible> {
    let (parts, body) = req.into_parts();
    let body = match Limited::new(body, MAX_REQUEST_BYTES).collect().await {
        Ok(collected) => collected.to_bytes(),
        Err(_) => return Ok(plain(StatusCode::PAYLOAD_TOO_LARGE)),
    };
    if !state.config.delay.is_zero() {
        tokio::time::sleep(state.config.delay).await;
    }
    let path = parts.uri.path();
    let (operation, response) = if path == "/" && !state.config.ssbtek.is_empty() {
        ("ssbtek", super::ssbtek::handle(&state, &parts, &body))
    } else if state.config.lefi_v9 && path.starts_with(BASE_PATH) {
        (
            "lefi-v9",
            super::lefi_v9::handle(&state, &parts.method, path, &body),
        )
    } else {
        ("unknown", plain(StatusCode::NOT_FOUND))
    };
    tracing::info!(
        target: "lefi_client::testing",
        service = operation,
        status = response.status().as_u16(),
        "served"
    );
    Ok(response)
}

/// A response with a status and no body.
pub(super) fn plain(status: StatusCode) -> Response<Full<Bytes>> {
    let mut response = Response::new(Full::new(Bytes::new()));
    *response.status_mut() = status;
    response
}

/// A response with a body and its content type.
pub(super) fn with_body(
    status: StatusCode,
    content_type: &'static str,
    body: Vec<u8>,
) -> Response<Full<Bytes>> {
    let mut response = Response::new(Full::new(Bytes::from(body)));
    *response.status_mut() = status;
    response.headers_mut().insert(
        hyper::header::CONTENT_TYPE,
        hyper::header::HeaderValue::from_static(content_type),
    );
    response
}
