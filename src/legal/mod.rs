//! Purposes, legal basis, consent and authorisation.
//!
//! * [`Purpose`]: why information is asked for, with its [`LegalBasis`], `syfte` and
//!   `lagtext` texts, whether the individual's [`Consent`] is required and which
//!   [`ActorKind`]s may use it;
//! * [`LawfulPurpose`]: the token request builders take; purposes that need consent can only
//!   become one through a matching, valid [`Consent`];
//! * [`Actor`], [`Ombud`], [`Behorighet`]: who asks, on whose behalf, and web-UI user
//!   authorisation.
//!
//! ```
//! use chrono::NaiveDate;
//! use lefi::id::Personnummer;
//! use lefi::legal::{marker, Consent, LawfulPurpose, Purpose};
//!
//! let on = NaiveDate::from_ymd_opt(2025, 6, 1).ok_or("bad date")?;
//! let person = Personnummer::parse("197408232382")?;
//! let consent = Consent::new(person, on, None, [Purpose::Pensionsprognos])?;
//! let lawful = LawfulPurpose::with_consent(marker::Pensionsprognos, &consent, &person, on)?;
//! assert_eq!(lawful.syfte(), "Utlämnande för pensionsprognos");
//! assert_eq!(lawful.lagtext(), "114 kap. 25 § Socialförsäkringsbalken (2010:110).");
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

mod actor_kind;
mod authorisation;
mod basis;
mod benefits;
mod consent;
mod incomes;
mod lawful;
mod minimise;
mod purpose;
mod redact;

pub use actor_kind::ActorKind;
pub use authorisation::{
    Actor, AuthorisationError, Behorighet, NEW_AUTHORISATION_SYSTEM_FROM, Ombud,
};
pub use basis::{Law, LegalBasis, Provision, Section, SfsNumber};
pub use benefits::{
    BenefitsView, MinimalAmount, MinimalCase, MinimalDay, MinimalDecision, MinimalPart,
    MinimalSegment, MinimalSgi, MinimalTimeline, SGI_GROUPS,
};
pub use consent::{Consent, ConsentError, InvalidConsent};
pub use incomes::{
    Income, IncomeRow, IncomeSource, IncomesView, MonthlyTotal, SourceState, TaxItem, TaxedIncome,
};
pub use lawful::{ConsentReference, LawfulPurpose, marker};
pub use minimise::{
    Amount, Answer, MinimalPayment, MinimalPeriod, MinimalRow, MinimalSoPayment, NotAnAnswer,
    PaymentsView, payments_view,
};
pub use purpose::{ParsePurposeError, Purpose};
pub use redact::{Mask, REDACTED, Redacted, RedactedSsbtek, redacted, redacted_ssbtek};
