//! The XML reader's in-memory path (its own tokenizer, line ends found ahead of time
//! instead of text by text, an element's text and end tag read in one go, cached namespace
//! prefixes) against its streaming path over quick-xml, which has none of that. Both must read every document the same way,
//! errors and their positions included, and as the generator says the document reads.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]

use lefi::xml::{DecodeLimits, EventSource, XmlError, XmlErrorKind, XmlReader};
use proptest::prelude::*;

/// A piece of an element's content, written out and as read.
#[derive(Debug, Clone)]
enum Piece {
    /// Plain text (may hold `\r`).
    Text(String),
    /// `&amp;`.
    Amp,
    /// A comment (may hold `\r`), read as nothing.
    Comment(String),
    /// A CDATA section.
    CData(String),
}

/// An element of the generated document.
#[derive(Debug, Clone)]
enum Node {
    /// `<p:t>…</p:t>` (or unprefixed) with text content.
    Leaf {
        prefixed: bool,
        attr: Option<String>,
        pieces: Vec<Piece>,
    },
    /// `<e/>`, read as an empty text.
    Empty,
    /// `<c>` with child elements, optionally followed by stray text (an error).
    Container { children: Vec<Node>, stray: bool },
}

fn text() -> impl Strategy<Value = String> {
    proptest::collection::vec(
        prop_oneof![
            Just("a"),
            Just("\r\n"),
            Just("\r"),
            Just("\n"),
            Just(" "),
            Just("ö"),
            Just("𝄞"),
            Just("x:y")
        ],
        1..5,
    )
    .prop_map(|parts| parts.concat())
}

fn piece() -> impl Strategy<Value = Piece> {
    prop_oneof![
        4 => text().prop_map(Piece::Text),
        1 => Just(Piece::Amp),
        1 => text().prop_map(|t| Piece::Comment(t.replace('-', "_"))),
        1 => text().prop_map(|t| Piece::CData(t.replace(']', "_"))),
    ]
}

fn node() -> impl Strategy<Value = Node> {
    let leaf = prop_oneof![
        6 => (any::<bool>(), proptest::option::of(text()), proptest::collection::vec(piece(), 0..4))
            .prop_map(|(prefixed, attr, pieces)| Node::Leaf { prefixed, attr, pieces }),
        1 => Just(Node::Empty),
    ];
    leaf.prop_recursive(3, 24, 5, |inner| {
        (
            proptest::collection::vec(inner, 0..5),
            proptest::bool::weighted(0.05),
        )
            .prop_map(|(children, stray)| Node::Container { children, stray })
    })
}

fn write(node: &Node, out: &mut String) {
    match node {
        Node::Leaf {
            prefixed,
            attr,
            pieces,
        } => {
            let name = if *prefixed { "p:t" } else { "t" };
            out.push('<');
            out.push_str(name);
            if let Some(attr) = attr {
                out.push_str(&format!(" a=\"{attr}\""));
            }
            out.push('>');
            for piece in pieces {
                match piece {
                    Piece::Text(t) => out.push_str(t),
                    Piece::Amp => out.push_str("&amp;"),
                    Piece::Comment(t) => out.push_str(&format!("<!--{t}-->")),
                    Piece::CData(t) => out.push_str(&format!("<![CDATA[{t}]]>")),
                }
            }
            out.push_str(&format!("</{name}>"));
        }
        Node::Empty => out.push_str("<e/>"),
        Node::Container { children, stray } => {
            out.push_str("<c>");
            for child in children {
                write(child, out);
            }
            if *stray {
                out.push_str("\r\nstray");
            }
            out.push_str("</c>");
        }
    }
}

/// XML 1.0 line-end normalisation.
fn normalise(text: &str) -> String {
    text.replace("\r\n", "\n").replace('\r', "\n")
}

/// What reading `node` gives, by the generator.
fn expected(node: &Node, out: &mut Vec<String>) -> bool {
    match node {
        Node::Leaf {
            prefixed, pieces, ..
        } => {
            // line ends are normalised in each run of adjacent text as written
            let (mut text, mut run) = (String::new(), String::new());
            for piece in pieces {
                if let Piece::Text(t) = piece {
                    run.push_str(t);
                    continue;
                }
                text.push_str(&normalise(&std::mem::take(&mut run)));
                match piece {
                    Piece::Amp => text.push('&'),
                    Piece::CData(t) => text.push_str(&normalise(t)),
                    Piece::Text(_) | Piece::Comment(_) => {}
                }
            }
            text.push_str(&normalise(&run));
            let ns = if *prefixed { "urn:p" } else { "urn:d" };
            out.push(format!("{ns} t = {text:?}"));
            true
        }
        Node::Empty => {
            out.push("urn:d e = \"\"".to_owned());
            true
        }
        Node::Container { children, stray } => {
            out.push("urn:d c".to_owned());
            for child in children {
                if !expected(child, out) {
                    return false;
                }
            }
            !stray
        }
    }
}

