//! Lossless capture of XML the codecs do not type: an element subtree ([`XmlFragment`]) or a
//! whole embedded document ([`XmlDocument`]), re-emitted with the same namespaces, names,
//! attributes, text, comments and processing instructions.

use std::fmt;
use std::io::Write;

use quick_xml::name::ResolveResult;

use super::error::{XmlError, XmlErrorKind};
use super::reader::{Chars, Step, XmlReader, step};
use super::slice::SliceSource;
use super::source::EventSource;
use super::writer::XmlWriter;
use crate::input::DecodeLimits;

/// A namespace-qualified name as it was written.
#[derive(Clone, PartialEq, Eq, Hash)]
pub struct XmlName {
    ns: Option<String>,
    prefix: Option<String>,
    local: String,
}

impl XmlName {
    /// A name in namespace `ns` (or none), written with `prefix` (or unprefixed).
    pub fn new(ns: Option<&str>, prefix: Option<&str>, local: &str) -> Self {
        Self {
            ns: ns.map(str::to_owned),
            prefix: prefix.map(str::to_owned),
            local: local.to_owned(),
        }
    }

    /// Namespace URI.
    pub fn ns(&self) -> Option<&str> {
        self.ns.as_deref()
    }

    /// Prefix as written.
    pub fn prefix(&self) -> Option<&str> {
        self.prefix.as_deref()
    }

    /// Local name.
    pub fn local(&self) -> &str {
        &self.local
    }

    /// `{namespace}local` (or `local`), for messages: the same form as
    /// [`Element::expanded_name`](super::Element::expanded_name).
    ///
    /// ```
    /// use lefi::xml::XmlName;
    /// assert_eq!(XmlName::new(Some("urn:x"), Some("x"), "a").expanded(), "{urn:x}a");
    /// assert_eq!(XmlName::new(None, None, "a").expanded(), "a");
    /// ```
    #[must_use]
    pub fn expanded(&self) -> String {
        format!("{self:?}")
    }
}

impl fmt::Debug for XmlName {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.ns {
            Some(ns) => write!(f, "{{{ns}}}{}", self.local),
            None => f.write_str(&self.local),
        }
    }
}

/// One attribute (namespace declarations are kept separately).
#[derive(Clone, PartialEq, Eq, Hash)]
pub struct XmlAttribute {
    name: XmlName,
    value: String,
}

impl XmlAttribute {
    /// The attribute's name.
    pub fn name(&self) -> &XmlName {
        &self.name
    }

    /// The normalised value.
    pub fn value(&self) -> &str {
        &self.value
    }
}

/// A child of an element.
#[derive(Clone, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum XmlNode {
    /// A child element.
    Element(XmlFragment),
    /// Character data (entities resolved).
    Text(String),
    /// A CDATA section.
    CData(String),
    /// A comment.
    Comment(String),
    /// A processing instruction (target and data as written).
    ProcessingInstruction(String),
}

/// An element subtree kept losslessly.
///
/// `Debug` shows the element structure only; text and attribute values may be personal data
/// and are never printed.
///
/// Equality (and hashing) is that of the XML content: names by namespace and local name,
/// attributes in any order, children in order. Prefixes and where namespaces are declared
/// do not count, so a fragment moved to another scope, where it needs other declarations,
/// is still the same fragment; [`declarations`](Self::declarations) and
/// [`XmlName::prefix`] tell how it was written.
///
/// ```
/// use lefi::xml::{XmlDocument, DecodeLimits};
/// # fn main() -> Result<(), Box<dyn std::error::Error>> {
/// let doc = XmlDocument::parse(br#"<p:a xmlns:p="urn:x" k="v"><b>secret</b></p:a>"#, &DecodeLimits::default())?;
/// assert_eq!(doc.root().name().local(), "a");
/// assert_eq!(doc.root().text_of(None, "b"), Some("secret".to_owned()));
/// assert!(!format!("{:?}", doc).contains("secret"));
/// let again = String::from_utf8(doc.to_vec()?)?;
/// assert_eq!(again, r#"<p:a xmlns:p="urn:x" k="v"><b>secret</b></p:a>"#);
/// # Ok(()) }
/// ```
#[derive(Clone)]
pub struct XmlFragment {
    name: XmlName,
    declarations: Vec<(Option<String>, String)>,
    attributes: Vec<XmlAttribute>,
    children: Vec<XmlNode>,
}

