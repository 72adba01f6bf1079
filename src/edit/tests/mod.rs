//! The edits, one family per file, on a small session with fixed ids.

mod cards;
mod groups_themes;
mod history;
mod invariants;
mod resolve;

use super::Edit;
use crate::model::{Card, CardId, Category, Group, GroupId, Session, Theme, ThemeId};

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
