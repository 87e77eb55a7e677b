//! Hand-written value types the generated model uses: [`DateTimeText`] for
//! `format: date-time` and [`Ersattning`] for the `ersattning` quirk.

use core::fmt;

use chrono::{DateTime, FixedOffset};
use serde::de::value::MapAccessDeserializer;
use serde::de::{self, Deserializer, MapAccess, Visitor};
use serde::{Deserialize, Serialize, Serializer};

use super::LefiSifferkod;
use super::quirk::{Quirk, QuirkForm};

/// An RFC 3339 date-time (`format: date-time`), kept as the exact text received so that
/// it re-encodes byte for byte.
///
/// ```
/// use lefi::model::lefi::DateTimeText;
///
/// let t = DateTimeText::parse("2024-03-01T10:15:00.120+01:00")?;
/// assert_eq!(t.as_str(), "2024-03-01T10:15:00.120+01:00");
/// assert_eq!(t.date_time().timestamp(), 1_709_284_500);
/// assert!(DateTimeText::parse("2024-03-01").is_err());
/// # Ok::<(), lefi::model::lefi::ParseDateTimeError>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct DateTimeText {
    text: Box<str>,
    value: DateTime<FixedOffset>,
}

/// The text is not an RFC 3339 date-time.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, thiserror::Error)]
#[error("expected an RFC 3339 date-time such as 2024-03-01T10:15:00+01:00")]
pub struct ParseDateTimeError;

impl DateTimeText {
    /// Validates an RFC 3339 date-time and keeps its text.
    ///
    /// # Errors
    /// [`ParseDateTimeError`] when the text is not an RFC 3339 date-time.
    ///
    /// ```
    /// # use lefi::model::lefi::DateTimeText;
    /// assert_eq!(DateTimeText::parse("2025-03-17T00:00:00Z")?.to_string(), "2025-03-17T00:00:00Z");
    /// # Ok::<(), lefi::model::lefi::ParseDateTimeError>(())
    /// ```
    pub fn parse(text: &str) -> Result<Self, ParseDateTimeError> {
        let value = crate::xs::rfc3339(text).ok_or(ParseDateTimeError)?;
        Ok(Self {
            text: text.into(),
            value,
        })
    }

    /// The text as received.
    #[must_use]
    pub fn as_str(&self) -> &str {
        &self.text
    }

    /// The instant with its UTC offset.
    #[must_use]
    pub fn date_time(&self) -> DateTime<FixedOffset> {
        self.value
    }
}

impl From<DateTime<FixedOffset>> for DateTimeText {
    /// The RFC 3339 text of the instant (fractional seconds only when non-zero).
    fn from(value: DateTime<FixedOffset>) -> Self {
        Self {
            text: value.to_rfc3339().into(),
            value,
        }
    }
}

impl fmt::Display for DateTimeText {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text)
    }
}

impl core::str::FromStr for DateTimeText {
    type Err = ParseDateTimeError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Self::parse(s)
    }
}

impl Serialize for DateTimeText {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.text)
    }
}

impl<'de> Deserialize<'de> for DateTimeText {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct V;
        impl Visitor<'_> for V {
            type Value = DateTimeText;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("an RFC 3339 date-time")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<DateTimeText, E> {
                DateTimeText::parse(v).map_err(|e| E::custom(format_args!("invalid value: {e}")))
            }
        }
        deserializer.deserialize_str(V)
    }
}

/// `ersattning` of sjukpenning, förebyggande sjukpenning and rehabiliteringsersättning
/// decisions.
///
/// **Contract quirk** (DOMAIN §7.8): the schema says string (values such as
/// `SJUKPENNING_UNDER_REDARSKYDDAD_TID`, "other values may occur"), but the contract's own
/// response example sends `{"id": 101, "beskrivning": "Sjukpenning"}`. Both forms are
/// accepted and each is re-encoded in the form it was given; the object form is
/// [`Quirk::CodeObjectForString`], which the decoder's strict mode
/// (`tolerate_quirks: false`) refuses.
///
/// ```
/// use lefi::model::lefi::Ersattning;
///
/// let text: Ersattning = serde_json::from_str(r#""ARBETSRESOR""#)?;
/// assert_eq!(text.code_text(), Some("ARBETSRESOR"));
/// let object: Ersattning = serde_json::from_str(r#"{"id":101,"beskrivning":"Sjukpenning"}"#)?;
/// assert_eq!(object.beskrivning(), Some("Sjukpenning"));
/// assert_eq!(serde_json::to_string(&object)?, r#"{"id":101,"beskrivning":"Sjukpenning"}"#);
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Ersattning {
    /// The schema's form: a code text.
    Text(String),
    /// The form of the contract's example: a numeric code with its description.
    Kod(LefiSifferkod),
}

impl Ersattning {
    /// The code text of the schema's form.
    #[must_use]
    pub fn code_text(&self) -> Option<&str> {
        match self {
            Self::Text(text) => Some(text),
            Self::Kod(_) => None,
        }
    }

    /// The description of the object form.
    #[must_use]
    pub fn beskrivning(&self) -> Option<&str> {
        match self {
            Self::Text(_) => None,
            Self::Kod(kod) => kod.beskrivning.as_deref(),
        }
    }
}

impl QuirkForm for Ersattning {
    fn quirk(&self) -> Option<Quirk> {
        matches!(self, Self::Kod(_)).then_some(Quirk::CodeObjectForString)
    }
}

impl Serialize for Ersattning {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            Self::Text(text) => serializer.serialize_str(text),
            Self::Kod(kod) => kod.serialize(serializer),
        }
    }
}

impl<'de> Deserialize<'de> for Ersattning {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(ErsattningVisitor)
    }
}

struct ErsattningVisitor;

impl<'de> Visitor<'de> for ErsattningVisitor {
    type Value = Ersattning;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a string (or, tolerated, an {id, beskrivning} object)")
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<Ersattning, E> {
        Ok(Ersattning::Text(v.to_owned()))
    }

    fn visit_string<E: de::Error>(self, v: String) -> Result<Ersattning, E> {
        Ok(Ersattning::Text(v))
    }

    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Ersattning, A::Error> {
        LefiSifferkod::deserialize(MapAccessDeserializer::new(map)).map(Ersattning::Kod)
    }
}
