//! Every change to a session is an [`Edit`], applied in one place. Applying an edit returns
//! its inverse, which is what undo applies; [`History`] keeps those inverses.

use crate::model::{Card, CardId, Category, Details, Group, GroupId, Session, Theme, ThemeId};

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
    MoveCard {
        id: CardId,
        group: GroupId,
        category: Category,
        index: usize,
    },
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
    /// Puts a whole session in place of the current one (restoring an earlier version).
    ReplaceSession(Box<Session>),
    /// Several edits that the user did as one thing: applied, and undone, together.
    Batch(Vec<Edit>),
}

/// Why an edit could not be applied. The session is left as it was.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum EditError {
    #[error("that card no longer exists")]
    NoCard,
    #[error("that group no longer exists")]
    NoGroup,
    #[error("that theme no longer exists")]
    NoTheme,
    #[error("an item with that id already exists")]
    DuplicateId,
}

impl Edit {
    /// Renames a group, keeping its notes and participants.
    pub fn rename_group(session: &Session, id: GroupId, name: String) -> Result<Edit, EditError> {
        let mut group = session.group(id).ok_or(EditError::NoGroup)?.clone();
        group.name = name;
        Ok(Edit::UpdateGroup { group })
    }

    /// Applies the edit and returns the edit that undoes it. On error nothing has changed.
    pub fn apply(self, session: &mut Session) -> Result<Edit, EditError> {
        match self {
            Edit::AddCard { card, index } => {
                if session.card(card.id).is_some() {
                    return Err(EditError::DuplicateId);
                }
                if session.group(card.group).is_none() {
                    return Err(EditError::NoGroup);
                }
                let id = card.id;
                session.cards.insert(index.min(session.cards.len()), card);
                Ok(Edit::DeleteCard { id })
            }
            Edit::DeleteCard { id } => {
                let index = session.card_index(id).ok_or(EditError::NoCard)?;
                let mut inverse = Vec::new();
                for other in &mut session.cards {
                    if other.answers.contains(&id) {
                        inverse.push(Edit::SetAnswers {
                            id: other.id,
                            answers: other.answers.clone(),
                        });
                        other.answers.retain(|a| *a != id);
                    }
                }
                let card = session.cards.remove(index);
                inverse.insert(0, Edit::AddCard { card, index });
                Ok(batch_or_single(inverse))
            }
            Edit::SetCardText { id, text } => {
                let card = card_mut(session, id)?;
                let old = std::mem::replace(&mut card.text, text);
                Ok(Edit::SetCardText { id, text: old })
            }
            Edit::MoveCard {
                id,
                group,
                category,
                index,
            } => {
                if session.group(group).is_none() {
                    return Err(EditError::NoGroup);
                }
                let from = session.card_index(id).ok_or(EditError::NoCard)?;
                let mut card = session.cards.remove(from);
                let inverse = Edit::MoveCard {
                    id,
                    group: card.group,
                    category: card.category,
                    index: from,
                };
                card.group = group;
                card.category = category;
                session.cards.insert(index.min(session.cards.len()), card);
                Ok(inverse)
            }
            Edit::SetVotes { id, votes } => {
                let card = card_mut(session, id)?;
                let old = std::mem::replace(&mut card.votes, votes);
                Ok(Edit::SetVotes { id, votes: old })
            }
            Edit::SetStarred { id, starred } => {
                let card = card_mut(session, id)?;
                let old = std::mem::replace(&mut card.starred, starred);
                Ok(Edit::SetStarred { id, starred: old })
            }
            Edit::SetCardThemes { id, mut themes } => {
                if themes.iter().any(|t| session.theme(*t).is_none()) {
                    return Err(EditError::NoTheme);
                }
                let mut seen = std::collections::HashSet::new();
                themes.retain(|t| seen.insert(*t));
                let card = card_mut(session, id)?;
                let old = std::mem::replace(&mut card.themes, themes);
                Ok(Edit::SetCardThemes { id, themes: old })
            }
            Edit::SetAnswers { id, answers } => {
                if answers
                    .iter()
                    .any(|a| session.card(*a).is_none() || *a == id)
                {
                    return Err(EditError::NoCard);
                }
                let card = card_mut(session, id)?;
                let old = std::mem::replace(&mut card.answers, answers);
                Ok(Edit::SetAnswers { id, answers: old })
            }
            Edit::AddGroup { group, index } => {
                if session.group(group.id).is_some() {
                    return Err(EditError::DuplicateId);
                }
                let id = group.id;
                session
                    .groups
                    .insert(index.min(session.groups.len()), group);
                Ok(Edit::DeleteGroup { id })
            }
            Edit::DeleteGroup { id } => {
                let index = session.group_index(id).ok_or(EditError::NoGroup)?;
                let cards: Vec<CardId> = session
                    .cards
                    .iter()
                    .filter(|c| c.group == id)
                    .map(|c| c.id)
                    .collect();
                let deletions = cards
                    .into_iter()
                    .map(|id| Edit::DeleteCard { id })
                    .collect();
                let cards_back = Edit::Batch(deletions).apply(session)?;
                let group = session.groups.remove(index);
                Ok(Edit::Batch(vec![
                    Edit::AddGroup { group, index },
                    cards_back,
                ]))
            }
            Edit::UpdateGroup { group } => {
                let index = session.group_index(group.id).ok_or(EditError::NoGroup)?;
                let old = std::mem::replace(&mut session.groups[index], group);
                Ok(Edit::UpdateGroup { group: old })
            }
            Edit::MoveGroup { id, index } => {
                let from = session.group_index(id).ok_or(EditError::NoGroup)?;
                let group = session.groups.remove(from);
                session
                    .groups
                    .insert(index.min(session.groups.len()), group);
                Ok(Edit::MoveGroup { id, index: from })
            }
            Edit::SetDetails(details) => {
                let old = std::mem::replace(&mut session.details, *details);
                Ok(Edit::SetDetails(Box::new(old)))
            }
            Edit::AddTheme { theme, index } => {
                if session.theme(theme.id).is_some() {
                    return Err(EditError::DuplicateId);
                }
                let id = theme.id;
                session
                    .themes
                    .insert(index.min(session.themes.len()), theme);
                Ok(Edit::DeleteTheme { id })
            }
            Edit::DeleteTheme { id } => {
                let index = session.theme_index(id).ok_or(EditError::NoTheme)?;
                let theme = session.themes.remove(index);
                let mut inverse = vec![Edit::AddTheme { theme, index }];
                for card in &mut session.cards {
                    if card.themes.contains(&id) {
                        inverse.push(Edit::SetCardThemes {
                            id: card.id,
                            themes: card.themes.clone(),
                        });
                        card.themes.retain(|t| *t != id);
                    }
                }
                Ok(batch_or_single(inverse))
            }
            Edit::UpdateTheme { theme } => {
                let index = session.theme_index(theme.id).ok_or(EditError::NoTheme)?;
                let old = std::mem::replace(&mut session.themes[index], theme);
                Ok(Edit::UpdateTheme { theme: old })
            }
            Edit::ReplaceSession(replacement) => {
                let old = std::mem::replace(session, *replacement);
                Ok(Edit::ReplaceSession(Box::new(old)))
            }
            Edit::Batch(edits) => {
                let mut inverses = Vec::with_capacity(edits.len());
                for edit in edits {
                    match edit.apply(session) {
                        Ok(inverse) => inverses.push(inverse),
                        Err(error) => {
                            // Leave the session as it was: undo what this batch already did.
                            for inverse in inverses.into_iter().rev() {
                                let _ = inverse.apply(session);
                            }
                            return Err(error);
                        }
                    }
                }
                inverses.reverse();
                Ok(Edit::Batch(inverses))
            }
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
            Edit::AddGroup { .. } => "add group",
            Edit::DeleteGroup { .. } => "delete group",
            Edit::UpdateGroup { .. } => "edit group",
            Edit::MoveGroup { .. } => "reorder groups",
            Edit::SetDetails(_) => "edit session details",
            Edit::AddTheme { .. } => "add theme",
            Edit::DeleteTheme { .. } => "delete theme",
            Edit::UpdateTheme { .. } => "edit theme",
            Edit::ReplaceSession(_) => "restore version",
            Edit::Batch(edits) => match edits.first() {
                Some(first) if edits.iter().all(|e| e.describe() == first.describe()) => {
                    first.describe()
                }
                _ => "changes",
            },
        }
    }
}

