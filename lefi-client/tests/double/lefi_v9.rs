//! LEFI v9 over mTLS: a question round-trips to the typed answer; 403 and 400 come back as
//! typed errors with the `LefiFelsvar` message.

use lefi::codes::{FkFormanGrupp, FormanGrupp, PmFormanGrupp};
use lefi::legal::{LawfulPurpose, marker};
use lefi::model::lefi::request::{AgreedException, FragaBuilder};
use lefi::period::Period;
use lefi_client::{Error, ErrorKind};

use crate::support::{AKTOR, Setup, d, lefi_fraga, person, year_2024};

#[tokio::test]
async fn a_lefi_question_round_trips_to_the_typed_answer() {
    let setup = Setup::both().await;
    let lefi = setup.lefi();
    let answer = lefi.fraga(AKTOR, lefi_fraga(year_2024())).await.unwrap();
    assert_eq!(answer.value.payments().count(), 4);
    assert!(answer.value.check().is_empty());
    let person = answer.value.formansinformation.as_ref().unwrap();
    let first = &person.generell_personinformation.as_ref().unwrap()[0];
    assert_eq!(
        first.personnummer.as_ref().unwrap().expose(),
        crate::support::PERSON
    );
    assert_eq!(answer.correlation_id.as_str().len(), 36);

    let types = lefi.tillgangliga_informationstyper(AKTOR).await.unwrap();
    assert!(!types.value.formansinformation.unwrap().is_empty());
    assert_ne!(types.correlation_id, answer.correlation_id);
}

#[tokio::test]
async fn the_generated_answer_holds_only_the_groups_asked() {
    let setup = Setup::both().await;
    let lawful = LawfulPurpose::consent_free(marker::Samordning);
    let fk_only = FragaBuilder::new(&lawful, &person(), year_2024())
        .unwrap()
        .formansinformation([FkFormanGrupp::Sjp]);
    let answer = setup.lefi().fraga(AKTOR, fk_only).await.unwrap();
    assert_eq!(answer.value.payments().count(), 2);
    assert!(answer.value.utbetalningar.is_none());
    assert!(answer.value.preliminara_utbetalningar.is_none());
    let pm_only = FragaBuilder::new(&lawful, &person(), year_2024())
        .unwrap()
        .utbetalningar([FormanGrupp::Pm(PmFormanGrupp::Ap)]);
    let answer = setup.lefi().fraga(AKTOR, pm_only).await.unwrap();
    assert_eq!(answer.value.payments().count(), 1);
    assert!(answer.value.formansinformation.is_none());
}

#[tokio::test]
async fn an_unknown_aktor_is_a_typed_403() {
    let setup = Setup::both().await;
    let lefi = setup.lefi();
    let err = lefi
        .fraga("someone-else", lefi_fraga(year_2024()))
        .await
        .unwrap_err();
    assert!(matches!(err, Error::Lefi { status: 403, .. }), "{err:?}");
    assert_eq!(err.kind(), ErrorKind::Refused);
    let meddelande = err.felsvar().unwrap().meddelande.as_deref().unwrap();
    assert!(meddelande.contains("behörig"), "{meddelande}");
    assert!(err.correlation_id().is_some());
    // Display names the status, never the agency's message.
    assert!(!err.to_string().contains(meddelande));
}

#[tokio::test]
async fn a_question_the_api_refuses_is_a_typed_400() {
    let setup = Setup::both().await;
    let lefi = setup.lefi();
    // The caller states an agreed exception the service does not know of: over two years.
    let long = Period::new(d(2020, 1, 1), d(2024, 12, 31)).unwrap();
    let fraga = lefi_fraga(long).allow_period_over_two_years(AgreedException::new("avtal 1"));
    let err = lefi.fraga(AKTOR, fraga).await.unwrap_err();
    assert!(matches!(err, Error::Lefi { status: 400, .. }), "{err:?}");
    let meddelande = err.felsvar().unwrap().meddelande.as_deref().unwrap();
    assert!(meddelande.contains("two years"), "{meddelande}");
}

#[tokio::test]
async fn a_url_without_scheme_is_refused_before_sending() {
    let setup = Setup::both().await;
    let err = setup.client().lefi_v9("localhost:1").unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Setup);
}
