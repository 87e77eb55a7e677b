//! What each base service returns inside `svarsdata/<AGENCY>/data`.

use std::fmt;

use rust_decimal::Decimal;

use crate::codes::{Giltighetstid, MivArendetyp, MivBeslutskod, MivBeslutstyp};
use crate::id::{Personidentitet, Sensitive};
use crate::model::lefi::LefiExternFormansinformationSvar;
use crate::period::XsdDate;
use crate::wire::xml::{XmlDocument, XmlError, XmlFragment, XmlLimits};

use super::values::Base64Blob;

/// AF: `af:SvarMeddelande`. Decoded leniently: real answers omit the echoed `Fraga`
/// (DOMAIN §7.1); [`validate_payloads`](crate::wire::ssbtek::validate_payloads) reports it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AfSvar {
    /// `Fraga`: the echoed AF request, kept as received.
    pub fraga: Option<XmlFragment>,
    /// `Svar`.
    pub svar: AfSvarUppgifter,
    /// Elements after `Svar` (`xs:any`).
    pub extra: Vec<XmlFragment>,
}

/// AF `Svar`.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct AfSvarUppgifter {
    /// `Schemaversion`.
    pub schemaversion: String,
    /// `Referensnummer`.
    pub referensnummer: String,
    /// `LagParagraf` (required by the XSD, missing in real answers).
    pub lag_paragraf: Option<String>,
    /// `IdentitetsbeteckningFysiskPerson`.
    pub identitetsbeteckning: Option<Sensitive>,
    /// `Fornamn`.
    pub fornamn: Option<Sensitive>,
    /// `Efternamn`.
    pub efternamn: Option<Sensitive>,
    /// `Sekretessmarkering`.
    pub sekretessmarkering: Option<bool>,
    /// `ArbetssokandeInfo`.
    pub arbetssokande_info: Option<ArbetssokandeInfo>,
    /// `BeslutInfo`.
    pub beslut_info: Option<BeslutInfo>,
    /// `Akassetillhorighet`.
    pub akassetillhorighet: Option<String>,
    /// `StatusSokandeinformationKod`.
    pub status_kod: i32,
    /// `StatusSokandeinformationKodText`.
    pub status_text: String,
    /// Further elements (`xs:any`).
    pub extra: Vec<XmlFragment>,
}

/// AF `ArbetssokandeInfo`.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ArbetssokandeInfo {
    /// `Arbetssokande`.
    pub arbetssokande: Option<bool>,
    /// `ArbetssokandeSKAT` (e.g. "Anställd").
    pub skat: Option<String>,
    /// `ArbetssokandeRegistrerad`.
    pub registrerad: Option<XsdDate>,
    /// `ArbetssokandeOmfattning` (percent).
    pub omfattning: Option<i32>,
    /// `ArbetssokandeAvaktualiserad`.
    pub avaktualiserad: Option<XsdDate>,
    /// `AktivetetsRapportDatum` (required by the XSD, missing in real answers).
    pub aktivitetsrapport: Option<AktivitetsRapport>,
}

/// AF `AktivetetsRapportDatum`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AktivitetsRapport {
    /// `AktivitetsRapportMeddelande`.
    pub meddelande: String,
    /// `SenasteAktivitetsRapportDatum`.
    pub senaste: Option<XsdDate>,
}

/// AF `BeslutInfo`.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct BeslutInfo {
    /// `EkonomiskaBeslut/Beslut`.
    pub ekonomiska_beslut: Vec<AfBeslut>,
    /// Further elements (`xs:any`).
    pub extra: Vec<XmlFragment>,
}

/// AF `Beslut`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AfBeslut {
    /// `ErsattningTyp`.
    pub ersattning_typ: String,
    /// `Omfattning`.
    pub omfattning: i32,
    /// `BeslutFrom`.
    pub from: XsdDate,
    /// `BeslutTom`.
    pub tom: XsdDate,
    /// Further elements (`xs:any`).
    pub extra: Vec<XmlFragment>,
}

/// SO (a-kassorna): `so:GetUnemploymentBenefitPaymentResponseType`. The echoed request
/// fields are optional here because real answers omit some (DOMAIN §7.1).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct SoSvar {
    /// `OrganisationsnummerIngivare`.
    pub organisationsnummer_ingivare: Option<String>,
    /// `NamnIngivare`.
    pub namn_ingivare: Option<String>,
    /// `KontonamnHandlaggare`.
    pub kontonamn_handlaggare: Option<Sensitive>,
    /// `Referensnummer`.
    pub referensnummer: Option<String>,
    /// `From`.
    pub from: Option<XsdDate>,
    /// `Tom`.
    pub tom: Option<XsdDate>,
    /// `Syfte`.
    pub syfte: Option<String>,
    /// `Paragraf`.
    pub paragraf: Option<String>,
    /// `OrganisationsnummerPersonuppgiftsbitrade`.
    pub organisationsnummer_personuppgiftsbitrade: Vec<String>,
    /// `NamnPersonuppgiftsbitrade`.
    pub namn_personuppgiftsbitrade: Vec<String>,
    /// `IdentificationNumber`.
    pub identification_number: Option<Sensitive>,
    /// `ArbetsloshetsersattningLista`.
    pub arbetsloshetsersattningar: Option<Vec<Arbetsloshetsersattning>>,
}

