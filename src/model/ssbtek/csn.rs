//! CSN's answer document (`CSNSvar`, the XML inside CSN's base64 `svar`), typed.
//!
//! The shape follows CSN's schemas `kommunfraga`, `person`, `csntyper` and one schema per
//! stödtyp (`studiemedel`, `studiehjalp`, `hemutrustningslan`, `studiestartsstod`,
//! `omstallningsstudiestod`), version 4.0 as shipped with the SSBTEK contract. Real answers
//! also come in the 3.0 namespaces, which lack omställningsstudiestöd (DOMAIN §7.6);
//! [`CsnDokument::namespace_version`] says which, so a document re-encodes in the namespaces
//! it came in.
//!
//! Everything the schemas allow is kept: values the schemas restrict are typed (amounts as
//! exact [`Decimal`]s, dates and weeks as digit strings with calendar accessors, codes as
//! code lists), free text is kept exactly, blank-padded values are never trimmed. The one
//! element whose type is not in the contract bundle (`GemensamtFragaEkbistand`, from a
//! Sambruk schema) is kept losslessly as an [`XmlFragment`].
//!
//! serde (the crate's JSON form): members are named after the XML elements and attributes;
//! amounts are JSON strings with the amount's text (`"-1200"`); codes are their codes.

use std::fmt;
use std::str::FromStr;

use chrono::{NaiveDate, Weekday};
use rust_decimal::Decimal;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::codes::{
    CsnArendestatus, CsnBeloppstyp, CsnPersonstatus, CsnSekel, CsnSoktlan, CsnStodform, CsnTakt,
    CsnUtbetalningsstatus,
};
use crate::id::{Personidentitet, Sensitive};
use crate::xml::{DecodeLimits, XmlDocument, XmlFragment};

/// The `CSNSvar` document inside CSN's base64 `svar`.
///
/// serde: `{"namespaceVersion": "v4.0", "schemaVersion": "4.0", "Resultat": {…},
/// "GemensamtFragaEkbistand": {…}, "Personer": […]}`.
///
/// ```
/// use lefi::model::ssbtek::{CsnDokument, CsnNamespaceVersion, CsnStod};
/// # fn main() -> Result<(), Box<dyn std::error::Error>> {
/// let json = r#"{
///   "namespaceVersion": "v3.0", "schemaVersion": "3.0",
///   "Resultat": {"ResultatKod": "0", "ResultatText": "Allt OK"},
///   "GemensamtFragaEkbistand": {"xml": "<GemensamtFragaEkbistand/>",
///                               "namespaces": {"": "http://schema.csn.se/v3.0/kommunfraga"}},
///   "Personer": [{
///     "personnummer": "1212121212", "Status": "          ", "sekel": "19",
///     "Studiestodstypforteckning": {"studiemedel": "1", "studiehjalp": "0",
///                                   "hemutrustningslan": "0", "studiestartsstod": "0"},
///     "Studiemedel": {"Arenden": [{
///       "lopnummer": "1", "stodform": "GRUND", "klartext": "Studiemedel",
///       "status": "BESLUTAD", "soktaTider": [], "BeviljadeTider": [],
///       "UtbetalningsPlan": [{"utbetdatum": "20240125", "utbetstatus": "Utbetald",
///         "Utbetaldatider": [], "totbelopp": "12000"}]}]},
///     "Studiehjalp": {}, "HemutrustningsLan": {}, "Studiestartsstod": {}
///   }]
/// }"#;
/// let doc: CsnDokument = serde_json::from_str(json)?;
/// assert_eq!(doc.namespace_version, CsnNamespaceVersion::V3_0);
/// assert_eq!(doc.resultat.kod, "0");
/// let (stod, arende) = doc.personer[0].arenden().next().ok_or("no arende")?;
/// assert_eq!(stod, CsnStod::Studiemedel);
/// assert_eq!(arende.utbetalningsplan[0].totbelopp.to_string(), "12000");
/// assert!(!format!("{doc:?}").contains("1212121212"));
/// let again: CsnDokument = serde_json::from_str(&serde_json::to_string(&doc)?)?;
/// assert_eq!(again, doc);
/// # Ok(()) }
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CsnDokument {
    /// The version segment of the document's namespaces (`v3.0` in
    /// `http://schema.csn.se/v3.0/kommunfraga`).
    #[serde(rename = "namespaceVersion")]
    pub namespace_version: CsnNamespaceVersion,
    /// `@schemaVersion` (an `xs:decimal`), as written.
    #[serde(rename = "schemaVersion")]
    pub schema_version: String,
    /// `GemensamtSvarEkbistand/Resultat`.
    #[serde(rename = "Resultat")]
    pub resultat: CsnResultat,
    /// `GemensamtFragaEkbistand` (a Sambruk type the contract bundle does not include),
    /// kept as received.
    #[serde(rename = "GemensamtFragaEkbistand")]
    pub gemensamt_fraga: XmlFragment,
    /// `Personer/Person` (at most 10).
    #[serde(rename = "Personer")]
    pub personer: Vec<CsnPerson>,
}

