//! What each base service returns inside `svarsdata/<AGENCY>/data`.

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use crate::codes::{Giltighetstid, MivArendetyp, MivBeslutskod, MivBeslutstyp};
use crate::id::{Personidentitet, Sensitive};
use crate::model::lefi::LefiExternFormansinformationSvar;
use crate::period::XsdDate;
use crate::xml::XmlFragment;

use super::csn::CsnDokument;
use super::values::{Base64Blob, Payload};

/// AF: `af:SvarMeddelande`. Decoded leniently: real answers omit the echoed `Fraga`
/// (DOMAIN §7.1); the SSBTEK codec's `validate_payloads` reports it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AfSvar {
    /// `Fraga`: the echoed AF request, kept as received.
    #[serde(rename = "Fraga", default, skip_serializing_if = "Option::is_none")]
    pub fraga: Option<XmlFragment>,
    /// `Svar`.
    #[serde(rename = "Svar")]
    pub svar: AfSvarUppgifter,
    /// Elements after `Svar` (`xs:any`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub extra: Vec<XmlFragment>,
}

/// AF `Svar`.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AfSvarUppgifter {
    /// `Schemaversion`.
    #[serde(rename = "Schemaversion")]
    pub schemaversion: String,
    /// `Referensnummer`.
    #[serde(rename = "Referensnummer")]
    pub referensnummer: String,
    /// `LagParagraf` (required by the XSD, missing in real answers).
    #[serde(
        rename = "LagParagraf",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub lag_paragraf: Option<String>,
    /// `IdentitetsbeteckningFysiskPerson`.
    #[serde(
        rename = "IdentitetsbeteckningFysiskPerson",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub identitetsbeteckning: Option<Sensitive>,
    /// `Fornamn`.
    #[serde(rename = "Fornamn", default, skip_serializing_if = "Option::is_none")]
    pub fornamn: Option<Sensitive>,
    /// `Efternamn`.
    #[serde(rename = "Efternamn", default, skip_serializing_if = "Option::is_none")]
    pub efternamn: Option<Sensitive>,
    /// `Sekretessmarkering`.
    #[serde(
        rename = "Sekretessmarkering",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub sekretessmarkering: Option<bool>,
    /// `ArbetssokandeInfo`.
    #[serde(
        rename = "ArbetssokandeInfo",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub arbetssokande_info: Option<ArbetssokandeInfo>,
    /// `BeslutInfo`.
    #[serde(
        rename = "BeslutInfo",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub beslut_info: Option<BeslutInfo>,
    /// `Akassetillhorighet`.
    #[serde(
        rename = "Akassetillhorighet",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub akassetillhorighet: Option<String>,
    /// `StatusSokandeinformationKod`.
    #[serde(rename = "StatusSokandeinformationKod")]
    pub status_kod: i32,
    /// `StatusSokandeinformationKodText`.
    #[serde(rename = "StatusSokandeinformationKodText")]
    pub status_text: String,
    /// Further elements (`xs:any`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub extra: Vec<XmlFragment>,
}

/// AF `ArbetssokandeInfo`.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ArbetssokandeInfo {
    /// `Arbetssokande`.
    #[serde(
        rename = "Arbetssokande",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub arbetssokande: Option<bool>,
    /// `ArbetssokandeSKAT` (e.g. "Anställd").
    #[serde(
        rename = "ArbetssokandeSKAT",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub skat: Option<String>,
    /// `ArbetssokandeRegistrerad`.
    #[serde(
        rename = "ArbetssokandeRegistrerad",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub registrerad: Option<XsdDate>,
    /// `ArbetssokandeOmfattning` (percent).
    #[serde(
        rename = "ArbetssokandeOmfattning",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub omfattning: Option<i32>,
    /// `ArbetssokandeAvaktualiserad`.
    #[serde(
        rename = "ArbetssokandeAvaktualiserad",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub avaktualiserad: Option<XsdDate>,
    /// `AktivetetsRapportDatum` (required by the XSD, missing in real answers).
    #[serde(
        rename = "AktivetetsRapportDatum",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub aktivitetsrapport: Option<AktivitetsRapport>,
}

/// AF `AktivetetsRapportDatum`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AktivitetsRapport {
    /// `AktivitetsRapportMeddelande`.
    #[serde(rename = "AktivitetsRapportMeddelande")]
    pub meddelande: String,
    /// `SenasteAktivitetsRapportDatum`.
    #[serde(
        rename = "SenasteAktivitetsRapportDatum",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub senaste: Option<XsdDate>,
}

/// AF `BeslutInfo`.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BeslutInfo {
    /// `EkonomiskaBeslut/Beslut`.
    #[serde(rename = "EkonomiskaBeslut")]
    pub ekonomiska_beslut: Vec<AfBeslut>,
    /// Further elements (`xs:any`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub extra: Vec<XmlFragment>,
}