fn card_mut(session: &mut Session, id: CardId) -> Result<&mut Card, EditError> {
    session
        .cards
        .iter_mut()
        .find(|c| c.id == id)
        .ok_or(EditError::NoCard)
}

fn batch_or_single(mut edits: Vec<Edit>) -> Edit {
    if edits.len() == 1 {
        edits.remove(0)
    } else {
        Edit::Batch(edits)
    }
}

/// One thing the user did, ready to be undone or redone.
#[derive(Clone, Debug)]
struct Step {
    /// The edit that takes the session back (or forward, on the redo stack).
    edit: Edit,
    label: &'static str,
}

/// Undo and redo on top of [`Edit`]. Lives only in memory: history is never saved.
#[derive(Debug, Default)]
pub struct History {
    undo: Vec<Step>,
    redo: Vec<Step>,
}

impl History {
    /// Steps kept; older ones are forgotten so a long day's capture stays small.
    const LIMIT: usize = 1000;

    /// Applies a user's edit and remembers how to undo it.
    pub fn apply(&mut self, session: &mut Session, edit: Edit) -> Result<(), EditError> {
        let label = edit.describe();
        let inverse = edit.apply(session)?;
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

    /// Undoes the last step; false when there is nothing to undo.
    pub fn undo(&mut self, session: &mut Session) -> bool {
        Self::step(&mut self.undo, &mut self.redo, session)
    }

    /// Redoes the last undone step; false when there is nothing to redo.
    pub fn redo(&mut self, session: &mut Session) -> bool {
        Self::step(&mut self.redo, &mut self.undo, session)
    }

    fn step(from: &mut Vec<Step>, to: &mut Vec<Step>, session: &mut Session) -> bool {
        let Some(step) = from.pop() else { return false };
        match step.edit.apply(session) {
            Ok(inverse) => {
                to.push(Step {
                    edit: inverse,
                    label: step.label,
                });
                true
            }
            Err(error) => {
                // Only possible if the session changed outside history; drop the stale step.
                log::warn!("could not undo or redo {}: {error}", step.label);
                false
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

#[cfg(test)]
#[path = "edit_tests.rs"]
mod tests;
