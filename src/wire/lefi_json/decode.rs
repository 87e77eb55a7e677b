//! The decoder: the generated reader for the plain form (see [`fast`](super::fast)), else
//! a serde pass; a depth scan only when needed; and on failure a second, path-tracking
//! pass.
//!
//! The nesting limit needs a scan of the bytes only where the typed model does not bound
//! the depth itself: inside skipped values (noticed by [`watch`](super::watch)) and
//! tolerated quirks, or when the limit is below the schema's own depth (then the scan
//! runs first).
//!
//! A plain document costs the generated reader's one pass (and, when it skipped unknown
//! properties whose paths are wanted, a scan for those paths). Any other document costs
//! the part of that pass up to where the reader gave up, then one serde_json pass (plus
//! `serde_ignored` when unknown properties are to be reported). Only when the serde pass
//! fails is the input parsed again with `serde_path_to_error` to name the JSON path, so
//! locating errors costs nothing on success. Tolerated quirks are located the same way,
//! lazily: the pass refusing quirk number *i* stops right at it.

use std::io::Read;

use super::fast;
use super::quirks::Scope;
use super::watch;
use super::{DecodeSettings, Decoded, Error, LefiDocument, UnknownFields, Warning, WarningKind};
use crate::wire::json::{self, PrescanError};

/// At most this many tolerated quirks are located and reported per document.
const MAX_QUIRK_WARNINGS: usize = 64;

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
pub fn from_slice<T: LefiDocument>(bytes: &[u8]) -> Result<T, Error> {
    run(&DecodeSettings::new(), bytes, false).map(|d| d.value)
}

/// Reads a whole document (at most the default 32 MiB) and decodes it like [`from_slice`].
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
pub fn from_reader<T: LefiDocument, R: Read>(reader: R) -> Result<T, Error> {
    let settings = DecodeSettings::new();
    let bytes = read_limited(reader, settings.max_bytes)?;
    run(&settings, &bytes, false).map(|d| d.value)
}

/// Decodes a document with explicit settings and returns the warnings with it.
///
/// # Errors
/// [`Error`] when the bytes are over the limits, not JSON, not the document `T`, or (per
/// the settings) contain unknown properties or contract quirks.
///
/// ```
/// use lefi::model::lefi::LefiFelsvar;
/// use lefi::wire::lefi_json::{self, DecodeSettings, Error, WarningKind};
///
/// let json = br#"{"meddelande":"Fel","kod":17}"#;
/// let decoded = lefi_json::decode_with::<LefiFelsvar>(&DecodeSettings::default(), json)?;
/// assert_eq!(decoded.warnings[0].path, "kod");
/// assert_eq!(decoded.warnings[0].kind, WarningKind::UnknownField);
///
/// let strict = lefi_json::decode_with::<LefiFelsvar>(&DecodeSettings::strict(), json);
/// assert!(matches!(strict, Err(Error::UnknownField { path }) if path == "kod"));
/// # Ok::<(), Error>(())
/// ```
pub fn decode_with<T: LefiDocument>(
    settings: &DecodeSettings,
    bytes: &[u8],
) -> Result<Decoded<T>, Error> {
    run(settings, bytes, true)
}

/// Reads a whole document (at most `settings.max_bytes`) and decodes it like
/// [`decode_with`].
///
/// # Errors
/// [`Error::Io`] when reading fails, otherwise as [`decode_with`].
///
/// ```
/// use lefi::model::lefi::LefiFelsvar;
/// use lefi::wire::lefi_json::{self, DecodeSettings, Error};
///
/// let mut settings = DecodeSettings::default();
/// settings.max_bytes = 8;
/// let err = lefi_json::decode_reader_with::<LefiFelsvar, _>(&settings, &br#"{"meddelande":"Fel"}"#[..]);
/// assert!(matches!(err, Err(Error::TooLarge { max: 8 })));
/// ```
pub fn decode_reader_with<T: LefiDocument, R: Read>(
    settings: &DecodeSettings,
    reader: R,
) -> Result<Decoded<T>, Error> {
    let bytes = read_limited(reader, settings.max_bytes)?;
    run(settings, &bytes, true)
}

