//! Redaction of decoded SSBTEK messages: a serde mirror of the SSBTEK model that keeps only
//! what a log needs, whose identity fields keep their identity types, serialised through
//! the same redacting serializer as the LEFI model. (The model's own serde form is the
//! crate's JSON form: wire-equivalent, with every value.)

mod payloads;

use serde::{Serialize, Serializer};

use super::{FreeText, redacted};
use crate::id::{Organisationsnummer, Personidentitet, Sensitive};
use crate::model::lefi::{LefiExternFormansinformationFraga, LefiExternFormansinformationSvar};
use crate::model::ssbtek::{
    AfSvar, AgencyResult, BastjanstFraga, BastjanstSvar, Fault, FaultDetail, FkSvar, MivSvar,
    OperationFault, PingSvar, SoSvar, SsbtError, TnsSvar,
};
use crate::model::ssbtek::{SsbtekDocument, SsbtekMessage};
use crate::xml::{XmlFragment, XmlNode};
use payloads::{CsnLog, SkvLog, UndecodableLog};

/// A decoded SSBTEK message that serialises with identities redacted (see
/// [`redacted_ssbtek`]).
#[derive(Clone, Copy)]
pub struct RedactedSsbtek<'a>(&'a SsbtekDocument);

impl core::fmt::Debug for RedactedSsbtek<'_> {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.write_str("RedactedSsbtek")
    }
}

/// Wraps a decoded SSBTEK message so that it serialises (as JSON-like structure) with
/// identities redacted: the identity types as in [`redacted`]; names, free-text messages,
/// reference numbers, vehicle registration numbers, and all text and attribute values of
/// XML kept as received (CSN, headers, `xs:any` extensions) as [`REDACTED`](super::REDACTED).
/// The FK part is the typed LEFI v9 answer, redacted like [`redacted`] does.
///
/// ```
/// use lefi::legal::{redacted_ssbtek, REDACTED};
/// let xml = br#"<hamtaBastjanstInformationResponse xmlns="http://schema.forsakringskassan.se/integration/ssbt/10">
///   <svarsdata><MIV><data><response xmlns=""><correlationid>c</correlationid><fornamn>Tolvan</fornamn>
///   <personnummer>191212121212</personnummer></response></data></MIV></svarsdata>
///   </hamtaBastjanstInformationResponse>"#;
/// let doc = lefi::wire::ssbtek::from_slice(xml)?;
/// let log = serde_json::to_value(redacted_ssbtek(&doc))?;
/// let miv = &log["message"]["response"]["svarsdata"]["miv"]["data"]["response"];
/// assert_eq!(miv["fornamn"], REDACTED);
/// assert_eq!(miv["personnummer"], REDACTED);
/// assert!(!log.to_string().contains("191212121212"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[must_use]
pub fn redacted_ssbtek(doc: &SsbtekDocument) -> RedactedSsbtek<'_> {
    RedactedSsbtek(doc)
}

impl Serialize for RedactedSsbtek<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        redacted(&DocLog::new(self.0)).serialize(serializer)
    }
}

#[derive(Serialize)]
struct DocLog<'a> {
    version: Option<String>,
    header: Option<Xml<'a>>,
    message: MessageLog<'a>,
}

impl<'a> DocLog<'a> {
    fn new(doc: &'a SsbtekDocument) -> Self {
        let message = match &doc.message {
            SsbtekMessage::Request(f) => MessageLog::Request(Box::new(FragaLog::new(f))),
            SsbtekMessage::Response(s) => MessageLog::Response(Box::new(SvarLog::new(s))),
            SsbtekMessage::PingRequest => MessageLog::PingRequest,
            SsbtekMessage::PingResponse(p) => MessageLog::PingResponse(PingLog::new(p)),
            SsbtekMessage::Fault(f) => MessageLog::Fault(FaultLog::new(f)),
        };
        Self {
            version: doc.version.map(|v| v.to_string()),
            header: doc.header.as_ref().map(Xml),
            message,
        }
    }
}

