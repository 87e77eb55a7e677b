//! The decoder: the document head (namespace, root, `lefiOnlineVersion`) and the value
//! readers the generated per-type readers call.

use core::str::FromStr;

use chrono::NaiveDate;
use rust_decimal::Decimal;

use super::error::Error;
use super::gating;
use super::{Document, LefiXmlDocument};
use crate::id::{Personidentitet, Sensitive};
use crate::model::lefi::{
    Ersattning, LefiExternFormansinformationFraga, LefiExternFormansinformationSvar, LefiSifferkod,
};
use crate::period::{FranTill, PartialDate};
use crate::version::LefiVersion;
use crate::wire::{DecodeSettings, Decoded, KeptElement, UnknownContent, Warning, WarningKind};
use crate::xml::{Element, EventSource, XmlErrorKind, XmlReader};

/// Which namespace a child element is in, as the generated readers match on it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum ElementNs {
    /// The document's own namespace (the version's target namespace).
    Document,
    /// The code-pair namespace ([`gating::EXA_NAMESPACE`]).
    Exa,
    /// Any other namespace, or none: never an element of the schema.
    Foreign,
}

/// Decoding state: the document's version and namespace, the unknown-element policy, and
/// the warnings and elements kept so far.
#[allow(unreachable_pub)] // unnameable outside the crate: it seals `LefiXmlDocument`
pub struct DecodeContext {
    pub(super) version: LefiVersion,
    ns: &'static str,
    unknown: UnknownContent,
    warnings: Vec<Warning>,
    kept: Vec<KeptElement>,
    /// The last [`Element::ns_key`] classified by [`namespace_of`](Self::namespace_of),
    /// with its class: one for the default namespace, one for prefixed names (both
    /// alternate in the code pairs).
    ns_seen: ((u64, ElementNs), (u64, ElementNs)),
}

impl DecodeContext {
    fn new(version: LefiVersion, ns: &'static str, settings: &DecodeSettings) -> Self {
        Self {
            version,
            ns,
            unknown: settings.unknown,
            warnings: Vec::new(),
            kept: Vec::new(),
            ns_seen: ((0, ElementNs::Foreign), (0, ElementNs::Foreign)),
        }
    }

    /// Which namespace `e` is in.
    ///
    /// The answer is remembered with the reader's [`Element::ns_key`], so the URI is
    /// compared once per namespace binding, not once per element.
    #[inline]
    pub(super) fn namespace_of(&mut self, e: &Element<'_>) -> ElementNs {
        let key = e.ns_key();
        let seen = if key & 1 == 1 {
            &mut self.ns_seen.1
        } else {
            &mut self.ns_seen.0
        };
        if key != 0 && key == seen.0 {
            return seen.1;
        }
        let class = match e.ns() {
            Some(ns) if ns == self.ns => ElementNs::Document,
            Some(gating::EXA_NAMESPACE) => ElementNs::Exa,
            _ => ElementNs::Foreign,
        };
        if key != 0 {
            *seen = (key, class);
        }
        class
    }

    /// Handles the child element just returned by `next_child` that the schema of this
    /// version does not have, as [`DecodeSettings::unknown`] says.
    pub(super) fn unknown<S: EventSource>(&mut self, r: &mut XmlReader<S>) -> Result<(), Error> {
        match self.unknown {
            UnknownContent::Deny => Err(r.unexpected_element().into()),
            UnknownContent::Warn => {
                let path = r.path();
                let element = r.capture()?;
                self.warnings
                    .push(Warning::new(path.clone(), WarningKind::UnknownElement));
                self.kept.push(KeptElement::new(path, element));
                Ok(())
            }
            UnknownContent::Ignore => Ok(r.skip()?),
        }
    }

