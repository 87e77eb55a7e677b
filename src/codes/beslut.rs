//! Försäkringskassan's decision codes in LEFI v9: outcome, type and status of a decision
//! and the periodicity of its amount (DOMAIN §4.7).
//!
//! The contract spells the outcome of sjukpenning, förebyggande sjukpenning and
//! rehabiliteringsersättning as text that "should contain" the listed values (so the
//! lists are open), and the outcomes of omvårdnadsbidrag and merkostnadsersättning as
//! numbers that mean the same names under different numbers (so they are two lists).

code_list! {
    /// Outcome of a sjukpenning, förebyggande sjukpenning or rehabiliteringsersättning
    /// decision (`beslutsutfall`, text; other values may occur).
    ///
    /// ```
    /// use lefi::codes::FkBeslutsutfall;
    /// assert_eq!("BEVILJAN".parse::<FkBeslutsutfall>()?, FkBeslutsutfall::Beviljan);
    /// assert!(!"DELVIS".parse::<FkBeslutsutfall>()?.is_known());
    /// # Ok::<(), lefi::codes::ParseCodeError>(())
    /// ```
    open FkBeslutsutfall, "LefiSjukpenningBeslut.beslutsutfall" {
        ("BEVILJAN", Beviljan, "Beviljan"),
        ("AVSLAG", Avslag, "Avslag"),
    }
}

code_list! {
    /// Type of a sjukpenning, förebyggande sjukpenning or rehabiliteringsersättning
    /// decision (`beslutstyp`, text; the contract spells *interimistiskt* `INTERMISTISKT`).
    ///
    /// ```
    /// use lefi::codes::FkBeslutstyp;
    /// assert_eq!("INTERMISTISKT".parse::<FkBeslutstyp>()?, FkBeslutstyp::Intermistiskt);
    /// # Ok::<(), lefi::codes::ParseCodeError>(())
    /// ```
    open FkBeslutstyp, "LefiSjukpenningBeslut.beslutstyp" {
        ("SLUTLIGT", Slutligt, "Slutligt"),
        ("INTERMISTISKT", Intermistiskt, "Interimistiskt (stavat som i kontraktet)"),
    }
}

code_list! {
    /// Status of an omvårdnadsbidrag or merkostnadsersättning decision (`beslutstatus.id`).
    ///
    /// ```
    /// use lefi::codes::FkBeslutstatus;
    /// assert_eq!("I".parse::<FkBeslutstatus>()?.description(), "Interimistiskt");
    /// # Ok::<(), lefi::codes::ParseCodeError>(())
    /// ```
    open FkBeslutstatus, "LefiOmvardnadsbidragBeslut.beslutstatus" {
        ("S", Slutligt, "Slutligt"),
        ("I", Interimistiskt, "Interimistiskt"),
    }
}

code_list! {
    /// Outcome of an omvårdnadsbidrag decision (`beslutsutfall.id`).
    ///
    /// ```
    /// use lefi::codes::OmvBeslutsutfall;
    /// assert_eq!(OmvBeslutsutfall::from_id(4)?, OmvBeslutsutfall::Avslag);
    /// # Ok::<(), lefi::codes::ParseCodeError>(())
    /// ```
    int OmvBeslutsutfall, "LefiOmvardnadsbidragBeslut.beslutsutfall", id, from_id {
        (1, Oforandrad, "OFORANDRAD"),
        (2, Beviljande, "BEVILJANDE"),
        (3, Andring, "ANDRING"),
        (4, Avslag, "AVSLAG"),
        (5, Avvisning, "AVVISNING"),
        (6, Avskrivning, "AVSKRIVNING"),
        (7, Upphorande, "UPPHORANDE"),
    }
}

code_list! {
    /// Outcome of a merkostnadsersättning decision (`beslutsutfall.id`): the names of
    /// [`OmvBeslutsutfall`] under other numbers, and `MINSKNING`.
    ///
    /// ```
    /// use lefi::codes::MekBeslutsutfall;
    /// assert_eq!(MekBeslutsutfall::from_id(5)?, MekBeslutsutfall::Avslag);
    /// # Ok::<(), lefi::codes::ParseCodeError>(())
    /// ```
    int MekBeslutsutfall, "LefiMerkostnadsersattningBeslut.beslutsutfall", id, from_id {
        (1, Oforandrad, "OFORANDRAD"),
        (2, Beviljande, "BEVILJANDE"),
        (3, Andring, "ANDRING"),
        (5, Avslag, "AVSLAG"),
        (6, Avvisning, "AVVISNING"),
        (7, Avskrivning, "AVSKRIVNING"),
        (8, Upphorande, "UPPHORANDE"),
        (10, Minskning, "MINSKNING"),
    }
}

code_list! {
    /// How often a decided FK amount is paid (`periodicitet.id` of the decisions).
    ///
    /// ```
    /// use lefi::codes::Periodicitet;
    /// assert_eq!(Periodicitet::from_id(1)?, Periodicitet::Manadsvis);
    /// # Ok::<(), lefi::codes::ParseCodeError>(())
    /// ```
    int Periodicitet, "periodicitet", id, from_id {
        (0, Ingen, "Ingen"),
        (1, Manadsvis, "Månadsvis"),
        (2, Kvartalsvis, "Kvartalsvis"),
        (3, Halvarsvis, "Halvårsvis"),
        (4, Arsvis, "Årsvis"),
    }
}
