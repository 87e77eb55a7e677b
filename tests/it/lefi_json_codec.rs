//! LEFI v9 JSON codec: exact numbers, contract quirks, unknown properties, errors with
//! paths and without personal data, limits, and "no input panics".
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]

use lefi::model::lefi::{
    Ersattning, LefiExternFormansinformationFraga, LefiExternFormansinformationSvar,
    LefiExternTillgangligaInformationstyper, LefiFelsvar, Quirk,
};
use lefi::wire::lefi_json::{self, Error, LefiDocument};
use lefi::wire::{DecodeSettings, UnknownContent, Warning, WarningKind};
use proptest::prelude::*;
use rust_decimal::Decimal;

/// The contract's own response example (DOMAIN §7.8 quirks included).
const EXAMPLE_RESPONSE: &str = r#"{
  "utlamnare": [{"utlamnare": {"kod": "FK", "namn": "Försäkringskassan"},
                 "tillstand": {"kod": "OK", "beskrivning": "Tillgänglig"}}],
  "avvikelser": [],
  "formansinformation": {
    "sjukpenningarende": [{
      "startades": "2023-04-05", "aktivt": false, "avslaget": false,
      "beslut": [{
        "fattades": "2023-06-30", "definitivt": true,
        "forman": {"id": "SJP", "beskrivning": "Sjukpenning"},
        "period": {"fran": "2023-08-07", "till": "2023-08-12"},
        "omfattning": {"taljare": 1, "namnare": 1},
        "dagar": 6, "karens": false,
        "ersattning": {"id": 101, "beskrivning": "Sjukpenning"}
      }]
    }],
    "generellPersoninformation": [{"personnummer": "197407029284", "foddes": "1960-11-23",
                                   "skyddad": false}]
  }
}"#;

fn payment(summa: &str) -> String {
    format!(
        r#"{{"formansinformation":{{"utbetalningsuppgift":[{{"datum":"2024-01-25",
            "bruttobelopp":{{"summa":{summa},"valuta":"SEK"}}}}]}}}}"#
    )
}

fn summa(svar: &LefiExternFormansinformationSvar) -> Decimal {
    let f = svar.formansinformation.as_ref().unwrap();
    let u = &f.utbetalningsuppgift.as_ref().unwrap()[0];
    u.bruttobelopp.as_ref().unwrap().summa.unwrap()
}

fn reencoded_summa(svar: &LefiExternFormansinformationSvar) -> String {
    let text = String::from_utf8(lefi_json::to_vec(svar).unwrap()).unwrap();
    let start = text.find("\"summa\":").unwrap() + "\"summa\":".len();
    text[start..].split([',', '}']).next().unwrap().to_owned()
}

#[test]
fn numbers_are_exact_and_keep_their_scale() {
    for (text, expected, encoded) in [
        ("0.1", "0.1", "0.1"),
        ("1e2", "100", "100"),
        ("1.50", "1.50", "1.50"),
        ("-0", "0", "0"),
        ("1.5E-3", "0.0015", "0.0015"),
        (
            "12345678901234567890.12",
            "12345678901234567890.12",
            "12345678901234567890.12",
        ),
    ] {
        let json = payment(text);
        let fast: LefiExternFormansinformationSvar =
            lefi_json::from_slice(json.as_bytes()).unwrap();
        let d = summa(&fast);
        assert_eq!(d.to_string().trim_start_matches('-'), expected, "{text}");
        assert_eq!(
            reencoded_summa(&fast).trim_start_matches('-'),
            encoded,
            "{text}"
        );
        assert!(d.is_zero() || !d.is_sign_negative(), "{text}");
        // The same through the serde_ignored wrapper (warn mode) and strict mode.
        for settings in [DecodeSettings::default(), DecodeSettings::strict()] {
            let decoded = lefi_json::decode_with(json.as_bytes(), &settings).unwrap();
            assert_eq!(summa(&decoded.value), d, "{text}");
        }
    }
}

