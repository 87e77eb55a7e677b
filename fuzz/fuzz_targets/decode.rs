//! Every decoder, chosen by the first input byte, on the rest of the input: none may panic.
//! 0: LEFI v9 JSON, kind decided by the decoder; 1–4: LEFI v9 JSON read as request,
//! response, available types, error; 5: LEFI XML (any version); 6: SSBTEK (any message);
//! 7: SSBTEK strictly; 8: the detected decode of every CLI command; 9: from a stream.
#![no_main]

use lefi::convert::Document;
use lefi::wire::lefi_json::DocumentKind;
use lefi::wire::{DecodeSettings, lefi_json, lefi_xml, ssbtek};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some((&selector, input)) = data.split_first() else {
        return;
    };
    let settings = DecodeSettings::new();
    match selector % 10 {
        0 => drop(lefi_json::decode_any(input, &settings)),
        k @ 1..=4 => {
            let kind = DocumentKind::ALL[usize::from(k - 1)];
            drop(lefi_json::decode_kind(input, kind, &settings));
            drop(lefi_json::decode_kind(
                input,
                kind,
                &DecodeSettings::strict(),
            ));
        }
        5 => drop(lefi_xml::decode_any(input, &settings)),
        6 => drop(ssbtek::decode_any(input, &settings)),
        7 => drop(ssbtek::decode_any(input, &DecodeSettings::strict())),
        8 => drop(Document::decode_detected(input)),
        _ => {
            drop(ssbtek::decode_reader_with(input, &settings));
            drop(lefi_xml::decode_reader_with::<
                lefi::model::lefi::LefiExternFormansinformationSvar,
                _,
            >(input, &settings));
        }
    }
});
