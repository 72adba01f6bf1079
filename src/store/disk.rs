//! The few filesystem operations a save makes, behind a trait so tests can make any one of
//! them fail (a full disk, an fsync that reports EIO, a refused rename) and check that the
//! session file on disk is still the old, complete version.

use std::fs::File;
use std::io::Write;
use std::path::Path;

/// The steps of an atomic save. Every method has the real implementation as its default, so
/// [`RealDisk`] is empty and a test double overrides only the step it breaks.
pub trait Disk: Send + Sync {
    /// Creates a new file that must not exist yet (never follows a planted symlink).
    fn create_new(&self, path: &Path) -> std::io::Result<File> {
        File::options().write(true).create_new(true).open(path)
    }

    fn write_all(&self, file: &mut File, bytes: &[u8]) -> std::io::Result<()> {
        file.write_all(bytes)
    }

    /// Flushes a file's contents to the device. A failure here means the data may be lost.
    fn sync(&self, file: &File) -> std::io::Result<()> {
        file.sync_all()
    }

    fn rename(&self, from: &Path, to: &Path) -> std::io::Result<()> {
        std::fs::rename(from, to)
    }

    /// Flushes a folder, so that a rename in it survives a power cut.
    fn sync_folder(&self, folder: &Path) -> std::io::Result<()> {
        sync_folder(folder)
    }

    fn remove_file(&self, path: &Path) -> std::io::Result<()> {
        std::fs::remove_file(path)
    }
}

/// The real filesystem.
#[derive(Clone, Copy, Debug, Default)]
pub struct RealDisk;

impl Disk for RealDisk {}

#[cfg(unix)]
fn sync_folder(folder: &Path) -> std::io::Result<()> {
    File::open(folder)?.sync_all()
}

#[cfg(not(unix))]
fn sync_folder(_folder: &Path) -> std::io::Result<()> {
    // Windows cannot open a folder for flushing; its rename is already journaled by NTFS.
    Ok(())
}
