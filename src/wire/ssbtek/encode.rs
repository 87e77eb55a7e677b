//! Encoding the model into SSBTEK SOAP messages.

use std::io::Write;

use crate::model::ssbtek::{
    AgencyParametrar, AgencyResult, BastjanstFraga, BastjanstSvar, Fault, FaultDetail, Operation,
    OperationFault, PingSvar, SoapFault, SsbtError, Svarsdata, Tidsperiod,
};
use crate::version::SsbtekVersion;
use crate::wire::xml::XmlWriter;

use super::agencies;
use super::{EncodeError, SsbtekDocument, SsbtekMessage, SOAP11_NAMESPACE};

const P: Option<&str> = Some("ssbt");

struct Enc<'a, W: Write> {
    w: &'a mut XmlWriter<W>,
    ns: &'static str,
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
    if b {
        "true"
    } else {
        "false"
    }
}

/// Checks what the target version can carry.
pub(crate) fn check_request(f: &BastjanstFraga, version: SsbtekVersion) -> Result<(), EncodeError> {
    let skv = &f.specifika.skv;
    match version {
        SsbtekVersion::V10 if skv.fraga.is_some() => Err(EncodeError::VersionGating {
            field: "specifikaFrageparametrar/SKV/fraga (SkatteverketFraga)",
            version,
            problem: "is not supported",
        }),
        SsbtekVersion::V11 if skv.inkludera && skv.fraga.is_none() => {
            Err(EncodeError::VersionGating {
                field: "specifikaFrageparametrar/SKV/fraga (SkatteverketFraga)",
                version,
                problem: "is required when SKV is included",
            })
        }
        SsbtekVersion::V10 | SsbtekVersion::V11 => {
            if f.generella.personidentitet.expose().len() != 12 {
                return Err(EncodeError::Invalid {
                    field: "personidentitet",
                    reason: "must have 12 digits",
                });
            }
            Ok(())
        }
        other => Err(EncodeError::UnsupportedVersion(other)),
    }
}

fn fraga<W: Write>(e: &mut Enc<'_, W>, local: &str, f: &BastjanstFraga) -> std::io::Result<()> {
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
        e.start("fraga")?;
        if let Some(v) = &fk.version {
            e.el("version", v)?;
        }
        e.el("aktorsid", &fk.aktorsid)?;
        e.el("lefiJsonFraga", &fk.lefi_json_fraga.to_base64())?;
        e.end()?;
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
    e.end()
}

fn agency_result<W: Write, T>(
    e: &mut Enc<'_, W>,
    local: &str,
    r: &Option<AgencyResult<T>>,
    data: impl FnOnce(&mut Enc<'_, W>, &T) -> std::io::Result<()>,
) -> std::io::Result<()> {
    let Some(r) = r else {
        return Ok(());
    };
    e.start(local)?;
    match r {
        AgencyResult::Data(d) => {
            e.start("data")?;
            data(e, d)?;
            e.end()?;
        }
        AgencyResult::Error(err) => e.error(err)?,
    }
    e.end()
}

fn svarsdata<W: Write>(e: &mut Enc<'_, W>, d: &Svarsdata) -> std::io::Result<()> {
    e.start("svarsdata")?;
    agency_result(e, "AF", &d.af, |e, d| agencies::af::encode(e.w, d))?;
    agency_result(e, "CSN", &d.csn, |e, d| e.el("svar", &d.svar().to_base64()))?;
    agency_result(e, "FK", &d.fk, |e, d| {
        e.el("lefiJsonSvar", &d.lefi_json_svar.to_base64())
    })?;
    agency_result(e, "SKV", &d.skv, |e, d| {
        e.w.start(None, None, "svar")?;
        e.w.cdata(d.svar.expose())?;
        e.w.end()
    })?;
    agency_result(e, "SO", &d.so, |e, d| agencies::so::encode(e.w, d))?;
    agency_result(e, "TNS", &d.tns, |e, d| agencies::tns::encode(e.w, d))?;
    agency_result(e, "MIV", &d.miv, |e, d| agencies::miv::encode(e.w, d))?;
    e.end()
}

fn svar<W: Write>(e: &mut Enc<'_, W>, s: &BastjanstSvar) -> std::io::Result<()> {
    e.start("hamtaBastjanstInformationResponse")?;
    if let Some(f) = &s.fraga {
        fraga(e, "fraga", f)?;
    }
    if let Some(t) = &s.frage_tidpunkt {
        e.el("frageTidpunkt", &t.to_string())?;
    }
    if let Some(k) = &s.korrelationsid {
        e.el("korrelationsid", k)?;
    }
    svarsdata(e, &s.svarsdata)?;
    e.end()
}

fn ping<W: Write>(e: &mut Enc<'_, W>, p: &PingSvar) -> std::io::Result<()> {
    e.start("testaBastjanstInformationResponse")?;
    for (local, t) in [
        ("AF", &p.af),
        ("CSN", &p.csn),
        ("FK", &p.fk),
        ("SKV", &p.skv),
        ("SO", &p.so),
        ("TNS", &p.tns),
        ("MIV", &p.miv),
    ] {
        if let Some(t) = t {
            e.start(local)?;
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
    let ns = version.namespace();
    if !matches!(version, SsbtekVersion::V10 | SsbtekVersion::V11) {
        return Err(EncodeError::UnsupportedVersion(version));
    }
    let mut e = Enc { w, ns };
    match message {
        SsbtekMessage::Request(f) => {
            check_request(f, version)?;
            fraga(&mut e, "hamtaBastjanstInformation", f)?;
        }
        SsbtekMessage::Response(s) => {
            if let Some(f) = &s.fraga {
                check_request(f, version)?;
            }
            svar(&mut e, s)?;
        }
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
    let version = doc.version.unwrap_or(SsbtekVersion::V10);
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
