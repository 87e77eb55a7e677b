//! Encoding the model into SSBTEK SOAP messages.

use std::io::Write;

use base64::Engine as _;

use crate::model::ssbtek::{
    AgencyParametrar, AgencyResult, BastjanstFraga, BastjanstSvar, Fault, FaultDetail, FkFraga,
    Operation, OperationFault, Payload, PingSvar, SkvDel, SkvSvar, SoapFault, SsbtError, Svarsdata,
    Tidsperiod, Undecodable,
};
use crate::version::SsbtekVersion;
use crate::xml::XmlWriter;

use super::agencies::{self, fk};
use super::{EncodeError, SOAP11_NAMESPACE, SsbtekDocument, SsbtekMessage, VERSIONS};

const P: Option<&str> = Some("ssbt");

struct Enc<'a, W: Write> {
    w: &'a mut XmlWriter<W>,
    ns: &'static str,
    version: SsbtekVersion,
}

impl<W: Write> Enc<'_, W> {
    fn start(&mut self, local: &str) -> std::io::Result<()> {
        self.w.start(Some(self.ns), P, local)
    }
    fn el(&mut self, local: &str, text: &str) -> std::io::Result<()> {
        self.w.text_element(Some(self.ns), P, local, text)
    }
    fn end(&mut self) -> std::io::Result<()> {
        self.w.end()
    }
    fn tidsperiod(&mut self, t: &Tidsperiod) -> std::io::Result<()> {
        self.start("tidsperiod")?;
        self.el("fromDatum", &t.from().to_string())?;
        self.el("tomDatum", &t.tom().to_string())?;
        self.end()
    }
    fn inkludera(&mut self, local: &str, inkludera: bool) -> std::io::Result<()> {
        self.start(local)?;
        self.w.attribute(
            None,
            None,
            "inkludera",
            if inkludera { "true" } else { "false" },
        )
    }
    fn agency(&mut self, local: &str, p: &AgencyParametrar) -> std::io::Result<()> {
        self.inkludera(local, p.inkludera)?;
        if let Some(t) = &p.tidsperiod {
            self.tidsperiod(t)?;
        }
        self.end()
    }
    /// A block kept undecodable, written back as received; it must be the element it stands
    /// for (its namespace is checked with the other version gaps).
    fn kept(&mut self, local: &'static str, u: &Undecodable) -> Result<(), EncodeError> {
        if u.block().name().local() != local {
            return Err(EncodeError::KeptBlock {
                element: local,
                version: self.version,
            });
        }
        Ok(u.block().write(self.w)?)
    }
    fn error(&mut self, e: &SsbtError) -> std::io::Result<()> {
        self.start("error")?;
        self.el("kalla", e.kalla().code())?;
        self.el("felkod", e.felkod())?;
        for m in e.felmeddelanden() {
            self.el("felmeddelande", m)?;
        }
        self.end()
    }
}

fn bool_text(b: bool) -> &'static str {
    if b { "true" } else { "false" }
}

/// Checks the question's values the encoder cannot write (what the version carries is
/// checked by [`version_gaps`](super::version_gaps)).
fn check_fraga(f: &BastjanstFraga) -> Result<(), EncodeError> {
    if f.generella.personidentitet.expose().len() != 12 {
        return Err(EncodeError::Invalid {
            field: "personidentitet",
            reason: "must have 12 digits",
        });
    }
    Ok(())
}

