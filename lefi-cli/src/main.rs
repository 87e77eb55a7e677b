//! The `lefi` command-line tool: a thin shell over the `lefi` library.
//!
//! Exit codes: 0 on success, 1 when an operation is refused (missing consent, loss without
//! `--allow-loss`, invalid content; for `send`, a request the service refused: HTTP 4xx or
//! a SOAP fault), 2 when the input cannot be read (for `send`, a transport or server
//! failure). Errors go to stderr.

mod net;

use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use chrono::NaiveDate;
use clap::{Parser, Subcommand};
use lefi::convert::{
    ConvertError, ConvertOptions, Decoding, Document, DocumentKind, DocumentSummary, Format,
    LefiQuestion, LossReport, PlanError, RequestPlan, Severity, SsbtekAsker, validate,
};
use lefi::id::{Organisationsnummer, Personnummer};
use lefi::legal::{Answer, IncomesView, Purpose, payments_view};
use lefi::model::lefi::request::AgreedException;
use lefi::model::ssbtek::{Agency, Arendeidentitet, SsbtekMessage};
use lefi::period::Period;
use lefi_cli::batch::{BatchOptions, BatchProgress, FileOutcome, convert_dir};

/// The embedded sample answer decoded when `lefi decode` is given no file.
const SAMPLE: &[u8] = include_bytes!("../../examples/data/lefi-v9-svar.json");

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
        /// Output form: `json` (the crate's JSON form), `summary`, `payments`, `incomes` (a
        /// table of the applicant's incomes across agencies), `incomes-json`, `benefits` (a
        /// timeline of every benefit case and decision) or `benefits-json`.
        #[arg(long, default_value = "json")]
        format: String,
        /// Read the input as this kind of document (request, response, available or error)
        /// instead of deciding from the document itself; for LEFI v9 JSON, whose kinds share
        /// property names (`{}` is any of them).
        #[arg(long)]
        kind: Option<String>,
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
    Convert(ConvertArgs),
    /// Validate a document: decode it and check its invariants.
    Validate {
        /// The file to read, `-` for stdin.
        file: String,
    },
    /// Build a request for a purpose.
    Request(Box<RequestArgs>),
    /// Print the LEFI Online and SSBTEK versions and their capability matrix.
    Versions,
    /// Run the contract-checking test double of LEFI v9 and SSBTEK.
    Serve(Box<net::ServeArgs>),
    /// Build a request, send it once and print the answer's summary (exit 1 when the
    /// service refuses it, 2 on a transport or server failure).
    Send(Box<net::SendArgs>),
}

