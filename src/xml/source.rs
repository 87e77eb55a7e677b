//! Event sources for [`XmlReader`](super::XmlReader): any `BufRead` here, a byte slice in
//! [`slice`](super::slice).
//!
//! The streaming source wraps a quick-xml [`Reader`] configured for bounded reading
//! (namespaces are resolved by [`XmlReader`](super::XmlReader) itself); the in-memory one
//! reads the same events itself. Both can turn a byte offset into a line and column for
//! error messages.

use std::collections::VecDeque;
use std::io::{self, BufRead, Read};

use quick_xml::Reader;
use quick_xml::events::Event;

/// How many recent line starts a streaming source remembers for error positions.
const LINE_MEMORY: usize = 4096;

fn configure<R>(reader: &mut Reader<R>) {
    let config = reader.config_mut();
    config.expand_empty_elements = true;
    config.check_end_names = true;
    config.trim_text(false);
}

pub(super) mod sealed {
    pub trait Sealed {}
}

/// Something [`XmlReader`](super::XmlReader) can pull events from (sealed).
pub trait EventSource: sealed::Sealed {
    /// Reads the next event.
    #[doc(hidden)]
    fn next_event(&mut self) -> Result<Event<'_>, quick_xml::Error>;
    /// Offset just after the last event read.
    #[doc(hidden)]
    fn offset(&self) -> u64;
    /// Offset of the last syntax error.
    #[doc(hidden)]
    fn error_offset(&self) -> u64;
    /// 1-based line and column of a byte offset (best effort for streams).
    #[doc(hidden)]
    fn line_column(&self, offset: u64) -> (u64, u64);
    /// Whether the size limit was hit while reading.
    #[doc(hidden)]
    fn size_exceeded(&self) -> bool;
    /// The content and name length of the last `Start` event's tag (valid until the next
    /// `Start`).
    #[doc(hidden)]
    fn last_start(&self) -> (&str, usize);
    /// Whether the whole input is in memory: then `Text` events come with line ends already
    /// normalised, [`last_text`](Self::last_text) holds the content of the last one (so the
    /// reader need not copy it) and [`name_at`](Self::name_at) can recover element names
    /// (so the reader need not keep its element path).
    #[doc(hidden)]
    const IN_MEMORY: bool;
    /// The content of the last `Text` event when [`IN_MEMORY`](Self::IN_MEMORY), else empty.
    #[doc(hidden)]
    fn last_text(&self) -> &str;
    /// The element name (as written) of the start tag at `offset`, when the source still has
    /// the input; `None` for streams.
    #[doc(hidden)]
    fn name_at(&self, offset: u64) -> Option<&str>;
    /// Right after the start tag of an element with content, when text comes next: reads it
    /// (it becomes [`last_text`](Self::last_text)) and, when the end tag follows, that too.
    /// Reads nothing otherwise, and always for streams.
    #[doc(hidden)]
    fn read_leaf(&mut self) -> Result<Leaf, quick_xml::Error> {
        Ok(Leaf::Nothing)
    }
    /// Streams: keep the bytes read from here on (dropping any kept before), so that
    /// [`input_between`](Self::input_between) can return them. In-memory sources have them
    /// anyway.
    #[doc(hidden)]
    fn keep_input(&mut self) {}
    /// Streams: stop keeping bytes and free those kept.
    #[doc(hidden)]
    fn release_input(&mut self) {}
    /// The input from offset `from` to `to`, when the source has it (in memory, or kept).
    #[doc(hidden)]
    fn input_between(&self, from: u64, to: u64) -> Option<&[u8]>;
}

/// What [`EventSource::read_leaf`] read.
#[doc(hidden)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Leaf {
    /// Nothing: no text comes next, or the source cannot tell.
    Nothing,
    /// A text not followed by the end tag.
    Text,
    /// A text and the end tag: the element is read.
    TextAndEnd,
}

/// A `BufRead` adapter that counts bytes, enforces a size limit and remembers where recent
/// lines start.
pub(crate) struct CountingReader<R> {
    inner: R,
    consumed: u64,
    max: u64,
    exceeded: bool,
    lines: u64,
    line_starts: VecDeque<u64>,
    /// The bytes consumed since [`EventSource::keep_input`], while keeping.
    kept: Option<Vec<u8>>,
}

impl<R: BufRead> CountingReader<R> {
    fn new(inner: R, max: u64) -> Self {
        Self {
            inner,
            consumed: 0,
            max,
            exceeded: false,
            lines: 1,
            line_starts: VecDeque::new(),
            kept: None,
        }
    }
}

