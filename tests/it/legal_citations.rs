//! Exact citation, `syfte` and `lagtext` texts (DOMAIN §2.1, §2.2), command-line names, and
//! the rule that the law table is the only place citation texts are written.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::path::Path;

use lefi::legal::{Law, LegalBasis, ParsePurposeError, Purpose};

/// (purpose, citation exactly as Försäkringskassan / the Sundsvall sample cite it, syfte)
const EXPECTED: &[(Purpose, &str, &str)] = &[
    (
        Purpose::Samordning,
        "110 kap. 39 § Socialförsäkringsbalken (2010:110)",
        "Utlämnande för samordning",
    ),
    (
        Purpose::SamordningAutomatiserad,
        "114 kap. 24 § och 9 § Socialförsäkringsbalken (2010:110)",
        "Utlämnande av samordning",
    ),
    (
        Purpose::Riskbedomning,
        "114 kap. 24 § Socialförsäkringsbalken (2010:110)",
        "Utlämnande för riskbedömning",
    ),
    (
        Purpose::Pensionsprognos,
        "114 kap. 25 § Socialförsäkringsbalken (2010:110)",
        "Utlämnande för pensionsprognos",
    ),
    (
        Purpose::Skadereglering,
        "114 kap. 26 § Socialförsäkringsbalken (2010:110)",
        "Utlämnande för skadereglering",
    ),
    (
        Purpose::EkonomisktBistand,
        "11 kap. 11 a § socialtjänstlagen (2001:453), 5 § förordning (2008:975) om \
         uppgiftsskyldighet i vissa fall enligt socialtjänstlagen",
        "Beslut om eller kontroll av Ekonomisk försörjningsstöd",
    ),
];

#[test]
fn every_purpose_has_an_expected_row() {
    let listed: Vec<Purpose> = EXPECTED.iter().map(|row| row.0).collect();
    assert_eq!(listed, Purpose::ALL);
}

#[test]
fn citations_are_exact() {
    for &(purpose, citation, _) in EXPECTED {
        assert_eq!(purpose.citation(), citation, "{purpose}");
        assert_eq!(purpose.legal_basis().to_string(), citation, "{purpose}");
    }
}

#[test]
fn lagtext_is_the_citation_as_a_sentence() {
    for &(purpose, citation, _) in EXPECTED {
        assert_eq!(purpose.lagtext(), format!("{citation}."), "{purpose}");
    }
}

#[test]
fn ssbtek_lagtext_is_what_sundsvall_sends() {
    assert_eq!(
        Purpose::EkonomisktBistand.lagtext(),
        "11 kap. 11 a § socialtjänstlagen (2001:453), 5 § förordning (2008:975) om \
         uppgiftsskyldighet i vissa fall enligt socialtjänstlagen."
    );
}

#[test]
fn syfte_texts_are_exact() {
    for &(purpose, _, syfte) in EXPECTED {
        assert_eq!(purpose.syfte(), syfte, "{purpose}");
    }
}

#[test]
fn consent_requirement_follows_domain_2_3() {
    let consent: Vec<Purpose> = Purpose::ALL
        .iter()
        .copied()
        .filter(|p| p.requires_consent())
        .collect();
    assert_eq!(
        consent,
        [
            Purpose::Riskbedomning,
            Purpose::Pensionsprognos,
            Purpose::Skadereglering
        ]
    );
}

#[test]
fn riskbedomning_and_automated_samordning_share_114_24() {
    let risk = Purpose::Riskbedomning.legal_basis();
    let samordning = Purpose::SamordningAutomatiserad.legal_basis();
    assert_eq!(risk, LegalBasis::SFB_114_24);
    assert_eq!(samordning, LegalBasis::SFB_114_24_9);
    assert_ne!(risk, samordning);
    let [risk_provision] = risk.provisions() else {
        panic!("one provision expected");
    };
    let [samordning_provision] = samordning.provisions() else {
        panic!("one provision expected");
    };
    assert_eq!(risk_provision.chapter(), Some(114));
    assert_eq!(samordning_provision.chapter(), Some(114));
    assert_eq!(
        samordning_provision.sections().first(),
        risk_provision.sections().first()
    );
    assert_eq!(samordning_provision.sections().len(), 2);
}

#[test]
fn short_citations_are_for_messages() {
    assert_eq!(
        Purpose::Pensionsprognos.described(),
        "pensionsprognos (114 kap. 25 § socialförsäkringsbalken)"
    );
    assert_eq!(
        Purpose::EkonomisktBistand.described(),
        "ekonomiskt bistånd (11 kap. 11 a § socialtjänstlagen, 5 § förordningen om \
         uppgiftsskyldighet i vissa fall enligt socialtjänstlagen)"
    );
}

#[test]
fn laws_cite_title_and_sfs() {
    let expected = [
        (
            Law::Socialforsakringsbalken,
            "Socialförsäkringsbalken (2010:110)",
        ),
        (Law::Socialtjanstlagen, "socialtjänstlagen (2001:453)"),
        (
            Law::ForordningUppgiftsskyldighetSol,
            "förordning (2008:975) om uppgiftsskyldighet i vissa fall enligt socialtjänstlagen",
        ),
    ];
    assert_eq!(expected.len(), Law::ALL.len());
    for (law, text) in expected {
        assert_eq!(law.citation(), text);
    }
}

#[test]
fn cli_names_round_trip() {
    let names: Vec<String> = Purpose::ALL.iter().map(ToString::to_string).collect();
    assert_eq!(
        names,
        [
            "samordning",
            "samordning-automatiserad",
            "riskbedomning",
            "pensionsprognos",
            "skadereglering",
            "ekonomiskt-bistand"
        ]
    );
    for &purpose in Purpose::ALL {
        assert_eq!(purpose.to_string().parse::<Purpose>(), Ok(purpose));
        assert_eq!(Purpose::try_from(purpose.cli_name()), Ok(purpose));
    }
}

#[test]
fn unknown_cli_names_are_rejected() {
    for text in [
        "",
        "Samordning",
        "riskbedömning",
        "ekonomiskt bistånd",
        " pensionsprognos",
        "skadereglering\n",
        "marknadsforing",
    ] {
        assert_eq!(text.parse::<Purpose>(), Err(ParsePurposeError), "{text:?}");
    }
    let message = ParsePurposeError.to_string();
    for &purpose in Purpose::ALL {
        assert!(message.contains(purpose.cli_name()), "{message}");
    }
}

/// Law titles and SFS numbers are written once, in `src/legal/basis.rs`: no other line of
/// code under `src/` (comments and doc comments aside) contains one.
#[test]
fn citation_texts_live_in_one_table() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let table = src.join("legal").join("basis.rs");
    let needles = [
        "Socialförsäkringsbalken",
        "socialförsäkringsbalken",
        "socialtjänstlagen (",
        "2010:110",
        "2001:453",
        "2008:975",
        "kap. 11 a",
    ];
    let mut offenders = Vec::new();
    let mut stack = vec![src];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                stack.push(path);
            } else if path.extension().is_some_and(|e| e == "rs") && path != table {
                let text = std::fs::read_to_string(&path).unwrap();
                for (n, line) in text.lines().enumerate() {
                    let code = line.trim_start();
                    if code.starts_with("//") {
                        continue;
                    }
                    if needles.iter().any(|needle| code.contains(needle)) {
                        offenders.push(format!("{}:{}", path.display(), n + 1));
                    }
                }
            }
        }
    }
    assert!(
        offenders.is_empty(),
        "citation text outside the table: {offenders:?}"
    );
}
