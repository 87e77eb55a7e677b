//! The client against the test double over real TLS on loopback, with certificates made
//! by rcgen in the test: one binary, a module per topic. Every test installs the shared log
//! capture first; `logs` checks that no line of it names a person.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic,
    unreachable_pub
)]

mod support;

mod answers;
mod contract;
mod lefi_v9;
mod logs;
#[cfg(feature = "pkcs12")]
mod pkcs12;
mod ssbtek;
mod tls;
