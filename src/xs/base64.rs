//! Standard base64 decoding, two characters per table lookup, with the `base64` crate's
//! `STANDARD` engine as the reference it must equal.
//!
//! The FK answer in SSBTEK carries its LEFI v9 JSON as one large `xs:base64Binary` text,
//! and decoding it was an eighth of the typed decode. The crate looks up one character
//! at a time; here a table of every pair of ASCII characters (16 384 entries of 12 bits,
//! built once from the crate's own alphabet) turns eight characters into six bytes with
//! four lookups. Only the body of the text, in whole groups of eight characters with no
//! padding, is decoded so; the last group (where padding, trailing bits and length are
//! checked) is handed to the crate, and any input the body rejects is decoded again by the
//! crate as a whole, so results and errors are the crate's own.

use std::sync::OnceLock;

use base64::Engine as _;
use base64::engine::general_purpose::STANDARD;

/// A pair that is not two characters of the standard alphabet.
const INVALID: u16 = 0x8000;

/// The 12 bits of every pair of 7-bit characters, indexed by `first << 7 | second`.
type Pairs = [u16; 1 << 14];

/// The pairs of the `base64` crate's standard alphabet, built from it once.
fn pairs() -> &'static Pairs {
    static PAIRS: OnceLock<Pairs> = OnceLock::new();
    PAIRS.get_or_init(|| {
        let alphabet = base64::alphabet::STANDARD.as_str().as_bytes();
        let mut table = [INVALID; 1 << 14];
        for (hi, &first) in alphabet.iter().enumerate() {
            for (lo, &second) in alphabet.iter().enumerate() {
                let index = usize::from(first) << 7 | usize::from(second);
                if let Some(entry) = table.get_mut(index) {
                    *entry = (hi << 6 | lo) as u16;
                }
            }
        }
        table
    })
}

/// The 12 bits of the two characters at `shift` in `word` ([`INVALID`] when they are not
/// both of the alphabet; the caller has checked all are ASCII).
#[inline(always)]
fn pair(pairs: &Pairs, word: u64, shift: u32) -> u16 {
    let first = (word >> shift) & 0x7F;
    let second = (word >> (shift + 8)) & 0x7F;
    let index = (first << 7 | second) as usize;
    pairs.get(index).copied().unwrap_or(INVALID)
}

/// Decodes eight characters of the alphabet into six bytes; `None` if any is not one.
#[inline(always)]
fn decode8(pairs: &Pairs, chunk: &[u8; 8]) -> Option<[u8; 6]> {
    let word = u64::from_le_bytes(*chunk);
    if word & 0x8080_8080_8080_8080 != 0 {
        return None;
    }
    let [a, b, c, d] = [0, 16, 32, 48].map(|shift| pair(pairs, word, shift));
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
    let pairs = pairs();
    // room for the end too, so that appending it does not grow (and double) the buffer
    let mut out = Vec::with_capacity(body_len / 8 * 6 + 6);
    out.resize(body_len / 8 * 6, 0);
    for (chunk, dst) in body.chunks_exact(8).zip(out.chunks_exact_mut(6)) {
        match chunk
            .try_into()
            .ok()
            .and_then(|chunk| decode8(pairs, chunk))
        {
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

    /// The standard alphabet as RFC 4648 writes it: what the table must hold.
    const ALPHABET: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

    fn characters() -> impl Strategy<Value = Vec<u8>> {
        proptest::collection::vec(
            prop_oneof![
                20 => proptest::sample::select(ALPHABET.to_vec()),
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
        let valid = pairs().iter().filter(|&&v| v != INVALID).count();
        assert_eq!(valid, 64 * 64);
        for (i, &hi) in ALPHABET.iter().enumerate() {
            for (j, &lo) in ALPHABET.iter().enumerate() {
                let value = pairs()[usize::from(hi) << 7 | usize::from(lo)];
                assert_eq!(usize::from(value), i << 6 | j);
            }
        }
    }
}
