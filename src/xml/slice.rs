//! The in-memory event source: a tokenizer over a byte slice that is validated as UTF-8
//! once, up front, and then cut at ASCII delimiters only.
//!
//! It produces the same events and errors as quick-xml's `Reader` configured as
//! [`ReaderSource`](super::source::ReaderSource) is (empty elements expanded, end names checked,
//! text untrimmed), which the streaming path keeps using and the tests compare against.
//! What it saves: quick-xml's per-event UTF-8 validation, a copy of every element name
//! into its open-element buffer, and a general state machine for every event. The input
//! is already in memory, so the common cases can be read directly: a tag without quotes
//! up to its `>`, an end tag that repeats the open element's name.
//!
//! Deliberate differences, all on input that is an error either way:
//! * a DOCTYPE is reported as soon as `<!DOCTYPE` is seen; the reader refuses it without
//!   parsing it;
//! * an invalid UTF-8 byte is reported at its own offset (quick-xml reports it at the last
//!   error position it knew);
//! * offsets after a byte order mark count the mark (quick-xml's slice reader does not).

use std::borrow::Cow;
use std::str::Utf8Error;

use quick_xml::encoding::EncodingError;
use quick_xml::errors::{Error, IllFormedError, SyntaxError};
use quick_xml::events::{
    BytesCData, BytesDecl, BytesEnd, BytesPI, BytesRef, BytesStart, BytesText, Event,
};

use quick_xml::utils::{is_whitespace, name_len};

use super::source::{EventSource, Leaf, sealed};
use crate::bytes::find_any;

const BOM: &[u8] = b"\xEF\xBB\xBF";

/// Where the tokenizer stands between events.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum State {
    /// In content: the next event is read from the input.
    Content,
    /// Right after a start tag written `<a/>`: its end tag is made up next.
    Empty,
    /// After the end of input or an error that ends reading.
    Done,
}

/// Events borrowed straight from an in-memory document: start tags and text are never
/// copied.
pub struct SliceSource<'i> {
    /// The whole input.
    bytes: &'i [u8],
    /// Its valid UTF-8 prefix: all of it, unless `utf8` holds the error.
    input: &'i str,
    utf8: Option<Utf8Error>,
    /// Offset just after the last event.
    pos: usize,
    /// Offset of the last error.
    error_pos: usize,
    state: State,
    /// The names of the open elements, for end-tag checks, and whether the name is free
    /// of quotes (then its end tag can be matched directly).
    open: Vec<(&'i str, bool)>,
    /// The last start tag's content (name and attributes) and name length.
    start: &'i str,
    start_name_len: usize,
    /// Offset just after the last start tag (its end tag comes first when it was written
    /// `<a/>`: see `state`).
    after_start: usize,
    /// The last text as written (the common case)...
    text: &'i str,
    /// ...or its copy with line ends normalised, when it needed that.
    normalised: Option<String>,
    /// Offset of the next `\r` in the input not yet passed (`usize::MAX`: none). Only a
    /// text that reaches it can need line-end normalisation, so the others are not scanned
    /// one by one; the input is searched once, ahead, in large steps.
    next_cr: usize,
}

impl<'i> SliceSource<'i> {
    pub(crate) fn new(bytes: &'i [u8]) -> Self {
        let (input, utf8) = match std::str::from_utf8(bytes) {
            Ok(input) => (input, None),
            Err(e) => {
                let valid = bytes.get(..e.valid_up_to()).unwrap_or_default();
                (std::str::from_utf8(valid).unwrap_or_default(), Some(e))
            }
        };
        let pos = if bytes.starts_with(BOM) { BOM.len() } else { 0 };
        Self {
            bytes,
            input,
            utf8,
            pos,
            error_pos: 0,
            state: State::Content,
            open: Vec::with_capacity(16),
            start: "",
            start_name_len: 0,
            after_start: usize::MAX,
            text: "",
            normalised: None,
            next_cr: find_cr(bytes, 0),
        }
    }