/// AF `Beslut`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AfBeslut {
    /// `ErsattningTyp`.
    #[serde(rename = "ErsattningTyp")]
    pub ersattning_typ: String,
    /// `Omfattning`.
    #[serde(rename = "Omfattning")]
    pub omfattning: i32,
    /// `BeslutFrom`.
    #[serde(rename = "BeslutFrom")]
    pub from: XsdDate,
    /// `BeslutTom`.
    #[serde(rename = "BeslutTom")]
    pub tom: XsdDate,
    /// Further elements (`xs:any`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub extra: Vec<XmlFragment>,
}

/// SO (a-kassorna): `so:GetUnemploymentBenefitPaymentResponseType`. The echoed request
/// fields are optional here because real answers omit some (DOMAIN §7.1).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SoSvar {
    /// `OrganisationsnummerIngivare`.
    #[serde(
        rename = "OrganisationsnummerIngivare",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub organisationsnummer_ingivare: Option<String>,
    /// `NamnIngivare`.
    #[serde(
        rename = "NamnIngivare",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub namn_ingivare: Option<String>,
    /// `KontonamnHandlaggare`.
    #[serde(
        rename = "KontonamnHandlaggare",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub kontonamn_handlaggare: Option<Sensitive>,
    /// `Referensnummer`.
    #[serde(
        rename = "Referensnummer",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub referensnummer: Option<String>,
    /// `From`.
    #[serde(rename = "From", default, skip_serializing_if = "Option::is_none")]
    pub from: Option<XsdDate>,
    /// `Tom`.
    #[serde(rename = "Tom", default, skip_serializing_if = "Option::is_none")]
    pub tom: Option<XsdDate>,
    /// `Syfte`.
    #[serde(rename = "Syfte", default, skip_serializing_if = "Option::is_none")]
    pub syfte: Option<String>,
    /// `Paragraf`.
    #[serde(rename = "Paragraf", default, skip_serializing_if = "Option::is_none")]
    pub paragraf: Option<String>,
    /// `OrganisationsnummerPersonuppgiftsbitrade`.
    #[serde(rename = "OrganisationsnummerPersonuppgiftsbitrade")]
    pub organisationsnummer_personuppgiftsbitrade: Vec<String>,
    /// `NamnPersonuppgiftsbitrade`.
    #[serde(rename = "NamnPersonuppgiftsbitrade")]
    pub namn_personuppgiftsbitrade: Vec<String>,
    /// `IdentificationNumber`.
    #[serde(
        rename = "IdentificationNumber",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub identification_number: Option<Sensitive>,
    /// `ArbetsloshetsersattningLista`.
    #[serde(
        rename = "ArbetsloshetsersattningLista",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub arbetsloshetsersattningar: Option<Vec<Arbetsloshetsersattning>>,
}

/// SO `Arbetsloshetsersattning`.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Arbetsloshetsersattning {
    /// `SvarandeOrganisation`.
    #[serde(rename = "SvarandeOrganisation")]
    pub svarande_organisation: String,
    /// `StatusSvarandeOrganisation`.
    #[serde(rename = "StatusSvarandeOrganisation")]
    pub status: String,
    /// `Utbetalningar`.
    #[serde(rename = "Utbetalningar")]
    pub utbetalningar: Vec<SoUtbetalning>,
    /// `Avstangningar`.
    #[serde(rename = "Avstangningar")]
    pub avstangningar: Vec<SoAvstangning>,
    /// `AnsoktOmErsattning`.
    #[serde(
        rename = "AnsoktOmErsattning",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub ansokt_om_ersattning: Option<AnsoktOmErsattning>,
}

/// SO `Utbetalningar`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SoUtbetalning {
    /// `Utbetalningsdatum`.
    #[serde(rename = "Utbetalningsdatum")]
    pub utbetalningsdatum: XsdDate,
    /// `NettoEfterSkatt` (SEK).
    #[serde(rename = "NettoEfterSkatt", with = "crate::xs::serde::decimal_text")]
    pub netto_efter_skatt: Decimal,
    /// `NettoEfterAvdrag` (SEK).
    #[serde(rename = "NettoEfterAvdrag", with = "crate::xs::serde::decimal_text")]
    pub netto_efter_avdrag: Decimal,
    /// `Ersattningsdagar`.
    #[serde(rename = "Ersattningsdagar", with = "crate::xs::serde::decimal_text")]
    pub ersattningsdagar: Decimal,
    /// `AvserFrom`.
    #[serde(rename = "AvserFrom")]
    pub avser_from: XsdDate,
    /// `AvserTom`.
    #[serde(rename = "AvserTom")]
    pub avser_tom: XsdDate,
}

