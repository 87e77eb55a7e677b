//! One view of every payment in a LEFI v9 response, and the checks of its amounts.
//!
//! A [`LefiExternFormansinformationSvar`] holds payments in four lists, in two
//! information models:
//!
//! | list | model | status |
//! |---|---|---|
//! | `formansinformation.utbetalningsuppgift` | Försäkringskassan (`LefiUtbetalningUppgift`) | executed |
//! | `formansinformation.preliminarautbetalningar` | Försäkringskassan | preliminary |
//! | `utbetalningar` | Pensionsmyndigheten (`LefiPmFormanUtbetalning`) | executed |
//! | `preliminaraUtbetalningar` | Pensionsmyndigheten | preliminary |
//!
//! [`payments`](LefiExternFormansinformationSvar::payments) yields all of them, in that
//! order, as [`AnyPayment`]; [`executed_payments`](LefiExternFormansinformationSvar::executed_payments)
//! and [`preliminary_payments`](LefiExternFormansinformationSvar::preliminary_payments) yield
//! [`Payment<'_, Executed>`](Payment) and [`Payment<'_, Preliminary>`](Payment), distinct
//! types, so a preliminary payment cannot be booked as an executed one by mistake. The
//! views borrow from the response; nothing is copied but small codes and amounts.
//! Amounts are [`Belopp`](crate::money::Belopp) where the currency is valid;
//! [`StatedAmount`] is an amount as stated, whatever its currency, and
//! [`PaymentRow::amount_field`] the one rule for which field holds a row's amount.
//!
//! [`check`](LefiExternFormansinformationSvar::check) reports where the amounts disagree
//! ([`Violation`], DOMAIN §6.1 A1–A5) without rejecting anything;
//! [`CheckedPayment`] is a payment whose amounts were checked (`TryFrom<Payment>`).
//! [`PaymentSummary`] is the plain-text table of `lefi decode --format summary`.
//!
//! ```
//! use lefi::model::lefi::LefiExternFormansinformationSvar;
//! use lefi::model::payments::{PaymentStatus, PaymentSummary};
//!
//! let json = include_bytes!(concat!(env!("CARGO_MANIFEST_DIR"), "/examples/data/lefi-v9-svar.json"));
//! let svar: LefiExternFormansinformationSvar = lefi::wire::lefi_json::from_slice(json)?;
//! assert_eq!(svar.payments().count(), 4);
//! let executed_net: Vec<String> =
//!     svar.executed_payments().filter_map(|p| p.net()).map(|b| b.to_string()).collect();
//! assert_eq!(executed_net, ["8215.00 SEK", "7403 SEK"]);
//! assert!(svar.check().is_empty());
//! println!("{}", PaymentSummary::new(&svar));
//! # Ok::<(), lefi::wire::lefi_json::Error>(())
//! ```

mod amount;
mod check;
mod summary;
mod view;

pub use amount::{AmountField, StatedAmount};
pub use check::{CheckedPayment, Inconsistent, Total, Violation, ViolationKind};
pub use status::{Executed, PaymentStatus, Preliminary, Status};
pub use summary::{PaymentSummary, SummaryLine};
pub use view::{
    AnyPayment, Omfattning, Payment, PaymentDate, PaymentList, PaymentLocation, PaymentPeriod,
    PaymentRow, PaymentSource, RowType, Rows,
};

use crate::model::lefi::{
    LefiExternFormansinformationSvar, LefiPmFormanUtbetalning, LefiUtbetalningUppgift,
};

/// The payment statuses, as values and as types.
mod status {
    use core::fmt;

    use super::view::{AnyPayment, Payment};

    /// Whether a payment is preliminary or executed, as a value.
    ///
    /// ```
    /// use lefi::model::payments::PaymentStatus;
    /// assert_eq!(PaymentStatus::Preliminary.to_string(), "preliminary");
    /// ```
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
    pub enum PaymentStatus {
        /// Decided and registered, not yet effectuated (*preliminär*); it disappears from
        /// the preliminary list once effectuated.
        Preliminary,
        /// Effectuated (*effektuerad*, *verkställd*): the agency started the payout.
        Executed,
    }

