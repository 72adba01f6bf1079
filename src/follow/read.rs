//! Reading one table file whole, or not at all: a file whose size or modified time changed
//! while it was read is read again, so a version being written is never taken for a finished
//! one.

use crate::model::Session;
use crate::store::{io_message, load};
use std::path::Path;
use std::time::SystemTime;

/// How often a file that keeps changing under the reader is read again before it is left
/// for the next rescan.
const TRIES: usize = 3;

/// What a file looks like from outside: when the file was last written, and how long it is.
/// A file is read again whenever this differs from its last whole read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Stamp {
    pub modified: Option<SystemTime>,
    pub len: u64,
}

/// What came of reading a file.
#[derive(Debug)]
pub enum Outcome {
    Whole(Box<Session>, Stamp),
    Failed(String),
    /// It changed under every try: a writer is still at it.
    Changing,
    /// It went between the listing and the read.
    Vanished,
}

/// The file's stamp, or None if it is not there any more.
pub fn stamp(path: &Path) -> std::io::Result<Stamp> {
    let metadata = std::fs::metadata(path)?;
    Ok(Stamp {
        modified: metadata.modified().ok(),
        len: metadata.len(),
    })
}

/// Reads the session at `path`, checking that it did not change meanwhile. Never writes.
pub fn read_whole(path: &Path) -> Outcome {
    for _ in 0..TRIES {
        let before = match look(path) {
            Ok(stamp) => stamp,
            Err(outcome) => return outcome,
        };
        let loaded = load(path);
        let after = match look(path) {
            Ok(stamp) => stamp,
            Err(outcome) => return outcome,
        };
        if before != after {
            continue;
        }
        return match loaded {
            Ok(session) => Outcome::Whole(Box::new(session), before),
            Err(error) => Outcome::Failed(error.report()),
        };
    }
    Outcome::Changing
}

fn look(path: &Path) -> Result<Stamp, Outcome> {
    stamp(path).map_err(|error| match error.kind() {
        std::io::ErrorKind::NotFound => Outcome::Vanished,
        _ => Outcome::Failed(format!("{}: {}", path.display(), io_message(&error))),
    })
}