#[derive(Debug, clap::Args)]
struct ConvertArgs {
    /// The file or directory to convert.
    file: PathBuf,
    /// Target format.
    #[arg(long)]
    to: String,
    /// Succeed even when the target cannot carry everything; the loss report goes to stderr.
    #[arg(long)]
    allow_loss: bool,
    /// Read the input as this kind of document (request, response, available or error)
    /// instead of deciding from the document itself; for LEFI v9 JSON, whose kinds share
    /// property names (`{}` is any of them).
    #[arg(long)]
    kind: Option<String>,
    /// Output directory when converting a directory (default: `<dir>.<format>`).
    #[arg(long)]
    out: Option<PathBuf>,
    /// Directory: skip files whose output exists and is not older (go on after an
    /// interrupted run).
    #[arg(long)]
    resume: bool,
    /// Directory: write a report, one JSON object per line and file: `{"file", "outcome"
    /// (converted, lossy, failed, skipped), "lost" (lossy), "error" (failed)}`.
    #[arg(long)]
    report: Option<PathBuf>,
    /// Write what was dropped as JSON: a list of `{"path", "code", "count"}` for a file, an
    /// object from input file to that list for a directory.
    #[arg(long)]
    loss_report: Option<PathBuf>,
    /// Directory: worker threads (default: every core, or `RAYON_NUM_THREADS`).
    #[arg(long, default_value_t = 0)]
    jobs: usize,
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
        Command::Decode { file, format, kind } => decode(file.as_deref(), &format, kind.as_deref()),
        Command::Encode { to, file } => encode(&to, file.as_deref().unwrap_or("-")),
        Command::Convert(args) => convert(&args),
        Command::Validate { file } => validate_file(&file),
        Command::Request(args) => request(&args),
        Command::Serve(args) => net::serve(&args),
        Command::Send(args) => net::send(&args),
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
fn read_input(file: &str) -> Result<Vec<u8>, Failure> {
    let mut buf = Vec::new();
    if file == "-" {
        std::io::stdin()
            .read_to_end(&mut buf)
            .map_err(|e| Failure::Unreadable(format!("cannot read stdin: {}", e.kind())))?;
    } else {
        buf = std::fs::read(file)
            .map_err(|e| Failure::Unreadable(format!("cannot read {file}: {}", e.kind())))?;
    }
    Ok(buf)
}

fn write_stdout(bytes: &[u8]) -> Result<(), Failure> {
    let mut out = std::io::stdout().lock();
    out.write_all(bytes)
        .and_then(|()| out.flush())
        .map_err(|e| Failure::Refused(format!("cannot write output: {}", e.kind())))
}

/// Maps a library error: input that is not a document at all is unreadable (exit 2);
/// everything else is a refusal (exit 1).
fn failure(e: ConvertError) -> Failure {
    match e {
        ConvertError::UnknownFormat => Failure::Unreadable(e.to_string()),
        other => Failure::Refused(other.to_string()),
    }
}

fn parse_kind(text: Option<&str>) -> Result<Option<DocumentKind>, Failure> {
    text.map(|t| {
        t.parse::<DocumentKind>().map_err(|_| {
            Failure::Refused(format!(
                "unknown document kind {t:?} (expected request, response, available or error)"
            ))
        })
    })
    .transpose()
}

fn parse_format(text: &str) -> Result<Format, Failure> {
    text.parse::<Format>()
        .map_err(|e| Failure::Refused(e.to_string()))
}

/// Decodes a document of any format, printing on stderr what the decoder noticed without
/// refusing it (unknown content kept or ignored, SSBTEK agency blocks kept undecodable).
fn decode_document(
    bytes: &[u8],
    kind: Option<DocumentKind>,
) -> Result<(Format, Decoding), Failure> {
    let format = Format::detect(bytes).ok_or_else(|| failure(ConvertError::UnknownFormat))?;
    let decoded = Document::decode_noticing(bytes, format, kind).map_err(failure)?;
    warn(&decoded.warnings);
    Ok((format, decoded))
}

/// Prints a decoder's warnings on stderr, one per line.
fn warn(warnings: &[impl std::fmt::Display]) {
    for w in warnings {
        eprintln!("lefi: warning: {w}");
    }
}

fn decode(file: Option<&str>, format: &str, kind: Option<&str>) -> Result<(), Failure> {
    let kind = parse_kind(kind)?;
    let bytes = match file {
        Some(f) => read_input(f)?,
        None => SAMPLE.to_vec(),
    };
    let (detected, Decoding { document: doc, .. }) = decode_document(&bytes, kind)?;
    match format {
        "json" => {
            let mut out = doc.to_json_form().map_err(failure)?;
            out.push(b'\n');
            write_stdout(&out)
        }
        "summary" => write_stdout(DocumentSummary::new(&doc).to_string().as_bytes()),
        "payments" => {
            let answer = match &doc {
                Document::LefiSvar(svar) => Answer::Lefi(svar),
                Document::Ssbtek(s) => {
                    Answer::try_from(&**s).map_err(|e| Failure::Refused(e.to_string()))?
                }
                _ => {
                    return Err(Failure::Refused(format!(
                        "a {} carries no payments",
                        doc.kind()
                    )));
                }
            };
            let mut out = serde_json::to_vec_pretty(&payments_view(answer))
                .map_err(|e| Failure::Refused(format!("cannot write the view: {e}")))?;
            out.push(b'\n');
            write_stdout(&out)
        }
        "incomes" | "incomes-json" => {
            let view = match &doc {
                Document::LefiSvar(svar) => IncomesView::from_lefi(svar),
                Document::Ssbtek(s) => match &s.message {
                    SsbtekMessage::Response(svar) => IncomesView::from_ssbtek(svar),
                    _ => {
                        return Err(Failure::Refused(format!(
                            "a {} carries no incomes",
                            doc.kind()
                        )));
                    }
                },
                _ => {
                    return Err(Failure::Refused(format!(
                        "a {} carries no incomes",
                        doc.kind()
                    )));
                }
            };
            if format == "incomes" {
                return write_stdout(view.to_string().as_bytes());
            }
            let mut out = serde_json::to_vec_pretty(&view)
                .map_err(|e| Failure::Refused(format!("cannot write the view: {e}")))?;
            out.push(b'\n');
            write_stdout(&out)
        }
        "benefits" | "benefits-json" => {
            let view = lefi::convert::benefits_view(&doc, detected, None).ok_or_else(|| {
                Failure::Refused(match doc.kind() {
                    // the SSBTEK answer's benefit cases are in Försäkringskassan's part
                    "ssbtek-svar" => {
                        "the ssbtek-svar has no Försäkringskassan (LEFI) part, so no benefit cases"
                            .to_owned()
                    }
                    kind => format!("a {kind} carries no benefit cases"),
                })
            })?;
            if format == "benefits" {
                return write_stdout(view.to_string().as_bytes());
            }
            let mut out = serde_json::to_vec_pretty(&view)
                .map_err(|e| Failure::Refused(format!("cannot write the view: {e}")))?;
            out.push(b'\n');
            write_stdout(&out)
        }
        other => Err(Failure::Refused(format!(
            "unknown output format {other:?} (expected json, summary, payments, incomes, incomes-json, benefits or benefits-json)"
        ))),
    }
}

fn encode(to: &str, file: &str) -> Result<(), Failure> {
    let to = parse_format(to)?;
    let bytes = read_input(file)?;
    let doc = Document::from_json_form(&bytes).map_err(failure)?;
    let (out, report) = doc.encode(to).map_err(failure)?;
    if !report.is_empty() {
        return Err(Failure::Refused(format!(
            "{to} cannot carry everything in the input; use `lefi convert --allow-loss` to drop it:\n{report}"
        )));
    }
    write_stdout(&out)
}

fn write_file(path: &Path, bytes: &[u8]) -> Result<(), Failure> {
    std::fs::write(path, bytes)
        .map_err(|e| Failure::Unreadable(format!("cannot write {}: {}", path.display(), e.kind())))
}

fn json_of<T: serde::Serialize>(value: &T) -> Vec<u8> {
    let mut out = serde_json::to_vec_pretty(value).unwrap_or_default();
    out.push(b'\n');
    out
}

fn convert(args: &ConvertArgs) -> Result<(), Failure> {
    let to = parse_format(&args.to)?;
    let mut options = if args.allow_loss {
        ConvertOptions::allowing_loss()
    } else {
        ConvertOptions::default()
    };
    options.kind = parse_kind(args.kind.as_deref())?;
    if args.file.is_dir() {
        let mut batch = BatchOptions::default();
        batch.convert = options;
        batch.resume = args.resume;
        batch.threads = args.jobs;
        return convert_directory(args, to, &batch);
    }
    let bytes = read_input(&args.file.to_string_lossy())?;
    let (_, decoded) = decode_document(&bytes, options.kind)?;
    let (out, report) = decoded.encode(to).map_err(failure)?;
    if let Some(path) = &args.loss_report {
        write_file(path, &json_of(&report))?;
    }
    if !report.is_empty() {
        if !options.allow_loss {
            return Err(failure(ConvertError::Lossy { to, report }));
        }
        eprintln!("dropped (allowed by --allow-loss):\n{report}");
    }
    write_stdout(&out)
}

/// One line of `--report`.
fn report_line(p: &BatchProgress<'_>) -> Vec<u8> {
    let file = p.path.display().to_string();
    let line = match p.outcome {
        FileOutcome::Converted => serde_json::json!({"file": file, "outcome": "converted"}),
        FileOutcome::Lossy(r) => serde_json::json!({"file": file, "outcome": "lossy", "lost": r}),
        FileOutcome::Failed(reason) => {
            serde_json::json!({"file": file, "outcome": "failed", "error": reason})
        }
        _ => serde_json::json!({"file": file, "outcome": "skipped"}),
    };
    let mut out = serde_json::to_vec(&line).unwrap_or_default();
    out.push(b'\n');
    out
}

fn convert_directory(
    args: &ConvertArgs,
    to: Format,
    options: &BatchOptions,
) -> Result<(), Failure> {
    use std::io::IsTerminal;
    use std::sync::{Mutex, PoisonError};
    let default_out = PathBuf::from(format!("{}.{to}", args.file.display()));
    let out_dir = args.out.as_deref().unwrap_or(&default_out);
    let report = match &args.report {
        Some(path) => Some(Mutex::new(std::fs::File::create(path).map_err(|e| {
            Failure::Unreadable(format!("cannot write {}: {}", path.display(), e.kind()))
        })?)),
        None => None,
    };
    let bar = std::io::stderr().is_terminal().then(|| {
        let bar = indicatif::ProgressBar::new(0);
        if let Ok(style) = indicatif::ProgressStyle::with_template(
            "{bar:40} {pos}/{len} files, {per_sec}, eta {eta}",
        ) {
            bar.set_style(style);
        }
        bar
    });
    let report_failed = Mutex::new(None);
    let summary = convert_dir(&args.file, out_dir, to, options, |p| {
        let what = match p.outcome {
            FileOutcome::Converted => "converted".to_owned(),
            FileOutcome::Lossy(r) => format!("converted, dropped {} item(s)", r.total()),
            FileOutcome::Failed(reason) => format!("failed: {reason}"),
            _ => "skipped (output is current)".to_owned(),
        };
        match &bar {
            Some(bar) => {
                bar.set_length(p.total as u64);
                bar.inc(1);
                if matches!(p.outcome, FileOutcome::Failed(_)) {
                    bar.println(format!("{}: {what}", p.path.display()));
                }
            }
            None => eprintln!("[{}/{}] {}: {what}", p.done, p.total, p.path.display()),
        }
        if let Some(file) = &report {
            let mut file = file.lock().unwrap_or_else(PoisonError::into_inner);
            if let Err(e) = file.write_all(&report_line(p)) {
                *report_failed.lock().unwrap_or_else(PoisonError::into_inner) = Some(e.kind());
            }
        }
    })
    .map_err(|e| Failure::Unreadable(format!("cannot convert the directory: {}", e.kind())))?;
    if let Some(bar) = &bar {
        bar.finish_and_clear();
    }
    if let Some(kind) = report_failed
        .into_inner()
        .unwrap_or_else(PoisonError::into_inner)
    {
        return Err(Failure::Unreadable(format!(
            "cannot write the report: {kind}"
        )));
    }
    if let Some(path) = &args.loss_report {
        let lost: std::collections::BTreeMap<String, &LossReport> = summary
            .lossy
            .iter()
            .map(|(p, r)| (p.display().to_string(), r))
            .collect();
        write_file(path, &json_of(&lost))?;
    }
    eprintln!("{summary}");
    if summary.failed.is_empty() {
        Ok(())
    } else {
        Err(Failure::Refused(format!(
            "{} file(s) could not be converted",
            summary.failed.len()
        )))
    }
}

fn validate_file(file: &str) -> Result<(), Failure> {
    let bytes = read_input(file)?;
    let (format, Decoding { document: doc, .. }) = decode_document(&bytes, None)?;
    let findings = validate(&doc);
    for f in &findings {
        eprintln!("{f}");
    }
    let errors = findings
        .iter()
        .filter(|f| f.severity == Severity::Error)
        .count();
    if errors > 0 {
        return Err(Failure::Refused(format!(
            "{} ({format}) is not valid: {errors} error(s)",
            doc.kind()
        )));
    }
    write_stdout(format!("{} ({format}) is valid\n", doc.kind()).as_bytes())
}

fn date_arg(name: &str, value: Option<&str>) -> Result<NaiveDate, Failure> {
    let text = value.ok_or_else(|| Failure::Refused(format!("--{name} is required")))?;
    NaiveDate::parse_from_str(text, "%Y-%m-%d")
        .map_err(|_| Failure::Refused(format!("--{name} is not a date (YYYY-MM-DD)")))
}

fn required<'a>(name: &str, value: Option<&'a str>) -> Result<&'a str, Failure> {
    value.ok_or_else(|| Failure::Refused(format!("--{name} is required")))
}

