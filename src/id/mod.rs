//! Identity numbers and personal data: [`Personnummer`], [`Personidentitet`],
//! [`Organisationsnummer`] and [`Sensitive`].
//!
//! Every type here holds personal data (or may, in the case of an organisation number of a
//! sole trader), so `Debug` and `Display` are redacted: at most the birth year of a person is
//! shown (`1974********`). The raw value is only available through an explicitly named
//! accessor (`expose_digits`, `expose`, `expose_wire`) so that every place that handles the
//! raw value can be found with `grep expose`. Error messages never contain the input.
//! serde writes the wire string, marked (a newtype struct with a reserved name that
//! serde_json treats as transparent) so that [`crate::legal::redacted`] masks it.
//!
//! ```
//! use lefi::id::Personnummer;
//!
//! let pnr: Personnummer = "19121212-1212".parse()?;
//! assert_eq!(pnr.to_string(), "1912********");
//! assert_eq!(format!("{pnr:?}"), "Personnummer(1912********)");
//! assert_eq!(pnr.expose_digits(), "191212121212");
//! # Ok::<(), lefi::id::ParsePersonnummerError>(())
//! ```

mod organisationsnummer;
pub(crate) mod personal;
mod personidentitet;
mod personnummer;
mod sensitive;

pub use organisationsnummer::{Organisationsnummer, ParseOrganisationsnummerError};
pub use personidentitet::{ParsePersonidentitetError, Personidentitet};
pub use personnummer::{ParsePersonnummerError, Personnummer};
pub use sensitive::Sensitive;

/// Converts ASCII digits to their values, or `None` if any byte is not an ASCII digit or the
/// length is not `N`.
fn digit_values<const N: usize>(bytes: &[u8]) -> Option<[u8; N]> {
    let mut out: [u8; N] = <[u8; N]>::try_from(bytes).ok()?;
    for b in &mut out {
        if !b.is_ascii_digit() {
            return None;
        }
        *b -= b'0';
    }
    Some(out)
}

/// Converts `head` followed by `tail` (ASCII digits) to `N` digit values, or `None` if the
/// lengths do not add up to `N` or a byte is not an ASCII digit.
fn joined_digit_values<const N: usize>(head: &[u8], tail: &[u8]) -> Option<[u8; N]> {
    if head.len() + tail.len() != N {
        return None;
    }
    let mut out = [0u8; N];
    for (slot, b) in out.iter_mut().zip(head.iter().chain(tail)) {
        if !b.is_ascii_digit() {
            return None;
        }
        *slot = b - b'0';
    }
    Some(out)
}

/// Whether the digit values (each 0–9) pass the Luhn (mod 10) check, the check digit being the
/// last one. Used over the last ten digits of personnummer and organisationsnummer.
fn luhn_valid(values: &[u8]) -> bool {
    let sum: u32 = values
        .iter()
        .rev()
        .enumerate()
        .map(|(i, &d)| {
            let d = u32::from(d);
            if i % 2 == 1 {
                let doubled = d * 2;
                if doubled > 9 { doubled - 9 } else { doubled }
            } else {
                d
            }
        })
        .sum();
    sum % 10 == 0
}

/// Views bytes that are ASCII digits by construction as `&str`.
///
/// The types in this module only ever store ASCII digits, so the fallback (an empty string)
/// is unreachable; it exists so that no code path can panic.
fn ascii_str(bytes: &[u8]) -> &str {
    std::str::from_utf8(bytes).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn luhn_accepts_known_numbers_and_rejects_changed_check_digit() {
        let ok = digit_values::<10>(b"1212121212");
        assert_eq!(ok.map(|v| luhn_valid(&v)), Some(true));
        let bad = digit_values::<10>(b"1212121213");
        assert_eq!(bad.map(|v| luhn_valid(&v)), Some(false));
        let org = digit_values::<10>(b"2120002411");
        assert_eq!(org.map(|v| luhn_valid(&v)), Some(true));
    }

    #[test]
    fn digit_values_rejects_non_digits_and_wrong_length() {
        assert_eq!(digit_values::<3>(b"12a"), None);
        assert_eq!(digit_values::<3>(b"1234"), None);
        assert_eq!(digit_values::<3>(b"123"), Some([1, 2, 3]));
    }
}