#[test]
fn numbers_survive_the_unknown_field_wrapper() {
    let json = r#"{"formansinformation":{"utbetalningsuppgift":[{"nytt":{"x":[1.5,{"y":0.1}]},
        "bruttobelopp":{"summa":0.30,"valuta":"SEK","extra":2.5e1}}]}}"#;
    let decoded = lefi_json::decode_with::<LefiExternFormansinformationSvar>(
        json.as_bytes(),
        &DecodeSettings::default(),
    )
    .unwrap();
    assert_eq!(summa(&decoded.value).to_string(), "0.30");
    let paths: Vec<&str> = decoded.warnings.iter().map(|w| w.path.as_str()).collect();
    assert_eq!(
        paths,
        [
            "formansinformation.utbetalningsuppgift[0].nytt",
            "formansinformation.utbetalningsuppgift[0].bruttobelopp.extra"
        ]
    );
    assert!(
        decoded
            .warnings
            .iter()
            .all(|w| w.kind == WarningKind::UnknownProperty { kept: false })
    );
}

#[test]
fn numbers_survive_the_path_tracking_wrapper() {
    // The error comes after several numbers: the path-tracking pass must read them.
    let json = r#"{"formansinformation":{"utbetalningsuppgift":[
        {"bruttobelopp":{"summa":1.25,"valuta":"SEK"},"nettobelopp":{"summa":1e1}},
        {"bruttobelopp":{"summa":"12"}}]}}"#;
    let err =
        lefi_json::from_slice::<LefiExternFormansinformationSvar>(json.as_bytes()).unwrap_err();
    assert_eq!(
        err.path(),
        Some("formansinformation.utbetalningsuppgift[1].bruttobelopp.summa")
    );
    assert!(
        matches!(err, Error::Data { ref expected, .. } if expected.contains("JSON number")),
        "{err}"
    );
}

#[test]
fn number_fields_refuse_non_numbers() {
    for bad in [r#""1.5""#, "true", "[1]", r#"{"a":1}"#, "1e999"] {
        let json = payment(bad);
        let err =
            lefi_json::from_slice::<LefiExternFormansinformationSvar>(json.as_bytes()).unwrap_err();
        assert_eq!(
            err.path(),
            Some("formansinformation.utbetalningsuppgift[0].bruttobelopp.summa"),
            "{bad}: {err}"
        );
    }
}

