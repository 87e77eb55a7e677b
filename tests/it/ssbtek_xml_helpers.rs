//! The shared XML layer (`lefi::xml`): bounded reading, namespaces, positions,
//! lossless fragments and the writer.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]

use lefi::xml::{DecodeLimits, XmlDocument, XmlErrorKind, XmlReader};

use crate::support;

fn limits() -> DecodeLimits {
    DecodeLimits::default()
}

#[test]
fn doctype_and_entity_declarations_are_refused() {
    let doc = b"<?xml version=\"1.0\"?>\n<!DOCTYPE a [<!ENTITY x \"boom\">]>\n<a>&x;</a>";
    let err = XmlDocument::parse(doc, &limits()).unwrap_err();
    assert_eq!(err.kind(), &XmlErrorKind::Doctype);
    assert_eq!(err.position().line(), 2);
    let mut r = XmlReader::from_reader(&doc[..], &limits());
    let err = r.next_child().map(|_| ()).unwrap_err();
    assert_eq!(err.kind(), &XmlErrorKind::Doctype);
    assert_eq!(err.position().line(), 2);
}

#[test]
fn undeclared_entities_are_refused_with_position() {
    let err = XmlDocument::parse(b"<a>\n <b>&nbsp;</b></a>", &limits()).unwrap_err();
    assert_eq!(err.kind(), &XmlErrorKind::UnknownEntity);
    assert_eq!(err.position().line(), 2);
    assert_eq!(err.position().path(), "/a/b");
}

#[test]
fn depth_limit_is_enforced() {
    let deep = "<a>".repeat(100) + &"</a>".repeat(100);
    let err = XmlDocument::parse(deep.as_bytes(), &limits().with_max_depth(50)).unwrap_err();
    assert_eq!(err.kind(), &XmlErrorKind::TooDeep { max: 50 });
    assert!(err.position().path().starts_with("/a/a/a"));
    assert!(XmlDocument::parse(deep.as_bytes(), &limits().with_max_depth(100)).is_ok());
}

#[test]
fn size_limit_is_enforced_for_slices_and_readers() {
    let big = format!("<a>{}</a>", "x".repeat(10_000));
    let small = limits().with_max_bytes(1000);
    let err = XmlDocument::parse(big.as_bytes(), &small).unwrap_err();
    assert_eq!(err.kind(), &XmlErrorKind::TooLarge { max: 1000 });
    let mut r = XmlReader::from_reader(big.as_bytes(), &small);
    let err = (|| -> Result<(), lefi::xml::XmlError> {
        r.next_child()?;
        r.read_text()?;
        Ok(())
    })()
    .unwrap_err();
    assert_eq!(err.kind(), &XmlErrorKind::TooLarge { max: 1000 });
}

#[test]
fn truncated_input_is_an_error_with_position() {
    let err = XmlDocument::parse(b"<a>\n<b>text</b>\n<c>", &limits()).unwrap_err();
    assert_eq!(err.kind(), &XmlErrorKind::UnexpectedEof);
    assert_eq!(err.position().line(), 3);
}

#[test]
fn namespaces_resolve_independently_of_prefixes() {
    for doc in [
        &br#"<x:a xmlns:x="urn:n"><x:b>1</x:b></x:a>"#[..],
        br#"<a xmlns="urn:n"><b>1</b></a>"#,
        br#"<y:a xmlns:y="urn:n"><b xmlns="urn:n">1</b></y:a>"#,
    ] {
        let mut r = XmlReader::from_slice(doc, &limits()).unwrap();
        assert!(r.next_child().unwrap().unwrap().is(Some("urn:n"), "a"));
        assert!(r.next_child().unwrap().unwrap().is(Some("urn:n"), "b"));
        assert_eq!(r.read_text().unwrap(), "1");
        assert!(r.next_child().unwrap().is_none());
        r.finish().unwrap();
    }
}

#[test]
fn text_with_references_and_cdata_is_joined() {
    let mut r =
        XmlReader::from_slice(b"<a>x &lt;&#65;&#x42;<![CDATA[<c>]]>\r\ny</a>", &limits()).unwrap();
    r.next_child().unwrap();
    assert_eq!(r.read_text().unwrap(), "x <AB<c>\ny");
}

#[test]
fn child_element_in_text_is_reported_with_path() {
    let mut r = XmlReader::from_slice(b"<a>\n  <b>x<c/></b></a>", &limits()).unwrap();
    r.next_child().unwrap();
    r.next_child().unwrap();
    let err = r.read_text().unwrap_err();
    assert_eq!(
        err.kind(),
        &XmlErrorKind::UnexpectedElement { name: "c".into() }
    );
    assert_eq!(err.position().path(), "/a/b/c");
}

