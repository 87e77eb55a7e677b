//! The redacting mirror of the payloads typed from documents inside SSBTEK: CSN's
//! `CSNSvar`, Skatteverket's ssbt/10 document and ssbt/11 parts, and blocks kept
//! undecodable. Identities keep their identity types; everything kept as received (XML
//! fragments, JSON of unknown shape or of properties the types do not define) shows its
//! structure or names only.

use serde::Serialize;

use super::{ErrorLog, Xml, free, xml_list};
use crate::id::Sensitive;
use crate::legal::redact::{FreeText, REDACTED};
use crate::model::ssbtek::{
    AgencyResult, Beskattningsuppgifter, CsnPerson, CsnResultat, CsnSvar, Foretagsinformation,
    Payload, Skattekonto, Skatteuppgifter, SkvBelopp, SkvDelar, SkvJson, SkvSvar, Undecodable,
};

/// A block kept as received: why and where (no values), and its structure.
#[derive(Serialize)]
pub(super) struct UndecodableLog<'a> {
    error: &'a str,
    line: u64,
    column: u64,
    path: &'a str,
    block: Xml<'a>,
}

impl<'a> UndecodableLog<'a> {
    pub(super) fn new(u: &'a Undecodable) -> Self {
        Self {
            error: u.message(),
            line: u.position().line(),
            column: u.position().column(),
            path: u.position().path(),
            block: Xml(u.block()),
        }
    }
}

#[derive(Serialize)]
pub(super) struct CsnLog<'a> {
    resultat: &'a CsnResultat,
    schema_version: &'a str,
    gemensamt_fraga: Xml<'a>,
    /// Each person's typed content; the personnummer and co-borrower are identity types.
    personer: &'a [CsnPerson],
}

impl<'a> CsnLog<'a> {
    pub(super) fn new(c: &'a CsnSvar) -> Self {
        let d = c.dokument();
        Self {
            resultat: &d.resultat,
            schema_version: &d.schema_version,
            gemensamt_fraga: Xml(&d.gemensamt_fraga),
            personer: &d.personer,
        }
    }
}

#[derive(Serialize)]
#[serde(rename_all = "snake_case")]
pub(super) enum SkvLog<'a> {
    Beskattningsuppgifter(BeskattningsuppgifterLog<'a>),
    Delar(Box<DelarLog<'a>>),
}

impl<'a> SkvLog<'a> {
    pub(super) fn new(s: &'a SkvSvar) -> Self {
        match s {
            SkvSvar::Delar(d) => Self::Delar(Box::new(DelarLog::new(d))),
            other => Self::Beskattningsuppgifter(BeskattningsuppgifterLog::new(
                other.beskattningsuppgifter(),
            )),
        }
    }
}

#[derive(Serialize)]
pub(super) struct BeskattningsuppgifterLog<'a> {
    personer: Vec<PersonuppgiftLog<'a>>,
    extra: Vec<Xml<'a>>,
}

#[derive(Serialize)]
struct PersonuppgiftLog<'a> {
    identitet: &'a Option<Sensitive>,
    fornamn: &'a Option<Sensitive>,
    efternamn: &'a Option<Sensitive>,
    status: Option<&'a str>,
    /// `(taxeringsår, summa intäkter på kapital, överskott på kapital)`.
    kapital: Vec<(Option<u16>, Option<String>, Option<String>)>,
    extra: Vec<Xml<'a>>,
}

impl<'a> BeskattningsuppgifterLog<'a> {
    fn new(doc: Option<&'a Beskattningsuppgifter>) -> Self {
        let mut extra = Vec::new();
        let mut personer = Vec::new();
        if let Some(doc) = doc {
            extra.extend(xml_list(&doc.extra));
            if let Some(lista) = &doc.personuppgift_lista {
                extra.extend(xml_list(&lista.extra));
                for p in &lista.personuppgift {
                    let mut own = xml_list(&p.extra);
                    let kapital = p
                        .kapitaluppgift
                        .iter()
                        .map(|k| {
                            own.extend(xml_list(&k.extra));
                            (
                                k.taxeringsar,
                                k.summa_intakter_pa_kapital.map(|d| d.to_string()),
                                k.overskott_pa_kapital.map(|d| d.to_string()),
                            )
                        })
                        .collect();
                    personer.push(PersonuppgiftLog {
                        identitet: &p.identitetsbeteckning,
                        fornamn: &p.fornamn,
                        efternamn: &p.efternamn,
                        status: p.status_personuppgift_kod.as_deref(),
                        kapital,
                        extra: own,
                    });
                }
            }
        }
        Self { personer, extra }
    }
}

/// One part's outcome.
#[derive(Serialize)]
#[serde(rename_all = "snake_case")]
enum PartLog<'a, T> {
    Data(T),
    Error(ErrorLog<'a>),
    Undecodable(UndecodableLog<'a>),
}

fn part<'a, T, L>(
    r: &'a Option<AgencyResult<Payload<T>>>,
    f: impl FnOnce(&'a T) -> L,
) -> Option<PartLog<'a, L>> {
    Some(match r.as_ref()? {
        AgencyResult::Data(p) => PartLog::Data(f(p.value())),
        AgencyResult::Error(e) => PartLog::Error(ErrorLog::new(e)),
        AgencyResult::Undecodable(u) => PartLog::Undecodable(UndecodableLog::new(u)),
    })
}

