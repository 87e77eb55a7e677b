//! Skatteverket's ssbt/11 answer: one JSON document per part (`foretagsinformation`,
//! `individuppgifter`, `skattekonto`, `skatteuppgifter`, `beskattningsbilagor`), typed.
//!
//! The shapes come from a handful of answers from FK's test environment (DOMAIN §7.7), so every
//! object is open:
//!
//! * every typed property is optional (absent and `null` both read as `None`; `None` is not
//!   written);
//! * properties not typed here are kept exactly, in order, in each object's `extra`, written
//!   back after the typed ones and listed by `unknown_properties()` as JSON paths
//!   (`$.foretag.nyttFalt`, `$.beslutadeSkatteuppgifter[1].uppgifter.x`);
//! * a typed property that occurs twice in one object is an error (an unknown one that repeats
//!   is kept twice);
//! * amounts ([`SkvBelopp`]) and years ([`SkvAr`]) are read from a JSON number or a string and
//!   written back in the form they came in;
//! * parts whose shape has not been seen (`individuppgifter`, `beskattningsbilagor`) are
//!   [`SkvJson`]: the JSON text exactly as received.
//!
//! The serde impls read the raw text of numbers (`serde_json`'s `RawValue`), so they work with
//! `serde_json` only, deserialising straight from its `Deserializer`.

use std::fmt::{self, Write as _};
use std::str::FromStr;

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::de::{self, DeserializeOwned, MapAccess, Visitor};
use serde::ser::{self, SerializeMap};
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use serde_json::value::RawValue;

use crate::id::Sensitive;
use crate::money::{ParseAmountError, parse_decimal_exact};
use crate::xs::DecimalForm;

use super::values::XsdDateTime;

/// Why a Skatteverket value was refused. Messages never contain the value.
///
/// ```
/// use lefi::model::ssbtek::{ParseSkvValueError, SkvBeskattningsperiod};
/// let err = "2024X4".parse::<SkvBeskattningsperiod>().err().ok_or("accepted")?;
/// assert_eq!(err, ParseSkvValueError::Beskattningsperiod);
/// assert!(!err.to_string().contains("2024X4"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, thiserror::Error)]
#[non_exhaustive]
pub enum ParseSkvValueError {
    /// Not an amount: a JSON number, or a string holding `-?digits[.digits]`.
    #[error("invalid amount, expected a JSON number or a string holding a decimal such as -12.50")]
    Belopp,
    /// An amount too large or with too many decimals to hold exactly.
    #[error("amount is out of range or too precise to hold exactly")]
    BeloppRange,
    /// Not a year of four digits (1000–9999).
    #[error("invalid year, expected four digits (1000-9999)")]
    Ar,
    /// Not a beskattningsperiod `YYYYPn` (year, `P`, one or two digits, period 1–99).
    #[error("invalid beskattningsperiod, expected YYYYPn such as 2024P4")]
    Beskattningsperiod,
}

/// The JSON form a Skatteverket number came in, kept so that it is written back the same way.
///
/// ```
/// use lefi::model::ssbtek::{SkvBelopp, SkvJsonForm};
/// let b: SkvBelopp = serde_json::from_str(r#""412000""#)?;
/// assert_eq!(b.form(), SkvJsonForm::String);
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum SkvJsonForm {
    /// A JSON number (`412000`).
    Number,
    /// A JSON string (`"412000"`).
    String,
}

// ---------------------------------------------------------------------------------------------
// Lexical parsers shared with the v10 document and its codec.

/// Parses a plain decimal `-?[0-9]+(\.[0-9]+)?` (leading zeros allowed; no `+`, exponent,
/// spaces or decimal comma) to an exact [`Decimal`]: an `xs:decimal` of that shape.
pub(crate) fn parse_skv_decimal(text: &str) -> Result<Decimal, ParseSkvValueError> {
    if text.starts_with(['+', '.']) || text.ends_with('.') {
        return Err(ParseSkvValueError::Belopp);
    }
    crate::xs::decimal(text, DecimalForm::Xs).map_err(amount_error)
}

fn amount_error(e: ParseAmountError) -> ParseSkvValueError {
    match e {
        ParseAmountError::OutOfRange | ParseAmountError::TooPrecise => {
            ParseSkvValueError::BeloppRange
        }
        _ => ParseSkvValueError::Belopp,
    }
}

/// Parses a year of exactly four digits, 1000–9999.
pub(crate) fn parse_skv_year(text: &str) -> Result<u16, ParseSkvValueError> {
    let year = (text.len() == 4)
        .then(|| crate::xs::integer::<u16>(text))
        .flatten()
        .filter(|y| (1000..=9999).contains(y));
    year.ok_or(ParseSkvValueError::Ar)
}