#[derive(Serialize)]
#[serde(rename_all = "snake_case")]
enum MessageLog<'a> {
    Request(Box<FragaLog<'a>>),
    Response(Box<SvarLog<'a>>),
    PingRequest,
    PingResponse(PingLog<'a>),
    Fault(FaultLog<'a>),
}

/// An XML element kept as received: names and structure, every text and attribute value
/// as free text.
pub(super) struct Xml<'a>(pub(super) &'a XmlFragment);

impl Serialize for Xml<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let e = self.0;
        let mut s = serializer.serialize_struct("XmlElement", 3)?;
        s.serialize_field("element", e.name().local())?;
        let attributes: Vec<(&str, FreeText<'_>)> = e
            .attributes()
            .iter()
            .map(|a| (a.name().local(), FreeText(a.value())))
            .collect();
        s.serialize_field("attributes", &attributes)?;
        let children: Vec<XmlChild<'_>> = e
            .children()
            .iter()
            .filter_map(|n| match n {
                XmlNode::Element(f) => Some(XmlChild::Element(Xml(f))),
                XmlNode::Text(t) | XmlNode::CData(t) if !t.trim().is_empty() => {
                    Some(XmlChild::Text(FreeText(t)))
                }
                _ => None,
            })
            .collect();
        s.serialize_field("children", &children)?;
        s.end()
    }
}

#[derive(Serialize)]
#[serde(rename_all = "snake_case")]
enum XmlChild<'a> {
    Element(Xml<'a>),
    Text(FreeText<'a>),
}

pub(super) fn xml_list(list: &[XmlFragment]) -> Vec<Xml<'_>> {
    list.iter().map(Xml).collect()
}

pub(super) fn free(text: &str) -> FreeText<'_> {
    FreeText(text)
}

#[derive(Serialize)]
struct FragaLog<'a> {
    frage_tidpunkt: Option<String>,
    korrelationsid: Option<&'a str>,
    fragan_skall_inkluderas_i_svaret: bool,
    ingivare_organisationsnummer: &'a Organisationsnummer,
    ingivare_namn: &'a str,
    handlaggare: &'a Sensitive,
    personidentitet: &'a Personidentitet,
    arendeidentitet: FreeText<'a>,
    tidsperiod: [String; 2],
    personuppgiftsbitraden: Vec<(Option<i16>, &'a Organisationsnummer, &'a str)>,
    syfte: &'a str,
    lagtext: &'a str,
    inkluderade: Vec<&'static str>,
    fk_fraga: Option<&'a LefiExternFormansinformationFraga>,
}

impl<'a> FragaLog<'a> {
    fn new(f: &'a BastjanstFraga) -> Self {
        let g = &f.generella;
        let sp = &f.specifika;
        Self {
            frage_tidpunkt: g.frage_tidpunkt.as_ref().map(ToString::to_string),
            korrelationsid: g.korrelationsid.as_deref(),
            fragan_skall_inkluderas_i_svaret: g.fragan_skall_inkluderas_i_svaret,
            ingivare_organisationsnummer: &g.ingivare.organisationsnummer,
            ingivare_namn: &g.ingivare.namn,
            handlaggare: &g.ingivare.handlaggare,
            personidentitet: &g.personidentitet,
            arendeidentitet: free(g.arendeidentitet.as_str()),
            tidsperiod: [
                g.tidsperiod.from().to_string(),
                g.tidsperiod.tom().to_string(),
            ],
            personuppgiftsbitraden: g
                .personuppgiftsbitraden
                .iter()
                .map(|p| (p.ordningsnummer, &p.organisationsnummer, p.namn.as_str()))
                .collect(),
            syfte: g.syfte.as_str(),
            lagtext: g.lagtext.as_str(),
            inkluderade: crate::model::ssbtek::Agency::ALL
                .into_iter()
                .filter(|a| sp.includes(*a))
                .map(crate::model::ssbtek::Agency::element_name)
                .collect(),
            fk_fraga: sp.fk.fraga.as_ref().map(|q| q.fraga()),
        }
    }
}

#[derive(Serialize)]
struct SvarLog<'a> {
    fraga: Option<FragaLog<'a>>,
    frage_tidpunkt: Option<String>,
    korrelationsid: Option<&'a str>,
    svarsdata: SvarsdataLog<'a>,
}

impl<'a> SvarLog<'a> {
    fn new(s: &'a BastjanstSvar) -> Self {
        let d = &s.svarsdata;
        Self {
            fraga: s.fraga.as_ref().map(FragaLog::new),
            frage_tidpunkt: s.frage_tidpunkt.as_ref().map(ToString::to_string),
            korrelationsid: s.korrelationsid.as_deref(),
            svarsdata: SvarsdataLog {
                af: d.af.as_ref().map(|r| result(r, AfLog::new)),
                csn: d.csn.as_ref().map(|r| result(r, CsnLog::new)),
                fk: d.fk.as_ref().map(|r| result(r, FkSvar::svar)),
                skv: d.skv.as_ref().map(|r| result(r, SkvLog::new)),
                so: d.so.as_ref().map(|r| result(r, SoLog::new)),
                tns: d.tns.as_ref().map(|r| result(r, TnsLog::new)),
                miv: d.miv.as_ref().map(|r| result(r, MivLog::new)),
                other: xml_list(&d.other),
            },
        }
    }
}

