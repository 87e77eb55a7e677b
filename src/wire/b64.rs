//! Standard base64 decoding, two characters per table lookup, with the `base64` crate's
//! `STANDARD` engine as the reference it must equal.
//!
//! The FK answer in SSBTEK carries its LEFI v9 JSON as one large `xs:base64Binary` text,
//! and decoding it was an eighth of the typed decode. The crate looks up one character
//! at a time; here a table of every pair of ASCII characters (16 384 entries of 12 bits)
//! turns eight characters into six bytes with four lookups. Only the body of the text,
//! in whole groups of eight characters with no padding, is decoded so; the last group (where
//! padding, trailing bits and length are checked) is handed to the crate, and any input the
//! body rejects is decoded again by the crate as a whole, so results and errors are the
//! crate's own.

use base64::engine::general_purpose::STANDARD;
use base64::Engine as _;

/// A pair that is not two characters of the standard alphabet.
const INVALID: u16 = 0x8000;

/// The 6-bit value of a character of the standard alphabet, or `None`.
const fn sextet(c: u8) -> Option<u16> {
    match c {
        b'A'..=b'Z' => Some((c - b'A') as u16),
        b'a'..=b'z' => Some((c - b'a') as u16 + 26),
        b'0'..=b'9' => Some((c - b'0') as u16 + 52),
        b'+' => Some(62),
        b'/' => Some(63),
        _ => None,
    }
}

/// The 12 bits of every pair of 7-bit characters, indexed by `first << 7 | second`.
// a constant loop over the table's own indices (`get_mut` is not available in constants)
#[allow(clippy::indexing_slicing)]
static PAIRS: [u16; 1 << 14] = {
    let mut table = [INVALID; 1 << 14];
    let mut i = 0;
    while i < table.len() {
        if let (Some(hi), Some(lo)) = (sextet((i >> 7) as u8), sextet((i & 0x7F) as u8)) {
            table[i] = hi << 6 | lo;
        }
        i += 1;
    }
    table
};

/// The 12 bits of the two characters at `shift` in `word` ([`INVALID`] when they are not
/// both of the alphabet; the caller has checked all are ASCII).
#[inline(always)]
fn pair(word: u64, shift: u32) -> u16 {
    let first = (word >> shift) & 0x7F;
    let second = (word >> (shift + 8)) & 0x7F;
    let index = (first << 7 | second) as usize;
    PAIRS.get(index).copied().unwrap_or(INVALID)
}

/// Decodes eight characters of the alphabet into six bytes; `None` if any is not one.
#[inline(always)]
fn decode8(chunk: &[u8; 8]) -> Option<[u8; 6]> {
    let word = u64::from_le_bytes(*chunk);
    if word & 0x8080_8080_8080_8080 != 0 {
        return None;
    }
    let (a, b, c, d) = (
        pair(word, 0),
        pair(word, 16),
        pair(word, 32),
        pair(word, 48),
    );
    if (a | b | c | d) & INVALID != 0 {
        return None;
    }
    let bits = u64::from(a) << 36 | u64::from(b) << 24 | u64::from(c) << 12 | u64::from(d);
    let [_, _, out @ ..] = bits.to_be_bytes();
    Some(out)
}

/// Decodes padded, canonical standard base64, exactly as
/// `base64::engine::general_purpose::STANDARD.decode` does (same bytes, same errors).
pub(crate) fn decode_standard(text: &[u8]) -> Result<Vec<u8>, base64::DecodeError> {
    // the body: whole groups of eight, leaving one to eight characters for the end
    let body_len = text.len().saturating_sub(1) / 8 * 8;
    let (body, end) = text.split_at(body_len);
    // room for the end too, so that appending it does not grow (and double) the buffer
    let mut out = Vec::with_capacity(body_len / 8 * 6 + 6);
    out.resize(body_len / 8 * 6, 0);
    for (chunk, dst) in body.chunks_exact(8).zip(out.chunks_exact_mut(6)) {
        match chunk.try_into().ok().and_then(decode8) {
            Some(bytes) => dst.copy_from_slice(&bytes),
            None => return STANDARD.decode(text),
        }
    }
    match STANDARD.decode_vec(end, &mut out) {
        Ok(()) => Ok(out),
        // the crate's error, with its offset in the whole text
        Err(_) => STANDARD.decode(text),
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::indexing_slicing)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn characters() -> impl Strategy<Value = Vec<u8>> {
        let alphabet = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
        proptest::collection::vec(
            prop_oneof![
                20 => proptest::sample::select(alphabet.to_vec()),
                1 => proptest::sample::select(b"= \n\r-_.*\x80\xff\x00".to_vec()),
            ],
            0..80,
        )
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(2048))]

        #[test]
        fn decodes_what_it_encodes(bytes in proptest::collection::vec(any::<u8>(), 0..200)) {
            let text = STANDARD.encode(&bytes);
            let decoded = decode_standard(text.as_bytes()).unwrap();
            // no more room than the bytes need, give or take the last group
            prop_assert!(decoded.capacity() <= bytes.len() + 6);
            prop_assert_eq!(decoded, bytes);
        }

        /// Any text: the same bytes or the same error as the crate.
        #[test]
        fn agrees_with_the_crate(text in characters()) {
            prop_assert_eq!(decode_standard(&text), STANDARD.decode(&text));
        }

        /// Valid text with one character changed, padding and trailing bits included.
        #[test]
        fn agrees_with_the_crate_on_damaged_text(
            bytes in proptest::collection::vec(any::<u8>(), 1..100),
            at in any::<prop::sample::Index>(),
            with in proptest::sample::select(b"A/+=\n \x80x".to_vec()),
        ) {
            let mut text = STANDARD.encode(&bytes).into_bytes();
            let at = at.index(text.len());
            text[at] = with;
            prop_assert_eq!(decode_standard(&text), STANDARD.decode(&text));
        }
    }

    #[test]
    fn the_table_holds_every_pair() {
        let alphabet = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
        let valid = PAIRS.iter().filter(|&&v| v != INVALID).count();
        assert_eq!(valid, 64 * 64);
        for (i, &hi) in alphabet.iter().enumerate() {
            for (j, &lo) in alphabet.iter().enumerate() {
                let value = PAIRS[usize::from(hi) << 7 | usize::from(lo)];
                assert_eq!(usize::from(value), i << 6 | j);
            }
        }
    }
}
