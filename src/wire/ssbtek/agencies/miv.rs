//! Migrationsverket `findByPersonnummerResponse` (unqualified children).

use std::io::Write;

use crate::id::Sensitive;
use crate::model::ssbtek::{MivBeslut, MivResponse, MivSvar};
use crate::period::XsdDate;
use crate::wire::ssbtek::DecodeError;
use crate::wire::ssbtek::read::{date, parsed, text};
use crate::xml::{EventSource, XSI_NAMESPACE, XmlReader, XmlWriter};

pub(crate) fn decode<S: EventSource>(r: &mut XmlReader<S>) -> Result<MivSvar, DecodeError> {
    let mut out = MivSvar::default();
    while let Some(el) = r.next_child()? {
        match (el.ns(), el.local()) {
            (None, "response") => {
                r.read_once(&mut out.response, "response", |r| response(r))?;
            }
            _ => return Err(r.unexpected_element()),
        }
    }
    Ok(out)
}

fn response<S: EventSource>(r: &mut XmlReader<S>) -> Result<MivResponse, DecodeError> {
    let mut out = MivResponse::default();
    let mut correlationid = None;
    while let Some(el) = r.next_child()? {
        if el.ns().is_some() {
            return Err(r.unexpected_element());
        }
        match el.local() {
            "korrelationsid" => {
                r.read_once(&mut out.korrelationsid, "korrelationsid", |r| text(r))?;
            }
            "correlationid" => {
                r.read_once(&mut correlationid, "correlationid", |r| text(r))?;
            }
            "efternamn" => out.efternamn = Some(Sensitive::new(text(r)?)),
            "fornamn" => out.fornamn = Some(Sensitive::new(text(r)?)),
            "hemland" => out.hemland = Some(text(r)?),
            "inresedatum" => out.inresedatum = Some(date(r)?),
            "personnummer" => out.personnummer = Some(Sensitive::new(text(r)?)),
            "svarCollection" => {
                let mut list = Vec::new();
                while let Some(el) = r.next_child()? {
                    if !el.is(None, "svar") {
                        return Err(r.unexpected_element());
                    }
                    let nil = el.is_nil().map_err(|k| r.error(k))?;
                    if nil {
                        r.skip()?;
                        list.push(None);
                    } else {
                        list.push(Some(beslut(r)?));
                    }
                }
                out.svar_collection = Some(list);
            }
            _ => return Err(r.unexpected_element()),
        }
    }
    // The XSD requires correlationid; real answers carry it. Lenient: empty when absent.
    out.correlationid = correlationid.unwrap_or_default();
    Ok(out)
}

fn beslut<S: EventSource>(r: &mut XmlReader<S>) -> Result<MivBeslut, DecodeError> {
    let mut b = MivBeslut::default();
    while let Some(el) = r.next_child()? {
        if el.ns().is_some() {
            return Err(r.unexpected_element());
        }
        match el.local() {
            "anledning" => b.anledning = Some(text(r)?),
            "anledningNamn" => b.anledning_namn = Some(text(r)?),
            "ansokningsdatum" => b.ansokningsdatum = Some(date(r)?),
            "arendeTyp" => b.arendetyp = Some(parsed(r, "a MIV arendeTyp code")?),
            "arendeTypNamn" => b.arendetyp_namn = Some(text(r)?),
            "beslutsKod" => b.beslutskod = Some(parsed(r, "a MIV beslutsKod code")?),
            "beslutsKodNamn" => b.beslutskod_namn = Some(text(r)?),
            "beslutsTyp" => b.beslutstyp = Some(parsed(r, "a MIV beslutsTyp code")?),
            "beslutsTypNamn" => b.beslutstyp_namn = Some(text(r)?),
            "beslutsdatum" => b.beslutsdatum = Some(date(r)?),
            "fromDatum" => b.from_datum = Some(date(r)?),
            "giltighetstid" => {
                b.giltighetstid = Some(parsed(r, "PERMANENT or TIDBEGRANSAT")?);
            }
            "tomDatum" => b.tom_datum = Some(date(r)?),
            _ => return Err(r.unexpected_element()),
        }
    }
    Ok(b)
}

fn opt<W: Write>(w: &mut XmlWriter<W>, local: &str, v: Option<&str>) -> std::io::Result<()> {
    match v {
        Some(v) => w.text_element(None, None, local, v),
        None => Ok(()),
    }
}

fn opt_date<W: Write>(
    w: &mut XmlWriter<W>,
    local: &str,
    v: Option<XsdDate>,
) -> std::io::Result<()> {
    match v {
        Some(d) => w.text_element(None, None, local, &d.to_string()),
        None => Ok(()),
    }
}

pub(crate) fn encode<W: Write>(w: &mut XmlWriter<W>, svar: &MivSvar) -> std::io::Result<()> {
    let Some(resp) = &svar.response else {
        return Ok(());
    };
    w.start(None, None, "response")?;
    opt(w, "korrelationsid", resp.korrelationsid.as_deref())?;
    w.text_element(None, None, "correlationid", &resp.correlationid)?;
    opt(
        w,
        "efternamn",
        resp.efternamn.as_ref().map(Sensitive::expose),
    )?;
    opt(w, "fornamn", resp.fornamn.as_ref().map(Sensitive::expose))?;
    opt(w, "hemland", resp.hemland.as_deref())?;
    opt_date(w, "inresedatum", resp.inresedatum)?;
    opt(
        w,
        "personnummer",
        resp.personnummer.as_ref().map(Sensitive::expose),
    )?;
    if let Some(list) = &resp.svar_collection {
        w.start(None, None, "svarCollection")?;
        for s in list {
            w.start(None, None, "svar")?;
            match s {
                None => w.attribute(Some(XSI_NAMESPACE), Some("xsi"), "nil", "true")?,
                Some(b) => {
                    opt(w, "anledning", b.anledning.as_deref())?;
                    opt(w, "anledningNamn", b.anledning_namn.as_deref())?;
                    opt_date(w, "ansokningsdatum", b.ansokningsdatum)?;
                    opt(w, "arendeTyp", b.arendetyp.as_ref().map(|c| c.code()))?;
                    opt(w, "arendeTypNamn", b.arendetyp_namn.as_deref())?;
                    opt(w, "beslutsKod", b.beslutskod.as_ref().map(|c| c.code()))?;
                    opt(w, "beslutsKodNamn", b.beslutskod_namn.as_deref())?;
                    opt(w, "beslutsTyp", b.beslutstyp.as_ref().map(|c| c.code()))?;
                    opt(w, "beslutsTypNamn", b.beslutstyp_namn.as_deref())?;
                    opt_date(w, "beslutsdatum", b.beslutsdatum)?;
                    opt_date(w, "fromDatum", b.from_datum)?;
                    opt(
                        w,
                        "giltighetstid",
                        b.giltighetstid.as_ref().map(|c| c.code()),
                    )?;
                    opt_date(w, "tomDatum", b.tom_datum)?;
                }
            }
            w.end()?;
        }
        w.end()?;
    }
    w.end()
}
