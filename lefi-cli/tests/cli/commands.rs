//! The `lefi` command-line contract: subcommands, outputs and exit codes (0 success,
//! 1 refused, 2 unreadable input), errors on stderr.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use crate::support::{self, fixtures};

fn lefi(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_lefi"))
        .args(args)
        .output()
        .expect("run lefi")
}

fn lefi_stdin(args: &[&str], input: &[u8]) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_lefi"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run lefi");
    // lefi may refuse its arguments (an unknown --kind) and exit before reading its input:
    // the exit code and stderr are what the tests check, so a closed pipe is no failure
    match child.stdin.take().unwrap().write_all(input) {
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => {}
        written => written.unwrap(),
    }
    child.wait_with_output().unwrap()
}

fn code(o: &Output) -> i32 {
    o.status.code().unwrap_or(-1)
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

fn tmp(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("lefi-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    dir.join(name)
}

const PERSON: &str = "197407029284";

#[test]
fn decode_without_a_file_prints_the_embedded_sample() {
    let o = lefi(&["decode", "--format", "summary"]);
    assert_eq!(code(&o), 0, "{}", text(&o.stderr));
    let out = text(&o.stdout);
    assert!(out.contains("4 payment(s), 0 violation(s)"), "{out}");
    assert!(
        !out.contains("191212121212") && !out.contains("Tolvan"),
        "{out}"
    );

    let o = lefi(&["decode"]);
    assert_eq!(code(&o), 0);
    let json: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert!(json["formansinformation"]["utbetalningsuppgift"].is_array());

    let o = lefi(&["decode", "--format", "payments"]);
    assert_eq!(code(&o), 0);
    let view: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(view["payments"].as_array().map(Vec::len), Some(4));
    assert!(!text(&o.stdout).contains("191212121212"));
}

#[test]
fn exit_codes_follow_the_contract() {
    // Unreadable input: 2.
    let o = lefi(&["decode", "/nonexistent/lefi-input"]);
    assert_eq!(code(&o), 2);
    assert!(text(&o.stderr).starts_with("lefi: "));
    let o = lefi_stdin(&["decode", "-"], b"not a document at all");
    assert_eq!(code(&o), 2);
    // Invalid content: 1, and the message does not echo the value.
    let o = lefi_stdin(
        &["decode", "-"],
        br#"{"personnummer":"19740702928","period":{"from":"2024-01-01","tom":"2024-01-02"}}"#,
    );
    assert_eq!(code(&o), 1);
    assert!(!text(&o.stderr).contains("19740702928"));
    // Unknown output format: refused.
    assert_eq!(code(&lefi(&["decode", "--format", "yaml"])), 1);
}

#[test]
fn request_refuses_consent_purposes_without_a_valid_consent() {
    let base = [
        "request",
        "--person",
        PERSON,
        "--from",
        "2024-01-01",
        "--tom",
        "2024-12-31",
        "--formansinformation",
        "FK:SJP",
        "--to",
        "lefi-v9",
        "--on",
        "2025-01-10",
    ];
    for purpose in ["riskbedomning", "pensionsprognos", "skadereglering"] {
        let mut args = base.to_vec();
        args.extend(["--purpose", purpose]);
        let o = lefi(&args);
        assert_eq!(code(&o), 1, "{purpose}");
        let err = text(&o.stderr);
        assert!(err.contains("consent") && err.contains("kap."), "{err}");
        assert!(!err.contains(PERSON));
        // A consent given after the request date is not valid on it.
        args.extend(["--consent-date", "2025-02-01"]);
        assert_eq!(code(&lefi(&args)), 1, "{purpose}");
        // A consent valid on the request date lets the request through.
        let last = args.len() - 1;
        args[last] = "2024-06-01";
        let o = lefi(&args);
        assert_eq!(code(&o), 0, "{purpose}: {}", text(&o.stderr));
        let json: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
        assert_eq!(json["formansinformation"][0], "FK:SJP");
    }
    let mut args = base.to_vec();
    args.extend(["--purpose", "samordning"]);
    assert_eq!(code(&lefi(&args)), 0);
}

#[test]
fn request_is_version_gated() {
    let args = |to: &'static str, extra: &[&'static str]| {
        let mut v = vec![
            "request",
            "--purpose",
            "samordning",
            "--person",
            PERSON,
            "--from",
            "2024-01-01",
            "--tom",
            "2024-12-31",
            "--to",
            to,
        ];
        v.extend_from_slice(extra);
        v
    };
    let o = lefi(&args("lefi-v6", &["--formansinformation", "FK:FSJP"]));
    assert_eq!(code(&o), 1);
    assert!(text(&o.stderr).contains("FK:FSJP"));
    let o = lefi(&args(
        "lefi-v5",
        &[
            "--formansinformation",
            "FK:SJP",
            "--preliminara-utbetalningar",
            "FK:SJP",
        ],
    ));
    assert_eq!(code(&o), 1);
    assert!(text(&o.stderr).contains("preliminaraUtbetalningar"));
    let o = lefi(&args(
        "lefi-v6",
        &[
            "--formansinformation",
            "FK:SJP",
            "--preliminara-utbetalningar",
            "FK:SJP",
        ],
    ));
    assert_eq!(code(&o), 0, "{}", text(&o.stderr));
    assert!(text(&o.stdout).contains("lefiOnlineVersion=\"6.0\""));
    // Nothing asked for, or a period over two years without an agreed exception: refused.
    assert_eq!(code(&lefi(&args("lefi-v9", &[]))), 1);
    let mut long = args("lefi-v9", &["--formansinformation", "FK:SJP"]);
    long[6] = "2020-01-01";
    assert_eq!(code(&lefi(&long)), 1);
    long.push("--agreed-exception");
    assert_eq!(code(&lefi(&long)), 0);
}

#[test]
fn ssbtek_requests_carry_the_purpose_and_version() {
    let ssbtek = |to: &'static str, purpose: &'static str, agencies: &'static str| {
        lefi(&[
            "request",
            "--purpose",
            purpose,
            "--person",
            PERSON,
            "--from",
            "2024-01-01",
            "--tom",
            "2024-12-31",
            "--formansinformation",
            "FK:SJP",
            "--to",
            to,
            "--org",
            "212000-2411",
            "--org-name",
            "Exempel kommun",
            "--handlaggare",
            "hl01",
            "--arende",
            "A-1",
            "--aktorsid",
            "026-51",
            "--agencies",
            agencies,
            "--on",
            "2026-11-24",
        ])
    };
    let o = ssbtek("ssbtek-v10", "ekonomiskt-bistand", "FK,CSN,MIV,SKV");
    assert_eq!(code(&o), 0, "{}", text(&o.stderr));
    let xml = text(&o.stdout);
    assert!(xml.contains("ssbt/10"));
    assert!(xml.contains("socialtjänstlagen (2001:453)"), "{xml}");
    let o = ssbtek("ssbtek-v11", "ekonomiskt-bistand", "FK,SKV");
    assert_eq!(code(&o), 0, "{}", text(&o.stderr));
    let xml = text(&o.stdout);
    assert!(xml.contains("ssbt/11") && xml.contains("2025"), "{xml}");
    // A municipality may not ask with an insurer's purpose.
    assert_eq!(code(&ssbtek("ssbtek-v10", "samordning", "FK")), 1);
    // An element given twice is refused, never silently the second (here the
    // municipality's name).
    let o = ssbtek("ssbtek-v10", "ekonomiskt-bistand", "FK");
    let xml = text(&o.stdout);
    let at = xml.find("Exempel kommun").unwrap();
    let start = xml[..at].rfind('<').unwrap();
    let end = at + xml[at..].find('>').unwrap() + 1;
    let element = &xml[start..end];
    let twice = xml.replacen(element, &format!("{element}{element}"), 1);
    let o = lefi_stdin(&["decode", "-"], twice.as_bytes());
    assert_eq!(code(&o), 1, "{}", text(&o.stderr));
    assert!(
        text(&o.stderr).contains("more often"),
        "{}",
        text(&o.stderr)
    );
    // The ping.
    let o = lefi(&["request", "--ping", "--to", "ssbtek-v10"]);
    assert_eq!(code(&o), 0);
    assert!(text(&o.stdout).contains("testaBastjanstInformation"));
}

