//! The helpers of an element loop, shared by every decoder that reads with [`XmlReader`]:
//! a single-valued child read once, a required child present, a child not allowed here.
//!
//! ```
//! use lefi::xml::{DecodeLimits, XmlError, XmlErrorKind, XmlReader};
//!
//! /// `<p><namn>…</namn><ort>…</ort></p>`: `namn` required, each at most once.
//! fn person(xml: &[u8]) -> Result<(String, Option<String>), XmlError> {
//!     let mut r = XmlReader::from_slice(xml, &DecodeLimits::default())?;
//!     r.next_child()?;
//!     let (mut namn, mut ort) = (None, None);
//!     loop {
//!         let local = match r.next_child()? {
//!             Some(e) => e.local().to_owned(),
//!             None => break,
//!         };
//!         match local.as_str() {
//!             "namn" => r.read_once(&mut namn, "namn", |r| r.read_text())?,
//!             "ort" => r.read_once(&mut ort, "ort", |r| r.read_text())?,
//!             _ => return Err(r.unexpected_element()),
//!         }
//!     }
//!     let namn = r.required(namn, "namn")?;
//!     r.finish()?;
//!     Ok((namn, ort))
//! }
//!
//! assert_eq!(person(b"<p><namn>A</namn></p>")?, ("A".to_owned(), None));
//! let twice = person(b"<p><namn>A</namn><namn>B</namn></p>").unwrap_err();
//! assert_eq!(twice.kind(), &XmlErrorKind::Duplicate { name: "namn" });
//! let missing = person(b"<p><ort>C</ort></p>").unwrap_err();
//! assert_eq!(missing.kind(), &XmlErrorKind::MissingElement { name: "namn" });
//! let other = person(b"<p><x:y xmlns:x='urn:x'/></p>").unwrap_err();
//! assert_eq!(other.kind(), &XmlErrorKind::UnexpectedElement { name: "{urn:x}y".into() });
//! # Ok::<(), XmlError>(())
//! ```

use super::error::{XmlError, XmlErrorKind};
use super::reader::XmlReader;
use super::source::EventSource;

impl<S: EventSource> XmlReader<S> {
    /// Reads the child element just returned by [`next_child`](Self::next_child) into a
    /// single-valued `slot` with `read`; a second occurrence is a
    /// [`XmlErrorKind::Duplicate`] error at that element, raised before its content is read.
    ///
    /// # Errors
    /// The duplicate, or what `read` returns.
    pub fn read_once<T, E: From<XmlError>>(
        &mut self,
        slot: &mut Option<T>,
        name: &'static str,
        read: impl FnOnce(&mut Self) -> Result<T, E>,
    ) -> Result<(), E> {
        if slot.is_some() {
            return Err(self.error(XmlErrorKind::Duplicate { name }).into());
        }
        *slot = Some(read(self)?);
        Ok(())
    }

    /// The value of a required child, or a [`XmlErrorKind::MissingElement`] error at the
    /// current element (call it when the parent's children are read).
    ///
    /// # Errors
    /// When `value` is `None`.
    pub fn required<T>(&self, value: Option<T>, name: &'static str) -> Result<T, XmlError> {
        value.ok_or_else(|| self.error(XmlErrorKind::MissingElement { name }))
    }

    /// A [`XmlErrorKind::UnexpectedElement`] error for the child element just returned by
    /// [`next_child`](Self::next_child), naming it `{namespace}local`.
    #[must_use]
    pub fn unexpected_element(&self) -> XmlError {
        let name = match self.current_element() {
            Ok(e) => e.expanded_name(),
            Err(e) => return e,
        };
        self.error(XmlErrorKind::UnexpectedElement { name })
    }
}
