//! Redaction: a whole decoded document, safe to log.
//!
//! [`redacted`] wraps any serde-serialisable model (LEFI v9 answers, questions, error
//! answers, the views) so that serialising it writes the full structure with every
//! identity replaced by a fixed marker; [`redacted_ssbtek`] does the same for a decoded
//! SSBTEK message.
//!
//! The redaction is structural, never a search over the output:
//!
//! * **by type**: every value of the identity types — [`Personidentitet`] and
//!   [`Personnummer`] (written as the birth year followed by `********`, e.g.
//!   `1912********`), [`Sensitive`] and [`Organisationsnummer`] (written as
//!   [`REDACTED`]) — wherever it sits in the model, including inside lists and options.
//!   The types mark themselves: they serialise through a newtype struct with a reserved
//!   name that ordinary serializers (serde_json) treat as transparent and the redacting
//!   serializer recognises;
//! * **by field**, for the few contract fields that carry personal data in a plain string:
//!   `LefiPerson.personnummer`, birth and death dates (kept as the year only), error message
//!   texts. The generated model marks them the same way (`serialize_with` from the
//!   generator's one table, `PERSONAL_FIELDS` in `tools/gen_lefi_v9.py`).
//!
//! Under a masked value every string and number is replaced; booleans, `null` and the
//! structure (keys, list lengths) stay, so a log still shows what the answer contained.
//!
//! ```
//! use lefi::legal::{redacted, REDACTED};
//! use lefi::model::lefi::LefiExternFormansinformationSvar;
//!
//! let json = include_bytes!(concat!(env!("CARGO_MANIFEST_DIR"), "/examples/data/lefi-v9-svar.json"));
//! let svar: LefiExternFormansinformationSvar = lefi::wire::lefi_json::from_slice(json)?;
//! let log = serde_json::to_value(redacted(&svar))?;
//! let person = &log["formansinformation"]["generellPersoninformation"][0];
//! assert_eq!(person["personnummer"], "1912********");
//! assert_eq!(person["namn"], REDACTED);
//! assert_eq!(person["foddes"], "1912");
//! assert_eq!(log["utbetalningar"][0]["nettobelopp"], 7403);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

mod ssbtek;

use serde::ser::{
    Serialize, SerializeMap, SerializeSeq, SerializeStruct, SerializeStructVariant, SerializeTuple,
    SerializeTupleStruct, SerializeTupleVariant, Serializer,
};

use crate::id::Personidentitet;
use crate::id::personal::Personal;
#[cfg(doc)]
use crate::id::{Organisationsnummer, Personnummer, Sensitive};

pub use ssbtek::{RedactedSsbtek, redacted_ssbtek};

/// The marker that replaces a redacted value.
pub const REDACTED: &str = "<redacted>";

/// How a plain-string field that holds personal data is redacted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Mask {
    /// An identity number: the birth year followed by `********` when it has the shape of
    /// a personnummer, else [`REDACTED`].
    Identity,
    /// Any other personal data: [`REDACTED`].
    Text,
    /// A date about a person (birth, death): the year only (`1912`), else [`REDACTED`].
    Year,
}

impl Mask {
    /// The mask of a value marked as personal data.
    const fn for_marked(kind: Personal) -> Self {
        match kind {
            Personal::Identity => Self::Identity,
            Personal::Text => Self::Text,
            Personal::Year => Self::Year,
        }
    }

    fn apply(self, value: &str) -> String {
        match self {
            Self::Identity => Personidentitet::parse(value)
                .map(|p| p.to_string())
                .unwrap_or_else(|_| REDACTED.to_owned()),
            Self::Text => REDACTED.to_owned(),
            Self::Year => match value.get(..4) {
                Some(year) if year.bytes().all(|b| b.is_ascii_digit()) => year.to_owned(),
                _ => REDACTED.to_owned(),
            },
        }
    }
}

/// A string that is free text about a person in the SSBTEK mirror (marked, and so
/// redacted, as text).
pub(super) struct FreeText<'a>(pub(super) &'a str);

impl Serialize for FreeText<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        Personal::Text.serialize(self.0, serializer)
    }
}

/// A value that serialises with its identities redacted; see [`redacted`](crate::legal::redacted).
///
/// `Debug` shows nothing of the value: `Redacted(..)`.
///
/// ```
/// use lefi::id::Sensitive;
/// let name = Sensitive::new("Tolvan");
/// assert_eq!(format!("{:?}", lefi::legal::redacted(&name)), "Redacted(..)");
/// ```
#[derive(Clone, Copy)]
pub struct Redacted<'a, T: ?Sized>(&'a T);

