//! Exact decimals from their text: a JSON number or an `xs:decimal`, one scanner each over
//! one exact conversion, never through `f64`.

use rust_decimal::Decimal;

/// Which lexical form a decimal is written in.
///
/// ```
/// use lefi::xs::{decimal, DecimalForm};
/// assert_eq!(decimal("1.5e1", DecimalForm::Json)?.to_string(), "15");
/// assert!(decimal("1.5e1", DecimalForm::Xs).is_err());
/// assert_eq!(decimal("+007.50", DecimalForm::Xs)?.to_string(), "7.50");
/// assert!(decimal("+007.50", DecimalForm::Json).is_err());
/// # Ok::<(), lefi::xs::ParseAmountError>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum DecimalForm {
    /// A JSON number: `-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?` (LEFI v9, Skatteverket's
    /// JSON).
    Json,
    /// An `xs:decimal`: `[+-]?([0-9]+(\.[0-9]*)?|\.[0-9]+)`, no exponent, leading zeros
    /// allowed (the XML codecs, SSBTEK's agency payloads, and decimals written as JSON
    /// strings).
    Xs,
}

/// Parses `text` in `form` into an exact [`Decimal`], keeping the scale written
/// (`1.50` stays `1.50`). No surrounding whitespace is accepted: XML callers collapse it
/// first ([`collapse`](super::collapse)).
///
/// # Errors
/// [`ParseAmountError`] when the text is not of the form, or does not fit a `Decimal`
/// exactly.
pub fn decimal(text: &str, form: DecimalForm) -> Result<Decimal, ParseAmountError> {
    match form {
        DecimalForm::Json => {
            if let Some(d) = plain_decimal(text) {
                return Ok(d);
            }
            Digits::json(text)?.to_decimal()
        }
        DecimalForm::Xs => Digits::xs(text)?.to_decimal(),
    }
}

/// Why a text is not an exact decimal number.
///
/// ```
/// use lefi::xs::{decimal, DecimalForm, ParseAmountError};
///
/// assert_eq!(decimal("", DecimalForm::Json), Err(ParseAmountError::Empty));
/// assert_eq!(decimal("NaN", DecimalForm::Json), Err(ParseAmountError::NotFinite));
/// assert_eq!(decimal("1,5", DecimalForm::Json), Err(ParseAmountError::Syntax));
/// assert_eq!(decimal("1e40", DecimalForm::Json), Err(ParseAmountError::OutOfRange));
/// assert_eq!(decimal("1e-40", DecimalForm::Json), Err(ParseAmountError::TooPrecise));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, thiserror::Error)]
#[non_exhaustive]
pub enum ParseAmountError {
    /// The text is empty.
    #[error("amount is empty")]
    Empty,
    /// `NaN` or an infinity (not JSON numbers, and not amounts).
    #[error("amount is not a finite number")]
    NotFinite,
    /// Not a number of the form asked for ([`DecimalForm`]).
    #[error("amount is not a valid number")]
    Syntax,
    /// The magnitude is too large for a `Decimal` (about 7.9 × 10²⁸).
    #[error("amount is out of range")]
    OutOfRange,
    /// More than 28 significant decimal places; cannot be held exactly.
    #[error("amount has more decimal places than can be held exactly")]
    TooPrecise,
}

/// The most decimal places a `Decimal` holds.
const MAX_SCALE: u32 = 28;

/// The parts of a syntactically valid JSON number.
/// A decimal's digits and exponent, as scanned from its text.
struct Digits<'a> {
    negative: bool,
    /// Integer digits followed by fraction digits (ASCII).
    integer: &'a [u8],
    fraction: &'a [u8],
    /// The exponent, saturated to ±(a bound far beyond any representable value).
    exponent: i64,
}

