//! SSBTEK codes.

code_list! {
    /// Where an SSBTEK error originated (`KallaEnum`, the `Error.kalla` element).
    ///
    /// ```
    /// use lefi::codes::Kalla;
    /// assert_eq!("BT".parse::<Kalla>()?, Kalla::Bt);
    /// # Ok::<(), lefi::codes::ParseCodeError>(())
    /// ```
    closed Kalla, "KallaEnum" {
        ("SSBT", Ssbt, "Felet uppstod i den sammansatta bastjänsten", "For example a timeout when calling a base service."),
        ("BT", Bt, "Felet uppstod i en bastjänst", "For example a technical error in the base service."),
    }
}
