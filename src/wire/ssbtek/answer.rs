//! Decoding `hamtaBastjanstInformationResponse`: the echoed question, and `svarsdata` with
//! one block per agency.
//!
//! Each agency block decodes on its own. When a block holds something its type does not
//! expect — an unknown element, a payload that is not valid base64, JSON or XML, an inner
//! document that breaks its schema — the block is given up as
//! [`AgencyResult::Undecodable`] (the error, its position, and the block as received) and
//! the other agencies decode normally; so are Skatteverket's ssbt/11 parts, each on its own.
//! Only input that is not well-formed XML, or that breaks the size and depth limits, fails
//! the whole message. [`UnknownContent::Deny`] refuses instead of keeping.

use serde::de::DeserializeOwned;

use crate::codes::Kalla;
use crate::model::lefi::LefiExternFormansinformationSvar;
use crate::model::ssbtek::{
    Agency, AgencyResult, Base64Blob, BastjanstSvar, CsnSvar, FkSvar, Foretagsinformation, Payload,
    Skattekonto, Skatteuppgifter, SkvDel, SkvDelar, SkvJson, SkvSvar, SsbtError, Svarsdata,
    Undecodable,
};
use crate::version::SsbtekVersion;
use crate::xml::{EventSource, XmlError, XmlErrorKind, XmlReader};

use super::agencies::{self, fk};
use super::gating::Gate;
use super::read::{base64_text, date_time, parsed, text};
use super::{DecodeError, DecodeSettings, UnknownContent, Warning, WarningKind};

/// What the decoding of one message carries along: its settings and what it noticed.
pub(super) struct Ctx<'s> {
    pub(super) settings: &'s DecodeSettings,
    warnings: Vec<Warning>,
}

impl<'s> Ctx<'s> {
    pub(super) fn new(settings: &'s DecodeSettings) -> Self {
        Self {
            settings,
            warnings: Vec::new(),
        }
    }

    pub(super) fn into_warnings(self) -> Vec<Warning> {
        self.warnings
    }

    /// Whether content the model does not define refuses the message.
    pub(super) fn denies_unknown(&self) -> bool {
        self.settings.unknown == UnknownContent::Deny
    }

    /// Reports `warning`: content the model does not define only under
    /// [`UnknownContent::Warn`], a tolerated quirk always.
    fn warn(&mut self, warning: Warning) {
        let unknown = !matches!(warning.kind, WarningKind::ContractQuirk { .. });
        if !unknown || self.settings.unknown == UnknownContent::Warn {
            self.warnings.push(warning);
        }
    }

    /// Forwards the warnings of a payload decoded at element path `at`: each with the agency,
    /// the element path and the payload's own path (`<at> $.a.b` in JSON, `<at> /a/b` in
    /// XML).
    pub(super) fn payload_warnings(&mut self, agency: Agency, at: &str, warnings: Vec<Warning>) {
        for w in warnings {
            let path = if w.path.starts_with('/') {
                format!("{at} {}", w.path)
            } else {
                json_path(at, &w.path)
            };
            self.warn(Warning::new(path, w.kind).in_agency(agency));
        }
    }
}

/// Whether an error is about content a block's type does not expect (the block can be
/// given up and the message read on), rather than input that is not well-formed or breaks
/// the limits.
fn about_content(kind: &XmlErrorKind) -> bool {
    matches!(
        kind,
        XmlErrorKind::UnexpectedElement { .. }
            | XmlErrorKind::MissingElement { .. }
            | XmlErrorKind::Duplicate { .. }
            | XmlErrorKind::MissingAttribute { .. }
            | XmlErrorKind::UnexpectedText
            | XmlErrorKind::InvalidValue { .. }
            | XmlErrorKind::Payload { .. }
            | XmlErrorKind::UnboundPrefix { .. }
    )
}

