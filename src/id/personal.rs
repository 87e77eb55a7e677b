//! How the personal-data types mark themselves in serde.
//!
//! [`Personnummer`](super::Personnummer), [`Personidentitet`](super::Personidentitet),
//! [`Organisationsnummer`](super::Organisationsnummer) and [`Sensitive`](super::Sensitive)
//! serialise their wire string through `serialize_newtype_struct` with a reserved name
//! (`$lefi::Identity`, `$lefi::Text`). serde_json, its `Value` and every serializer that
//! treats a newtype struct as its content (as serde's data model intends) write just the
//! string, byte for byte what `serialize_str` would write; the redacting serializer of
//! [`crate::legal::redacted`] recognises the name and masks the string. So a type is
//! recognised by what it says about itself, never by its Rust type name.

use serde::Serializer;

/// The kind of personal data a marked value is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Personal {
    /// An identity number of a person (personnummer, samordningsnummer).
    Identity,
    /// Other personal data: a name, an address, free text about a person, an organisation
    /// number (a sole trader's is a personnummer).
    Text,
    /// A date of a person's life (birth, death), of which a redacted view keeps the year.
    Year,
}

impl Personal {
    /// The newtype-struct name of the marker; `$` keeps it out of any Rust identifier.
    const fn marker(self) -> &'static str {
        match self {
            Self::Identity => "$lefi::Identity",
            Self::Text => "$lefi::Text",
            Self::Year => "$lefi::Year",
        }
    }

    /// The kind a newtype-struct name marks, if it is one of the reserved names.
    pub(crate) fn from_marker(name: &str) -> Option<Self> {
        [Self::Identity, Self::Text, Self::Year]
            .into_iter()
            .find(|kind| kind.marker() == name)
    }

    /// Serialises `value` (the wire string) marked as this kind.
    pub(crate) fn serialize<S: Serializer>(
        self,
        value: &str,
        serializer: S,
    ) -> Result<S::Ok, S::Error> {
        serializer.serialize_newtype_struct(self.marker(), value)
    }
}

/// Strings of the generated model that hold personal data without a type of their own
/// (the generator's `PERSONAL_FIELDS`): a string, optionally or as a list, each marked.
pub(crate) trait MarkedStrings {
    /// Serialises the value with each string marked as `kind`.
    fn serialize_marked<S: Serializer>(
        &self,
        kind: Personal,
        serializer: S,
    ) -> Result<S::Ok, S::Error>;
}

impl MarkedStrings for crate::text::Text {
    fn serialize_marked<S: Serializer>(
        &self,
        kind: Personal,
        serializer: S,
    ) -> Result<S::Ok, S::Error> {
        kind.serialize(self, serializer)
    }
}

impl<T: MarkedStrings> MarkedStrings for Option<T> {
    fn serialize_marked<S: Serializer>(
        &self,
        kind: Personal,
        serializer: S,
    ) -> Result<S::Ok, S::Error> {
        match self {
            Some(value) => serializer.serialize_some(&Marked(kind, value)),
            None => serializer.serialize_none(),
        }
    }
}

impl<T: MarkedStrings> MarkedStrings for Vec<T> {
    fn serialize_marked<S: Serializer>(
        &self,
        kind: Personal,
        serializer: S,
    ) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(self.iter().map(|value| Marked(kind, value)))
    }
}

/// One value serialised marked.
struct Marked<'a, T>(Personal, &'a T);

impl<T: MarkedStrings> serde::Serialize for Marked<'_, T> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.1.serialize_marked(self.0, serializer)
    }
}

/// `serialize_with` of a generated property holding a person's identity number.
pub(crate) fn identity<T: MarkedStrings, S: Serializer>(
    value: &T,
    serializer: S,
) -> Result<S::Ok, S::Error> {
    value.serialize_marked(Personal::Identity, serializer)
}

/// `serialize_with` of a generated property holding a date of a person's life.
pub(crate) fn year<T: MarkedStrings, S: Serializer>(
    value: &T,
    serializer: S,
) -> Result<S::Ok, S::Error> {
    value.serialize_marked(Personal::Year, serializer)
}

/// `serialize_with` of a generated property holding free text about a person.
pub(crate) fn text<T: MarkedStrings, S: Serializer>(
    value: &T,
    serializer: S,
) -> Result<S::Ok, S::Error> {
    value.serialize_marked(Personal::Text, serializer)
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]

    use super::Personal;
    use crate::id::{Organisationsnummer, Personidentitet, Personnummer, Sensitive};

    #[test]
    fn markers_round_trip_and_nothing_else_is_one() {
        for kind in [Personal::Identity, Personal::Text, Personal::Year] {
            assert_eq!(Personal::from_marker(kind.marker()), Some(kind));
        }
        assert_eq!(Personal::from_marker("Identity"), None);
        assert_eq!(Personal::from_marker("Personnummer"), None);
    }

    /// serde_json writes the marked types exactly as it writes their string.
    #[test]
    fn serde_json_sees_only_the_string() {
        let pnr = Personnummer::parse("191212121212").unwrap();
        let pid = Personidentitet::parse("1212121212").unwrap();
        let org = Organisationsnummer::parse("556677-8899").unwrap();
        let name = Sensitive::new("Tolvan \"T\" Tolvansson");
        let got = serde_json::to_string(&(&pnr, &pid, &org, &name)).unwrap();
        let want = serde_json::to_string(&(
            pnr.expose_digits(),
            pid.expose(),
            org.expose_digits(),
            name.expose(),
        ))
        .unwrap();
        assert_eq!(got, want);
        let value = serde_json::to_value(pnr).unwrap();
        assert_eq!(value, serde_json::Value::from("191212121212"));
        let map: std::collections::BTreeMap<Sensitive, u8> = [(name.clone(), 1)].into();
        assert_eq!(
            serde_json::to_string(&map).unwrap(),
            r#"{"Tolvan \"T\" Tolvansson":1}"#
        );
    }
}