#[test]
fn decode_encode_and_convert_round_trip_the_fixtures() {
    let Some(dir) = fixtures() else { return };
    for name in ["fk-response.xml", "miv-response.xml", "csn-response.xml"] {
        let input = dir.join(name);
        let o = lefi(&["decode", input.to_str().unwrap(), "--format", "json"]);
        assert_eq!(code(&o), 0, "{name}: {}", text(&o.stderr));
        let json = tmp(&format!("{name}.json"));
        std::fs::write(&json, &o.stdout).unwrap();
        let o = lefi(&["encode", "--to", "ssbtek-v10", json.to_str().unwrap()]);
        assert_eq!(code(&o), 0, "{name}: {}", text(&o.stderr));
        let back = lefi_stdin(&["decode", "-", "--format", "json"], &o.stdout);
        assert_eq!(text(&back.stdout), std::fs::read_to_string(&json).unwrap());
    }
    // FK data converts to LEFI 7 and back to LEFI 9 without loss.
    let fk = dir.join("fk-response.xml");
    let o = lefi(&["convert", fk.to_str().unwrap(), "--to", "lefi-v7"]);
    assert_eq!(code(&o), 0, "{}", text(&o.stderr));
    let v7 = tmp("fk.v7.xml");
    std::fs::write(&v7, &o.stdout).unwrap();
    let o = lefi(&["convert", v7.to_str().unwrap(), "--to", "lefi-v9"]);
    assert_eq!(code(&o), 0);
    assert!(text(&o.stdout).contains("Försäkringskassan"));
    // No FK data: refused.
    let miv = dir.join("miv-response.xml");
    assert_eq!(
        code(&lefi(&[
            "convert",
            miv.to_str().unwrap(),
            "--to",
            "lefi-v9"
        ])),
        1
    );
}