fn fraga<W: Write>(e: &mut Enc<'_, W>, local: &str, f: &BastjanstFraga) -> Result<(), EncodeError> {
    e.start(local)?;
    let g = &f.generella;
    e.start("generellaFrageparametrar")?;
    if let Some(t) = &g.frage_tidpunkt {
        e.el("frageTidpunkt", &t.to_string())?;
    }
    if let Some(k) = &g.korrelationsid {
        e.el("korrelationsid", k)?;
    }
    e.el(
        "fraganSkallInkluderasISvaret",
        bool_text(g.fragan_skall_inkluderas_i_svaret),
    )?;
    e.start("ingivare")?;
    e.el(
        "organisationsnummer",
        &g.ingivare.organisationsnummer.expose_wire(),
    )?;
    e.el("namn", &g.ingivare.namn)?;
    e.el("handlaggare", g.ingivare.handlaggare.expose())?;
    e.end()?;
    e.el("personidentitet", g.personidentitet.expose())?;
    e.el("arendeidentitet", g.arendeidentitet.as_str())?;
    e.tidsperiod(&g.tidsperiod)?;
    for p in &g.personuppgiftsbitraden {
        e.start("personuppgiftsbitrade")?;
        if let Some(n) = p.ordningsnummer {
            e.el("ordningsnummer", &n.to_string())?;
        }
        e.el("organisationsnummer", &p.organisationsnummer.expose_wire())?;
        e.el("namn", &p.namn)?;
        e.end()?;
    }
    e.el("syfte", g.syfte.as_str())?;
    e.el("lagtext", g.lagtext.as_str())?;
    e.end()?;
    let s = &f.specifika;
    e.start("specifikaFrageparametrar")?;
    e.agency("AF", &s.af)?;
    e.agency("CSN", &s.csn)?;
    e.inkludera("FK", s.fk.inkludera)?;
    if let Some(fk) = &s.fk.fraga {
        fk_fraga(e, fk)?;
    }
    e.end()?;
    e.inkludera("SKV", s.skv.inkludera)?;
    if let Some(skv) = &s.skv.fraga {
        e.start("fraga")?;
        for ar in &skv.ar {
            e.el("ar", &ar.to_string())?;
        }
        e.el("foretagsinformation", bool_text(skv.foretagsinformation))?;
        e.el("individuppgifter", bool_text(skv.individuppgifter))?;
        e.el("skattekonto", bool_text(skv.skattekonto))?;
        e.el("skatteuppgifter", bool_text(skv.skatteuppgifter))?;
        e.el("beskattningsbilagor", bool_text(skv.beskattningsbilagor))?;
        e.end()?;
    }
    e.end()?;
    e.agency("SO", &s.so)?;
    e.agency("TNS", &s.tns)?;
    e.agency("MIV", &s.miv)?;
    e.end()?;
    Ok(e.end()?)
}

fn fk_fraga<W: Write>(e: &mut Enc<'_, W>, fk: &FkFraga) -> Result<(), EncodeError> {
    e.start("fraga")?;
    if let Some(v) = &fk.version {
        e.el("version", v)?;
    }
    e.el("aktorsid", &fk.aktorsid)?;
    let text = payload_base64(fk.payload(), |fraga| {
        fk::encode(&**fraga, "LEFI v9 JSON in lefiJsonFraga")
    })?;
    e.el("lefiJsonFraga", &text)?;
    Ok(e.end()?)
}

