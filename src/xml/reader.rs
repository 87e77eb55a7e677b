//! A bounded, namespace-aware pull reader over quick-xml's events that reads straight into
//! typed values: no DOM, no DTDs, positions and element paths on every error.

use std::borrow::Cow;
use std::io::BufRead;

use quick_xml::events::{BytesStart, Event};
use quick_xml::name::{NamespaceResolver, QName, ResolveResult};

use super::error::{XmlError, XmlErrorKind, kind_from_quick_xml};
use super::fragment::XmlFragment;
use super::slice::SliceSource;
use super::source::{EventSource, Leaf, ReaderSource};
use crate::bytes::find_any;
use crate::input::DecodeLimits;
use crate::input::Position;

/// The XML Schema instance namespace (`xsi:nil`).
pub const XSI_NAMESPACE: &str = "http://www.w3.org/2001/XMLSchema-instance";

/// A start tag returned by [`XmlReader::next_child`], with its resolved namespace.
pub struct Element<'a> {
    ns: Option<&'a str>,
    ns_key: u64,
    local: &'a str,
    start: BytesStart<'a>,
    resolver: &'a NamespaceResolver,
}

impl<'a> Element<'a> {
    /// Namespace URI of the element, `None` when unqualified.
    pub fn ns(&self) -> Option<&'a str> {
        self.ns
    }

    /// Local name (without prefix).
    pub fn local(&self) -> &'a str {
        self.local
    }

    /// A key for this element's namespace binding: equal keys (other than 0) from the same
    /// reader mean the same namespace, so a caller can remember what it concluded about a
    /// namespace without comparing the URI again. 0 when there is no such key.
    ///
    /// ```
    /// use lefi::xml::{DecodeLimits, XmlReader};
    /// # fn main() -> Result<(), lefi::xml::XmlError> {
    /// let mut r = XmlReader::from_slice(br#"<a xmlns="urn:x"><b/></a>"#, &DecodeLimits::default())?;
    /// let a = r.next_child()?.map(|e| e.ns_key());
    /// let b = r.next_child()?.map(|e| e.ns_key());
    /// assert_eq!(a, b);
    /// assert_ne!(a, Some(0));
    /// # Ok(()) }
    /// ```
    pub fn ns_key(&self) -> u64 {
        self.ns_key
    }

    /// Whether the element has this namespace and local name.
    pub fn is(&self, ns: Option<&str>, local: &str) -> bool {
        self.local == local && self.ns == ns
    }

    /// `{namespace}local` (or `local`), for error messages.
    pub fn expanded_name(&self) -> String {
        match self.ns {
            Some(ns) => format!("{{{ns}}}{}", self.local()),
            None => self.local().to_owned(),
        }
    }

    /// The prefix the element was written with.
    pub fn prefix(&self) -> Option<&str> {
        self.start.name().prefix().map(|p| p.into_inner())
    }

    /// The raw start tag (attributes, name as written).
    pub fn start(&self) -> &BytesStart<'a> {
        &self.start
    }

    /// The namespace bindings in scope at this element.
    pub fn resolver(&self) -> &'a NamespaceResolver {
        self.resolver
    }

    /// The normalised value of the attribute with this namespace and local name.
    pub fn attribute(&self, ns: Option<&str>, local: &str) -> Result<Option<String>, XmlErrorKind> {
        for attr in self.start.attributes() {
            let attr = attr.map_err(|e| XmlErrorKind::Syntax(e.to_string()))?;
            let key = attr.key;
            if key.as_namespace_binding().is_some() {
                continue;
            }
            let (resolved, name) = self.resolver.resolve_attribute(key);
            let attr_ns = match resolved {
                ResolveResult::Bound(n) => Some(n.into_inner()),
                ResolveResult::Unbound => None,
                ResolveResult::Unknown(prefix) => {
                    return Err(XmlErrorKind::UnboundPrefix { prefix });
                }
            };
            if name.into_inner() == local && attr_ns == ns {
                let value = attr
                    .normalized_value(quick_xml::XmlVersion::Implicit1_0)
                    .map_err(|_| XmlErrorKind::UnknownEntity)?;
                return Ok(Some(value.into_owned()));
            }
        }
        Ok(None)
    }

    /// An `xs:boolean` attribute.
    pub fn attribute_bool(
        &self,
        ns: Option<&str>,
        local: &str,
    ) -> Result<Option<bool>, XmlErrorKind> {
        match self.attribute(ns, local)? {
            None => Ok(None),
            Some(v) => crate::xs::boolean(crate::xs::collapse(&v)).map(Some).ok_or(
                XmlErrorKind::InvalidValue {
                    expected: "xs:boolean",
                },
            ),
        }
    }

    /// Whether the element carries `xsi:nil="true"`.
    pub fn is_nil(&self) -> Result<bool, XmlErrorKind> {
        Ok(self
            .attribute_bool(Some(XSI_NAMESPACE), "nil")?
            .unwrap_or(false))
    }
}

