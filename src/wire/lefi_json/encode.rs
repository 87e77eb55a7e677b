//! The encoder: serde_json with the model's exact-number and date forms.

use std::io::Write;

use super::{Document, Error, LefiDocument};
use crate::wire::json;

/// What the encoder writes: one of the four documents, or a [`Document`] (sealed).
pub trait Encode: serde::Serialize + super::sealed::Sealed {}

impl<T: LefiDocument> Encode for T {}
impl super::sealed::Sealed for Document {}
impl Encode for Document {}

fn convert(err: serde_json::Error) -> Error {
    if err.is_io() {
        return Error::Io(std::io::Error::from(err));
    }
    Error::Encode {
        message: json::sanitized_message(&err),
    }
}

/// Encodes a document as compact JSON.
///
/// Numbers are written exactly as their decimals (`1.50` stays `1.50`), dates as
/// `YYYY-MM-DD`, absent properties are left out.
///
/// # Errors
/// [`Error::Encode`] for values the wire form cannot hold (a date outside 0000–9999).
///
/// ```
/// use lefi::model::lefi::LefiFelsvar;
/// let mut felsvar = LefiFelsvar::default();
/// felsvar.meddelande = Some("Internt fel".into());
/// assert_eq!(lefi::wire::lefi_json::to_vec(&felsvar)?, br#"{"meddelande":"Internt fel"}"#);
/// # Ok::<(), lefi::wire::lefi_json::Error>(())
/// ```
pub fn to_vec<T: Encode + ?Sized>(value: &T) -> Result<Vec<u8>, Error> {
    serde_json::to_vec(value).map_err(convert)
}

/// Encodes a document as indented JSON (two spaces).
///
/// # Errors
/// As [`to_vec`].
///
/// ```
/// use lefi::model::lefi::LefiFelsvar;
/// let felsvar = LefiFelsvar::default();
/// assert_eq!(lefi::wire::lefi_json::to_vec_pretty(&felsvar)?, b"{}");
/// # Ok::<(), lefi::wire::lefi_json::Error>(())
/// ```
pub fn to_vec_pretty<T: Encode + ?Sized>(value: &T) -> Result<Vec<u8>, Error> {
    serde_json::to_vec_pretty(value).map_err(convert)
}

/// Encodes a document as compact JSON into a writer (wrap files in a `BufWriter`).
///
/// # Errors
/// [`Error::Io`] when writing fails, otherwise as [`to_vec`].
///
/// ```
/// use lefi::model::lefi::LefiFelsvar;
/// let mut out = Vec::new();
/// lefi::wire::lefi_json::to_writer(&mut out, &LefiFelsvar::default())?;
/// assert_eq!(out, b"{}");
/// # Ok::<(), lefi::wire::lefi_json::Error>(())
/// ```
pub fn to_writer<T: Encode + ?Sized, W: Write>(writer: W, value: &T) -> Result<(), Error> {
    serde_json::to_writer(writer, value).map_err(convert)
}
