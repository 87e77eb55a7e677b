//! The purposes a disclosure may be requested for.
//!
//! One table (the `purposes!` invocation below) owns, per purpose, its command-line name, its
//! Swedish name, the `syfte` text, the [`LegalBasis`], whether the individual's consent is
//! required and which kinds of actor may use it.

use std::fmt;
use std::str::FromStr;

use super::actor_kind::ActorKind;
use super::basis::LegalBasis;

macro_rules! purposes {
    ($( $(#[$doc:meta])* (
        $variant:ident, $cli:literal, $name:literal, $syfte:literal, $basis:expr,
        consent: $consent:literal, actors: [$($actor:ident),+ $(,)?]
    ) ),+ $(,)?) => {
        /// A purpose for which information may be disclosed, with its legal basis.
        ///
        /// `Display`/`FromStr` use the command-line names
        /// (`samordning`, `samordning-automatiserad`, `riskbedomning`, `pensionsprognos`,
        /// `skadereglering`, `ekonomiskt-bistand`).
        ///
        /// ```
        /// use lefi::legal::Purpose;
        ///
        /// let purpose: Purpose = "pensionsprognos".parse()?;
        /// assert_eq!(purpose, Purpose::Pensionsprognos);
        /// assert!(purpose.requires_consent());
        /// assert_eq!(purpose.lagtext(), "114 kap. 25 § Socialförsäkringsbalken (2010:110).");
        /// assert_eq!(purpose.to_string(), "pensionsprognos");
        /// # Ok::<(), lefi::legal::ParsePurposeError>(())
        /// ```
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        #[non_exhaustive]
        pub enum Purpose {
            $( $(#[$doc])* $variant, )+
        }

        impl Purpose {
            /// Every purpose in the table.
            pub const ALL: &'static [Purpose] = &[$(Purpose::$variant),+];

            /// The command-line name (also the `Display` form).
            pub const fn cli_name(self) -> &'static str {
                match self { $( Purpose::$variant => $cli, )+ }
            }

            /// The Swedish name used in messages (`riskbedömning`, `ekonomiskt bistånd`).
            pub const fn name(self) -> &'static str {
                match self { $( Purpose::$variant => $name, )+ }
            }

            /// The `syfte` text: for SSBTEK the value a real municipality sends; for the
            /// insurer purposes the label Försäkringskassan gives the disclosure.
            pub const fn syfte(self) -> &'static str {
                match self { $( Purpose::$variant => $syfte, )+ }
            }

            /// The statutory basis.
            pub const fn legal_basis(self) -> LegalBasis {
                match self { $( Purpose::$variant => $basis, )+ }
            }

            /// Whether a disclosure for this purpose needs the individual's consent
            /// (*samtycke*).
            pub const fn requires_consent(self) -> bool {
                match self { $( Purpose::$variant => $consent, )+ }
            }

            /// The kinds of actor that may ask with this purpose.
            pub const fn allowed_actors(self) -> &'static [ActorKind] {
                match self { $( Purpose::$variant => &[$(ActorKind::$actor),+], )+ }
            }
        }

        impl FromStr for Purpose {
            type Err = ParsePurposeError;

            /// Parses a command-line name.
            fn from_str(s: &str) -> Result<Self, Self::Err> {
                match s {
                    $( $cli => Ok(Purpose::$variant), )+
                    _ => Err(ParsePurposeError),
                }
            }
        }
    };
}