/// SO `Avstangningar`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SoAvstangning {
    /// `AvstangdFrom`.
    #[serde(rename = "AvstangdFrom")]
    pub from: XsdDate,
    /// `AvstangdTom`.
    #[serde(rename = "AvstangdTom")]
    pub tom: XsdDate,
}

/// SO `AnsoktOmErsattning`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AnsoktOmErsattning {
    /// `BeslutOmRattTillErsattning` (`None`: `xsi:nil`).
    #[serde(
        rename = "BeslutOmRattTillErsattning",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub beslut_om_ratt_till_ersattning: Option<XsdDate>,
    /// `AnsokanOmUtbetalningInlamnad`.
    #[serde(rename = "AnsokanOmUtbetalningInlamnad")]
    pub ansokan_om_utbetalning_inlamnad: bool,
}

/// TNS: `tns:HamtaUppgifterResponseType` (vehicles).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TnsSvar {
    /// `resultat`: `true` for `OK`, `false` for `FEL`.
    #[serde(rename = "resultat", with = "tns_resultat")]
    pub ok: bool,
    /// `fordonsinnehav`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fordonsinnehav: Option<Fordonsinnehav>,
    /// `felresultat`.
    pub felresultat: Vec<TnsFelresultat>,
    /// Further elements (`xs:any`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub extra: Vec<XmlFragment>,
}

/// TNS `fordonsinnehav`.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Fordonsinnehav {
    /// `fordon`.
    pub fordon: Vec<Fordon>,
    /// Further elements (`xs:any`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub extra: Vec<XmlFragment>,
}

/// TNS `fordon`.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Fordon {
    /// `regnr`.
    pub regnr: String,
    /// `fabrikat`.
    pub fabrikat: String,
    /// `fordonsar`.
    pub fordonsar: String,
    /// `fordonsslag` (`PERSONBIL`, `MOTORCYKEL`, …).
    pub fordonsslag: String,
    /// `handelsbeteckning`.
    pub handelsbeteckning: String,
    /// Further elements (`xs:any`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub extra: Vec<XmlFragment>,
}

/// TNS `felresultat`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TnsFelresultat {
    /// `felkod`.
    pub felkod: i32,
    /// `feltext`.
    pub feltext: String,
    /// Further elements (`xs:any`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub extra: Vec<XmlFragment>,
}

/// MIV: `miv:findByPersonnummerResponse`.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MivSvar {
    /// `response`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub response: Option<MivResponse>,
}

/// MIV `fkResponse`.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MivResponse {
    /// `korrelationsid`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub korrelationsid: Option<String>,
    /// `correlationid` (mandatory in the XSD; the fixture repeats `korrelationsid`).
    pub correlationid: String,
    /// `efternamn`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub efternamn: Option<Sensitive>,
    /// `fornamn`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fornamn: Option<Sensitive>,
    /// `hemland`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hemland: Option<String>,
    /// `inresedatum`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub inresedatum: Option<XsdDate>,
    /// `personnummer` (a free string in the XSD).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub personnummer: Option<Sensitive>,
    /// `svarCollection/svar`: `None` entries are `xsi:nil`; `svar_collection` itself is
    /// `None` when the element is absent.
    #[serde(
        rename = "svarCollection",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub svar_collection: Option<Vec<Option<MivBeslut>>>,
}

impl MivResponse {
    /// `personnummer` as a [`Personidentitet`], when it has that shape.
    pub fn personidentitet(&self) -> Option<Personidentitet> {
        self.personnummer
            .as_ref()
            .and_then(|p| Personidentitet::parse(p.expose()).ok())
    }

    /// The decisions that are present (skipping `xsi:nil` entries).
    pub fn beslut(&self) -> impl Iterator<Item = &MivBeslut> {
        self.svar_collection.iter().flatten().flatten()
    }
}

/// MIV `fkSvar`: one Migrationsverket decision.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MivBeslut {
    /// `anledning`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub anledning: Option<String>,
    /// `anledningNamn`.
    #[serde(
        rename = "anledningNamn",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub anledning_namn: Option<String>,
    /// `ansokningsdatum`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ansokningsdatum: Option<XsdDate>,
    /// `arendeTyp`.
    #[serde(rename = "arendeTyp", default, skip_serializing_if = "Option::is_none")]
    pub arendetyp: Option<MivArendetyp>,
    /// `arendeTypNamn`.
    #[serde(
        rename = "arendeTypNamn",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub arendetyp_namn: Option<String>,
    /// `beslutsKod`.
    #[serde(
        rename = "beslutsKod",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub beslutskod: Option<MivBeslutskod>,
    /// `beslutsKodNamn`.
    #[serde(
        rename = "beslutsKodNamn",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub beslutskod_namn: Option<String>,
    /// `beslutsTyp`.
    #[serde(
        rename = "beslutsTyp",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub beslutstyp: Option<MivBeslutstyp>,
    /// `beslutsTypNamn`.
    #[serde(
        rename = "beslutsTypNamn",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub beslutstyp_namn: Option<String>,
    /// `beslutsdatum`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub beslutsdatum: Option<XsdDate>,
    /// `fromDatum`.
    #[serde(rename = "fromDatum", default, skip_serializing_if = "Option::is_none")]
    pub from_datum: Option<XsdDate>,
    /// `giltighetstid`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub giltighetstid: Option<Giltighetstid>,
    /// `tomDatum`.
    #[serde(rename = "tomDatum", default, skip_serializing_if = "Option::is_none")]
    pub tom_datum: Option<XsdDate>,
}

