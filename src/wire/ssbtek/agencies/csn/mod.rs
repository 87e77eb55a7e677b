//! CSN's `CSNSvar` document (the XML inside CSN's base64 `svar`): a strict decoder and the
//! matching encoder.
//!
//! * **Namespace-aware, version-agnostic.** The root must be `CSNSvar` in
//!   `http://schema.csn.se/<ver>/kommunfraga`; `<ver>` (`v3.0`, `v4.0`, …) fixes the
//!   namespace of every other element: each is in the namespace of the schema module that
//!   declares it (`kommunfraga`, `person`, `csntyper`, or the ärende's stödtyp module), with
//!   the same `<ver>`. Versions before 4.0 have no omställningsstudiestöd; from 4.0 it is
//!   required, as in the contract's schemas.
//! * **Strict to the schemas.** Each complex type is a table of particles (namespace module,
//!   local name, occurrences, allowed attributes) read by one sequence checker: an unknown,
//!   misplaced or wrong-namespace element is `UnexpectedElement`, a missing one
//!   `MissingElement`, too many `Duplicate`, a value outside its pattern, length or
//!   enumeration (or an undeclared attribute) `InvalidValue`; no message repeats a value.
//! * **The encoder checks what the decoder checks** (same tables and lexical rules) and
//!   refuses, with `InvalidInput`, a value the decoder would refuse, so `decode(encode(x))`
//!   is `x` whenever `encode(x)` succeeds. Namespaces are declared on the root, with
//!   prefixes chosen around the ones the kept `GemensamtFragaEkbistand` fragment relies on.
//!
//! The decoder is in `read`, the encoder and its prefix plan in `write`; this module holds
//! the entry points, the namespaces, and the schema tables and lexical rules both share.

use std::io;

use crate::codes::{CsnUtbetalningsstatus, ParseCodeError};
use crate::id::Personidentitet;
use crate::model::ssbtek::{CsnDokument, CsnNamespaceVersion, CsnStod};
use crate::xml::{DecodeLimits, XmlError, XmlErrorKind, XmlReader, XmlWriter};

use read::{Cx, root_version};
use write::{Ecx, Prefixes};

mod read;
#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::indexing_slicing, clippy::panic)]
mod tests;
mod write;

/// What every CSN namespace starts with.
const NS_BASE: &str = "http://schema.csn.se/";

/// Decodes a `CSNSvar` document.
pub(crate) fn decode(bytes: &[u8], limits: &DecodeLimits) -> Result<CsnDokument, XmlError> {
    let mut r = XmlReader::from_slice(bytes, limits)?;
    let version = match r.next_child()? {
        Some(el) => root_version(&el),
        None => return Err(r.error(XmlErrorKind::NoRoot)),
    };
    let version = version.map_err(|kind| r.error(kind))?;
    let ns = Namespaces::new(version);
    let cx = Cx {
        ns: &ns,
        stod: CsnStod::Studiemedel,
    };
    let doc = read::csn_svar(&mut r, cx, version)?;
    r.finish()?;
    Ok(doc)
}

/// Encodes a whole `CSNSvar` document (with an XML declaration) in the namespaces of
/// `doc.namespace_version`.
pub(crate) fn encode(doc: &CsnDokument) -> io::Result<Vec<u8>> {
    let ns = Namespaces::new(doc.namespace_version);
    let px = Prefixes::plan(&ns, doc);
    let mut w = XmlWriter::new(Vec::new());
    w.declaration()?;
    write::csn_svar(&mut w, &Ecx { ns: &ns, px: &px }, doc)?;
    w.into_inner()
}

/// The schema module that declares an element (elementFormDefault is qualified in all).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Module {
    Kommunfraga,
    Person,
    Csntyper,
    /// The schema of the ärende's stödtyp (`studiemedel`, `hemutrustningslan`, …).
    Stod,
}

