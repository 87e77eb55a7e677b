//! Decoding SSBTEK SOAP messages into the model.

use crate::id::{Organisationsnummer, Personidentitet, Sensitive};
use crate::model::lefi::LefiExternFormansinformationFraga;
use crate::model::ssbtek::{
    Agency, AgencyParametrar, Arendeidentitet, BastjanstFraga, Fault, FaultDetail, FkFraga,
    FkParametrar, GenerellaFrageparametrar, Ingivare, Lagtext, Operation, OperationFault,
    Personuppgiftsbitrade, PingSvar, SkatteverketFraga, SkvParametrar, SoapFault,
    SpecifikaFrageparametrar, Syfte, TestSvar, Tidsperiod,
};
use crate::version::SsbtekVersion;
use crate::xml::{EventSource, XmlErrorKind, XmlReader};

use super::agencies::fk;
use super::answer::{self, Ctx, payload_error};
use super::gating::Gate;
use super::read::{base64, boolean, date, date_time, int, text};
use super::{DecodeError, SOAP11_NAMESPACE, SsbtekDocument, SsbtekMessage, VERSIONS};

/// What the body element is.
enum Body {
    Request,
    Response,
    PingRequest,
    PingResponse,
    Fault(Operation),
}

fn invalid(expected: &'static str) -> XmlErrorKind {
    XmlErrorKind::InvalidValue { expected }
}

pub(crate) fn document<S: EventSource>(
    r: &mut XmlReader<S>,
    ctx: &mut Ctx<'_>,
) -> Result<SsbtekDocument, DecodeError> {
    let Some(root) = r.next_child()? else {
        return Err(r.error(XmlErrorKind::NoRoot));
    };
    let doc = if root.is(Some(SOAP11_NAMESPACE), "Envelope") {
        let (mut header, mut body) = (None, None);
        while let Some(el) = r.next_child()? {
            match (el.ns() == Some(SOAP11_NAMESPACE), el.local()) {
                (true, "Header") if header.is_none() && body.is_none() => {
                    header = Some(r.capture()?);
                }
                (true, "Body") if body.is_none() => {
                    let Some(_) = r.next_child()? else {
                        return Err(r.error(XmlErrorKind::MissingElement {
                            name: "Body content",
                        }));
                    };
                    let (version, message) = body_element(r, ctx)?;
                    if r.next_child()?.is_some() {
                        return Err(r.unexpected_element());
                    }
                    body = Some((version, message));
                }
                _ => return Err(r.unexpected_element()),
            }
        }
        let (version, message) = r.required(body, "Body")?;
        SsbtekDocument {
            version,
            header,
            message,
        }
    } else {
        let (version, message) = body_element(r, ctx)?;
        SsbtekDocument {
            version,
            header: None,
            message,
        }
    };
    r.finish()?;
    Ok(doc)
}

/// Decodes the body element just read.
fn body_element<S: EventSource>(
    r: &mut XmlReader<S>,
    ctx: &mut Ctx<'_>,
) -> Result<(Option<SsbtekVersion>, SsbtekMessage), DecodeError> {
    let el = r.current_element()?;
    if el.is(Some(SOAP11_NAMESPACE), "Fault") {
        let (version, fault) = soap_fault(r)?;
        return Ok((version, SsbtekMessage::Fault(Fault::Soap(fault))));
    }
    let version = match el.ns().map(SsbtekVersion::from_namespace) {
        Some(Some(v)) if VERSIONS.contains(&v) => v,
        Some(Some(_)) => return Err(r.error(invalid("SSBTEK version 10 or 11"))),
        _ => {
            return Err(r.error(invalid(
                "an SSBTEK message (namespace …/integration/ssbt/10 or /11)",
            )));
        }
    };
    let kind = match el.local() {
        "hamtaBastjanstInformation" => Body::Request,
        "hamtaBastjanstInformationResponse" => Body::Response,
        "testaBastjanstInformation" => Body::PingRequest,
        "testaBastjanstInformationResponse" => Body::PingResponse,
        "hamtaBastjanstInformationFault" => Body::Fault(Operation::Hamta),
        "testaBastjanstInformationFault" => Body::Fault(Operation::Testa),
        _ => return Err(r.unexpected_element()),
    };
    let ns = version.namespace();
    let message = match kind {
        Body::Request => SsbtekMessage::Request(Box::new(fraga(r, version, ctx)?)),
        Body::Response => SsbtekMessage::Response(Box::new(answer::svar(r, version, ctx)?)),
        Body::PingRequest => {
            if r.next_child()?.is_some() {
                return Err(r.unexpected_element());
            }
            SsbtekMessage::PingRequest
        }
        Body::PingResponse => SsbtekMessage::PingResponse(Box::new(ping_svar(r, ns)?)),
        Body::Fault(op) => SsbtekMessage::Fault(Fault::Operation(operation_fault(r, ns, op)?)),
    };
    Ok((Some(version), message))
}

