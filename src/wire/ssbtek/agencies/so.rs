//! A-kassorna `GetUnemploymentBenefitPaymentResponseType` (children directly inside `data`),
//! decoded leniently (the echoed request fields may be missing).

use crate::xml::XmlErrorKind;
use std::io::Write;

use crate::id::Sensitive;
use crate::model::ssbtek::{
    AnsoktOmErsattning, Arbetsloshetsersattning, SoAvstangning, SoSvar, SoUtbetalning,
};
use crate::wire::ssbtek::DecodeError;
use crate::wire::ssbtek::read::{boolean, date, decimal, text};
use crate::xml::{EventSource, XSI_NAMESPACE, XmlReader, XmlWriter};

use super::SO_NAMESPACE as NS;

pub(crate) fn decode<S: EventSource>(r: &mut XmlReader<S>) -> Result<SoSvar, DecodeError> {
    let mut s = SoSvar::default();
    while let Some(el) = r.next_child()? {
        if el.ns() != Some(NS) {
            return Err(r.unexpected_element());
        }
        match el.local() {
            "OrganisationsnummerIngivare" => s.organisationsnummer_ingivare = Some(text(r)?),
            "NamnIngivare" => s.namn_ingivare = Some(text(r)?),
            "KontonamnHandlaggare" => s.kontonamn_handlaggare = Some(Sensitive::new(text(r)?)),
            "Referensnummer" => s.referensnummer = Some(text(r)?),
            "From" => s.from = Some(date(r)?),
            "Tom" => s.tom = Some(date(r)?),
            "Syfte" => s.syfte = Some(text(r)?),
            "Paragraf" => s.paragraf = Some(text(r)?),
            "OrganisationsnummerPersonuppgiftsbitrade" => {
                s.organisationsnummer_personuppgiftsbitrade.push(text(r)?);
            }
            "NamnPersonuppgiftsbitrade" => s.namn_personuppgiftsbitrade.push(text(r)?),
            "IdentificationNumber" => s.identification_number = Some(Sensitive::new(text(r)?)),
            "ArbetsloshetsersattningLista" => {
                let mut list = Vec::new();
                while let Some(el) = r.next_child()? {
                    if !el.is(Some(NS), "Arbetsloshetsersattning") {
                        return Err(r.unexpected_element());
                    }
                    list.push(ersattning(r)?);
                }
                s.arbetsloshetsersattningar = Some(list);
            }
            _ => return Err(r.unexpected_element()),
        }
    }
    Ok(s)
}

fn ersattning<S: EventSource>(
    r: &mut XmlReader<S>,
) -> Result<Arbetsloshetsersattning, DecodeError> {
    let mut e = Arbetsloshetsersattning::default();
    let (mut org, mut status) = (None, None);
    while let Some(el) = r.next_child()? {
        if el.ns() != Some(NS) {
            return Err(r.unexpected_element());
        }
        match el.local() {
            "SvarandeOrganisation" => org = Some(text(r)?),
            "StatusSvarandeOrganisation" => status = Some(text(r)?),
            "Utbetalningar" => e.utbetalningar.push(utbetalning(r)?),
            "Avstangningar" => {
                let (mut from, mut tom) = (None, None);
                while let Some(el) = r.next_child()? {
                    match (el.ns() == Some(NS), el.local()) {
                        (true, "AvstangdFrom") => from = Some(date(r)?),
                        (true, "AvstangdTom") => tom = Some(date(r)?),
                        _ => return Err(r.unexpected_element()),
                    }
                }
                e.avstangningar.push(SoAvstangning {
                    from: r.required(from, "AvstangdFrom")?,
                    tom: r.required(tom, "AvstangdTom")?,
                });
            }
            "AnsoktOmErsattning" => {
                let (mut beslut, mut seen, mut inlamnad) = (None, false, None);
                while let Some(el) = r.next_child()? {
                    match (el.ns() == Some(NS), el.local()) {
                        (true, "BeslutOmRattTillErsattning") => {
                            seen = true;
                            let nil = el.is_nil().map_err(|k| r.error(k))?;
                            if nil {
                                r.skip()?;
                            } else {
                                beslut = Some(date(r)?);
                            }
                        }
                        (true, "AnsokanOmUtbetalningInlamnad") => inlamnad = Some(boolean(r)?),
                        _ => return Err(r.unexpected_element()),
                    }
                }
                if !seen {
                    return Err(r.error(XmlErrorKind::MissingElement {
                        name: "BeslutOmRattTillErsattning",
                    }));
                }
                e.ansokt_om_ersattning = Some(AnsoktOmErsattning {
                    beslut_om_ratt_till_ersattning: beslut,
                    ansokan_om_utbetalning_inlamnad: r
                        .required(inlamnad, "AnsokanOmUtbetalningInlamnad")?,
                });
            }
            _ => return Err(r.unexpected_element()),
        }
    }
    e.svarande_organisation = r.required(org, "SvarandeOrganisation")?;
    e.status = r.required(status, "StatusSvarandeOrganisation")?;
    Ok(e)
}

