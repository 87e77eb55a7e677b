//! The tests that read the reference contracts in `../shared/contracts` (and run the tools
//! of `../shared/tools`, and xmllint), one binary. Under `CI=true` missing reference data
//! or tools fail these tests; elsewhere they skip with a notice (see `support`).

#[path = "../support/mod.rs"]
mod support;

mod benefits_contract;
mod codes_openapi;
mod codes_xsd;
mod convert_ssbtek;
mod lefi_json_contract;
mod payments_contract;
mod ssbtek_fixtures;
mod ssbtek_schema;
