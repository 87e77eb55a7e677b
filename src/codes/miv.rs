//! Migrationsverket (MIV) codes carried in SSBTEK answers.
//!
//! The MIV schema types these as free strings; the values are known from fixtures and
//! from the 2020-12-16 SSBTEK news (DOMAIN §4.9), so the lists are open.

code_list! {
    /// MIV ärendetyp (`arendeTyp`). Open: unknown codes are kept.
    ///
    /// ```
    /// use lefi::codes::MivArendetyp;
    /// assert_eq!("UAT".parse::<MivArendetyp>()?, MivArendetyp::Uat);
    /// assert!(!"XYZ".parse::<MivArendetyp>()?.is_known());
    /// # Ok::<(), lefi::codes::ParseCodeError>(())
    /// ```
    open MivArendetyp, "MIV arendeTyp" {
        ("UAT", Uat, "UPPEHÅLLS- OCH ARBETSTILLSTÅND"),
        ("US", Us, "UPPEHÅLLSSTATUS FÖR BRITTISK MB OCH FAMILJ", "Added 2020-12-16."),
    }
}

code_list! {
    /// MIV beslutstyp (`beslutsTyp`). Open: unknown codes are kept.
    ///
    /// ```
    /// use lefi::codes::MivBeslutstyp;
    /// let typ: MivBeslutstyp = "FÖRFALLER".parse()?;
    /// assert_eq!(typ, MivBeslutstyp::Forfaller);
    /// assert_eq!(typ.to_string(), "FÖRFALLER");
    /// # Ok::<(), lefi::codes::ParseCodeError>(())
    /// ```
    open MivBeslutstyp, "MIV beslutsTyp" {
        ("PUT", Put, "PERMANENT UPPEHÅLLSTILLSTÅND"),
        ("PUS", Pus, "PERMANENT UPPEHÅLLSSTATUS F BRIT MB O FAM", "Added 2020-12-16."),
        ("UG", Ug, "BEVIS OM STATUS SOM GRÄNSARBETARE", "Added 2020-12-16."),
        ("US", Us, "UPPEHÅLLSSTATUS FÖR BRITTISK MB OCH FAMILJ", "Added 2020-12-16."),
        ("FÖRFALLER", Forfaller, "FÖRFALLER", "Added 2020-12-16. The code contains a non-ASCII letter."),
    }
}

code_list! {
    /// MIV beslutskod (`beslutsKod`). Open: unknown codes are kept.
    ///
    /// ```
    /// use lefi::codes::MivBeslutskod;
    /// assert_eq!(MivBeslutskod::Bev.description(), "ANSÖKAN BEVILJAS");
    /// ```
    open MivBeslutskod, "MIV beslutsKod" {
        ("BEV", Bev, "ANSÖKAN BEVILJAS"),
    }
}

code_list! {
    /// How long an MIV permit is valid (`giltighetstid`, an XSD enumeration). Closed.
    ///
    /// ```
    /// use lefi::codes::Giltighetstid;
    /// assert!("PERMANENT".parse::<Giltighetstid>().is_ok());
    /// assert!("permanent".parse::<Giltighetstid>().is_err());
    /// ```
    closed Giltighetstid, "MIV giltighetstid" {
        ("PERMANENT", Permanent, "Permanent"),
        ("TIDBEGRANSAT", Tidbegransat, "Tidsbegränsat"),
    }
}
