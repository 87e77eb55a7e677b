//! Code lists of LEFI Online, Pensionsmyndigheten's model, Migrationsverket and SSBTEK.
//!
//! Every list is generated from one table by the `code_list!` macro: one row
//! `(code, Variant, "Swedish description")` per value. Each generated type has
//!
//! * `code()` — the wire code (an integer accessor for the integer-coded lists),
//! * `description()` — the Swedish description of the table row,
//! * `parse()` / [`FromStr`](core::str::FromStr) / `TryFrom<&str>` — exact, case-sensitive,
//! * [`Display`](core::fmt::Display) — the wire code,
//! * serde `Serialize`/`Deserialize` through the wire code (borrowed or owned strings,
//!   no allocation for known codes),
//! * `ALL` — every value of the table, in table order.
//!
//! **Closed** lists reject unknown codes with [`ParseCodeError::Unknown`]. **Open** lists
//! (for example [`Beloppstyp`]) keep an unknown code in an `Other(`[`UnknownCode`]`)`
//! variant that round-trips the raw code exactly.
//!
//! ```
//! use lefi::codes::{Beloppstyp, BeloppsKlass, FkFormanGrupp, FormanGrupp};
//!
//! let grupp: FormanGrupp = "FK:SJP".parse()?;
//! assert_eq!(grupp, FormanGrupp::Fk(FkFormanGrupp::Sjp));
//! assert_eq!(grupp.to_string(), "FK:SJP");
//!
//! // Closed lists reject unknown codes ...
//! assert!("FK:NOPE".parse::<FormanGrupp>().is_err());
//! // ... open lists keep them.
//! let typ: Beloppstyp = "X42".parse()?;
//! assert_eq!(typ.code(), "X42");
//! assert_eq!(typ.klass(), BeloppsKlass::Ersattning);
//! # Ok::<(), lefi::codes::ParseCodeError>(())
//! ```

use core::fmt;

