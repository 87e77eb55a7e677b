//! Small value types of the SSBTEK model.

use std::fmt;

use base64::Engine as _;
use chrono::{DateTime, FixedOffset, NaiveDateTime};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::period::{Period, XsdDate, XsdTimezone};

/// Why a value of the SSBTEK model was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, thiserror::Error)]
#[non_exhaustive]
pub enum ValueError {
    /// The value must not be empty.
    #[error("{field} must not be empty")]
    Empty {
        /// The field.
        field: &'static str,
    },
    /// Not an `xs:dateTime`.
    #[error("not an xs:dateTime")]
    DateTime,
    /// Not valid base64.
    #[error("not valid base64")]
    Base64,
}

/// An `xs:dateTime` (`frageTidpunkt`), kept exactly as written.
///
/// ```
/// use lefi::model::ssbtek::XsdDateTime;
/// let t = XsdDateTime::parse("2026-01-31T09:15:00.123+01:00")?;
/// assert_eq!(t.to_string(), "2026-01-31T09:15:00.123+01:00");
/// assert!(t.with_offset().is_some());
/// assert!(XsdDateTime::parse("2026-01-31").is_err());
/// # Ok::<(), lefi::model::ssbtek::ValueError>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct XsdDateTime {
    text: String,
    local: NaiveDateTime,
    offset: Option<FixedOffset>,
}

impl XsdDateTime {
    /// Parses `YYYY-MM-DDThh:mm:ss[.fff][Z|±hh:mm]`.
    pub fn parse(text: &str) -> Result<Self, ValueError> {
        let (local, tz) = crate::xs::date_time(text).ok_or(ValueError::DateTime)?;
        let offset = match tz {
            "" => None,
            tz => Some(
                XsdTimezone::parse(tz.as_bytes())
                    .ok_or(ValueError::DateTime)?
                    .offset(),
            ),
        };
        Ok(Self {
            text: text.to_owned(),
            local,
            offset,
        })
    }

    /// From a date-time with offset (written with seconds and the offset).
    pub fn from_datetime(value: DateTime<FixedOffset>) -> Self {
        let text = value.format("%Y-%m-%dT%H:%M:%S%:z").to_string();
        Self {
            text,
            local: value.naive_local(),
            offset: Some(*value.offset()),
        }
    }

    /// The local date and time as written.
    pub fn local(&self) -> NaiveDateTime {
        self.local
    }

    /// The instant, when the text has a timezone.
    pub fn with_offset(&self) -> Option<DateTime<FixedOffset>> {
        let offset = self.offset?;
        self.local.and_local_timezone(offset).single()
    }
}

impl fmt::Display for XsdDateTime {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text)
    }
}

/// serde: the text exactly as written; read through [`XsdDateTime::parse`].
impl Serialize for XsdDateTime {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.text)
    }
}

impl<'de> Deserialize<'de> for XsdDateTime {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        crate::xs::serde::deserialize_str(deserializer, "an xs:dateTime", Self::parse)
    }
}

/// A `Tidsperiod` (`fromDatum`, `tomDatum`), keeping the dates exactly as written.
///
/// ```
/// use chrono::NaiveDate;
/// use lefi::model::ssbtek::Tidsperiod;
/// use lefi::period::Period;
/// # fn main() -> Result<(), Box<dyn std::error::Error>> {
/// let p = Period::new(NaiveDate::from_ymd_opt(2025, 1, 1).unwrap(), NaiveDate::from_ymd_opt(2025, 12, 31).unwrap())?;
/// let t: Tidsperiod = p.into();
/// assert_eq!(t.from().to_string(), "2025-01-01");
/// assert_eq!(t.to_period()?, p);
/// # Ok(()) }
/// ```
///
/// serde: `{"fromDatum": "…", "tomDatum": "…"}` (the element names), each an `xs:date`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Tidsperiod {
    #[serde(rename = "fromDatum")]
    from: XsdDate,
    #[serde(rename = "tomDatum")]
    tom: XsdDate,
}

impl Tidsperiod {
    /// From two dates as read from the wire (no ordering check: the wire does not promise it).
    pub fn new(from: XsdDate, tom: XsdDate) -> Self {
        Self { from, tom }
    }

