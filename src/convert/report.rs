//! Human-readable summaries and validation findings for any [`Document`].
//!
//! Both are free of personal data: they show codes, dates, amounts and counts, never
//! identity numbers, names or free text.

use core::fmt;

use crate::model::lefi::{
    LefiAvvikelse, LefiExternFormansinformationFraga, LefiExternFormansinformationSvar,
};
use crate::model::payments::PaymentSummary;
use crate::model::ssbtek::SsbtekMessage;
use crate::model::ssbtek::{
    AfSvar, AgencyResult, BastjanstFraga, BastjanstSvar, CsnSvar, FkSvar, MivSvar, PingSvar,
    ResultKind, SkvDel, SkvDelar, SkvSvar, SoSvar, SsbtError, Svarsdata, TnsSvar,
};
use crate::wire::ssbtek::{validate_payloads, version_gaps};

use super::Document;

/// A plain-text summary of a document (`lefi decode --format summary`), without personal
/// data.
///
/// ```
/// use lefi::convert::{Document, DocumentSummary};
/// let (_, doc) = Document::decode_detected(br#"{"utlamnare":[{"utlamnare":{"kod":"FK"},"tillstand":{"kod":"OK"}}]}"#)?;
/// let text = DocumentSummary::new(&doc).to_string();
/// assert!(text.contains("utlämnare FK: OK"));
/// # Ok::<(), lefi::convert::ConvertError>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DocumentSummary {
    lines: Vec<String>,
    payments: Option<PaymentSummary>,
}

fn avvikelse_text(a: Option<&LefiAvvikelse>) -> String {
    a.and_then(|a| a.kod)
        .map_or_else(|| "(no code)".to_owned(), |k| k.to_string())
}

/// One line per case: its path, group, number of decisions and the days they cover.
fn case_lines(svar: &LefiExternFormansinformationSvar, lines: &mut Vec<String>) {
    let benefits = svar.benefits();
    for case in benefits.cases() {
        let group = case.group().map_or("-", |g| g.code());
        let decisions = case.decisions().len();
        let outcomes: Vec<String> = case
            .decisions()
            .iter()
            .map(|d| d.outcome().class().as_str().to_owned())
            .collect();
        lines.push(format!(
            "case {} {group}: {decisions} decision(s) ({})",
            case.location(),
            outcomes.join(", ")
        ));
    }
    for v in benefits.check() {
        lines.push(format!("case violation: {v}"));
    }
}

fn lefi_svar_lines(svar: &LefiExternFormansinformationSvar, lines: &mut Vec<String>) {
    case_lines(svar, lines);
    for u in svar.utlamnare.iter().flatten() {
        let who = u
            .utlamnare
            .as_ref()
            .and_then(|x| x.kod)
            .map_or_else(|| "?".to_owned(), |k| k.to_string());
        let state = u
            .tillstand
            .as_ref()
            .and_then(|x| x.kod)
            .map_or_else(|| "?".to_owned(), |k| k.to_string());
        lines.push(format!("utlämnare {who}: {state}"));
    }
    let Some(av) = &svar.avvikelser else { return };
    let mut push = |list: &str, group: Option<String>, a: Option<&LefiAvvikelse>| {
        lines.push(format!(
            "avvikelse {list} {}: {}",
            group.unwrap_or_default(),
            avvikelse_text(a)
        ));
    };
    for a in av.formansinformation.iter().flatten() {
        push(
            "formansinformation",
            a.formansgrupp.as_ref().map(|g| g.kod.to_string()),
            a.avvikelse.as_ref(),
        );
    }
    for (list, items) in [("ansprak", &av.ansprak), ("beslut", &av.beslut)] {
        for a in items.iter().flatten() {
            push(
                list,
                a.formansgrupp.as_ref().map(|g| g.kod.to_string()),
                a.avvikelse.as_ref(),
            );
        }
    }
    for (list, items) in [
        ("preliminaraUtbetalningar", &av.preliminara_utbetalningar),
        ("utbetalningar", &av.utbetalningar),
    ] {
        for a in items.iter().flatten() {
            push(
                list,
                a.formansgrupp.as_ref().map(|g| g.kod.to_string()),
                a.avvikelse.as_ref(),
            );
        }
    }
    for a in av.ovrig_information.iter().flatten() {
        push(
            "ovrigInformation",
            a.ovrig_informationstyp.as_ref().map(|t| t.kod.to_string()),
            a.avvikelse.as_ref(),
        );
    }
}