impl<'a> Digits<'a> {
    /// A JSON number.
    fn json(text: &'a str) -> Result<Self, ParseAmountError> {
        if text.is_empty() {
            return Err(ParseAmountError::Empty);
        }
        let unsigned = text.strip_prefix(['-', '+']).unwrap_or(text);
        if ["nan", "inf", "infinity"]
            .iter()
            .any(|word| unsigned.eq_ignore_ascii_case(word))
        {
            return Err(ParseAmountError::NotFinite);
        }
        let bytes = text.as_bytes();
        let (negative, rest) = match bytes {
            [b'-', rest @ ..] => (true, rest),
            _ => (false, bytes),
        };
        let int_len = rest.iter().take_while(|b| b.is_ascii_digit()).count();
        let (integer, rest) = rest.split_at(int_len);
        if integer.is_empty() || (integer.len() > 1 && integer.starts_with(b"0")) {
            return Err(ParseAmountError::Syntax);
        }
        let (fraction, rest) = match rest {
            [b'.', rest @ ..] => {
                let len = rest.iter().take_while(|b| b.is_ascii_digit()).count();
                let (fraction, rest) = rest.split_at(len);
                if fraction.is_empty() {
                    return Err(ParseAmountError::Syntax);
                }
                (fraction, rest)
            }
            _ => (&[][..], rest),
        };
        let exponent = match rest {
            [] => 0,
            [b'e' | b'E', rest @ ..] => parse_exponent(rest)?,
            _ => return Err(ParseAmountError::Syntax),
        };
        Ok(Self {
            negative,
            integer,
            fraction,
            exponent,
        })
    }

    /// An `xs:decimal`.
    fn xs(text: &'a str) -> Result<Self, ParseAmountError> {
        if text.is_empty() {
            return Err(ParseAmountError::Empty);
        }
        let bytes = text.as_bytes();
        let (negative, rest) = match bytes {
            [b'-', rest @ ..] => (true, rest),
            [b'+', rest @ ..] => (false, rest),
            _ => (false, bytes),
        };
        let int_len = rest.iter().take_while(|b| b.is_ascii_digit()).count();
        let (integer, rest) = rest.split_at(int_len);
        let fraction = match rest {
            [] => &[][..],
            [b'.', fraction @ ..] if fraction.iter().all(u8::is_ascii_digit) => fraction,
            _ => return Err(ParseAmountError::Syntax),
        };
        if integer.is_empty() && fraction.is_empty() {
            return Err(ParseAmountError::Syntax);
        }
        Ok(Self {
            negative,
            integer,
            fraction,
            exponent: 0,
        })
    }

    fn to_decimal(&self) -> Result<Decimal, ParseAmountError> {
        // Significant digits as an integer mantissa (i128 holds 38 digits; Decimal 28–29).
        let mut mantissa: i128 = 0;
        let mut pending_zeros: u32 = 0;
        let mut scale: i64 = i64::try_from(self.fraction.len()).unwrap_or(i64::MAX) - self.exponent;
        for &b in self.integer.iter().chain(self.fraction) {
            let digit = i128::from(b - b'0');
            if digit == 0 && mantissa != 0 {
                // Defer zeros so that long runs of trailing zeros cannot overflow.
                pending_zeros = pending_zeros.saturating_add(1);
                continue;
            }
            if mantissa != 0 {
                mantissa = scale_up(mantissa, pending_zeros + 1)?;
                pending_zeros = 0;
            }
            mantissa = mantissa
                .checked_add(digit)
                .ok_or(ParseAmountError::OutOfRange)?;
        }
        // Trailing zeros: drop them while the scale is too large, else multiply them back in.
        let droppable = i64::from(pending_zeros).min((scale - i64::from(MAX_SCALE)).max(0));
        scale -= droppable;
        let remaining = u32::try_from(i64::from(pending_zeros) - droppable).unwrap_or(u32::MAX);
        if mantissa != 0 {
            mantissa = scale_up(mantissa, remaining)?;
        }
        if scale < 0 {
            if mantissa != 0 {
                let up = u32::try_from(-scale).map_err(|_| ParseAmountError::OutOfRange)?;
                mantissa = scale_up(mantissa, up)?;
            }
            scale = 0;
        }
        if scale > i64::from(MAX_SCALE) {
            if mantissa != 0 {
                return Err(ParseAmountError::TooPrecise);
            }
            scale = i64::from(MAX_SCALE);
        }
        let mut scale = u32::try_from(scale).map_err(|_| ParseAmountError::TooPrecise)?;
        if self.negative {
            mantissa = -mantissa;
        }
        loop {
            match Decimal::try_from_i128_with_scale(mantissa, scale) {
                Ok(value) => return Ok(value),
                // Too many digits: drop a trailing fraction zero if there is one (exact).
                Err(_) if scale > 0 && mantissa % 10 == 0 => {
                    mantissa /= 10;
                    scale -= 1;
                }
                Err(_) => return Err(ParseAmountError::OutOfRange),
            }
        }
    }
}

