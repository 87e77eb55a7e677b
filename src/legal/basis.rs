//! Statutory bases for disclosure, as structured data.
//!
//! A [`LegalBasis`] is a list of [`Provision`]s; each provision names one [`Law`], an optional
//! chapter and one or more [`Section`]s. All citation texts of the crate are rendered from this
//! data: the law table below is the only place where law titles and SFS numbers are written.
//!
//! ```
//! use lefi::legal::LegalBasis;
//!
//! assert_eq!(
//!     LegalBasis::SFB_114_25.to_string(),
//!     "114 kap. 25 § Socialförsäkringsbalken (2010:110)"
//! );
//! assert_eq!(
//!     LegalBasis::SFB_114_25.short_citation(),
//!     "114 kap. 25 § socialförsäkringsbalken"
//! );
//! ```

use std::fmt;

/// The number of a Swedish statute in the Svensk författningssamling, e.g. `2010:110`.
///
/// ```
/// use lefi::legal::SfsNumber;
///
/// let sfs = SfsNumber::new(2010, 110);
/// assert_eq!(sfs.to_string(), "2010:110");
/// assert_eq!((sfs.year(), sfs.number()), (2010, 110));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct SfsNumber {
    year: u16,
    number: u16,
}

impl SfsNumber {
    /// An SFS number from its year and running number.
    pub const fn new(year: u16, number: u16) -> Self {
        Self { year, number }
    }

    /// The year part (`2010` in `2010:110`).
    pub const fn year(self) -> u16 {
        self.year
    }

    /// The running number within the year (`110` in `2010:110`).
    pub const fn number(self) -> u16 {
        self.number
    }
}

impl fmt::Display for SfsNumber {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}", self.year, self.number)
    }
}

/// Defines [`Law`] from one table:
/// `(Variant, year, number, "title before the SFS number", "title after it", "running-text name")`.
macro_rules! laws {
    ($( $(#[$doc:meta])* ($variant:ident, $year:literal, $number:literal, $head:literal, $tail:literal, $short:literal) ),+ $(,)?) => {
        /// A statute that a disclosure rests on.
        ///
        /// ```
        /// use lefi::legal::Law;
        ///
        /// assert_eq!(Law::Socialtjanstlagen.citation(), "socialtjänstlagen (2001:453)");
        /// assert_eq!(Law::Socialforsakringsbalken.sfs().to_string(), "2010:110");
        /// ```
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        #[non_exhaustive]
        pub enum Law {
            $( $(#[$doc])* $variant, )+
        }

        impl Law {
            /// Every law in the table.
            pub const ALL: &'static [Law] = &[$(Law::$variant),+];

            /// The SFS number.
            pub const fn sfs(self) -> SfsNumber {
                match self {
                    $( Law::$variant => SfsNumber::new($year, $number), )+
                }
            }

            const fn parts(self) -> (&'static str, &'static str) {
                match self {
                    $( Law::$variant => ($head, $tail), )+
                }
            }

            /// The name used in running text without the SFS number
            /// (`socialförsäkringsbalken`).
            pub const fn name(self) -> &'static str {
                match self {
                    $( Law::$variant => $short, )+
                }
            }
        }
    };
}

laws! {
    /// Socialförsäkringsbalken (2010:110), SFB.
    (Socialforsakringsbalken, 2010, 110, "Socialförsäkringsbalken", "", "socialförsäkringsbalken"),
    /// Socialtjänstlagen (2001:453), SoL.
    (Socialtjanstlagen, 2001, 453, "socialtjänstlagen", "", "socialtjänstlagen"),
    /// Förordning (2008:975) om uppgiftsskyldighet i vissa fall enligt socialtjänstlagen.
    (ForordningUppgiftsskyldighetSol, 2008, 975, "förordning",
        " om uppgiftsskyldighet i vissa fall enligt socialtjänstlagen",
        "förordningen om uppgiftsskyldighet i vissa fall enligt socialtjänstlagen"),
}

impl Law {
    /// The title with its SFS number, as cited in the sources
    /// (`förordning (2008:975) om uppgiftsskyldighet i vissa fall enligt socialtjänstlagen`).
    pub fn citation(self) -> String {
        self.to_string()
    }
}

impl fmt::Display for Law {
    /// Writes [`Law::citation`].
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (head, tail) = self.parts();
        write!(f, "{head} ({}){tail}", self.sfs())
    }
}

/// A section (`§`) number with an optional letter, e.g. `11 a §`.
///
/// ```
/// use lefi::legal::Section;
///
/// assert_eq!(Section::new(24).to_string(), "24 §");
/// assert_eq!(Section::with_letter(11, 'a').to_string(), "11 a §");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Section {
    number: u16,
    letter: Option<char>,
}

impl Section {
    /// A plain section number.
    pub const fn new(number: u16) -> Self {
        Self {
            number,
            letter: None,
        }
    }

    /// A section inserted later between two others, written with a letter (`11 a §`).
    pub const fn with_letter(number: u16, letter: char) -> Self {
        Self {
            number,
            letter: Some(letter),
        }
    }

    /// The number.
    pub const fn number(self) -> u16 {
        self.number
    }

    /// The letter, if any.
    pub const fn letter(self) -> Option<char> {
        self.letter
    }
}

impl fmt::Display for Section {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.letter {
            Some(letter) => write!(f, "{} {letter} §", self.number),
            None => write!(f, "{} §", self.number),
        }
    }
}