fn lefi_fraga_lines(fraga: &LefiExternFormansinformationFraga, lines: &mut Vec<String>) {
    lines.push(format!("period {}/{}", fraga.period.from, fraga.period.tom));
    for (name, codes) in fraga_lists(fraga) {
        if !codes.is_empty() {
            lines.push(format!("{name}: {}", codes.join(",")));
        }
    }
}

/// The six lists of a LEFI question with their wire names, as code strings.
fn fraga_lists(fraga: &LefiExternFormansinformationFraga) -> [(&'static str, Vec<String>); 6] {
    [
        (
            "formansinformation",
            codes(fraga.formansinformation.as_deref()),
        ),
        ("ansprak", codes(fraga.ansprak.as_deref())),
        ("beslut", codes(fraga.beslut.as_deref())),
        (
            "preliminaraUtbetalningar",
            codes(fraga.preliminara_utbetalningar.as_deref()),
        ),
        ("utbetalningar", codes(fraga.utbetalningar.as_deref())),
        (
            "ovrigInformation",
            codes(fraga.ovrig_information.as_deref()),
        ),
    ]
}

/// One line per agency in the answer: its outcome and, for data, what a case officer
/// reads first; indented lines follow for lists (decisions, vehicles, payments).
fn svarsdata_lines(s: &Svarsdata, lines: &mut Vec<String>) {
    agency_lines("AF", s.af.as_ref(), af_lines, lines);
    agency_lines("CSN", s.csn.as_ref(), csn_lines, lines);
    agency_lines("FK", s.fk.as_ref(), fk_lines, lines);
    agency_lines("SKV", s.skv.as_ref(), skv_lines, lines);
    agency_lines("SO", s.so.as_ref(), so_lines, lines);
    agency_lines("TNS", s.tns.as_ref(), tns_lines, lines);
    agency_lines("MIV", s.miv.as_ref(), miv_lines, lines);
    if !s.other.is_empty() {
        lines.push(format!(
            "other: {} element(s) the contract does not define, kept",
            s.other.len()
        ));
    }
}

fn agency_lines<T>(
    name: &str,
    result: Option<&AgencyResult<T>>,
    data: impl FnOnce(&T, &mut Vec<String>) -> String,
    lines: &mut Vec<String>,
) {
    match result {
        None => lines.push(format!("{name}: not in the answer")),
        Some(AgencyResult::Error(e)) => lines.push(format!("{name}: {}", error_text(e))),
        Some(AgencyResult::Undecodable(u)) => {
            lines.push(format!("{name}: cannot be decoded, kept as received: {u}"));
        }
        Some(AgencyResult::Data(d)) => {
            let mut rest = Vec::new();
            let head = data(d, &mut rest);
            lines.push(format!("{name}: {head}"));
            lines.extend(rest.into_iter().map(|l| format!("  {l}")));
        }
    }
}

fn error_text(e: &SsbtError) -> String {
    format!("error {} (källa {})", e.felkod(), e.kalla())
}

fn opt<T: ToString>(v: Option<T>) -> String {
    v.map_or_else(|| "-".to_owned(), |v| v.to_string())
}

fn yes_no(v: Option<bool>) -> &'static str {
    match v {
        Some(true) => "yes",
        Some(false) => "no",
        None => "-",
    }
}

fn af_lines(af: &AfSvar, rest: &mut Vec<String>) -> String {
    let s = &af.svar;
    let info = s.arbetssokande_info.as_ref();
    for b in s.beslut_info.iter().flat_map(|b| &b.ekonomiska_beslut) {
        rest.push(format!(
            "beslut {} omfattning {} % {}/{}",
            b.ersattning_typ,
            b.omfattning,
            b.from.date(),
            b.tom.date()
        ));
    }
    format!(
        "data, jobseeker {}, registered {}, scope {} %, deregistered {}, status {}",
        yes_no(info.and_then(|i| i.arbetssokande)),
        opt(info.and_then(|i| i.registrerad).map(|d| d.date())),
        opt(info.and_then(|i| i.omfattning)),
        opt(info.and_then(|i| i.avaktualiserad).map(|d| d.date())),
        s.status_kod
    )
}

