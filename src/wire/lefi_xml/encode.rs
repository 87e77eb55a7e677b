//! The encoder: the document head and the value writers the generated per-type writers
//! call, with the version gate's drop-or-fail decision.

use std::borrow::Cow;
use std::io::Write;

use chrono::Datelike;
use rust_decimal::Decimal;

use super::LefiXmlDocument;
use super::error::Error;
use super::gating;
use crate::id::{Personidentitet, Sensitive};
use crate::model::lefi::Ersattning;
use crate::period::FranTill;
use crate::version::LefiVersion;
use crate::wire::Dropped;
use crate::xml::XmlWriter;

/// Encoding state: target version and namespace, lossy or strict, the current property
/// path and the items left out so far.
#[allow(unreachable_pub)] // unnameable outside the crate: it seals `LefiXmlDocument`
pub struct EncodeContext {
    pub(super) version: LefiVersion,
    pub(super) ns: &'static str,
    lossy: bool,
    path: Vec<&'static str>,
    dropped: Vec<Dropped>,
}

impl EncodeContext {
    pub(super) fn enter(&mut self, name: &'static str) {
        self.path.push(name);
    }

    pub(super) fn leave(&mut self) {
        self.path.pop();
    }

    fn path_of(&self, name: &str) -> String {
        let mut out = String::new();
        for p in &self.path {
            out.push_str(p);
            out.push('.');
        }
        out.push_str(name);
        out
    }

    /// The target version cannot carry `count` values of property `name` here: list them as
    /// dropped (lossy mode) or fail naming the item and the version. An empty list loses
    /// nothing: `count` 0 is neither.
    pub(super) fn drop_item(
        &mut self,
        name: &str,
        count: usize,
        code: Option<&str>,
    ) -> Result<(), Error> {
        if count == 0 {
            return Ok(());
        }
        let path = self.path_of(name);
        if !self.lossy {
            return Err(Error::NotRepresentable {
                path,
                code: code.map(str::to_owned),
                version: self.version,
            });
        }
        Dropped::record(&mut self.dropped, path, code, count);
        Ok(())
    }
}

impl EncodeContext {
    /// The text of property `name` as XML 1.0 can carry it. A character it cannot carry (a
    /// control character) fails naming the property, or in lossy mode is replaced by
    /// U+FFFD and listed as dropped (by code point, never the text).
    fn carried<'a>(&mut self, name: &str, value: &'a str) -> Result<Cow<'a, str>, Error> {
        if value.chars().all(xml_char) {
            return Ok(Cow::Borrowed(value));
        }
        let path = self.path_of(name);
        if !self.lossy {
            return Err(Error::InvalidCharacter { path });
        }
        let mut out = String::with_capacity(value.len());
        for c in value.chars() {
            if xml_char(c) {
                out.push(c);
            } else {
                let code = format!("U+{:04X}", u32::from(c));
                Dropped::record(&mut self.dropped, path.clone(), Some(&code), 1);
                out.push(char::REPLACEMENT_CHARACTER);
            }
        }
        Ok(Cow::Owned(out))
    }
}

/// Whether XML 1.0 can carry the character.
fn xml_char(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\r' | '\u{20}'..='\u{D7FF}' | '\u{E000}'..='\u{FFFD}' | '\u{10000}'..)
}

/// `<name>text</name>` in the document namespace.
pub(super) fn text<W: Write>(
    w: &mut XmlWriter<W>,
    cx: &mut EncodeContext,
    name: &'static str,
    value: &str,
) -> Result<(), Error> {
    let value = cx.carried(name, value)?;
    w.text_element(Some(cx.ns), None, name, &value)?;
    Ok(())
}

/// `<EXA:name>text</EXA:name>`: the children of a code pair.
pub(super) fn exa<W: Write>(
    w: &mut XmlWriter<W>,
    cx: &mut EncodeContext,
    name: &'static str,
    value: &str,
) -> Result<(), Error> {
    let value = cx.carried(name, value)?;
    w.text_element(
        Some(gating::EXA_NAMESPACE),
        Some(gating::EXA_PREFIX),
        name,
        &value,
    )?;
    Ok(())
}

pub(super) fn string<W: Write>(
    w: &mut XmlWriter<W>,
    cx: &mut EncodeContext,
    name: &'static str,
    v: &str,
) -> Result<(), Error> {
    text(w, cx, name, v)
}