    /// The input between two offsets that lie on ASCII delimiters; an encoding error when
    /// the span reaches an invalid byte.
    #[inline(always)]
    fn str(&mut self, from: usize, to: usize) -> Result<&'i str, Error> {
        match self.input.get(from..to) {
            Some(s) => Ok(s),
            None => Err(self.encoding_error()),
        }
    }

    #[cold]
    fn encoding_error(&mut self) -> Error {
        self.state = State::Done;
        match self.utf8 {
            Some(e) => {
                self.error_pos = e.valid_up_to();
                Error::Encoding(EncodingError::Utf8(e))
            }
            // not reached: spans end on delimiters inside the valid input
            None => {
                self.error_pos = self.pos;
                Error::Syntax(SyntaxError::UnclosedTag)
            }
        }
    }

    /// A syntax error in the markup starting at `at`; reading ends.
    #[cold]
    fn syntax(&mut self, at: usize, e: SyntaxError) -> Error {
        self.state = State::Done;
        self.error_pos = at;
        Error::Syntax(e)
    }

    /// An ill-formed construct starting at `at`.
    #[cold]
    fn ill_formed(&mut self, at: usize, e: IllFormedError) -> Error {
        self.error_pos = at;
        Error::IllFormed(e)
    }

    /// Keeps a text just read, with line ends normalised (see [`EventSource::last_text`]),
    /// and returns it. `end` is where it ends.
    #[inline(always)]
    fn keep_text(&mut self, text: &'i str, end: usize) -> &str {
        let content = if end <= self.next_cr {
            Cow::Borrowed(text)
        } else {
            // The `\r` is in this text, or was in markup before it.
            self.next_cr = find_cr(self.bytes, end);
            BytesText::from_escaped(text).xml10_content()
        };
        match content {
            Cow::Borrowed(text) => {
                self.text = text;
                self.normalised = None;
                text
            }
            Cow::Owned(text) => self.normalised.insert(text).as_str(),
        }
    }

    /// Reads the text from the current offset to the next markup or reference.
    #[inline(always)]
    fn read_text(&mut self) -> Result<&str, Error> {
        let from = self.pos;
        let end = find_any(self.bytes, from, [b'<', b'&']).unwrap_or(self.bytes.len());
        let text = self.str(from, end)?;
        self.pos = end;
        Ok(self.keep_text(text, end))
    }

    /// Whether an end tag comes next in the input.
    #[inline]
    fn at_end_tag(&self) -> bool {
        self.state == State::Content
            && self
                .bytes
                .get(self.pos..)
                .is_some_and(|rest| rest.starts_with(b"</"))
    }

    /// Reads the markup at `<`.
    fn read_markup(&mut self) -> Result<Event<'i>, Error> {
        let at = self.pos;
        match self.bytes.get(at + 1) {
            None => Err(self.syntax(at, SyntaxError::UnclosedTag)),
            Some(b'/') => Ok(Event::End(BytesEnd::new(self.read_end_tag()?))),
            Some(b'!') => self.read_bang(),
            Some(b'?') => self.read_question_mark(),
            Some(_) => self.read_start_tag(),
        }
    }

    /// Reads a start tag at `<`.
    #[inline(always)]
    fn read_start_tag(&mut self) -> Result<Event<'i>, Error> {
        let at = self.pos;
        let (gt, quoted) = match find_tag_end(self.bytes, at + 1) {
            Ok(found) => found,
            Err(e) => return Err(self.syntax(at, e)),
        };
        // `<a/>`: the `/` cannot be the byte after `<`, which would make an end tag
        let empty = self.bytes.get(gt.wrapping_sub(1)) == Some(&b'/');
        let content = self.str(at + 1, if empty { gt - 1 } else { gt })?;
        let name_len = name_len(content.as_bytes());
        let plain = !quoted
            || !content
                .as_bytes()
                .get(..name_len)
                .unwrap_or_default()
                .iter()
                .any(|&b| b == b'"' || b == b'\'');
        self.open
            .push((content.get(..name_len).unwrap_or_default(), plain));
        self.start = content;
        self.start_name_len = name_len;
        self.pos = gt + 1;
        self.after_start = self.pos;
        if empty {
            self.state = State::Empty;
        }
        Ok(Event::Start(BytesStart::from_content(content, name_len)))
    }

    /// Reads an end tag at `</`, checks it closes the open element and returns its name.
    #[inline(always)]
    fn read_end_tag(&mut self) -> Result<&'i str, Error> {
        let at = self.pos;
        let name_at = at + 2;
        // the common case: the open element's name, then `>`
        if let Some(&(name, true)) = self.open.last() {
            let end = name_at + name.len();
            if self.bytes.get(end) == Some(&b'>')
                && self.bytes.get(name_at..end) == Some(name.as_bytes())
            {
                self.open.pop();
                self.pos = end + 1;
                return Ok(name);
            }
        }
        let gt = match find_tag_end(self.bytes, at + 1) {
            Ok((gt, _)) => gt,
            Err(e) => return Err(self.syntax(at, e)),
        };
        let content = self.bytes.get(name_at..gt).unwrap_or_default();
        // whitespace after the name is allowed
        let end = match content.iter().rposition(|&b| !is_whitespace(b)) {
            Some(last) => name_at + last + 1,
            None => gt,
        };
        self.pos = gt + 1;
        let found = self.str(name_at, end)?;
        match self.open.pop() {
            Some((expected, _)) => {
                if expected != found {
                    let e = IllFormedError::MismatchedEndTag {
                        expected: expected.to_owned(),
                        found: found.to_owned(),
                    };
                    return Err(self.ill_formed(at, e));
                }
                Ok(found)
            }
            None => Err(self.ill_formed(at, IllFormedError::UnmatchedEndTag(found.to_owned()))),
        }
    }

    /// Reads `<!…>`: a comment, a CDATA section or a DOCTYPE.
    fn read_bang(&mut self) -> Result<Event<'i>, Error> {
        let at = self.pos;
        let rest = self.bytes.get(at..).unwrap_or_default();
        match rest.get(2) {
            // `<!-->` and `<!--->` do not close themselves: the end is looked for after `<!--`
            Some(b'-') => {
                let text = self.read_section(b"<!--", b"-->", SyntaxError::UnclosedComment)?;
                Ok(Event::Comment(BytesText::from_escaped(text)))
            }
            Some(b'[') => {
                let text = self.read_section(b"<![CDATA[", b"]]>", SyntaxError::UnclosedCData)?;
                Ok(Event::CData(BytesCData::new(text)))
            }
            Some(b'D' | b'd') => {
                let doctype = rest
                    .get(..9)
                    .is_some_and(|s| s.eq_ignore_ascii_case(b"<!DOCTYPE"));
                if !doctype {
                    return Err(self.syntax(at, SyntaxError::UnclosedDoctype));
                }
                // refused by the reader as it stands, so not parsed
                self.state = State::Done;
                Ok(Event::DocType(BytesText::from_escaped("")))
            }
            _ => Err(self.syntax(at, SyntaxError::InvalidBangMarkup)),
        }
    }

    /// Reads a comment or CDATA section at `<!`: `open`, then the content up to the first
    /// `close`, which is returned; `unclosed` when the input does not start with `open` or
    /// `close` never comes.
    fn read_section(
        &mut self,
        open: &[u8],
        close: &[u8],
        unclosed: SyntaxError,
    ) -> Result<&'i str, Error> {
        let at = self.pos;
        let rest = self.bytes.get(at..).unwrap_or_default();
        let end = rest
            .starts_with(open)
            .then(|| find_from(rest, open.len(), close))
            .flatten();
        let Some(end) = end else {
            return Err(self.syntax(at, unclosed));
        };
        let text = self.str(at + open.len(), at + end)?;
        self.pos = at + end + close.len();
        Ok(text)
    }

    /// Reads `<?…?>`: the XML declaration or a processing instruction.
    fn read_question_mark(&mut self) -> Result<Event<'i>, Error> {
        let at = self.pos;
        let rest = self.bytes.get(at..).unwrap_or_default();
        let mut from = 2;
        let gt = loop {
            match rest.get(from..).and_then(|r| memchr::memchr(b'>', r)) {
                Some(i) if rest.get(from + i - 1) == Some(&b'?') => break Some(from + i),
                Some(i) => from += i + 1,
                None => break None,
            }
        };
        match gt {
            // `<?>` is not closed: its `?` opens it
            Some(gt) if gt > 2 => {
                let content = self.str(at + 2, at + gt - 1)?;
                self.pos = at + gt + 1;
                let bytes = content.as_bytes();
                if bytes.starts_with(b"xml") && bytes.get(3).is_none_or(|&b| is_whitespace(b)) {
                    let start = BytesStart::from_content(content, 3);
                    Ok(Event::Decl(BytesDecl::from_start(start)))
                } else {
                    Ok(Event::PI(BytesPI::new(content)))
                }
            }
            _ => {
                let decl = rest.starts_with(b"<?xml")
                    && rest.get(5).is_none_or(|&b| is_whitespace(b) || b == b'?');
                let e = if decl {
                    SyntaxError::UnclosedXmlDecl
                } else {
                    SyntaxError::UnclosedPI
                };
                Err(self.syntax(at, e))
            }
        }
    }

    /// Reads a reference at `&`.
    fn read_reference(&mut self) -> Result<Event<'i>, Error> {
        let at = self.pos;
        let rest = self.bytes.get(at + 1..).unwrap_or_default();
        let (end, closed) = match memchr::memchr3(b';', b'&', b'<', rest) {
            Some(i) => (at + 1 + i, rest.get(i) == Some(&b';')),
            None => (self.bytes.len(), false),
        };
        if closed {
            let name = self.str(at + 1, end)?;
            self.pos = end + 1;
            return Ok(Event::GeneralRef(BytesRef::new(name)));
        }
        // what was read must be text before it can be an unclosed reference
        self.str(at, end)?;
        Err(self.ill_formed(at, IllFormedError::UnclosedReference))
    }

    #[cold]
    fn end_of_input(&mut self) -> Result<Event<'i>, Error> {
        self.state = State::Done;
        Ok(Event::Eof)
    }
}

