//! The encoder: the prefix plan around the kept `GemensamtFragaEkbistand`, and one function
//! per complex type, checking what the decoder checks.

use std::io;

use rust_decimal::Decimal;

use crate::codes::{CsnBeloppstyp, CsnStodform};
use crate::model::ssbtek::{
    CsnArende, CsnBelopp, CsnBeviljadTid, CsnDokument, CsnPerson, CsnSokttid, CsnStod,
    CsnStodArenden, CsnUtbetalning, csn_belopp_text,
};
use crate::xml::{XmlFragment, XmlWriter};

use super::*;

/// The prefixes of the encoded document: the kommunfraga namespace is the default unless the
/// kept `GemensamtFragaEkbistand` needs the default otherwise; no prefix the fragment
/// declares or relies on is rebound, so the fragment reads back exactly as it was kept.
pub(super) struct Prefixes {
    /// `None`: the default namespace.
    kommunfraga: Option<String>,
    person: String,
    csntyper: String,
    stod: PerStod<String>,
    /// Declarations on the root element, in order.
    root: Vec<(Option<String>, String)>,
}

/// A binding a fragment relies on: prefix (`None`: default) and namespace (`None`: the
/// default namespace must be unbound).
type Need = (Option<String>, Option<String>);

impl Prefixes {
    pub(super) fn plan(ns: &Namespaces, doc: &CsnDokument) -> Self {
        let fraga = &doc.gemensamt_fraga;
        let mut needs: Vec<Need> = Vec::new();
        inherited(fraga, &mut Vec::new(), &mut needs);
        let mut declared = Vec::new();
        declarations(fraga, &mut declared);
        let mut taken: Vec<String> = needs
            .iter()
            .map(|(p, _)| p)
            .chain(declared.iter().map(|(p, _)| p))
            .filter_map(Clone::clone)
            .collect();
        let default_need = needs.iter().find(|(p, _)| p.is_none()).map(|(_, u)| u);
        let kommunfraga_default = match default_need {
            Some(uri) => uri.as_deref() == Some(ns.kommunfraga.as_str()),
            None => !declared
                .iter()
                .any(|(p, u)| p.is_none() && *u == ns.kommunfraga),
        };
        let mut pick = |wanted: &str, uri: &str| -> String {
            let exact = needs
                .iter()
                .any(|(p, u)| p.as_deref() == Some(wanted) && u.as_deref() == Some(uri));
            if exact {
                return wanted.to_owned();
            }
            let mut n = 0u32;
            loop {
                let candidate = match n {
                    0 => wanted.to_owned(),
                    _ => format!("{wanted}{n}"),
                };
                if !taken.contains(&candidate) {
                    taken.push(candidate.clone());
                    return candidate;
                }
                n += 1;
            }
        };
        let kommunfraga = (!kommunfraga_default).then(|| pick("csn", &ns.kommunfraga));
        let person = pick("pers", &ns.person);
        let csntyper = pick("typ", &ns.csntyper);
        let stod = PerStod::from_fn(|s| pick(stod_prefix(s), ns.stod_uri(s)));
        let mut root = vec![(kommunfraga.clone(), ns.kommunfraga.clone())];
        if let Some(Some(uri)) = default_need {
            if kommunfraga.is_some() {
                root.push((None, uri.clone()));
            }
        }
        root.push((Some(person.clone()), ns.person.clone()));
        root.push((Some(csntyper.clone()), ns.csntyper.clone()));
        for s in CsnStod::ALL {
            let used = doc.personer.iter().any(|p| {
                p.stod(s)
                    .and_then(|a| a.arenden.as_ref())
                    .is_some_and(|a| !a.is_empty())
            });
            if used {
                root.push((Some(stod.get(s).clone()), ns.stod_uri(s).to_owned()));
            }
        }
        for (p, u) in &needs {
            if let (Some(_), Some(uri)) = (p, u) {
                if !root.iter().any(|(q, _)| q == p) {
                    root.push((p.clone(), uri.clone()));
                }
            }
        }
        Self {
            kommunfraga,
            person,
            csntyper,
            stod,
            root,
        }
    }
}

fn stod_prefix(stod: CsnStod) -> &'static str {
    match stod {
        CsnStod::Studiemedel => "sm",
        CsnStod::Studiehjalp => "sh",
        CsnStod::Hemutrustningslan => "hut",
        CsnStod::Studiestartsstod => "sss",
        CsnStod::Omstallningsstudiestod => "oss",
    }
}

/// Collects the bindings `f` uses without declaring them itself, first use first.
fn inherited(f: &XmlFragment, scope: &mut Vec<Option<String>>, out: &mut Vec<Need>) {
    let mark = scope.len();
    scope.extend(f.declarations().iter().map(|(p, _)| p.clone()));
    need(f.name().prefix(), f.name().ns(), scope, out);
    for a in f.attributes() {
        if a.name().prefix().is_some() {
            need(a.name().prefix(), a.name().ns(), scope, out);
        }
    }
    for child in f.elements() {
        inherited(child, scope, out);
    }
    scope.truncate(mark);
}

