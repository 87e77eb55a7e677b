//! Trust is only what the caller configures: a client certificate from another CA is
//! refused by the double; a server certificate from another CA, or for another host name,
//! is refused by the client; a slow server hits the timeout.

use std::time::Duration;

use lefi::version::SsbtekVersion;
use lefi_client::testing::TestDouble;
use lefi_client::{Client, ErrorKind, ServerTls};

use crate::support::{AKTOR, Ca, Setup, capture_logs, lefi_error, ping_error};

#[tokio::test]
async fn a_client_certificate_from_another_ca_is_refused() {
    let setup = Setup::both().await;
    let stranger = Ca::new("stranger CA");
    let client = Client::builder(setup.ca.roots())
        .identity(stranger.client())
        .build()
        .unwrap();
    let err = lefi_error(&client, &setup.url).await;
    assert!(
        matches!(err.kind(), ErrorKind::Connect | ErrorKind::Transport),
        "{err:?}"
    );
    // Without any client certificate: refused too.
    let anonymous = Client::builder(setup.ca.roots()).build().unwrap();
    let err = ping_error(&anonymous, &setup.url).await;
    assert!(
        matches!(err.kind(), ErrorKind::Connect | ErrorKind::Transport),
        "{err:?}"
    );
}

#[tokio::test]
async fn a_server_certificate_not_from_the_configured_roots_is_refused() {
    let setup = Setup::both().await;
    let stranger = Ca::new("stranger CA");
    let client = Client::builder(stranger.roots())
        .identity(setup.ca.client())
        .build()
        .unwrap();
    let err = ping_error(&client, &setup.url).await;
    assert_eq!(err.kind(), ErrorKind::Connect, "{err:?}");
}

#[tokio::test]
async fn a_server_certificate_for_another_host_name_is_refused() {
    capture_logs();
    let ca = Ca::new("test CA");
    let double = TestDouble::new()
        .ssbtek(SsbtekVersion::V11)
        .tls(ServerTls::new(ca.server(&["ssbtek.example.se"])))
        .bind("127.0.0.1:0".parse().unwrap())
        .await
        .unwrap();
    let client = Client::builder(ca.roots()).build().unwrap();
    let err = ping_error(&client, &double.url("127.0.0.1")).await;
    assert_eq!(err.kind(), ErrorKind::Connect, "{err:?}");
    double.shutdown().await;
}

#[tokio::test]
async fn a_slow_server_hits_the_timeout() {
    let setup = Setup::new(
        TestDouble::new()
            .lefi_v9()
            .aktor(AKTOR)
            .delay(Duration::from_secs(3)),
    )
    .await;
    let client = Client::builder(setup.ca.roots())
        .identity(setup.ca.client())
        .timeout(Duration::from_millis(300))
        .build()
        .unwrap();
    let started = std::time::Instant::now();
    let err = lefi_error(&client, &setup.url).await;
    assert!(matches!(err, lefi_client::Error::Timeout { .. }), "{err:?}");
    assert_eq!(err.kind(), ErrorKind::Transport);
    assert!(started.elapsed() < Duration::from_secs(2));
}

#[tokio::test]
async fn nothing_listening_is_a_connect_error() {
    let setup = Setup::both().await;
    let client = setup.client();
    let port = {
        let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        listener.local_addr().unwrap().port()
    };
    let err = ping_error(&client, &format!("https://127.0.0.1:{port}")).await;
    assert_eq!(err.kind(), ErrorKind::Connect, "{err:?}");
}
