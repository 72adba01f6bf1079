//! Opening a session for editing: lock it, notice when the last run did not close properly,
//! clear what that run left half-done, and load what it saved.

use super::load::{LoadError, load};
use super::lock::{Holder, SessionLock};
use super::save::leftover_temp_files;
use super::status::local_moment;
use crate::model::Session;
use jiff::Timestamp;
use std::path::Path;

/// A session opened by [`open`].
#[derive(Debug)]
pub struct Opened {
    pub session: Session,
    /// Held while the session is open for writing; None when it is open read-only.
    pub lock: Option<SessionLock>,
    /// Why the session is read-only, to show in the window; None when it can be edited.
    pub read_only: Option<String>,
    /// What was recovered after a crash, to tell the user once.
    pub recovery: Option<Recovery>,
}

/// What the last run left behind when it did not close properly.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Recovery {
    pub left_by: Holder,
    /// When the session file was last written.
    pub saved_at: Option<Timestamp>,
    pub cards: usize,
}

impl Recovery {
    /// "Harvest was not closed properly last time. Everything saved up to 14:02:31 — 48 cards —
    /// is here."
    pub fn message(&self) -> String {
        let cards = match self.cards {
            1 => "1 card".to_owned(),
            n => format!("{n} cards"),
        };
        let when = match self.saved_at {
            Some(at) => format!("up to {}", local_moment(at)),
            None => "before then".to_owned(),
        };
        format!(
            "Harvest was not closed properly last time. Everything saved {when} — {cards} — is here."
        )
    }
}

/// Opens the session at `path` for editing, or read-only when another Harvest has it open,
/// the folder cannot hold a lock, or the file is from a newer Harvest. Never writes the
/// session file. Fails only when the file cannot be read as a session at all.
pub fn open(path: &Path) -> Result<Opened, LoadError> {
    let (lock, read_only) = match SessionLock::acquire(path) {
        Ok(lock) => (Some(lock), None),
        Err(error) => (None, Some(format!("Read-only — {error}"))),
    };
    let session = match load(path) {
        Ok(session) => session,
        Err(LoadError {
            newer: Some(session),
            problem,
            ..
        }) => {
            return Ok(Opened {
                session: *session,
                lock: None,
                read_only: Some(format!("Read-only — {}", problem.message)),
                recovery: None,
            });
        }
        Err(error) => return Err(error),
    };
    let recovery = lock.as_ref().and_then(|lock| {
        // Only the lock holder may tidy up, and only now, before its own first save.
        for temp in leftover_temp_files(path) {
            if let Err(error) = std::fs::remove_file(&temp) {
                log::warn!("could not remove {}: {error}", temp.display());
            }
        }
        let left_by = lock.left_by.clone()?;
        Some(Recovery {
            left_by,
            saved_at: std::fs::metadata(path)
                .and_then(|m| m.modified())
                .ok()
                .and_then(|t| Timestamp::try_from(t).ok()),
            cards: session.cards.len(),
        })
    });
    Ok(Opened {
        session,
        lock,
        read_only,
        recovery,
    })
}
