//! The decoder: the sequence checker that reads children against a particle table, and one
//! function per complex type.

use rust_decimal::Decimal;

use crate::codes::{
    CsnArendestatus, CsnBeloppstyp, CsnPersonstatus, CsnSekel, CsnSoktlan, CsnStodform, CsnTakt,
};
use crate::id::Sensitive;
use crate::model::ssbtek::{
    CsnArende, CsnBelopp, CsnBeviljadTid, CsnDatum, CsnDokument, CsnNamespaceVersion, CsnPerson,
    CsnResultat, CsnSokttid, CsnStod, CsnStodArenden, CsnStudiestodstypforteckning, CsnUtbetaldTid,
    CsnUtbetalning, CsnVecka, parse_csn_belopp,
};

use crate::xml::{Element, EventSource, XmlError, XmlErrorKind, XmlReader};

use super::*;

/// Reading context: the namespaces and the stödtyp whose ärenden are being read.
#[derive(Clone, Copy)]
pub(super) struct Cx<'a> {
    pub(super) ns: &'a Namespaces,
    pub(super) stod: CsnStod,
}

impl<'a> Cx<'a> {
    fn uri(&self, module: Module) -> &'a str {
        self.ns.uri(module, self.stod)
    }

    fn with_stod(self, stod: CsnStod) -> Self {
        Self { stod, ..self }
    }
}

/// The version of a root element that is `CSNSvar` in a CSN `kommunfraga` namespace.
pub(super) fn root_version(el: &Element<'_>) -> Result<CsnNamespaceVersion, XmlErrorKind> {
    let version = el
        .ns()
        .and_then(|ns| ns.strip_prefix(NS_BASE))
        .and_then(|rest| rest.strip_suffix("/kommunfraga"))
        .and_then(|v| CsnNamespaceVersion::parse(v).ok());
    match version {
        Some(v) if el.local() == "CSNSvar" => {
            check_attributes(el, &ROOT_ATTRIBUTES)?;
            Ok(v)
        }
        _ => Err(XmlErrorKind::UnexpectedElement {
            name: el.expanded_name(),
        }),
    }
}

/// Refuses attributes other than `allowed` (namespace declarations aside).
fn check_attributes(el: &Element<'_>, allowed: &[&str]) -> Result<(), XmlErrorKind> {
    for attr in el.start().attributes() {
        let attr = attr.map_err(|e| XmlErrorKind::Syntax(e.to_string()))?;
        if attr.key.as_namespace_binding().is_some() {
            continue;
        }
        let declared =
            attr.key.prefix().is_none() && allowed.iter().any(|a| *a == attr.key.into_inner());
        if !declared {
            return Err(XmlErrorKind::InvalidValue {
                expected: ATTRIBUTES,
            });
        }
    }
    Ok(())
}

// ---------------------------------------------------------------------------------------
// The sequence checker
// ---------------------------------------------------------------------------------------

/// Reads the children of one element against a table, in order.
struct Seq {
    table: &'static [Particle],
    /// The particle matched last.
    pos: usize,
    /// How often it occurred so far.
    count: u32,
}

impl Seq {
    fn new(table: &'static [Particle]) -> Self {
        Self {
            table,
            pos: 0,
            count: 0,
        }
    }

