//! Övrig information type codes (`LefiExternOvrigInformationTypKod`,
//! `LefiPmOvrigInformationTypKod`).

code_list! {
    /// The kind of "other information" a request asks for
    /// (`LefiExternOvrigInformationTypKod`): FK and PM codes in one list.
    ///
    /// ```
    /// use lefi::codes::{OvrigInformationTyp, PmOvrigInformationTyp};
    /// let typ: OvrigInformationTyp = "PM:LINT".parse()?;
    /// assert_eq!(typ.pm(), Some(PmOvrigInformationTyp::Lint));
    /// assert_eq!(OvrigInformationTyp::FkGepi.pm(), None);
    /// # Ok::<(), lefi::codes::ParseCodeError>(())
    /// ```
    closed OvrigInformationTyp, "LefiExternOvrigInformationTypKod" {
        ("FK:GEPI", FkGepi, "Generell personinformation"),
        ("FK:PANV", FkPanv, "Programanvisning", inferred),
        ("FK:SGI", FkSgi, "Sjukpenninggrundande inkomst", inferred),
        ("FK:SKUP", FkSkup, "Skatteuppgift", inferred),
        ("FK:STAV", FkStav, "Studiemedelsavisering", inferred),
        ("PM:LINT", PmLint, "Levnadsintyg"),
        ("PM:PBH", PmPbh, "Pensionsbehållning"),
        ("PM:PU", PmPu, "Pensionsunderlag"),
    }
}

code_list! {
    /// Pensionsmyndigheten's övrig information types (`LefiPmOvrigInformationTypKod`).
    ///
    /// ```
    /// use lefi::codes::{OvrigInformationTyp, PmOvrigInformationTyp};
    /// assert_eq!(OvrigInformationTyp::from(PmOvrigInformationTyp::Pu).code(), "PM:PU");
    /// ```
    closed PmOvrigInformationTyp, "LefiPmOvrigInformationTypKod" {
        ("PM:LINT", Lint, "Levnadsintyg"),
        ("PM:PBH", Pbh, "Pensionsbehållning"),
        ("PM:PU", Pu, "Pensionsunderlag"),
    }
}

code_list! {
    /// The kind of a sjukpenninggrundande inkomst (SGI,
    /// `LefiSjukpenninggrundandeInkomstUppgift.typ.id`), as the contract lists it.
    ///
    /// ```
    /// use lefi::codes::SgiTyp;
    /// for value in SgiTyp::ALL {
    ///     assert_eq!(SgiTyp::from_id(value.id())?, *value);
    /// }
    /// assert_eq!(SgiTyp::from_id(1)?.description(), "Studietid");
    /// assert!(SgiTyp::from_id(4).is_err());
    /// # Ok::<(), lefi::codes::ParseCodeError>(())
    /// ```
    int SgiTyp, "LefiSjukpenninggrundandeInkomstUppgift.typ", id, from_id {
        (0, AEllerBInkomst, "A- eller B-inkomst"),
        (1, Studietid, "Studietid"),
        (2, Varnplikt, "Värnplikt"),
        (3, Livranta, "Livränta"),
    }
}

impl OvrigInformationTyp {
    /// The Pensionsmyndigheten type, if this is one of the `PM:` codes.
    ///
    /// ```
    /// use lefi::codes::{OvrigInformationTyp, PmOvrigInformationTyp};
    /// assert_eq!(OvrigInformationTyp::PmPbh.pm(), Some(PmOvrigInformationTyp::Pbh));
    /// ```
    #[must_use]
    pub const fn pm(&self) -> Option<PmOvrigInformationTyp> {
        match self {
            Self::PmLint => Some(PmOvrigInformationTyp::Lint),
            Self::PmPbh => Some(PmOvrigInformationTyp::Pbh),
            Self::PmPu => Some(PmOvrigInformationTyp::Pu),
            Self::FkGepi | Self::FkPanv | Self::FkSgi | Self::FkSkup | Self::FkStav => None,
        }
    }
}

impl From<PmOvrigInformationTyp> for OvrigInformationTyp {
    fn from(typ: PmOvrigInformationTyp) -> Self {
        match typ {
            PmOvrigInformationTyp::Lint => Self::PmLint,
            PmOvrigInformationTyp::Pbh => Self::PmPbh,
            PmOvrigInformationTyp::Pu => Self::PmPu,
        }
    }
}