#[test]
fn convert_needs_allow_loss_to_drop_data_and_reports_it() {
    let sample = support::manifest_dir().join("examples/data/lefi-v9-svar.json");
    let o = lefi(&["convert", sample.to_str().unwrap(), "--to", "lefi-v6"]);
    assert_eq!(code(&o), 1);
    assert!(
        text(&o.stderr).contains("utbetalningar"),
        "{}",
        text(&o.stderr)
    );
    let o = lefi(&[
        "convert",
        sample.to_str().unwrap(),
        "--to",
        "lefi-v6",
        "--allow-loss",
    ]);
    assert_eq!(code(&o), 0);
    assert!(text(&o.stderr).contains("utbetalningar"));
    assert!(text(&o.stdout).contains("urn:lefi:reconstructed:lefionline:6.0"));
}

#[test]
fn convert_a_directory_keeps_going_past_bad_files() {
    let dir = tmp("batch-in");
    std::fs::create_dir_all(&dir).unwrap();
    let sample = support::manifest_dir().join("examples/data/lefi-v9-svar.json");
    std::fs::copy(&sample, dir.join("a.json")).unwrap();
    std::fs::write(dir.join("b.json"), b"{ broken").unwrap();
    let out = tmp("batch-out");
    let o = lefi(&[
        "convert",
        dir.to_str().unwrap(),
        "--to",
        "lefi-v9",
        "--out",
        out.to_str().unwrap(),
    ]);
    assert_eq!(code(&o), 1, "one file failed");
    let err = text(&o.stderr);
    assert!(
        err.contains("[2/2]") && err.contains("1 converted, 0 lossy, 1 failed"),
        "{err}"
    );
    assert!(out.join("a.json").exists());
}

#[test]
fn validate_reports_broken_totals() {
    let sample =
        std::fs::read_to_string(support::manifest_dir().join("examples/data/lefi-v9-svar.json"))
            .unwrap();
    let o = lefi_stdin(&["validate", "-"], sample.as_bytes());
    assert_eq!(code(&o), 0, "{}", text(&o.stderr));
    let broken = sample.replacen("\"summa\": 8215.00", "\"summa\": 8216.00", 1);
    assert_ne!(broken, sample);
    let o = lefi_stdin(&["validate", "-"], broken.as_bytes());
    assert_eq!(code(&o), 1);
    assert!(
        text(&o.stderr).contains("nettobelopp"),
        "{}",
        text(&o.stderr)
    );
}

#[test]
fn versions_prints_the_capability_matrix() {
    let o = lefi(&["versions"]);
    assert_eq!(code(&o), 0);
    let out = text(&o.stdout);
    assert!(out.contains("LEFI 5.1") && out.contains("SSBTEK 11"));
    assert!(out.contains("preliminary-payments"));
}

