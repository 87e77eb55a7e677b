//! Skatteverket's payloads: the ssbt/10 `svar` document (XML, [`Beskattningsuppgifter`]) and
//! the ssbt/11 parts (JSON: [`Foretagsinformation`](crate::model::ssbtek::Foretagsinformation),
//! [`Skattekonto`](crate::model::ssbtek::Skattekonto),
//! [`Skatteuppgifter`](crate::model::ssbtek::Skatteuppgifter),
//! [`SkvJson`](crate::model::ssbtek::SkvJson)). The SOAP wiring (which element, base64, errors
//! per part) is the caller's.
//!
//! v10: read with the shared bounded reader. Typed elements are matched by namespace and local
//! name; every other element is captured whole into the enclosing type's `extra`, and so is a
//! typed leaf in a shape it cannot have as a value (attributes such as `xsi:nil`, child
//! elements). A typed leaf or `PersonuppgiftLista` occurring twice is an error, as is a value
//! that does not parse. Writing puts the typed children first, in the fixture's order
//! (identity, names, status, `Kapitaluppgift`…; year, amounts), then the kept ones: unknown
//! elements move after their typed siblings, which changes no meaning. Comments and processing
//! instructions between typed elements are not kept. Amounts are written in their canonical
//! decimal form (`007` becomes `7`; the value is the same).
//!
//! Namespaces: typed elements are written in the instance namespace as the default namespace,
//! `folko:` and `besko:` for the component namespaces. The declarations on typed containers
//! that bind a prefix anew are kept ([`SkvXmlTag`](crate::model::ssbtek::SkvXmlTag)) and
//! written back, so unknown elements relying on them decode to equal fragments. Not kept: a
//! default namespace other than the instance namespace on a typed container (unknown elements
//! in it are still written correctly, with their own declaration, so the document is
//! equivalent but the fragment compares unequal) and redeclarations of a binding in scope.

use std::io::{self, Write};

use quick_xml::name::{PrefixDeclaration, ResolveResult};
use serde::Serialize;
use serde::de::DeserializeOwned;

use crate::id::Sensitive;
use crate::model::ssbtek::{
    Beskattningsuppgifter, SKV_NS_BESKO, SKV_NS_FOLKO, SKV_NS_INSTANS, SkvKapitaluppgift,
    SkvPersonuppgift, SkvPersonuppgiftLista, SkvXmlAttribute, SkvXmlTag, parse_skv_decimal,
    parse_skv_year,
};
use crate::wire::json;
use crate::xml::{
    DecodeLimits, Element, EventSource, XmlError, XmlErrorKind, XmlFragment, XmlNode, XmlReader,
    XmlWriter,
};

/// The root element's local name.
const ROOT: &str = "SvarBeskattningsuppgifterEnligtSFS2008-975";

/// serde_json's recursion limit; deeper documents are refused before parsing (serde_json
/// itself does not count levels inside values kept raw).
const MAX_JSON_DEPTH: usize = 128;

// ---------------------------------------------------------------------------------------------
// v10: element names.

/// The typed elements.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Name {
    PersonuppgiftLista,
    Personuppgift,
    Identitet,
    Fornamn,
    Efternamn,
    Status,
    Kapitaluppgift,
    Taxeringsar,
    SummaIntakter,
    Overskott,
}

impl Name {
    const ALL: [Name; 10] = [
        Self::PersonuppgiftLista,
        Self::Personuppgift,
        Self::Identitet,
        Self::Fornamn,
        Self::Efternamn,
        Self::Status,
        Self::Kapitaluppgift,
        Self::Taxeringsar,
        Self::SummaIntakter,
        Self::Overskott,
    ];

    /// Namespace, prefix written and local name.
    fn row(self) -> (&'static str, Option<&'static str>, &'static str) {
        const FOLKO: Option<&str> = Some("folko");
        const BESKO: Option<&str> = Some("besko");
        match self {
            Self::PersonuppgiftLista => (SKV_NS_INSTANS, None, "PersonuppgiftLista"),
            Self::Personuppgift => (SKV_NS_INSTANS, None, "Personuppgift"),
            Self::Identitet => (SKV_NS_FOLKO, FOLKO, "IdentitetsbeteckningFysiskPerson"),
            Self::Fornamn => (SKV_NS_FOLKO, FOLKO, "Fornamn"),
            Self::Efternamn => (SKV_NS_FOLKO, FOLKO, "Efternamn"),
            Self::Status => (SKV_NS_INSTANS, None, "StatusPersonuppgiftKod"),
            Self::Kapitaluppgift => (SKV_NS_INSTANS, None, "Kapitaluppgift"),
            Self::Taxeringsar => (SKV_NS_BESKO, BESKO, "Taxeringsar"),
            Self::SummaIntakter => (SKV_NS_BESKO, BESKO, "SummaIntakterPaKapital"),
            Self::Overskott => (SKV_NS_BESKO, BESKO, "OverskottPaKapital"),
        }
    }

    fn local(self) -> &'static str {
        self.row().2
    }

    fn of(el: &Element<'_>) -> Option<Name> {
        Self::ALL.into_iter().find(|n| {
            let (ns, _, local) = n.row();
            el.is(Some(ns), local)
        })
    }

    fn is_container(self) -> bool {
        matches!(
            self,
            Self::PersonuppgiftLista | Self::Personuppgift | Self::Kapitaluppgift
        )
    }
}

// ---------------------------------------------------------------------------------------------
// v10: decoding.

