//! Certificates (a CA, server and client certificates, a stranger's CA), the double on
//! loopback, the questions, and the log capture.

use std::io::Write;
use std::sync::{Arc, Mutex, OnceLock};

use chrono::NaiveDate;
use lefi::codes::{FkFormanGrupp, FormanGrupp, PmFormanGrupp};
use lefi::id::{Organisationsnummer, Personnummer};
use lefi::legal::{Actor, ActorKind, LawfulPurpose, marker};
use lefi::model::lefi::request::FragaBuilder;
use lefi::model::ssbtek::{
    Agency, Arendeidentitet, BastjanstFragaBuilder, Outcome, SkatteverketFraga, Svarsdata,
};
use lefi::period::Period;
use lefi::version::SsbtekVersion;
use lefi_client::testing::{RunningDouble, TestDouble};
use lefi_client::{Client, Error, Identity, LefiV9Client, ServerTls, SsbtekClient, TrustRoots};
use rcgen::{
    BasicConstraints, CertificateParams, DnType, ExtendedKeyUsagePurpose, IsCa, KeyPair,
    KeyUsagePurpose,
};

/// The person asked about in every test (and looked for in the logs).
pub const PERSON: &str = "197407029284";
/// The aktörs-id the double knows.
pub const AKTOR: &str = "test-aktor";

/// A certificate authority.
pub struct Ca {
    cert: rcgen::Certificate,
    key: KeyPair,
}

impl Ca {
    pub fn new(name: &str) -> Self {
        let key = KeyPair::generate().unwrap();
        let mut params = CertificateParams::new(Vec::<String>::new()).unwrap();
        params.is_ca = IsCa::Ca(BasicConstraints::Unconstrained);
        params.distinguished_name.push(DnType::CommonName, name);
        params.key_usages = vec![
            KeyUsagePurpose::KeyCertSign,
            KeyUsagePurpose::CrlSign,
            KeyUsagePurpose::DigitalSignature,
        ];
        let cert = params.self_signed(&key).unwrap();
        Self { cert, key }
    }

    pub fn roots(&self) -> TrustRoots {
        TrustRoots::from_pem(self.cert.pem().as_bytes()).unwrap()
    }

    pub fn pem(&self) -> String {
        self.cert.pem()
    }

    /// A leaf for `names` (DNS names or IP addresses) with `usage`: (certificate PEM, key PEM).
    pub fn leaf(&self, names: &[&str], usage: ExtendedKeyUsagePurpose) -> (String, String) {
        let key = KeyPair::generate().unwrap();
        let names: Vec<String> = names.iter().map(|n| (*n).to_owned()).collect();
        let mut params = CertificateParams::new(names).unwrap();
        params
            .distinguished_name
            .push(DnType::CommonName, "lefi-client test");
        params.extended_key_usages = vec![usage];
        let cert = params.signed_by(&key, &self.cert, &self.key).unwrap();
        (cert.pem(), key.serialize_pem())
    }

    pub fn server(&self, names: &[&str]) -> Identity {
        let (cert, key) = self.leaf(names, ExtendedKeyUsagePurpose::ServerAuth);
        Identity::from_pem(cert.as_bytes(), key.as_bytes()).unwrap()
    }

    pub fn client(&self) -> Identity {
        let (cert, key) = self.leaf(&[], ExtendedKeyUsagePurpose::ClientAuth);
        Identity::from_pem(cert.as_bytes(), key.as_bytes()).unwrap()
    }
}

/// The usual set-up: one CA for both sides, the server certificate for 127.0.0.1, client
/// certificates required.
pub struct Setup {
    pub ca: Ca,
    /// Serves while the set-up lives.
    #[expect(dead_code, reason = "held to keep the double running")]
    pub double: RunningDouble,
    pub url: String,
}

impl Setup {
    pub async fn new(double: TestDouble) -> Self {
        capture_logs();
        let ca = Ca::new("test CA");
        let tls = ServerTls::new(ca.server(&["127.0.0.1"])).require_client_cert(ca.roots());
        let double = double
            .tls(tls)
            .bind("127.0.0.1:0".parse().unwrap())
            .await
            .unwrap();
        let url = double.url("127.0.0.1");
        Self { ca, double, url }
    }

    /// The double that serves both services and knows [`AKTOR`].
    pub async fn both() -> Self {
        Self::new(
            TestDouble::new()
                .lefi_v9()
                .ssbtek(SsbtekVersion::V11)
                .aktor(AKTOR),
        )
        .await
    }

    pub fn client(&self) -> Client {
        Client::builder(self.ca.roots())
            .identity(self.ca.client())
            .build()
            .unwrap()
    }

