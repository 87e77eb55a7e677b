//! Skatteverket's ssbt/10 answer: the `SvarBeskattningsuppgifterEnligtSFS2008-975` document
//! carried as text in SKV's `svar`, typed.
//!
//! No schema is published for it, so the model is open: what has been seen is typed
//! (identity and names redacted, years as numbers, amounts as exact decimals), and every other
//! element, at any level, is kept losslessly in the `extra` of the enclosing type. Namespace
//! declarations and attributes written on the typed container elements are kept in their
//! `tag` ([`SkvXmlTag`]), so that unknown elements relying on them read back the same.
//!
//! serde (the crate's JSON form of the model) uses the element names; amounts are strings
//! holding the decimal (`"12345.50"`).

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use crate::id::Sensitive;
use crate::xml::XmlFragment;

/// The instance namespace of the document (its root and unprefixed elements).
pub(crate) const SKV_NS_INSTANS: &str =
    "http://xmls.skatteverket.se/se/skatteverket/zg/instans/standardiseradInformation/1.0";
/// The infoForBeskattning namespace (`besko`).
pub(crate) const SKV_NS_BESKO: &str =
    "http://xmls.skatteverket.se/se/skatteverket/zg/komponent/infoForBeskattning/1.0";
/// The infoForFolkbokforing namespace (`folko`).
pub(crate) const SKV_NS_FOLKO: &str =
    "http://xmls.skatteverket.se/se/skatteverket/zg/komponent/infoForFolkbokforing/1.0";

/// The `SvarBeskattningsuppgifterEnligtSFS2008-975` document inside SKV's ssbt/10 `svar`:
/// taxed capital income per person and year.
///
/// [`Default`] is an empty document whose root declares the `besko` and `folko` prefixes
/// (as Skatteverket's answers do).
///
/// ```
/// use lefi::model::ssbtek::Beskattningsuppgifter;
/// let doc: Beskattningsuppgifter = serde_json::from_str(r#"{
///     "PersonuppgiftLista": {"Personuppgift": [{
///         "IdentitetsbeteckningFysiskPerson": "191212121212",
///         "Fornamn": "Tolvan",
///         "StatusPersonuppgiftKod": "999",
///         "Kapitaluppgift": [{"Taxeringsar": 2024, "OverskottPaKapital": "-350.50"}]
///     }]}
/// }"#)?;
/// let person = &doc.personuppgift_lista.as_ref().ok_or("no list")?.personuppgift[0];
/// assert_eq!(person.fornamn.as_ref().map(|n| n.expose()), Some("Tolvan"));
/// assert_eq!(person.kapitaluppgift[0].overskott_pa_kapital.map(|d| d.to_string()).as_deref(), Some("-350.50"));
/// assert!(!format!("{doc:?}").contains("Tolvan"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Beskattningsuppgifter {
    /// `PersonuppgiftLista`.
    #[serde(
        rename = "PersonuppgiftLista",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub personuppgift_lista: Option<SkvPersonuppgiftLista>,
    /// Namespace declarations and attributes of the root element (serde: left out when it
    /// is the usual `besko` and `folko` declarations, and those when absent).
    #[serde(
        default = "standard_root_tag",
        skip_serializing_if = "is_standard_root_tag"
    )]
    pub tag: SkvXmlTag,
    /// Other child elements, kept as read (written after the typed ones).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub extra: Vec<XmlFragment>,
}

impl Default for Beskattningsuppgifter {
    fn default() -> Self {
        Self {
            personuppgift_lista: None,
            tag: standard_root_tag(),
            extra: Vec::new(),
        }
    }
}

/// The root's declarations in Skatteverket's answers: `besko` and `folko`.
fn standard_root_tag() -> SkvXmlTag {
    SkvXmlTag {
        namespaces: vec![
            (Some("besko".to_owned()), SKV_NS_BESKO.to_owned()),
            (Some("folko".to_owned()), SKV_NS_FOLKO.to_owned()),
        ],
        attributes: Vec::new(),
    }
}

fn is_standard_root_tag(tag: &SkvXmlTag) -> bool {
    *tag == standard_root_tag()
}

/// `PersonuppgiftLista`: the persons asked about.
///
/// ```
/// use lefi::model::ssbtek::SkvPersonuppgiftLista;
/// let lista: SkvPersonuppgiftLista = serde_json::from_str(r#"{"Personuppgift": [{}, {}]}"#)?;
/// assert_eq!(lista.personuppgift.len(), 2);
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SkvPersonuppgiftLista {
    /// `Personuppgift`, in order.
    #[serde(
        rename = "Personuppgift",
        default,
        skip_serializing_if = "Vec::is_empty"
    )]
    pub personuppgift: Vec<SkvPersonuppgift>,
    /// Namespace declarations and attributes of the element.
    #[serde(default, skip_serializing_if = "SkvXmlTag::is_empty")]
    pub tag: SkvXmlTag,
    /// Other child elements, kept as read (written after the typed ones).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub extra: Vec<XmlFragment>,
}