/// A namespace declaration the reader refuses: one whose value holds `<` (not well-formed),
/// a reference, or a tab or line break. quick-xml binds a namespace to the value as
/// written, not to its normalized replacement text, so `xmlns:p="a&amp;b"` would name
/// `a&amp;b` here but `a&b` wherever the value is read as an attribute, and a line break
/// would stay a line break here but be a space to every other XML reader (and written back
/// as `&#10;`, which the first rule refuses): rather than read the document two ways, it is
/// refused (namespace names are URIs, which hold neither).
fn unsupported_declaration(start: &BytesStart<'_>) -> Option<XmlErrorKind> {
    for attr in start.attributes().with_checks(false).flatten() {
        if attr.key.as_namespace_binding().is_some()
            && attr
                .value
                .bytes()
                .any(|b| matches!(b, b'<' | b'&' | b'\t' | b'\n' | b'\r'))
        {
            return Some(XmlErrorKind::Syntax(
                "a namespace declaration holds `<`, a reference, a tab or a line break".to_owned(),
            ));
        }
    }
    None
}

/// Resolves a predefined entity or character reference (`lt`, `#x41`, …).
pub(crate) fn resolve_reference(name: &str) -> Option<char> {
    match name {
        "lt" => Some('<'),
        "gt" => Some('>'),
        "amp" => Some('&'),
        "apos" => Some('\''),
        "quot" => Some('"'),
        _ => {
            let num = name.strip_prefix('#')?;
            let code = match num.strip_prefix('x') {
                Some(hex) => u32::from_str_radix(hex, 16).ok()?,
                None => num.parse::<u32>().ok()?,
            };
            char::from_u32(code).filter(|&c| c != '\0')
        }
    }
}

/// The namespace bindings in scope, with what the reader derives from them to resolve names
/// cheaply: the default namespace, and the last prefix met with its namespace (prefixed
/// names in a document mostly share a few prefixes bound once at the root, so a prefix is
/// resolved once per scope instead of once per element).
struct Scopes {
    /// Namespace bindings in scope; only elements that declare namespaces open a scope.
    resolver: NamespaceResolver,
    /// The default namespace in scope.
    default_ns: Option<String>,
    /// The last prefix resolved (empty: none) and its namespace.
    prefix: String,
    prefix_ns: String,
    /// What the last start tag's name is.
    last_start: LastStart,
    /// Counts changes of `default_ns` and of the cached prefix binding; with the kind of
    /// binding it makes [`Element::ns_key`].
    generation: u64,
}

/// The kind of name of the last start tag, noted when it was read.
#[derive(Default, Clone, Copy, PartialEq, Eq)]
enum LastStart {
    /// No prefix: in the default namespace.
    #[default]
    Unprefixed,
    /// A prefix with the cached binding.
    Cached,
    /// A prefix to resolve (unbound, or the binding changed since).
    Resolve,
}

impl Scopes {
    fn new() -> Self {
        let mut resolver = NamespaceResolver::default();
        resolver.set_max_namespace_bindings(MAX_NAMESPACE_BINDINGS);
        Self {
            resolver,
            default_ns: None,
            prefix: String::new(),
            prefix_ns: String::new(),
            last_start: LastStart::Unprefixed,
            generation: 1,
        }
    }

    /// Opens the scope a start tag declares.
    fn push(&mut self, start: &BytesStart<'_>) -> Result<(), quick_xml::name::NamespaceError> {
        self.resolver.push(start)?;
        self.changed();
        Ok(())
    }

    /// Closes the innermost declared scope.
    fn pop(&mut self) {
        self.resolver.pop();
        self.changed();
    }

