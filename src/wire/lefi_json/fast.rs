//! The generated reader: a document read straight into the model, or nothing.
//!
//! serde_json with the derived `Deserialize` impls is the decoder of record: it defines
//! what is accepted, what each value becomes, which quirks are noted and every error
//! message. This reader is only a shortcut for the common case, and it never decides
//! anything on its own. Where it meets anything but the plain form (a repeated property,
//! a key with an escape, a lone surrogate, a number written with an exponent where an
//! integer is expected, a value of the wrong kind, malformed JSON, an unknown property
//! inside a value handed to serde_json when paths are wanted) it gives up with [`Bail`]
//! and the decoder runs the serde path on the same bytes from the start. So the rule it
//! must keep is narrow: **whatever it accepts, serde accepts too, with the same value,
//! the same quirks noted and the same unknown properties found** (a differential property
//! test holds it to that).
//!
//! Why it is faster: serde's derive keeps each field as `Option<Option<T>>` while the
//! map is read, moves the finished struct through `Result`s and `Option`s on its way
//! into its `Vec`, and reads every key through the escape-aware string parser. Here keys
//! are cut at the next quote, fields are set in place, and values go to the same parse
//! functions the serde impls call (scalars through serde's own value deserializers,
//! handed over as serde_json hands them, so each type's `Deserialize` impl still decides
//! what a string or an integer becomes).
//!
//! Where the shortcut would mean copying a decision, it does not: values read by a `with`
//! module (lists of numbers), [`Ersattning`](crate::model::lefi::Ersattning) and skipped
//! unknown properties are cut out whole and given to serde_json (the first two under the
//! decoder's [`Guard`], as in the serde path). Nesting is counted as the reader goes (and
//! in the text of values handed over), against the same limit. The keys of skipped
//! properties are kept by offset (when their paths are wanted), and the paths found
//! afterwards by one scan (`json::key_paths`). The per-type impls are generated with the
//! model (`fast_generated.rs`, by `tools/gen_lefi_v9.py`), from the same contract and the
//! same tables, so a change of the contract is one run of the generator.

use core::any::Any;

use serde::Deserialize as _;
use serde::de::value::{BorrowedStrDeserializer, Error as ValueError, StrDeserializer};
use serde::de::{DeserializeOwned, IntoDeserializer};

use super::guard::{Guard, Track};
use super::{DocumentKind, LefiDocument};
use crate::bytes::{find_json_string_close, find_json_string_end};
use crate::model::lefi as m;
use crate::wire::json;

/// The reader gave up: the serde path decides.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Bail;

/// How deep a value handed whole to serde_json may nest. The model's own depth plus this
/// stays far below serde_json's recursion limit (128), so nothing accepted here could
/// have hit that limit in the serde path.
const MAX_HANDED_DEPTH: usize = 32;

/// The decoder's limits, as the reader applies them.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Limits {
    /// Levels of nesting allowed.
    pub(crate) levels: usize,
    /// Unknown properties allowed (`None`: any number); past it, [`Bail`].
    pub(crate) max_unknown: Option<usize>,
    /// Whether the offsets of unknown properties' keys are wanted (for their paths).
    pub(crate) track_unknown: bool,
}

/// A position in a document that has been checked as UTF-8.
pub(crate) struct Cursor<'a> {
    text: &'a str,
    at: usize,
    /// Levels of arrays and objects open.
    depth: usize,
    /// Where the last key's opening quote is.
    key_at: usize,
    limits: Limits,
    /// Unknown properties skipped.
    unknown_count: usize,
    /// The offsets of the skipped unknown properties' keys, when tracked.
    unknown_keys: Vec<usize>,
}

/// A document read by the generated reader, with where its unknown properties are.
pub(crate) struct ReadDocument<T> {
    /// The document.
    pub(crate) value: T,
    /// Where the keys of unknown properties start (only when tracked), in document order.
    pub(crate) unknown_keys: Vec<usize>,
}

