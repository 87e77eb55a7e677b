//! Reporting where agency payloads deviate from their own XSDs.

use std::fmt;

use crate::model::ssbtek::{Agency, AgencyResult, BastjanstSvar};

/// One place where a decoded AF or SO payload does not satisfy its agency XSD.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct PayloadDeviation {
    /// The agency.
    pub agency: Agency,
    /// Path of the element concerned, relative to `data`.
    pub path: &'static str,
    /// What is wrong.
    pub problem: &'static str,
}

impl fmt::Display for PayloadDeviation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {} {}", self.agency, self.path, self.problem)
    }
}

fn digits12(s: Option<&str>) -> bool {
    s.is_some_and(|s| s.len() == 12 && s.bytes().all(|b| b.is_ascii_digit()))
}

/// Lists the deviations of the AF and SO payloads from `ers_stod.xsd` and
/// `UnemploymentBenefitPaymentService.xsd` (the required elements real answers omit, and
/// identity numbers not of 12 digits). Empty when both conform (or are absent).
///
/// ```
/// let xml = std::fs::read(concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/contracts/fixtures/af-response.xml"));
/// # let Ok(xml) = xml else { return Ok(()) };
/// let doc = lefi::wire::ssbtek::from_slice(&xml)?;
/// let lefi::model::ssbtek::SsbtekMessage::Response(svar) = &doc.message else { return Ok(()) };
/// let deviations = lefi::wire::ssbtek::validate_payloads(svar);
/// assert!(deviations.iter().any(|d| d.path == "Fraga"));
/// # Ok::<(), lefi::wire::ssbtek::DecodeError>(())
/// ```
pub fn validate_payloads(svar: &BastjanstSvar) -> Vec<PayloadDeviation> {
    let mut out = Vec::new();
    let mut push = |agency, path, problem| {
        out.push(PayloadDeviation {
            agency,
            path,
            problem,
        })
    };
    const MISSING: &str = "is required but missing";
    if let Some(AgencyResult::Data(af)) = &svar.svarsdata.af {
        if af.fraga.is_none() {
            push(Agency::Af, "Fraga", MISSING);
        }
        let s = &af.svar;
        if s.lag_paragraf.is_none() {
            push(Agency::Af, "Svar/LagParagraf", MISSING);
        }
        if !digits12(s.identitetsbeteckning.as_ref().map(|p| p.expose())) {
            push(
                Agency::Af,
                "Svar/IdentitetsbeteckningFysiskPerson",
                "must be 12 digits",
            );
        }
        if s.arbetssokande_info
            .as_ref()
            .is_some_and(|a| a.aktivitetsrapport.is_none())
        {
            push(
                Agency::Af,
                "Svar/ArbetssokandeInfo/AktivetetsRapportDatum",
                MISSING,
            );
        }
    }
    if let Some(AgencyResult::Data(so)) = &svar.svarsdata.so {
        for (path, present) in [
            (
                "OrganisationsnummerIngivare",
                so.organisationsnummer_ingivare.is_some(),
            ),
            ("NamnIngivare", so.namn_ingivare.is_some()),
            ("KontonamnHandlaggare", so.kontonamn_handlaggare.is_some()),
            ("Referensnummer", so.referensnummer.is_some()),
            ("From", so.from.is_some()),
            ("Tom", so.tom.is_some()),
            ("Syfte", so.syfte.is_some()),
            ("Paragraf", so.paragraf.is_some()),
            (
                "ArbetsloshetsersattningLista",
                so.arbetsloshetsersattningar.is_some(),
            ),
        ] {
            if !present {
                push(Agency::So, path, MISSING);
            }
        }
        if !digits12(so.identification_number.as_ref().map(|p| p.expose())) {
            push(Agency::So, "IdentificationNumber", "must be 12 digits");
        }
    }
    out
}
