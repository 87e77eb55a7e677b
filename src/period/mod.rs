//! Dates and periods: [`Period`] (closed date range), [`PartialDate`] (`YYYY`, `YYYY-MM` or
//! `YYYY-MM-DD`), [`FranTill`] (range with optional ends) and [`XsdDate`] (`xs:date` with an
//! optional timezone).
//!
//! ```
//! use lefi::period::{FranTill, PartialDate, Period};
//!
//! let fran: PartialDate = "2022-09".parse()?;
//! let range = FranTill::new(Some(fran), None);
//! assert!(range.is_open());
//! let request: Period = serde_json::from_str(r#"{"from":"2022-01-01","tom":"2022-12-31"}"#)?;
//! assert!(range.contains(request.tom()));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

mod fran_till;
mod partial_date;
mod xsd_date;

pub use fran_till::FranTill;
pub use partial_date::{ParsePartialDateError, PartialDate};
pub use xsd_date::{ParseXsdDateError, XsdDate, XsdTimezone};

use std::fmt;

use chrono::{Datelike, Days, NaiveDate};
use serde::de::Error as _;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A closed date range: `from ≤ tom`, both days included (LEFI `LefiPeriod { from, tom }`).
///
/// serde uses the LEFI shape `{"from": "YYYY-MM-DD", "tom": "YYYY-MM-DD"}` and rejects a
/// reversed period. `Display` is `YYYY-MM-DD/YYYY-MM-DD` (ISO 8601 interval).
///
/// ```
/// use chrono::NaiveDate;
/// use lefi::period::Period;
///
/// let from = NaiveDate::from_ymd_opt(2023, 1, 1).ok_or("date")?;
/// let tom = NaiveDate::from_ymd_opt(2024, 12, 31).ok_or("date")?;
/// let p = Period::new(from, tom)?;
/// assert_eq!(p.days(), 731);
/// assert!(!p.longer_than_two_years());
/// assert_eq!(p.to_string(), "2023-01-01/2024-12-31");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Period {
    from: NaiveDate,
    tom: NaiveDate,
}

/// Why two dates do not form a [`Period`].
///
/// ```
/// use chrono::NaiveDate;
/// use lefi::period::{Period, PeriodError};
///
/// let a = NaiveDate::from_ymd_opt(2024, 1, 2).ok_or("date")?;
/// let b = NaiveDate::from_ymd_opt(2024, 1, 1).ok_or("date")?;
/// assert_eq!(Period::new(a, b), Err(PeriodError::Reversed));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, thiserror::Error)]
#[non_exhaustive]
pub enum PeriodError {
    /// `tom` is before `from`.
    #[error("period ends before it starts")]
    Reversed,
}

impl Period {
    /// A period from `from` to `tom` inclusive; `tom` must not be before `from` (a one-day
    /// period has `from == tom`).
    ///
    /// ```
    /// # use chrono::NaiveDate;
    /// # use lefi::period::Period;
    /// let day = NaiveDate::from_ymd_opt(2024, 2, 29).ok_or("date")?;
    /// assert_eq!(Period::new(day, day)?.days(), 1);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn new(from: NaiveDate, tom: NaiveDate) -> Result<Self, PeriodError> {
        if tom < from {
            return Err(PeriodError::Reversed);
        }
        Ok(Self { from, tom })
    }

    /// The first day.
    ///
    /// ```
    /// # use chrono::NaiveDate;
    /// # use lefi::period::Period;
    /// let d = NaiveDate::from_ymd_opt(2024, 1, 1).ok_or("date")?;
    /// assert_eq!(Period::new(d, d)?.from(), d);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn from(&self) -> NaiveDate {
        self.from
    }

    /// The last day (*till och med*, inclusive).
    ///
    /// ```
    /// # use chrono::NaiveDate;
    /// # use lefi::period::Period;
    /// let d = NaiveDate::from_ymd_opt(2024, 1, 1).ok_or("date")?;
    /// assert_eq!(Period::new(d, d)?.tom(), d);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn tom(&self) -> NaiveDate {
        self.tom
    }

    /// Whether `date` is within the period (both ends included).
    ///
    /// ```
    /// # use chrono::NaiveDate;
    /// # use lefi::period::Period;
    /// let a = NaiveDate::from_ymd_opt(2024, 1, 1).ok_or("date")?;
    /// let b = NaiveDate::from_ymd_opt(2024, 1, 31).ok_or("date")?;
    /// let p = Period::new(a, b)?;
    /// assert!(p.contains(a) && p.contains(b));
    /// assert!(!p.contains(NaiveDate::from_ymd_opt(2024, 2, 1).ok_or("date")?));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn contains(&self, date: NaiveDate) -> bool {
        self.from <= date && date <= self.tom
    }

    /// The number of days, both ends included (at least 1).
    ///
    /// ```
    /// # use chrono::NaiveDate;
    /// # use lefi::period::Period;
    /// let a = NaiveDate::from_ymd_opt(2024, 1, 1).ok_or("date")?;
    /// let b = NaiveDate::from_ymd_opt(2024, 12, 31).ok_or("date")?;
    /// assert_eq!(Period::new(a, b)?.days(), 366);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn days(&self) -> i64 {
        (self.tom - self.from).num_days() + 1
    }

    /// Whether the period is longer than two years (LEFI v9 rejects such request periods unless
    /// there is a contractual exception).
    ///
    /// Rule: a period is longer than two years when `tom` is on or after the second
    /// anniversary of `from`, i.e. `tom > from + 2 years − 1 day`; it then covers more than two
    /// full calendar years counted inclusively. The anniversary of 29 February in a common
    /// year is 1 March, so 2024-02-29..=2026-02-28 is exactly two years (not longer), and
    /// 2022-03-01..=2024-02-29 is exactly two years too.
    ///
    /// ```
    /// # use chrono::NaiveDate;
    /// # use lefi::period::Period;
    /// let d = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).ok_or("date");
    /// assert!(!Period::new(d(2023, 1, 1)?, d(2024, 12, 31)?)?.longer_than_two_years());
    /// assert!(Period::new(d(2023, 1, 1)?, d(2025, 1, 1)?)?.longer_than_two_years());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn longer_than_two_years(&self) -> bool {
        match second_anniversary(self.from) {
            Some(anniversary) => self.tom >= anniversary,
            // Beyond chrono's range: tom cannot reach it.
            None => false,
        }
    }
}