    /// The next child's local name (its attributes checked), or `None` at the end of the
    /// element once every required child was seen.
    fn next<S: EventSource>(
        &mut self,
        r: &mut XmlReader<S>,
        cx: Cx<'_>,
    ) -> Result<Option<&'static str>, XmlError> {
        let found = r.next_child()?.map(|el| self.classify(&el, cx));
        match found {
            Some(Ok(local)) => Ok(Some(local)),
            Some(Err(kind)) => Err(r.error(kind)),
            None => match self.first_unsatisfied_before(self.table.len()) {
                Some(name) => Err(r.error(XmlErrorKind::MissingElement { name })),
                None => Ok(None),
            },
        }
    }

    fn classify(&mut self, el: &Element<'_>, cx: Cx<'_>) -> Result<&'static str, XmlErrorKind> {
        let unexpected = || XmlErrorKind::UnexpectedElement {
            name: el.expanded_name(),
        };
        let (i, particle) = self
            .table
            .iter()
            .enumerate()
            .find(|(_, p)| p.local == el.local() && el.ns() == Some(cx.uri(p.module)))
            .ok_or_else(unexpected)?;
        if i < self.pos {
            return Err(unexpected());
        }
        if i == self.pos && self.count > 0 {
            if self.count >= particle.max {
                return Err(XmlErrorKind::Duplicate {
                    name: particle.local,
                });
            }
            self.count += 1;
        } else {
            if let Some(name) = self.first_unsatisfied_before(i) {
                return Err(XmlErrorKind::MissingElement { name });
            }
            self.pos = i;
            self.count = 1;
        }
        if !particle.any_attributes {
            check_attributes(el, particle.attributes)?;
        }
        Ok(particle.local)
    }

    /// The first required particle from the current one up to (not including) `end` that
    /// has not occurred often enough.
    fn first_unsatisfied_before(&self, end: usize) -> Option<&'static str> {
        self.table
            .iter()
            .enumerate()
            .take(end)
            .skip(self.pos)
            .find(|(j, p)| {
                let seen = if *j == self.pos { self.count } else { 0 };
                seen < p.min
            })
            .map(|(_, p)| p.local)
    }
}

type Res<T> = Result<T, XmlError>;

/// The text of the current element, checked.
fn text<S: EventSource>(r: &mut XmlReader<S>, s: Simple) -> Res<String> {
    r.read_text_with(|t| {
        if s.ok(t) {
            Ok(t.to_owned())
        } else {
            Err(XmlErrorKind::InvalidValue {
                expected: s.expected,
            })
        }
    })
}

/// The text of the current element through `parse`.
fn value<S: EventSource, T>(
    r: &mut XmlReader<S>,
    expected: &'static str,
    parse: impl FnOnce(&str) -> Option<T>,
) -> Res<T> {
    r.read_text_with(|t| parse(t).ok_or(XmlErrorKind::InvalidValue { expected }))
}

fn belopp<S: EventSource>(r: &mut XmlReader<S>) -> Res<Decimal> {
    value(r, BELOPP_EXPECTED, parse_csn_belopp)
}

fn datum<S: EventSource>(r: &mut XmlReader<S>) -> Res<CsnDatum> {
    value(r, DATUM, |t| CsnDatum::parse(t).ok())
}

fn vecka<S: EventSource>(r: &mut XmlReader<S>) -> Res<CsnVecka> {
    value(r, VECKA, |t| CsnVecka::parse(t).ok())
}

fn takt<S: EventSource>(r: &mut XmlReader<S>) -> Res<CsnTakt> {
    value(r, TAKT, |t| CsnTakt::parse(t).ok())
}

/// An attribute of the current element, checked with `check` (`None`: absent).
fn attribute<S: EventSource, T>(
    r: &XmlReader<S>,
    local: &'static str,
    expected: &'static str,
    check: impl FnOnce(&str) -> Option<T>,
) -> Res<Option<T>> {
    let value = r
        .current_element()?
        .attribute(None, local)
        .map_err(|kind| r.error(kind))?;
    match value {
        None => Ok(None),
        Some(v) => check(&v)
            .map(Some)
            .ok_or_else(|| r.error(XmlErrorKind::InvalidValue { expected })),
    }
}

fn required<S: EventSource, T>(r: &XmlReader<S>, v: Option<T>, name: &'static str) -> Res<T> {
    v.ok_or_else(|| r.error(XmlErrorKind::MissingAttribute { name }))
}

fn simple_attribute<S: EventSource>(
    r: &XmlReader<S>,
    local: &'static str,
    s: Simple,
) -> Res<Option<String>> {
    attribute(r, local, s.expected, |v| s.ok(v).then(|| v.to_owned()))
}