/// Reads the block just returned by `next_child` with `f`. When `f` meets content the
/// block's type does not expect, the block is read to its end and kept as
/// [`AgencyResult::Undecodable`], unless the settings are strict.
fn isolated<S: EventSource, T>(
    r: &mut XmlReader<S>,
    ctx: &mut Ctx<'_>,
    agency: Agency,
    f: impl FnOnce(&mut XmlReader<S>, &mut Ctx<'_>) -> Result<AgencyResult<T>, DecodeError>,
) -> Result<AgencyResult<T>, DecodeError> {
    let mark = r.mark_block();
    let noticed = ctx.warnings.len();
    let error = match f(r, ctx) {
        Ok(result) => return Ok(result),
        Err(e) if ctx.denies_unknown() || !about_content(e.kind()) => return Err(e),
        Err(e) => e,
    };
    let block = r.recover_block(&mark)?;
    // what was noticed inside the block is superseded by giving it up
    ctx.warnings.truncate(noticed);
    let kind = WarningKind::Undecodable {
        message: error.kind().to_string(),
    };
    ctx.warn(Warning::new(error.position().path(), kind).in_agency(agency));
    Ok(AgencyResult::Undecodable(Undecodable::new(&error, block)))
}

pub(super) fn ssbt_error<S: EventSource>(
    r: &mut XmlReader<S>,
    ns: &str,
) -> Result<SsbtError, DecodeError> {
    let (mut kalla, mut felkod, mut msgs) = (None, None, Vec::new());
    while let Some(el) = r.next_child()? {
        match (el.ns() == Some(ns), el.local()) {
            (true, "kalla") => kalla = Some(parsed::<_, Kalla>(r, "SSBT or BT")?),
            (true, "felkod") => felkod = Some(text(r)?),
            (true, "felmeddelande") => msgs.push(text(r)?),
            _ => return Err(r.unexpected_element()),
        }
    }
    let kalla = r.required(kalla, "kalla")?;
    let felkod = r.required(felkod, "felkod")?;
    SsbtError::new(kalla, felkod, msgs).map_err(|_| {
        r.error(XmlErrorKind::MissingElement {
            name: "felmeddelande",
        })
    })
}

/// Reads a block holding `data` or `error`; `data` is handed to `f`.
fn data_or_error<S: EventSource, T>(
    r: &mut XmlReader<S>,
    ns: &str,
    ctx: &mut Ctx<'_>,
    f: impl FnOnce(&mut XmlReader<S>, &mut Ctx<'_>) -> Result<T, DecodeError>,
) -> Result<AgencyResult<T>, DecodeError> {
    let Some(el) = r.next_child()? else {
        return Err(r.error(XmlErrorKind::MissingElement { name: "data" }));
    };
    let result = match (el.ns() == Some(ns), el.local()) {
        (true, "data") => AgencyResult::Data(f(r, ctx)?),
        (true, "error") => AgencyResult::Error(ssbt_error(r, ns)?),
        _ => return Err(r.unexpected_element()),
    };
    if r.next_child()?.is_some() {
        return Err(r.unexpected_element());
    }
    Ok(result)
}

/// The text of the only child `<local>` (in `ns`, or unqualified) of the current element,
/// handed to `f` without copying.
fn only_child_text<S: EventSource, T>(
    r: &mut XmlReader<S>,
    ns: Option<&str>,
    local: &'static str,
    f: impl FnOnce(&str) -> Result<T, XmlErrorKind>,
) -> Result<T, DecodeError> {
    let Some(el) = r.next_child()? else {
        return Err(r.error(XmlErrorKind::MissingElement { name: local }));
    };
    if !el.is(ns, local) {
        return Err(r.unexpected_element());
    }
    let v = r.read_text_with(f)?;
    if r.next_child()?.is_some() {
        return Err(r.unexpected_element());
    }
    Ok(v)
}

pub(super) fn svar<S: EventSource>(
    r: &mut XmlReader<S>,
    version: SsbtekVersion,
    ctx: &mut Ctx<'_>,
) -> Result<BastjanstSvar, DecodeError> {
    let ns = version.namespace();
    let mut out = BastjanstSvar {
        fraga: None,
        frage_tidpunkt: None,
        korrelationsid: None,
        svarsdata: Svarsdata::default(),
    };
    let mut seen_svarsdata = false;
    while let Some(el) = r.next_child()? {
        match (el.ns() == Some(ns) && !seen_svarsdata, el.local()) {
            (true, "fraga") => {
                r.read_once(&mut out.fraga, "fraga", |r| {
                    super::decode::fraga(r, version, ctx)
                })?;
            }
            (true, "frageTidpunkt") => {
                r.read_once(&mut out.frage_tidpunkt, "frageTidpunkt", date_time)?;
            }
            (true, "korrelationsid") => {
                r.read_once(&mut out.korrelationsid, "korrelationsid", |r| text(r))?;
            }
            (true, "svarsdata") => {
                seen_svarsdata = true;
                out.svarsdata = svarsdata(r, version, ctx)?;
            }
            _ => return Err(r.unexpected_element()),
        }
    }
    if !seen_svarsdata {
        return Err(r.error(XmlErrorKind::MissingElement { name: "svarsdata" }));
    }
    Ok(out)
}

fn svarsdata<S: EventSource>(
    r: &mut XmlReader<S>,
    version: SsbtekVersion,
    ctx: &mut Ctx<'_>,
) -> Result<Svarsdata, DecodeError> {
    let ns = version.namespace();
    let mut d = Svarsdata::default();
    // agencies in the contract's order, each at most once; anything else is kept in `other`
    let mut last: Option<Agency> = None;
    loop {
        // streams keep each block's input until it is read, to give it up if need be
        r.keep_input();
        let Some(el) = r.next_child()? else { break };
        let agency = super::decode::agency_named(el.ns(), el.local(), ns)
            .filter(|a| last.is_none_or(|l| *a > l));
        let Some(agency) = agency else {
            if ctx.denies_unknown() {
                return Err(r.unexpected_element());
            }
            let path = r.path();
            d.other.push(r.capture()?);
            ctx.warn(Warning::new(path, WarningKind::UnknownElement));
            continue;
        };
        last = Some(agency);
        agency_block(r, version, ctx, agency, &mut d)?;
    }
    r.release_input();
    Ok(d)
}

fn agency_block<S: EventSource>(
    r: &mut XmlReader<S>,
    version: SsbtekVersion,
    ctx: &mut Ctx<'_>,
    agency: Agency,
    d: &mut Svarsdata,
) -> Result<(), DecodeError> {
    let ns = version.namespace();
    match agency {
        Agency::Af => {
            d.af = Some(isolated(r, ctx, agency, |r, ctx| {
                data_or_error(r, ns, ctx, |r, _| agencies::af::decode(r))
            })?);
        }
        Agency::Csn => {
            d.csn = Some(isolated(r, ctx, agency, |r, ctx| {
                data_or_error(r, ns, ctx, |r, ctx| csn_data(r, ns, ctx))
            })?);
        }
        Agency::Fk => {
            d.fk = Some(isolated(r, ctx, agency, |r, ctx| {
                data_or_error(r, ns, ctx, |r, ctx| fk_data(r, ns, ctx))
            })?);
        }
        Agency::Skv if Gate::SkvDelar.carried_by(version) => {
            d.skv = Some(isolated(r, ctx, agency, |r, ctx| skv_delar(r, ns, ctx))?)
        }
        Agency::Skv => {
            d.skv = Some(isolated(r, ctx, agency, |r, ctx| {
                data_or_error(r, ns, ctx, skv_beskattningsuppgifter)
            })?);
        }
        Agency::So => {
            d.so = Some(isolated(r, ctx, agency, |r, ctx| {
                data_or_error(r, ns, ctx, |r, _| agencies::so::decode(r))
            })?);
        }
        Agency::Tns => {
            d.tns = Some(isolated(r, ctx, agency, |r, ctx| {
                data_or_error(r, ns, ctx, |r, _| agencies::tns::decode(r))
            })?);
        }
        Agency::Miv => {
            d.miv = Some(isolated(r, ctx, agency, |r, ctx| {
                data_or_error(r, ns, ctx, |r, _| agencies::miv::decode(r))
            })?);
        }
    }
    Ok(())
}

/// A payload's error, located at the element that carries it.
pub(super) fn payload_error<S: EventSource>(
    r: &XmlReader<S>,
    what: &'static str,
    detail: impl ToString,
) -> XmlError {
    r.error(XmlErrorKind::Payload {
        what,
        detail: detail.to_string(),
    })
}

fn csn_data<S: EventSource>(
    r: &mut XmlReader<S>,
    ns: &str,
    ctx: &mut Ctx<'_>,
) -> Result<CsnSvar, DecodeError> {
    let blob = only_child_text(r, Some(ns), "svar", base64_text)?;
    let dokument = agencies::csn::decode(blob.bytes(), &ctx.settings.limits)
        .map_err(|e| payload_error(r, "CSN svar document", e))?;
    Ok(CsnSvar::decoded(dokument, blob))
}

fn fk_data<S: EventSource>(
    r: &mut XmlReader<S>,
    ns: &str,
    ctx: &mut Ctx<'_>,
) -> Result<FkSvar, DecodeError> {
    let blob = only_child_text(r, Some(ns), "lefiJsonSvar", base64_text)?;
    let (svar, warnings) =
        fk::decode::<LefiExternFormansinformationSvar>(blob.bytes(), ctx.settings)
            .map_err(|e| payload_error(r, "LEFI v9 JSON in lefiJsonSvar", e))?;
    let at = format!("{}/lefiJsonSvar", r.path());
    ctx.payload_warnings(Agency::Fk, &at, warnings);
    Ok(FkSvar::decoded(svar, blob))
}

/// `<element path> $.<json path>`.
fn json_path(at: &str, path: &str) -> String {
    match path.strip_prefix('$') {
        Some(rest) => format!("{at} ${rest}"),
        None if path.is_empty() => format!("{at} $"),
        None if path.starts_with('[') => format!("{at} ${path}"),
        None => format!("{at} $.{path}"),
    }
}

fn skv_beskattningsuppgifter<S: EventSource>(
    r: &mut XmlReader<S>,
    ctx: &mut Ctx<'_>,
) -> Result<SkvSvar, DecodeError> {
    let text = only_child_text(r, None, "svar", |t| Ok(t.to_owned()))?;
    let (dokument, unknown) = agencies::skv::decode_v10(&text, &ctx.settings.limits)
        .map_err(|e| payload_error(r, "SKV svar document", e))?;
    if let Some(path) = unknown.first().filter(|_| ctx.denies_unknown()) {
        return Err(payload_error(
            r,
            "SKV svar document",
            format_args!("element not defined by the contract at {path}"),
        ));
    }
    let unknown = unknown
        .into_iter()
        .map(|path| Warning::new(path, WarningKind::UnknownElement))
        .collect();
    let at = format!("{}/svar", r.path());
    ctx.payload_warnings(Agency::Skv, &at, unknown);
    let received = Base64Blob::from_bytes(text.into_bytes());
    Ok(SkvSvar::Beskattningsuppgifter(Box::new(Payload::decoded(
        dokument, received,
    ))))
}

/// Skatteverket's ssbt/11 answer: its parts in order, then the agency-wide `error`.
fn skv_delar<S: EventSource>(
    r: &mut XmlReader<S>,
    ns: &str,
    ctx: &mut Ctx<'_>,
) -> Result<AgencyResult<SkvSvar>, DecodeError> {
    let mut delar = SkvDelar::default();
    // the parts in the contract's order, each at most once, before the agency's error
    let mut last: Option<SkvDel> = None;
    while let Some(el) = r.next_child()? {
        let local = el.local();
        let del = SkvDel::ALL
            .into_iter()
            .find(|d| d.element_name() == local)
            .filter(|d| last.is_none_or(|l| *d > l));
        match (el.ns() == Some(ns), del) {
            (true, Some(del)) if delar.error.is_none() => {
                last = Some(del);
                skv_del(r, ns, ctx, del, &mut delar)?;
            }
            (true, None) if local == "error" && delar.error.is_none() => {
                delar.error = Some(ssbt_error(r, ns)?);
            }
            _ => return Err(r.unexpected_element()),
        }
    }
    let parts = last.is_some();
    Ok(match delar.error.take() {
        Some(error) if !parts => AgencyResult::Error(error),
        error => {
            delar.error = error;
            AgencyResult::Data(SkvSvar::Delar(Box::new(delar)))
        }
    })
}

fn skv_del<S: EventSource>(
    r: &mut XmlReader<S>,
    ns: &str,
    ctx: &mut Ctx<'_>,
    del: SkvDel,
    delar: &mut SkvDelar,
) -> Result<(), DecodeError> {
    let skv = Agency::Skv;
    match del {
        SkvDel::Foretagsinformation => {
            delar.foretagsinformation = Some(isolated(r, ctx, skv, |r, ctx| {
                skv_part::<_, Foretagsinformation>(r, ns, ctx)
            })?);
        }
        SkvDel::Individuppgifter => {
            delar.individuppgifter = Some(isolated(r, ctx, skv, |r, ctx| {
                skv_part::<_, SkvJson>(r, ns, ctx)
            })?);
        }
        SkvDel::Skattekonto => {
            delar.skattekonto = Some(isolated(r, ctx, skv, |r, ctx| {
                skv_part::<_, Skattekonto>(r, ns, ctx)
            })?);
        }
        SkvDel::Skatteuppgifter => {
            delar.skatteuppgifter = Some(isolated(r, ctx, skv, |r, ctx| {
                skv_part::<_, Skatteuppgifter>(r, ns, ctx)
            })?);
        }
        SkvDel::Beskattningsbilagor => {
            delar.beskattningsbilagor = Some(isolated(r, ctx, skv, |r, ctx| {
                skv_part::<_, SkvJson>(r, ns, ctx)
            })?);
        }
    }
    Ok(())
}

/// A Skatteverket ssbt/11 part document: what it is called in errors, and where it holds
/// properties its type does not define.
pub(super) trait SkvPart: DeserializeOwned + serde::Serialize {
    /// The payload's name in errors.
    const WHAT: &'static str;
    /// Whether its shape is typed (else it is kept as JSON, untyped).
    const TYPED: bool = true;
    /// The JSON paths of the properties its type does not define (kept in the value).
    fn unknown_properties(&self) -> Vec<String>;
}

impl SkvPart for Foretagsinformation {
    const WHAT: &'static str = "Skatteverket foretagsinformation JSON";
    fn unknown_properties(&self) -> Vec<String> {
        Foretagsinformation::unknown_properties(self)
    }
}

impl SkvPart for Skattekonto {
    const WHAT: &'static str = "Skatteverket skattekonto JSON";
    fn unknown_properties(&self) -> Vec<String> {
        Skattekonto::unknown_properties(self)
    }
}

impl SkvPart for Skatteuppgifter {
    const WHAT: &'static str = "Skatteverket skatteuppgifter JSON";
    fn unknown_properties(&self) -> Vec<String> {
        Skatteuppgifter::unknown_properties(self)
    }
}

impl SkvPart for SkvJson {
    const WHAT: &'static str = "Skatteverket JSON";
    const TYPED: bool = false;
    fn unknown_properties(&self) -> Vec<String> {
        Vec::new()
    }
}

/// One part: `data` (base64 of a JSON document) or its own `error`.
fn skv_part<S: EventSource, T: SkvPart>(
    r: &mut XmlReader<S>,
    ns: &str,
    ctx: &mut Ctx<'_>,
) -> Result<AgencyResult<Payload<T>>, DecodeError> {
    data_or_error(r, ns, ctx, |r, ctx| {
        let blob = r.read_text_with(base64_text)?;
        let value: T = agencies::skv::decode_part(blob.bytes(), T::WHAT, &ctx.settings.limits)
            .map_err(|k| r.error(k))?;
        let at = r.path();
        if !T::TYPED {
            if ctx.denies_unknown() {
                return Err(payload_error(r, T::WHAT, "shape not known yet"));
            }
            ctx.warn(Warning::new(at.clone(), WarningKind::Untyped).in_agency(Agency::Skv));
        }
        let mut noticed = Vec::new();
        for path in value.unknown_properties() {
            if ctx.denies_unknown() {
                return Err(payload_error(
                    r,
                    T::WHAT,
                    format_args!("property not defined by the typed model at {path}"),
                ));
            }
            noticed.push(Warning::new(
                path,
                WarningKind::UnknownProperty { kept: true },
            ));
        }
        ctx.payload_warnings(Agency::Skv, &at, noticed);
        Ok(Payload::decoded(value, blob))
    })
}