    /// After a scope opened or closed: the default namespace is read again and the cached
    /// prefix forgotten.
    fn changed(&mut self) {
        let current = match self.resolver.resolve_prefix(None, true) {
            ResolveResult::Bound(n) => Some(n.into_inner()),
            _ => None,
        };
        if self.default_ns.as_deref() != current {
            self.default_ns = current.map(str::to_owned);
        }
        self.prefix.clear();
        if self.last_start == LastStart::Cached {
            self.last_start = LastStart::Resolve;
        }
        self.generation += 1;
    }

    /// Notes the start tag `name`: resolves its prefix unless it is the cached one.
    #[inline(always)]
    fn note_start(&mut self, name: &str) {
        let cached = self.prefix.len();
        if cached > 0
            && name.as_bytes().get(cached) == Some(&b':')
            && name.as_bytes().get(..cached) == Some(self.prefix.as_bytes())
        {
            self.last_start = LastStart::Cached;
            return;
        }
        let prefix = match find_any(name.as_bytes(), 0, [b':']) {
            None => {
                self.last_start = LastStart::Unprefixed;
                return;
            }
            Some(0) => "",
            Some(colon) => name.get(..colon).unwrap_or_default(),
        };
        if prefix.is_empty() || prefix != self.prefix {
            self.prefix.clear();
            self.generation += 1;
            if let (ResolveResult::Bound(ns), _) = self.resolver.resolve_element(QName(name)) {
                self.prefix.push_str(prefix);
                self.prefix_ns.clear();
                self.prefix_ns.push_str(ns.into_inner());
            }
        }
        self.last_start = if self.prefix.is_empty() {
            LastStart::Resolve
        } else {
            LastStart::Cached
        };
    }

    /// Namespace, [`Element::ns_key`] and local name of the last start tag's `name`; the
    /// unbound prefix as the error.
    fn resolve<'a>(&'a self, name: &'a str) -> Result<(Option<&'a str>, u64, &'a str), String> {
        match self.last_start {
            LastStart::Unprefixed => Ok((self.default_ns.as_deref(), self.generation << 1, name)),
            LastStart::Cached => Ok((
                Some(&self.prefix_ns),
                self.generation << 1 | 1,
                name.get(self.prefix.len() + 1..).unwrap_or_default(),
            )),
            LastStart::Resolve => {
                let (resolved, local) = self.resolver.resolve_element(QName(name));
                match resolved {
                    ResolveResult::Bound(n) => Ok((Some(n.into_inner()), 0, local.into_inner())),
                    ResolveResult::Unbound => Ok((None, 0, local.into_inner())),
                    ResolveResult::Unknown(prefix) => Err(prefix),
                }
            }
        }
    }
}