/// A custom serde error for a value of the wrong JSON type (the value is not repeated).
fn wrong_type<E: de::Error>(expected: &str) -> E {
    E::custom(format_args!("invalid type: expected {expected}"))
}

// ---------------------------------------------------------------------------------------------
// Amounts.

/// An exact amount from Skatteverket's JSON, in whichever form it came: a JSON number
/// (`skattekonto`: `"saldo": -1234.50`) or a string (`skatteuppgifter.uppgifter`:
/// `"sumKapital": "-3500"`).
///
/// The text is kept as written and written back in the same form; a number is written as
/// the same JSON number text (never through `f64`). Accepted:
///
/// * number form: any JSON number that a `Decimal` holds exactly (`1e2`, `-0.10`);
/// * string form: `-?[0-9]+(\.[0-9]+)?` — leading zeros allowed, no `+`, exponent,
///   whitespace or decimal comma (`"12,5"` is refused).
///
/// Equality compares the form and the text (so `100` and `1e2` differ);
/// compare [`value`](Self::value)s for numeric equality.
///
/// ```
/// use lefi::model::ssbtek::{SkvBelopp, SkvJsonForm};
/// use rust_decimal::Decimal;
///
/// let n: SkvBelopp = serde_json::from_str("-1234.50")?;
/// assert_eq!(n.value(), Decimal::new(-123450, 2));
/// assert_eq!(serde_json::to_string(&n)?, "-1234.50");
/// let s: SkvBelopp = serde_json::from_str(r#""-3500""#)?;
/// assert_eq!((s.value(), s.form()), (Decimal::new(-3500, 0), SkvJsonForm::String));
/// assert_eq!(serde_json::to_string(&s)?, r#""-3500""#);
/// assert!(serde_json::from_str::<SkvBelopp>(r#""12,5""#).is_err());
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SkvBelopp {
    value: Decimal,
    text: String,
    form: SkvJsonForm,
}

impl SkvBelopp {
    /// Parses the text of a JSON number ([`SkvJsonForm::Number`]) or the content of a JSON
    /// string ([`SkvJsonForm::String`]).
    ///
    /// ```
    /// use lefi::model::ssbtek::{SkvBelopp, SkvJsonForm};
    /// let b = SkvBelopp::parse("1.5E2", SkvJsonForm::Number)?;
    /// assert_eq!(b.value().to_string(), "150");
    /// assert_eq!(b.as_str(), "1.5E2");
    /// assert!(SkvBelopp::parse("1.5E2", SkvJsonForm::String).is_err());
    /// # Ok::<(), lefi::model::ssbtek::ParseSkvValueError>(())
    /// ```
    pub fn parse(text: &str, form: SkvJsonForm) -> Result<Self, ParseSkvValueError> {
        let value = match form {
            SkvJsonForm::Number => parse_decimal_exact(text).map_err(amount_error)?,
            SkvJsonForm::String => parse_skv_decimal(text)?,
        };
        Ok(Self {
            value,
            text: text.to_owned(),
            form,
        })
    }

    /// An amount written as `value`'s plain decimal text in the given form.
    ///
    /// ```
    /// use lefi::model::ssbtek::{SkvBelopp, SkvJsonForm};
    /// use rust_decimal::Decimal;
    /// let b = SkvBelopp::new(Decimal::new(-350, 1), SkvJsonForm::Number);
    /// assert_eq!(serde_json::to_string(&b)?, "-35.0");
    /// # Ok::<(), serde_json::Error>(())
    /// ```
    pub fn new(value: Decimal, form: SkvJsonForm) -> Self {
        Self {
            value,
            text: value.to_string(),
            form,
        }
    }

    /// The exact value.
    ///
    /// ```
    /// # use lefi::model::ssbtek::{SkvBelopp, SkvJsonForm};
    /// assert_eq!(SkvBelopp::parse("0.10", SkvJsonForm::String)?.value().scale(), 2);
    /// # Ok::<(), lefi::model::ssbtek::ParseSkvValueError>(())
    /// ```
    pub fn value(&self) -> Decimal {
        self.value
    }

    /// The form it came in (and is written in).
    ///
    /// ```
    /// # use lefi::model::ssbtek::{SkvBelopp, SkvJsonForm};
    /// assert_eq!(SkvBelopp::parse("7", SkvJsonForm::Number)?.form(), SkvJsonForm::Number);
    /// # Ok::<(), lefi::model::ssbtek::ParseSkvValueError>(())
    /// ```
    pub fn form(&self) -> SkvJsonForm {
        self.form
    }