impl<T: ?Sized> core::fmt::Debug for Redacted<'_, T> {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.write_str("Redacted(..)")
    }
}

/// Wraps a model so that it serialises with identities redacted.
///
/// ```
/// use lefi::id::Personidentitet;
/// use lefi::legal::redacted;
/// use lefi::model::lefi::{LefiExternFormansinformationFraga, LefiPeriod};
/// use chrono::NaiveDate;
///
/// let d = NaiveDate::from_ymd_opt(2024, 1, 1).ok_or("date")?;
/// let fraga = LefiExternFormansinformationFraga::new(Personidentitet::parse("197408232382")?, LefiPeriod::new(d, d));
/// let text = serde_json::to_string(&redacted(&fraga))?;
/// assert!(text.contains(r#""personnummer":"1974********""#));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[must_use]
pub fn redacted<T: Serialize + ?Sized>(value: &T) -> Redacted<'_, T> {
    Redacted(value)
}

impl<T: Serialize + ?Sized> Serialize for Redacted<'_, T> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        wrap(self.0, None).serialize(serializer)
    }
}

/// A value on its way through the [`Redactor`], with the mask inherited from above.
struct Wrap<'a, T: ?Sized> {
    value: &'a T,
    mask: Option<Mask>,
}

impl<T: Serialize + ?Sized> Serialize for Wrap<'_, T> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.value.serialize(Redactor {
            inner: serializer,
            mask: self.mask,
        })
    }
}

fn wrap<T: ?Sized>(value: &T, mask: Option<Mask>) -> Wrap<'_, T> {
    Wrap { value, mask }
}

/// A serializer that forwards to `inner`, replacing scalars when `mask` is set (by a marked
/// value above, or by a marked value itself).
struct Redactor<S> {
    inner: S,
    mask: Option<Mask>,
}

/// The compound serializers of [`Redactor`].
struct Compound<C> {
    inner: C,
    mask: Option<Mask>,
}

macro_rules! scalar {
    ($($method:ident($ty:ty)),+ $(,)?) => {$(
        fn $method(self, v: $ty) -> Result<S::Ok, S::Error> {
            match self.mask {
                Some(_) => self.inner.serialize_str(REDACTED),
                None => self.inner.$method(v),
            }
        }
    )+};
}

impl<S: Serializer> Serializer for Redactor<S> {
    type Ok = S::Ok;
    type Error = S::Error;
    type SerializeSeq = Compound<S::SerializeSeq>;
    type SerializeTuple = Compound<S::SerializeTuple>;
    type SerializeTupleStruct = Compound<S::SerializeTupleStruct>;
    type SerializeTupleVariant = Compound<S::SerializeTupleVariant>;
    type SerializeMap = Compound<S::SerializeMap>;
    type SerializeStruct = Compound<S::SerializeStruct>;
    type SerializeStructVariant = Compound<S::SerializeStructVariant>;

    scalar! {
        serialize_i8(i8), serialize_i16(i16), serialize_i32(i32), serialize_i64(i64),
        serialize_i128(i128), serialize_u8(u8), serialize_u16(u16), serialize_u32(u32),
        serialize_u64(u64), serialize_u128(u128), serialize_f32(f32), serialize_f64(f64),
        serialize_char(char), serialize_bytes(&[u8]),
    }

    fn serialize_bool(self, v: bool) -> Result<S::Ok, S::Error> {
        self.inner.serialize_bool(v)
    }

    fn serialize_str(self, v: &str) -> Result<S::Ok, S::Error> {
        match self.mask {
            Some(mask) => self.inner.serialize_str(&mask.apply(v)),
            None => self.inner.serialize_str(v),
        }
    }

    fn serialize_none(self) -> Result<S::Ok, S::Error> {
        self.inner.serialize_none()
    }

    fn serialize_some<T: Serialize + ?Sized>(self, value: &T) -> Result<S::Ok, S::Error> {
        self.inner.serialize_some(&wrap(value, self.mask))
    }

    fn serialize_unit(self) -> Result<S::Ok, S::Error> {
        self.inner.serialize_unit()
    }

    fn serialize_unit_struct(self, name: &'static str) -> Result<S::Ok, S::Error> {
        self.inner.serialize_unit_struct(name)
    }

