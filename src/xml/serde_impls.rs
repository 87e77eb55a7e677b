//! serde for [`XmlFragment`] and [`XmlDocument`] (the crate's JSON form of the SSBTEK model).
//!
//! * [`XmlDocument`]: a JSON string, the document exactly as [`XmlDocument::to_vec`] writes it;
//!   read back with [`XmlDocument::parse`] and [`DecodeLimits::default`].
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

use super::{DecodeLimits, XmlDocument, XmlError, XmlFragment, XmlWriter};

use super::fragment::{WRAPPER, WRAPPER_END};

impl Serialize for XmlDocument {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let bytes = self.to_vec().map_err(S::Error::custom)?;
        let text = String::from_utf8(bytes).map_err(S::Error::custom)?;
        serializer.serialize_str(&text)
    }
}

impl<'de> Deserialize<'de> for XmlDocument {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        crate::xs::serde::deserialize_str(deserializer, "an XML document", |t| {
            XmlDocument::parse(t.as_bytes(), &DecodeLimits::default()).map_err(embedded)
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
        XmlFragment::parse_in_context(&j.xml, &context, &DecodeLimits::default())
            .map_err(|e| D::Error::custom(embedded(e)))
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

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    /// The first child of `xml`'s root, as a codec keeps it.
    fn kept(xml: &str) -> XmlFragment {
        let doc = XmlDocument::parse(xml.as_bytes(), &DecodeLimits::default()).unwrap();
        doc.root().elements().next().unwrap().clone()
    }

    /// An element's local name and declarations.
    type Declared = (String, Vec<(Option<String>, String)>);

    /// Every element's declarations, in document order.
    fn all_declarations(f: &XmlFragment, out: &mut Vec<Declared>) {
        out.push((f.name().local().to_owned(), f.declarations().to_vec()));
        for child in f.elements() {
            all_declarations(child, out);
        }
    }

    #[test]
    fn fragment_declarations_survive_json_and_writing_exactly() {
        let cases = [
            // `xmlns=""` where the surrounding scope has no default namespace to undeclare
            (
                r#"<w xmlns:k="urn:k"><k:a><plain xmlns=""><x/></plain></k:a></w>"#,
                serde_json::json!({"xml": r#"<k:a><plain xmlns=""><x/></plain></k:a>"#, "namespaces": {"k": "urn:k"}}),
            ),
            // declarations repeating bindings already in scope (prefixed and default)
            (
                r#"<w xmlns="urn:d" xmlns:k="urn:k"><k:a xmlns:k="urn:k"><k:b xmlns:k="urn:k"/><c xmlns="urn:d"/></k:a></w>"#,
                serde_json::json!({"xml": r#"<k:a xmlns:k="urn:k"><k:b xmlns:k="urn:k"/><c xmlns="urn:d"/></k:a>"#}),
            ),
            // declarations in their own order, the element's binding not first
            (
                r#"<w><p:a xmlns:q="urn:q" xmlns:p="urn:p" q:n="1"/></w>"#,
                serde_json::json!({"xml": r#"<p:a xmlns:q="urn:q" xmlns:p="urn:p" q:n="1"/>"#}),
            ),
        ];
        for (xml, expected) in cases {
            let f = kept(xml);
            let json = serde_json::to_value(&f).unwrap();
            assert_eq!(json, expected, "{xml}");
            let back: XmlFragment = serde_json::from_value(json).unwrap();
            assert_eq!(back, f, "{xml}: JSON round trip");
            let (mut want, mut got) = (Vec::new(), Vec::new());
            all_declarations(&f, &mut want);
            all_declarations(&back, &mut got);
            assert_eq!(got, want, "{xml}: declarations after the JSON round trip");

            // written where it was kept, it reads back with the same declarations
            let root = kept(&format!("<r>{xml}</r>"));
            let mut w = XmlWriter::new(Vec::new());
            w.start(None, None, "w").unwrap();
            for (prefix, uri) in root.declarations() {
                w.declare(prefix.as_deref(), uri).unwrap();
            }
            f.write(&mut w).unwrap();
            w.end().unwrap();
            let written = String::from_utf8(w.into_inner().unwrap()).unwrap();
            let again = kept(&written);
            let (mut want, mut got) = (Vec::new(), Vec::new());
            all_declarations(&f, &mut want);
            all_declarations(&again, &mut got);
            assert_eq!(got, want, "{written}");
            assert_eq!(again, f, "{written}");
        }
    }
}
