//! An open session: the session itself, where it lives, its undo history, and a revision
//! number that changes with every edit so caches and autosave know when to look again.

use crate::edit::{Edit, EditError, History, StepFailed};
use crate::model::{Phase, PhaseTimer, Session, TimerChange};
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
            // Changes made here count as this install's, so files captured on several
            // laptops can be merged.
            history: History::by(crate::store::places::replica_id()),
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
        let applied = self.history.apply(Arc::make_mut(&mut self.session), edit);
        self.count_change(applied.as_ref().err());
        applied
    }

    /// Puts a merge of followed files in place, checked by the caller, outside the undo
    /// history: such merges keep arriving all day, and each step would hold a whole copy of
    /// the session. Like [`Edit::TakeMerged`], nothing is counted as changed here. Returns
    /// the session it replaced, for the caller to let go of off the UI thread.
    pub fn take_followed(&mut self, merged: Arc<Session>) -> Arc<Session> {
        self.revision += 1;
        std::mem::replace(&mut self.session, merged)
    }

    /// Runs a phase timer key (`press`) at `now`, outside the undo history: the time a
    /// phase took is what happened in the room, which Ctrl+Z must not take back. Counted as
    /// changed here, so the later record wins a merge; saved like any other change.
    pub fn change_timer(
        &mut self,
        now: jiff::Timestamp,
        press: impl FnOnce(&mut PhaseTimer, &[Phase], jiff::Timestamp) -> TimerChange,
    ) -> TimerChange {
        let session = Arc::make_mut(&mut self.session);
        let change = press(&mut session.timer, &session.details.agenda, now);
        if change != TimerChange::Nothing {
            session.timer.changed.bump(self.history.replica(), now);
            self.revision += 1;
        }
        change
    }

    /// What undo would undo: "add card".
    pub fn undo_label(&self) -> Option<&'static str> {
        self.history.undo_label()
    }

    /// What redo would redo.
    pub fn redo_label(&self) -> Option<&'static str> {
        self.history.redo_label()
    }

    /// Undoes the last step: Ok(false) when there is nothing to undo, Err with the reason
    /// when the step could not be undone.
    pub fn undo(&mut self) -> Result<bool, StepFailed> {
        // Only take the session for writing (copying it if a helper holds it) when there is
        // something to undo.
        if self.history.undo_label().is_none() {
            return Ok(false);
        }
        let undone = self.history.undo(Arc::make_mut(&mut self.session));
        self.count_change(undone.as_ref().err().map(|e| &e.error));
        undone
    }

    /// Redoes the last undone step, as [`Document::undo`] does.
    pub fn redo(&mut self) -> Result<bool, StepFailed> {
        if self.history.redo_label().is_none() {
            return Ok(false);
        }
        let redone = self.history.redo(Arc::make_mut(&mut self.session));
        self.count_change(redone.as_ref().err().map(|e| &e.error));
        redone
    }

    /// Moves the revision on after a change, or after a failed one that may have left the
    /// session part-way (every other failure leaves it as it was).
    fn count_change(&mut self, error: Option<&EditError>) {
        if matches!(error, None | Some(EditError::RollbackFailed { .. })) {
            self.revision += 1;
        }
    }

    pub fn history(&self) -> &History {
        &self.history
    }
}
