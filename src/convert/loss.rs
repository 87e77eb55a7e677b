//! What a conversion dropped: the [`LossReport`] of every format pair, built from what
//! the lossy encoders left out ([`Dropped`]) and what conversion itself leaves behind.

use core::fmt;

use crate::wire::Dropped;

/// One dropped item: a property path (JSON names, without indices), the gated code when a
/// list item was dropped for its code, and how many values were dropped there.
#[derive(Debug, Clone, PartialEq, Eq, Hash, serde::Serialize)]
#[non_exhaustive]
pub struct LostItem {
    /// `formansinformation.forebyggandeSjukpenningsarende`, `ansprak`, …
    pub path: String,
    /// The code that the target version does not allow (`FK:FSJP`, `PM:AP`), if any.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub code: Option<String>,
    /// Number of values dropped (array elements, or 1).
    pub count: usize,
}

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
        if let Some(item) = self
            .items
            .iter_mut()
            .find(|i| i.path == path && i.code.as_deref() == code)
        {
            item.count += count;
            return;
        }
        self.items.push(LostItem {
            path,
            code: code.map(str::to_owned),
            count,
        });
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

impl fmt::Display for LostItem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.path)?;
        if let Some(code) = &self.code {
            write!(f, " [{code}]")?;
        }
        write!(f, ": {} dropped", self.count)
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