#[derive(Serialize)]
pub(super) struct DelarLog<'a> {
    foretagsinformation: Option<PartLog<'a, ForetagLog<'a>>>,
    individuppgifter: Option<PartLog<'a, String>>,
    skattekonto: Option<PartLog<'a, SkattekontoLog<'a>>>,
    skatteuppgifter: Option<PartLog<'a, SkatteuppgifterLog<'a>>>,
    beskattningsbilagor: Option<PartLog<'a, String>>,
    error: Option<ErrorLog<'a>>,
}

impl<'a> DelarLog<'a> {
    fn new(d: &'a SkvDelar) -> Self {
        Self {
            foretagsinformation: part(&d.foretagsinformation, ForetagLog::new),
            individuppgifter: part(&d.individuppgifter, untyped),
            skattekonto: part(&d.skattekonto, SkattekontoLog::new),
            skatteuppgifter: part(&d.skatteuppgifter, SkatteuppgifterLog::new),
            beskattningsbilagor: part(&d.beskattningsbilagor, untyped),
            error: d.error.as_ref().map(ErrorLog::new),
        }
    }
}

/// JSON of a shape not typed yet: its size only.
fn untyped(j: &SkvJson) -> String {
    format!("{REDACTED} ({} bytes of JSON)", j.expose().len())
}

fn amount(b: &Option<SkvBelopp>) -> Option<String> {
    b.as_ref().map(|b| b.value().to_string())
}

#[derive(Serialize)]
struct ForetagLog<'a> {
    foretag_id: Option<&'a Sensitive>,
    arbetsgivarregistrerad: Option<bool>,
    momsregistrerad: Option<bool>,
    godkand_fskatt: Option<bool>,
    /// Paths of properties the type does not define (their values are not shown).
    unknown: Vec<String>,
}

impl<'a> ForetagLog<'a> {
    fn new(f: &'a Foretagsinformation) -> Self {
        let foretag = f.foretag.as_ref();
        Self {
            foretag_id: foretag.and_then(|f| f.foretag_id.as_ref()),
            arbetsgivarregistrerad: foretag.and_then(|f| f.arbetsgivarregistrerad),
            momsregistrerad: foretag.and_then(|f| f.momsregistrerad),
            godkand_fskatt: foretag.and_then(|f| f.godkand_fskatt),
            unknown: f.unknown_properties(),
        }
    }
}

#[derive(Serialize)]
struct SkattekontoLog<'a> {
    kontohavare: Option<&'a Sensitive>,
    utbetalt_belopp: Option<String>,
    bokforingsdag: Option<String>,
    saldo: Option<String>,
    preliminar_ranta: Option<String>,
    utbetalningskonto: Option<FreeText<'a>>,
    senast_uppdaterad: Option<String>,
    unknown: Vec<String>,
}

impl<'a> SkattekontoLog<'a> {
    fn new(k: &'a Skattekonto) -> Self {
        Self {
            kontohavare: k.kontohavare.as_ref(),
            utbetalt_belopp: amount(&k.utbetalt_belopp),
            bokforingsdag: k.bokforingsdag.map(|d| d.to_string()),
            saldo: amount(&k.saldo),
            preliminar_ranta: amount(&k.preliminar_ranta),
            utbetalningskonto: k.utbetalningskonto.as_ref().map(|s| free(s.expose())),
            senast_uppdaterad: k.senast_uppdaterad.as_ref().map(ToString::to_string),
            unknown: k.unknown_properties(),
        }
    }
}

/// One decided taxation: `(beskattningsår, period, fastställd, [fastställd inkomst,
/// överskott av tjänst, kapital, slutlig skatt])`.
type BeslutadLog<'a> = (
    Option<u16>,
    Option<&'a str>,
    Option<String>,
    [Option<String>; 4],
);

#[derive(Serialize)]
struct SkatteuppgifterLog<'a> {
    identitet: Option<&'a Sensitive>,
    beslutade: Vec<BeslutadLog<'a>>,
    unknown: Vec<String>,
}

impl<'a> SkatteuppgifterLog<'a> {
    fn new(s: &'a Skatteuppgifter) -> Self {
        let beslutade = s
            .beslutade_skatteuppgifter
            .iter()
            .flatten()
            .map(|b| {
                let u = b.uppgifter.as_ref();
                (
                    b.beskattningsar.map(|a| a.year()),
                    b.beskattningsperiod.as_ref().map(|p| p.as_str()),
                    b.datum_faststalld.map(|d| d.to_string()),
                    [
                        u.and_then(|u| amount(&u.fast_stalldinkomst)),
                        u.and_then(|u| amount(&u.overskott_av_tjanst)),
                        u.and_then(|u| amount(&u.sum_kapital)),
                        u.and_then(|u| amount(&u.summa_slutlig_skatt)),
                    ],
                )
            })
            .collect();
        Self {
            identitet: s.identitet.as_ref(),
            beslutade,
            unknown: s.unknown_properties(),
        }
    }
}