/// A question (`hamtaBastjanstInformation`, or the `fraga` an answer echoes).
pub(super) fn fraga<S: EventSource>(
    r: &mut XmlReader<S>,
    version: SsbtekVersion,
    ctx: &mut Ctx<'_>,
) -> Result<BastjanstFraga, DecodeError> {
    let ns = version.namespace();
    let (mut generella, mut specifika) = (None, None);
    while let Some(el) = r.next_child()? {
        match (el.ns() == Some(ns), el.local()) {
            (true, "generellaFrageparametrar") if generella.is_none() => {
                generella = Some(generella_frageparametrar(r, ns)?);
            }
            (true, "specifikaFrageparametrar") if generella.is_some() && specifika.is_none() => {
                specifika = Some(specifika_frageparametrar(r, version, ctx)?);
            }
            _ => return Err(r.unexpected_element()),
        }
    }
    Ok(BastjanstFraga {
        generella: r.required(generella, "generellaFrageparametrar")?,
        specifika: r.required(specifika, "specifikaFrageparametrar")?,
    })
}

fn orgnr<S: EventSource>(r: &mut XmlReader<S>) -> Result<Organisationsnummer, DecodeError> {
    r.read_text_with(|t| {
        Organisationsnummer::parse(super::read::collapse(t))
            .map_err(|_| invalid("an organisationsnummer (16 + 10 digits)"))
    })
}

fn tidsperiod<S: EventSource>(r: &mut XmlReader<S>, ns: &str) -> Result<Tidsperiod, DecodeError> {
    let (mut from, mut tom) = (None, None);
    while let Some(el) = r.next_child()? {
        match (el.ns() == Some(ns), el.local()) {
            (true, "fromDatum") if from.is_none() => from = Some(date(r)?),
            (true, "tomDatum") if from.is_some() && tom.is_none() => tom = Some(date(r)?),
            _ => return Err(r.unexpected_element()),
        }
    }
    Ok(Tidsperiod::new(
        r.required(from, "fromDatum")?,
        r.required(tom, "tomDatum")?,
    ))
}

