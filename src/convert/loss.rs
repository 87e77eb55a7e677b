//! What a conversion dropped: the [`LossReport`] of every format pair, built from what
//! the lossy encoders left out ([`Dropped`]) and what conversion itself leaves behind.

use core::fmt;

use crate::wire::Dropped;

/// One dropped item: the encoders' [`Dropped`] (a property path, the gated code when a list
/// item was dropped for its code, and how many values were dropped there).
pub type LostItem = Dropped;

/// Every item a conversion dropped, in the order first met.
///
/// ```
/// use lefi::convert::LossReport;
/// use lefi::wire::Dropped;
/// let mut report = LossReport::default();
/// assert!(report.is_empty());
/// assert_eq!(report.to_string(), "nothing dropped");
/// report.add("svarsdata.SKV".to_owned(), None, 1);
/// report.extend([Dropped::new("formansinformation", Some("FK:FSJP"), 2)]);
/// assert_eq!(report.to_string(), "svarsdata.SKV: 1 dropped\nformansinformation [FK:FSJP]: 2 dropped");
/// assert_eq!(report.total(), 3);
/// ```
///
/// Serialised (for migration tooling) as the list of its items:
/// `[{"path": "formansinformation", "code": "FK:FSJP", "count": 2}]`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(transparent)]
pub struct LossReport {
    items: Vec<LostItem>,
}

impl LossReport {
    /// Whether nothing was dropped.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }

    /// The dropped items, one per (path, code).
    #[must_use]
    pub fn items(&self) -> &[LostItem] {
        &self.items
    }

    /// Total number of dropped values.
    #[must_use]
    pub fn total(&self) -> usize {
        self.items.iter().map(|i| i.count).sum()
    }

    /// Adds every item of `other` (merged with earlier entries of the same path and code).
    ///
    /// ```
    /// use lefi::convert::LossReport;
    /// let mut report = LossReport::default();
    /// report.add("a".into(), None, 1);
    /// let mut other = LossReport::default();
    /// other.add("a".into(), None, 2);
    /// report.merge(other);
    /// assert_eq!(report.total(), 3);
    /// assert_eq!(report.items().len(), 1);
    /// ```
    pub fn merge(&mut self, other: Self) {
        for item in other.items {
            self.add(item.path, item.code.as_deref(), item.count);
        }
    }

    /// Records `count` dropped values at `path` (merged with an earlier entry).
    pub fn add(&mut self, path: String, code: Option<&str>, count: usize) {
        Dropped::record(&mut self.items, path, code, count);
    }
}

impl Extend<Dropped> for LossReport {
    /// Adds what an encoder left out (merged with earlier entries of the same path and
    /// code).
    fn extend<I: IntoIterator<Item = Dropped>>(&mut self, dropped: I) {
        for d in dropped {
            self.add(d.path, d.code.as_deref(), d.count);
        }
    }
}

impl From<Vec<Dropped>> for LossReport {
    fn from(dropped: Vec<Dropped>) -> Self {
        let mut report = Self::default();
        report.extend(dropped);
        report
    }
}

impl fmt::Display for LossReport {
    /// One line per item; `nothing dropped` when empty.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.items.is_empty() {
            return f.write_str("nothing dropped");
        }
        for (i, item) in self.items.iter().enumerate() {
            if i > 0 {
                f.write_str("\n")?;
            }
            write!(f, "{item}")?;
        }
        Ok(())
    }
}
