//! Money: [`Valuta`] (ISO 4217 currency code), [`Belopp`] (an exact amount in a currency) and
//! [`parse_decimal_exact`] (JSON number text to an exact [`Decimal`]).
//!
//! Amounts are never floating point. The LEFI v9 contract declares `summa` as
//! `number(double)`; the JSON codec reads the number's text and converts it exactly.
//!
//! ```
//! use lefi::money::{parse_decimal_exact, Belopp, Valuta};
//!
//! let a = Belopp::sek(parse_decimal_exact("1250.50")?);
//! let b = Belopp::sek(parse_decimal_exact("-0.50")?);
//! let sum = a.checked_add(&b)?;
//! assert_eq!(sum.to_string(), "1250.00 SEK");
//! assert_eq!(sum.valuta(), Valuta::SEK);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

use std::fmt;
use std::str::FromStr;

use rust_decimal::Decimal;
use serde::de::Error as _;
use serde::ser::Error as _;
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use serde_json::value::RawValue;

/// An ISO 4217 currency code: three uppercase ASCII letters (the shape is checked, not
/// membership in the current ISO list).
///
/// ```
/// use lefi::money::Valuta;
///
/// let eur: Valuta = "EUR".parse()?;
/// assert_eq!(eur.as_str(), "EUR");
/// assert_eq!(Valuta::SEK.to_string(), "SEK");
/// assert!("sek".parse::<Valuta>().is_err());
/// # Ok::<(), lefi::money::ParseValutaError>(())
/// ```
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Valuta([u8; 3]);

/// Why a text is not a [`Valuta`].
///
/// ```
/// use lefi::money::{ParseValutaError, Valuta};
///
/// assert_eq!(Valuta::parse("kr"), Err(ParseValutaError));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, thiserror::Error)]
#[error("currency must be three uppercase ASCII letters (ISO 4217)")]
pub struct ParseValutaError;

impl Valuta {
    /// Swedish krona.
    pub const SEK: Valuta = Valuta(*b"SEK");

    /// Checks for exactly three uppercase ASCII letters.
    ///
    /// ```
    /// # use lefi::money::Valuta;
    /// assert_eq!(Valuta::parse("SEK")?, Valuta::SEK);
    /// # Ok::<(), lefi::money::ParseValutaError>(())
    /// ```
    pub fn parse(s: &str) -> Result<Self, ParseValutaError> {
        let code = <[u8; 3]>::try_from(s.as_bytes()).map_err(|_| ParseValutaError)?;
        if code.iter().all(u8::is_ascii_uppercase) {
            Ok(Self(code))
        } else {
            Err(ParseValutaError)
        }
    }

    /// The three-letter code.
    ///
    /// ```
    /// # use lefi::money::Valuta;
    /// assert_eq!(Valuta::SEK.as_str(), "SEK");
    /// # Ok::<(), lefi::money::ParseValutaError>(())
    /// ```
    pub fn as_str(&self) -> &str {
        // Three ASCII letters by construction; the fallback is unreachable.
        std::str::from_utf8(&self.0).unwrap_or_default()
    }
}

impl Default for Valuta {
    /// SEK.
    fn default() -> Self {
        Self::SEK
    }
}

impl fmt::Debug for Valuta {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Valuta({})", self.as_str())
    }
}

/// The three-letter code.
impl fmt::Display for Valuta {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for Valuta {
    type Err = ParseValutaError;

    /// Same as [`Valuta::parse`].
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Self::parse(s)
    }
}

impl TryFrom<&str> for Valuta {
    type Error = ParseValutaError;

    /// Same as [`Valuta::parse`].
    fn try_from(s: &str) -> Result<Self, Self::Error> {
        Self::parse(s)
    }
}

impl Serialize for Valuta {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

impl<'de> Deserialize<'de> for Valuta {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        crate::xs::serde::deserialize_str(deserializer, "an ISO 4217 currency code", Self::parse)
    }
}

