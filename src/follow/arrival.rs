//! What following a folder hands the window: each table file's news, and a line per file for
//! the status bar.

use crate::model::Session;
use std::path::PathBuf;
use std::time::SystemTime;

/// News of one table file in the followed folder, in the order it was found.
// A handful arrive at a time and each is moved once, into the merge: boxing the session
// would only add a step for the window to undo.
#[allow(clippy::large_enum_variant)]
#[derive(Debug, Clone, PartialEq)]
pub enum Arrival {
    /// The file was read whole: as it is now, or as it was when first seen.
    Read { path: PathBuf, session: Session },
    /// The file could not be read (half-synced, damaged, not a session). Reported once per
    /// distinct problem; it is tried again on every change and rescan until it reads whole.
    /// `error` is the full report, `FILE:LINE:COL: what is wrong` first.
    Unreadable { path: PathBuf, error: String },
    /// The file is no longer in the folder. What was merged from it stays merged: whether
    /// that means anything is the merge's business, not the follower's.
    Gone { path: PathBuf },
}

impl Arrival {
    /// The table file this is about.
    pub fn path(&self) -> &std::path::Path {
        match self {
            Arrival::Read { path, .. }
            | Arrival::Unreadable { path, .. }
            | Arrival::Gone { path } => path,
        }
    }
}

/// One table file as the status bar shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TableFile {
    pub path: PathBuf,
    /// When it was last read whole; None if it never has been.
    pub last_read: Option<SystemTime>,
    /// Why the newest version could not be read, until it reads whole.
    pub problem: Option<String>,
}
