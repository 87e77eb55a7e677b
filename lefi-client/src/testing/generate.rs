//! Answers generated from the model for the person, the agencies and the LEFI groups asked:
//! each agency's sample answer (the contract's sample answers, the library's LEFI v9
//! example) with the person asked about in place of the sample's, decoded through the library's codecs, so
//! every generated answer is typed and valid for its version. Deterministic: the same
//! question gives the same answer.

use base64::Engine as _;
use lefi::codes::{FormanGrupp, Kalla, UtlamnareKod};
use lefi::id::Personidentitet;
use lefi::model::lefi::{LefiExternFormansinformationFraga, LefiExternFormansinformationSvar};
use lefi::model::ssbtek::{
    Agency, AgencyResult, BastjanstFraga, BastjanstSvar, FkSvar, Foretagsinformation, Payload,
    Skattekonto, Skatteuppgifter, SkvDelar, SkvSvar, SsbtError, SsbtekMessage, Svarsdata,
};
use lefi::version::SsbtekVersion;
use lefi::wire::{lefi_json, ssbtek};

use super::Injection;

/// The library's LEFI v9 example answer.
const LEFI_SAMPLE: &[u8] = include_bytes!("../../../examples/data/lefi-v9-svar.json");
/// The person in the SSBTEK samples.
const SAMPLE_PERSON: &str = "199001011234";
/// The SSBTEK v10 sample answers, one agency each.
const AF: &str = include_str!("samples/af.xml");
const CSN: &str = include_str!("samples/csn.xml");
const MIV: &str = include_str!("samples/miv.xml");
const SKV_V10: &str = include_str!("samples/skv.xml");
const SO: &str = include_str!("samples/so.xml");
const TNS: &str = include_str!("samples/tns.xml");

/// A sample could not be turned into an answer (a bug in the double, not in the question).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("cannot generate the {agency} answer: {reason}")]
pub struct GenerateError {
    agency: Agency,
    reason: String,
}

impl GenerateError {
    fn new(agency: Agency, reason: impl ToString) -> Self {
        Self {
            agency,
            reason: reason.to_string(),
        }
    }
}

/// The LEFI v9 answer to `fraga`: the library's example answer (Försäkringskassan's part,
/// Pensionsmyndigheten's executed and preliminary payments) about the person asked about,
/// with only the parts the question asks for: Försäkringskassan's when it names an `FK:`
/// group or type, each Pensionsmyndigheten list when that list names a `PM:` group (or
/// type).
///
/// ```
/// use lefi::wire::lefi_json;
/// let fraga = lefi_json::from_slice(br#"{"personnummer":"197407029284",
///     "period":{"from":"2024-01-01","tom":"2024-12-31"},
///     "formansinformation":["FK:SJP"],"utbetalningar":["PM:AP"]}"#)?;
/// let svar = lefi_client::testing::generate::lefi_answer(&fraga);
/// assert_eq!(svar.payments().count(), 3); // FK executed and preliminary, PM executed
/// assert!(svar.preliminara_utbetalningar.is_none());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn lefi_answer(fraga: &LefiExternFormansinformationFraga) -> LefiExternFormansinformationSvar {
    let mut svar = sample_lefi_answer(&fraga.personnummer);
    let pm_groups = |groups: &Option<Vec<FormanGrupp>>| {
        groups
            .iter()
            .flatten()
            .any(|g| g.utlamnare() == UtlamnareKod::Pm)
    };
    let fk = fraga.formansinformation.is_some()
        || [&fraga.utbetalningar, &fraga.preliminara_utbetalningar]
            .into_iter()
            .flatten()
            .flatten()
            .any(|g| g.utlamnare() == UtlamnareKod::Fk)
        || fraga
            .ovrig_information
            .iter()
            .flatten()
            .any(|t| t.pm().is_none());
    if !fk {
        svar.formansinformation = None;
    }
    if fraga.ansprak.is_none() {
        svar.ansprak = None;
    }
    if fraga.beslut.is_none() {
        svar.beslut = None;
    }
    if !pm_groups(&fraga.utbetalningar) {
        svar.utbetalningar = None;
    }
    if !pm_groups(&fraga.preliminara_utbetalningar) {
        svar.preliminara_utbetalningar = None;
    }
    if !fraga
        .ovrig_information
        .iter()
        .flatten()
        .any(|t| t.pm().is_some())
    {
        svar.ovrig_information = None;
    }
    svar
}