impl XmlFragment {
    /// The attributes as `(namespace, local name, value)`, sorted: what equality compares.
    fn attribute_set(&self) -> Vec<(Option<&str>, &str, &str)> {
        let mut set: Vec<_> = self
            .attributes
            .iter()
            .map(|a| (a.name.ns(), a.name.local(), a.value()))
            .collect();
        set.sort_unstable();
        set
    }
}

impl PartialEq for XmlFragment {
    fn eq(&self, other: &Self) -> bool {
        self.name.ns() == other.name.ns()
            && self.name.local() == other.name.local()
            && self.attribute_set() == other.attribute_set()
            && self.children == other.children
    }
}

impl Eq for XmlFragment {}

impl std::hash::Hash for XmlFragment {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        self.name.ns().hash(state);
        self.name.local().hash(state);
        self.attribute_set().hash(state);
        self.children.hash(state);
    }
}

impl XmlFragment {
    /// The element's name.
    pub fn name(&self) -> &XmlName {
        &self.name
    }

    /// Namespace declarations written on the element (`None` prefix: default namespace).
    pub fn declarations(&self) -> &[(Option<String>, String)] {
        &self.declarations
    }

    /// Attributes other than namespace declarations.
    pub fn attributes(&self) -> &[XmlAttribute] {
        &self.attributes
    }

    /// The value of the attribute with this namespace and local name.
    pub fn attribute(&self, ns: Option<&str>, local: &str) -> Option<&str> {
        self.attributes
            .iter()
            .find(|a| a.name.local == local && a.name.ns.as_deref() == ns)
            .map(|a| a.value.as_str())
    }

    /// Children in document order.
    pub fn children(&self) -> &[XmlNode] {
        &self.children
    }

    /// Child elements in document order.
    pub fn elements(&self) -> impl Iterator<Item = &XmlFragment> {
        self.children.iter().filter_map(|c| match c {
            XmlNode::Element(e) => Some(e),
            _ => None,
        })
    }

    /// The first child element with this name.
    pub fn child(&self, ns: Option<&str>, local: &str) -> Option<&XmlFragment> {
        self.elements()
            .find(|e| e.name.local == local && e.name.ns.as_deref() == ns)
    }

    /// Concatenated text and CDATA directly inside this element.
    pub fn text(&self) -> String {
        let mut out = String::new();
        for c in &self.children {
            if let XmlNode::Text(t) | XmlNode::CData(t) = c {
                out.push_str(t);
            }
        }
        out
    }

    /// The text of the first child element with this name.
    pub fn text_of(&self, ns: Option<&str>, local: &str) -> Option<String> {
        self.child(ns, local).map(XmlFragment::text)
    }

    /// Writes the subtree, each element with exactly the namespace declarations it was read
    /// with (plus any binding it uses that the writer's scope lacks).
    pub fn write<W: Write>(&self, w: &mut XmlWriter<W>) -> std::io::Result<()> {
        w.start_declared(
            self.name.ns(),
            self.name.prefix(),
            self.name.local(),
            &self.declarations,
        )?;
        for a in &self.attributes {
            w.attribute(a.name.ns(), a.name.prefix(), a.name.local(), &a.value)?;
        }
        for child in &self.children {
            match child {
                XmlNode::Element(e) => e.write(w)?,
                XmlNode::Text(t) => w.text(t)?,
                XmlNode::CData(t) => w.cdata(t)?,
                XmlNode::Comment(t) => w.comment(t)?,
                XmlNode::ProcessingInstruction(t) => w.processing_instruction(t)?,
            }
        }
        w.end()
    }

    /// The subtree serialised on its own (all namespaces it uses declared on it).
    pub fn to_vec(&self) -> std::io::Result<Vec<u8>> {
        let mut w = XmlWriter::new(Vec::new());
        self.write(&mut w)?;
        w.into_inner()
    }