    /// A LEFI v9 client for the double, with the CA's client certificate.
    pub fn lefi(&self) -> LefiV9Client {
        self.client().lefi_v9(&self.url).unwrap()
    }

    /// An SSBTEK client for the double in `version`, with the CA's client certificate.
    pub fn ssbtek(&self, version: SsbtekVersion) -> SsbtekClient {
        self.client().ssbtek(&self.url, version).unwrap()
    }
}

/// The agencies in an answer, with their outcomes.
pub fn answered(svarsdata: &Svarsdata) -> Vec<(Agency, Outcome)> {
    svarsdata
        .outcomes()
        .filter(|(_, o)| *o != Outcome::NotInAnswer)
        .collect()
}

/// The usual LEFI question sent by `client` to `url`, which must fail.
pub async fn lefi_error(client: &Client, url: &str) -> Error {
    client
        .lefi_v9(url)
        .unwrap()
        .fraga(AKTOR, lefi_fraga(year_2024()))
        .await
        .unwrap_err()
}

/// The SSBTEK v11 ping sent by `client` to `url`, which must fail.
pub async fn ping_error(client: &Client, url: &str) -> Error {
    client
        .ssbtek(url, SsbtekVersion::V11)
        .unwrap()
        .testa()
        .await
        .unwrap_err()
}

pub fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

pub fn person() -> Personnummer {
    Personnummer::parse(PERSON).unwrap()
}

/// A LEFI question for samordning about [`PERSON`] over `period`: sjukpenning from
/// Försäkringskassan, allmän pension payments (executed and preliminary) from
/// Pensionsmyndigheten.
pub fn lefi_fraga(period: Period) -> FragaBuilder {
    let lawful = LawfulPurpose::consent_free(marker::Samordning);
    let ap = FormanGrupp::Pm(PmFormanGrupp::Ap);
    FragaBuilder::new(&lawful, &person(), period)
        .unwrap()
        .formansinformation([FkFormanGrupp::Sjp])
        .utbetalningar([ap])
        .preliminara_utbetalningar([ap])
}

pub fn year_2024() -> Period {
    Period::new(d(2024, 1, 1), d(2024, 12, 31)).unwrap()
}

/// An SSBTEK question by a kommun about [`PERSON`] including `agencies` (FK with its LEFI
/// question, SKV with its Skatteverket question when `version` carries one).
pub fn ssbtek_fraga(
    agencies: &[Agency],
    arende: &str,
    version: SsbtekVersion,
) -> BastjanstFragaBuilder {
    let kommun = Actor::new(
        ActorKind::Kommun,
        Organisationsnummer::parse("212000-2411").unwrap(),
        "Sundsvalls kommun",
    )
    .unwrap();
    let lawful = LawfulPurpose::consent_free(marker::EkonomisktBistand);
    let mut builder = BastjanstFragaBuilder::new(
        &kommun,
        "handl01",
        &person(),
        Arendeidentitet::new(arende).unwrap(),
        Period::new(d(2025, 1, 1), d(2025, 6, 30)).unwrap(),
        &lawful,
    )
    .unwrap();
    for agency in agencies {
        builder = match agency {
            Agency::Fk => {
                let fraga = lefi_fraga(year_2024()).build().unwrap();
                builder.fk("ssbtek-aktor", &fraga)
            }
            Agency::Skv if version == SsbtekVersion::V11 => {
                builder.skatteverket_fraga(SkatteverketFraga::recent_years(d(2025, 7, 1)))
            }
            other => builder.include(*other),
        };
    }
    builder
}

/// Every log line of this test binary (all levels), written by a global subscriber that
/// each test installs first.
pub fn logs() -> String {
    String::from_utf8_lossy(&buffer().lock().unwrap()).into_owned()
}

fn buffer() -> &'static Arc<Mutex<Vec<u8>>> {
    static BUFFER: OnceLock<Arc<Mutex<Vec<u8>>>> = OnceLock::new();
    BUFFER.get_or_init(Arc::default)
}

#[derive(Clone)]
struct Capture(Arc<Mutex<Vec<u8>>>);

impl Write for Capture {
    fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
        self.0.lock().unwrap().extend_from_slice(bytes);
        Ok(bytes.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

pub fn capture_logs() {
    static INSTALLED: OnceLock<()> = OnceLock::new();
    INSTALLED.get_or_init(|| {
        let writer = Capture(Arc::clone(buffer()));
        let subscriber = tracing_subscriber::fmt()
            .with_max_level(tracing::Level::TRACE)
            .with_ansi(false)
            .with_writer(move || writer.clone())
            .finish();
        tracing::subscriber::set_global_default(subscriber).unwrap();
    });
}