/// SO `Arbetsloshetsersattning`.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Arbetsloshetsersattning {
    /// `SvarandeOrganisation`.
    pub svarande_organisation: String,
    /// `StatusSvarandeOrganisation`.
    pub status: String,
    /// `Utbetalningar`.
    pub utbetalningar: Vec<SoUtbetalning>,
    /// `Avstangningar`.
    pub avstangningar: Vec<SoAvstangning>,
    /// `AnsoktOmErsattning`.
    pub ansokt_om_ersattning: Option<AnsoktOmErsattning>,
}

/// SO `Utbetalningar`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SoUtbetalning {
    /// `Utbetalningsdatum`.
    pub utbetalningsdatum: XsdDate,
    /// `NettoEfterSkatt` (SEK).
    pub netto_efter_skatt: Decimal,
    /// `NettoEfterAvdrag` (SEK).
    pub netto_efter_avdrag: Decimal,
    /// `Ersattningsdagar`.
    pub ersattningsdagar: Decimal,
    /// `AvserFrom`.
    pub avser_from: XsdDate,
    /// `AvserTom`.
    pub avser_tom: XsdDate,
}

/// SO `Avstangningar`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SoAvstangning {
    /// `AvstangdFrom`.
    pub from: XsdDate,
    /// `AvstangdTom`.
    pub tom: XsdDate,
}

/// SO `AnsoktOmErsattning`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct AnsoktOmErsattning {
    /// `BeslutOmRattTillErsattning` (`None`: `xsi:nil`).
    pub beslut_om_ratt_till_ersattning: Option<XsdDate>,
    /// `AnsokanOmUtbetalningInlamnad`.
    pub ansokan_om_utbetalning_inlamnad: bool,
}

/// TNS: `tns:HamtaUppgifterResponseType` (vehicles).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TnsSvar {
    /// `resultat`: `true` for `OK`, `false` for `FEL`.
    pub ok: bool,
    /// `fordonsinnehav`.
    pub fordonsinnehav: Option<Fordonsinnehav>,
    /// `felresultat`.
    pub felresultat: Vec<TnsFelresultat>,
    /// Further elements (`xs:any`).
    pub extra: Vec<XmlFragment>,
}

/// TNS `fordonsinnehav`.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Fordonsinnehav {
    /// `fordon`.
    pub fordon: Vec<Fordon>,
    /// Further elements (`xs:any`).
    pub extra: Vec<XmlFragment>,
}

/// TNS `fordon`.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
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
    pub extra: Vec<XmlFragment>,
}

/// TNS `felresultat`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TnsFelresultat {
    /// `felkod`.
    pub felkod: i32,
    /// `feltext`.
    pub feltext: String,
    /// Further elements (`xs:any`).
    pub extra: Vec<XmlFragment>,
}

/// MIV: `miv:findByPersonnummerResponse`.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct MivSvar {
    /// `response`.
    pub response: Option<MivResponse>,
}

/// MIV `fkResponse`.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct MivResponse {
    /// `korrelationsid`.
    pub korrelationsid: Option<String>,
    /// `correlationid` (mandatory in the XSD; the fixture repeats `korrelationsid`).
    pub correlationid: String,
    /// `efternamn`.
    pub efternamn: Option<Sensitive>,
    /// `fornamn`.
    pub fornamn: Option<Sensitive>,
    /// `hemland`.
    pub hemland: Option<String>,
    /// `inresedatum`.
    pub inresedatum: Option<XsdDate>,
    /// `personnummer` (a free string in the XSD).
    pub personnummer: Option<Sensitive>,
    /// `svarCollection/svar`: `None` entries are `xsi:nil`; `svar_collection` itself is
    /// `None` when the element is absent.
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
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct MivBeslut {
    /// `anledning`.
    pub anledning: Option<String>,
    /// `anledningNamn`.
    pub anledning_namn: Option<String>,
    /// `ansokningsdatum`.
    pub ansokningsdatum: Option<XsdDate>,
    /// `arendeTyp`.
    pub arendetyp: Option<MivArendetyp>,
    /// `arendeTypNamn`.
    pub arendetyp_namn: Option<String>,
    /// `beslutsKod`.
    pub beslutskod: Option<MivBeslutskod>,
    /// `beslutsKodNamn`.
    pub beslutskod_namn: Option<String>,
    /// `beslutsTyp`.
    pub beslutstyp: Option<MivBeslutstyp>,
    /// `beslutsTypNamn`.
    pub beslutstyp_namn: Option<String>,
    /// `beslutsdatum`.
    pub beslutsdatum: Option<XsdDate>,
    /// `fromDatum`.
    pub from_datum: Option<XsdDate>,
    /// `giltighetstid`.
    pub giltighetstid: Option<Giltighetstid>,
    /// `tomDatum`.
    pub tom_datum: Option<XsdDate>,
}

/// CSN: the base64 `svar`, kept exactly, and the XML document inside it.
#[derive(Clone, PartialEq, Eq)]
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
#[derive(Debug, Clone, PartialEq, Eq)]
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
#[derive(Debug, Clone, PartialEq, Eq)]
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
