#![doc = include_str!("../README.md")]
//!
//! ## Architecture
//!
//! The crate is one version-neutral model in the middle with one spoke per wire format:
//!
//! * [`id`], [`money`], [`period`], [`codes`], [`text`]: small validated value types;
//! * [`xs`]: the lexical forms (dates, date-times, decimals, integers, booleans) every codec
//!   and value type reads and writes through;
//! * [`version`]: LEFI Online and SSBTEK versions and their capability matrix;
//! * [`model`]: requests, responses, payments, benefit cases and decisions;
//! * [`legal`]: purposes, legal basis, consent, authorisation and data-minimised views;
//! * [`wire`]: the codecs, one module per format and version;
//! * [`convert`]: version-to-version conversion with an explicit loss report.
#![deny(missing_docs)]
#![cfg_attr(docsrs, feature(doc_auto_cfg))]

pub mod codes;
pub mod convert;
pub mod id;
pub mod legal;
pub mod model;
pub mod money;
pub mod period;
pub mod text;
pub mod version;
pub mod wire;
pub mod xs;
