//! `lefi serve` (the test double) and `lefi send` (build, send once, print the summary).

use std::path::{Path, PathBuf};
use std::time::Duration;

use lefi::convert::{Document, DocumentSummary, Format};
use lefi::model::ssbtek::{Agency, SsbtekDocument, SsbtekMessage};
use lefi_client::testing::{Injection, TestDouble};
use lefi_client::{Client, Error, ErrorKind, Identity, ServerTls, TrustRoots};

use super::{
    Failure, RequestArgs, parse_format, plan, plan_failure, refused, required, warn, write_stdout,
};

/// `lefi serve`: the contract-checking test double.
#[derive(Debug, clap::Args)]
pub(crate) struct ServeArgs {
    /// Serve LEFI Online v9 (under /lefi-extern-formansinformation/v9).
    #[arg(long)]
    lefi_v9: bool,
    /// Serve SSBTEK v10 at /.
    #[arg(long)]
    ssbtek_v10: bool,
    /// Serve SSBTEK v11 at /.
    #[arg(long)]
    ssbtek_v11: bool,
    /// Answer files: `<12 digits>.lefi-v9.json`, `<12 digits>.ssbtek-v10.xml`,
    /// `<12 digits>.ssbtek-v11.xml`; other people get generated answers.
    #[arg(long)]
    answers: Option<PathBuf>,
    /// A LEFI aktörs-id the double knows (repeatable; others get 403).
    #[arg(long = "aktor", default_value = "test-aktor")]
    aktorer: Vec<String>,
    /// Answer for an agency with an error or an undecodable block: `FK=error:TIMEOUT`,
    /// `MIV=undecodable` (repeatable).
    #[arg(long)]
    inject: Vec<String>,
    /// The server certificate chain (PEM): serve HTTPS.
    #[arg(long, requires = "tls_key")]
    tls_cert: Option<PathBuf>,
    /// The server certificate's private key (PEM).
    #[arg(long, requires = "tls_cert")]
    tls_key: Option<PathBuf>,
    /// Require client certificates that chain to these CA certificates (PEM).
    #[arg(long, requires = "tls_cert")]
    client_ca: Option<PathBuf>,
    /// The address to listen on.
    #[arg(long, default_value = "127.0.0.1")]
    host: std::net::IpAddr,
    /// The port (0: any free port; the first line printed names it).
    #[arg(long)]
    port: u16,
}

/// `lefi send`: the `lefi request` flags plus where and how to send.
#[derive(Debug, clap::Args)]
pub(crate) struct SendArgs {
    #[command(flatten)]
    request: RequestArgs,
    /// The SSBTEK endpoint, or for LEFI v9 the base before /lefi-extern-formansinformation.
    #[arg(long)]
    url: String,
    /// The client certificate chain (PEM).
    #[arg(long, requires = "key")]
    cert: Option<PathBuf>,
    /// The client certificate's private key (PEM).
    #[arg(long, requires = "cert")]
    key: Option<PathBuf>,
    /// The CA certificates to trust for the server (PEM); without it only http:// to a loopback host (a test double) works.
    #[arg(long)]
    ca: Option<PathBuf>,
    /// The total timeout in seconds.
    #[arg(long, default_value_t = 30)]
    timeout: u64,
}

fn read(path: &Path) -> Result<Vec<u8>, Failure> {
    std::fs::read(path)
        .map_err(|e| Failure::Unreadable(format!("cannot read {}: {}", path.display(), e.kind())))
}

fn runtime() -> Result<tokio::runtime::Runtime, Failure> {
    tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .map_err(|e| Failure::Unreadable(format!("cannot start the runtime: {}", e.kind())))
}

fn injection(text: &str) -> Result<(Agency, Injection), Failure> {
    let bad = || {
        Failure::Refused(format!(
            "--inject {text:?}: expected AGENCY=error:CODE or AGENCY=undecodable"
        ))
    };
    let (agency, what) = text.split_once('=').ok_or_else(bad)?;
    let agency: Agency = agency.parse().map_err(|_| bad())?;
    let injection = match what.split_once(':') {
        Some(("error", code)) if !code.is_empty() => Injection::error(code),
        None if what == "undecodable" => Injection::Undecodable,
        _ => return Err(bad()),
    };
    Ok((agency, injection))
}