pub(super) fn sensitive<W: Write>(
    w: &mut XmlWriter<W>,
    cx: &mut EncodeContext,
    name: &'static str,
    v: &Sensitive,
) -> Result<(), Error> {
    text(w, cx, name, v.expose())
}

pub(super) fn pid<W: Write>(
    w: &mut XmlWriter<W>,
    cx: &mut EncodeContext,
    name: &'static str,
    v: &Personidentitet,
) -> Result<(), Error> {
    text(w, cx, name, v.expose())
}

pub(super) fn bool<W: Write>(
    w: &mut XmlWriter<W>,
    cx: &mut EncodeContext,
    name: &'static str,
    v: &bool,
) -> Result<(), Error> {
    text(w, cx, name, if *v { "true" } else { "false" })
}

pub(super) fn int<W: Write>(
    w: &mut XmlWriter<W>,
    cx: &mut EncodeContext,
    name: &'static str,
    v: &i64,
) -> Result<(), Error> {
    text(w, cx, name, &v.to_string())
}

pub(super) fn decimal<W: Write>(
    w: &mut XmlWriter<W>,
    cx: &mut EncodeContext,
    name: &'static str,
    v: &Decimal,
) -> Result<(), Error> {
    text(w, cx, name, &v.to_string())
}

pub(super) fn date<W: Write>(
    w: &mut XmlWriter<W>,
    cx: &mut EncodeContext,
    name: &'static str,
    v: &chrono::NaiveDate,
) -> Result<(), Error> {
    if !(1..=9999).contains(&v.year()) {
        return Err(Error::DateOutOfRange {
            path: cx.path_of(name),
        });
    }
    text(w, cx, name, &v.format("%Y-%m-%d").to_string())
}

pub(super) fn frantill<W: Write>(
    w: &mut XmlWriter<W>,
    cx: &mut EncodeContext,
    name: &'static str,
    v: &FranTill,
) -> Result<(), Error> {
    w.start(Some(cx.ns), None, name)?;
    cx.enter(name);
    if let Some(fran) = v.fran() {
        text(w, cx, "fran", &fran.to_string())?;
    }
    if let Some(till) = v.till() {
        text(w, cx, "till", &till.to_string())?;
    }
    cx.leave();
    w.end()?;
    Ok(())
}

/// `ersattning`: text, or `EXA:id`/`EXA:beskrivning` children for the object form.
pub(super) fn ersattning<W: Write>(
    w: &mut XmlWriter<W>,
    cx: &mut EncodeContext,
    name: &'static str,
    v: &Ersattning,
) -> Result<(), Error> {
    match v {
        Ersattning::Text(t) => text(w, cx, name, t),
        Ersattning::Kod(kod) => {
            w.start(Some(cx.ns), None, name)?;
            let exa = (Some(gating::EXA_NAMESPACE), Some(gating::EXA_PREFIX));
            if let Some(id) = kod.id {
                w.text_element(exa.0, exa.1, "id", &id.to_string())?;
            }
            if let Some(b) = &kod.beskrivning {
                let b = cx.carried(name, b)?;
                w.text_element(exa.0, exa.1, "beskrivning", &b)?;
            }
            w.end()?;
            Ok(())
        }
    }
}

/// Writes a whole document for `version`; in lossy mode returns what was left out.
pub(super) fn encode<W: Write, T: LefiXmlDocument>(
    out: W,
    value: &T,
    version: LefiVersion,
    lossy: bool,
) -> Result<(W, Vec<Dropped>), Error> {
    let Some(&(_, ns, attr)) = gating::VERSIONS.iter().find(|(v, _, _)| *v == version) else {
        return Err(Error::UnsupportedVersion(version));
    };
    let mut cx = EncodeContext {
        version,
        ns,
        lossy,
        path: Vec::with_capacity(8),
        dropped: Vec::new(),
    };
    let mut w = XmlWriter::new(out);
    w.declaration()?;
    w.start(Some(ns), None, T::ROOT)?;
    w.declare(Some(gating::EXA_PREFIX), gating::EXA_NAMESPACE)?;
    w.attribute(None, None, "lefiOnlineVersion", attr)?;
    value.write(&mut w, &mut cx)?;
    w.end()?;
    Ok((w.into_inner()?, cx.dropped))
}