fn read_limited<R: Read>(reader: R, max_bytes: usize) -> Result<Vec<u8>, Error> {
    let limit = u64::try_from(max_bytes)
        .unwrap_or(u64::MAX)
        .saturating_add(1);
    let mut bytes = Vec::new();
    reader
        .take(limit)
        .read_to_end(&mut bytes)
        .map_err(Error::Io)?;
    if bytes.len() > max_bytes {
        return Err(Error::TooLarge { max: max_bytes });
    }
    Ok(bytes)
}

fn run<T: LefiDocument>(
    settings: &DecodeSettings,
    bytes: &[u8],
    want_warnings: bool,
) -> Result<Decoded<T>, Error> {
    if bytes.len() > settings.max_bytes {
        return Err(Error::TooLarge {
            max: settings.max_bytes,
        });
    }
    // The typed model nests at most `T::SCHEMA_DEPTH` deep. With a limit at least that
    // high, only skipped values (unknown properties) and tolerated quirks can go deeper,
    // so the depth scan runs after the parse and only when one of those was met. A lower
    // limit is checked first, as the model itself may reach it.
    let scan_first = settings.max_depth < T::SCHEMA_DEPTH;
    if scan_first {
        depth_check(settings, bytes)?;
    }
    let track_unknown = match settings.unknown_fields {
        UnknownFields::Warn => want_warnings,
        UnknownFields::Deny => true,
        UnknownFields::Ignore => false,
    };
    let mut unknown = Vec::new();
    let text = core::str::from_utf8(bytes).ok();
    let mut scope = Scope::new(settings.tolerate_contract_quirks, None);
    watch::take_skipped();
    // The generated reader first: it reads only the plain form, as serde would.
    let generated = text
        .filter(|_| settings.generated_reader)
        .and_then(|text| fast::read_document::<T>(text, track_unknown).ok());
    if generated.is_none() {
        // the serde path decides, from a clean state
        drop(scope);
        scope = Scope::new(settings.tolerate_contract_quirks, None);
        watch::take_skipped();
    }
    // Valid UTF-8 (checked once, in bulk) is parsed from `&str`, so that serde_json does
    // not validate every string again; anything else goes through the slice reader,
    // which reports where the bad bytes are.
    let result: Result<T, serde_json::Error> = match (generated, text) {
        (Some(read), Some(text)) => {
            unknown = json::key_paths(text, &read.unknown_keys);
            Ok(read.value)
        }
        (None, Some(text)) => serde_pass(
            serde_json::Deserializer::from_str(text),
            track_unknown,
            &mut unknown,
        ),
        (_, None) => serde_pass(
            serde_json::Deserializer::from_slice(bytes),
            track_unknown,
            &mut unknown,
        ),
    };
    let quirks_seen = scope.seen();
    drop(scope);
    let skipped = watch::take_skipped() || !unknown.is_empty() || quirks_seen > 0;
    let value = match result {
        Ok(value) => value,
        Err(first) => {
            // a document too deep is refused as such, whatever else is wrong with it
            if !scan_first {
                depth_check(settings, bytes)?;
            }
            return Err(locate_error::<T>(settings, bytes, &first));
        }
    };
    if skipped && !scan_first {
        depth_check(settings, bytes)?;
    }
    if settings.unknown_fields == UnknownFields::Deny {
        if let Some(path) = unknown.into_iter().next() {
            return Err(Error::UnknownField { path });
        }
        unknown = Vec::new();
    }
    let mut warnings: Vec<Warning> = unknown
        .into_iter()
        .map(|path| Warning {
            path,
            kind: WarningKind::UnknownField,
        })
        .collect();
    if want_warnings && quirks_seen > 0 {
        warnings.extend(locate_quirks::<T>(bytes, quirks_seen));
    }
    Ok(Decoded { value, warnings })
}