fn csn_lines(csn: &CsnSvar, rest: &mut Vec<String>) -> String {
    let doc = csn.dokument();
    let mut cases = 0usize;
    for p in &doc.personer {
        for (stod, a) in p.arenden() {
            cases += 1;
            let total: rust_decimal::Decimal = a.utbetalningsplan.iter().map(|u| u.totbelopp).sum();
            rest.push(format!(
                "{} {} ({}), status {:?}, {} payment(s), {} SEK in all",
                stod.name(),
                a.stodform,
                a.klartext,
                a.status.to_string().trim(),
                a.utbetalningsplan.len(),
                total
            ));
            for u in &a.utbetalningsplan {
                rest.push(format!(
                    "  {} {} {} SEK",
                    opt(u.utbetdatum.date()),
                    u.utbetstatus,
                    u.totbelopp
                ));
            }
        }
    }
    format!(
        "data, result {} ({}), {} person(s), {cases} case(s)",
        doc.resultat.kod,
        doc.resultat.text,
        doc.personer.len()
    )
}

fn fk_lines(fk: &FkSvar, _rest: &mut Vec<String>) -> String {
    let svar = fk.svar();
    format!(
        "data (LEFI v9), {} payment(s); see below",
        svar.payments().count()
    )
}

fn skv_lines(skv: &SkvSvar, rest: &mut Vec<String>) -> String {
    match skv {
        SkvSvar::Beskattningsuppgifter(p) => {
            let doc = p.value();
            let people = doc
                .personuppgift_lista
                .iter()
                .flat_map(|l| &l.personuppgift);
            for k in people.flat_map(|p| &p.kapitaluppgift) {
                rest.push(format!(
                    "taxed capital income {}: intäkter {}, överskott {}",
                    opt(k.taxeringsar),
                    opt(k.summa_intakter_pa_kapital),
                    opt(k.overskott_pa_kapital)
                ));
            }
            "data (beskattningsuppgifter)".to_owned()
        }
        SkvSvar::Delar(d) => {
            for (del, outcome) in d.parts() {
                let line = match outcome {
                    ResultKind::Data => skv_part_line(d, del),
                    ResultKind::Error(e) => error_text(e),
                    ResultKind::Undecodable(u) => {
                        format!("cannot be decoded, kept as received: {u}")
                    }
                };
                rest.push(format!("{del}: {line}"));
                if del == SkvDel::Skatteuppgifter {
                    skatteuppgifter_lines(d, rest);
                }
            }
            if let Some(e) = &d.error {
                rest.push(format!("agency-wide {}", error_text(e)));
            }
            format!("data, {} part(s)", d.parts().count())
        }
        #[allow(unreachable_patterns)]
        _ => "data".to_owned(),
    }
}

fn skv_part_line(d: &SkvDelar, del: SkvDel) -> String {
    match del {
        SkvDel::Foretagsinformation => {
            let f = d
                .foretagsinformation
                .as_ref()
                .and_then(AgencyResult::data)
                .and_then(|p| p.value().foretag.as_ref());
            format!(
                "F-skatt {}, VAT-registered {}, employer {}",
                yes_no(f.and_then(|f| f.godkand_fskatt)),
                yes_no(f.and_then(|f| f.momsregistrerad)),
                yes_no(f.and_then(|f| f.arbetsgivarregistrerad))
            )
        }
        SkvDel::Skattekonto => {
            let k = d
                .skattekonto
                .as_ref()
                .and_then(AgencyResult::data)
                .map(|p| p.value());
            format!(
                "balance {} SEK, paid out {} SEK, booked {}, preliminary interest {}",
                opt(k.and_then(|k| k.saldo.as_ref()).map(|b| b.value())),
                opt(k
                    .and_then(|k| k.utbetalt_belopp.as_ref())
                    .map(|b| b.value())),
                opt(k.and_then(|k| k.bokforingsdag)),
                opt(k
                    .and_then(|k| k.preliminar_ranta.as_ref())
                    .map(|b| b.value()))
            )
        }
        SkvDel::Skatteuppgifter => "data".to_owned(),
        SkvDel::Individuppgifter | SkvDel::Beskattningsbilagor => "data (not typed)".to_owned(),
    }
}

