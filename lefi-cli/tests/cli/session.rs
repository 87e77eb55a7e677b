//! The README's example session, run as written (`lefi` is the built binary, port 8443 a
//! free port), with certificates made by rcgen; and `lefi send`'s exit codes.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]

use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Child, Command, Stdio};

use rcgen::{
    BasicConstraints, CertificateParams, DnType, ExtendedKeyUsagePurpose, IsCa, KeyPair,
    KeyUsagePurpose,
};

use crate::support;

/// The commands of the README's `sh session` block, continuation lines joined.
fn readme_session() -> Vec<String> {
    let readme = std::fs::read_to_string(support::manifest_dir().join("README.md")).unwrap();
    let start = readme
        .find("```sh session\n")
        .expect("the README has a session")
        + 14;
    let end = start + readme[start..].find("```").unwrap();
    readme[start..end]
        .replace("\\\n", " ")
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(str::to_owned)
        .collect()
}

/// Splits a command line into words, honouring double quotes.
fn words(line: &str) -> Vec<String> {
    let (mut out, mut word, mut quoted) = (Vec::new(), String::new(), false);
    for c in line.chars() {
        match c {
            '"' => quoted = !quoted,
            ' ' if !quoted => {
                if !word.is_empty() {
                    out.push(std::mem::take(&mut word));
                }
            }
            _ => word.push(c),
        }
    }
    if !word.is_empty() {
        out.push(word);
    }
    out
}

/// `pki/ca.crt`, `pki/server.{crt,key}` (for 127.0.0.1) and `pki/client.{crt,key}`.
fn write_pki(dir: &Path) {
    let pki = dir.join("pki");
    std::fs::create_dir_all(&pki).unwrap();
    let ca_key = KeyPair::generate().unwrap();
    let mut ca = CertificateParams::new(Vec::<String>::new()).unwrap();
    ca.is_ca = IsCa::Ca(BasicConstraints::Unconstrained);
    ca.distinguished_name.push(DnType::CommonName, "session CA");
    ca.key_usages = vec![
        KeyUsagePurpose::KeyCertSign,
        KeyUsagePurpose::DigitalSignature,
    ];
    let ca = ca.self_signed(&ca_key).unwrap();
    std::fs::write(pki.join("ca.crt"), ca.pem()).unwrap();
    for (name, names, usage) in [
        (
            "server",
            vec!["127.0.0.1".to_owned()],
            ExtendedKeyUsagePurpose::ServerAuth,
        ),
        ("client", vec![], ExtendedKeyUsagePurpose::ClientAuth),
    ] {
        let key = KeyPair::generate().unwrap();
        let mut params = CertificateParams::new(names).unwrap();
        params.extended_key_usages = vec![usage];
        let cert = params.signed_by(&key, &ca, &ca_key).unwrap();
        std::fs::write(pki.join(format!("{name}.crt")), cert.pem()).unwrap();
        std::fs::write(pki.join(format!("{name}.key")), key.serialize_pem()).unwrap();
    }
}

fn free_port() -> u16 {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    listener.local_addr().unwrap().port()
}

/// Kills the background server when the test ends, however it ends.
struct Background(Child);

impl Drop for Background {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// Starts `lefi serve …` and waits for its `listening on` line.
fn serve(dir: &Path, args: &[String]) -> Background {
    let mut child = Command::new(env!("CARGO_BIN_EXE_lefi"))
        .args(args)
        .current_dir(dir)
        .stdout(Stdio::piped())
        .stderr(Stdio::inherit())
        .spawn()
        .unwrap();
    let mut line = String::new();
    BufReader::new(child.stdout.take().unwrap())
        .read_line(&mut line)
        .unwrap();
    assert!(line.starts_with("listening on "), "{line:?}");
    Background(child)
}

fn session_dir() -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("lefi-session-{}", std::process::id()));
    std::fs::create_dir_all(dir.join("answers")).unwrap();
    write_pki(&dir);
    dir
}

#[test]
fn the_readme_session_runs() {
    let dir = session_dir();
    let port = free_port().to_string();
    let mut server = None;
    let mut outputs = Vec::new();
    for line in readme_session() {
        let background = line.ends_with('&');
        let line = line.trim_end_matches('&').replace("8443", &port);
        let words = words(&line);
        assert_eq!(words[0], "lefi", "{line}");
        if background {
            server = Some(serve(&dir, &words[1..]));
            continue;
        }
        let o = Command::new(env!("CARGO_BIN_EXE_lefi"))
            .args(&words[1..])
            .current_dir(&dir)
            .output()
            .unwrap();
        let stdout = String::from_utf8_lossy(&o.stdout).into_owned();
        let stderr = String::from_utf8_lossy(&o.stderr).into_owned();
        assert_eq!(o.status.code(), Some(0), "{line}\n{stderr}");
        assert!(stderr.contains("correlation id "), "{stderr}");
        assert!(!stdout.contains("197407029284"), "{stdout}");
        outputs.push(stdout);
    }
    assert!(server.is_some(), "the session starts a server");
    assert_eq!(outputs.len(), 2);
    for agency in ["AF", "CSN", "FK", "SKV", "SO", "TNS", "MIV"] {
        assert!(outputs[0].contains(agency), "{agency}: {}", outputs[0]);
    }
    assert!(outputs[1].contains("4 payment(s)"), "{}", outputs[1]);
}

#[test]
fn send_exit_codes_follow_the_contract() {
    let dir = session_dir();
    let port = free_port().to_string();
    let _server = serve(
        &dir,
        &words(&format!(
            "serve --lefi-v9 --aktor test-aktor --port {port} --answers answers"
        )),
    );
    let send = |url: &str, aktor: &str| {
        let line = format!(
            "send --to lefi-v9 --url {url} --purpose samordning --person 197407029284 \
             --from 2024-01-01 --tom 2024-12-31 --formansinformation FK:SJP --aktorsid {aktor}"
        );
        Command::new(env!("CARGO_BIN_EXE_lefi"))
            .args(words(&line))
            .output()
            .unwrap()
    };
    let url = format!("http://127.0.0.1:{port}");
    let o = send(&url, "test-aktor");
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    // Refused by the service (403): 1, with the service's message.
    let o = send(&url, "stranger");
    assert_eq!(o.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&o.stderr).contains("403"));
    // Nothing listening: a transport failure, 2.
    let o = send(&format!("http://127.0.0.1:{}", free_port()), "test-aktor");
    assert_eq!(
        o.status.code(),
        Some(2),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
}

/// Only SSBTEK has a ping: `--ping` with LEFI v9 is refused before anything is sent
/// (without the check, the question about `--person` would have gone out).
#[test]
fn a_ping_to_lefi_v9_is_refused_before_sending() {
    let line = format!(
        "send --ping --to lefi-v9 --url http://127.0.0.1:{} --purpose samordning \
         --person 197407029284 --from 2024-01-01 --tom 2024-12-31 \
         --formansinformation FK:SJP --aktorsid test-aktor",
        free_port()
    );
    let o = Command::new(env!("CARGO_BIN_EXE_lefi"))
        .args(words(&line))
        .output()
        .unwrap();
    // refused (1), not a transport failure (2): nothing was sent to the closed port
    assert_eq!(
        o.status.code(),
        Some(1),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
}