impl sealed::Sealed for SliceSource<'_> {}

impl EventSource for SliceSource<'_> {
    const IN_MEMORY: bool = true;

    #[inline]
    fn next_event(&mut self) -> Result<Event<'_>, Error> {
        match self.state {
            State::Content => {}
            State::Empty => {
                self.state = State::Content;
                let (name, _) = self.open.pop().unwrap_or_default();
                return Ok(Event::End(BytesEnd::new(name)));
            }
            State::Done => return Ok(Event::Eof),
        }
        match self.bytes.get(self.pos) {
            Some(b'<') => self.read_markup(),
            Some(b'&') => self.read_reference(),
            Some(_) => {
                let text = self.read_text()?;
                Ok(Event::Text(BytesText::from_escaped(text)))
            }
            None => self.end_of_input(),
        }
    }

    #[inline]
    fn last_start(&self) -> (&str, usize) {
        (self.start, self.start_name_len)
    }

    #[inline]
    fn last_text(&self) -> &str {
        self.normalised.as_deref().unwrap_or(self.text)
    }

    fn name_at(&self, offset: u64) -> Option<&str> {
        let tag = self.bytes.get(usize::try_from(offset).ok()?..)?;
        let tag = tag.strip_prefix(b"<")?;
        let end = tag
            .iter()
            .position(|&b| is_whitespace(b) || b == b'/' || b == b'>')
            .unwrap_or(tag.len());
        std::str::from_utf8(tag.get(..end)?).ok()
    }

    fn read_leaf(&mut self) -> Result<Leaf, Error> {
        // Only right after a start tag with content, when neither markup nor a reference
        // comes next...
        if self.pos != self.after_start || self.state != State::Content {
            return Ok(Leaf::Nothing);
        }
        if matches!(self.bytes.get(self.pos), None | Some(b'<' | b'&')) {
            return Ok(Leaf::Nothing);
        }
        self.read_text()?;
        // ...and the end tag too when it follows.
        if !self.at_end_tag() {
            return Ok(Leaf::Text);
        }
        self.read_end_tag()?;
        Ok(Leaf::TextAndEnd)
    }

    #[inline]
    fn offset(&self) -> u64 {
        self.pos as u64
    }

    fn input_between(&self, from: u64, to: u64) -> Option<&[u8]> {
        let from = usize::try_from(from).ok()?;
        let to = usize::try_from(to).ok()?;
        self.bytes.get(from..to)
    }

    fn error_offset(&self) -> u64 {
        self.error_pos as u64
    }

    fn line_column(&self, offset: u64) -> (u64, u64) {
        let end = usize::try_from(offset)
            .unwrap_or(usize::MAX)
            .min(self.bytes.len());
        let before = self.bytes.get(..end).unwrap_or_default();
        let line = before.iter().filter(|&&b| b == b'\n').count() as u64 + 1;
        let line_start = before
            .iter()
            .rposition(|&b| b == b'\n')
            .map_or(0, |i| i + 1);
        (line, (end - line_start) as u64 + 1)
    }

    fn size_exceeded(&self) -> bool {
        false
    }
}

