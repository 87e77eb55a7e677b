//! Arbetsförmedlingen `SvarMeddelande` (children directly inside `data`), decoded leniently.

use crate::xml::XmlErrorKind;
use std::io::Write;

use crate::id::Sensitive;
use crate::model::ssbtek::{
    AfBeslut, AfSvar, AfSvarUppgifter, AktivitetsRapport, ArbetssokandeInfo, BeslutInfo,
};
use crate::period::XsdDate;
use crate::wire::ssbtek::DecodeError;
use crate::wire::ssbtek::read::{boolean, date, int, text};
use crate::xml::{EventSource, XmlReader, XmlWriter};

use super::AF_NAMESPACE as NS;

pub(crate) fn decode<S: EventSource>(r: &mut XmlReader<S>) -> Result<AfSvar, DecodeError> {
    let (mut fraga, mut svar, mut extra) = (None, None, Vec::new());
    while let Some(el) = r.next_child()? {
        match (el.ns() == Some(NS), el.local()) {
            (true, "Fraga") if fraga.is_none() && svar.is_none() => fraga = Some(r.capture()?),
            (true, "Svar") if svar.is_none() => svar = Some(svar_uppgifter(r)?),
            _ if svar.is_some() => extra.push(r.capture()?),
            _ => return Err(r.unexpected_element()),
        }
    }
    Ok(AfSvar {
        fraga,
        svar: r.required(svar, "Svar")?,
        extra,
    })
}

fn svar_uppgifter<S: EventSource>(r: &mut XmlReader<S>) -> Result<AfSvarUppgifter, DecodeError> {
    let mut s = AfSvarUppgifter::default();
    let (mut schemaversion, mut referensnummer, mut kod, mut kodtext) = (None, None, None, None);
    while let Some(el) = r.next_child()? {
        if el.ns() != Some(NS) || kodtext.is_some() {
            s.extra.push(r.capture()?);
            continue;
        }
        match el.local() {
            "Schemaversion" => schemaversion = Some(text(r)?),
            "Referensnummer" => referensnummer = Some(text(r)?),
            "LagParagraf" => s.lag_paragraf = Some(text(r)?),
            "IdentitetsbeteckningFysiskPerson" => {
                s.identitetsbeteckning = Some(Sensitive::new(text(r)?));
            }
            "Fornamn" => s.fornamn = Some(Sensitive::new(text(r)?)),
            "Efternamn" => s.efternamn = Some(Sensitive::new(text(r)?)),
            "Sekretessmarkering" => s.sekretessmarkering = Some(boolean(r)?),
            "ArbetssokandeInfo" => s.arbetssokande_info = Some(arbetssokande(r)?),
            "BeslutInfo" => s.beslut_info = Some(beslut_info(r)?),
            "Akassetillhorighet" => s.akassetillhorighet = Some(text(r)?),
            "StatusSokandeinformationKod" => kod = Some(int(r)?),
            "StatusSokandeinformationKodText" => kodtext = Some(text(r)?),
            _ => return Err(r.unexpected_element()),
        }
    }
    s.schemaversion = r.required(schemaversion, "Schemaversion")?;
    s.referensnummer = r.required(referensnummer, "Referensnummer")?;
    s.status_kod = r.required(kod, "StatusSokandeinformationKod")?;
    s.status_text = r.required(kodtext, "StatusSokandeinformationKodText")?;
    Ok(s)
}

fn arbetssokande<S: EventSource>(r: &mut XmlReader<S>) -> Result<ArbetssokandeInfo, DecodeError> {
    let mut a = ArbetssokandeInfo::default();
    while let Some(el) = r.next_child()? {
        if el.ns() != Some(NS) {
            return Err(r.unexpected_element());
        }
        match el.local() {
            "Arbetssokande" => a.arbetssokande = Some(boolean(r)?),
            "ArbetssokandeSKAT" => a.skat = Some(text(r)?),
            "ArbetssokandeRegistrerad" => a.registrerad = Some(date(r)?),
            "ArbetssokandeOmfattning" => a.omfattning = Some(int(r)?),
            "ArbetssokandeAvaktualiserad" => a.avaktualiserad = Some(date(r)?),
            "AktivetetsRapportDatum" => {
                let (mut meddelande, mut senaste) = (None, None);
                while let Some(el) = r.next_child()? {
                    match (el.ns() == Some(NS), el.local()) {
                        (true, "AktivitetsRapportMeddelande") => meddelande = Some(text(r)?),
                        (true, "SenasteAktivitetsRapportDatum") => senaste = Some(date(r)?),
                        _ => return Err(r.unexpected_element()),
                    }
                }
                a.aktivitetsrapport = Some(AktivitetsRapport {
                    meddelande: r.required(meddelande, "AktivitetsRapportMeddelande")?,
                    senaste,
                });
            }
            _ => return Err(r.unexpected_element()),
        }
    }
    Ok(a)
}

