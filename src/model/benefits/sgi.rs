//! The sjukpenninggrundande inkomst (SGI) of an answer: [`Sgi`], read from
//! `formansinformation.sjukpenninggrundandeInkomstuppgift`.

use core::fmt;

use crate::codes::SgiTyp;
use crate::model::lefi::LefiSjukpenninggrundandeInkomstUppgift;
use crate::model::payments::{PaymentDate, StatedAmount};

/// The kind of an SGI (`typ.id`): a code of [`SgiTyp`], or a code not in the list kept
/// as received. `Display` is the numeric code.
///
/// ```
/// use lefi::codes::SgiTyp;
/// use lefi::model::benefits::SgiKind;
/// assert_eq!(SgiKind::from_id(2), SgiKind::Known(SgiTyp::Varnplikt));
/// assert_eq!(SgiKind::from_id(7), SgiKind::Unknown(7));
/// assert_eq!(SgiKind::from_id(7).to_string(), "7");
/// assert_eq!(SgiKind::from_id(3).description(), Some("Livränta"));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum SgiKind {
    /// A code of the contract's list.
    Known(SgiTyp),
    /// A code not in the list, as received.
    Unknown(i64),
}

impl SgiKind {
    /// Reads a `typ.id`: unknown codes are kept.
    #[must_use]
    pub fn from_id(id: i64) -> Self {
        u32::try_from(id)
            .ok()
            .and_then(|code| SgiTyp::from_id(code).ok())
            .map_or(Self::Unknown(id), Self::Known)
    }

    /// The numeric code, as received.
    #[must_use]
    pub fn id(&self) -> i64 {
        match self {
            Self::Known(t) => i64::from(t.id()),
            Self::Unknown(id) => *id,
        }
    }

    /// The contract's description (`A- eller B-inkomst`, `Studietid`, …), `None` for an
    /// unknown code.
    #[must_use]
    pub const fn description(&self) -> Option<&'static str> {
        match self {
            Self::Known(t) => Some(t.description()),
            Self::Unknown(_) => None,
        }
    }
}

impl fmt::Display for SgiKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.id())
    }
}

/// One SGI figure of an answer, borrowed from it: when it was established, its kind, the
/// annual incomes from employment (A-inkomst) and from business (B-inkomst) as exact
/// amounts, the karens days and the annual working time. An income figure, not an
/// identity.
///
/// ```
/// use lefi::codes::SgiTyp;
/// use lefi::model::benefits::SgiKind;
/// use lefi::model::lefi::LefiExternFormansinformationSvar;
/// let svar: LefiExternFormansinformationSvar = lefi::wire::lefi_json::from_slice(
///     br#"{"formansinformation":{"sjukpenninggrundandeInkomstuppgift":[{"faststalldes":"2024-01-15",
///         "typ":{"id":0,"beskrivning":"A- eller B-inkomst"},
///         "anstallning":{"summa":420000.00,"valuta":"SEK"},"karens":1,"dagar":260,"timmar":2080}]}}"#)?;
/// let benefits = svar.benefits();
/// let sgi = &benefits.sgi()[0];
/// assert_eq!(sgi.path(), "formansinformation.sjukpenninggrundandeInkomstuppgift[0]");
/// assert_eq!(sgi.established().map(|d| d.to_string()).as_deref(), Some("2024-01-15"));
/// assert_eq!(sgi.kind(), Some(SgiKind::Known(SgiTyp::AEllerBInkomst)));
/// assert_eq!(sgi.employment().map(|a| a.summa().to_string()).as_deref(), Some("420000.00"));
/// assert_eq!(sgi.business(), None);
/// assert_eq!((sgi.karens_days(), sgi.working_days(), sgi.working_hours()), (Some(1), Some(260), Some(2080)));
/// # Ok::<(), lefi::wire::lefi_json::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Sgi<'a> {
    index: usize,
    established: Option<PaymentDate<'a>>,
    kind: Option<SgiKind>,
    employment: Option<StatedAmount>,
    business: Option<StatedAmount>,
    karens_days: Option<i64>,
    working_days: Option<i64>,
    working_hours: Option<i64>,
}

impl<'a> Sgi<'a> {
    /// The JSON path of the list.
    pub const JSON_PATH: &'static str = "formansinformation.sjukpenninggrundandeInkomstuppgift";

    pub(super) fn read(index: usize, u: &'a LefiSjukpenninggrundandeInkomstUppgift) -> Self {
        Self {
            index,
            established: u.faststalldes.as_deref().map(PaymentDate::from_text),
            kind: u.typ.as_ref().and_then(|t| t.id).map(SgiKind::from_id),
            employment: u.anstallning.as_ref().and_then(StatedAmount::from_lefi),
            business: u.verksamhet.as_ref().and_then(StatedAmount::from_lefi),
            karens_days: u.karens,
            working_days: u.dagar,
            working_hours: u.timmar,
        }
    }

    /// The index within the list.
    #[must_use]
    pub const fn index(&self) -> usize {
        self.index
    }

    /// The JSON path (`formansinformation.sjukpenninggrundandeInkomstuppgift[0]`).
    #[must_use]
    pub fn path(&self) -> String {
        format!("{}[{}]", Self::JSON_PATH, self.index)
    }

    /// `faststalldes`: the day the figures were established (free text in the contract;
    /// read as a date when it is one).
    #[must_use]
    pub const fn established(&self) -> Option<PaymentDate<'a>> {
        self.established
    }

    /// `typ.id`: the kind (unknown codes kept).
    #[must_use]
    pub const fn kind(&self) -> Option<SgiKind> {
        self.kind
    }

    /// `anstallning`: the annual income from employment (A-inkomst), exact.
    #[must_use]
    pub const fn employment(&self) -> Option<StatedAmount> {
        self.employment
    }

    /// `verksamhet`: the annual income from business (B-inkomst), exact.
    #[must_use]
    pub const fn business(&self) -> Option<StatedAmount> {
        self.business
    }

    /// `karens`: the karens days for business income (B-inkomst).
    #[must_use]
    pub const fn karens_days(&self) -> Option<i64> {
        self.karens_days
    }

    /// `dagar`: the annual working time in days.
    #[must_use]
    pub const fn working_days(&self) -> Option<i64> {
        self.working_days
    }

    /// `timmar`: the annual working time in hours.
    #[must_use]
    pub const fn working_hours(&self) -> Option<i64> {
        self.working_hours
    }
}
