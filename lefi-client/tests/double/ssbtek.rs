//! SSBTEK v11 over mTLS: all seven agencies round-trip to typed answers; an injected agency
//! error and an undecodable block leave the others intact; the ping.

use lefi::model::ssbtek::{Agency, Outcome, SkvSvar};
use lefi::version::SsbtekVersion;
use lefi_client::testing::{Injection, TestDouble};

use crate::support::{AKTOR, Setup, answered, ssbtek_fraga};

#[tokio::test]
async fn an_ssbtek_v11_question_to_all_seven_agencies_round_trips() {
    let setup = Setup::both().await;
    let ssbtek = setup.ssbtek(SsbtekVersion::V11);
    let fraga = ssbtek_fraga(&Agency::ALL, "A-2025-1", SsbtekVersion::V11);
    let answer = ssbtek.hamta(fraga).await.unwrap();
    let outcomes: Vec<_> = answer.value.svarsdata.outcomes().collect();
    assert_eq!(outcomes, Agency::ALL.map(|a| (a, Outcome::Data)).to_vec());
    assert!(answer.warnings.is_empty(), "{:?}", answer.warnings);
    // The client set korrelationsid to the call's correlation id; the double echoed it.
    assert_eq!(
        answer.value.korrelationsid.as_deref(),
        Some(answer.correlation_id.as_str())
    );
    let svarsdata = &answer.value.svarsdata;
    let fk = svarsdata.fk.as_ref().unwrap().data().unwrap();
    assert_eq!(fk.svar().payments().count(), 4);
    let skv = svarsdata.skv.as_ref().unwrap().data().unwrap();
    assert!(
        matches!(skv, SkvSvar::Delar(_)),
        "ssbt/11's Skatteverket form"
    );
}

#[tokio::test]
async fn fk_down_and_a_broken_block_leave_the_rest_fine() {
    let setup = Setup::new(
        TestDouble::new()
            .ssbtek(SsbtekVersion::V11)
            .aktor(AKTOR)
            .inject(Agency::Fk, Injection::error("TIMEOUT"))
            .inject(Agency::Miv, Injection::Undecodable),
    )
    .await;
    let ssbtek = setup.ssbtek(SsbtekVersion::V11);
    let fraga = ssbtek_fraga(&Agency::ALL, "A-2025-2", SsbtekVersion::V11);
    let answer = ssbtek.hamta(fraga).await.unwrap();
    let s = &answer.value.svarsdata;
    assert_eq!(s.error_of(Agency::Fk).map(|e| e.felkod()), Some("TIMEOUT"));
    assert_eq!(s.outcome(Agency::Miv), Outcome::Undecodable);
    for agency in [
        Agency::Af,
        Agency::Csn,
        Agency::Skv,
        Agency::So,
        Agency::Tns,
    ] {
        assert_eq!(s.outcome(agency), Outcome::Data, "{agency}");
    }
    assert_eq!(answer.warnings.len(), 1, "{:?}", answer.warnings);
}

#[tokio::test]
async fn only_the_agencies_asked_answer_and_the_ping_works() {
    let setup = Setup::both().await;
    let ssbtek = setup.ssbtek(SsbtekVersion::V11);
    let answer = ssbtek
        .hamta(ssbtek_fraga(
            &[Agency::Csn, Agency::Tns],
            "A-3",
            SsbtekVersion::V11,
        ))
        .await
        .unwrap();
    assert_eq!(
        answered(&answer.value.svarsdata),
        [(Agency::Csn, Outcome::Data), (Agency::Tns, Outcome::Data)]
    );
    let ping = ssbtek.testa().await.unwrap();
    assert!(
        ping.value
            .agencies()
            .all(|(_, t)| t.is_some_and(|t| t.anropad))
    );
}