fn skatteuppgifter_lines(d: &SkvDelar, rest: &mut Vec<String>) {
    let part = d.skatteuppgifter.as_ref().and_then(AgencyResult::data);
    for b in part
        .iter()
        .flat_map(|p| p.value().beslutade_skatteuppgifter.iter().flatten())
    {
        let u = b.uppgifter.as_ref();
        let amount = |v: Option<&crate::model::ssbtek::SkvBelopp>| opt(v.map(|b| b.value()));
        rest.push(format!(
            "  taxed income {} ({}, decided {}): fastställd inkomst {}, överskott av tjänst {}, kapital {}, slutlig skatt {}",
            opt(b.beskattningsar.map(|a| a.year())),
            opt(b.beskattningsperiod.as_ref().map(|p| p.as_str().to_owned())),
            opt(b.datum_faststalld),
            amount(u.and_then(|u| u.fast_stalldinkomst.as_ref())),
            amount(u.and_then(|u| u.overskott_av_tjanst.as_ref())),
            amount(u.and_then(|u| u.sum_kapital.as_ref())),
            amount(u.and_then(|u| u.summa_slutlig_skatt.as_ref())),
        ));
    }
}

fn so_lines(so: &SoSvar, rest: &mut Vec<String>) -> String {
    let mut payments = 0usize;
    for e in so.arbetsloshetsersattningar.iter().flatten() {
        for u in &e.utbetalningar {
            payments += 1;
            rest.push(format!(
                "paid {} for {}/{}: net after tax {} SEK, net after deductions {} SEK, {} day(s)",
                u.utbetalningsdatum.date(),
                u.avser_from.date(),
                u.avser_tom.date(),
                u.netto_efter_skatt,
                u.netto_efter_avdrag,
                u.ersattningsdagar
            ));
        }
        for a in &e.avstangningar {
            rest.push(format!("suspended {}/{}", a.from.date(), a.tom.date()));
        }
    }
    format!("data, {payments} payment(s)")
}

fn tns_lines(tns: &TnsSvar, rest: &mut Vec<String>) -> String {
    let fordon = tns.fordonsinnehav.iter().flat_map(|f| &f.fordon);
    let mut count = 0usize;
    for f in fordon {
        count += 1;
        // the registration number identifies the owner's vehicle: not shown
        rest.push(format!(
            "{} {} {} ({})",
            f.fordonsslag, f.fabrikat, f.handelsbeteckning, f.fordonsar
        ));
    }
    for f in &tns.felresultat {
        rest.push(format!("felkod {}", f.felkod));
    }
    format!(
        "data, resultat {}, {count} vehicle(s)",
        if tns.ok { "OK" } else { "FEL" }
    )
}

fn miv_lines(miv: &MivSvar, rest: &mut Vec<String>) -> String {
    let beslut: Vec<_> = miv.response.iter().flat_map(|r| r.beslut()).collect();
    for b in &beslut {
        rest.push(format!(
            "ärende {} beslut {} {} ({}), decided {}, applied {}, valid {}/{}",
            opt(b.arendetyp.as_ref()),
            opt(b.beslutstyp.as_ref()),
            opt(b.beslutskod.as_ref()),
            opt(b.giltighetstid.map(|g| g.code())),
            opt(b.beslutsdatum.map(|d| d.date())),
            opt(b.ansokningsdatum.map(|d| d.date())),
            opt(b.from_datum.map(|d| d.date())),
            opt(b.tom_datum.map(|d| d.date()))
        ));
    }
    format!("data, {} decision(s)", beslut.len())
}

fn ping_lines(p: &PingSvar, lines: &mut Vec<String>) {
    for (agency, t) in p.agencies() {
        let line = match t {
            None => "not in the answer".to_owned(),
            Some(t) => {
                let called = if t.anropad { "called" } else { "not called" };
                match &t.error {
                    Some(e) => format!("{called}, {}", error_text(e)),
                    None => called.to_owned(),
                }
            }
        };
        lines.push(format!("{agency}: {line}"));
    }
}

