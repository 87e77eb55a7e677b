//! The decoder's limits, carried inside the deserializer: [`Guard`] wraps serde_json's
//! deserializer (and everything it hands to visitors) and
//!
//! * counts the nesting of arrays and objects against `limits.max_depth`, in the typed
//!   values and inside the values of unknown properties (serde_json skips those without
//!   looking; the guard takes their raw text instead, through serde_json's raw-value hook,
//!   and counts the brackets in it), so no separate scan of the input is needed;
//! * counts unknown properties (the values a derived `Deserialize` ignores) and refuses the
//!   first one past a budget: none under [`UnknownContent::Deny`](crate::wire::UnknownContent),
//!   fewer than the best candidate so far when [`decode_any`](super::decode_any) compares
//!   document kinds.
//!
//! The budgets travel by value in the wrappers; what happened is recorded in a [`Track`]
//! that the decoder owns and lends to the wrappers for one pass (serde_json keeps its
//! recursion budget inside its `Deserializer` the same way). No thread-local, no global.

use core::cell::Cell;
use core::fmt;

use serde::de::{
    self, DeserializeSeed, Deserializer, EnumAccess, MapAccess, SeqAccess, VariantAccess, Visitor,
};

use crate::wire::json::too_deep_at;
use crate::xs::serde::json_number::RAW_TOKEN;

/// Why the guard refused a value.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Refusal {
    /// Nesting deeper than the limit; the byte offset of the bracket when the guard found it
    /// in raw text (else serde_json's position of the error is the bracket's).
    TooDeep { offset: Option<usize> },
    /// An unknown property past the budget.
    Unknown,
    /// A first unknown property before the threshold: this reading of the document cannot
    /// beat one that read further ([`decode_any`](super::decode_any)).
    Threshold,
}

/// What one pass of the guard found; lent to the wrappers.
pub(crate) struct Track {
    /// Where the input starts in memory and its length (to turn a borrowed raw value into
    /// a byte offset).
    base: usize,
    len: usize,
    /// Unknown properties allowed (`None`: any number).
    max_unknown: Option<usize>,
    /// Give up at a first unknown property whose value starts before this offset.
    threshold: Option<usize>,
    unknown: Cell<usize>,
    first_unknown: Cell<Option<usize>>,
    refused: Cell<Option<Refusal>>,
}

impl Track {
    /// A track for one pass over `input`.
    pub(crate) fn new(input: &[u8], max_unknown: Option<usize>, threshold: Option<usize>) -> Self {
        Self {
            base: input.as_ptr() as usize,
            len: input.len(),
            max_unknown,
            threshold,
            unknown: Cell::new(0),
            first_unknown: Cell::new(None),
            refused: Cell::new(None),
        }
    }

    /// Where the value of the first unknown property starts, if one was met.
    pub(crate) fn first_unknown(&self) -> Option<usize> {
        self.first_unknown.get()
    }

    /// Why the pass was refused by the guard, if it was.
    pub(crate) fn refused(&self) -> Option<Refusal> {
        self.refused.get()
    }

    fn refuse<E: de::Error>(&self, refusal: Refusal) -> E {
        self.refused.set(Some(refusal));
        match refusal {
            Refusal::TooDeep { .. } => E::custom("nesting deeper than the limit"),
            Refusal::Unknown => E::custom("property not defined by the contract"),
            Refusal::Threshold => E::custom("property not defined by this document kind"),
        }
    }

    /// The byte offset of `text` in the input, when it is a slice of it.
    fn offset_of(&self, text: &str) -> Option<usize> {
        let at = (text.as_ptr() as usize).checked_sub(self.base)?;
        (at <= self.len).then_some(at)
    }
}

/// A deserializer (or visitor, seed, access) under the guard: `levels` is how many more
/// levels of arrays and objects the value may open.
pub(crate) struct Guard<'t, X> {
    inner: X,
    track: &'t Track,
    levels: usize,
}

impl<'t, X> Guard<'t, X> {
    /// Wraps `inner`, which may nest `levels` levels deep.
    pub(crate) fn new(inner: X, track: &'t Track, levels: usize) -> Self {
        Self {
            inner,
            track,
            levels,
        }
    }

    fn wrap<Y>(&self, inner: Y) -> Guard<'t, Y> {
        Guard::new(inner, self.track, self.levels)
    }
}

macro_rules! forward {
    ($($method:ident),* $(,)?) => {$(
        #[inline]
        fn $method<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, D::Error> {
            let visitor = self.wrap(visitor);
            self.inner.$method(visitor)
        }
    )*};
}

impl<'de, D: Deserializer<'de>> Deserializer<'de> for Guard<'_, D> {
    type Error = D::Error;

