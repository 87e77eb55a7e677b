//! The contract's contradictions that the model tolerates (DOMAIN §7.8), held in the values
//! themselves so that a decoded document says which it has.
//!
//! | quirk | in the model | encoded as |
//! |---|---|---|
//! | [`Quirk::EmptyListForObject`] | `avvikelser` is an [`ObjectOrEmptyList`] that remembers the `[]` | `{}` |
//! | [`Quirk::CodeObjectForString`] | `ersattning` is an [`Ersattning`](super::Ersattning), `Kod` for the object | the form received |
//! | [`Quirk::UndeclaredProperty`] | `avslaget` on sjukpenning cases, `utlamnare` on the available types: present | as received |
//!
//! Deserialisation accepts every form; [`ContractQuirks::quirks`] lists the quirks a value
//! holds with their JSON paths (one walk over the value, generated with the model). The
//! LEFI v9 JSON decoder reports them as warnings or, in strict mode, refuses them.

use core::fmt::{self, Write as _};
use core::hash::{Hash, Hasher};
use core::ops::Deref;

use serde::de::value::MapAccessDeserializer;
use serde::de::{self, Deserializer, MapAccess, SeqAccess, Visitor};
use serde::{Deserialize, Serialize, Serializer};

/// A tolerated contradiction between the contract's schema and the documents it describes
/// (its own examples).
///
/// ```
/// use lefi::model::lefi::Quirk;
/// assert_eq!(Quirk::EmptyListForObject.to_string(), "empty array where the contract says object");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Quirk {
    /// An empty JSON array where the schema says object (`avvikelser: []` in the contract's
    /// own response example); read as the empty object and encoded as `{}`.
    EmptyListForObject,
    /// A `{id, beskrivning}` code object where the schema says string (`ersattning` in the
    /// contract's own sjukpenning example); kept as an object and encoded as one.
    CodeObjectForString,
    /// A property the schema does not declare but the contract's own examples send
    /// (`avslaget` on `LefiSjukpenningArende`, `utlamnare` on
    /// `LefiExternTillgangligaInformationstyper`); kept and encoded.
    UndeclaredProperty,
}

impl fmt::Display for Quirk {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Self::EmptyListForObject => "empty array where the contract says object",
            Self::CodeObjectForString => "code object where the contract says string",
            Self::UndeclaredProperty => "property the contract's schema does not declare",
        })
    }
}

/// A quirk found in a value, with its JSON path (`a.b[2].c`, no document values).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub struct QuirkAt {
    /// Where.
    pub path: String,
    /// Which.
    pub quirk: Quirk,
}

/// The four LEFI v9 documents: which tolerated contract quirks a value holds.
///
/// The walk visits a struct's own quirks before those of its children, children in the
/// schema's property order.
///
/// ```
/// use lefi::model::lefi::{ContractQuirks, LefiExternFormansinformationSvar, Quirk};
/// let svar: LefiExternFormansinformationSvar = serde_json::from_str(r#"{"avvikelser":[]}"#)?;
/// let found = svar.quirks();
/// assert_eq!((found[0].path.as_str(), found[0].quirk), ("avvikelser", Quirk::EmptyListForObject));
/// assert!(LefiExternFormansinformationSvar::default().quirks().is_empty());
/// # Ok::<(), serde_json::Error>(())
/// ```
pub trait ContractQuirks {
    /// Every quirk in the value, with its JSON path.
    fn quirks(&self) -> Vec<QuirkAt>;
}

/// The generated walk over a struct that can hold quirks.
pub(crate) trait WalkQuirks {
    /// Adds the quirks of `self` (at `at`) to `out`.
    fn walk_quirks(&self, at: &mut JsonPath, out: &mut Vec<QuirkAt>);
}

impl<T: WalkQuirks> WalkQuirks for Vec<T> {
    fn walk_quirks(&self, at: &mut JsonPath, out: &mut Vec<QuirkAt>) {
        for (index, item) in self.iter().enumerate() {
            let len = at.0.len();
            let _ = write!(at.0, "[{index}]");
            item.walk_quirks(at, out);
            at.0.truncate(len);
        }
    }
}

/// A value whose form can be a quirk.
pub(crate) trait QuirkForm {
    /// The quirk its form is, if any.
    fn quirk(&self) -> Option<Quirk>;
}

/// The JSON path of the value being walked.
#[derive(Debug, Default)]
pub(crate) struct JsonPath(String);

impl JsonPath {
    /// Runs `f` at property `key` of the current value.
    fn at(&mut self, key: &str, f: impl FnOnce(&mut Self)) {
        let len = self.0.len();
        if len > 0 {
            self.0.push('.');
        }
        self.0.push_str(key);
        f(self);
        self.0.truncate(len);
    }

    fn found(&mut self, key: &str, quirk: Quirk, out: &mut Vec<QuirkAt>) {
        self.at(key, |at| {
            out.push(QuirkAt {
                path: at.0.clone(),
                quirk,
            });
        });
    }