/// Reads one of the four documents (see [`read`]), or gives up. The caller checks that the
/// limit allows the model's own depth ([`LefiDocument::SCHEMA_DEPTH`]): the reader counts
/// levels only to limit what it hands over.
pub(crate) fn read_document<T: LefiDocument>(
    text: &str,
    limits: Limits,
) -> Result<ReadDocument<T>, Bail> {
    /// The value as `T`, which it is: `T::KIND` names `U`.
    fn cast<T: 'static, U: 'static>(value: U) -> Result<T, Bail> {
        let mut slot = Some(value);
        (&mut slot as &mut dyn Any)
            .downcast_mut::<Option<T>>()
            .and_then(Option::take)
            .ok_or(Bail)
    }
    let mut c = Cursor {
        text,
        at: 0,
        depth: 0,
        key_at: 0,
        limits,
        unknown_count: 0,
        unknown_keys: Vec::new(),
    };
    let value = match T::KIND {
        DocumentKind::Request => cast(read::<m::LefiExternFormansinformationFraga>(&mut c)?),
        DocumentKind::Response => cast(read::<m::LefiExternFormansinformationSvar>(&mut c)?),
        DocumentKind::Available => {
            cast(read::<m::LefiExternTillgangligaInformationstyper>(&mut c)?)
        }
        DocumentKind::Error => cast(read::<m::LefiFelsvar>(&mut c)?),
    }?;
    Ok(ReadDocument {
        value,
        unknown_keys: c.unknown_keys,
    })
}

/// Reads a whole document: the value and nothing after it but whitespace.
fn read<T: Fast>(c: &mut Cursor<'_>) -> Result<T, Bail> {
    let value = T::read(c)?;
    c.ws();
    if c.at == c.text.len() {
        Ok(value)
    } else {
        Err(Bail)
    }
}

/// A type the generated reader can read.
pub(crate) trait Fast: Sized {
    /// Reads one value at the cursor (after optional whitespace).
    fn read(c: &mut Cursor<'_>) -> Result<Self, Bail>;
}

impl<'a> Cursor<'a> {
    fn bytes(&self) -> &'a [u8] {
        self.text.as_bytes()
    }

    fn peek(&self) -> Option<u8> {
        self.bytes().get(self.at).copied()
    }

    /// Skips JSON whitespace.
    #[inline]
    fn ws(&mut self) {
        while let Some(b' ' | b'\n' | b'\r' | b'\t') = self.peek() {
            self.at += 1;
        }
    }

    /// Whitespace, then `byte`.
    #[inline]
    fn eat(&mut self, byte: u8) -> Result<(), Bail> {
        self.ws();
        if self.peek() == Some(byte) {
            self.at += 1;
            Ok(())
        } else {
            Err(Bail)
        }
    }

    /// Whitespace, then `null` if it is there.
    #[inline]
    fn null(&mut self) -> bool {
        self.ws();
        let found = self
            .bytes()
            .get(self.at..)
            .is_some_and(|rest| rest.starts_with(b"null"));
        if found {
            self.at += 4;
        }
        found
    }