impl<R: BufRead> Read for CountingReader<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let available = self.fill_buf()?;
        let n = available.len().min(buf.len());
        if let (Some(dst), Some(src)) = (buf.get_mut(..n), available.get(..n)) {
            dst.copy_from_slice(src);
        }
        self.consume(n);
        Ok(n)
    }
}

impl<R: BufRead> BufRead for CountingReader<R> {
    fn fill_buf(&mut self) -> io::Result<&[u8]> {
        if self.consumed >= self.max {
            let more = !self.inner.fill_buf()?.is_empty();
            if more {
                self.exceeded = true;
                return Err(io::Error::other("document too large"));
            }
        }
        self.inner.fill_buf()
    }

    fn consume(&mut self, amt: usize) {
        if let Ok(buf) = self.inner.fill_buf() {
            let start = self.consumed;
            for (i, _) in buf
                .iter()
                .take(amt)
                .enumerate()
                .filter(|&(_, &b)| b == b'\n')
            {
                self.lines += 1;
                if self.line_starts.len() == LINE_MEMORY {
                    self.line_starts.pop_front();
                }
                self.line_starts.push_back(start + i as u64 + 1);
            }
            if let (Some(kept), Some(bytes)) = (self.kept.as_mut(), buf.get(..amt)) {
                kept.extend_from_slice(bytes);
            }
        }
        self.consumed += amt as u64;
        self.inner.consume(amt);
    }
}

/// Events read through an internal buffer from any `BufRead`.
pub struct ReaderSource<R> {
    reader: Reader<CountingReader<R>>,
    buf: Vec<u8>,
    start: String,
    start_name_len: usize,
    /// The offset (as [`EventSource::offset`] counts) of the first kept byte.
    kept_from: u64,
}

impl<R: BufRead> ReaderSource<R> {
    pub(crate) fn new(inner: R, max_bytes: u64) -> Self {
        let mut reader = Reader::from_reader(CountingReader::new(inner, max_bytes));
        configure(&mut reader);
        Self {
            reader,
            buf: Vec::new(),
            start: String::new(),
            start_name_len: 0,
            kept_from: 0,
        }
    }
}

impl<R> sealed::Sealed for ReaderSource<R> {}

impl<R: BufRead> EventSource for ReaderSource<R> {
    const IN_MEMORY: bool = false;

    fn next_event(&mut self) -> Result<Event<'_>, quick_xml::Error> {
        self.buf.clear();
        let event = self.reader.read_event_into(&mut self.buf)?;
        if let Event::Start(start) = &event {
            self.start.clear();
            self.start.push_str(start);
            self.start_name_len = start.name().into_inner().len();
        }
        Ok(event)
    }

    fn last_start(&self) -> (&str, usize) {
        (&self.start, self.start_name_len)
    }

    fn last_text(&self) -> &str {
        ""
    }

    fn name_at(&self, _offset: u64) -> Option<&str> {
        None
    }

    fn offset(&self) -> u64 {
        self.reader.buffer_position()
    }

    fn error_offset(&self) -> u64 {
        self.reader.error_position()
    }

    fn line_column(&self, offset: u64) -> (u64, u64) {
        let counter = self.reader.get_ref();
        let later = counter
            .line_starts
            .iter()
            .rev()
            .take_while(|&&start| start > offset)
            .count() as u64;
        let line = counter.lines.saturating_sub(later).max(1);
        let line_start = counter
            .line_starts
            .iter()
            .rev()
            .find(|&&start| start <= offset)
            .copied()
            .unwrap_or(0);
        (line, offset.saturating_sub(line_start) + 1)
    }

    fn size_exceeded(&self) -> bool {
        self.reader.get_ref().exceeded
    }

    fn keep_input(&mut self) {
        // Between events quick-xml has consumed exactly what it reported (its position
        // and the bytes consumed differ only by a byte order mark it skipped), so the
        // kept bytes start at this offset.
        self.kept_from = self.reader.buffer_position();
        let counter = self.reader.get_mut();
        match counter.kept.as_mut() {
            Some(kept) => kept.clear(),
            None => counter.kept = Some(Vec::new()),
        }
    }

    fn release_input(&mut self) {
        self.reader.get_mut().kept = None;
    }

    fn input_between(&self, from: u64, to: u64) -> Option<&[u8]> {
        let kept = self.reader.get_ref().kept.as_deref()?;
        let start = usize::try_from(from.checked_sub(self.kept_from)?).ok()?;
        let end = usize::try_from(to.checked_sub(self.kept_from)?).ok()?;
        kept.get(start..end)
    }
}