/// Generates a code list from a table of `(code, Variant, "Swedish description")` rows.
///
/// Forms:
/// * `closed Name, "list name" { rows }` — string codes, unknown codes rejected;
/// * `open Name, "list name" { rows }` — string codes, unknown codes kept in
///   `Other(UnknownCode)`;
/// * `int Name, "list name", accessor, constructor { rows }` — integer codes (`u32`),
///   serde as a JSON integer.
///
/// A row may carry a fourth element, a note appended to the variant's rustdoc (used to
/// mark inferred meanings).
macro_rules! code_list {
    (
        $(#[$meta:meta])*
        closed $name:ident, $list:literal {
            $( ($code:literal, $variant:ident, $desc:literal $(, $note:tt)? ) ),+ $(,)?
        }
    ) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        #[non_exhaustive]
        pub enum $name {
            $(
                #[doc = concat!("`", $code, "`: ", $desc)]
                $( #[doc = ""] #[doc = code_list!(@note $note)] )?
                $variant,
            )+
        }

        impl $name {
            /// The name of the list, as used in error messages.
            pub const LIST: &'static str = $list;

            /// Every value of the list, in table order.
            pub const ALL: &'static [Self] = &[$(Self::$variant),+];

            /// The wire code.
            #[must_use]
            pub const fn code(&self) -> &'static str {
                match self {
                    $(Self::$variant => $code,)+
                }
            }

            /// The Swedish description of the code.
            #[must_use]
            pub const fn description(&self) -> &'static str {
                match self {
                    $(Self::$variant => $desc,)+
                }
            }

            /// Parses a wire code (exact and case-sensitive); unknown codes are an error.
            ///
            /// # Errors
            /// [`ParseCodeError`](crate::codes::ParseCodeError) when the code is not in
            /// the list.
            pub fn parse(code: &str) -> Result<Self, $crate::codes::ParseCodeError> {
                match code {
                    $($code => Ok(Self::$variant),)+
                    _ => Err($crate::codes::ParseCodeError::unknown($list, code)),
                }
            }
        }

        code_list!(@str_impls $name);
    };

    (
        $(#[$meta:meta])*
        open $name:ident, $list:literal {
            $( ($code:literal, $variant:ident, $desc:literal $(, $note:tt)? ) ),+ $(,)?
        }
    ) => {
        $(#[$meta])*
        #[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
        #[non_exhaustive]
        pub enum $name {
            $(
                #[doc = concat!("`", $code, "`: ", $desc)]
                $( #[doc = ""] #[doc = code_list!(@note $note)] )?
                $variant,
            )+
            /// A code that is not in the table, kept exactly as received.
            ///
            /// Values built by [`parse`](Self::parse) never hold a code of the table here.
            Other($crate::codes::UnknownCode),
        }

        impl $name {
            /// The name of the list, as used in error messages.
            pub const LIST: &'static str = $list;

            /// Every known value of the list, in table order (without `Other`).
            pub const ALL: &'static [Self] = &[$(Self::$variant),+];

            /// The wire code (the raw code for `Other`).
            #[must_use]
            pub fn code(&self) -> &str {
                match self {
                    $(Self::$variant => $code,)+
                    Self::Other(code) => code.as_str(),
                }
            }

            /// The Swedish description of the code (`"Okänd kod"` for `Other`).
            #[must_use]
            pub const fn description(&self) -> &'static str {
                match self {
                    $(Self::$variant => $desc,)+
                    Self::Other(_) => $crate::codes::UNKNOWN_DESCRIPTION,
                }
            }

            /// Whether the code is in the table.
            #[must_use]
            pub const fn is_known(&self) -> bool {
                !matches!(self, Self::Other(_))
            }

            /// Parses a wire code (exact and case-sensitive); a code not in the table
            /// becomes `Other`.
            ///
            /// # Errors
            /// [`ParseCodeError::Invalid`](crate::codes::ParseCodeError::Invalid) when an
            /// unknown code is empty, too long or contains control characters.
            pub fn parse(code: &str) -> Result<Self, $crate::codes::ParseCodeError> {
                match code {
                    $($code => Ok(Self::$variant),)+
                    _ => $crate::codes::UnknownCode::new(code)
                        .map(Self::Other)
                        .map_err(|reason| $crate::codes::ParseCodeError::Invalid {
                            list: $list,
                            reason,
                        }),
                }
            }
        }

        code_list!(@str_impls $name);
    };

    (
        $(#[$meta:meta])*
        int $name:ident, $list:literal, $get:ident, $from:ident {
            $( ($code:literal, $variant:ident, $desc:literal $(, $note:tt)? ) ),+ $(,)?
        }
    ) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        #[non_exhaustive]
        pub enum $name {
            $(
                #[doc = concat!("`", $code, "`: ", $desc)]
                $( #[doc = ""] #[doc = code_list!(@note $note)] )?
                $variant,
            )+
        }

        impl $name {
            /// The name of the list, as used in error messages.
            pub const LIST: &'static str = $list;

            /// Every value of the list, in table order.
            pub const ALL: &'static [Self] = &[$(Self::$variant),+];

            /// The integer wire code.
            #[must_use]
            pub const fn $get(&self) -> u32 {
                match self {
                    $(Self::$variant => $code,)+
                }
            }

            /// The Swedish description of the code.
            #[must_use]
            pub const fn description(&self) -> &'static str {
                match self {
                    $(Self::$variant => $desc,)+
                }
            }

            /// Looks up an integer wire code.
            ///
            /// # Errors
            /// [`ParseCodeError::Unknown`](crate::codes::ParseCodeError::Unknown) when the
            /// code is not in the list.
            pub fn $from(code: u32) -> Result<Self, $crate::codes::ParseCodeError> {
                match code {
                    $($code => Ok(Self::$variant),)+
                    _ => Err($crate::codes::ParseCodeError::unknown_int($list, code)),
                }
            }

            /// Parses the decimal text form of the code (ASCII digits only, no sign, no
            /// leading zeros).
            ///
            /// # Errors
            /// [`ParseCodeError`](crate::codes::ParseCodeError) when the text is not a
            /// code of the list.
            pub fn parse(text: &str) -> Result<Self, $crate::codes::ParseCodeError> {
                match $crate::codes::parse_int_code(text) {
                    Some(code) => Self::$from(code),
                    None => Err($crate::codes::ParseCodeError::unknown($list, text)),
                }
            }
        }

        impl ::core::fmt::Display for $name {
            fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                ::core::fmt::Display::fmt(&self.$get(), f)
            }
        }

        impl ::core::str::FromStr for $name {
            type Err = $crate::codes::ParseCodeError;
            fn from_str(s: &str) -> Result<Self, Self::Err> {
                Self::parse(s)
            }
        }

        impl ::core::convert::TryFrom<&str> for $name {
            type Error = $crate::codes::ParseCodeError;
            fn try_from(s: &str) -> Result<Self, Self::Error> {
                Self::parse(s)
            }
        }

        impl ::core::convert::TryFrom<u32> for $name {
            type Error = $crate::codes::ParseCodeError;
            fn try_from(code: u32) -> Result<Self, Self::Error> {
                Self::$from(code)
            }
        }

        impl ::serde::Serialize for $name {
            fn serialize<S: ::serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.serialize_u32(self.$get())
            }
        }

        impl<'de> ::serde::Deserialize<'de> for $name {
            fn deserialize<D: ::serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                deserializer.deserialize_u32($crate::codes::IntCodeVisitor::new($list, Self::$from))
            }
        }
    };

    (@note inferred) => {
        "Meaning **inferred** (DOMAIN §4); the contract does not describe this code."
    };
    (@note inferred_weak) => {
        "Meaning **weakly inferred** (DOMAIN §4); the contract does not describe this code \
         and no response field clearly matches it."
    };
    (@note $note:literal) => {
        $note
    };

    (@str_impls $name:ident) => {
        impl ::core::fmt::Display for $name {
            fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                f.write_str(self.code())
            }
        }

        impl ::core::str::FromStr for $name {
            type Err = $crate::codes::ParseCodeError;
            fn from_str(s: &str) -> Result<Self, Self::Err> {
                Self::parse(s)
            }
        }

        impl ::core::convert::TryFrom<&str> for $name {
            type Error = $crate::codes::ParseCodeError;
            fn try_from(s: &str) -> Result<Self, Self::Error> {
                Self::parse(s)
            }
        }

        impl ::serde::Serialize for $name {
            fn serialize<S: ::serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.serialize_str(self.code())
            }
        }

        impl<'de> ::serde::Deserialize<'de> for $name {
            fn deserialize<D: ::serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                deserializer.deserialize_str($crate::codes::StrCodeVisitor::new(Self::LIST, Self::parse))
            }
        }
    };
}