    fn finish<T>(self, value: T) -> Decoded<T, LefiVersion> {
        Decoded::new(value, self.version, self.warnings).with_kept(self.kept)
    }
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

/// A code of a list that not every version allows, refused when the document's version
/// does not (`since` says from which version it does).
pub(super) fn gated_code<T: FromStr, S: EventSource>(
    r: &mut XmlReader<S>,
    cx: &DecodeContext,
    list: &'static str,
    since: fn(&T) -> LefiVersion,
    code_of: fn(&T) -> &str,
) -> Result<T, Error> {
    let value = code::<T, S>(r, list)?;
    if since(&value) > cx.version {
        return Err(Error::CodeNotInVersion {
            code: code_of(&value).to_owned(),
            version: cx.version,
            position: r.position(),
        });
    }
    Ok(value)
}

pub(super) fn string<S: EventSource>(
    r: &mut XmlReader<S>,
    _: &mut DecodeContext,
) -> Result<crate::text::Text, Error> {
    Ok(r.read_text_with(|t| Ok(crate::text::Text::from(t)))?)
}

pub(super) fn sensitive<S: EventSource>(
    r: &mut XmlReader<S>,
    _: &mut DecodeContext,
) -> Result<Sensitive, Error> {
    Ok(Sensitive::new(r.read_text()?))
}

pub(super) fn pid<S: EventSource>(
    r: &mut XmlReader<S>,
    _: &mut DecodeContext,
) -> Result<Personidentitet, Error> {
    Ok(r.read_text_with(|t| {
        Personidentitet::parse(t).map_err(|_| XmlErrorKind::InvalidValue {
            expected: "a 10- or 12-digit personnummer",
        })
    })?)
}

pub(super) fn bool<S: EventSource>(
    r: &mut XmlReader<S>,
    _: &mut DecodeContext,
) -> Result<bool, Error> {
    Ok(r.read_text_with(|t| {
        crate::xs::boolean(crate::xs::collapse(t)).ok_or(XmlErrorKind::InvalidValue {
            expected: "xs:boolean",
        })
    })?)
}

pub(super) fn int<S: EventSource>(
    r: &mut XmlReader<S>,
    _: &mut DecodeContext,
) -> Result<i64, Error> {
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

pub(super) fn decimal<S: EventSource>(
    r: &mut XmlReader<S>,
    _: &mut DecodeContext,
) -> Result<Decimal, Error> {
    Ok(r.read_text_with(parse_decimal)?)
}

/// `YYYY-MM-DD` exactly (the schema's `Datum`: an `xs:date` without time zone).
pub(super) fn parse_date(text: &str) -> Result<NaiveDate, XmlErrorKind> {
    crate::xs::date(crate::xs::collapse(text)).ok_or(XmlErrorKind::InvalidValue {
        expected: "a date YYYY-MM-DD",
    })
}

pub(super) fn date<S: EventSource>(
    r: &mut XmlReader<S>,
    _: &mut DecodeContext,
) -> Result<NaiveDate, Error> {
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
    cx: &mut DecodeContext,
) -> Result<FranTill, Error> {
    let (mut fran, mut till) = (None, None);
    loop {
        let field = {
            let Some(e) = r.next_child()? else { break };
            match (cx.namespace_of(&e), e.local()) {
                (ElementNs::Document, "fran") => Some(0),
                (ElementNs::Document, "till") => Some(1),
                _ => None,
            }
        };
        match field {
            Some(0) => r.read_once(&mut fran, "fran", partial_date)?,
            Some(1) => r.read_once(&mut till, "till", partial_date)?,
            _ => cx.unknown(r)?,
        }
    }
    Ok(FranTill::new(fran, till))
}

/// `ersattning` of sjukpenning-like decisions: text (the schema's form) or
/// `<EXA:id>`/`<EXA:beskrivning>` children (the contract example's form). Mixed content,
/// so the element is captured (it is small) and then interpreted.
pub(super) fn ersattning<S: EventSource>(
    r: &mut XmlReader<S>,
    _: &mut DecodeContext,
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
                let name = name.expanded();
                return Err(r.error(XmlErrorKind::UnexpectedElement { name }).into());
            }
        }
    }
    if !fragment.text().trim_matches(crate::xs::is_space).is_empty() {
        return Err(r.error(XmlErrorKind::UnexpectedText).into());
    }
    Ok(Ersattning::Kod(kod))
}

/// The two root elements.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Root {
    Fraga,
    Svar,
}

