//! Centrala studiestödsnämnden (CSN) codes carried in the `CSNSvar` document (DOMAIN §4.9).
//!
//! The CSN schema (`csntyper.xsd`, v4.0) types `stodform` and `beloppstyp` as strings of at
//! most six characters and lists the known values only in its documentation, so those lists
//! are open. `status`, `personstatus`, `takt`, `soktlan`, `sekel` and `utbetstatus` are
//! schema enumerations (`sekel` a pattern). The enumerations of `status` and `personstatus`
//! include a value of ten spaces: a closed list holds it as a code like any other, compared
//! exactly (never trimmed), so those lists are closed. `utbetstatus` is open as the brief for
//! the CSN model asks (CSN already writes both `Utbetald` and `UTBETALAD`); the codec refuses
//! codes outside the enumeration in both directions.
//!
//! ```
//! use lefi::codes::{CsnArendestatus, CsnBeloppstyp, CsnStodform};
//!
//! assert_eq!("MLÅN".parse::<CsnStodform>()?, CsnStodform::Mlan);
//! assert!("OSSLÅN".parse::<CsnBeloppstyp>()?.is_loan());
//! // the blank status is a code of its own, never trimmed
//! assert_eq!(CsnArendestatus::parse("          ")?, CsnArendestatus::Blank);
//! assert!(CsnArendestatus::parse("").is_err());
//! # Ok::<(), lefi::codes::ParseCodeError>(())
//! ```

code_list! {
    /// CSN stödform (`stodform`, at most six characters). Open: unknown codes are kept.
    ///
    /// ```
    /// use lefi::codes::CsnStodform;
    /// let form: CsnStodform = "SSSTÖD".parse()?;
    /// assert_eq!(form, CsnStodform::Ssstod);
    /// assert_eq!(form.description(), "Studiestartsstöd");
    /// assert_eq!("NYTT".parse::<CsnStodform>()?.code(), "NYTT");
    /// # Ok::<(), lefi::codes::ParseCodeError>(())
    /// ```
    open CsnStodform, "CSN stodform" {
        ("GRUND", Grund, "Studiemedel för studier i Sverige"),
        ("GRUNDU", Grundu, "Studiemedel för studier utomlands"),
        ("MLÅN", Mlan, "Merkostnadslån för studier i Sverige"),
        ("MLÅNU", Mlanu, "Merkostnadslån för studier utomlands"),
        ("TLÅN", Tlan, "Tilläggslån"),
        ("TILB", Tilb, "Tilläggsbidrag"),
        ("SH", Sh, "Studiehjälp, läsår, Sverige"),
        ("SHU", Shu, "Studiehjälp, läsår, utomlands"),
        ("SB", Sb, "Studiebidrag"),
        ("SBU", Sbu, "Studiebidrag", "The schema gives the same text as for `SB`; presumably studies abroad."),
        ("EXTRA", Extra, "Extra tillägg"),
        ("EXTRAU", Extrau, "Extra tillägg", "The schema gives the same text as for `EXTRA`; presumably studies abroad."),
        ("INACK", Inack, "Inackorderingstillägg"),
        ("INACKU", Inacku, "Inackorderingstillägg", "The schema gives the same text as for `INACK`; presumably studies abroad."),
        ("LÄRLE", Larle, "Lärlingsersättning"),
        ("HUT", Hut, "Hemutrustningslån"),
        ("SSSTÖD", Ssstod, "Studiestartsstöd"),
        ("OSS", Oss, "Omställningsstudiestöd"),
    }
}

code_list! {
    /// CSN beloppstyp (`beloppstyp`, at most six characters). Open: unknown codes are kept.
    ///
    /// ```
    /// use lefi::codes::CsnBeloppstyp;
    /// assert!(CsnBeloppstyp::Grundl.is_loan());
    /// assert!(!CsnBeloppstyp::Grundb.is_loan());
    /// assert!(!"NYTT".parse::<CsnBeloppstyp>()?.is_loan());
    /// # Ok::<(), lefi::codes::ParseCodeError>(())
    /// ```
    open CsnBeloppstyp, "CSN beloppstyp" {
        ("GRUNDB", Grundb, "Bidrag"),
        ("GRUNDF", Grundf, "Förhöjt bidrag"),
        ("GRUNDL", Grundl, "Lån"),
        ("GRUNFL", Grunfl, "Lån till förhöjt bidrag"),
        ("MERKL", Merkl, "Merkostnadslån"),
        ("TILL", Till, "Tilläggslån"),
        ("TILB", Tilb, "Tilläggsbidrag"),
        ("EXTRA", Extra, "Extra tillägg"),
        ("INACK", Inack, "Inackorderingstillägg"),
        ("STUDB", Studb, "Studiebidrag"),
        ("LÄRERS", Larers, "Lärlingsersättning"),
        ("HUT", Hut, "Hemutrustningslån"),
        ("STÖDB", Stodb, "Studiestartsstöd bidrag"),
        ("STÖDT", Stodt, "Studiestartsstöd tilläggsbidrag"),
        ("OSSBID", Ossbid, "Omställningsstudiestöd bidrag"),
        ("OSSLÅN", Osslan, "Omställningsstudiestöd lån"),
    }
}