fn codes<T: std::str::FromStr>(flag: &str, values: &[String]) -> Result<Vec<T>, Failure>
where
    T::Err: std::fmt::Display,
{
    values
        .iter()
        .filter(|v| !v.trim().is_empty())
        .map(|v| {
            v.trim()
                .parse::<T>()
                .map_err(|e| Failure::Refused(format!("--{flag}: {e}")))
        })
        .collect()
}

fn refused(e: impl std::fmt::Display) -> Failure {
    Failure::Refused(e.to_string())
}

fn request(args: &RequestArgs) -> Result<(), Failure> {
    let to = parse_format(&args.to)?;
    if args.ping {
        let (out, _) = lefi::convert::ping(to)
            .map_err(refused)?
            .encode(to)
            .map_err(failure)?;
        return write_stdout(&out);
    }
    write_stdout(&plan(args, to)?.encode(to).map_err(plan_failure)?)
}

/// The request plan the flags describe (shared by `request` and `send`).
fn plan(args: &RequestArgs, to: Format) -> Result<RequestPlan, Failure> {
    let on = match &args.on {
        Some(text) => date_arg("on", Some(text))?,
        None => chrono::Local::now().date_naive(),
    };
    let purpose: Purpose = required("purpose", args.purpose.as_deref())?
        .parse()
        .map_err(refused)?;
    let person =
        Personnummer::parse_with_reference(required("person", args.person.as_deref())?, on)
            .map_err(refused)?;
    let period = Period::new(
        date_arg("from", args.from.as_deref())?,
        date_arg("tom", args.tom.as_deref())?,
    )
    .map_err(refused)?;
    let consent_date = match &args.consent_date {
        Some(text) => Some(date_arg("consent-date", Some(text))?),
        None => None,
    };
    let question = LefiQuestion {
        formansinformation: codes("formansinformation", &args.formansinformation)?,
        ansprak: codes("ansprak", &args.ansprak)?,
        beslut: codes("beslut", &args.beslut)?,
        preliminara_utbetalningar: codes(
            "preliminara-utbetalningar",
            &args.preliminara_utbetalningar,
        )?,
        utbetalningar: codes("utbetalningar", &args.utbetalningar)?,
        ovrig_information: codes("ovrig-information", &args.ovrig_information)?,
        agreed_exception: args
            .agreed_exception
            .then(|| AgreedException::new("stated on the command line")),
    };
    let mut plan = RequestPlan::new(purpose, person, period, consent_date, on)
        .map_err(refused)?
        .with_lefi(question);
    if to.ssbtek_version().is_some() {
        let agencies = codes::<Agency>("agencies", &args.agencies)?;
        if agencies.is_empty() {
            return Err(Failure::Refused("--agencies is required for SSBTEK".into()));
        }
        let mut asker = SsbtekAsker::new(
            Organisationsnummer::parse(required("org", args.org.as_deref())?).map_err(refused)?,
            required("org-name", args.org_name.as_deref())?,
            required("handlaggare", args.handlaggare.as_deref())?,
            Arendeidentitet::new(required("arende", args.arende.as_deref())?).map_err(refused)?,
            agencies,
        );
        if let Some(aktorsid) = &args.aktorsid {
            asker = asker.with_aktorsid(aktorsid);
        }
        plan = plan.with_ssbtek(asker);
    }
    Ok(plan)
}

fn plan_failure(e: PlanError) -> Failure {
    match e {
        PlanError::Encode(e) => failure(e),
        PlanError::NoAktorsid => {
            Failure::Refused("--aktorsid is required when FK is among --agencies".into())
        }
        e => refused(e),
    }
}

fn versions() -> Result<(), Failure> {
    write_stdout(lefi::version::capability_matrix().as_bytes())
}
