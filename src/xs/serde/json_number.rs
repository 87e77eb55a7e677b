//! Exact JSON numbers for the models' [`Decimal`] fields.
//!
//! The contract types amounts as `number` (`format: double`); reading them through `f64`
//! would turn `0.1` into `0.1000000000000000055…`. Instead the number's own text is taken
//! from serde_json (its raw-value hook: a newtype struct named [`RAW_TOKEN`], answered with
//! a one-entry map whose value is the text, borrowed when the input is a slice) and parsed
//! with [`crate::xs::decimal`]. The hook passes through the `serde_ignored` and
//! `serde_path_to_error` wrappers used by the decoder (tests pin this).
//!
//! Encoding writes the decimal's text as a JSON number (not a string) through the same
//! hook on the serializer side, without allocating.

use core::fmt::{self, Write as _};

use rust_decimal::Decimal;
use serde::de::{self, DeserializeSeed, Deserializer, MapAccess, Visitor};
use serde::ser::{self, SerializeStruct, Serializer};
use serde::{Deserialize, Serialize};

/// serde_json's private name for its raw-value newtype (stable since serde_json 1.0.29).
pub(crate) const RAW_TOKEN: &str = "$serde_json::private::RawValue";

/// What a decode error says when a number field holds something else.
const EXPECTED: &str = "a JSON number that fits a decimal (28 significant digits)";

/// A [`Decimal`] read from and written as the exact text of a JSON number.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct ExactDecimal(pub(crate) Decimal);

impl<'de> Deserialize<'de> for ExactDecimal {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer
            .deserialize_newtype_struct(RAW_TOKEN, RawNumberVisitor)
            .map(ExactDecimal)
    }
}

impl Serialize for ExactDecimal {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serialize(&self.0, serializer)
    }
}

/// Parses the raw text of a JSON value as an exact decimal.
pub(crate) fn decimal_from_raw<E: de::Error>(raw: &str) -> Result<Decimal, E> {
    match raw.trim_ascii().as_bytes().first() {
        Some(b'-' | b'0'..=b'9') => {}
        _ => return Err(E::custom(format_args!("invalid type: expected {EXPECTED}"))),
    }
    crate::xs::decimal(raw.trim_ascii(), crate::xs::DecimalForm::Json)
        .map_err(|_| E::custom(format_args!("invalid value: expected {EXPECTED}")))
}

/// Receives the raw-value map (serde_json) or, from other deserializers, a plain number.
struct RawNumberVisitor;

impl<'de> Visitor<'de> for RawNumberVisitor {
    type Value = Decimal;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(EXPECTED)
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Decimal, A::Error> {
        if map.next_key::<de::IgnoredAny>()?.is_none() {
            return Err(de::Error::custom(format_args!(
                "invalid type: expected {EXPECTED}"
            )));
        }
        map.next_value_seed(RawTextSeed)
    }

    fn visit_newtype_struct<D: Deserializer<'de>>(self, d: D) -> Result<Decimal, D::Error> {
        d.deserialize_any(self)
    }

    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Decimal, E> {
        Ok(Decimal::from(v))
    }

    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Decimal, E> {
        Ok(Decimal::from(v))
    }

    fn visit_i128<E: de::Error>(self, v: i128) -> Result<Decimal, E> {
        Decimal::try_from_i128_with_scale(v, 0)
            .map_err(|_| E::custom(format_args!("invalid value: expected {EXPECTED}")))
    }

    fn visit_u128<E: de::Error>(self, v: u128) -> Result<Decimal, E> {
        i128::try_from(v)
            .map_err(|_| E::custom(format_args!("invalid value: expected {EXPECTED}")))
            .and_then(|v| self.visit_i128(v))
    }
}

/// The value of the raw-value map: the number's text.
struct RawTextSeed;

impl<'de> DeserializeSeed<'de> for RawTextSeed {
    type Value = Decimal;

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Decimal, D::Error> {
        d.deserialize_str(RawTextVisitor)
    }
}

struct RawTextVisitor;

impl Visitor<'_> for RawTextVisitor {
    type Value = Decimal;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(EXPECTED)
    }

    fn visit_str<E: de::Error>(self, raw: &str) -> Result<Decimal, E> {
        decimal_from_raw(raw)
    }
}

/// A decimal's text on the stack: at most 29 digits, a sign, a point and leading zeros.
struct DecimalText {
    buf: [u8; 64],
    len: usize,
}

impl fmt::Write for DecimalText {
    fn write_str(&mut self, s: &str) -> fmt::Result {
        let end = self.len.checked_add(s.len()).ok_or(fmt::Error)?;
        let dst = self.buf.get_mut(self.len..end).ok_or(fmt::Error)?;
        dst.copy_from_slice(s.as_bytes());
        self.len = end;
        Ok(())
    }
}

impl DecimalText {
    fn push(&mut self, byte: u8) -> Option<()> {
        *self.buf.get_mut(self.len)? = byte;
        self.len += 1;
        Some(())
    }

    /// The fast path of `Display` for decimals whose mantissa fits in a `u64` (every
    /// amount): the same text, without the formatting machinery. `None` (and possibly a
    /// partial text) for negative zero and larger mantissas, which `Display` then writes.
    fn write_plain(&mut self, value: &Decimal) -> Option<()> {
        let mantissa = value.mantissa();
        if mantissa == 0 && value.is_sign_negative() {
            return None;
        }
        let mut rest = u64::try_from(mantissa.unsigned_abs()).ok()?;
        let scale = usize::try_from(value.scale()).ok()?;
        // least significant digit first, at least `scale + 1` digits
        let mut digits = [b'0'; 48];
        let mut count = 0usize;
        while rest != 0 || count <= scale {
            *digits.get_mut(count)? = b'0' + u8::try_from(rest % 10).ok()?;
            rest /= 10;
            count += 1;
        }
        if mantissa < 0 {
            self.push(b'-')?;
        }
        for (index, &digit) in digits.get(..count)?.iter().enumerate().rev() {
            self.push(digit)?;
            if index == scale && scale > 0 {
                self.push(b'.')?;
            }
        }
        Some(())
    }
}