fn generella_frageparametrar<S: EventSource>(
    r: &mut XmlReader<S>,
    ns: &str,
) -> Result<GenerellaFrageparametrar, DecodeError> {
    let mut frage_tidpunkt = None;
    let mut korrelationsid = None;
    let mut inkluderas = None;
    let mut ingivare = None;
    let mut person = None;
    let mut arende = None;
    let mut period = None;
    let mut bitraden = Vec::new();
    let mut syfte = None;
    let mut lagtext = None;
    while let Some(el) = r.next_child()? {
        if el.ns() != Some(ns) {
            return Err(r.unexpected_element());
        }
        match el.local() {
            "frageTidpunkt" => {
                r.read_once(&mut frage_tidpunkt, "frageTidpunkt", date_time)?;
            }
            "korrelationsid" => {
                r.read_once(&mut korrelationsid, "korrelationsid", |r| text(r))?;
            }
            "fraganSkallInkluderasISvaret" => {
                r.read_once(&mut inkluderas, "fraganSkallInkluderasISvaret", |r| {
                    boolean(r)
                })?;
            }
            "ingivare" => r.read_once(&mut ingivare, "ingivare", |r| {
                let (mut orgnummer, mut namn, mut handlaggare) = (None, None, None);
                while let Some(el) = r.next_child()? {
                    match (el.ns() == Some(ns), el.local()) {
                        (true, "organisationsnummer") => {
                            r.read_once(&mut orgnummer, "organisationsnummer", |r| orgnr(r))?;
                        }
                        (true, "namn") => r.read_once(&mut namn, "namn", |r| text(r))?,
                        (true, "handlaggare") => {
                            r.read_once(&mut handlaggare, "handlaggare", |r| {
                                text(r).map(Sensitive::new)
                            })?;
                        }
                        _ => return Err(r.unexpected_element()),
                    }
                }
                Ok::<_, DecodeError>(Ingivare {
                    organisationsnummer: r.required(orgnummer, "organisationsnummer")?,
                    namn: r.required(namn, "namn")?,
                    handlaggare: r.required(handlaggare, "handlaggare")?,
                })
            })?,
            "personidentitet" => {
                r.read_once(&mut person, "personidentitet", |r| {
                    r.read_text_with(|t| {
                        let t = super::read::collapse(t);
                        match Personidentitet::parse(t) {
                            Ok(p) if t.len() == 12 => Ok(p),
                            _ => Err(invalid("a 12-digit personidentitet")),
                        }
                    })
                })?;
            }
            "arendeidentitet" => {
                r.read_once(&mut arende, "arendeidentitet", |r| {
                    r.read_text_with(|t| {
                        Arendeidentitet::new(t).map_err(|_| invalid("a non-empty arendeidentitet"))
                    })
                })?;
            }
            "tidsperiod" => {
                r.read_once(&mut period, "tidsperiod", |r| tidsperiod(r, ns))?;
            }
            "personuppgiftsbitrade" => {
                let (mut ordningsnummer, mut orgnummer, mut namn) = (None, None, None);
                while let Some(el) = r.next_child()? {
                    match (el.ns() == Some(ns), el.local()) {
                        (true, "ordningsnummer") => {
                            r.read_once(&mut ordningsnummer, "ordningsnummer", |r| {
                                int::<_, i16>(r)
                            })?;
                        }
                        (true, "organisationsnummer") => {
                            r.read_once(&mut orgnummer, "organisationsnummer", |r| orgnr(r))?;
                        }
                        (true, "namn") => r.read_once(&mut namn, "namn", |r| text(r))?,
                        _ => return Err(r.unexpected_element()),
                    }
                }
                bitraden.push(Personuppgiftsbitrade {
                    ordningsnummer,
                    organisationsnummer: r.required(orgnummer, "organisationsnummer")?,
                    namn: r.required(namn, "namn")?,
                });
            }
            "syfte" => {
                r.read_once(&mut syfte, "syfte", |r| {
                    r.read_text_with(|t| Syfte::new(t).map_err(|_| invalid("syfte")))
                })?;
            }
            "lagtext" => {
                r.read_once(&mut lagtext, "lagtext", |r| {
                    r.read_text_with(|t| Lagtext::new(t).map_err(|_| invalid("lagtext")))
                })?;
            }
            _ => return Err(r.unexpected_element()),
        }
    }
    Ok(GenerellaFrageparametrar {
        frage_tidpunkt,
        korrelationsid,
        fragan_skall_inkluderas_i_svaret: r.required(inkluderas, "fraganSkallInkluderasISvaret")?,
        ingivare: r.required(ingivare, "ingivare")?,
        personidentitet: r.required(person, "personidentitet")?,
        arendeidentitet: r.required(arende, "arendeidentitet")?,
        tidsperiod: r.required(period, "tidsperiod")?,
        personuppgiftsbitraden: bitraden,
        syfte: r.required(syfte, "syfte")?,
        lagtext: r.required(lagtext, "lagtext")?,
    })
}

