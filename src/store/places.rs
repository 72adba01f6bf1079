//! Where Harvest keeps its own files: the data folder, the list of recent sessions, the folder
//! of the card boxes' drafts, names for new files, and the first run's copy of the sample
//! workshop.

use super::load::io_message;
use super::save::write_atomically;
use std::path::{Path, PathBuf};

/// The sample workshop, built into the binary so a first run has something real to show.
pub const SAMPLE: &str = include_str!("../../assets/sample-workshop.ron");

/// How many sessions File → Open recent offers.
pub const RECENT_LIMIT: usize = 8;

/// The name of the first run's copy of the sample in the data folder.
const SAMPLE_NAME: &str = "Sample workshop.ron";

/// The note of recent sessions in the data folder: one absolute path a line, newest first.
/// Older Harvests wrote a single path with no line break, which reads as a list of one.
const RECENT_NOTE: &str = "recent";

/// Why one of Harvest's own places could not be used. The path comes last, as in every
/// message about a file.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PlaceError {
    #[error("could not find a folder for Harvest's files")]
    NoDataDir,
    #[error("{reason}: {path}")]
    Io { reason: String, path: PathBuf },
}

impl PlaceError {
    fn io(path: &Path, error: &std::io::Error) -> Self {
        PlaceError::Io {
            reason: io_message(error),
            path: path.to_owned(),
        }
    }
}

/// Where Harvest keeps its own files: new sessions, the sample copy, the recent-session note.
/// `HARVEST_DATA_DIR` overrides it (tests use this to stay out of the real one).
pub fn data_dir() -> Option<PathBuf> {
    if let Some(dir) = std::env::var_os("HARVEST_DATA_DIR") {
        return Some(PathBuf::from(dir));
    }
    directories::ProjectDirs::from("org", "Harvest", "Harvest").map(|d| d.data_dir().to_owned())
}

/// A session in the recent list, and whether it was still there when the list was read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RecentSession {
    pub path: PathBuf,
    pub found: bool,
}

/// Harvest's own folder and what it keeps there. The app and the tests each say which folder
/// they mean, so a test never touches the real one.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Places {
    dir: Option<PathBuf>,
}

impl Places {
    /// The folder of [`data_dir`].
    pub fn standard() -> Self {
        Self { dir: data_dir() }
    }

    /// Another folder (tests).
    pub fn at(dir: impl Into<PathBuf>) -> Self {
        Self {
            dir: Some(dir.into()),
        }
    }

    /// Where the words typed in card boxes but not yet added are kept, one file per session.
    pub fn drafts_dir(&self) -> Option<PathBuf> {
        self.dir.as_ref().map(|dir| dir.join("drafts"))
    }

    /// The folder, made if it is not there yet.
    pub fn ensure_dir(&self) -> Result<PathBuf, PlaceError> {
        let dir = self.dir.clone().ok_or(PlaceError::NoDataDir)?;
        std::fs::create_dir_all(&dir).map_err(|e| PlaceError::io(&dir, &e))?;
        Ok(dir)
    }

    /// Puts `path` at the top of the recent list. Failing to is only logged: the session
    /// itself is safe either way.
    pub fn remember_recent(&self, path: &Path) {
        let path = std::path::absolute(path).unwrap_or_else(|_| path.to_owned());
        let Some(line) = path.to_str().filter(|p| !p.contains('\n')) else {
            log::warn!("not remembering a session whose name the note cannot hold: {path:?}");
            return;
        };
        let mut lines = vec![line.to_owned()];
        lines.extend(
            self.recent_paths()
                .into_iter()
                .filter(|p| *p != path)
                .filter_map(|p| p.to_str().map(str::to_owned)),
        );
        lines.truncate(RECENT_LIMIT);
        let mut text = lines.join("\n");
        text.push('\n');
        let result = self.ensure_dir().and_then(|dir| {
            let note = dir.join(RECENT_NOTE);
            write_atomically(&note, text.as_bytes()).map_err(|e| PlaceError::io(&note, &e))
        });
        if let Err(error) = result {
            log::warn!("could not remember the recent session: {error}");
        }
    }

    /// The recent sessions, newest first, each marked with whether it is still there.
    pub fn recent_sessions(&self) -> Vec<RecentSession> {
        self.recent_paths()
            .into_iter()
            .map(|path| RecentSession {
                found: path.is_file(),
                path,
            })
            .collect()
    }

    /// The session to reopen: the newest recent one that is still there.
    pub fn reopen(&self) -> Option<PathBuf> {
        self.recent_paths().into_iter().find(|p| p.is_file())
    }

    fn recent_paths(&self) -> Vec<PathBuf> {
        let Some(dir) = &self.dir else {
            return Vec::new();
        };
        let text = std::fs::read_to_string(dir.join(RECENT_NOTE)).unwrap_or_default();
        text.lines()
            .map(str::trim)
            .filter(|line| !line.is_empty())
            .map(PathBuf::from)
            .take(RECENT_LIMIT)
            .collect()
    }

    /// Where the first run's copy of the sample is, whether or not it is there yet.
    pub fn sample_path(&self) -> Option<PathBuf> {
        self.dir.as_ref().map(|dir| dir.join(SAMPLE_NAME))
    }