/// One piece of character data inside an element.
pub(crate) enum Chars<'a> {
    Text(Cow<'a, str>),
    CData(Cow<'a, str>),
    Char(char),
}

/// An error noticed while stepping, completed with a position afterwards.
pub(crate) enum Pending {
    Parser(quick_xml::Error),
    At(XmlErrorKind, u64),
    AtEnd(XmlErrorKind),
}

/// One step of the reader; returns early with a positioned error.
macro_rules! step {
    ($r:expr) => {
        match $r.step_raw() {
            Ok(step) => step,
            Err(pending) => return Err($r.pending_error(pending)),
        }
    };
}
pub(crate) use step;

/// What the low-level step read. A start tag is kept in the reader (see
/// [`XmlReader::element`]).
pub(crate) enum Step<'a> {
    Start,
    End,
    Chars(Chars<'a>),
    Comment(Cow<'a, str>),
    Pi(Cow<'a, str>),
    Decl(String),
    Eof,
}

/// A bounded, namespace-aware pull reader.
///
/// Call [`next_child`](Self::next_child) to get the next child element of the current
/// element (`None` when it ends), then consume that child with [`read_text`](Self::read_text),
/// [`skip`](Self::skip), [`capture`](Self::capture) or by reading its children in turn.
///
/// ```
/// use lefi::xml::{DecodeLimits, XmlReader};
/// # fn main() -> Result<(), lefi::xml::XmlError> {
/// let mut r = XmlReader::from_slice(br#"<a xmlns="urn:x"><b>1 &amp; 2</b></a>"#, &DecodeLimits::default())?;
/// let root = r.next_child()?.map(|e| e.is(Some("urn:x"), "a"));
/// assert_eq!(root, Some(true));
/// assert!(r.next_child()?.is_some());
/// assert_eq!(r.read_text()?, "1 & 2");
/// assert!(r.next_child()?.is_none());
/// r.finish()?;
/// # Ok(()) }
/// ```
pub struct XmlReader<S> {
    src: S,
    limits: DecodeLimits,
    /// Namespace bindings in scope and what is derived from them.
    scopes: Scopes,
    /// Element path, kept only for streams (in-memory input recomputes it from the stack).
    path: String,
    stack: Vec<Frame>,
    text: String,
    /// Whether the last step closed the top of `stack`: that element stays "current" for
    /// positions and paths, and is popped by the next step.
    closing: bool,
}

/// An open element.
#[derive(Clone, Copy)]
struct Frame {
    /// Byte offset of its start tag.
    start: u64,
    /// Length of `path` before it (streams only).
    path_len: usize,
    /// Whether it declared namespaces (opened a resolver scope).
    scoped: bool,
}

/// Where a block begins: an element that [`XmlReader::recover_block`] can give up and take
/// back, as received, when its content is not what the caller expected.
#[derive(Debug, Clone)]
pub(crate) struct BlockMark {
    /// Byte offset of the block's start tag.
    start: u64,
    /// The reader's depth with the block open.
    depth: usize,
    /// The namespace bindings in scope at the block.
    context: Vec<(Option<String>, String)>,
}

/// Most namespace bindings in scope at once.
const MAX_NAMESPACE_BINDINGS: usize = 1024;

impl<'i> XmlReader<SliceSource<'i>> {
    /// Reads from an in-memory document.
    pub fn from_slice(input: &'i [u8], limits: &DecodeLimits) -> Result<Self, XmlError> {
        let reader = Self::with_source(SliceSource::new(input), *limits);
        if input.len() as u64 > limits.max_bytes() {
            let (line, column) = reader.src.line_column(limits.max_bytes());
            return Err(XmlError::new(
                XmlErrorKind::TooLarge {
                    max: limits.max_bytes(),
                },
                Position::new(limits.max_bytes(), line, column, ""),
            ));
        }
        Ok(reader)
    }
}

impl<R: BufRead> XmlReader<ReaderSource<R>> {
    /// Reads from any buffered reader, enforcing the size limit while reading.
    pub fn from_reader(input: R, limits: &DecodeLimits) -> Self {
        Self::with_source(ReaderSource::new(input, limits.max_bytes()), *limits)
    }
}

impl<S: EventSource> XmlReader<S> {
    fn with_source(src: S, limits: DecodeLimits) -> Self {
        Self {
            src,
            limits,
            scopes: Scopes::new(),
            path: String::new(),
            stack: Vec::with_capacity(16),
            text: String::new(),
            closing: false,
        }
    }

    /// The limits in force.
    pub fn limits(&self) -> &DecodeLimits {
        &self.limits
    }

    /// Number of open elements.
    pub fn depth(&self) -> usize {
        self.stack.len() - usize::from(self.closing)
    }

    /// Element path of the innermost open element (`/a/b`, local names).
    ///
    /// Computed on demand: for in-memory input the names are read back from the input.
    pub fn path(&self) -> String {
        if !S::IN_MEMORY {
            return self.path.clone();
        }
        let mut path = String::new();
        for frame in &self.stack {
            let name = self.src.name_at(frame.start).unwrap_or_default();
            path.push('/');
            path.push_str(name.rsplit(':').next().unwrap_or(name));
        }
        path
    }

    /// Position of the innermost open element's start tag.
    ///
    /// Right after an element was closed (by [`read_text_with`](Self::read_text_with)),
    /// that element.
    pub fn position(&self) -> Position {
        let offset = self.stack.last().map_or(0, |frame| frame.start);
        self.position_at(offset)
    }

    fn position_at(&self, offset: u64) -> Position {
        let (line, column) = self.src.line_column(offset);
        Position::new(offset, line, column, self.path())
    }

    /// An error at the innermost open element.
    pub fn error(&self, kind: XmlErrorKind) -> XmlError {
        XmlError::new(kind, self.position())
    }

    fn error_at(&self, kind: XmlErrorKind, offset: u64) -> XmlError {
        XmlError::new(kind, self.position_at(offset))
    }

    fn parser_error(&self, err: &quick_xml::Error) -> XmlError {
        let kind = if self.src.size_exceeded() {
            XmlErrorKind::TooLarge {
                max: self.limits.max_bytes(),
            }
        } else {
            kind_from_quick_xml(err)
        };
        self.error_at(kind, self.src.error_offset())
    }

    /// Turns an error noticed inside [`step_raw`](Self::step_raw) into an [`XmlError`].
    pub(crate) fn pending_error(&self, pending: Pending) -> XmlError {
        match pending {
            Pending::Parser(e) => self.parser_error(&e),
            Pending::At(kind, offset) => self.error_at(kind, offset),
            Pending::AtEnd(kind) => self.error_at(kind, self.src.offset()),
        }
    }

    /// Reads one event, maintaining the element stack and enforcing the limits. Errors are
    /// returned as [`Pending`] (no borrow of the reader) and completed by
    /// [`pending_error`](Self::pending_error); use the `step!` macro.
    pub(crate) fn step_raw(&mut self) -> Result<Step<'_>, Pending> {
        if self.closing {
            self.closing = false;
            self.close_top();
        }
        let before = self.src.offset();
        let event = self.src.next_event().map_err(Pending::Parser)?;
        let step = match event {
            // by reference: moving the tag out of the event costs a store-forwarding stall
            Event::Start(ref start) => {
                if self.stack.len() >= self.limits.max_depth() {
                    let max = self.limits.max_depth();
                    return Err(Pending::At(XmlErrorKind::TooDeep { max }, before));
                }
                let name_len = start.name().into_inner().len();
                let scoped = start.len() > name_len
                    && start.get(name_len..).is_some_and(|a| a.contains("xmlns"));
                if scoped {
                    if let Some(kind) = unsupported_declaration(start) {
                        return Err(Pending::At(kind, before));
                    }
                    if let Err(e) = self.scopes.push(start) {
                        let kind = kind_from_quick_xml(&quick_xml::Error::Namespace(e));
                        return Err(Pending::At(kind, before));
                    }
                }
                self.scopes
                    .note_start(start.get(..name_len).unwrap_or_default());
                let path_len = self.path.len();
                if !S::IN_MEMORY {
                    self.path.push('/');
                    self.path.push_str(start.local_name().into_inner());
                }
                self.stack.push(Frame {
                    start: before,
                    path_len,
                    scoped,
                });
                Step::Start
            }
            Event::End(_) => {
                self.closing = true;
                Step::End
            }
            Event::Empty(_) => Step::End,
            Event::Text(t) if S::IN_MEMORY => Step::Chars(Chars::Text(t.into_inner())),
            Event::Text(t) => Step::Chars(Chars::Text(t.xml10_content())),
            Event::CData(t) => Step::Chars(Chars::CData(t.xml10_content())),
            Event::GeneralRef(r) => match resolve_reference(&r) {
                Some(c) => Step::Chars(Chars::Char(c)),
                None => return Err(Pending::At(XmlErrorKind::UnknownEntity, before)),
            },
            Event::Comment(t) => Step::Comment(t.into_inner()),
            Event::PI(p) => Step::Pi(p.into_inner()),
            Event::Decl(d) => Step::Decl(d.to_string()),
            Event::DocType(_) => return Err(Pending::At(XmlErrorKind::Doctype, before)),
            Event::Eof => {
                if self.stack.is_empty() {
                    Step::Eof
                } else {
                    return Err(Pending::AtEnd(XmlErrorKind::UnexpectedEof));
                }
            }
        };
        Ok(step)
    }

    /// Pops the element closed by the last step.
    fn close_top(&mut self) {
        let Some(frame) = self.stack.pop() else {
            return;
        };
        if frame.scoped {
            self.scopes.pop();
        }
        if !S::IN_MEMORY {
            self.path.truncate(frame.path_len);
        }
    }

    /// The start tag of the element most recently returned by
    /// [`next_child`](Self::next_child) (valid until the next read).
    pub fn current_element(&self) -> Result<Element<'_>, XmlError> {
        self.element()
    }

    /// The start tag read by the last step that returned `Step::Start`.
    pub(crate) fn element(&self) -> Result<Element<'_>, XmlError> {
        let (content, name_len) = self.src.last_start();
        let name = content.get(..name_len).unwrap_or(content);
        let start = BytesStart::from_content(content, name_len);
        // the name's kind was noted when the tag was read
        let (ns, ns_key, local) = self
            .scopes
            .resolve(name)
            .map_err(|prefix| self.error(XmlErrorKind::UnboundPrefix { prefix }))?;
        Ok(Element {
            ns,
            ns_key,
            local,
            start,
            resolver: &self.scopes.resolver,
        })
    }

    /// The next child element of the current element, or `None` when the current element
    /// ends. At the top level, returns the root element (after the prolog) and `None` at the
    /// end of input. Whitespace, comments and processing instructions are skipped; other text
    /// is an error.
    pub fn next_child(&mut self) -> Result<Option<Element<'_>>, XmlError> {
        loop {
            let unexpected = match step!(self) {
                Step::Start => break,
                Step::End | Step::Eof => return Ok(None),
                Step::Chars(Chars::Text(t)) | Step::Chars(Chars::CData(t)) => {
                    !t.chars().all(crate::xs::is_space)
                }
                Step::Chars(Chars::Char(_)) => true,
                Step::Comment(_) | Step::Pi(_) | Step::Decl(_) => false,
            };
            if unexpected {
                return Err(self.error(XmlErrorKind::UnexpectedText));
            }
        }
        self.element().map(Some)
    }

    /// Reads the text content of the element just returned by [`next_child`](Self::next_child)
    /// up to its end tag and hands it to `f`; errors from `f` point at that element.
    /// Child elements are an error; comments are skipped.
    pub fn read_text_with<T>(
        &mut self,
        f: impl FnOnce(&str) -> Result<T, XmlErrorKind>,
    ) -> Result<T, XmlError> {
        let mut text = std::mem::take(&mut self.text);
        text.clear();
        let result = self.text_into(&mut text).and_then(|kept| {
            let value = if kept { self.src.last_text() } else { &text };
            f(value).map_err(|kind| self.error(kind))
        });
        self.text = text;
        result
    }

    /// Reads the text of the current element up to its end tag. Returns `true` when the text
    /// is a single piece the source kept (then `text` is untouched and the text is
    /// [`EventSource::last_text`]), `false` when it was collected into `text`.
    fn text_into(&mut self, text: &mut String) -> Result<bool, XmlError> {
        if S::IN_MEMORY && !self.closing {
            // The common case, read without the general step: the text, then the end tag.
            match self.src.read_leaf() {
                Ok(Leaf::TextAndEnd) => {
                    self.closing = true;
                    return Ok(true);
                }
                Ok(Leaf::Text) => {
                    text.push_str(self.src.last_text());
                    return self.collect_text(text).map(|()| false);
                }
                Ok(Leaf::Nothing) => {}
                Err(e) => return Err(self.parser_error(&e)),
            }
        }
        enum First {
            End,
            Start,
            Other,
        }
        let first = match step!(self) {
            Step::Chars(Chars::Text(t)) | Step::Chars(Chars::CData(t)) => {
                text.push_str(&t);
                First::Other
            }
            Step::Chars(Chars::Char(c)) => {
                text.push(c);
                First::Other
            }
            Step::Comment(_) | Step::Pi(_) | Step::Decl(_) => First::Other,
            Step::Start => First::Start,
            Step::End | Step::Eof => First::End,
        };
        match first {
            First::End => Ok(false),
            First::Start => {
                let name = self.element()?.expanded_name();
                Err(self.error(XmlErrorKind::UnexpectedElement { name }))
            }
            First::Other => self.collect_text(text).map(|()| false),
        }
    }

    fn collect_text(&mut self, text: &mut String) -> Result<(), XmlError> {
        loop {
            match step!(self) {
                Step::Chars(Chars::Text(t)) | Step::Chars(Chars::CData(t)) => text.push_str(&t),
                Step::Chars(Chars::Char(c)) => text.push(c),
                Step::Comment(_) | Step::Pi(_) | Step::Decl(_) => {}
                Step::Start => {
                    let name = self.element()?.expanded_name();
                    return Err(self.error(XmlErrorKind::UnexpectedElement { name }));
                }
                Step::End | Step::Eof => return Ok(()),
            }
        }
    }

    /// Reads the text content of the current element as an owned string.
    pub fn read_text(&mut self) -> Result<String, XmlError> {
        self.read_text_with(|t| Ok(t.to_owned()))
    }

    /// Skips the rest of the current element, children included.
    pub fn skip(&mut self) -> Result<(), XmlError> {
        let target = self.depth().saturating_sub(1);
        while self.depth() > target {
            if let Step::Eof = step!(self) {
                break;
            }
        }
        Ok(())
    }

    /// Keeps the input read from here on (streams only; in-memory input is always at hand),
    /// so that a block started after this call can be taken back by
    /// [`recover_block`](Self::recover_block). Drops what was kept before.
    pub(crate) fn keep_input(&mut self) {
        self.src.keep_input();
    }

    /// Stops keeping the input (see [`keep_input`](Self::keep_input)) and frees it.
    pub(crate) fn release_input(&mut self) {
        self.src.release_input();
    }

    /// Marks the element just returned by [`next_child`](Self::next_child) as a block.
    pub(crate) fn mark_block(&self) -> BlockMark {
        let context = self
            .scopes
            .resolver
            .bindings()
            .map(|(prefix, ns)| {
                let prefix = match prefix {
                    quick_xml::name::PrefixDeclaration::Default => None,
                    quick_xml::name::PrefixDeclaration::Named(p) => Some(p.to_owned()),
                };
                (prefix, ns.into_inner().to_owned())
            })
            .collect();
        BlockMark {
            start: self.stack.last().map_or(0, |frame| frame.start),
            depth: self.depth(),
            context,
        }
    }

    /// Gives up the block `mark` names wherever its reading stopped: reads on to its end
    /// tag and returns the whole block, as received, as a fragment. Fails when the rest of
    /// the block is not well-formed or its input was not kept (streams: see
    /// [`keep_input`](Self::keep_input)).
    pub(crate) fn recover_block(&mut self, mark: &BlockMark) -> Result<XmlFragment, XmlError> {
        while self.depth() >= mark.depth {
            if let Step::Eof = step!(self) {
                return Err(self.error(XmlErrorKind::UnexpectedEof));
            }
        }
        let end = self.src.offset();
        let Some(bytes) = self.src.input_between(mark.start, end) else {
            return Err(self.error(XmlErrorKind::Io("the block's input was not kept".into())));
        };
        let text = std::str::from_utf8(bytes).map_err(|_| self.error(XmlErrorKind::Encoding))?;
        XmlFragment::parse_in_context(text, &mark.context, &self.limits)
            .map_err(|e| self.error(e.into_parts().0))
    }

    /// After the root element: only whitespace, comments and processing instructions may
    /// follow.
    pub fn finish(&mut self) -> Result<(), XmlError> {
        loop {
            let unexpected = match step!(self) {
                Step::Eof => return Ok(()),
                Step::Start => true,
                Step::Chars(Chars::Text(t)) | Step::Chars(Chars::CData(t)) => {
                    !t.chars().all(crate::xs::is_space)
                }
                Step::Chars(Chars::Char(_)) => true,
                Step::End | Step::Comment(_) | Step::Pi(_) | Step::Decl(_) => false,
            };
            if unexpected {
                return Err(self.error(XmlErrorKind::UnexpectedText));
            }
        }
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]
mod tests {
    use super::*;

