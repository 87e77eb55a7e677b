//! Försäkringskassan's payment codes: utbetalningstyp, företag, beloppstyp and the
//! preliminary-payment classification.

code_list! {
    /// How a payment was or will be executed (`LefiUtbetalningUppgift.typ.id`, a
    /// `LefiSifferkod` whose `id` is a JSON integer).
    ///
    /// ```
    /// use lefi::codes::Utbetalningstyp;
    /// assert_eq!(Utbetalningstyp::from_id(3)?, Utbetalningstyp::Retro);
    /// assert_eq!(Utbetalningstyp::Manad.id(), 1);
    /// assert!(Utbetalningstyp::from_id(5).is_err());
    /// # Ok::<(), lefi::codes::ParseCodeError>(())
    /// ```
    int Utbetalningstyp, "LefiUtbetalningUppgift.typ", id, from_id {
        (0, LokalUtbetalning, "Lokal utbetalning"),
        (1, Manad, "Månad"),
        (2, Daglig, "Daglig"),
        (3, Retro, "Retro"),
        (4, Presumtiv, "Presumtiv"),
    }
}

code_list! {
    /// The paying agency (`LefiUtbetalningUppgift.foretag.id`, a `LefiSifferkod`).
    ///
    /// ```
    /// use lefi::codes::Foretag;
    /// assert_eq!("1003".parse::<Foretag>()?, Foretag::Pensionsmyndigheten);
    /// assert_eq!(Foretag::Forsakringskassan.id(), 1001);
    /// # Ok::<(), lefi::codes::ParseCodeError>(())
    /// ```
    int Foretag, "LefiUtbetalningUppgift.foretag", id, from_id {
        (1001, Forsakringskassan, "Försäkringskassan"),
        (1003, Pensionsmyndigheten, "Pensionsmyndigheten"),
    }
}

code_list! {
    /// Type of amount on an FK payment line (`LefiUtbetalningDetalj.beloppstyp.id`).
    ///
    /// Open: the contract lists only the 26 deduction ids; every other id is a type of
    /// compensation (FK publishes that list on request only), kept in
    /// [`Other`](Beloppstyp::Other). [`klass`](Beloppstyp::klass) tells which total a line
    /// belongs to. Two ids contain non-ASCII letters (`ÅFA`, `ÖVA`).
    ///
    /// ```
    /// use lefi::codes::{Beloppstyp, BeloppsKlass};
    /// assert_eq!("PS".parse::<Beloppstyp>()?.klass(), BeloppsKlass::Skatt);
    /// assert_eq!("ÅFA".parse::<Beloppstyp>()?, Beloppstyp::Afa);
    /// assert_eq!(Beloppstyp::Afa.klass(), BeloppsKlass::Avdrag);
    /// let okand: Beloppstyp = "SJP1".parse()?;
    /// assert_eq!(okand.code(), "SJP1");
    /// assert_eq!(okand.klass(), BeloppsKlass::Ersattning);
    /// # Ok::<(), lefi::codes::ParseCodeError>(())
    /// ```
    open Beloppstyp, "LefiUtbetalningDetalj.beloppstyp" {
        ("AFR", Afr, "Avdrag annan ersättning eller föräldra- eller rehabiliteringsersättning (historisk)"),
        ("ALA", Ala, "Avdrag på grund av lön"),
        ("ART", Art, "Utländsk fordran artikel 68a"),
        ("AVB", Avb, "Avbetalning (historisk)"),
        ("AVR", Avr, "Avräkning (historisk)"),
        ("FMF", Fmf, "Förlängt familjebidrag (historisk)"),
        ("FUM", Fum, "Avdrag fullmakt (historisk)"),
        ("INC", Inc, "Innehållet för CSN"),
        ("INF", Inf, "Utmätning"),
        ("INM", Inm, "Innehållet manuellt"),
        ("INU", Inu, "Innehållet underhållsstöd (historisk)"),
        ("KOA", Koa, "Kontraktsvårdsavdrag"),
        ("KVI", Kvi, "Kvittning"),
        ("OAV", Oav, "Ospecificerade avdrag"),
        ("PF", Pf, "Skatt föregående år (historisk)", "Tax-like, but the contract carries it in `avdragsbelopp`, not `skattebelopp`."),
        ("PS", Ps, "Preliminär skatt", "Carried in `skattebelopp`."),
        ("PST", Pst, "Preliminär skatt tidigare år", "Tax-like, but the contract carries it in `avdragsbelopp`, not `skattebelopp`."),
        ("SAV", Sav, "Slutavräkning (historisk)"),
        ("SKV", Skv, "Kvittning statlig fordran"),
        ("SOC", Soc, "Socialavdrag"),
        ("SS", Ss, "Särskild inkomstskatt", "Carried in `skattebelopp`."),
        ("SST", Sst, "Särskild inkomstskatt tidigare år", "Tax-like, but the contract carries it in `avdragsbelopp`, not `skattebelopp`."),
        ("UMG", Umg, "Umgängesavdrag"),
        ("UTF", Utf, "Avdrag för utländsk fordran"),
        ("ÅFA", Afa, "Återbetalning frivillig försäkring", "The code contains a non-ASCII letter."),
        ("ÖVA", Ova, "Icke specificerade avdrag (historisk)", "The code contains a non-ASCII letter."),
        ("P37", P37, "Inkomstpensionstillägg - 37", "A compensation under ålderspension for a person in ÅP37 (from September 2021; DOMAIN §4.5)."),
        ("P38", P38, "Inkomstpensionstillägg - 38", "A compensation under ålderspension for a person in ÅP38 (from September 2021; DOMAIN §4.5)."),
    }
}