    /// A string without escapes or control characters, quotes excluded (keys).
    #[inline]
    fn string(&mut self) -> Result<&'a str, Bail> {
        match self.string_value()? {
            Str::Borrowed(text) => Ok(text),
            Str::Unescaped(_) => Err(Bail),
        }
    }

    /// A string value: borrowed when it has no escapes, else unescaped as serde_json
    /// unescapes (a lone surrogate, an unknown escape or a control character is [`Bail`]).
    #[inline]
    fn string_value(&mut self) -> Result<Str<'a>, Bail> {
        self.eat(b'"')?;
        let start = self.at;
        let end = find_json_string_end(self.bytes(), start).ok_or(Bail)?;
        match self.bytes().get(end) {
            Some(b'"') => {
                self.at = end + 1;
                // cut at ASCII quotes of a checked text, so always on a character boundary
                self.text.get(start..end).map(Str::Borrowed).ok_or(Bail)
            }
            Some(b'\\') => self.unescape(start, end).map(Str::Unescaped),
            _ => Err(Bail),
        }
    }

    /// The rest of a string from `start`, with its first escape at `at`.
    #[cold]
    fn unescape(&mut self, start: usize, mut at: usize) -> Result<String, Bail> {
        let mut out = String::from(self.text.get(start..at).ok_or(Bail)?);
        loop {
            // `at` is at a backslash
            let escape = *self.bytes().get(at + 1).ok_or(Bail)?;
            at += 2;
            let ch = match escape {
                b'"' => '"',
                b'\\' => '\\',
                b'/' => '/',
                b'b' => '\u{8}',
                b'f' => '\u{c}',
                b'n' => '\n',
                b'r' => '\r',
                b't' => '\t',
                b'u' => {
                    let unit = self.hex4(at)?;
                    at += 4;
                    let code = if (0xD800..0xDC00).contains(&unit) {
                        // a leading surrogate needs its trailing one, escaped right after
                        if self.bytes().get(at..at + 2) != Some(b"\\u") {
                            return Err(Bail);
                        }
                        let trail = self.hex4(at + 2)?;
                        if !(0xDC00..0xE000).contains(&trail) {
                            return Err(Bail);
                        }
                        at += 6;
                        0x10000 + ((unit - 0xD800) << 10) + (trail - 0xDC00)
                    } else {
                        unit
                    };
                    // a lone trailing surrogate is no char
                    char::from_u32(code).ok_or(Bail)?
                }
                _ => return Err(Bail),
            };
            out.push(ch);
            let next = find_json_string_end(self.bytes(), at).ok_or(Bail)?;
            out.push_str(self.text.get(at..next).ok_or(Bail)?);
            at = next;
            match self.bytes().get(next) {
                Some(b'"') => {
                    self.at = next + 1;
                    return Ok(out);
                }
                Some(b'\\') => {}
                _ => return Err(Bail),
            }
        }
    }

    /// Four hex digits at `at`.
    fn hex4(&self, at: usize) -> Result<u32, Bail> {
        let digits = self.bytes().get(at..at + 4).ok_or(Bail)?;
        digits.iter().try_fold(0u32, |acc, &b| {
            let digit = char::from(b).to_digit(16).ok_or(Bail)?;
            Ok(acc << 4 | digit)
        })
    }

    /// Starts an object: `{`.
    #[inline]
    pub(crate) fn open_object(&mut self) -> Result<(), Bail> {
        self.eat(b'{')?;
        self.depth += 1;
        Ok(())
    }

    /// The next key of an object and its colon, or `None` at the closing brace.
    #[inline]
    pub(crate) fn next_key(&mut self, first: &mut bool) -> Result<Option<&'a str>, Bail> {
        self.ws();
        match self.peek() {
            Some(b'}') => {
                self.at += 1;
                self.depth -= 1;
                return Ok(None);
            }
            Some(b',') if !*first => {
                self.at += 1;
                self.ws();
            }
            _ if *first => {}
            _ => return Err(Bail),
        }
        *first = false;
        self.key_at = self.at;
        let key = self.string()?;
        self.eat(b':')?;
        Ok(Some(key))
    }

    /// Starts an array: `[`.
    #[inline]
    fn open_array(&mut self) -> Result<(), Bail> {
        self.eat(b'[')?;
        self.depth += 1;
        Ok(())
    }

    /// Whether another element follows (its comma read), or the array ended.
    #[inline]
    fn next_element(&mut self, first: &mut bool) -> Result<bool, Bail> {
        self.ws();
        match self.peek() {
            Some(b']') => {
                self.at += 1;
                self.depth -= 1;
                return Ok(false);
            }
            Some(b',') if !*first => self.at += 1,
            _ if *first => {}
            _ => return Err(Bail),
        }
        *first = false;
        Ok(true)
    }

    /// An integer as serde_json reads one: a number without fraction or exponent, as
    /// [`Integer::Unsigned`] when positive and as [`Integer::Signed`] when negative. What
    /// serde_json would read as a float (a fraction, an exponent, `-0`, overflow) is left
    /// to it.
    fn integer(&mut self) -> Result<Integer, Bail> {
        let text = self.number_text()?;
        let (negative, digits) = match text.strip_prefix('-') {
            Some(digits) => (true, digits),
            None => (false, text),
        };
        // only digits are left unless there is a fraction or exponent
        let value: u64 = digits.parse().map_err(|_| Bail)?;
        if !negative {
            return Ok(Integer::Unsigned(value));
        }
        // serde_json's rule: a negation that is not negative (`-0`, too large) is a float
        #[allow(clippy::cast_possible_wrap)]
        let negated = (value as i64).wrapping_neg();
        if negated < 0 {
            Ok(Integer::Signed(negated))
        } else {
            Err(Bail)
        }
    }

    /// The text of a number as JSON writes it:
    /// `-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?`.
    fn number_text(&mut self) -> Result<&'a str, Bail> {
        self.ws();
        let start = self.at;
        let digits = |c: &mut Self| {
            let from = c.at;
            while let Some(b'0'..=b'9') = c.peek() {
                c.at += 1;
            }
            c.at - from
        };
        if self.peek() == Some(b'-') {
            self.at += 1;
        }
        let first = self.at;
        let count = digits(self);
        if count == 0 || (count > 1 && self.bytes().get(first) == Some(&b'0')) {
            return Err(Bail);
        }
        if self.peek() == Some(b'.') {
            self.at += 1;
            if digits(self) == 0 {
                return Err(Bail);
            }
        }
        if let Some(b'e' | b'E') = self.peek() {
            self.at += 1;
            if let Some(b'+' | b'-') = self.peek() {
                self.at += 1;
            }
            if digits(self) == 0 {
                return Err(Bail);
            }
        }
        self.text.get(start..self.at).ok_or(Bail)
    }

    /// One value of any kind, cut out whole: up to the end of its string, its closing
    /// bracket or the byte that ends a scalar. Only the extent is found here; serde_json
    /// checks the text (a wrong cut leaves a text it refuses, or bytes after it that the
    /// caller refuses).
    fn value_text(&mut self) -> Result<&'a str, Bail> {
        self.ws();
        let start = self.at;
        let mut depth = 0usize;
        loop {
            match self.peek().ok_or(Bail)? {
                b'"' => {
                    self.at = find_json_string_close(self.bytes(), self.at + 1).ok_or(Bail)? + 1;
                }
                b'{' | b'[' => {
                    depth += 1;
                    if depth > MAX_HANDED_DEPTH {
                        return Err(Bail);
                    }
                    self.at += 1;
                }
                b'}' | b']' => {
                    depth = depth.checked_sub(1).ok_or(Bail)?;
                    self.at += 1;
                }
                _ => self.at += 1,
            }
            if depth == 0 && self.ends_scalar() {
                break;
            }
        }
        self.text.get(start..self.at).ok_or(Bail)
    }

    /// At the end of the document or before a byte that ends a value at depth 0.
    fn ends_scalar(&self) -> bool {
        matches!(
            self.peek(),
            None | Some(b',' | b'}' | b']' | b' ' | b'\n' | b'\r' | b'\t')
        )
    }

    /// Levels of nesting a value at the cursor may still open.
    fn levels_left(&self) -> usize {
        self.limits.levels.saturating_sub(self.depth)
    }

    /// A value the model reads with serde (a `with` module, [`Ersattning`]): cut out whole
    /// and handed to serde_json under the [`Guard`], with the levels left. An unknown
    /// property inside would need its path, which only the serde path finds, so then (as
    /// when it nests too deep) the reader gives up.
    pub(crate) fn handed<T>(
        &mut self,
        read: impl for<'t> FnOnce(
            Guard<'t, &mut serde_json::Deserializer<serde_json::de::StrRead<'a>>>,
        ) -> Result<T, serde_json::Error>,
    ) -> Result<T, Bail> {
        let levels = self.levels_left();
        let text = self.value_text()?;
        let track = Track::new(text.as_bytes(), Some(0), None);
        let mut de = serde_json::Deserializer::from_str(text);
        let value = read(Guard::new(&mut de, &track, levels)).map_err(|_| Bail)?;
        de.end().map_err(|_| Bail)?;
        Ok(value)
    }

    /// The value of a property the model does not know: checked by serde_json's skipper
    /// and for its depth, counted against the limit, and (when tracked) where its key
    /// starts kept, for the property's path.
    pub(crate) fn skip_unknown(&mut self) -> Result<(), Bail> {
        self.unknown_count += 1;
        if self
            .limits
            .max_unknown
            .is_some_and(|max| self.unknown_count > max)
        {
            return Err(Bail);
        }
        let levels = self.levels_left();
        let text = self.value_text()?;
        if json::too_deep_at(text.as_bytes(), levels).is_some() {
            return Err(Bail);
        }
        let mut de = serde_json::Deserializer::from_str(text);
        serde::de::IgnoredAny::deserialize(&mut de).map_err(|_| Bail)?;
        de.end().map_err(|_| Bail)?;
        if self.limits.track_unknown {
            self.unknown_keys.push(self.key_at);
        }
        Ok(())
    }

    /// A `number` property, as [`number`](super::number) reads it.
    pub(crate) fn decimal(&mut self) -> Result<rust_decimal::Decimal, Bail> {
        let text = self.number_text()?;
        crate::xs::serde::json_number::decimal_from_raw::<ValueError>(text).map_err(|_| Bail)
    }

    /// A `format: date` property, as [`date`](super::date) reads it.
    pub(crate) fn date(&mut self) -> Result<chrono::NaiveDate, Bail> {
        match self.string_value()? {
            Str::Borrowed(text) => crate::xs::date(text),
            Str::Unescaped(text) => crate::xs::date(&text),
        }
        .ok_or(Bail)
    }

    /// A value whose `Deserialize` impl decides from a string or an integer (codes,
    /// identities, texts): given the value as serde_json would give it.
    pub(crate) fn scalar<T: DeserializeOwned>(&mut self) -> Result<T, Bail> {
        self.ws();
        match self.peek() {
            // as serde_json hands strings over: borrowed, or unescaped into its scratch
            Some(b'"') => match self.string_value()? {
                Str::Borrowed(text) => T::deserialize(BorrowedStrDeserializer::new(text)),
                Str::Unescaped(text) => T::deserialize(StrDeserializer::new(&text)),
            }
            .map_err(|_: ValueError| Bail),
            Some(b'-' | b'0'..=b'9') => match self.integer()? {
                Integer::Unsigned(value) => T::deserialize(value.into_deserializer()),
                Integer::Signed(value) => T::deserialize(value.into_deserializer()),
            }
            .map_err(|_: ValueError| Bail),
            _ => Err(Bail),
        }
    }
}

