//! Pensionsmyndigheten's code lists in LEFI v9.
//!
//! The contract does not define the meanings of most PM codes: the payload carries a
//! `beskrivning` next to each `kod`, and that text is authoritative. The descriptions
//! here are spelled out from the code names or inferred from field names of the contract
//! (marked on each variant); where nothing can be inferred the description says so.

code_list! {
    /// Status of a PM decision (`LefiPmFormanBeslutStatusKod`).
    ///
    /// ```
    /// use lefi::codes::PmBeslutStatus;
    /// assert_eq!("SLUTLIGT".parse::<PmBeslutStatus>()?, PmBeslutStatus::Slutligt);
    /// # Ok::<(), lefi::codes::ParseCodeError>(())
    /// ```
    closed PmBeslutStatus, "LefiPmFormanBeslutStatusKod" {
        ("INTERIMISTISKT", Interimistiskt, "Interimistiskt"),
        ("PRELIMINART", Preliminart, "Preliminärt"),
        ("SLUTLIGT", Slutligt, "Slutligt"),
    }
}

code_list! {
    /// Outcome of a PM decision (`LefiPmFormanBeslutUtfallKod`).
    ///
    /// ```
    /// use lefi::codes::PmBeslutUtfall;
    /// assert_eq!(PmBeslutUtfall::Bifall.code(), "BIFALL");
    /// ```
    closed PmBeslutUtfall, "LefiPmFormanBeslutUtfallKod" {
        ("BIFALL", Bifall, "Bifall"),
        ("AVSLAG", Avslag, "Avslag"),
    }
}

code_list! {
    /// Frequency of a decided PM amount (`LefiPmFormanBeslutatBeloppFrekvensKod`).
    ///
    /// ```
    /// use lefi::codes::PmBeloppFrekvens;
    /// assert_eq!("MANAD".parse::<PmBeloppFrekvens>()?.description(), "Per månad");
    /// # Ok::<(), lefi::codes::ParseCodeError>(())
    /// ```
    closed PmBeloppFrekvens, "LefiPmFormanBeslutatBeloppFrekvensKod" {
        ("AR", Ar, "Per år"),
        ("HALVAR", Halvar, "Per halvår"),
        ("KVARTAL", Kvartal, "Per kvartal"),
        ("MANAD", Manad, "Per månad"),
        ("VECKA", Vecka, "Per vecka"),
        ("DAG", Dag, "Per dag"),
        ("ENGANGS", Engangs, "Engångsbelopp"),
    }
}

code_list! {
    /// Type of decided PM compensation (`LefiPmFormanBeslutadErsattningTypKod`, 26 values).
    ///
    /// ```
    /// use lefi::codes::PmErsattningTyp;
    /// assert_eq!("PM:GARP".parse::<PmErsattningTyp>()?, PmErsattningTyp::Garp);
    /// # Ok::<(), lefi::codes::ParseCodeError>(())
    /// ```
    closed PmErsattningTyp, "LefiPmFormanBeslutadErsattningTypKod" {
        ("PM:BH", Bh, "Betydelse ej angiven i kontraktet"),
        ("PM:BL", Bl, "Betydelse ej angiven i kontraktet"),
        ("PM:BP", Bp, "Barnpension", inferred_weak),
        ("PM:BT", Bt, "Betydelse ej angiven i kontraktet"),
        ("PM:ELSTOD", Elstod, "Elstöd", inferred_weak),
        ("PM:FL", Fl, "Betydelse ej angiven i kontraktet"),
        ("PM:FOL", Fol, "Betydelse ej angiven i kontraktet"),
        ("PM:FOP", Fop, "Förlängd omställningspension", inferred_weak),
        ("PM:FOPGARP", Fopgarp, "Förlängd omställningspension, garantipension", inferred_weak),
        ("PM:GARP", Garp, "Garantipension", inferred),
        ("PM:IP", Ip, "Inkomstpension", inferred),
        ("PM:IPT", Ipt, "Inkomstpensionstillägg", inferred),
        ("PM:OL", Ol, "Betydelse ej angiven i kontraktet"),
        ("PM:OP", Op, "Omställningspension", inferred_weak),
        ("PM:OPGARP", Opgarp, "Omställningspension, garantipension", inferred_weak),
        ("PM:PREP", Prep, "Premiepension", inferred),
        ("PM:PREPEL", Prepel, "Betydelse ej angiven i kontraktet"),
        ("PM:SBT", Sbt, "Betydelse ej angiven i kontraktet"),
        ("PM:SEL", Sel, "Betydelse ej angiven i kontraktet"),
        ("PM:SEP", Sep, "Särskild efterlevandepension", inferred_weak),
        ("PM:SEPGARP", Sepgarp, "Särskild efterlevandepension, garantipension", inferred_weak),
        ("PM:TP", Tp, "Tilläggspension", inferred),
        ("PM:AFS", Afs, "Äldreförsörjningsstöd", inferred),
        ("PM:ANKEL", Ankel, "Betydelse ej angiven i kontraktet"),
        ("PM:ANKEP", Ankep, "Änkepension", inferred),
        ("PM:ANKEPGARP", Ankepgarp, "Änkepension, garantipension", inferred_weak),
    }
}

