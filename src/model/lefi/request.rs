//! Building a valid `LefiExternFormansinformationFraga` and the two operations' paths.
//!
//! The rules the API enforces (DOMAIN §2.6, §6.7) are checked when the request is built,
//! so a caller's own HTTP client only sends what the API accepts:
//!
//! * the request rests on a [`LawfulPurpose`] usable for the person asked about;
//! * at least one förmånsgrupp or övrig-information type is asked for;
//! * no code appears twice in one list;
//! * a period longer than two years only with [`FragaBuilder::allow_period_over_two_years`],
//!   the caller's statement that contractual exceptions (*avtalsmässiga undantag*) exist
//!   for all named and affected groups and types.
//!
//! ```
//! use chrono::NaiveDate;
//! use lefi::codes::{FkFormanGrupp, OvrigInformationTyp};
//! use lefi::id::Personnummer;
//! use lefi::legal::{marker, LawfulPurpose};
//! use lefi::model::lefi::request::{self, FragaBuilder};
//! use lefi::period::Period;
//!
//! let d = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).ok_or("bad date");
//! let lawful = LawfulPurpose::consent_free(marker::Samordning);
//! let person = Personnummer::parse("197407029284")?;
//! let fraga = FragaBuilder::new(&lawful, &person, Period::new(d(2023, 1, 1)?, d(2024, 1, 1)?)?)?
//!     .formansinformation([FkFormanGrupp::Sjp])
//!     .ovrig_information([OvrigInformationTyp::FkGepi])
//!     .build()?;
//! let json = lefi::wire::lefi_json::to_vec(&fraga)?;
//! assert_eq!(
//!     String::from_utf8(json)?,
//!     r#"{"personnummer":"197407029284","period":{"from":"2023-01-01","tom":"2024-01-01"},"formansinformation":["FK:SJP"],"ovrigInformation":["FK:GEPI"]}"#
//! );
//! assert_eq!(
//!     request::fraga_path("ab c/1")?,
//!     "/lefi-extern-formansinformation/v9/aktorer/ab%20c%2F1/formansinformation/fraga"
//! );
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

use core::fmt::Write as _;

use super::{LefiExternFormansinformationFraga, LefiPeriod};
use crate::codes::{FkFormanGrupp, FormanGrupp, OvrigInformationTyp, PmFormanGrupp};
use crate::id::{Personidentitet, Personnummer};
use crate::legal::{ConsentError, LawfulPurpose};
use crate::period::Period;

/// The API's base path (version 9).
pub const BASE_PATH: &str = "/lefi-extern-formansinformation/v9";

/// Why a request could not be built.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum RequestError {
    /// The lawful purpose may not be used for this person (consent of someone else).
    #[error("the lawful purpose does not cover this person")]
    Purpose(#[source] ConsentError),
    /// No förmånsgrupp and no övrig-information type was asked for (the API answers 400).
    #[error("at least one förmånsgrupp or övrig-information type must be requested")]
    NothingRequested,
    /// A code appears twice in one list (the contract says `uniqueItems`).
    #[error("code {code} appears more than once in {list}")]
    DuplicateCode {
        /// The JSON name of the list.
        list: &'static str,
        /// The repeated code.
        code: &'static str,
    },
    /// The period is longer than two years and no agreed exception was stated (the API
    /// answers 400).
    #[error("period longer than two years needs an agreed exception")]
    PeriodOverTwoYears,
    /// The period ends before it starts (only a question received can have one).
    #[error("period ends before it starts")]
    InvalidPeriod,
}

/// Why an operation path could not be built.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum PathError {
    /// The aktörs-id is empty, `.` or `..` (not a usable path segment).
    #[error("aktörs-id must be a non-empty path segment other than . and ..")]
    InvalidAktorsId,
}

/// The caller's statement that contractual exceptions (*avtalsmässiga undantag*) allow a
/// period longer than two years for every group and type asked for, with a reference to
/// the agreement (kept for the caller's records; it is not sent).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct AgreedException {
    reference: String,
}