    /// The text as written (the number's text, or the string's content).
    ///
    /// ```
    /// # use lefi::model::ssbtek::{SkvBelopp, SkvJsonForm};
    /// assert_eq!(SkvBelopp::parse("007", SkvJsonForm::String)?.as_str(), "007");
    /// # Ok::<(), lefi::model::ssbtek::ParseSkvValueError>(())
    /// ```
    pub fn as_str(&self) -> &str {
        &self.text
    }
}

/// The text as written.
impl fmt::Display for SkvBelopp {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text)
    }
}

impl Serialize for SkvBelopp {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self.form {
            SkvJsonForm::String => serializer.serialize_str(&self.text),
            SkvJsonForm::Number => RawValue::from_string(self.text.clone())
                .map_err(|_| ser::Error::custom("amount text is not a JSON number"))?
                .serialize(serializer),
        }
    }
}

impl<'de> Deserialize<'de> for SkvBelopp {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        const EXPECTED: &str = "an amount (a JSON number or a decimal string)";
        let raw = Box::<RawValue>::deserialize(deserializer)?;
        let text = raw.get();
        let parsed = match text.as_bytes().first() {
            Some(b'"') => {
                let content: String =
                    serde_json::from_str(text).map_err(|_| de::Error::custom("invalid string"))?;
                Self::parse(&content, SkvJsonForm::String)
            }
            Some(b'-' | b'0'..=b'9') => Self::parse(text, SkvJsonForm::Number),
            _ => return Err(wrong_type(EXPECTED)),
        };
        parsed.map_err(de::Error::custom)
    }
}

// ---------------------------------------------------------------------------------------------
// Years and periods.

/// A year (1000–9999) from Skatteverket's JSON, as a number (`"beskattningsar": 2024`) or a
/// string (`"inkomstar": "2024"`), written back in the same form.
///
/// ```
/// use lefi::model::ssbtek::{SkvAr, SkvJsonForm};
/// let a: SkvAr = serde_json::from_str(r#""2024""#)?;
/// assert_eq!((a.year(), a.form()), (2024, SkvJsonForm::String));
/// assert_eq!(serde_json::to_string(&a)?, r#""2024""#);
/// assert!(serde_json::from_str::<SkvAr>("2024.0").is_err());
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct SkvAr {
    year: u16,
    form: SkvJsonForm,
}

impl SkvAr {
    /// A year in the given form; refused outside 1000–9999.
    ///
    /// ```
    /// use lefi::model::ssbtek::{SkvAr, SkvJsonForm};
    /// assert_eq!(SkvAr::new(2025, SkvJsonForm::Number)?.year(), 2025);
    /// assert!(SkvAr::new(999, SkvJsonForm::Number).is_err());
    /// # Ok::<(), lefi::model::ssbtek::ParseSkvValueError>(())
    /// ```
    pub fn new(year: u16, form: SkvJsonForm) -> Result<Self, ParseSkvValueError> {
        if (1000..=9999).contains(&year) {
            Ok(Self { year, form })
        } else {
            Err(ParseSkvValueError::Ar)
        }
    }

    /// Parses four digits (the number's text or the string's content).
    ///
    /// ```
    /// use lefi::model::ssbtek::{SkvAr, SkvJsonForm};
    /// assert_eq!(SkvAr::parse("2024", SkvJsonForm::String)?.year(), 2024);
    /// assert!(SkvAr::parse("24", SkvJsonForm::String).is_err());
    /// # Ok::<(), lefi::model::ssbtek::ParseSkvValueError>(())
    /// ```
    pub fn parse(text: &str, form: SkvJsonForm) -> Result<Self, ParseSkvValueError> {
        Self::new(parse_skv_year(text)?, form)
    }

    /// The year.
    ///
    /// ```
    /// # use lefi::model::ssbtek::{SkvAr, SkvJsonForm};
    /// assert_eq!(SkvAr::new(2024, SkvJsonForm::Number)?.year(), 2024);
    /// # Ok::<(), lefi::model::ssbtek::ParseSkvValueError>(())
    /// ```
    pub fn year(&self) -> u16 {
        self.year
    }

    /// The form it came in (and is written in).
    ///
    /// ```
    /// # use lefi::model::ssbtek::{SkvAr, SkvJsonForm};
    /// assert_eq!(SkvAr::new(2024, SkvJsonForm::Number)?.form(), SkvJsonForm::Number);
    /// # Ok::<(), lefi::model::ssbtek::ParseSkvValueError>(())
    /// ```
    pub fn form(&self) -> SkvJsonForm {
        self.form
    }
}

/// The four digits.
impl fmt::Display for SkvAr {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.year)
    }
}

