//! The double's answer directory: files named after the person they are about.

use std::collections::HashMap;
use std::io;
use std::path::Path;

use lefi::id::Personidentitet;
use lefi::model::lefi::LefiExternFormansinformationSvar;
use lefi::model::ssbtek::{BastjanstSvar, SsbtekMessage};
use lefi::version::SsbtekVersion;
use lefi::wire::{lefi_json, ssbtek};

/// The answers read from the directory, by the person's 12 digits.
#[derive(Debug, Default)]
pub(super) struct Answers {
    lefi: HashMap<String, LefiExternFormansinformationSvar>,
    ssbtek: HashMap<(String, SsbtekVersion), BastjanstSvar>,
}

impl Answers {
    /// Reads `<12 digits>.lefi-v9.json`, `<12 digits>.ssbtek-v10.xml` and
    /// `<12 digits>.ssbtek-v11.xml`; other files are ignored.
    pub(super) fn load(dir: Option<&Path>) -> io::Result<Self> {
        let mut answers = Self::default();
        let Some(dir) = dir else { return Ok(answers) };
        for entry in std::fs::read_dir(dir)? {
            let path = entry?.path();
            let Some(name) = path.file_name().and_then(|n| n.to_str()) else {
                continue;
            };
            let Some((person, kind)) = name.split_once('.') else {
                continue;
            };
            if person.len() != 12 || !person.bytes().all(|b| b.is_ascii_digit()) {
                continue;
            }
            // The file is named by its birth year only: the name is a personnummer.
            let shown = format!("{}********.{kind}", person.get(..4).unwrap_or(""));
            let invalid = |e: &dyn std::fmt::Display| {
                io::Error::new(io::ErrorKind::InvalidData, format!("{shown}: {e}"))
            };
            let version = match kind {
                "lefi-v9.json" => {
                    let svar =
                        lefi_json::from_slice(&std::fs::read(&path)?).map_err(|e| invalid(&e))?;
                    answers.lefi.insert(person.to_owned(), svar);
                    continue;
                }
                "ssbtek-v10.xml" => SsbtekVersion::V10,
                "ssbtek-v11.xml" => SsbtekVersion::V11,
                _ => continue,
            };
            let doc = ssbtek::from_slice(&std::fs::read(&path)?).map_err(|e| invalid(&e))?;
            match (doc.version, doc.message) {
                (Some(v), SsbtekMessage::Response(svar)) if v == version => {
                    answers.ssbtek.insert((person.to_owned(), version), *svar);
                }
                _ => return Err(invalid(&format!("not an ssbt/{version} answer"))),
            }
        }
        Ok(answers)
    }

    /// The LEFI v9 answer about `person`, if there is a file.
    pub(super) fn lefi(
        &self,
        person: &Personidentitet,
    ) -> Option<&LefiExternFormansinformationSvar> {
        self.lefi
            .iter()
            .find(|(digits, _)| same_person(digits, person))
            .map(|(_, svar)| svar)
    }

    /// The SSBTEK answer about `person` in `version`, if there is a file.
    pub(super) fn ssbtek(
        &self,
        person: &Personidentitet,
        version: SsbtekVersion,
    ) -> Option<&BastjanstSvar> {
        self.ssbtek
            .iter()
            .find(|((digits, v), _)| *v == version && same_person(digits, person))
            .map(|(_, svar)| svar)
    }
}

/// Whether the 12 digits of a file name are `person` (10-digit forms compare the last ten).
fn same_person(digits: &str, person: &Personidentitet) -> bool {
    digits.ends_with(person.expose())
}
