//! The decoder: the document head (namespace, root, `lefiOnlineVersion`) and the value
//! readers the generated per-type readers call.

use core::str::FromStr;

use chrono::NaiveDate;
use rust_decimal::Decimal;

use super::error::Error;
use super::gating;
use super::{DecodeSettings, Decoded, UnknownElements, Warning, XmlDocument};
use crate::id::{Personidentitet, Sensitive};
use crate::model::lefi::{Ersattning, LefiSifferkod};
use crate::period::{FranTill, PartialDate};
use crate::version::LefiVersion;
use crate::xml::{Element, EventSource, XmlErrorKind, XmlReader};

/// Decoding context: the document's version and namespace, the unknown-element policy and
/// the warnings collected so far.
#[allow(unreachable_pub)] // unnameable outside the crate: it seals `XmlDocument`
pub struct Dx {
    pub(super) version: LefiVersion,
    pub(super) ns: &'static str,
    unknown: UnknownElements,
    pub(super) warnings: Vec<Warning>,
    /// The last [`Element::ns_key`] classified by [`ns_of`], with its class: one for the
    /// default namespace, one for prefixed names (both alternate in the code pairs).
    ns_seen: ((u64, u8), (u64, u8)),
}

impl Dx {
    /// Handles a child element the schema of this version does not have (the element has
    /// just been returned by `next_child`).
    pub(super) fn unknown<S: EventSource>(
        &mut self,
        r: &mut XmlReader<S>,
        name: String,
    ) -> Result<(), Error> {
        match self.unknown {
            UnknownElements::Deny => Err(r.error(XmlErrorKind::UnexpectedElement { name }).into()),
            UnknownElements::Warn => {
                let path = r.path().to_owned();
                let fragment = r.capture()?;
                self.warnings.push(Warning::new(path, name, fragment));
                Ok(())
            }
            UnknownElements::Skip => Ok(r.skip()?),
        }
    }
}

/// Which namespace an element is in: 1 the document's, 2 the code-pair namespace, 0 other.
///
/// The class is remembered with the reader's [`Element::ns_key`], so the URI is compared
/// once per namespace binding, not once per element.
pub(super) fn ns_of(e: &Element<'_>, cx: &mut Dx) -> u8 {
    let key = e.ns_key();
    let seen = if key & 1 == 1 {
        &mut cx.ns_seen.1
    } else {
        &mut cx.ns_seen.0
    };
    if key != 0 && key == seen.0 {
        return seen.1;
    }
    let class = match e.ns() {
        Some(ns) if ns == cx.ns => 1,
        Some(ns) if ns == gating::EXA_NAMESPACE => 2,
        _ => 0,
    };
    if key != 0 {
        *seen = (key, class);
    }
    class
}

/// Refuses a second occurrence of a single-valued element.
pub(super) fn once<S: EventSource>(
    r: &XmlReader<S>,
    seen: bool,
    name: &'static str,
) -> Result<(), Error> {
    if seen {
        return Err(r.error(XmlErrorKind::Duplicate { name }).into());
    }
    Ok(())
}

/// A required element's value, or a positioned `missing element` error.
pub(super) fn required<S: EventSource, T>(
    r: &XmlReader<S>,
    value: Option<T>,
    name: &'static str,
) -> Result<T, Error> {
    value.ok_or_else(|| r.error(XmlErrorKind::MissingElement { name }).into())
}

/// A code of a closed or open list, parsed through its `FromStr`.
pub(super) fn code<T: FromStr, S: EventSource>(
    r: &mut XmlReader<S>,
    list: &'static str,
) -> Result<T, Error> {
    Ok(r.read_text_with(|t| {
        T::from_str(t).map_err(|_| XmlErrorKind::InvalidValue { expected: list })
    })?)
}

/// Refuses a code the document's version does not allow.
pub(super) fn code_in<S: EventSource>(
    r: &XmlReader<S>,
    cx: &Dx,
    since: LefiVersion,
    code: &str,
) -> Result<(), Error> {
    if since > cx.version {
        return Err(Error::CodeNotInVersion {
            code: code.to_owned(),
            version: cx.version,
            position: r.position(),
        });
    }
    Ok(())
}

pub(super) fn string<S: EventSource>(
    r: &mut XmlReader<S>,
    _: &mut Dx,
) -> Result<crate::text::Text, Error> {
    Ok(r.read_text_with(|t| Ok(crate::text::Text::from(t)))?)
}

