//! The typed models the codecs fill.
//!
//! * [`lefi`]: LEFI Online v9 requests and responses (the v9 JSON shape, generated from the
//!   contract), with a request builder.

pub mod benefits;
pub mod lefi;
pub mod payments;
pub mod ssbtek;