impl Serialize for SkvAr {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self.form {
            SkvJsonForm::Number => serializer.serialize_u16(self.year),
            SkvJsonForm::String => serializer.collect_str(self),
        }
    }
}

impl<'de> Deserialize<'de> for SkvAr {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(ArVisitor)
    }
}

struct ArVisitor;

impl ArVisitor {
    const EXPECTED: &'static str = "a year (four digits, as a JSON number or a string)";
}

impl Visitor<'_> for ArVisitor {
    type Value = SkvAr;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(Self::EXPECTED)
    }

    fn visit_u64<E: de::Error>(self, v: u64) -> Result<SkvAr, E> {
        let year = u16::try_from(v).map_err(|_| E::custom(ParseSkvValueError::Ar))?;
        SkvAr::new(year, SkvJsonForm::Number).map_err(E::custom)
    }

    fn visit_i64<E: de::Error>(self, _: i64) -> Result<SkvAr, E> {
        Err(E::custom(ParseSkvValueError::Ar))
    }

    fn visit_f64<E: de::Error>(self, _: f64) -> Result<SkvAr, E> {
        Err(E::custom(ParseSkvValueError::Ar))
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<SkvAr, E> {
        SkvAr::parse(v, SkvJsonForm::String).map_err(E::custom)
    }
}

/// A beskattningsperiod such as `2024P4`: a year, `P` and a period number (one or two
/// digits, 1–99), kept exactly as written.
///
/// ```
/// use lefi::model::ssbtek::SkvBeskattningsperiod;
/// let p: SkvBeskattningsperiod = "2024P4".parse()?;
/// assert_eq!((p.ar(), p.period()), (2024, 4));
/// assert_eq!(p.to_string(), "2024P4");
/// assert!("2024X4".parse::<SkvBeskattningsperiod>().is_err());
/// let q: SkvBeskattningsperiod = serde_json::from_str(r#""2023P12""#)?;
/// assert_eq!(q.period(), 12);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct SkvBeskattningsperiod {
    text: String,
    ar: u16,
    period: u8,
}

impl SkvBeskattningsperiod {
    /// Parses `YYYYPn` (four-digit year 1000–9999, `P`, period 1–99 in one or two digits).
    ///
    /// ```
    /// use lefi::model::ssbtek::SkvBeskattningsperiod;
    /// assert_eq!(SkvBeskattningsperiod::parse("2024P04")?.period(), 4);
    /// assert!(SkvBeskattningsperiod::parse("2024P0").is_err());
    /// assert!(SkvBeskattningsperiod::parse("2024p4").is_err());
    /// # Ok::<(), lefi::model::ssbtek::ParseSkvValueError>(())
    /// ```
    pub fn parse(text: &str) -> Result<Self, ParseSkvValueError> {
        let bad = ParseSkvValueError::Beskattningsperiod;
        let (year, period) = text.split_once('P').ok_or(bad)?;
        let ar = parse_skv_year(year).map_err(|_| bad)?;
        let period = match period.as_bytes() {
            [d @ b'0'..=b'9'] => d - b'0',
            [t @ b'0'..=b'9', d @ b'0'..=b'9'] => (t - b'0') * 10 + (d - b'0'),
            _ => return Err(bad),
        };
        if period == 0 {
            return Err(bad);
        }
        Ok(Self {
            text: text.to_owned(),
            ar,
            period,
        })
    }

    /// The year.
    ///
    /// ```
    /// # use lefi::model::ssbtek::SkvBeskattningsperiod;
    /// assert_eq!(SkvBeskattningsperiod::parse("2024P4")?.ar(), 2024);
    /// # Ok::<(), lefi::model::ssbtek::ParseSkvValueError>(())
    /// ```
    pub fn ar(&self) -> u16 {
        self.ar
    }

    /// The period number.
    ///
    /// ```
    /// # use lefi::model::ssbtek::SkvBeskattningsperiod;
    /// assert_eq!(SkvBeskattningsperiod::parse("2024P4")?.period(), 4);
    /// # Ok::<(), lefi::model::ssbtek::ParseSkvValueError>(())
    /// ```
    pub fn period(&self) -> u8 {
        self.period
    }

    /// The text as written.
    ///
    /// ```
    /// # use lefi::model::ssbtek::SkvBeskattningsperiod;
    /// assert_eq!(SkvBeskattningsperiod::parse("2024P04")?.as_str(), "2024P04");
    /// # Ok::<(), lefi::model::ssbtek::ParseSkvValueError>(())
    /// ```
    pub fn as_str(&self) -> &str {
        &self.text
    }
}

