//! Who may ask: actors with their ombud, and web-UI user authorisation (*behörighet*).
//!
//! Which purposes an actor may ask with is the [`Purpose`] table's rule
//! ([`Purpose::allows`]); only a municipality or a state agency may use an [`Ombud`]
//! (*personuppgiftsbiträde*, [`ActorKind::may_have_ombud`]).

use chrono::{Datelike, Months, NaiveDate};

use super::actor_kind::ActorKind;
use super::purpose::Purpose;
use crate::id::Organisationsnummer;

/// Why an actor, ombud or purpose was refused. Messages never contain organisation numbers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum AuthorisationError {
    /// The actor's kind may not ask with this purpose.
    #[error("a {} may not ask for {}", .kind.name(), .purpose.described())]
    PurposeNotAllowed {
        /// The actor's kind.
        kind: ActorKind,
        /// The refused purpose.
        purpose: Purpose,
    },
    /// Only municipalities and state agencies may use an ombud.
    #[error("a {} may not use an ombud (personuppgiftsbiträde)", .kind.name())]
    OmbudNotAllowed {
        /// The actor's kind.
        kind: ActorKind,
    },
    /// An organisation name was empty or only whitespace.
    #[error("organisation name is empty")]
    EmptyName,
}

fn non_empty(namn: String) -> Result<String, AuthorisationError> {
    if namn.trim().is_empty() {
        Err(AuthorisationError::EmptyName)
    } else {
        Ok(namn)
    }
}

/// A *personuppgiftsbiträde* (ombud) processing personal data on a recipient's behalf; the
/// SSBTEK `personuppgiftsbitrade` element.
///
/// ```
/// use lefi::id::Organisationsnummer;
/// use lefi::legal::Ombud;
///
/// let orgnr = Organisationsnummer::parse("556677-8899")?;
/// let ombud = Ombud::new(orgnr, "Exempel IT AB", Some(1))?;
/// assert_eq!(ombud.namn(), "Exempel IT AB");
/// assert_eq!(ombud.ordningsnummer(), Some(1));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Ombud {
    organisationsnummer: Organisationsnummer,
    namn: String,
    ordningsnummer: Option<i16>,
}

impl Ombud {
    /// An ombud; `namn` must not be blank (the XSD's `NonEmptyString`).
    pub fn new(
        organisationsnummer: Organisationsnummer,
        namn: impl Into<String>,
        ordningsnummer: Option<i16>,
    ) -> Result<Self, AuthorisationError> {
        Ok(Self {
            organisationsnummer,
            namn: non_empty(namn.into())?,
            ordningsnummer,
        })
    }

    /// The ombud's organisation number.
    pub fn organisationsnummer(&self) -> &Organisationsnummer {
        &self.organisationsnummer
    }

    /// The ombud's name (organisation names are not personal data).
    pub fn namn(&self) -> &str {
        &self.namn
    }

    /// The optional sequence number (`xsd:short`).
    pub fn ordningsnummer(&self) -> Option<i16> {
        self.ordningsnummer
    }
}

/// An organisation asking for information, with the ombud acting for it (SSBTEK allows
/// 0..n *personuppgiftsbiträden*).
///
/// ```
/// use lefi::id::Organisationsnummer;
/// use lefi::legal::{Actor, ActorKind, AuthorisationError, Ombud, Purpose};
///
/// let kommun = Actor::new(
///     ActorKind::Kommun,
///     Organisationsnummer::parse("212000-2411")?,
///     "Sundsvalls kommun",
/// )?
/// .with_ombud(Ombud::new(Organisationsnummer::parse("556677-8899")?, "Exempel IT AB", None)?)?;
/// kommun.may_use(Purpose::EkonomisktBistand)?;
/// assert_eq!(
///     kommun.may_use(Purpose::Riskbedomning),
///     Err(AuthorisationError::PurposeNotAllowed {
///         kind: ActorKind::Kommun,
///         purpose: Purpose::Riskbedomning,
///     })
/// );
/// assert_eq!(kommun.ombud().len(), 1);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Actor {
    kind: ActorKind,
    organisationsnummer: Organisationsnummer,
    namn: String,
    ombud: Vec<Ombud>,
}

impl Actor {
    /// An actor without ombud; `namn` must not be blank.
    pub fn new(
        kind: ActorKind,
        organisationsnummer: Organisationsnummer,
        namn: impl Into<String>,
    ) -> Result<Self, AuthorisationError> {
        Ok(Self {
            kind,
            organisationsnummer,
            namn: non_empty(namn.into())?,
            ombud: Vec::new(),
        })
    }

    /// Adds an ombud; refused unless the actor is a municipality or a state agency.
    ///
    /// ```
    /// use lefi::id::Organisationsnummer;
    /// use lefi::legal::{Actor, ActorKind, AuthorisationError, Ombud};
    ///
    /// let orgnr = Organisationsnummer::parse("556677-8899")?;
    /// let insurer = Actor::new(ActorKind::Forsakringsbolag, orgnr, "Exempel Liv")?;
    /// let ombud = Ombud::new(orgnr, "Exempel IT AB", None)?;
    /// assert_eq!(
    ///     insurer.with_ombud(ombud),
    ///     Err(AuthorisationError::OmbudNotAllowed { kind: ActorKind::Forsakringsbolag })
    /// );
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn with_ombud(mut self, ombud: Ombud) -> Result<Self, AuthorisationError> {
        if !self.kind.may_have_ombud() {
            return Err(AuthorisationError::OmbudNotAllowed { kind: self.kind });
        }
        self.ombud.push(ombud);
        Ok(self)
    }

