//! Human-readable summaries and validation findings for any [`Document`].
//!
//! Both are free of personal data: they show codes, dates, amounts and counts, never
//! identity numbers, names or free text.

use core::fmt;

use crate::model::lefi::{
    LefiAvvikelse, LefiExternFormansinformationFraga, LefiExternFormansinformationSvar,
};
use crate::model::payments::PaymentSummary;
use crate::model::ssbtek::{AgencyResult, BastjanstFraga, BastjanstSvar, Svarsdata};
use crate::wire::ssbtek::{validate_payloads, SsbtekMessage};

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

fn lefi_svar_lines(svar: &LefiExternFormansinformationSvar, lines: &mut Vec<String>) {
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

fn agency_state<T>(result: Option<&AgencyResult<T>>) -> String {
    match result {
        None => "not in the answer".to_owned(),
        Some(AgencyResult::Data(_)) => "data".to_owned(),
        Some(AgencyResult::Error(e)) => format!("error {} (källa {})", e.felkod(), e.kalla()),
    }
}

fn svarsdata_lines(s: &Svarsdata, lines: &mut Vec<String>) {
    lines.push(format!("AF: {}", agency_state(s.af.as_ref())));
    lines.push(format!("CSN: {}", agency_state(s.csn.as_ref())));
    lines.push(format!("FK: {}", agency_state(s.fk.as_ref())));
    lines.push(format!("SKV: {}", agency_state(s.skv.as_ref())));
    lines.push(format!("SO: {}", agency_state(s.so.as_ref())));
    lines.push(format!("TNS: {}", agency_state(s.tns.as_ref())));
    let miv = agency_state(s.miv.as_ref());
    let decisions = match &s.miv {
        Some(AgencyResult::Data(m)) => m.response.as_ref().map_or(0, |r| r.beslut().count()),
        _ => 0,
    };
    if decisions > 0 {
        lines.push(format!("MIV: {miv}, {decisions} decision(s)"));
    } else {
        lines.push(format!("MIV: {miv}"));
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
/// answer (also inside SSBTEK), the request rules of a LEFI question, and the agency
/// payloads of an SSBTEK answer against their own schemas.
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
            if let SsbtekMessage::Response(svar) = &s.message {
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
