//! Undo and redo through the history.

use super::sample;
use crate::edit::{Edit, EditError, History, StepFailed};
use crate::model::{Card, Category};

#[test]
fn history_undoes_and_redoes_one_user_action_at_a_time() {
    let mut session = sample();
    let before = session.clone();
    let mut history = History::default();
    let group = session.groups[0].id;
    let paste = Edit::Batch(
        ["one", "two", "three"]
            .into_iter()
            .map(|t| Edit::AddCard {
                card: Card::new(group, Category::Good, t),
                index: usize::MAX,
            })
            .collect(),
    );
    history.apply(&mut session, paste).unwrap();
    history
        .apply(
            &mut session,
            Edit::SetStarred {
                id: before.cards[0].id,
                starred: true,
            },
        )
        .unwrap();
    assert_eq!(session.cards.len(), 6);
    assert_eq!(history.undo_label(), Some("star"));

    assert_eq!(history.undo(&mut session), Ok(true));
    assert!(!session.cards[0].starred);
    assert_eq!(history.undo_label(), Some("add card"));
    assert_eq!(history.undo(&mut session), Ok(true));
    let seen = |s: &crate::model::Session| -> Vec<(String, bool)> {
        s.cards
            .iter()
            .map(|c| (c.text.clone(), c.starred))
            .collect()
    };
    assert_eq!(seen(&session), seen(&before), "the whole paste is one step");
    assert_eq!(
        session.deleted.cards.len(),
        3,
        "the pasted cards are remembered as deleted, for merging"
    );
    assert_eq!(history.undo(&mut session), Ok(false));

    assert_eq!(history.redo(&mut session), Ok(true));
    assert_eq!(session.cards.len(), 6);
    assert_eq!(history.redo_label(), Some("star"));
    history
        .apply(
            &mut session,
            Edit::SetVotes {
                id: before.cards[0].id,
                votes: 1,
            },
        )
        .unwrap();
    assert_eq!(history.redo_label(), None, "a new edit clears redo");
}

#[test]
fn a_step_that_cannot_be_undone_says_why() {
    let mut session = sample();
    let mut history = History::default();
    let card = Card::new(session.groups[0].id, Category::Good, "Soon gone");
    let id = card.id;
    history
        .apply(&mut session, Edit::AddCard { card, index: 0 })
        .unwrap();
    // Changed outside the history, so its undo step no longer fits.
    session.cards.retain(|c| c.id != id);
    let before = session.clone();
    let failed = history.undo(&mut session).unwrap_err();
    assert_eq!(
        failed,
        StepFailed {
            undo: true,
            label: "add card",
            error: EditError::NoCard,
        }
    );
    assert_eq!(
        failed.to_string(),
        "Could not undo add card: that card no longer exists"
    );
    assert_eq!(session, before);
    assert_eq!(
        history.undo_label(),
        None,
        "the step that cannot apply is gone"
    );
    assert_eq!(history.redo(&mut session), Ok(false));
}