impl Root {
    fn of(local: &str) -> Option<Self> {
        match local {
            LefiExternFormansinformationFraga::ROOT => Some(Self::Fraga),
            LefiExternFormansinformationSvar::ROOT => Some(Self::Svar),
            _ => None,
        }
    }

    fn name(self) -> &'static str {
        match self {
            Self::Fraga => LefiExternFormansinformationFraga::ROOT,
            Self::Svar => LefiExternFormansinformationSvar::ROOT,
        }
    }

    fn version_attribute_required(self) -> bool {
        match self {
            Self::Fraga => LefiExternFormansinformationFraga::VERSION_ATTRIBUTE_REQUIRED,
            Self::Svar => LefiExternFormansinformationSvar::VERSION_ATTRIBUTE_REQUIRED,
        }
    }
}

/// Reads the root element: the version from its namespace (refusing one other than
/// `version`, when given), which document it is (refusing one other than `root`, when
/// given), and its `lefiOnlineVersion`, which must agree with the namespace (and be there on
/// the question).
fn read_root<S: EventSource>(
    r: &mut XmlReader<S>,
    settings: &DecodeSettings,
    version: Option<LefiVersion>,
    root: Option<&'static str>,
) -> Result<(Root, DecodeContext), Error> {
    let (found_version, found_root, attribute) = {
        let Some(e) = r.next_child()? else {
            return Err(r.error(XmlErrorKind::NoRoot).into());
        };
        let found_version = gating::VERSIONS
            .iter()
            .find(|(_, ns, _)| e.ns() == Some(*ns))
            .copied()
            .ok_or_else(|| e.ns().unwrap_or_default().to_owned());
        let found_root = Root::of(e.local())
            .filter(|found| root.is_none_or(|root| found.name() == root))
            .ok_or_else(|| e.local().to_owned());
        (
            found_version,
            found_root,
            e.attribute(None, "lefiOnlineVersion"),
        )
    };
    let (found_version, ns, attr_text) =
        found_version.map_err(|namespace| Error::UnknownNamespace {
            namespace,
            position: r.position(),
        })?;
    if let Some(expected) = version.filter(|v| *v != found_version) {
        return Err(Error::WrongVersion {
            expected,
            found: found_version,
            position: r.position(),
        });
    }
    let found_root = found_root.map_err(|found| match root {
        Some(expected) => Error::WrongRoot {
            expected,
            found,
            position: r.position(),
        },
        None => Error::UnknownRoot {
            found,
            position: r.position(),
        },
    })?;
    match attribute.map_err(|kind| r.error(kind))? {
        Some(text) if crate::xs::collapse(&text) != attr_text => {
            return Err(Error::VersionMismatch {
                namespace_version: found_version,
                position: r.position(),
            });
        }
        None if found_root.version_attribute_required() => {
            return Err(r
                .error(XmlErrorKind::MissingAttribute {
                    name: "lefiOnlineVersion",
                })
                .into());
        }
        _ => {}
    }
    Ok((found_root, DecodeContext::new(found_version, ns, settings)))
}

/// Reads a whole document of type `T`: the root (see [`read_root`]), then the generated
/// reader of `T`.
pub(super) fn decode<S: EventSource, T: LefiXmlDocument>(
    mut r: XmlReader<S>,
    settings: &DecodeSettings,
    expected: Option<LefiVersion>,
) -> Result<Decoded<T, LefiVersion>, Error> {
    let (_, mut cx) = read_root(&mut r, settings, expected, Some(T::ROOT))?;
    let value = T::read(&mut r, &mut cx)?;
    r.finish()?;
    Ok(cx.finish(value))
}

/// Reads a whole document of either type, as its root element says.
pub(super) fn decode_any<S: EventSource>(
    mut r: XmlReader<S>,
    settings: &DecodeSettings,
) -> Result<Decoded<Document, LefiVersion>, Error> {
    let (root, mut cx) = read_root(&mut r, settings, None, None)?;
    let value = match root {
        Root::Fraga => Document::Request(Box::new(LefiXmlDocument::read(&mut r, &mut cx)?)),
        Root::Svar => Document::Response(Box::new(LefiXmlDocument::read(&mut r, &mut cx)?)),
    };
    r.finish()?;
    Ok(cx.finish(value))
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
