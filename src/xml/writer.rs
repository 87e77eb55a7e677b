//! A small XML writer: escaping, namespace declarations emitted where needed, no
//! pretty-printing.

use std::io::{self, Write};

/// Escapes character data for element content (`&`, `<`, `>`, and `\r` so it survives
/// end-of-line normalisation).
///
/// ```
/// let mut out = String::new();
/// lefi::xml::escape_text("a < b & c", &mut out);
/// assert_eq!(out, "a &lt; b &amp; c");
/// ```
pub fn escape_text(text: &str, out: &mut String) {
    escape_with(text, out, false);
}

/// Escapes an attribute value for use inside double quotes (also `"`, tab, CR and LF, so
/// that attribute-value normalisation gives back the same value).
///
/// ```
/// let mut out = String::new();
/// lefi::xml::escape_attribute("say \"hi\"\n", &mut out);
/// assert_eq!(out, "say &quot;hi&quot;&#10;");
/// ```
pub fn escape_attribute(text: &str, out: &mut String) {
    escape_with(text, out, true);
}

fn escape_with(text: &str, out: &mut String, attribute: bool) {
    let mut last = 0;
    for (i, b) in text.bytes().enumerate() {
        let rep = match b {
            b'&' => "&amp;",
            b'<' => "&lt;",
            b'>' => "&gt;",
            b'\r' => "&#13;",
            b'"' if attribute => "&quot;",
            b'\n' if attribute => "&#10;",
            b'\t' if attribute => "&#9;",
            _ => continue,
        };
        out.push_str(text.get(last..i).unwrap_or_default());
        out.push_str(rep);
        last = i + 1;
    }
    out.push_str(text.get(last..).unwrap_or_default());
}

#[derive(Debug)]
struct Binding {
    prefix: Option<String>,
    uri: String,
}

#[derive(Debug)]
struct Open {
    qname: String,
    bindings_mark: usize,
}

/// Writes XML to any `io::Write`, declaring namespaces where an element or attribute needs
/// them.
///
/// ```
/// use lefi::xml::XmlWriter;
/// # fn main() -> std::io::Result<()> {
/// let mut w = XmlWriter::new(Vec::new());
/// w.start(Some("urn:x"), Some("x"), "a")?;
/// w.attribute(None, None, "n", "1")?;
/// w.text_element(Some("urn:x"), Some("x"), "b", "1 < 2")?;
/// w.start(None, None, "c")?;
/// w.end()?;
/// w.end()?;
/// let xml = String::from_utf8(w.into_inner()?).unwrap();
/// assert_eq!(xml, r#"<x:a xmlns:x="urn:x" n="1"><x:b>1 &lt; 2</x:b><c/></x:a>"#);
/// # Ok(()) }
/// ```
#[derive(Debug)]
pub struct XmlWriter<W: Write> {
    out: W,
    buf: String,
    bindings: Vec<Binding>,
    open: Vec<Open>,
    tag_open: bool,
    generated: usize,
}

/// Flush the internal buffer once it grows beyond this.
const FLUSH_AT: usize = 64 * 1024;

impl<W: Write> XmlWriter<W> {
    /// A writer with no namespaces in scope.
    pub fn new(out: W) -> Self {
        Self {
            out,
            buf: String::with_capacity(8 * 1024),
            bindings: Vec::new(),
            open: Vec::new(),
            tag_open: false,
            generated: 0,
        }
    }

