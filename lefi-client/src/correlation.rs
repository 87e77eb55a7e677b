//! Correlation ids: one per call, sent as `x-request-id` (and as SSBTEK's `korrelationsid`
//! when the question has none), logged and returned with the answer or the error.

use std::fmt;
use std::hash::{BuildHasher, Hasher};
use std::sync::atomic::{AtomicU64, Ordering};

/// A call's correlation id: a random UUID-shaped text (version 4 layout), or one the caller
/// chose. It identifies the call, not the person.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct CorrelationId(String);

impl CorrelationId {
    /// A fresh id.
    ///
    /// ```
    /// use lefi_client::CorrelationId;
    /// let (a, b) = (CorrelationId::generate(), CorrelationId::generate());
    /// assert_ne!(a, b);
    /// assert_eq!(a.as_str().len(), 36);
    /// ```
    pub fn generate() -> Self {
        static CALLS: AtomicU64 = AtomicU64::new(0);
        let call = CALLS.fetch_add(1, Ordering::Relaxed);
        let nanos = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_nanos());
        // std's RandomState is seeded from the OS once per process and per thread.
        let word = |salt: u64| {
            let mut h = std::hash::RandomState::new().build_hasher();
            h.write_u128(nanos);
            h.write_u64(call);
            h.write_u64(salt);
            h.write_u32(std::process::id());
            h.finish()
        };
        let (hi, lo) = (word(1), word(2));
        let hi = (hi & 0xFFFF_FFFF_FFFF_0FFF) | 0x0000_0000_0000_4000;
        let lo = (lo & 0x3FFF_FFFF_FFFF_FFFF) | 0x8000_0000_0000_0000;
        Self(format!(
            "{:08x}-{:04x}-{:04x}-{:04x}-{:012x}",
            hi >> 32,
            (hi >> 16) & 0xFFFF,
            hi & 0xFFFF,
            lo >> 48,
            lo & 0xFFFF_FFFF_FFFF
        ))
    }

    /// An id the caller chose (for example its own trace id).
    pub fn new(id: impl Into<String>) -> Self {
        Self(id.into())
    }

    /// The id's text.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for CorrelationId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}