/// An exact amount of money in a currency (LEFI `LefiBelopp { summa, valuta }`).
///
/// `Display` is `<summa> <valuta>` (`1250.50 SEK`), keeping the scale of the amount.
/// serde uses the LEFI JSON shape `{"summa": <number>, "valuta": "<code>"}` with `summa`
/// written and read as exact JSON number text (through [`parse_decimal_exact`]); this needs
/// `serde_json` (the number is carried as a `RawValue`), other serde formats are not
/// supported for `Belopp`.
///
/// ```
/// use lefi::money::{Belopp, Valuta};
///
/// let b: Belopp = serde_json::from_str(r#"{"summa": -0.10, "valuta": "SEK"}"#)?;
/// assert_eq!(b.summa().to_string(), "-0.10");
/// assert_eq!(b.valuta(), Valuta::SEK);
/// assert_eq!(serde_json::to_string(&b)?, r#"{"summa":-0.10,"valuta":"SEK"}"#);
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Belopp {
    summa: Decimal,
    valuta: Valuta,
}

/// Why arithmetic on [`Belopp`] failed.
///
/// ```
/// use lefi::money::{Belopp, BeloppError, Valuta};
/// use rust_decimal::Decimal;
///
/// let sek = Belopp::sek(Decimal::ONE);
/// let eur = Belopp::new(Decimal::ONE, "EUR".parse()?);
/// assert_eq!(sek.checked_add(&eur), Err(BeloppError::CurrencyMismatch));
/// assert_eq!(Belopp::sek(Decimal::MAX).checked_add(&sek), Err(BeloppError::Overflow));
/// # Ok::<(), lefi::money::ParseValutaError>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, thiserror::Error)]
#[non_exhaustive]
pub enum BeloppError {
    /// The two amounts are in different currencies.
    #[error("amounts are in different currencies")]
    CurrencyMismatch,
    /// The result does not fit in a `Decimal`.
    #[error("amount arithmetic overflowed")]
    Overflow,
}

impl Belopp {
    /// An amount in the given currency. Every `Decimal` is a valid amount.
    ///
    /// ```
    /// # use lefi::money::{Belopp, Valuta};
    /// # use rust_decimal::Decimal;
    /// let b = Belopp::new(Decimal::new(1050, 2), Valuta::parse("NOK")?);
    /// assert_eq!(b.to_string(), "10.50 NOK");
    /// # Ok::<(), lefi::money::ParseValutaError>(())
    /// ```
    pub fn new(summa: Decimal, valuta: Valuta) -> Self {
        Self { summa, valuta }
    }

    /// An amount in Swedish kronor.
    ///
    /// ```
    /// # use lefi::money::{Belopp, Valuta};
    /// # use rust_decimal::Decimal;
    /// assert_eq!(Belopp::sek(Decimal::TEN).valuta(), Valuta::SEK);
    /// # Ok::<(), std::convert::Infallible>(())
    /// ```
    pub fn sek(summa: Decimal) -> Self {
        Self::new(summa, Valuta::SEK)
    }

    /// The amount.
    ///
    /// ```
    /// # use lefi::money::Belopp;
    /// # use rust_decimal::Decimal;
    /// assert_eq!(Belopp::sek(Decimal::TEN).summa(), Decimal::TEN);
    /// # Ok::<(), std::convert::Infallible>(())
    /// ```
    pub fn summa(&self) -> Decimal {
        self.summa
    }

    /// The currency.
    ///
    /// ```
    /// # use lefi::money::{Belopp, Valuta};
    /// # use rust_decimal::Decimal;
    /// assert_eq!(Belopp::sek(Decimal::TEN).valuta().as_str(), "SEK");
    /// # Ok::<(), std::convert::Infallible>(())
    /// ```
    pub fn valuta(&self) -> Valuta {
        self.valuta
    }

