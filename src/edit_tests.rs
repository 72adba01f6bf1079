use super::*;
use crate::model::{Card, Category, Group, Session, Theme};

/// A small session with fixed ids: two groups, two themes, three cards, one link.
fn sample() -> Session {
    let mut session = Session::new("Edits");
    session.details.date = jiff::civil::date(2026, 10, 14);
    session.groups = vec![Group::new("Group 1"), Group::new("Group 2")];
    session.groups[0].id = GroupId::from_u128(1);
    session.groups[1].id = GroupId::from_u128(2);
    session.themes = vec![Theme::new("Carers", 0), Theme::new("Money", 1)];
    session.themes[0].id = ThemeId::from_u128(11);
    session.themes[1].id = ThemeId::from_u128(12);
    let (g1, g2) = (session.groups[0].id, session.groups[1].id);
    let card = |n: u128, group, category, text: &str| Card {
        id: CardId::from_u128(n),
        ..Card::new(group, category, text)
    };
    let mut problem = card(21, g1, Category::NotSoGood, "Forms are long");
    problem.themes.push(session.themes[1].id);
    let mut idea = card(22, g1, Category::MakeADifference, "One short form");
    idea.answers.push(problem.id);
    let good = card(23, g2, Category::Good, "Carers feel heard");
    session.cards = vec![problem, idea, good];
    for card in &mut session.cards {
        card.written = jiff::Timestamp::UNIX_EPOCH;
    }
    session
}

/// Applies `edit`, checks the session changed and is valid, then that the inverse restores it
/// exactly, and that redoing gives the same result again.
fn round_trip(edit: Edit) -> Session {
    let before = sample();
    let mut session = before.clone();
    let inverse = edit.apply(&mut session).expect("edit applies");
    let after = session.clone();
    assert_ne!(after, before, "the edit changed nothing");
    after.validate().expect("still valid after the edit");
    let redo = inverse.apply(&mut session).expect("inverse applies");
    assert_eq!(session, before, "undo restores the session");
    redo.apply(&mut session).expect("redo applies");
    assert_eq!(session, after, "redo gives the same result");
    after
}

#[test]
fn add_card_and_undo() {
    let s = sample();
    let card = Card::new(s.groups[1].id, Category::NotSoGood, "Nobody explained it");
    let after = round_trip(Edit::AddCard { card, index: 3 });
    assert_eq!(after.cards.len(), 4);
    assert_eq!(after.cards[3].text, "Nobody explained it");
}

#[test]
fn delete_card_also_unlinks_it() {
    let s = sample();
    let after = round_trip(Edit::DeleteCard { id: s.cards[0].id });
    assert_eq!(after.cards.len(), 2);
    assert!(after.cards.iter().all(|c| c.answers.is_empty()));
}

#[test]
fn card_field_edits() {
    let s = sample();
    let id = s.cards[2].id;
    assert_eq!(
        round_trip(Edit::SetCardText {
            id,
            text: "New words".into()
        })
        .cards[2]
            .text,
        "New words"
    );
    assert_eq!(
        round_trip(Edit::SetVotes { id, votes: 4 }).cards[2].votes,
        4
    );
    assert!(round_trip(Edit::SetStarred { id, starred: true }).cards[2].starred);
    let themes = vec![s.themes[0].id, s.themes[1].id];
    assert_eq!(
        round_trip(Edit::SetCardThemes {
            id,
            themes: themes.clone()
        })
        .cards[2]
            .themes,
        themes
    );
    let idea = s.cards[1].id;
    assert!(
        round_trip(Edit::SetAnswers {
            id: idea,
            answers: vec![]
        })
        .cards[1]
            .answers
            .is_empty()
    );
}

#[test]
fn move_card_to_another_group_and_category() {
    let s = sample();
    let after = round_trip(Edit::MoveCard {
        id: s.cards[0].id,
        group: s.groups[1].id,
        category: Category::Good,
        index: 2,
    });
    assert_eq!(after.cards[2].text, "Forms are long");
    assert_eq!(after.cards[2].group, s.groups[1].id);
    assert_eq!(after.cards[2].category, Category::Good);
}

#[test]
fn group_edits() {
    let s = sample();
    let after = round_trip(Edit::AddGroup {
        group: Group::new("Group 3"),
        index: 2,
    });
    assert_eq!(after.groups[2].name, "Group 3");
    let after = round_trip(Edit::rename_group(&s, s.groups[0].id, "Table A".into()).unwrap());
    assert_eq!(after.groups[0].name, "Table A");
    let after = round_trip(Edit::MoveGroup {
        id: s.groups[1].id,
        index: 0,
    });
    assert_eq!(after.groups[0].name, "Group 2");
    let after = round_trip(Edit::DeleteGroup { id: s.groups[0].id });
    assert_eq!(after.groups.len(), 1);
    assert_eq!(after.cards.len(), 1, "the group's cards went with it");
}

#[test]
fn details_edit() {
    let s = sample();
    let mut details = s.details.clone();
    details.venue = "Town hall".into();
    details.targets.good = 5;
    let after = round_trip(Edit::SetDetails(Box::new(details)));
    assert_eq!(after.details.venue, "Town hall");
}

#[test]
fn theme_edits() {
    let s = sample();
    let after = round_trip(Edit::AddTheme {
        theme: Theme::new("Access", 2),
        index: 0,
    });
    assert_eq!(after.themes[0].name, "Access");
    let mut renamed = s.themes[1].clone();
    renamed.name = "Managing money".into();
    assert_eq!(
        round_trip(Edit::UpdateTheme { theme: renamed }).themes[1].name,
        "Managing money"
    );
    let after = round_trip(Edit::DeleteTheme { id: s.themes[1].id });
    assert!(after.cards.iter().all(|c| c.themes.is_empty()));
}

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

    assert!(history.undo(&mut session));
    assert!(!session.cards[0].starred);
    assert_eq!(history.undo_label(), Some("add card"));
    assert!(history.undo(&mut session));
    assert_eq!(session, before, "the whole paste is one step");
    assert!(!history.undo(&mut session));

    assert!(history.redo(&mut session));
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
fn column_insert_index_places_cards_within_their_column() {
    let s = sample();
    let (g1, g2) = (s.groups[0].id, s.groups[1].id);
    // An empty column: the end of the list.
    assert_eq!(s.column_insert_index(g2, Category::NotSoGood, 0, None), 3);
    // Before the first card of a column, and after its last.
    assert_eq!(s.column_insert_index(g1, Category::NotSoGood, 0, None), 0);
    assert_eq!(s.column_insert_index(g1, Category::NotSoGood, 1, None), 1);
    // Moving the only card of a column past its end: it stays alone in its column.
    assert_eq!(
        s.column_insert_index(g1, Category::NotSoGood, 5, Some(s.cards[0].id)),
        2
    );
}