    /// Writes an XML declaration (`<?xml version="1.0" encoding="UTF-8"?>`).
    pub fn declaration(&mut self) -> io::Result<()> {
        self.raw(r#"<?xml version="1.0" encoding="UTF-8"?>"#)
    }

    /// Writes markup as is (the caller guarantees it is well-formed in context).
    pub fn raw(&mut self, markup: &str) -> io::Result<()> {
        self.close_tag();
        self.buf.push_str(markup);
        self.maybe_flush()
    }

    fn close_tag(&mut self) {
        if self.tag_open {
            self.buf.push('>');
            self.tag_open = false;
        }
    }

    fn maybe_flush(&mut self) -> io::Result<()> {
        if self.buf.len() >= FLUSH_AT {
            self.out.write_all(self.buf.as_bytes())?;
            self.buf.clear();
        }
        Ok(())
    }

    /// The namespace bound to `prefix` (`None`: the default namespace) in scope.
    fn bound(&self, prefix: Option<&str>) -> Option<&str> {
        self.bindings
            .iter()
            .rev()
            .find(|b| b.prefix.as_deref() == prefix)
            .map(|b| b.uri.as_str())
    }

    fn declared_here(&self, prefix: Option<&str>) -> bool {
        let mark = self.open.last().map_or(0, |o| o.bindings_mark);
        self.bindings
            .get(mark..)
            .unwrap_or_default()
            .iter()
            .any(|b| b.prefix.as_deref() == prefix)
    }

    /// Declares `xmlns[:prefix]="uri"` on the element being started, unless already in
    /// scope with the same value (the codecs declare what their own elements need this way;
    /// [`start_declared`](Self::start_declared) writes a given set of declarations exactly).
    pub fn declare(&mut self, prefix: Option<&str>, uri: &str) -> io::Result<()> {
        if self.bound(prefix).unwrap_or("") == uri || !self.tag_open {
            return Ok(());
        }
        if self.declared_here(prefix) {
            return Ok(());
        }
        self.write_declaration(prefix, uri);
        Ok(())
    }

    fn write_declaration(&mut self, prefix: Option<&str>, uri: &str) {
        self.push_declaration(prefix, uri);
        self.bindings.push(Binding {
            prefix: prefix.map(str::to_owned),
            uri: uri.to_owned(),
        });
    }

    /// The markup of a declaration, without touching the bindings in scope.
    fn push_declaration(&mut self, prefix: Option<&str>, uri: &str) {
        match prefix {
            Some(p) => {
                self.buf.push_str(" xmlns:");
                self.buf.push_str(p);
            }
            None => self.buf.push_str(" xmlns"),
        }
        self.buf.push_str("=\"");
        escape_attribute(uri, &mut self.buf);
        self.buf.push('"');
    }

    /// Picks a prefix for `uri` on the open tag: `wanted` if free, the one already bound,
    /// or a generated one; says whether it must be declared.
    fn plan_prefix(
        &mut self,
        uri: &str,
        wanted: Option<&str>,
        attribute: bool,
    ) -> (Option<String>, bool) {
        if let Some(w) = wanted {
            if self.bound(Some(w)) == Some(uri) {
                return (Some(w.to_owned()), false);
            }
            if !self.declared_here(Some(w)) {
                return (Some(w.to_owned()), true);
            }
        } else if !attribute {
            if self.bound(None) == Some(uri) {
                return (None, false);
            }
            if !self.declared_here(None) {
                return (None, true);
            }
        }
        let existing = self
            .bindings
            .iter()
            .rev()
            .find(|b| b.uri == uri && b.prefix.is_some())
            .and_then(|b| b.prefix.clone());
        if let Some(p) = existing {
            if self.bound(Some(&p)) == Some(uri) {
                return (Some(p), false);
            }
        }
        loop {
            self.generated += 1;
            let p = format!("ns{}", self.generated);
            if self.bound(Some(&p)).is_none() {
                return (Some(p), true);
            }
        }
    }

    /// Starts an element in namespace `ns` (`None`: no namespace), preferably with
    /// `prefix` (`None`: default namespace). The tag stays open for attributes until content
    /// or [`end`](Self::end) is written.
    pub fn start(&mut self, ns: Option<&str>, prefix: Option<&str>, local: &str) -> io::Result<()> {
        self.start_declared(ns, prefix, local, &[])
    }

    /// Starts an element like [`start`](Self::start), declaring exactly `declarations` on it
    /// (`None` prefix: the default namespace; `""` undeclares it), in order and even where
    /// the same binding is already in scope; the name's own binding is added only when
    /// `declarations` and the scope do not provide it. This is how a kept
    /// [`XmlFragment`](super::XmlFragment) is written back with the declarations it was read
    /// with.
    ///
    /// ```
    /// use lefi::xml::XmlWriter;
    /// # fn main() -> std::io::Result<()> {
    /// let mut w = XmlWriter::new(Vec::new());
    /// w.start(Some("urn:x"), Some("x"), "a")?;
    /// w.start_declared(None, None, "b", &[(None, String::new())])?;
    /// w.end()?;
    /// w.start_declared(Some("urn:x"), Some("x"), "c", &[(Some("x".into()), "urn:x".into())])?;
    /// w.end()?;
    /// w.end()?;
    /// let xml = String::from_utf8(w.into_inner()?).unwrap();
    /// assert_eq!(xml, r#"<x:a xmlns:x="urn:x"><b xmlns=""/><x:c xmlns:x="urn:x"/></x:a>"#);
    /// # Ok(()) }
    /// ```
    pub fn start_declared(
        &mut self,
        ns: Option<&str>,
        prefix: Option<&str>,
        local: &str,
        declarations: &[(Option<String>, String)],
    ) -> io::Result<()> {
        let twice = declarations
            .iter()
            .enumerate()
            .any(|(i, (p, _))| declarations.iter().take(i).any(|(q, _)| q == p));
        let default_clash = ns.is_none()
            && declarations
                .iter()
                .any(|(p, u)| p.is_none() && !u.is_empty());
        if twice || default_clash {
            return Err(io::Error::new(
                io::ErrorKind::InvalidInput,
                "namespace declarations that do not fit the element",
            ));
        }
        self.close_tag();
        self.open.push(Open {
            qname: String::new(),
            bindings_mark: self.bindings.len(),
        });
        self.bindings
            .extend(declarations.iter().map(|(prefix, uri)| Binding {
                prefix: prefix.clone(),
                uri: uri.clone(),
            }));
        let (chosen, declare) = match ns {
            Some(uri) => self.plan_prefix(uri, prefix, false),
            None => (None, self.bound(None).is_some_and(|d| !d.is_empty())),
        };
        let qname = match &chosen {
            Some(p) => format!("{p}:{local}"),
            None => local.to_owned(),
        };
        self.buf.push('<');
        self.buf.push_str(&qname);
        self.tag_open = true;
        if declare {
            self.write_declaration(chosen.as_deref(), ns.unwrap_or(""));
        }
        for (prefix, uri) in declarations {
            self.push_declaration(prefix.as_deref(), uri);
        }
        if let Some(open) = self.open.last_mut() {
            open.qname = qname;
        }
        Ok(())
    }

    /// Adds an attribute to the element just started.
    pub fn attribute(
        &mut self,
        ns: Option<&str>,
        prefix: Option<&str>,
        local: &str,
        value: &str,
    ) -> io::Result<()> {
        if !self.tag_open {
            return Err(io::Error::other("attribute written outside a start tag"));
        }
        let chosen = match ns {
            Some(uri) => {
                let (p, declare) = self.plan_prefix(uri, prefix, true);
                if declare {
                    self.write_declaration(p.as_deref(), uri);
                }
                p
            }
            None => None,
        };
        self.buf.push(' ');
        if let Some(p) = chosen {
            self.buf.push_str(&p);
            self.buf.push(':');
        }
        self.buf.push_str(local);
        self.buf.push_str("=\"");
        escape_attribute(value, &mut self.buf);
        self.buf.push('"');
        Ok(())
    }

    /// Writes escaped character data.
    pub fn text(&mut self, text: &str) -> io::Result<()> {
        self.close_tag();
        escape_text(text, &mut self.buf);
        self.maybe_flush()
    }

    /// Writes character data as CDATA sections (split where the text contains `]]>`).
    pub fn cdata(&mut self, text: &str) -> io::Result<()> {
        self.close_tag();
        if text.contains('\r') {
            // CDATA cannot carry a carriage return through end-of-line normalisation.
            escape_text(text, &mut self.buf);
            return self.maybe_flush();
        }
        self.buf.push_str("<![CDATA[");
        self.buf.push_str(&text.replace("]]>", "]]]]><![CDATA[>"));
        self.buf.push_str("]]>");
        self.maybe_flush()
    }

    /// Writes a comment (`--` is not allowed inside and is replaced by `- -`).
    pub fn comment(&mut self, text: &str) -> io::Result<()> {
        self.close_tag();
        self.buf.push_str("<!--");
        self.buf.push_str(&text.replace("--", "- -"));
        self.buf.push_str("-->");
        self.maybe_flush()
    }

    /// Writes a processing instruction (`content` is target and data as read).
    pub fn processing_instruction(&mut self, content: &str) -> io::Result<()> {
        self.close_tag();
        self.buf.push_str("<?");
        self.buf.push_str(content);
        self.buf.push_str("?>");
        self.maybe_flush()
    }

    /// Ends the innermost open element.
    pub fn end(&mut self) -> io::Result<()> {
        let open = self
            .open
            .pop()
            .ok_or_else(|| io::Error::other("end without an open element"))?;
        if self.tag_open {
            self.buf.push_str("/>");
            self.tag_open = false;
        } else {
            self.buf.push_str("</");
            self.buf.push_str(&open.qname);
            self.buf.push('>');
        }
        self.bindings.truncate(open.bindings_mark);
        self.maybe_flush()
    }

    /// `<name>text</name>` in one call.
    pub fn text_element(
        &mut self,
        ns: Option<&str>,
        prefix: Option<&str>,
        local: &str,
        text: &str,
    ) -> io::Result<()> {
        self.start(ns, prefix, local)?;
        if !text.is_empty() {
            self.text(text)?;
        }
        self.end()
    }

    /// Number of elements still open.
    pub fn depth(&self) -> usize {
        self.open.len()
    }

    /// Flushes everything written so far and returns the output. Fails if elements are
    /// still open.
    pub fn into_inner(mut self) -> io::Result<W> {
        if !self.open.is_empty() {
            return Err(io::Error::other("elements left open"));
        }
        self.out.write_all(self.buf.as_bytes())?;
        self.buf.clear();
        self.out.flush()?;
        Ok(self.out)
    }
}