fn ssbtek_fraga_lines(fraga: &BastjanstFraga, lines: &mut Vec<String>) {
    let included: Vec<&str> = crate::model::ssbtek::Agency::ALL
        .into_iter()
        .filter(|a| fraga.specifika.includes(*a))
        .map(crate::model::ssbtek::Agency::element_name)
        .collect();
    lines.push(format!("agencies: {}", included.join(",")));
    lines.push(format!("syfte: {}", fraga.generella.syfte.as_str()));
    lines.push(format!("lagtext: {}", fraga.generella.lagtext.as_str()));
}

fn ssbtek_svar_lines(svar: &BastjanstSvar, lines: &mut Vec<String>) {
    svarsdata_lines(&svar.svarsdata, lines);
}

impl DocumentSummary {
    /// Summarises `doc`.
    #[must_use]
    pub fn new(doc: &Document) -> Self {
        let mut lines = vec![format!("document: {}", doc.kind())];
        match doc {
            Document::LefiSvar(svar) => lefi_svar_lines(svar, &mut lines),
            Document::LefiFraga(fraga) => lefi_fraga_lines(fraga, &mut lines),
            Document::LefiTillgangliga(_) | Document::LefiFelsvar(_) => {}
            Document::Ssbtek(s) => {
                if let Some(v) = s.version {
                    lines.push(format!("ssbtek version: {v}"));
                }
                match &s.message {
                    SsbtekMessage::Request(f) => ssbtek_fraga_lines(f, &mut lines),
                    SsbtekMessage::Response(r) => ssbtek_svar_lines(r, &mut lines),
                    SsbtekMessage::PingResponse(p) => ping_lines(p, &mut lines),
                    SsbtekMessage::Fault(f) => lines.push(format!("fault: {f}")),
                    _ => {}
                }
                if let Some(svar) = doc.lefi_svar() {
                    lefi_svar_lines(svar, &mut lines);
                }
            }
        }
        Self {
            lines,
            payments: doc.lefi_svar().map(PaymentSummary::new),
        }
    }

    /// The payment table, when the document carries a LEFI answer.
    #[must_use]
    pub fn payments(&self) -> Option<&PaymentSummary> {
        self.payments.as_ref()
    }
}

impl fmt::Display for DocumentSummary {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for line in &self.lines {
            writeln!(f, "{line}")?;
        }
        if let Some(p) = &self.payments {
            writeln!(f, "{p}")?;
        }
        Ok(())
    }
}

/// The benefits view of a document carrying a LEFI answer (a LEFI answer in any version,
/// or an SSBTEK answer with Försäkringskassan's part), saying what the answer's version
/// cannot carry; `None` for other documents. `format` is the format the document was
/// decoded from. What `lefi decode --format benefits` prints.
///
/// ```
/// use lefi::convert::{benefits_view, Document, Format};
/// let (format, doc) = Document::decode_detected(br#"{"formansinformation":{"sjukpenningarende":[{"beslut":[{}]}]}}"#)?;
/// let view = benefits_view(&doc, format, None).ok_or("not an answer")?;
/// assert_eq!(view.cases.len(), 1);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[must_use]
pub fn benefits_view(
    doc: &Document,
    format: super::Format,
    asked: Option<crate::period::Period>,
) -> Option<crate::legal::BenefitsView> {
    let svar = doc.lefi_svar()?;
    let version = format
        .lefi_version()
        .unwrap_or(crate::version::LefiVersion::V9);
    Some(crate::legal::BenefitsView::from_version(
        svar, version, asked,
    ))
}

/// How serious a validation [`Finding`] is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
pub enum Severity {
    /// Worth knowing; the document is still valid.
    Warning,
    /// The document breaks a rule of its contract.
    Error,
}

/// One problem [`validate`] found.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct Finding {
    /// How serious it is.
    pub severity: Severity,
    /// What is wrong and where (no personal data).
    pub message: String,
}

impl fmt::Display for Finding {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let level = match self.severity {
            Severity::Warning => "warning",
            Severity::Error => "error",
        };
        write!(f, "{level}: {}", self.message)
    }
}

