//! The individual's consent (*samtycke*) to a disclosure.

use chrono::NaiveDate;

use super::purpose::Purpose;
use crate::id::Personnummer;

/// A consent given by one individual, for one or more purposes, from a date and optionally
/// until a date (both inclusive).
///
/// `Debug` shows the person redacted, as [`Personnummer`] does.
///
/// ```
/// use chrono::NaiveDate;
/// use lefi::id::Personnummer;
/// use lefi::legal::{Consent, ConsentError, Purpose};
///
/// let date = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).ok_or("bad date");
/// let person = Personnummer::parse("19740823-2382")?;
/// let consent = Consent::new(
///     person,
///     date(2025, 1, 1)?,
///     Some(date(2025, 12, 31)?),
///     [Purpose::Pensionsprognos],
/// )?;
/// consent.covers(Purpose::Pensionsprognos, &person, date(2025, 6, 1)?)?;
/// let err = consent
///     .covers(Purpose::Skadereglering, &person, date(2025, 6, 1)?)
///     .unwrap_err();
/// assert_eq!(err, ConsentError::PurposeNotCovered { purpose: Purpose::Skadereglering });
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Consent {
    person: Personnummer,
    given_on: NaiveDate,
    valid_until: Option<NaiveDate>,
    purposes: Vec<Purpose>,
}

impl Consent {
    /// A consent by `person`, valid from `given_on` through `valid_until` (open-ended when
    /// `None`), for `purposes` (duplicates are ignored).
    ///
    /// Fails with [`InvalidConsent::NoPurpose`] when `purposes` is empty and with
    /// [`InvalidConsent::EndsBeforeStart`] when `valid_until` is before `given_on`.
    pub fn new(
        person: Personnummer,
        given_on: NaiveDate,
        valid_until: Option<NaiveDate>,
        purposes: impl IntoIterator<Item = Purpose>,
    ) -> Result<Self, InvalidConsent> {
        let mut purposes: Vec<Purpose> = purposes.into_iter().collect();
        purposes.sort_unstable();
        purposes.dedup();
        if purposes.is_empty() {
            return Err(InvalidConsent::NoPurpose);
        }
        if valid_until.is_some_and(|until| until < given_on) {
            return Err(InvalidConsent::EndsBeforeStart);
        }
        Ok(Self {
            person,
            given_on,
            valid_until,
            purposes,
        })
    }

    /// The individual who gave the consent.
    pub fn person(&self) -> &Personnummer {
        &self.person
    }

    /// The first day the consent is valid.
    pub fn given_on(&self) -> NaiveDate {
        self.given_on
    }

    /// The last day the consent is valid, if limited.
    pub fn valid_until(&self) -> Option<NaiveDate> {
        self.valid_until
    }

    /// The purposes covered, in [`Purpose`] order without duplicates.
    pub fn purposes(&self) -> &[Purpose] {
        &self.purposes
    }

    /// `Ok` if this consent lets `purpose` be used for `person` on `on`.
    ///
    /// Checks, in this order: the person, the purpose, the start and the end date.
    pub fn covers(
        &self,
        purpose: Purpose,
        person: &Personnummer,
        on: NaiveDate,
    ) -> Result<(), ConsentError> {
        if &self.person != person {
            return Err(ConsentError::WrongPerson { purpose });
        }
        if !self.purposes.contains(&purpose) {
            return Err(ConsentError::PurposeNotCovered { purpose });
        }
        if on < self.given_on {
            return Err(ConsentError::NotYetValid {
                purpose,
                given_on: self.given_on,
            });
        }
        match self.valid_until {
            Some(valid_until) if on > valid_until => Err(ConsentError::Expired {
                purpose,
                valid_until,
            }),
            _ => Ok(()),
        }
    }
}

/// Why a [`Consent`] could not be built.
///
/// ```
/// use chrono::NaiveDate;
/// use lefi::id::Personnummer;
/// use lefi::legal::{Consent, InvalidConsent, Purpose};
///
/// let date = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).ok_or("bad date");
/// let person = Personnummer::parse("197408232382")?;
/// let none: [Purpose; 0] = [];
/// assert_eq!(
///     Consent::new(person, date(2025, 1, 1)?, None, none),
///     Err(InvalidConsent::NoPurpose)
/// );
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum InvalidConsent {
    /// A consent must name at least one purpose.
    #[error("a consent must cover at least one purpose")]
    NoPurpose,
    /// The end date is before the start date.
    #[error("a consent cannot end before it is given")]
    EndsBeforeStart,
}

/// Why a purpose may not be used for a person. Messages name the purpose and its legal basis
/// and never the person.
///
/// ```
/// use lefi::legal::{ConsentError, Purpose};
///
/// let err = ConsentError::Missing { purpose: Purpose::Pensionsprognos };
/// assert_eq!(
///     err.to_string(),
///     "pensionsprognos (114 kap. 25 § socialförsäkringsbalken) requires the individual's consent"
/// );
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum ConsentError {
    /// The purpose requires consent and none was given.
    #[error("{} requires the individual's consent", .purpose.described())]
    Missing {
        /// The purpose asked for.
        purpose: Purpose,
    },
    /// The consent was given by someone other than the person asked about.
    #[error(
        "the consent presented for {} was given by another individual",
        .purpose.described()
    )]
    WrongPerson {
        /// The purpose asked for.
        purpose: Purpose,
    },
    /// The consent does not name the purpose.
    #[error("the consent does not cover {}", .purpose.described())]
    PurposeNotCovered {
        /// The purpose asked for.
        purpose: Purpose,
    },
    /// The consent is not valid yet on the date asked about.
    #[error("the consent for {} is not valid before {given_on}", .purpose.described())]
    NotYetValid {
        /// The purpose asked for.
        purpose: Purpose,
        /// The consent's first valid day.
        given_on: NaiveDate,
    },
    /// The consent has expired on the date asked about.
    #[error("the consent for {} expired after {valid_until}", .purpose.described())]
    Expired {
        /// The purpose asked for.
        purpose: Purpose,
        /// The consent's last valid day.
        valid_until: NaiveDate,
    },
}

impl ConsentError {
    /// The purpose the error is about.
    pub fn purpose(&self) -> Purpose {
        match *self {
            ConsentError::Missing { purpose }
            | ConsentError::WrongPerson { purpose }
            | ConsentError::PurposeNotCovered { purpose }
            | ConsentError::NotYetValid { purpose, .. }
            | ConsentError::Expired { purpose, .. } => purpose,
        }
    }
}
