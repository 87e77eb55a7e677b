//! The `lefi` command-line tool: a thin shell over the `lefi` library.
//!
//! Exit codes: 0 on success, 1 when an operation is refused (missing consent, loss without
//! `--allow-loss`, invalid content), 2 when the input cannot be read. Errors go to stderr.

use std::io::{Read, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

/// Operators' and migration scripts' shell over the lefi library.
#[derive(Debug, Parser)]
#[command(name = "lefi", version, about, long_about = None)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Decode a document (LEFI v9 JSON, LEFI XML v5–v7 or SSBTEK SOAP) and print it.
    Decode {
        /// The file to read, `-` for stdin; without it an embedded sample is decoded.
        file: Option<String>,
        /// Output form: `json` (the crate's JSON form), `summary` or `payments`.
        #[arg(long, default_value = "json")]
        format: String,
    },
    /// Encode a document given in the crate's JSON form to a wire format.
    Encode {
        /// Target format (lefi-v5, lefi-v5.1, lefi-v6, lefi-v7, lefi-v9, ssbtek-v10, ssbtek-v11).
        #[arg(long)]
        to: String,
        /// The file to read, `-` or nothing for stdin.
        file: Option<String>,
    },
    /// Convert a document (or a directory of documents) to another format.
    Convert {
        /// The file or directory to convert.
        file: PathBuf,
        /// Target format.
        #[arg(long)]
        to: String,
        /// Succeed even when the target cannot carry everything; the loss report goes to stderr.
        #[arg(long)]
        allow_loss: bool,
        /// Output directory when converting a directory (default: `<dir>.<format>`).
        #[arg(long)]
        out: Option<PathBuf>,
    },
    /// Validate a document: decode it and check its invariants.
    Validate {
        /// The file to read, `-` for stdin.
        file: String,
    },
    /// Build a request for a purpose.
    Request(Box<RequestArgs>),
    /// Print the LEFI Online and SSBTEK versions and their capability matrix.
    Versions,
}

#[derive(Debug, clap::Args)]
struct RequestArgs {
    /// Purpose: samordning, samordning-automatiserad, riskbedomning, pensionsprognos,
    /// skadereglering or ekonomiskt-bistand.
    #[arg(long)]
    purpose: Option<String>,
    /// The person's personnummer or samordningsnummer.
    #[arg(long)]
    person: Option<String>,
    /// First day of the period (YYYY-MM-DD).
    #[arg(long)]
    from: Option<String>,
    /// Last day of the period (YYYY-MM-DD).
    #[arg(long)]
    tom: Option<String>,
    /// Date the individual's consent was given (needed for consent-requiring purposes).
    #[arg(long)]
    consent_date: Option<String>,
    /// Target format (lefi-v9, ssbtek-v10, ssbtek-v11, or a legacy lefi-vN).
    #[arg(long)]
    to: String,
    /// FK förmånsgrupper, comma-separated (e.g. FK:SJP,FK:FP).
    #[arg(long, value_delimiter = ',')]
    formansinformation: Vec<String>,
    /// PM anspråk groups, comma-separated.
    #[arg(long, value_delimiter = ',')]
    ansprak: Vec<String>,
    /// PM beslut groups, comma-separated.
    #[arg(long, value_delimiter = ',')]
    beslut: Vec<String>,
    /// Groups for preliminary payments, comma-separated.
    #[arg(long, value_delimiter = ',')]
    preliminara_utbetalningar: Vec<String>,
    /// Groups for executed payments, comma-separated.
    #[arg(long, value_delimiter = ',')]
    utbetalningar: Vec<String>,
    /// Övrig information types, comma-separated (e.g. FK:GEPI).
    #[arg(long, value_delimiter = ',')]
    ovrig_information: Vec<String>,
    /// Ask for a period longer than two years under an agreed exception.
    #[arg(long)]
    agreed_exception: bool,
    /// SSBTEK: the asking organisation's organisationsnummer.
    #[arg(long)]
    org: Option<String>,
    /// SSBTEK: the asking organisation's name.
    #[arg(long)]
    org_name: Option<String>,
    /// SSBTEK: the case officer (name or user id).
    #[arg(long)]
    handlaggare: Option<String>,
    /// SSBTEK: the case id (ärendeidentitet).
    #[arg(long)]
    arende: Option<String>,
    /// SSBTEK: the aktörs-id for the FK (LEFI) part.
    #[arg(long)]
    aktorsid: Option<String>,
    /// SSBTEK: agencies to include, comma-separated (AF,CSN,FK,SKV,SO,TNS,MIV).
    #[arg(long, value_delimiter = ',')]
    agencies: Vec<String>,
    /// SSBTEK: build a ping (testaBastjanstInformation) instead of a question.
    #[arg(long)]
    ping: bool,
    /// The request date used for consent checks (default: today).
    #[arg(long)]
    on: Option<String>,
}

/// Why a command failed, mapped to the documented exit codes.
#[derive(Debug)]
enum Failure {
    /// The operation was refused (exit 1).
    Refused(String),
    /// The input could not be read (exit 2).
    Unreadable(String),
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Versions => versions(),
        Command::Decode { .. }
        | Command::Encode { .. }
        | Command::Convert { .. }
        | Command::Validate { .. }
        | Command::Request(_) => Err(Failure::Refused(
            "this command needs a codec that has not landed in this build yet".into(),
        )),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(Failure::Refused(msg)) => {
            eprintln!("lefi: {msg}");
            ExitCode::from(1)
        }
        Err(Failure::Unreadable(msg)) => {
            eprintln!("lefi: {msg}");
            ExitCode::from(2)
        }
    }
}

/// Reads a file, or stdin for `-`.
#[allow(dead_code)]
fn read_input(file: &str) -> Result<Vec<u8>, Failure> {
    let mut buf = Vec::new();
    if file == "-" {
        std::io::stdin()
            .read_to_end(&mut buf)
            .map_err(|e| Failure::Unreadable(format!("cannot read stdin: {e}")))?;
    } else {
        buf = std::fs::read(file)
            .map_err(|e| Failure::Unreadable(format!("cannot read {file}: {e}")))?;
    }
    Ok(buf)
}

fn write_stdout(bytes: &[u8]) -> Result<(), Failure> {
    let mut out = std::io::stdout().lock();
    out.write_all(bytes)
        .and_then(|()| out.flush())
        .map_err(|e| Failure::Refused(format!("cannot write output: {e}")))
}

fn versions() -> Result<(), Failure> {
    write_stdout(lefi::version::capability_matrix().as_bytes())
}
