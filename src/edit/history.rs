//! Undo and redo: the inverses of the user's edits, one step per thing the user did.

use super::{Edit, EditError};
use crate::model::{ReplicaId, Session};

/// One thing the user did, ready to be undone or redone.
#[derive(Clone, Debug)]
struct Step {
    /// The edit that takes the session back (or forward, on the redo stack).
    edit: Edit,
    label: &'static str,
}

/// Why an undo or redo did not happen, for a message such as "Could not undo add card: …".
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("Could not {} {label}: {error}", verb(.undo))]
pub struct StepFailed {
    /// True for undo, false for redo.
    pub undo: bool,
    /// What the step was, as in the "Undo …" menu entry.
    pub label: &'static str,
    pub error: EditError,
}

fn verb(undo: &bool) -> &'static str {
    if *undo { "undo" } else { "redo" }
}

/// Undo and redo on top of [`Edit`]. Lives only in memory: history is never saved.
///
/// Every step it applies, undoes or redoes is marked as changed by its install (see
/// [`super::stamps`]), which is what lets sessions captured apart be merged.
#[derive(Debug, Default)]
pub struct History {
    undo: Vec<Step>,
    redo: Vec<Step>,
    /// Whose changes these are; a fresh id unless set with [`History::by`].
    replica: ReplicaId,
}

impl History {
    /// Steps kept; older ones are forgotten so a long day's capture stays small.
    const LIMIT: usize = 1000;

    /// A history whose changes are counted as `replica`'s.
    pub fn by(replica: ReplicaId) -> Self {
        Self {
            replica,
            ..Self::default()
        }
    }

    pub fn replica(&self) -> ReplicaId {
        self.replica
    }

    /// Applies a user's edit and remembers how to undo it.
    pub fn apply(&mut self, session: &mut Session, edit: Edit) -> Result<(), EditError> {
        let label = edit.describe();
        let inverse = edit.apply(session)?;
        super::stamps::stamp(session, &inverse, self.replica, jiff::Timestamp::now());
        self.undo.push(Step {
            edit: inverse,
            label,
        });
        if self.undo.len() > Self::LIMIT {
            self.undo.remove(0);
        }
        self.redo.clear();
        Ok(())
    }

    /// Undoes the last step: Ok(false) when there is nothing to undo.
    pub fn undo(&mut self, session: &mut Session) -> Result<bool, StepFailed> {
        Self::step(&mut self.undo, &mut self.redo, session, true, self.replica)
    }

    /// Redoes the last undone step: Ok(false) when there is nothing to redo.
    pub fn redo(&mut self, session: &mut Session) -> Result<bool, StepFailed> {
        Self::step(&mut self.redo, &mut self.undo, session, false, self.replica)
    }

    fn step(
        from: &mut Vec<Step>,
        to: &mut Vec<Step>,
        session: &mut Session,
        undo: bool,
        replica: ReplicaId,
    ) -> Result<bool, StepFailed> {
        let Some(step) = from.pop() else {
            return Ok(false);
        };
        match step.edit.apply(session) {
            Ok(inverse) => {
                super::stamps::stamp(session, &inverse, replica, jiff::Timestamp::now());
                to.push(Step {
                    edit: inverse,
                    label: step.label,
                });
                Ok(true)
            }
            Err(error) => {
                // Only possible if the session changed outside history. The step cannot be
                // applied again, so it goes, but the caller is told why.
                let failed = StepFailed {
                    undo,
                    label: step.label,
                    error,
                };
                log::warn!("{failed}");
                Err(failed)
            }
        }
    }

    /// "Undo add card", or None when there is nothing to undo.
    pub fn undo_label(&self) -> Option<&'static str> {
        self.undo.last().map(|s| s.label)
    }

    pub fn redo_label(&self) -> Option<&'static str> {
        self.redo.last().map(|s| s.label)
    }

    pub fn clear(&mut self) {
        self.undo.clear();
        self.redo.clear();
    }
}