    fn serialize_unit_variant(
        self,
        name: &'static str,
        index: u32,
        variant: &'static str,
    ) -> Result<S::Ok, S::Error> {
        self.inner.serialize_unit_variant(name, index, variant)
    }

    /// A value marked as personal data is masked (an inherited mask stays in force) and
    /// written as its content, so the reserved name never reaches `inner`.
    fn serialize_newtype_struct<T: Serialize + ?Sized>(
        self,
        name: &'static str,
        value: &T,
    ) -> Result<S::Ok, S::Error> {
        match Personal::from_marker(name) {
            Some(kind) => value.serialize(Redactor {
                inner: self.inner,
                mask: self.mask.or(Some(Mask::for_marked(kind))),
            }),
            None => self
                .inner
                .serialize_newtype_struct(name, &wrap(value, self.mask)),
        }
    }

    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        name: &'static str,
        index: u32,
        variant: &'static str,
        value: &T,
    ) -> Result<S::Ok, S::Error> {
        self.inner
            .serialize_newtype_variant(name, index, variant, &wrap(value, self.mask))
    }

    fn serialize_seq(self, len: Option<usize>) -> Result<Self::SerializeSeq, S::Error> {
        let inner = self.inner.serialize_seq(len)?;
        Ok(Compound {
            inner,
            mask: self.mask,
        })
    }

    fn serialize_tuple(self, len: usize) -> Result<Self::SerializeTuple, S::Error> {
        let inner = self.inner.serialize_tuple(len)?;
        Ok(Compound {
            inner,
            mask: self.mask,
        })
    }

    fn serialize_tuple_struct(
        self,
        name: &'static str,
        len: usize,
    ) -> Result<Self::SerializeTupleStruct, S::Error> {
        let inner = self.inner.serialize_tuple_struct(name, len)?;
        Ok(Compound {
            inner,
            mask: self.mask,
        })
    }

    fn serialize_tuple_variant(
        self,
        name: &'static str,
        index: u32,
        variant: &'static str,
        len: usize,
    ) -> Result<Self::SerializeTupleVariant, S::Error> {
        let inner = self
            .inner
            .serialize_tuple_variant(name, index, variant, len)?;
        Ok(Compound {
            inner,
            mask: self.mask,
        })
    }

    fn serialize_map(self, len: Option<usize>) -> Result<Self::SerializeMap, S::Error> {
        let inner = self.inner.serialize_map(len)?;
        Ok(Compound {
            inner,
            mask: self.mask,
        })
    }

    fn serialize_struct(
        self,
        name: &'static str,
        len: usize,
    ) -> Result<Self::SerializeStruct, S::Error> {
        let inner = self.inner.serialize_struct(name, len)?;
        Ok(Compound {
            inner,
            mask: self.mask,
        })
    }

    fn serialize_struct_variant(
        self,
        name: &'static str,
        index: u32,
        variant: &'static str,
        len: usize,
    ) -> Result<Self::SerializeStructVariant, S::Error> {
        let inner = self
            .inner
            .serialize_struct_variant(name, index, variant, len)?;
        Ok(Compound {
            inner,
            mask: self.mask,
        })
    }

    fn is_human_readable(&self) -> bool {
        self.inner.is_human_readable()
    }
}

impl<C: SerializeSeq> SerializeSeq for Compound<C> {
    type Ok = C::Ok;
    type Error = C::Error;

    fn serialize_element<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), C::Error> {
        self.inner.serialize_element(&wrap(value, self.mask))
    }

    fn end(self) -> Result<C::Ok, C::Error> {
        self.inner.end()
    }
}

impl<C: SerializeTuple> SerializeTuple for Compound<C> {
    type Ok = C::Ok;
    type Error = C::Error;

    fn serialize_element<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), C::Error> {
        self.inner.serialize_element(&wrap(value, self.mask))
    }

    fn end(self) -> Result<C::Ok, C::Error> {
        self.inner.end()
    }
}

impl<C: SerializeTupleStruct> SerializeTupleStruct for Compound<C> {
    type Ok = C::Ok;
    type Error = C::Error;

    fn serialize_field<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), C::Error> {
        self.inner.serialize_field(&wrap(value, self.mask))
    }

    fn end(self) -> Result<C::Ok, C::Error> {
        self.inner.end()
    }
}

impl<C: SerializeTupleVariant> SerializeTupleVariant for Compound<C> {
    type Ok = C::Ok;
    type Error = C::Error;