fn inkludera<S: EventSource>(r: &mut XmlReader<S>) -> Result<bool, DecodeError> {
    let el = r.current_element()?;
    let v = el.attribute_bool(None, "inkludera");
    match v {
        Ok(Some(b)) => Ok(b),
        Ok(None) => Err(r.error(XmlErrorKind::MissingAttribute { name: "inkludera" })),
        Err(k) => Err(r.error(k)),
    }
}

fn agency_parametrar<S: EventSource>(
    r: &mut XmlReader<S>,
    ns: &str,
    with_period: bool,
) -> Result<AgencyParametrar, DecodeError> {
    let inkludera = inkludera(r)?;
    let mut period = None;
    while let Some(el) = r.next_child()? {
        if with_period && el.is(Some(ns), "tidsperiod") && period.is_none() {
            period = Some(tidsperiod(r, ns)?);
        } else {
            return Err(r.unexpected_element());
        }
    }
    Ok(AgencyParametrar {
        inkludera,
        tidsperiod: period,
    })
}

fn specifika_frageparametrar<S: EventSource>(
    r: &mut XmlReader<S>,
    version: SsbtekVersion,
    ctx: &mut Ctx<'_>,
) -> Result<SpecifikaFrageparametrar, DecodeError> {
    let ns = version.namespace();
    let mut out = SpecifikaFrageparametrar::default();
    // all seven, each once, in the contract's order
    let mut expected = Agency::ALL.into_iter();
    while let Some(el) = r.next_child()? {
        let agency = agency_named(el.ns(), el.local(), ns);
        let Some(agency) = agency.filter(|a| expected.next() == Some(*a)) else {
            return Err(r.unexpected_element());
        };
        match agency {
            Agency::Af => out.af = agency_parametrar(r, ns, true)?,
            Agency::Csn => out.csn = agency_parametrar(r, ns, true)?,
            Agency::Fk => out.fk = fk_parametrar(r, ns, ctx)?,
            Agency::Skv => out.skv = skv_parametrar(r, version)?,
            Agency::So => out.so = agency_parametrar(r, ns, true)?,
            Agency::Tns => out.tns = agency_parametrar(r, ns, true)?,
            Agency::Miv => out.miv = agency_parametrar(r, ns, false)?,
        }
    }
    if let Some(agency) = expected.next() {
        return Err(r.error(XmlErrorKind::MissingElement {
            name: agency.element_name(),
        }));
    }
    Ok(out)
}

fn fk_parametrar<S: EventSource>(
    r: &mut XmlReader<S>,
    ns: &str,
    ctx: &mut Ctx<'_>,
) -> Result<FkParametrar, DecodeError> {
    let inkludera = inkludera(r)?;
    let mut fraga = None;
    while let Some(el) = r.next_child()? {
        if !el.is(Some(ns), "fraga") || fraga.is_some() {
            return Err(r.unexpected_element());
        }
        fraga = Some(fk_fraga(r, ns, ctx)?);
    }
    Ok(FkParametrar { inkludera, fraga })
}

/// `ForsakringskassanFraga`. Its LEFI v9 question is decoded with the message's settings; a
/// question has no place for an undecodable block, so a bad one refuses the message.
fn fk_fraga<S: EventSource>(
    r: &mut XmlReader<S>,
    ns: &str,
    ctx: &mut Ctx<'_>,
) -> Result<FkFraga, DecodeError> {
    let (mut version, mut aktorsid, mut json) = (None, None, None);
    while let Some(el) = r.next_child()? {
        match (el.ns() == Some(ns), el.local()) {
            (true, "version") if aktorsid.is_none() => {
                r.read_once(&mut version, "version", |r| text(r))?;
            }
            (true, "aktorsid") if aktorsid.is_none() => aktorsid = Some(text(r)?),
            (true, "lefiJsonFraga") if aktorsid.is_some() && json.is_none() => {
                let blob = base64(r)?;
                // the element just read, closed
                let at = r.path();
                let (fraga, warnings) =
                    fk::decode::<LefiExternFormansinformationFraga>(blob.bytes(), ctx.settings)
                        .map_err(|e| payload_error(r, "LEFI v9 JSON in lefiJsonFraga", e))?;
                ctx.payload_warnings(Agency::Fk, &at, warnings);
                json = Some((fraga, blob));
            }
            _ => return Err(r.unexpected_element()),
        }
    }
    let aktorsid = r.required(aktorsid, "aktorsid")?;
    let (fraga, received) = r.required(json, "lefiJsonFraga")?;
    Ok(FkFraga::decoded(version, aktorsid, fraga, received))
}