fn agency_result<W: Write, T>(
    e: &mut Enc<'_, W>,
    local: &'static str,
    r: &Option<AgencyResult<T>>,
    data: impl FnOnce(&mut Enc<'_, W>, &T) -> Result<(), EncodeError>,
) -> Result<(), EncodeError> {
    let Some(r) = r else {
        return Ok(());
    };
    match r {
        AgencyResult::Data(d) => {
            e.start(local)?;
            e.start("data")?;
            data(e, d)?;
            e.end()?;
            e.end()?;
        }
        AgencyResult::Error(err) => {
            e.start(local)?;
            e.error(err)?;
            e.end()?;
        }
        AgencyResult::Undecodable(u) => e.kept(local, u)?,
    }
    Ok(())
}

/// base64 of the payload as received, or of its value encoded by `encode`.
fn payload_base64<T>(
    p: &Payload<T>,
    encode: impl FnOnce(&T) -> Result<Vec<u8>, EncodeError>,
) -> Result<String, EncodeError> {
    match p.received_blob() {
        Some(blob) => Ok(blob.to_base64()),
        None => Ok(base64::engine::general_purpose::STANDARD.encode(encode(p.value())?)),
    }
}

fn payload_error(what: &'static str) -> impl FnOnce(std::io::Error) -> EncodeError {
    move |e| EncodeError::Payload {
        what,
        detail: e.to_string(),
    }
}

/// Skatteverket's answer in its form (that the version carries it is checked before).
fn skv<W: Write>(e: &mut Enc<'_, W>, r: &Option<AgencyResult<SkvSvar>>) -> Result<(), EncodeError> {
    match r {
        Some(AgencyResult::Data(SkvSvar::Delar(delar))) => {
            e.start("SKV")?;
            skv_part(e, SkvDel::Foretagsinformation, &delar.foretagsinformation)?;
            skv_part(e, SkvDel::Individuppgifter, &delar.individuppgifter)?;
            skv_part(e, SkvDel::Skattekonto, &delar.skattekonto)?;
            skv_part(e, SkvDel::Skatteuppgifter, &delar.skatteuppgifter)?;
            skv_part(e, SkvDel::Beskattningsbilagor, &delar.beskattningsbilagor)?;
            if let Some(err) = &delar.error {
                e.error(err)?;
            }
            e.end()?;
            Ok(())
        }
        _ => agency_result(e, "SKV", r, |e, d| match d {
            SkvSvar::Beskattningsuppgifter(p) => {
                let text = match p.received() {
                    Some(bytes) => String::from_utf8_lossy(bytes).into_owned(),
                    None => agencies::skv::encode_v10(p.value())
                        .map_err(payload_error("SKV svar document"))?,
                };
                e.w.start(None, None, "svar")?;
                e.w.cdata(&text)?;
                e.w.end()?;
                Ok(())
            }
            SkvSvar::Delar(_) => Ok(()),
        }),
    }
}

fn skv_part<W: Write, T: serde::Serialize>(
    e: &mut Enc<'_, W>,
    del: SkvDel,
    r: &Option<AgencyResult<Payload<T>>>,
) -> Result<(), EncodeError> {
    // `data` holds the base64 text itself
    agency_result(e, del.element_name(), r, |e, p| {
        let text = payload_base64(p, |v| Ok(agencies::skv::encode_part(v)))?;
        Ok(e.w.text(&text)?)
    })
}

fn svarsdata<W: Write>(e: &mut Enc<'_, W>, d: &Svarsdata) -> Result<(), EncodeError> {
    e.start("svarsdata")?;
    agency_result(e, "AF", &d.af, |e, d| Ok(agencies::af::encode(e.w, d)?))?;
    agency_result(e, "CSN", &d.csn, |e, d| {
        let text = payload_base64(d.payload(), |doc| {
            agencies::csn::encode(doc).map_err(payload_error("CSN svar document"))
        })?;
        Ok(e.el("svar", &text)?)
    })?;
    agency_result(e, "FK", &d.fk, |e, d| {
        let text = payload_base64(d.payload(), |svar| {
            fk::encode(&**svar, "LEFI v9 JSON in lefiJsonSvar")
        })?;
        Ok(e.el("lefiJsonSvar", &text)?)
    })?;
    skv(e, &d.skv)?;
    agency_result(e, "SO", &d.so, |e, d| Ok(agencies::so::encode(e.w, d)?))?;
    agency_result(e, "TNS", &d.tns, |e, d| Ok(agencies::tns::encode(e.w, d)?))?;
    agency_result(e, "MIV", &d.miv, |e, d| Ok(agencies::miv::encode(e.w, d)?))?;
    for other in &d.other {
        other.write(e.w)?;
    }
    e.end()?;
    Ok(())
}

fn svar<W: Write>(e: &mut Enc<'_, W>, s: &BastjanstSvar) -> Result<(), EncodeError> {
    e.start("hamtaBastjanstInformationResponse")?;
    if let Some(f) = &s.fraga {
        check_fraga(f)?;
        fraga(e, "fraga", f)?;
    }
    if let Some(t) = &s.frage_tidpunkt {
        e.el("frageTidpunkt", &t.to_string())?;
    }
    if let Some(k) = &s.korrelationsid {
        e.el("korrelationsid", k)?;
    }
    svarsdata(e, &s.svarsdata)?;
    e.end()?;
    Ok(())
}

fn ping<W: Write>(e: &mut Enc<'_, W>, p: &PingSvar) -> std::io::Result<()> {
    e.start("testaBastjanstInformationResponse")?;
    for (agency, t) in p.agencies() {
        if let Some(t) = t {
            e.start(agency.element_name())?;
            e.el("anropad", bool_text(t.anropad))?;
            if let Some(err) = &t.error {
                e.error(err)?;
            }
            e.end()?;
        }
    }
    e.end()
}

fn operation_fault<W: Write>(e: &mut Enc<'_, W>, f: &OperationFault) -> std::io::Result<()> {
    e.start(match f.operation {
        Operation::Hamta => "hamtaBastjanstInformationFault",
        Operation::Testa => "testaBastjanstInformationFault",
    })?;
    e.el("felkod", &f.felkod)?;
    for m in &f.felmeddelanden {
        e.el("felmeddelande", m)?;
    }
    e.end()
}

fn soap_fault<W: Write>(e: &mut Enc<'_, W>, f: &SoapFault) -> std::io::Result<()> {
    e.w.start(Some(SOAP11_NAMESPACE), Some("soap"), "Fault")?;
    e.w.text_element(None, None, "faultcode", &f.faultcode)?;
    e.w.text_element(None, None, "faultstring", &f.faultstring)?;
    if let Some(a) = &f.faultactor {
        e.w.text_element(None, None, "faultactor", a)?;
    }
    if let Some(detail) = &f.detail {
        e.w.start(None, None, "detail")?;
        for d in detail {
            match d {
                FaultDetail::Operation(op) => operation_fault(e, op)?,
                FaultDetail::Other(x) => x.write(e.w)?,
            }
        }
        e.w.end()?;
    }
    e.w.end()
}

/// Writes the body element of a message.
pub(crate) fn body<W: Write>(
    w: &mut XmlWriter<W>,
    version: SsbtekVersion,
    message: &SsbtekMessage,
) -> Result<(), EncodeError> {
    if !VERSIONS.contains(&version) {
        return Err(EncodeError::UnsupportedVersion(version));
    }
    if let Some(gap) = super::version_gaps(message, version).into_iter().next() {
        return Err(EncodeError::VersionGating { gap, version });
    }
    let ns = version.namespace();
    let mut e = Enc { w, ns, version };
    match message {
        SsbtekMessage::Request(f) => {
            check_fraga(f)?;
            fraga(&mut e, "hamtaBastjanstInformation", f)?;
        }
        SsbtekMessage::Response(s) => svar(&mut e, s)?,
        SsbtekMessage::PingRequest => {
            e.start("testaBastjanstInformation")?;
            e.end()?;
        }
        SsbtekMessage::PingResponse(p) => ping(&mut e, p)?,
        SsbtekMessage::Fault(Fault::Operation(f)) => operation_fault(&mut e, f)?,
        SsbtekMessage::Fault(Fault::Soap(f)) => soap_fault(&mut e, f)?,
    }
    Ok(())
}

/// Writes a whole SOAP 1.1 envelope.
pub(crate) fn document<W: Write>(
    w: &mut XmlWriter<W>,
    doc: &SsbtekDocument,
) -> Result<(), EncodeError> {
    let version = doc.version.unwrap_or(super::v10::VERSION);
    w.start(Some(SOAP11_NAMESPACE), Some("soap"), "Envelope")?;
    if let Some(h) = &doc.header {
        h.write(w)?;
    }
    w.start(Some(SOAP11_NAMESPACE), Some("soap"), "Body")?;
    body(w, version, &doc.message)?;
    w.end()?;
    w.end()?;
    Ok(())
}