    forward!(
        deserialize_any,
        deserialize_bool,
        deserialize_i8,
        deserialize_i16,
        deserialize_i32,
        deserialize_i64,
        deserialize_i128,
        deserialize_u8,
        deserialize_u16,
        deserialize_u32,
        deserialize_u64,
        deserialize_u128,
        deserialize_f32,
        deserialize_f64,
        deserialize_char,
        deserialize_str,
        deserialize_string,
        deserialize_bytes,
        deserialize_byte_buf,
        deserialize_option,
        deserialize_unit,
        deserialize_seq,
        deserialize_map,
        deserialize_identifier,
    );

    #[inline]
    fn deserialize_unit_struct<V: Visitor<'de>>(
        self,
        name: &'static str,
        visitor: V,
    ) -> Result<V::Value, D::Error> {
        let visitor = self.wrap(visitor);
        self.inner.deserialize_unit_struct(name, visitor)
    }

    #[inline]
    fn deserialize_newtype_struct<V: Visitor<'de>>(
        self,
        name: &'static str,
        visitor: V,
    ) -> Result<V::Value, D::Error> {
        if name == RAW_TOKEN {
            // an exact number's text: serde_json answers with a map that is no nesting of
            // the document's
            return self.inner.deserialize_newtype_struct(name, visitor);
        }
        let visitor = self.wrap(visitor);
        self.inner.deserialize_newtype_struct(name, visitor)
    }

    #[inline]
    fn deserialize_tuple<V: Visitor<'de>>(
        self,
        len: usize,
        visitor: V,
    ) -> Result<V::Value, D::Error> {
        let visitor = self.wrap(visitor);
        self.inner.deserialize_tuple(len, visitor)
    }

    #[inline]
    fn deserialize_tuple_struct<V: Visitor<'de>>(
        self,
        name: &'static str,
        len: usize,
        visitor: V,
    ) -> Result<V::Value, D::Error> {
        let visitor = self.wrap(visitor);
        self.inner.deserialize_tuple_struct(name, len, visitor)
    }

    #[inline]
    fn deserialize_struct<V: Visitor<'de>>(
        self,
        name: &'static str,
        fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, D::Error> {
        let visitor = self.wrap(visitor);
        self.inner.deserialize_struct(name, fields, visitor)
    }

    #[inline]
    fn deserialize_enum<V: Visitor<'de>>(
        self,
        name: &'static str,
        variants: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, D::Error> {
        let visitor = self.wrap(visitor);
        self.inner.deserialize_enum(name, variants, visitor)
    }

    /// The value of a property the model does not define: counted against the budget,
    /// then skipped by serde_json, whose raw text is checked for depth.
    fn deserialize_ignored_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, D::Error> {
        let track = self.track;
        let count = track.unknown.get().saturating_add(1);
        track.unknown.set(count);
        if track.max_unknown.is_some_and(|max| count > max) {
            return Err(track.refuse(Refusal::Unknown));
        }
        let levels = self.levels;
        self.inner
            .deserialize_newtype_struct(RAW_TOKEN, Skipped { track, levels })?;
        visitor.visit_unit()
    }

    fn is_human_readable(&self) -> bool {
        self.inner.is_human_readable()
    }
}

/// Receives serde_json's raw-value map for a skipped value and checks its depth.
struct Skipped<'t> {
    track: &'t Track,
    levels: usize,
}

impl<'de> Visitor<'de> for Skipped<'_> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("any JSON value")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        if map.next_key::<de::IgnoredAny>()?.is_none() {
            return Ok(());
        }
        map.next_value_seed(self)
    }
}

impl<'de> DeserializeSeed<'de> for Skipped<'_> {
    type Value = ();

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_str(RawText(self))
    }
}

/// The raw text of a skipped value.
struct RawText<'t>(Skipped<'t>);

impl Visitor<'_> for RawText<'_> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("the raw text of a JSON value")
    }

    fn visit_str<E: de::Error>(self, raw: &str) -> Result<(), E> {
        let Skipped { track, levels } = self.0;
        let start = track.offset_of(raw);
        if track.first_unknown.get().is_none() {
            track.first_unknown.set(start);
            if let (Some(start), Some(threshold)) = (start, track.threshold) {
                if start < threshold {
                    return Err(track.refuse(Refusal::Threshold));
                }
            }
        }
        match too_deep_at(raw.as_bytes(), levels) {
            None => Ok(()),
            Some(at) => {
                let offset = start.map(|start| start + at);
                Err(track.refuse(Refusal::TooDeep { offset }))
            }
        }
    }
}

macro_rules! visit_forward {
    ($($method:ident($ty:ty)),* $(,)?) => {$(
        #[inline]
        fn $method<E: de::Error>(self, v: $ty) -> Result<V::Value, E> {
            self.inner.$method(v)
        }
    )*};
}