/// The module name of a stödtyp's schema.
fn stod_module(stod: CsnStod) -> &'static str {
    match stod {
        CsnStod::Studiemedel => "studiemedel",
        CsnStod::Studiehjalp => "studiehjalp",
        CsnStod::Hemutrustningslan => "hemutrustningslan",
        CsnStod::Studiestartsstod => "studiestartsstod",
        CsnStod::Omstallningsstudiestod => "omstallningsstudiestod",
    }
}

/// The element of a stödtyp inside `Person`.
fn stod_element(stod: CsnStod) -> &'static str {
    match stod {
        CsnStod::Studiemedel => "Studiemedel",
        CsnStod::Studiehjalp => "Studiehjalp",
        CsnStod::Hemutrustningslan => "HemutrustningsLan",
        CsnStod::Studiestartsstod => "Studiestartsstod",
        CsnStod::Omstallningsstudiestod => "Omstallningsstudiestod",
    }
}

/// The namespaces of one version.
struct Namespaces {
    kommunfraga: String,
    person: String,
    csntyper: String,
    stod: [String; 5],
}

impl Namespaces {
    fn new(version: CsnNamespaceVersion) -> Self {
        let uri = |module: &str| format!("{NS_BASE}{version}/{module}");
        Self {
            kommunfraga: uri("kommunfraga"),
            person: uri("person"),
            csntyper: uri("csntyper"),
            stod: CsnStod::ALL.map(|s| uri(stod_module(s))),
        }
    }

    fn uri(&self, module: Module, stod: CsnStod) -> &str {
        match module {
            Module::Kommunfraga => &self.kommunfraga,
            Module::Person => &self.person,
            Module::Csntyper => &self.csntyper,
            Module::Stod => self.stod_uri(stod),
        }
    }

    fn stod_uri(&self, stod: CsnStod) -> &str {
        let i = CsnStod::ALL.iter().position(|s| *s == stod).unwrap_or(0);
        self.stod.get(i).map_or("", String::as_str)
    }
}

// ---------------------------------------------------------------------------------------
// The schemas as tables
// ---------------------------------------------------------------------------------------

/// One element of a sequence: where it is declared, its name, its occurrences and its
/// attributes (`any_attributes`: the type is not in the bundle, so anything goes).
struct Particle {
    module: Module,
    local: &'static str,
    min: u32,
    max: u32,
    attributes: &'static [&'static str],
    any_attributes: bool,
}

const UNBOUNDED: u32 = u32::MAX;

const fn one(module: Module, local: &'static str) -> Particle {
    Particle {
        module,
        local,
        min: 1,
        max: 1,
        attributes: &[],
        any_attributes: false,
    }
}

const fn opt(module: Module, local: &'static str) -> Particle {
    Particle {
        min: 0,
        ..one(module, local)
    }
}

const fn many(module: Module, local: &'static str, max: u32) -> Particle {
    Particle {
        min: 0,
        max,
        ..one(module, local)
    }
}

const fn with_attributes(p: Particle, attributes: &'static [&'static str]) -> Particle {
    Particle { attributes, ..p }
}

use Module::{Csntyper as T, Kommunfraga as K, Person as P, Stod as M};

const ROOT_ATTRIBUTES: [&str; 1] = ["schemaVersion"];
const PERSON_ATTRIBUTES: [&str; 4] = ["personnummer", "Status", "sekretess", "sekel"];

static CSN_SVAR: [Particle; 3] = [
    one(K, "GemensamtSvarEkbistand"),
    Particle {
        any_attributes: true,
        ..one(K, "GemensamtFragaEkbistand")
    },
    one(K, "Personer"),
];
static GEMENSAMT_SVAR: [Particle; 1] = [one(K, "Resultat")];
static RESULTAT: [Particle; 2] = [one(K, "ResultatKod"), one(K, "ResultatText")];
static PERSONER: [Particle; 1] = [with_attributes(many(K, "Person", 10), &PERSON_ATTRIBUTES)];