mod beslut;
mod csn;
mod formansgrupp;
mod miv;
mod ovrig_information;
mod pm;
mod ssbtek;
mod status;
mod utbetalning;

pub use beslut::{
    FkBeslutstatus, FkBeslutstyp, FkBeslutsutfall, MekBeslutsutfall, OmvBeslutsutfall, Periodicitet,
};
pub use csn::{
    CsnArendestatus, CsnBeloppstyp, CsnPersonstatus, CsnSekel, CsnSoktlan, CsnStodform, CsnTakt,
    CsnUtbetalningsstatus,
};
pub use formansgrupp::{FkFormanGrupp, FormanGrupp, PmFormanGrupp};
pub use miv::{Giltighetstid, MivArendetyp, MivBeslutskod, MivBeslutstyp};
pub use ovrig_information::{OvrigInformationTyp, PmOvrigInformationTyp, SgiTyp};
pub use pm::{
    PmAvdragTyp, PmBeloppFrekvens, PmBeloppTyp, PmBeslutStatus, PmBeslutUtfall, PmCivilstand,
    PmErsattningTyp, PmKontoHandelseTyp, PmKontoTransaktionTyp, PmLevnadsintygStatus,
    PmPensionKontoTyp, PmSamordningTyp, PmUtbetalningForman,
};
pub use ssbtek::Kalla;
pub use status::{AvvikelseKod, TillstandKod, UtlamnareKod};
pub use utbetalning::{
    BeloppsKlass, Beloppstyp, Foretag, PRELIMINAR_BELOPPSTYP_BESKRIVNINGAR,
    PRELIMINAR_FORMAN_DELFORMAN, PreliminarDelforman, PreliminarForman, Utbetalningstyp,
};

