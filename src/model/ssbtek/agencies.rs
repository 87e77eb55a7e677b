//! What each base service returns inside `svarsdata/<AGENCY>/data`.

use std::fmt;

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use crate::codes::{Giltighetstid, MivArendetyp, MivBeslutskod, MivBeslutstyp};
use crate::id::{Personidentitet, Sensitive};
use crate::model::lefi::LefiExternFormansinformationSvar;
use crate::period::XsdDate;
use crate::wire::xml::{XmlDocument, XmlError, XmlFragment, XmlLimits};

use super::values::Base64Blob;

/// AF: `af:SvarMeddelande`. Decoded leniently: real answers omit the echoed `Fraga`
/// (DOMAIN §7.1); [`validate_payloads`](crate::wire::ssbtek::validate_payloads) reports it.
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
    #[serde(rename = "NettoEfterSkatt", with = "decimal_text")]
    pub netto_efter_skatt: Decimal,
    /// `NettoEfterAvdrag` (SEK).
    #[serde(rename = "NettoEfterAvdrag", with = "decimal_text")]
    pub netto_efter_avdrag: Decimal,
    /// `Ersattningsdagar`.
    #[serde(rename = "Ersattningsdagar", with = "decimal_text")]
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

/// CSN: the base64 `svar`, kept exactly, and the XML document inside it.
///
/// serde: `{"svar": "<base64 text as received>"}`; the document is parsed again from it on
/// deserialising (with [`XmlLimits::default`]), so the base64 text is the only source of truth.
#[derive(Clone, PartialEq, Eq, Deserialize)]
#[serde(try_from = "CsnSvarJson")]
pub struct CsnSvar {
    svar: Base64Blob,
    dokument: XmlDocument,
}

impl CsnSvar {
    /// Decodes the inner document of a base64 payload.
    pub fn new(svar: Base64Blob, limits: &XmlLimits) -> Result<Self, XmlError> {
        let dokument = XmlDocument::parse(svar.bytes(), limits)?;
        Ok(Self { svar, dokument })
    }

    /// The payload as received.
    pub fn svar(&self) -> &Base64Blob {
        &self.svar
    }

    /// The inner `CSNSvar` document (v3.0 or v4.0 namespaces).
    pub fn dokument(&self) -> &XmlDocument {
        &self.dokument
    }

    /// `CSNSvar/@schemaVersion`.
    pub fn schema_version(&self) -> Option<&str> {
        self.dokument.root().attribute(None, "schemaVersion")
    }

    /// `GemensamtSvarEkbistand/Resultat/ResultatKod`.
    pub fn resultat_kod(&self) -> Option<String> {
        let ns = self.dokument.root().name().ns();
        self.dokument
            .root()
            .child(ns, "GemensamtSvarEkbistand")
            .and_then(|g| g.child(ns, "Resultat"))
            .and_then(|r| r.text_of(ns, "ResultatKod"))
    }
}

/// The JSON shape of [`CsnSvar`].
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct CsnSvarJson {
    svar: Base64Blob,
}

impl TryFrom<CsnSvarJson> for CsnSvar {
    type Error = PayloadError;

    fn try_from(j: CsnSvarJson) -> Result<Self, Self::Error> {
        Self::new(j.svar, &XmlLimits::default())
            .map_err(|e| PayloadError(format!("invalid CSN svar document: {e}")))
    }
}

impl Serialize for CsnSvar {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct as _;
        let mut st = serializer.serialize_struct("CsnSvar", 1)?;
        st.serialize_field("svar", &self.svar)?;
        st.end()
    }
}

/// Why an embedded payload in the JSON form was refused (message without document values).
#[derive(Debug)]
struct PayloadError(String);

impl fmt::Display for PayloadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl fmt::Debug for CsnSvar {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("CsnSvar")
            .field("svar", &self.svar)
            .field("dokument", &self.dokument)
            .finish()
    }
}

/// SKV: `skv:BeskattningsuppgifterResponseTYPE` — `svar` is an XML document carried as a
/// string; kept exactly (personal data: `Debug` redacts it).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SkvSvar {
    /// `svar`.
    pub svar: Sensitive,
}

impl SkvSvar {
    /// Parses the inner document (no schema is published for it).
    pub fn dokument(&self, limits: &XmlLimits) -> Result<XmlDocument, XmlError> {
        XmlDocument::parse(self.svar.expose().as_bytes(), limits)
    }
}

/// FK: `lefiJsonSvar`, the LEFI v9 JSON response, typed and kept exactly.
///
/// serde: `{"lefiJsonSvar": "<base64 text as received>"}` only — the base64 text is the
/// source of truth and [`FkSvar::svar`] is decoded again from it on deserialising, so the
/// typed view can never disagree with the bytes.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(try_from = "FkSvarJson")]
pub struct FkSvar {
    /// The JSON bytes (decoded from base64, re-encoded exactly).
    pub lefi_json_svar: Base64Blob,
    /// The same bytes decoded into the LEFI v9 model.
    pub svar: Box<LefiExternFormansinformationSvar>,
}

impl FkSvar {
    /// Encodes a typed LEFI v9 response as the FK payload.
    pub fn new(
        svar: LefiExternFormansinformationSvar,
    ) -> Result<Self, crate::wire::lefi_json::Error> {
        let bytes = crate::wire::lefi_json::to_vec(&svar)?;
        Ok(Self {
            lefi_json_svar: Base64Blob::from_bytes(bytes),
            svar: Box::new(svar),
        })
    }
}

/// The JSON shape of [`FkSvar`].
#[derive(Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
struct FkSvarJson {
    lefi_json_svar: Base64Blob,
}

impl TryFrom<FkSvarJson> for FkSvar {
    type Error = PayloadError;

    fn try_from(j: FkSvarJson) -> Result<Self, Self::Error> {
        let svar = crate::wire::lefi_json::from_slice(j.lefi_json_svar.bytes())
            .map_err(|e| PayloadError(format!("invalid LEFI v9 JSON in lefiJsonSvar: {e}")))?;
        Ok(Self {
            lefi_json_svar: j.lefi_json_svar,
            svar: Box::new(svar),
        })
    }
}

impl Serialize for FkSvar {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct as _;
        let mut st = serializer.serialize_struct("FkSvar", 1)?;
        st.serialize_field("lefiJsonSvar", &self.lefi_json_svar)?;
        st.end()
    }
}

/// serde for `xs:decimal` amounts: the decimal text (a JSON string, so the scale survives:
/// `"1234.50"`), read back exactly.
mod decimal_text {
    use std::str::FromStr as _;

    use rust_decimal::Decimal;
    use serde::{Deserializer, Serializer};

    pub(super) fn serialize<S: Serializer>(d: &Decimal, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(d)
    }

    pub(super) fn deserialize<'de, D: Deserializer<'de>>(
        deserializer: D,
    ) -> Result<Decimal, D::Error> {
        crate::id::serde_support::deserialize_str(deserializer, "a decimal as a string", |t| {
            Decimal::from_str(t).map_err(|_| "invalid value, expected an xs:decimal")
        })
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
        crate::id::serde_support::deserialize_str(deserializer, "\"OK\" or \"FEL\"", |t| match t {
            "OK" => Ok(true),
            "FEL" => Ok(false),
            _ => Err("invalid resultat, expected OK or FEL"),
        })
    }
}