code_list! {
    /// Type of benefit a PM decision is coordinated with (`LefiPmFormanSamordningTypKod`).
    ///
    /// ```
    /// use lefi::codes::PmSamordningTyp;
    /// assert_eq!("PM:OVR".parse::<PmSamordningTyp>()?, PmSamordningTyp::Ovr);
    /// # Ok::<(), lefi::codes::ParseCodeError>(())
    /// ```
    closed PmSamordningTyp, "LefiPmFormanSamordningTypKod" {
        ("PM:AL", Al, "Betydelse ej angiven i kontraktet"),
        ("PM:AP", Ap, "Allmän pension", inferred_weak),
        ("PM:BP40", Bp40, "Betydelse ej angiven i kontraktet"),
        ("PM:NKT", Nkt, "Betydelse ej angiven i kontraktet"),
        ("PM:SA", Sa, "Sjuk- och aktivitetsersättning", inferred_weak),
        ("PM:UEP", Uep, "Betydelse ej angiven i kontraktet"),
        ("PM:UYL", Uyl, "Betydelse ej angiven i kontraktet"),
        ("PM:VPSB", Vpsb, "Betydelse ej angiven i kontraktet"),
        ("PM:YL", Yl, "Yrkesskadelivränta", inferred_weak),
        ("PM:OVR", Ovr, "Övrigt", inferred_weak),
    }
}

code_list! {
    /// Type of deduction on a PM payment (`LefiPmFormanUtbetalningAvdragTypKod`).
    ///
    /// ```
    /// use lefi::codes::PmAvdragTyp;
    /// assert!(PmAvdragTyp::Ps.is_tax());
    /// assert!(!PmAvdragTyp::Utmatning.is_tax());
    /// ```
    closed PmAvdragTyp, "LefiPmFormanUtbetalningAvdragTypKod" {
        ("PM:AVDRAGKANTRA", Avdragkantra, "Betydelse ej angiven i kontraktet"),
        ("PM:AVDRAGOVRIGT", Avdragovrigt, "Övrigt avdrag", inferred_weak),
        ("PM:INSTITUTION", Institution, "Avdrag för institutionsvistelse", inferred_weak),
        ("PM:KVIKAN", Kvikan, "Betydelse ej angiven i kontraktet"),
        ("PM:KVIOVR", Kviovr, "Kvittning, övrigt", inferred_weak),
        ("PM:PS", Ps, "Preliminär skatt", inferred),
        ("PM:PST", Pst, "Preliminär skatt tidigare år", inferred_weak),
        ("PM:SOCAVDRAG", Socavdrag, "Socialavdrag", inferred_weak),
        ("PM:SS", Ss, "Särskild inkomstskatt", inferred),
        ("PM:SST", Sst, "Särskild inkomstskatt tidigare år", inferred_weak),
        ("PM:UTLFORDRAN", Utlfordran, "Utländsk fordran", inferred_weak),
        ("PM:UTMATNING", Utmatning, "Utmätning", inferred),
        ("PM:UTMHELA", Utmhela, "Betydelse ej angiven i kontraktet"),
        ("PM:UTMTV", Utmtv, "Utmätning tills vidare", inferred),
    }
}