impl Default for CsnDokument {
    /// An answer in the v4.0 namespaces (`schemaVersion` `4.0`) with an empty result, an
    /// empty `GemensamtFragaEkbistand` and no persons.
    ///
    /// ```
    /// use lefi::model::ssbtek::{CsnDokument, CsnNamespaceVersion};
    /// let doc = CsnDokument::default();
    /// assert_eq!(doc.namespace_version, CsnNamespaceVersion::V4_0);
    /// assert_eq!(doc.gemensamt_fraga.name().ns(), Some("http://schema.csn.se/v4.0/kommunfraga"));
    /// assert!(doc.personer.is_empty());
    /// let again: CsnDokument = serde_json::from_str(&serde_json::to_string(&doc)?)?;
    /// assert_eq!(again, doc);
    /// # Ok::<(), serde_json::Error>(())
    /// ```
    fn default() -> Self {
        Self {
            namespace_version: CsnNamespaceVersion::V4_0,
            schema_version: "4.0".to_owned(),
            resultat: CsnResultat::default(),
            gemensamt_fraga: empty_gemensamt_fraga(),
            personer: Vec::new(),
        }
    }
}

/// `<GemensamtFragaEkbistand/>` in the v4.0 `kommunfraga` namespace (declared by its parent,
/// as in a received document).
#[allow(clippy::expect_used)] // a fixed, well-formed literal: reading it cannot fail
fn empty_gemensamt_fraga() -> XmlFragment {
    const XML: &[u8] = br#"<CSNSvar xmlns="http://schema.csn.se/v4.0/kommunfraga"><GemensamtFragaEkbistand/></CSNSvar>"#;
    XmlDocument::parse(XML, &DecodeLimits::default())
        .ok()
        .and_then(|doc| doc.root().elements().next().cloned())
        .expect("the empty GemensamtFragaEkbistand literal is well-formed")
}

/// `GemensamtSvarEkbistand/Resultat`: CSN's own result.
///
/// ```
/// use lefi::model::ssbtek::CsnResultat;
/// let r: CsnResultat = serde_json::from_str(r#"{"ResultatKod": "0", "ResultatText": "Allt OK"}"#)?;
/// assert_eq!(r.kod, "0");
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CsnResultat {
    /// `ResultatKod` (at most 20 characters; `0`: all OK).
    #[serde(rename = "ResultatKod")]
    pub kod: String,
    /// `ResultatText` (at most 100 characters).
    #[serde(rename = "ResultatText")]
    pub text: String,
}

/// A `Person`: what CSN knows about one person.
///
/// `Debug` shows the personnummer redacted ([`Personidentitet`]).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CsnPerson {
    /// `@personnummer` (ten digits `YYMMDDNNNN`).
    pub personnummer: Personidentitet,
    /// `@Status` (ten spaces or `Ej träff`).
    #[serde(rename = "Status", default, skip_serializing_if = "Option::is_none")]
    pub status: Option<CsnPersonstatus>,
    /// `@sekretess` (at most 2 characters, blank in the examples seen), as written.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sekretess: Option<String>,
    /// `@sekel`: the century of the personnummer.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sekel: Option<CsnSekel>,
    /// `Studiestodstypforteckning`.
    #[serde(rename = "Studiestodstypforteckning")]
    pub studiestodstypforteckning: CsnStudiestodstypforteckning,
    /// `Studiemedel`.
    #[serde(rename = "Studiemedel")]
    pub studiemedel: CsnStodArenden,
    /// `Studiehjalp`.
    #[serde(rename = "Studiehjalp")]
    pub studiehjalp: CsnStodArenden,
    /// `HemutrustningsLan`.
    #[serde(rename = "HemutrustningsLan")]
    pub hemutrustningslan: CsnStodArenden,
    /// `Studiestartsstod`.
    #[serde(rename = "Studiestartsstod")]
    pub studiestartsstod: CsnStodArenden,
    /// `Omstallningsstudiestod`: present from v4.0 (required there), absent in v3.0.
    #[serde(
        rename = "Omstallningsstudiestod",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub omstallningsstudiestod: Option<CsnStodArenden>,
}