pub(crate) fn serve(args: &ServeArgs) -> Result<(), Failure> {
    let mut double = TestDouble::new();
    if args.lefi_v9 {
        double = double.lefi_v9();
    }
    if args.ssbtek_v10 {
        double = double.ssbtek(lefi::version::SsbtekVersion::V10);
    }
    if args.ssbtek_v11 {
        double = double.ssbtek(lefi::version::SsbtekVersion::V11);
    }
    if !(args.lefi_v9 || args.ssbtek_v10 || args.ssbtek_v11) {
        return Err(Failure::Refused(
            "name a service: --lefi-v9, --ssbtek-v10 and/or --ssbtek-v11".into(),
        ));
    }
    if let Some(dir) = &args.answers {
        double = double.answers(dir);
    }
    for aktor in &args.aktorer {
        double = double.aktor(aktor);
    }
    for text in &args.inject {
        let (agency, injection) = injection(text)?;
        double = double.inject(agency, injection);
    }
    if let (Some(cert), Some(key)) = (&args.tls_cert, &args.tls_key) {
        let identity = Identity::from_pem(&read(cert)?, &read(key)?).map_err(refused)?;
        let mut tls = ServerTls::new(identity);
        if let Some(ca) = &args.client_ca {
            tls = tls.require_client_cert(TrustRoots::from_pem(&read(ca)?).map_err(refused)?);
        }
        double = double.tls(tls);
    }
    let addr = std::net::SocketAddr::new(args.host, args.port);
    runtime()?.block_on(async {
        let running = double
            .bind(addr)
            .await
            .map_err(|e| Failure::Unreadable(format!("cannot serve on {addr}: {e}")))?;
        write_stdout(format!("listening on {}\n", running.url(&args.host.to_string())).as_bytes())?;
        running.wait().await;
        Ok(())
    })
}

pub(crate) fn send(args: &SendArgs) -> Result<(), Failure> {
    let request = &args.request;
    let to = parse_format(&request.to)?;
    if request.ping {
        // only SSBTEK has a ping; anything else would send a real question
        lefi::convert::ping(to).map_err(plan_failure)?;
    }
    let roots = match &args.ca {
        Some(ca) => TrustRoots::from_pem(&read(ca)?).map_err(refused)?,
        None => TrustRoots::from_der([]),
    };
    let mut builder = Client::builder(roots).timeout(Duration::from_secs(args.timeout));
    if let (Some(cert), Some(key)) = (&args.cert, &args.key) {
        builder = builder.identity(Identity::from_pem(&read(cert)?, &read(key)?).map_err(refused)?);
    }
    let client = builder.build().map_err(refused)?;
    let document = runtime()?.block_on(async {
        match to.ssbtek_version() {
            Some(version) => {
                let ssbtek = client.ssbtek(&args.url, version).map_err(refused)?;
                if request.ping {
                    let answer = ssbtek.testa().await.map_err(sent)?;
                    warn(&answer.warnings);
                    eprintln!("correlation id {}", answer.correlation_id);
                    let message = SsbtekMessage::PingResponse(Box::new(answer.value));
                    return Ok(Document::Ssbtek(Box::new(SsbtekDocument::new(
                        version, message,
                    ))));
                }
                let builder = plan(request, to)?
                    .ssbtek_builder(version, to)
                    .map_err(plan_failure)?;
                let answer = ssbtek.hamta(builder).await.map_err(sent)?;
                warn(&answer.warnings);
                eprintln!("correlation id {}", answer.correlation_id);
                let message = SsbtekMessage::Response(Box::new(answer.value));
                Ok(Document::Ssbtek(Box::new(SsbtekDocument::new(
                    version, message,
                ))))
            }
            None if to == Format::LefiV9 => {
                let aktorsid = required("aktorsid", request.aktorsid.as_deref())?;
                let lefi = client.lefi_v9(&args.url).map_err(refused)?;
                let builder = plan(request, to)?.lefi_builder().map_err(plan_failure)?;
                let answer = lefi.fraga(aktorsid, builder).await.map_err(sent)?;
                warn(&answer.warnings);
                eprintln!("correlation id {}", answer.correlation_id);
                Ok(Document::LefiSvar(Box::new(answer.value)))
            }
            None => Err(Failure::Refused(format!(
                "{to} is not sent over the network: use lefi-v9, ssbtek-v10 or ssbtek-v11"
            ))),
        }
    })?;
    write_stdout(DocumentSummary::new(&document).to_string().as_bytes())
}

/// A failed call: refused by the service (4xx, SOAP fault) is 1, everything else 2.
fn sent(e: Error) -> Failure {
    let mut message = e.to_string();
    if let Some(text) = e.felsvar().and_then(|f| f.meddelande.as_deref()) {
        message.push_str(": ");
        message.push_str(text);
    }
    match e.kind() {
        ErrorKind::Refused | ErrorKind::Setup => Failure::Refused(message),
        _ => Failure::Unreadable(message),
    }
}
