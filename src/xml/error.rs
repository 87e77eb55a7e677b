//! Errors of the shared XML layer: what went wrong and where.

use crate::input::Position;

/// What went wrong while reading XML.
///
/// Messages name elements, attributes and expected types, never the text of the document.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum XmlErrorKind {
    /// The input is not well-formed XML (message from the XML parser, without document text).
    #[error("malformed xml: {0}")]
    Syntax(String),
    /// The input is not UTF-8.
    #[error("input is not valid utf-8")]
    Encoding,
    /// A `<!DOCTYPE …>` (and with it any entity declaration) was found; both are refused.
    #[error("document type declarations and entity declarations are not allowed")]
    Doctype,
    /// An entity reference other than the five predefined ones and character references.
    #[error("undeclared entity reference")]
    UnknownEntity,
    /// Elements are nested deeper than the configured limit.
    #[error("elements nested deeper than the limit of {max}")]
    TooDeep {
        /// The configured limit.
        max: usize,
    },
    /// The input is larger than the configured limit.
    #[error("document larger than the limit of {max} bytes")]
    TooLarge {
        /// The configured limit.
        max: u64,
    },
    /// The input ended inside an element.
    #[error("unexpected end of input")]
    UnexpectedEof,
    /// A namespace prefix is used without being declared.
    #[error("undeclared namespace prefix `{prefix}`")]
    UnboundPrefix {
        /// The prefix as written.
        prefix: String,
    },
    /// An element that is not allowed here.
    #[error("unexpected element `{name}`")]
    UnexpectedElement {
        /// `{namespace}local` name of the element.
        name: String,
    },
    /// A required element is missing.
    #[error("missing element `{name}`")]
    MissingElement {
        /// Local name of the missing element.
        name: &'static str,
    },
    /// An element occurs more often than allowed.
    #[error("element `{name}` occurs more often than allowed")]
    Duplicate {
        /// Local name of the element.
        name: &'static str,
    },
    /// A required attribute is missing.
    #[error("missing attribute `{name}`")]
    MissingAttribute {
        /// Local name of the attribute.
        name: &'static str,
    },
    /// Character data where only elements are allowed.
    #[error("unexpected text content")]
    UnexpectedText,
    /// A value does not have the expected type; the value itself is not repeated.
    #[error("invalid value, expected {expected}")]
    InvalidValue {
        /// Description of what was expected (`xs:date`, `xs:boolean`, …).
        expected: &'static str,
    },
    /// An embedded payload (base64 JSON, inner XML document) is invalid; `detail` comes from
    /// that payload's codec and carries no document values.
    #[error("invalid {what}: {detail}")]
    Payload {
        /// Which payload.
        what: &'static str,
        /// The payload codec's message.
        detail: String,
    },
    /// The document has no root element.
    #[error("document has no root element")]
    NoRoot,
    /// Reading the input failed.
    #[error("i/o error: {0}")]
    Io(String),
}

/// An XML reading error with the position where it happened.
///
/// ```
/// use lefi::xml::{XmlDocument, XmlErrorKind, DecodeLimits};
/// let err = XmlDocument::parse(b"<!DOCTYPE x><x/>", &DecodeLimits::default()).unwrap_err();
/// assert_eq!(err.kind(), &XmlErrorKind::Doctype);
/// assert_eq!(err.position().line(), 1);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{kind} ({position})")]
pub struct XmlError {
    kind: XmlErrorKind,
    position: Position,
}

impl XmlError {
    /// Creates an error.
    pub fn new(kind: XmlErrorKind, position: Position) -> Self {
        Self { kind, position }
    }

    /// What went wrong.
    pub fn kind(&self) -> &XmlErrorKind {
        &self.kind
    }

    /// Where it went wrong.
    pub fn position(&self) -> &Position {
        &self.position
    }

    /// Splits the error into its parts.
    pub fn into_parts(self) -> (XmlErrorKind, Position) {
        (self.kind, self.position)
    }
}

/// Converts a quick-xml error into a kind without echoing document text.
pub(crate) fn kind_from_quick_xml(err: &quick_xml::Error) -> XmlErrorKind {
    use quick_xml::Error as Q;
    use quick_xml::errors::IllFormedError;
    match err {
        Q::Io(e) => XmlErrorKind::Io(e.kind().to_string()),
        Q::Syntax(s) => XmlErrorKind::Syntax(s.to_string()),
        Q::IllFormed(IllFormedError::MissingEndTag(_)) => XmlErrorKind::UnexpectedEof,
        Q::IllFormed(e) => XmlErrorKind::Syntax(e.to_string()),
        Q::InvalidAttr(e) => XmlErrorKind::Syntax(e.to_string()),
        Q::Encoding(_) => XmlErrorKind::Encoding,
        Q::Escape(_) => XmlErrorKind::UnknownEntity,
        Q::Namespace(e) => XmlErrorKind::Syntax(e.to_string()),
        #[allow(unreachable_patterns)]
        _ => XmlErrorKind::Syntax("unknown parser error".to_owned()),
    }
}
