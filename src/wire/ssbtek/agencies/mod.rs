//! Decoders and encoders for the agency payloads inside `svarsdata/<AGENCY>/data`.

pub(crate) mod af;
pub(crate) mod csn;
pub(crate) mod fk;
pub(crate) mod miv;
pub(crate) mod skv;
pub(crate) mod so;
pub(crate) mod tns;

/// Arbetsförmedlingen `ersattningsstod/v2`.
pub const AF_NAMESPACE: &str = "http://api.arbetsformedlingen.se/arbetssokande/ersattningsstod/v2";
/// A-kassorna (INT014).
pub const SO_NAMESPACE: &str = "http://INT014.UBPService.Schemas";
/// Transportstyrelsen `hamtauppgifterresponder/1`.
pub const TNS_NAMESPACE: &str =
    "http://schema.transportstyrelsen.se/ssbtek/hamtauppgifterresponder/1";
/// Transportstyrelsen `fordon/1`.
pub const FORDON_NAMESPACE: &str = "http://schema.transportstyrelsen.se/ssbtek/fordon/1";
/// Migrationsverket (its children are unqualified).
pub const MIV_NAMESPACE: &str = "http://schema.migrationsverket.se/ssbtek/1/";