pub(super) fn sensitive<S: EventSource>(
    r: &mut XmlReader<S>,
    _: &mut Dx,
) -> Result<Sensitive, Error> {
    Ok(Sensitive::new(r.read_text()?))
}

pub(super) fn pid<S: EventSource>(
    r: &mut XmlReader<S>,
    _: &mut Dx,
) -> Result<Personidentitet, Error> {
    Ok(r.read_text_with(|t| {
        Personidentitet::parse(t).map_err(|_| XmlErrorKind::InvalidValue {
            expected: "a 10- or 12-digit personnummer",
        })
    })?)
}

pub(super) fn bool<S: EventSource>(r: &mut XmlReader<S>, _: &mut Dx) -> Result<bool, Error> {
    Ok(r.read_text_with(|t| {
        crate::xs::boolean(crate::xs::collapse(t)).ok_or(XmlErrorKind::InvalidValue {
            expected: "xs:boolean",
        })
    })?)
}

pub(super) fn int<S: EventSource>(r: &mut XmlReader<S>, _: &mut Dx) -> Result<i64, Error> {
    Ok(r.read_text_with(|t| {
        crate::xs::integer(crate::xs::collapse(t)).ok_or(XmlErrorKind::InvalidValue {
            expected: "xs:long",
        })
    })?)
}

/// `xs:decimal` (no exponent), exactly: `1.50` keeps its scale.
pub(super) fn parse_decimal(text: &str) -> Result<Decimal, XmlErrorKind> {
    crate::xs::decimal(crate::xs::collapse(text), crate::xs::DecimalForm::Xs).map_err(|_| {
        XmlErrorKind::InvalidValue {
            expected: "xs:decimal",
        }
    })
}

pub(super) fn decimal<S: EventSource>(r: &mut XmlReader<S>, _: &mut Dx) -> Result<Decimal, Error> {
    Ok(r.read_text_with(parse_decimal)?)
}

/// `YYYY-MM-DD` exactly (the schema's `Datum`: an `xs:date` without time zone).
pub(super) fn parse_date(text: &str) -> Result<NaiveDate, XmlErrorKind> {
    crate::xs::date(crate::xs::collapse(text)).ok_or(XmlErrorKind::InvalidValue {
        expected: "a date YYYY-MM-DD",
    })
}

pub(super) fn date<S: EventSource>(r: &mut XmlReader<S>, _: &mut Dx) -> Result<NaiveDate, Error> {
    Ok(r.read_text_with(parse_date)?)
}

fn partial_date<S: EventSource>(r: &mut XmlReader<S>) -> Result<PartialDate, Error> {
    Ok(r.read_text_with(|t| {
        PartialDate::parse(t).map_err(|_| XmlErrorKind::InvalidValue {
            expected: "a date YYYY, YYYY-MM or YYYY-MM-DD",
        })
    })?)
}

/// `LefiFranTill`: optional `fran` and `till` children.
pub(super) fn frantill<S: EventSource>(
    r: &mut XmlReader<S>,
    cx: &mut Dx,
) -> Result<FranTill, Error> {
    let (mut fran, mut till) = (None, None);
    loop {
        let (slot, unknown) = {
            let Some(e) = r.next_child()? else { break };
            let slot = match (ns_of(&e, cx), e.local()) {
                (1, "fran") => 0u8,
                (1, "till") => 1,
                _ => u8::MAX,
            };
            (slot, (slot == u8::MAX).then(|| e.expanded_name()))
        };
        match slot {
            0 => {
                once(r, fran.is_some(), "fran")?;
                fran = Some(partial_date(r)?);
            }
            1 => {
                once(r, till.is_some(), "till")?;
                till = Some(partial_date(r)?);
            }
            _ => cx.unknown(r, unknown.unwrap_or_default())?,
        }
    }
    Ok(FranTill::new(fran, till))
}