    /// `fromDatum`.
    pub fn from(&self) -> XsdDate {
        self.from
    }

    /// `tomDatum`.
    pub fn tom(&self) -> XsdDate {
        self.tom
    }

    /// As a validated closed period (timezones dropped).
    pub fn to_period(&self) -> Result<Period, crate::period::PeriodError> {
        Period::new(self.from.date(), self.tom.date())
    }
}

impl From<Period> for Tidsperiod {
    fn from(p: Period) -> Self {
        Self {
            from: XsdDate::from(p.from()),
            tom: XsdDate::from(p.tom()),
        }
    }
}

macro_rules! text_newtype {
    ($(#[$doc:meta])* $name:ident, $field:literal, non_empty = $non_empty:expr) => {
        $(#[$doc])*
        #[derive(Clone, PartialEq, Eq, Hash)]
        pub struct $name(String);

        impl $name {
            /// Creates the value.
            pub fn new(value: impl Into<String>) -> Result<Self, ValueError> {
                let value = value.into();
                if $non_empty && value.is_empty() {
                    return Err(ValueError::Empty { field: $field });
                }
                Ok(Self(value))
            }

            /// The text.
            pub fn as_str(&self) -> &str {
                &self.0
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(&self.0)
            }
        }

        impl fmt::Debug for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                write!(f, "{}({:?})", stringify!($name), self.0)
            }
        }

        impl Serialize for $name {
            fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.serialize_str(&self.0)
            }
        }

        impl<'de> Deserialize<'de> for $name {
            fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                crate::xs::serde::deserialize_str(deserializer, concat!("a ", $field), |t| {
                    Self::new(t)
                })
            }
        }
    };
}

text_newtype!(
    /// The ingivare's purpose (`syfte`): free text, normally taken from the legal purpose.
    ///
    /// ```
    /// use lefi::model::ssbtek::Syfte;
    /// assert_eq!(Syfte::new("Ekonomiskt bistånd")?.as_str(), "Ekonomiskt bistånd");
    /// # Ok::<(), lefi::model::ssbtek::ValueError>(())
    /// ```
    Syfte, "syfte", non_empty = false
);
text_newtype!(
    /// The legal basis text (`lagtext`): free text citing the rule that permits disclosure.
    ///
    /// ```
    /// use lefi::model::ssbtek::Lagtext;
    /// assert!(Lagtext::new("11 kap. 11 § SoL").is_ok());
    /// # Ok::<(), lefi::model::ssbtek::ValueError>(())
    /// ```
    Lagtext, "lagtext", non_empty = false
);
text_newtype!(
    /// The organisation's case id (`arendeidentitet`, `NonEmptyString`).
    ///
    /// ```
    /// use lefi::model::ssbtek::Arendeidentitet;
    /// assert!(Arendeidentitet::new("").is_err());
    /// assert_eq!(Arendeidentitet::new("A-1")?.as_str(), "A-1");
    /// # Ok::<(), lefi::model::ssbtek::ValueError>(())
    /// ```
    Arendeidentitet, "arendeidentitet", non_empty = true
);

/// Bytes carried as `xs:base64Binary`, re-encoded exactly as received.
///
/// When the received text was not in canonical form (line breaks, spaces), the original text
/// is kept so that encoding reproduces it. `Debug` shows the length only.
///
/// ```
/// use lefi::model::ssbtek::Base64Blob;
/// let b = Base64Blob::decode("aGVq\nIGRp")?;
/// assert_eq!(b.bytes(), b"hej di");
/// assert_eq!(b.to_base64(), "aGVq\nIGRp");
/// assert_eq!(Base64Blob::from_bytes(b"hej di".to_vec()).to_base64(), "aGVqIGRp");
/// # Ok::<(), lefi::model::ssbtek::ValueError>(())
/// ```
#[derive(Clone, PartialEq, Eq, Hash)]
pub struct Base64Blob {
    bytes: Vec<u8>,
    original: Option<String>,
}

impl Base64Blob {
    /// Wraps bytes (encoded canonically).
    pub fn from_bytes(bytes: Vec<u8>) -> Self {
        Self {
            bytes,
            original: None,
        }
    }