/// CSN: the base64 `svar`, the `CSNSvar` document inside it, typed.
///
/// serde: `{"svar": <the typed document>}` (see [`CsnDokument`]); encoding writes the
/// bytes as received, or, for a document built or read from JSON, encodes it.
///
/// ```
/// use lefi::model::ssbtek::{CsnDokument, CsnSvar};
/// let svar = CsnSvar::new(CsnDokument::default());
/// assert!(svar.received().is_none());
/// assert_eq!(svar.dokument(), &CsnDokument::default());
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CsnSvar {
    svar: Payload<CsnDokument>,
}

impl CsnSvar {
    /// CSN's answer document, to be encoded when written.
    pub fn new(dokument: CsnDokument) -> Self {
        Self {
            svar: Payload::new(dokument),
        }
    }

    /// A decoded answer: the document and the bytes it was decoded from.
    pub(crate) fn decoded(dokument: CsnDokument, received: Base64Blob) -> Self {
        Self {
            svar: Payload::decoded(dokument, received),
        }
    }

    /// The `CSNSvar` document.
    pub fn dokument(&self) -> &CsnDokument {
        self.svar.value()
    }

    /// The payload (document and, when decoded, the bytes as received).
    pub fn payload(&self) -> &Payload<CsnDokument> {
        &self.svar
    }

    /// The XML bytes as received, when decoded from a message.
    pub fn received(&self) -> Option<&[u8]> {
        self.svar.received()
    }
}

/// FK: `lefiJsonSvar`, the LEFI v9 JSON response, typed.
///
/// serde: `{"lefiJsonSvar": <the LEFI v9 JSON answer>}`; encoding writes the JSON as
/// received, or, for an answer built or read from the JSON form, encodes it.
///
/// ```
/// use lefi::model::lefi::LefiExternFormansinformationSvar;
/// use lefi::model::ssbtek::FkSvar;
/// let fk = FkSvar::new(LefiExternFormansinformationSvar::default());
/// assert_eq!(serde_json::to_string(&fk)?, r#"{"lefiJsonSvar":{}}"#);
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct FkSvar {
    lefi_json_svar: Payload<Box<LefiExternFormansinformationSvar>>,
}

impl FkSvar {
    /// A LEFI v9 answer as the FK payload, to be encoded when written.
    pub fn new(svar: LefiExternFormansinformationSvar) -> Self {
        Self {
            lefi_json_svar: Payload::new(Box::new(svar)),
        }
    }

    /// A decoded answer: the typed answer and the JSON bytes it was decoded from.
    pub(crate) fn decoded(svar: LefiExternFormansinformationSvar, received: Base64Blob) -> Self {
        Self {
            lefi_json_svar: Payload::decoded(Box::new(svar), received),
        }
    }

    /// The typed LEFI v9 answer.
    pub fn svar(&self) -> &LefiExternFormansinformationSvar {
        self.lefi_json_svar.value()
    }

    /// The payload (answer and, when decoded, the bytes as received).
    pub fn payload(&self) -> &Payload<Box<LefiExternFormansinformationSvar>> {
        &self.lefi_json_svar
    }

    /// The JSON bytes as received, when decoded from a message.
    pub fn received(&self) -> Option<&[u8]> {
        self.lefi_json_svar.received()
    }
}

/// serde for TNS `resultat`: `"OK"` (true) or `"FEL"` (false), as on the wire.
mod tns_resultat {
    use serde::{Deserializer, Serializer};

    pub(super) fn serialize<S: Serializer>(ok: &bool, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(if *ok { "OK" } else { "FEL" })
    }

    pub(super) fn deserialize<'de, D: Deserializer<'de>>(
        deserializer: D,
    ) -> Result<bool, D::Error> {
        crate::xs::serde::deserialize_str(deserializer, "\"OK\" or \"FEL\"", |t| match t {
            "OK" => Ok(true),
            "FEL" => Ok(false),
            _ => Err("invalid resultat, expected OK or FEL"),
        })
    }
}
