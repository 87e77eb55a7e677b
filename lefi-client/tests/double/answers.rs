//! The double answers from the files about the person asked about, and generates answers
//! for everyone else.

use lefi::model::ssbtek::{Agency, Outcome, SsbtekDocument, SsbtekMessage};
use lefi::version::SsbtekVersion;
use lefi::wire::ssbtek;
use lefi_client::testing::{TestDouble, generate};

use crate::support::{AKTOR, PERSON, Setup, answered, lefi_fraga, ssbtek_fraga, year_2024};

#[tokio::test]
async fn answer_files_are_matched_by_the_person() {
    let dir = std::env::temp_dir().join(format!("lefi-client-answers-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    // LEFI: an answer without payments for PERSON.
    std::fs::write(dir.join(format!("{PERSON}.lefi-v9.json")), b"{}").unwrap();
    // SSBTEK v11: only Transportstyrelsen answers for PERSON.
    let only_tns = ssbtek_fraga(&[Agency::Tns], "A-1", SsbtekVersion::V11)
        .build()
        .unwrap();
    let svar = generate::ssbtek_answer(&only_tns, SsbtekVersion::V11).unwrap();
    let doc = SsbtekDocument::new(SsbtekVersion::V11, SsbtekMessage::Response(Box::new(svar)));
    std::fs::write(
        dir.join(format!("{PERSON}.ssbtek-v11.xml")),
        ssbtek::to_vec(&doc).unwrap(),
    )
    .unwrap();

    let setup = Setup::new(
        TestDouble::new()
            .lefi_v9()
            .ssbtek(SsbtekVersion::V11)
            .aktor(AKTOR)
            .answers(&dir),
    )
    .await;
    let answer = setup
        .lefi()
        .fraga(AKTOR, lefi_fraga(year_2024()))
        .await
        .unwrap();
    assert_eq!(answer.value.payments().count(), 0, "the file's answer");
    let answer = setup
        .ssbtek(SsbtekVersion::V11)
        .hamta(ssbtek_fraga(&Agency::ALL, "A-2", SsbtekVersion::V11))
        .await
        .unwrap();
    assert_eq!(
        answered(&answer.value.svarsdata),
        [(Agency::Tns, Outcome::Data)]
    );
    // The korrelationsid is the question's, not the file's.
    assert_eq!(
        answer.value.korrelationsid.as_deref(),
        Some(answer.correlation_id.as_str())
    );
    std::fs::remove_dir_all(&dir).unwrap();
}

#[tokio::test]
async fn a_broken_answer_file_stops_the_double_from_starting() {
    let dir = std::env::temp_dir().join(format!("lefi-client-broken-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join(format!("{PERSON}.ssbtek-v11.xml")), b"<nope/>").unwrap();
    let err = TestDouble::new()
        .ssbtek(SsbtekVersion::V11)
        .answers(&dir)
        .bind("127.0.0.1:0".parse().unwrap())
        .await
        .unwrap_err();
    let message = err.to_string();
    assert!(
        message.starts_with("1974********.ssbtek-v11.xml: "),
        "{message}"
    );
    assert!(!message.contains(&PERSON[2..]), "{message}");
    std::fs::remove_dir_all(&dir).unwrap();
}
