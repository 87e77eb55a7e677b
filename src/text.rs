//! [`Text`]: the string type of the wire models' free texts and raw codes.
//!
//! A LEFI response is mostly short strings: a code pair's `id` (`SJP`, `PS`), its
//! `beskrivning` (`Sjukpenning`, `Preliminär skatt`), a currency (`SEK`). Holding each in a
//! `String` costs one heap allocation per value, and on a typical response those
//! allocations are a quarter of the decode time. [`Text`] keeps texts of up to 24 bytes
//! inline (no allocation), keeps `&'static str` texts by reference, and puts only longer
//! texts on the heap. It reads like a `&str` (it derefs to one) and compares equal to
//! `str`, `&str` and `String`.
//!
//! Like `String`, `Text` shows its content in `Debug`. Names and identity numbers that the
//! contracts type as such have their own redacting types ([`crate::id::Sensitive`],
//! [`crate::id::Personidentitet`]); the few contract properties that carry personal data
//! in a plain string are marked by the generated model's serde form (`serialize_with`
//! into `id::personal`) and masked by [`crate::legal::redacted`].

use std::borrow::Borrow;
use std::fmt;
use std::ops::Deref;
use std::str::FromStr;

use compact_str::CompactString;

/// An immutable string, inline when short (at most 24 bytes), shared when `'static`.
///
/// The representation is private; what is visible is a `str`.
///
/// ```
/// use lefi::text::Text;
///
/// let id = Text::from("SJP");
/// assert_eq!(id, "SJP");
/// assert_eq!(id.len(), 3);
/// assert!(!id.is_heap_allocated());
///
/// let long = Text::from("Tillfällig föräldrapenning, ersättning");
/// assert!(long.is_heap_allocated());
/// assert_eq!(String::from(long), "Tillfällig föräldrapenning, ersättning");
///
/// const SEK: Text = Text::from_static("SEK");
/// assert_eq!(SEK.as_str(), "SEK");
/// ```
#[derive(Clone, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Text(CompactString);

impl Text {
    /// The longest text (in UTF-8 bytes) kept inline, without a heap allocation.
    pub const INLINE_CAPACITY: usize = std::mem::size_of::<CompactString>();

    /// A text from a `'static` string, without copying or allocating.
    ///
    /// ```
    /// use lefi::text::Text;
    ///
    /// const PRELIMINAR_SKATT: Text = Text::from_static("Preliminär skatt");
    /// assert_eq!(PRELIMINAR_SKATT, "Preliminär skatt");
    /// ```
    #[must_use]
    pub const fn from_static(text: &'static str) -> Text {
        Text(CompactString::const_new(text))
    }

    /// The text.
    ///
    /// ```
    /// use lefi::text::Text;
    ///
    /// assert_eq!(Text::from("PM:IP").as_str(), "PM:IP");
    /// ```
    #[must_use]
    pub fn as_str(&self) -> &str {
        self.0.as_str()
    }

    /// The text as an owned `String` (one allocation unless the text was on the heap).
    ///
    /// ```
    /// use lefi::text::Text;
    ///
    /// assert_eq!(Text::from("SEK").into_string(), "SEK".to_string());
    /// ```
    #[must_use]
    pub fn into_string(self) -> String {
        self.0.into_string()
    }

    /// Whether the text owns a heap allocation (it is longer than
    /// [`INLINE_CAPACITY`](Self::INLINE_CAPACITY) and not from [`from_static`](Self::from_static)).
    ///
    /// ```
    /// use lefi::text::Text;
    ///
    /// let long = "Sjuk- och aktivitetsersättning";
    /// assert!(!Text::from("Sjukpenning").is_heap_allocated());
    /// assert!(Text::from(long).is_heap_allocated());
    /// assert!(!Text::from_static(long).is_heap_allocated());
    /// ```
    #[must_use]
    pub fn is_heap_allocated(&self) -> bool {
        self.0.is_heap_allocated()
    }
}

impl Deref for Text {
    type Target = str;

    fn deref(&self) -> &str {
        self.0.as_str()
    }
}

impl AsRef<str> for Text {
    fn as_ref(&self) -> &str {
        self.0.as_str()
    }
}

impl Borrow<str> for Text {
    fn borrow(&self) -> &str {
        self.0.as_str()
    }
}

impl fmt::Debug for Text {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(self.0.as_str(), f)
    }
}