fn beslut_info<S: EventSource>(r: &mut XmlReader<S>) -> Result<BeslutInfo, DecodeError> {
    let mut info = BeslutInfo::default();
    let mut seen = false;
    while let Some(el) = r.next_child()? {
        if !seen && el.is(Some(NS), "EkonomiskaBeslut") {
            seen = true;
            while let Some(el) = r.next_child()? {
                if !el.is(Some(NS), "Beslut") {
                    return Err(r.unexpected_element());
                }
                info.ekonomiska_beslut.push(beslut(r)?);
            }
        } else if seen {
            info.extra.push(r.capture()?);
        } else {
            return Err(r.unexpected_element());
        }
    }
    if !seen {
        return Err(r.error(XmlErrorKind::MissingElement {
            name: "EkonomiskaBeslut",
        }));
    }
    Ok(info)
}

fn beslut<S: EventSource>(r: &mut XmlReader<S>) -> Result<AfBeslut, DecodeError> {
    let (mut typ, mut omf, mut from, mut tom, mut extra) = (None, None, None, None, Vec::new());
    while let Some(el) = r.next_child()? {
        if el.ns() != Some(NS) || tom.is_some() {
            extra.push(r.capture()?);
            continue;
        }
        match el.local() {
            "ErsattningTyp" => typ = Some(text(r)?),
            "Omfattning" => omf = Some(int(r)?),
            "BeslutFrom" => from = Some(date(r)?),
            "BeslutTom" => tom = Some(date(r)?),
            _ => return Err(r.unexpected_element()),
        }
    }
    Ok(AfBeslut {
        ersattning_typ: r.required(typ, "ErsattningTyp")?,
        omfattning: r.required(omf, "Omfattning")?,
        from: r.required(from, "BeslutFrom")?,
        tom: r.required(tom, "BeslutTom")?,
        extra,
    })
}

struct Af<'a, W: Write>(&'a mut XmlWriter<W>);

impl<W: Write> Af<'_, W> {
    fn el(&mut self, local: &str, v: &str) -> std::io::Result<()> {
        self.0.text_element(Some(NS), Some("af"), local, v)
    }
    fn opt(&mut self, local: &str, v: Option<&str>) -> std::io::Result<()> {
        v.map_or(Ok(()), |v| self.el(local, v))
    }
    fn date(&mut self, local: &str, v: Option<XsdDate>) -> std::io::Result<()> {
        v.map_or(Ok(()), |v| self.el(local, &v.to_string()))
    }
    fn start(&mut self, local: &str) -> std::io::Result<()> {
        self.0.start(Some(NS), Some("af"), local)
    }
}

pub(crate) fn encode<W: Write>(w: &mut XmlWriter<W>, svar: &AfSvar) -> std::io::Result<()> {
    if let Some(f) = &svar.fraga {
        f.write(w)?;
    }
    let s = &svar.svar;
    let mut af = Af(w);
    af.start("Svar")?;
    af.el("Schemaversion", &s.schemaversion)?;
    af.el("Referensnummer", &s.referensnummer)?;
    af.opt("LagParagraf", s.lag_paragraf.as_deref())?;
    af.opt(
        "IdentitetsbeteckningFysiskPerson",
        s.identitetsbeteckning.as_ref().map(Sensitive::expose),
    )?;
    af.opt("Fornamn", s.fornamn.as_ref().map(Sensitive::expose))?;
    af.opt("Efternamn", s.efternamn.as_ref().map(Sensitive::expose))?;
    af.opt("Sekretessmarkering", s.sekretessmarkering.map(bool_text))?;
    if let Some(a) = &s.arbetssokande_info {
        af.start("ArbetssokandeInfo")?;
        af.opt("Arbetssokande", a.arbetssokande.map(bool_text))?;
        af.opt("ArbetssokandeSKAT", a.skat.as_deref())?;
        af.date("ArbetssokandeRegistrerad", a.registrerad)?;
        af.opt(
            "ArbetssokandeOmfattning",
            a.omfattning.map(|v| v.to_string()).as_deref(),
        )?;
        af.date("ArbetssokandeAvaktualiserad", a.avaktualiserad)?;
        if let Some(rapport) = &a.aktivitetsrapport {
            af.start("AktivetetsRapportDatum")?;
            af.el("AktivitetsRapportMeddelande", &rapport.meddelande)?;
            af.date("SenasteAktivitetsRapportDatum", rapport.senaste)?;
            af.0.end()?;
        }
        af.0.end()?;
    }
    if let Some(b) = &s.beslut_info {
        af.start("BeslutInfo")?;
        af.start("EkonomiskaBeslut")?;
        for beslut in &b.ekonomiska_beslut {
            af.start("Beslut")?;
            af.el("ErsattningTyp", &beslut.ersattning_typ)?;
            af.el("Omfattning", &beslut.omfattning.to_string())?;
            af.el("BeslutFrom", &beslut.from.to_string())?;
            af.el("BeslutTom", &beslut.tom.to_string())?;
            for x in &beslut.extra {
                x.write(af.0)?;
            }
            af.0.end()?;
        }
        af.0.end()?;
        for x in &b.extra {
            x.write(af.0)?;
        }
        af.0.end()?;
    }
    af.opt("Akassetillhorighet", s.akassetillhorighet.as_deref())?;
    af.el("StatusSokandeinformationKod", &s.status_kod.to_string())?;
    af.el("StatusSokandeinformationKodText", &s.status_text)?;
    for x in &s.extra {
        x.write(af.0)?;
    }
    af.0.end()?;
    for x in &svar.extra {
        x.write(w)?;
    }
    Ok(())
}

fn bool_text(b: bool) -> &'static str {
    if b { "true" } else { "false" }
}