/// An SSBTEK answer from MIV and TNS whose CSN block is broken (its payload is not base64).
const BROKEN_CSN: &str = r#"<S:Envelope xmlns:S="http://schemas.xmlsoap.org/soap/envelope/"><S:Body>
<hamtaBastjanstInformationResponse xmlns="http://schema.forsakringskassan.se/integration/ssbt/11">
<svarsdata>
<CSN><data><svar>@@ not base64 @@</svar></data></CSN>
<TNS><data><tns:resultat xmlns:tns="http://schema.transportstyrelsen.se/ssbtek/hamtauppgifterresponder/1">OK</tns:resultat></data></TNS>
<MIV><data><response xmlns=""><correlationid>c</correlationid><personnummer>191212121212</personnummer>
<svarCollection><svar><arendeTyp>UAT</arendeTyp><beslutsTyp>PUT</beslutsTyp><beslutsdatum>2020-05-12</beslutsdatum></svar></svarCollection></response></data></MIV>
</svarsdata></hamtaBastjanstInformationResponse></S:Body></S:Envelope>"#;

#[test]
fn a_broken_agency_block_is_a_warning_for_decode_and_an_error_for_validate() {
    let o = lefi_stdin(
        &["decode", "-", "--format", "summary"],
        BROKEN_CSN.as_bytes(),
    );
    assert_eq!(code(&o), 0, "{}", text(&o.stderr));
    let (out, err) = (text(&o.stdout), text(&o.stderr));
    assert!(out.contains("TNS: data, resultat OK"), "{out}");
    assert!(out.contains("MIV: data, 1 decision(s)"), "{out}");
    assert!(
        out.contains("CSN: cannot be decoded, kept as received"),
        "{out}"
    );
    assert!(
        err.contains("warning: CSN: ") && err.contains("invalid value, expected xs:base64Binary"),
        "{err}"
    );
    assert!(!out.contains("191212121212") && !err.contains("191212121212"));
    // the JSON form keeps the block and encodes back
    let o = lefi_stdin(&["decode", "-", "--format", "json"], BROKEN_CSN.as_bytes());
    assert_eq!(code(&o), 0);
    let json: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let csn = &json["ssbtek"]["message"]["response"]["svarsdata"]["CSN"]["undecodable"];
    assert!(
        csn["block"]["xml"]
            .as_str()
            .unwrap()
            .contains("@@ not base64 @@"),
        "{csn}"
    );
    let o = lefi_stdin(&["encode", "--to", "ssbtek-v11", "-"], &o.stdout);
    assert_eq!(code(&o), 0, "{}", text(&o.stderr));
    assert!(text(&o.stdout).contains("@@ not base64 @@"));
    // validate names the agency and refuses
    let o = lefi_stdin(&["validate", "-"], BROKEN_CSN.as_bytes());
    assert_eq!(code(&o), 1);
    assert!(
        text(&o.stderr).contains("svarsdata/CSN cannot be decoded"),
        "{}",
        text(&o.stderr)
    );
}

#[test]
fn incomes_lists_the_payments_of_an_answer() {
    let sample = support::manifest_dir().join("examples/data/lefi-v9-svar.json");
    let o = lefi(&["decode", sample.to_str().unwrap(), "--format", "incomes"]);
    assert_eq!(code(&o), 0, "{}", text(&o.stderr));
    let out = text(&o.stdout);
    assert!(out.contains("4 payment(s)"), "{out}");
    assert!(out.contains("8215.00 SEK"), "{out}");
    assert!(out.contains("monthly totals"), "{out}");
    let o = lefi(&[
        "decode",
        sample.to_str().unwrap(),
        "--format",
        "incomes-json",
    ]);
    assert_eq!(code(&o), 0);
    let view: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(view["payments"].as_array().map(Vec::len), Some(4));
    assert!(!text(&o.stdout).contains("191212121212"));
    let Some(dir) = fixtures() else { return };
    let so = dir.join("so-response.xml");
    let o = lefi(&["decode", so.to_str().unwrap(), "--format", "incomes"]);
    assert_eq!(code(&o), 0, "{}", text(&o.stderr));
    let out = text(&o.stdout);
    assert!(
        out.lines().any(|l| l.starts_with("SO ")
            && l.contains("2013-11-23")
            && l.ends_with("1250.50 SEK")),
        "{out}"
    );
    // a question has no incomes
    let o = lefi_stdin(
        &["decode", "-", "--format", "incomes"],
        br#"{"personnummer":"197407029284","period":{"from":"2023-01-01","tom":"2024-01-01"}}"#,
    );
    assert_eq!(code(&o), 1);
}