    /// `self + other`, if both are in the same currency and the sum fits.
    ///
    /// ```
    /// # use lefi::money::Belopp;
    /// # use rust_decimal::Decimal;
    /// let sum = Belopp::sek(Decimal::new(150, 2)).checked_add(&Belopp::sek(Decimal::ONE))?;
    /// assert_eq!(sum.summa(), Decimal::new(250, 2));
    /// # Ok::<(), lefi::money::BeloppError>(())
    /// ```
    pub fn checked_add(&self, other: &Belopp) -> Result<Belopp, BeloppError> {
        self.combine(other, Decimal::checked_add)
    }

    /// `self − other`, if both are in the same currency and the difference fits.
    ///
    /// ```
    /// # use lefi::money::Belopp;
    /// # use rust_decimal::Decimal;
    /// let diff = Belopp::sek(Decimal::ONE).checked_sub(&Belopp::sek(Decimal::TEN))?;
    /// assert_eq!(diff.summa(), Decimal::new(-9, 0));
    /// # Ok::<(), lefi::money::BeloppError>(())
    /// ```
    pub fn checked_sub(&self, other: &Belopp) -> Result<Belopp, BeloppError> {
        self.combine(other, Decimal::checked_sub)
    }

    fn combine(
        &self,
        other: &Belopp,
        op: fn(Decimal, Decimal) -> Option<Decimal>,
    ) -> Result<Belopp, BeloppError> {
        if self.valuta != other.valuta {
            return Err(BeloppError::CurrencyMismatch);
        }
        let summa = op(self.summa, other.summa).ok_or(BeloppError::Overflow)?;
        Ok(Belopp::new(summa, self.valuta))
    }
}

/// `<summa> <valuta>`, e.g. `1250.50 SEK`.
impl fmt::Display for Belopp {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} {}", self.summa, self.valuta)
    }
}

#[derive(Serialize)]
struct BeloppOut<'a> {
    summa: &'a RawValue,
    valuta: Valuta,
}

#[derive(Deserialize)]
struct BeloppIn<'a> {
    #[serde(borrow)]
    summa: std::borrow::Cow<'a, RawValue>,
    valuta: Valuta,
}

impl Serialize for Belopp {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let text = RawValue::from_string(self.summa.to_string()).map_err(S::Error::custom)?;
        BeloppOut {
            summa: &text,
            valuta: self.valuta,
        }
        .serialize(serializer)
    }
}

impl<'de> Deserialize<'de> for Belopp {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let raw = BeloppIn::deserialize(deserializer)?;
        let summa = parse_decimal_exact(raw.summa.get()).map_err(D::Error::custom)?;
        Ok(Belopp::new(summa, raw.valuta))
    }
}

pub use crate::xs::ParseAmountError;

/// Converts JSON number text to an exact [`Decimal`], keeping the scale of plain decimals:
/// [`crate::xs::decimal`] with [`DecimalForm::Json`](crate::xs::DecimalForm::Json).
///
/// Accepts exactly the JSON number grammar: `-0.10` keeps scale 2, `1e2` is `100`, `1.5E-3`
/// is `0.0015`, `1.50e1` is `15.0` (the scale is the number of fraction digits minus the
/// exponent, never below 0). No float is involved, so `0.1` stays `0.1`. Trailing zeros beyond
/// 28 decimal places are dropped when that keeps the value exact; otherwise the text is
/// rejected. Never panics.
///
/// ```
/// use lefi::money::{parse_decimal_exact, ParseAmountError};
///
/// assert_eq!(parse_decimal_exact("1e2")?.to_string(), "100");
/// assert_eq!(parse_decimal_exact("0.1")?.to_string(), "0.1");
/// assert_eq!(parse_decimal_exact("-0.10")?.to_string(), "-0.10");
/// assert_eq!(parse_decimal_exact("1.5E-3")?.to_string(), "0.0015");
/// assert_eq!(parse_decimal_exact("1,5"), Err(ParseAmountError::Syntax));
/// # Ok::<(), ParseAmountError>(())
/// ```
pub fn parse_decimal_exact(text: &str) -> Result<Decimal, ParseAmountError> {
    crate::xs::decimal(text, crate::xs::DecimalForm::Json)
}