#[derive(Serialize)]
struct SvarsdataLog<'a> {
    af: Option<ResultLog<'a, AfLog<'a>>>,
    csn: Option<ResultLog<'a, CsnLog<'a>>>,
    fk: Option<ResultLog<'a, &'a LefiExternFormansinformationSvar>>,
    skv: Option<ResultLog<'a, SkvLog<'a>>>,
    so: Option<ResultLog<'a, SoLog<'a>>>,
    tns: Option<ResultLog<'a, TnsLog<'a>>>,
    miv: Option<ResultLog<'a, MivLog<'a>>>,
    other: Vec<Xml<'a>>,
}

#[derive(Serialize)]
#[serde(rename_all = "snake_case")]
enum ResultLog<'a, T> {
    Data(T),
    Error(ErrorLog<'a>),
    Undecodable(UndecodableLog<'a>),
}

fn result<'a, T, L>(r: &'a AgencyResult<T>, f: impl FnOnce(&'a T) -> L) -> ResultLog<'a, L> {
    match r {
        AgencyResult::Data(d) => ResultLog::Data(f(d)),
        AgencyResult::Error(e) => ResultLog::Error(ErrorLog::new(e)),
        AgencyResult::Undecodable(u) => ResultLog::Undecodable(UndecodableLog::new(u)),
    }
}

#[derive(Serialize)]
pub(super) struct ErrorLog<'a> {
    kalla: &'a str,
    felkod: &'a str,
    felmeddelanden: Vec<FreeText<'a>>,
}

impl<'a> ErrorLog<'a> {
    pub(super) fn new(e: &'a SsbtError) -> Self {
        Self {
            kalla: e.kalla().code(),
            felkod: e.felkod(),
            felmeddelanden: e.felmeddelanden().iter().map(|m| free(m)).collect(),
        }
    }
}

#[derive(Serialize)]
struct AfLog<'a> {
    fraga: Option<Xml<'a>>,
    schemaversion: &'a str,
    referensnummer: FreeText<'a>,
    lag_paragraf: Option<&'a str>,
    identitetsbeteckning: &'a Option<Sensitive>,
    fornamn: &'a Option<Sensitive>,
    efternamn: &'a Option<Sensitive>,
    sekretessmarkering: Option<bool>,
    arbetssokande: Option<bool>,
    arbetssokande_skat: Option<&'a str>,
    registrerad: Option<String>,
    omfattning: Option<i32>,
    avaktualiserad: Option<String>,
    aktivitetsrapport_meddelande: Option<FreeText<'a>>,
    aktivitetsrapport_senaste: Option<String>,
    beslut: Vec<(&'a str, i32, String, String, Vec<Xml<'a>>)>,
    akassetillhorighet: Option<&'a str>,
    status_kod: i32,
    status_text: &'a str,
    extra: Vec<Xml<'a>>,
}

impl<'a> AfLog<'a> {
    fn new(a: &'a AfSvar) -> Self {
        let s = &a.svar;
        let info = s.arbetssokande_info.as_ref();
        let rapport = info.and_then(|i| i.aktivitetsrapport.as_ref());
        let mut extra = xml_list(&s.extra);
        extra.extend(xml_list(&a.extra));
        if let Some(b) = &s.beslut_info {
            extra.extend(xml_list(&b.extra));
        }
        Self {
            fraga: a.fraga.as_ref().map(Xml),
            schemaversion: &s.schemaversion,
            referensnummer: free(&s.referensnummer),
            lag_paragraf: s.lag_paragraf.as_deref(),
            identitetsbeteckning: &s.identitetsbeteckning,
            fornamn: &s.fornamn,
            efternamn: &s.efternamn,
            sekretessmarkering: s.sekretessmarkering,
            arbetssokande: info.and_then(|i| i.arbetssokande),
            arbetssokande_skat: info.and_then(|i| i.skat.as_deref()),
            registrerad: info.and_then(|i| i.registrerad.map(|d| d.to_string())),
            omfattning: info.and_then(|i| i.omfattning),
            avaktualiserad: info.and_then(|i| i.avaktualiserad.map(|d| d.to_string())),
            aktivitetsrapport_meddelande: rapport.map(|r| free(&r.meddelande)),
            aktivitetsrapport_senaste: rapport.and_then(|r| r.senaste.map(|d| d.to_string())),
            beslut: s
                .beslut_info
                .iter()
                .flat_map(|b| b.ekonomiska_beslut.iter())
                .map(|b| {
                    let extra = xml_list(&b.extra);
                    (
                        b.ersattning_typ.as_str(),
                        b.omfattning,
                        b.from.to_string(),
                        b.tom.to_string(),
                        extra,
                    )
                })
                .collect(),
            akassetillhorighet: s.akassetillhorighet.as_deref(),
            status_kod: s.status_kod,
            status_text: &s.status_text,
            extra,
        }
    }
}