impl fmt::Display for Text {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.0.as_str())
    }
}

impl From<&str> for Text {
    fn from(text: &str) -> Self {
        Text(CompactString::new(text))
    }
}

impl From<&String> for Text {
    fn from(text: &String) -> Self {
        Text(CompactString::new(text))
    }
}

impl From<String> for Text {
    /// Reuses the `String`'s buffer when the text is too long to be inline.
    fn from(text: String) -> Self {
        Text(CompactString::from(text))
    }
}

impl From<Box<str>> for Text {
    fn from(text: Box<str>) -> Self {
        Text(CompactString::from(text))
    }
}

impl From<std::borrow::Cow<'_, str>> for Text {
    /// Reuses an owned buffer when the text is too long to be inline.
    fn from(text: std::borrow::Cow<'_, str>) -> Self {
        Text(CompactString::from(text))
    }
}

impl From<Text> for String {
    fn from(text: Text) -> Self {
        text.into_string()
    }
}

impl FromStr for Text {
    type Err = std::convert::Infallible;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Ok(Text::from(s))
    }
}

impl PartialEq<str> for Text {
    fn eq(&self, other: &str) -> bool {
        self.as_str() == other
    }
}

impl PartialEq<&str> for Text {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

impl PartialEq<String> for Text {
    fn eq(&self, other: &String) -> bool {
        self.as_str() == other.as_str()
    }
}

impl PartialEq<Text> for str {
    fn eq(&self, other: &Text) -> bool {
        self == other.as_str()
    }
}

impl PartialEq<Text> for &str {
    fn eq(&self, other: &Text) -> bool {
        *self == other.as_str()
    }
}

impl PartialEq<Text> for String {
    fn eq(&self, other: &Text) -> bool {
        self.as_str() == other.as_str()
    }
}

impl serde::Serialize for Text {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

impl<'de> serde::Deserialize<'de> for Text {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Visitor;

        impl serde::de::Visitor<'_> for Visitor {
            type Value = Text;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a string")
            }

            fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<Text, E> {
                Ok(Text::from(v))
            }

            fn visit_string<E: serde::de::Error>(self, v: String) -> Result<Text, E> {
                Ok(Text::from(v))
            }
        }

        deserializer.deserialize_str(Visitor)
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn inline_static_and_heap_texts_read_the_same() {
        let inline = Text::from("Sjukpenning");
        let stat = Text::from_static("Sjukpenning, Sjukpenning, Sjukpenning");
        let heap = Text::from(String::from("Sjukpenning, ").repeat(3));
        assert!(!inline.is_heap_allocated());
        assert!(!stat.is_heap_allocated());
        assert!(heap.is_heap_allocated());
        assert_eq!(inline, "Sjukpenning");
        assert_eq!(stat.as_str(), "Sjukpenning, Sjukpenning, Sjukpenning");
        assert_eq!(heap.as_str(), "Sjukpenning, ".repeat(3));
        assert_eq!(Text::INLINE_CAPACITY, 24);
        assert!(!Text::from("x".repeat(24)).is_heap_allocated());
        let owned: std::borrow::Cow<'_, str> = "Sjukpenning, ".repeat(3).into();
        assert_eq!(Text::from(owned), heap);
        assert!(!Text::from(std::borrow::Cow::Borrowed("SEK")).is_heap_allocated());
    }

    #[test]
    fn serde_goes_through_the_text() {
        let t: Text = serde_json::from_str(r#""Preliminär skatt""#).unwrap();
        assert_eq!(t, "Preliminär skatt");
        assert_eq!(serde_json::to_string(&t).unwrap(), r#""Preliminär skatt""#);
        let escaped: Text = serde_json::from_str(r#""a\"b""#).unwrap();
        assert_eq!(escaped, "a\"b");
        assert!(serde_json::from_str::<Text>("1").is_err());
        assert_eq!(format!("{t:?}"), r#""Preliminär skatt""#);
        assert_eq!(t.to_string(), "Preliminär skatt");
    }

    proptest::proptest! {
        #[test]
        fn any_string_round_trips(s in ".{0,60}") {
            let t = Text::from(s.as_str());
            proptest::prop_assert_eq!(t.as_str(), s.as_str());
            proptest::prop_assert_eq!(t.is_heap_allocated(), s.len() > Text::INLINE_CAPACITY);
            proptest::prop_assert_eq!(String::from(t), s);
        }
    }
}