/// Marks property number `bit` as read; [`Bail`] if it was already (serde refuses a
/// repeated property).
#[inline]
pub(crate) fn first_time(seen: &mut u64, bit: u32) -> Result<(), Bail> {
    let mask = 1u64 << bit;
    if *seen & mask != 0 {
        return Err(Bail);
    }
    *seen |= mask;
    Ok(())
}

/// `None` for `null`, else the value (how serde reads an `Option` field).
#[inline]
pub(crate) fn option<'a, T>(
    c: &mut Cursor<'a>,
    read: impl FnOnce(&mut Cursor<'a>) -> Result<T, Bail>,
) -> Result<Option<T>, Bail> {
    if c.null() {
        Ok(None)
    } else {
        read(c).map(Some)
    }
}

impl<T: Fast> Fast for Vec<T> {
    fn read(c: &mut Cursor<'_>) -> Result<Self, Bail> {
        c.open_array()?;
        let mut items = Vec::new();
        let mut first = true;
        while c.next_element(&mut first)? {
            items.push(T::read(c)?);
        }
        Ok(items)
    }
}

/// A string value, as serde_json hands it to a visitor.
enum Str<'a> {
    /// `visit_borrowed_str`: no escapes.
    Borrowed(&'a str),
    /// `visit_str`: unescaped.
    Unescaped(String),
}

