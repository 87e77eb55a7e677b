//! [`LawfulPurpose`]: the proof, handed to request builders, that a purpose may be used.

use chrono::NaiveDate;

use super::basis::LegalBasis;
use super::consent::{Consent, ConsentError};
use super::purpose::Purpose;
use crate::id::Personnummer;

/// One zero-sized marker type per [`Purpose`], split by whether consent is required.
///
/// [`LawfulPurpose::consent_free`] accepts only [`ConsentFree`](marker::ConsentFree) markers
/// and [`LawfulPurpose::with_consent`] only [`ConsentRequired`](marker::ConsentRequired) ones,
/// so the wrong constructor does not compile. Both traits are sealed.
///
/// ```
/// use lefi::legal::marker::{self, PurposeMarker};
/// use lefi::legal::Purpose;
///
/// assert_eq!(marker::Skadereglering::PURPOSE, Purpose::Skadereglering);
/// ```
pub mod marker {
    use super::Purpose;

    mod sealed {
        pub trait Sealed {}
    }

    /// A marker type standing for one [`Purpose`].
    pub trait PurposeMarker: sealed::Sealed + Copy {
        /// The purpose it stands for.
        const PURPOSE: Purpose;
    }

    /// Markers of purposes that need no consent.
    pub trait ConsentFree: PurposeMarker {}

    /// Markers of purposes that need the individual's consent.
    pub trait ConsentRequired: PurposeMarker {}

    macro_rules! markers {
        ($kind:ident: $( $(#[$doc:meta])* $name:ident ),+ $(,)?) => {$(
            $(#[$doc])*
            #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
            pub struct $name;

            impl sealed::Sealed for $name {}

            impl PurposeMarker for $name {
                const PURPOSE: Purpose = Purpose::$name;
            }

            impl $kind for $name {}
        )+};
    }

    markers! { ConsentFree:
        /// [`Purpose::Samordning`].
        Samordning,
        /// [`Purpose::SamordningAutomatiserad`].
        SamordningAutomatiserad,
        /// [`Purpose::EkonomisktBistand`].
        EkonomisktBistand,
    }

    markers! { ConsentRequired:
        /// [`Purpose::Riskbedomning`].
        Riskbedomning,
        /// [`Purpose::Pensionsprognos`].
        Pensionsprognos,
        /// [`Purpose::Skadereglering`].
        Skadereglering,
    }

    // The marker split must agree with the purpose table.
    const _: () = {
        assert!(!Samordning::PURPOSE.requires_consent());
        assert!(!SamordningAutomatiserad::PURPOSE.requires_consent());
        assert!(!EkonomisktBistand::PURPOSE.requires_consent());
        assert!(Riskbedomning::PURPOSE.requires_consent());
        assert!(Pensionsprognos::PURPOSE.requires_consent());
        assert!(Skadereglering::PURPOSE.requires_consent());
    };
}

/// The consent a [`LawfulPurpose`] rests on, without the person.
///
/// ```
/// use chrono::NaiveDate;
/// use lefi::id::Personnummer;
/// use lefi::legal::{marker, Consent, LawfulPurpose, Purpose};
///
/// let date = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).ok_or("bad date");
/// let person = Personnummer::parse("197408232382")?;
/// let consent = Consent::new(person, date(2025, 1, 1)?, None, [Purpose::Riskbedomning])?;
/// let lawful = LawfulPurpose::with_consent(marker::Riskbedomning, &consent, &person, date(2025, 3, 1)?)?;
/// let used = lawful.consent().ok_or("no consent")?;
/// assert_eq!(used.given_on(), date(2025, 1, 1)?);
/// assert_eq!(used.valid_until(), None);
/// assert_eq!(used.checked_on(), date(2025, 3, 1)?);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct ConsentReference {
    given_on: NaiveDate,
    valid_until: Option<NaiveDate>,
    checked_on: NaiveDate,
}

impl ConsentReference {
    /// The consent's first valid day.
    pub fn given_on(&self) -> NaiveDate {
        self.given_on
    }

