//! An open session: the session itself, where it lives, its undo history, and a revision
//! number that changes with every edit so caches and autosave know when to look again.

use crate::edit::{Edit, EditError, History};
use crate::model::Session;
use std::path::PathBuf;

#[derive(Debug)]
pub struct Document {
    session: Session,
    pub path: PathBuf,
    history: History,
    /// Bumped by every change; never repeats within a run.
    revision: u64,
}

impl Document {
    pub fn new(session: Session, path: PathBuf) -> Self {
        Self {
            session,
            path,
            history: History::default(),
            revision: 1,
        }
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
