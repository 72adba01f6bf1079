//! Writing a session file so that the file on disk is always a complete version.

use super::format;
use crate::model::Session;
use std::io::Write;
use std::path::Path;

/// Why a save failed. The file on disk is unchanged.
#[derive(Debug, thiserror::Error)]
pub enum SaveError {
    #[error("could not write the session: {0}")]
    Serialize(#[from] ron::Error),
    #[error("{}", super::load::io_message(.0))]
    Io(#[from] std::io::Error),
}

/// Saves atomically: a temporary file beside the target, flushed to disk, renamed over it,
/// then the folder flushed so the rename itself survives a power cut.
pub fn save(session: &Session, path: &Path) -> Result<(), SaveError> {
    let text = format::to_text(session)?;
    write_atomically(path, text.as_bytes())?;
    Ok(())
}

/// Replaces the file at `path` with `bytes`, all or nothing.
pub fn write_atomically(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let folder = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let temp = folder.join(format!(".{name}.{}.tmp", std::process::id()));
    let result = (|| {
        let mut file = std::fs::File::create(&temp)?;
        file.write_all(bytes)?;
        file.sync_all()?;
        drop(file);
        std::fs::rename(&temp, path)?;
        sync_folder(folder)
    })();
    if result.is_err() {
        let _ = std::fs::remove_file(&temp);
    }
    result
}

#[cfg(unix)]
fn sync_folder(folder: &Path) -> std::io::Result<()> {
    std::fs::File::open(folder)?.sync_all()
}

#[cfg(not(unix))]
fn sync_folder(_folder: &Path) -> std::io::Result<()> {
    Ok(())
}
