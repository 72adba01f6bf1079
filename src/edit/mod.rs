//! Every change to a session is an [`Edit`], applied in one place. Applying an edit returns
//! its inverse, which is what undo applies; [`History`] keeps those inverses.
//!
//! `apply` keeps the session's invariants (see [`Session::validate`]): an edit that would
//! break one is refused with an [`EditError`] and changes nothing.

pub mod builders;
mod cards;
mod follow_up;
mod groups;
mod history;
pub mod resolve;
mod stamp_lists;
pub mod stamps;
mod themes;

pub use history::{History, StepFailed};

use crate::model::{
    Action, ActionId, Card, CardId, Category, Details, Group, GroupId, Invalid, Person, PersonId,
    Redaction, Session, Theme, ThemeId,
};

/// One change to a session.
#[derive(Clone, Debug, PartialEq)]
pub enum Edit {
    /// Puts `card` at `index` in the session's card list (clamped to its length).
    AddCard {
        card: Card,
        index: usize,
    },
    /// Removes a card, and any links other cards have to it.
    DeleteCard {
        id: CardId,
    },
    SetCardText {
        id: CardId,
        text: String,
    },
    /// Moves a card to a group and category, at `index` in the card list once it is taken out.
    ///
    /// A card that leaves "What would make a difference" stops answering anything, and a card
    /// that leaves "Not so good" is no longer answered by anything: its links go in the same
    /// step, and undo brings them back.
    MoveCard {
        id: CardId,
        group: GroupId,
        category: Category,
        index: usize,
    },
    /// Hand-counted dots: zero or more.
    SetVotes {
        id: CardId,
        votes: i32,
    },
    SetStarred {
        id: CardId,
        starred: bool,
    },
    SetCardThemes {
        id: CardId,
        themes: Vec<ThemeId>,
    },
    /// The "Not so good" cards a "What would make a difference" card answers.
    SetAnswers {
        id: CardId,
        answers: Vec<CardId>,
    },
    /// A shorter version of a card in plain words, for the Easy Read report.
    SetEasyWords {
        id: CardId,
        words: String,
    },
    /// The organiser's choices for the personal details found in a card.
    SetRedactions {
        id: CardId,
        redactions: Vec<Redaction>,
    },
    AddGroup {
        group: Group,
        index: usize,
    },
    /// Removes a group and every card in it.
    DeleteGroup {
        id: GroupId,
    },
    /// Replaces the group with the same id (name, notes, participants).
    UpdateGroup {
        group: Group,
    },
    MoveGroup {
        id: GroupId,
        index: usize,
    },
    SetDetails(Box<Details>),
    AddTheme {
        theme: Theme,
        index: usize,
    },
    /// Removes a theme and takes it off every card.
    DeleteTheme {
        id: ThemeId,
    },
    /// Replaces the theme with the same id (name, colour).
    UpdateTheme {
        theme: Theme,
    },
    /// Puts `card` in place of the card with the same id, as given: given with no other
    /// versions, it is how a conflict is resolved (see [`resolve`]), and its inverse puts the
    /// versions back. What it becomes has seen every version the card held. Links to it go
    /// if it leaves "Not so good", as for [`Edit::MoveCard`].
    ReplaceCard {
        card: Box<Card>,
    },
    /// Puts a person in the volunteer register at `index`. Someone marked withdrawn is
    /// kept without their details, here and in [`Edit::UpdatePerson`].
    AddPerson {
        person: Box<Person>,
        index: usize,
    },
    DeletePerson {
        id: PersonId,
    },
    /// Replaces the person with the same id.
    UpdatePerson(Box<Person>),
    AddAction {
        action: Box<Action>,
        index: usize,
    },
    DeleteAction {
        id: ActionId,
    },
    /// Replaces the action with the same id.
    UpdateAction(Box<Action>),
    /// Puts a whole session in place of the current one (restoring an earlier version).
    ReplaceSession(Box<Session>),
    /// Puts what merging other laptops' files made in place of the session. Those changes
    /// are theirs, so nothing is counted as changed here, neither now nor when it is undone:
    /// undoing a merge leaves the session as if the files had never been merged in.
    TakeMerged(Box<Session>),
    /// Several edits that the user did as one thing: applied, and undone, together.
    Batch(Vec<Edit>),
}