impl AgreedException {
    /// States an exception, citing the agreement (for example its diary number).
    ///
    /// ```
    /// use lefi::model::lefi::request::AgreedException;
    /// assert_eq!(AgreedException::new("FK 2024/1234").reference(), "FK 2024/1234");
    /// ```
    #[must_use]
    pub fn new(reference: impl Into<String>) -> Self {
        Self {
            reference: reference.into(),
        }
    }

    /// The cited agreement.
    #[must_use]
    pub fn reference(&self) -> &str {
        &self.reference
    }
}

/// Builds a [`LefiExternFormansinformationFraga`]; see the [module docs](self).
#[derive(Debug, Clone)]
#[must_use]
pub struct FragaBuilder {
    personnummer: Personnummer,
    period: Period,
    formansinformation: Vec<FkFormanGrupp>,
    ansprak: Vec<PmFormanGrupp>,
    beslut: Vec<PmFormanGrupp>,
    preliminara_utbetalningar: Vec<FormanGrupp>,
    utbetalningar: Vec<FormanGrupp>,
    ovrig_information: Vec<OvrigInformationTyp>,
    exception: Option<AgreedException>,
}

impl FragaBuilder {
    /// Starts a request about `person` for `period`, under `lawful`.
    ///
    /// # Errors
    /// [`RequestError::Purpose`] when `lawful` rests on another person's consent.
    pub fn new(
        lawful: &LawfulPurpose,
        person: &Personnummer,
        period: Period,
    ) -> Result<Self, RequestError> {
        lawful.check_person(person).map_err(RequestError::Purpose)?;
        Ok(Self {
            personnummer: *person,
            period,
            formansinformation: Vec::new(),
            ansprak: Vec::new(),
            beslut: Vec::new(),
            preliminara_utbetalningar: Vec::new(),
            utbetalningar: Vec::new(),
            ovrig_information: Vec::new(),
            exception: None,
        })
    }

    /// Försäkringskassan's förmånsinformation (cases, decisions, FK payments) for these
    /// groups (`formansinformation`).
    pub fn formansinformation(mut self, groups: impl IntoIterator<Item = FkFormanGrupp>) -> Self {
        self.formansinformation.extend(groups);
        self
    }

    /// Pensionsmyndigheten's anspråk for these groups (`ansprak`).
    pub fn ansprak(mut self, groups: impl IntoIterator<Item = PmFormanGrupp>) -> Self {
        self.ansprak.extend(groups);
        self
    }

    /// Pensionsmyndigheten's beslut for these groups (`beslut`).
    pub fn beslut(mut self, groups: impl IntoIterator<Item = PmFormanGrupp>) -> Self {
        self.beslut.extend(groups);
        self
    }

    /// Preliminary payments of both agencies for these groups (`preliminaraUtbetalningar`).
    pub fn preliminara_utbetalningar(
        mut self,
        groups: impl IntoIterator<Item = FormanGrupp>,
    ) -> Self {
        self.preliminara_utbetalningar.extend(groups);
        self
    }

    /// Executed payments of both agencies for these groups (`utbetalningar`).
    pub fn utbetalningar(mut self, groups: impl IntoIterator<Item = FormanGrupp>) -> Self {
        self.utbetalningar.extend(groups);
        self
    }

    /// Other information of these types (`ovrigInformation`).
    pub fn ovrig_information(
        mut self,
        types: impl IntoIterator<Item = OvrigInformationTyp>,
    ) -> Self {
        self.ovrig_information.extend(types);
        self
    }

    /// Allows a period longer than two years, on the caller's statement that agreed
    /// exceptions cover every group and type asked for.
    pub fn allow_period_over_two_years(mut self, exception: AgreedException) -> Self {
        self.exception = Some(exception);
        self
    }