    impl PaymentStatus {
        /// `preliminary` or `executed`.
        #[must_use]
        pub const fn as_str(self) -> &'static str {
            match self {
                Self::Preliminary => "preliminary",
                Self::Executed => "executed",
            }
        }
    }

    impl fmt::Display for PaymentStatus {
        fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str(self.as_str())
        }
    }

    mod sealed {
        pub trait Sealed {}
        impl Sealed for super::Preliminary {}
        impl Sealed for super::Executed {}
    }

    /// The status of a [`Payment`] as a type: [`Preliminary`] or [`Executed`] (sealed).
    pub trait Status: sealed::Sealed + Copy + fmt::Debug + Eq + 'static {
        /// The status as a value.
        const STATUS: PaymentStatus;

        #[doc(hidden)]
        fn into_any(payment: Payment<'_, Self>) -> AnyPayment<'_>;
    }

    /// A preliminary payment (type-level status, never constructed).
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
    pub enum Preliminary {}

    /// An executed payment (type-level status, never constructed).
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
    pub enum Executed {}

    impl Status for Preliminary {
        const STATUS: PaymentStatus = PaymentStatus::Preliminary;

        fn into_any(payment: Payment<'_, Self>) -> AnyPayment<'_> {
            AnyPayment::Preliminary(payment)
        }
    }

    impl Status for Executed {
        const STATUS: PaymentStatus = PaymentStatus::Executed;

        fn into_any(payment: Payment<'_, Self>) -> AnyPayment<'_> {
            AnyPayment::Executed(payment)
        }
    }
}

fn fk_list<'a, S: Status>(
    list: Option<&'a Vec<LefiUtbetalningUppgift>>,
    which: PaymentList,
) -> impl Iterator<Item = Payment<'a, S>> + 'a {
    list.map(Vec::as_slice)
        .unwrap_or_default()
        .iter()
        .enumerate()
        .map(move |(i, u)| Payment::new(PaymentSource::Fk(u), PaymentLocation::new(which, i)))
}

fn pm_list<'a, S: Status>(
    list: Option<&'a Vec<LefiPmFormanUtbetalning>>,
    which: PaymentList,
) -> impl Iterator<Item = Payment<'a, S>> + 'a {
    list.map(Vec::as_slice)
        .unwrap_or_default()
        .iter()
        .enumerate()
        .map(move |(i, p)| Payment::new(PaymentSource::Pm(p), PaymentLocation::new(which, i)))
}

impl LefiExternFormansinformationSvar {
    /// Every payment: FK executed, FK preliminary, PM executed, PM preliminary, each
    /// list in document order.
    ///
    /// ```
    /// use lefi::model::lefi::LefiExternFormansinformationSvar;
    /// let svar: LefiExternFormansinformationSvar = lefi::wire::lefi_json::from_slice(
    ///     br#"{"preliminaraUtbetalningar":[{"bruttobelopp":10,"nettobelopp":10}]}"#)?;
    /// let all: Vec<_> = svar.payments().map(|p| p.location().to_string()).collect();
    /// assert_eq!(all, ["preliminaraUtbetalningar[0]"]);
    /// # Ok::<(), lefi::wire::lefi_json::Error>(())
    /// ```
    pub fn payments(&self) -> impl Iterator<Item = AnyPayment<'_>> + '_ {
        let fi = self.formansinformation.as_ref();
        let fk_exec = fk_list::<Executed>(
            fi.and_then(|f| f.utbetalningsuppgift.as_ref()),
            PaymentList::FkExecuted,
        );
        let fk_prel = fk_list::<Preliminary>(
            fi.and_then(|f| f.preliminarautbetalningar.as_ref()),
            PaymentList::FkPreliminary,
        );
        let pm_exec = pm_list::<Executed>(self.utbetalningar.as_ref(), PaymentList::PmExecuted);
        let pm_prel = pm_list::<Preliminary>(
            self.preliminara_utbetalningar.as_ref(),
            PaymentList::PmPreliminary,
        );
        fk_exec
            .map(AnyPayment::Executed)
            .chain(fk_prel.map(AnyPayment::Preliminary))
            .chain(pm_exec.map(AnyPayment::Executed))
            .chain(pm_prel.map(AnyPayment::Preliminary))
    }