impl CsnPerson {
    /// The element for one stödtyp (`None`: omställningsstudiestöd in a v3.0 document).
    ///
    /// ```
    /// # use lefi::model::ssbtek::{CsnDokument, CsnStod};
    /// # fn check(doc: &CsnDokument) {
    /// for p in &doc.personer {
    ///     assert!(p.stod(CsnStod::Studiemedel).is_some());
    /// }
    /// # }
    /// ```
    pub fn stod(&self, stod: CsnStod) -> Option<&CsnStodArenden> {
        match stod {
            CsnStod::Studiemedel => Some(&self.studiemedel),
            CsnStod::Studiehjalp => Some(&self.studiehjalp),
            CsnStod::Hemutrustningslan => Some(&self.hemutrustningslan),
            CsnStod::Studiestartsstod => Some(&self.studiestartsstod),
            CsnStod::Omstallningsstudiestod => self.omstallningsstudiestod.as_ref(),
        }
    }

    /// Every ärende of the person with its stödtyp, in document order.
    ///
    /// ```
    /// # use lefi::model::ssbtek::CsnDokument;
    /// # fn check(doc: &CsnDokument) {
    /// for p in &doc.personer {
    ///     for (stod, arende) in p.arenden() {
    ///         println!("{}: {} ({})", stod.name(), arende.stodform, arende.klartext);
    ///     }
    /// }
    /// # }
    /// ```
    pub fn arenden(&self) -> impl Iterator<Item = (CsnStod, &CsnArende)> {
        CsnStod::ALL.into_iter().flat_map(move |stod| {
            self.stod(stod)
                .and_then(|s| s.arenden.as_deref())
                .unwrap_or_default()
                .iter()
                .map(move |a| (stod, a))
        })
    }
}

/// The five kinds of study support in a `Person`, in document order.
///
/// ```
/// use lefi::model::ssbtek::CsnStod;
/// assert_eq!(CsnStod::Hemutrustningslan.name(), "hemutrustningslån");
/// assert_eq!(CsnStod::ALL.len(), 5);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum CsnStod {
    /// Studiemedel.
    Studiemedel,
    /// Studiehjälp.
    Studiehjalp,
    /// Hemutrustningslån (HUT).
    Hemutrustningslan,
    /// Studiestartsstöd.
    Studiestartsstod,
    /// Omställningsstudiestöd (from v4.0).
    Omstallningsstudiestod,
}

impl CsnStod {
    /// All five, in document order.
    pub const ALL: [CsnStod; 5] = [
        Self::Studiemedel,
        Self::Studiehjalp,
        Self::Hemutrustningslan,
        Self::Studiestartsstod,
        Self::Omstallningsstudiestod,
    ];

    /// The Swedish name, in lower case (`"studiehjälp"`).
    ///
    /// ```
    /// use lefi::model::ssbtek::CsnStod;
    /// assert_eq!(CsnStod::Omstallningsstudiestod.name(), "omställningsstudiestöd");
    /// ```
    pub fn name(self) -> &'static str {
        match self {
            Self::Studiemedel => "studiemedel",
            Self::Studiehjalp => "studiehjälp",
            Self::Hemutrustningslan => "hemutrustningslån",
            Self::Studiestartsstod => "studiestartsstöd",
            Self::Omstallningsstudiestod => "omställningsstudiestöd",
        }
    }
}

impl fmt::Display for CsnStod {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// `Studiestodstypforteckning`: one free string per stödtyp (`0` in the examples seen),
/// kept exactly.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CsnStudiestodstypforteckning {
    /// `studiemedel`.
    pub studiemedel: String,
    /// `studiehjalp`.
    pub studiehjalp: String,
    /// `hemutrustningslan`.
    pub hemutrustningslan: String,
    /// `studiestartsstod`.
    pub studiestartsstod: String,
    /// `omstallningsstudiestod`: from v4.0 (required there), absent in v3.0.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub omstallningsstudiestod: Option<String>,
}

/// `Studiemedel`, `Studiehjalp`, `HemutrustningsLan`, `Studiestartsstod` or
/// `Omstallningsstudiestod`: the optional `Arenden` list (at most 10).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CsnStodArenden {
    /// `Arenden/Arende`: `None` when `Arenden` is absent, `Some(vec![])` when it is empty.
    #[serde(rename = "Arenden", default, skip_serializing_if = "Option::is_none")]
    pub arenden: Option<Vec<CsnArende>>,
}

