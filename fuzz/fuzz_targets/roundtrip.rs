//! Decode (format detected) → encode in the same format → decode (as the same kind: LEFI v9
//! JSON carries no kind, and `{}` reads as several) gives an equal document; encoding to
//! every other format with loss allowed never panics.
#![no_main]

use lefi::convert::{Document, Format};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok((format, doc)) = Document::decode_detected(data) else {
        return;
    };
    if let Ok((bytes, lost)) = doc.encode(format) {
        if lost.is_empty() {
            let (again, _) = Document::decode_as(&bytes, format, doc.document_kind())
                .unwrap_or_else(|e| panic!("{format} output does not decode: {e}"));
            assert!(again == doc, "{format} round trip changed the document");
        }
    }
    for to in Format::ALL {
        drop(doc.encode(to));
    }
});
