//! Byte searches for the XML tokenizer and reader and the generated JSON reader: names,
//! texts, tags, keys and strings are mostly short, so they are searched eight bytes at a
//! time in a `u64` (where a byte loop's cost is its exit, and `memchr`'s is its setup),
//! handing over to `memchr` when a span runs long.

const ONES: u64 = u64::from_le_bytes([1; 8]);
const HIGHS: u64 = u64::from_le_bytes([0x80; 8]);

/// How many bytes are searched eight at a time before handing over to `memchr`.
const SHORT: usize = 32;

/// The high bit of every byte of `word` equal to `byte`, and possibly of bytes above the
/// first such byte (borrows propagate upwards only): the lowest flag is exact.
#[inline(always)]
fn flag(word: u64, byte: u8) -> u64 {
    let x = word ^ (ONES * u64::from(byte));
    x.wrapping_sub(ONES) & !x & HIGHS
}

/// The high bit of every byte of `word` below `limit` (at most 0x80), and possibly of
/// bytes above the first such byte: the lowest flag is exact.
#[inline(always)]
fn flag_below(word: u64, limit: u8) -> u64 {
    word.wrapping_sub(ONES * u64::from(limit)) & !word & HIGHS
}

/// Offset of the first byte at or after `from` that ends a JSON string's plain run: a
/// quote, a backslash or a control character (below 0x20).
#[inline(always)]
pub(crate) fn find_json_string_end(bytes: &[u8], from: usize) -> Option<usize> {
    let mut at = from;
    while let Some(chunk) = bytes.get(at..at + 8) {
        let word = u64::from_le_bytes(chunk.try_into().unwrap_or_default());
        let found = flag(word, b'"') | flag(word, b'\\') | flag_below(word, 0x20);
        if found != 0 {
            return Some(at + (found.trailing_zeros() / 8) as usize);
        }
        at += 8;
    }
    let rest = bytes.get(at..)?;
    rest.iter()
        .position(|&b| b == b'"' || b == b'\\' || b < 0x20)
        .map(|i| at + i)
}

/// Offset of the quote that closes the JSON string whose body starts at `from`: escapes
/// are stepped over, nothing is checked.
pub(crate) fn find_json_string_close(bytes: &[u8], from: usize) -> Option<usize> {
    let mut at = from;
    loop {
        let end = find_json_string_end(bytes, at)?;
        match bytes.get(end)? {
            b'"' => return Some(end),
            b'\\' => at = end + 2,
            _ => at = end + 1,
        }
    }
}

/// Offset of the first byte of `set` (one to three bytes) at or after `from`.
#[inline(always)]
pub(crate) fn find_any<const N: usize>(bytes: &[u8], from: usize, set: [u8; N]) -> Option<usize> {
    let mut at = from;
    while let Some(chunk) = bytes.get(at..at + 8) {
        let word = u64::from_le_bytes(chunk.try_into().unwrap_or_default());
        let found = set.iter().fold(0, |found, &byte| found | flag(word, byte));
        if found != 0 {
            return Some(at + (found.trailing_zeros() / 8) as usize);
        }
        at += 8;
        if at - from >= SHORT {
            let rest = bytes.get(at..)?;
            let i = match set.as_slice() {
                [a] => memchr::memchr(*a, rest),
                [a, b] => memchr::memchr2(*a, *b, rest),
                [a, b, c] => memchr::memchr3(*a, *b, *c, rest),
                _ => rest.iter().position(|b| set.contains(b)),
            };
            return i.map(|i| at + i);
        }
    }
    let rest = bytes.get(at..)?;
    rest.iter().position(|b| set.contains(b)).map(|i| at + i)
}

#[cfg(test)]
#[allow(clippy::indexing_slicing)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn agrees<const N: usize>(bytes: &[u8], set: [u8; N]) -> Result<(), TestCaseError> {
        for from in 0..=bytes.len() {
            let want = bytes[from..]
                .iter()
                .position(|b| set.contains(b))
                .map(|i| from + i);
            prop_assert_eq!(find_any(bytes, from, set), want, "{:?} {}", bytes, from);
        }
        Ok(())
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(2048))]

        /// Names (`:`), texts (`<`, `&`) and tags (`>`, quotes), with bytes at and above
        /// 0x80 (where a borrow could flag a wrong byte), long enough to reach `memchr`.
        #[test]
        fn finds_what_a_byte_loop_finds(
            bytes in proptest::collection::vec(
                proptest::sample::select(b"a:<&>\"';9 \xc3\xb6\x80\xff".to_vec()),
                0..80,
            )
        ) {
            agrees(&bytes, [b':'])?;
            agrees(&bytes, [b'<', b'&'])?;
            agrees(&bytes, [b'>', b'"', b'\''])?;
        }

        /// JSON string ends: quotes, backslashes and every control character, among bytes
        /// just above them and at and above 0x80.
        #[test]
        fn finds_json_string_ends_as_a_byte_loop(
            bytes in proptest::collection::vec(
                prop_oneof![
                    8 => proptest::sample::select(b"a \x21\x22\x5b\x5c\x5d\x7f\xc3\xb6\x80\xff".to_vec()),
                    1 => 0u8..0x20,
                ],
                0..80,
            )
        ) {
            for from in 0..=bytes.len() {
                let want = bytes[from..]
                    .iter()
                    .position(|&b| b == b'"' || b == b'\\' || b < 0x20)
                    .map(|i| from + i);
                prop_assert_eq!(find_json_string_end(&bytes, from), want, "{:?} {}", bytes, from);
            }
        }

        /// The closing quote: the first quote not escaped by an odd run of backslashes.
        #[test]
        fn finds_the_closing_quote_past_escapes(
            bytes in proptest::collection::vec(
                proptest::sample::select(b"a\x22\x5c\x01\xc3\xb6".to_vec()),
                0..40,
            )
        ) {
            let mut want = None;
            let mut escaped = false;
            for (i, &b) in bytes.iter().enumerate() {
                if escaped {
                    escaped = false;
                } else if b == b'\\' {
                    escaped = true;
                } else if b == b'"' {
                    want = Some(i);
                    break;
                }
            }
            prop_assert_eq!(find_json_string_close(&bytes, 0), want, "{:?}", bytes);
        }
    }
}