/// Which total of a payment a [`Beloppstyp`] line belongs to.
///
/// ```
/// use lefi::codes::{Beloppstyp, BeloppsKlass};
/// assert_eq!(Beloppstyp::Inf.klass(), BeloppsKlass::Avdrag);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
pub enum BeloppsKlass {
    /// A type of compensation (`bruttobelopp`).
    Ersattning,
    /// A deduction other than tax (`avdragsbelopp`).
    Avdrag,
    /// A tax (`skattebelopp`; the contract counts tax among the deductions too).
    Skatt,
}

impl BeloppsKlass {
    /// The Swedish name of the class.
    ///
    /// ```
    /// use lefi::codes::BeloppsKlass;
    /// assert_eq!(BeloppsKlass::Skatt.description(), "Skatt");
    /// ```
    #[must_use]
    pub const fn description(&self) -> &'static str {
        match self {
            Self::Ersattning => "Ersättning",
            Self::Avdrag => "Avdrag",
            Self::Skatt => "Skatt",
        }
    }
}

impl Beloppstyp {
    /// The class of the line: `PS` and `SS` are [`Skatt`](BeloppsKlass::Skatt), the other
    /// 24 deduction ids of the contract are [`Avdrag`](BeloppsKlass::Avdrag), everything
    /// else (including unknown ids) is [`Ersattning`](BeloppsKlass::Ersattning).
    ///
    /// ```
    /// use lefi::codes::{Beloppstyp, BeloppsKlass};
    /// assert_eq!(Beloppstyp::Ss.klass(), BeloppsKlass::Skatt);
    /// assert_eq!(Beloppstyp::Pst.klass(), BeloppsKlass::Avdrag);
    /// assert_eq!(Beloppstyp::P37.klass(), BeloppsKlass::Ersattning);
    /// ```
    #[must_use]
    pub const fn klass(&self) -> BeloppsKlass {
        match self {
            Self::Ps | Self::Ss => BeloppsKlass::Skatt,
            Self::Afr
            | Self::Ala
            | Self::Art
            | Self::Avb
            | Self::Avr
            | Self::Fmf
            | Self::Fum
            | Self::Inc
            | Self::Inf
            | Self::Inm
            | Self::Inu
            | Self::Koa
            | Self::Kvi
            | Self::Oav
            | Self::Pf
            | Self::Pst
            | Self::Sav
            | Self::Skv
            | Self::Soc
            | Self::Sst
            | Self::Umg
            | Self::Utf
            | Self::Afa
            | Self::Ova => BeloppsKlass::Avdrag,
            Self::P37 | Self::P38 | Self::Other(_) => BeloppsKlass::Ersattning,
        }
    }
}