static PERSON_V4: [Particle; 6] = [
    one(P, "Studiestodstypforteckning"),
    one(P, "Studiemedel"),
    one(P, "Studiehjalp"),
    one(P, "HemutrustningsLan"),
    one(P, "Studiestartsstod"),
    one(P, "Omstallningsstudiestod"),
];
static PERSON_V3: [Particle; 5] = [
    one(P, "Studiestodstypforteckning"),
    one(P, "Studiemedel"),
    one(P, "Studiehjalp"),
    one(P, "HemutrustningsLan"),
    one(P, "Studiestartsstod"),
];
static FORTECKNING_V4: [Particle; 5] = [
    one(T, "studiemedel"),
    one(T, "studiehjalp"),
    one(T, "hemutrustningslan"),
    one(T, "studiestartsstod"),
    one(T, "omstallningsstudiestod"),
];
static FORTECKNING_V3: [Particle; 4] = [
    one(T, "studiemedel"),
    one(T, "studiehjalp"),
    one(T, "hemutrustningslan"),
    one(T, "studiestartsstod"),
];
static STOD: [Particle; 1] = [opt(P, "Arenden")];
static ARENDEN: [Particle; 1] = [with_attributes(many(P, "Arende", 10), &["lopnummer"])];
static ARENDEN_HUT: [Particle; 1] = [with_attributes(
    many(P, "Arende", 10),
    &["lopnummer", "medlanare"],
)];

/// `studiemedel`, `studiehjalp` and `studiestartsstod` `arende`.
static ARENDE: [Particle; 7] = [
    one(M, "stodform"),
    one(M, "klartext"),
    one(M, "status"),
    opt(M, "relarende"),
    one(M, "soktaTider"),
    one(M, "BeviljadeTider"),
    one(M, "UtbetalningsPlan"),
];
/// `hemutrustningslan` `arende`.
static ARENDE_HUT: [Particle; 4] = [
    one(M, "stodform"),
    one(M, "klartext"),
    one(M, "status"),
    one(M, "UtbetalningsPlan"),
];
/// `omstallningsstudiestod` `arende`.
static ARENDE_OSS: [Particle; 6] = [
    one(M, "stodform"),
    one(M, "klartext"),
    one(M, "status"),
    one(M, "soktaTider"),
    one(M, "BeviljadeTider"),
    one(M, "UtbetalningsPlan"),
];
// A sequence of at most 5 holding an element of at most 5 allows 25; likewise 10 × 10 and
// 50 × 50 (the schemas nest the occurrence bounds).
static SOKTA_TIDER: [Particle; 1] = [many(M, "soktTid", 25)];
static BEVILJADE_TIDER: [Particle; 1] = [many(M, "BeviljadTid", 100)];
static UTBETALNINGSPLAN: [Particle; 1] = [many(M, "Utbetalning", 2500)];
static SOKTA_TIDER_OSS: [Particle; 1] = [many(M, "soktTid", UNBOUNDED)];
static BEVILJADE_TIDER_OSS: [Particle; 1] = [many(M, "BeviljadTid", UNBOUNDED)];
static UTBETALNINGSPLAN_OSS: [Particle; 1] = [many(M, "Utbetalning", UNBOUNDED)];

