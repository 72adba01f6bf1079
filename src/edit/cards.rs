//! Applying the edits to one card: each returns the edit that undoes it.

use super::{Edit, EditError, batch_or_single, id_in_use};
use crate::model::{Card, CardId, Category, GroupId, Redaction, Session, ThemeId};
use std::collections::HashSet;

pub(super) fn add(session: &mut Session, card: Card, index: usize) -> Result<Edit, EditError> {
    if id_in_use(session, card.id.as_u128()) {
        return Err(EditError::DuplicateId);
    }
    let card = checked_card(session, card)?;
    let id = card.id;
    session.cards.insert(index.min(session.cards.len()), card);
    Ok(Edit::DeleteCard { id })
}

pub(super) fn delete(session: &mut Session, id: CardId) -> Result<Edit, EditError> {
    let index = session.card_index(id).ok_or(EditError::NoCard)?;
    let mut inverse = unlink_answers_to(session, id);
    let card = session.cards.remove(index);
    // The card comes back first, so the links to it have something to point at.
    inverse.insert(0, Edit::AddCard { card, index });
    Ok(batch_or_single(inverse))
}

pub(super) fn set_text(session: &mut Session, id: CardId, text: String) -> Result<Edit, EditError> {
    let card = card_mut(session, id)?;
    let old = std::mem::replace(&mut card.text, text);
    Ok(Edit::SetCardText { id, text: old })
}

/// Moves a card, taking away the links that its new category cannot have (see
/// [`Edit::MoveCard`]); the inverse moves it back first, then restores them.
pub(super) fn move_to(
    session: &mut Session,
    id: CardId,
    group: GroupId,
    category: Category,
    index: usize,
) -> Result<Edit, EditError> {
    if session.group(group).is_none() {
        return Err(EditError::NoGroup);
    }
    let from = session.card_index(id).ok_or(EditError::NoCard)?;
    let mut card = session.cards.remove(from);
    let mut inverse = vec![Edit::MoveCard {
        id,
        group: card.group,
        category: card.category,
        index: from,
    }];
    let was = card.category;
    let leaves = |left: Category| was == left && category != left;
    if leaves(Category::MakeADifference) && !card.answers.is_empty() {
        inverse.push(Edit::SetAnswers {
            id,
            answers: card.replace_answers(Vec::new()),
        });
    }
    if leaves(Category::NotSoGood) {
        inverse.extend(unlink_answers_to(session, id));
    }
    card.group = group;
    card.category = category;
    session.cards.insert(index.min(session.cards.len()), card);
    Ok(batch_or_single(inverse))
}

/// Replaces a card whole, keeping what a card must hold (see [`Edit::ReplaceCard`]); the
/// inverse puts the old card back first, other versions and all, then the links to it.
pub(super) fn replace(session: &mut Session, card: Card) -> Result<Edit, EditError> {
    let at = session.card_index(card.id).ok_or(EditError::NoCard)?;
    let mut card = checked_card(session, card)?;
    if card.others.is_empty() {
        // Only a card with other versions needs to say which file it is.
        card.version_from.clear();
    }
    let leaves_problems =
        session.cards[at].category == Category::NotSoGood && card.category != Category::NotSoGood;
    let old = std::mem::replace(&mut session.cards[at], card);
    let mut inverse = vec![Edit::ReplaceCard {
        card: Box::new(old),
    }];
    if leaves_problems {
        let id = session.cards[at].id;
        inverse.extend(unlink_answers_to(session, id));
    }
    Ok(batch_or_single(inverse))
}

pub(super) fn set_votes(session: &mut Session, id: CardId, votes: i32) -> Result<Edit, EditError> {
    if votes < 0 {
        return Err(EditError::NegativeVotes);
    }
    let card = card_mut(session, id)?;
    let old = std::mem::replace(&mut card.votes, votes);
    Ok(Edit::SetVotes { id, votes: old })
}

pub(super) fn set_starred(
    session: &mut Session,
    id: CardId,
    starred: bool,
) -> Result<Edit, EditError> {
    let card = card_mut(session, id)?;
    let old = std::mem::replace(&mut card.starred, starred);
    Ok(Edit::SetStarred { id, starred: old })
}

