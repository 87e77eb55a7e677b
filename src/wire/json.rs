//! Shared helpers for the JSON codecs: the depth scan of a text, positions, JSON paths and
//! sanitised parser messages.

use std::fmt::Write as _;

use crate::bytes::find_json_string_close;

/// Why [`prescan`] refused a document.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum PrescanError {
    /// More than `max_bytes` bytes.
    TooLarge,
    /// A bracket at this byte offset opens level `max_depth + 1`.
    TooDeep { offset: usize },
}

/// Refuses documents over `max_bytes` or nesting arrays/objects deeper than `max_depth`
/// (for decoders of JSON documents of unknown shape; the LEFI v9 decoder counts nesting
/// while it parses instead).
pub(crate) fn prescan(
    bytes: &[u8],
    max_bytes: usize,
    max_depth: usize,
) -> Result<(), PrescanError> {
    if bytes.len() > max_bytes {
        return Err(PrescanError::TooLarge);
    }
    match too_deep_at(bytes, max_depth) {
        Some(offset) => Err(PrescanError::TooDeep { offset }),
        None => Ok(()),
    }
}

/// The offset of the first bracket in a JSON text that opens level `levels + 1` (the
/// outermost bracket opens level 1); brackets inside strings (including escaped quotes)
/// do not count, malformed JSON is left to the parser.
pub(crate) fn too_deep_at(text: &[u8], levels: usize) -> Option<usize> {
    let (mut depth, mut in_string, mut escaped) = (0usize, false, false);
    for (at, &b) in text.iter().enumerate() {
        if in_string {
            if escaped {
                escaped = false;
            } else if b == b'\\' {
                escaped = true;
            } else if b == b'"' {
                in_string = false;
            }
            continue;
        }
        match b {
            b'"' => in_string = true,
            b'[' | b'{' => {
                depth += 1;
                if depth > levels {
                    return Some(at);
                }
            }
            b']' | b'}' => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    None
}

/// The 1-based line and column (in bytes) of a byte offset.
pub(crate) fn line_column(bytes: &[u8], offset: usize) -> (u64, u64) {
    let before = bytes.get(..offset).unwrap_or(bytes);
    let line = memchr::memchr_iter(b'\n', before).count() + 1;
    let column = before.iter().rev().take_while(|&&b| b != b'\n').count() + 1;
    (line as u64, column as u64)
}

/// The byte offset of a 1-based line and column (in bytes), as serde_json reports them
/// (column 0: the start of the line); clamped to the input.
pub(crate) fn offset_of(bytes: &[u8], line: u64, column: u64) -> usize {
    let skip = usize::try_from(line.saturating_sub(1)).unwrap_or(usize::MAX);
    let start = if skip == 0 {
        0
    } else {
        memchr::memchr_iter(b'\n', bytes)
            .nth(skip - 1)
            .map_or(bytes.len(), |newline| newline + 1)
    };
    let column = usize::try_from(column.saturating_sub(1)).unwrap_or(usize::MAX);
    start.saturating_add(column).min(bytes.len())
}

/// Names of serde_json's private newtypes; they appear as map keys in wrapper paths.
const PRIVATE_KEYS: [&str; 2] = [
    "$serde_json::private::RawValue",
    "$serde_json::private::Number",
];

/// Formats a `serde_path_to_error` path as `a.b[2].c` (`""` for the root), leaving out
/// serde_json's private raw-value key.
pub(crate) fn tracked_path(path: &serde_path_to_error::Path) -> String {
    use serde_path_to_error::Segment;
    let mut out = String::new();
    for segment in path {
        match segment {
            Segment::Seq { index } => {
                let _ = write!(out, "[{index}]");
            }
            Segment::Map { key } | Segment::Enum { variant: key } => push_key(&mut out, key),
            Segment::Unknown => push_key(&mut out, "?"),
        }
    }
    out
}

/// Formats a `serde_ignored` path the same way as [`tracked_path`].
pub(crate) fn ignored_path(path: &serde_ignored::Path<'_>) -> String {
    use serde_ignored::Path;
    fn walk(path: &Path<'_>, out: &mut String) {
        match path {
            Path::Root => {}
            Path::Seq { parent, index } => {
                walk(parent, out);
                let _ = write!(out, "[{index}]");
            }
            Path::Map { parent, key } => {
                walk(parent, out);
                push_key(out, key);
            }
            Path::Some { parent }
            | Path::NewtypeStruct { parent }
            | Path::NewtypeVariant { parent } => walk(parent, out),
        }
    }
    let mut out = String::new();
    walk(path, &mut out);
    out
}

/// The paths (formatted as [`ignored_path`] formats them) of the keys whose opening quotes
/// are at `offsets` (ascending) in `text`, a JSON document known to be well formed up to
/// the last of them, with no escapes in its keys. One scan of the structure, tracking the
/// key of each open object and the index in each open array.
pub(crate) fn key_paths(text: &str, offsets: &[usize]) -> Vec<String> {
    /// An open container: the key being read in an object, the index in an array.
    enum Open<'a> {
        Object(Option<&'a str>),
        Array(usize),
    }
    let bytes = text.as_bytes();
    let mut paths = Vec::with_capacity(offsets.len());
    let mut open: Vec<Open<'_>> = Vec::new();
    let mut targets = offsets.iter().copied().peekable();
    // whether the next string in the innermost object is a key
    let mut key_next = false;
    let mut at = 0;
    while let (Some(&byte), Some(&target)) = (bytes.get(at), targets.peek()) {
        match byte {
            b'"' => {
                let start = at;
                at = find_json_string_close(bytes, at + 1).unwrap_or(bytes.len());
                if key_next {
                    let key = text.get(start + 1..at).unwrap_or_default();
                    if let Some(Open::Object(current)) = open.last_mut() {
                        *current = Some(key);
                    }
                    if start == target {
                        targets.next();
                        let mut path = String::new();
                        for container in &open {
                            match container {
                                Open::Object(Some(key)) => push_key(&mut path, key),
                                Open::Object(None) => {}
                                Open::Array(index) => {
                                    let _ = write!(path, "[{index}]");
                                }
                            }
                        }
                        paths.push(path);
                    }
                    key_next = false;
                }
            }
            b'{' => {
                open.push(Open::Object(None));
                key_next = true;
            }
            b'[' => open.push(Open::Array(0)),
            b'}' | b']' => {
                open.pop();
            }
            b',' => match open.last_mut() {
                Some(Open::Array(index)) => *index += 1,
                Some(Open::Object(_)) => key_next = true,
                None => {}
            },
            _ => {}
        }
        at += 1;
    }
    paths
}

fn push_key(out: &mut String, key: &str) {
    if PRIVATE_KEYS.contains(&key) {
        return;
    }
    if !out.is_empty() {
        out.push('.');
    }
    out.push_str(key);
}

/// A serde_json error's message without its position suffix, with every value the
/// message quotes redacted: string literals (`"…"`), the found value in serde's
/// `invalid type`/`unknown variant` phrases (`` `…` ``), and any run of six or more digits.
pub(crate) fn sanitized_message(err: &serde_json::Error) -> String {
    let full = err.to_string();
    let suffix = format!(" at line {} column {}", err.line(), err.column());
    let message = full.strip_suffix(&suffix).unwrap_or(&full);
    redact(message)
}

fn redact(message: &str) -> String {
    let mut out = String::with_capacity(message.len());
    let mut chars = message.chars().peekable();
    let mut digits = String::new();
    let flush = |digits: &mut String, out: &mut String| {
        if digits.len() >= 6 {
            out.push_str("<digits>");
        } else {
            out.push_str(digits);
        }
        digits.clear();
    };
    while let Some(c) = chars.next() {
        if c.is_ascii_digit() {
            digits.push(c);
            continue;
        }
        flush(&mut digits, &mut out);
        match c {
            '"' => {
                // skip to the closing quote, honouring backslash escapes
                let mut escaped = false;
                for c in chars.by_ref() {
                    if escaped {
                        escaped = false;
                    } else if c == '\\' {
                        escaped = true;
                    } else if c == '"' {
                        break;
                    }
                }
                out.push_str("\"<redacted>\"");
            }
            '`' if quotes_found_value(&out) => {
                for c in chars.by_ref() {
                    if c == '`' {
                        break;
                    }
                }
                out.push_str("`<redacted>`");
            }
            _ => out.push(c),
        }
    }
    flush(&mut digits, &mut out);
    out
}

/// Whether a backtick after `before` opens the found value of a serde message.
fn quotes_found_value(before: &str) -> bool {
    [
        "variant ",
        "integer ",
        "floating point ",
        "character ",
        "boolean ",
        "invalid length ",
    ]
    .iter()
    .any(|phrase| before.ends_with(phrase))
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn prescan_counts_only_structural_brackets() {
        assert_eq!(prescan(br#"[[["[[[[\"[[["]]]"#, 100, 3), Ok(()));
        assert_eq!(
            prescan(b"[[[[]]]]", 100, 3),
            Err(PrescanError::TooDeep { offset: 3 })
        );
        assert_eq!(prescan(b"[]", 1, 3), Err(PrescanError::TooLarge));
    }

    #[test]
    fn prescan_finds_every_structural_byte_at_any_alignment() {
        for pad in 0..17 {
            let text = format!(
                "{}{{\"a\\\"]\":[[{{}}]],\"b\":\"x{{|}}\\\\\"}}",
                " ".repeat(pad)
            );
            assert_eq!(prescan(text.as_bytes(), 1000, 4), Ok(()), "{text}");
            assert_eq!(
                prescan(text.as_bytes(), 1000, 3),
                Err(PrescanError::TooDeep { offset: pad + 10 }),
                "{text}"
            );
        }
    }

    #[test]
    fn line_and_column_are_one_based() {
        assert_eq!(line_column(b"ab\ncd", 4), (2, 2));
        assert_eq!(line_column(b"ab", 0), (1, 1));
        assert_eq!(line_column(b"ab", 99), (1, 3));
        assert_eq!(offset_of(b"ab\ncd", 2, 2), 4);
        assert_eq!(offset_of(b"ab\ncd", 1, 1), 0);
        assert_eq!(offset_of(b"ab\ncd", 9, 9), 5);
        for offset in 0..5 {
            let (line, column) = line_column(b"ab\ncd", offset);
            assert_eq!(offset_of(b"ab\ncd", line, column), offset);
        }
    }

    #[test]
    fn redacts_values_but_keeps_expectations() {
        let got = redact(r#"invalid type: string "19740702\"9284", expected a date"#);
        assert_eq!(got, r#"invalid type: string "<redacted>", expected a date"#);
        let got = redact("invalid type: integer `197407029284`, expected u32");
        assert_eq!(got, "invalid type: integer `<redacted>`, expected u32");
        let got = redact("unknown variant `FK:X`, expected one of `FK`, `PM`");
        assert_eq!(
            got,
            "unknown variant `<redacted>`, expected one of `FK`, `PM`"
        );
        assert_eq!(redact("x 1974070292 y 12"), "x <digits> y 12");
    }

    #[test]
    fn message_loses_its_position_suffix() {
        let err = serde_json::from_str::<u32>(r#""197407029284""#).unwrap_err();
        let msg = sanitized_message(&err);
        assert!(!msg.contains("line"), "{msg}");
        assert!(!msg.contains("1974"), "{msg}");
    }
}
