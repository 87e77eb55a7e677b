//! Sensitive: a string that is personal data.

use std::fmt;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use super::personal::Personal;

/// A string that is personal data: a name, an address, free text about a person.
///
/// `Debug` and `Display` print `<redacted>`; [`Sensitive::expose`] returns the text. serde is
/// transparent (a plain JSON string), because that is what the wire carries.
///
/// ```
/// use lefi::id::Sensitive;
///
/// let name = Sensitive::new("Tolvan Tolvansson");
/// assert_eq!(format!("{name} {name:?}"), "<redacted> <redacted>");
/// assert_eq!(name.expose(), "Tolvan Tolvansson");
/// assert_eq!(serde_json::to_string(&name)?, r#""Tolvan Tolvansson""#);
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Clone, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Sensitive(String);

impl Sensitive {
    /// Wraps a string that is personal data. Every string is accepted.
    ///
    /// ```
    /// # use lefi::id::Sensitive;
    /// let street = Sensitive::new(String::from("Storgatan 1"));
    /// assert_eq!(street.expose(), "Storgatan 1");
    /// # Ok::<(), std::convert::Infallible>(())
    /// ```
    pub fn new(value: impl Into<String>) -> Self {
        Self(value.into())
    }

    /// The text. This is personal data: do not log it.
    ///
    /// ```
    /// # use lefi::id::Sensitive;
    /// assert!(Sensitive::new("").expose().is_empty());
    /// # Ok::<(), std::convert::Infallible>(())
    /// ```
    pub fn expose(&self) -> &str {
        &self.0
    }

    /// Unwraps the text. This is personal data: do not log it.
    ///
    /// ```
    /// # use lefi::id::Sensitive;
    /// let s: String = Sensitive::new("Tolvan").into_exposed();
    /// assert_eq!(s, "Tolvan");
    /// # Ok::<(), std::convert::Infallible>(())
    /// ```
    pub fn into_exposed(self) -> String {
        self.0
    }
}

impl fmt::Debug for Sensitive {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("<redacted>")
    }
}

/// Always `<redacted>`.
impl fmt::Display for Sensitive {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("<redacted>")
    }
}

impl From<String> for Sensitive {
    fn from(value: String) -> Self {
        Self(value)
    }
}

impl From<&str> for Sensitive {
    fn from(value: &str) -> Self {
        Self(value.to_owned())
    }
}

/// The text, marked as personal data for [`crate::legal::redacted`]; serde_json writes just
/// the string.
impl Serialize for Sensitive {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        Personal::Text.serialize(&self.0, serializer)
    }
}

impl<'de> Deserialize<'de> for Sensitive {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        String::deserialize(deserializer).map(Self)
    }
}