    fn serialize_field<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), C::Error> {
        self.inner.serialize_field(&wrap(value, self.mask))
    }

    fn end(self) -> Result<C::Ok, C::Error> {
        self.inner.end()
    }
}

impl<C: SerializeMap> SerializeMap for Compound<C> {
    type Ok = C::Ok;
    type Error = C::Error;

    fn serialize_key<T: Serialize + ?Sized>(&mut self, key: &T) -> Result<(), C::Error> {
        self.inner.serialize_key(&wrap(key, self.mask))
    }

    fn serialize_value<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), C::Error> {
        self.inner.serialize_value(&wrap(value, self.mask))
    }

    fn end(self) -> Result<C::Ok, C::Error> {
        self.inner.end()
    }
}

impl<C: SerializeStruct> SerializeStruct for Compound<C> {
    type Ok = C::Ok;
    type Error = C::Error;

    fn serialize_field<T: Serialize + ?Sized>(
        &mut self,
        key: &'static str,
        value: &T,
    ) -> Result<(), C::Error> {
        self.inner.serialize_field(key, &wrap(value, self.mask))
    }

    fn skip_field(&mut self, key: &'static str) -> Result<(), C::Error> {
        self.inner.skip_field(key)
    }

    fn end(self) -> Result<C::Ok, C::Error> {
        self.inner.end()
    }
}

impl<C: SerializeStructVariant> SerializeStructVariant for Compound<C> {
    type Ok = C::Ok;
    type Error = C::Error;

    fn serialize_field<T: Serialize + ?Sized>(
        &mut self,
        key: &'static str,
        value: &T,
    ) -> Result<(), C::Error> {
        self.inner.serialize_field(key, &wrap(value, self.mask))
    }

    fn skip_field(&mut self, key: &'static str) -> Result<(), C::Error> {
        self.inner.skip_field(key)
    }

