//! `format: date` fields (`YYYY-MM-DD`) as [`NaiveDate`], read strictly and written in the
//! same form, so that every accepted text round-trips exactly.

use core::fmt;

use chrono::NaiveDate;
use serde::de::{self, Deserializer, Visitor};
use serde::ser::{self, Serializer};
use serde::{Deserialize, Serialize};

const EXPECTED: &str = "a date in the form YYYY-MM-DD";

/// A date written `YYYY-MM-DD`, read and written through [`crate::xs::date`].
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
        crate::xs::date(text)
            .ok_or_else(|| E::custom(format_args!("invalid value: expected {EXPECTED}")))
    }
}

/// Writes `YYYY-MM-DD`.
///
/// # Errors
/// When the year is outside 0000–9999 (the form has four year digits).
pub(crate) fn serialize<S: Serializer>(date: &NaiveDate, serializer: S) -> Result<S::Ok, S::Error> {
    let text = crate::xs::format_date(*date)
        .ok_or_else(|| ser::Error::custom("date year outside 0000-9999"))?;
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