/// The elements of a list table, each read by `item`.
fn list<S: EventSource, T>(
    r: &mut XmlReader<S>,
    cx: Cx<'_>,
    table: &'static [Particle],
    mut item: impl FnMut(&mut XmlReader<S>, Cx<'_>) -> Res<T>,
) -> Res<Vec<T>> {
    let mut seq = Seq::new(table);
    let mut out = Vec::new();
    while seq.next(r, cx)?.is_some() {
        out.push(item(r, cx)?);
    }
    Ok(out)
}

pub(super) fn csn_svar<S: EventSource>(
    r: &mut XmlReader<S>,
    cx: Cx<'_>,
    version: CsnNamespaceVersion,
) -> Res<CsnDokument> {
    let schema_version = simple_attribute(r, "schemaVersion", SCHEMA_VERSION)?;
    let schema_version = required(r, schema_version, "schemaVersion")?;
    let (mut resultat, mut fraga, mut personer) = (None, None, None);
    let mut seq = Seq::new(&CSN_SVAR);
    while let Some(local) = seq.next(r, cx)? {
        match local {
            "GemensamtSvarEkbistand" => resultat = Some(gemensamt_svar(r, cx)?),
            "GemensamtFragaEkbistand" => fraga = Some(r.capture()?),
            _ => personer = Some(list(r, cx, &PERSONER, |r, cx| person(r, cx, version))?),
        }
    }
    Ok(CsnDokument {
        namespace_version: version,
        schema_version,
        resultat: r.required(resultat, "GemensamtSvarEkbistand")?,
        gemensamt_fraga: r.required(fraga, "GemensamtFragaEkbistand")?,
        personer: r.required(personer, "Personer")?,
    })
}

fn gemensamt_svar<S: EventSource>(r: &mut XmlReader<S>, cx: Cx<'_>) -> Res<CsnResultat> {
    let mut out = None;
    let mut seq = Seq::new(&GEMENSAMT_SVAR);
    while seq.next(r, cx)?.is_some() {
        let (mut kod, mut text_) = (None, None);
        let mut inner = Seq::new(&RESULTAT);
        while let Some(local) = inner.next(r, cx)? {
            match local {
                "ResultatKod" => kod = Some(text(r, RESULTAT_KOD)?),
                _ => text_ = Some(text(r, RESULTAT_TEXT)?),
            }
        }
        out = Some(CsnResultat {
            kod: r.required(kod, "ResultatKod")?,
            text: r.required(text_, "ResultatText")?,
        });
    }
    r.required(out, "Resultat")
}

fn person<S: EventSource>(
    r: &mut XmlReader<S>,
    cx: Cx<'_>,
    version: CsnNamespaceVersion,
) -> Res<CsnPerson> {
    let personnummer = attribute(r, "personnummer", PERSONNUMMER, csn_personnummer)?;
    let personnummer = required(r, personnummer, "personnummer")?;
    let status = attribute(r, "Status", PERSONSTATUS, |v| {
        CsnPersonstatus::parse(v).ok()
    })?;
    let sekretess = simple_attribute(r, "sekretess", SEKRETESS)?;
    let sekel = attribute(r, "sekel", SEKEL, |v| CsnSekel::parse(v).ok())?;
    let v4 = version.has_omstallningsstudiestod();
    let table: &'static [Particle] = if v4 { &PERSON_V4 } else { &PERSON_V3 };
    let mut forteckning = None;
    let mut stod: PerStod<Option<CsnStodArenden>> = PerStod::default();
    let mut seq = Seq::new(table);
    while let Some(local) = seq.next(r, cx)? {
        if local == "Studiestodstypforteckning" {
            forteckning = Some(studiestodstypforteckning(r, cx, v4)?);
            continue;
        }
        // the table holds only the five stöd elements besides the förteckning
        let Some(kind) = CsnStod::ALL.into_iter().find(|s| stod_element(*s) == local) else {
            return Err(r.unexpected_element());
        };
        *stod.get_mut(kind) = Some(stod_arenden(r, cx.with_stod(kind))?);
    }
    let PerStod {
        studiemedel: sm,
        studiehjalp: sh,
        hemutrustningslan: hut,
        studiestartsstod: sss,
        omstallningsstudiestod: oss,
    } = stod;
    Ok(CsnPerson {
        personnummer,
        status,
        sekretess,
        sekel,
        studiestodstypforteckning: r.required(forteckning, "Studiestodstypforteckning")?,
        studiemedel: r.required(sm, "Studiemedel")?,
        studiehjalp: r.required(sh, "Studiehjalp")?,
        hemutrustningslan: r.required(hut, "HemutrustningsLan")?,
        studiestartsstod: r.required(sss, "Studiestartsstod")?,
        omstallningsstudiestod: oss,
    })
}

fn studiestodstypforteckning<S: EventSource>(
    r: &mut XmlReader<S>,
    cx: Cx<'_>,
    v4: bool,
) -> Res<CsnStudiestodstypforteckning> {
    let table: &'static [Particle] = if v4 { &FORTECKNING_V4 } else { &FORTECKNING_V3 };
    let mut f = CsnStudiestodstypforteckning::default();
    let mut seq = Seq::new(table);
    while let Some(local) = seq.next(r, cx)? {
        let value = text(r, FRITEXT)?;
        match local {
            "studiemedel" => f.studiemedel = value,
            "studiehjalp" => f.studiehjalp = value,
            "hemutrustningslan" => f.hemutrustningslan = value,
            "studiestartsstod" => f.studiestartsstod = value,
            _ => f.omstallningsstudiestod = Some(value),
        }
    }
    Ok(f)
}

fn stod_arenden<S: EventSource>(r: &mut XmlReader<S>, cx: Cx<'_>) -> Res<CsnStodArenden> {
    let shape = shape(cx.stod);
    let mut arenden = None;
    let mut seq = Seq::new(&STOD);
    while seq.next(r, cx)?.is_some() {
        arenden = Some(list(r, cx, shape.arenden, |r, cx| arende(r, cx, shape))?);
    }
    Ok(CsnStodArenden { arenden })
}

fn arende<S: EventSource>(r: &mut XmlReader<S>, cx: Cx<'_>, shape: &Shape) -> Res<CsnArende> {
    let lopnummer = simple_attribute(r, "lopnummer", shape.lopnummer)?;
    let lopnummer = required(r, lopnummer, "lopnummer")?;
    let medlanare = simple_attribute(r, "medlanare", MEDLANARE)?.map(Sensitive::new);
    let (mut stodform, mut klartext, mut status, mut relarende) = (None, None, None, None);
    let (mut sokta, mut beviljade, mut plan) = (None, None, None);
    let mut seq = Seq::new(shape.arende);
    while let Some(local) = seq.next(r, cx)? {
        match local {
            "stodform" => {
                stodform = Some(value(r, STODFORM, |t| short_code(t, CsnStodform::parse))?);
            }
            "klartext" => klartext = Some(text(r, KLARTEXT)?),
            "status" => status = Some(value(r, STATUS, |t| CsnArendestatus::parse(t).ok())?),
            "relarende" => relarende = Some(text(r, RELARENDE)?),
            "soktaTider" => sokta = Some(list(r, cx, shape.sokta, sokttid)?),
            "BeviljadeTider" => beviljade = Some(list(r, cx, shape.beviljade, beviljad_tid)?),
            _ => plan = Some(list(r, cx, shape.plan, utbetalning)?),
        }
    }
    Ok(CsnArende {
        lopnummer,
        medlanare,
        stodform: r.required(stodform, "stodform")?,
        klartext: r.required(klartext, "klartext")?,
        status: r.required(status, "status")?,
        relarende,
        sokta_tider: sokta,
        beviljade_tider: beviljade,
        utbetalningsplan: r.required(plan, "UtbetalningsPlan")?,
    })
}

fn sokttid<S: EventSource>(r: &mut XmlReader<S>, cx: Cx<'_>) -> Res<CsnSokttid> {
    let (mut from, mut tom, mut omfattning, mut lan) = (None, None, None, None);
    let mut seq = Seq::new(&SOKTTID);
    while let Some(local) = seq.next(r, cx)? {
        match local {
            "soktfrom" => from = Some(datum(r)?),
            "sokttom" => tom = Some(datum(r)?),
            "soktomfattning" => omfattning = Some(takt(r)?),
            _ => lan = Some(value(r, SOKTLAN, |t| CsnSoktlan::parse(t).ok())?),
        }
    }
    Ok(CsnSokttid {
        soktfrom: r.required(from, "soktfrom")?,
        sokttom: r.required(tom, "sokttom")?,
        soktomfattning: r.required(omfattning, "soktomfattning")?,
        soktlan: lan,
    })
}

fn beviljad_tid<S: EventSource>(r: &mut XmlReader<S>, cx: Cx<'_>) -> Res<CsnBeviljadTid> {
    let (mut start, mut slut, mut takt_, mut gr_takt) = (None, None, None, None);
    let (mut beloppen, mut totbelopp) = (None, None);
    let mut seq = Seq::new(&BEVILJADTID);
    while let Some(local) = seq.next(r, cx)? {
        match local {
            "starttid" => start = Some(vecka(r)?),
            "sluttid" => slut = Some(vecka(r)?),
            "takt" => takt_ = Some(takt(r)?),
            "gr_takt" => gr_takt = Some(text(r, GR_TAKT)?),
            "Beloppen" => beloppen = Some(list(r, cx, &BELOPPEN, belopp_rad)?),
            _ => totbelopp = Some(belopp(r)?),
        }
    }
    Ok(CsnBeviljadTid {
        starttid: r.required(start, "starttid")?,
        sluttid: r.required(slut, "sluttid")?,
        takt: takt_,
        gr_takt,
        beloppen: r.required(beloppen, "Beloppen")?,
        totbelopp: r.required(totbelopp, "totbelopp")?,
    })
}

fn utbetalning<S: EventSource>(r: &mut XmlReader<S>, cx: Cx<'_>) -> Res<CsnUtbetalning> {
    let (mut datum_, mut status, mut tider, mut totbelopp) = (None, None, None, None);
    let mut seq = Seq::new(&UTBETALNING);
    while let Some(local) = seq.next(r, cx)? {
        match local {
            "utbetdatum" => datum_ = Some(datum(r)?),
            "utbetstatus" => status = Some(value(r, UTBETSTATUS, utbetstatus)?),
            "Utbetaldatider" => tider = Some(list(r, cx, &UTBETALDATIDER, utbetald_tid)?),
            _ => totbelopp = Some(belopp(r)?),
        }
    }
    Ok(CsnUtbetalning {
        utbetdatum: r.required(datum_, "utbetdatum")?,
        utbetstatus: r.required(status, "utbetstatus")?,
        utbetalda_tider: r.required(tider, "Utbetaldatider")?,
        totbelopp: r.required(totbelopp, "totbelopp")?,
    })
}

fn utbetald_tid<S: EventSource>(r: &mut XmlReader<S>, cx: Cx<'_>) -> Res<CsnUtbetaldTid> {
    let (mut start, mut slut, mut beloppen, mut totbelopp) = (None, None, None, None);
    let mut seq = Seq::new(&UTBETALDTID);
    while let Some(local) = seq.next(r, cx)? {
        match local {
            "startvecka" => start = Some(vecka(r)?),
            "slutvecka" => slut = Some(vecka(r)?),
            "Beloppen" => beloppen = Some(list(r, cx, &BELOPPEN, belopp_rad)?),
            _ => totbelopp = Some(belopp(r)?),
        }
    }
    Ok(CsnUtbetaldTid {
        startvecka: start,
        slutvecka: slut,
        beloppen: r.required(beloppen, "Beloppen")?,
        totbelopp: r.required(totbelopp, "totbelopp")?,
    })
}

fn belopp_rad<S: EventSource>(r: &mut XmlReader<S>, cx: Cx<'_>) -> Res<CsnBelopp> {
    let (mut typ, mut klartext, mut belopp_, mut totbelopp) = (None, None, None, None);
    let mut seq = Seq::new(&BELOPP);
    while let Some(local) = seq.next(r, cx)? {
        match local {
            "beloppstyp" => {
                typ = Some(value(r, BELOPPSTYP, |t| {
                    short_code(t, CsnBeloppstyp::parse)
                })?);
            }
            "klartext" => klartext = Some(text(r, KLARTEXT)?),
            "belopp" => belopp_ = Some(belopp(r)?),
            _ => totbelopp = Some(belopp(r)?),
        }
    }
    Ok(CsnBelopp {
        beloppstyp: r.required(typ, "beloppstyp")?,
        klartext: r.required(klartext, "klartext")?,
        belopp: r.required(belopp_, "belopp")?,
        totbelopp: r.required(totbelopp, "totbelopp")?,
    })
}