/// Checks a decoded document beyond its wire shape: the payment invariants of a LEFI
/// answer (also inside SSBTEK), the request rules of a LEFI question, what an SSBTEK
/// message's version cannot carry or requires ([`version_gaps`]), and the agency payloads of
/// an SSBTEK answer against their own schemas.
///
/// ```
/// use lefi::convert::{validate, Document, Severity};
/// let (_, doc) = Document::decode_detected(br#"{"personnummer":"197407029284","period":{"from":"2023-01-01","tom":"2024-01-01"}}"#)?;
/// let findings = validate(&doc);
/// assert!(findings.iter().any(|f| f.severity == Severity::Error)); // nothing asked for
/// # Ok::<(), lefi::convert::ConvertError>(())
/// ```
#[must_use]
pub fn validate(doc: &Document) -> Vec<Finding> {
    let mut out = Vec::new();
    let error = |message: String| Finding {
        severity: Severity::Error,
        message,
    };
    if let Some(svar) = doc.lefi_svar() {
        out.extend(svar.check().iter().map(|v| error(v.to_string())));
    }
    match doc {
        Document::LefiFraga(fraga) => {
            out.extend(fraga_findings(fraga));
        }
        Document::Ssbtek(s) => {
            if let Some(version) = s.version {
                let gaps = version_gaps(&s.message, version);
                out.extend(
                    gaps.iter()
                        .map(|g| error(format!("{g} in SSBTEK version {version}"))),
                );
            }
            if let SsbtekMessage::Response(svar) = &s.message {
                out.extend(undecodable_findings(&svar.svarsdata));
                out.extend(validate_payloads(svar).iter().map(|d| Finding {
                    severity: Severity::Warning,
                    message: format!("payload deviates from its agency schema: {d}"),
                }));
            }
        }
        _ => {}
    }
    out
}

/// An error per agency block (or Skatteverket part) that could not be decoded, naming the
/// agency; a warning for elements the contract does not define.
fn undecodable_findings(s: &Svarsdata) -> Vec<Finding> {
    use crate::model::ssbtek::Agency;
    let mut out = Vec::new();
    let error = |message: String| Finding {
        severity: Severity::Error,
        message,
    };
    for agency in Agency::ALL {
        if let Some(u) = s.undecodable_of(agency) {
            out.push(error(format!("svarsdata/{agency} cannot be decoded: {u}")));
        }
    }
    if let Some(AgencyResult::Data(SkvSvar::Delar(d))) = &s.skv {
        for (del, outcome) in d.parts() {
            if let ResultKind::Undecodable(u) = outcome {
                out.push(error(format!("svarsdata/SKV/{del} cannot be decoded: {u}")));
            }
        }
    }
    if !s.other.is_empty() {
        out.push(Finding {
            severity: Severity::Warning,
            message: format!(
                "svarsdata holds {} element(s) the contract does not define",
                s.other.len()
            ),
        });
    }
    out
}

/// The request rules of the LEFI v9 contract checked on a decoded question (the request
/// builder refuses to build one that breaks them).
fn fraga_findings(fraga: &LefiExternFormansinformationFraga) -> Vec<Finding> {
    let mut out = Vec::new();
    let error = |message: String| Finding {
        severity: Severity::Error,
        message,
    };
    let lists = fraga_lists(fraga);
    if lists.iter().all(|(_, c)| c.is_empty()) {
        out.push(error(
            "nothing is asked for: at least one förmånsgrupp or övrig-information type is needed"
                .to_owned(),
        ));
    }
    for (list, codes) in &lists {
        for (i, code) in codes.iter().enumerate() {
            if codes.iter().skip(i + 1).any(|c| c == code) {
                out.push(error(format!("{list}: {code} is listed more than once")));
            }
        }
    }
    match crate::period::Period::new(fraga.period.from, fraga.period.tom) {
        Err(_) => out.push(error("period: tom is before from".to_owned())),
        Ok(p) if p.longer_than_two_years() => out.push(Finding {
            severity: Severity::Warning,
            message: "period: longer than two years, refused unless an agreed exception covers every group asked for".to_owned(),
        }),
        Ok(_) => {}
    }
    out
}

fn codes<T: ToString>(items: Option<&[T]>) -> Vec<String> {
    items
        .unwrap_or_default()
        .iter()
        .map(ToString::to_string)
        .collect()
}
