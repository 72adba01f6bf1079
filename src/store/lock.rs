//! One writer per session file: a lock file beside it (`.NAME.lock`), locked with the
//! operating system's file lock and holding the holder's pid, host and start time as text.
//!
//! The OS lock is the truth: the kernel releases it when its process dies, however it dies, so
//! a lock file whose OS lock can be taken was left by a process that is gone, and is taken over.
//! The text is for people: it says who has the session open. A lock file still holding text
//! when taken over means the last run did not close properly (see [`super::recovery`]).

use super::save::{folder_of, name_of};
use jiff::Timestamp;
use std::fs::{File, TryLockError};
use std::io::{Read, Seek, Write};
use std::path::{Path, PathBuf};

/// Who holds (or held) a session's lock.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Holder {
    pub pid: u32,
    pub host: String,
    pub since: Timestamp,
}

impl Holder {
    /// This process, now.
    pub fn me() -> Self {
        Self {
            pid: std::process::id(),
            host: gethostname::gethostname().to_string_lossy().into_owned(),
            since: Timestamp::now(),
        }
    }

    fn to_text(&self) -> String {
        format!(
            "Harvest has this session open.\npid {}\nhost {}\nsince {}\n",
            self.pid, self.host, self.since
        )
    }

    /// Reads the text written by [`Holder::to_text`]; None for an empty or foreign file.
    fn from_text(text: &str) -> Option<Self> {
        let field = |name: &str| {
            text.lines()
                .find_map(|line| line.strip_prefix(name)?.strip_prefix(' '))
                .map(str::trim)
        };
        Some(Self {
            pid: field("pid")?.parse().ok()?,
            host: field("host")?.to_owned(),
            since: field("since")?.parse().ok()?,
        })
    }
}

/// Why the session could not be locked for writing.
#[derive(Debug, thiserror::Error)]
pub enum LockError {
    /// Another running Harvest has the session open: open it read-only.
    #[error(
        "Harvest on {host} (process {pid}) has had this session open since {}: {}",
        super::status::local_moment(*since),
        path.display()
    )]
    HeldBy {
        pid: u32,
        host: String,
        since: Timestamp,
        path: PathBuf,
    },
    /// The lock file could not be made (a read-only folder, say): open read-only.
    #[error("could not lock the session ({}): {}", super::load::io_message(source), path.display())]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
}

/// The lock on one session file, held until dropped. Dropping removes the lock file, which
/// is how the next run knows this one closed properly.
#[derive(Debug)]
pub struct SessionLock {
    file: File,
    path: PathBuf,
    /// The holder found in the lock file when it was taken over: the last run did not close
    /// properly. None after a clean exit.
    pub left_by: Option<Holder>,
}

/// The lock file for a session file.
pub fn lock_path(session_path: &Path) -> PathBuf {
    folder_of(session_path).join(format!(".{}.lock", name_of(session_path)))
}

impl SessionLock {
    /// Takes the lock on the session at `session_path`, taking over one left by a process that
    /// is gone.
    pub fn acquire(session_path: &Path) -> Result<Self, LockError> {
        let path = lock_path(session_path);
        let io = |source| LockError::Io {
            path: path.clone(),
            source,
        };
        // Another run may remove the lock file between our open and our lock; then we would
        // hold a lock on a file nobody else can see. Check and try again.
        for _ in 0..10 {
            let file = File::options()
                .read(true)
                .write(true)
                .create(true)
                .truncate(false)
                .open(&path)
                .map_err(io)?;
            match file.try_lock() {
                Ok(()) => {}
                Err(TryLockError::WouldBlock) => return Err(held_by(&file, session_path)),
                Err(TryLockError::Error(error)) => return Err(io(error)),
            }
            if !same_file(&file, &path) {
                continue;
            }
            return Self::take(file, path);
        }
        Err(io(std::io::Error::other("the lock file keeps changing")))
    }

    /// With the OS lock held: reads what the last holder left, then writes who holds it now.
    fn take(mut file: File, path: PathBuf) -> Result<Self, LockError> {
        let io = |source| LockError::Io {
            path: path.clone(),
            source,
        };
        let mut text = String::new();
        let _ = (&file).take(4096).read_to_string(&mut text);
        let left_by = Holder::from_text(&text);
        file.set_len(0).map_err(io)?;
        file.rewind().map_err(io)?;
        file.write_all(Holder::me().to_text().as_bytes())
            .and_then(|()| file.sync_data())
            .map_err(io)?;
        Ok(Self {
            file,
            path,
            left_by,
        })
    }

    /// The lock file's path.
    pub fn path(&self) -> &Path {
        &self.path
    }
}

impl Drop for SessionLock {
    fn drop(&mut self) {
        // Remove while still holding the OS lock, so no other run can lock the file being
        // removed; the lock goes with the file handle right after.
        if let Err(error) = std::fs::remove_file(&self.path) {
            log::warn!("could not remove the lock {}: {error}", self.path.display());
            let _ = self.file.set_len(0);
        }
    }
}

/// The error for a lock held by a running Harvest; the path named is the session's.
fn held_by(file: &File, path: &Path) -> LockError {
    let mut text = String::new();
    let _ = file.take(4096).read_to_string(&mut text);
    let holder = Holder::from_text(&text).unwrap_or(Holder {
        pid: 0,
        // The holder has locked but not yet written its name.
        host: "this or another computer".into(),
        since: Timestamp::now(),
    });
    LockError::HeldBy {
        pid: holder.pid,
        host: holder.host,
        since: holder.since,
        path: path.to_owned(),
    }
}

/// Whether the open `file` is still the one at `path`.
#[cfg(unix)]
fn same_file(file: &File, path: &Path) -> bool {
    use std::os::unix::fs::MetadataExt;
    match (file.metadata(), std::fs::metadata(path)) {
        (Ok(a), Ok(b)) => a.dev() == b.dev() && a.ino() == b.ino(),
        _ => false,
    }
}

#[cfg(not(unix))]
fn same_file(_file: &File, path: &Path) -> bool {
    path.exists()
}

#[cfg(test)]
mod tests {
    use super::Holder;

    #[test]
    fn the_holder_reads_back_what_it_wrote() {
        let me = Holder::me();
        assert_eq!(Holder::from_text(&me.to_text()), Some(me));
        assert_eq!(Holder::from_text(""), None);
        assert_eq!(Holder::from_text("pid 12\nhost\n"), None);
    }
}