/// An integer token, as serde_json hands it to a visitor.
enum Integer {
    /// `visit_u64`.
    Unsigned(u64),
    /// `visit_i64`.
    Signed(i64),
}

impl Fast for i64 {
    fn read(c: &mut Cursor<'_>) -> Result<Self, Bail> {
        match c.integer()? {
            Integer::Unsigned(value) => i64::try_from(value).map_err(|_| Bail),
            Integer::Signed(value) => Ok(value),
        }
    }
}

impl Fast for bool {
    fn read(c: &mut Cursor<'_>) -> Result<Self, Bail> {
        c.ws();
        let rest = c.bytes().get(c.at..).ok_or(Bail)?;
        let (value, len) = if rest.starts_with(b"true") {
            (true, 4)
        } else if rest.starts_with(b"false") {
            (false, 5)
        } else {
            return Err(Bail);
        };
        c.at += len;
        Ok(value)
    }
}

impl Fast for crate::period::FranTill {
    fn read(c: &mut Cursor<'_>) -> Result<Self, Bail> {
        c.open_object()?;
        let (mut fran, mut till) = (None, None);
        let mut seen = 0u64;
        let mut first = true;
        while let Some(key) = c.next_key(&mut first)? {
            match key {
                "fran" => {
                    first_time(&mut seen, 0)?;
                    fran = option(c, Cursor::scalar)?;
                }
                "till" => {
                    first_time(&mut seen, 1)?;
                    till = option(c, Cursor::scalar)?;
                }
                _ => c.skip_unknown()?,
            }
        }
        Ok(Self::new(fran, till))
    }
}

