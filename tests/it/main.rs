//! The crate's integration tests, one binary (one module per topic) so the large
//! generated model's serde code is compiled and linked once. The tests that read the
//! reference contracts are the `contract` binary (`tests/contract/`); the few here that
//! also read them (or need xmllint) follow `support`'s rule: required under `CI=true`.

#[path = "../support/mod.rs"]
mod support;

#[path = "../lefi_xml_support/mod.rs"]
mod lefi_xml_support;

mod architecture;
mod benefits_view;
mod codes_roundtrip;
mod convert_versions;
mod hostile;
mod lefi_json_codec;
mod lefi_json_generated_reader;
mod lefi_json_request;
mod lefi_xml_decode;
mod lefi_xml_roundtrip;
mod legal_authorisation;
mod legal_citations;
mod legal_consent;
mod legal_minimise;
mod payments_bench_input;
mod payments_proptest;
mod payments_view;
mod ssbtek_answers;
mod ssbtek_hostile;
mod ssbtek_json_form;
mod ssbtek_xml_helpers;
mod values_impls;
mod values_money;
mod values_redaction;
mod values_roundtrip;
mod version_capabilities;
mod xml_reader_paths;
