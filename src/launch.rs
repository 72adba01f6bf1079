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

/// The session named by `file`, or the one to open when none is named, and anything the user
/// should be told about it (recovered after a crash, read-only).
pub fn choose_document(file: Option<PathBuf>) -> Result<(Document, Option<String>), CliError> {
    let path = match file {
        Some(path) => path,
        None => match recent() {
            Some(path) => path,
            None => first_run_sample()?,
        },
    };
    if !path.exists() {
        let title = path.file_stem().map_or("Untitled workshop".into(), |s| {
            s.to_string_lossy().into_owned()
        });
        store::save(&Session::new(title), &path)
            .map_err(|e| CliError(format!("{}: could not create: {e}", path.display())))?;
    }
    let opened = store::open(&path).map_err(|e| CliError(e.report()))?;
    remember_recent(&path);
    let (document, recovery) = Document::opened(opened, path);
    let notice = recovery.or_else(|| document.read_only.clone());
    Ok((document, notice))
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

/// An empty, read-only document standing in for a file that could not be opened.
fn nothing_open(file: Option<PathBuf>, error: CliError) -> (Document, Option<String>) {
    let path = file.unwrap_or_default();
    let mut document = Document::new(Session::new("Nothing open"), path);
    document.read_only = Some("Nothing open: the session could not be opened".to_owned());
    let notice = format!(
        "{}\nThe file was not changed. Use File > Open… to open another session, or File > New session.",
        error.0
    );
    (document, Some(notice))
}

/// Opens the app window on the chosen session. Exit signals are caught from here on, so a
/// SIGTERM while the window opens still saves.
pub fn open_app(file: Option<PathBuf>, exit_after_frames: Option<u64>) -> Result<(), CliError> {
    let signals = match crate::signals::ExitSignals::install() {
        Ok(signals) => Some(signals),
        Err(error) => {
            log::warn!("could not install signal handlers: {error}");
            None
        }
    };
    crate::profiling::start();
    // Reading the session overlaps with creating the window and its GL context.
    let provisional_title = file
        .as_ref()
        .and_then(|f| f.file_stem())
        .map(|s| s.to_string_lossy().into_owned());
    let opening = std::thread::Builder::new()
        .name("open session".into())
        .spawn(move || match choose_document(file.clone()) {
            Ok(found) => found,
            // The window still opens, to say what is wrong where the user is looking; nothing
            // is written, so the file stays exactly as it was.
            Err(error) => nothing_open(file, error),
        })
        .map_err(|e| CliError(format!("could not start: {e}")))?;
    let start = crate::ui::Start {
        opening,
        provisional_title,
        signals,
        exit_after_frames,
    };
    crate::ui::run(start).map_err(|e| CliError(format!("could not open the window: {e}")))
}