    /// Checks the rules and builds the request.
    ///
    /// # Errors
    /// [`RequestError::NothingRequested`], [`RequestError::DuplicateCode`] or
    /// [`RequestError::PeriodOverTwoYears`].
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use lefi::codes::PmFormanGrupp;
    /// use lefi::id::Personnummer;
    /// use lefi::legal::{marker, LawfulPurpose};
    /// use lefi::model::lefi::request::{AgreedException, FragaBuilder, RequestError};
    /// use lefi::period::Period;
    ///
    /// let d = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).ok_or("bad date");
    /// let lawful = LawfulPurpose::consent_free(marker::Samordning);
    /// let person = Personnummer::parse("197407029284")?;
    /// let long = Period::new(d(2020, 1, 1)?, d(2024, 1, 1)?)?;
    /// let builder = FragaBuilder::new(&lawful, &person, long)?.beslut([PmFormanGrupp::Ap]);
    /// assert_eq!(builder.clone().build().unwrap_err(), RequestError::PeriodOverTwoYears);
    /// let fraga = builder.allow_period_over_two_years(AgreedException::new("avtal 17")).build()?;
    /// assert!(fraga.beslut.is_some());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn build(self) -> Result<LefiExternFormansinformationFraga, RequestError> {
        let mut fraga = LefiExternFormansinformationFraga::new(
            Personidentitet::from(&self.personnummer),
            LefiPeriod::from(self.period),
        );
        fraga.formansinformation = non_empty(self.formansinformation);
        fraga.ansprak = non_empty(self.ansprak);
        fraga.beslut = non_empty(self.beslut);
        fraga.preliminara_utbetalningar = non_empty(self.preliminara_utbetalningar);
        fraga.utbetalningar = non_empty(self.utbetalningar);
        fraga.ovrig_information = non_empty(self.ovrig_information);
        check(&fraga, self.exception.as_ref())?;
        Ok(fraga)
    }
}

/// Checks a question against the API's rules (the ones [`FragaBuilder::build`] applies,
/// for a question received rather than built: a test double, a gateway): at least one
/// group or type, no code twice in one list, a period of at most two years unless
/// `exception` is given, and `from` not after `tom`.
///
/// # Errors
/// [`RequestError::NothingRequested`], [`RequestError::DuplicateCode`],
/// [`RequestError::PeriodOverTwoYears`] or [`RequestError::InvalidPeriod`].
///
/// ```
/// use chrono::NaiveDate;
/// use lefi::model::lefi::request::{check, RequestError};
/// use lefi::model::lefi::LefiExternFormansinformationFraga;
/// use lefi::wire::lefi_json;
///
/// let fraga: LefiExternFormansinformationFraga = lefi_json::from_slice(
///     br#"{"personnummer":"197407029284","period":{"from":"2024-01-01","tom":"2024-12-31"}}"#,
/// )?;
/// assert_eq!(check(&fraga, None), Err(RequestError::NothingRequested));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn check(
    fraga: &LefiExternFormansinformationFraga,
    exception: Option<&AgreedException>,
) -> Result<(), RequestError> {
    let total = items(&fraga.formansinformation).len()
        + items(&fraga.ansprak).len()
        + items(&fraga.beslut).len()
        + items(&fraga.preliminara_utbetalningar).len()
        + items(&fraga.utbetalningar).len()
        + items(&fraga.ovrig_information).len();
    if total == 0 {
        return Err(RequestError::NothingRequested);
    }
    unique(
        "formansinformation",
        items(&fraga.formansinformation),
        FkFormanGrupp::code,
    )?;
    unique("ansprak", items(&fraga.ansprak), PmFormanGrupp::code)?;
    unique("beslut", items(&fraga.beslut), PmFormanGrupp::code)?;
    unique(
        "preliminaraUtbetalningar",
        items(&fraga.preliminara_utbetalningar),
        FormanGrupp::code,
    )?;
    unique(
        "utbetalningar",
        items(&fraga.utbetalningar),
        FormanGrupp::code,
    )?;
    unique(
        "ovrigInformation",
        items(&fraga.ovrig_information),
        OvrigInformationTyp::code,
    )?;
    let period = fraga
        .period
        .period()
        .map_err(|_| RequestError::InvalidPeriod)?;
    if period.longer_than_two_years() && exception.is_none() {
        return Err(RequestError::PeriodOverTwoYears);
    }
    Ok(())
}

