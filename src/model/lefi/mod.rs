//! LEFI Online v9: the typed request and responses of Försäkringskassan's REST API
//! (`lefi-formansinformation-v9.openapi.yaml`, in service since 2025-03-17).
//!
//! The structs are generated from the contract by `tools/gen_lefi_v9.py`: one per
//! component schema reachable from the four documents, named exactly like the schema,
//! with the schema's description as documentation. [`SCHEMA_TYPES`] lists every schema
//! with the Rust type representing it. The documents:
//!
//! | document | type |
//! |---|---|
//! | request body of `POST …/formansinformation/fraga` | [`LefiExternFormansinformationFraga`] (build it with [`request::FragaBuilder`]) |
//! | its 200 answer | [`LefiExternFormansinformationSvar`] |
//! | 200 answer of `GET …/tillgangligaInformationstyper` | [`LefiExternTillgangligaInformationstyper`] |
//! | 4xx/5xx answer of both | [`LefiFelsvar`] |
//!
//! Decode and encode them with [`crate::wire::lefi_json`].
//!
//! Type mapping: every property the schema does not require is an `Option` (an absent
//! array and `[]` stay distinct); string enums are the typed code lists of
//! [`crate::codes`]; `LefiFranTill` is [`FranTill`](crate::period::FranTill);
//! personnummer-shaped strings are [`Personidentitet`](crate::id::Personidentitet);
//! names, addresses, contact details and free text about a person are
//! [`Sensitive`](crate::id::Sensitive) (redacted in `Debug`); `number` is an exact
//! [`rust_decimal::Decimal`]; `format: date` is [`NaiveDate`](chrono::NaiveDate);
//! `format: date-time` is [`DateTimeText`]; every other string is a
//! [`Text`](crate::text::Text) (inline up to 24 bytes, so codes and most descriptions cost
//! no allocation). Free-text FK dates (`fattades`, `datum`, …) have no format in the
//! contract and stay text. `LefiSifferkod`/`LefiBokstavskod`
//! keep their raw `id`; the context-specific code lists are reached through accessors
//! such as [`LefiUtbetalningDetalj::beloppstyp_kod`].
//!
//! ```
//! use lefi::model::lefi::LefiExternFormansinformationSvar;
//!
//! let json = br#"{"formansinformation":{"utbetalningsuppgift":[{"datum":"2024-01-25",
//!     "bruttobelopp":{"summa":1234.50,"valuta":"SEK"}}]}}"#;
//! let svar: LefiExternFormansinformationSvar = lefi::wire::lefi_json::from_slice(json)?;
//! let uppgift = &svar.formansinformation.as_ref().and_then(|f| f.utbetalningsuppgift.as_ref()).unwrap()[0];
//! let brutto = uppgift.bruttobelopp.as_ref().and_then(|b| b.belopp()).unwrap();
//! assert_eq!(brutto.to_string(), "1234.50 SEK");
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

mod generated;
mod quirk;
pub mod request;
mod values;

pub use generated::*;
pub use quirk::{ContractQuirks, ObjectOrEmptyList, Quirk, QuirkAt};
pub use values::{DateTimeText, Ersattning, ParseDateTimeError};

use rust_decimal::Decimal;

use crate::codes::{Beloppstyp, Foretag, ParseCodeError, Utbetalningstyp};
use crate::money::{Belopp, ParseValutaError, Valuta};
use crate::period::Period;

impl LefiBelopp {
    /// A wire amount from a typed [`Belopp`].
    ///
    /// ```
    /// use lefi::model::lefi::LefiBelopp;
    /// use lefi::money::Belopp;
    /// use rust_decimal::Decimal;
    ///
    /// let wire = LefiBelopp::from_belopp(&Belopp::sek(Decimal::new(1050, 2)));
    /// assert_eq!(wire.valuta.as_deref(), Some("SEK"));
    /// assert_eq!(wire.belopp(), Some(Belopp::sek(Decimal::new(1050, 2))));
    /// ```
    #[must_use]
    pub fn from_belopp(belopp: &Belopp) -> Self {
        Self {
            summa: Some(belopp.summa()),
            valuta: Some(belopp.valuta().as_str().into()),
        }
    }

    /// The amount as a typed [`Belopp`]: `Some` when `summa` is present and `valuta` is
    /// present and a valid ISO 4217 code (the contract only says it *should* be one).
    ///
    /// ```
    /// use lefi::model::lefi::LefiBelopp;
    /// let mut wire = LefiBelopp::default();
    /// wire.summa = Some("0.10".parse()?);
    /// assert_eq!(wire.belopp(), None); // no valuta
    /// wire.valuta = Some("SEK".into());
    /// assert_eq!(wire.belopp().map(|b| b.summa().to_string()), Some("0.10".into()));
    /// # Ok::<(), rust_decimal::Error>(())
    /// ```
    #[must_use]
    pub fn belopp(&self) -> Option<Belopp> {
        let valuta = self.valuta_kod()?.ok()?;
        Some(Belopp::new(self.summa?, valuta))
    }