/// The library's example answer, its `generellPersoninformation` naming `person`.
fn sample_lefi_answer(person: &Personidentitet) -> LefiExternFormansinformationSvar {
    let mut svar: LefiExternFormansinformationSvar =
        lefi_json::from_slice(LEFI_SAMPLE).unwrap_or_default();
    if let Some(info) = svar.formansinformation.as_mut() {
        for p in info.generell_personinformation.iter_mut().flatten() {
            p.personnummer = Some(*person);
        }
    }
    svar
}

/// The SSBTEK answer to `fraga` in `version`: data from every agency the question includes
/// (FK's answer about the person, Skatteverket's in the version's form), the question
/// echoed when it asks for that.
///
/// # Errors
/// [`GenerateError`] when a sample does not decode (a bug in the double).
pub fn ssbtek_answer(
    fraga: &BastjanstFraga,
    version: SsbtekVersion,
) -> Result<BastjanstSvar, GenerateError> {
    let person = &fraga.generella.personidentitet;
    let mut svarsdata = Svarsdata::default();
    for agency in Agency::ALL {
        if !fraga.specifika.includes(agency) {
            continue;
        }
        match (agency, version) {
            (Agency::Fk, _) => {
                let svar = match &fraga.specifika.fk.fraga {
                    Some(fk) => lefi_answer(fk.fraga()),
                    None => sample_lefi_answer(person),
                };
                svarsdata.fk = Some(AgencyResult::Data(FkSvar::new(svar)));
            }
            (Agency::Skv, SsbtekVersion::V11) => {
                let delar = skv_delar(person).map_err(|e| GenerateError::new(agency, e))?;
                svarsdata.skv = Some(AgencyResult::Data(SkvSvar::Delar(Box::new(delar))));
            }
            _ => {
                let mut sample = sample(agency, version, person)?;
                move_result(&mut sample, &mut svarsdata, agency);
            }
        }
    }
    Ok(BastjanstSvar {
        fraga: fraga
            .generella
            .fragan_skall_inkluderas_i_svaret
            .then(|| fraga.clone()),
        frage_tidpunkt: fraga.generella.frage_tidpunkt.clone(),
        korrelationsid: fraga.generella.korrelationsid.clone(),
        svarsdata,
    })
}

/// Replaces `agency`'s result in `svarsdata` with `injection`.
///
/// # Errors
/// [`GenerateError`] when the undecodable block does not decode as one (a bug).
pub fn inject(
    svarsdata: &mut Svarsdata,
    agency: Agency,
    injection: &Injection,
    version: SsbtekVersion,
) -> Result<(), GenerateError> {
    match injection {
        Injection::Error { felkod } => {
            let error = SsbtError::new(
                Kalla::Bt,
                felkod.as_str(),
                vec!["injected by the test double".to_owned()],
            )
            .map_err(|e| GenerateError::new(agency, e))?;
            set_error(svarsdata, agency, error);
        }
        Injection::Undecodable => {
            let block = format!(
                "<{name}><data><ovantatElement/></data></{name}>",
                name = agency.element_name()
            );
            let mut decoded = decode_svarsdata(agency, version, &block)?;
            move_result(&mut decoded, svarsdata, agency);
        }
    }
    Ok(())
}

/// One agency's sample answer for `version` about `person`, decoded.
fn sample(
    agency: Agency,
    version: SsbtekVersion,
    person: &Personidentitet,
) -> Result<Svarsdata, GenerateError> {
    let (century, digits) = split(person);
    let twelve = format!("{century}{digits}");
    let text = match agency {
        Agency::Af => AF.replace(SAMPLE_PERSON, &twelve),
        Agency::Csn => csn(century, digits).map_err(|e| GenerateError::new(agency, e))?,
        Agency::Miv => MIV.replace(SAMPLE_PERSON, &twelve),
        Agency::Skv => SKV_V10.replace(SAMPLE_PERSON, &twelve),
        Agency::So => SO.replace(SAMPLE_PERSON, &twelve),
        Agency::Tns => TNS.to_owned(),
        Agency::Fk => return Err(GenerateError::new(agency, "no sample")),
    };
    let text = text.replace(SsbtekVersion::V10.namespace(), version.namespace());
    let doc = ssbtek::from_slice(text.as_bytes()).map_err(|e| GenerateError::new(agency, e))?;
    match doc.message {
        SsbtekMessage::Response(svar) => Ok(svar.svarsdata),
        _ => Err(GenerateError::new(agency, "the sample is not an answer")),
    }
}