    fn debug_into(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "<{:?}", self.name)?;
        for a in &self.attributes {
            write!(f, " {:?}=…", a.name)?;
        }
        f.write_str(">")?;
        for c in &self.children {
            match c {
                XmlNode::Element(e) => e.debug_into(f)?,
                XmlNode::Text(t) | XmlNode::CData(t) if t.trim().is_empty() => {}
                XmlNode::Text(_) | XmlNode::CData(_) => f.write_str("<redacted>")?,
                XmlNode::Comment(_) | XmlNode::ProcessingInstruction(_) => {}
            }
        }
        write!(f, "</{}>", self.name.local)
    }
}

impl fmt::Debug for XmlFragment {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("XmlFragment(")?;
        self.debug_into(f)?;
        f.write_str(")")
    }
}

impl<S: EventSource> XmlReader<S> {
    /// Captures the element just returned by [`next_child`](Self::next_child), with all its
    /// content, losslessly.
    pub fn capture(&mut self) -> Result<XmlFragment, XmlError> {
        let mut stack: Vec<XmlFragment> = vec![self.head()?];
        loop {
            let node = match step!(self) {
                Step::Start => {
                    stack.push(self.head()?);
                    continue;
                }
                Step::End => {
                    let Some(done) = stack.pop() else {
                        return Err(self.error(XmlErrorKind::UnexpectedEof));
                    };
                    match stack.last_mut() {
                        Some(parent) => {
                            parent.children.push(XmlNode::Element(done));
                            continue;
                        }
                        None => return Ok(done),
                    }
                }
                Step::Eof => return Err(self.error(XmlErrorKind::UnexpectedEof)),
                Step::Chars(Chars::Text(t)) => XmlNode::Text(t.into_owned()),
                Step::Chars(Chars::CData(t)) => XmlNode::CData(t.into_owned()),
                Step::Chars(Chars::Char(c)) => XmlNode::Text(c.to_string()),
                Step::Comment(t) => XmlNode::Comment(t.into_owned()),
                Step::Pi(t) => XmlNode::ProcessingInstruction(t.into_owned()),
                Step::Decl(_) => continue,
            };
            if let Some(parent) = stack.last_mut() {
                push_node(&mut parent.children, node);
            }
        }
    }

    /// The start tag just read, as an owned fragment without children.
    fn head(&self) -> Result<XmlFragment, XmlError> {
        let el = self.element()?;
        let start = el.start();
        let mut declarations = Vec::new();
        let mut attributes = Vec::new();
        for attr in start.attributes() {
            let attr = attr.map_err(|e| self.error(XmlErrorKind::Syntax(e.to_string())))?;
            let value = attr
                .normalized_value(quick_xml::XmlVersion::Implicit1_0)
                .map_err(|_| self.error(XmlErrorKind::UnknownEntity))?
                .into_owned();
            if let Some(binding) = attr.key.as_namespace_binding() {
                let prefix = match binding {
                    quick_xml::name::PrefixDeclaration::Default => None,
                    quick_xml::name::PrefixDeclaration::Named(p) => Some(p.to_owned()),
                };
                declarations.push((prefix, value));
                continue;
            }
            let (resolved, local) = el.resolver().resolve_attribute(attr.key);
            let ns = match resolved {
                ResolveResult::Bound(n) => Some(n.into_inner().to_owned()),
                ResolveResult::Unbound => None,
                ResolveResult::Unknown(prefix) => {
                    return Err(self.error(XmlErrorKind::UnboundPrefix { prefix }));
                }
            };
            attributes.push(XmlAttribute {
                name: XmlName {
                    ns,
                    prefix: attr.key.prefix().map(|p| p.into_inner().to_owned()),
                    local: local.into_inner().to_owned(),
                },
                value,
            });
        }
        Ok(XmlFragment {
            name: XmlName {
                ns: el.ns().map(str::to_owned),
                prefix: el.prefix().map(str::to_owned),
                local: el.local().to_owned(),
            },
            declarations,
            attributes,
            children: Vec::new(),
        })
    }
}

/// The synthetic element a fragment is read (and written) in, to give it its namespace
/// context.
pub(super) const WRAPPER: &str = "lefi-json-context";
pub(super) const WRAPPER_END: &str = "</lefi-json-context>";