/// An `Arende` of any stödtyp. The parts a stödtyp's schema lacks are `None`:
///
/// | stödtyp | `medlanare` | `relarende` | `soktaTider`, `BeviljadeTider` | `lopnummer` |
/// |---|---|---|---|---|
/// | studiemedel, studiehjälp, studiestartsstöd | – | optional | required | ≤ 3 digits |
/// | hemutrustningslån | optional | – | – | ≤ 7 digits |
/// | omställningsstudiestöd | – | – | required | ≤ 3 digits |
///
/// `Debug` never shows `medlanare` ([`Sensitive`]).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CsnArende {
    /// `@lopnummer` (digits), as written.
    pub lopnummer: String,
    /// `@medlanare` (hemutrustningslån only, at most 12 characters; may identify a person).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub medlanare: Option<Sensitive>,
    /// `stodform`.
    pub stodform: CsnStodform,
    /// `klartext` (at most 40 characters).
    pub klartext: String,
    /// `status`.
    pub status: CsnArendestatus,
    /// `relarende`: a related ärende's löpnummer (digits; not hemutrustningslån or
    /// omställningsstudiestöd).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub relarende: Option<String>,
    /// `soktaTider/soktTid` (`None` for hemutrustningslån).
    #[serde(
        rename = "soktaTider",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub sokta_tider: Option<Vec<CsnSokttid>>,
    /// `BeviljadeTider/BeviljadTid` (`None` for hemutrustningslån).
    #[serde(
        rename = "BeviljadeTider",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub beviljade_tider: Option<Vec<CsnBeviljadTid>>,
    /// `UtbetalningsPlan/Utbetalning`.
    #[serde(rename = "UtbetalningsPlan")]
    pub utbetalningsplan: Vec<CsnUtbetalning>,
}

/// `soktTid`: a period applied for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CsnSokttid {
    /// `soktfrom`.
    pub soktfrom: CsnDatum,
    /// `sokttom`.
    pub sokttom: CsnDatum,
    /// `soktomfattning`: the pace applied for.
    pub soktomfattning: CsnTakt,
    /// `soktlan`: whether a loan was applied for.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub soktlan: Option<CsnSoktlan>,
}

/// `BeviljadTid`: a period granted, with its amounts.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CsnBeviljadTid {
    /// `starttid`.
    pub starttid: CsnVecka,
    /// `sluttid`.
    pub sluttid: CsnVecka,
    /// `takt`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub takt: Option<CsnTakt>,
    /// `gr_takt` (digits, at most 3), as written.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub gr_takt: Option<String>,
    /// `Beloppen/Belopp` (at most 10).
    #[serde(rename = "Beloppen")]
    pub beloppen: Vec<CsnBelopp>,
    /// `totbelopp` (whole kronor).
    #[serde(with = "belopp_text")]
    pub totbelopp: Decimal,
}

/// `Utbetalning`: one payment of a payment plan.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CsnUtbetalning {
    /// `utbetdatum`.
    pub utbetdatum: CsnDatum,
    /// `utbetstatus`.
    pub utbetstatus: CsnUtbetalningsstatus,
    /// `Utbetaldatider/Utbetaldtid` (at most 10).
    #[serde(rename = "Utbetaldatider")]
    pub utbetalda_tider: Vec<CsnUtbetaldTid>,
    /// `totbelopp` (whole kronor).
    #[serde(with = "belopp_text")]
    pub totbelopp: Decimal,
}

/// `Utbetaldtid`: the weeks a payment covers, with its amounts.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CsnUtbetaldTid {
    /// `startvecka`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub startvecka: Option<CsnVecka>,
    /// `slutvecka`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub slutvecka: Option<CsnVecka>,
    /// `Beloppen/Belopp` (at most 10).
    #[serde(rename = "Beloppen")]
    pub beloppen: Vec<CsnBelopp>,
    /// `totbelopp` (whole kronor).
    #[serde(with = "belopp_text")]
    pub totbelopp: Decimal,
}

/// `Belopp`: one amount of a granted period or a payment.
///
/// ```
/// use lefi::codes::CsnBeloppstyp;
/// use lefi::model::ssbtek::CsnBelopp;
/// let b: CsnBelopp = serde_json::from_str(
///     r#"{"beloppstyp": "GRUNDL", "klartext": "Lån", "belopp": "-250", "totbelopp": "9999999"}"#)?;
/// assert_eq!(b.beloppstyp, CsnBeloppstyp::Grundl);
/// assert_eq!(b.belopp, rust_decimal::Decimal::from(-250));
/// assert!(serde_json::from_str::<CsnBelopp>(
///     r#"{"beloppstyp": "GRUNDL", "klartext": "", "belopp": "12.5", "totbelopp": "0"}"#).is_err());
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CsnBelopp {
    /// `beloppstyp`.
    pub beloppstyp: CsnBeloppstyp,
    /// `klartext` (at most 40 characters).
    pub klartext: String,
    /// `belopp` (whole kronor).
    #[serde(with = "belopp_text")]
    pub belopp: Decimal,
    /// `totbelopp` (whole kronor).
    #[serde(with = "belopp_text")]
    pub totbelopp: Decimal,
}