    /// The summa, whatever the currency.
    #[must_use]
    pub fn summa(&self) -> Option<Decimal> {
        self.summa
    }

    /// The currency as a typed [`Valuta`], when present.
    ///
    /// ```
    /// use lefi::model::lefi::LefiBelopp;
    /// let mut wire = LefiBelopp::default();
    /// wire.valuta = Some("kronor".into());
    /// assert!(matches!(wire.valuta_kod(), Some(Err(_))));
    /// ```
    #[must_use]
    pub fn valuta_kod(&self) -> Option<Result<Valuta, ParseValutaError>> {
        self.valuta.as_deref().map(Valuta::parse)
    }
}

impl LefiPeriod {
    /// The period as a validated [`Period`] (`from <= tom`).
    ///
    /// # Errors
    /// When `tom` is before `from`.
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use lefi::model::lefi::LefiPeriod;
    /// let d = |m| NaiveDate::from_ymd_opt(2024, m, 1).unwrap();
    /// assert_eq!(LefiPeriod::new(d(1), d(3)).period()?.days(), 61);
    /// assert!(LefiPeriod::new(d(3), d(1)).period().is_err());
    /// # Ok::<(), lefi::period::PeriodError>(())
    /// ```
    pub fn period(&self) -> Result<Period, crate::period::PeriodError> {
        Period::new(self.from, self.tom)
    }
}

impl From<Period> for LefiPeriod {
    fn from(period: Period) -> Self {
        Self::new(period.from(), period.tom())
    }
}

impl LefiUtbetalningUppgift {
    /// `typ.id` as the typed [`Utbetalningstyp`] (0 lokal … 4 presumtiv), when present.
    ///
    /// ```
    /// use lefi::codes::Utbetalningstyp;
    /// use lefi::model::lefi::{LefiSifferkod, LefiUtbetalningUppgift};
    /// let mut u = LefiUtbetalningUppgift::default();
    /// let mut typ = LefiSifferkod::default();
    /// typ.id = Some(3);
    /// u.typ = Some(typ);
    /// assert_eq!(u.typ_kod(), Some(Ok(Utbetalningstyp::Retro)));
    /// ```
    #[must_use]
    pub fn typ_kod(&self) -> Option<Result<Utbetalningstyp, ParseCodeError>> {
        let id = self.typ.as_ref()?.id?;
        Some(int_code(id, Utbetalningstyp::from_id))
    }

    /// `foretag.id` as the typed [`Foretag`] (1001 Försäkringskassan, 1003
    /// Pensionsmyndigheten), when present.
    #[must_use]
    pub fn foretag_kod(&self) -> Option<Result<Foretag, ParseCodeError>> {
        let id = self.foretag.as_ref()?.id?;
        Some(int_code(id, Foretag::from_id))
    }
}

impl LefiUtbetalningDetalj {
    /// `beloppstyp.id` as the typed (open) [`Beloppstyp`], which knows whether the row is
    /// compensation, deduction or tax; `None` when absent.
    ///
    /// ```
    /// use lefi::codes::{Beloppstyp, BeloppsKlass};
    /// use lefi::model::lefi::{LefiBokstavskod, LefiUtbetalningDetalj};
    /// let mut rad = LefiUtbetalningDetalj::default();
    /// let mut typ = LefiBokstavskod::default();
    /// typ.id = Some("PS".into());
    /// rad.beloppstyp = Some(typ);
    /// assert_eq!(rad.beloppstyp_kod()?.map(|t| t.klass()), Some(BeloppsKlass::Skatt));
    /// # Ok::<(), lefi::codes::ParseCodeError>(())
    /// ```
    ///
    /// # Errors
    /// When the id is not even a well-formed code (empty, control characters).
    pub fn beloppstyp_kod(&self) -> Result<Option<Beloppstyp>, ParseCodeError> {
        match self.beloppstyp.as_ref().and_then(|b| b.id.as_deref()) {
            Some(id) => Beloppstyp::parse(id).map(Some),
            None => Ok(None),
        }
    }
}

/// An integer code list lookup for a wire `i64` id.
fn int_code<T>(id: i64, from: fn(u32) -> Result<T, ParseCodeError>) -> Result<T, ParseCodeError> {
    // Ids outside u32 are not in any list; map them to a value that is not either.
    from(u32::try_from(id).unwrap_or(u32::MAX))
}
