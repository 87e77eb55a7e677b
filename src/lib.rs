#![doc = include_str!("../README.md")]
//!
//! ## Architecture
//!
//! The crate is one version-neutral model in the middle with one spoke per wire format:
//!
//! * [`id`], [`money`], [`period`], [`codes`], [`text`]: small validated value types;
//! * [`xs`]: the lexical forms (dates, date-times, decimals, integers, booleans, base64)
//!   every codec and value type reads and writes through;
//! * [`input`]: positions in an input and the limits every decoder enforces;
//! * [`xml`]: the bounded, namespace-aware XML reader and writer, and kept XML
//!   ([`xml::XmlFragment`]);
//! * [`version`]: LEFI Online and SSBTEK versions and their capability matrix;
//! * [`model`]: requests, responses, payments, benefit cases and decisions;
//! * [`legal`]: purposes, legal basis, consent, authorisation and data-minimised views;
//! * [`wire`]: the codecs, one module per format and version;
//! * [`convert`]: version-to-version conversion with an explicit loss report.
#![deny(missing_docs)]
#![cfg_attr(docsrs, feature(doc_auto_cfg))]

pub(crate) mod bytes;
pub mod codes;
pub mod convert;
pub mod id;
pub mod input;
pub mod legal;
pub mod model;
pub mod money;
pub mod period;
pub mod text;
pub mod version;
pub mod wire;
pub mod xml;
pub mod xs;
