//! The decoder: one pass of the generated reader for the plain form (see
//! [`fast`](super::fast)), else one serde_json pass under the [`Guard`]; a second,
//! path-tracking pass only to explain a failure.
//!
//! The guard counts nesting and unknown properties inside the deserializer, so no scan of
//! the input runs before or after a successful pass. Contract quirks are read into the
//! model whatever the settings; the settings decide afterwards, by one walk over the value
//! ([`ContractQuirks`]), whether they are reported or refused.

use std::io::Read;

use super::guard::{Guard, Refusal, Track};
use super::{Document, DocumentKind, Error, LefiDocument, fast};
use crate::input::Position;
use crate::model::lefi::{
    ContractQuirks, LefiExternFormansinformationFraga, LefiExternFormansinformationSvar,
    LefiExternTillgangligaInformationstyper, LefiFelsvar,
};
use crate::version::LefiVersion;
use crate::wire::json;
use crate::wire::{DecodeSettings, Decoded, UnknownContent, Warning, WarningKind};

/// Decodes a document with the default [`DecodeSettings`], discarding warnings.
///
/// Unknown properties are ignored and contract quirks tolerated, as with the defaults;
/// use [`decode_with`] to see them or to refuse them.
///
/// # Errors
/// [`Error`] when the bytes are over the limits, not JSON, or not the document `T`.
///
/// ```
/// use lefi::model::lefi::LefiFelsvar;
/// let felsvar: LefiFelsvar = lefi::wire::lefi_json::from_slice(
///     br#"{"meddelande":"Internt fel","timestamp":"2024-03-01T10:15:00.123+01:00"}"#,
/// )?;
/// assert_eq!(felsvar.timestamp.as_ref().map(|t| t.as_str()), Some("2024-03-01T10:15:00.123+01:00"));
/// # Ok::<(), lefi::wire::lefi_json::Error>(())
/// ```
pub fn from_slice<T: LefiDocument>(input: &[u8]) -> Result<T, Error> {
    run(input, &DecodeSettings::new(), false).map(|d| d.value)
}

/// Reads a whole document (at most the default 64 MiB) and decodes it like [`from_slice`].
///
/// # Errors
/// [`Error::Io`] when reading fails, otherwise as [`from_slice`].
///
/// ```
/// use lefi::model::lefi::LefiFelsvar;
/// let felsvar: LefiFelsvar = lefi::wire::lefi_json::from_reader(&br#"{"meddelande":"Fel"}"#[..])?;
/// assert_eq!(felsvar.meddelande.as_deref(), Some("Fel"));
/// # Ok::<(), lefi::wire::lefi_json::Error>(())
/// ```
pub fn from_reader<T: LefiDocument, R: Read>(input: R) -> Result<T, Error> {
    let settings = DecodeSettings::new();
    let bytes = read_limited(input, &settings)?;
    run(&bytes, &settings, false).map(|d| d.value)
}

/// Decodes a document with explicit settings and returns it with its version and warnings.
///
/// Warnings: the unknown properties (under [`UnknownContent::Warn`]) in document order,
/// then the tolerated contract quirks in the order of [`ContractQuirks::quirks`].
///
/// # Errors
/// [`Error`] when the bytes are over the limits, not JSON, not the document `T`, or (per
/// the settings) contain unknown properties or contract quirks.
///
/// ```
/// use lefi::model::lefi::LefiFelsvar;
/// use lefi::version::LefiVersion;
/// use lefi::wire::lefi_json::{self, Error};
/// use lefi::wire::{DecodeSettings, WarningKind};
///
/// let json = br#"{"meddelande":"Fel","kod":17}"#;
/// let decoded = lefi_json::decode_with::<LefiFelsvar>(json, &DecodeSettings::new())?;
/// assert_eq!(decoded.version, LefiVersion::V9);
/// assert_eq!(decoded.warnings[0].path, "kod");
/// assert_eq!(decoded.warnings[0].kind, WarningKind::UnknownProperty { kept: false });
///
/// let strict = lefi_json::decode_with::<LefiFelsvar>(json, &DecodeSettings::strict());
/// assert!(matches!(strict, Err(Error::UnknownProperty { position }) if position.path() == "kod"));
/// # Ok::<(), Error>(())
/// ```
pub fn decode_with<T: LefiDocument>(
    input: &[u8],
    settings: &DecodeSettings,
) -> Result<Decoded<T, LefiVersion>, Error> {
    run(input, settings, true)
}