/// `csngem:Sokttid`.
static SOKTTID: [Particle; 4] = [
    one(T, "soktfrom"),
    one(T, "sokttom"),
    one(T, "soktomfattning"),
    opt(T, "soktlan"),
];
/// `csngem:Beviljadtid`.
static BEVILJADTID: [Particle; 6] = [
    one(T, "starttid"),
    one(T, "sluttid"),
    opt(T, "takt"),
    opt(T, "gr_takt"),
    one(T, "Beloppen"),
    one(T, "totbelopp"),
];
static BELOPPEN: [Particle; 1] = [many(T, "Belopp", 10)];
/// `csngem:Belopp`.
static BELOPP: [Particle; 4] = [
    one(T, "beloppstyp"),
    one(T, "klartext"),
    one(T, "belopp"),
    one(T, "totbelopp"),
];
/// `csngem:Utbetalning`.
static UTBETALNING: [Particle; 4] = [
    one(T, "utbetdatum"),
    one(T, "utbetstatus"),
    one(T, "Utbetaldatider"),
    one(T, "totbelopp"),
];
static UTBETALDATIDER: [Particle; 1] = [many(T, "Utbetaldtid", 10)];
/// `csngem:Utbetaldtid`.
static UTBETALDTID: [Particle; 4] = [
    opt(T, "startvecka"),
    opt(T, "slutvecka"),
    one(T, "Beloppen"),
    one(T, "totbelopp"),
];

/// What an ärende of one stödtyp looks like.
struct Shape {
    arenden: &'static [Particle],
    arende: &'static [Particle],
    sokta: &'static [Particle],
    beviljade: &'static [Particle],
    plan: &'static [Particle],
    lopnummer: Simple,
}

static SHAPE: Shape = Shape {
    arenden: &ARENDEN,
    arende: &ARENDE,
    sokta: &SOKTA_TIDER,
    beviljade: &BEVILJADE_TIDER,
    plan: &UTBETALNINGSPLAN,
    lopnummer: LOPNUMMER,
};
static SHAPE_HUT: Shape = Shape {
    arenden: &ARENDEN_HUT,
    arende: &ARENDE_HUT,
    sokta: &[],
    beviljade: &[],
    plan: &UTBETALNINGSPLAN,
    lopnummer: LOPNUMMER_HUT,
};
static SHAPE_OSS: Shape = Shape {
    arenden: &ARENDEN,
    arende: &ARENDE_OSS,
    sokta: &SOKTA_TIDER_OSS,
    beviljade: &BEVILJADE_TIDER_OSS,
    plan: &UTBETALNINGSPLAN_OSS,
    lopnummer: LOPNUMMER,
};

fn shape(stod: CsnStod) -> &'static Shape {
    match stod {
        CsnStod::Hemutrustningslan => &SHAPE_HUT,
        CsnStod::Omstallningsstudiestod => &SHAPE_OSS,
        _ => &SHAPE,
    }
}

/// Whether `table` has an element `local`.
fn allows(table: &[Particle], local: &str) -> bool {
    table.iter().any(|p| p.local == local)
}

/// The most occurrences of the (only) element of a list table.
fn max_of(table: &[Particle]) -> usize {
    table
        .first()
        .map_or(0, |p| usize::try_from(p.max).unwrap_or(usize::MAX))
}

// ---------------------------------------------------------------------------------------
// Simple types: one lexical check each, shared by the decoder and the encoder
// ---------------------------------------------------------------------------------------

#[derive(Clone, Copy)]
enum Lex {
    /// `xs:string` without facets.
    Any,
    /// `xs:string` with `maxLength` (characters).
    MaxChars(usize),
    /// `[0-9]+` with `maxLength`.
    Digits(usize),
    /// `xs:decimal` (whitespace collapsed).
    Decimal,
}

#[derive(Clone, Copy)]
struct Simple {
    lex: Lex,
    expected: &'static str,
}

impl Simple {
    fn ok(self, text: &str) -> bool {
        match self.lex {
            Lex::Any => true,
            Lex::MaxChars(max) => text.chars().count() <= max,
            Lex::Digits(max) => {
                !text.is_empty() && text.len() <= max && text.bytes().all(|b| b.is_ascii_digit())
            }
            Lex::Decimal => is_xs_decimal(text),
        }
    }
}

const fn simple(lex: Lex, expected: &'static str) -> Simple {
    Simple { lex, expected }
}