#[derive(Serialize)]
struct SoLog<'a> {
    organisationsnummer_ingivare: Option<&'a str>,
    namn_ingivare: Option<&'a str>,
    kontonamn_handlaggare: &'a Option<Sensitive>,
    referensnummer: Option<FreeText<'a>>,
    from: Option<String>,
    tom: Option<String>,
    syfte: Option<&'a str>,
    paragraf: Option<&'a str>,
    identification_number: &'a Option<Sensitive>,
    arbetsloshetsersattningar: Vec<SoErsattningLog<'a>>,
}

#[derive(Serialize)]
struct SoErsattningLog<'a> {
    svarande_organisation: &'a str,
    status: &'a str,
    /// `(datum, netto efter skatt, netto efter avdrag, dagar, från, tom)`.
    utbetalningar: Vec<[String; 6]>,
    avstangningar: Vec<[String; 2]>,
    beslut_om_ratt_till_ersattning: Option<String>,
    ansokan_om_utbetalning_inlamnad: Option<bool>,
}

impl<'a> SoLog<'a> {
    fn new(s: &'a SoSvar) -> Self {
        Self {
            organisationsnummer_ingivare: s.organisationsnummer_ingivare.as_deref(),
            namn_ingivare: s.namn_ingivare.as_deref(),
            kontonamn_handlaggare: &s.kontonamn_handlaggare,
            referensnummer: s.referensnummer.as_deref().map(free),
            from: s.from.map(|d| d.to_string()),
            tom: s.tom.map(|d| d.to_string()),
            syfte: s.syfte.as_deref(),
            paragraf: s.paragraf.as_deref(),
            identification_number: &s.identification_number,
            arbetsloshetsersattningar: s
                .arbetsloshetsersattningar
                .iter()
                .flatten()
                .map(|a| SoErsattningLog {
                    svarande_organisation: &a.svarande_organisation,
                    status: &a.status,
                    utbetalningar: a
                        .utbetalningar
                        .iter()
                        .map(|u| {
                            [
                                u.utbetalningsdatum.to_string(),
                                u.netto_efter_skatt.to_string(),
                                u.netto_efter_avdrag.to_string(),
                                u.ersattningsdagar.to_string(),
                                u.avser_from.to_string(),
                                u.avser_tom.to_string(),
                            ]
                        })
                        .collect(),
                    avstangningar: a
                        .avstangningar
                        .iter()
                        .map(|x| [x.from.to_string(), x.tom.to_string()])
                        .collect(),
                    beslut_om_ratt_till_ersattning: a
                        .ansokt_om_ersattning
                        .and_then(|x| x.beslut_om_ratt_till_ersattning.map(|d| d.to_string())),
                    ansokan_om_utbetalning_inlamnad: a
                        .ansokt_om_ersattning
                        .map(|x| x.ansokan_om_utbetalning_inlamnad),
                })
                .collect(),
        }
    }
}

#[derive(Serialize)]
struct FordonLog<'a> {
    regnr: FreeText<'a>,
    fabrikat: &'a str,
    fordonsar: &'a str,
    fordonsslag: &'a str,
    handelsbeteckning: &'a str,
    extra: Vec<Xml<'a>>,
}

#[derive(Serialize)]
struct TnsLog<'a> {
    ok: bool,
    fordon: Vec<FordonLog<'a>>,
    felresultat: Vec<(i32, FreeText<'a>, Vec<Xml<'a>>)>,
    extra: Vec<Xml<'a>>,
}

