//! `format: date` fields (`YYYY-MM-DD`) as [`NaiveDate`], read strictly and written in the
//! same form, so that every accepted text round-trips exactly.

use core::fmt;

use chrono::{Datelike, NaiveDate};
use serde::de::{self, Deserializer, Visitor};
use serde::ser::{self, Serializer};
use serde::{Deserialize, Serialize};

const EXPECTED: &str = "a date in the form YYYY-MM-DD";

/// Parses exactly `YYYY-MM-DD` (four-digit year, two-digit month and day, a real date).
pub(crate) fn parse(text: &str) -> Option<NaiveDate> {
    let b = text.as_bytes();
    let [y0, y1, y2, y3, b'-', m0, m1, b'-', d0, d1] = *b else {
        return None;
    };
    let digit = |c: u8| c.is_ascii_digit().then(|| u32::from(c - b'0'));
    let year = [y0, y1, y2, y3]
        .into_iter()
        .try_fold(0u32, |acc, c| Some(acc * 10 + digit(c)?))?;
    let month = digit(m0)? * 10 + digit(m1)?;
    let day = digit(d0)? * 10 + digit(d1)?;
    NaiveDate::from_ymd_opt(i32::try_from(year).ok()?, month, day)
}

/// The `YYYY-MM-DD` text of a date, or `None` for years outside 0000–9999.
fn format(date: NaiveDate) -> Option<[u8; 10]> {
    let year = u32::try_from(date.year()).ok().filter(|y| *y <= 9999)?;
    let (m, d) = (date.month(), date.day());
    let digit = |v: u32| b'0' + u8::try_from(v % 10).unwrap_or(0);
    Some([
        digit(year / 1000),
        digit(year / 100),
        digit(year / 10),
        digit(year),
        b'-',
        digit(m / 10),
        digit(m),
        b'-',
        digit(d / 10),
        digit(d),
    ])
}

/// A [`NaiveDate`] read and written as `YYYY-MM-DD`.
pub(crate) struct WireDate(pub(crate) NaiveDate);

impl Serialize for WireDate {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serialize(&self.0, serializer)
    }
}

impl<'de> Deserialize<'de> for WireDate {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_str(DateVisitor).map(WireDate)
    }
}

struct DateVisitor;

impl Visitor<'_> for DateVisitor {
    type Value = NaiveDate;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(EXPECTED)
    }

    fn visit_str<E: de::Error>(self, text: &str) -> Result<NaiveDate, E> {
        parse(text).ok_or_else(|| E::custom(format_args!("invalid value: expected {EXPECTED}")))
    }
}

/// Writes `YYYY-MM-DD`.
///
/// # Errors
/// When the year is outside 0000–9999 (the form has four year digits).
pub(crate) fn serialize<S: Serializer>(date: &NaiveDate, serializer: S) -> Result<S::Ok, S::Error> {
    let text = format(*date).ok_or_else(|| ser::Error::custom("date year outside 0000-9999"))?;
    let text = core::str::from_utf8(&text).map_err(ser::Error::custom)?;
    serializer.serialize_str(text)
}

/// Reads `YYYY-MM-DD`.
///
/// # Errors
/// When the value is not a string holding a valid date in that form.
pub(crate) fn deserialize<'de, D: Deserializer<'de>>(
    deserializer: D,
) -> Result<NaiveDate, D::Error> {
    WireDate::deserialize(deserializer).map(|d| d.0)
}

/// `Option<NaiveDate>` fields.
pub(crate) mod option {
    use chrono::NaiveDate;
    use serde::{Deserialize, Deserializer, Serializer};

    use super::WireDate;

    /// Writes `Some` as `YYYY-MM-DD`.
    pub(crate) fn serialize<S: Serializer>(
        value: &Option<NaiveDate>,
        serializer: S,
    ) -> Result<S::Ok, S::Error> {
        match value {
            Some(d) => serializer.serialize_some(&WireDate(*d)),
            None => serializer.serialize_none(),
        }
    }

    /// Reads an optional `YYYY-MM-DD` date.
    pub(crate) fn deserialize<'de, D: Deserializer<'de>>(
        deserializer: D,
    ) -> Result<Option<NaiveDate>, D::Error> {
        Ok(Option::<WireDate>::deserialize(deserializer)?.map(|d| d.0))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_only_the_exact_form() {
        assert_eq!(parse("2024-02-29"), NaiveDate::from_ymd_opt(2024, 2, 29));
        for bad in [
            "2023-02-29",
            "2024-2-29",
            "24-02-29",
            "2024-02-29Z",
            "+2024-02-2",
            "",
        ] {
            assert_eq!(parse(bad), None, "{bad}");
        }
    }

    #[test]
    fn formats_with_four_year_digits() {
        let d = NaiveDate::from_ymd_opt(987, 1, 5).map(format);
        assert_eq!(d, Some(Some(*b"0987-01-05")));
        assert_eq!(NaiveDate::from_ymd_opt(10_000, 1, 1).and_then(format), None);
    }
}