    /// The kind of organisation.
    pub fn kind(&self) -> ActorKind {
        self.kind
    }

    /// The organisation number.
    pub fn organisationsnummer(&self) -> &Organisationsnummer {
        &self.organisationsnummer
    }

    /// The organisation's name.
    pub fn namn(&self) -> &str {
        &self.namn
    }

    /// The ombud acting for this actor, in the order added.
    pub fn ombud(&self) -> &[Ombud] {
        &self.ombud
    }

    /// `Ok` if this actor's kind may ask with `purpose` ([`Purpose::allows`]).
    pub fn may_use(&self, purpose: Purpose) -> Result<(), AuthorisationError> {
        if purpose.allows(self.kind) {
            Ok(())
        } else {
            Err(AuthorisationError::PurposeNotAllowed {
                kind: self.kind,
                purpose,
            })
        }
    }
}

/// Grants from this date get the shorter validity ([`Behorighet::VALIDITY_YEARS_FROM_2025`]):
/// Försäkringskassan's new authorisation system, in use since 2025-04-11.
pub const NEW_AUTHORISATION_SYSTEM_FROM: NaiveDate = match NaiveDate::from_ymd_opt(2025, 4, 11) {
    Some(date) => date,
    None => NaiveDate::MIN,
};

/// A web-UI user's authorisation (*behörighet*) for LEFI Online.
///
/// It is valid from `granted_on` up to and including [`Behorighet::valid_until`]: two years
/// for grants from 2025-04-11, three years for earlier grants, and ends early when the user is
/// deregistered (*avanmälan*).
///
/// ```
/// use chrono::NaiveDate;
/// use lefi::legal::Behorighet;
///
/// let date = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).ok_or("bad date");
/// let new = Behorighet::new(date(2025, 4, 11)?);
/// assert_eq!(new.valid_until(), date(2027, 4, 10)?);
/// let old = Behorighet::new(date(2025, 4, 10)?);
/// assert_eq!(old.valid_until(), date(2028, 4, 9)?);
/// assert!(old.is_valid_on(date(2028, 4, 9)?));
/// assert!(!old.is_valid_on(date(2028, 4, 10)?));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Behorighet {
    granted_on: NaiveDate,
    avanmald_from: Option<NaiveDate>,
}

impl Behorighet {
    /// Validity in years of grants made before [`NEW_AUTHORISATION_SYSTEM_FROM`].
    pub const VALIDITY_YEARS_BEFORE_2025: u32 = 3;
    /// Validity in years of grants made on or after [`NEW_AUTHORISATION_SYSTEM_FROM`].
    pub const VALIDITY_YEARS_FROM_2025: u32 = 2;

    /// An authorisation granted on `granted_on`.
    pub const fn new(granted_on: NaiveDate) -> Self {
        Self {
            granted_on,
            avanmald_from: None,
        }
    }

    /// The same authorisation, deregistered (*avanmäld*) with effect from `from`: it is not
    /// valid on or after that date.
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use lefi::legal::Behorighet;
    ///
    /// let date = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).ok_or("bad date");
    /// let b = Behorighet::new(date(2025, 5, 1)?).avanmald(date(2025, 6, 1)?);
    /// assert!(b.is_valid_on(date(2025, 5, 31)?));
    /// assert!(!b.is_valid_on(date(2025, 6, 1)?));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub const fn avanmald(self, from: NaiveDate) -> Self {
        Self {
            granted_on: self.granted_on,
            avanmald_from: Some(from),
        }
    }

    /// The day it was granted.
    pub const fn granted_on(&self) -> NaiveDate {
        self.granted_on
    }

    /// The day a deregistration takes effect, if any.
    pub const fn avanmald_from(&self) -> Option<NaiveDate> {
        self.avanmald_from
    }

    /// The validity in years that applies to this grant.
    pub fn validity_years(&self) -> u32 {
        if self.granted_on >= NEW_AUTHORISATION_SYSTEM_FROM {
            Self::VALIDITY_YEARS_FROM_2025
        } else {
            Self::VALIDITY_YEARS_BEFORE_2025
        }
    }

    /// The last day of validity (inclusive), ignoring deregistration: the day before the
    /// grant's anniversary after [`Behorighet::validity_years`] years; a grant on 29 February
    /// runs through 28 February when the anniversary year has no 29 February. Saturates at
    /// [`NaiveDate::MAX`].
    pub fn valid_until(&self) -> NaiveDate {
        let months = Months::new(12 * self.validity_years());
        match self.granted_on.checked_add_months(months) {
            // chrono moved 29 February to 28 February: that day is the last one.
            Some(end) if end.day() != self.granted_on.day() => end,
            Some(end) => end.pred_opt().unwrap_or(end),
            None => NaiveDate::MAX,
        }
    }

    /// Whether the user may use the web UI on `date`.
    pub fn is_valid_on(&self, date: NaiveDate) -> bool {
        let not_deregistered = self.avanmald_from.is_none_or(|from| date < from);
        self.granted_on <= date && date <= self.valid_until() && not_deregistered
    }
}