    /// The consent's last valid day, if limited.
    pub fn valid_until(&self) -> Option<NaiveDate> {
        self.valid_until
    }

    /// The date the consent was checked against.
    pub fn checked_on(&self) -> NaiveDate {
        self.checked_on
    }
}

/// A purpose that may lawfully be used: either one that needs no consent, or one whose
/// consent was checked against the person and a date. Request builders take
/// `&LawfulPurpose` and read [`syfte`](LawfulPurpose::syfte) and
/// [`lagtext`](LawfulPurpose::lagtext) from it; they call
/// [`check_person`](LawfulPurpose::check_person) with the person they ask about.
///
/// There is no other way to build one than the three constructors below, so no
/// `LawfulPurpose` for riskbedömning, pensionsprognos or skadereglering exists without a
/// consent that covered the purpose, the person and the date.
///
/// ```
/// use lefi::legal::{marker, LawfulPurpose};
///
/// let lawful = LawfulPurpose::consent_free(marker::EkonomisktBistand);
/// assert_eq!(lawful.syfte(), "Beslut om eller kontroll av Ekonomisk försörjningsstöd");
/// assert!(lawful.lagtext().starts_with("11 kap. 11 a § socialtjänstlagen (2001:453)"));
/// assert!(lawful.consent().is_none());
/// ```
///
/// A purpose that needs consent cannot go through the consent-free constructor:
///
/// ```compile_fail,E0277
/// use lefi::legal::{marker, LawfulPurpose};
///
/// let lawful = LawfulPurpose::consent_free(marker::Riskbedomning);
/// ```
///
/// and a consent-free purpose cannot be dressed up with a consent:
///
/// ```compile_fail,E0277
/// use chrono::NaiveDate;
/// use lefi::id::Personnummer;
/// use lefi::legal::{marker, Consent, LawfulPurpose, Purpose};
///
/// fn build(consent: &Consent, person: &Personnummer, on: NaiveDate) {
///     let _ = LawfulPurpose::with_consent(marker::Samordning, consent, person, on);
/// }
/// ```
///
/// nor can one be written as a struct literal:
///
/// ```compile_fail,E0451
/// use lefi::legal::{LawfulPurpose, Purpose};
///
/// let lawful = LawfulPurpose { purpose: Purpose::Pensionsprognos, consent: None, person: None };
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct LawfulPurpose {
    purpose: Purpose,
    consent: Option<ConsentReference>,
    person: Option<Personnummer>,
}

impl LawfulPurpose {
    /// A purpose that needs no consent (samordning, samordning on automated medium,
    /// ekonomiskt bistånd).
    pub fn consent_free<P: marker::ConsentFree>(_purpose: P) -> Self {
        Self {
            purpose: P::PURPOSE,
            consent: None,
            person: None,
        }
    }

    /// A purpose that needs consent, checked with [`Consent::covers`] for `person` on `on`.
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use lefi::id::Personnummer;
    /// use lefi::legal::{marker, Consent, ConsentError, LawfulPurpose, Purpose};
    ///
    /// let date = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).ok_or("bad date");
    /// let person = Personnummer::parse("197408232382")?;
    /// let consent = Consent::new(
    ///     person,
    ///     date(2024, 1, 1)?,
    ///     Some(date(2024, 12, 31)?),
    ///     [Purpose::Pensionsprognos],
    /// )?;
    /// let lawful =
    ///     LawfulPurpose::with_consent(marker::Pensionsprognos, &consent, &person, date(2024, 6, 1)?)?;
    /// assert_eq!(lawful.purpose(), Purpose::Pensionsprognos);
    /// lawful.check_person(&person)?;
    ///
    /// let late = LawfulPurpose::with_consent(marker::Pensionsprognos, &consent, &person, date(2025, 1, 1)?);
    /// assert!(matches!(late, Err(ConsentError::Expired { .. })));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn with_consent<P: marker::ConsentRequired>(
        _purpose: P,
        consent: &Consent,
        person: &Personnummer,
        on: NaiveDate,
    ) -> Result<Self, ConsentError> {
        Self::consented(P::PURPOSE, consent, person, on)
    }