pub(super) fn set_easy_words(
    session: &mut Session,
    id: CardId,
    words: String,
) -> Result<Edit, EditError> {
    let card = card_mut(session, id)?;
    let old = std::mem::replace(&mut card.easy_words, words);
    Ok(Edit::SetEasyWords { id, words: old })
}

pub(super) fn set_redactions(
    session: &mut Session,
    id: CardId,
    redactions: Vec<Redaction>,
) -> Result<Edit, EditError> {
    let card = card_mut(session, id)?;
    let old = std::mem::replace(&mut card.redactions, redactions);
    Ok(Edit::SetRedactions {
        id,
        redactions: old,
    })
}

pub(super) fn set_themes(
    session: &mut Session,
    id: CardId,
    themes: Vec<ThemeId>,
) -> Result<Edit, EditError> {
    let themes = checked_themes(session, themes)?;
    let card = card_mut(session, id)?;
    let old = std::mem::replace(&mut card.themes, themes);
    Ok(Edit::SetCardThemes { id, themes: old })
}

pub(super) fn set_answers(
    session: &mut Session,
    id: CardId,
    answers: Vec<CardId>,
) -> Result<Edit, EditError> {
    let card = session.card(id).ok_or(EditError::NoCard)?;
    if card.category != Category::MakeADifference {
        return Err(EditError::NotAnIdea);
    }
    let answers = checked_answers(session, id, answers)?;
    let card = card_mut(session, id)?;
    let old = card.replace_answers(answers);
    Ok(Edit::SetAnswers { id, answers: old })
}

/// A card that may go into the session as it is: in a group that exists, votes of zero or
/// more, existing themes each once, and links only from an idea to problems.
fn checked_card(session: &Session, mut card: Card) -> Result<Card, EditError> {
    if session.group(card.group).is_none() {
        return Err(EditError::NoGroup);
    }
    if card.votes < 0 {
        return Err(EditError::NegativeVotes);
    }
    card.themes = checked_themes(session, std::mem::take(&mut card.themes))?;
    if !card.answers.is_empty() {
        if card.category != Category::MakeADifference {
            return Err(EditError::NotAnIdea);
        }
        card.answers = checked_answers(session, card.id, std::mem::take(&mut card.answers))?;
    }
    Ok(card)
}

/// Themes that all exist, each once, in the order given.
fn checked_themes(session: &Session, mut themes: Vec<ThemeId>) -> Result<Vec<ThemeId>, EditError> {
    if themes.iter().any(|t| session.theme(*t).is_none()) {
        return Err(EditError::NoTheme);
    }
    let mut seen = HashSet::new();
    themes.retain(|t| seen.insert(*t));
    Ok(themes)
}

/// Cards that `idea` may answer: existing "Not so good" cards other than itself, each once.
fn checked_answers(
    session: &Session,
    idea: CardId,
    mut answers: Vec<CardId>,
) -> Result<Vec<CardId>, EditError> {
    for answered in &answers {
        if *answered == idea {
            return Err(EditError::AnswersItself);
        }
        let card = session.card(*answered).ok_or(EditError::NoCard)?;
        if card.category != Category::NotSoGood {
            return Err(EditError::NotAProblem);
        }
    }
    let mut seen = HashSet::new();
    answers.retain(|a| seen.insert(*a));
    Ok(answers)
}

/// Takes `id` out of every card's answers; returns the edits that put the links back.
fn unlink_answers_to(session: &mut Session, id: CardId) -> Vec<Edit> {
    let mut restore = Vec::new();
    for other in &mut session.cards {
        if other.answers.contains(&id) {
            let left = other
                .answers
                .iter()
                .filter(|a| **a != id)
                .copied()
                .collect();
            restore.push(Edit::SetAnswers {
                id: other.id,
                answers: other.replace_answers(left),
            });
        }
    }
    restore
}

fn card_mut(session: &mut Session, id: CardId) -> Result<&mut Card, EditError> {
    session
        .cards
        .iter_mut()
        .find(|c| c.id == id)
        .ok_or(EditError::NoCard)
}