fn need(prefix: Option<&str>, ns: Option<&str>, scope: &[Option<String>], out: &mut Vec<Need>) {
    if prefix == Some("xml")
        || scope.iter().any(|p| p.as_deref() == prefix)
        || out.iter().any(|(p, _)| p.as_deref() == prefix)
    {
        return;
    }
    out.push((prefix.map(str::to_owned), ns.map(str::to_owned)));
}

/// Every namespace declaration in `f`.
fn declarations(f: &XmlFragment, out: &mut Vec<(Option<String>, String)>) {
    out.extend(f.declarations().iter().cloned());
    for child in f.elements() {
        declarations(child, out);
    }
}

/// Writing context.
pub(super) struct Ecx<'a> {
    pub(super) ns: &'a Namespaces,
    pub(super) px: &'a Prefixes,
}

type W = XmlWriter<Vec<u8>>;

fn invalid(what: &'static str) -> io::Error {
    io::Error::new(
        io::ErrorKind::InvalidInput,
        format!("invalid CSN document: {what}"),
    )
}

/// Whether every character may appear in an XML 1.0 document.
fn xml_chars(text: &str) -> bool {
    text.chars().all(|c| {
        matches!(c, '\t' | '\n' | '\r') || (c >= ' ' && !matches!(c, '\u{FFFE}' | '\u{FFFF}'))
    })
}

/// `text` if it passes `s` (and is XML).
fn checked(s: Simple, text: &str) -> io::Result<&str> {
    if s.ok(text) && xml_chars(text) {
        Ok(text)
    } else {
        Err(invalid(s.expected))
    }
}

fn count(table: &[Particle], n: usize, what: &'static str) -> io::Result<()> {
    if n > max_of(table) {
        return Err(invalid(what));
    }
    Ok(())
}

impl Ecx<'_> {
    fn name(&self, module: Module, stod: CsnStod) -> (&str, Option<&str>) {
        let prefix = match module {
            Module::Kommunfraga => self.px.kommunfraga.as_deref(),
            Module::Person => Some(self.px.person.as_str()),
            Module::Csntyper => Some(self.px.csntyper.as_str()),
            Module::Stod => Some(self.px.stod.get(stod).as_str()),
        };
        (self.ns.uri(module, stod), prefix)
    }

    fn start(&self, w: &mut W, m: Module, stod: CsnStod, local: &str) -> io::Result<()> {
        let (ns, prefix) = self.name(m, stod);
        w.start(Some(ns), prefix, local)
    }

    fn leaf(&self, w: &mut W, m: Module, stod: CsnStod, local: &str, text: &str) -> io::Result<()> {
        let (ns, prefix) = self.name(m, stod);
        w.text_element(Some(ns), prefix, local, text)
    }

    /// A `csntyper` leaf.
    fn typ(&self, w: &mut W, local: &str, text: &str) -> io::Result<()> {
        self.leaf(w, Module::Csntyper, CsnStod::Studiemedel, local, text)
    }
}

fn belopp_text(amount: &Decimal) -> io::Result<String> {
    csn_belopp_text(amount).ok_or_else(|| invalid(BELOPP_EXPECTED))
}

pub(super) fn csn_svar(w: &mut W, e: &Ecx<'_>, doc: &CsnDokument) -> io::Result<()> {
    let sm = CsnStod::Studiemedel;
    e.start(w, Module::Kommunfraga, sm, "CSNSvar")?;
    for (prefix, uri) in &e.px.root {
        w.declare(prefix.as_deref(), uri)?;
    }
    let schema_version = checked(SCHEMA_VERSION, &doc.schema_version)?;
    w.attribute(None, None, "schemaVersion", schema_version)?;
    e.start(w, Module::Kommunfraga, sm, "GemensamtSvarEkbistand")?;
    e.start(w, Module::Kommunfraga, sm, "Resultat")?;
    let kod = checked(RESULTAT_KOD, &doc.resultat.kod)?;
    e.leaf(w, Module::Kommunfraga, sm, "ResultatKod", kod)?;
    let text = checked(RESULTAT_TEXT, &doc.resultat.text)?;
    e.leaf(w, Module::Kommunfraga, sm, "ResultatText", text)?;
    w.end()?;
    w.end()?;
    let fraga = doc.gemensamt_fraga.name();
    if fraga.ns() != Some(e.ns.kommunfraga.as_str()) || fraga.local() != "GemensamtFragaEkbistand" {
        return Err(invalid(
            "GemensamtFragaEkbistand: the fragment must be that element, in the document's kommunfraga namespace",
        ));
    }
    doc.gemensamt_fraga.write(w)?;
    count(&PERSONER, doc.personer.len(), "Personer: at most 10 Person")?;
    e.start(w, Module::Kommunfraga, sm, "Personer")?;
    let v4 = doc.namespace_version.has_omstallningsstudiestod();
    for p in &doc.personer {
        person(w, e, p, v4)?;
    }
    w.end()?;
    w.end()
}

