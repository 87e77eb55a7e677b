//! FranTill: a range whose ends are partial dates and may each be missing.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::PartialDate;

/// A range from `fran` to `till` (LEFI `LefiFranTill`), each end a [`PartialDate`] and each
/// optional: a missing end means the range is open on that side.
///
/// serde uses the JSON object `{"fran": "...", "till": "..."}`: an absent end is omitted when
/// writing, and a missing key or `null` reads as `None`. The ends are not required to be in
/// order (the contract states no such rule); a reversed range simply contains no date.
///
/// ```
/// use lefi::period::FranTill;
///
/// let r: FranTill = serde_json::from_str(r#"{"fran": "2022-09"}"#)?;
/// assert!(r.is_open());
/// assert_eq!(r.fran().map(|d| d.to_string()).as_deref(), Some("2022-09"));
/// assert_eq!(r.till(), None);
/// assert_eq!(serde_json::to_string(&r)?, r#"{"fran":"2022-09"}"#);
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct FranTill {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    fran: Option<PartialDate>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    till: Option<PartialDate>,
}

impl FranTill {
    /// A range with the given ends (`None` = open on that side).
    ///
    /// ```
    /// # use lefi::period::FranTill;
    /// let r = FranTill::new(Some("2023-01-01".parse()?), Some("2023-12".parse()?));
    /// assert!(!r.is_open());
    /// # Ok::<(), lefi::period::ParsePartialDateError>(())
    /// ```
    pub fn new(fran: Option<PartialDate>, till: Option<PartialDate>) -> Self {
        Self { fran, till }
    }

    /// The start, if any.
    ///
    /// ```
    /// # use lefi::period::{FranTill, PartialDate};
    /// let r = FranTill::new(Some(PartialDate::Year(2022)), None);
    /// assert_eq!(r.fran(), Some(PartialDate::Year(2022)));
    /// # Ok::<(), lefi::period::ParsePartialDateError>(())
    /// ```
    pub fn fran(&self) -> Option<PartialDate> {
        self.fran
    }

    /// The end, if any.
    ///
    /// ```
    /// # use lefi::period::{FranTill, PartialDate};
    /// let r = FranTill::new(None, Some(PartialDate::Year(2022)));
    /// assert_eq!(r.till(), Some(PartialDate::Year(2022)));
    /// # Ok::<(), lefi::period::ParsePartialDateError>(())
    /// ```
    pub fn till(&self) -> Option<PartialDate> {
        self.till
    }

    /// Whether at least one end is missing.
    ///
    /// ```
    /// # use lefi::period::FranTill;
    /// assert!(FranTill::new(None, None).is_open());
    /// # Ok::<(), lefi::period::ParsePartialDateError>(())
    /// ```
    pub fn is_open(&self) -> bool {
        self.fran.is_none() || self.till.is_none()
    }

    /// Whether `date` lies in the range: on or after the first day of `fran` (if any) and on
    /// or before the last day of `till` (if any). `2022-09` as `till` includes 30 September.
    ///
    /// ```
    /// # use chrono::NaiveDate;
    /// # use lefi::period::FranTill;
    /// let r = FranTill::new(Some("2022-09".parse()?), Some("2022-09".parse()?));
    /// let d = |day| NaiveDate::from_ymd_opt(2022, 9, day).ok_or("date");
    /// assert!(r.contains(d(1)?) && r.contains(d(30)?));
    /// assert!(!r.contains(NaiveDate::from_ymd_opt(2022, 10, 1).ok_or("date")?));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn contains(&self, date: NaiveDate) -> bool {
        let after_start = match self.fran {
            None => true,
            Some(fran) => fran.first_day().is_some_and(|first| first <= date),
        };
        let before_end = match self.till {
            None => true,
            Some(till) => till.last_day().is_some_and(|last| date <= last),
        };
        after_start && before_end
    }
}