impl<'a> TnsLog<'a> {
    fn new(t: &'a TnsSvar) -> Self {
        let mut extra = xml_list(&t.extra);
        if let Some(f) = &t.fordonsinnehav {
            extra.extend(xml_list(&f.extra));
        }
        Self {
            ok: t.ok,
            fordon: t
                .fordonsinnehav
                .iter()
                .flat_map(|f| f.fordon.iter())
                .map(|f| FordonLog {
                    regnr: free(&f.regnr),
                    fabrikat: &f.fabrikat,
                    fordonsar: &f.fordonsar,
                    fordonsslag: &f.fordonsslag,
                    handelsbeteckning: &f.handelsbeteckning,
                    extra: xml_list(&f.extra),
                })
                .collect(),
            felresultat: t
                .felresultat
                .iter()
                .map(|f| (f.felkod, free(&f.feltext), xml_list(&f.extra)))
                .collect(),
            extra,
        }
    }
}

#[derive(Serialize)]
struct MivLog<'a> {
    response: Option<MivResponseLog<'a>>,
}

#[derive(Serialize)]
struct MivResponseLog<'a> {
    korrelationsid: Option<&'a str>,
    correlationid: &'a str,
    efternamn: &'a Option<Sensitive>,
    fornamn: &'a Option<Sensitive>,
    hemland: Option<FreeText<'a>>,
    inresedatum: Option<String>,
    personnummer: &'a Option<Sensitive>,
    /// `(ärendetyp, beslutstyp, beslutskod, beslutsdatum, från, tom, giltighetstid)`.
    beslut: Vec<[Option<String>; 7]>,
}

impl<'a> MivLog<'a> {
    fn new(m: &'a MivSvar) -> Self {
        Self {
            response: m.response.as_ref().map(|r| MivResponseLog {
                korrelationsid: r.korrelationsid.as_deref(),
                correlationid: &r.correlationid,
                efternamn: &r.efternamn,
                fornamn: &r.fornamn,
                hemland: r.hemland.as_deref().map(free),
                inresedatum: r.inresedatum.map(|d| d.to_string()),
                personnummer: &r.personnummer,
                beslut: r
                    .beslut()
                    .map(|b| {
                        [
                            b.arendetyp.as_ref().map(|c| c.code().to_owned()),
                            b.beslutstyp.as_ref().map(|c| c.code().to_owned()),
                            b.beslutskod.as_ref().map(|c| c.code().to_owned()),
                            b.beslutsdatum.map(|d| d.to_string()),
                            b.from_datum.map(|d| d.to_string()),
                            b.tom_datum.map(|d| d.to_string()),
                            b.giltighetstid.as_ref().map(|c| c.code().to_owned()),
                        ]
                    })
                    .collect(),
            }),
        }
    }
}

#[derive(Serialize)]
struct PingLog<'a> {
    agencies: Vec<(&'static str, bool, Option<ErrorLog<'a>>)>,
}

impl<'a> PingLog<'a> {
    fn new(p: &'a PingSvar) -> Self {
        Self {
            agencies: p
                .agencies()
                .filter_map(|(agency, t)| {
                    t.map(|t| {
                        let error = t.error.as_ref().map(ErrorLog::new);
                        (agency.element_name(), t.anropad, error)
                    })
                })
                .collect(),
        }
    }
}

#[derive(Serialize)]
struct FaultLog<'a> {
    faultcode: Option<&'a str>,
    faultstring: Option<FreeText<'a>>,
    operation_felkod: Option<&'a str>,
    felmeddelanden: Vec<FreeText<'a>>,
    detail: Vec<Xml<'a>>,
}

impl<'a> FaultLog<'a> {
    fn new(f: &'a Fault) -> Self {
        let (soap, op): (
            Option<&'a crate::model::ssbtek::SoapFault>,
            Option<&'a OperationFault>,
        ) = match f {
            Fault::Soap(s) => (Some(s), s.operation_fault()),
            Fault::Operation(o) => (None, Some(o)),
        };
        Self {
            faultcode: soap.map(|s| s.faultcode.as_str()),
            faultstring: soap.map(|s| free(&s.faultstring)),
            operation_felkod: op.map(|o| o.felkod.as_str()),
            felmeddelanden: op
                .map(|o| o.felmeddelanden.iter().map(|m| free(m)).collect())
                .unwrap_or_default(),
            detail: soap
                .and_then(|s| s.detail.as_ref())
                .into_iter()
                .flatten()
                .filter_map(|d| match d {
                    FaultDetail::Other(x) => Some(Xml(x)),
                    FaultDetail::Operation(_) => None,
                })
                .collect(),
        }
    }
}
