//! Where Harvest keeps its own files: the data folder, the note of the session to reopen,
//! names for new files, and the first run's copy of the sample workshop.

use super::load::io_message;
use super::save::write_atomically;
use std::path::{Path, PathBuf};

/// The sample workshop, built into the binary so a first run has something real to show.
pub const SAMPLE: &str = include_str!("../../assets/sample-workshop.ron");

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

/// The data folder, made if it is not there yet.
pub fn ensure_data_dir() -> Result<PathBuf, PlaceError> {
    let dir = data_dir().ok_or(PlaceError::NoDataDir)?;
    std::fs::create_dir_all(&dir).map_err(|e| PlaceError::io(&dir, &e))?;
    Ok(dir)
}

/// Remembers `path` as the session to reopen next time. Failing to is only logged: the
/// session itself is safe either way.
pub fn remember_recent(path: &Path) {
    let path = std::path::absolute(path).unwrap_or_else(|_| path.to_owned());
    let result = ensure_data_dir().and_then(|dir| {
        let note = dir.join("recent");
        write_atomically(&note, path.as_os_str().as_encoded_bytes())
            .map_err(|e| PlaceError::io(&note, &e))
    });
    if let Err(error) = result {
        log::warn!("could not remember the recent session: {error}");
    }
}

/// The session opened last time, if it is still there.
pub fn recent() -> Option<PathBuf> {
    let text = std::fs::read_to_string(data_dir()?.join("recent")).ok()?;
    let path = PathBuf::from(text.trim());
    path.is_file().then_some(path)
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

/// Copies the sample into the data folder (never over an existing copy) and returns its path.
pub fn first_run_sample() -> Result<PathBuf, PlaceError> {
    let dir = ensure_data_dir()?;
    let path = dir.join("Sample workshop.ron");
    if !path.exists() {
        write_atomically(&path, SAMPLE.as_bytes()).map_err(|e| PlaceError::io(&path, &e))?;
    }
    Ok(path)
}

/// This install's name in the change counts that merging compares (see
/// [`crate::model::Changes`]): kept in the data folder, made on first use. Without a usable
/// data folder, a fresh one for this run, which is safe, only less tidy in the file.
pub fn replica_id() -> crate::model::ReplicaId {
    use crate::model::ReplicaId;
    let Ok(dir) = ensure_data_dir() else {
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
