//! Förmånsgrupp codes: Försäkringskassan's (`FK:`), Pensionsmyndigheten's (`PM:`) and
//! their union used on payments (`LefiExternFormanGruppKod`).

use super::ParseCodeError;

code_list! {
    /// Försäkringskassan's förmånsgrupp codes (`LefiFkFormanGruppKod`, 27 values).
    ///
    /// The contract describes only four of these codes (in its examples); the other
    /// meanings are inferred and marked so on the variant.
    ///
    /// ```
    /// use lefi::codes::FkFormanGrupp;
    /// for value in FkFormanGrupp::ALL {
    ///     assert_eq!(value.code().parse::<FkFormanGrupp>()?, *value);
    /// }
    /// assert_eq!(FkFormanGrupp::Sjp.description(), "Sjukpenning");
    /// # Ok::<(), lefi::codes::ParseCodeError>(())
    /// ```
    closed FkFormanGrupp, "LefiFkFormanGruppKod" {
        ("FK:ABB", Abb, "Barnbidrag"),
        ("FK:AP", Ap, "Allmän pension", inferred),
        ("FK:AS", As, "Aktivitetsstöd", inferred),
        ("FK:BOB", Bob, "Bostadsbidrag", inferred),
        ("FK:BST", Bst, "Bostadstillägg", inferred),
        ("FK:BTI", Bti, "Bostads- och inkomststöd", inferred_weak),
        ("FK:DPE", Dpe, "Dagpenning för totalförsvarspliktiga", inferred_weak),
        ("FK:EJO", Ejo, "Etableringsjobb", inferred_weak),
        ("FK:ET", Et, "Etableringsersättning", inferred_weak),
        ("FK:FP", Fp, "Föräldrapenning"),
        ("FK:FSJP", Fsjp, "Förebyggande sjukpenning", inferred),
        ("FK:GP", Gp, "Graviditetspenning", inferred),
        ("FK:HE", He, "Handikappersättning", inferred),
        ("FK:MABB", Mabb, "Mottagare av barnbidrag", inferred),
        ("FK:MEK", Mek, "Merkostnadsersättning", inferred),
        ("FK:NP", Np, "Närståendepenning", inferred),
        ("FK:OMV", Omv, "Omvårdnadsbidrag", inferred),
        ("FK:PJOB", Pjob, "Programersättning, JOB-dagar", inferred),
        ("FK:PROG", Prog, "Arbetsmarknadspolitiskt program", inferred),
        ("FK:RBE", Rbe, "Rehabiliteringsersättning", inferred),
        ("FK:SA", Sa, "Sjuk- och aktivitetsersättning", inferred),
        ("FK:SBP", Sbp, "Smittbärarpenning", inferred),
        ("FK:SJP", Sjp, "Sjukpenning"),
        ("FK:TFP", Tfp, "Tillfällig föräldrapenning", inferred),
        ("FK:US", Us, "Underhållsstöd", inferred),
        ("FK:VB", Vb, "Vårdbidrag", inferred),
        ("FK:YL", Yl, "Yrkesskadelivränta"),
    }
}

code_list! {
    /// Pensionsmyndigheten's förmånsgrupp codes (`LefiPmFormanGruppKod`).
    ///
    /// ```
    /// use lefi::codes::PmFormanGrupp;
    /// assert_eq!("PM:EF".parse::<PmFormanGrupp>()?, PmFormanGrupp::Ef);
    /// # Ok::<(), lefi::codes::ParseCodeError>(())
    /// ```
    closed PmFormanGrupp, "LefiPmFormanGruppKod" {
        ("PM:AP", Ap, "Allmän pension"),
        ("PM:BTI", Bti, "Bostads- och inkomststöd"),
        // The contract's example spells it "Efterlavandeförmåner".
        ("PM:EF", Ef, "Efterlevandeförmåner"),
    }
}

/// A förmånsgrupp of either agency (`LefiExternFormanGruppKod`): the 27 FK codes and the
/// three PM codes. The prefix names the disclosing agency; the same benefit may exist
/// under both during a transition.
///
/// Closed: unknown codes are rejected. serde goes through the code.
///
/// ```
/// use lefi::codes::{FormanGrupp, PmFormanGrupp, UtlamnareKod};
///
/// let grupp: FormanGrupp = "PM:AP".parse()?;
/// assert_eq!(grupp, FormanGrupp::Pm(PmFormanGrupp::Ap));
/// assert_eq!(grupp.utlamnare(), UtlamnareKod::Pm);
/// assert_eq!(FormanGrupp::ALL.len(), 30);
/// # Ok::<(), lefi::codes::ParseCodeError>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
pub enum FormanGrupp {
    /// A Försäkringskassan förmånsgrupp (`FK:` prefix).
    Fk(FkFormanGrupp),
    /// A Pensionsmyndigheten förmånsgrupp (`PM:` prefix).
    Pm(PmFormanGrupp),
}