/// Reads the element just returned, recording what it reads.
fn read<S: EventSource>(r: &mut XmlReader<S>, out: &mut Vec<String>) -> Result<(), XmlError> {
    let element = r.current_element()?;
    let (ns, local) = (element.ns().unwrap_or("-").to_owned(), element.local());
    if local == "c" {
        out.push(format!("{ns} c"));
        while r.next_child()?.is_some() {
            read(r, out)?;
        }
    } else {
        let local = local.to_owned();
        let text = r.read_text()?;
        out.push(format!("{ns} {local} = {text:?}"));
    }
    Ok(())
}

fn walk<S: EventSource>(mut r: XmlReader<S>) -> (Vec<String>, Option<XmlError>) {
    let mut out = Vec::new();
    let result = (|| {
        r.next_child()?;
        read(&mut r, &mut out)?;
        r.finish()
    })();
    (out, result.err())
}

fn document(root: &Node) -> String {
    let mut body = String::new();
    write(root, &mut body);
    // the root declares both namespaces
    body.replacen("<c>", r#"<c xmlns="urn:d" xmlns:p="urn:p">"#, 1)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn slices_and_streams_read_alike_and_as_written(
        children in proptest::collection::vec(node(), 0..6),
        lead in prop_oneof![Just(""), Just("\r\n"), Just("<!--\r-->")],
    ) {
        let root = Node::Container { children, stray: false };
        let doc = format!("{lead}{}", document(&root));
        let limits = DecodeLimits::default();
        let from_slice = walk(XmlReader::from_slice(doc.as_bytes(), &limits).unwrap());
        let from_stream = walk(XmlReader::from_reader(doc.as_bytes(), &limits));
        prop_assert_eq!(&from_slice, &from_stream);
        let mut want = Vec::new();
        let clean = expected(&root, &mut want);
        let (got, err) = from_slice;
        if clean {
            prop_assert!(err.is_none(), "{:?}", err);
            prop_assert_eq!(got, want);
        } else {
            prop_assert_eq!(err.map(|e| e.kind().clone()), Some(XmlErrorKind::UnexpectedText));
            prop_assert!(want.starts_with(&got));
        }
    }
}

#[test]
fn text_after_a_self_closed_element_is_not_its_content() {
    // `<e/>` has no content: the text after it belongs to the parent, where it is an error
    let doc = b"<c><e/>text</c>";
    let limits = DecodeLimits::default();
    let mut r = XmlReader::from_slice(doc, &limits).unwrap();
    r.next_child().unwrap();
    r.next_child().unwrap();
    assert_eq!(r.read_text().unwrap(), "");
    let err = r.next_child().err().unwrap();
    assert_eq!(err.kind(), &XmlErrorKind::UnexpectedText);
    assert_eq!(err.position().path(), "/c");
}

#[test]
fn an_element_whose_text_runs_into_a_wrong_end_tag_or_the_end_is_an_error() {
    let limits = DecodeLimits::default();
    for (doc, column) in [(&b"<c><t>x</u></c>"[..], 8), (&b"<c><t>x"[..], 8)] {
        let mut slice = XmlReader::from_slice(doc, &limits).unwrap();
        let mut stream = XmlReader::from_reader(doc, &limits);
        let mut errors = Vec::new();
        slice.next_child().unwrap();
        slice.next_child().unwrap();
        errors.push(slice.read_text().unwrap_err());
        stream.next_child().unwrap();
        stream.next_child().unwrap();
        errors.push(stream.read_text().unwrap_err());
        assert_eq!(errors[0], errors[1], "{}", String::from_utf8_lossy(doc));
        assert_eq!(errors[0].position().column(), column, "{:?}", errors[0]);
    }
}

#[test]
fn a_prefix_that_only_starts_like_the_cached_one_is_resolved() {
    let doc = br#"<p:a xmlns:p="urn:p" xmlns:pq="urn:pq"><p:b/><pq:c/><p:d/><pqr/></p:a>"#;
    let mut r = XmlReader::from_slice(doc, &DecodeLimits::default()).unwrap();
    let mut seen = Vec::new();
    r.next_child().unwrap();
    while let Some(e) = r.next_child().unwrap() {
        seen.push(format!("{}:{}", e.ns().unwrap_or("-"), e.local()));
        r.skip().unwrap();
    }
    assert_eq!(seen, ["urn:p:b", "urn:pq:c", "urn:p:d", "-:pqr"]);
}