/// `mantissa × 10^places`, or `OutOfRange`.
fn scale_up(mantissa: i128, places: u32) -> Result<i128, ParseAmountError> {
    10i128
        .checked_pow(places)
        .and_then(|factor| mantissa.checked_mul(factor))
        .ok_or(ParseAmountError::OutOfRange)
}

/// Parses `[+-]?[0-9]+`, saturating far beyond any meaningful exponent.
fn parse_exponent(bytes: &[u8]) -> Result<i64, ParseAmountError> {
    let (negative, digits) = match bytes {
        [b'-', rest @ ..] => (true, rest),
        [b'+', rest @ ..] => (false, rest),
        _ => (false, bytes),
    };
    if digits.is_empty() || !digits.iter().all(u8::is_ascii_digit) {
        return Err(ParseAmountError::Syntax);
    }
    let magnitude = digits.iter().fold(0i64, |acc, b| {
        acc.saturating_mul(10)
            .saturating_add(i64::from(b - b'0'))
            .min(1_000_000_000)
    });
    Ok(if negative { -magnitude } else { magnitude })
}

/// The fast path for the common case, a plain `-?digits(.digits)?` of at most 18 digits
/// (every amount FK and PM send): the same value and scale as the general conversion,
/// without its general machinery. `None` for anything else (exponents, long numbers,
/// negative zero), which then goes through the general conversion.
fn plain_decimal(text: &str) -> Option<Decimal> {
    let bytes = text.as_bytes();
    let (negative, digits) = match bytes {
        [b'-', rest @ ..] => (true, rest),
        _ => (false, bytes),
    };
    // a leading zero followed by a digit is not JSON: the general scanner says so
    if let [b'0', b'0'..=b'9', ..] = digits {
        return None;
    }
    let mut mantissa: i64 = 0;
    let mut count = 0u32;
    let mut scale: Option<u32> = None;
    for &b in digits {
        match b {
            b'0'..=b'9' => {
                // counted first: a nineteenth digit could overflow the mantissa
                count += 1;
                if count > 18 {
                    return None;
                }
                mantissa = mantissa * 10 + i64::from(b - b'0');
                if let Some(s) = scale.as_mut() {
                    *s += 1;
                }
            }
            b'.' if scale.is_none() && count > 0 => scale = Some(0),
            _ => return None,
        }
    }
    if count == 0 || scale == Some(0) || (negative && mantissa == 0) {
        return None;
    }
    let scale = scale.unwrap_or(0);
    Some(Decimal::new(
        if negative { -mantissa } else { mantissa },
        scale,
    ))
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    fn parse_decimal_exact(s: &str) -> Result<Decimal, ParseAmountError> {
        decimal(s, DecimalForm::Json)
    }

    fn ok(s: &str) -> String {
        parse_decimal_exact(s).unwrap().to_string()
    }

    #[test]
    fn exact_values_and_scales() {
        assert_eq!(ok("0"), "0");
        assert_eq!(
            ok("7922816251426433759354395033.50"),
            "7922816251426433759354395033.5"
        );
        assert_eq!(ok("-0"), "0");
        assert_eq!(ok("0.000"), "0.000");
        assert_eq!(ok("1.50e1"), "15.0");
        assert_eq!(ok("1E+2"), "100");
        assert_eq!(ok("123.456e-2"), "1.23456");
        assert_eq!(ok("0e999999999999999999999"), "0");
        assert_eq!(
            ok("1.0000000000000000000000000000000000000000"),
            "1.0000000000000000000000000000"
        );
        assert_eq!(
            ok("79228162514264337593543950335"),
            "79228162514264337593543950335"
        );
        assert_eq!(
            ok("100000000000000000000000000000e-10"),
            "10000000000000000000.000000000"
        );
    }

    #[test]
    fn rejects_non_json_numbers() {
        for s in [
            "+1", ".5", "5.", "01", "1e", "1e+", "--1", "1.2.3", " 1", "1 ", "0x10", "1_000", "−1",
        ] {
            assert_eq!(
                parse_decimal_exact(s),
                Err(ParseAmountError::Syntax),
                "{s:?}"
            );
        }
        for s in ["NaN", "-Infinity", "inf", "+inf"] {
            assert_eq!(
                parse_decimal_exact(s),
                Err(ParseAmountError::NotFinite),
                "{s:?}"
            );
        }
        assert_eq!(
            parse_decimal_exact("79228162514264337593543950336"),
            Err(ParseAmountError::OutOfRange)
        );
        assert_eq!(
            parse_decimal_exact("1e-29"),
            Err(ParseAmountError::TooPrecise)
        );
    }

    #[test]
    fn xs_decimals() {
        let xs = |s: &str| decimal(s, DecimalForm::Xs).map(|d| d.to_string());
        assert_eq!(xs("1.50"), Ok("1.50".to_owned()));
        assert_eq!(xs("+1"), Ok("1".to_owned()));
        assert_eq!(xs("-007.5"), Ok("-7.5".to_owned()));
        assert_eq!(xs(".5"), Ok("0.5".to_owned()));
        assert_eq!(xs("5."), Ok("5".to_owned()));
        for bad in [
            "", "+", "-", ".", "+-1", "1e2", "1.2.3", " 1", "1 ", "0x1", "1,5",
        ] {
            assert!(xs(bad).is_err(), "{bad:?}");
        }
    }

    #[test]
    fn fast_path_agrees_with_the_general_conversion() {
        for text in [
            "0",
            "1",
            "-1",
            "0.1",
            "1.50",
            "-0.10",
            "123456789012345678",
            "-99999999999999.9999",
            "0.000000000000000001",
            "10",
        ] {
            let fast = plain_decimal(text);
            let slow = Digits::json(text).and_then(|d| d.to_decimal()).ok();
            if let Some(fast) = fast {
                assert_eq!(Some(fast), slow, "{text}");
                assert_eq!(fast.to_string(), slow.unwrap().to_string(), "{text}");
            }
        }
        // left to the general parser
        for text in [
            "-0",
            "-0.0",
            "7.",
            "1e2",
            "1.5E-3",
            "1234567890123456789",
            "",
            "-",
            ".5",
            "1.2.3",
        ] {
            assert_eq!(plain_decimal(text), None, "{text}");
        }
    }

    proptest::proptest! {
        #[test]
        fn fast_path_keeps_value_and_scale(mantissa in proptest::prelude::any::<i64>(), scale in 0u32..=18) {
            let text = Decimal::new(mantissa, scale).to_string();
            if let Some(fast) = plain_decimal(&text) {
                let slow = Digits::json(&text).and_then(|d| d.to_decimal()).unwrap();
                proptest::prop_assert_eq!(fast, slow);
                proptest::prop_assert_eq!(fast.scale(), slow.scale());
            }
        }

        #[test]
        fn json_and_xs_agree_on_plain_decimals(mantissa in proptest::prelude::any::<i64>(), scale in 0u32..=28) {
            let text = Decimal::new(mantissa, scale).to_string();
            let json = decimal(&text, DecimalForm::Json);
            proptest::prop_assert_eq!(json, decimal(&text, DecimalForm::Xs));
        }
    }
}
