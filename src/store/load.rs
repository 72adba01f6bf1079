//! Opening a session file, whatever is at the path: never blocks on a FIFO, never reads a
//! device, never writes.

use super::format::{self, ParseError};
use super::messages::position_of;
use super::problem::Problem;
use crate::model::Session;
use std::io::Read;
use std::path::{Path, PathBuf};

/// Files larger than this are refused: no real session comes close (10,000 cards is ~4 MB).
pub const SIZE_LIMIT: u64 = 256 * 1024 * 1024;

/// Why a file could not be opened.
#[derive(Debug)]
pub struct LoadError {
    pub path: PathBuf,
    pub problem: Box<Problem>,
    /// For a file from a newer Harvest: what could be read of it, to show read-only.
    pub newer: Option<Box<Session>>,
}

impl LoadError {
    fn new(path: &Path, problem: Problem) -> Self {
        Self {
            path: path.to_owned(),
            problem: Box::new(problem),
            newer: None,
        }
    }

    /// The full message: `FILE:LINE:COL: reason`, the line, a hint.
    pub fn report(&self) -> String {
        self.problem.report(&self.path.display().to_string())
    }
}

impl std::fmt::Display for LoadError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.report())
    }
}

impl std::error::Error for LoadError {}

/// Reads and checks the session file at `path`.
pub fn load(path: &Path) -> Result<Session, LoadError> {
    let bytes = read_bytes(path)?;
    load_bytes(path, &bytes)
}

/// Reads and checks a session file's bytes already in memory; `path` is for messages.
pub fn load_bytes(path: &Path, bytes: &[u8]) -> Result<Session, LoadError> {
    let text = decode(bytes).map_err(|problem| LoadError::new(path, problem))?;
    match format::from_text(&text) {
        Ok(parsed) => Ok(parsed.session),
        Err(ParseError::Bad(problem)) => Err(LoadError::new(path, problem)),
        Err(ParseError::Newer { version, readable }) => Err(LoadError {
            path: path.to_owned(),
            problem: Box::new(
                Problem::new(format!(
                    "this session was saved by a newer Harvest (file version {version}; \
                 this one reads up to version {})",
                    format::VERSION
                ))
                .hint("update Harvest to edit it; it can be opened read-only"),
            ),
            newer: readable,
        }),
    }
}

fn read_bytes(path: &Path) -> Result<Vec<u8>, LoadError> {
    let fail = |message: String| LoadError::new(path, Problem::new(message));
    let metadata = std::fs::metadata(path).map_err(|e| fail(io_message(&e)))?;
    if metadata.is_dir() {
        return Err(fail("this is a folder, not a session file".into()));
    }
    if !metadata.is_file() {
        return Err(fail(
            "this is not a regular file (a device, pipe or socket)".into(),
        ));
    }
    if metadata.len() > SIZE_LIMIT {
        return Err(fail(format!(
            "the file is {} MB, more than the {} MB a session file may be",
            metadata.len() / 1_000_000,
            SIZE_LIMIT / 1024 / 1024
        )));
    }
    let file = open_without_blocking(path).map_err(|e| fail(io_message(&e)))?;
    // The path may have been swapped for a pipe or device since it was looked at: check what
    // was actually opened.
    if !file.metadata().is_ok_and(|m| m.is_file()) {
        return Err(fail(
            "this is not a regular file (a device, pipe or socket)".into(),
        ));
    }
    let mut bytes = Vec::with_capacity(metadata.len() as usize);
    file.take(SIZE_LIMIT + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| fail(io_message(&e)))?;
    if bytes.len() as u64 > SIZE_LIMIT {
        return Err(fail(
            "the file grew past the size limit while it was read".into(),
        ));
    }
    Ok(bytes)
}

/// Opens for reading without waiting for a writer, should the path be a FIFO after all.
fn open_without_blocking(path: &Path) -> std::io::Result<std::fs::File> {
    let mut options = std::fs::File::options();
    options.read(true);
    #[cfg(target_os = "linux")]
    std::os::unix::fs::OpenOptionsExt::custom_flags(&mut options, 0o4000); // O_NONBLOCK
    #[cfg(target_os = "macos")]
    std::os::unix::fs::OpenOptionsExt::custom_flags(&mut options, 0x0004); // O_NONBLOCK
    options.open(path)
}

/// A byte-order mark, or the NUL halves of ASCII characters at the start.
fn looks_like_utf16(bytes: &[u8]) -> bool {
    let start = &bytes[..bytes.len().min(64)];
    let bom = start.starts_with(&[0xff, 0xfe]) || start.starts_with(&[0xfe, 0xff]);
    let pairs = start.chunks_exact(2);
    let ascii_pairs = pairs.len() >= 4
        && (pairs
            .clone()
            .all(|p| p[0] != 0 && p[0].is_ascii() && p[1] == 0)
            || pairs
                .clone()
                .all(|p| p[0] == 0 && p[1] != 0 && p[1].is_ascii()));
    bom || ascii_pairs
}

/// The file's text: UTF-8, with or without a byte-order mark.
fn decode(bytes: &[u8]) -> Result<String, Problem> {
    if looks_like_utf16(bytes) {
        return Err(Problem::new("the file is UTF-16 text; Harvest reads UTF-8")
            .hint("save it again as UTF-8 in your text editor"));
    }
    match std::str::from_utf8(bytes) {
        Ok(text) => {
            if let Some(at) = text.find('\0') {
                return Err(Problem::new("the file contains NUL bytes: it is damaged")
                    .at(position_of(text, at), text)
                    .hint("restore a previous version of the session"));
            }
            Ok(text.to_owned())
        }
        Err(error) => {
            let valid = String::from_utf8_lossy(&bytes[..error.valid_up_to()]).into_owned();
            Err(
                Problem::new("the file is not valid UTF-8 text: it is damaged or not a session")
                    .at(position_of(&valid, valid.len()), &valid)
                    .hint("restore a previous version of the session"),
            )
        }
    }
}

/// An I/O error in plain words.
pub fn io_message(error: &std::io::Error) -> String {
    use std::io::ErrorKind::*;
    match error.kind() {
        NotFound => "no such file".into(),
        PermissionDenied => "permission denied".into(),
        IsADirectory => "this is a folder, not a session file".into(),
        _ => error.to_string(),
    }
}