/// Refuses a document nested deeper than the limit (one scan of the bytes).
fn depth_check(settings: &DecodeSettings, bytes: &[u8]) -> Result<(), Error> {
    json::prescan(bytes, settings.max_bytes, settings.max_depth).map_err(|e| match e {
        PrescanError::TooLarge => Error::TooLarge {
            max: settings.max_bytes,
        },
        PrescanError::TooDeep { offset } => {
            let (line, column) = json::line_column(bytes, offset);
            Error::TooDeep {
                max: settings.max_depth,
                line,
                column,
            }
        }
    })
}

/// The untracked pass (skipped values noticed by [`watch::Watch`]), or the pass
/// collecting the paths of unknown properties.
fn serde_pass<'de, R: serde_json::de::Read<'de>, T: LefiDocument>(
    mut de: serde_json::Deserializer<R>,
    track_unknown: bool,
    unknown: &mut Vec<String>,
) -> Result<T, serde_json::Error> {
    let value = if track_unknown {
        serde_ignored::deserialize(&mut de, |path| unknown.push(json::ignored_path(&path)))?
    } else {
        T::deserialize(watch::Watch(&mut de))?
    };
    de.end()?;
    Ok(value)
}

/// One path-tracking pass; the tracked path with the pass's result.
fn tracked<T: LefiDocument>(bytes: &[u8]) -> Result<T, (String, serde_json::Error)> {
    let mut de = serde_json::Deserializer::from_slice(bytes);
    match serde_path_to_error::deserialize::<_, T>(&mut de) {
        Ok(value) => de.end().map(|()| value).map_err(|e| (String::new(), e)),
        Err(err) => Err((json::tracked_path(err.path()), err.into_inner())),
    }
}

/// Parses again, tracking the path, to describe why the serde pass failed.
fn locate_error<T: LefiDocument>(
    settings: &DecodeSettings,
    bytes: &[u8],
    first: &serde_json::Error,
) -> Error {
    let scope = Scope::new(settings.tolerate_contract_quirks, None);
    let (path, err) = match tracked::<T>(bytes) {
        Err((path, err)) => (path, err),
        // not expected: both passes read the same bytes with the same policy
        Ok(_) => (String::new(), clone_error(first)),
    };
    let refused = scope.refused();
    drop(scope);
    convert(path, &err, refused)
}

fn clone_error(err: &serde_json::Error) -> serde_json::Error {
    <serde_json::Error as serde::de::Error>::custom(json::sanitized_message(err))
}

fn convert(path: String, err: &serde_json::Error, refused: Option<super::Quirk>) -> Error {
    use serde_json::error::Category;
    let (line, column) = (err.line(), err.column());
    match (err.classify(), refused) {
        (Category::Data, Some(quirk)) => Error::ContractQuirk { path, quirk },
        (Category::Data, None) => Error::Data {
            path,
            line,
            column,
            expected: json::sanitized_message(err),
        },
        (Category::Syntax | Category::Eof | Category::Io, _) => Error::Syntax {
            path,
            line,
            column,
            message: json::sanitized_message(err),
        },
    }
}

/// Finds the paths of the tolerated quirks by refusing them one at a time.
fn locate_quirks<T: LefiDocument>(bytes: &[u8], count: usize) -> Vec<Warning> {
    let mut warnings = Vec::new();
    for index in 0..count.min(MAX_QUIRK_WARNINGS) {
        let scope = Scope::new(true, Some(index));
        let outcome = tracked::<T>(bytes);
        if let (Err((path, _)), Some(quirk)) = (outcome, scope.refused()) {
            warnings.push(Warning {
                path,
                kind: WarningKind::ContractQuirk(quirk),
            });
        }
    }
    warnings
}