fn person(w: &mut W, e: &Ecx<'_>, p: &CsnPerson, v4: bool) -> io::Result<()> {
    let sm = CsnStod::Studiemedel;
    e.start(w, Module::Kommunfraga, sm, "Person")?;
    let pnr = p.personnummer.expose();
    if csn_personnummer(pnr).is_none() {
        return Err(invalid(PERSONNUMMER));
    }
    w.attribute(None, None, "personnummer", pnr)?;
    if let Some(status) = &p.status {
        w.attribute(None, None, "Status", status.code())?;
    }
    if let Some(sekretess) = &p.sekretess {
        w.attribute(None, None, "sekretess", checked(SEKRETESS, sekretess)?)?;
    }
    if let Some(sekel) = &p.sekel {
        w.attribute(None, None, "sekel", sekel.code())?;
    }
    let f = &p.studiestodstypforteckning;
    e.start(w, Module::Person, sm, "Studiestodstypforteckning")?;
    for (local, value) in [
        ("studiemedel", &f.studiemedel),
        ("studiehjalp", &f.studiehjalp),
        ("hemutrustningslan", &f.hemutrustningslan),
        ("studiestartsstod", &f.studiestartsstod),
    ] {
        e.typ(w, local, checked(FRITEXT, value)?)?;
    }
    match (&f.omstallningsstudiestod, v4) {
        (Some(value), true) => e.typ(w, "omstallningsstudiestod", checked(FRITEXT, value)?)?,
        (None, false) => {}
        _ => {
            return Err(invalid(
                "omstallningsstudiestod: required from v4.0, not allowed before",
            ));
        }
    }
    w.end()?;
    for stod in CsnStod::ALL {
        match (p.stod(stod), stod != CsnStod::Omstallningsstudiestod || v4) {
            (Some(s), true) => stod_arenden(w, e, stod, s)?,
            (None, false) => {}
            _ => {
                return Err(invalid(
                    "Omstallningsstudiestod: required from v4.0, not allowed before",
                ));
            }
        }
    }
    w.end()
}

fn stod_arenden(w: &mut W, e: &Ecx<'_>, stod: CsnStod, s: &CsnStodArenden) -> io::Result<()> {
    let shape = shape(stod);
    e.start(w, Module::Person, stod, stod_element(stod))?;
    if let Some(list) = &s.arenden {
        count(shape.arenden, list.len(), "Arenden: at most 10 Arende")?;
        e.start(w, Module::Person, stod, "Arenden")?;
        for a in list {
            arende(w, e, stod, shape, a)?;
        }
        w.end()?;
    }
    w.end()
}

fn arende(w: &mut W, e: &Ecx<'_>, stod: CsnStod, shape: &Shape, a: &CsnArende) -> io::Result<()> {
    e.start(w, Module::Person, stod, "Arende")?;
    w.attribute(
        None,
        None,
        "lopnummer",
        checked(shape.lopnummer, &a.lopnummer)?,
    )?;
    if let Some(m) = &a.medlanare {
        let allowed = shape
            .arenden
            .first()
            .is_some_and(|p| p.attributes.contains(&"medlanare"));
        if !allowed {
            return Err(invalid("medlanare: only on hemutrustningslån"));
        }
        w.attribute(None, None, "medlanare", checked(MEDLANARE, m.expose())?)?;
    }
    let code = a.stodform.code();
    if short_code(code, CsnStodform::parse).is_none() || !xml_chars(code) {
        return Err(invalid(STODFORM));
    }
    e.leaf(w, Module::Stod, stod, "stodform", code)?;
    e.leaf(
        w,
        Module::Stod,
        stod,
        "klartext",
        checked(KLARTEXT, &a.klartext)?,
    )?;
    e.leaf(w, Module::Stod, stod, "status", a.status.code())?;
    if let Some(rel) = &a.relarende {
        if !allows(shape.arende, "relarende") {
            return Err(invalid("relarende: not allowed for this stödtyp"));
        }
        e.leaf(w, Module::Stod, stod, "relarende", checked(RELARENDE, rel)?)?;
    }
    let tider = allows(shape.arende, "soktaTider");
    match (&a.sokta_tider, tider) {
        (Some(list), true) => {
            count(shape.sokta, list.len(), "soktaTider: too many soktTid")?;
            e.start(w, Module::Stod, stod, "soktaTider")?;
            for t in list {
                sokttid(w, e, stod, t)?;
            }
            w.end()?;
        }
        (None, false) => {}
        _ => {
            return Err(invalid(
                "soktaTider: required except for hemutrustningslån, where it is not allowed",
            ));
        }
    }
    match (&a.beviljade_tider, tider) {
        (Some(list), true) => {
            count(
                shape.beviljade,
                list.len(),
                "BeviljadeTider: too many BeviljadTid",
            )?;
            e.start(w, Module::Stod, stod, "BeviljadeTider")?;
            for t in list {
                beviljad_tid(w, e, stod, t)?;
            }
            w.end()?;
        }
        (None, false) => {}
        _ => {
            return Err(invalid(
                "BeviljadeTider: required except for hemutrustningslån, where it is not allowed",
            ));
        }
    }
    count(
        shape.plan,
        a.utbetalningsplan.len(),
        "UtbetalningsPlan: too many Utbetalning",
    )?;
    e.start(w, Module::Stod, stod, "UtbetalningsPlan")?;
    for u in &a.utbetalningsplan {
        utbetalning(w, e, stod, u)?;
    }
    w.end()?;
    w.end()
}

