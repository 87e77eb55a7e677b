//! Shared by the lefi_xml / convert tests, the benchmark and the batch example: a seeded
//! random model generator (generated, `random.rs`). The tests' xmllint validation of the
//! generated documents is `support::validate_lefi_xml` (`tests/support/mod.rs`).

#![allow(
    dead_code,
    unreachable_pub,
    unused_mut,
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]

pub mod random;
pub mod rng;