    /// Copies the sample into the folder (never over an existing copy) and returns its path.
    pub fn first_run_sample(&self) -> Result<PathBuf, PlaceError> {
        let path = self.ensure_dir()?.join(SAMPLE_NAME);
        if !path.exists() {
            write_atomically(&path, SAMPLE.as_bytes()).map_err(|e| PlaceError::io(&path, &e))?;
        }
        Ok(path)
    }
}

/// A file name (without `.ron`) for a new session: its title and date, with the characters
/// that some file systems refuse (`/`, `\`, `:` and the like) made into spaces.
pub fn file_stem_for(title: &str, date: jiff::civil::Date) -> String {
    let safe = safe_name(title);
    if safe.is_empty() {
        format!("Workshop {date}")
    } else {
        format!("{safe} {date}")
    }
}

/// A file name for a table laptop's copy of `session_file`: "… — Table 2", one not taken.
pub fn table_copy_path(session_file: &Path, table: &str) -> PathBuf {
    let dir = session_file.parent().unwrap_or(Path::new("."));
    let stem = session_file
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    let table = match safe_name(table) {
        name if name.is_empty() => "table".to_owned(),
        name => name,
    };
    unused_path(dir, &format!("{stem} — {table}"))
}

/// `text` with the characters that some file systems refuse (`/`, `\`, `:` and the like)
/// made into spaces, runs of spaces made one, and no leading dot (the file would be hidden).
fn safe_name(text: &str) -> String {
    let safe: String = text
        .chars()
        .map(|c| {
            if c.is_control() || "/\\:*?\"<>|".contains(c) {
                ' '
            } else {
                c
            }
        })
        .collect();
    // No leading dot: the file would be hidden.
    let words: Vec<&str> = safe
        .trim_start_matches(['.', ' '])
        .split_whitespace()
        .collect();
    words.join(" ")
}

/// `dir/stem.ron`, or `dir/stem (2).ron` and so on: a name no file has yet.
pub fn unused_path(dir: &Path, stem: &str) -> PathBuf {
    (1..)
        .map(|n| {
            if n == 1 {
                dir.join(format!("{stem}.ron"))
            } else {
                dir.join(format!("{stem} ({n}).ron"))
            }
        })
        .find(|p| !p.exists())
        .unwrap_or_else(|| dir.join(format!("{stem}.ron")))
}

/// This install's name in the change counts that merging compares (see
/// [`crate::model::Changes`]): kept in the data folder, made on first use. Without a usable
/// data folder, a fresh one for this run, which is safe, only less tidy in the file.
pub fn replica_id() -> crate::model::ReplicaId {
    use crate::model::ReplicaId;
    let Ok(dir) = Places::standard().ensure_dir() else {
        return ReplicaId::new();
    };
    let note = dir.join("replica");
    if let Some(id) = std::fs::read_to_string(&note)
        .ok()
        .and_then(|text| ReplicaId::parse(&text))
    {
        return id;
    }
    let id = ReplicaId::new();
    if let Err(error) = write_atomically(&note, id.to_string().as_bytes()) {
        log::warn!(
            "could not keep this install's id in {}: {error}",
            note.display()
        );
    }
    id
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_recent_list_keeps_the_last_eight_newest_first_without_repeats() {
        let dir = tempfile::tempdir().unwrap();
        let places = Places::at(dir.path());
        let session = |n: usize| dir.path().join(format!("s{n}.ron"));
        for n in 0..10 {
            std::fs::write(session(n), "").unwrap();
            places.remember_recent(&session(n));
        }
        places.remember_recent(&session(5));
        let paths: Vec<PathBuf> = places
            .recent_sessions()
            .into_iter()
            .map(|r| r.path)
            .collect();
        let expected: Vec<PathBuf> = [5, 9, 8, 7, 6, 4, 3, 2].map(session).to_vec();
        assert_eq!(paths, expected);
    }

    #[test]
    fn a_new_session_file_is_named_after_its_title_and_date_safely() {
        let date = jiff::civil::date(2026, 10, 14);
        assert_eq!(file_stem_for("Team day", date), "Team day 2026-10-14");
        assert_eq!(
            file_stem_for("Care/support: next?", date),
            "Care support next 2026-10-14"
        );
        assert_eq!(file_stem_for(" ../ ", date), "Workshop 2026-10-14");
        assert_eq!(file_stem_for(".hidden", date), "hidden 2026-10-14");
        assert_eq!(file_stem_for("  ", date), "Workshop 2026-10-14");
    }

    #[test]
    fn an_old_one_path_note_reads_and_a_missing_session_is_marked() {
        let dir = tempfile::tempdir().unwrap();
        let places = Places::at(dir.path());
        let kept = dir.path().join("kept.ron");
        let gone = dir.path().join("gone.ron");
        std::fs::write(&kept, "").unwrap();
        // What an older Harvest left: one path, no line break.
        std::fs::write(dir.path().join("recent"), kept.to_str().unwrap()).unwrap();
        assert_eq!(places.reopen(), Some(kept.clone()));
        places.remember_recent(&gone);
        assert_eq!(
            places.recent_sessions(),
            [
                RecentSession {
                    path: gone,
                    found: false
                },
                RecentSession {
                    path: kept.clone(),
                    found: true
                }
            ]
        );
        // The newest is gone, so the one before it is reopened.
        assert_eq!(places.reopen(), Some(kept));
    }
}
