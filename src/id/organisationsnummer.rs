//! Swedish organisationsnummer (organisation number), validated.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use super::personal::Personal;
use super::{ascii_str, digit_values, joined_digit_values, luhn_valid};

/// A validated Swedish organisationsnummer.
///
/// Accepted text: 10 digits `NNNNNNNNNN` or `NNNNNN-NNNN`, or the 12-digit SSBTEK form with the
/// `16` prefix (`16NNNNNNNNNN`, `16NNNNNN-NNNN`). The third digit of the ten (the "group
/// number") must be 2 or more, and the last digit is a Luhn check digit. No whitespace is
/// trimmed: a codec reading an `xs:token` trims before calling the parser.
///
/// An organisation number of a sole trader is a personnummer, so `Debug`/`Display` are
/// redacted (`******-****`) like the other identity numbers; the digits are available through
/// [`Organisationsnummer::expose_digits`] (10 digits) and [`Organisationsnummer::expose_wire`]
/// (the 12-digit SSBTEK form, matching `[\d]{4}[2-9][\d]{7}`). serde writes the 10-digit form
/// and reads any accepted form.
///
/// ```
/// use lefi::id::Organisationsnummer;
///
/// let org: Organisationsnummer = "212000-2411".parse()?;
/// assert_eq!(org.expose_wire(), "162120002411");
/// assert_eq!(org.expose_digits(), "2120002411");
/// assert_eq!(org.to_string(), "******-****");
/// assert_eq!(org, "162120002411".parse()?);
/// # Ok::<(), lefi::id::ParseOrganisationsnummerError>(())
/// ```
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Organisationsnummer {
    /// Ten ASCII digits.
    digits: [u8; 10],
}

/// Why a text is not a valid [`Organisationsnummer`]. Messages never contain the input.
///
/// ```
/// use lefi::id::{Organisationsnummer, ParseOrganisationsnummerError};
///
/// assert_eq!(Organisationsnummer::parse("2120002412"), Err(ParseOrganisationsnummerError::CheckDigit));
/// assert_eq!(Organisationsnummer::parse("1912121212"), Err(ParseOrganisationsnummerError::GroupNumber));
/// assert_eq!(Organisationsnummer::parse("172120002411"), Err(ParseOrganisationsnummerError::Format));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, thiserror::Error)]
#[non_exhaustive]
pub enum ParseOrganisationsnummerError {
    /// Not one of the accepted shapes (ten digits with an optional `-` after the sixth, with an
    /// optional `16` prefix).
    #[error("invalid organisationsnummer format")]
    Format,
    /// The third digit (group number) is 0 or 1; such numbers are personnummer.
    #[error("organisationsnummer group number must be two or more")]
    GroupNumber,
    /// The Luhn check digit does not match.
    #[error("organisationsnummer check digit does not match")]
    CheckDigit,
}

impl Organisationsnummer {
    /// Parses and validates any accepted form.
    ///
    /// ```
    /// # use lefi::id::Organisationsnummer;
    /// let a = Organisationsnummer::parse("2120002411")?;
    /// let b = Organisationsnummer::parse("16212000-2411")?;
    /// assert_eq!(a, b);
    /// # Ok::<(), lefi::id::ParseOrganisationsnummerError>(())
    /// ```
    pub fn parse(s: &str) -> Result<Self, ParseOrganisationsnummerError> {
        let b = s.as_bytes();
        let b = match b {
            [b'1', b'6', rest @ ..] if rest.len() == 10 || rest.len() == 11 => rest,
            _ => b,
        };
        let values = match b.len() {
            10 => digit_values::<10>(b),
            11 => match b.split_at(6) {
                (head, [b'-', tail @ ..]) => joined_digit_values::<10>(head, tail),
                _ => None,
            },
            _ => None,
        }
        .ok_or(ParseOrganisationsnummerError::Format)?;
        if !matches!(values, [_, _, g, ..] if g >= 2) {
            return Err(ParseOrganisationsnummerError::GroupNumber);
        }
        if !luhn_valid(&values) {
            return Err(ParseOrganisationsnummerError::CheckDigit);
        }
        Ok(Self {
            digits: values.map(|d| d + b'0'),
        })
    }

    /// The ten digits without separator. May be personal data: do not log it.
    ///
    /// ```
    /// # use lefi::id::Organisationsnummer;
    /// assert_eq!(Organisationsnummer::parse("212000-2411")?.expose_digits(), "2120002411");
    /// # Ok::<(), lefi::id::ParseOrganisationsnummerError>(())
    /// ```
    pub fn expose_digits(&self) -> &str {
        ascii_str(&self.digits)
    }

    /// The 12-digit SSBTEK wire form `16NNNNNNNNNN` (matches the XSD pattern
    /// `[\d]{4}[2-9][\d]{7}`). May be personal data: do not log it.
    ///
    /// ```
    /// # use lefi::id::Organisationsnummer;
    /// assert_eq!(Organisationsnummer::parse("2120002411")?.expose_wire(), "162120002411");
    /// # Ok::<(), lefi::id::ParseOrganisationsnummerError>(())
    /// ```
    pub fn expose_wire(&self) -> String {
        let mut s = String::with_capacity(12);
        s.push_str("16");
        s.push_str(self.expose_digits());
        s
    }
}

impl fmt::Debug for Organisationsnummer {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Organisationsnummer(******-****)")
    }
}

/// Redacted: always `******-****`.
impl fmt::Display for Organisationsnummer {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("******-****")
    }
}

impl FromStr for Organisationsnummer {
    type Err = ParseOrganisationsnummerError;

    /// Same as [`Organisationsnummer::parse`].
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Self::parse(s)
    }
}

impl TryFrom<&str> for Organisationsnummer {
    type Error = ParseOrganisationsnummerError;

    /// Same as [`Organisationsnummer::parse`].
    fn try_from(s: &str) -> Result<Self, Self::Error> {
        Self::parse(s)
    }
}

/// The ten digits, marked as personal data (a sole trader's number is a personnummer) for
/// [`crate::legal::redacted`]; serde_json writes just the string.
impl Serialize for Organisationsnummer {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        Personal::Text.serialize(self.expose_digits(), serializer)
    }
}

impl<'de> Deserialize<'de> for Organisationsnummer {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        crate::xs::serde::deserialize_str(deserializer, "an organisationsnummer", Self::parse)
    }
}