impl CsnBeloppstyp {
    /// Whether the amount is a loan (to be repaid): `GRUNDL`, `GRUNFL`, `MERKL`, `TILL`,
    /// `HUT` and `OSSLÅN`. Grants and unknown codes are not.
    ///
    /// ```
    /// use lefi::codes::CsnBeloppstyp;
    /// let loans: Vec<&str> = CsnBeloppstyp::ALL.iter().filter(|t| t.is_loan()).map(|t| t.code()).collect();
    /// assert_eq!(loans, ["GRUNDL", "GRUNFL", "MERKL", "TILL", "HUT", "OSSLÅN"]);
    /// ```
    #[must_use]
    pub const fn is_loan(&self) -> bool {
        matches!(
            self,
            Self::Grundl | Self::Grunfl | Self::Merkl | Self::Till | Self::Hut | Self::Osslan
        )
    }
}

code_list! {
    /// CSN utbetalningsstatus (`utbetstatus`). Open (the codec accepts only the three
    /// values of the schema's enumeration; others can only be built or read from JSON).
    ///
    /// ```
    /// use lefi::codes::CsnUtbetalningsstatus;
    /// assert!("UTBETALAD".parse::<CsnUtbetalningsstatus>()?.is_paid());
    /// assert!(!CsnUtbetalningsstatus::Planerad.is_paid());
    /// # Ok::<(), lefi::codes::ParseCodeError>(())
    /// ```
    open CsnUtbetalningsstatus, "CSN utbetstatus" {
        ("Utbetald", Utbetald, "Utbetald"),
        ("Planerad", Planerad, "Planerad"),
        ("UTBETALAD", Utbetalad, "Utbetalad", "Same meaning as `Utbetald`, written in capitals."),
    }
}

impl CsnUtbetalningsstatus {
    /// Whether the payment has been made (`Utbetald`, `UTBETALAD`); planned and unknown
    /// statuses are not.
    ///
    /// ```
    /// use lefi::codes::CsnUtbetalningsstatus;
    /// assert!(CsnUtbetalningsstatus::Utbetald.is_paid());
    /// assert!(!"Makulerad".parse::<CsnUtbetalningsstatus>()?.is_paid());
    /// # Ok::<(), lefi::codes::ParseCodeError>(())
    /// ```
    #[must_use]
    pub const fn is_paid(&self) -> bool {
        matches!(self, Self::Utbetald | Self::Utbetalad)
    }
}

code_list! {
    /// CSN ärendestatus (`status`, a schema enumeration including ten spaces). Closed; the
    /// blank value is the code `"          "`, compared exactly.
    ///
    /// ```
    /// use lefi::codes::CsnArendestatus;
    /// assert_eq!(CsnArendestatus::Blank.code(), " ".repeat(10));
    /// assert!(CsnArendestatus::parse(" BESLUTAD").is_err());
    /// assert_eq!(CsnArendestatus::parse("BESLUTAT")?, CsnArendestatus::Beslutat);
    /// # Ok::<(), lefi::codes::ParseCodeError>(())
    /// ```
    closed CsnArendestatus, "CSN status" {
        ("          ", Blank, "Ingen status angiven (tio blanksteg)"),
        ("BESLUTAD", Beslutad, "Beslutad"),
        ("INITIERAD", Initierad, "Initierad"),
        ("AVSLUTAD", Avslutad, "Avslutad"),
        ("BESLUTAT", Beslutat, "Beslutat"),
        ("INITIERAT", Initierat, "Initierat"),
        ("AVSLUTAT", Avslutat, "Avslutat"),
    }
}

code_list! {
    /// CSN personstatus (`Person/@Status`, a schema enumeration including ten spaces).
    /// Closed; the blank value is the code `"          "`, compared exactly.
    ///
    /// ```
    /// use lefi::codes::CsnPersonstatus;
    /// assert_eq!(CsnPersonstatus::parse("Ej träff")?, CsnPersonstatus::EjTraff);
    /// assert_eq!(CsnPersonstatus::parse(&" ".repeat(10))?, CsnPersonstatus::Blank);
    /// assert!(CsnPersonstatus::parse("  ").is_err());
    /// # Ok::<(), lefi::codes::ParseCodeError>(())
    /// ```
    closed CsnPersonstatus, "CSN personstatus" {
        ("          ", Blank, "Ingen status angiven (tio blanksteg)"),
        ("Ej träff", EjTraff, "Ej träff (personen finns inte hos CSN)", inferred),
    }
}

