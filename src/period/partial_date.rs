//! PartialDate: a date that may lack its day, or its month and day.

use std::fmt;
use std::str::FromStr;

use chrono::{Datelike, Month, NaiveDate};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::xs::digits as parse_digits;
use crate::xs::serde as serde_support;

/// A date at year, month or day precision, as LEFI `LefiFranTill` and several PM fields carry
/// it: `YYYY`, `YYYY-MM` or `YYYY-MM-DD` (four-digit year, two-digit month and day).
///
/// `Display` reproduces the parsed text exactly (the text forms are fixed-width). serde reads
/// through [`PartialDate::parse`] and writes the `Display` form. Years outside 0000–9999 can
/// be constructed directly but have no text form that parses back.
///
/// ```
/// use lefi::period::PartialDate;
///
/// for text in ["2022", "2022-09", "2023-12-14"] {
///     assert_eq!(text.parse::<PartialDate>()?.to_string(), text);
/// }
/// let month: PartialDate = "2022-09".parse()?;
/// assert_eq!(month.first_day().map(|d| d.to_string()).as_deref(), Some("2022-09-01"));
/// assert_eq!(month.last_day().map(|d| d.to_string()).as_deref(), Some("2022-09-30"));
/// # Ok::<(), lefi::period::ParsePartialDateError>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum PartialDate {
    /// A year only (`YYYY`).
    Year(i32),
    /// A year and month (`YYYY-MM`).
    YearMonth {
        /// The year.
        year: i32,
        /// The month.
        month: Month,
    },
    /// A full date (`YYYY-MM-DD`).
    Date(NaiveDate),
}

/// Why a text is not a [`PartialDate`].
///
/// ```
/// use lefi::period::{ParsePartialDateError, PartialDate};
///
/// assert_eq!(PartialDate::parse("2022-13"), Err(ParsePartialDateError::Month));
/// assert_eq!(PartialDate::parse("2023-02-29"), Err(ParsePartialDateError::Date));
/// assert_eq!(PartialDate::parse("22-09"), Err(ParsePartialDateError::Format));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, thiserror::Error)]
#[non_exhaustive]
pub enum ParsePartialDateError {
    /// Not `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
    #[error("invalid date format, expected YYYY, YYYY-MM or YYYY-MM-DD")]
    Format,
    /// The month is not 01–12.
    #[error("month must be between 01 and 12")]
    Month,
    /// The day does not exist in that month.
    #[error("day does not exist in that month")]
    Date,
}

impl PartialDate {
    /// Parses `YYYY`, `YYYY-MM` or `YYYY-MM-DD`; anything else is rejected.
    ///
    /// ```
    /// # use lefi::period::PartialDate;
    /// assert_eq!(PartialDate::parse("2022")?, PartialDate::Year(2022));
    /// # Ok::<(), lefi::period::ParsePartialDateError>(())
    /// ```
    pub fn parse(s: &str) -> Result<Self, ParsePartialDateError> {
        let b = s.as_bytes();
        let year = |y: &[u8]| {
            parse_digits(y)
                .and_then(|y| i32::try_from(y).ok())
                .ok_or(ParsePartialDateError::Format)
        };
        let month = |m1: u8, m2: u8| {
            let m = parse_digits(&[m1, m2]).ok_or(ParsePartialDateError::Format)?;
            u8::try_from(m)
                .ok()
                .and_then(|m| Month::try_from(m).ok())
                .ok_or(ParsePartialDateError::Month)
        };
        match b {
            [_, _, _, _] => year(b).map(PartialDate::Year),
            [y @ .., b'-', m1, m2] if y.len() == 4 => Ok(PartialDate::YearMonth {
                year: year(y)?,
                month: month(*m1, *m2)?,
            }),
            [y @ .., b'-', m1, m2, b'-', d1, d2] if y.len() == 4 => {
                let year = year(y)?;
                let month = month(*m1, *m2)?;
                let day = parse_digits(&[*d1, *d2]).ok_or(ParsePartialDateError::Format)?;
                NaiveDate::from_ymd_opt(year, month.number_from_month(), day)
                    .map(PartialDate::Date)
                    .ok_or(ParsePartialDateError::Date)
            }
            _ => Err(ParsePartialDateError::Format),
        }
    }

