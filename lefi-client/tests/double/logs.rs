//! No log line names the person: the calls of this test (and of every other test in the
//! binary, which share the capture) log operation, agency, status, duration and
//! correlation id only.

use lefi::model::ssbtek::Agency;
use lefi::version::SsbtekVersion;
use lefi_client::testing::{Injection, TestDouble};

use crate::support::{AKTOR, PERSON, Setup, lefi_fraga, logs, ssbtek_fraga, year_2024};

#[tokio::test]
async fn no_log_line_contains_a_personnummer() {
    let setup = Setup::new(
        TestDouble::new()
            .lefi_v9()
            .ssbtek(SsbtekVersion::V11)
            .aktor(AKTOR)
            .inject(Agency::Af, Injection::error("NERE")),
    )
    .await;
    let client = setup.client();
    let lefi = client.lefi_v9(&setup.url).unwrap();
    let answer = lefi.fraga(AKTOR, lefi_fraga(year_2024())).await.unwrap();
    let _ = lefi.fraga("unknown", lefi_fraga(year_2024())).await;
    let ssbtek = client.ssbtek(&setup.url, SsbtekVersion::V11).unwrap();
    ssbtek
        .hamta(ssbtek_fraga(&Agency::ALL, "A-7", SsbtekVersion::V11))
        .await
        .unwrap();

    let logs = logs();
    assert!(logs.contains("lefi_client.call"), "{logs}");
    assert!(
        logs.contains("operation=\"hamtaFormansinformation\""),
        "{logs}"
    );
    assert!(
        logs.contains("operation=\"hamtaBastjanstInformation\""),
        "{logs}"
    );
    assert!(logs.contains(answer.correlation_id.as_str()), "{logs}");
    assert!(logs.contains("duration_ms="), "{logs}");
    assert!(logs.contains("status=403"), "{logs}");
    let ten = &PERSON[2..];
    for line in logs.lines() {
        assert!(!line.contains(ten), "a log line names the person: {line}");
        assert!(
            !line.contains("9001011234"),
            "a log line names a sample person: {line}"
        );
        assert!(
            !line.contains("behörig"),
            "a log line quotes an agency message: {line}"
        );
    }
}