/// Why a CSN value was refused. Messages never contain the value.
///
/// ```
/// use lefi::model::ssbtek::{CsnDatum, ParseCsnValueError};
/// assert_eq!(CsnDatum::parse(""), Err(ParseCsnValueError::Empty));
/// assert_eq!(CsnDatum::parse("2024-01-01"), Err(ParseCsnValueError::TooLong { max: 8 }));
/// assert_eq!(CsnDatum::parse("2024011a"), Err(ParseCsnValueError::NonDigit));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, thiserror::Error)]
#[non_exhaustive]
pub enum ParseCsnValueError {
    /// The value is empty.
    #[error("empty value")]
    Empty,
    /// The value is longer than the schema allows.
    #[error("value longer than {max} characters")]
    TooLong {
        /// The maximum length.
        max: usize,
    },
    /// A character is not an ASCII digit.
    #[error("value contains a character other than a digit")]
    NonDigit,
    /// Not a namespace version segment `v<major>.<minor>`.
    #[error("invalid namespace version, expected v<major>.<minor> such as v4.0")]
    NamespaceVersion,
}

/// 1 to 8 ASCII digits, kept exactly.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
struct Digits8 {
    digits: [u8; 8],
    len: u8,
}

impl Digits8 {
    fn parse(text: &str) -> Result<Self, ParseCsnValueError> {
        let bytes = text.as_bytes();
        if bytes.is_empty() {
            return Err(ParseCsnValueError::Empty);
        }
        if !bytes.iter().all(u8::is_ascii_digit) {
            return Err(if text.chars().count() > 8 {
                ParseCsnValueError::TooLong { max: 8 }
            } else {
                ParseCsnValueError::NonDigit
            });
        }
        let mut digits = [0u8; 8];
        let slot = digits
            .get_mut(..bytes.len())
            .ok_or(ParseCsnValueError::TooLong { max: 8 })?;
        slot.copy_from_slice(bytes);
        Ok(Self {
            digits,
            len: bytes.len() as u8,
        })
    }

    fn as_str(&self) -> &str {
        let bytes = self.digits.get(..usize::from(self.len)).unwrap_or_default();
        std::str::from_utf8(bytes).unwrap_or_default()
    }

    /// The value of the digits `range` (which exist and are digits by construction).
    fn number(&self, range: std::ops::Range<usize>) -> Option<u32> {
        let bytes = self.digits.get(range)?;
        Some(
            bytes
                .iter()
                .fold(0u32, |acc, b| acc * 10 + u32::from(b - b'0')),
        )
    }
}

/// Generates the string-like impls of a digits newtype.
macro_rules! digits_newtype_impls {
    ($name:ident, $expecting:literal) => {
        impl $name {
            /// The digits exactly as written.
            pub fn as_str(&self) -> &str {
                self.0.as_str()
            }
        }

        impl fmt::Debug for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                write!(f, "{}({:?})", stringify!($name), self.as_str())
            }
        }

        /// The digits exactly as written.
        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl FromStr for $name {
            type Err = ParseCsnValueError;
            fn from_str(s: &str) -> Result<Self, Self::Err> {
                Self::parse(s)
            }
        }

        impl TryFrom<&str> for $name {
            type Error = ParseCsnValueError;
            fn try_from(s: &str) -> Result<Self, Self::Error> {
                Self::parse(s)
            }
        }

        impl Serialize for $name {
            fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.serialize_str(self.as_str())
            }
        }

        impl<'de> Deserialize<'de> for $name {
            fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                crate::xs::serde::deserialize_str(deserializer, $expecting, Self::parse)
            }
        }
    };
}

/// A CSN `datum`: 1 to 8 digits (`YYYYMMDD` in practice), kept exactly as written.
///
/// ```
/// use chrono::NaiveDate;
/// use lefi::model::ssbtek::CsnDatum;
/// let d = CsnDatum::parse("20240125")?;
/// assert_eq!(d.date(), NaiveDate::from_ymd_opt(2024, 1, 25));
/// assert_eq!(d.to_string(), "20240125");
/// assert_eq!(CsnDatum::parse("20240230")?.date(), None); // digits, but not a date
/// assert_eq!(CsnDatum::parse("0")?.as_str(), "0");
/// # Ok::<(), lefi::model::ssbtek::ParseCsnValueError>(())
/// ```
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub struct CsnDatum(Digits8);

impl CsnDatum {
    /// Checks the schema's shape (`[0-9]+`, at most 8 characters) and keeps the text.
    ///
    /// ```
    /// use lefi::model::ssbtek::CsnDatum;
    /// assert!(CsnDatum::parse("202401251").is_err());
    /// assert!(CsnDatum::parse(" 2024012").is_err());
    /// ```
    pub fn parse(text: &str) -> Result<Self, ParseCsnValueError> {
        Digits8::parse(text).map(Self)
    }