    /// The year.
    ///
    /// ```
    /// # use lefi::period::PartialDate;
    /// assert_eq!(PartialDate::parse("2022-09")?.year(), 2022);
    /// # Ok::<(), lefi::period::ParsePartialDateError>(())
    /// ```
    pub fn year(&self) -> i32 {
        match *self {
            PartialDate::Year(year) | PartialDate::YearMonth { year, .. } => year,
            PartialDate::Date(date) => date.year(),
        }
    }

    /// The first day covered (1 January, the first of the month, or the date itself); `None`
    /// only for a year outside chrono's range.
    ///
    /// ```
    /// # use lefi::period::PartialDate;
    /// let first = PartialDate::parse("2022")?.first_day();
    /// assert_eq!(first.map(|d| d.to_string()).as_deref(), Some("2022-01-01"));
    /// # Ok::<(), lefi::period::ParsePartialDateError>(())
    /// ```
    pub fn first_day(&self) -> Option<NaiveDate> {
        match *self {
            PartialDate::Year(year) => NaiveDate::from_ymd_opt(year, 1, 1),
            PartialDate::YearMonth { year, month } => {
                NaiveDate::from_ymd_opt(year, month.number_from_month(), 1)
            }
            PartialDate::Date(date) => Some(date),
        }
    }

    /// The last day covered (31 December, the last of the month, or the date itself); `None`
    /// only for a year outside chrono's range.
    ///
    /// ```
    /// # use lefi::period::PartialDate;
    /// let last = PartialDate::parse("2024-02")?.last_day();
    /// assert_eq!(last.map(|d| d.to_string()).as_deref(), Some("2024-02-29"));
    /// # Ok::<(), lefi::period::ParsePartialDateError>(())
    /// ```
    pub fn last_day(&self) -> Option<NaiveDate> {
        match *self {
            PartialDate::Year(year) => NaiveDate::from_ymd_opt(year, 12, 31),
            PartialDate::YearMonth { year, month } => {
                let (next_year, next_month) = match month.number_from_month() {
                    12 => (year.checked_add(1)?, 1),
                    m => (year, m + 1),
                };
                NaiveDate::from_ymd_opt(next_year, next_month, 1)?.pred_opt()
            }
            PartialDate::Date(date) => Some(date),
        }
    }
}

/// The text form: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
impl fmt::Display for PartialDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match *self {
            PartialDate::Year(year) => write!(f, "{year:04}"),
            PartialDate::YearMonth { year, month } => {
                write!(f, "{year:04}-{:02}", month.number_from_month())
            }
            PartialDate::Date(date) => {
                write!(
                    f,
                    "{:04}-{:02}-{:02}",
                    date.year(),
                    date.month(),
                    date.day()
                )
            }
        }
    }
}

impl FromStr for PartialDate {
    type Err = ParsePartialDateError;

    /// Same as [`PartialDate::parse`].
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Self::parse(s)
    }
}

impl TryFrom<&str> for PartialDate {
    type Error = ParsePartialDateError;

    /// Same as [`PartialDate::parse`].
    fn try_from(s: &str) -> Result<Self, Self::Error> {
        Self::parse(s)
    }
}

impl From<NaiveDate> for PartialDate {
    fn from(date: NaiveDate) -> Self {
        PartialDate::Date(date)
    }
}

impl Serialize for PartialDate {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for PartialDate {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        serde_support::deserialize_str(
            deserializer,
            "a date YYYY, YYYY-MM or YYYY-MM-DD",
            Self::parse,
        )
    }
}