/// The text of v10's `svar` element (a whole XML document) to the typed document.
pub(crate) fn decode_v10(
    text: &str,
    limits: &DecodeLimits,
) -> Result<Beskattningsuppgifter, XmlError> {
    let mut r = XmlReader::from_slice(text.as_bytes(), limits)?;
    let mut scope = Scope(vec![(None, SKV_NS_INSTANS.to_owned())]);
    let head = match r.next_child()? {
        None => None,
        Some(el) if el.is(Some(SKV_NS_INSTANS), ROOT) => Some(Ok(read_tag(&el, &scope))),
        Some(el) => Some(Err(el.expanded_name())),
    };
    let tag = match head {
        None => return Err(r.error(XmlErrorKind::NoRoot)),
        Some(Err(name)) => return Err(r.error(XmlErrorKind::UnexpectedElement { name })),
        Some(Ok(tag)) => tag.map_err(|k| r.error(k))?,
    };
    let mut doc = Beskattningsuppgifter {
        personuppgift_lista: None,
        tag,
        extra: Vec::new(),
    };
    let mark = scope.enter(&doc.tag);
    while let Some(child) = next(&mut r, &scope, &[Name::PersonuppgiftLista])? {
        match child {
            Child::Container(tag) => {
                if doc.personuppgift_lista.is_some() {
                    let name = Name::PersonuppgiftLista.local();
                    return Err(r.error(XmlErrorKind::Duplicate { name }));
                }
                doc.personuppgift_lista = Some(lista(&mut r, &mut scope, tag)?);
            }
            Child::Leaf(_) | Child::Other => doc.extra.push(r.capture()?),
        }
    }
    scope.leave(mark);
    r.finish()?;
    Ok(doc)
}

/// Namespace bindings in force as the encoder writes them: the default namespace is the
/// instance namespace, plus the declarations kept on the typed ancestors.
struct Scope(Vec<(Option<String>, String)>);

impl Scope {
    fn bound(&self, prefix: Option<&str>) -> Option<&str> {
        self.0
            .iter()
            .rev()
            .find(|(p, _)| p.as_deref() == prefix)
            .map(|(_, uri)| uri.as_str())
    }

    fn enter(&mut self, tag: &SkvXmlTag) -> usize {
        let mark = self.0.len();
        self.0.extend(tag.namespaces.iter().cloned());
        mark
    }

    fn leave(&mut self, mark: usize) {
        self.0.truncate(mark);
    }
}

/// What the next child element is, read while its start tag is at hand.
enum Child {
    /// A typed container expected here, with its tag.
    Container(SkvXmlTag),
    /// A typed leaf expected here.
    Leaf(Name),
    /// Anything else.
    Other,
}

/// The next child of the current element, classified against the names typed `here`.
fn next<S: EventSource>(
    r: &mut XmlReader<S>,
    scope: &Scope,
    here: &[Name],
) -> Result<Option<Child>, XmlError> {
    let child = match r.next_child()? {
        None => return Ok(None),
        Some(el) => match Name::of(&el).filter(|n| here.contains(n)) {
            Some(name) if name.is_container() => read_tag(&el, scope).map(Child::Container),
            Some(name) => Ok(Child::Leaf(name)),
            None => Ok(Child::Other),
        },
    };
    child.map(Some).map_err(|k| r.error(k))
}

/// The declarations (new bindings only, default namespace left out) and attributes of a
/// typed container's start tag.
fn read_tag(el: &Element<'_>, scope: &Scope) -> Result<SkvXmlTag, XmlErrorKind> {
    let mut tag = SkvXmlTag::default();
    for attr in el.start().attributes() {
        let attr = attr.map_err(|e| XmlErrorKind::Syntax(e.to_string()))?;
        let value = attr
            .normalized_value(quick_xml::XmlVersion::Implicit1_0)
            .map_err(|_| XmlErrorKind::UnknownEntity)?
            .into_owned();
        if let Some(binding) = attr.key.as_namespace_binding() {
            let PrefixDeclaration::Named(prefix) = binding else {
                continue;
            };
            if scope.bound(Some(prefix)) != Some(value.as_str()) {
                tag.namespaces.push((Some(prefix.to_owned()), value));
            }
            continue;
        }
        let (resolved, local) = el.resolver().resolve_attribute(attr.key);
        let ns = match resolved {
            ResolveResult::Bound(n) => Some(n.into_inner().to_owned()),
            ResolveResult::Unbound => None,
            ResolveResult::Unknown(prefix) => return Err(XmlErrorKind::UnboundPrefix { prefix }),
        };
        tag.attributes.push(SkvXmlAttribute {
            ns,
            prefix: attr.key.prefix().map(|p| p.into_inner().to_owned()),
            local: local.into_inner().to_owned(),
            value: Sensitive::new(value),
        });
    }
    Ok(tag)
}

fn lista<S: EventSource>(
    r: &mut XmlReader<S>,
    scope: &mut Scope,
    tag: SkvXmlTag,
) -> Result<SkvPersonuppgiftLista, XmlError> {
    let mut out = SkvPersonuppgiftLista {
        tag,
        ..SkvPersonuppgiftLista::default()
    };
    let mark = scope.enter(&out.tag);
    while let Some(child) = next(r, scope, &[Name::Personuppgift])? {
        match child {
            Child::Container(tag) => out.personuppgift.push(person(r, scope, tag)?),
            Child::Leaf(_) | Child::Other => out.extra.push(r.capture()?),
        }
    }
    scope.leave(mark);
    Ok(out)
}

fn person<S: EventSource>(
    r: &mut XmlReader<S>,
    scope: &mut Scope,
    tag: SkvXmlTag,
) -> Result<SkvPersonuppgift, XmlError> {
    const HERE: [Name; 5] = [
        Name::Identitet,
        Name::Fornamn,
        Name::Efternamn,
        Name::Status,
        Name::Kapitaluppgift,
    ];
    let mut p = SkvPersonuppgift {
        tag,
        ..SkvPersonuppgift::default()
    };
    let mark = scope.enter(&p.tag);
    while let Some(child) = next(r, scope, &HERE)? {
        let extra = &mut p.extra;
        match child {
            Child::Container(tag) => p.kapitaluppgift.push(kapital(r, scope, tag)?),
            Child::Leaf(name @ Name::Identitet) => {
                leaf(r, &mut p.identitetsbeteckning, extra, name, sensitive)?;
            }
            Child::Leaf(name @ Name::Fornamn) => leaf(r, &mut p.fornamn, extra, name, sensitive)?,
            Child::Leaf(name @ Name::Efternamn) => {
                leaf(r, &mut p.efternamn, extra, name, sensitive)?;
            }
            Child::Leaf(name @ Name::Status) => {
                leaf(r, &mut p.status_personuppgift_kod, extra, name, text)?;
            }
            Child::Leaf(_) | Child::Other => extra.push(r.capture()?),
        }
    }
    scope.leave(mark);
    Ok(p)
}