    /// The calendar date of the 8-digit form `YYYYMMDD`; `None` for other lengths and for
    /// digits that are not a date.
    ///
    /// ```
    /// use lefi::model::ssbtek::CsnDatum;
    /// assert!(CsnDatum::parse("20240229")?.date().is_some());
    /// assert!(CsnDatum::parse("202402")?.date().is_none());
    /// # Ok::<(), lefi::model::ssbtek::ParseCsnValueError>(())
    /// ```
    pub fn date(&self) -> Option<NaiveDate> {
        if self.0.len != 8 {
            return None;
        }
        let year = i32::try_from(self.0.number(0..4)?).ok()?;
        NaiveDate::from_ymd_opt(year, self.0.number(4..6)?, self.0.number(6..8)?)
    }
}

digits_newtype_impls!(CsnDatum, "a CSN datum (1 to 8 digits) as a string");

/// A CSN `vecka`: 1 to 8 digits (`YYYYWW`, an ISO week, in practice), kept exactly.
///
/// ```
/// use chrono::NaiveDate;
/// use lefi::model::ssbtek::CsnVecka;
/// let v: CsnVecka = "202402".parse()?;
/// assert_eq!(v.first_day(), NaiveDate::from_ymd_opt(2024, 1, 8));
/// assert_eq!(v.last_day(), NaiveDate::from_ymd_opt(2024, 1, 14));
/// assert_eq!(CsnVecka::parse("202454")?.first_day(), None);
/// # Ok::<(), lefi::model::ssbtek::ParseCsnValueError>(())
/// ```
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub struct CsnVecka(Digits8);

impl CsnVecka {
    /// Checks the schema's shape (`[0-9]+`, at most 8 characters) and keeps the text.
    ///
    /// ```
    /// use lefi::model::ssbtek::CsnVecka;
    /// assert_eq!(CsnVecka::parse("7")?.as_str(), "7");
    /// assert!(CsnVecka::parse("-1").is_err());
    /// # Ok::<(), lefi::model::ssbtek::ParseCsnValueError>(())
    /// ```
    pub fn parse(text: &str) -> Result<Self, ParseCsnValueError> {
        Digits8::parse(text).map(Self)
    }

    /// The Monday of the ISO week of the 6-digit form `YYYYWW`; `None` for other lengths
    /// and for weeks the year does not have.
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use lefi::model::ssbtek::CsnVecka;
    /// assert_eq!(CsnVecka::parse("202001")?.first_day(), NaiveDate::from_ymd_opt(2019, 12, 30));
    /// # Ok::<(), lefi::model::ssbtek::ParseCsnValueError>(())
    /// ```
    pub fn first_day(&self) -> Option<NaiveDate> {
        self.weekday(Weekday::Mon)
    }

    /// The Sunday of the ISO week of the 6-digit form `YYYYWW` (see
    /// [`first_day`](Self::first_day)).
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use lefi::model::ssbtek::CsnVecka;
    /// assert_eq!(CsnVecka::parse("202053")?.last_day(), NaiveDate::from_ymd_opt(2021, 1, 3));
    /// # Ok::<(), lefi::model::ssbtek::ParseCsnValueError>(())
    /// ```
    pub fn last_day(&self) -> Option<NaiveDate> {
        self.weekday(Weekday::Sun)
    }

    fn weekday(&self, day: Weekday) -> Option<NaiveDate> {
        if self.0.len != 6 {
            return None;
        }
        let year = i32::try_from(self.0.number(0..4)?).ok()?;
        NaiveDate::from_isoywd_opt(year, self.0.number(4..6)?, day)
    }
}

digits_newtype_impls!(CsnVecka, "a CSN vecka (1 to 8 digits) as a string");

/// The version segment of CSN's namespaces (`v4.0` in `http://schema.csn.se/v4.0/person`).
///
/// Canonical `v<major>.<minor>` (no leading zeros, at most four digits each). Version 4.0
/// added omställningsstudiestöd; earlier versions lack it.
///
/// ```
/// use lefi::model::ssbtek::CsnNamespaceVersion;
/// let v: CsnNamespaceVersion = "v3.0".parse()?;
/// assert_eq!(v, CsnNamespaceVersion::V3_0);
/// assert!(!v.has_omstallningsstudiestod());
/// assert!(CsnNamespaceVersion::V4_0.has_omstallningsstudiestod());
/// assert_eq!(CsnNamespaceVersion::V4_0.to_string(), "v4.0");
/// assert!("4.0".parse::<CsnNamespaceVersion>().is_err());
/// # Ok::<(), lefi::model::ssbtek::ParseCsnValueError>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct CsnNamespaceVersion {
    major: u16,
    minor: u16,
}