const SCHEMA_VERSION: Simple = simple(Lex::Decimal, "schemaVersion: an xs:decimal");
const RESULTAT_KOD: Simple = simple(Lex::MaxChars(20), "ResultatKod: at most 20 characters");
const RESULTAT_TEXT: Simple = simple(Lex::MaxChars(100), "ResultatText: at most 100 characters");
const FRITEXT: Simple = simple(Lex::Any, "a string");
const SEKRETESS: Simple = simple(Lex::MaxChars(2), "sekretess: at most 2 characters");
const KLARTEXT: Simple = simple(Lex::MaxChars(40), "klartext: at most 40 characters");
const MEDLANARE: Simple = simple(Lex::MaxChars(12), "medlanare: at most 12 characters");
const RELARENDE: Simple = simple(Lex::Digits(3), "relarende: 1 to 3 digits");
const GR_TAKT: Simple = simple(Lex::Digits(3), "gr_takt: 1 to 3 digits");
const LOPNUMMER: Simple = simple(Lex::Digits(3), "lopnummer: 1 to 3 digits");
const LOPNUMMER_HUT: Simple = simple(Lex::Digits(7), "lopnummer: 1 to 7 digits");

const PERSONNUMMER: &str =
    "personnummer: ten digits matching [0-9][0-9][0-1][0-9][0-3][0-9][0-9]{4}";
const PERSONSTATUS: &str = "Status: ten spaces or Ej träff";
const SEKEL: &str = "sekel: 18, 19 or 20";
const STODFORM: &str = "stodform: a code of 1 to 6 characters";
const BELOPPSTYP: &str = "beloppstyp: a code of 1 to 6 characters";
const STATUS: &str =
    "status: ten spaces, BESLUTAD, INITIERAD, AVSLUTAD, BESLUTAT, INITIERAT or AVSLUTAT";
const TAKT: &str = "takt: 0, 20, 40, 50, 60, 75 or 100";
const SOKTLAN: &str = "soktlan: one space or J";
const UTBETSTATUS: &str = "utbetstatus: Utbetald, Planerad or UTBETALAD";
const DATUM: &str = "datum: 1 to 8 digits";
const VECKA: &str = "vecka: 1 to 8 digits";
const BELOPP_EXPECTED: &str = "belopp: -?[0-9]+ of at most 7 characters";
const ATTRIBUTES: &str = "only the attributes the schema declares";
/// The most characters of `stodform` and `beloppstyp`.
const CODE_MAX_CHARS: usize = 6;

/// The `xs:decimal` lexical space (after whitespace collapsing).
fn is_xs_decimal(text: &str) -> bool {
    let t = text.trim_matches(crate::xs::is_space);
    let t = t.strip_prefix(['+', '-']).unwrap_or(t);
    let (int, frac) = t.split_once('.').unwrap_or((t, ""));
    let digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
    (!int.is_empty() || !frac.is_empty()) && digits(int) && digits(frac)
}

/// The CSN personnummer: ten digits `[0-9][0-9][0-1][0-9][0-3][0-9][0-9]{4}`.
fn csn_personnummer(text: &str) -> Option<Personidentitet> {
    let b = text.as_bytes();
    let shape = b.len() == 10
        && b.iter().all(u8::is_ascii_digit)
        && matches!(b.get(2), Some(b'0'..=b'1'))
        && matches!(b.get(4), Some(b'0'..=b'3'));
    if !shape {
        return None;
    }
    Personidentitet::parse(text).ok()
}

/// An open code of at most six characters (`stodform`, `beloppstyp`).
fn short_code<T>(text: &str, parse: fn(&str) -> Result<T, ParseCodeError>) -> Option<T> {
    if text.chars().count() > CODE_MAX_CHARS {
        return None;
    }
    parse(text).ok()
}

/// `utbetstatus`: the schema's enumeration only.
fn utbetstatus(text: &str) -> Option<CsnUtbetalningsstatus> {
    CsnUtbetalningsstatus::parse(text)
        .ok()
        .filter(CsnUtbetalningsstatus::is_known)
}