#[test]
fn unbound_prefix_is_an_error() {
    let err = XmlDocument::parse(b"<p:a/>", &limits()).unwrap_err();
    assert!(matches!(err.kind(), XmlErrorKind::UnboundPrefix { .. }));
}

#[test]
fn random_bytes_never_panic() {
    let mut seed = 0x9E37_79B9_7F4A_7C15_u64;
    for len in 0..400 {
        let mut bytes = Vec::with_capacity(len);
        for _ in 0..len {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            bytes.push(b"<>/=\"' ax:&;#![]?-\n\xff"[(seed % 20) as usize]);
        }
        let _ = XmlDocument::parse(&bytes, &limits());
        let _ = XmlDocument::parse(&bytes, &limits().with_max_depth(3));
    }
}

/// Whether `xmlequiv.py` finds the two equivalent (its report on stderr when not); `None`
/// when it cannot run (see `support::xmlequiv`).
fn equivalent(a: &[u8], b: &[u8]) -> Option<bool> {
    let result = support::xmlequiv(a, b, "xml-helpers")?;
    if let Err(report) = &result {
        eprintln!("{report}");
    }
    Some(result.is_ok())
}

#[test]
fn fixtures_survive_a_document_round_trip() {
    let Some(dir) = support::fixtures() else {
        return;
    };
    let entries = std::fs::read_dir(&dir).unwrap();
    for entry in entries {
        let path = entry.unwrap().path();
        let input = std::fs::read(&path).unwrap();
        let doc = XmlDocument::parse(&input, &limits()).unwrap();
        let output = doc.to_vec().unwrap();
        assert_eq!(XmlDocument::parse(&output, &limits()).unwrap(), doc);
        match equivalent(&input, &output) {
            Some(ok) => assert!(ok, "{} not equivalent after round trip", path.display()),
            None => eprintln!("skipping xmlequiv: ../shared/tools not found"),
        }
    }
}

#[test]
fn writer_undeclares_the_default_namespace_for_unqualified_children() {
    let doc =
        XmlDocument::parse(br#"<a xmlns="urn:n"><b xmlns=""><c/></b></a>"#, &limits()).unwrap();
    let out = String::from_utf8(doc.to_vec().unwrap()).unwrap();
    assert_eq!(out, r#"<a xmlns="urn:n"><b xmlns=""><c/></b></a>"#);
    let again = XmlDocument::parse(out.as_bytes(), &limits()).unwrap();
    let b = again.root().elements().next().unwrap();
    assert_eq!(b.name().ns(), None);
    assert_eq!(b.elements().next().unwrap().name().ns(), None);
}

/// Found by damaging a full SSBTEK answer at random (`ssbtek_answers`): a `<` inside a
/// namespace declaration was bound as written, so a document re-read after writing named
/// another namespace. Such declarations, and those with references, are refused. Fuzz
/// finding (roundtrip target, long campaign): a line break in a namespace declaration was
/// bound as written, written back as `&#10;` and then refused; a tab or line break, which
/// other readers turn into a space, is refused too.
#[test]
fn namespace_declarations_with_markup_or_references_are_refused() {
    for doc in [
        r#"<a xmlns:x="http://www.w3.org/2001/<MLSchema-instance"><x:b/></a>"#,
        r#"<a xmlns="urn:a&amp;b"><b/></a>"#,
        r#"<a><b xmlns:y="urn:&#x41;"/></a>"#,
        "<a xmlns:x=\"urn:a ],\n  \"><x:b/></a>",
        "<a><b xmlns=\"urn:a\tb\"/></a>",
        "<a xmlns:x=\"urn:a\r\"><x:b/></a>",
    ] {
        let err = XmlReader::from_slice(doc.as_bytes(), &limits())
            .and_then(|mut r| {
                while r.next_child()?.is_some() {}
                r.finish()
            })
            .unwrap_err();
        assert!(
            matches!(err.kind(), XmlErrorKind::Syntax(_)),
            "{doc}: {err}"
        );
        let mut r = XmlReader::from_reader(doc.as_bytes(), &limits());
        let err = (|| {
            while r.next_child()?.is_some() {}
            r.finish()
        })()
        .unwrap_err();
        assert!(
            matches!(err.kind(), XmlErrorKind::Syntax(_)),
            "{doc}: {err}"
        );
    }
}