impl CsnNamespaceVersion {
    /// `v3.0` (seen in real answers).
    pub const V3_0: Self = Self { major: 3, minor: 0 };
    /// `v4.0` (the schemas shipped with the SSBTEK contract).
    pub const V4_0: Self = Self { major: 4, minor: 0 };

    /// Parses the canonical form `v<major>.<minor>`.
    ///
    /// ```
    /// use lefi::model::ssbtek::CsnNamespaceVersion;
    /// assert_eq!(CsnNamespaceVersion::parse("v12.3")?.major(), 12);
    /// assert!(CsnNamespaceVersion::parse("v04.0").is_err());
    /// # Ok::<(), lefi::model::ssbtek::ParseCsnValueError>(())
    /// ```
    pub fn parse(text: &str) -> Result<Self, ParseCsnValueError> {
        let rest = text
            .strip_prefix('v')
            .ok_or(ParseCsnValueError::NamespaceVersion)?;
        let (major, minor) = rest
            .split_once('.')
            .ok_or(ParseCsnValueError::NamespaceVersion)?;
        Ok(Self {
            major: version_number(major)?,
            minor: version_number(minor)?,
        })
    }

    /// The major version.
    ///
    /// ```
    /// use lefi::model::ssbtek::CsnNamespaceVersion;
    /// assert_eq!(CsnNamespaceVersion::V3_0.major(), 3);
    /// ```
    pub fn major(&self) -> u16 {
        self.major
    }

    /// The minor version.
    ///
    /// ```
    /// use lefi::model::ssbtek::CsnNamespaceVersion;
    /// assert_eq!(CsnNamespaceVersion::V3_0.minor(), 0);
    /// ```
    pub fn minor(&self) -> u16 {
        self.minor
    }

    /// Whether documents of this version have omställningsstudiestöd (4.0 and later).
    ///
    /// ```
    /// use lefi::model::ssbtek::CsnNamespaceVersion;
    /// assert!(CsnNamespaceVersion::parse("v5.1")?.has_omstallningsstudiestod());
    /// # Ok::<(), lefi::model::ssbtek::ParseCsnValueError>(())
    /// ```
    pub fn has_omstallningsstudiestod(&self) -> bool {
        self.major >= 4
    }
}

fn version_number(text: &str) -> Result<u16, ParseCsnValueError> {
    let canonical = !text.is_empty()
        && text.len() <= 4
        && text.bytes().all(|b| b.is_ascii_digit())
        && (text == "0" || !text.starts_with('0'));
    if !canonical {
        return Err(ParseCsnValueError::NamespaceVersion);
    }
    text.parse()
        .map_err(|_| ParseCsnValueError::NamespaceVersion)
}

impl Default for CsnNamespaceVersion {
    /// [`CsnNamespaceVersion::V4_0`], the version of the contract's schemas.
    fn default() -> Self {
        Self::V4_0
    }
}

/// `v<major>.<minor>`.
impl fmt::Display for CsnNamespaceVersion {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "v{}.{}", self.major, self.minor)
    }
}

impl FromStr for CsnNamespaceVersion {
    type Err = ParseCsnValueError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Self::parse(s)
    }
}

impl Serialize for CsnNamespaceVersion {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for CsnNamespaceVersion {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        crate::xs::serde::deserialize_str(
            deserializer,
            "a CSN namespace version such as \"v4.0\"",
            Self::parse,
        )
    }
}

/// The longest CSN amount text (`belopp`: `-?[0-9]+`, at most 7 characters).
const BELOPP_MAX_CHARS: usize = 7;

/// Parses a CSN amount: `-?[0-9]+`, at most 7 characters, whole kronor. The one lexical
/// parser for amounts, used by the codec and by serde.
pub(crate) fn parse_csn_belopp(text: &str) -> Option<Decimal> {
    // the schema's pattern is an xs:integer without `+`, of at most 7 characters
    if text.len() > BELOPP_MAX_CHARS || text.starts_with('+') {
        return None;
    }
    crate::xs::integer::<i64>(text).map(Decimal::from)
}

/// The wire text of a CSN amount (`-?[0-9]+`, no leading zeros), or `None` when the amount
/// is not whole kronor or does not fit in 7 characters.
pub(crate) fn csn_belopp_text(amount: &Decimal) -> Option<String> {
    if !amount.is_integer() {
        return None;
    }
    let whole = i64::try_from(amount.trunc()).ok()?;
    let text = whole.to_string();
    (text.len() <= BELOPP_MAX_CHARS).then_some(text)
}

/// serde for CSN amounts: the amount's wire text as a JSON string (`"-250"`), read back
/// through [`parse_csn_belopp`].
mod belopp_text {
    use rust_decimal::Decimal;
    use serde::ser::Error as _;
    use serde::{Deserializer, Serializer};