purposes! {
    /// *Utlämnande för samordning*: co-ordination of benefits under the agreement with
    /// Försäkringskassan (110 kap. 39 § socialförsäkringsbalken); no consent.
    (Samordning, "samordning", "samordning", "Utlämnande för samordning",
        LegalBasis::SFB_110_39, consent: false,
        actors: [Forsakringsbolag, Forsakringsformedlare, StatligMyndighet]),
    /// *Utlämnande av samordning*: co-ordination on a medium for automated processing
    /// (114 kap. 24 § och 9 § socialförsäkringsbalken); no consent.
    (SamordningAutomatiserad, "samordning-automatiserad", "samordning (automatiserad behandling)",
        "Utlämnande av samordning",
        LegalBasis::SFB_114_24_9, consent: false,
        actors: [Forsakringsbolag, Forsakringsformedlare, StatligMyndighet]),
    /// *Utlämnande för riskbedömning* (114 kap. 24 § socialförsäkringsbalken); needs the
    /// individual's consent.
    (Riskbedomning, "riskbedomning", "riskbedömning", "Utlämnande för riskbedömning",
        LegalBasis::SFB_114_24, consent: true,
        actors: [Forsakringsbolag, Forsakringsformedlare]),
    /// *Utlämnande för pensionsprognos* (114 kap. 25 § socialförsäkringsbalken); needs the
    /// individual's consent.
    (Pensionsprognos, "pensionsprognos", "pensionsprognos", "Utlämnande för pensionsprognos",
        LegalBasis::SFB_114_25, consent: true,
        actors: [Forsakringsbolag, Forsakringsformedlare]),
    /// *Utlämnande för skadereglering* (114 kap. 26 § socialförsäkringsbalken); needs the
    /// individual's consent.
    (Skadereglering, "skadereglering", "skadereglering", "Utlämnande för skadereglering",
        LegalBasis::SFB_114_26, consent: true,
        actors: [Forsakringsbolag, Forsakringsformedlare]),
    /// Decision on or control of *ekonomiskt bistånd* (SSBTEK; 11 kap. 11 a § socialtjänstlagen,
    /// 5 § förordning (2008:975)); an obligation to provide data, no consent.
    (EkonomisktBistand, "ekonomiskt-bistand", "ekonomiskt bistånd",
        "Beslut om eller kontroll av Ekonomisk försörjningsstöd",
        LegalBasis::SOL_11_11A_FORORDNING_2008_975, consent: false,
        actors: [Kommun]),
}

impl Purpose {
    /// The `lagtext` sentence rendered from [`Purpose::legal_basis`] (see
    /// [`LegalBasis::lagtext`]).
    ///
    /// ```
    /// use lefi::legal::Purpose;
    ///
    /// assert_eq!(
    ///     Purpose::EkonomisktBistand.lagtext(),
    ///     "11 kap. 11 a § socialtjänstlagen (2001:453), 5 § förordning (2008:975) \
    ///      om uppgiftsskyldighet i vissa fall enligt socialtjänstlagen."
    /// );
    /// ```
    pub fn lagtext(self) -> String {
        self.legal_basis().lagtext()
    }

    /// The citation of the legal basis as Försäkringskassan lists it (no full stop).
    ///
    /// ```
    /// use lefi::legal::Purpose;
    ///
    /// assert_eq!(
    ///     Purpose::Samordning.citation(),
    ///     "110 kap. 39 § Socialförsäkringsbalken (2010:110)"
    /// );
    /// ```
    pub fn citation(self) -> String {
        self.legal_basis().citation()
    }

    /// `name (short citation)`, the form used in error messages
    /// (`pensionsprognos (114 kap. 25 § socialförsäkringsbalken)`).
    ///
    /// ```
    /// use lefi::legal::Purpose;
    ///
    /// assert_eq!(
    ///     Purpose::Riskbedomning.described(),
    ///     "riskbedömning (114 kap. 24 § socialförsäkringsbalken)"
    /// );
    /// ```
    pub fn described(self) -> String {
        format!("{} ({})", self.name(), self.legal_basis().short_citation())
    }

    /// Whether an actor of `kind` may ask with this purpose.
    ///
    /// ```
    /// use lefi::legal::{ActorKind, Purpose};
    ///
    /// assert!(Purpose::EkonomisktBistand.allows(ActorKind::Kommun));
    /// assert!(!Purpose::Riskbedomning.allows(ActorKind::Kommun));
    /// ```
    pub fn allows(self, kind: ActorKind) -> bool {
        self.allowed_actors().contains(&kind)
    }
}

impl fmt::Display for Purpose {
    /// Writes the command-line name.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.cli_name())
    }
}

impl TryFrom<&str> for Purpose {
    type Error = ParsePurposeError;

    fn try_from(s: &str) -> Result<Self, Self::Error> {
        s.parse()
    }
}

/// The text is not one of the command-line names of [`Purpose`].
///
/// ```
/// use lefi::legal::Purpose;
///
/// let err = "marknadsforing".parse::<Purpose>().unwrap_err();
/// assert!(err.to_string().starts_with("unknown purpose"));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ParsePurposeError;

impl fmt::Display for ParsePurposeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("unknown purpose, expected one of ")?;
        for (i, purpose) in Purpose::ALL.iter().enumerate() {
            if i > 0 {
                f.write_str(", ")?;
            }
            f.write_str(purpose.cli_name())?;
        }
        Ok(())
    }
}

impl std::error::Error for ParsePurposeError {}
