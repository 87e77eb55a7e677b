//! XsdDate: an `xs:date` with an optional timezone, kept textually exact.

use std::fmt;
use std::str::FromStr;

use chrono::{Datelike, FixedOffset, NaiveDate, Offset, Utc};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::xs::digits as parse_digits;
use crate::xs::serde as serde_support;

/// An XML Schema `xs:date`: `YYYY-MM-DD` optionally followed by a timezone, `Z` or `±HH:MM`
/// (`1998-05-12+02:00`, `2020-01-01Z`). Only four-digit years are accepted.
///
/// The offset is normally irrelevant (it is a date, not an instant; MIV and AF add the
/// producing system's summer/winter offset), so [`XsdDate::date`] ignores it, but it is kept
/// so that `Display` reproduces the text exactly. Equality compares the text form: `Z` and
/// `+00:00` are different values.
///
/// ```
/// use lefi::period::XsdDate;
///
/// let d: XsdDate = "1998-05-12+02:00".parse()?;
/// assert_eq!(d.date().to_string(), "1998-05-12");
/// assert_eq!(d.offset().map(|o| o.local_minus_utc()), Some(7200));
/// assert_eq!(d.to_string(), "1998-05-12+02:00");
/// # Ok::<(), lefi::period::ParseXsdDateError>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct XsdDate {
    date: NaiveDate,
    timezone: Option<XsdTimezone>,
}

/// The timezone of an [`XsdDate`], as written: `Z` or `±HH:MM` within ±14:00.
///
/// ```
/// use lefi::period::{XsdDate, XsdTimezone};
///
/// assert_eq!(XsdDate::parse("2020-01-01Z")?.timezone(), Some(XsdTimezone::Z));
/// let tz = XsdDate::parse("2016-11-18-01:30")?.timezone();
/// assert_eq!(tz.map(|t| t.offset().local_minus_utc()), Some(-5400));
/// assert_eq!(tz.map(|t| t.to_string()).as_deref(), Some("-01:30"));
/// # Ok::<(), lefi::period::ParseXsdDateError>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct XsdTimezone(Tz);

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum Tz {
    Z,
    Offset {
        negative: bool,
        /// 0–14.
        hours: u8,
        /// 0–59, and 0 when hours is 14.
        minutes: u8,
    },
}

impl XsdTimezone {
    /// `Z` (UTC written as `Z`).
    pub const Z: XsdTimezone = XsdTimezone(Tz::Z);

    /// A numeric timezone `±HH:MM` for an offset of whole minutes within ±14:00 (`None`
    /// otherwise). Zero is written `+00:00`; use [`XsdTimezone::Z`] for `Z`.
    ///
    /// ```
    /// # use chrono::FixedOffset;
    /// # use lefi::period::XsdTimezone;
    /// let cest = FixedOffset::east_opt(7200).ok_or("offset")?;
    /// let tz = XsdTimezone::from_offset(cest).ok_or("offset")?;
    /// assert_eq!(tz.to_string(), "+02:00");
    /// assert_eq!(tz.offset(), cest);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn from_offset(offset: FixedOffset) -> Option<Self> {
        let seconds = offset.local_minus_utc();
        if seconds % 60 != 0 || seconds.abs() > 14 * 3600 {
            return None;
        }
        let minutes_total = seconds.unsigned_abs() / 60;
        Some(XsdTimezone(Tz::Offset {
            negative: seconds < 0,
            hours: u8::try_from(minutes_total / 60).ok()?,
            minutes: u8::try_from(minutes_total % 60).ok()?,
        }))
    }

    /// Whether this is `Z` (rather than a numeric offset, even `+00:00`).
    ///
    /// ```
    /// # use lefi::period::XsdTimezone;
    /// assert!(XsdTimezone::Z.is_z());
    /// # Ok::<(), std::convert::Infallible>(())
    /// ```
    pub fn is_z(&self) -> bool {
        self.0 == Tz::Z
    }

    /// The offset from UTC (`Z`, `+00:00` and `-00:00` are all zero).
    ///
    /// ```
    /// # use lefi::period::XsdTimezone;
    /// assert_eq!(XsdTimezone::Z.offset().local_minus_utc(), 0);
    /// # Ok::<(), std::convert::Infallible>(())
    /// ```
    pub fn offset(&self) -> FixedOffset {
        let seconds = match self.0 {
            Tz::Z => 0,
            Tz::Offset {
                negative,
                hours,
                minutes,
            } => {
                let s = (i32::from(hours) * 60 + i32::from(minutes)) * 60;
                if negative { -s } else { s }
            }
        };
        // Offsets are within ±14:00 by construction, so the fallback is unreachable.
        FixedOffset::east_opt(seconds).unwrap_or_else(|| Utc.fix())
    }

    /// Parses `Z` or `±hh:mm` (within ±14:00).
    pub(crate) fn parse(bytes: &[u8]) -> Option<Self> {
        match bytes {
            [b'Z'] => Some(XsdTimezone::Z),
            [sign @ (b'+' | b'-'), h1, h2, b':', m1, m2] => {
                let hours = u8::try_from(parse_digits(&[*h1, *h2])?).ok()?;
                let minutes = u8::try_from(parse_digits(&[*m1, *m2])?).ok()?;
                let valid = minutes <= 59 && (hours < 14 || (hours == 14 && minutes == 0));
                valid.then_some(XsdTimezone(Tz::Offset {
                    negative: *sign == b'-',
                    hours,
                    minutes,
                }))
            }
            _ => None,
        }
    }
}