impl PmAvdragTyp {
    /// Whether this deduction is one of the two taxes (`PM:PS`, `PM:SS`), the PM twins of
    /// FK's `PS`/`SS` beloppstyper (an inference, DOMAIN §4.8).
    ///
    /// ```
    /// use lefi::codes::PmAvdragTyp;
    /// assert!(PmAvdragTyp::Ss.is_tax());
    /// ```
    #[must_use]
    pub const fn is_tax(&self) -> bool {
        matches!(self, Self::Ps | Self::Ss)
    }
}

code_list! {
    /// The benefit a PM payment is for (`LefiPmUtbetalningFormanKod`).
    ///
    /// ```
    /// use lefi::codes::PmUtbetalningForman;
    /// assert_eq!("PM:AP37".parse::<PmUtbetalningForman>()?, PmUtbetalningForman::Ap37);
    /// # Ok::<(), lefi::codes::ParseCodeError>(())
    /// ```
    closed PmUtbetalningForman, "LefiPmUtbetalningFormanKod" {
        ("PM:AL", Al, "Betydelse ej angiven i kontraktet"),
        ("PM:AP37", Ap37, "Ålderspension ÅP37", inferred),
        ("PM:AP38", Ap38, "Ålderspension ÅP38", inferred),
        ("PM:BTP", Btp, "Bostadstillägg för pensionärer", inferred_weak),
        ("PM:EP", Ep, "Efterlevandepension", inferred_weak),
        ("PM:PREP", Prep, "Premiepension", inferred),
    }
}