fn utbetalning<S: EventSource>(r: &mut XmlReader<S>) -> Result<SoUtbetalning, DecodeError> {
    let (mut datum, mut skatt, mut avdrag, mut dagar, mut from, mut tom) =
        (None, None, None, None, None, None);
    while let Some(el) = r.next_child()? {
        if el.ns() != Some(NS) {
            return Err(r.unexpected_element());
        }
        match el.local() {
            "Utbetalningsdatum" => datum = Some(date(r)?),
            "NettoEfterSkatt" => skatt = Some(decimal(r)?),
            "NettoEfterAvdrag" => avdrag = Some(decimal(r)?),
            "Ersattningsdagar" => dagar = Some(decimal(r)?),
            "AvserFrom" => from = Some(date(r)?),
            "AvserTom" => tom = Some(date(r)?),
            _ => return Err(r.unexpected_element()),
        }
    }
    Ok(SoUtbetalning {
        utbetalningsdatum: r.required(datum, "Utbetalningsdatum")?,
        netto_efter_skatt: r.required(skatt, "NettoEfterSkatt")?,
        netto_efter_avdrag: r.required(avdrag, "NettoEfterAvdrag")?,
        ersattningsdagar: r.required(dagar, "Ersattningsdagar")?,
        avser_from: r.required(from, "AvserFrom")?,
        avser_tom: r.required(tom, "AvserTom")?,
    })
}

pub(crate) fn encode<W: Write>(w: &mut XmlWriter<W>, s: &SoSvar) -> std::io::Result<()> {
    let p = Some("so");
    let el = |w: &mut XmlWriter<W>, local: &str, v: Option<&str>| -> std::io::Result<()> {
        v.map_or(Ok(()), |v| w.text_element(Some(NS), p, local, v))
    };
    el(
        w,
        "OrganisationsnummerIngivare",
        s.organisationsnummer_ingivare.as_deref(),
    )?;
    el(w, "NamnIngivare", s.namn_ingivare.as_deref())?;
    el(
        w,
        "KontonamnHandlaggare",
        s.kontonamn_handlaggare.as_ref().map(Sensitive::expose),
    )?;
    el(w, "Referensnummer", s.referensnummer.as_deref())?;
    el(w, "From", s.from.map(|d| d.to_string()).as_deref())?;
    el(w, "Tom", s.tom.map(|d| d.to_string()).as_deref())?;
    el(w, "Syfte", s.syfte.as_deref())?;
    el(w, "Paragraf", s.paragraf.as_deref())?;
    for v in &s.organisationsnummer_personuppgiftsbitrade {
        el(w, "OrganisationsnummerPersonuppgiftsbitrade", Some(v))?;
    }
    for v in &s.namn_personuppgiftsbitrade {
        el(w, "NamnPersonuppgiftsbitrade", Some(v))?;
    }
    el(
        w,
        "IdentificationNumber",
        s.identification_number.as_ref().map(Sensitive::expose),
    )?;
    if let Some(list) = &s.arbetsloshetsersattningar {
        w.start(Some(NS), p, "ArbetsloshetsersattningLista")?;
        for e in list {
            w.start(Some(NS), p, "Arbetsloshetsersattning")?;
            el(w, "SvarandeOrganisation", Some(&e.svarande_organisation))?;
            el(w, "StatusSvarandeOrganisation", Some(&e.status))?;
            for u in &e.utbetalningar {
                w.start(Some(NS), p, "Utbetalningar")?;
                el(
                    w,
                    "Utbetalningsdatum",
                    Some(&u.utbetalningsdatum.to_string()),
                )?;
                el(w, "NettoEfterSkatt", Some(&u.netto_efter_skatt.to_string()))?;
                el(
                    w,
                    "NettoEfterAvdrag",
                    Some(&u.netto_efter_avdrag.to_string()),
                )?;
                el(w, "Ersattningsdagar", Some(&u.ersattningsdagar.to_string()))?;
                el(w, "AvserFrom", Some(&u.avser_from.to_string()))?;
                el(w, "AvserTom", Some(&u.avser_tom.to_string()))?;
                w.end()?;
            }
            for a in &e.avstangningar {
                w.start(Some(NS), p, "Avstangningar")?;
                el(w, "AvstangdFrom", Some(&a.from.to_string()))?;
                el(w, "AvstangdTom", Some(&a.tom.to_string()))?;
                w.end()?;
            }
            if let Some(a) = &e.ansokt_om_ersattning {
                w.start(Some(NS), p, "AnsoktOmErsattning")?;
                match a.beslut_om_ratt_till_ersattning {
                    Some(d) => el(w, "BeslutOmRattTillErsattning", Some(&d.to_string()))?,
                    None => {
                        w.start(Some(NS), p, "BeslutOmRattTillErsattning")?;
                        w.attribute(Some(XSI_NAMESPACE), Some("xsi"), "nil", "true")?;
                        w.end()?;
                    }
                }
                let inl = if a.ansokan_om_utbetalning_inlamnad {
                    "true"
                } else {
                    "false"
                };
                el(w, "AnsokanOmUtbetalningInlamnad", Some(inl))?;
                w.end()?;
            }
            w.end()?;
        }
        w.end()?;
    }
    Ok(())
}