    const DOC: &[u8] = br#"<p:a xmlns:p="urn:p" xmlns="urn:d"><b><q:c xmlns:q="urn:q"><d xmlns="">x</d></q:c><e/></b></p:a>"#;

    /// Walks `DOC`, returning (namespace, local, path) of every element and the error at `d`.
    fn walk<S: EventSource>(
        r: &mut XmlReader<S>,
    ) -> (Vec<(Option<String>, String, String)>, XmlError) {
        let mut seen = Vec::new();
        let mut record = |r: &XmlReader<S>| {
            let el = r.current_element().unwrap();
            seen.push((el.ns().map(str::to_owned), el.local().to_owned(), r.path()));
        };
        assert!(r.next_child().unwrap().is_some());
        record(r);
        assert!(r.next_child().unwrap().is_some());
        record(r);
        assert!(r.next_child().unwrap().is_some());
        record(r);
        assert!(r.next_child().unwrap().is_some());
        record(r);
        let err = r
            .read_text_with(|_| Err::<(), _>(XmlErrorKind::InvalidValue { expected: "y" }))
            .unwrap_err();
        assert!(r.next_child().unwrap().is_none());
        assert!(r.next_child().unwrap().is_some());
        record(r);
        assert!(r.next_child().unwrap().is_none());
        assert!(r.next_child().unwrap().is_none());
        assert!(r.next_child().unwrap().is_none());
        r.finish().unwrap();
        (seen, err)
    }

