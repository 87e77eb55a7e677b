//! Utlämnare, tillstånd and avvikelse codes of the LEFI v9 response.

code_list! {
    /// The disclosing agency (`LefiUtlamnareKod`).
    ///
    /// ```
    /// use lefi::codes::UtlamnareKod;
    /// assert_eq!("FK".parse::<UtlamnareKod>()?.description(), "Försäkringskassan");
    /// # Ok::<(), lefi::codes::ParseCodeError>(())
    /// ```
    closed UtlamnareKod, "LefiUtlamnareKod" {
        ("FK", Fk, "Försäkringskassan"),
        ("PM", Pm, "Pensionsmyndigheten"),
    }
}

code_list! {
    /// Whether an utlämnare could contribute to the answer (`LefiTillstandKod`). Only
    /// `OK` utlämnare contributed data.
    ///
    /// ```
    /// use lefi::codes::TillstandKod;
    /// assert!("OK".parse::<TillstandKod>()?.is_ok());
    /// assert!(!TillstandKod::Otillganglig.is_ok());
    /// # Ok::<(), lefi::codes::ParseCodeError>(())
    /// ```
    closed TillstandKod, "LefiTillstandKod" {
        ("OK", Ok, "Tillgänglig"),
        ("FELANDE", Felande, "Felande", "The contract gives no description; the code name means \"failing\"."),
        ("OTILLGANGLIG", Otillganglig, "Otillgänglig", "The contract gives no description; the code name means \"unavailable\"."),
    }
}

impl TillstandKod {
    /// Whether the utlämnare contributed data (`OK`).
    ///
    /// ```
    /// use lefi::codes::TillstandKod;
    /// assert!(TillstandKod::Ok.is_ok());
    /// ```
    #[must_use]
    pub const fn is_ok(&self) -> bool {
        matches!(self, Self::Ok)
    }
}

code_list! {
    /// Why (part of) a request was not answered (`LefiAvvikelseKod`).
    ///
    /// ```
    /// use lefi::codes::AvvikelseKod;
    /// assert_eq!("OBEHORIG".parse::<AvvikelseKod>()?, AvvikelseKod::Obehorig);
    /// # Ok::<(), lefi::codes::ParseCodeError>(())
    /// ```
    closed AvvikelseKod, "LefiAvvikelseKod" {
        ("INTERNT_FEL", InterntFel, "Internt fel", "Mapping to the access rules is inferred: a subsystem that does not answer (DOMAIN §4.4)."),
        ("OBEHORIG", Obehorig, "Obehörig", "Mapping to the access rules is inferred: the caller is not authorised for the information (DOMAIN §4.4)."),
    }
}
