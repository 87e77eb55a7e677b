//! The `lefi` command's integration tests, one binary: the command-line contract
//! (`commands`), batch conversion (`batch`) and the README's example session with `lefi serve` and `lefi send`
//! (`session`). The shared test support of the `lefi` package is mounted by path.

#[path = "../../../tests/support/mod.rs"]
mod support;

#[path = "../../../tests/lefi_xml_support/mod.rs"]
mod lefi_xml_support;

mod batch;
mod commands;
mod session;