code_list! {
    /// CSN studietakt in percent (`takt`, `soktomfattning`, a schema enumeration). Closed.
    ///
    /// ```
    /// use lefi::codes::CsnTakt;
    /// assert_eq!("75".parse::<CsnTakt>()?.percent(), 75);
    /// assert!("80".parse::<CsnTakt>().is_err());
    /// # Ok::<(), lefi::codes::ParseCodeError>(())
    /// ```
    closed CsnTakt, "CSN takt" {
        ("0", Procent0, "0 procent"),
        ("20", Procent20, "20 procent"),
        ("40", Procent40, "40 procent"),
        ("50", Procent50, "50 procent"),
        ("60", Procent60, "60 procent"),
        ("75", Procent75, "75 procent"),
        ("100", Procent100, "100 procent (heltid)"),
    }
}

impl CsnTakt {
    /// The pace as a percentage of full time.
    ///
    /// ```
    /// use lefi::codes::CsnTakt;
    /// assert_eq!(CsnTakt::Procent100.percent(), 100);
    /// ```
    #[must_use]
    pub const fn percent(&self) -> u8 {
        match self {
            Self::Procent0 => 0,
            Self::Procent20 => 20,
            Self::Procent40 => 40,
            Self::Procent50 => 50,
            Self::Procent60 => 60,
            Self::Procent75 => 75,
            Self::Procent100 => 100,
        }
    }
}

code_list! {
    /// CSN `soktlan` (whether a loan was applied for; a schema enumeration of one space and
    /// `J`). Closed.
    ///
    /// ```
    /// use lefi::codes::CsnSoktlan;
    /// assert_eq!(CsnSoktlan::parse("J")?, CsnSoktlan::Ja);
    /// assert_eq!(CsnSoktlan::parse(" ")?, CsnSoktlan::Blank);
    /// # Ok::<(), lefi::codes::ParseCodeError>(())
    /// ```
    closed CsnSoktlan, "CSN soktlan" {
        (" ", Blank, "Lån inte sökt (ett blanksteg)", inferred),
        ("J", Ja, "Lån sökt", inferred),
    }
}

code_list! {
    /// The century of a CSN personnummer (`Person/@sekel`, pattern `(18|19|20)`). Closed.
    ///
    /// ```
    /// use lefi::codes::CsnSekel;
    /// assert_eq!(CsnSekel::parse("19")?, CsnSekel::Sekel19);
    /// assert!(CsnSekel::parse("21").is_err());
    /// # Ok::<(), lefi::codes::ParseCodeError>(())
    /// ```
    closed CsnSekel, "CSN sekel" {
        ("18", Sekel18, "1800-talet"),
        ("19", Sekel19, "1900-talet"),
        ("20", Sekel20, "2000-talet"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csn_code_lists_round_trip_every_row() {
        for c in CsnStodform::ALL {
            assert_eq!(CsnStodform::parse(c.code()).as_ref(), Ok(c));
            assert!(c.code().chars().count() <= 6);
        }
        for c in CsnBeloppstyp::ALL {
            assert_eq!(CsnBeloppstyp::parse(c.code()).as_ref(), Ok(c));
            assert!(c.code().chars().count() <= 6);
        }
        for c in CsnUtbetalningsstatus::ALL {
            assert_eq!(CsnUtbetalningsstatus::parse(c.code()).as_ref(), Ok(c));
        }
        for c in CsnArendestatus::ALL {
            assert_eq!(CsnArendestatus::parse(c.code()), Ok(*c));
            assert!(c.code().chars().count() <= 10);
        }
        for c in CsnPersonstatus::ALL {
            assert_eq!(CsnPersonstatus::parse(c.code()), Ok(*c));
        }
        for c in CsnTakt::ALL {
            assert_eq!(CsnTakt::parse(c.code()), Ok(*c));
            assert_eq!(c.code(), c.percent().to_string());
        }
        for c in CsnSoktlan::ALL {
            assert_eq!(CsnSoktlan::parse(c.code()), Ok(*c));
        }
        for c in CsnSekel::ALL {
            assert_eq!(CsnSekel::parse(c.code()), Ok(*c));
        }
    }

    #[test]
    fn csn_blank_codes_are_exact_and_never_trimmed() {
        assert!(CsnArendestatus::parse("         ").is_err());
        assert!(CsnArendestatus::parse("           ").is_err());
        assert!(CsnArendestatus::parse("BESLUTAD ").is_err());
        assert!(CsnPersonstatus::parse("").is_err());
        assert!(CsnSoktlan::parse("").is_err());
        assert!(CsnSoktlan::parse("  ").is_err());
    }

    #[test]
    fn csn_open_lists_keep_unknown_non_ascii_codes() {
        let f = CsnStodform::parse("ÅÄÖ").unwrap_or(CsnStodform::Grund);
        assert!(!f.is_known());
        assert_eq!(f.code(), "ÅÄÖ");
        assert!(!CsnBeloppstyp::parse("X").is_ok_and(|t| t.is_loan()));
        assert!(!CsnUtbetalningsstatus::parse("utbetald").is_ok_and(|s| s.is_paid()));
    }
}