/// Reads a whole document (at most `settings.limits.max_bytes()`) and decodes it like
/// [`decode_with`].
///
/// # Errors
/// [`Error::Io`] when reading fails, otherwise as [`decode_with`].
///
/// ```
/// use lefi::model::lefi::LefiFelsvar;
/// use lefi::wire::lefi_json::{self, Error};
/// use lefi::wire::{DecodeLimits, DecodeSettings};
///
/// let settings = DecodeSettings::new().with_limits(DecodeLimits::new().with_max_bytes(8));
/// let err = lefi_json::decode_reader_with::<LefiFelsvar, _>(&br#"{"meddelande":"Fel"}"#[..], &settings);
/// assert!(matches!(err, Err(Error::TooLarge { max: 8 })));
/// ```
pub fn decode_reader_with<T: LefiDocument, R: Read>(
    input: R,
    settings: &DecodeSettings,
) -> Result<Decoded<T, LefiVersion>, Error> {
    let bytes = read_limited(input, settings)?;
    run(&bytes, settings, true)
}

/// Decodes a document of any of the four kinds; the kind is decided by the decode itself.
///
/// **The rule.** The kinds are tried in the order request, response, available types,
/// error (the order of [`DocumentKind::ALL`], which is also the order for ties):
///
/// 1. The first kind whose type reads the whole document without meeting a property it does
///    not define is the document's kind. So `{}` (which all but the request read) is an
///    empty response, and `{"preliminaraUtbetalningar":[{"kod":…,"beskrivning":…}]}` is an
///    available-types answer (a response does not define `kod` and `beskrivning` there).
///    This is the generated reader's one pass in the common case. A document that more
///    than one kind reads cleanly (`{}`, or `{"beslut":[]}`: an empty list both the
///    response and the available types define) is the earliest of them; use
///    [`decode_kind`] when the kind is known otherwise (e.g. from the HTTP operation).
/// 2. When no kind reads it cleanly, the kind that reads *furthest* into the document
///    before it meets a property it does not define or a value it refuses is taken; a kind
///    that reads the whole document wins a tie against one that refuses it. If that kind
///    read the document, it is the result, with its unknown properties handled per
///    `settings.unknown` (warned about, ignored — under [`UnknownContent::Deny`] each kind
///    refuses its first unknown property, so there is none); if it refused the document,
///    its error is the error.
///
/// Contract quirks are handled afterwards, as in [`decode_with`].
///
/// # Errors
/// As [`decode_with`], for the kind the rule chose.
///
/// ```
/// use lefi::wire::lefi_json::{self, DocumentKind};
/// use lefi::wire::DecodeSettings;
///
/// let available = br#"{"preliminaraUtbetalningar":[{"kod":"FK:SJP","beskrivning":"Sjukpenning"}]}"#;
/// let decoded = lefi_json::decode_any(available, &DecodeSettings::new())?;
/// assert_eq!(decoded.value.kind(), DocumentKind::Available);
/// assert!(decoded.warnings.is_empty());
/// assert_eq!(lefi_json::to_vec(&decoded.value)?, available);
///
/// let empty = lefi_json::decode_any(b"{}", &DecodeSettings::new())?;
/// assert_eq!(empty.value.kind(), DocumentKind::Response);
/// # Ok::<(), lefi_json::Error>(())
/// ```
pub fn decode_any(
    input: &[u8],
    settings: &DecodeSettings,
) -> Result<Decoded<Document, LefiVersion>, Error> {
    check_size(input, settings)?;
    let text = core::str::from_utf8(input).ok();
    let policy = Policy::of(settings, true);
    if let Some(text) = text {
        for kind in DocumentKind::ALL {
            if let Some(pass) = fast_clean(kind, text, policy.levels) {
                return finish(pass, settings, true);
            }
        }
    }
    let [first, rest @ ..] = DocumentKind::ALL;
    let mut best = candidate(first, input, text, policy, None);
    if !best.is_clean() {
        for kind in rest {
            let next = candidate(kind, input, text, policy, Some(best.reach));
            let clean = next.is_clean();
            if clean || next.beats(&best) {
                best = next;
            }
            if clean {
                break;
            }
        }
    }
    match best.outcome {
        Outcome::Read(pass) => finish(pass, settings, true),
        Outcome::Refused { failure } => Err(explain_kind(best.kind, input, policy, &failure)),
    }
}

