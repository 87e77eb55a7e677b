//! The contract every codec follows: the same entry points (`from_slice`, `from_reader`,
//! `decode_with(input, &settings)`, `decode_any`, `to_vec`, `to_writer`), one
//! [`DecodeSettings`] with one [`DecodeLimits`] and one [`UnknownContent`] policy, one
//! [`Decoded`] result carrying the value, its version and [`Warning`]s, and one
//! [`Position`] in errors and warnings.

use core::fmt;

use crate::input::DecodeLimits;

use crate::model::lefi::Quirk;
use crate::model::ssbtek::Agency;
use crate::xml::XmlFragment;

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

/// A decoded document: the value, the version it was written in, what the decoder
/// noticed without refusing it, and what it kept that the value has no place for.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct Decoded<T, V> {
    /// The document.
    pub value: T,
    /// Its version.
    pub version: V,
    /// In document order.
    pub warnings: Vec<Warning>,
    /// Elements accepted under [`UnknownContent::Warn`] that the value has no place for,
    /// kept as received, in document order (each also has its
    /// [`WarningKind::UnknownElement`] warning). Codecs whose model keeps unknown content
    /// itself (SSBTEK's `other` and `extra`) leave this empty.
    pub kept: Vec<KeptElement>,
}

impl<T, V> Decoded<T, V> {
    /// A decoded value, with nothing kept beside it.
    pub fn new(value: T, version: V, warnings: Vec<Warning>) -> Self {
        Self {
            value,
            version,
            warnings,
            kept: Vec::new(),
        }
    }

    /// The same result with these elements kept beside the value.
    #[must_use]
    pub fn with_kept(mut self, kept: Vec<KeptElement>) -> Self {
        self.kept = kept;
        self
    }

    /// The same result with the value mapped.
    pub fn map<U>(self, f: impl FnOnce(T) -> U) -> Decoded<U, V> {
        Decoded {
            value: f(self.value),
            version: self.version,
            warnings: self.warnings,
            kept: self.kept,
        }
    }
}

/// An element the decoded value has no place for (for example one the document's version
/// does not define), kept as received: see [`Decoded::kept`].
///
/// ```
/// use lefi::wire::KeptElement;
/// use lefi::xml::{DecodeLimits, XmlDocument};
/// let element = XmlDocument::parse(b"<nytt>1</nytt>", &DecodeLimits::default())?.root().clone();
/// let kept = KeptElement::new("/a/nytt", element);
/// assert_eq!(kept.element.text(), "1");
/// # Ok::<(), lefi::xml::XmlError>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub struct KeptElement {
    /// Element path (local names), as in the element's [`Warning`].
    pub path: String,
    /// The element with its content (its `Debug` redacts text).
    pub element: XmlFragment,
}

impl KeptElement {
    /// An element kept at `path`.
    pub fn new(path: impl Into<String>, element: XmlFragment) -> Self {
        Self {
            path: path.into(),
            element,
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

/// What a lossy encoder left out because the target version cannot carry it: a property
/// path (JSON names, without indices), the code when a list item was left out for its code,
/// and how many values. Lossy encoders return one per (path, code), in the order first met;
/// `convert` builds its loss report from them.
///
/// ```
/// use lefi::wire::Dropped;
/// let dropped = Dropped::new("formansinformation", Some("FK:FSJP"), 2);
/// assert_eq!(dropped.to_string(), "formansinformation [FK:FSJP]: 2 dropped");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, serde::Serialize)]
#[non_exhaustive]
pub struct Dropped {
    /// `formansinformation.forebyggandeSjukpenningsarende`, `ansprak`, …
    pub path: String,
    /// The code that the target version does not allow (`FK:FSJP`, `PM:AP`), if any.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub code: Option<String>,
    /// Number of values left out (array elements, or 1).
    pub count: usize,
}

impl Dropped {
    /// `count` values left out at `path`.
    pub fn new(path: impl Into<String>, code: Option<&str>, count: usize) -> Self {
        Self {
            path: path.into(),
            code: code.map(str::to_owned),
            count,
        }
    }

    /// Adds `count` values left out at `path` to `list`, merged with an earlier entry for
    /// the same path and code.
    ///
    /// ```
    /// use lefi::wire::Dropped;
    /// let mut list = Vec::new();
    /// Dropped::record(&mut list, "ansprak", None, 2);
    /// Dropped::record(&mut list, "ansprak", None, 1);
    /// assert_eq!(list, [Dropped::new("ansprak", None, 3)]);
    /// ```
    pub fn record(list: &mut Vec<Self>, path: impl Into<String>, code: Option<&str>, count: usize) {
        let path = path.into();
        match list
            .iter_mut()
            .find(|d| d.path == path && d.code.as_deref() == code)
        {
            Some(earlier) => earlier.count += count,
            None => list.push(Self::new(path, code, count)),
        }
    }
}

impl fmt::Display for Dropped {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.path)?;
        if let Some(code) = &self.code {
            write!(f, " [{code}]")?;
        }
        write!(f, ": {} dropped", self.count)
    }
}
