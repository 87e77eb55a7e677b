//! serde for the lexical forms, shared by the models' serde impls (the crate's JSON form)
//! and the LEFI v9 JSON codec:
//!
//! * [`strings`]: a visitor that takes only strings, hands them to a type's one parser and
//!   never echoes the input in an error;
//! * [`date`]: `YYYY-MM-DD` fields as `NaiveDate`;
//! * [`json_number`]: decimals as exact JSON numbers (through serde_json's raw-value hook);
//! * [`decimal_text`]: decimals as JSON strings holding an `xs:decimal` (so the scale
//!   survives any JSON reader: `"1250.50"`).

pub(crate) mod date;
pub(crate) mod json_number;
pub(crate) mod strings;

pub(crate) use strings::deserialize_str;

/// `Decimal` fields written as a JSON string holding the `xs:decimal` text.
pub(crate) mod decimal_text {
    use rust_decimal::Decimal;
    use serde::{Deserialize, Deserializer, Serializer};

    use crate::xs::{DecimalForm, decimal};

    const EXPECTED: &str = "a decimal as a string";

    /// Writes the decimal's text as a string.
    pub(crate) fn serialize<S: Serializer>(d: &Decimal, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(d)
    }

    /// Reads a string holding an `xs:decimal`.
    pub(crate) fn deserialize<'de, D: Deserializer<'de>>(
        deserializer: D,
    ) -> Result<Decimal, D::Error> {
        super::deserialize_str(deserializer, EXPECTED, |t| {
            decimal(t, DecimalForm::Xs).map_err(|_| "invalid value, expected an xs:decimal")
        })
    }

    /// `Option<Decimal>` fields.
    pub(crate) mod option {
        use super::{Decimal, Deserialize, Deserializer, Serializer};

        /// Writes `Some` as a string.
        pub(crate) fn serialize<S: Serializer>(
            d: &Option<Decimal>,
            serializer: S,
        ) -> Result<S::Ok, S::Error> {
            match d {
                Some(d) => serializer.collect_str(d),
                None => serializer.serialize_none(),
            }
        }

        struct Text(Decimal);

        impl<'de> Deserialize<'de> for Text {
            fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                super::deserialize(deserializer).map(Text)
            }
        }

        /// Reads an optional string holding an `xs:decimal`.
        pub(crate) fn deserialize<'de, D: Deserializer<'de>>(
            deserializer: D,
        ) -> Result<Option<Decimal>, D::Error> {
            Ok(Option::<Text>::deserialize(deserializer)?.map(|t| t.0))
        }
    }
}