/// `--kind` reads a LEFI v9 JSON document as the kind named (the kinds share property
/// names: `{}` is any of them), and for formats whose root shows the kind it must match.
#[test]
fn kind_overrides_the_lefi_json_rule_and_is_checked_elsewhere() {
    // without --kind, `{}` is the earliest kind that reads it: an answer (a question
    // needs its person and period)
    let o = lefi_stdin(&["decode", "-", "--format", "summary"], b"{}");
    assert_eq!(code(&o), 0, "{}", text(&o.stderr));
    assert!(text(&o.stdout).contains("document: lefi-svar"));
    let o = lefi_stdin(&["decode", "-", "--kind", "request"], b"{}");
    assert_eq!(code(&o), 1);
    for (kind, name) in [
        ("response", "lefi-svar"),
        ("available", "lefi-tillgangliga"),
        ("error", "lefi-felsvar"),
    ] {
        let o = lefi_stdin(
            &["decode", "-", "--format", "summary", "--kind", kind],
            b"{}",
        );
        assert_eq!(code(&o), 0, "{kind}: {}", text(&o.stderr));
        assert!(
            text(&o.stdout).contains(&format!("document: {name}")),
            "{kind}"
        );
    }

    // convert: an available-types answer listing only preliminaraUtbetalningar, with and
    // without the override, comes out as an equal value
    let input = tmp("kind-available.json");
    let doc = br#"{"preliminaraUtbetalningar":[{"kod":"FK:SJP","beskrivning":"Sjukpenning"}]}"#;
    std::fs::write(&input, doc).unwrap();
    let expected: serde_json::Value = serde_json::from_slice(doc).unwrap();
    for extra in [&[][..], &["--kind", "available"][..]] {
        let mut args = vec!["convert", input.to_str().unwrap(), "--to", "lefi-v9"];
        args.extend_from_slice(extra);
        let o = lefi(&args);
        assert_eq!(code(&o), 0, "{extra:?}: {}", text(&o.stderr));
        let out: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
        assert_eq!(out, expected, "{extra:?}");
    }
    // read as an answer, the items' properties are unknown: not the same document
    let o = lefi(&[
        "convert",
        input.to_str().unwrap(),
        "--to",
        "lefi-v9",
        "--kind",
        "response",
    ]);
    let out: Option<serde_json::Value> = serde_json::from_slice(&o.stdout).ok();
    assert_ne!(out, Some(expected));

    // an XML document's root shows its kind: a wrong --kind is refused, naming both
    let question = lefi(&[
        "request",
        "--purpose",
        "samordning",
        "--person",
        PERSON,
        "--from",
        "2024-01-01",
        "--tom",
        "2024-06-30",
        "--formansinformation",
        "FK:SJP",
        "--to",
        "lefi-v7",
        "--on",
        "2025-01-10",
    ]);
    assert_eq!(code(&question), 0, "{}", text(&question.stderr));
    let o = lefi_stdin(&["decode", "-", "--kind", "response"], &question.stdout);
    assert_eq!(code(&o), 1);
    assert!(
        text(&o.stderr).contains("is of kind request, not response"),
        "{}",
        text(&o.stderr)
    );
    let o = lefi_stdin(&["decode", "-", "--kind", "request"], &question.stdout);
    assert_eq!(code(&o), 0, "{}", text(&o.stderr));

    let o = lefi_stdin(&["decode", "-", "--kind", "answer"], b"{}");
    assert_eq!(code(&o), 1);
    assert!(text(&o.stderr).contains("unknown document kind"));
}