impl<'de, V: Visitor<'de>> Visitor<'de> for Guard<'_, V> {
    type Value = V::Value;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.inner.expecting(f)
    }

    visit_forward!(
        visit_bool(bool),
        visit_i8(i8),
        visit_i16(i16),
        visit_i32(i32),
        visit_i64(i64),
        visit_i128(i128),
        visit_u8(u8),
        visit_u16(u16),
        visit_u32(u32),
        visit_u64(u64),
        visit_u128(u128),
        visit_f32(f32),
        visit_f64(f64),
        visit_char(char),
        visit_str(&str),
        visit_borrowed_str(&'de str),
        visit_string(String),
        visit_bytes(&[u8]),
        visit_borrowed_bytes(&'de [u8]),
        visit_byte_buf(Vec<u8>),
    );

    #[inline]
    fn visit_none<E: de::Error>(self) -> Result<V::Value, E> {
        self.inner.visit_none()
    }

    #[inline]
    fn visit_unit<E: de::Error>(self) -> Result<V::Value, E> {
        self.inner.visit_unit()
    }

    #[inline]
    fn visit_some<D: Deserializer<'de>>(self, de: D) -> Result<V::Value, D::Error> {
        let de = self.wrap(de);
        self.inner.visit_some(de)
    }

    #[inline]
    fn visit_newtype_struct<D: Deserializer<'de>>(self, de: D) -> Result<V::Value, D::Error> {
        let de = self.wrap(de);
        self.inner.visit_newtype_struct(de)
    }

    #[inline]
    fn visit_seq<A: SeqAccess<'de>>(self, access: A) -> Result<V::Value, A::Error> {
        let Some(levels) = self.levels.checked_sub(1) else {
            return Err(self.track.refuse(Refusal::TooDeep { offset: None }));
        };
        self.inner.visit_seq(Guard::new(access, self.track, levels))
    }

    #[inline]
    fn visit_map<A: MapAccess<'de>>(self, access: A) -> Result<V::Value, A::Error> {
        let Some(levels) = self.levels.checked_sub(1) else {
            return Err(self.track.refuse(Refusal::TooDeep { offset: None }));
        };
        self.inner.visit_map(Guard::new(access, self.track, levels))
    }

    #[inline]
    fn visit_enum<A: EnumAccess<'de>>(self, access: A) -> Result<V::Value, A::Error> {
        let access = self.wrap(access);
        self.inner.visit_enum(access)
    }
}

impl<'de, S: DeserializeSeed<'de>> DeserializeSeed<'de> for Guard<'_, S> {
    type Value = S::Value;

    #[inline]
    fn deserialize<D: Deserializer<'de>>(self, de: D) -> Result<S::Value, D::Error> {
        let de = self.wrap(de);
        self.inner.deserialize(de)
    }
}

impl<'de, A: SeqAccess<'de>> SeqAccess<'de> for Guard<'_, A> {
    type Error = A::Error;

    #[inline]
    fn next_element_seed<T: DeserializeSeed<'de>>(
        &mut self,
        seed: T,
    ) -> Result<Option<T::Value>, A::Error> {
        let seed = self.wrap(seed);
        self.inner.next_element_seed(seed)
    }

    fn size_hint(&self) -> Option<usize> {
        self.inner.size_hint()
    }
}

impl<'de, A: MapAccess<'de>> MapAccess<'de> for Guard<'_, A> {
    type Error = A::Error;

    #[inline]
    fn next_key_seed<K: DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, A::Error> {
        // JSON keys are strings: nothing nests in them, nothing is skipped there.
        self.inner.next_key_seed(seed)
    }

    #[inline]
    fn next_value_seed<T: DeserializeSeed<'de>>(&mut self, seed: T) -> Result<T::Value, A::Error> {
        let seed = self.wrap(seed);
        self.inner.next_value_seed(seed)
    }

    fn size_hint(&self) -> Option<usize> {
        self.inner.size_hint()
    }
}

impl<'t, 'de, A: EnumAccess<'de>> EnumAccess<'de> for Guard<'t, A> {
    type Error = A::Error;
    type Variant = Guard<'t, A::Variant>;

    #[inline]
    fn variant_seed<T: DeserializeSeed<'de>>(
        self,
        seed: T,
    ) -> Result<(T::Value, Self::Variant), A::Error> {
        // the variant's name is a string: nothing nests in it
        let (value, variant) = self.inner.variant_seed(seed)?;
        Ok((value, Guard::new(variant, self.track, self.levels)))
    }
}

impl<'de, A: VariantAccess<'de>> VariantAccess<'de> for Guard<'_, A> {
    type Error = A::Error;

    fn unit_variant(self) -> Result<(), A::Error> {
        self.inner.unit_variant()
    }

    fn newtype_variant_seed<T: DeserializeSeed<'de>>(self, seed: T) -> Result<T::Value, A::Error> {
        let seed = self.wrap(seed);
        self.inner.newtype_variant_seed(seed)
    }

    fn tuple_variant<V: Visitor<'de>>(self, len: usize, visitor: V) -> Result<V::Value, A::Error> {
        let visitor = self.wrap(visitor);
        self.inner.tuple_variant(len, visitor)
    }

    fn struct_variant<V: Visitor<'de>>(
        self,
        fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, A::Error> {
        let visitor = self.wrap(visitor);
        self.inner.struct_variant(fields, visitor)
    }
}