fn sokttid(w: &mut W, e: &Ecx<'_>, stod: CsnStod, t: &CsnSokttid) -> io::Result<()> {
    e.start(w, Module::Stod, stod, "soktTid")?;
    e.typ(w, "soktfrom", t.soktfrom.as_str())?;
    e.typ(w, "sokttom", t.sokttom.as_str())?;
    e.typ(w, "soktomfattning", t.soktomfattning.code())?;
    if let Some(lan) = &t.soktlan {
        e.typ(w, "soktlan", lan.code())?;
    }
    w.end()
}

fn beviljad_tid(w: &mut W, e: &Ecx<'_>, stod: CsnStod, t: &CsnBeviljadTid) -> io::Result<()> {
    e.start(w, Module::Stod, stod, "BeviljadTid")?;
    e.typ(w, "starttid", t.starttid.as_str())?;
    e.typ(w, "sluttid", t.sluttid.as_str())?;
    if let Some(takt) = &t.takt {
        e.typ(w, "takt", takt.code())?;
    }
    if let Some(gr) = &t.gr_takt {
        e.typ(w, "gr_takt", checked(GR_TAKT, gr)?)?;
    }
    beloppen(w, e, &t.beloppen)?;
    e.typ(w, "totbelopp", &belopp_text(&t.totbelopp)?)?;
    w.end()
}

fn utbetalning(w: &mut W, e: &Ecx<'_>, stod: CsnStod, u: &CsnUtbetalning) -> io::Result<()> {
    e.start(w, Module::Stod, stod, "Utbetalning")?;
    e.typ(w, "utbetdatum", u.utbetdatum.as_str())?;
    if utbetstatus(u.utbetstatus.code()).is_none() {
        return Err(invalid(UTBETSTATUS));
    }
    e.typ(w, "utbetstatus", u.utbetstatus.code())?;
    count(
        &UTBETALDATIDER,
        u.utbetalda_tider.len(),
        "Utbetaldatider: at most 10 Utbetaldtid",
    )?;
    e.start(w, Module::Csntyper, stod, "Utbetaldatider")?;
    for t in &u.utbetalda_tider {
        e.start(w, Module::Csntyper, stod, "Utbetaldtid")?;
        if let Some(v) = &t.startvecka {
            e.typ(w, "startvecka", v.as_str())?;
        }
        if let Some(v) = &t.slutvecka {
            e.typ(w, "slutvecka", v.as_str())?;
        }
        beloppen(w, e, &t.beloppen)?;
        e.typ(w, "totbelopp", &belopp_text(&t.totbelopp)?)?;
        w.end()?;
    }
    w.end()?;
    e.typ(w, "totbelopp", &belopp_text(&u.totbelopp)?)?;
    w.end()
}

fn beloppen(w: &mut W, e: &Ecx<'_>, list: &[CsnBelopp]) -> io::Result<()> {
    count(&BELOPPEN, list.len(), "Beloppen: at most 10 Belopp")?;
    e.start(w, Module::Csntyper, CsnStod::Studiemedel, "Beloppen")?;
    for b in list {
        e.start(w, Module::Csntyper, CsnStod::Studiemedel, "Belopp")?;
        let code = b.beloppstyp.code();
        if short_code(code, CsnBeloppstyp::parse).is_none() || !xml_chars(code) {
            return Err(invalid(BELOPPSTYP));
        }
        e.typ(w, "beloppstyp", code)?;
        e.typ(w, "klartext", checked(KLARTEXT, &b.klartext)?)?;
        e.typ(w, "belopp", &belopp_text(&b.belopp)?)?;
        e.typ(w, "totbelopp", &belopp_text(&b.totbelopp)?)?;
        w.end()?;
    }
    w.end()
}
