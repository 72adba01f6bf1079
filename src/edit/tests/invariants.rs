//! Edits that would break the session's invariants, and batches that fail part-way.

use super::sample;
use crate::edit::{Edit, EditError};
use crate::model::{Card, CardId, Category, Group, GroupId, Theme, ThemeId};

#[test]
fn a_failing_batch_changes_nothing() {
    let mut session = sample();
    let before = session.clone();
    let edit = Edit::Batch(vec![
        Edit::SetVotes {
            id: before.cards[0].id,
            votes: 3,
        },
        Edit::SetVotes {
            id: CardId::new(),
            votes: 3,
        },
    ]);
    assert_eq!(edit.apply(&mut session), Err(EditError::NoCard));
    assert_eq!(session, before);
}

#[test]
fn edits_that_would_break_invariants_are_refused() {
    let mut session = sample();
    let before = session.clone();
    let stray = Card::new(GroupId::new(), Category::Good, "Lost");
    assert_eq!(
        Edit::AddCard {
            card: stray,
            index: 0
        }
        .apply(&mut session),
        Err(EditError::NoGroup)
    );
    let again = before.cards[0].clone();
    assert_eq!(
        Edit::AddCard {
            card: again,
            index: 0
        }
        .apply(&mut session),
        Err(EditError::DuplicateId)
    );
    let id = before.cards[0].id;
    assert_eq!(
        Edit::SetCardThemes {
            id,
            themes: vec![ThemeId::new()]
        }
        .apply(&mut session),
        Err(EditError::NoTheme)
    );
    assert_eq!(session, before);
}

#[test]
fn ids_are_unique_across_groups_themes_and_cards() {
    let mut session = sample();
    let before = session.clone();
    let mut group = Group::new("Clash");
    group.id = GroupId::from_u128(before.cards[0].id.as_u128());
    assert_eq!(
        Edit::AddGroup { group, index: 0 }.apply(&mut session),
        Err(EditError::DuplicateId)
    );
    let mut theme = Theme::new("Clash", 0);
    theme.id = ThemeId::from_u128(before.groups[0].id.as_u128());
    assert_eq!(
        Edit::AddTheme { theme, index: 0 }.apply(&mut session),
        Err(EditError::DuplicateId)
    );
    assert_eq!(session, before);
}

#[test]
fn restoring_a_broken_session_is_refused() {
    let mut session = sample();
    let before = session.clone();
    let mut broken = before.clone();
    broken.cards[2].votes = -3;
    assert!(matches!(
        Edit::ReplaceSession(Box::new(broken)).apply(&mut session),
        Err(EditError::InvalidSession(_))
    ));
    assert_eq!(session, before);
}

/// Taking back a failed batch cannot fail on a session that holds its invariants (the
/// property tests check that on random batches); it can on one changed outside edits, and
/// then the batch says so instead of leaving the session part-way in silence.
#[test]
fn a_batch_that_cannot_be_taken_back_says_so() {
    let mut session = sample();
    // As if read from an old file without mending: a card below zero.
    session.cards[2].votes = -1;
    let id = session.cards[2].id;
    let edit = Edit::Batch(vec![
        Edit::SetVotes { id, votes: 2 },
        Edit::SetStarred {
            id: CardId::new(),
            starred: true,
        },
    ]);
    let error = edit.apply(&mut session).unwrap_err();
    assert_eq!(
        error,
        EditError::RollbackFailed {
            error: Box::new(EditError::NoCard),
            rollback: Box::new(EditError::NegativeVotes),
        }
    );
    assert!(error.to_string().contains("that card no longer exists"));
    assert!(error.to_string().contains("votes cannot go below zero"));
    assert_eq!(
        session.cards[2].votes, 2,
        "the part already done stays, and is reported"
    );
}