    /// Decodes `xs:base64Binary` text (whitespace allowed).
    pub fn decode(text: &str) -> Result<Self, ValueError> {
        use crate::xs::base64::decode_standard;
        if let Ok(bytes) = decode_standard(text.as_bytes()) {
            return Ok(Self::from_bytes(bytes));
        }
        let compact: String = text.chars().filter(|c| !c.is_ascii_whitespace()).collect();
        let bytes = decode_standard(compact.as_bytes()).map_err(|_| ValueError::Base64)?;
        Ok(Self {
            bytes,
            original: Some(text.to_owned()),
        })
    }

    /// The decoded bytes.
    pub fn bytes(&self) -> &[u8] {
        &self.bytes
    }

    /// The base64 text to write.
    pub fn to_base64(&self) -> String {
        match &self.original {
            Some(t) => t.clone(),
            None => base64::engine::general_purpose::STANDARD.encode(&self.bytes),
        }
    }
}

/// serde: the base64 text exactly as it is written ([`Base64Blob::to_base64`]); read through
/// [`Base64Blob::decode`].
impl Serialize for Base64Blob {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.to_base64())
    }
}

impl<'de> Deserialize<'de> for Base64Blob {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        crate::xs::serde::deserialize_str(deserializer, "base64 text", Self::decode)
    }
}

impl fmt::Debug for Base64Blob {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Base64Blob({} bytes)", self.bytes.len())
    }
}

/// A document an agency sends inside SSBTEK (base64 JSON or XML, or XML as text): its typed
/// value and, when it was decoded from a message, the bytes as received.
///
/// Encoding writes the received bytes unchanged, so a decoded message re-encodes exactly;
/// a payload built with [`Payload::new`] (or read from the crate's JSON form, which shows
/// the typed value) is encoded from its value. Equality compares the values only: two
/// payloads saying the same are equal however their bytes were laid out.
///
/// ```
/// use lefi::model::ssbtek::Payload;
/// let p = Payload::new(42u32);
/// assert_eq!(*p.value(), 42);
/// assert!(p.received().is_none());
/// assert_eq!(serde_json::to_string(&p)?, "42");
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Clone)]
pub struct Payload<T> {
    value: T,
    received: Option<Base64Blob>,
}

impl<T> Payload<T> {
    /// A payload to be encoded from its value.
    pub fn new(value: T) -> Self {
        Self {
            value,
            received: None,
        }
    }

    /// A decoded payload: its value and the bytes it was decoded from.
    pub(crate) fn decoded(value: T, received: Base64Blob) -> Self {
        Self {
            value,
            received: Some(received),
        }
    }

    /// The typed value.
    pub fn value(&self) -> &T {
        &self.value
    }

    /// The typed value, taken out.
    pub fn into_value(self) -> T {
        self.value
    }

    /// The payload's bytes as received (the decoded base64, or the text), when it was
    /// decoded from a message.
    pub fn received(&self) -> Option<&[u8]> {
        self.received.as_ref().map(Base64Blob::bytes)
    }

    /// The received bytes with their base64 text as written.
    pub(crate) fn received_blob(&self) -> Option<&Base64Blob> {
        self.received.as_ref()
    }
}

impl<T: PartialEq> PartialEq for Payload<T> {
    fn eq(&self, other: &Self) -> bool {
        self.value == other.value
    }
}

impl<T: Eq> Eq for Payload<T> {}

impl<T: fmt::Debug> fmt::Debug for Payload<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut s = f.debug_struct("Payload");
        s.field("value", &self.value);
        match &self.received {
            Some(b) => s.field("received", &format_args!("{} bytes", b.bytes().len())),
            None => s.field("received", &format_args!("none")),
        };
        s.finish()
    }
}

/// serde: the typed value itself (the crate's JSON form shows payloads decoded and typed);
/// read back, it is encoded from the value.
impl<T: Serialize> Serialize for Payload<T> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.value.serialize(serializer)
    }
}

impl<'de, T: Deserialize<'de>> Deserialize<'de> for Payload<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        T::deserialize(deserializer).map(Self::new)
    }
}