/// One reference into one law: an optional chapter and one or more sections of it, e.g.
/// `114 kap. 24 § och 9 §` or `5 §`.
///
/// ```
/// use lefi::legal::{Law, Provision, Section};
///
/// const SECTIONS: &[Section] = &[Section::new(24), Section::new(9)];
/// let provision = Provision::new(Law::Socialforsakringsbalken, Some(114), SECTIONS);
/// assert_eq!(provision.location(), "114 kap. 24 § och 9 §");
/// assert_eq!(
///     provision.to_string(),
///     "114 kap. 24 § och 9 § Socialförsäkringsbalken (2010:110)"
/// );
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Provision {
    law: Law,
    chapter: Option<u16>,
    sections: &'static [Section],
}

impl Provision {
    /// A reference to `sections` (cited in the given order) of `chapter` in `law`.
    pub const fn new(law: Law, chapter: Option<u16>, sections: &'static [Section]) -> Self {
        Self {
            law,
            chapter,
            sections,
        }
    }

    /// The law.
    pub const fn law(&self) -> Law {
        self.law
    }

    /// The chapter (`kap.`), if the law is divided into chapters.
    pub const fn chapter(&self) -> Option<u16> {
        self.chapter
    }

    /// The sections, in citation order.
    pub const fn sections(&self) -> &'static [Section] {
        self.sections
    }

    /// Chapter and sections without the law (`114 kap. 24 § och 9 §`).
    pub fn location(&self) -> String {
        let mut out = String::new();
        if let Some(chapter) = self.chapter {
            out.push_str(&format!("{chapter} kap. "));
        }
        let sections: Vec<String> = self.sections.iter().map(Section::to_string).collect();
        out.push_str(&sections.join(" och "));
        out
    }

    /// Location and running-text law name (`114 kap. 25 § socialförsäkringsbalken`).
    pub fn short_citation(&self) -> String {
        format!("{} {}", self.location(), self.law.name())
    }
}

impl fmt::Display for Provision {
    /// The full citation: location followed by the law's title and SFS number.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} {}", self.location(), self.law)
    }
}