/// Decodes a document of a kind known beforehand (an explicit override of
/// [`decode_any`]'s rule), as [`decode_with`] would.
///
/// # Errors
/// As [`decode_with`].
///
/// ```
/// use lefi::wire::lefi_json::{self, DocumentKind};
/// use lefi::wire::DecodeSettings;
/// // read as an error answer, `{}` is an empty one
/// let decoded = lefi_json::decode_kind(b"{}", DocumentKind::Error, &DecodeSettings::new())?;
/// assert_eq!(decoded.value.kind(), DocumentKind::Error);
/// # Ok::<(), lefi_json::Error>(())
/// ```
pub fn decode_kind(
    input: &[u8],
    kind: DocumentKind,
    settings: &DecodeSettings,
) -> Result<Decoded<Document, LefiVersion>, Error> {
    fn one<T: LefiDocument>(
        input: &[u8],
        settings: &DecodeSettings,
    ) -> Result<Decoded<Document, LefiVersion>, Error> {
        run::<T>(input, settings, true).map(|d| d.map(LefiDocument::into_document))
    }
    match kind {
        DocumentKind::Request => one::<LefiExternFormansinformationFraga>(input, settings),
        DocumentKind::Response => one::<LefiExternFormansinformationSvar>(input, settings),
        DocumentKind::Available => one::<LefiExternTillgangligaInformationstyper>(input, settings),
        DocumentKind::Error => one::<LefiFelsvar>(input, settings),
    }
}