/// The text as written.
impl fmt::Display for SkvBeskattningsperiod {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text)
    }
}

impl FromStr for SkvBeskattningsperiod {
    type Err = ParseSkvValueError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Self::parse(s)
    }
}

impl TryFrom<&str> for SkvBeskattningsperiod {
    type Error = ParseSkvValueError;

    fn try_from(s: &str) -> Result<Self, Self::Error> {
        Self::parse(s)
    }
}

impl Serialize for SkvBeskattningsperiod {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.text)
    }
}

impl<'de> Deserialize<'de> for SkvBeskattningsperiod {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        crate::xs::serde::deserialize_str(deserializer, "a beskattningsperiod YYYYPn", Self::parse)
    }
}

// ---------------------------------------------------------------------------------------------
// Untyped JSON.

/// A JSON value kept exactly as received: a part whose shape has not been seen yet
/// (`individuppgifter`, `beskattningsbilagor`) or a property not typed here.
///
/// serde reads and writes the JSON itself (not a string holding it), byte for byte as it was
/// read (`serde_json` only). Equality compares the text. It may hold personal data, so
/// `Debug` shows only its length; [`expose`](Self::expose) gives the text.
///
/// ```
/// use lefi::model::ssbtek::SkvJson;
/// let text = r#"{"a": 1.000000000000000000001, "b": [true]}"#;
/// let json: SkvJson = serde_json::from_str(text)?;
/// assert_eq!(json.expose(), text);
/// assert_eq!(serde_json::to_string(&json)?, text);
/// assert_eq!(format!("{json:?}"), "SkvJson(<43 bytes>)");
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Clone)]
pub struct SkvJson(Box<RawValue>);

impl SkvJson {
    /// Checks that `text` is one JSON value and keeps it (surrounding whitespace dropped).
    ///
    /// ```
    /// use lefi::model::ssbtek::SkvJson;
    /// assert_eq!(SkvJson::parse(" [1, 2] ")?.expose(), "[1, 2]");
    /// assert!(SkvJson::parse("[1,").is_err());
    /// # Ok::<(), serde_json::Error>(())
    /// ```
    pub fn parse(text: &str) -> Result<Self, serde_json::Error> {
        serde_json::from_str::<Box<RawValue>>(text).map(Self)
    }

    /// The JSON text. It may be personal data: do not log it.
    ///
    /// ```
    /// # use lefi::model::ssbtek::SkvJson;
    /// assert_eq!(SkvJson::parse("null")?.expose(), "null");
    /// # Ok::<(), serde_json::Error>(())
    /// ```
    pub fn expose(&self) -> &str {
        self.0.get()
    }

    /// The raw value.
    ///
    /// ```
    /// # use lefi::model::ssbtek::SkvJson;
    /// assert_eq!(SkvJson::parse("{}")?.into_raw().get(), "{}");
    /// # Ok::<(), serde_json::Error>(())
    /// ```
    pub fn into_raw(self) -> Box<RawValue> {
        self.0
    }
}

impl From<Box<RawValue>> for SkvJson {
    fn from(raw: Box<RawValue>) -> Self {
        Self(raw)
    }
}

impl PartialEq for SkvJson {
    fn eq(&self, other: &Self) -> bool {
        self.expose() == other.expose()
    }
}

impl Eq for SkvJson {}

impl std::hash::Hash for SkvJson {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        self.expose().hash(state);
    }
}

/// `SkvJson(<n bytes>)`: the content may be personal data.
impl fmt::Debug for SkvJson {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "SkvJson(<{} bytes>)", self.expose().len())
    }
}

impl Serialize for SkvJson {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.0.serialize(serializer)
    }
}

impl<'de> Deserialize<'de> for SkvJson {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        Box::<RawValue>::deserialize(deserializer).map(Self)
    }
}

// ---------------------------------------------------------------------------------------------
// Open objects: typed properties, the rest kept.

/// How a typed property is read from and written to an open object, and where unknown
/// properties below it are.
trait SkvField: Sized {
    /// Reads the value of the property whose key was just read (`null` is `None`).
    fn read<'de, A: MapAccess<'de>>(map: &mut A) -> Result<Option<Self>, A::Error>;

    /// Writes `key: value`.
    fn write<M: SerializeMap>(&self, key: &str, map: &mut M) -> Result<(), M::Error>;

    /// Appends the JSON paths of unknown properties under `path`.
    fn unknown_into(&self, _path: &mut String, _out: &mut Vec<String>) {}
}