fn kapital<S: EventSource>(
    r: &mut XmlReader<S>,
    scope: &mut Scope,
    tag: SkvXmlTag,
) -> Result<SkvKapitaluppgift, XmlError> {
    const HERE: [Name; 3] = [Name::Taxeringsar, Name::SummaIntakter, Name::Overskott];
    let mut k = SkvKapitaluppgift {
        tag,
        ..SkvKapitaluppgift::default()
    };
    let mark = scope.enter(&k.tag);
    while let Some(child) = next(r, scope, &HERE)? {
        let extra = &mut k.extra;
        match child {
            Child::Leaf(name @ Name::Taxeringsar) => {
                leaf(r, &mut k.taxeringsar, extra, name, year)?
            }
            Child::Leaf(name @ Name::SummaIntakter) => {
                leaf(r, &mut k.summa_intakter_pa_kapital, extra, name, amount)?;
            }
            Child::Leaf(name @ Name::Overskott) => {
                leaf(r, &mut k.overskott_pa_kapital, extra, name, amount)?;
            }
            Child::Container(_) | Child::Leaf(_) | Child::Other => extra.push(r.capture()?),
        }
    }
    scope.leave(mark);
    Ok(k)
}

/// A typed leaf: captured, then typed if it is plain text (no attributes, no child elements),
/// otherwise kept in `extra`.
fn leaf<S: EventSource, T>(
    r: &mut XmlReader<S>,
    slot: &mut Option<T>,
    extra: &mut Vec<XmlFragment>,
    name: Name,
    parse: fn(&str) -> Result<T, XmlErrorKind>,
) -> Result<(), XmlError> {
    let fragment = r.capture()?;
    let plain = fragment.attributes().is_empty()
        && !fragment
            .children()
            .iter()
            .any(|c| matches!(c, XmlNode::Element(_)));
    if !plain {
        extra.push(fragment);
        return Ok(());
    }
    if slot.is_some() {
        let name = name.local();
        return Err(r.error(XmlErrorKind::Duplicate { name }));
    }
    *slot = Some(parse(&fragment.text()).map_err(|k| r.error(k))?);
    Ok(())
}

fn sensitive(t: &str) -> Result<Sensitive, XmlErrorKind> {
    Ok(Sensitive::new(t))
}

fn text(t: &str) -> Result<String, XmlErrorKind> {
    Ok(t.to_owned())
}

fn year(t: &str) -> Result<u16, XmlErrorKind> {
    parse_skv_year(crate::xs::collapse(t)).map_err(|_| XmlErrorKind::InvalidValue {
        expected: "a year of four digits",
    })
}

fn amount(t: &str) -> Result<rust_decimal::Decimal, XmlErrorKind> {
    parse_skv_decimal(crate::xs::collapse(t)).map_err(|_| XmlErrorKind::InvalidValue {
        expected: "a decimal amount (-digits[.digits])",
    })
}

// ---------------------------------------------------------------------------------------------
// v10: encoding.

/// The typed document to a whole XML document (with an XML declaration).
pub(crate) fn encode_v10(doc: &Beskattningsuppgifter) -> io::Result<String> {
    let mut w = XmlWriter::new(Vec::new());
    w.declaration()?;
    w.raw("\n")?;
    w.start(Some(SKV_NS_INSTANS), None, ROOT)?;
    write_tag(&mut w, &doc.tag)?;
    if let Some(lista) = &doc.personuppgift_lista {
        start(&mut w, Name::PersonuppgiftLista, &lista.tag)?;
        for p in &lista.personuppgift {
            write_person(&mut w, p)?;
        }
        write_extra(&mut w, &lista.extra)?;
        w.end()?;
    }
    write_extra(&mut w, &doc.extra)?;
    w.end()?;
    let bytes = w.into_inner()?;
    String::from_utf8(bytes).map_err(io::Error::other)
}

fn write_person<W: Write>(w: &mut XmlWriter<W>, p: &SkvPersonuppgift) -> io::Result<()> {
    start(w, Name::Personuppgift, &p.tag)?;
    let expose = |v: &Option<Sensitive>| v.as_ref().map(|s| s.expose().to_owned());
    write_leaf(w, Name::Identitet, expose(&p.identitetsbeteckning))?;
    write_leaf(w, Name::Fornamn, expose(&p.fornamn))?;
    write_leaf(w, Name::Efternamn, expose(&p.efternamn))?;
    write_leaf(w, Name::Status, p.status_personuppgift_kod.clone())?;
    for k in &p.kapitaluppgift {
        start(w, Name::Kapitaluppgift, &k.tag)?;
        write_leaf(w, Name::Taxeringsar, k.taxeringsar.map(|y| y.to_string()))?;
        let summa = k.summa_intakter_pa_kapital.map(|d| d.to_string());
        write_leaf(w, Name::SummaIntakter, summa)?;
        write_leaf(
            w,
            Name::Overskott,
            k.overskott_pa_kapital.map(|d| d.to_string()),
        )?;
        write_extra(w, &k.extra)?;
        w.end()?;
    }
    write_extra(w, &p.extra)?;
    w.end()
}

/// Starts a typed container with its kept declarations and attributes.
fn start<W: Write>(w: &mut XmlWriter<W>, name: Name, tag: &SkvXmlTag) -> io::Result<()> {
    let (ns, prefix, local) = name.row();
    w.start(Some(ns), prefix, local)?;
    write_tag(w, tag)
}