fn read_limited<R: Read>(input: R, settings: &DecodeSettings) -> Result<Vec<u8>, Error> {
    let max = settings.limits.max_bytes();
    let mut bytes = Vec::new();
    input
        .take(max.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(Error::Io)?;
    check_size(&bytes, settings)?;
    Ok(bytes)
}

fn check_size(input: &[u8], settings: &DecodeSettings) -> Result<(), Error> {
    let max = settings.limits.max_bytes();
    if u64::try_from(input.len()).map_or(true, |len| len > max) {
        return Err(Error::TooLarge { max });
    }
    Ok(())
}

/// How one pass treats the document.
#[derive(Debug, Clone, Copy)]
struct Policy {
    /// Levels of nesting allowed.
    levels: usize,
    /// Unknown properties allowed (`Some(0)` under [`UnknownContent::Deny`]).
    max_unknown: Option<usize>,
    /// Whether the paths of unknown properties are wanted.
    paths: bool,
}

impl Policy {
    fn of(settings: &DecodeSettings, want_warnings: bool) -> Self {
        Self {
            levels: settings.limits.max_depth(),
            max_unknown: (settings.unknown == UnknownContent::Deny).then_some(0),
            paths: want_warnings && settings.unknown == UnknownContent::Warn,
        }
    }
}

/// A document read by one pass.
struct Pass<T> {
    value: T,
    /// The paths of unknown properties, when wanted.
    unknown: Vec<String>,
}

/// Why a pass failed: serde_json's error and what the guard refused, if anything.
struct Failure {
    err: serde_json::Error,
    refused: Option<Refusal>,
    /// The byte offset of the first unknown property's value, if one was met.
    first_unknown: Option<usize>,
}

fn run<T: LefiDocument>(
    input: &[u8],
    settings: &DecodeSettings,
    want_warnings: bool,
) -> Result<Decoded<T, LefiVersion>, Error> {
    check_size(input, settings)?;
    let text = core::str::from_utf8(input).ok();
    let policy = Policy::of(settings, want_warnings);
    let pass = match attempt::<T>(input, text, policy, None, true) {
        Ok((pass, _)) => pass,
        Err(failure) => return Err(explain::<T>(input, policy, &failure)),
    };
    finish(pass, settings, want_warnings)
}

/// The warnings (or the refusal) of a read document.
fn finish<T: ContractQuirks>(
    pass: Pass<T>,
    settings: &DecodeSettings,
    want_warnings: bool,
) -> Result<Decoded<T, LefiVersion>, Error> {
    let mut warnings: Vec<Warning> = pass
        .unknown
        .into_iter()
        .map(|path| Warning::new(path, WarningKind::UnknownProperty { kept: false }))
        .collect();
    if want_warnings || !settings.tolerate_quirks {
        let quirks = pass.value.quirks();
        if !settings.tolerate_quirks {
            if let Some(found) = quirks.into_iter().next() {
                return Err(Error::ContractQuirk {
                    path: found.path,
                    quirk: found.quirk,
                });
            }
        } else {
            warnings.extend(quirks.into_iter().map(|found| {
                Warning::new(
                    found.path,
                    WarningKind::ContractQuirk { quirk: found.quirk },
                )
            }));
        }
    }
    Ok(Decoded::new(pass.value, LefiVersion::V9, warnings))
}

/// One pass: the generated reader if `fast_first` and it can, else serde_json under the
/// guard. With a `threshold`, the serde pass gives up at a first unknown property whose
/// value starts before that byte offset. On success of the serde pass, also where the
/// first unknown property's value starts, if there is one.
fn attempt<T: LefiDocument>(
    input: &[u8],
    text: Option<&str>,
    policy: Policy,
    threshold: Option<usize>,
    fast_first: bool,
) -> Result<(Pass<T>, Option<usize>), Failure> {
    // the typed model nests at most `SCHEMA_DEPTH` deep; below that limit the serde pass,
    // which counts every level, decides
    let fast = fast_first && policy.levels >= T::SCHEMA_DEPTH;
    if let Some(text) = text.filter(|_| fast) {
        let limits = fast::Limits {
            levels: policy.levels,
            max_unknown: policy.max_unknown,
            track_unknown: policy.paths,
        };
        if let Ok(read) = fast::read_document::<T>(text, limits) {
            let unknown = json::key_paths(text, &read.unknown_keys);
            let pass = Pass {
                value: read.value,
                unknown,
            };
            return Ok((pass, None));
        }
    }
    let track = Track::new(input, policy.max_unknown, threshold);
    let mut unknown = Vec::new();
    let result = match text {
        // valid UTF-8 (checked once, in bulk) is parsed from `&str`, so that serde_json
        // does not validate every string again
        Some(text) => serde_pass(
            serde_json::Deserializer::from_str(text),
            &track,
            policy,
            &mut unknown,
        ),
        None => serde_pass(
            serde_json::Deserializer::from_slice(input),
            &track,
            policy,
            &mut unknown,
        ),
    };
    match result {
        Ok(value) => Ok((Pass { value, unknown }, track.first_unknown())),
        Err(err) => Err(Failure {
            err,
            refused: track.refused(),
            first_unknown: track.first_unknown(),
        }),
    }
}

/// The serde pass: the model's `Deserialize` impls over serde_json, under the guard, and
/// under `serde_ignored` when the paths of unknown properties are wanted.
fn serde_pass<'de, R: serde_json::de::Read<'de>, T: LefiDocument>(
    mut de: serde_json::Deserializer<R>,
    track: &Track,
    policy: Policy,
    unknown: &mut Vec<String>,
) -> Result<T, serde_json::Error> {
    let guarded = Guard::new(&mut de, track, policy.levels);
    let value = if policy.paths {
        serde_ignored::deserialize(guarded, |path| unknown.push(json::ignored_path(&path)))?
    } else {
        T::deserialize(guarded)?
    };
    de.end()?;
    Ok(value)
}

/// Describes a failed pass: parses again with the same policy, tracking the path.
fn explain<T: LefiDocument>(input: &[u8], policy: Policy, failure: &Failure) -> Error {
    let track = Track::new(input, policy.max_unknown, None);
    let mut de = serde_json::Deserializer::from_slice(input);
    let outcome =
        serde_path_to_error::deserialize::<_, T>(Guard::new(&mut de, &track, policy.levels));
    let (path, err) = match outcome {
        Err(err) => (json::tracked_path(err.path()), err.into_inner()),
        Ok(_) => match de.end() {
            Err(err) => (String::new(), err),
            // not expected: both passes read the same bytes with the same policy
            Ok(()) => (
                String::new(),
                <serde_json::Error as serde::de::Error>::custom(json::sanitized_message(
                    &failure.err,
                )),
            ),
        },
    };
    convert(
        input,
        policy,
        path,
        &err,
        track.refused().or(failure.refused),
    )
}

fn convert(
    input: &[u8],
    policy: Policy,
    path: String,
    err: &serde_json::Error,
    refused: Option<Refusal>,
) -> Error {
    use serde_json::error::Category;
    let max = policy.levels;
    // a document too deep is refused as such, whatever else is wrong with it
    let deep = json::too_deep_at(input, max);
    if let Some(offset) = deep {
        let (line, column) = json::line_column(input, offset);
        let path = match refused {
            Some(Refusal::TooDeep { .. }) => path,
            _ => String::new(),
        };
        return Error::TooDeep {
            max,
            position: Position::new(offset as u64, line, column, path),
        };
    }
    let (line, column) = (err.line() as u64, err.column() as u64);
    let offset = json::offset_of(input, line, column) as u64;
    let position = Position::new(offset, line, column, path);
    match (refused, err.classify()) {
        (Some(Refusal::Unknown), _) => Error::UnknownProperty { position },
        (_, Category::Data) => Error::Data {
            position,
            expected: json::sanitized_message(err),
        },
        (_, Category::Syntax | Category::Eof | Category::Io) => Error::Syntax {
            position,
            message: json::sanitized_message(err),
        },
    }
}

/// A document kind's pass in [`decode_any`].
struct Candidate {
    kind: DocumentKind,
    /// How far into the document the kind read before meeting a property it does not
    /// define or a value it refuses (the input's length when it read everything).
    reach: usize,
    outcome: Outcome,
}

enum Outcome {
    /// Read (with the paths of its unknown properties, when wanted).
    Read(Pass<Document>),
    /// Refused.
    Refused { failure: Failure },
}

impl Candidate {
    fn is_clean(&self) -> bool {
        matches!(self.outcome, Outcome::Read(_)) && self.reach == usize::MAX
    }

    /// Whether this (later) candidate is preferred to `other`.
    fn beats(&self, other: &Self) -> bool {
        let read = |c: &Self| matches!(c.outcome, Outcome::Read(_));
        self.reach > other.reach || (self.reach == other.reach && read(self) && !read(other))
    }
}

/// Reads the document as `kind`, giving up at a first unknown property before `threshold`.
fn candidate(
    kind: DocumentKind,
    input: &[u8],
    text: Option<&str>,
    policy: Policy,
    threshold: Option<usize>,
) -> Candidate {
    fn one<T: LefiDocument>(
        kind: DocumentKind,
        input: &[u8],
        text: Option<&str>,
        policy: Policy,
        threshold: Option<usize>,
    ) -> Candidate {
        // the serde pass only, which says where the first unknown property is
        match attempt::<T>(input, text, policy, threshold, false) {
            Ok((pass, first_unknown)) => Candidate {
                kind,
                reach: first_unknown.unwrap_or(usize::MAX),
                outcome: Outcome::Read(Pass {
                    value: pass.value.into_document(),
                    unknown: pass.unknown,
                }),
            },
            Err(failure) => {
                let at = json::offset_of(
                    input,
                    failure.err.line() as u64,
                    failure.err.column() as u64,
                );
                Candidate {
                    kind,
                    reach: failure.first_unknown.map_or(at, |u| u.min(at)),
                    outcome: Outcome::Refused { failure },
                }
            }
        }
    }
    match kind {
        DocumentKind::Request => {
            one::<LefiExternFormansinformationFraga>(kind, input, text, policy, threshold)
        }
        DocumentKind::Response => {
            one::<LefiExternFormansinformationSvar>(kind, input, text, policy, threshold)
        }
        DocumentKind::Available => {
            one::<LefiExternTillgangligaInformationstyper>(kind, input, text, policy, threshold)
        }
        DocumentKind::Error => one::<LefiFelsvar>(kind, input, text, policy, threshold),
    }
}

/// The generated reader's clean read of the document as `kind` (no unknown property).
fn fast_clean(kind: DocumentKind, text: &str, levels: usize) -> Option<Pass<Document>> {
    fn one<T: LefiDocument>(text: &str, levels: usize) -> Option<Pass<Document>> {
        if levels < T::SCHEMA_DEPTH {
            return None;
        }
        let limits = fast::Limits {
            levels,
            max_unknown: Some(0),
            track_unknown: false,
        };
        let read = fast::read_document::<T>(text, limits).ok()?;
        Some(Pass {
            value: read.value.into_document(),
            unknown: Vec::new(),
        })
    }
    match kind {
        DocumentKind::Request => one::<LefiExternFormansinformationFraga>(text, levels),
        DocumentKind::Response => one::<LefiExternFormansinformationSvar>(text, levels),
        DocumentKind::Available => one::<LefiExternTillgangligaInformationstyper>(text, levels),
        DocumentKind::Error => one::<LefiFelsvar>(text, levels),
    }
}

fn explain_kind(kind: DocumentKind, input: &[u8], policy: Policy, failure: &Failure) -> Error {
    match kind {
        DocumentKind::Request => {
            explain::<LefiExternFormansinformationFraga>(input, policy, failure)
        }
        DocumentKind::Response => {
            explain::<LefiExternFormansinformationSvar>(input, policy, failure)
        }
        DocumentKind::Available => {
            explain::<LefiExternTillgangligaInformationstyper>(input, policy, failure)
        }
        DocumentKind::Error => explain::<LefiFelsvar>(input, policy, failure),
    }
}