/// Leaf values with their own serde impls.
macro_rules! skv_leaf_fields {
    ($($ty:ty),* $(,)?) => {$(
        impl SkvField for $ty {
            fn read<'de, A: MapAccess<'de>>(map: &mut A) -> Result<Option<Self>, A::Error> {
                map.next_value::<Option<$ty>>()
            }

            fn write<M: SerializeMap>(&self, key: &str, map: &mut M) -> Result<(), M::Error> {
                map.serialize_entry(key, self)
            }
        }
    )*};
}

skv_leaf_fields!(
    bool,
    Sensitive,
    SkvBelopp,
    SkvAr,
    SkvBeskattningsperiod,
    XsdDateTime
);

/// `YYYY-MM-DD`, read by the crate's one JSON date parser.
impl SkvField for NaiveDate {
    fn read<'de, A: MapAccess<'de>>(map: &mut A) -> Result<Option<Self>, A::Error> {
        let date = map.next_value::<Option<crate::xs::serde::date::WireDate>>()?;
        Ok(date.map(|d| d.0))
    }

    /// Written with chrono's `%Y-%m-%d` (never fails; years outside 0000–9999 get a sign
    /// and are refused when read back).
    fn write<M: SerializeMap>(&self, key: &str, map: &mut M) -> Result<(), M::Error> {
        map.serialize_entry(key, &self.format("%Y-%m-%d").to_string())
    }
}

impl<T: SkvField + Serialize + DeserializeOwned> SkvField for Vec<T> {
    fn read<'de, A: MapAccess<'de>>(map: &mut A) -> Result<Option<Self>, A::Error> {
        map.next_value::<Option<Vec<T>>>()
    }

    fn write<M: SerializeMap>(&self, key: &str, map: &mut M) -> Result<(), M::Error> {
        map.serialize_entry(key, self)
    }

    fn unknown_into(&self, path: &mut String, out: &mut Vec<String>) {
        for (index, item) in self.iter().enumerate() {
            let len = path.len();
            let _ = write!(path, "[{index}]");
            item.unknown_into(path, out);
            path.truncate(len);
        }
    }
}

/// Appends `.key`, or `["key"]` when the key is not a plain identifier.
fn push_key(path: &mut String, key: &str) {
    let plain = key
        .bytes()
        .next()
        .is_some_and(|b| b.is_ascii_alphabetic() || b == b'_')
        && key.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_');
    if plain {
        path.push('.');
        path.push_str(key);
    } else {
        path.push('[');
        path.push_str(&serde_json::to_string(key).unwrap_or_default());
        path.push(']');
    }
}

/// Appends the paths of `extra`'s keys under `path`.
fn unknown_keys(extra: &[(String, SkvJson)], path: &mut String, out: &mut Vec<String>) {
    for (key, _) in extra {
        let len = path.len();
        push_key(path, key);
        out.push(path.clone());
        path.truncate(len);
    }
}