/// The description an open list gives a code that is not in its table.
pub const UNKNOWN_DESCRIPTION: &str = "Okänd kod";

/// The longest code, in bytes, that [`UnknownCode`] accepts.
pub const MAX_CODE_LEN: usize = 64;

/// A code that is not in a list's table, kept exactly as received.
///
/// Validated: not empty, at most [`MAX_CODE_LEN`] bytes, no control characters. Codes are
/// not personal data, so `Debug` and `Display` show the code.
///
/// ```
/// use lefi::codes::UnknownCode;
///
/// let code = UnknownCode::new("P99")?;
/// assert_eq!(code.as_str(), "P99");
/// assert!(UnknownCode::new("").is_err());
/// assert!(UnknownCode::new("A\nB").is_err());
/// # Ok::<(), lefi::codes::InvalidCodeError>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct UnknownCode(Box<str>);

impl UnknownCode {
    /// Validates and stores a raw code.
    ///
    /// # Errors
    /// [`InvalidCodeError`] when the code is empty, longer than [`MAX_CODE_LEN`] bytes or
    /// contains a control character.
    pub fn new(code: &str) -> Result<Self, InvalidCodeError> {
        if code.is_empty() {
            return Err(InvalidCodeError::Empty);
        }
        if code.len() > MAX_CODE_LEN {
            return Err(InvalidCodeError::TooLong { max: MAX_CODE_LEN });
        }
        if code.chars().any(char::is_control) {
            return Err(InvalidCodeError::ControlCharacter);
        }
        Ok(Self(code.into()))
    }

    /// The raw code.
    ///
    /// ```
    /// # use lefi::codes::UnknownCode;
    /// assert_eq!(UnknownCode::new("ÅX")?.as_str(), "ÅX");
    /// # Ok::<(), lefi::codes::InvalidCodeError>(())
    /// ```
    #[must_use]
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for UnknownCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl core::str::FromStr for UnknownCode {
    type Err = InvalidCodeError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Self::new(s)
    }
}

impl TryFrom<&str> for UnknownCode {
    type Error = InvalidCodeError;
    fn try_from(s: &str) -> Result<Self, Self::Error> {
        Self::new(s)
    }
}

impl AsRef<str> for UnknownCode {
    fn as_ref(&self) -> &str {
        &self.0
    }
}

impl serde::Serialize for UnknownCode {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.0)
    }
}

impl<'de> serde::Deserialize<'de> for UnknownCode {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_str(StrCodeVisitor::new("code", parse_unknown_code))
    }
}

fn parse_unknown_code(code: &str) -> Result<UnknownCode, ParseCodeError> {
    UnknownCode::new(code).map_err(|reason| ParseCodeError::Invalid {
        list: "code",
        reason,
    })
}

/// Why a raw code was rejected.
///
/// ```
/// use lefi::codes::{InvalidCodeError, UnknownCode};
/// assert_eq!(UnknownCode::new(""), Err(InvalidCodeError::Empty));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, thiserror::Error)]
#[non_exhaustive]
pub enum InvalidCodeError {
    /// The code is empty.
    #[error("empty code")]
    Empty,
    /// The code is longer than allowed.
    #[error("code longer than {max} bytes")]
    TooLong {
        /// The maximum length in bytes.
        max: usize,
    },
    /// The code contains a control character.
    #[error("control character in code")]
    ControlCharacter,
}