    /// The executed payments: FK `utbetalningsuppgift`, then PM `utbetalningar`.
    ///
    /// ```
    /// use lefi::model::lefi::LefiExternFormansinformationSvar;
    /// let svar = LefiExternFormansinformationSvar::default();
    /// assert_eq!(svar.executed_payments().count(), 0);
    /// ```
    pub fn executed_payments(&self) -> impl Iterator<Item = Payment<'_, Executed>> + '_ {
        let fi = self.formansinformation.as_ref();
        fk_list(
            fi.and_then(|f| f.utbetalningsuppgift.as_ref()),
            PaymentList::FkExecuted,
        )
        .chain(pm_list(
            self.utbetalningar.as_ref(),
            PaymentList::PmExecuted,
        ))
    }

    /// The preliminary payments: FK `preliminarautbetalningar`, then PM
    /// `preliminaraUtbetalningar`.
    ///
    /// ```
    /// use lefi::model::lefi::LefiExternFormansinformationSvar;
    /// let svar: LefiExternFormansinformationSvar = lefi::wire::lefi_json::from_slice(
    ///     br#"{"formansinformation":{"preliminarautbetalningar":[{"datum":"2024-04-25"}]}}"#)?;
    /// let dates: Vec<_> = svar.preliminary_payments().filter_map(|p| p.date()).map(|d| d.to_string()).collect();
    /// assert_eq!(dates, ["2024-04-25"]);
    /// # Ok::<(), lefi::wire::lefi_json::Error>(())
    /// ```
    pub fn preliminary_payments(&self) -> impl Iterator<Item = Payment<'_, Preliminary>> + '_ {
        let fi = self.formansinformation.as_ref();
        fk_list(
            fi.and_then(|f| f.preliminarautbetalningar.as_ref()),
            PaymentList::FkPreliminary,
        )
        .chain(pm_list(
            self.preliminara_utbetalningar.as_ref(),
            PaymentList::PmPreliminary,
        ))
    }

    /// The amount invariants of every payment (see [`Payment::check`]), in the order of
    /// [`payments`](Self::payments). Empty when all amounts agree. The document itself is
    /// never rejected.
    ///
    /// ```
    /// use lefi::model::lefi::LefiExternFormansinformationSvar;
    /// use lefi::model::payments::ViolationKind;
    /// let svar: LefiExternFormansinformationSvar = lefi::wire::lefi_json::from_slice(
    ///     br#"{"utbetalningar":[{"bruttobelopp":100,"nettobelopp":80,
    ///         "avdrag":[{"belopp":30,"avdragstyp":{"kod":"PM:PS","beskrivning":"Skatt"}}]}]}"#)?;
    /// let violations = svar.check();
    /// assert_eq!(violations.len(), 1);
    /// assert_eq!(violations[0].path(), "utbetalningar[0].nettobelopp");
    /// assert!(matches!(violations[0].kind(), ViolationKind::Net { .. }));
    /// # Ok::<(), lefi::wire::lefi_json::Error>(())
    /// ```
    #[must_use]
    pub fn check(&self) -> Vec<Violation> {
        let mut out = Vec::new();
        for payment in self.payments() {
            check::check_into(payment.source(), payment.location(), &mut out);
        }
        out
    }
}