    #[test]
    fn slice_and_stream_agree_on_namespaces_paths_and_positions() {
        let limits = DecodeLimits::default();
        let (a, ea) = walk(&mut XmlReader::from_slice(DOC, &limits).unwrap());
        let (b, eb) = walk(&mut XmlReader::from_reader(DOC, &limits));
        let s = |v: &str| v.to_owned();
        assert_eq!(
            a,
            vec![
                (Some(s("urn:p")), s("a"), s("/a")),
                (Some(s("urn:d")), s("b"), s("/a/b")),
                (Some(s("urn:q")), s("c"), s("/a/b/c")),
                (None, s("d"), s("/a/b/c/d")),
                (Some(s("urn:d")), s("e"), s("/a/b/e")),
            ]
        );
        assert_eq!(a, b);
        assert_eq!(ea, eb);
        assert_eq!(ea.position().path(), "/a/b/c/d");
        let d = DOC.windows(3).position(|w| w == b"<d ").unwrap() as u64;
        assert_eq!(ea.position().byte_offset(), d);
        assert_eq!(ea.position().column(), d + 1);
    }

    #[test]
    fn text_split_by_references_comments_and_cdata_is_joined() {
        let doc = b"<a>1 &amp; 2<!--c--><![CDATA[<3>]]>&#x41;\r\nz</a>";
        for text in [
            XmlReader::from_slice(doc, &DecodeLimits::default())
                .and_then(|mut r| r.next_child().map(|_| ()).and_then(|()| r.read_text()))
                .unwrap(),
            {
                let mut r = XmlReader::from_reader(&doc[..], &DecodeLimits::default());
                r.next_child().unwrap();
                r.read_text().unwrap()
            },
        ] {
            assert_eq!(text, "1 & 2<3>A\nz");
        }
    }