/// A code that could not be parsed into a code list.
///
/// Codes are not personal data, so the message names the list and the code.
///
/// ```
/// use lefi::codes::{ParseCodeError, TillstandKod};
///
/// let err = "NEJ".parse::<TillstandKod>().unwrap_err();
/// assert!(matches!(err, ParseCodeError::Unknown { list: "LefiTillstandKod", .. }));
/// assert_eq!(err.to_string(), "unknown LefiTillstandKod code \"NEJ\"");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, thiserror::Error)]
#[non_exhaustive]
pub enum ParseCodeError {
    /// The code is well formed but not in the (closed) list.
    #[error("unknown {list} code {:?}", code.as_str())]
    Unknown {
        /// The list's name.
        list: &'static str,
        /// The code that was found.
        code: UnknownCode,
    },
    /// The code is not even a well-formed code (empty, too long, control characters).
    #[error("invalid {list} code")]
    Invalid {
        /// The list's name.
        list: &'static str,
        /// Why the code was rejected.
        #[source]
        reason: InvalidCodeError,
    },
}

impl ParseCodeError {
    /// The list the code was parsed for.
    ///
    /// ```
    /// use lefi::codes::Kalla;
    /// assert_eq!("X".parse::<Kalla>().unwrap_err().list(), "KallaEnum");
    /// ```
    #[must_use]
    pub fn list(&self) -> &'static str {
        match self {
            Self::Unknown { list, .. } | Self::Invalid { list, .. } => list,
        }
    }

    pub(crate) fn unknown(list: &'static str, code: &str) -> Self {
        match UnknownCode::new(code) {
            Ok(code) => Self::Unknown { list, code },
            Err(reason) => Self::Invalid { list, reason },
        }
    }

    pub(crate) fn unknown_int(list: &'static str, code: u32) -> Self {
        Self::Unknown {
            list,
            code: UnknownCode(code.to_string().into_boxed_str()),
        }
    }
}

/// Parses canonical ASCII decimal digits (no sign, no whitespace, no leading zero, at
/// most 10 digits) into a `u32`, so that the text form round-trips exactly.
pub(crate) fn parse_int_code(text: &str) -> Option<u32> {
    if text.is_empty() || text.len() > 10 || !text.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    if text.len() > 1 && text.starts_with('0') {
        return None;
    }
    text.parse().ok()
}

/// serde visitor for string codes: accepts borrowed and owned strings without allocating.
pub(crate) struct StrCodeVisitor<F> {
    list: &'static str,
    parse: F,
}

impl<F> StrCodeVisitor<F> {
    pub(crate) const fn new(list: &'static str, parse: F) -> Self {
        Self { list, parse }
    }
}

impl<T, F> serde::de::Visitor<'_> for StrCodeVisitor<F>
where
    F: FnOnce(&str) -> Result<T, ParseCodeError>,
{
    type Value = T;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "a {} code string", self.list)
    }

    fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<T, E> {
        (self.parse)(v).map_err(E::custom)
    }
}

/// serde visitor for integer codes.
pub(crate) struct IntCodeVisitor<F> {
    list: &'static str,
    from: F,
}

impl<F> IntCodeVisitor<F> {
    pub(crate) const fn new(list: &'static str, from: F) -> Self {
        Self { list, from }
    }
}

impl<T, F> serde::de::Visitor<'_> for IntCodeVisitor<F>
where
    F: FnOnce(u32) -> Result<T, ParseCodeError>,
{
    type Value = T;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "a {} integer code", self.list)
    }

    fn visit_u64<E: serde::de::Error>(self, v: u64) -> Result<T, E> {
        match u32::try_from(v) {
            Ok(code) => (self.from)(code).map_err(E::custom),
            Err(_) => Err(E::invalid_value(serde::de::Unexpected::Unsigned(v), &self)),
        }
    }

    fn visit_i64<E: serde::de::Error>(self, v: i64) -> Result<T, E> {
        match u32::try_from(v) {
            Ok(code) => (self.from)(code).map_err(E::custom),
            Err(_) => Err(E::invalid_value(serde::de::Unexpected::Signed(v), &self)),
        }
    }
}