/// An open JSON object: `"key" => field: Type` for each typed property (all `Option`), plus
/// `extra` for the rest. Generates the struct, serde (typed properties first, in this order,
/// then `extra`), and `unknown_properties`.
macro_rules! skv_object {
    (
        $(#[$meta:meta])*
        pub struct $name:ident {
            $(
                $(#[$field_meta:meta])*
                $key:literal => $field:ident: $ty:ty,
            )*
        }
    ) => {
        $(#[$meta])*
        #[derive(Debug, Clone, PartialEq, Eq, Default)]
        pub struct $name {
            $(
                $(#[$field_meta])*
                pub $field: Option<$ty>,
            )*
            /// Properties not typed here, in order, kept exactly (written after the typed ones).
            pub extra: Vec<(String, SkvJson)>,
        }

        impl $name {
            /// JSON paths (`$.a.b`, `$.list[1].c`) of the properties kept in `extra`, at any
            /// depth, in document order within each object.
            pub fn unknown_properties(&self) -> Vec<String> {
                let mut out = Vec::new();
                let mut path = String::from("$");
                self.unknown_into(&mut path, &mut out);
                out
            }
        }

        impl SkvField for $name {
            fn read<'de, A: MapAccess<'de>>(map: &mut A) -> Result<Option<Self>, A::Error> {
                map.next_value::<Option<$name>>()
            }

            fn write<M: SerializeMap>(&self, key: &str, map: &mut M) -> Result<(), M::Error> {
                map.serialize_entry(key, self)
            }

            fn unknown_into(&self, path: &mut String, out: &mut Vec<String>) {
                $(
                    if let Some(value) = &self.$field {
                        let len = path.len();
                        push_key(path, $key);
                        value.unknown_into(path, out);
                        path.truncate(len);
                    }
                )*
                unknown_keys(&self.extra, path, out);
            }
        }

        impl Serialize for $name {
            fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                let mut map = serializer.serialize_map(None)?;
                $(
                    if let Some(value) = &self.$field {
                        value.write($key, &mut map)?;
                    }
                )*
                for (key, value) in &self.extra {
                    map.serialize_entry(key, value)?;
                }
                map.end()
            }
        }

        impl<'de> Deserialize<'de> for $name {
            fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                struct ObjectVisitor;

                impl<'de> Visitor<'de> for ObjectVisitor {
                    type Value = $name;

                    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                        f.write_str(concat!("a JSON object (", stringify!($name), ")"))
                    }

                    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<$name, A::Error> {
                        $( let mut $field: Option<Option<$ty>> = None; )*
                        let mut extra = Vec::new();
                        while let Some(key) = map.next_key::<String>()? {
                            match key.as_str() {
                                $(
                                    $key => {
                                        if $field.is_some() {
                                            return Err(de::Error::duplicate_field($key));
                                        }
                                        $field = Some(<$ty as SkvField>::read(&mut map)?);
                                    }
                                )*
                                _ => {
                                    let value = map.next_value::<SkvJson>()?;
                                    extra.push((key, value));
                                }
                            }
                        }
                        Ok($name {
                            $( $field: $field.flatten(), )*
                            extra,
                        })
                    }
                }

                deserializer.deserialize_map(ObjectVisitor)
            }
        }
    };
}

// ---------------------------------------------------------------------------------------------
// The parts.

skv_object! {
    /// The `foretagsinformation` part: `{"foretag": {…}}`.
    ///
    /// ```
    /// use lefi::model::ssbtek::Foretagsinformation;
    /// let part: Foretagsinformation = serde_json::from_str(
    ///     r#"{"foretag": {"foretagId": "5561231234", "momsregistrerad": true, "nytt": 1}}"#,
    /// )?;
    /// let foretag = part.foretag.as_ref().ok_or("no foretag")?;
    /// assert_eq!(foretag.momsregistrerad, Some(true));
    /// assert_eq!(foretag.foretag_id.as_ref().map(|id| id.expose()), Some("5561231234"));
    /// assert_eq!(part.unknown_properties(), ["$.foretag.nytt"]);
    /// assert!(!format!("{part:?}").contains("5561231234"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub struct Foretagsinformation {
        /// `foretag`.
        "foretag" => foretag: SkvForetag,
    }
}

skv_object! {
    /// `foretagsinformation.foretag`: registrations of a business.
    ///
    /// ```
    /// use lefi::model::ssbtek::SkvForetag;
    /// let f: SkvForetag = serde_json::from_str(r#"{"godkandFskatt": false}"#)?;
    /// assert_eq!(f.godkand_fskatt, Some(false));
    /// assert_eq!(f.arbetsgivarregistrerad, None);
    /// # Ok::<(), serde_json::Error>(())
    /// ```
    pub struct SkvForetag {
        /// `foretagId` (an organisation or personal identity number: redacted).
        "foretagId" => foretag_id: Sensitive,
        /// `arbetsgivarregistrerad`: registered as an employer.
        "arbetsgivarregistrerad" => arbetsgivarregistrerad: bool,
        /// `momsregistrerad`: registered for VAT.
        "momsregistrerad" => momsregistrerad: bool,
        /// `godkandFskatt`: approved for F-skatt.
        "godkandFskatt" => godkand_fskatt: bool,
    }
}

skv_object! {
    /// The `skattekonto` part: the tax account. Amounts come as JSON numbers.
    ///
    /// ```
    /// use lefi::model::ssbtek::Skattekonto;
    /// use rust_decimal::Decimal;
    /// let konto: Skattekonto = serde_json::from_str(
    ///     r#"{"saldo": -1234.50, "bokforingsdag": "2026-09-01",
    ///         "senastUppdaterad": "2026-09-22T10:15:30.5"}"#,
    /// )?;
    /// assert_eq!(konto.saldo.as_ref().map(|b| b.value()), Some(Decimal::new(-123450, 2)));
    /// assert_eq!(konto.bokforingsdag.map(|d| d.to_string()).as_deref(), Some("2026-09-01"));
    /// let t = konto.senast_uppdaterad.as_ref().ok_or("no time")?;
    /// assert_eq!(t.local().to_string(), "2026-09-22 10:15:30.500");
    /// assert_eq!(
    ///     serde_json::to_string(&konto)?,
    ///     r#"{"bokforingsdag":"2026-09-01","saldo":-1234.50,"senastUppdaterad":"2026-09-22T10:15:30.5"}"#,
    /// );
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub struct Skattekonto {
        /// `kontohavare`: the account holder's identity (redacted).
        "kontohavare" => kontohavare: Sensitive,
        /// `utbetaltBelopp`: amount paid out.
        "utbetaltBelopp" => utbetalt_belopp: SkvBelopp,
        /// `bokforingsdag`: booking date.
        "bokforingsdag" => bokforingsdag: NaiveDate,
        /// `saldo`: balance (may be negative).
        "saldo" => saldo: SkvBelopp,
        /// `preliminarRanta`: preliminary interest.
        "preliminarRanta" => preliminar_ranta: SkvBelopp,
        /// `utbetalningskonto`: the payout account, such as a bankgiro number (redacted).
        "utbetalningskonto" => utbetalningskonto: Sensitive,
        /// `senastUppdaterad`: last updated, a local date-time without zone, kept as written.
        "senastUppdaterad" => senast_uppdaterad: XsdDateTime,
    }
}