/// `svarsdata` holding `block`, decoded.
fn decode_svarsdata(
    agency: Agency,
    version: SsbtekVersion,
    block: &str,
) -> Result<Svarsdata, GenerateError> {
    let xml = format!(
        r#"<hamtaBastjanstInformationResponse xmlns="{}"><svarsdata>{block}</svarsdata></hamtaBastjanstInformationResponse>"#,
        version.namespace()
    );
    match ssbtek::from_slice(xml.as_bytes()).map(|d| d.message) {
        Ok(SsbtekMessage::Response(svar)) => Ok(svar.svarsdata),
        Ok(_) => Err(GenerateError::new(agency, "not an answer")),
        Err(e) => Err(GenerateError::new(agency, e)),
    }
}

/// The century and the ten digits of the person (a 10-digit form is taken as 19xx).
fn split(person: &Personidentitet) -> (&str, &str) {
    let digits = person.expose();
    match (digits.get(..2), digits.get(2..)) {
        (Some(century), Some(rest)) if digits.len() == 12 => (century, rest),
        _ => ("19", digits),
    }
}

/// CSN's sample with the person in its base64 `CSNSvar` document.
fn csn(century: &str, digits: &str) -> Result<String, base64::DecodeError> {
    let engine = base64::engine::general_purpose::STANDARD;
    let (start, end) = ("<ssbt:svar>", "</ssbt:svar>");
    let (Some(from), Some(to)) = (CSN.find(start), CSN.find(end)) else {
        return Ok(CSN.to_owned());
    };
    let from = from + start.len();
    let inner = engine.decode(CSN.get(from..to).unwrap_or("").trim())?;
    let inner = String::from_utf8_lossy(&inner)
        .replace(
            &format!("personnummer=\"{}\"", SAMPLE_PERSON.get(2..).unwrap_or("")),
            &format!("personnummer=\"{digits}\""),
        )
        .replace("sekel=\"19\"", &format!("sekel=\"{century}\""));
    Ok(format!(
        "{}{}{}",
        CSN.get(..from).unwrap_or(""),
        engine.encode(inner),
        CSN.get(to..).unwrap_or("")
    ))
}

/// Skatteverket's ssbt/11 answer about `person`: company, tax account and assessed tax.
fn skv_delar(person: &Personidentitet) -> Result<SkvDelar, serde_json::Error> {
    let id = person.expose();
    let foretag: Foretagsinformation = serde_json::from_str(&format!(
        r#"{{"foretag":{{"foretagId":"{id}","arbetsgivarregistrerad":false,"momsregistrerad":false,"godkandFskatt":true}}}}"#
    ))?;
    let konto: Skattekonto = serde_json::from_str(&format!(
        r#"{{"kontohavare":"{id}","utbetaltBelopp":1200,"bokforingsdag":"2025-05-12","saldo":-4321.50,"senastUppdaterad":"2025-05-13T06:12:45"}}"#
    ))?;
    let uppgifter: Skatteuppgifter = serde_json::from_str(&format!(
        r#"{{"identitet":"{id}","beslutadeSkatteuppgifter":[{{"beskattningsar":2025,"beskattningsperiod":"2024P4","datumFaststalld":"2025-08-15","uppgifter":{{"inkomstar":"2024","overskottAvTjanst":"412000","fastStalldinkomst":"398000","summaSlutligSkatt":"118342"}}}}]}}"#
    ))?;
    Ok(SkvDelar {
        foretagsinformation: Some(AgencyResult::Data(Payload::new(foretag))),
        individuppgifter: None,
        skattekonto: Some(AgencyResult::Data(Payload::new(konto))),
        skatteuppgifter: Some(AgencyResult::Data(Payload::new(uppgifter))),
        beskattningsbilagor: None,
        error: None,
    })
}

/// Moves `agency`'s result from `from` to `to`.
fn move_result(from: &mut Svarsdata, to: &mut Svarsdata, agency: Agency) {
    match agency {
        Agency::Af => to.af = from.af.take(),
        Agency::Csn => to.csn = from.csn.take(),
        Agency::Fk => to.fk = from.fk.take(),
        Agency::Skv => to.skv = from.skv.take(),
        Agency::So => to.so = from.so.take(),
        Agency::Tns => to.tns = from.tns.take(),
        Agency::Miv => to.miv = from.miv.take(),
    }
}

fn set_error(to: &mut Svarsdata, agency: Agency, e: SsbtError) {
    match agency {
        Agency::Af => to.af = Some(AgencyResult::Error(e)),
        Agency::Csn => to.csn = Some(AgencyResult::Error(e)),
        Agency::Fk => to.fk = Some(AgencyResult::Error(e)),
        Agency::Skv => to.skv = Some(AgencyResult::Error(e)),
        Agency::So => to.so = Some(AgencyResult::Error(e)),
        Agency::Tns => to.tns = Some(AgencyResult::Error(e)),
        Agency::Miv => to.miv = Some(AgencyResult::Error(e)),
    }
}