/// `Personuppgift`: one person and their capital income per taxation year.
///
/// ```
/// use lefi::model::ssbtek::SkvPersonuppgift;
/// let p: SkvPersonuppgift = serde_json::from_str(r#"{"Efternamn": "Tolvansson"}"#)?;
/// assert_eq!(format!("{:?}", p.efternamn), "Some(<redacted>)");
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SkvPersonuppgift {
    /// `folko:IdentitetsbeteckningFysiskPerson` (redacted).
    #[serde(
        rename = "IdentitetsbeteckningFysiskPerson",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub identitetsbeteckning: Option<Sensitive>,
    /// `folko:Fornamn` (redacted).
    #[serde(rename = "Fornamn", default, skip_serializing_if = "Option::is_none")]
    pub fornamn: Option<Sensitive>,
    /// `folko:Efternamn` (redacted).
    #[serde(rename = "Efternamn", default, skip_serializing_if = "Option::is_none")]
    pub efternamn: Option<Sensitive>,
    /// `StatusPersonuppgiftKod`, as written (`999` in the samples; the code list is not
    /// published).
    #[serde(
        rename = "StatusPersonuppgiftKod",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub status_personuppgift_kod: Option<String>,
    /// `Kapitaluppgift`, in order.
    #[serde(
        rename = "Kapitaluppgift",
        default,
        skip_serializing_if = "Vec::is_empty"
    )]
    pub kapitaluppgift: Vec<SkvKapitaluppgift>,
    /// Namespace declarations and attributes of the element.
    #[serde(default, skip_serializing_if = "SkvXmlTag::is_empty")]
    pub tag: SkvXmlTag,
    /// Other child elements, kept as read (written after the typed ones).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub extra: Vec<XmlFragment>,
}

/// `Kapitaluppgift`: capital income of one taxation year.
///
/// ```
/// use lefi::model::ssbtek::SkvKapitaluppgift;
/// use rust_decimal::Decimal;
/// let k: SkvKapitaluppgift =
///     serde_json::from_str(r#"{"Taxeringsar": 2001, "SummaIntakterPaKapital": "12345"}"#)?;
/// assert_eq!(k.taxeringsar, Some(2001));
/// assert_eq!(k.summa_intakter_pa_kapital, Some(Decimal::new(12345, 0)));
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SkvKapitaluppgift {
    /// `besko:Taxeringsar`: the taxation year (four digits).
    #[serde(
        rename = "Taxeringsar",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub taxeringsar: Option<u16>,
    /// `besko:SummaIntakterPaKapital`: total capital income.
    #[serde(
        rename = "SummaIntakterPaKapital",
        default,
        skip_serializing_if = "Option::is_none",
        with = "crate::xs::serde::decimal_text::option"
    )]
    pub summa_intakter_pa_kapital: Option<Decimal>,
    /// `besko:OverskottPaKapital`: capital surplus (negative for a deficit).
    #[serde(
        rename = "OverskottPaKapital",
        default,
        skip_serializing_if = "Option::is_none",
        with = "crate::xs::serde::decimal_text::option"
    )]
    pub overskott_pa_kapital: Option<Decimal>,
    /// Namespace declarations and attributes of the element.
    #[serde(default, skip_serializing_if = "SkvXmlTag::is_empty")]
    pub tag: SkvXmlTag,
    /// Other child elements, kept as read (written after the typed ones).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub extra: Vec<XmlFragment>,
}

/// What a typed container element of the v10 document carries besides its children: the
/// namespace declarations written on it and its attributes, kept so that it is written back
/// with them.
///
/// The decoder keeps only declarations that bind a prefix to something new where they stand
/// (a declaration repeating a binding in scope adds nothing); the default namespace is
/// always the document's instance namespace and is not kept.
///
/// ```
/// use lefi::model::ssbtek::SkvXmlTag;
/// let tag: SkvXmlTag = serde_json::from_str(
///     r#"{"namespaces": [["x", "urn:x"]], "attributes": [{"ns": "urn:x", "prefix": "x", "local": "a", "value": "1"}]}"#,
/// )?;
/// assert_eq!(tag.attributes[0].value.expose(), "1");
/// assert!(!tag.is_empty());
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SkvXmlTag {
    /// Namespace declarations as `(prefix, uri)`, in order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub namespaces: Vec<(Option<String>, String)>,
    /// Attributes other than namespace declarations, in order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub attributes: Vec<SkvXmlAttribute>,
}

impl SkvXmlTag {
    /// Whether there are neither declarations nor attributes.
    ///
    /// ```
    /// assert!(lefi::model::ssbtek::SkvXmlTag::default().is_empty());
    /// # Ok::<(), std::convert::Infallible>(())
    /// ```
    pub fn is_empty(&self) -> bool {
        self.namespaces.is_empty() && self.attributes.is_empty()
    }
}

/// An attribute of a typed v10 element. The value may be personal data (`Debug` redacts it).
///
/// ```
/// use lefi::model::ssbtek::SkvXmlAttribute;
/// let a: SkvXmlAttribute = serde_json::from_str(r#"{"local": "version", "value": "1.0"}"#)?;
/// assert_eq!((a.ns.as_deref(), a.local.as_str()), (None, "version"));
/// assert_eq!(format!("{:?}", a.value), "<redacted>");
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SkvXmlAttribute {
    /// Namespace URI (`None`: unqualified).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ns: Option<String>,
    /// The prefix it was written with (kept for writing it back; not significant).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub prefix: Option<String>,
    /// Local name.
    pub local: String,
    /// The normalised value.
    pub value: Sensitive,
}