/// Why an edit could not be applied. The session is left as it was, except after
/// [`EditError::RollbackFailed`].
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum EditError {
    #[error("that card no longer exists")]
    NoCard,
    #[error("that group no longer exists")]
    NoGroup,
    #[error("that theme no longer exists")]
    NoTheme,
    #[error("that person is no longer in the register")]
    NoPerson,
    #[error("that action no longer exists")]
    NoAction,
    #[error("an item with that id already exists")]
    DuplicateId,
    #[error("only a “What would make a difference” card can answer other cards")]
    NotAnIdea,
    #[error("an idea can only answer “Not so good” cards")]
    NotAProblem,
    #[error("a card cannot answer itself")]
    AnswersItself,
    #[error("votes cannot go below zero")]
    NegativeVotes,
    #[error("that version of the session does not hold together: {0}")]
    InvalidSession(Invalid),
    /// Part of a batch failed, and undoing the part already done failed too, so the session
    /// may be left part-way. Only possible on a session that was changed outside edits.
    #[error("{error}; undoing the rest of that change failed as well ({rollback})")]
    RollbackFailed {
        /// Why the batch stopped.
        error: Box<EditError>,
        /// Why taking back what it had done failed.
        rollback: Box<EditError>,
    },
}

impl Edit {
    /// Applies the edit and returns the edit that undoes it. On error nothing has changed,
    /// except after [`EditError::RollbackFailed`].
    pub fn apply(self, session: &mut Session) -> Result<Edit, EditError> {
        match self {
            Edit::AddCard { card, index } => cards::add(session, card, index),
            Edit::DeleteCard { id } => cards::delete(session, id),
            Edit::SetCardText { id, text } => cards::set_text(session, id, text),
            Edit::MoveCard {
                id,
                group,
                category,
                index,
            } => cards::move_to(session, id, group, category, index),
            Edit::SetVotes { id, votes } => cards::set_votes(session, id, votes),
            Edit::SetStarred { id, starred } => cards::set_starred(session, id, starred),
            Edit::SetCardThemes { id, themes } => cards::set_themes(session, id, themes),
            Edit::SetAnswers { id, answers } => cards::set_answers(session, id, answers),
            Edit::SetEasyWords { id, words } => cards::set_easy_words(session, id, words),
            Edit::SetRedactions { id, redactions } => {
                cards::set_redactions(session, id, redactions)
            }
            Edit::AddGroup { group, index } => groups::add(session, group, index),
            Edit::DeleteGroup { id } => groups::delete(session, id),
            Edit::UpdateGroup { group } => groups::update(session, group),
            Edit::MoveGroup { id, index } => groups::move_to(session, id, index),
            Edit::SetDetails(details) => {
                let old = std::mem::replace(&mut session.details, *details);
                Ok(Edit::SetDetails(Box::new(old)))
            }
            Edit::AddTheme { theme, index } => themes::add(session, theme, index),
            Edit::DeleteTheme { id } => themes::delete(session, id),
            Edit::UpdateTheme { theme } => themes::update(session, theme),
            Edit::ReplaceCard { card } => cards::replace(session, *card),
            Edit::AddPerson { person, index } => follow_up::add_person(session, *person, index),
            Edit::DeletePerson { id } => follow_up::delete_person(session, id),
            Edit::UpdatePerson(person) => follow_up::update_person(session, *person),
            Edit::AddAction { action, index } => follow_up::add_action(session, *action, index),
            Edit::DeleteAction { id } => follow_up::delete_action(session, id),
            Edit::UpdateAction(action) => follow_up::update_action(session, *action),
            Edit::ReplaceSession(replacement) => {
                replacement.validate().map_err(EditError::InvalidSession)?;
                let old = std::mem::replace(session, *replacement);
                Ok(Edit::ReplaceSession(Box::new(old)))
            }
            Edit::TakeMerged(merged) => {
                merged.validate().map_err(EditError::InvalidSession)?;
                let old = std::mem::replace(session, *merged);
                Ok(Edit::TakeMerged(Box::new(old)))
            }
            Edit::Batch(edits) => apply_batch(session, edits),
        }
    }

