//! Tolerated contradictions between the v9 contract's schema and what Försäkringskassan
//! evidently sends (its own examples; DOMAIN §7.8).
//!
//! Each tolerance is a [`Quirk`]. The decoder tolerates them by default and refuses them
//! when [`DecodeSettings::tolerate_contract_quirks`](super::DecodeSettings) is `false`.
//! The choice reaches the model's `Deserialize` impls through a thread-local set by the
//! decoder for the duration of one decode (serde gives no other way to pass settings
//! down); outside the decoder everything is tolerated.
//!
//! | quirk | tolerated form | encoded as |
//! |---|---|---|
//! | [`Quirk::EmptyListForObject`] | `avvikelser: []` (schema: object) | `{}` |
//! | [`Quirk::CodeObjectForString`] | `ersattning: {id, beskrivning}` (schema: string) | the form received |
//! | [`Quirk::UndeclaredProperty`] | `avslaget` on sjukpenning cases, `utlamnare` on the available types | as received |

use core::cell::Cell;
use core::fmt;
use core::marker::PhantomData;

use serde::Deserialize;
use serde::de::value::MapAccessDeserializer;
use serde::de::{self, Deserializer, MapAccess, SeqAccess, Visitor};

pub use crate::model::lefi::Quirk;

/// Per-decode quirk policy and bookkeeping (thread-local, reset by [`Scope`]).
#[derive(Clone, Copy)]
struct State {
    tolerate: bool,
    /// Refuse the quirk with this index even when tolerating (used to locate quirk paths).
    refuse_index: Option<usize>,
    seen: usize,
    refused: Option<Quirk>,
}

const OUTSIDE: State = State {
    tolerate: true,
    refuse_index: None,
    seen: 0,
    refused: None,
};

thread_local! {
    static STATE: Cell<State> = const { Cell::new(OUTSIDE) };
}

/// Sets the policy for one decode pass; restores the previous state when dropped.
pub(crate) struct Scope {
    previous: State,
}

impl Scope {
    /// Starts a pass that tolerates quirks or not, optionally refusing the quirk number
    /// `refuse_index` (0-based, in document order).
    pub(crate) fn new(tolerate: bool, refuse_index: Option<usize>) -> Self {
        let state = State {
            tolerate,
            refuse_index,
            seen: 0,
            refused: None,
        };
        Self {
            previous: STATE.with(|s| s.replace(state)),
        }
    }

    /// How many quirks the pass met so far.
    pub(crate) fn seen(&self) -> usize {
        STATE.with(Cell::get).seen
    }

    /// The quirk the pass refused, if it refused one.
    pub(crate) fn refused(&self) -> Option<Quirk> {
        STATE.with(Cell::get).refused
    }
}

impl Drop for Scope {
    fn drop(&mut self) {
        STATE.with(|s| s.set(self.previous));
    }
}

/// Records a quirk met while decoding; an error when the current pass refuses it.
///
/// # Errors
/// In strict mode (or when this is the quirk being located), an error naming the quirk.
pub(crate) fn note<E: de::Error>(quirk: Quirk) -> Result<(), E> {
    let refuse = STATE.with(|cell| {
        let mut s = cell.get();
        let index = s.seen;
        s.seen = s.seen.saturating_add(1);
        let refuse = !s.tolerate || s.refuse_index == Some(index);
        if refuse {
            s.refused = Some(quirk);
        }
        cell.set(s);
        refuse
    });
    if refuse {
        Err(E::custom(format_args!("contract quirk refused: {quirk}")))
    } else {
        Ok(())
    }
}

/// `deserialize_with` for an optional object property that may arrive as `[]`.
///
/// # Errors
/// When the value is neither an object of `T` nor an empty array (or the quirk is refused).
pub(crate) fn object_or_empty_list<'de, D, T>(deserializer: D) -> Result<Option<T>, D::Error>
where
    D: Deserializer<'de>,
    T: Deserialize<'de> + Default,
{
    Ok(Option::<ObjectOrEmptyList<T>>::deserialize(deserializer)?.map(|v| v.0))
}

struct ObjectOrEmptyList<T>(T);

impl<'de, T: Deserialize<'de> + Default> Deserialize<'de> for ObjectOrEmptyList<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer
            .deserialize_any(ObjectOrEmptyListVisitor(PhantomData))
            .map(ObjectOrEmptyList)
    }
}

struct ObjectOrEmptyListVisitor<T>(PhantomData<T>);

impl<'de, T: Deserialize<'de> + Default> Visitor<'de> for ObjectOrEmptyListVisitor<T> {
    type Value = T;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an object (or, tolerated, an empty array)")
    }

    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<T, A::Error> {
        T::deserialize(MapAccessDeserializer::new(map))
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<T, A::Error> {
        if seq.next_element::<de::IgnoredAny>()?.is_some() {
            return Err(de::Error::custom(
                "invalid type: expected an object (or, tolerated, an empty array)",
            ));
        }
        note::<A::Error>(Quirk::EmptyListForObject)?;
        Ok(T::default())
    }
}

/// `deserialize_with` for a property the schema does not declare but the contract's
/// examples send ([`Quirk::UndeclaredProperty`]).
///
/// # Errors
/// When the value does not decode as `T`, or the quirk is refused.
pub(crate) fn undeclared<'de, D, T>(deserializer: D) -> Result<Option<T>, D::Error>
where
    D: Deserializer<'de>,
    T: Deserialize<'de>,
{
    note::<D::Error>(Quirk::UndeclaredProperty)?;
    Option::<T>::deserialize(deserializer)
}
