//! Swedish personnummer and samordningsnummer, validated.

use std::fmt;
use std::str::FromStr;

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use super::personal::Personal;
use super::{ascii_str, digit_values, joined_digit_values, luhn_valid};

/// A validated Swedish personnummer or samordningsnummer (coordination number).
///
/// Holds the 12-digit form `YYYYMMDDNNNN` (the wire form of SSBTEK and LEFI). Validation
/// checks the shape, the birth date (for a samordningsnummer the day is the birth day plus
/// 60) and the Luhn check digit over the last ten digits.
///
/// `Debug` and `Display` show only the birth year (`1912********`); the digits are available
/// through [`Personnummer::expose_digits`]. serde writes the 12-digit form and reads through
/// [`Personnummer::parse`].
///
/// ```
/// use lefi::id::Personnummer;
///
/// let pnr = Personnummer::parse("191212121212")?;
/// assert_eq!(pnr.birth_year(), 1912);
/// assert!(!pnr.is_samordningsnummer());
/// assert_eq!(pnr.to_string(), "1912********");
/// # Ok::<(), lefi::id::ParsePersonnummerError>(())
/// ```
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Personnummer {
    /// ASCII digits `YYYYMMDDNNNN`.
    digits: [u8; 12],
    birth_date: NaiveDate,
}

/// Why a text is not a valid [`Personnummer`]. Messages never contain the input.
///
/// ```
/// use lefi::id::{ParsePersonnummerError, Personnummer};
///
/// assert_eq!(Personnummer::parse("191212121213"), Err(ParsePersonnummerError::CheckDigit));
/// assert_eq!(Personnummer::parse("191213121212"), Err(ParsePersonnummerError::Date));
/// assert_eq!(Personnummer::parse("1912121212"), Err(ParsePersonnummerError::NeedsReference));
/// assert_eq!(Personnummer::parse("19121212 1212"), Err(ParsePersonnummerError::Format));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, thiserror::Error)]
#[non_exhaustive]
pub enum ParsePersonnummerError {
    /// Not one of the accepted shapes (`YYYYMMDDNNNN`, `YYYYMMDD-NNNN`, and with a reference
    /// date `YYMMDDNNNN`, `YYMMDD-NNNN`, `YYMMDD+NNNN`).
    #[error("invalid personnummer format")]
    Format,
    /// The date part is not a valid birth date (after subtracting 60 from the day of a
    /// samordningsnummer).
    #[error("personnummer has an invalid birth date")]
    Date,
    /// The Luhn check digit does not match.
    #[error("personnummer check digit does not match")]
    CheckDigit,
    /// A ten-digit form was given where no reference date is available to resolve the
    /// century; use [`Personnummer::parse_with_reference`].
    #[error("ten-digit personnummer needs a reference date to resolve the century")]
    NeedsReference,
}

/// The shapes the parser accepts, before any semantic check.
enum Shape {
    /// `YYYYMMDDNNNN` (digit values).
    Twelve([u8; 12]),
    /// `YYMMDDNNNN` (digit values); `centenarian` is true for the `+` separator.
    Ten { values: [u8; 10], centenarian: bool },
}

impl Shape {
    fn of(s: &str) -> Result<Self, ParsePersonnummerError> {
        let b = s.as_bytes();
        let shape = match b.len() {
            12 => digit_values::<12>(b).map(Shape::Twelve),
            13 => match b.split_at(8) {
                (head, [b'-', tail @ ..]) => {
                    joined_digit_values::<12>(head, tail).map(Shape::Twelve)
                }
                _ => None,
            },
            10 => digit_values::<10>(b).map(|values| Shape::Ten {
                values,
                centenarian: false,
            }),
            11 => match b.split_at(6) {
                (head, [sep @ (b'-' | b'+'), tail @ ..]) => joined_digit_values::<10>(head, tail)
                    .map(|values| Shape::Ten {
                        values,
                        centenarian: *sep == b'+',
                    }),
                _ => None,
            },
            _ => None,
        };
        shape.ok_or(ParsePersonnummerError::Format)
    }
}

impl Personnummer {
    /// Parses the 12-digit forms `YYYYMMDDNNNN` and `YYYYMMDD-NNNN`.
    ///
    /// Ten-digit forms are rejected with [`ParsePersonnummerError::NeedsReference`] because
    /// their century depends on a date; use [`Personnummer::parse_with_reference`].
    ///
    /// ```
    /// use lefi::id::Personnummer;
    ///
    /// let a = Personnummer::parse("19121212-1212")?;
    /// let b = Personnummer::parse("191212121212")?;
    /// assert_eq!(a, b);
    /// # Ok::<(), lefi::id::ParsePersonnummerError>(())
    /// ```
    pub fn parse(s: &str) -> Result<Self, ParsePersonnummerError> {
        match Shape::of(s)? {
            Shape::Twelve(values) => Self::from_values(values),
            Shape::Ten { .. } => Err(ParsePersonnummerError::NeedsReference),
        }
    }

