//! Resolving a conflict: a card changed differently on two laptops keeps every version until
//! a person chooses. Each choice is one [`Edit`] and so one undoable step; stamping it (see
//! [`super::stamps`]) makes the result cover every version, so merging the old files in
//! again does not bring the conflict back. Pure: session in, edit out.

use super::Edit;
use crate::model::{Card, CardId, Category, Session};

/// One version of a conflicted card, and the file it came from.
#[derive(Clone, Copy, Debug)]
pub struct Version<'a> {
    /// The file's name as it was merged in; empty when nobody named it.
    pub from: &'a str,
    /// The version itself. The one shown still holds the others in `others`.
    pub card: &'a Card,
}

/// Every version of `card`: the one shown first, then the others in the order kept.
pub fn versions(card: &Card) -> Vec<Version<'_>> {
    let shown = Version {
        from: &card.version_from,
        card,
    };
    let others = (card.others.iter()).map(|other| Version {
        from: &other.from,
        card: &other.card,
    });
    std::iter::once(shown).chain(others).collect()
}

/// Keeps version `which` of card `id` (0 is the one shown) and lets the others go. None when
/// there is no such card or version.
pub fn keep(session: &Session, id: CardId, which: usize) -> Option<Edit> {
    let card = session.card(id)?;
    let kept = versions(card).get(which)?.card;
    Some(Edit::ReplaceCard {
        card: Box::new(standing(session, kept)),
    })
}

/// Keeps the version shown with `text` as its words: what a person writes when neither
/// version says it right.
pub fn keep_words(session: &Session, id: CardId, text: String) -> Option<Edit> {
    let mut kept = standing(session, session.card(id)?);
    kept.text = text;
    Some(Edit::ReplaceCard {
        card: Box::new(kept),
    })
}

/// Keeps every version, each as its own card: the one shown in place, the others as new
/// cards (fresh ids) right after it. One step, so one undo brings the conflict back.
pub fn keep_all(session: &Session, id: CardId) -> Option<Edit> {
    let at = session.card_index(id)?;
    let card = &session.cards[at];
    let mut edits = vec![Edit::ReplaceCard {
        card: Box::new(standing(session, card)),
    }];
    for (n, other) in card.others.iter().enumerate() {
        let mut copy = standing(session, &other.card);
        copy.id = CardId::new();
        // A new card: what it has seen is counted when the step is stamped.
        copy.changed = Default::default();
        edits.push(Edit::AddCard {
            card: copy,
            index: at + 1 + n,
        });
    }
    Some(Edit::Batch(edits))
}

/// A version as it can stand alone in the session now: no other versions, no themes that
/// have gone since, and links to cards that are not here (deleted, or no longer a problem)
/// waiting as made, as a merge leaves them, rather than refused.
fn standing(session: &Session, version: &Card) -> Card {
    let mut card = version.clone();
    card.others.clear();
    card.version_from.clear();
    card.themes.retain(|t| session.theme(*t).is_some());
    let own = card.id;
    card.settle_answers(&|answered: CardId| {
        answered != own
            && session
                .card(answered)
                .is_some_and(|c| c.category == Category::NotSoGood)
    });
    card
}