code_list! {
    /// Förmån of a preliminary payment in the 2024 reclassification (S1, announced
    /// 2024-02-16, planned for system-to-system version 8).
    ///
    /// The source gives names, not ids, so the code is the printed Swedish name. That the
    /// förmån corresponds to `LefiUtbetalningUppgift.formansfamilj` is an inference
    /// (DOMAIN §4.6).
    ///
    /// ```
    /// use lefi::codes::{PreliminarDelforman, PreliminarForman};
    /// let forman: PreliminarForman = "Etablering".parse()?;
    /// assert_eq!(forman.delformaner().collect::<Vec<_>>(), [PreliminarDelforman::Etableringsjobb]);
    /// # Ok::<(), lefi::codes::ParseCodeError>(())
    /// ```
    closed PreliminarForman, "preliminär förmån" {
        ("Bostadsbidrag", Bostadsbidrag, "Bostadsbidrag"),
        ("Dagersättning", Dagersattning, "Dagersättning"),
        ("Etablering", Etablering, "Etablering"),
    }
}

code_list! {
    /// Delförmån of a preliminary payment in the 2024 reclassification (S1). The code is
    /// the printed Swedish name; that it corresponds to `LefiUtbetalningDetalj.forman` is
    /// an inference (DOMAIN §4.6).
    ///
    /// ```
    /// use lefi::codes::{PreliminarDelforman, PreliminarForman};
    /// let del: PreliminarDelforman = "Sjukpenning".parse()?;
    /// assert_eq!(del.formaner().collect::<Vec<_>>(), [PreliminarForman::Dagersattning]);
    /// # Ok::<(), lefi::codes::ParseCodeError>(())
    /// ```
    closed PreliminarDelforman, "preliminär delförmån" {
        ("Bostadsbidrag", Bostadsbidrag, "Bostadsbidrag"),
        ("Aktivitetsstöd", Aktivitetsstod, "Aktivitetsstöd"),
        ("Arbetsmarknadspolitiskt program", ArbetsmarknadspolitisktProgram, "Arbetsmarknadspolitiskt program"),
        ("Föräldrapenning", Foraldrapenning, "Föräldrapenning"),
        ("Sjukpenning", Sjukpenning, "Sjukpenning"),
        ("Tillfällig föräldrapenning", TillfalligForaldrapenning, "Tillfällig föräldrapenning"),
        ("Etableringsjobb", Etableringsjobb, "Etableringsjobb"),
    }
}

/// The förmån → delförmån table of the 2024 preliminary-payment reclassification (S1), in
/// the source's order. The row "Dagersättning → Bostadsbidrag" is as printed in the
/// source.
///
/// ```
/// use lefi::codes::{PreliminarDelforman, PreliminarForman, PRELIMINAR_FORMAN_DELFORMAN};
/// assert_eq!(PRELIMINAR_FORMAN_DELFORMAN.len(), 8);
/// assert!(PRELIMINAR_FORMAN_DELFORMAN
///     .contains(&(PreliminarForman::Dagersattning, PreliminarDelforman::Bostadsbidrag)));
/// ```
pub const PRELIMINAR_FORMAN_DELFORMAN: &[(PreliminarForman, PreliminarDelforman)] = &[
    (
        PreliminarForman::Bostadsbidrag,
        PreliminarDelforman::Bostadsbidrag,
    ),
    (
        PreliminarForman::Dagersattning,
        PreliminarDelforman::Aktivitetsstod,
    ),
    (
        PreliminarForman::Dagersattning,
        PreliminarDelforman::ArbetsmarknadspolitisktProgram,
    ),
    (
        PreliminarForman::Dagersattning,
        PreliminarDelforman::Bostadsbidrag,
    ),
    (
        PreliminarForman::Dagersattning,
        PreliminarDelforman::Foraldrapenning,
    ),
    (
        PreliminarForman::Dagersattning,
        PreliminarDelforman::Sjukpenning,
    ),
    (
        PreliminarForman::Dagersattning,
        PreliminarDelforman::TillfalligForaldrapenning,
    ),
    (
        PreliminarForman::Etablering,
        PreliminarDelforman::Etableringsjobb,
    ),
];