    /// A property the schema does not declare, when present.
    pub(crate) fn undeclared<T>(&mut self, key: &str, value: &Option<T>, out: &mut Vec<QuirkAt>) {
        if value.is_some() {
            self.found(key, Quirk::UndeclaredProperty, out);
        }
    }

    /// A property whose form can be a quirk.
    pub(crate) fn form<T: QuirkForm>(
        &mut self,
        key: &str,
        value: &Option<T>,
        out: &mut Vec<QuirkAt>,
    ) {
        if let Some(quirk) = value.as_ref().and_then(QuirkForm::quirk) {
            self.found(key, quirk, out);
        }
    }

    /// A property whose value can hold quirks.
    pub(crate) fn child<T: WalkQuirks>(
        &mut self,
        key: &str,
        value: &Option<T>,
        out: &mut Vec<QuirkAt>,
    ) {
        if let Some(value) = value {
            self.at(key, |at| value.walk_quirks(at, out));
        }
    }

    /// Walks a document from its root.
    pub(crate) fn walk<T: WalkQuirks>(value: &T) -> Vec<QuirkAt> {
        let mut out = Vec::new();
        value.walk_quirks(&mut Self::default(), &mut out);
        out
    }
}

/// An object property the contract's own examples also send as `[]`
/// ([`Quirk::EmptyListForObject`]): the value, and whether it came as `[]`.
///
/// It reads an object or an empty array (anything else is refused), dereferences to the
/// object and encodes as the object (`[]` becomes `{}`). Equality and hashing compare the
/// object only: `[]` and `{}` say the same.
///
/// ```
/// use lefi::model::lefi::{LefiExternFormansinformationAvvikelser, ObjectOrEmptyList};
/// let list: ObjectOrEmptyList<LefiExternFormansinformationAvvikelser> = serde_json::from_str("[]")?;
/// assert!(list.came_as_empty_list());
/// assert_eq!(list, ObjectOrEmptyList::new(Default::default()));
/// assert_eq!(serde_json::to_string(&list)?, "{}");
/// assert!(serde_json::from_str::<ObjectOrEmptyList<LefiExternFormansinformationAvvikelser>>("[1]").is_err());
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, Default)]
pub struct ObjectOrEmptyList<T> {
    value: T,
    empty_list: bool,
}

impl<T> ObjectOrEmptyList<T> {
    /// The object form.
    pub fn new(value: T) -> Self {
        Self {
            value,
            empty_list: false,
        }
    }

    /// The `[]` form (the default object).
    #[must_use]
    pub fn empty_list() -> Self
    where
        T: Default,
    {
        Self {
            value: T::default(),
            empty_list: true,
        }
    }

    /// Whether it came as `[]`.
    #[must_use]
    pub fn came_as_empty_list(&self) -> bool {
        self.empty_list
    }

    /// The object.
    #[must_use]
    pub fn value(&self) -> &T {
        &self.value
    }

    /// The object, owned.
    #[must_use]
    pub fn into_inner(self) -> T {
        self.value
    }
}

impl<T> From<T> for ObjectOrEmptyList<T> {
    fn from(value: T) -> Self {
        Self::new(value)
    }
}

impl<T> Deref for ObjectOrEmptyList<T> {
    type Target = T;

    fn deref(&self) -> &T {
        &self.value
    }
}

impl<T: PartialEq> PartialEq for ObjectOrEmptyList<T> {
    fn eq(&self, other: &Self) -> bool {
        self.value == other.value
    }
}

impl<T: Eq> Eq for ObjectOrEmptyList<T> {}

impl<T: Hash> Hash for ObjectOrEmptyList<T> {
    fn hash<H: Hasher>(&self, state: &mut H) {
        self.value.hash(state);
    }
}

impl<T> QuirkForm for ObjectOrEmptyList<T> {
    fn quirk(&self) -> Option<Quirk> {
        self.empty_list.then_some(Quirk::EmptyListForObject)
    }
}

impl<T: Serialize> Serialize for ObjectOrEmptyList<T> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.value.serialize(serializer)
    }
}

impl<'de, T: Deserialize<'de> + Default> Deserialize<'de> for ObjectOrEmptyList<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(ObjectOrEmptyListVisitor(core::marker::PhantomData))
    }
}

struct ObjectOrEmptyListVisitor<T>(core::marker::PhantomData<T>);

impl<'de, T: Deserialize<'de> + Default> Visitor<'de> for ObjectOrEmptyListVisitor<T> {
    type Value = ObjectOrEmptyList<T>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an object (or, tolerated, an empty array)")
    }

    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Self::Value, A::Error> {
        T::deserialize(MapAccessDeserializer::new(map)).map(ObjectOrEmptyList::new)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
        // read the element as any value (not as an ignored one: it is no unknown property)
        if seq.next_element_seed(AnyValue)?.is_some() {
            return Err(de::Error::custom(
                "invalid type: expected an object (or, tolerated, an empty array)",
            ));
        }
        Ok(ObjectOrEmptyList::empty_list())
    }
}

/// Reads any value and drops it.
struct AnyValue;

impl<'de> de::DeserializeSeed<'de> for AnyValue {
    type Value = ();

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_any(de::IgnoredAny).map(|_| ())
    }
}
