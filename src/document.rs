//! An open session: the session itself, where it lives, its undo history, and a revision
//! number that changes with every edit so caches and autosave know when to look again.

use crate::edit::{Edit, EditError, History};
use crate::model::Session;
use crate::store::{Opened, SessionLock};
use std::path::PathBuf;

#[derive(Debug)]
pub struct Document {
    session: Session,
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
            session,
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

    /// Changes with every edit, undo and redo.
    pub fn revision(&self) -> u64 {
        self.revision
    }

    /// Applies a user's edit as one undoable step.
    pub fn apply(&mut self, edit: Edit) -> Result<(), EditError> {
        self.history.apply(&mut self.session, edit)?;
        self.revision += 1;
        Ok(())
    }

    pub fn undo(&mut self) -> bool {
        let undone = self.history.undo(&mut self.session);
        self.revision += u64::from(undone);
        undone
    }

    pub fn redo(&mut self) -> bool {
        let redone = self.history.redo(&mut self.session);
        self.revision += u64::from(redone);
        redone
    }

    pub fn history(&self) -> &History {
        &self.history
    }
}
