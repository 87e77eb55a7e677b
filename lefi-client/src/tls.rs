//! TLS material: the client's identity, the roots it trusts, and the rustls configurations
//! built from them (ring provider, TLS 1.2 and 1.3, host names always verified).

use std::fmt;
use std::sync::Arc;

use rustls::RootCertStore;
use rustls::crypto::CryptoProvider;
use rustls::pki_types::pem::PemObject;
use rustls::pki_types::{CertificateDer, PrivateKeyDer};
use rustls::server::WebPkiClientVerifier;

/// Why TLS material could not be read or a TLS configuration not built.
///
/// Messages name what was wrong, never the material itself.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum TlsError {
    /// The PEM text holds no certificate.
    #[error("no certificate in the PEM input")]
    NoCertificate,
    /// The PEM text holds no private key.
    #[error("no private key in the PEM input")]
    NoPrivateKey,
    /// The PEM text could not be read.
    #[error("cannot read the PEM input ({what})")]
    Pem {
        /// What was being read: `certificate` or `private key`.
        what: &'static str,
    },
    /// The PKCS#12 archive cannot be read (malformed, an unsupported cipher, or a wrong
    /// password). Only with the `pkcs12` feature.
    #[error("cannot read the PKCS#12 archive (or the password is wrong)")]
    Pkcs12,
    /// rustls refused the material or the configuration (a certificate it cannot use as a
    /// root, a key that does not match the certificate, …).
    #[error("tls configuration refused: {0}")]
    Refused(String),
}

/// The server certificates a client trusts, or the client certificates a server accepts:
/// only these roots, never the public web roots (Försäkringskassan's chain is not among
/// them) and never "trust all".
#[derive(Clone)]
pub struct TrustRoots {
    certs: Vec<CertificateDer<'static>>,
}

impl TrustRoots {
    /// Every certificate in a PEM text (one or more `CERTIFICATE` blocks).
    ///
    /// # Errors
    /// [`TlsError::Pem`] for unreadable PEM, [`TlsError::NoCertificate`] when there is none.
    ///
    /// ```
    /// use lefi_client::TrustRoots;
    /// assert!(TrustRoots::from_pem(b"no pem here").is_err());
    /// ```
    pub fn from_pem(pem: &[u8]) -> Result<Self, TlsError> {
        Ok(Self {
            certs: certificates(pem)?,
        })
    }

    /// Certificates in DER form.
    pub fn from_der(certs: impl IntoIterator<Item = Vec<u8>>) -> Self {
        Self {
            certs: certs.into_iter().map(CertificateDer::from).collect(),
        }
    }

    /// How many certificates there are.
    pub fn len(&self) -> usize {
        self.certs.len()
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.certs.is_empty()
    }

    fn store(&self) -> Result<RootCertStore, TlsError> {
        let mut store = RootCertStore::empty();
        for cert in &self.certs {
            store.add(cert.clone()).map_err(refused)?;
        }
        Ok(store)
    }
}

impl fmt::Debug for TrustRoots {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "TrustRoots({} certificate(s))", self.certs.len())
    }
}

/// A certificate chain and its private key: the client's identity towards the services, or
/// the test double's server identity. `Debug` shows neither.
///
/// PEM always; PKCS#12 (`.p12`, `.pfx`) with the `pkcs12` feature (`from_pkcs12`), or after
/// converting it: `openssl pkcs12 -in identity.p12 -nodes -out identity.pem`, then
/// [`from_pem_bundle`](Self::from_pem_bundle).
pub struct Identity {
    chain: Vec<CertificateDer<'static>>,
    key: PrivateKeyDer<'static>,
}

impl Identity {
    /// The certificate chain (leaf first) and the private key (PKCS#8, PKCS#1 or SEC1),
    /// each in PEM.
    ///
    /// # Errors
    /// [`TlsError`] when either cannot be read or is missing.
    pub fn from_pem(cert_chain: &[u8], key: &[u8]) -> Result<Self, TlsError> {
        let chain = certificates(cert_chain)?;
        let key = PrivateKeyDer::from_pem_slice(key).map_err(|e| match e {
            rustls::pki_types::pem::Error::NoItemsFound => TlsError::NoPrivateKey,
            _ => TlsError::Pem {
                what: "private key",
            },
        })?;
        Ok(Self { chain, key })
    }

    /// One PEM text holding the chain and the key (as many tools write a client
    /// certificate).
    ///
    /// # Errors
    /// As [`from_pem`](Self::from_pem).
    pub fn from_pem_bundle(pem: &[u8]) -> Result<Self, TlsError> {
        Self::from_pem(pem, pem)
    }