/// Offset of the first `\r` at or after `from` (`usize::MAX`: none).
fn find_cr(input: &[u8], from: usize) -> usize {
    input
        .get(from..)
        .and_then(|rest| memchr::memchr(b'\r', rest))
        .map_or(usize::MAX, |at| from + at)
}

/// Offset of `needle` in `haystack` at or after `from`.
fn find_from(haystack: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    let first = *needle.first()?;
    let mut at = from;
    loop {
        let i = memchr::memchr(first, haystack.get(at..)?)?;
        if haystack.get(at + i..)?.starts_with(needle) {
            return Some(at + i);
        }
        at += i + 1;
    }
}

/// Offset of the `>` closing the tag whose content starts at `from`, skipping quoted
/// attribute values, and whether there were any; the error says what was left open.
#[inline(always)]
fn find_tag_end(bytes: &[u8], from: usize) -> Result<(usize, bool), SyntaxError> {
    let mut at = from;
    let mut quoted = false;
    loop {
        let Some(i) = find_any(bytes, at, [b'>', b'"', b'\'']) else {
            return Err(SyntaxError::UnclosedTag);
        };
        match bytes.get(i) {
            Some(b'>') => return Ok((i, quoted)),
            Some(&quote) => {
                quoted = true;
                let rest = bytes.get(i + 1..).unwrap_or_default();
                match memchr::memchr(quote, rest) {
                    Some(j) => at = i + 1 + j + 1,
                    None if quote == b'"' => {
                        return Err(SyntaxError::UnclosedDoubleQuotedAttributeValue);
                    }
                    None => return Err(SyntaxError::UnclosedSingleQuotedAttributeValue),
                }
            }
            None => return Err(SyntaxError::UnclosedTag),
        }
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::indexing_slicing)]
mod tests {
    use super::*;
    use crate::xml::source::ReaderSource;
    use proptest::prelude::*;