fn write_tag<W: Write>(w: &mut XmlWriter<W>, tag: &SkvXmlTag) -> io::Result<()> {
    for (prefix, uri) in &tag.namespaces {
        // the default namespace is the instance namespace the typed elements are written in
        if let Some(p) = prefix.as_deref().filter(|p| !p.is_empty() && *p != "xmlns") {
            w.declare(Some(p), uri)?;
        }
    }
    for a in &tag.attributes {
        w.attribute(
            a.ns.as_deref(),
            a.prefix.as_deref(),
            &a.local,
            a.value.expose(),
        )?;
    }
    Ok(())
}

fn write_leaf<W: Write>(w: &mut XmlWriter<W>, name: Name, value: Option<String>) -> io::Result<()> {
    let Some(value) = value else {
        return Ok(());
    };
    let (ns, prefix, local) = name.row();
    w.text_element(Some(ns), prefix, local, &value)
}

fn write_extra<W: Write>(w: &mut XmlWriter<W>, extra: &[XmlFragment]) -> io::Result<()> {
    extra.iter().try_for_each(|f| f.write(w))
}

// ---------------------------------------------------------------------------------------------
// v11: JSON parts.

/// The decoded bytes of one v11 part's `data` to the typed part; `what` names the part in
/// errors. Errors carry the JSON path (`$.a[0].b`), line and column, never a value: invalid
/// UTF-8, trailing data and nesting deeper than serde_json's limit (128) are errors.
pub(crate) fn decode_part<T: DeserializeOwned>(
    bytes: &[u8],
    what: &'static str,
) -> Result<T, XmlErrorKind> {
    let payload = |detail: String| XmlErrorKind::Payload { what, detail };
    if let Err(json::PrescanError::TooDeep { offset }) =
        json::prescan(bytes, usize::MAX, MAX_JSON_DEPTH)
    {
        let (line, column) = json::line_column(bytes, offset);
        return Err(payload(format!(
            "invalid JSON: nested deeper than {MAX_JSON_DEPTH} levels (line {line}, column {column})"
        )));
    }
    let mut de = serde_json::Deserializer::from_slice(bytes);
    let result = match serde_path_to_error::deserialize::<_, T>(&mut de) {
        Ok(value) => de.end().map(|()| value).map_err(|e| (String::new(), e)),
        Err(err) => Err((json::tracked_path(err.path()), err.into_inner())),
    };
    result.map_err(|(path, err)| payload(describe(&path, &err)))
}

/// `invalid value at $.a.b: <sanitised message> (line l, column c)`.
fn describe(path: &str, err: &serde_json::Error) -> String {
    let kind = match err.classify() {
        serde_json::error::Category::Data => "invalid value",
        _ => "invalid JSON",
    };
    let sep = if path.is_empty() || path.starts_with('[') {
        ""
    } else {
        "."
    };
    format!(
        "{kind} at ${sep}{path}: {} (line {}, column {})",
        json::sanitized_message(err),
        err.line(),
        err.column()
    )
}

/// The typed part to JSON bytes (typed properties first, then the kept ones).
///
/// The part types cannot fail to serialise (every value they hold has a JSON form); for a
/// type that can, a failure gives empty output.
pub(crate) fn encode_part<T: Serialize>(value: &T) -> Vec<u8> {
    serde_json::to_vec(value).unwrap_or_default()
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::indexing_slicing, clippy::panic)]
mod tests {
    use super::*;
    use crate::model::ssbtek::{
        Foretagsinformation, ParseSkvValueError, Skattekonto, Skatteuppgifter, SkvAr, SkvBelopp,
        SkvBeskattningsperiod, SkvBeslutadSkatteuppgift, SkvForetag, SkvJson, SkvJsonForm,
        SkvUppgifter, XsdDateTime,
    };
    use crate::xml::XmlDocument;
    use rust_decimal::Decimal;

    const V10: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<SvarBeskattningsuppgifterEnligtSFS2008-975 xmlns="http://xmls.skatteverket.se/se/skatteverket/zg/instans/standardiseradInformation/1.0" xmlns:besko="http://xmls.skatteverket.se/se/skatteverket/zg/komponent/infoForBeskattning/1.0" xmlns:folko="http://xmls.skatteverket.se/se/skatteverket/zg/komponent/infoForFolkbokforing/1.0" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:y="urn:example:y" version="1.0">
    <PersonuppgiftLista>
        <Personuppgift>
            <folko:IdentitetsbeteckningFysiskPerson>197002034561</folko:IdentitetsbeteckningFysiskPerson>
            <folko:Fornamn>Tolvan</folko:Fornamn>
            <folko:Efternamn>Tolvansson</folko:Efternamn>
            <StatusPersonuppgiftKod>999</StatusPersonuppgiftKod>
            <folko:Adress><folko:Gata>Storgatan 1</folko:Gata></folko:Adress>
            <Kapitaluppgift>
                <besko:Taxeringsar>2023</besko:Taxeringsar>
                <besko:SummaIntakterPaKapital> 12345.50 </besko:SummaIntakterPaKapital>
                <besko:OverskottPaKapital>-666</besko:OverskottPaKapital>
                <besko:Underskott xsi:nil="true"/>
            </Kapitaluppgift>
            <Kapitaluppgift>
                <besko:Taxeringsar>2024</besko:Taxeringsar>
                <besko:OverskottPaKapital xsi:nil="true"/>
            </Kapitaluppgift>
        </Personuppgift>
        <Personuppgift xmlns:z="urn:example:z">
            <folko:Fornamn>Elva</folko:Fornamn>
            <z:Ny z:typ="a">x</z:Ny>
        </Personuppgift>
        <y:Sammanfattning antal="2">två &amp; fler</y:Sammanfattning>
    </PersonuppgiftLista>
    <Meddelande xmlns:m="urn:example:m" m:typ="info"><![CDATA[Hej <du>]]></Meddelande>
</SvarBeskattningsuppgifterEnligtSFS2008-975>"#;