impl Fast for m::Ersattning {
    fn read(c: &mut Cursor<'_>) -> Result<Self, Bail> {
        c.handed(|d| serde::Deserialize::deserialize(d))
    }
}

impl<T: Fast + Default> Fast for m::ObjectOrEmptyList<T> {
    fn read(c: &mut Cursor<'_>) -> Result<Self, Bail> {
        c.ws();
        if c.peek() == Some(b'[') {
            // only `[]` is tolerated; anything else is left to serde (which refuses it)
            c.at += 1;
            c.ws();
            if c.peek() != Some(b']') {
                return Err(Bail);
            }
            c.at += 1;
            return Ok(Self::empty_list());
        }
        T::read(c).map(Self::new)
    }
}

/// Types read as a string or integer through their own `Deserialize` impl (the list is
/// generated: every such type a model field has).
macro_rules! scalar {
    ($($ty:ty),+ $(,)?) => {$(
        impl Fast for $ty {
            #[inline]
            fn read(c: &mut Cursor<'_>) -> Result<Self, Bail> {
                c.scalar()
            }
        }
    )+};
}
pub(super) use scalar;

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use serde::Deserialize;

    use super::*;

    fn limits(track_unknown: bool) -> Limits {
        Limits {
            levels: 64,
            max_unknown: None,
            track_unknown,
        }
    }

    /// The differential test (`tests/it/lefi_json_generated_reader.rs`) cannot see which path
    /// decoded; here the example response must be read by this reader itself.
    #[test]
    fn reads_the_example_response_as_serde_does() {
        let text = include_str!("../../../examples/data/lefi-v9-svar.json");
        let fast: m::LefiExternFormansinformationSvar =
            read_document(text, limits(false)).unwrap().value;
        let serde = m::LefiExternFormansinformationSvar::deserialize(
            &mut serde_json::Deserializer::from_str(text),
        )
        .unwrap();
        assert_eq!(fast, serde);
    }

    #[test]
    fn hands_over_what_is_not_plain() {
        type Felsvar = m::LefiFelsvar;
        let plain = read_document::<Felsvar>(r#"{"meddelande":"Fel"}"#, limits(true)).unwrap();
        assert!(plain.unknown_keys.is_empty());
        let none = Limits {
            max_unknown: Some(0),
            ..limits(true)
        };
        assert!(read_document::<Felsvar>(r#"{"meddelande":"Fel"}"#, none).is_ok());
        let unknown = r#"{"meddelande":"Fel", "kod":[1,{"a":null}],"kod":2}"#;
        let read = read_document::<Felsvar>(unknown, limits(true)).unwrap();
        assert_eq!(read.unknown_keys, [21, 42]);
        let read = read_document::<Felsvar>(unknown, limits(false)).unwrap();
        assert!(read.unknown_keys.is_empty());
        // past the budget of unknown properties, or too deep inside one: serde decides
        let budget = Limits {
            max_unknown: Some(1),
            ..limits(true)
        };
        assert!(read_document::<Felsvar>(unknown, budget).is_err());
        let shallow = Limits {
            levels: 2,
            ..limits(true)
        };
        assert!(read_document::<Felsvar>(unknown, shallow).is_err());
        let escaped =
            read_document::<Felsvar>(r#"{"meddelande":"F\u00e9l\n\ud834\udd1e"}"#, limits(true));
        assert_eq!(
            escaped.unwrap().value.meddelande.as_deref(),
            Some("Fél\n\u{1d11e}")
        );
        for text in [
            r#"{"m\u0065ddelande":"Fel"}"#,
            r#"{"meddelande":"\ud834"}"#,
            r#"{"meddelande":"\udd1e"}"#,
            r#"{"meddelande":"\q"}"#,
            r#"{"meddelande":"Fel","meddelande":"Fel"}"#,
            r#"{"meddelande":"Fel","kod":[1,]}"#,
            r#"{"meddelande":"Fel",}"#,
            r#"{"meddelande":"Fel"} x"#,
            r#"[]"#,
        ] {
            assert!(
                read_document::<Felsvar>(text, limits(true)).is_err(),
                "{text}"
            );
        }
    }
}
