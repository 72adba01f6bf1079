//! Earlier versions of a session, kept in a hidden folder beside it
//! (`.harvest-backups/NAME/`), so a version survives with the file when it is copied to a
//! USB stick along with its folder, and "Restore a previous version…" has something to offer.
//!
//! What is kept: the version found on disk before this run's first save, then the saved
//! version whenever the newest backup is at least a minute old. Pruning keeps the
//! [`KEEP_RECENT`] newest, then one per clock hour, and drops the oldest while the folder is
//! over [`SIZE_CAP`].

use super::disk::Disk;
use super::load::{LoadError, load};
use super::save::{folder_of, name_of, write_atomically_on};
use crate::model::Session;
use jiff::Timestamp;
use std::path::{Path, PathBuf};

/// How many of the newest backups are always kept.
pub const KEEP_RECENT: usize = 10;
/// The most hourly backups kept beyond the recent ones.
pub const KEEP_HOURLY: usize = 48;
/// The folder is pruned to stay under this many bytes (the newest backup is always kept).
pub const SIZE_CAP: u64 = 64 * 1024 * 1024;
/// A new backup is made at most this often.
pub const INTERVAL: jiff::SignedDuration = jiff::SignedDuration::from_secs(60);

/// One kept version of a session.
#[derive(Clone, Debug, PartialEq)]
pub struct Backup {
    pub path: PathBuf,
    /// When this version was saved.
    pub saved: Timestamp,
    pub size: u64,
    /// How many cards it holds; None when it cannot be read.
    pub cards: Option<usize>,
}

impl Backup {
    /// Reads the backup, to show or to put back. Restoring is just loading: the caller applies
    /// the session as one undoable change, or opens it in place of the current one.
    pub fn restore(&self) -> Result<Session, LoadError> {
        load(&self.path)
    }
}

/// Where backups of the session at `session_path` are kept.
pub fn folder(session_path: &Path) -> PathBuf {
    folder_of(session_path)
        .join(".harvest-backups")
        .join(name_of(session_path))
}

/// The kept versions of a session, newest first. Reads every backup to count its cards, so call
/// it off the UI thread for a large session.
pub fn list(session_path: &Path) -> Vec<Backup> {
    let mut backups = files(&folder(session_path));
    for backup in &mut backups {
        backup.cards = load(&backup.path).ok().map(|s| s.cards.len());
    }
    backups
}

/// The backup files in `folder`, newest first, without reading them.
fn files(folder: &Path) -> Vec<Backup> {
    let Ok(entries) = std::fs::read_dir(folder) else {
        return Vec::new();
    };
    let mut backups: Vec<Backup> = entries
        .filter_map(Result::ok)
        .filter_map(|entry| {
            let saved = parse_name(&entry.file_name().to_string_lossy())?;
            let size = entry.metadata().ok()?.len();
            Some(Backup {
                path: entry.path(),
                saved,
                size,
                cards: None,
            })
        })
        .collect();
    backups.sort_by_key(|b| std::cmp::Reverse(b.saved));
    backups
}

/// `2026-10-14T14-02-31.250Z.ron`: sortable, readable, and legal on every filesystem.
fn file_name(saved: Timestamp) -> String {
    let millis = saved.subsec_millisecond();
    format!("{}.{millis:03}Z.ron", saved.strftime("%Y-%m-%dT%H-%M-%S"))
}

fn parse_name(name: &str) -> Option<Timestamp> {
    let stem = name.strip_suffix("Z.ron")?;
    let (seconds, millis) = stem.rsplit_once('.')?;
    let time = jiff::civil::DateTime::strptime("%Y-%m-%dT%H-%M-%S", seconds).ok()?;
    let millis: i64 = millis.parse().ok()?;
    let at = time.to_zoned(jiff::tz::TimeZone::UTC).ok()?.timestamp();
    at.checked_add(jiff::SignedDuration::from_millis(millis))
        .ok()
}

/// Makes and prunes the backups of one session file; owned by the autosave thread.
pub(crate) struct Keeper {
    session_path: PathBuf,
    folder: PathBuf,
    /// Whether the version found on disk has been kept, or is gone (overwritten by a save).
    kept_original: bool,
}

