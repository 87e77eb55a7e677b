//! Small typed readers shared by the SSBTEK decoders.

use std::str::FromStr;

use rust_decimal::Decimal;

use crate::period::XsdDate;
use crate::wire::xml::{EventSource, XmlErrorKind, XmlReader, is_xml_space, parse_xs_boolean};

use super::DecodeError;

pub(crate) fn collapse(text: &str) -> &str {
    text.trim_matches(is_xml_space)
}

/// The innermost element is not allowed here.
pub(crate) fn unexpected<S: EventSource>(r: &XmlReader<S>) -> DecodeError {
    let name = r.path().rsplit('/').next().unwrap_or_default().to_owned();
    r.error(XmlErrorKind::UnexpectedElement { name })
}

pub(crate) fn missing<S: EventSource>(r: &XmlReader<S>, name: &'static str) -> DecodeError {
    r.error(XmlErrorKind::MissingElement { name })
}

pub(crate) fn text<S: EventSource>(r: &mut XmlReader<S>) -> Result<String, DecodeError> {
    r.read_text()
}

pub(crate) fn date<S: EventSource>(r: &mut XmlReader<S>) -> Result<XsdDate, DecodeError> {
    r.read_text_with(|t| {
        XsdDate::parse(collapse(t)).map_err(|_| XmlErrorKind::InvalidValue {
            expected: "xs:date",
        })
    })
}

pub(crate) fn boolean<S: EventSource>(r: &mut XmlReader<S>) -> Result<bool, DecodeError> {
    r.read_text_with(|t| {
        parse_xs_boolean(t).ok_or(XmlErrorKind::InvalidValue {
            expected: "xs:boolean",
        })
    })
}

pub(crate) fn int<S: EventSource, T: FromStr>(r: &mut XmlReader<S>) -> Result<T, DecodeError> {
    r.read_text_with(|t| {
        let t = collapse(t);
        let t = t.strip_prefix('+').unwrap_or(t);
        t.parse::<T>().map_err(|_| XmlErrorKind::InvalidValue {
            expected: "an integer",
        })
    })
}

pub(crate) fn decimal<S: EventSource>(r: &mut XmlReader<S>) -> Result<Decimal, DecodeError> {
    r.read_text_with(|t| {
        let t = collapse(t);
        let ok = !t.is_empty()
            && t.trim_start_matches(['+', '-'])
                .chars()
                .all(|c| c.is_ascii_digit() || c == '.');
        if !ok {
            return Err(XmlErrorKind::InvalidValue {
                expected: "xs:decimal",
            });
        }
        Decimal::from_str(t.strip_prefix('+').unwrap_or(t)).map_err(|_| {
            XmlErrorKind::InvalidValue {
                expected: "xs:decimal",
            }
        })
    })
}

/// Parses the text with `FromStr`, naming `expected` on failure.
pub(crate) fn parsed<S: EventSource, T: FromStr>(
    r: &mut XmlReader<S>,
    expected: &'static str,
) -> Result<T, DecodeError> {
    r.read_text_with(|t| {
        t.parse::<T>()
            .map_err(|_| XmlErrorKind::InvalidValue { expected })
    })
}

/// Sets an optional field, refusing a second occurrence.
pub(crate) fn once<S: EventSource, T>(
    r: &XmlReader<S>,
    slot: &mut Option<T>,
    value: T,
    name: &'static str,
) -> Result<(), DecodeError> {
    if slot.is_some() {
        return Err(r.error(XmlErrorKind::Duplicate { name }));
    }
    *slot = Some(value);
    Ok(())
}