/// `ersattning` of sjukpenning-like decisions: text (the schema's form) or
/// `<EXA:id>`/`<EXA:beskrivning>` children (the contract example's form). Mixed content,
/// so the element is captured (it is small) and then interpreted.
pub(super) fn ersattning<S: EventSource>(
    r: &mut XmlReader<S>,
    _: &mut Dx,
) -> Result<Ersattning, Error> {
    let fragment = r.capture()?;
    if fragment.elements().next().is_none() {
        return Ok(Ersattning::Text(fragment.text()));
    }
    let mut kod = LefiSifferkod::default();
    for child in fragment.elements() {
        let name = child.name();
        let exa = name.ns() == Some(gating::EXA_NAMESPACE);
        let invalid = |expected| r.error(XmlErrorKind::InvalidValue { expected });
        match (exa, name.local()) {
            (true, "id") if kod.id.is_none() => {
                let text = child.text();
                let id = text.trim_matches(crate::xs::is_space).parse::<i64>();
                kod.id = Some(id.map_err(|_| invalid("xs:long in ersattning/id"))?);
            }
            (true, "beskrivning") if kod.beskrivning.is_none() => {
                kod.beskrivning = Some(child.text().into());
            }
            _ => {
                let name = match name.ns() {
                    Some(ns) => format!("{{{ns}}}{}", name.local()),
                    None => name.local().to_owned(),
                };
                return Err(r.error(XmlErrorKind::UnexpectedElement { name }).into());
            }
        }
    }
    if !fragment.text().trim_matches(crate::xs::is_space).is_empty() {
        return Err(r.error(XmlErrorKind::UnexpectedText).into());
    }
    Ok(Ersattning::Kod(kod))
}

/// Reads a whole document: detects the version from the root's namespace, checks the root
/// name and `lefiOnlineVersion`, then hands over to the generated reader of the root type.
pub(super) fn decode<S: EventSource, T: XmlDocument>(
    mut r: XmlReader<S>,
    settings: &DecodeSettings,
) -> Result<Decoded<T>, Error> {
    let head = {
        let Some(root) = r.next_child()? else {
            return Err(r.error(XmlErrorKind::NoRoot).into());
        };
        let version = gating::VERSIONS
            .iter()
            .find(|(_, ns, _)| root.ns() == Some(*ns))
            .copied();
        let namespace = root.ns().unwrap_or_default().to_owned();
        let found = root.local().to_owned();
        let attribute = root.attribute(None, "lefiOnlineVersion");
        (version, namespace, found, attribute)
    };
    let (version, namespace, found, attribute) = head;
    let Some((version, ns, attr_text)) = version else {
        return Err(Error::UnknownNamespace {
            namespace,
            position: r.position(),
        });
    };
    if found != T::ROOT {
        return Err(Error::WrongRoot {
            expected: T::ROOT,
            found,
            position: r.position(),
        });
    }
    match attribute.map_err(|kind| r.error(kind))? {
        Some(text) if text.trim_matches(crate::xs::is_space) != attr_text => {
            return Err(Error::VersionMismatch {
                namespace_version: version,
                position: r.position(),
            });
        }
        None if T::VERSION_ATTRIBUTE_REQUIRED => {
            return Err(r
                .error(XmlErrorKind::MissingAttribute {
                    name: "lefiOnlineVersion",
                })
                .into());
        }
        _ => {}
    }
    let mut cx = Dx {
        version,
        ns,
        unknown: settings.unknown_elements,
        warnings: Vec::new(),
        ns_seen: ((0, 0), (0, 0)),
    };
    let value = T::read(&mut r, &mut cx)?;
    r.finish()?;
    Ok(Decoded {
        value,
        version,
        warnings: cx.warnings,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decimals_follow_xs_decimal() {
        assert_eq!(
            parse_decimal(" 1.50 ").map(|d| d.to_string()),
            Ok("1.50".to_owned())
        );
        assert_eq!(
            parse_decimal("+3").map(|d| d.to_string()),
            Ok("3".to_owned())
        );
        assert_eq!(
            parse_decimal("-.5").map(|d| d.to_string()),
            Ok("-0.5".to_owned())
        );
        for bad in ["", "1e2", "1.2.3", "abc", "+", ".", "1,5", "NaN"] {
            assert!(parse_decimal(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn dates_are_exactly_yyyy_mm_dd() {
        assert_eq!(
            parse_date("2024-02-29"),
            Ok(NaiveDate::from_ymd_opt(2024, 2, 29).unwrap_or_default())
        );
        for bad in [
            "2023-02-29",
            "2024-2-29",
            "2024-02-29Z",
            "20240229",
            "+2024-02-2",
        ] {
            assert!(parse_date(bad).is_err(), "{bad}");
        }
    }
}
