//! One look at the followed folder: which table files are new, changed, broken or gone since
//! the last look. Reads only what changed, writes nothing.

use super::arrival::{Arrival, TableFile};
use super::read::{Outcome, Stamp, read_whole, stamp};
use crate::merge::inputs::session_files;
use crate::store::io_message;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::SystemTime;

/// What the follower knows of the folder between looks.
pub struct Scanner {
    folder: PathBuf,
    /// The session open in this window, canonicalized: never an input.
    own_file: Option<PathBuf>,
    files: BTreeMap<PathBuf, Known>,
    /// Why the folder itself could not be listed at the last look.
    folder_problem: Option<String>,
}

/// One table file as last seen.
#[derive(Default)]
struct Known {
    /// The stamp of the last whole read.
    read: Option<Stamp>,
    last_read: Option<SystemTime>,
    problem: Option<String>,
}

impl Scanner {
    pub fn new(folder: PathBuf, own_file: Option<PathBuf>) -> Self {
        Self {
            folder,
            own_file: own_file.map(|path| canonical(&path)),
            files: BTreeMap::new(),
            folder_problem: None,
        }
    }

    /// Looks at the folder once, reading every file whose stamp differs from its last whole
    /// read and retrying every file that did not read whole. Stops early once `stop` is set.
    pub fn scan(&mut self, stop: &AtomicBool) -> Vec<Arrival> {
        let mut arrivals = Vec::new();
        let listed = match session_files(&self.folder) {
            Ok(listed) => listed,
            Err(error) => {
                // A pulled USB stick or a dropped share: nothing is gone, it is out of reach.
                self.folder_problem = Some(format!(
                    "the folder cannot be read — {}: {}",
                    folder_reason(&error),
                    self.folder.display()
                ));
                return arrivals;
            }
        };
        self.folder_problem = None;
        let listed: Vec<PathBuf> = listed
            .into_iter()
            .filter(|path| !self.is_own(path))
            .collect();

        let gone: Vec<PathBuf> = self
            .files
            .keys()
            .filter(|path| !listed.contains(path))
            .cloned()
            .collect();
        for path in gone {
            self.files.remove(&path);
            arrivals.push(Arrival::Gone { path });
        }

        for path in listed {
            if stop.load(Ordering::Relaxed) {
                break;
            }
            let known = self.files.entry(path.clone()).or_default();
            let Ok(now) = stamp(&path) else {
                // Gone since the listing: the next look reports it.
                continue;
            };
            if known.read == Some(now) {
                continue;
            }
            match read_whole(&path) {
                Outcome::Whole(session, stamp) => {
                    known.read = Some(stamp);
                    known.last_read = Some(SystemTime::now());
                    known.problem = None;
                    arrivals.push(Arrival::Read {
                        path,
                        session: *session,
                    });
                }
                Outcome::Failed(error) => {
                    if known.problem.as_ref() != Some(&error) {
                        known.problem = Some(error.clone());
                        arrivals.push(Arrival::Unreadable { path, error });
                    }
                }
                Outcome::Changing | Outcome::Vanished => {}
            }
        }
        arrivals
    }

    /// The table files as last seen, by name.
    pub fn files(&self) -> Vec<TableFile> {
        let mut files: Vec<TableFile> = self
            .files
            .iter()
            .map(|(path, known)| TableFile {
                path: path.clone(),
                last_read: known.last_read,
                problem: known.problem.clone(),
            })
            .collect();
        files.sort_by(|a, b| a.path.file_name().cmp(&b.path.file_name()));
        files
    }

    pub fn folder_problem(&self) -> Option<String> {
        self.folder_problem.clone()
    }

    fn is_own(&self, path: &Path) -> bool {
        self.own_file
            .as_ref()
            .is_some_and(|own| *own == canonical(path))
    }
}

/// An I/O error about the folder itself, in plain words.
pub fn folder_reason(error: &std::io::Error) -> String {
    match error.kind() {
        std::io::ErrorKind::NotFound => "no such folder".to_owned(),
        _ => io_message(error),
    }
}

/// The path with links and `..` resolved, or as given if it cannot be (it has gone).
fn canonical(path: &Path) -> PathBuf {
    std::fs::canonicalize(path).unwrap_or_else(|_| path.to_owned())
}
