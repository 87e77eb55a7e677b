//! Small typed readers shared by the SSBTEK decoders.

use std::str::FromStr;

use rust_decimal::Decimal;

use crate::model::ssbtek::{Base64Blob, XsdDateTime};
use crate::period::XsdDate;
use crate::xml::{EventSource, XmlErrorKind, XmlReader};

use super::DecodeError;

pub(crate) use crate::xs::collapse;

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

pub(crate) fn date_time<S: EventSource>(r: &mut XmlReader<S>) -> Result<XsdDateTime, DecodeError> {
    r.read_text_with(|t| {
        XsdDateTime::parse(collapse(t)).map_err(|_| XmlErrorKind::InvalidValue {
            expected: "xs:dateTime",
        })
    })
}

/// An `xs:base64Binary` text (what [`base64`] reads).
pub(crate) fn base64_text(t: &str) -> Result<Base64Blob, XmlErrorKind> {
    Base64Blob::decode(t).map_err(|_| XmlErrorKind::InvalidValue {
        expected: "xs:base64Binary",
    })
}

pub(crate) fn base64<S: EventSource>(r: &mut XmlReader<S>) -> Result<Base64Blob, DecodeError> {
    r.read_text_with(base64_text)
}

pub(crate) fn boolean<S: EventSource>(r: &mut XmlReader<S>) -> Result<bool, DecodeError> {
    r.read_text_with(|t| {
        crate::xs::boolean(collapse(t)).ok_or(XmlErrorKind::InvalidValue {
            expected: "xs:boolean",
        })
    })
}

pub(crate) fn int<S: EventSource, T: FromStr>(r: &mut XmlReader<S>) -> Result<T, DecodeError> {
    r.read_text_with(|t| {
        crate::xs::integer(collapse(t)).ok_or(XmlErrorKind::InvalidValue {
            expected: "an integer",
        })
    })
}

pub(crate) fn decimal<S: EventSource>(r: &mut XmlReader<S>) -> Result<Decimal, DecodeError> {
    r.read_text_with(|t| {
        crate::xs::decimal(collapse(t), crate::xs::DecimalForm::Xs).map_err(|_| {
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