    /// The run-time form, for a purpose chosen at run time (for example on the command line).
    ///
    /// A purpose that needs consent must come with a consent that covers it for `person` on
    /// `on` ([`ConsentError::Missing`] when `consent` is `None`); for other purposes `consent`,
    /// `person` and `on` are not used.
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use lefi::id::Personnummer;
    /// use lefi::legal::{ConsentError, LawfulPurpose, Purpose};
    ///
    /// let on = NaiveDate::from_ymd_opt(2025, 6, 1).ok_or("bad date")?;
    /// let person = Personnummer::parse("197408232382")?;
    /// let purpose: Purpose = "skadereglering".parse()?;
    /// assert_eq!(
    ///     LawfulPurpose::new(purpose, None, &person, on),
    ///     Err(ConsentError::Missing { purpose: Purpose::Skadereglering })
    /// );
    /// let samordning = LawfulPurpose::new(Purpose::Samordning, None, &person, on)?;
    /// assert_eq!(samordning.syfte(), "Utlämnande för samordning");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn new(
        purpose: Purpose,
        consent: Option<&Consent>,
        person: &Personnummer,
        on: NaiveDate,
    ) -> Result<Self, ConsentError> {
        if !purpose.requires_consent() {
            return Ok(Self {
                purpose,
                consent: None,
                person: None,
            });
        }
        match consent {
            Some(consent) => Self::consented(purpose, consent, person, on),
            None => Err(ConsentError::Missing { purpose }),
        }
    }

    fn consented(
        purpose: Purpose,
        consent: &Consent,
        person: &Personnummer,
        on: NaiveDate,
    ) -> Result<Self, ConsentError> {
        consent.covers(purpose, person, on)?;
        Ok(Self {
            purpose,
            consent: Some(ConsentReference {
                given_on: consent.given_on(),
                valid_until: consent.valid_until(),
                checked_on: on,
            }),
            person: Some(*person),
        })
    }

    /// The purpose.
    pub fn purpose(&self) -> Purpose {
        self.purpose
    }

    /// The statutory basis.
    pub fn legal_basis(&self) -> LegalBasis {
        self.purpose.legal_basis()
    }

    /// The `syfte` text ([`Purpose::syfte`]).
    pub fn syfte(&self) -> &'static str {
        self.purpose.syfte()
    }

    /// The `lagtext` sentence ([`Purpose::lagtext`]).
    pub fn lagtext(&self) -> String {
        self.purpose.lagtext()
    }

    /// The consent this rests on; `None` for consent-free purposes.
    pub fn consent(&self) -> Option<&ConsentReference> {
        self.consent.as_ref()
    }

    /// `Ok` if this may be used in a request about `person`: always for consent-free
    /// purposes, otherwise only for the person whose consent was checked
    /// ([`ConsentError::WrongPerson`]).
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use lefi::id::Personnummer;
    /// use lefi::legal::{marker, Consent, ConsentError, LawfulPurpose, Purpose};
    ///
    /// let on = NaiveDate::from_ymd_opt(2025, 6, 1).ok_or("bad date")?;
    /// let person = Personnummer::parse("197408232382")?;
    /// let other = Personnummer::parse("198112189876")?;
    /// let consent = Consent::new(person, on, None, [Purpose::Skadereglering])?;
    /// let lawful = LawfulPurpose::with_consent(marker::Skadereglering, &consent, &person, on)?;
    /// assert_eq!(
    ///     lawful.check_person(&other),
    ///     Err(ConsentError::WrongPerson { purpose: Purpose::Skadereglering })
    /// );
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn check_person(&self, person: &Personnummer) -> Result<(), ConsentError> {
        match &self.person {
            Some(consenting) if consenting != person => Err(ConsentError::WrongPerson {
                purpose: self.purpose,
            }),
            _ => Ok(()),
        }
    }
}