/// `SKV`: `inkludera` and, where the version carries it, the Skatteverket question.
fn skv_parametrar<S: EventSource>(
    r: &mut XmlReader<S>,
    version: SsbtekVersion,
) -> Result<SkvParametrar, DecodeError> {
    let ns = version.namespace();
    let inkludera = inkludera(r)?;
    let mut fraga = None;
    while let Some(el) = r.next_child()? {
        let here = Gate::SkatteverketFraga.carried_by(version) && el.is(Some(ns), "fraga");
        if !here || fraga.is_some() {
            return Err(r.unexpected_element());
        }
        fraga = Some(skatteverket_fraga(r, ns)?);
    }
    Ok(SkvParametrar { inkludera, fraga })
}

/// `SkatteverketFraga`: one or more `ar` and the five part flags, each once.
fn skatteverket_fraga<S: EventSource>(
    r: &mut XmlReader<S>,
    ns: &str,
) -> Result<SkatteverketFraga, DecodeError> {
    let mut ar = Vec::new();
    let mut foretagsinformation = None;
    let mut individuppgifter = None;
    let mut skattekonto = None;
    let mut skatteuppgifter = None;
    let mut beskattningsbilagor = None;
    while let Some(el) = r.next_child()? {
        if el.ns() != Some(ns) {
            return Err(r.unexpected_element());
        }
        let (flag, name) = match el.local() {
            "ar" => {
                ar.push(int::<_, i32>(r)?);
                continue;
            }
            "foretagsinformation" => (&mut foretagsinformation, "foretagsinformation"),
            "individuppgifter" => (&mut individuppgifter, "individuppgifter"),
            "skattekonto" => (&mut skattekonto, "skattekonto"),
            "skatteuppgifter" => (&mut skatteuppgifter, "skatteuppgifter"),
            "beskattningsbilagor" => (&mut beskattningsbilagor, "beskattningsbilagor"),
            _ => return Err(r.unexpected_element()),
        };
        r.read_once(flag, name, boolean)?;
    }
    if ar.is_empty() {
        return Err(r.error(XmlErrorKind::MissingElement { name: "ar" }));
    }
    let required = |flag: Option<bool>, name| r.required(flag, name);
    Ok(SkatteverketFraga {
        ar,
        foretagsinformation: required(foretagsinformation, "foretagsinformation")?,
        individuppgifter: required(individuppgifter, "individuppgifter")?,
        skattekonto: required(skattekonto, "skattekonto")?,
        skatteuppgifter: required(skatteuppgifter, "skatteuppgifter")?,
        beskattningsbilagor: required(beskattningsbilagor, "beskattningsbilagor")?,
    })
}

/// The agency an element in namespace `ns` names (`None` for any other element).
pub(super) fn agency_named(el_ns: Option<&str>, local: &str, ns: &str) -> Option<Agency> {
    if el_ns != Some(ns) {
        return None;
    }
    Agency::ALL.into_iter().find(|a| a.element_name() == local)
}

