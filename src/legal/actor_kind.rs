//! [`ActorKind`]: the kinds of organisation that ask for information.
//!
//! This module knows nothing of purposes: which purposes a kind may ask with is a column
//! of the [`Purpose`](super::Purpose) table ([`Purpose::allows`](super::Purpose::allows)),
//! decided from DOMAIN §1.1, §1.4 and §2:
//!
//! | kind | purposes |
//! |---|---|
//! | [`ActorKind::Forsakringsbolag`], [`ActorKind::Forsakringsformedlare`] | samordning (both bases), riskbedömning, pensionsprognos, skadereglering — the insurer purposes of the LEFI Online agreement |
//! | [`ActorKind::Kommun`] | ekonomiskt bistånd — the only municipal purpose the sources give a legal basis for (the SFB bases are listed for insurers) |
//! | [`ActorKind::StatligMyndighet`] | samordning (both bases) |

use std::fmt;

/// The kind of organisation asking for information.
///
/// ```
/// use lefi::legal::{ActorKind, Purpose};
///
/// assert!(Purpose::Skadereglering.allows(ActorKind::Forsakringsformedlare));
/// assert!(!Purpose::Pensionsprognos.allows(ActorKind::StatligMyndighet));
/// assert!(ActorKind::Kommun.may_have_ombud());
/// assert_eq!(ActorKind::StatligMyndighet.to_string(), "statlig myndighet");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
pub enum ActorKind {
    /// An insurance company (*försäkringsbolag*).
    Forsakringsbolag,
    /// An insurance intermediary (*försäkringsförmedlare*).
    Forsakringsformedlare,
    /// A municipality (*kommun*), mainly its *socialnämnd*.
    Kommun,
    /// A state agency (*statlig myndighet*).
    StatligMyndighet,
}

impl ActorKind {
    /// Every kind.
    pub const ALL: &'static [ActorKind] = &[
        ActorKind::Forsakringsbolag,
        ActorKind::Forsakringsformedlare,
        ActorKind::Kommun,
        ActorKind::StatligMyndighet,
    ];

    /// The Swedish name (also the `Display` form).
    pub const fn name(self) -> &'static str {
        match self {
            ActorKind::Forsakringsbolag => "försäkringsbolag",
            ActorKind::Forsakringsformedlare => "försäkringsförmedlare",
            ActorKind::Kommun => "kommun",
            ActorKind::StatligMyndighet => "statlig myndighet",
        }
    }

    /// Whether this kind may have a *personuppgiftsbiträde* act for it: only state and
    /// municipal recipients may.
    pub const fn may_have_ombud(self) -> bool {
        matches!(self, ActorKind::Kommun | ActorKind::StatligMyndighet)
    }
}

impl fmt::Display for ActorKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}