code_list! {
    /// Type of amount on a PM payment (`LefiPmFormanUtbetalningBeloppTypKod`, 33 values).
    ///
    /// ```
    /// use lefi::codes::PmBeloppTyp;
    /// assert_eq!(PmBeloppTyp::ALL.len(), 33);
    /// assert_eq!("PM:AL7".parse::<PmBeloppTyp>()?, PmBeloppTyp::Al7);
    /// # Ok::<(), lefi::codes::ParseCodeError>(())
    /// ```
    closed PmBeloppTyp, "LefiPmFormanUtbetalningBeloppTypKod" {
        ("PM:AFS", Afs, "Äldreförsörjningsstöd", inferred),
        ("PM:AL1", Al1, "Betydelse ej angiven i kontraktet"),
        ("PM:AL2", Al2, "Betydelse ej angiven i kontraktet"),
        ("PM:AL3", Al3, "Betydelse ej angiven i kontraktet"),
        ("PM:AL4", Al4, "Betydelse ej angiven i kontraktet"),
        ("PM:AL5", Al5, "Betydelse ej angiven i kontraktet"),
        ("PM:AL6", Al6, "Betydelse ej angiven i kontraktet"),
        ("PM:AL7", Al7, "Betydelse ej angiven i kontraktet"),
        ("PM:AL8", Al8, "Betydelse ej angiven i kontraktet"),
        ("PM:AL9", Al9, "Betydelse ej angiven i kontraktet"),
        ("PM:ALB", Alb, "Betydelse ej angiven i kontraktet"),
        ("PM:ANKEP", Ankep, "Änkepension", inferred),
        ("PM:ANKEPGARP", Ankepgarp, "Änkepension, garantipension", inferred_weak),
        ("PM:BP", Bp, "Barnpension", inferred_weak),
        ("PM:BPFRI", Bpfri, "Betydelse ej angiven i kontraktet"),
        ("PM:BPSKP", Bpskp, "Betydelse ej angiven i kontraktet"),
        ("PM:BTP", Btp, "Bostadstillägg för pensionärer", inferred_weak),
        ("PM:BTPSA", Btpsa, "Betydelse ej angiven i kontraktet"),
        ("PM:ELSTOD", Elstod, "Elstöd", inferred_weak),
        ("PM:FOP", Fop, "Förlängd omställningspension", inferred_weak),
        ("PM:FOPGARP", Fopgarp, "Förlängd omställningspension, garantipension", inferred_weak),
        ("PM:GARP", Garp, "Garantipension", inferred),
        ("PM:IP", Ip, "Inkomstpension", inferred),
        ("PM:IPT", Ipt, "Inkomstpensionstillägg", inferred),
        ("PM:OP", Op, "Omställningspension", inferred_weak),
        ("PM:OPGARP", Opgarp, "Omställningspension, garantipension", inferred_weak),
        ("PM:PFE", Pfe, "Betydelse ej angiven i kontraktet"),
        ("PM:PFO", Pfo, "Betydelse ej angiven i kontraktet"),
        ("PM:SBTP", Sbtp, "Särskilt bostadstillägg för pensionärer", inferred_weak),
        ("PM:SBTPSA", Sbtpsa, "Betydelse ej angiven i kontraktet"),
        ("PM:SEP", Sep, "Särskild efterlevandepension", inferred_weak),
        ("PM:SEPGARP", Sepgarp, "Särskild efterlevandepension, garantipension", inferred_weak),
        ("PM:TP", Tp, "Tilläggspension", inferred),
    }
}

code_list! {
    /// Status of a levnadsintyg (life certificate) (`LefiPmLevnadsintygStatusKod`, an
    /// integer on the wire; the same integers as FK's `LefiLevnadsintygUppgift.status`).
    /// There is no code 6.
    ///
    /// ```
    /// use lefi::codes::PmLevnadsintygStatus;
    /// let status: PmLevnadsintygStatus = serde_json::from_str("7")?;
    /// assert_eq!(status, PmLevnadsintygStatus::HanterasAvTess);
    /// assert_eq!(status.code(), 7);
    /// assert_eq!(serde_json::to_string(&status)?, "7");
    /// assert!(PmLevnadsintygStatus::from_code(6).is_err());
    /// # Ok::<(), serde_json::Error>(())
    /// ```
    int PmLevnadsintygStatus, "LefiPmLevnadsintygStatusKod", code, from_code {
        (0, ForfraganSkaSkickas, "Förfrågan ska skickas"),
        (1, ForfraganSkickad, "Förfrågan skickad"),
        (2, IntygKomplett, "Intyg komplett"),
        (3, IntygEjKomplett, "Intyg ej komplett"),
        (4, PaminnelsebrevSkickat, "Påminnelsebrev skickat"),
        (5, FormanerSparrade, "Förmåner spärrade"),
        (7, HanterasAvTess, "Hanteras av TESS (maskinellt utbyte)"),
        (8, KomplettMedForandringar, "Komplett med förändringar"),
        (9, EjKomplettMedForandringar, "Ej komplett med förändringar"),
        (10, EjKomplettInkommitEfterSparr, "Ej komplett inkommit efter spärr"),
        (20, EjSkickatNamnAdress, "Ej skickat – namn/adress ej kompletta"),
        (21, EjSkickatStallforetradare, "Ej skickat – ställföreträdares uppgifter ej kompletta"),
        (22, EjSkickatAvliden, "Ej skickat – avliden/avregistrerad"),
        (23, EjSkickatIngenLopandeForman, "Ej skickat – ingen löpande förmån"),
        (24, EjSkickatEjUtlandsbosatt, "Ej skickat – ej utlandsbosatt"),
        (25, EjSkickatNyligenKomplett, "Ej skickat – nyligen intyg komplett"),
    }
}

