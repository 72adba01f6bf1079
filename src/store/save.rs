//! Writing a session file so that the file on disk is always a complete version: a temporary
//! file beside the target, flushed to the device, renamed over it, then the folder flushed.

use super::disk::{Disk, RealDisk};
use super::format;
use crate::model::Session;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

/// Why a save failed. The file on disk is unchanged.
#[derive(Debug, thiserror::Error)]
pub enum SaveError {
    #[error("could not write the session: {0}")]
    Serialize(#[from] ron::Error),
    #[error("{}", super::load::io_message(.0))]
    Io(#[from] std::io::Error),
}

impl SaveError {
    /// A few words for the status bar: "disk full", "permission denied".
    pub fn reason(&self) -> String {
        match self {
            SaveError::Serialize(_) => "the session could not be written out".into(),
            SaveError::Io(error) => io_reason(error),
        }
    }
}

/// An I/O error in the few words a status bar has room for.
pub fn io_reason(error: &std::io::Error) -> String {
    use std::io::ErrorKind::*;
    match error.kind() {
        StorageFull | QuotaExceeded => "disk full".into(),
        PermissionDenied => "permission denied".into(),
        ReadOnlyFilesystem => "read-only disk".into(),
        NotFound => "the folder is gone".into(),
        NotADirectory => "the folder is gone".into(),
        _ if error.raw_os_error() == Some(5) => "the disk reported an error".into(),
        _ => error.to_string(),
    }
}

/// Saves atomically: after this returns Ok, the session is on the device; after an error, the
/// file at `path` is the previous version, whole.
pub fn save(session: &Session, path: &Path) -> Result<(), SaveError> {
    save_on(&RealDisk, session, path)
}

/// [`save`] through a given [`Disk`], so tests can inject faults.
pub fn save_on(disk: &dyn Disk, session: &Session, path: &Path) -> Result<(), SaveError> {
    let text = format::to_text(session)?;
    write_atomically_on(disk, path, text.as_bytes())?;
    Ok(())
}

/// Replaces the file at `path` with `bytes`, all or nothing.
pub fn write_atomically(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    write_atomically_on(&RealDisk, path, bytes)
}

/// [`write_atomically`] through a given [`Disk`].
pub fn write_atomically_on(disk: &dyn Disk, path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let path = resolve_symlink(path);
    let folder = folder_of(&path);
    let temp = temp_path(&path);
    let result = (|| {
        let mut file = disk.create_new(&temp)?;
        keep_permissions(&file, &path);
        disk.write_all(&mut file, bytes)?;
        // A failed flush means the bytes may never reach the device: the save has failed,
        // and the next attempt writes a fresh file rather than flushing this one again.
        disk.sync(&file)?;
        drop(file);
        disk.rename(&temp, &path)?;
        disk.sync_folder(folder)
    })();
    if result.is_err() {
        let _ = disk.remove_file(&temp);
    }
    result
}

/// The folder a file is in ("." for a bare file name).
pub(crate) fn folder_of(path: &Path) -> &Path {
    match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    }
}

/// The file's name, for naming the files kept beside it.
pub(crate) fn name_of(path: &Path) -> String {
    path.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default()
}

/// Saving through a symlink replaces the file it points to, not the link.
fn resolve_symlink(path: &Path) -> PathBuf {
    match std::fs::symlink_metadata(path) {
        Ok(m) if m.file_type().is_symlink() => {
            std::fs::canonicalize(path).unwrap_or_else(|_| path.to_owned())
        }
        _ => path.to_owned(),
    }
}

/// A name no other save (in this process or another) is using: `.NAME.PID-N.tmp`.
fn temp_path(path: &Path) -> PathBuf {
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    let n = COUNTER.fetch_add(1, Ordering::Relaxed);
    folder_of(path).join(format!(".{}.{}-{n}.tmp", name_of(path), std::process::id()))
}

/// Temporary files left in the folder by a save that was cut short (a crash or kill between
/// creating and renaming). Only to be removed by the process holding the session's lock.
pub fn leftover_temp_files(path: &Path) -> Vec<PathBuf> {
    let prefix = format!(".{}.", name_of(path));
    let Ok(entries) = std::fs::read_dir(folder_of(path)) else {
        return Vec::new();
    };
    entries
        .filter_map(Result::ok)
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with(&prefix) && n.ends_with(".tmp"))
        .map(|n| folder_of(path).join(n))
        .collect()
}

/// A session file that the user made private stays private after a save.
fn keep_permissions(file: &std::fs::File, path: &Path) {
    if let Ok(metadata) = std::fs::metadata(path) {
        let _ = file.set_permissions(metadata.permissions());
    }
}

/// Writes a file that must not exist yet, complete or not at all: the bytes go to a temporary
/// file beside it, flushed to disk, which is then moved into place only if the name is still
/// free (an atomic no-replace rename or hard link), so nothing is ever overwritten, even by a
/// race.
pub fn write_new(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let folder = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    let mut builder = tempfile::Builder::new();
    // Permissions like any file the user saves (the umask decides), not a temp file's 0600.
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        builder.permissions(std::fs::Permissions::from_mode(0o666));
    }
    let mut temp = builder.tempfile_in(folder)?;
    std::io::Write::write_all(&mut temp, bytes)?;
    temp.as_file().sync_all()?;
    temp.persist_noclobber(path).map_err(|e| e.error)?;
    // Flush the folder too, so the new name survives a power cut.
    #[cfg(unix)]
    std::fs::File::open(folder)?.sync_all()?;
    Ok(())
}