    /// What the edit does, for "Undo …" menu entries.
    pub fn describe(&self) -> &'static str {
        match self {
            Edit::AddCard { .. } => "add card",
            Edit::DeleteCard { .. } => "delete card",
            Edit::SetCardText { .. } => "edit card",
            Edit::MoveCard { .. } => "move card",
            Edit::SetVotes { .. } => "vote",
            Edit::SetStarred { .. } => "star",
            Edit::SetCardThemes { .. } => "change themes",
            Edit::SetAnswers { .. } => "link cards",
            Edit::SetEasyWords { .. } => "easy words",
            Edit::SetRedactions { .. } => "personal details",
            Edit::AddGroup { .. } => "add group",
            Edit::DeleteGroup { .. } => "delete group",
            Edit::UpdateGroup { .. } => "edit group",
            Edit::MoveGroup { .. } => "reorder groups",
            Edit::SetDetails(_) => "edit session details",
            Edit::AddTheme { .. } => "add theme",
            Edit::DeleteTheme { .. } => "delete theme",
            Edit::UpdateTheme { .. } => "edit theme",
            Edit::ReplaceCard { .. } => "resolve conflict",
            Edit::AddPerson { .. } => "add person",
            Edit::DeletePerson { .. } => "remove person",
            Edit::UpdatePerson(_) => "edit person",
            Edit::AddAction { .. } => "add action",
            Edit::DeleteAction { .. } => "delete action",
            Edit::UpdateAction(_) => "edit action",
            Edit::ReplaceSession(_) => "restore version",
            Edit::TakeMerged(_) => "merge in",
            Edit::Batch(edits) => match edits.first() {
                // Keeping every version of a conflict replaces the card and adds the rest.
                Some(Edit::ReplaceCard { .. }) => "resolve conflict",
                Some(first) if edits.iter().all(|e| e.describe() == first.describe()) => {
                    first.describe()
                }
                _ => "changes",
            },
        }
    }
}

/// Applies `edits` in order; if one fails, takes back the ones already applied.
///
/// Taking back cannot fail on a session that holds its invariants: each inverse was made by
/// the edit just applied, from the state it left, and they are applied newest first, so each
/// meets exactly the state its edit produced. It can fail only when the session broke an
/// invariant before the batch (changed outside edits); then the rest is still taken back and
/// the failure is reported rather than dropped.
fn apply_batch(session: &mut Session, edits: Vec<Edit>) -> Result<Edit, EditError> {
    let mut inverses = Vec::with_capacity(edits.len());
    for edit in edits {
        match edit.apply(session) {
            Ok(inverse) => inverses.push(inverse),
            Err(error) => {
                let mut rollback = None;
                for inverse in inverses.into_iter().rev() {
                    if let Err(failed) = inverse.apply(session) {
                        log::error!("could not take back part of a failed change: {failed}");
                        rollback.get_or_insert(failed);
                    }
                }
                return Err(match rollback {
                    None => error,
                    Some(rollback) => EditError::RollbackFailed {
                        error: Box::new(error),
                        rollback: Box::new(rollback),
                    },
                });
            }
        }
    }
    inverses.reverse();
    Ok(Edit::Batch(inverses))
}

/// One edit when there is one, else a batch: keeps single-step inverses small.
fn batch_or_single(mut edits: Vec<Edit>) -> Edit {
    if edits.len() == 1 {
        edits.remove(0)
    } else {
        Edit::Batch(edits)
    }
}

/// Whether anything in the session already has this id: ids are unique across kinds.
fn id_in_use(session: &Session, id: u128) -> bool {
    session.groups.iter().any(|g| g.id.as_u128() == id)
        || session.themes.iter().any(|t| t.id.as_u128() == id)
        || session.cards.iter().any(|c| c.id.as_u128() == id)
        || session.people.iter().any(|p| p.id.as_u128() == id)
        || session.actions.iter().any(|a| a.id.as_u128() == id)
}

#[cfg(test)]
mod tests;