code_list! {
    /// Type of PM pension account (`LefiPmPensionKontoTypKod`; no `PM:` prefix).
    ///
    /// ```
    /// use lefi::codes::PmPensionKontoTyp;
    /// assert_eq!("PREP".parse::<PmPensionKontoTyp>()?, PmPensionKontoTyp::Prep);
    /// # Ok::<(), lefi::codes::ParseCodeError>(())
    /// ```
    closed PmPensionKontoTyp, "LefiPmPensionKontoTypKod" {
        ("IP", Ip, "Inkomstpension", inferred),
        ("PREP", Prep, "Premiepension", inferred),
    }
}

code_list! {
    /// Event on a PM pension account (`LefiPmPensionKontoHandelseTypKod`).
    ///
    /// ```
    /// use lefi::codes::PmKontoHandelseTyp;
    /// assert_eq!(PmKontoHandelseTyp::Dodsfall.description(), "Dödsfall");
    /// ```
    closed PmKontoHandelseTyp, "LefiPmPensionKontoHandelseTypKod" {
        ("ANDRAD_PENSIONSRATT", AndradPensionsratt, "Ändrad pensionsrätt"),
        ("ARSOMRAKNING", Arsomrakning, "Årsomräkning"),
        ("DODSFALL", Dodsfall, "Dödsfall"),
        ("EG_OVERFORING", EgOverforing, "EG-överföring"),
        ("FORVARVSVILLKORET_INTE_UPPFYLLT", ForvarvsvillkoretInteUppfyllt, "Förvärvsvillkoret inte uppfyllt"),
        ("FORVARVSVILLKORET_UPPFYLLT", ForvarvsvillkoretUppfyllt, "Förvärvsvillkoret uppfyllt"),
        ("NYTT_ANDRAT_PENSIONSUTTAG", NyttAndratPensionsuttag, "Nytt eller ändrat pensionsuttag"),
        ("RIKTALDER_UPPNADD", RiktalderUppnadd, "Riktålder uppnådd"),
    }
}

code_list! {
    /// Transaction on a PM pension account (`LefiPmPensionKontoTransaktionTypKod`).
    ///
    /// ```
    /// use lefi::codes::PmKontoTransaktionTyp;
    /// assert!("INDEXERING".parse::<PmKontoTransaktionTyp>().is_ok());
    /// ```
    closed PmKontoTransaktionTyp, "LefiPmPensionKontoTransaktionTypKod" {
        ("ARVSVINST", Arvsvinst, "Arvsvinst"),
        ("FORVALTNINGSKOSTNAD", Forvaltningskostnad, "Förvaltningskostnad"),
        ("PENSIONSRATT", Pensionsratt, "Pensionsrätt"),
        ("BALANSERAD_PENSIONSRATT", BalanseradPensionsratt, "Balanserad pensionsrätt"),
        ("INDEXERING", Indexering, "Indexering"),
        ("UTTAGEN_PENSIONSBEHALLNING", UttagenPensionsbehallning, "Uttagen pensionsbehållning"),
        ("ATERLAGD_PENSIONSBEHALLNING", AterlagdPensionsbehallning, "Återlagd pensionsbehållning"),
    }
}

code_list! {
    /// Civil status in PM's model (`LefiPmCivilstandKod`).
    ///
    /// ```
    /// use lefi::codes::PmCivilstand;
    /// assert_eq!("GIFT".parse::<PmCivilstand>()?, PmCivilstand::Gift);
    /// # Ok::<(), lefi::codes::ParseCodeError>(())
    /// ```
    closed PmCivilstand, "LefiPmCivilstandKod" {
        ("OGIFT", Ogift, "Ogift"),
        ("GIFT", Gift, "Gift"),
    }
}
