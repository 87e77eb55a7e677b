//! Dates and date-times from their text: `YYYY-MM-DD` (what every contract writes, LEFI's
//! `format: date`, `xs:date` without its timezone) and `YYYY-MM-DDThh:mm:ss[.f]` with an
//! optional timezone (`xs:dateTime`, RFC 3339).

use chrono::{Datelike, NaiveDate, NaiveDateTime, NaiveTime};

/// Parses one to nine ASCII digits as a number.
pub(crate) fn digits(bytes: &[u8]) -> Option<u32> {
    if bytes.is_empty() || bytes.len() > 9 || !bytes.iter().all(u8::is_ascii_digit) {
        return None;
    }
    Some(
        bytes
            .iter()
            .fold(0u32, |acc, b| acc * 10 + u32::from(b - b'0')),
    )
}

/// Parses exactly `YYYY-MM-DD` (four-digit year, two-digit month and day) to a valid date;
/// no sign, no timezone, no whitespace.
///
/// ```
/// use chrono::NaiveDate;
/// assert_eq!(lefi::xs::date("2024-02-29"), NaiveDate::from_ymd_opt(2024, 2, 29));
/// for bad in ["2023-02-29", "2024-2-29", "24-02-29", "2024-02-29Z", "+2024-02-2", " 2024-02-29"] {
///     assert_eq!(lefi::xs::date(bad), None);
/// }
/// ```
#[must_use]
pub fn date(text: &str) -> Option<NaiveDate> {
    let [y0, y1, y2, y3, b'-', m0, m1, b'-', d0, d1] = *text.as_bytes() else {
        return None;
    };
    let year = digits(&[y0, y1, y2, y3])?;
    let month = digits(&[m0, m1])?;
    let day = digits(&[d0, d1])?;
    NaiveDate::from_ymd_opt(i32::try_from(year).ok()?, month, day)
}

/// `YYYY-MM-DD` of a date whose year has four digits (`None` for others).
pub(crate) fn format_date(date: NaiveDate) -> Option<[u8; 10]> {
    let year = u32::try_from(date.year()).ok().filter(|y| *y <= 9999)?;
    let (m, d) = (date.month(), date.day());
    let digit = |v: u32| b'0' + u8::try_from(v % 10).unwrap_or(0);
    Some([
        digit(year / 1000),
        digit(year / 100),
        digit(year / 10),
        digit(year),
        b'-',
        digit(m / 10),
        digit(m),
        b'-',
        digit(d / 10),
        digit(d),
    ])
}

/// Parses `YYYY-MM-DDThh:mm:ss` with optional fractional seconds (`.f`, one to nine
/// digits), followed by an optional timezone, which is returned as written (`Z`,
/// `±hh:mm`; the caller parses it, see [`XsdTimezone`](crate::period::XsdTimezone)).
///
/// ```
/// let (local, tz) = lefi::xs::date_time("2026-09-22T10:15:30.5+02:00").ok_or("bad")?;
/// assert_eq!(local.to_string(), "2026-09-22 10:15:30.500");
/// assert_eq!(tz, "+02:00");
/// assert_eq!(lefi::xs::date_time("2026-09-22T10:15:30").map(|(_, tz)| tz), Some(""));
/// assert!(lefi::xs::date_time("2026-09-22").is_none());
/// assert!(lefi::xs::date_time("2026-09-22T25:00:00").is_none());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[must_use]
pub fn date_time(text: &str) -> Option<(NaiveDateTime, &str)> {
    let day = date(text.get(..10)?)?;
    let rest = text.get(10..)?.strip_prefix('T')?;
    let [h0, h1, b':', mi0, mi1, b':', s0, s1, ..] = *rest.as_bytes() else {
        return None;
    };
    let (hour, minute, second) = (digits(&[h0, h1])?, digits(&[mi0, mi1])?, digits(&[s0, s1])?);
    let rest = rest.get(8..)?;
    let (nanos, tz) = match rest.strip_prefix('.') {
        Some(fraction) => {
            let len = fraction.bytes().take_while(u8::is_ascii_digit).count();
            if len == 0 || len > 9 {
                return None;
            }
            let value = digits(fraction.as_bytes().get(..len)?)?;
            let nanos = value * 10u32.pow(u32::try_from(9 - len).ok()?);
            (nanos, fraction.get(len..)?)
        }
        None => (0, rest),
    };
    let time = NaiveTime::from_hms_nano_opt(hour, minute, second, nanos)?;
    Some((day.and_time(time), tz))
}

/// Parses an RFC 3339 `date-time` (the OpenAPI `format: date-time` of LEFI v9): offsets
/// up to ±23:59, `t`/`z` in either case. Unlike `xs:dateTime` ([`date_time`]), the
/// timezone is required. chrono's parser, so that every spoke reads the form the same way.
///
/// ```
/// let t = lefi::xs::rfc3339("2026-09-22T10:15:30+14:03").ok_or("bad")?;
/// assert_eq!(t.offset().local_minus_utc(), (14 * 60 + 3) * 60);
/// assert!(lefi::xs::rfc3339("2026-09-22t10:15:30z").is_some());
/// assert!(lefi::xs::rfc3339("2026-09-22T10:15:30").is_none());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[must_use]
pub fn rfc3339(text: &str) -> Option<chrono::DateTime<chrono::FixedOffset>> {
    chrono::DateTime::parse_from_rfc3339(text).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_with_four_year_digits() {
        let d = NaiveDate::from_ymd_opt(987, 1, 5).map(format_date);
        assert_eq!(d, Some(Some(*b"0987-01-05")));
        assert_eq!(
            NaiveDate::from_ymd_opt(10_000, 1, 1).and_then(format_date),
            None
        );
    }

    #[test]
    fn date_times_keep_fractions_and_hand_back_the_timezone() {
        let (t, tz) = date_time("2024-03-01T10:15:00.120Z").unwrap_or_default();
        assert_eq!(
            (t.to_string().as_str(), tz),
            ("2024-03-01 10:15:00.120", "Z")
        );
        for bad in [
            "2024-03-01 10:15:00",
            "2024-03-01T10:15",
            "2024-03-01T10:15:00.",
            "2024-03-01T10:15:00.1234567891",
            "2024-02-30T10:15:00",
        ] {
            assert!(date_time(bad).is_none(), "{bad}");
        }
    }
}