impl Keeper {
    pub fn new(session_path: &Path) -> Self {
        Self {
            session_path: session_path.to_owned(),
            folder: folder(session_path),
            kept_original: false,
        }
    }

    pub fn session_path(&self) -> &Path {
        &self.session_path
    }

    /// Before the first save of a run: keeps the file as found, unless the newest backup
    /// already holds exactly it.
    pub fn before_save(&mut self, disk: &dyn Disk) -> std::io::Result<()> {
        if self.kept_original {
            return Ok(());
        }
        let Ok(metadata) = std::fs::metadata(&self.session_path) else {
            return Ok(());
        };
        if !metadata.is_file() || metadata.len() > super::SIZE_LIMIT {
            return Ok(());
        }
        let bytes = std::fs::read(&self.session_path)?;
        let newest = files(&self.folder).into_iter().next();
        if newest.is_some_and(|b| std::fs::read(&b.path).is_ok_and(|old| old == bytes)) {
            return Ok(());
        }
        let saved = metadata
            .modified()
            .ok()
            .and_then(|t| Timestamp::try_from(t).ok())
            .unwrap_or_else(Timestamp::now);
        self.write(disk, &bytes, saved)?;
        self.kept_original = true;
        Ok(())
    }

    /// After a save: keeps `bytes` if the newest backup is at least [`INTERVAL`] old.
    pub fn after_save(
        &mut self,
        disk: &dyn Disk,
        bytes: &[u8],
        now: Timestamp,
    ) -> std::io::Result<()> {
        // The version found is overwritten now: there is no keeping it any more.
        self.kept_original = true;
        let newest = files(&self.folder).into_iter().next();
        if newest.is_some_and(|b| now.duration_since(b.saved) < INTERVAL) {
            return Ok(());
        }
        self.write(disk, bytes, now)
    }

    fn write(&self, disk: &dyn Disk, bytes: &[u8], saved: Timestamp) -> std::io::Result<()> {
        std::fs::create_dir_all(&self.folder)?;
        write_atomically_on(disk, &self.folder.join(file_name(saved)), bytes)?;
        prune(&self.folder);
        Ok(())
    }
}

/// Removes the backups the policy no longer keeps.
pub fn prune(folder: &Path) {
    for backup in to_remove(&files(folder)) {
        if let Err(error) = std::fs::remove_file(&backup.path) {
            log::warn!(
                "could not remove old backup {}: {error}",
                backup.path.display()
            );
        }
    }
}

/// Which of `backups` (newest first) to drop.
fn to_remove(backups: &[Backup]) -> Vec<&Backup> {
    let mut kept: Vec<&Backup> = Vec::new();
    let mut removed = Vec::new();
    let mut hours_kept = Vec::new();
    let mut hourly = 0;
    for (index, backup) in backups.iter().enumerate() {
        let hour = backup.saved.as_second().div_euclid(3600);
        let recent = index < KEEP_RECENT;
        let first_of_hour = !hours_kept.contains(&hour);
        let keep = recent || (first_of_hour && hourly < KEEP_HOURLY);
        if keep && !recent {
            hourly += 1;
        }
        if keep && first_of_hour {
            hours_kept.push(hour);
        }
        if keep {
            kept.push(backup);
        } else {
            removed.push(backup);
        }
    }
    let mut total: u64 = kept.iter().map(|b| b.size).sum();
    while total > SIZE_CAP && kept.len() > 1 {
        if let Some(oldest) = kept.pop() {
            total -= oldest.size;
            removed.push(oldest);
        }
    }
    removed
}

#[cfg(test)]
mod tests {
    use super::{file_name, parse_name};

    #[test]
    fn a_backup_name_gives_back_its_time_to_the_millisecond() {
        let at: jiff::Timestamp = "2026-10-14T14:02:31.250Z".parse().unwrap();
        assert_eq!(file_name(at), "2026-10-14T14-02-31.250Z.ron");
        assert_eq!(parse_name(&file_name(at)), Some(at));
        assert_eq!(parse_name("notes.txt"), None);
        assert_eq!(parse_name("2026-10-14T14-02-31.xxxZ.ron"), None);
    }
}
