//! Which session the app opens: the file named on the command line (made if new), else the most
//! recent session, else — on the very first run — a copy of the bundled sample workshop.

use crate::cli::CliError;
use crate::document::Document;
use crate::model::Session;
use crate::store;
use std::path::{Path, PathBuf};

/// The sample workshop, built into the binary so a first run has something real to show.
pub const SAMPLE: &str = include_str!("../assets/sample-workshop.ron");

/// Where Harvest keeps its own files: new sessions, the sample copy, the recent-session note.
/// `HARVEST_DATA_DIR` overrides it (tests use this to stay out of the real one).
pub fn data_dir() -> Option<PathBuf> {
    if let Some(dir) = std::env::var_os("HARVEST_DATA_DIR") {
        return Some(PathBuf::from(dir));
    }
    directories::ProjectDirs::from("org", "Harvest", "Harvest").map(|d| d.data_dir().to_owned())
}

/// Remembers `path` as the session to reopen next time.
pub fn remember_recent(path: &Path) {
    let Some(dir) = data_dir() else { return };
    let path = std::path::absolute(path).unwrap_or_else(|_| path.to_owned());
    let result = std::fs::create_dir_all(&dir).and_then(|()| {
        store::write_atomically(&dir.join("recent"), path.as_os_str().as_encoded_bytes())
    });
    if let Err(error) = result {
        log::warn!("could not remember the recent session: {error}");
    }
}

fn recent() -> Option<PathBuf> {
    let text = std::fs::read_to_string(data_dir()?.join("recent")).ok()?;
    let path = PathBuf::from(text.trim());
    path.is_file().then_some(path)
}

/// The session named by `file`, or the one to open when none is named.
pub fn choose_document(file: Option<PathBuf>) -> Result<Document, CliError> {
    let path = match file {
        Some(path) => path,
        None => match recent() {
            Some(path) => path,
            None => first_run_sample()?,
        },
    };
    let session = if path.exists() {
        store::load(&path).map_err(|e| CliError(e.report()))?
    } else {
        let title = path.file_stem().map_or("Untitled workshop".into(), |s| {
            s.to_string_lossy().into_owned()
        });
        let session = Session::new(title);
        store::save(&session, &path)
            .map_err(|e| CliError(format!("{}: could not create: {e}", path.display())))?;
        session
    };
    remember_recent(&path);
    Ok(Document::new(session, path))
}

/// Copies the sample into the data folder (never over an existing copy) and returns its path.
fn first_run_sample() -> Result<PathBuf, CliError> {
    let dir =
        data_dir().ok_or_else(|| CliError("could not find a folder for Harvest's files".into()))?;
    std::fs::create_dir_all(&dir)
        .map_err(|e| CliError(format!("{}: {}", dir.display(), store::io_message(&e))))?;
    let path = dir.join("Sample workshop.ron");
    if !path.exists() {
        store::write_atomically(&path, SAMPLE.as_bytes())
            .map_err(|e| CliError(format!("{}: {}", path.display(), store::io_message(&e))))?;
    }
    Ok(path)
}

/// Opens the app window on the chosen session.
pub fn open_app(file: Option<PathBuf>, exit_after_frames: Option<u64>) -> Result<(), CliError> {
    let document = choose_document(file)?;
    crate::ui::run(document, exit_after_frames)
        .map_err(|e| CliError(format!("could not open the window: {e}")))
}
