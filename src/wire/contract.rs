//! The contract every codec follows: the same entry points (`from_slice`, `from_reader`,
//! `decode_with(input, &settings)`, `decode_any`, `to_vec`, `to_writer`), one
//! [`DecodeSettings`] with one [`DecodeLimits`] and one [`UnknownContent`] policy, one
//! [`Decoded`] result carrying the value, its version and [`Warning`]s, and one
//! [`Position`] in errors and warnings.

use core::fmt;

use crate::input::DecodeLimits;

use crate::model::lefi::Quirk;
use crate::model::ssbtek::Agency;

/// What a decoder does with content its model does not define: a JSON property, an XML
/// element, and in SSBTEK an agency block that cannot be decoded as its type.
///
/// ```
/// use lefi::wire::UnknownContent;
/// assert_eq!(UnknownContent::default(), UnknownContent::Warn);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
#[non_exhaustive]
pub enum UnknownContent {
    /// Accept it and report each occurrence as a [`Warning`] (kept where the model keeps
    /// it, ignored where it cannot).
    #[default]
    Warn,
    /// Refuse the document.
    Deny,
    /// Accept it without reporting.
    Ignore,
}

/// How to decode, the same for every codec.
///
/// `new()`/`default()`: [`DecodeLimits::default`], unknown content warned about, the
/// deviations the LEFI contract's own examples show tolerated. `strict()`: unknown content
/// and those deviations refused.
///
/// ```
/// use lefi::wire::{DecodeSettings, UnknownContent};
/// let s = DecodeSettings::strict();
/// assert_eq!(s.unknown, UnknownContent::Deny);
/// assert!(!s.tolerate_quirks);
/// let s = DecodeSettings::new().with_limits(s.limits.with_max_depth(10));
/// assert_eq!(s.limits.max_depth(), 10);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub struct DecodeSettings {
    /// Size and nesting limits.
    pub limits: DecodeLimits,
    /// Content the model does not define.
    pub unknown: UnknownContent,
    /// Accept the deviations from the LEFI v9 contract that its own examples show (see
    /// [`Quirk`](crate::model::lefi::Quirk)); reported as warnings.
    pub tolerate_quirks: bool,
}

impl Default for DecodeSettings {
    fn default() -> Self {
        Self::new()
    }
}

impl DecodeSettings {
    /// The defaults.
    #[must_use]
    pub const fn new() -> Self {
        Self {
            limits: DecodeLimits::new(),
            unknown: UnknownContent::Warn,
            tolerate_quirks: true,
        }
    }

    /// Refuse anything not understood.
    #[must_use]
    pub const fn strict() -> Self {
        Self {
            limits: DecodeLimits::new(),
            unknown: UnknownContent::Deny,
            tolerate_quirks: false,
        }
    }

    /// These settings with other limits.
    #[must_use]
    pub const fn with_limits(mut self, limits: DecodeLimits) -> Self {
        self.limits = limits;
        self
    }

    /// These settings with another unknown-content policy.
    #[must_use]
    pub const fn with_unknown(mut self, unknown: UnknownContent) -> Self {
        self.unknown = unknown;
        self
    }
}

/// A decoded document: the value, the version it was written in, and what the decoder
/// noticed without refusing it.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct Decoded<T, V> {
    /// The document.
    pub value: T,
    /// Its version.
    pub version: V,
    /// In document order.
    pub warnings: Vec<Warning>,
}

impl<T, V> Decoded<T, V> {
    /// A decoded value.
    pub fn new(value: T, version: V, warnings: Vec<Warning>) -> Self {
        Self {
            value,
            version,
            warnings,
        }
    }

    /// The same result with the value mapped.
    pub fn map<U>(self, f: impl FnOnce(T) -> U) -> Decoded<U, V> {
        Decoded {
            value: f(self.value),
            version: self.version,
            warnings: self.warnings,
        }
    }
}

/// Something a decoder noticed and did not refuse (under [`UnknownContent::Warn`] and
/// tolerated quirks); with [`DecodeSettings::strict`] each of these refuses the document.
/// Paths and messages never contain document values.
///
/// ```
/// use lefi::wire::{Warning, WarningKind};
/// let w = Warning::new("utlamnare[0].nytt", WarningKind::UnknownProperty { kept: false });
/// assert_eq!(w.to_string(), "utlamnare[0].nytt: property not defined by the contract, ignored");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub struct Warning {
    /// The SSBTEK agency the warning concerns, if any.
    pub agency: Option<Agency>,
    /// Where: a JSON path (`a.b[2].c`), an element path (`/a/b`), or in SSBTEK the element
    /// path and, inside a payload, its JSON path.
    pub path: String,
    /// What happened.
    pub kind: WarningKind,
}

impl Warning {
    /// A warning at `path`.
    pub fn new(path: impl Into<String>, kind: WarningKind) -> Self {
        Self {
            agency: None,
            path: path.into(),
            kind,
        }
    }

    /// The same warning, about an SSBTEK agency's block.
    #[must_use]
    pub fn in_agency(mut self, agency: Agency) -> Self {
        self.agency = Some(agency);
        self
    }
}

/// What a [`Warning`] reports.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum WarningKind {
    /// A JSON property the model does not define; `kept` says whether the value holds it
    /// (else only the bytes as received do, if anything).
    UnknownProperty {
        /// Whether the decoded value keeps it.
        kept: bool,
    },
    /// An XML element the model or version does not define, kept.
    UnknownElement,
    /// A deviation from the LEFI v9 contract that its own examples show, tolerated.
    ContractQuirk {
        /// Which.
        quirk: Quirk,
    },
    /// An SSBTEK block that cannot be decoded as its type, kept as received.
    Undecodable {
        /// Why (no document values).
        message: String,
    },
    /// A payload whose shape is not known yet, kept exactly but not typed.
    Untyped,
}

impl fmt::Display for Warning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let Some(agency) = self.agency {
            write!(f, "{agency}: ")?;
        }
        write!(f, "{}: ", self.path)?;
        match &self.kind {
            WarningKind::UnknownProperty { kept: true } => {
                f.write_str("property not defined by the typed model, kept")
            }
            WarningKind::UnknownProperty { kept: false } => {
                f.write_str("property not defined by the contract, ignored")
            }
            WarningKind::UnknownElement => f.write_str("element not defined by the contract, kept"),
            WarningKind::ContractQuirk { quirk } => write!(f, "{quirk}, tolerated"),
            WarningKind::Undecodable { message } => {
                write!(f, "cannot be decoded ({message}); kept as received")
            }
            WarningKind::Untyped => f.write_str("shape not known yet, kept untyped"),
        }
    }
}