#[test]
fn example_quirks_are_tolerated_reported_and_reencoded() {
    let decoded = lefi_json::decode_with::<LefiExternFormansinformationSvar>(
        EXAMPLE_RESPONSE.as_bytes(),
        &DecodeSettings::default(),
    )
    .unwrap();
    let quirk = |path: &str, q| (path.to_owned(), WarningKind::ContractQuirk { quirk: q });
    let expected = [
        quirk("avvikelser", Quirk::EmptyListForObject),
        quirk(
            "formansinformation.sjukpenningarende[0].avslaget",
            Quirk::UndeclaredProperty,
        ),
        quirk(
            "formansinformation.sjukpenningarende[0].beslut[0].ersattning",
            Quirk::CodeObjectForString,
        ),
    ];
    let got: Vec<_> = decoded
        .warnings
        .iter()
        .map(|w: &Warning| (w.path.clone(), w.kind.clone()))
        .collect();
    assert_eq!(got, expected);
    let svar = decoded.value;
    assert_eq!(svar.avvikelser, Some(Default::default()));
    let arende = &svar
        .formansinformation
        .as_ref()
        .unwrap()
        .sjukpenningarende
        .as_ref()
        .unwrap()[0];
    assert_eq!(arende.avslaget, Some(false));
    let ersattning = arende.beslut.as_ref().unwrap()[0]
        .ersattning
        .as_ref()
        .unwrap();
    assert!(matches!(ersattning, Ersattning::Kod(k) if k.id == Some(101)));
    let text = String::from_utf8(lefi_json::to_vec(&svar).unwrap()).unwrap();
    assert!(text.contains(r#""avvikelser":{}"#), "{text}");
    assert!(
        text.contains(r#""ersattning":{"id":101,"beskrivning":"Sjukpenning"}"#),
        "{text}"
    );
    assert!(text.contains(r#""avslaget":false"#), "{text}");
}

#[test]
fn strict_mode_refuses_each_quirk_with_its_path() {
    let mut settings = DecodeSettings::default();
    settings.tolerate_quirks = false;
    let cases = [
        (
            r#"{"avvikelser":[]}"#,
            "avvikelser",
            Quirk::EmptyListForObject,
        ),
        (
            r#"{"formansinformation":{"sjukpenningarende":[{"beslut":[{"ersattning":{"id":1}}]}]}}"#,
            "formansinformation.sjukpenningarende[0].beslut[0].ersattning",
            Quirk::CodeObjectForString,
        ),
        (
            r#"{"formansinformation":{"rehabersattningsarende":[{"beslut":[{"ersattning":{"id":1}}]}]}}"#,
            "formansinformation.rehabersattningsarende[0].beslut[0].ersattning",
            Quirk::CodeObjectForString,
        ),
        (
            r#"{"formansinformation":{"sjukpenningarende":[{},{"avslaget":true}]}}"#,
            "formansinformation.sjukpenningarende[1].avslaget",
            Quirk::UndeclaredProperty,
        ),
    ];
    for (json, path, quirk) in cases {
        let err =
            lefi_json::decode_with::<LefiExternFormansinformationSvar>(json.as_bytes(), &settings)
                .unwrap_err();
        assert!(
            matches!(&err, Error::ContractQuirk { path: p, quirk: q } if p == path && *q == quirk),
            "{json}: {err:?}"
        );
        // ... and the fast path tolerates them.
        lefi_json::from_slice::<LefiExternFormansinformationSvar>(json.as_bytes()).unwrap();
    }
    let available = r#"{"utlamnare":[{"utlamnare":{"kod":"PM"}}],"formansinformation":[]}"#;
    let err = lefi_json::decode_with::<LefiExternTillgangligaInformationstyper>(
        available.as_bytes(),
        &DecodeSettings::strict(),
    )
    .unwrap_err();
    assert!(
        matches!(err, Error::ContractQuirk { ref path, .. } if path == "utlamnare"),
        "{err:?}"
    );
}

#[test]
fn schema_forms_are_not_quirks() {
    let json = r#"{"avvikelser":{"formansinformation":[]},"formansinformation":{"sjukpenningarende":
        [{"beslut":[{"ersattning":"ARBETSRESOR"}]}]}}"#;
    let decoded = lefi_json::decode_with::<LefiExternFormansinformationSvar>(
        json.as_bytes(),
        &DecodeSettings::strict(),
    )
    .unwrap();
    assert!(decoded.warnings.is_empty());
    // a non-empty array is no tolerated form of an object
    let err = lefi_json::from_slice::<LefiExternFormansinformationSvar>(br#"{"avvikelser":[1]}"#)
        .unwrap_err();
    assert_eq!(err.path(), Some("avvikelser"));
}

#[test]
fn unknown_fields_warn_deny_or_ignore() {
    let json =
        br#"{"meddelande":"x","nytt":{"djup":[1,2]},"timestamp":"2024-01-01T00:00:00Z","x":1}"#;
    let warn = lefi_json::decode_with::<LefiFelsvar>(json, &DecodeSettings::default()).unwrap();
    let paths: Vec<_> = warn.warnings.iter().map(|w| w.path.as_str()).collect();
    assert_eq!(paths, ["nytt", "x"]);
    assert_eq!(
        warn.warnings[0].to_string(),
        "nytt: property not defined by the contract, ignored"
    );

    let mut settings = DecodeSettings::default();
    settings.unknown = UnknownContent::Ignore;
    let ignore = lefi_json::decode_with::<LefiFelsvar>(json, &settings).unwrap();
    assert!(ignore.warnings.is_empty());
    assert_eq!(ignore.value, warn.value);

    settings.unknown = UnknownContent::Deny;
    let err = lefi_json::decode_with::<LefiFelsvar>(json, &settings).unwrap_err();
    assert!(
        matches!(err, Error::UnknownProperty { ref position } if position.path() == "nytt"),
        "{err:?}"
    );
    assert_eq!(
        err.to_string(),
        "property not defined by the contract at nytt"
    );

    // The re-encoding drops what was ignored.
    assert_eq!(
        lefi_json::to_vec(&warn.value).unwrap(),
        br#"{"meddelande":"x","timestamp":"2024-01-01T00:00:00Z"}"#
    );
}

#[test]
fn errors_carry_the_json_path_line_and_column() {
    let json = br#"{"formansinformation":{"sjukpenningarende":[{},{},{"beslut":[{"period":{"fran":5}}]}]}}"#;
    let err = lefi_json::from_slice::<LefiExternFormansinformationSvar>(json).unwrap_err();
    assert_eq!(
        err.path(),
        Some("formansinformation.sjukpenningarende[2].beslut[0].period.fran")
    );
    assert_eq!(
        err.position().map(|p| (p.line(), p.column())),
        Some((1, 80))
    );
    let message = err.to_string();
    assert!(message.starts_with(
        "invalid value at formansinformation.sjukpenningarende[2].beslut[0].period.fran: "
    ));

    let syntax = lefi_json::from_slice::<LefiFelsvar>(br#"{"meddelande": "x",}"#).unwrap_err();
    assert!(matches!(syntax, Error::Syntax { .. }), "{syntax:?}");
    let eof = lefi_json::from_slice::<LefiFelsvar>(br#"{"meddelande": "#).unwrap_err();
    assert!(matches!(eof, Error::Syntax { .. }), "{eof:?}");
    let trailing = lefi_json::from_slice::<LefiFelsvar>(br#"{} {}"#).unwrap_err();
    assert!(
        matches!(trailing, Error::Syntax { ref position, .. } if position.path().is_empty()),
        "{trailing:?}"
    );
    let root = lefi_json::from_slice::<LefiFelsvar>(b"[]").unwrap_err();
    assert_eq!(root.path(), Some(""));
    assert!(root.to_string().contains("the document root"), "{root}");
}

#[test]
fn required_properties_are_required() {
    let err = lefi_json::from_slice::<LefiExternFormansinformationFraga>(
        br#"{"personnummer":"197407029284","period":{"from":"2023-01-01"}}"#,
    )
    .unwrap_err();
    assert_eq!(err.path(), Some("period"));
    assert!(err.to_string().contains("missing field `tom`"), "{err}");
}

#[test]
fn no_error_message_contains_personnummer_digits() {
    let pnr = "197407029284";
    let cases = [
        format!(
            r#"{{"personnummer":"{pnr}x","period":{{"from":"2023-01-01","tom":"2023-01-01"}}}}"#
        ),
        format!(r#"{{"personnummer":{pnr},"period":{{"from":"2023-01-01","tom":"2023-01-01"}}}}"#),
        format!(r#"{{"personnummer":"1","period":{{"from":"{pnr}","tom":"2023-01-01"}}}}"#),
        format!(
            r#"{{"personnummer":"{pnr}","period":{{"from":"2023-01-01","tom":"2023-01-01"}},"ansprak":["{pnr}"]}}"#
        ),
        format!(
            r#"{{"personnummer":"{pnr}","period":{{"from":"2023-01-01","tom":"2023-01-01"}},"ansprak":[{pnr}]}}"#
        ),
        format!(
            r#"{{"personnummer":"{pnr}","period":{{"from":"2023-01-01","tom":"2023-01-01"}},"x":{pnr}.5e}}"#
        ),
        format!(
            r#"{{"personnummer":"{pnr}","period":{{"from":"2023-01-01","tom":"2023-01-01"}},"ansprak":"{pnr}"}}"#
        ),
    ];
    for json in &cases {
        for settings in [DecodeSettings::default(), DecodeSettings::strict()] {
            let err = lefi_json::decode_with::<LefiExternFormansinformationFraga>(
                json.as_bytes(),
                &settings,
            )
            .unwrap_err();
            let shown = format!("{err} {err:?}");
            assert!(!shown.contains("7407029284"), "{shown}");
            assert!(!shown.contains("97407"), "{shown}");
        }
    }
    // A person's name in a number field.
    let err = lefi_json::from_slice::<LefiExternFormansinformationSvar>(
        payment(r#""Anna Svensson""#).as_bytes(),
    )
    .unwrap_err();
    assert!(!format!("{err} {err:?}").contains("Anna"), "{err}");
    // Debug of decoded values does not show identities or names either.
    let svar: LefiExternFormansinformationSvar =
        lefi_json::from_slice(br#"{"formansinformation":{"generellPersoninformation":[{"personnummer":"197407029284","namn":"Anna Svensson"}]}}"#)
            .unwrap();
    let debug = format!("{svar:?}");
    assert!(
        !debug.contains("7407029284") && !debug.contains("Anna"),
        "{debug}"
    );
}

#[test]
fn size_and_depth_are_refused_before_parsing() {
    let mut settings = DecodeSettings::default();
    settings.limits = settings.limits.with_max_bytes(20);
    let err = lefi_json::decode_with::<LefiFelsvar>(br#"{"meddelande":"0123456789"}"#, &settings)
        .unwrap_err();
    assert!(matches!(err, Error::TooLarge { max: 20 }), "{err:?}");
    // refused before parsing: invalid JSON of the same size gives the same error
    let err = lefi_json::decode_with::<LefiFelsvar>(&[b'{'; 21], &settings).unwrap_err();
    assert!(matches!(err, Error::TooLarge { .. }), "{err:?}");
    let err =
        lefi_json::decode_reader_with::<LefiFelsvar, _>(&[b' '; 100][..], &settings).unwrap_err();
    assert!(matches!(err, Error::TooLarge { .. }), "{err:?}");

    let mut settings = DecodeSettings::default();
    settings.limits = settings.limits.with_max_depth(3);
    let ok = br#"{"meddelande":"[[[[[[{{{{"}"#;
    lefi_json::decode_with::<LefiFelsvar>(ok, &settings).unwrap();
    let deep = br#"{"x":[[[1]]]}"#;
    let err = lefi_json::decode_with::<LefiFelsvar>(deep, &settings).unwrap_err();
    assert!(
        matches!(
            err,
            Error::TooDeep {
                max: 3,
                ref position
            } if (position.line(), position.column()) == (1, 8)
        ),
        "{err:?}"
    );
    // the default depth limit refuses what serde_json's own recursion limit would meet
    let nested = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
    let err =
        lefi_json::from_slice::<LefiExternFormansinformationSvar>(nested.as_bytes()).unwrap_err();
    assert!(matches!(err, Error::TooDeep { max: 64, .. }), "{err:?}");
}

/// `{"formansinformation":{"x":` + `depth - 2` nested arrays + `}}`: the whole document is
/// `depth` deep, the depth reached inside an unknown property.
fn deep_unknown(depth: usize) -> Vec<u8> {
    let inner = depth - 2;
    format!(
        r#"{{"formansinformation":{{"x":{}{}}}}}"#,
        "[".repeat(inner),
        "]".repeat(inner)
    )
    .into_bytes()
}

#[test]
fn depth_is_checked_inside_skipped_values_and_before_a_low_limit() {
    // deeper than the model's schema, but only inside an unknown property
    const { assert!(LefiExternFormansinformationSvar::SCHEMA_DEPTH < 64) };
    lefi_json::from_slice::<LefiExternFormansinformationSvar>(&deep_unknown(64)).unwrap();
    for settings in [DecodeSettings::default(), DecodeSettings::strict()] {
        let mut ignore = settings;
        ignore.unknown = UnknownContent::Ignore;
        for s in [settings, ignore] {
            let err =
                lefi_json::decode_with::<LefiExternFormansinformationSvar>(&deep_unknown(65), &s)
                    .unwrap_err();
            assert!(matches!(err, Error::TooDeep { max: 64, .. }), "{err:?}");
        }
    }
    let err =
        lefi_json::from_slice::<LefiExternFormansinformationSvar>(&deep_unknown(65)).unwrap_err();
    assert!(matches!(err, Error::TooDeep { max: 64, .. }), "{err:?}");
    // too deep and wrong elsewhere: the depth is what is reported
    let mut both = deep_unknown(65);
    both.splice(1..1, br#""avvikelser":7,"#.iter().copied());
    let err = lefi_json::from_slice::<LefiExternFormansinformationSvar>(&both).unwrap_err();
    assert!(matches!(err, Error::TooDeep { .. }), "{err:?}");

    // a limit below the schema's depth is met by the typed model itself
    let typed = br#"{"formansinformation":{"utbetalningsuppgift":[{"bruttobelopp":{"summa":1}}]}}"#;
    lefi_json::from_slice::<LefiExternFormansinformationSvar>(typed).unwrap();
    let mut settings = DecodeSettings::default();
    settings.limits = settings.limits.with_max_depth(5);
    lefi_json::decode_with::<LefiExternFormansinformationSvar>(typed, &settings).unwrap();
    settings.limits = settings.limits.with_max_depth(4);
    let err =
        lefi_json::decode_with::<LefiExternFormansinformationSvar>(typed, &settings).unwrap_err();
    assert!(
        matches!(
            err,
            Error::TooDeep {
                max: 4,
                ref position
            } if (position.line(), position.column()) == (1, 63)
        ),
        "{err:?}"
    );
}

#[test]
fn dates_and_date_times_round_trip_exactly() {
    let json = br#"{"meddelande":"Fel","timestamp":"2024-03-01T10:15:00.120000+01:00"}"#;
    let felsvar: LefiFelsvar = lefi_json::from_slice(json).unwrap();
    assert_eq!(lefi_json::to_vec(&felsvar).unwrap(), json);
    let bad = lefi_json::from_slice::<LefiFelsvar>(br#"{"timestamp":"2024-03-01"}"#).unwrap_err();
    assert_eq!(bad.path(), Some("timestamp"));
    for date in ["2023-02-29", "2023-2-01", "2023-01-01T00:00:00Z"] {
        let json = format!(
            r#"{{"personnummer":"1234567890","period":{{"from":"{date}","tom":"2023-01-01"}}}}"#
        );
        let err = lefi_json::from_slice::<LefiExternFormansinformationFraga>(json.as_bytes())
            .unwrap_err();
        assert_eq!(err.path(), Some("period.from"), "{date}");
    }
}

#[test]
fn absent_and_empty_lists_stay_distinct() {
    for json in [
        &br#"{"personnummer":"1234567890","period":{"from":"2023-01-01","tom":"2023-01-01"}}"#[..],
        br#"{"personnummer":"1234567890","period":{"from":"2023-01-01","tom":"2023-01-01"},"ansprak":[]}"#,
    ] {
        let fraga: LefiExternFormansinformationFraga = lefi_json::from_slice(json).unwrap();
        assert_eq!(lefi_json::to_vec(&fraga).unwrap(), json);
    }
}

#[test]
fn pretty_and_writer_forms_decode_to_the_same_value() {
    let svar: LefiExternFormansinformationSvar =
        lefi_json::from_slice(EXAMPLE_RESPONSE.as_bytes()).unwrap();
    let pretty = lefi_json::to_vec_pretty(&svar).unwrap();
    let mut written = Vec::new();
    lefi_json::to_writer(&mut written, &svar).unwrap();
    assert_eq!(written, lefi_json::to_vec(&svar).unwrap());
    for bytes in [pretty, written] {
        let again: LefiExternFormansinformationSvar = lefi_json::from_reader(&bytes[..]).unwrap();
        assert_eq!(again, svar);
    }
}

fn never_panics<T: LefiDocument>(bytes: &[u8]) {
    let _ = lefi_json::from_slice::<T>(bytes);
    for settings in [DecodeSettings::default(), DecodeSettings::strict()] {
        if let Ok(decoded) = lefi_json::decode_with::<T>(bytes, &settings) {
            let _ = lefi_json::to_vec(&decoded.value);
        }
    }
}

fn all_kinds(bytes: &[u8]) {
    never_panics::<LefiExternFormansinformationFraga>(bytes);
    never_panics::<LefiExternFormansinformationSvar>(bytes);
    never_panics::<LefiExternTillgangligaInformationstyper>(bytes);
    never_panics::<LefiFelsvar>(bytes);
}

/// Byte-level edits of a document: (position, byte, kind) with kind 0 replace,
/// 1 insert, 2 delete.
fn mutate(base: &[u8], edits: &[(usize, u8, u8)]) -> Vec<u8> {
    let mut bytes = base.to_vec();
    for &(at, byte, kind) in edits {
        let at = at % (bytes.len() + 1);
        match kind % 3 {
            0 if at < bytes.len() => bytes[at] = byte,
            1 => bytes.insert(at, byte),
            _ if at < bytes.len() => {
                bytes.remove(at);
            }
            _ => {}
        }
    }
    bytes
}

const STRUCTURAL: &[u8] = b"{}[]\",:0123456789.eE-+ tfn\\";

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn any_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..256)) {
        all_kinds(&bytes);
    }

    #[test]
    fn mutated_documents_never_panic(
        edits in proptest::collection::vec((any::<usize>(), proptest::sample::select(STRUCTURAL), 0u8..3), 1..6)
    ) {
        all_kinds(&mutate(EXAMPLE_RESPONSE.as_bytes(), &edits));
    }

    #[test]
    fn decimals_round_trip_exactly(mantissa in any::<i64>(), scale in 0u32..=18) {
        let d = Decimal::new(mantissa, scale);
        let json = payment(&d.to_string());
        let svar: LefiExternFormansinformationSvar = lefi_json::from_slice(json.as_bytes()).unwrap();
        prop_assert_eq!(summa(&svar), d);
        prop_assert_eq!(summa(&svar).scale(), d.scale());
        prop_assert_eq!(reencoded_summa(&svar), d.to_string());
    }
}

/// The JSON value of a text, numbers compared by their text.
fn json_value(bytes: &[u8]) -> serde_json::Value {
    serde_json::from_slice(bytes).unwrap()
}

/// `decode_any` decides each kind by the decode itself; each document re-encodes to an
/// equal JSON value.
#[test]
fn decode_any_decides_the_kind_and_round_trips() {
    use lefi_json::DocumentKind as K;
    let example = include_bytes!("../../examples/data/lefi-v9-svar.json");
    let cases: [(&[u8], K); 12] = [
        (example, K::Response),
        (EXAMPLE_RESPONSE.as_bytes(), K::Response),
        (
            br#"{"personnummer":"197407029284","period":{"from":"2023-01-01","tom":"2024-01-01"},"formansinformation":["FK:SJP"],"ovrigInformation":["FK:GEPI"]}"#,
            K::Request,
        ),
        (
            br#"{"personnummer":"1974070292","period":{"from":"2023-01-01","tom":"2024-01-01"}}"#,
            K::Request,
        ),
        (
            br#"{"meddelande":"Internt fel","timestamp":"2024-03-01T10:15:00+01:00"}"#,
            K::Error,
        ),
        (br#"{"timestamp":"2024-03-01T10:15:00Z"}"#, K::Error),
        (
            br#"{"formansinformation":[{"kod":"FK:SJP","beskrivning":"Sjukpenning"}],"ovrigInformation":[{"kod":"FK:GEPI","beskrivning":"Generell personinformation"}]}"#,
            K::Available,
        ),
        // only the list the response also has, with the available types' items
        (
            br#"{"preliminaraUtbetalningar":[{"kod":"FK:SJP","beskrivning":"Sjukpenning"},{"kod":"PM:AP","beskrivning":"Allm\u00e4n pension"}]}"#,
            K::Available,
        ),
        (
            br#"{"ansprak":[{"kod":"PM:AP","beskrivning":"Allm\u00e4n pension"}]}"#,
            K::Available,
        ),
        // the contract's example of the available types, with its undeclared `utlamnare`
        (
            br#"{"utlamnare":[{"utlamnare":{"kod":"FK"},"tillstand":{"kod":"OK"}}],"formansinformation":[{"kod":"FK:SJP","beskrivning":"Sjukpenning"}]}"#,
            K::Available,
        ),
        (br#"{"utlamnare":[{"utlamnare":{"kod":"FK"},"tillstand":{"kod":"OK"}}]}"#, K::Response),
        // ambiguous: the empty response (the first kind that reads it cleanly)
        (b" {} ", K::Response),
    ];
    for (bytes, kind) in cases {
        let text = String::from_utf8_lossy(bytes);
        let decoded = lefi_json::decode_any(bytes, &DecodeSettings::default()).unwrap();
        assert_eq!(decoded.value.kind(), kind, "{text}");
        assert!(
            decoded
                .warnings
                .iter()
                .all(|w| matches!(w.kind, WarningKind::ContractQuirk { .. })),
            "{text}: {:?}",
            decoded.warnings
        );
        let again = lefi_json::to_vec(&decoded.value).unwrap();
        let (a, b) = (json_value(bytes), json_value(&again));
        // `avvikelser: []` is encoded as `{}` (the same "none", see Quirk::EmptyListForObject)
        let normalise = |v: serde_json::Value| {
            let t = v
                .to_string()
                .replace(r#""avvikelser":[]"#, r#""avvikelser":{}"#);
            json_value(t.as_bytes())
        };
        assert_eq!(normalise(a), normalise(b), "{text}");
        // an explicit kind gives the same document
        let explicit = lefi_json::decode_kind(bytes, kind, &DecodeSettings::default()).unwrap();
        assert_eq!(explicit, decoded, "{text}");
    }
}

#[test]
fn decode_any_falls_back_to_the_kind_that_reads_furthest() {
    use lefi_json::DocumentKind as K;
    // unknown properties: no kind reads it cleanly; the response reads furthest
    let json =
        br#"{"utlamnare":[],"formansinformation":{"utbetalningsuppgift":[]},"nytt":{"x":1}}"#;
    let warn = lefi_json::decode_any(json, &DecodeSettings::default()).unwrap();
    assert_eq!(warn.value.kind(), K::Response);
    let paths: Vec<_> = warn.warnings.iter().map(|w| w.path.as_str()).collect();
    assert_eq!(paths, ["nytt"]);
    let ignore = lefi_json::decode_any(
        json,
        &DecodeSettings::default().with_unknown(UnknownContent::Ignore),
    )
    .unwrap();
    assert_eq!(
        (ignore.value.kind(), ignore.warnings.len()),
        (K::Response, 0)
    );
    let err = lefi_json::decode_any(json, &DecodeSettings::strict()).unwrap_err();
    assert!(
        matches!(&err, Error::UnknownProperty { position } if position.path() == "nytt"),
        "{err:?}"
    );
    // an error answer with a property of its own
    let felsvar = br#"{"meddelande":"Fel","kod":17}"#;
    let decoded = lefi_json::decode_any(felsvar, &DecodeSettings::default()).unwrap();
    assert_eq!(decoded.value.kind(), K::Error);
    assert_eq!(decoded.warnings.len(), 1);
    // a refused value: the error of the kind that read furthest, not a reading of the
    // document as another kind with everything unknown
    let bad = br#"{"utlamnare":[],"formansinformation":{"sjukpenningarende":[{"beslut":[{"period":{"fran":5}}]}]}}"#;
    let err = lefi_json::decode_any(bad, &DecodeSettings::default()).unwrap_err();
    assert_eq!(
        err.path(),
        Some("formansinformation.sjukpenningarende[0].beslut[0].period.fran")
    );
    let request = br#"{"personnummer":"19740702928X","period":{"from":"2023-01-01","tom":"2024-01-01"},"formansinformation":["FK:SJP"]}"#;
    let err = lefi_json::decode_any(request, &DecodeSettings::default()).unwrap_err();
    assert_eq!(err.path(), Some("personnummer"));
    assert!(!err.to_string().contains("1974"), "{err}");
    // not JSON, too large, too deep: as decode_with
    assert!(matches!(
        lefi_json::decode_any(b"{", &DecodeSettings::default()),
        Err(Error::Syntax { .. })
    ));
    let deep = deep_unknown(65);
    assert!(matches!(
        lefi_json::decode_any(&deep, &DecodeSettings::default()),
        Err(Error::TooDeep { max: 64, .. })
    ));
    // quirks: reported, or refused in strict mode
    let strict = lefi_json::decode_any(EXAMPLE_RESPONSE.as_bytes(), &DecodeSettings::strict());
    assert!(
        matches!(strict, Err(Error::ContractQuirk { .. })),
        "{strict:?}"
    );
}

/// `convert` reads LEFI v9 JSON through `decode_any`: an available-types answer listing
/// only `preliminaraUtbetalningar` stays one, and converts to LEFI v9 as an equal value.
#[test]
fn convert_keeps_every_kind() {
    use lefi::convert::{Document, Format};
    for (json, kind) in [
        (
            &br#"{"preliminaraUtbetalningar":[{"kod":"FK:SJP","beskrivning":"Sjukpenning"}]}"#[..],
            "lefi-tillgangliga",
        ),
        (br#"{"meddelande":"Fel"}"#, "lefi-felsvar"),
        (
            br#"{"personnummer":"197407029284","period":{"from":"2023-01-01","tom":"2024-01-01"},"ansprak":["PM:AP"]}"#,
            "lefi-fraga",
        ),
        (br#"{"utbetalningar":[]}"#, "lefi-svar"),
    ] {
        let (format, doc, warnings) = Document::decode_detected_with_warnings(json).unwrap();
        assert_eq!(format, Format::LefiV9);
        assert_eq!(doc.kind(), kind);
        assert!(warnings.is_empty(), "{warnings:?}");
        let (out, lost) = doc.encode(Format::LefiV9).unwrap();
        assert!(lost.is_empty());
        assert_eq!(json_value(&out), json_value(json));
    }
}