    #[test]
    fn cached_prefixes_follow_rebinding_and_alternation() {
        fn walk(r: &mut XmlReader<SliceSource<'_>>, seen: &mut Vec<String>) {
            while let Some(e) = r.next_child().unwrap() {
                seen.push(format!("{}:{}", e.ns().unwrap(), e.local()));
                walk(r, seen);
            }
        }
        let doc = br#"<p:a xmlns:p="urn:1" xmlns:q="urn:q"><q:x/><p:b/><p:c xmlns:p="urn:2"><p:d/><q:y/><p:f/></p:c><p:e/><q:z/></p:a>"#;
        let mut r = XmlReader::from_slice(doc, &DecodeLimits::default()).unwrap();
        let mut seen = Vec::new();
        walk(&mut r, &mut seen);
        r.finish().unwrap();
        assert_eq!(
            seen,
            [
                "urn:1:a", "urn:q:x", "urn:1:b", "urn:2:c", "urn:2:d", "urn:q:y", "urn:2:f",
                "urn:1:e", "urn:q:z"
            ]
        );
    }

    #[test]
    fn skip_stops_at_the_end_of_the_element_and_depth_follows() {
        let doc = b"<a><b><c/>t<c><e/></c></b><d>x</d></a>";
        let mut r = XmlReader::from_slice(doc, &DecodeLimits::default()).unwrap();
        assert_eq!(r.next_child().unwrap().unwrap().local(), "a");
        assert_eq!(r.next_child().unwrap().unwrap().local(), "b");
        assert_eq!(r.depth(), 2);
        r.skip().unwrap();
        assert_eq!(r.depth(), 1);
        assert_eq!(r.position().path(), "/a/b");
        assert_eq!(r.next_child().unwrap().unwrap().local(), "d");
        assert_eq!(r.read_text().unwrap(), "x");
        assert_eq!(r.depth(), 1);
        assert!(r.next_child().unwrap().is_none());
        assert_eq!(r.depth(), 0);
        r.finish().unwrap();
    }

    #[test]
    fn unbound_prefix_is_an_error_after_its_scope_closes() {
        let doc = br#"<a><p:b xmlns:p="urn:p"/><p:c/></a>"#;
        let mut r = XmlReader::from_slice(doc, &DecodeLimits::default()).unwrap();
        r.next_child().unwrap();
        assert_eq!(r.next_child().unwrap().unwrap().ns(), Some("urn:p"));
        assert!(r.next_child().unwrap().is_none());
        let err = r.next_child().err().unwrap();
        assert_eq!(
            err.kind(),
            &XmlErrorKind::UnboundPrefix { prefix: "p".into() }
        );
        assert_eq!(err.position().path(), "/a/c");
    }
}