    /// Parses the 12-digit forms and the 10-digit forms `YYMMDDNNNN`, `YYMMDD-NNNN` and
    /// `YYMMDD+NNNN`, resolving the century of a 10-digit form against `reference` (never the
    /// clock).
    ///
    /// Rule (Skatteverket's): the birth year is the latest year not after the reference year
    /// that ends in `YY`; with `+` (the person turns 100 or more in the reference year) it is
    /// one century earlier. The comparison is by year, since the separator changes in the
    /// calendar year the person turns 100.
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use lefi::id::Personnummer;
    ///
    /// let reference = NaiveDate::from_ymd_opt(2024, 6, 1).ok_or("bad date")?;
    /// let young = Personnummer::parse_with_reference("121212-1212", reference)?;
    /// assert_eq!(young.birth_year(), 2012);
    /// let old = Personnummer::parse_with_reference("121212+1212", reference)?;
    /// assert_eq!(old.birth_year(), 1912);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn parse_with_reference(
        s: &str,
        reference: NaiveDate,
    ) -> Result<Self, ParsePersonnummerError> {
        match Shape::of(s)? {
            Shape::Twelve(values) => Self::from_values(values),
            Shape::Ten {
                values,
                centenarian,
            } => Self::from_ten(values, centenarian, reference),
        }
    }

    fn from_ten(
        values: [u8; 10],
        centenarian: bool,
        reference: NaiveDate,
    ) -> Result<Self, ParsePersonnummerError> {
        let [y1, y2, rest @ ..] = values;
        let yy = i32::from(y1) * 10 + i32::from(y2);
        let ref_year = reference.year();
        let mut year = ref_year - (ref_year - yy).rem_euclid(100);
        if centenarian {
            year -= 100;
        }
        let year = u16::try_from(year)
            .ok()
            .filter(|y| *y <= 9999)
            .ok_or(ParsePersonnummerError::Date)?;
        let mut full = [0u8; 12];
        let (head, tail) = full.split_at_mut(4);
        let year_text = format!("{year:04}");
        let year_digits =
            digit_values::<4>(year_text.as_bytes()).ok_or(ParsePersonnummerError::Date)?;
        head.copy_from_slice(&year_digits);
        tail.copy_from_slice(&rest);
        Self::from_values(full)
    }

    /// Validates 12 digit values (date, then check digit).
    fn from_values(values: [u8; 12]) -> Result<Self, ParsePersonnummerError> {
        let [y1, y2, y3, y4, m1, m2, d1, d2, ..] = values;
        let num = |a: u8, b: u8| u32::from(a) * 10 + u32::from(b);
        let year = i32::try_from(num(y1, y2) * 100 + num(y3, y4))
            .map_err(|_| ParsePersonnummerError::Date)?;
        let day = num(d1, d2);
        let day = if day > 60 { day - 60 } else { day };
        let birth_date =
            NaiveDate::from_ymd_opt(year, num(m1, m2), day).ok_or(ParsePersonnummerError::Date)?;
        if !luhn_valid(values.get(2..).unwrap_or_default()) {
            return Err(ParsePersonnummerError::CheckDigit);
        }
        Ok(Self {
            digits: values.map(|d| d + b'0'),
            birth_date,
        })
    }

    /// The 12 digits `YYYYMMDDNNNN` (the wire form). This is personal data: do not log it.
    ///
    /// ```
    /// # use lefi::id::Personnummer;
    /// let pnr: Personnummer = "19121212-1212".parse()?;
    /// assert_eq!(pnr.expose_digits(), "191212121212");
    /// # Ok::<(), lefi::id::ParsePersonnummerError>(())
    /// ```
    pub fn expose_digits(&self) -> &str {
        ascii_str(&self.digits)
    }

    /// The birth date (for a samordningsnummer, the day with 60 subtracted).
    ///
    /// ```
    /// # use lefi::id::Personnummer;
    /// let snr = Personnummer::parse("197010632391")?;
    /// assert!(snr.is_samordningsnummer());
    /// assert_eq!(snr.birth_date().to_string(), "1970-10-03");
    /// # Ok::<(), lefi::id::ParsePersonnummerError>(())
    /// ```
    pub fn birth_date(&self) -> NaiveDate {
        self.birth_date
    }

    /// The four-digit birth year, the only part shown by `Debug`/`Display`.
    ///
    /// ```
    /// # use lefi::id::Personnummer;
    /// assert_eq!(Personnummer::parse("191212121212")?.birth_year(), 1912);
    /// # Ok::<(), lefi::id::ParsePersonnummerError>(())
    /// ```
    pub fn birth_year(&self) -> i32 {
        self.birth_date.year()
    }

    /// Whether this is a samordningsnummer (coordination number: day of birth plus 60).
    ///
    /// ```
    /// # use lefi::id::Personnummer;
    /// assert!(Personnummer::parse("197010632391")?.is_samordningsnummer());
    /// assert!(!Personnummer::parse("191212121212")?.is_samordningsnummer());
    /// # Ok::<(), lefi::id::ParsePersonnummerError>(())
    /// ```
    pub fn is_samordningsnummer(&self) -> bool {
        matches!(self.digits, [_, _, _, _, _, _, d, ..] if d >= b'6')
    }

    /// The redacted form `YYYY********`.
    fn write_redacted(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}********", self.birth_year())
    }
}