    fn decode(text: &str) -> Result<Beskattningsuppgifter, XmlError> {
        decode_v10(text, &DecodeLimits::default())
    }

    fn locals(extra: &[XmlFragment]) -> Vec<&str> {
        extra.iter().map(|f| f.name().local()).collect()
    }

    /// A canonical form for equivalence: namespaces, local names, sorted attributes, trimmed
    /// text, children sorted (unknown elements may move after typed siblings).
    fn canonical(f: &XmlFragment) -> String {
        let mut attrs: Vec<String> = f
            .attributes()
            .iter()
            .map(|a| format!("{:?}={}", a.name(), a.value()))
            .collect();
        attrs.sort();
        let mut children: Vec<String> = f.elements().map(canonical).collect();
        children.sort();
        format!(
            "<{:?} {attrs:?}>{}{}</>",
            f.name(),
            f.text().trim(),
            children.concat()
        )
    }

    #[test]
    fn skv_v10_decodes_typed_values_and_keeps_unknown_elements() {
        let doc = decode(V10).unwrap();
        assert_eq!(doc.tag.attributes.len(), 1);
        assert_eq!(doc.tag.attributes[0].local, "version");
        assert_eq!(doc.tag.namespaces.len(), 4, "besko, folko, xsi, y");
        assert_eq!(locals(&doc.extra), ["Meddelande"]);
        let lista = doc.personuppgift_lista.as_ref().unwrap();
        assert_eq!(locals(&lista.extra), ["Sammanfattning"]);
        let [p1, p2] = &lista.personuppgift[..] else {
            panic!("two persons expected");
        };
        assert_eq!(
            p1.identitetsbeteckning.as_ref().unwrap().expose(),
            "197002034561"
        );
        assert_eq!(p1.fornamn.as_ref().unwrap().expose(), "Tolvan");
        assert_eq!(p1.efternamn.as_ref().unwrap().expose(), "Tolvansson");
        assert_eq!(p1.status_personuppgift_kod.as_deref(), Some("999"));
        assert_eq!(locals(&p1.extra), ["Adress"]);
        let [k1, k2] = &p1.kapitaluppgift[..] else {
            panic!("two years expected");
        };
        assert_eq!(k1.taxeringsar, Some(2023));
        assert_eq!(k1.summa_intakter_pa_kapital, Some(Decimal::new(1234550, 2)));
        assert_eq!(k1.overskott_pa_kapital, Some(Decimal::new(-666, 0)));
        assert_eq!(locals(&k1.extra), ["Underskott"]);
        assert_eq!(k2.taxeringsar, Some(2024));
        assert_eq!(k2.overskott_pa_kapital, None, "xsi:nil keeps it untyped");
        assert_eq!(locals(&k2.extra), ["OverskottPaKapital"]);
        assert_eq!(p2.fornamn.as_ref().unwrap().expose(), "Elva");
        assert_eq!(
            p2.tag.namespaces,
            [(Some("z".into()), "urn:example:z".into())]
        );
        assert_eq!(locals(&p2.extra), ["Ny"]);
        let debug = format!("{doc:?}");
        for secret in ["197002034561", "Tolvan", "Storgatan"] {
            assert!(!debug.contains(secret), "{secret} in {debug}");
        }
    }

    #[test]
    fn skv_v10_round_trips_to_an_equivalent_document() {
        let doc = decode(V10).unwrap();
        let text = encode_v10(&doc).unwrap();
        assert!(text.starts_with("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"));
        assert_eq!(decode(&text).unwrap(), doc);
        assert_eq!(encode_v10(&decode(&text).unwrap()).unwrap(), text);
        let limits = DecodeLimits::default();
        let before = XmlDocument::parse(V10.as_bytes(), &limits).unwrap();
        let after = XmlDocument::parse(text.as_bytes(), &limits).unwrap();
        assert_eq!(canonical(after.root()), canonical(before.root()));
        let json = serde_json::to_string(&doc).unwrap();
        assert_eq!(
            serde_json::from_str::<Beskattningsuppgifter>(&json).unwrap(),
            doc
        );
        for kept in [
            "Storgatan 1",
            "xsi:nil",
            "två &amp; fler",
            "Hej <du>",
            "m:typ",
        ] {
            assert!(text.contains(kept), "{kept} lost: {text}");
        }
    }

    #[test]
    fn skv_v10_default_and_built_documents_round_trip() {
        let empty = Beskattningsuppgifter::default();
        assert_eq!(decode(&encode_v10(&empty).unwrap()).unwrap(), empty);
        let built = Beskattningsuppgifter {
            personuppgift_lista: Some(SkvPersonuppgiftLista {
                personuppgift: vec![SkvPersonuppgift {
                    fornamn: Some(Sensitive::new("A & B")),
                    kapitaluppgift: vec![SkvKapitaluppgift {
                        taxeringsar: Some(2020),
                        overskott_pa_kapital: Some(Decimal::new(-5, 1)),
                        ..SkvKapitaluppgift::default()
                    }],
                    ..SkvPersonuppgift::default()
                }],
                ..SkvPersonuppgiftLista::default()
            }),
            ..Beskattningsuppgifter::default()
        };
        let text = encode_v10(&built).unwrap();
        assert_eq!(decode(&text).unwrap(), built);
    }

