//! Batch conversion of a directory, for migration tooling converting archives: every core,
//! the directory streamed, each output written atomically, resumable, one bad file never
//! stopping the batch.

use std::ffi::OsStr;
use std::fmt;
use std::fs;
use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};

use lefi::convert::{ConvertOptions, Format, LossReport, convert_detected};

/// How to convert a directory.
///
/// ```
/// use lefi_cli::batch::BatchOptions;
/// let mut options = BatchOptions::default();
/// assert!(!options.resume && options.threads == 0 && !options.convert.allow_loss);
/// options.convert.allow_loss = true;
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
#[non_exhaustive]
pub struct BatchOptions {
    /// How each file is converted (loss allowed, kind).
    pub convert: ConvertOptions,
    /// Skip a file whose output exists and is not older than it (to go on after an
    /// interrupted run). Default `false`.
    pub resume: bool,
    /// Worker threads; 0 (the default) uses every core.
    pub threads: usize,
}

/// What happened to one file of a batch.
#[derive(Debug)]
#[non_exhaustive]
pub enum FileOutcome {
    /// Converted without loss.
    Converted,
    /// Converted, dropping what the report lists (only with loss allowed).
    Lossy(LossReport),
    /// Not converted; the reason (no document values in it).
    Failed(String),
    /// Not converted again: its output exists and is not older than the input
    /// ([`BatchOptions::resume`]).
    Skipped,
}

/// Progress of [`convert_dir`], reported after each file (from the worker that converted
/// it, in the order the files finish).
#[derive(Debug)]
#[non_exhaustive]
pub struct BatchProgress<'a> {
    /// How many files are done, this one included.
    pub done: usize,
    /// Number of files in the batch.
    pub total: usize,
    /// The input file.
    pub path: &'a Path,
    /// What happened to it.
    pub outcome: &'a FileOutcome,
}

/// The end result of [`convert_dir`].
#[derive(Debug, Default)]
#[non_exhaustive]
pub struct BatchSummary {
    /// Files converted without loss.
    pub converted: usize,
    /// Files skipped because their output was current ([`BatchOptions::resume`]).
    pub skipped: usize,
    /// Files converted with loss, with their reports (sorted by path).
    pub lossy: Vec<(PathBuf, LossReport)>,
    /// Files not converted, with the reasons (sorted by path).
    pub failed: Vec<(PathBuf, String)>,
    /// Temporary files an interrupted earlier run left in the output directory, removed
    /// before this one started.
    pub stale_removed: usize,
}

impl fmt::Display for BatchSummary {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} converted, {} lossy, {} failed",
            self.converted,
            self.lossy.len(),
            self.failed.len()
        )?;
        if self.skipped > 0 {
            write!(f, ", {} skipped (already converted)", self.skipped)?;
        }
        if self.stale_removed > 0 {
            write!(
                f,
                ", {} unfinished output(s) of an interrupted run removed",
                self.stale_removed
            )?;
        }
        for (path, reason) in &self.failed {
            write!(f, "\n  {}: {reason}", path.display())?;
        }
        Ok(())
    }
}

/// The suffix of the temporary files outputs are written to before their rename.
const PARTIAL: &str = "partial";

/// The output file of `input` in `out_dir`: the same stem, the target's extension.
fn output_of(input: &Path, out_dir: &Path, to: Format) -> PathBuf {
    let stem = input.file_stem().unwrap_or(input.as_os_str());
    out_dir.join(stem).with_extension(to.extension())
}

/// Whether `target` exists and is not older than `input`.
fn is_current(input: &Path, target: &Path) -> bool {
    let modified = |p: &Path| fs::metadata(p).and_then(|m| m.modified());
    matches!((modified(input), modified(target)), (Ok(i), Ok(t)) if t >= i)
}

/// Whether `name` is a temporary output: `<output>.<process id>.partial`.
fn is_partial(name: &OsStr) -> bool {
    let Some(name) = name.to_str() else {
        return false;
    };
    let Some(rest) = name.strip_suffix(PARTIAL).and_then(|r| r.strip_suffix('.')) else {
        return false;
    };
    rest.rsplit_once('.').is_some_and(|(output, pid)| {
        !output.is_empty() && !pid.is_empty() && pid.bytes().all(|b| b.is_ascii_digit())
    })
}

/// Writes `bytes` to `target` through a temporary file in the same directory and a rename,
/// so that an interrupted run never leaves a partial output under the final name.
fn write_atomically(target: &Path, bytes: &[u8]) -> io::Result<()> {
    let mut name = target.file_name().unwrap_or_default().to_owned();
    name.push(format!(".{}.{PARTIAL}", std::process::id()));
    let temporary = target.with_file_name(name);
    let written = fs::File::create(&temporary).and_then(|f| {
        let mut w = BufWriter::new(f);
        w.write_all(bytes)?;
        w.flush()
    });
    match written.and_then(|()| fs::rename(&temporary, target)) {
        Ok(()) => Ok(()),
        Err(e) => {
            let _ = fs::remove_file(&temporary);
            Err(e)
        }
    }
}

fn convert_file(input: &Path, out_dir: &Path, to: Format, options: &BatchOptions) -> FileOutcome {
    let target = output_of(input, out_dir, to);
    if options.resume && is_current(input, &target) {
        return FileOutcome::Skipped;
    }
    let bytes = match fs::read(input) {
        Ok(b) => b,
        Err(e) => return FileOutcome::Failed(format!("cannot read: {}", e.kind())),
    };
    let (out, report) = match convert_detected(&bytes, to, &options.convert) {
        Ok(r) => r,
        Err(e) => return FileOutcome::Failed(e.to_string()),
    };
    drop(bytes);
    if let Err(e) = write_atomically(&target, &out) {
        return FileOutcome::Failed(format!("cannot write output: {}", e.kind()));
    }
    if report.is_empty() {
        FileOutcome::Converted
    } else {
        FileOutcome::Lossy(report)
    }
}