fn ping_svar<S: EventSource>(r: &mut XmlReader<S>, ns: &str) -> Result<PingSvar, DecodeError> {
    let mut p = PingSvar::default();
    // agencies in the contract's order, each at most once
    let mut last: Option<Agency> = None;
    while let Some(el) = r.next_child()? {
        let agency = agency_named(el.ns(), el.local(), ns);
        let Some(agency) = agency.filter(|a| last.is_none_or(|l| *a > l)) else {
            return Err(r.unexpected_element());
        };
        last = Some(agency);
        let (mut anropad, mut error) = (None, None);
        while let Some(el) = r.next_child()? {
            match (el.ns() == Some(ns), el.local()) {
                (true, "anropad") if anropad.is_none() => anropad = Some(boolean(r)?),
                (true, "error") if anropad.is_some() && error.is_none() => {
                    error = Some(super::answer::ssbt_error(r, ns)?);
                }
                _ => return Err(r.unexpected_element()),
            }
        }
        let t = TestSvar {
            anropad: r.required(anropad, "anropad")?,
            error,
        };
        let slot = match agency {
            Agency::Af => &mut p.af,
            Agency::Csn => &mut p.csn,
            Agency::Fk => &mut p.fk,
            Agency::Skv => &mut p.skv,
            Agency::So => &mut p.so,
            Agency::Tns => &mut p.tns,
            Agency::Miv => &mut p.miv,
        };
        *slot = Some(t);
    }
    Ok(p)
}

fn operation_fault<S: EventSource>(
    r: &mut XmlReader<S>,
    ns: &str,
    operation: Operation,
) -> Result<OperationFault, DecodeError> {
    let (mut felkod, mut msgs) = (None, Vec::new());
    while let Some(el) = r.next_child()? {
        match (el.ns() == Some(ns), el.local()) {
            (true, "felkod") if felkod.is_none() => felkod = Some(text(r)?),
            (true, "felmeddelande") if felkod.is_some() => msgs.push(text(r)?),
            _ => return Err(r.unexpected_element()),
        }
    }
    if msgs.is_empty() {
        return Err(r.error(XmlErrorKind::MissingElement {
            name: "felmeddelande",
        }));
    }
    Ok(OperationFault {
        operation,
        felkod: r.required(felkod, "felkod")?,
        felmeddelanden: msgs,
    })
}

fn soap_fault<S: EventSource>(
    r: &mut XmlReader<S>,
) -> Result<(Option<SsbtekVersion>, SoapFault), DecodeError> {
    let (mut code, mut string, mut actor, mut detail) = (None, None, None, None);
    let mut version = None;
    while let Some(el) = r.next_child()? {
        // SOAP 1.1 fault children are unqualified.
        match (el.ns(), el.local()) {
            (None, "faultcode") => r.read_once(&mut code, "faultcode", |r| text(r))?,
            (None, "faultstring") => r.read_once(&mut string, "faultstring", |r| text(r))?,
            (None, "faultactor") => r.read_once(&mut actor, "faultactor", |r| text(r))?,
            (None, "detail") => r.read_once(&mut detail, "detail", |r| {
                let mut entries = Vec::new();
                while let Some(el) = r.next_child()? {
                    let v = el
                        .ns()
                        .and_then(SsbtekVersion::from_namespace)
                        .filter(|v| VERSIONS.contains(v));
                    let op = match (v, el.local()) {
                        (Some(_), "hamtaBastjanstInformationFault") => Some(Operation::Hamta),
                        (Some(_), "testaBastjanstInformationFault") => Some(Operation::Testa),
                        _ => None,
                    };
                    match (op, v) {
                        (Some(op), Some(v)) => {
                            version = Some(v);
                            entries.push(FaultDetail::Operation(operation_fault(
                                r,
                                v.namespace(),
                                op,
                            )?));
                        }
                        _ => entries.push(FaultDetail::Other(r.capture()?)),
                    }
                }
                Ok::<_, DecodeError>(entries)
            })?,
            _ => return Err(r.unexpected_element()),
        }
    }
    Ok((
        version,
        SoapFault {
            faultcode: r.required(code, "faultcode")?,
            faultstring: r.required(string, "faultstring")?,
            faultactor: actor,
            detail,
        },
    ))
}