    #[test]
    fn skv_v10_refuses_bad_values_duplicates_and_other_roots() {
        let bad_amount = V10.replace("-666", "12,5");
        let err = decode(&bad_amount).unwrap_err();
        assert!(matches!(err.kind(), XmlErrorKind::InvalidValue { .. }));
        assert!(err.position().path().ends_with("/OverskottPaKapital"));
        assert!(!err.to_string().contains("12,5"));
        let twice = V10.replace(
            "<folko:Fornamn>Elva</folko:Fornamn>",
            "<folko:Fornamn>Elva</folko:Fornamn><folko:Fornamn>Tio</folko:Fornamn>",
        );
        assert_eq!(
            decode(&twice).unwrap_err().kind(),
            &XmlErrorKind::Duplicate { name: "Fornamn" }
        );
        let year = V10.replace(">2024<", ">24<");
        assert!(matches!(
            decode(&year).unwrap_err().kind(),
            XmlErrorKind::InvalidValue { .. }
        ));
        let other = decode("<Svar xmlns=\"urn:x\"/>").unwrap_err();
        assert!(matches!(
            other.kind(),
            XmlErrorKind::UnexpectedElement { .. }
        ));
        assert_eq!(decode("").unwrap_err().kind(), &XmlErrorKind::NoRoot);
        assert!(decode("<!DOCTYPE x><x/>").is_err());
    }

    // --- v11 ---------------------------------------------------------------------------------

    fn part<T: DeserializeOwned>(json: &str) -> Result<T, XmlErrorKind> {
        decode_part(json.as_bytes(), "Skatteverket test JSON")
    }

    fn detail(err: XmlErrorKind) -> String {
        match err {
            XmlErrorKind::Payload { what, detail } => {
                assert_eq!(what, "Skatteverket test JSON");
                detail
            }
            other => panic!("not a payload error: {other:?}"),
        }
    }