impl XmlFragment {
    /// Reads one element from `xml` (its markup as written in a document) with the bindings
    /// of `context` in scope (`None`: the default namespace), under `limits`.
    pub(crate) fn parse_in_context(
        xml: &str,
        context: &[(Option<String>, String)],
        limits: &DecodeLimits,
    ) -> Result<XmlFragment, XmlError> {
        let mut doc = String::with_capacity(xml.len() + 128);
        doc.push_str(&wrapper_start(context));
        doc.push_str(xml);
        doc.push_str(WRAPPER_END);
        let limits = limits.with_max_bytes(limits.max_bytes().saturating_add(doc.len() as u64));
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

/// Appends text to a preceding text node (entity references split text into pieces).
fn push_node(children: &mut Vec<XmlNode>, node: XmlNode) {
    if let XmlNode::Text(t) = &node {
        if let Some(XmlNode::Text(prev)) = children.last_mut() {
            prev.push_str(t);
            return;
        }
    }
    children.push(node);
}

/// A whole document kept losslessly: XML declaration, comments and processing instructions
/// around the root, and the root element.
#[derive(Clone, PartialEq, Eq, Hash)]
pub struct XmlDocument {
    declaration: Option<String>,
    prolog: Vec<XmlNode>,
    root: XmlFragment,
    epilog: Vec<XmlNode>,
}

impl fmt::Debug for XmlDocument {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("XmlDocument")
            .field("root", &self.root)
            .finish_non_exhaustive()
    }
}

impl XmlDocument {
    /// Parses a complete document with the same limits and refusals as every codec
    /// (no DOCTYPE, no entity declarations, bounded size and depth).
    pub fn parse(input: &[u8], limits: &DecodeLimits) -> Result<Self, XmlError> {
        let mut r: XmlReader<SliceSource<'_>> = XmlReader::from_slice(input, limits)?;
        let mut declaration = None;
        let mut prolog = Vec::new();
        loop {
            match step!(r) {
                Step::Start => break,
                Step::Decl(d) => declaration = Some(d),
                Step::Comment(t) => prolog.push(XmlNode::Comment(t.into_owned())),
                Step::Pi(t) => prolog.push(XmlNode::ProcessingInstruction(t.into_owned())),
                Step::Chars(Chars::Text(t)) if t.chars().all(crate::xs::is_space) => {}
                Step::Eof => return Err(r.error(XmlErrorKind::NoRoot)),
                Step::Chars(_) | Step::End => return Err(r.error(XmlErrorKind::UnexpectedText)),
            }
        }
        let root = r.capture()?;
        let mut epilog = Vec::new();
        loop {
            match step!(r) {
                Step::Eof => break,
                Step::Comment(t) => epilog.push(XmlNode::Comment(t.into_owned())),
                Step::Pi(t) => epilog.push(XmlNode::ProcessingInstruction(t.into_owned())),
                Step::Chars(Chars::Text(t)) if t.chars().all(crate::xs::is_space) => {}
                _ => return Err(r.error(XmlErrorKind::UnexpectedText)),
            }
        }
        Ok(Self {
            declaration,
            prolog,
            root,
            epilog,
        })
    }

    /// The root element.
    pub fn root(&self) -> &XmlFragment {
        &self.root
    }

    /// The XML declaration as written (without `<?` and `?>`), if any.
    pub fn declaration(&self) -> Option<&str> {
        self.declaration.as_deref()
    }

    /// Serialises the document (declaration first when the input had one).
    pub fn to_vec(&self) -> std::io::Result<Vec<u8>> {
        let mut w = XmlWriter::new(Vec::new());
        if let Some(d) = &self.declaration {
            w.processing_instruction(d)?;
            w.raw("\n")?;
        }
        for n in &self.prolog {
            write_misc(&mut w, n)?;
        }
        self.root.write(&mut w)?;
        for n in &self.epilog {
            write_misc(&mut w, n)?;
        }
        w.into_inner()
    }
}

fn write_misc<W: Write>(w: &mut XmlWriter<W>, n: &XmlNode) -> std::io::Result<()> {
    match n {
        XmlNode::Comment(t) => w.comment(t),
        XmlNode::ProcessingInstruction(t) => w.processing_instruction(t),
        _ => Ok(()),
    }
}