    /// The first key and its certificate chain of a PKCS#12 archive (feature `pkcs12`),
    /// encrypted with PBES2 (AES, PBKDF2) or the legacy PBES1 ciphers.
    ///
    /// # Errors
    /// [`TlsError::Pkcs12`] when the archive cannot be read or the password is wrong,
    /// [`TlsError::NoPrivateKey`] when it holds no key with its certificate.
    #[cfg(feature = "pkcs12")]
    pub fn from_pkcs12(archive: &[u8], password: &str) -> Result<Self, TlsError> {
        use p12_keystore::{KeyStore, Pkcs12ImportPolicy};
        let store = KeyStore::from_pkcs12(archive, password, Pkcs12ImportPolicy::Strict)
            .map_err(|_| TlsError::Pkcs12)?;
        let (_, keychain) = store.private_key_chain().ok_or(TlsError::NoPrivateKey)?;
        let chain: Vec<CertificateDer<'static>> = keychain
            .certs()
            .iter()
            .map(|c| CertificateDer::from(c.as_der().to_vec()))
            .collect();
        if chain.is_empty() {
            return Err(TlsError::NoCertificate);
        }
        let key = rustls::pki_types::PrivatePkcs8KeyDer::from(keychain.key().as_der().to_vec());
        Ok(Self {
            chain,
            key: PrivateKeyDer::Pkcs8(key),
        })
    }

    fn parts(&self) -> (Vec<CertificateDer<'static>>, PrivateKeyDer<'static>) {
        (self.chain.clone(), self.key.clone_key())
    }
}

impl Clone for Identity {
    fn clone(&self) -> Self {
        let (chain, key) = self.parts();
        Self { chain, key }
    }
}

impl fmt::Debug for Identity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "Identity({} certificate(s), key <redacted>)",
            self.chain.len()
        )
    }
}

fn certificates(pem: &[u8]) -> Result<Vec<CertificateDer<'static>>, TlsError> {
    let certs = CertificateDer::pem_slice_iter(pem)
        .collect::<Result<Vec<_>, _>>()
        .map_err(|_| TlsError::Pem {
            what: "certificate",
        })?;
    if certs.is_empty() {
        return Err(TlsError::NoCertificate);
    }
    Ok(certs)
}

fn refused(e: impl fmt::Display) -> TlsError {
    TlsError::Refused(e.to_string())
}

/// The one crypto provider: ring.
fn provider() -> Arc<CryptoProvider> {
    Arc::new(rustls::crypto::ring::default_provider())
}

/// The client's configuration: the given roots only, the default (host-name checking)
/// verifier, and the identity when given.
pub(crate) fn client_config(
    roots: &TrustRoots,
    identity: Option<&Identity>,
) -> Result<rustls::ClientConfig, TlsError> {
    let builder = rustls::ClientConfig::builder_with_provider(provider())
        .with_safe_default_protocol_versions()
        .map_err(refused)?
        .with_root_certificates(roots.store()?);
    match identity {
        Some(id) => {
            let (chain, key) = id.parts();
            builder.with_client_auth_cert(chain, key).map_err(refused)
        }
        None => Ok(builder.with_no_client_auth()),
    }
}

/// The test double's server TLS: its identity and, when set, the roots a client
/// certificate must chain to (a client without one is then refused).
#[derive(Debug, Clone)]
pub struct ServerTls {
    identity: Identity,
    client_roots: Option<TrustRoots>,
}

impl ServerTls {
    /// Serves with `identity`, asking no client certificate.
    pub fn new(identity: Identity) -> Self {
        Self {
            identity,
            client_roots: None,
        }
    }

    /// Requires a client certificate that chains to `roots`.
    #[must_use]
    pub fn require_client_cert(mut self, roots: TrustRoots) -> Self {
        self.client_roots = Some(roots);
        self
    }

    pub(crate) fn config(&self) -> Result<rustls::ServerConfig, TlsError> {
        let builder = rustls::ServerConfig::builder_with_provider(provider())
            .with_safe_default_protocol_versions()
            .map_err(refused)?;
        let builder = match &self.client_roots {
            Some(roots) => {
                let verifier = WebPkiClientVerifier::builder_with_provider(
                    Arc::new(roots.store()?),
                    provider(),
                )
                .build()
                .map_err(refused)?;
                builder.with_client_cert_verifier(verifier)
            }
            None => builder.with_no_client_auth(),
        };
        let (chain, key) = self.identity.parts();
        let mut config = builder.with_single_cert(chain, key).map_err(refused)?;
        config.alpn_protocols = vec![b"http/1.1".to_vec()];
        Ok(config)
    }
}
