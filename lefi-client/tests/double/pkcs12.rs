//! A PKCS#12 client identity (feature `pkcs12`) is accepted by the double like its PEM form;
//! a wrong password is a typed error.

use lefi_client::{Client, Identity, TlsError};
use p12_keystore::{Certificate, KeyStore, KeyStoreEntry, PrivateKey, PrivateKeyChain};
use rcgen::ExtendedKeyUsagePurpose;

use crate::support::{AKTOR, Setup, lefi_fraga, year_2024};

use rustls::pki_types::pem::PemObject;
use rustls::pki_types::{CertificateDer, PrivateKeyDer};

#[tokio::test]
async fn a_pkcs12_identity_is_presented() {
    let setup = Setup::both().await;
    let (cert, key) = setup.ca.leaf(&[], ExtendedKeyUsagePurpose::ClientAuth);
    let chain = PrivateKeyChain::new(
        vec![1u8],
        PrivateKey::from_der(
            PrivateKeyDer::from_pem_slice(key.as_bytes())
                .unwrap()
                .secret_der(),
        )
        .unwrap(),
        [
            Certificate::from_der(&CertificateDer::from_pem_slice(cert.as_bytes()).unwrap())
                .unwrap(),
        ],
    );
    let mut store = KeyStore::new();
    store.add_entry("client", KeyStoreEntry::PrivateKeyChain(chain));
    let archive = store.writer("hemligt").write().unwrap();

    assert_eq!(
        Identity::from_pkcs12(&archive, "fel").unwrap_err(),
        TlsError::Pkcs12
    );
    let identity = Identity::from_pkcs12(&archive, "hemligt").unwrap();
    let client = Client::builder(setup.ca.roots())
        .identity(identity)
        .build()
        .unwrap();
    let answer = client
        .lefi_v9(&setup.url)
        .unwrap()
        .fraga(AKTOR, lefi_fraga(year_2024()))
        .await
        .unwrap();
    assert_eq!(answer.value.payments().count(), 4);
}
