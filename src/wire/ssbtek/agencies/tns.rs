//! Transportstyrelsen `HamtaUppgifterResponseType` (children directly inside `data`).

use std::io::Write;

use crate::model::ssbtek::{Fordon, Fordonsinnehav, TnsFelresultat, TnsSvar};
use crate::wire::ssbtek::DecodeError;
use crate::wire::ssbtek::read::{int, text};
use crate::xml::{EventSource, XmlErrorKind, XmlReader, XmlWriter};

use super::{FORDON_NAMESPACE as FNS, TNS_NAMESPACE as NS};

pub(crate) fn decode<S: EventSource>(r: &mut XmlReader<S>) -> Result<TnsSvar, DecodeError> {
    let mut ok = None;
    let mut out = TnsSvar {
        ok: true,
        fordonsinnehav: None,
        felresultat: Vec::new(),
        extra: Vec::new(),
    };
    while let Some(el) = r.next_child()? {
        match (el.ns() == Some(NS), el.local()) {
            (true, "resultat") => {
                ok = Some(r.read_text_with(|t| match t {
                    "OK" => Ok(true),
                    "FEL" => Ok(false),
                    _ => Err(XmlErrorKind::InvalidValue {
                        expected: "OK or FEL",
                    }),
                })?);
            }
            (true, "fordonsinnehav") => {
                let mut inn = Fordonsinnehav::default();
                while let Some(el) = r.next_child()? {
                    if el.is(Some(FNS), "fordon") {
                        inn.fordon.push(fordon(r)?);
                    } else if el.ns() != Some(FNS) {
                        inn.extra.push(r.capture()?);
                    } else {
                        return Err(r.unexpected_element());
                    }
                }
                out.fordonsinnehav = Some(inn);
            }
            (true, "felresultat") => {
                let (mut felkod, mut feltext, mut extra) = (None, None, Vec::new());
                while let Some(el) = r.next_child()? {
                    match (el.ns() == Some(NS), el.local()) {
                        (true, "felkod") => felkod = Some(int(r)?),
                        (true, "feltext") => feltext = Some(text(r)?),
                        (false, _) => extra.push(r.capture()?),
                        _ => return Err(r.unexpected_element()),
                    }
                }
                out.felresultat.push(TnsFelresultat {
                    felkod: r.required(felkod, "felkod")?,
                    feltext: r.required(feltext, "feltext")?,
                    extra,
                });
            }
            (false, _) => out.extra.push(r.capture()?),
            _ => return Err(r.unexpected_element()),
        }
    }
    out.ok = r.required(ok, "resultat")?;
    Ok(out)
}

fn fordon<S: EventSource>(r: &mut XmlReader<S>) -> Result<Fordon, DecodeError> {
    let mut f = Fordon::default();
    let mut seen = [false; 5];
    while let Some(el) = r.next_child()? {
        if el.ns() != Some(FNS) {
            f.extra.push(r.capture()?);
            continue;
        }
        let (i, slot) = match el.local() {
            "regnr" => (0, &mut f.regnr),
            "fabrikat" => (1, &mut f.fabrikat),
            "fordonsar" => (2, &mut f.fordonsar),
            "fordonsslag" => (3, &mut f.fordonsslag),
            "handelsbeteckning" => (4, &mut f.handelsbeteckning),
            _ => return Err(r.unexpected_element()),
        };
        *slot = text(r)?;
        if let Some(s) = seen.get_mut(i) {
            *s = true;
        }
    }
    let names = [
        "regnr",
        "fabrikat",
        "fordonsar",
        "fordonsslag",
        "handelsbeteckning",
    ];
    if let Some((_, name)) = seen.iter().zip(names).find(|(s, _)| !**s) {
        return Err(r.error(XmlErrorKind::MissingElement { name }));
    }
    Ok(f)
}

pub(crate) fn encode<W: Write>(w: &mut XmlWriter<W>, svar: &TnsSvar) -> std::io::Result<()> {
    let p = Some("tns");
    w.text_element(Some(NS), p, "resultat", if svar.ok { "OK" } else { "FEL" })?;
    if let Some(inn) = &svar.fordonsinnehav {
        w.start(Some(NS), p, "fordonsinnehav")?;
        for f in &inn.fordon {
            let fp = Some("fordon");
            w.start(Some(FNS), fp, "fordon")?;
            w.text_element(Some(FNS), fp, "regnr", &f.regnr)?;
            w.text_element(Some(FNS), fp, "fabrikat", &f.fabrikat)?;
            w.text_element(Some(FNS), fp, "fordonsar", &f.fordonsar)?;
            w.text_element(Some(FNS), fp, "fordonsslag", &f.fordonsslag)?;
            w.text_element(Some(FNS), fp, "handelsbeteckning", &f.handelsbeteckning)?;
            for x in &f.extra {
                x.write(w)?;
            }
            w.end()?;
        }
        for x in &inn.extra {
            x.write(w)?;
        }
        w.end()?;
    }
    for fel in &svar.felresultat {
        w.start(Some(NS), p, "felresultat")?;
        w.text_element(Some(NS), p, "felkod", &fel.felkod.to_string())?;
        w.text_element(Some(NS), p, "feltext", &fel.feltext)?;
        for x in &fel.extra {
            x.write(w)?;
        }
        w.end()?;
    }
    for x in &svar.extra {
        x.write(w)?;
    }
    Ok(())
}