/// Content a decode skips (a property the contract does not define) is loss: `convert`
/// refuses it without `--allow-loss` naming its path, and lists it with it; `decode` warns.
#[test]
fn skipped_unknown_content_is_loss_in_convert() {
    let input = tmp("unknown-property.json");
    std::fs::write(&input, br#"{"utlamnare":[],"nyttFalt":{"x":1}}"#).unwrap();
    let path = input.to_str().unwrap();
    for to in ["lefi-v9", "lefi-v7"] {
        let o = lefi(&["convert", path, "--to", to]);
        assert_eq!(code(&o), 1, "{to}");
        let err = text(&o.stderr);
        assert!(err.contains("nyttFalt: 1 dropped"), "{to}: {err}");
        let o = lefi(&["convert", path, "--to", to, "--allow-loss"]);
        assert_eq!(code(&o), 0, "{to}: {}", text(&o.stderr));
        assert!(text(&o.stderr).contains("nyttFalt: 1 dropped"), "{to}");
    }
    let o = lefi(&["decode", path]);
    assert_eq!(code(&o), 0);
    assert!(
        text(&o.stderr).contains("warning: nyttFalt"),
        "{}",
        text(&o.stderr)
    );
}

/// A batch run killed midway and re-run with `--resume` leaves every output complete and
/// equal to a one-shot conversion; no output is ever half-written under its final name.
#[test]
fn an_interrupted_batch_resumes_to_the_one_shot_result() {
    use crate::lefi_xml_support::random::{self, Gen};
    use lefi::version::LefiVersion;

    const COUNT: usize = 10_000;
    let dir = tmp("batch-resume");
    let _ = std::fs::remove_dir_all(&dir);
    let input = dir.join("in");
    std::fs::create_dir_all(&input).unwrap();
    for seed in 0..COUNT {
        let mut g = Gen::new(seed as u64, LefiVersion::V7);
        let svar = random::gen_lefi_extern_formansinformation_svar(&mut g);
        let xml = lefi::wire::lefi_xml::to_vec(&svar, LefiVersion::V7).unwrap();
        std::fs::write(input.join(format!("svar-{seed:05}.xml")), xml).unwrap();
    }
    let (input_s, out, once) = (input.to_str().unwrap(), dir.join("out"), dir.join("once"));
    let convert = |out: &Path, resume: bool| {
        let mut c = Command::new(env!("CARGO_BIN_EXE_lefi"));
        c.args([
            "convert", input_s, "--to", "lefi-v9", "--jobs", "2", "--out",
        ])
        .arg(out)
        .stdout(Stdio::null())
        .stderr(Stdio::null());
        if resume {
            c.arg("--resume");
        }
        c
    };
    let outputs = |dir: &Path| {
        std::fs::read_dir(dir)
            .map(|d| {
                d.filter_map(Result::ok)
                    .filter(|e| e.path().extension().is_some_and(|x| x == "json"))
                    .count()
            })
            .unwrap_or(0)
    };

    // start, and kill the process once a tenth of the outputs exist
    let mut child = convert(&out, false).spawn().unwrap();
    let started = std::time::Instant::now();
    while outputs(&out) < COUNT / 10 && started.elapsed().as_secs() < 300 {
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    child.kill().unwrap();
    child.wait().unwrap();
    let done_before = outputs(&out);
    assert!(done_before < COUNT, "killed before the end");
    // whatever carries a final name is complete
    for entry in std::fs::read_dir(&out).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|x| x == "json") {
            let bytes = std::fs::read(&path).unwrap();
            assert!(
                serde_json::from_slice::<serde_json::Value>(&bytes).is_ok(),
                "{} is complete",
                path.display()
            );
        }
    }

    // resume: skips what is done, converts the rest
    let o = convert(&out, true).stderr(Stdio::piped()).output().unwrap();
    assert_eq!(code(&o), 0);
    let summary = text(&o.stderr);
    assert!(summary.contains("skipped (already converted)"), "{summary}");
    assert_eq!(outputs(&out), COUNT);

    // one shot into another directory: the same bytes
    assert_eq!(code(&convert(&once, false).output().unwrap()), 0);
    for seed in 0..COUNT {
        let name = format!("svar-{seed:05}.json");
        assert_eq!(
            std::fs::read(out.join(&name)).unwrap(),
            std::fs::read(once.join(&name)).unwrap(),
            "{name}"
        );
    }
    let _ = std::fs::remove_dir_all(&dir);
}