impl PreliminarForman {
    /// The delförmåner this förmån has in [`PRELIMINAR_FORMAN_DELFORMAN`].
    ///
    /// ```
    /// use lefi::codes::PreliminarForman;
    /// assert_eq!(PreliminarForman::Dagersattning.delformaner().count(), 6);
    /// ```
    pub fn delformaner(self) -> impl Iterator<Item = PreliminarDelforman> {
        PRELIMINAR_FORMAN_DELFORMAN
            .iter()
            .filter(move |(forman, _)| *forman == self)
            .map(|&(_, del)| del)
    }

    /// Whether the pair is a row of [`PRELIMINAR_FORMAN_DELFORMAN`].
    ///
    /// ```
    /// use lefi::codes::{PreliminarDelforman, PreliminarForman};
    /// assert!(PreliminarForman::Etablering.has_delforman(PreliminarDelforman::Etableringsjobb));
    /// assert!(!PreliminarForman::Etablering.has_delforman(PreliminarDelforman::Sjukpenning));
    /// ```
    #[must_use]
    pub fn has_delforman(self, del: PreliminarDelforman) -> bool {
        PRELIMINAR_FORMAN_DELFORMAN.contains(&(self, del))
    }
}

impl PreliminarDelforman {
    /// The förmåner this delförmån belongs to in [`PRELIMINAR_FORMAN_DELFORMAN`]
    /// (`Bostadsbidrag` belongs to two).
    ///
    /// ```
    /// use lefi::codes::PreliminarDelforman;
    /// assert_eq!(PreliminarDelforman::Bostadsbidrag.formaner().count(), 2);
    /// ```
    pub fn formaner(self) -> impl Iterator<Item = PreliminarForman> {
        PRELIMINAR_FORMAN_DELFORMAN
            .iter()
            .filter(move |(_, del)| *del == self)
            .map(|&(forman, _)| forman)
    }
}

/// Beloppstyp descriptions that may appear on preliminary payments (S1, 2024-02-16: "a
/// selection, mostly the same values as used for benefits"). These are the `beskrivning`
/// texts; the source gives no ids, so they are not a code list.
///
/// ```
/// use lefi::codes::PRELIMINAR_BELOPPSTYP_BESKRIVNINGAR;
/// assert_eq!(PRELIMINAR_BELOPPSTYP_BESKRIVNINGAR.len(), 21);
/// assert!(PRELIMINAR_BELOPPSTYP_BESKRIVNINGAR.contains(&"Utmätning tills vidare"));
/// ```
pub const PRELIMINAR_BELOPPSTYP_BESKRIVNINGAR: &[&str] = &[
    "Aktivitetsstöd",
    "Bostadsersättning",
    "Dubbeldagar",
    "Ekonomiskt bistånd",
    "Egen begäran",
    "Etableringsersättning",
    "Etableringsjobb",
    "Etableringstillägg",
    "Föräldrapenning",
    "Kvittning statlig fordran",
    "Preliminär skatt",
    "Preliminärt bostadsbidrag",
    "Rehabiliteringsersättning",
    "Slutligt bostadsbidrag",
    "Tilläggsbidrag",
    "Tim/dagberäknad",
    "Utländsk fordran",
    "Utmätning",
    "Utmätning tills vidare",
    "Utvecklingsersättning",
    "Överenskommen statlig fordran",
];