/// `date` two years later; 29 February maps to 1 March in a common year.
fn second_anniversary(date: NaiveDate) -> Option<NaiveDate> {
    let year = date.year().checked_add(2)?;
    date.with_year(year).or_else(|| {
        NaiveDate::from_ymd_opt(year, 2, 28).and_then(|d| d.checked_add_days(Days::new(1)))
    })
}

/// `YYYY-MM-DD/YYYY-MM-DD`.
impl fmt::Display for Period {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}/{}",
            self.from.format("%Y-%m-%d"),
            self.tom.format("%Y-%m-%d")
        )
    }
}

#[derive(Serialize, Deserialize)]
struct PeriodWire {
    from: IsoDate,
    tom: IsoDate,
}

impl Serialize for Period {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        PeriodWire {
            from: IsoDate(self.from),
            tom: IsoDate(self.tom),
        }
        .serialize(serializer)
    }
}

impl<'de> Deserialize<'de> for Period {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let wire = PeriodWire::deserialize(deserializer)?;
        Period::new(wire.from.0, wire.tom.0).map_err(D::Error::custom)
    }
}

/// A `YYYY-MM-DD` date for serde (chrono's serde feature is not enabled).
struct IsoDate(NaiveDate);

impl Serialize for IsoDate {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(&self.0.format("%Y-%m-%d"))
    }
}

impl<'de> Deserialize<'de> for IsoDate {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        crate::xs::serde::deserialize_str(deserializer, "a date YYYY-MM-DD", |s| {
            crate::xs::date(s)
                .map(IsoDate)
                .ok_or("invalid date, expected YYYY-MM-DD")
        })
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn two_year_rule_edges() {
        let p = |a, b| Period::new(a, b).unwrap().longer_than_two_years();
        assert!(!p(d(2023, 1, 1), d(2024, 12, 31)));
        assert!(p(d(2023, 1, 1), d(2025, 1, 1)));
        assert!(!p(d(2024, 2, 29), d(2026, 2, 28)));
        assert!(p(d(2024, 2, 29), d(2026, 3, 1)));
        assert!(!p(d(2022, 3, 1), d(2024, 2, 29)));
        assert!(p(d(2022, 3, 1), d(2024, 3, 1)));
        assert!(!p(d(2024, 5, 17), d(2024, 5, 17)));
        let max = NaiveDate::MAX;
        assert!(!p(max, max));
    }

    #[test]
    fn ymd_is_strict() {
        assert_eq!(crate::xs::date("2024-02-29"), Some(d(2024, 2, 29)));
        for s in [
            "2023-02-29",
            "2024-2-29",
            "02024-02-29",
            "2024-02-29Z",
            "2024/02/29",
            "+024-02-29",
            "",
        ] {
            assert_eq!(crate::xs::date(s), None, "{s:?}");
        }
    }
}
