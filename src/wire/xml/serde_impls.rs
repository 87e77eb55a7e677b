//! serde for [`XmlFragment`] and [`XmlDocument`] (the crate's JSON form of the SSBTEK model).
//!
//! * [`XmlDocument`]: a JSON string, the document exactly as [`XmlDocument::to_vec`] writes it;
//!   read back with [`XmlDocument::parse`] and [`XmlLimits::default`].
//! * [`XmlFragment`]: `{"xml": "<…>…</…>", "namespaces": {"prefix": "uri", …}}`. `xml` is the
//!   subtree exactly as the codecs write it in place (only the namespace declarations written on
//!   its own elements); `namespaces` holds the bindings it uses from the enclosing document
//!   (`""` is the default namespace; omitted when there are none). Keeping the two apart is what
//!   makes the round trip exact: a fragment written standalone would gain declarations it did
//!   not have. Reading wraps `xml` in an element declaring `namespaces` and captures the one
//!   child with the same bounded reader as every codec; anything else is refused.

use std::collections::BTreeMap;
use std::io;

use serde::de::Error as _;
use serde::ser::{Error as _, SerializeMap as _};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use super::{XmlDocument, XmlError, XmlErrorKind, XmlFragment, XmlLimits, XmlReader, XmlWriter};

/// The synthetic element the fragment is written in, to give it its namespace context.
const WRAPPER: &str = "lefi-json-context";
const WRAPPER_END: &str = "</lefi-json-context>";

impl Serialize for XmlDocument {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let bytes = self.to_vec().map_err(S::Error::custom)?;
        let text = String::from_utf8(bytes).map_err(S::Error::custom)?;
        serializer.serialize_str(&text)
    }
}

impl<'de> Deserialize<'de> for XmlDocument {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        crate::id::serde_support::deserialize_str(deserializer, "an XML document", |t| {
            XmlDocument::parse(t.as_bytes(), &XmlLimits::default()).map_err(embedded)
        })
    }
}

fn embedded(e: XmlError) -> String {
    format!("invalid embedded xml: {e}")
}

impl Serialize for XmlFragment {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut scope = Vec::new();
        let mut context = Vec::new();
        inherited(self, &mut scope, &mut context);
        let xml = in_context(&context, |w| self.write(w)).map_err(S::Error::custom)?;
        let mut map = serializer.serialize_map(Some(if context.is_empty() { 1 } else { 2 }))?;
        map.serialize_entry("xml", &xml)?;
        if !context.is_empty() {
            let namespaces: BTreeMap<&str, &str> = context
                .iter()
                .map(|(p, u)| (p.as_deref().unwrap_or(""), u.as_str()))
                .collect();
            map.serialize_entry("namespaces", &namespaces)?;
        }
        map.end()
    }
}

/// The JSON shape of an [`XmlFragment`].
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct FragmentJson {
    xml: String,
    #[serde(default)]
    namespaces: BTreeMap<String, String>,
}

impl<'de> Deserialize<'de> for XmlFragment {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let j = FragmentJson::deserialize(deserializer)?;
        let mut context = Vec::with_capacity(j.namespaces.len());
        for (prefix, uri) in j.namespaces {
            if !prefix.is_empty() && !is_prefix(&prefix) {
                return Err(D::Error::custom("invalid namespace prefix in xml fragment"));
            }
            context.push(((!prefix.is_empty()).then_some(prefix), uri));
        }
        parse_fragment(&j.xml, &context).map_err(|e| D::Error::custom(embedded(e)))
    }
}

/// A namespace prefix the writer may put in markup as is (an NCName without surprises).
fn is_prefix(p: &str) -> bool {
    let mut chars = p.chars();
    let first_ok = chars.next().is_some_and(|c| c.is_alphabetic() || c == '_');
    first_ok && chars.all(|c| c.is_alphanumeric() || matches!(c, '_' | '-' | '.'))
}

/// Writes `body` inside a wrapper declaring `context` and returns what `body` wrote.
fn in_context(
    context: &[(Option<String>, String)],
    body: impl FnOnce(&mut XmlWriter<Vec<u8>>) -> io::Result<()>,
) -> io::Result<String> {
    let mut w = XmlWriter::new(Vec::new());
    w.start(None, None, WRAPPER)?;
    for (prefix, uri) in context {
        w.declare(prefix.as_deref(), uri)?;
    }
    w.raw("")?;
    body(&mut w)?;
    w.end()?;
    let text = String::from_utf8(w.into_inner()?).map_err(io::Error::other)?;
    let start = text.find('>').map_or(0, |i| i + 1);
    let end = text.len().saturating_sub(WRAPPER_END.len());
    text.get(start..end)
        .map(str::to_owned)
        .ok_or_else(|| io::Error::other("fragment not written inside its context"))
}

/// Reads one element from `xml` with the bindings of `context` in scope.
fn parse_fragment(
    xml: &str,
    context: &[(Option<String>, String)],
) -> Result<XmlFragment, XmlError> {
    let limits = XmlLimits::default();
    let mut doc = String::with_capacity(xml.len() + 128);
    doc.push_str(&wrapper_start(context));
    doc.push_str(xml);
    doc.push_str(WRAPPER_END);
    let mut r = XmlReader::from_slice(doc.as_bytes(), &limits)?;
    if r.next_child()?.is_none() {
        return Err(r.error(XmlErrorKind::NoRoot));
    }
    if r.next_child()?.is_none() {
        return Err(r.error(XmlErrorKind::NoRoot));
    }
    let fragment = r.capture()?;
    if let Some(extra) = r.next_child()? {
        let name = extra.expanded_name();
        return Err(r.error(XmlErrorKind::UnexpectedElement { name }));
    }
    r.finish()?;
    Ok(fragment)
}

/// The wrapper's start tag declaring `context`.
fn wrapper_start(context: &[(Option<String>, String)]) -> String {
    let mut out = format!("<{WRAPPER}");
    for (prefix, uri) in context {
        match prefix {
            Some(p) => {
                out.push_str(" xmlns:");
                out.push_str(p);
            }
            None => out.push_str(" xmlns"),
        }
        out.push_str("=\"");
        super::escape_attribute(uri, &mut out);
        out.push('"');
    }
    out.push('>');
    out
}

/// Collects the bindings `f` uses but does not declare itself (its context), in first-use
/// order.
fn inherited(
    f: &XmlFragment,
    scope: &mut Vec<(Option<String>, String)>,
    out: &mut Vec<(Option<String>, String)>,
) {
    let mark = scope.len();
    scope.extend(f.declarations().iter().cloned());
    need(f.name().prefix(), f.name().ns(), scope, out);
    for a in f.attributes() {
        if a.name().ns().is_some() {
            need(a.name().prefix(), a.name().ns(), scope, out);
        }
    }
    for child in f.elements() {
        inherited(child, scope, out);
    }
    scope.truncate(mark);
}

fn need(
    prefix: Option<&str>,
    ns: Option<&str>,
    scope: &[(Option<String>, String)],
    out: &mut Vec<(Option<String>, String)>,
) {
    let Some(uri) = ns else { return };
    if prefix == Some("xml") {
        return;
    }
    let bound = scope
        .iter()
        .rev()
        .find(|(p, _)| p.as_deref() == prefix)
        .map(|(_, u)| u.as_str());
    if bound == Some(uri) || out.iter().any(|(p, _)| p.as_deref() == prefix) {
        return;
    }
    out.push((prefix.map(str::to_owned), uri.to_owned()));
}
