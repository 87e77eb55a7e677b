//! Where in an input, and how much of it: the [`Position`] every decoder's errors and
//! warnings point at and the [`DecodeLimits`] every decoder enforces. Re-exported by
//! [`wire`](crate::wire) as part of its codec contract.

use std::fmt;

/// Size and nesting limits, the same for every codec (and for the documents carried inside
/// SSBTEK payloads).
///
/// Defaults: 64 MiB and 64 levels of nesting — far above any real LEFI or SSBTEK message,
/// far below what would exhaust memory or stack.
///
/// ```
/// use lefi::input::DecodeLimits;
/// let limits = DecodeLimits::default().with_max_depth(20).with_max_bytes(1 << 20);
/// assert_eq!(limits.max_depth(), 20);
/// assert_eq!(limits.max_bytes(), 1 << 20);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct DecodeLimits {
    max_bytes: u64,
    max_depth: usize,
}

impl Default for DecodeLimits {
    fn default() -> Self {
        Self::new()
    }
}

impl DecodeLimits {
    /// The defaults: 64 MiB, 64 levels.
    #[must_use]
    pub const fn new() -> Self {
        Self {
            max_bytes: 64 * 1024 * 1024,
            max_depth: 64,
        }
    }

    /// Largest accepted document, in bytes.
    #[must_use]
    pub const fn max_bytes(&self) -> u64 {
        self.max_bytes
    }

    /// Deepest accepted nesting (of elements; of arrays and objects in JSON). The root is
    /// depth 1.
    #[must_use]
    pub const fn max_depth(&self) -> usize {
        self.max_depth
    }

    /// Sets the size limit.
    #[must_use]
    pub const fn with_max_bytes(mut self, max_bytes: u64) -> Self {
        self.max_bytes = max_bytes;
        self
    }

    /// Sets the nesting limit.
    #[must_use]
    pub const fn with_max_depth(mut self, max_depth: usize) -> Self {
        self.max_depth = max_depth;
        self
    }
}

/// Where in a document something happened.
///
/// Lines and columns are 1-based; the column counts bytes from the start of the line.
/// `path` is, in XML, the element path of the innermost open element (`/Envelope/Body/…`,
/// local names only) and, in JSON, the JSON path (`$.a[0].b`). Positions never contain document text, so they are safe to log.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default)]
pub struct Position {
    byte_offset: u64,
    line: u64,
    column: u64,
    path: String,
}

impl Position {
    /// Creates a position from its parts.
    ///
    /// ```
    /// use lefi::input::Position;
    /// let p = Position::new(10, 2, 3, "/a/b");
    /// assert_eq!(p.to_string(), "line 2, column 3, at /a/b");
    /// ```
    pub fn new(byte_offset: u64, line: u64, column: u64, path: impl Into<String>) -> Self {
        Self {
            byte_offset,
            line,
            column,
            path: path.into(),
        }
    }

    /// Byte offset from the start of the input.
    pub fn byte_offset(&self) -> u64 {
        self.byte_offset
    }

    /// 1-based line number.
    pub fn line(&self) -> u64 {
        self.line
    }

    /// 1-based column, in bytes.
    pub fn column(&self) -> u64 {
        self.column
    }

    /// Element path (local names) of the innermost open element, `/` at the top level.
    pub fn path(&self) -> &str {
        &self.path
    }
}

impl fmt::Display for Position {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let path = if self.path.is_empty() {
            "/"
        } else {
            &self.path
        };
        write!(f, "line {}, column {}, at {}", self.line, self.column, path)
    }
}