/// The statutory basis of a disclosure: one or more [`Provision`]s.
///
/// `Display` writes the citation as the sources list it (provisions separated by `, `);
/// [`LegalBasis::lagtext`] writes it as the sentence sent in the SSBTEK `lagtext` field.
///
/// ```
/// use lefi::legal::LegalBasis;
///
/// assert_eq!(
///     LegalBasis::SFB_114_24_9.to_string(),
///     "114 kap. 24 § och 9 § Socialförsäkringsbalken (2010:110)"
/// );
/// assert_eq!(
///     LegalBasis::SOL_11_11A_FORORDNING_2008_975.lagtext(),
///     "11 kap. 11 a § socialtjänstlagen (2001:453), 5 § förordning (2008:975) \
///      om uppgiftsskyldighet i vissa fall enligt socialtjänstlagen."
/// );
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct LegalBasis {
    provisions: &'static [Provision],
}

const fn sfb(chapter: u16, sections: &'static [Section]) -> Provision {
    Provision::new(Law::Socialforsakringsbalken, Some(chapter), sections)
}

impl LegalBasis {
    /// 110 kap. 39 § socialförsäkringsbalken: disclosure for samordning under the agreement.
    pub const SFB_110_39: LegalBasis = LegalBasis::new(&[sfb(110, &[Section::new(39)])]);
    /// 114 kap. 24 § och 9 § socialförsäkringsbalken: samordning on a medium for automated
    /// processing.
    pub const SFB_114_24_9: LegalBasis =
        LegalBasis::new(&[sfb(114, &[Section::new(24), Section::new(9)])]);
    /// 114 kap. 24 § socialförsäkringsbalken: riskbedömning (the individual's consent needed).
    pub const SFB_114_24: LegalBasis = LegalBasis::new(&[sfb(114, &[Section::new(24)])]);
    /// 114 kap. 25 § socialförsäkringsbalken: pensionsprognos (the individual's consent
    /// needed).
    pub const SFB_114_25: LegalBasis = LegalBasis::new(&[sfb(114, &[Section::new(25)])]);
    /// 114 kap. 26 § socialförsäkringsbalken: skadereglering (the individual's consent needed).
    pub const SFB_114_26: LegalBasis = LegalBasis::new(&[sfb(114, &[Section::new(26)])]);
    /// 11 kap. 11 a § socialtjänstlagen and 5 § of förordning (2008:975): the SSBTEK basis
    /// for ekonomiskt bistånd.
    pub const SOL_11_11A_FORORDNING_2008_975: LegalBasis = LegalBasis::new(&[
        Provision::new(
            Law::Socialtjanstlagen,
            Some(11),
            &[Section::with_letter(11, 'a')],
        ),
        Provision::new(
            Law::ForordningUppgiftsskyldighetSol,
            None,
            &[Section::new(5)],
        ),
    ]);

    /// A basis made of `provisions`, cited in the given order.
    pub const fn new(provisions: &'static [Provision]) -> Self {
        Self { provisions }
    }

    /// The provisions, in citation order.
    pub const fn provisions(&self) -> &'static [Provision] {
        self.provisions
    }

    /// The full citation ([`Display`](fmt::Display)).
    pub fn citation(&self) -> String {
        self.to_string()
    }

    /// The citation as a sentence for a `lagtext` field: [`LegalBasis::citation`] and a full
    /// stop, the form a real municipality sends to SSBTEK.
    pub fn lagtext(&self) -> String {
        format!("{self}.")
    }

    /// Short citation for running text and error messages: locations and running-text law
    /// names, no SFS numbers (`114 kap. 25 § socialförsäkringsbalken`).
    pub fn short_citation(&self) -> String {
        let parts: Vec<String> = self
            .provisions
            .iter()
            .map(Provision::short_citation)
            .collect();
        parts.join(", ")
    }
}

impl fmt::Display for LegalBasis {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, provision) in self.provisions.iter().enumerate() {
            if i > 0 {
                f.write_str(", ")?;
            }
            write!(f, "{provision}")?;
        }
        Ok(())
    }
}
