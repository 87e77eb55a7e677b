//! The amounts of a payment: which field holds one ([`AmountField`]) and an amount as the
//! response states it ([`StatedAmount`]).

use core::fmt;

use rust_decimal::Decimal;

use crate::codes::BeloppsKlass;
use crate::model::lefi::{LefiBelopp, LefiUtbetalningDetalj, LefiUtbetalningUppgift};
use crate::money::{Belopp, Valuta};

/// An amount field of an FK payment or row.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
pub enum AmountField {
    /// `bruttobelopp`.
    Brutto,
    /// `skattebelopp`.
    Skatt,
    /// `avdragsbelopp`.
    Avdrag,
    /// `nettobelopp`.
    Netto,
}

impl AmountField {
    /// The fields of an FK detail row, in the order a row without a (known) class is
    /// searched for its amount ([`PaymentRow::amount_field`](super::PaymentRow::amount_field)).
    pub(super) const ROW_FIELDS: [Self; 3] = [Self::Brutto, Self::Avdrag, Self::Skatt];

    /// The JSON property name.
    ///
    /// ```
    /// use lefi::model::payments::AmountField;
    /// assert_eq!(AmountField::Skatt.json_name(), "skattebelopp");
    /// ```
    #[must_use]
    pub const fn json_name(self) -> &'static str {
        match self {
            Self::Brutto => "bruttobelopp",
            Self::Skatt => "skattebelopp",
            Self::Avdrag => "avdragsbelopp",
            Self::Netto => "nettobelopp",
        }
    }

    /// The field a row of the class carries its amount in (A3).
    ///
    /// ```
    /// use lefi::codes::BeloppsKlass;
    /// use lefi::model::payments::AmountField;
    /// assert_eq!(AmountField::for_klass(BeloppsKlass::Skatt), AmountField::Skatt);
    /// assert_eq!(AmountField::for_klass(BeloppsKlass::Ersattning), AmountField::Brutto);
    /// ```
    #[must_use]
    pub const fn for_klass(klass: BeloppsKlass) -> Self {
        match klass {
            BeloppsKlass::Skatt => Self::Skatt,
            BeloppsKlass::Avdrag => Self::Avdrag,
            _ => Self::Brutto,
        }
    }

    /// This field of an FK payment.
    pub(super) fn of_payment(self, u: &LefiUtbetalningUppgift) -> Option<&LefiBelopp> {
        match self {
            Self::Brutto => u.bruttobelopp.as_ref(),
            Self::Skatt => u.skattebelopp.as_ref(),
            Self::Avdrag => u.avdragsbelopp.as_ref(),
            Self::Netto => u.nettobelopp.as_ref(),
        }
    }

    /// This field of an FK detail row (which has no `nettobelopp`).
    pub(super) fn of_row(self, d: &LefiUtbetalningDetalj) -> Option<&LefiBelopp> {
        match self {
            Self::Brutto => d.bruttobelopp.as_ref(),
            Self::Skatt => d.skattebelopp.as_ref(),
            Self::Avdrag => d.avdragsbelopp.as_ref(),
            Self::Netto => None,
        }
    }
}

impl fmt::Display for AmountField {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.json_name())
    }
}

/// An amount as the response states it: the sum, exact, and the currency when it is an
/// ISO 4217 code (`None` when FK's `valuta` is missing or not a code; PM's amounts are
/// whole SEK). [`Belopp`] is the typed amount, when the currency is valid.
///
/// ```
/// use lefi::model::lefi::LefiExternFormansinformationSvar;
/// use lefi::model::payments::AmountField;
/// let svar: LefiExternFormansinformationSvar = lefi::wire::lefi_json::from_slice(
///     br#"{"formansinformation":{"utbetalningsuppgift":[{
///         "bruttobelopp":{"summa":100.50,"valuta":"kronor"}}]}}"#)?;
/// let payment = svar.executed_payments().next().ok_or("no payment")?;
/// let gross = payment.stated(AmountField::Brutto).ok_or("no gross")?;
/// assert_eq!(gross.summa().to_string(), "100.50");
/// assert_eq!(gross.valuta(), None);
/// assert_eq!(gross.belopp(), None);
/// assert_eq!(payment.gross(), None);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct StatedAmount {
    summa: Decimal,
    valuta: Option<Valuta>,
}

impl StatedAmount {
    /// An amount as stated: the sum and, when valid, the currency.
    pub(crate) const fn new(summa: Decimal, valuta: Option<Valuta>) -> Self {
        Self { summa, valuta }
    }

    /// An FK amount: `None` without a `summa`.
    pub(crate) fn from_lefi(b: &LefiBelopp) -> Option<Self> {
        Some(Self {
            summa: b.summa()?,
            valuta: b.valuta_kod().and_then(Result::ok),
        })
    }

    /// A PM amount: whole SEK.
    pub(crate) fn sek(kronor: i64) -> Self {
        Self {
            summa: Decimal::from(kronor),
            valuta: Some(Valuta::SEK),
        }
    }

    /// The sum, with the scale received (`12450.00`, PM's whole kronor `9870`).
    #[must_use]
    pub const fn summa(&self) -> Decimal {
        self.summa
    }

    /// The currency, when the response states a valid ISO 4217 code.
    #[must_use]
    pub const fn valuta(&self) -> Option<Valuta> {
        self.valuta
    }

    /// The typed amount, when the currency is valid.
    #[must_use]
    pub fn belopp(&self) -> Option<Belopp> {
        Some(Belopp::new(self.summa, self.valuta?))
    }
}