    /// An event or error described, and the offset after it.
    type Read = (String, u64);

    /// What a source reads, event by event, with the offset after each: up to the end of
    /// input or the first error (its message and offset). Texts are taken with line ends
    /// normalised as a source that does not do that itself is read.
    fn events<S: EventSource>(src: &mut S) -> (Vec<Read>, Option<Read>) {
        let mut seen = Vec::new();
        for _ in 0..10_000 {
            let event = match src.next_event() {
                Ok(event) => event,
                Err(e) => {
                    let message = match e {
                        Error::Encoding(_) => "encoding".to_owned(),
                        e => e.to_string(),
                    };
                    return (seen, Some((message, src.error_offset())));
                }
            };
            let described = match event {
                Event::Start(s) => format!("start {:?} {}", &*s, s.name().into_inner().len()),
                Event::End(e) => format!("end {:?}", e.name().into_inner()),
                Event::Empty(s) => format!("empty {:?}", &*s),
                Event::Text(t) if S::IN_MEMORY => format!("text {:?}", t.into_inner()),
                Event::Text(t) => format!("text {:?}", t.xml10_content()),
                Event::CData(t) => format!("cdata {:?}", t.into_inner()),
                Event::Comment(t) => format!("comment {:?}", t.into_inner()),
                Event::PI(p) => format!("pi {:?} {:?}", p.target(), p.content()),
                Event::Decl(d) => format!("decl {:?}", &*d),
                Event::GeneralRef(r) => format!("ref {:?}", &*r),
                Event::DocType(_) => return (seen, Some(("doctype".to_owned(), 0))),
                Event::Eof => return (seen, None),
            };
            seen.push((described, src.offset()));
        }
        (seen, None)
    }