/// `Z` or `±HH:MM`.
impl fmt::Display for XsdTimezone {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.0 {
            Tz::Z => f.write_str("Z"),
            Tz::Offset {
                negative,
                hours,
                minutes,
            } => {
                let sign = if negative { '-' } else { '+' };
                write!(f, "{sign}{hours:02}:{minutes:02}")
            }
        }
    }
}

/// Why a text is not an [`XsdDate`].
///
/// ```
/// use lefi::period::{ParseXsdDateError, XsdDate};
///
/// assert_eq!(XsdDate::parse("2020-02-30"), Err(ParseXsdDateError::Date));
/// assert_eq!(XsdDate::parse("2020-01-01+15:00"), Err(ParseXsdDateError::Timezone));
/// assert_eq!(XsdDate::parse("2020-1-1"), Err(ParseXsdDateError::Format));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, thiserror::Error)]
#[non_exhaustive]
pub enum ParseXsdDateError {
    /// Not `YYYY-MM-DD` followed by an optional timezone.
    #[error("invalid xs:date format, expected YYYY-MM-DD with optional Z or +HH:MM")]
    Format,
    /// The date does not exist.
    #[error("xs:date is not a valid calendar date")]
    Date,
    /// The timezone is not `Z` or `±HH:MM` within ±14:00.
    #[error("xs:date has an invalid timezone")]
    Timezone,
}

impl XsdDate {
    /// Parses `YYYY-MM-DD`, `YYYY-MM-DDZ` or `YYYY-MM-DD±HH:MM`.
    ///
    /// ```
    /// # use lefi::period::XsdDate;
    /// assert_eq!(XsdDate::parse("2016-11-18")?.timezone(), None);
    /// # Ok::<(), lefi::period::ParseXsdDateError>(())
    /// ```
    pub fn parse(s: &str) -> Result<Self, ParseXsdDateError> {
        let b = s.as_bytes();
        let (date_part, tz_part) = b.split_at(b.len().min(10));
        let shape_ok = matches!(
            date_part,
            [y1, y2, y3, y4, b'-', m1, m2, b'-', d1, d2]
                if [y1, y2, y3, y4, m1, m2, d1, d2].iter().all(|c| c.is_ascii_digit())
        );
        if !shape_ok {
            return Err(ParseXsdDateError::Format);
        }
        let date = core::str::from_utf8(date_part)
            .ok()
            .and_then(crate::xs::date)
            .ok_or(ParseXsdDateError::Date)?;
        let timezone = if tz_part.is_empty() {
            None
        } else {
            Some(XsdTimezone::parse(tz_part).ok_or(ParseXsdDateError::Timezone)?)
        };
        Ok(Self { date, timezone })
    }

    /// A date without timezone.
    ///
    /// ```
    /// # use chrono::NaiveDate;
    /// # use lefi::period::XsdDate;
    /// let d = NaiveDate::from_ymd_opt(2020, 1, 1).ok_or("date")?;
    /// assert_eq!(XsdDate::new(d, None).to_string(), "2020-01-01");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn new(date: NaiveDate, timezone: Option<XsdTimezone>) -> Self {
        Self { date, timezone }
    }

    /// The calendar date (the timezone ignored).
    ///
    /// ```
    /// # use lefi::period::XsdDate;
    /// assert_eq!(XsdDate::parse("2020-01-01Z")?.date().to_string(), "2020-01-01");
    /// # Ok::<(), lefi::period::ParseXsdDateError>(())
    /// ```
    pub fn date(&self) -> NaiveDate {
        self.date
    }

    /// The timezone as written, if any.
    ///
    /// ```
    /// # use lefi::period::XsdDate;
    /// assert!(XsdDate::parse("2020-01-01")?.timezone().is_none());
    /// # Ok::<(), lefi::period::ParseXsdDateError>(())
    /// ```
    pub fn timezone(&self) -> Option<XsdTimezone> {
        self.timezone
    }

    /// The timezone as an offset from UTC, if any.
    ///
    /// ```
    /// # use lefi::period::XsdDate;
    /// let offset = XsdDate::parse("2020-01-01+01:00")?.offset();
    /// assert_eq!(offset.map(|o| o.local_minus_utc()), Some(3600));
    /// # Ok::<(), lefi::period::ParseXsdDateError>(())
    /// ```
    pub fn offset(&self) -> Option<FixedOffset> {
        self.timezone.map(|tz| tz.offset())
    }
}

/// The text as parsed: `YYYY-MM-DD` plus the timezone as written.
impl fmt::Display for XsdDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let d = self.date;
        write!(f, "{:04}-{:02}-{:02}", d.year(), d.month(), d.day())?;
        match self.timezone {
            Some(tz) => write!(f, "{tz}"),
            None => Ok(()),
        }
    }
}

impl From<NaiveDate> for XsdDate {
    fn from(date: NaiveDate) -> Self {
        Self::new(date, None)
    }
}

impl FromStr for XsdDate {
    type Err = ParseXsdDateError;

    /// Same as [`XsdDate::parse`].
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Self::parse(s)
    }
}

impl TryFrom<&str> for XsdDate {
    type Error = ParseXsdDateError;

    /// Same as [`XsdDate::parse`].
    fn try_from(s: &str) -> Result<Self, Self::Error> {
        Self::parse(s)
    }
}

impl Serialize for XsdDate {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for XsdDate {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        serde_support::deserialize_str(deserializer, "an xs:date", Self::parse)
    }
}