/// The regular files of `dir` whose names pass `keep`, read as the directory is walked
/// (never listed whole).
fn files_of(
    dir: &Path,
    keep: impl Fn(&OsStr) -> bool,
) -> io::Result<impl Iterator<Item = PathBuf>> {
    Ok(fs::read_dir(dir)?.filter_map(move |entry| {
        let entry = entry.ok()?;
        let is_file = entry.file_type().ok()?.is_file();
        (is_file && keep(&entry.file_name())).then(|| entry.path())
    }))
}

/// Removes the temporary outputs an interrupted run left in `output_dir`.
fn remove_stale(output_dir: &Path) -> io::Result<usize> {
    let mut removed = 0;
    for path in files_of(output_dir, is_partial)? {
        if fs::remove_file(path).is_ok() {
            removed += 1;
        }
    }
    Ok(removed)
}

/// Converts every file of `input_dir` (not recursing) into `output_dir` (created if
/// missing; same file stem, the target's extension) on [`BatchOptions::threads`] worker
/// threads (every core by default). The directory is streamed, not listed whole, so memory
/// stays flat in the number of files; each output is written to a temporary file
/// (`<output>.<process id>.partial`) and renamed, so an interrupted run never leaves a
/// half-written output under a final name, and the temporary files such a run leaves are
/// removed when the next run starts. With [`BatchOptions::resume`] the run goes on where
/// an interrupted one stopped. Calls `progress` after each file. One bad file never stops
/// the batch: it is listed in [`BatchSummary::failed`] with the reason.
///
/// # Errors
/// Only when the directories cannot be read or created, or the worker threads cannot be
/// started.
///
/// ```
/// use lefi::convert::Format;
/// use lefi_cli::batch::{convert_dir, BatchOptions};
/// let dir = std::env::temp_dir().join(format!("lefi-convert-doc-{}", std::process::id()));
/// std::fs::create_dir_all(dir.join("in"))?;
/// std::fs::write(dir.join("in/a.json"), br#"{"utlamnare":[]}"#)?;
/// std::fs::write(dir.join("in/b.json"), b"not json")?;
/// let summary = convert_dir(&dir.join("in"), &dir.join("out"), Format::LefiV6, &BatchOptions::default(), |_| {})?;
/// assert_eq!((summary.converted, summary.failed.len()), (1, 1));
/// assert!(dir.join("out/a.xml").exists());
/// // an interrupted run's temporary file is removed; resuming skips what is done
/// std::fs::write(dir.join("out/b.xml.4242.partial"), b"<half")?;
/// let mut again = BatchOptions::default();
/// again.resume = true;
/// let summary = convert_dir(&dir.join("in"), &dir.join("out"), Format::LefiV6, &again, |_| {})?;
/// assert_eq!((summary.converted, summary.skipped, summary.failed.len()), (0, 1, 1));
/// assert_eq!(summary.stale_removed, 1);
/// assert!(!dir.join("out/b.xml.4242.partial").exists());
/// # std::fs::remove_dir_all(&dir)?;
/// # Ok::<(), std::io::Error>(())
/// ```
pub fn convert_dir(
    input_dir: &Path,
    output_dir: &Path,
    to: Format,
    options: &BatchOptions,
    progress: impl Fn(&BatchProgress<'_>) + Sync,
) -> io::Result<BatchSummary> {
    use rayon::iter::{ParallelBridge, ParallelIterator};
    use std::sync::Mutex;
    use std::sync::atomic::{AtomicUsize, Ordering};

    let total = files_of(input_dir, |_| true)?.count();
    fs::create_dir_all(output_dir)?;
    let stale_removed = remove_stale(output_dir)?;
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(options.threads)
        .build()
        .map_err(io::Error::other)?;
    let done = AtomicUsize::new(0);
    let summary = Mutex::new(BatchSummary {
        stale_removed,
        ..BatchSummary::default()
    });
    let files = files_of(input_dir, |_| true)?;
    pool.install(|| {
        files.par_bridge().for_each(|path| {
            let outcome = convert_file(&path, output_dir, to, options);
            progress(&BatchProgress {
                done: done.fetch_add(1, Ordering::Relaxed) + 1,
                total,
                path: &path,
                outcome: &outcome,
            });
            let mut summary = summary
                .lock()
                .unwrap_or_else(std::sync::PoisonError::into_inner);
            match outcome {
                FileOutcome::Converted => summary.converted += 1,
                FileOutcome::Skipped => summary.skipped += 1,
                FileOutcome::Lossy(report) => summary.lossy.push((path, report)),
                FileOutcome::Failed(reason) => summary.failed.push((path, reason)),
            }
        });
    });
    let mut summary = summary
        .into_inner()
        .unwrap_or_else(std::sync::PoisonError::into_inner);
    summary.lossy.sort_by(|a, b| a.0.cmp(&b.0));
    summary.failed.sort_by(|a, b| a.0.cmp(&b.0));
    Ok(summary)
}

#[cfg(test)]
mod tests {
    use super::is_partial;
    use std::ffi::OsStr;

    #[test]
    fn only_the_batchs_own_temporary_files_are_stale() {
        for name in ["a.xml.12.partial", "svar-00001.json.4242.partial"] {
            assert!(is_partial(OsStr::new(name)), "{name}");
        }
        for name in [
            "a.xml",
            "a.partial",
            "a.xml.partial",
            "a.xml.x1.partial",
            ".12.partial",
            "a.xml.12.partial.bak",
        ] {
            assert!(!is_partial(OsStr::new(name)), "{name}");
        }
    }
}