/// The items of an optional list.
fn items<T>(list: &Option<Vec<T>>) -> &[T] {
    list.as_deref().unwrap_or(&[])
}

fn unique<T: PartialEq>(
    list: &'static str,
    items: &[T],
    code: fn(&T) -> &'static str,
) -> Result<(), RequestError> {
    for (i, item) in items.iter().enumerate() {
        if items.iter().skip(i + 1).any(|other| other == item) {
            return Err(RequestError::DuplicateCode {
                list,
                code: code(item),
            });
        }
    }
    Ok(())
}

fn non_empty<T>(items: Vec<T>) -> Option<Vec<T>> {
    (!items.is_empty()).then_some(items)
}

/// The path of `POST …/aktorer/{aktorsId}/formansinformation/fraga` (operation
/// `hamtaFormansinformation`), the aktörs-id percent-encoded as one path segment.
///
/// # Errors
/// [`PathError::InvalidAktorsId`] for an empty, `.` or `..` aktörs-id.
///
/// ```
/// use lefi::model::lefi::request::fraga_path;
/// assert_eq!(fraga_path("5560001234")?, "/lefi-extern-formansinformation/v9/aktorer/5560001234/formansinformation/fraga");
/// assert!(fraga_path("..").is_err());
/// # Ok::<(), lefi::model::lefi::request::PathError>(())
/// ```
pub fn fraga_path(aktors_id: &str) -> Result<String, PathError> {
    Ok(format!(
        "{BASE_PATH}/aktorer/{}/formansinformation/fraga",
        segment(aktors_id)?
    ))
}

/// The path of `GET …/aktorer/{aktorsId}/tillgangligaInformationstyper` (operation
/// `hamtaTillgangligaInformationstyper`), the aktörs-id percent-encoded.
///
/// # Errors
/// [`PathError::InvalidAktorsId`] for an empty, `.` or `..` aktörs-id.
///
/// ```
/// use lefi::model::lefi::request::tillgangliga_informationstyper_path;
/// assert_eq!(
///     tillgangliga_informationstyper_path("åäö")?,
///     "/lefi-extern-formansinformation/v9/aktorer/%C3%A5%C3%A4%C3%B6/tillgangligaInformationstyper"
/// );
/// # Ok::<(), lefi::model::lefi::request::PathError>(())
/// ```
pub fn tillgangliga_informationstyper_path(aktors_id: &str) -> Result<String, PathError> {
    Ok(format!(
        "{BASE_PATH}/aktorer/{}/tillgangligaInformationstyper",
        segment(aktors_id)?
    ))
}

/// Percent-encodes one path segment: RFC 3986 unreserved characters stay, every other
/// UTF-8 byte becomes `%XX`.
fn segment(text: &str) -> Result<String, PathError> {
    if matches!(text, "" | "." | "..") {
        return Err(PathError::InvalidAktorsId);
    }
    let mut out = String::with_capacity(text.len());
    for &b in text.as_bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~') {
            out.push(char::from(b));
        } else {
            let _ = write!(out, "%{b:02X}");
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn segment_encodes_reserved_and_non_ascii_bytes() {
        assert_eq!(segment("a-b.c_d~e"), Ok("a-b.c_d~e".to_owned()));
        assert_eq!(
            segment("a/b?c#d%e f"),
            Ok("a%2Fb%3Fc%23d%25e%20f".to_owned())
        );
        assert_eq!(segment("é"), Ok("%C3%A9".to_owned()));
        assert_eq!(segment(".."), Err(PathError::InvalidAktorsId));
        assert_eq!(segment("..."), Ok("...".to_owned()));
    }
}