/// Writes a decimal as a JSON number (its exact text, scale kept: `1.50` stays `1.50`).
///
/// # Errors
/// Only the serializer's own errors.
pub(crate) fn serialize<S: Serializer>(value: &Decimal, serializer: S) -> Result<S::Ok, S::Error> {
    let mut text = DecimalText {
        buf: [0; 64],
        len: 0,
    };
    if text.write_plain(value).is_none() {
        text.len = 0;
        write!(text, "{value}").map_err(|_| ser::Error::custom("decimal text too long"))?;
    }
    let text = text
        .buf
        .get(..text.len)
        .and_then(|b| core::str::from_utf8(b).ok())
        .ok_or_else(|| ser::Error::custom("decimal text is not ASCII"))?;
    let mut raw = serializer.serialize_struct(RAW_TOKEN, 1)?;
    raw.serialize_field(RAW_TOKEN, text)?;
    raw.end()
}

/// `Option<Decimal>` fields.
pub(crate) mod option {
    use rust_decimal::Decimal;
    use serde::{Deserialize, Deserializer, Serializer};

    use super::ExactDecimal;

    /// Writes `Some` as a JSON number, `None` as `null` (absent fields are skipped).
    pub(crate) fn serialize<S: Serializer>(
        value: &Option<Decimal>,
        serializer: S,
    ) -> Result<S::Ok, S::Error> {
        match value {
            Some(d) => serializer.serialize_some(&ExactDecimal(*d)),
            None => serializer.serialize_none(),
        }
    }

    /// Reads an optional exact decimal.
    pub(crate) fn deserialize<'de, D: Deserializer<'de>>(
        deserializer: D,
    ) -> Result<Option<Decimal>, D::Error> {
        Ok(Option::<ExactDecimal>::deserialize(deserializer)?.map(|d| d.0))
    }
}

/// `Vec<Decimal>` fields.
pub(crate) mod vec {
    use rust_decimal::Decimal;
    use serde::Serializer;
    use serde::ser::SerializeSeq;

    use super::ExactDecimal;

    /// Writes a JSON array of numbers.
    pub(crate) fn serialize<S: Serializer>(
        value: &[Decimal],
        serializer: S,
    ) -> Result<S::Ok, S::Error> {
        let mut seq = serializer.serialize_seq(Some(value.len()))?;
        for d in value {
            seq.serialize_element(&ExactDecimal(*d))?;
        }
        seq.end()
    }

    /// `Option<Vec<Decimal>>` fields.
    pub(crate) mod option {
        use rust_decimal::Decimal;
        use serde::{Deserialize, Deserializer, Serialize, Serializer};

        use crate::xs::serde::json_number::ExactDecimal;

        struct Items<'a>(&'a [Decimal]);

        impl Serialize for Items<'_> {
            fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                super::serialize(self.0, serializer)
            }
        }

        /// Writes `Some` as a JSON array of numbers.
        pub(crate) fn serialize<S: Serializer>(
            value: &Option<Vec<Decimal>>,
            serializer: S,
        ) -> Result<S::Ok, S::Error> {
            match value {
                Some(items) => serializer.serialize_some(&Items(items)),
                None => serializer.serialize_none(),
            }
        }

        /// Reads an optional JSON array of exact decimals.
        pub(crate) fn deserialize<'de, D: Deserializer<'de>>(
            deserializer: D,
        ) -> Result<Option<Vec<Decimal>>, D::Error> {
            let items = Option::<Vec<ExactDecimal>>::deserialize(deserializer)?;
            Ok(items.map(|v| v.into_iter().map(|d| d.0).collect()))
        }
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    fn plain_text(value: &Decimal) -> Option<String> {
        let mut text = DecimalText {
            buf: [0; 64],
            len: 0,
        };
        text.write_plain(value)?;
        Some(String::from_utf8(text.buf.get(..text.len).unwrap().to_vec()).unwrap())
    }

    #[test]
    fn fast_text_agrees_with_display() {
        for text in [
            "0",
            "1",
            "-1",
            "0.1",
            "1.50",
            "-0.10",
            "0.00",
            "12450.00",
            "-99999.9",
            "0.0015",
            "1000",
            "18446744073709551615",
            "-0.000000000000000000000000001",
        ] {
            let value: Decimal = text.parse().unwrap();
            assert_eq!(plain_text(&value).as_deref(), Some(text), "{text}");
        }
        // left to Display: negative zero and mantissas beyond u64
        assert_eq!(plain_text(&Decimal::new(0, 2).neg_zero_for_test()), None);
        assert_eq!(plain_text(&Decimal::MAX), None);
    }

    trait NegZero {
        fn neg_zero_for_test(self) -> Self;
    }

    impl NegZero for Decimal {
        fn neg_zero_for_test(mut self) -> Self {
            self.set_sign_negative(true);
            self
        }
    }

    proptest::proptest! {
        #[test]
        fn fast_text_is_display(mantissa in proptest::prelude::any::<i64>(), scale in 0u32..=28) {
            let value = Decimal::new(mantissa, scale);
            proptest::prop_assert_eq!(plain_text(&value), Some(value.to_string()));
        }

    }
}