    fn end(self) -> Result<C::Ok, C::Error> {
        self.inner.end()
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

    use super::*;
    use crate::id::{Organisationsnummer, Personnummer, Sensitive};
    use serde::Serialize;

    /// A property type holding free text (`String` or [`crate::text::Text`]).
    fn plain_text(ty: &str) -> bool {
        ty.contains("String") || ty.contains("text::Text")
    }

    /// Every generated property whose name says it holds a person's identity, name or
    /// dates is either of an identity type or marked by the generator (`serialize_with`
    /// into `id::personal`), and the marked ones are masked as their kind says.
    #[test]
    fn personal_plain_strings_of_the_generated_model_are_marked() {
        let src = include_str!("../model/lefi/generated.rs");
        let mut fields = Vec::new();
        let mut schema = "";
        let mut marked = false;
        for line in src.lines() {
            if let Some(rest) = line.strip_prefix("pub struct ") {
                schema = rest.split([' ', '{', '<']).next().unwrap_or("");
            } else if line.contains("serialize_with = \"crate::id::personal::") {
                marked = true;
            } else if let Some(rest) = line.strip_prefix("    pub ") {
                if let Some((name, ty)) = rest.split_once(": ") {
                    fields.push((schema, name, ty, marked));
                }
                marked = false;
            }
        }
        assert_eq!(
            fields.iter().filter(|f| f.3).count(),
            7,
            "the marked fields"
        );
        const PERSONAL: &[&str] = &[
            "personnummer",
            "person",
            "namn",
            "foddes",
            "avled",
            "dodsfallsdatum",
            "utbetalningsmottagare",
            "medsokande",
            "adress",
            "utdelningadress",
            "telefon",
            "epost",
            "upplysning",
            "organisationsnummer",
        ];
        // Names of agencies, countries and institutions, not of persons.
        const NOT_PERSONAL: &[(&str, &str)] = &[
            ("LefiUtlamnare", "namn"),
            ("LefiLand", "namn"),
            ("LefiMottagareAvBarnbidragInstitution", "namn"),
        ];
        for (s, p, ty, marked) in &fields {
            if !PERSONAL.contains(p) || !plain_text(ty) || NOT_PERSONAL.contains(&(s, p)) {
                continue;
            }
            assert!(
                marked,
                "{s}.{p} holds personal data in an unmarked plain string"
            );
        }
        let person = crate::model::lefi::LefiPerson {
            personnummer: Some("191212121212".into()),
            foddes: Some("1912-12-12".into()),
            avled: Some(vec!["2001-02-03".into()]),
            ..Default::default()
        };
        let felsvar = crate::model::lefi::LefiFelsvar {
            meddelande: Some("Tolvan saknas".into()),
            ..Default::default()
        };
        assert_eq!(
            serde_json::to_value(redacted(&(&person, &felsvar))).unwrap(),
            serde_json::json!([
                {"personnummer": "1912********", "foddes": "1912", "avled": ["2001"]},
                {"meddelande": REDACTED}
            ])
        );
        // Debug shows that they are there, not what they are
        let debug = format!("{person:?} {felsvar:?}");
        assert!(
            debug.contains("personnummer: Some(\"<redacted>\")"),
            "{debug}"
        );
        for value in ["1912", "2001", "Tolvan"] {
            assert!(!debug.contains(value), "{debug}");
        }
        // and serde_json alone writes the strings as they are
        assert_eq!(
            serde_json::to_value(&person).unwrap(),
            serde_json::json!({"personnummer": "191212121212", "foddes": "1912-12-12", "avled": ["2001-02-03"]})
        );
    }

    /// Recognition is by the mark the types serialise with: behind references, boxes,
    /// options and other newtypes alike; a type of the same name that does not mark itself
    /// is not personal data to the redactor, and ordinary newtypes keep their name.
    #[test]
    fn marked_values_are_masked_through_any_wrapping() {
        #[derive(Serialize)]
        struct Wrapper(Personnummer);
        #[derive(Serialize)]
        struct Personnummer2(&'static str);
        #[allow(dead_code)]
        mod lookalike {
            #[derive(serde::Serialize)]
            pub(super) struct Personnummer(pub(super) &'static str);
        }
        #[derive(Serialize)]
        struct All<'a> {
            boxed: Box<Personnummer>,
            nested: Option<&'a &'a Organisationsnummer>,
            wrapped: Wrapper,
            plain_newtype: Personnummer2,
            lookalike: lookalike::Personnummer,
            keys: std::collections::BTreeMap<Sensitive, u8>,
        }
        let pnr = Personnummer::parse("191212121212").unwrap();
        let org = Organisationsnummer::parse("556677-8899").unwrap();
        let all = All {
            boxed: Box::new(pnr),
            nested: Some(&&org),
            wrapped: Wrapper(pnr),
            plain_newtype: Personnummer2("kept"),
            lookalike: lookalike::Personnummer("191212121212"),
            keys: [(Sensitive::new("Tolvan"), 1)].into(),
        };
        let v = serde_json::to_value(redacted(&all)).unwrap();
        assert_eq!(
            v,
            serde_json::json!({"boxed": "1912********", "nested": REDACTED,
                "wrapped": "1912********", "plain_newtype": "kept",
                "lookalike": "191212121212", "keys": {REDACTED: 1}})
        );
        let plain = serde_json::to_string(&all).unwrap();
        assert!(plain.contains(r#""boxed":"191212121212""#), "{plain}");
        assert!(!plain.contains("$lefi"), "{plain}");
    }

    #[test]
    fn masks() {
        assert_eq!(Mask::Identity.apply("191212121212"), "1912********");
        assert_eq!(Mask::Identity.apply("MYNDIGHETSUTBETALNING"), REDACTED);
        assert_eq!(Mask::Year.apply("1912-12-12"), "1912");
        assert_eq!(Mask::Year.apply("12-12"), REDACTED);
        assert_eq!(Mask::Text.apply("Tolvan"), REDACTED);
    }

    #[test]
    fn identity_types_are_masked_everywhere() {
        #[derive(Serialize)]
        struct Inner {
            n: Vec<Sensitive>,
            id: Option<Personidentitet>,
            r: &'static str,
        }
        #[derive(Serialize)]
        struct Outer {
            inner: Inner,
            map: std::collections::BTreeMap<String, Sensitive>,
            free: Vec<FreeText<'static>>,
        }
        let outer = Outer {
            inner: Inner {
                n: vec![Sensitive::new("Tolvan Tolvansson")],
                id: Personidentitet::parse("191212121212").ok(),
                r: "kept",
            },
            map: [("k".to_owned(), Sensitive::new("Gatan 1"))].into(),
            free: vec![FreeText("fritext")],
        };
        let v = serde_json::to_value(redacted(&outer)).unwrap();
        assert_eq!(
            v,
            serde_json::json!({"inner": {"n": [REDACTED], "id": "1912********", "r": "kept"},
                "map": {"k": REDACTED}, "free": [REDACTED]})
        );
    }
}