    /// Pieces of XML, whole and broken, that documents are put together from.
    const PIECES: &[&[u8]] = &[
        b"<a>",
        b"</a>",
        b"<b:c>",
        b"</b:c>",
        b"</b:c >",
        b"<b:c x='1>2'>",
        b"<a y=\"'\">",
        b"<e/>",
        b"<e z=\"/\"/>",
        b"<a\n>",
        b"</a\t>",
        b"<>",
        b"</>",
        b"<!--x-->",
        b"<!---->",
        b"<!-->",
        b"<![CDATA[y]]>",
        b"<![CDATA[]]>",
        b"<?pi x?>",
        b"<?xml version='1.0'?>",
        b"<?xml?>",
        b"<?>",
        b"&amp;",
        b"&#x41;",
        b"&bogus;",
        b"text",
        b" ",
        b"\r\n",
        b"\r",
        b"\n",
        b"<",
        b">",
        b"&",
        b";",
        b"'",
        b"\"",
        b"/",
        b"!",
        b"?",
        b"-",
        b"]",
        b"[",
        b"x",
        b"\xc3\xb6",
        b"\xf0\x9d\x84\x9e",
        b"\xc3",
        b"\xff",
        b"<!",
        b"<![",
        b"<!-",
        b"<?xml",
        b"<!DOCTYPE a>",
        b"<!Dx>",
        b"<!x>",
        b"<q\" r\">",
        b"</q\">",
    ];

    fn document() -> impl Strategy<Value = Vec<u8>> {
        proptest::collection::vec(proptest::sample::select(PIECES), 0..40).prop_map(|p| p.concat())
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(4096))]

        /// Whatever the bytes, the tokenizer reads what quick-xml reads, offsets and errors
        /// included, except where this module says it differs.
        #[test]
        fn reads_what_quick_xml_reads(doc in document()) {
            let (ours, our_end) = events(&mut SliceSource::new(&doc));
            let (theirs, their_end) = events(&mut ReaderSource::new(&doc[..], u64::MAX));
            match (&our_end, &their_end) {
                // refused as soon as it is seen, where quick-xml parses it first
                (Some((ours_e, _)), Some((theirs_e, _))) if ours_e == "doctype" => {
                    prop_assert!(theirs_e == "doctype" || theirs_e.contains("DOCTYPE"), "{theirs_e}");
                    prop_assert!(theirs.starts_with(&ours));
                }
                // invalid UTF-8: both fail at the same event, not always with the same
                // error (quick-xml looks for the end of a construct before validating it,
                // or not); ours is where the bad byte is
                (Some((ours_e, at)), Some((theirs_e, _)))
                    if ours_e == "encoding" || theirs_e == "encoding" =>
                {
                    prop_assert!(std::str::from_utf8(&doc).is_err());
                    prop_assert_eq!(&ours, &theirs);
                    if ours_e == "encoding" {
                        let at = *at as usize;
                        prop_assert!(std::str::from_utf8(&doc[..at]).is_ok());
                        prop_assert!(std::str::from_utf8(&doc[at..]).is_err());
                    }
                }
                _ => {
                    prop_assert_eq!(&ours, &theirs);
                    prop_assert_eq!(&our_end, &their_end);
                }
            }
        }
    }

    #[test]
    fn a_byte_order_mark_is_skipped_and_counted() {
        let doc = b"\xEF\xBB\xBF<a>x</a>";
        let (seen, end) = events(&mut SliceSource::new(doc));
        assert_eq!(end, None);
        assert_eq!(seen[0], ("start \"a\" 1".to_owned(), 6));
        assert_eq!(seen.len(), 3);
    }
}
