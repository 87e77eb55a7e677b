//! A serde visitor shared by the value types: accepts only strings, hands them to the type's
//! one parser, and never echoes the input in an error (serde's default "invalid type" errors
//! print numbers and strings verbatim, which would leak identity numbers).

use std::fmt;
use std::marker::PhantomData;

use serde::de::{self, Visitor};

/// Deserialises a string through `parse`, with errors that never contain the input.
pub(crate) fn deserialize_str<'de, D, T, E>(
    deserializer: D,
    expecting: &'static str,
    parse: fn(&str) -> Result<T, E>,
) -> Result<T, D::Error>
where
    D: de::Deserializer<'de>,
    E: fmt::Display,
{
    deserializer.deserialize_any(StrVisitor {
        expecting,
        parse,
        marker: PhantomData,
    })
}

struct StrVisitor<T, E> {
    expecting: &'static str,
    parse: fn(&str) -> Result<T, E>,
    marker: PhantomData<fn() -> T>,
}

impl<T, E> StrVisitor<T, E> {
    fn wrong_type<Er: de::Error>(&self, found: &str) -> Er {
        Er::custom(format_args!(
            "invalid type: {found}, expected {}",
            self.expecting
        ))
    }
}

impl<'de, T, E: fmt::Display> Visitor<'de> for StrVisitor<T, E> {
    type Value = T;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.expecting)
    }

    fn visit_str<Er: de::Error>(self, v: &str) -> Result<T, Er> {
        (self.parse)(v).map_err(Er::custom)
    }

    fn visit_bool<Er: de::Error>(self, _: bool) -> Result<T, Er> {
        Err(self.wrong_type("boolean"))
    }

    fn visit_i64<Er: de::Error>(self, _: i64) -> Result<T, Er> {
        Err(self.wrong_type("integer"))
    }

    fn visit_i128<Er: de::Error>(self, _: i128) -> Result<T, Er> {
        Err(self.wrong_type("integer"))
    }

    fn visit_u64<Er: de::Error>(self, _: u64) -> Result<T, Er> {
        Err(self.wrong_type("integer"))
    }

    fn visit_u128<Er: de::Error>(self, _: u128) -> Result<T, Er> {
        Err(self.wrong_type("integer"))
    }

    fn visit_f64<Er: de::Error>(self, _: f64) -> Result<T, Er> {
        Err(self.wrong_type("floating point number"))
    }

    fn visit_char<Er: de::Error>(self, _: char) -> Result<T, Er> {
        Err(self.wrong_type("character"))
    }

    fn visit_bytes<Er: de::Error>(self, _: &[u8]) -> Result<T, Er> {
        Err(self.wrong_type("byte array"))
    }
}