    pub(super) fn serialize<S: Serializer>(d: &Decimal, serializer: S) -> Result<S::Ok, S::Error> {
        match super::csn_belopp_text(d) {
            Some(text) => serializer.serialize_str(&text),
            None => Err(S::Error::custom(
                "CSN amount is not whole kronor within 7 characters",
            )),
        }
    }

    pub(super) fn deserialize<'de, D: Deserializer<'de>>(
        deserializer: D,
    ) -> Result<Decimal, D::Error> {
        crate::xs::serde::deserialize_str(deserializer, "a CSN amount as a string", |t| {
            super::parse_csn_belopp(t)
                .ok_or("invalid CSN amount, expected -?[0-9]+ of at most 7 characters")
        })
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    #[test]
    fn csn_belopp_parses_only_the_schema_shape() {
        for ok in ["0", "-0", "1234567", "-123456", "007"] {
            assert!(parse_csn_belopp(ok).is_some(), "{ok}");
        }
        for bad in ["", "-", "12a", "12345678", "-1234567", "+1", " 1", "1.0"] {
            assert!(parse_csn_belopp(bad).is_none(), "{bad}");
        }
        assert_eq!(parse_csn_belopp("007"), Some(Decimal::from(7)));
        assert_eq!(csn_belopp_text(&Decimal::from(-123456)).unwrap(), "-123456");
        assert_eq!(csn_belopp_text(&Decimal::new(1200, 2)).unwrap(), "12");
        assert_eq!(csn_belopp_text(&Decimal::new(125, 1)), None);
        assert_eq!(csn_belopp_text(&Decimal::from(10_000_000)), None);
        assert_eq!(csn_belopp_text(&Decimal::from(-1_000_000)), None);
    }

    #[test]
    fn csn_datum_and_vecka_keep_text_and_resolve_calendar() {
        let d = CsnDatum::parse("00000101").unwrap();
        assert_eq!(d.date(), NaiveDate::from_ymd_opt(0, 1, 1));
        assert_eq!(
            CsnDatum::parse("123456789"),
            Err(ParseCsnValueError::TooLong { max: 8 })
        );
        assert_eq!(
            CsnDatum::parse("12345678å"),
            Err(ParseCsnValueError::TooLong { max: 8 })
        );
        let v = CsnVecka::parse("202353").unwrap();
        assert_eq!(v.first_day(), None);
        assert_eq!(
            CsnVecka::parse("202052").unwrap().first_day(),
            NaiveDate::from_ymd_opt(2020, 12, 21)
        );
        assert_eq!(format!("{v:?}"), "CsnVecka(\"202353\")");
        let json = serde_json::to_string(&d).unwrap();
        assert_eq!(json, "\"00000101\"");
        assert_eq!(serde_json::from_str::<CsnDatum>(&json).unwrap(), d);
        assert!(serde_json::from_str::<CsnDatum>("20240101").is_err());
    }

    #[test]
    fn csn_namespace_version_is_canonical() {
        for bad in [
            "", "v", "v4", "v4.", "v.0", "V4.0", "v4.0.1", "v00.0", "v12345.0", "v-1.0",
        ] {
            assert!(CsnNamespaceVersion::parse(bad).is_err(), "{bad}");
        }
        let v = CsnNamespaceVersion::parse("v10.12").unwrap();
        assert_eq!(v.to_string(), "v10.12");
    }

    #[test]
    fn csn_person_debug_hides_personal_data() {
        let mut arende = CsnArende {
            lopnummer: "1".into(),
            medlanare: Some(Sensitive::new("191212121212")),
            stodform: CsnStodform::Hut,
            klartext: String::new(),
            status: CsnArendestatus::Blank,
            relarende: None,
            sokta_tider: None,
            beviljade_tider: None,
            utbetalningsplan: Vec::new(),
        };
        let person = CsnPerson {
            personnummer: Personidentitet::parse("1212121212").unwrap(),
            status: None,
            sekretess: None,
            sekel: None,
            studiestodstypforteckning: CsnStudiestodstypforteckning::default(),
            studiemedel: CsnStodArenden::default(),
            studiehjalp: CsnStodArenden::default(),
            hemutrustningslan: CsnStodArenden {
                arenden: Some(vec![arende.clone()]),
            },
            studiestartsstod: CsnStodArenden::default(),
            omstallningsstudiestod: None,
        };
        let debug = format!("{person:?}");
        assert!(!debug.contains("1212121212"), "{debug}");
        assert!(!debug.contains("191212121212"), "{debug}");
        let found: Vec<_> = person.arenden().map(|(s, _)| s).collect();
        assert_eq!(found, [CsnStod::Hemutrustningslan]);
        arende.medlanare = None;
        assert_ne!(person.hemutrustningslan.arenden, Some(vec![arende]));
    }
}
