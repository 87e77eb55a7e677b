//! Personidentitet: an identity number as the wire carries it, shape-valid only.

use std::fmt;
use std::str::FromStr;

use chrono::NaiveDate;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use super::personal::Personal;
use super::{ParsePersonnummerError, Personnummer, ascii_str};

/// An identity number with only the wire shape checked: 10 or 12 ASCII digits
/// (`^([0-9]{2})?([0-9]{10})$`, the LEFI v9 `personnummer` pattern), kept exactly as received.
///
/// This is the first of two validity levels: convert to a [`Personnummer`] (date and check
/// digit validated) with `TryFrom` (12 digits) or [`Personidentitet::to_personnummer`]
/// (10 digits need a reference date).
///
/// `Debug` and `Display` are redacted to the leading year digits (`1912********`,
/// `12********`); [`Personidentitet::expose`] returns the raw text. serde writes the raw text
/// (that is the wire form) and reads through [`Personidentitet::parse`].
///
/// ```
/// use lefi::id::{Personidentitet, Personnummer};
///
/// let id = Personidentitet::parse("191212121212")?;
/// assert_eq!(id.to_string(), "1912********");
/// let pnr = Personnummer::try_from(&id)?;
/// assert_eq!(pnr.expose_digits(), id.expose());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Personidentitet {
    /// ASCII digits; only the first `len` bytes are used.
    bytes: [u8; 12],
    /// 10 or 12.
    len: u8,
}

/// Why a text is not a [`Personidentitet`]. Messages never contain the input.
///
/// ```
/// use lefi::id::{ParsePersonidentitetError, Personidentitet};
///
/// assert_eq!(Personidentitet::parse("12345"), Err(ParsePersonidentitetError::Length));
/// assert_eq!(Personidentitet::parse("19121212-1212"), Err(ParsePersonidentitetError::Length));
/// assert_eq!(Personidentitet::parse("191212-12121"), Err(ParsePersonidentitetError::NonDigit));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, thiserror::Error)]
#[non_exhaustive]
pub enum ParsePersonidentitetError {
    /// Not ten or twelve characters long.
    #[error("personidentitet must be ten or twelve digits long")]
    Length,
    /// A character is not an ASCII digit.
    #[error("personidentitet must contain only ASCII digits")]
    NonDigit,
}

impl Personidentitet {
    /// Checks the shape (10 or 12 ASCII digits, nothing else) and keeps the text.
    ///
    /// ```
    /// # use lefi::id::Personidentitet;
    /// assert_eq!(Personidentitet::parse("1212121212")?.expose(), "1212121212");
    /// # Ok::<(), lefi::id::ParsePersonidentitetError>(())
    /// ```
    pub fn parse(s: &str) -> Result<Self, ParsePersonidentitetError> {
        let b = s.as_bytes();
        if b.len() != 10 && b.len() != 12 {
            return Err(ParsePersonidentitetError::Length);
        }
        if !b.iter().all(u8::is_ascii_digit) {
            return Err(ParsePersonidentitetError::NonDigit);
        }
        let mut bytes = [b'0'; 12];
        for (slot, d) in bytes.iter_mut().zip(b) {
            *slot = *d;
        }
        Ok(Self {
            bytes,
            len: if b.len() == 12 { 12 } else { 10 },
        })
    }

    /// The digits exactly as received. This is personal data: do not log it.
    ///
    /// ```
    /// # use lefi::id::Personidentitet;
    /// assert_eq!(Personidentitet::parse("191212121212")?.expose(), "191212121212");
    /// # Ok::<(), lefi::id::ParsePersonidentitetError>(())
    /// ```
    pub fn expose(&self) -> &str {
        ascii_str(self.bytes.get(..usize::from(self.len)).unwrap_or_default())
    }

    /// Whether this is the 10-digit form (century unknown).
    ///
    /// ```
    /// # use lefi::id::Personidentitet;
    /// assert!(Personidentitet::parse("1212121212")?.is_ten_digits());
    /// # Ok::<(), lefi::id::ParsePersonidentitetError>(())
    /// ```
    pub fn is_ten_digits(&self) -> bool {
        self.len == 10
    }

    /// Validates as a [`Personnummer`], resolving the century of a 10-digit form against
    /// `reference` (see [`Personnummer::parse_with_reference`]).
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use lefi::id::Personidentitet;
    ///
    /// let reference = NaiveDate::from_ymd_opt(2024, 6, 1).ok_or("bad date")?;
    /// let pnr = Personidentitet::parse("1212121212")?.to_personnummer(reference)?;
    /// assert_eq!(pnr.expose_digits(), "201212121212");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn to_personnummer(
        &self,
        reference: NaiveDate,
    ) -> Result<Personnummer, ParsePersonnummerError> {
        Personnummer::parse_with_reference(self.expose(), reference)
    }

    /// The redacted form: the leading year digits, then `*` for the rest.
    fn write_redacted(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let year_len = usize::from(self.len) - 8;
        let year = self.expose().get(..year_len).unwrap_or_default();
        write!(f, "{year}********")
    }
}

impl fmt::Debug for Personidentitet {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Personidentitet(")?;
        self.write_redacted(f)?;
        f.write_str(")")
    }
}

/// Redacted: the year digits followed by eight `*`.
impl fmt::Display for Personidentitet {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.write_redacted(f)
    }
}

impl FromStr for Personidentitet {
    type Err = ParsePersonidentitetError;

    /// Same as [`Personidentitet::parse`].
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Self::parse(s)
    }
}

impl TryFrom<&str> for Personidentitet {
    type Error = ParsePersonidentitetError;

    /// Same as [`Personidentitet::parse`].
    fn try_from(s: &str) -> Result<Self, Self::Error> {
        Self::parse(s)
    }
}

impl TryFrom<&Personidentitet> for Personnummer {
    type Error = ParsePersonnummerError;

    /// Validates a 12-digit identity; a 10-digit one fails with
    /// [`ParsePersonnummerError::NeedsReference`] (use [`Personidentitet::to_personnummer`]).
    fn try_from(id: &Personidentitet) -> Result<Self, Self::Error> {
        Personnummer::parse(id.expose())
    }
}

impl TryFrom<Personidentitet> for Personnummer {
    type Error = ParsePersonnummerError;

    /// Same as `TryFrom<&Personidentitet>`.
    fn try_from(id: Personidentitet) -> Result<Self, Self::Error> {
        Personnummer::try_from(&id)
    }
}

impl From<&Personnummer> for Personidentitet {
    /// The 12-digit form.
    fn from(pnr: &Personnummer) -> Self {
        let mut bytes = [b'0'; 12];
        for (slot, d) in bytes.iter_mut().zip(pnr.expose_digits().bytes()) {
            *slot = d;
        }
        Self { bytes, len: 12 }
    }
}

impl From<Personnummer> for Personidentitet {
    /// The 12-digit form.
    fn from(pnr: Personnummer) -> Self {
        Self::from(&pnr)
    }
}

/// The digits as received, marked as an identity for [`crate::legal::redacted`]; serde_json
/// writes just the string.
impl Serialize for Personidentitet {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        Personal::Identity.serialize(self.expose(), serializer)
    }
}

impl<'de> Deserialize<'de> for Personidentitet {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        crate::xs::serde::deserialize_str(
            deserializer,
            "a personidentitet of ten or twelve digits",
            Self::parse,
        )
    }
}