/// `--report` writes a JSON line per file (converted, lossy with its paths, failed with
/// the error); `--loss-report` writes what was dropped as JSON, for a file and a directory.
#[test]
fn batch_and_loss_reports_are_machine_readable() {
    let dir = tmp("reports");
    let _ = std::fs::remove_dir_all(&dir);
    let input = dir.join("in");
    std::fs::create_dir_all(&input).unwrap();
    std::fs::write(input.join("ok.json"), br#"{"utlamnare":[]}"#).unwrap();
    std::fs::write(input.join("lossy.json"), br#"{"ansprak":[{}],"nytt":1}"#).unwrap();
    std::fs::write(input.join("broken.json"), b"{").unwrap();
    let (report, lost) = (dir.join("report.jsonl"), dir.join("lost.json"));
    let o = lefi(&[
        "convert",
        input.to_str().unwrap(),
        "--to",
        "lefi-v7",
        "--allow-loss",
        "--out",
        dir.join("out").to_str().unwrap(),
        "--report",
        report.to_str().unwrap(),
        "--loss-report",
        lost.to_str().unwrap(),
    ]);
    assert_eq!(code(&o), 1, "one file failed: {}", text(&o.stderr));
    let lines: Vec<serde_json::Value> = std::fs::read_to_string(&report)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 3);
    let outcome = |name: &str| {
        lines
            .iter()
            .find(|l| l["file"].as_str().unwrap().ends_with(name))
            .unwrap()
            .clone()
    };
    assert_eq!(outcome("ok.json")["outcome"], "converted");
    assert_eq!(outcome("broken.json")["outcome"], "failed");
    assert!(
        outcome("broken.json")["error"]
            .as_str()
            .unwrap()
            .contains("cannot read")
    );
    let lossy = outcome("lossy.json");
    assert_eq!(lossy["outcome"], "lossy");
    let paths: Vec<&str> = lossy["lost"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["path"].as_str().unwrap())
        .collect();
    assert_eq!(paths, ["ansprak", "nytt"]);
    let by_file: serde_json::Value =
        serde_json::from_slice(&std::fs::read(&lost).unwrap()).unwrap();
    let (file, items) = by_file.as_object().unwrap().iter().next().unwrap();
    assert!(file.ends_with("lossy.json"));
    assert_eq!(items[0], serde_json::json!({"path": "ansprak", "count": 1}));

    // one file: the list itself
    let single = dir.join("single.json");
    let o = lefi(&[
        "convert",
        input.join("lossy.json").to_str().unwrap(),
        "--to",
        "lefi-v7",
        "--allow-loss",
        "--loss-report",
        single.to_str().unwrap(),
    ]);
    assert_eq!(code(&o), 0);
    let items: serde_json::Value =
        serde_json::from_slice(&std::fs::read(&single).unwrap()).unwrap();
    assert_eq!(
        items,
        serde_json::json!([{"path": "ansprak", "count": 1}, {"path": "nytt", "count": 1}])
    );
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn benefits_shows_the_samples_sjukpenning_case_and_timeline() {
    let o = lefi(&["decode", "--format", "benefits"]);
    assert_eq!(code(&o), 0, "{}", text(&o.stderr));
    let out = text(&o.stdout);
    assert!(out.contains("timeline 2024-02-01/2024-03-31"), "{out}");
    assert!(
        out.lines().any(|l| l.starts_with("sjukpenningarende")
            && l.contains("FK:SJP")
            && l.contains("2024-03-01/2024-03-31")
            && l.contains("75 %")),
        "{out}"
    );
    assert!(
        out.lines().any(
            |l| l.starts_with("formansinformation.sjukpenningarende[0].beslut[0]")
                && l.contains("BEVILJAN")
        ),
        "{out}"
    );
    assert!(
        out.contains("1 case(s), 2 decision(s), 0 violation(s)"),
        "{out}"
    );
    assert!(
        !out.contains("191212121212") && !out.contains("Tolvan"),
        "{out}"
    );

    let o = lefi(&["decode", "--format", "benefits-json"]);
    assert_eq!(code(&o), 0, "{}", text(&o.stderr));
    let view: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(
        view["cases"][0]["path"],
        "formansinformation.sjukpenningarende[0]"
    );
    assert_eq!(
        view["cases"][0]["decisions"].as_array().map(Vec::len),
        Some(2)
    );
    assert!(view["sgi"].is_array());
    let out = text(&o.stdout);
    assert!(
        !out.contains("191212121212") && !out.contains("Tolvan"),
        "{out}"
    );
}

#[test]
fn benefits_of_an_ssbtek_answer_without_an_fk_part_says_so() {
    let Some(af) = support::fixture("af-response.xml") else {
        return;
    };
    for format in ["benefits", "benefits-json"] {
        let o = lefi_stdin(&["decode", "-", "--format", format], &af);
        assert_eq!(code(&o), 1, "{format}");
        let err = text(&o.stderr);
        assert!(
            err.contains("has no Försäkringskassan (LEFI) part"),
            "{format}: {err}"
        );
        assert!(o.stdout.is_empty(), "{format}");
    }
}
