//! Pins the trait implementations of the value types (so that a change is a visible,
//! deliberate API change), including the traits that must *not* be there because they would
//! let personal data escape unredacted.
#![allow(clippy::unwrap_used)]

use std::fmt::{Debug, Display};
use std::hash::Hash;
use std::str::FromStr;

use lefi::id::{
    Organisationsnummer, ParseOrganisationsnummerError, ParsePersonidentitetError,
    ParsePersonnummerError, Personidentitet, Personnummer, Sensitive,
};
use lefi::money::{Belopp, BeloppError, ParseAmountError, ParseValutaError, Valuta};
use lefi::period::{
    FranTill, ParsePartialDateError, ParseXsdDateError, PartialDate, Period, PeriodError, XsdDate,
    XsdTimezone,
};
use serde::Serialize;
use serde::de::DeserializeOwned;
use static_assertions::{assert_impl_all, assert_not_impl_any};

// Identity numbers: small Copy values, parse from text, serde through the parser.
assert_impl_all!(Personnummer: Send, Sync, Copy, Clone, Eq, Hash, Ord, Debug, Display, FromStr, Serialize, DeserializeOwned);
assert_impl_all!(Personidentitet: Send, Sync, Copy, Clone, Eq, Hash, Ord, Debug, Display, FromStr, Serialize, DeserializeOwned);
assert_impl_all!(Organisationsnummer: Send, Sync, Copy, Clone, Eq, Hash, Ord, Debug, Display, FromStr, Serialize, DeserializeOwned);
assert_impl_all!(Sensitive: Send, Sync, Clone, Eq, Hash, Debug, Display, Serialize, DeserializeOwned, From<String>);
assert_impl_all!(Personnummer: TryFrom<Personidentitet>, TryFrom<&'static str>);
assert_impl_all!(Personidentitet: From<Personnummer>);

// No way to reach the raw digits except the named `expose*` accessors.
assert_not_impl_any!(Personnummer: AsRef<str>, std::ops::Deref, Default);
assert_not_impl_any!(Personidentitet: AsRef<str>, std::ops::Deref, Default);
assert_not_impl_any!(Organisationsnummer: AsRef<str>, std::ops::Deref, Default);
assert_not_impl_any!(Sensitive: AsRef<str>, std::ops::Deref, std::borrow::Borrow<str>);

// Money and periods.
assert_impl_all!(Valuta: Send, Sync, Copy, Clone, Eq, Hash, Ord, Debug, Display, FromStr, Serialize, DeserializeOwned, Default);
assert_impl_all!(Belopp: Send, Sync, Copy, Clone, Eq, Hash, Debug, Display, Serialize, DeserializeOwned);
assert_not_impl_any!(Belopp: Default, std::ops::Add<Belopp>);
assert_impl_all!(Period: Send, Sync, Copy, Clone, Eq, Hash, Ord, Debug, Display, Serialize, DeserializeOwned);
assert_impl_all!(PartialDate: Send, Sync, Copy, Clone, Eq, Hash, Debug, Display, FromStr, Serialize, DeserializeOwned);
assert_impl_all!(FranTill: Send, Sync, Copy, Clone, Eq, Hash, Debug, Default, Serialize, DeserializeOwned);
assert_impl_all!(XsdDate: Send, Sync, Copy, Clone, Eq, Hash, Debug, Display, FromStr, Serialize, DeserializeOwned);
assert_impl_all!(XsdTimezone: Send, Sync, Copy, Clone, Eq, Hash, Debug, Display);

// Errors: small, comparable, thread-safe, real `Error`s.
assert_impl_all!(ParsePersonnummerError: Send, Sync, Copy, Clone, Eq, Hash, std::error::Error);
assert_impl_all!(ParsePersonidentitetError: Send, Sync, Copy, Clone, Eq, Hash, std::error::Error);
assert_impl_all!(ParseOrganisationsnummerError: Send, Sync, Copy, Clone, Eq, Hash, std::error::Error);
assert_impl_all!(ParseValutaError: Send, Sync, Copy, Clone, Eq, Hash, std::error::Error);
assert_impl_all!(ParseAmountError: Send, Sync, Copy, Clone, Eq, Hash, std::error::Error);
assert_impl_all!(BeloppError: Send, Sync, Copy, Clone, Eq, Hash, std::error::Error);
assert_impl_all!(PeriodError: Send, Sync, Copy, Clone, Eq, Hash, std::error::Error);
assert_impl_all!(ParsePartialDateError: Send, Sync, Copy, Clone, Eq, Hash, std::error::Error);
assert_impl_all!(ParseXsdDateError: Send, Sync, Copy, Clone, Eq, Hash, std::error::Error);

#[test]
fn value_types_stay_small() {
    assert!(std::mem::size_of::<Personnummer>() <= 16);
    assert!(std::mem::size_of::<Personidentitet>() <= 16);
    assert!(std::mem::size_of::<Organisationsnummer>() <= 10);
    assert!(std::mem::size_of::<ParsePersonnummerError>() == 1);
}

#[test]
fn error_messages_are_lowercase_without_trailing_period() {
    let messages = [
        ParsePersonnummerError::Format.to_string(),
        ParsePersonnummerError::Date.to_string(),
        ParsePersonnummerError::CheckDigit.to_string(),
        ParsePersonnummerError::NeedsReference.to_string(),
        ParsePersonidentitetError::Length.to_string(),
        ParsePersonidentitetError::NonDigit.to_string(),
        ParseOrganisationsnummerError::Format.to_string(),
        ParseOrganisationsnummerError::GroupNumber.to_string(),
        ParseOrganisationsnummerError::CheckDigit.to_string(),
        ParseValutaError.to_string(),
        ParseAmountError::Empty.to_string(),
        ParseAmountError::NotFinite.to_string(),
        ParseAmountError::Syntax.to_string(),
        ParseAmountError::OutOfRange.to_string(),
        ParseAmountError::TooPrecise.to_string(),
        BeloppError::CurrencyMismatch.to_string(),
        BeloppError::Overflow.to_string(),
        PeriodError::Reversed.to_string(),
        ParsePartialDateError::Format.to_string(),
        ParsePartialDateError::Month.to_string(),
        ParsePartialDateError::Date.to_string(),
        ParseXsdDateError::Format.to_string(),
        ParseXsdDateError::Date.to_string(),
        ParseXsdDateError::Timezone.to_string(),
    ];
    for m in messages {
        let first = m.chars().next().unwrap();
        assert!(first.is_lowercase(), "{m:?}");
        assert!(!m.ends_with('.'), "{m:?}");
    }
}