impl fmt::Debug for Personnummer {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Personnummer(")?;
        self.write_redacted(f)?;
        f.write_str(")")
    }
}

/// Redacted: the birth year followed by eight `*`.
impl fmt::Display for Personnummer {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.write_redacted(f)
    }
}

impl FromStr for Personnummer {
    type Err = ParsePersonnummerError;

    /// Same as [`Personnummer::parse`].
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Self::parse(s)
    }
}

impl TryFrom<&str> for Personnummer {
    type Error = ParsePersonnummerError;

    /// Same as [`Personnummer::parse`].
    fn try_from(s: &str) -> Result<Self, Self::Error> {
        Self::parse(s)
    }
}

/// The twelve digits, marked as an identity for [`crate::legal::redacted`]; serde_json
/// writes just the string.
impl Serialize for Personnummer {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        Personal::Identity.serialize(self.expose_digits(), serializer)
    }
}

impl<'de> Deserialize<'de> for Personnummer {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        crate::xs::serde::deserialize_str(deserializer, "a twelve-digit personnummer", Self::parse)
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    /// Appends the Luhn check digit to nine digits.
    fn with_check(nine: &str) -> String {
        (0..10u8)
            .map(|c| format!("{nine}{c}"))
            .find(|s| luhn_valid(&digit_values::<10>(s.as_bytes()).unwrap()))
            .unwrap()
    }

    #[test]
    fn ten_digit_century_is_resolved_by_year() {
        let r = date(2024, 1, 1);
        // Born later in the reference year: still this century (separator rule is by year).
        let later_this_year = with_check("241212121");
        let p = Personnummer::parse_with_reference(&later_this_year, r).unwrap();
        assert_eq!(p.birth_year(), 2024);
        let next_year = with_check("250101121");
        let p = Personnummer::parse_with_reference(&next_year, r).unwrap();
        assert_eq!(p.birth_year(), 1925);
        assert_eq!(
            Personnummer::parse_with_reference("121212-1212", r)
                .unwrap()
                .birth_year(),
            2012
        );
        assert_eq!(
            Personnummer::parse_with_reference("1212121212", date(2012, 1, 1))
                .unwrap()
                .birth_year(),
            2012
        );
        assert_eq!(
            Personnummer::parse_with_reference("1212121212", date(2011, 12, 31))
                .unwrap()
                .birth_year(),
            1912
        );
        assert_eq!(
            Personnummer::parse_with_reference("121212+1212", date(2011, 12, 31))
                .unwrap()
                .birth_year(),
            1812
        );
    }

    #[test]
    fn leap_day_depends_on_resolved_century() {
        // 000229: valid in 2000, not in 1900.
        let s = with_check("000229000");
        let in_2000 = Personnummer::parse_with_reference(&s, date(2024, 1, 1));
        let in_1900 = Personnummer::parse_with_reference(&s, date(1999, 1, 1));
        assert_eq!(in_2000.unwrap().birth_date(), date(2000, 2, 29));
        assert_eq!(in_1900.err(), Some(ParsePersonnummerError::Date));
    }

    #[test]
    fn rejects_bad_shapes() {
        for s in [
            "",
            "1912121212121",
            "19121212+1212",
            "191212-121212",
            "19121212-121",
            "１９１２",
            "191212121a12",
            " 191212121212",
            "191212121212 ",
            "1912121-21212",
        ] {
            assert_eq!(
                Personnummer::parse(s),
                Err(ParsePersonnummerError::Format),
                "{s:?}"
            );
        }
    }

    #[test]
    fn samordningsnummer_day_range() {
        assert!(
            Personnummer::parse("197010632391")
                .unwrap()
                .is_samordningsnummer()
        );
        // Day 60 is day 0 after subtraction, day 92 is day 32.
        assert_eq!(
            Personnummer::parse("197010600000").err(),
            Some(ParsePersonnummerError::Date)
        );
        assert_eq!(
            Personnummer::parse("197010920000").err(),
            Some(ParsePersonnummerError::Date)
        );
    }
}