skv_object! {
    /// The `skatteuppgifter` part: decided taxation per year.
    ///
    /// ```
    /// use lefi::model::ssbtek::{Skatteuppgifter, SkvJsonForm};
    /// let part: Skatteuppgifter = serde_json::from_str(r#"{
    ///     "identitet": "191212121212",
    ///     "beslutadeSkatteuppgifter": [{
    ///         "beskattningsar": 2025, "beskattningsperiod": "2024P4",
    ///         "datumFaststalld": "2025-08-15",
    ///         "uppgifter": {"inkomstar": "2024", "sumKapital": "-3500"}
    ///     }]
    /// }"#)?;
    /// let beslut = &part.beslutade_skatteuppgifter.as_deref().unwrap_or_default()[0];
    /// assert_eq!(beslut.beskattningsperiod.as_ref().map(|p| p.period()), Some(4));
    /// let kapital = beslut.uppgifter.as_ref().and_then(|u| u.sum_kapital.as_ref()).ok_or("x")?;
    /// assert_eq!((kapital.as_str(), kapital.form()), ("-3500", SkvJsonForm::String));
    /// assert!(part.unknown_properties().is_empty());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub struct Skatteuppgifter {
        /// `identitet`: the person's identity (redacted).
        "identitet" => identitet: Sensitive,
        /// `beslutadeSkatteuppgifter`: one entry per decided taxation.
        "beslutadeSkatteuppgifter" => beslutade_skatteuppgifter: Vec<SkvBeslutadSkatteuppgift>,
    }
}

skv_object! {
    /// One entry of `skatteuppgifter.beslutadeSkatteuppgifter`.
    ///
    /// ```
    /// use lefi::model::ssbtek::SkvBeslutadSkatteuppgift;
    /// let b: SkvBeslutadSkatteuppgift = serde_json::from_str(r#"{"beskattningsar": 2025}"#)?;
    /// assert_eq!(b.beskattningsar.map(|a| a.year()), Some(2025));
    /// # Ok::<(), serde_json::Error>(())
    /// ```
    pub struct SkvBeslutadSkatteuppgift {
        /// `beskattningsar`: the taxation year.
        "beskattningsar" => beskattningsar: SkvAr,
        /// `beskattningsperiod`, such as `2024P4`.
        "beskattningsperiod" => beskattningsperiod: SkvBeskattningsperiod,
        /// `datumFaststalld`: the date the taxation was decided.
        "datumFaststalld" => datum_faststalld: NaiveDate,
        /// `uppgifter`: the amounts.
        "uppgifter" => uppgifter: SkvUppgifter,
    }
}

skv_object! {
    /// `beslutadeSkatteuppgifter[].uppgifter`. Values come as JSON strings.
    ///
    /// ```
    /// use lefi::model::ssbtek::SkvUppgifter;
    /// let u: SkvUppgifter = serde_json::from_str(r#"{"summaSlutligSkatt": "118342"}"#)?;
    /// assert_eq!(u.summa_slutlig_skatt.map(|b| b.value().to_string()).as_deref(), Some("118342"));
    /// # Ok::<(), serde_json::Error>(())
    /// ```
    pub struct SkvUppgifter {
        /// `inkomstar`: the income year.
        "inkomstar" => inkomstar: SkvAr,
        /// `overskottAvTjanst`: surplus from employment.
        "overskottAvTjanst" => overskott_av_tjanst: SkvBelopp,
        /// `sumKapital`: capital income (may be negative).
        "sumKapital" => sum_kapital: SkvBelopp,
        /// `fastStalldinkomst`: assessed income.
        "fastStalldinkomst" => fast_stalldinkomst: SkvBelopp,
        /// `summaSlutligSkatt`: final tax.
        "summaSlutligSkatt" => summa_slutlig_skatt: SkvBelopp,
    }
}
