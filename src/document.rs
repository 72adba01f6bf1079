//! An open session: the session itself, where it lives, its undo history, and a revision
//! number that changes with every edit so caches and autosave know when to look again.

use crate::edit::{Edit, EditError, History};
use crate::model::Session;
use crate::store::{Opened, SessionLock};
use std::path::PathBuf;
use std::sync::Arc;

#[derive(Debug)]
pub struct Document {
    /// Shared with the saver and other helper threads, which read a snapshot while the next
    /// edit makes a copy only if they still hold it.
    session: Arc<Session>,
    pub path: PathBuf,
    history: History,
    /// Bumped by every change; never repeats within a run.
    revision: u64,
    /// Held while this copy of Harvest is the one writing the file.
    pub lock: Option<SessionLock>,
    /// Why the session cannot be changed here (another Harvest has it, or it is from a newer
    /// Harvest); None when it can.
    pub read_only: Option<String>,
}

impl Document {
    /// A document with no lock, for sessions that are not opened from a file.
    pub fn new(session: Session, path: PathBuf) -> Self {
        Self {
            session: Arc::new(session),
            path,
            history: History::default(),
            revision: 1,
            lock: None,
            read_only: None,
        }
    }

    /// A session opened with [`crate::store::open`], and what it recovered, if anything.
    pub fn opened(opened: Opened, path: PathBuf) -> (Self, Option<String>) {
        let recovery = opened.recovery.map(|r| r.message());
        let document = Self {
            lock: opened.lock,
            read_only: opened.read_only,
            ..Self::new(opened.session, path)
        };
        (document, recovery)
    }

    pub fn session(&self) -> &Session {
        &self.session
    }

    /// The session as it is now, to hand to another thread without copying it.
    pub fn snapshot(&self) -> Arc<Session> {
        Arc::clone(&self.session)
    }

    /// Changes with every edit, undo and redo.
    pub fn revision(&self) -> u64 {
        self.revision
    }

    /// Applies a user's edit as one undoable step.
    pub fn apply(&mut self, edit: Edit) -> Result<(), EditError> {
        self.history.apply(Arc::make_mut(&mut self.session), edit)?;
        self.revision += 1;
        Ok(())
    }

    pub fn undo(&mut self) -> bool {
        // Only take the session for writing (copying it if a helper holds it) when there is
        // something to undo.
        if self.history.undo_label().is_none() {
            return false;
        }
        let undone = self.history.undo(Arc::make_mut(&mut self.session));
        self.revision += u64::from(undone);
        undone
    }

    pub fn redo(&mut self) -> bool {
        if self.history.redo_label().is_none() {
            return false;
        }
        let redone = self.history.redo(Arc::make_mut(&mut self.session));
        self.revision += u64::from(redone);
        redone
    }

    pub fn history(&self) -> &History {
        &self.history
    }
}