impl FormanGrupp {
    /// The name of the list, as used in error messages.
    pub const LIST: &'static str = "LefiExternFormanGruppKod";

    /// Every value: the FK codes followed by the PM codes, each in table order.
    pub const ALL: &'static [Self] = &[
        Self::Fk(FkFormanGrupp::Abb),
        Self::Fk(FkFormanGrupp::Ap),
        Self::Fk(FkFormanGrupp::As),
        Self::Fk(FkFormanGrupp::Bob),
        Self::Fk(FkFormanGrupp::Bst),
        Self::Fk(FkFormanGrupp::Bti),
        Self::Fk(FkFormanGrupp::Dpe),
        Self::Fk(FkFormanGrupp::Ejo),
        Self::Fk(FkFormanGrupp::Et),
        Self::Fk(FkFormanGrupp::Fp),
        Self::Fk(FkFormanGrupp::Fsjp),
        Self::Fk(FkFormanGrupp::Gp),
        Self::Fk(FkFormanGrupp::He),
        Self::Fk(FkFormanGrupp::Mabb),
        Self::Fk(FkFormanGrupp::Mek),
        Self::Fk(FkFormanGrupp::Np),
        Self::Fk(FkFormanGrupp::Omv),
        Self::Fk(FkFormanGrupp::Pjob),
        Self::Fk(FkFormanGrupp::Prog),
        Self::Fk(FkFormanGrupp::Rbe),
        Self::Fk(FkFormanGrupp::Sa),
        Self::Fk(FkFormanGrupp::Sbp),
        Self::Fk(FkFormanGrupp::Sjp),
        Self::Fk(FkFormanGrupp::Tfp),
        Self::Fk(FkFormanGrupp::Us),
        Self::Fk(FkFormanGrupp::Vb),
        Self::Fk(FkFormanGrupp::Yl),
        Self::Pm(PmFormanGrupp::Ap),
        Self::Pm(PmFormanGrupp::Bti),
        Self::Pm(PmFormanGrupp::Ef),
    ];

    /// The wire code.
    ///
    /// ```
    /// use lefi::codes::{FkFormanGrupp, FormanGrupp};
    /// assert_eq!(FormanGrupp::from(FkFormanGrupp::Fp).code(), "FK:FP");
    /// ```
    #[must_use]
    pub const fn code(&self) -> &'static str {
        match self {
            Self::Fk(g) => g.code(),
            Self::Pm(g) => g.code(),
        }
    }

    /// The Swedish description of the code.
    ///
    /// ```
    /// use lefi::codes::{FkFormanGrupp, FormanGrupp};
    /// assert_eq!(FormanGrupp::Fk(FkFormanGrupp::Abb).description(), "Barnbidrag");
    /// ```
    #[must_use]
    pub const fn description(&self) -> &'static str {
        match self {
            Self::Fk(g) => g.description(),
            Self::Pm(g) => g.description(),
        }
    }

    /// The agency that discloses information in this förmånsgrupp.
    ///
    /// ```
    /// use lefi::codes::{FkFormanGrupp, FormanGrupp, UtlamnareKod};
    /// assert_eq!(FormanGrupp::Fk(FkFormanGrupp::Sjp).utlamnare(), UtlamnareKod::Fk);
    /// ```
    #[must_use]
    pub const fn utlamnare(&self) -> super::UtlamnareKod {
        match self {
            Self::Fk(_) => super::UtlamnareKod::Fk,
            Self::Pm(_) => super::UtlamnareKod::Pm,
        }
    }

    /// Parses a wire code of either agency (exact and case-sensitive).
    ///
    /// # Errors
    /// [`ParseCodeError`] naming `LefiExternFormanGruppKod` when the code is in neither list.
    ///
    /// ```
    /// use lefi::codes::FormanGrupp;
    /// assert!(FormanGrupp::parse("FK:SJP").is_ok());
    /// assert!(FormanGrupp::parse("fk:sjp").is_err());
    /// ```
    pub fn parse(code: &str) -> Result<Self, ParseCodeError> {
        if let Ok(g) = FkFormanGrupp::parse(code) {
            return Ok(Self::Fk(g));
        }
        if let Ok(g) = PmFormanGrupp::parse(code) {
            return Ok(Self::Pm(g));
        }
        Err(ParseCodeError::unknown(Self::LIST, code))
    }
}

impl From<FkFormanGrupp> for FormanGrupp {
    fn from(g: FkFormanGrupp) -> Self {
        Self::Fk(g)
    }
}

impl From<PmFormanGrupp> for FormanGrupp {
    fn from(g: PmFormanGrupp) -> Self {
        Self::Pm(g)
    }
}

code_list!(@str_impls FormanGrupp);