    #[test]
    fn skv_v11_foretagsinformation_types_booleans_and_keeps_unknown_properties() {
        let json = r#"{"foretag":{"foretagId":"5561231234","arbetsgivarregistrerad":true,"momsregistrerad":false,"godkandFskatt":true,"nyttFalt":{"x":[1,2.50]},"konstig nyckel":null},"toppFalt":"a"}"#;
        let info: Foretagsinformation = part(json).unwrap();
        let f = info.foretag.as_ref().unwrap();
        assert_eq!(f.foretag_id.as_ref().unwrap().expose(), "5561231234");
        assert_eq!(
            (
                f.arbetsgivarregistrerad,
                f.momsregistrerad,
                f.godkand_fskatt
            ),
            (Some(true), Some(false), Some(true))
        );
        assert_eq!(
            info.unknown_properties(),
            [
                "$.foretag.nyttFalt",
                r#"$.foretag["konstig nyckel"]"#,
                "$.toppFalt"
            ]
        );
        assert_eq!(f.extra[0].1.expose(), r#"{"x":[1,2.50]}"#);
        assert_eq!(encode_part(&info), json.as_bytes());
        assert!(!format!("{info:?}").contains("5561231234"));
    }

    #[test]
    fn skv_v11_skattekonto_keeps_numbers_exact_and_the_date_time_text() {
        let json = r#"{"kontohavare":"165561231234","utbetaltBelopp":1500,"bokforingsdag":"2026-09-01","saldo":-2350.75,"preliminarRanta":0.00,"utbetalningskonto":"5050-1055","senastUppdaterad":"2026-09-22T10:15:30.123456"}"#;
        let konto: Skattekonto = part(json).unwrap();
        let saldo = konto.saldo.as_ref().unwrap();
        assert_eq!(saldo.value(), Decimal::new(-235075, 2));
        assert_eq!(saldo.form(), SkvJsonForm::Number);
        assert_eq!(konto.preliminar_ranta.as_ref().unwrap().as_str(), "0.00");
        assert_eq!(
            konto.bokforingsdag,
            chrono::NaiveDate::from_ymd_opt(2026, 9, 1)
        );
        let t = konto.senast_uppdaterad.as_ref().unwrap();
        assert_eq!(t.to_string(), "2026-09-22T10:15:30.123456");
        assert_eq!(t.local().and_utc().timestamp_subsec_micros(), 123_456);
        assert!(konto.unknown_properties().is_empty());
        assert_eq!(encode_part(&konto), json.as_bytes());
        let debug = format!("{konto:?}");
        assert!(!debug.contains("165561231234") && !debug.contains("5050-1055"));
    }

    #[test]
    fn skv_v11_skatteuppgifter_reads_strings_and_reports_nested_unknowns() {
        let json = r#"{"identitet":"197002034561","beslutadeSkatteuppgifter":[{"beskattningsar":2025,"beskattningsperiod":"2024P4","datumFaststalld":"2025-08-15","uppgifter":{"inkomstar":"2024","overskottAvTjanst":"412000","sumKapital":"-3500","fastStalldinkomst":"398000","summaSlutligSkatt":"118342"}},{"beskattningsar":2024,"uppgifter":{"sumKapital":1e2,"x":{"y":1}},"bilaga":[]}],"z":true}"#;
        let s: Skatteuppgifter = part(json).unwrap();
        let list = s.beslutade_skatteuppgifter.as_ref().unwrap();
        let first = &list[0];
        assert_eq!(first.beskattningsar.unwrap().year(), 2025);
        let period = first.beskattningsperiod.as_ref().unwrap();
        assert_eq!((period.ar(), period.period()), (2024, 4));
        let u = first.uppgifter.as_ref().unwrap();
        assert_eq!(u.inkomstar.unwrap().form(), SkvJsonForm::String);
        let kapital = u.sum_kapital.as_ref().unwrap();
        assert_eq!(
            (kapital.value(), kapital.form()),
            (Decimal::new(-3500, 0), SkvJsonForm::String)
        );
        assert_eq!(
            u.summa_slutlig_skatt.as_ref().unwrap().value(),
            Decimal::new(118_342, 0)
        );
        let number = list[1]
            .uppgifter
            .as_ref()
            .unwrap()
            .sum_kapital
            .as_ref()
            .unwrap();
        assert_eq!(
            (number.value(), number.as_str()),
            (Decimal::new(100, 0), "1e2")
        );
        assert_eq!(
            s.unknown_properties(),
            [
                "$.beslutadeSkatteuppgifter[1].uppgifter.x",
                "$.beslutadeSkatteuppgifter[1].bilaga",
                "$.z"
            ]
        );
        assert_eq!(encode_part(&s), json.as_bytes());
    }

    #[test]
    fn skv_v11_amount_form_is_written_back_as_read() {
        let konto: Skattekonto = part(r#"{"saldo": "-12.50", "utbetaltBelopp": 1.5E3}"#).unwrap();
        assert_eq!(
            encode_part(&konto),
            br#"{"utbetaltBelopp":1.5E3,"saldo":"-12.50"}"#
        );
        let built = Skattekonto {
            saldo: Some(SkvBelopp::new(Decimal::new(-1, 2), SkvJsonForm::Number)),
            ..Skattekonto::default()
        };
        assert_eq!(encode_part(&built), br#"{"saldo":-0.01}"#);
    }

    #[test]
    fn skv_v11_untyped_json_comes_back_byte_equal() {
        let text = r#"{"a": 1.000000000000000000001, "b": [true]}"#;
        let json: SkvJson = part(text).unwrap();
        assert_eq!(json.expose(), text);
        assert_eq!(encode_part(&json), text.as_bytes());
        assert_eq!(
            format!("{json:?}"),
            format!("SkvJson(<{} bytes>)", text.len())
        );
    }

    #[test]
    fn skv_v11_errors_name_the_path_and_never_the_value() {
        let err = part::<Skatteuppgifter>(
            r#"{"beslutadeSkatteuppgifter": [{"beskattningsperiod": "2024X4"}]}"#,
        )
        .unwrap_err();
        let d = detail(err);
        assert!(
            d.starts_with("invalid value at $.beslutadeSkatteuppgifter[0].beskattningsperiod: "),
            "{d}"
        );
        assert!(d.contains("line 1, column"), "{d}");
        assert!(!d.contains("2024X4"), "{d}");

        let d = detail(
            part::<Skatteuppgifter>(
                r#"{"beslutadeSkatteuppgifter": [{}, {"uppgifter": {"sumKapital": "12,5"}}]}"#,
            )
            .unwrap_err(),
        );
        assert!(
            d.contains("$.beslutadeSkatteuppgifter[1].uppgifter.sumKapital"),
            "{d}"
        );
        assert!(d.contains(&ParseSkvValueError::Belopp.to_string()), "{d}");
        assert!(!d.contains("12,5"), "{d}");

        let d = detail(
            part::<Foretagsinformation>(r#"{"foretag": {"momsregistrerad": "hemligt"}}"#)
                .unwrap_err(),
        );
        assert!(d.contains("$.foretag.momsregistrerad"), "{d}");
        assert!(d.contains("expected a boolean"), "{d}");
        assert!(!d.contains("hemligt"), "{d}");

        let d =
            detail(part::<Skattekonto>(r#"{"saldo": -1, "kontohavare": "1912121212"#).unwrap_err());
        assert!(d.starts_with("invalid JSON at $.kontohavare"), "{d}");
        assert!(!d.contains("1912121212"), "{d}");

        let d = detail(part::<Skattekonto>(r#"{"saldo": 1, "saldo": 2}"#).unwrap_err());
        assert!(d.contains("duplicate field `saldo`"), "{d}");

        let d = detail(part::<Skattekonto>(r#"{"saldo": true}"#).unwrap_err());
        assert!(
            d.contains("$.saldo") && d.contains("expected an amount"),
            "{d}"
        );
    }

    #[test]
    fn skv_v11_refuses_bad_utf8_trailing_data_and_deep_nesting() {
        let bad_utf8 = decode_part::<SkvJson>(b"{\"a\": \"\xff\"}", "x").unwrap_err();
        assert!(matches!(bad_utf8, XmlErrorKind::Payload { .. }));
        assert!(decode_part::<Skattekonto>(b"{} {}", "x").is_err());
        assert!(decode_part::<SkvJson>(b"[1] x", "x").is_err());
        let deep = format!("{{\"x\": {}{}}}", "[".repeat(5000), "]".repeat(5000));
        for result in [
            decode_part::<SkvJson>(deep.as_bytes(), "x").map(|_| ()),
            decode_part::<Skatteuppgifter>(deep.as_bytes(), "x").map(|_| ()),
        ] {
            let d = detail_any(result.unwrap_err());
            assert!(d.contains("nested deeper than 128"), "{d}");
        }
        let fine = format!("{{\"x\": {}{}}}", "[".repeat(100), "]".repeat(100));
        assert!(decode_part::<Skattekonto>(fine.as_bytes(), "x").is_ok());
    }

    fn detail_any(err: XmlErrorKind) -> String {
        match err {
            XmlErrorKind::Payload { detail, .. } => detail,
            other => panic!("not a payload error: {other:?}"),
        }
    }

    // --- properties --------------------------------------------------------------------------

    mod props {
        use super::*;
        use proptest::prelude::*;

        fn form() -> impl Strategy<Value = SkvJsonForm> {
            prop_oneof![Just(SkvJsonForm::Number), Just(SkvJsonForm::String)]
        }

        fn belopp() -> impl Strategy<Value = SkvBelopp> {
            (any::<i64>(), 0u32..6, form())
                .prop_map(|(m, scale, form)| SkvBelopp::new(Decimal::new(m, scale), form))
        }

        fn ar() -> impl Strategy<Value = SkvAr> {
            (1000u16..=9999, form()).prop_map(|(y, f)| SkvAr::new(y, f).unwrap())
        }

        fn text() -> impl Strategy<Value = String> {
            "[a-zA-Z0-9 åäö\"\\\\/-]{0,12}"
        }

        fn sensitive() -> impl Strategy<Value = Option<Sensitive>> {
            proptest::option::of(text().prop_map(Sensitive::new))
        }

        fn date() -> impl Strategy<Value = Option<chrono::NaiveDate>> {
            proptest::option::of(
                (1000i32..=9999, 1u32..=12, 1u32..=28)
                    .prop_map(|(y, m, d)| chrono::NaiveDate::from_ymd_opt(y, m, d).unwrap()),
            )
        }

        fn extra() -> impl Strategy<Value = Vec<(String, SkvJson)>> {
            let value = prop_oneof![
                Just("null".to_owned()),
                Just("[1, {\"a\": \"b\"}]".to_owned()),
                any::<i32>().prop_map(|n| n.to_string()),
                text().prop_map(|t| serde_json::to_string(&t).unwrap()),
            ];
            proptest::collection::vec(
                ("x[a-zA-Z ]{0,6}", value).prop_map(|(k, v)| (k, SkvJson::parse(&v).unwrap())),
                0..3,
            )
        }

        fn foretagsinformation() -> impl Strategy<Value = Foretagsinformation> {
            let foretag = (
                sensitive(),
                proptest::option::of(any::<bool>()),
                proptest::option::of(any::<bool>()),
                proptest::option::of(any::<bool>()),
                extra(),
            )
                .prop_map(|(id, a, m, f, extra)| SkvForetag {
                    foretag_id: id,
                    arbetsgivarregistrerad: a,
                    momsregistrerad: m,
                    godkand_fskatt: f,
                    extra,
                });
            (proptest::option::of(foretag), extra())
                .prop_map(|(foretag, extra)| Foretagsinformation { foretag, extra })
        }

        fn skattekonto() -> impl Strategy<Value = Skattekonto> {
            let time = (0u32..86_400, 0u32..1_000_000).prop_map(|(s, micros)| {
                let (h, m, s) = (s / 3600, s / 60 % 60, s % 60);
                XsdDateTime::parse(&format!("2026-09-22T{h:02}:{m:02}:{s:02}.{micros:06}")).unwrap()
            });
            (
                sensitive(),
                proptest::option::of(belopp()),
                date(),
                proptest::option::of(belopp()),
                proptest::option::of(belopp()),
                sensitive(),
                proptest::option::of(time),
                extra(),
            )
                .prop_map(|(kh, ub, bd, saldo, pr, uk, su, extra)| Skattekonto {
                    kontohavare: kh,
                    utbetalt_belopp: ub,
                    bokforingsdag: bd,
                    saldo,
                    preliminar_ranta: pr,
                    utbetalningskonto: uk,
                    senast_uppdaterad: su,
                    extra,
                })
        }

        fn skatteuppgifter() -> impl Strategy<Value = Skatteuppgifter> {
            let uppgifter = (
                proptest::option::of(ar()),
                proptest::option::of(belopp()),
                proptest::option::of(belopp()),
                proptest::option::of(belopp()),
                proptest::option::of(belopp()),
                extra(),
            )
                .prop_map(|(i, o, s, f, ss, extra)| SkvUppgifter {
                    inkomstar: i,
                    overskott_av_tjanst: o,
                    sum_kapital: s,
                    fast_stalldinkomst: f,
                    summa_slutlig_skatt: ss,
                    extra,
                });
            let period = (1000u16..=9999, 1u8..=99, any::<bool>()).prop_map(|(y, p, pad)| {
                let text = if pad {
                    format!("{y}P{p:02}")
                } else {
                    format!("{y}P{p}")
                };
                SkvBeskattningsperiod::parse(&text).unwrap()
            });
            let beslut = (
                proptest::option::of(ar()),
                proptest::option::of(period),
                date(),
                proptest::option::of(uppgifter),
                extra(),
            )
                .prop_map(|(a, p, d, u, extra)| SkvBeslutadSkatteuppgift {
                    beskattningsar: a,
                    beskattningsperiod: p,
                    datum_faststalld: d,
                    uppgifter: u,
                    extra,
                });
            (
                sensitive(),
                proptest::option::of(proptest::collection::vec(beslut, 0..3)),
                extra(),
            )
                .prop_map(|(identitet, b, extra)| Skatteuppgifter {
                    identitet,
                    beslutade_skatteuppgifter: b,
                    extra,
                })
        }

        fn round_trips<T>(value: &T) -> Result<(), TestCaseError>
        where
            T: Serialize + DeserializeOwned + PartialEq + std::fmt::Debug,
        {
            let bytes = encode_part(value);
            let back: T = decode_part(&bytes, "x").map_err(|e| {
                TestCaseError::fail(format!("{e}: {}", String::from_utf8_lossy(&bytes)))
            })?;
            prop_assert_eq!(&back, value);
            prop_assert_eq!(encode_part(&back), bytes);
            Ok(())
        }

        proptest! {
            #[test]
            fn skv_v11_typed_parts_round_trip(
                f in foretagsinformation(),
                k in skattekonto(),
                s in skatteuppgifter(),
            ) {
                round_trips(&f)?;
                round_trips(&k)?;
                round_trips(&s)?;
            }

            #[test]
            fn skv_any_bytes_never_panic_the_decoders(bytes in proptest::collection::vec(any::<u8>(), 0..200)) {
                let _ = decode_part::<Foretagsinformation>(&bytes, "x");
                let _ = decode_part::<Skattekonto>(&bytes, "x");
                let _ = decode_part::<Skatteuppgifter>(&bytes, "x");
                let _ = decode_part::<SkvJson>(&bytes, "x");
                let _ = decode(&String::from_utf8_lossy(&bytes));
            }

            #[test]
            fn skv_mutated_samples_never_panic_the_decoders(at in 0usize..2000, byte in any::<u8>()) {
                let mut xml = V10.as_bytes().to_vec();
                let len = xml.len();
                xml[at % len] = byte;
                let _ = decode(&String::from_utf8_lossy(&xml));
                let json = br#"{"beslutadeSkatteuppgifter":[{"beskattningsar":2025,"beskattningsperiod":"2024P4","uppgifter":{"sumKapital":"-3500","x":[1]}}],"saldo":-1.5}"#;
                let mut json = json.to_vec();
                let len = json.len();
                json[at % len] = byte;
                let _ = decode_part::<Skatteuppgifter>(&json, "x");
                let _ = decode_part::<Skattekonto>(&json, "x");
            }
        }
    }
}
