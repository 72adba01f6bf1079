//! Edits to cards: text, votes, stars, themes, links, moves.

use super::{round_trip, sample};
use crate::edit::{Edit, EditError};
use crate::model::{Card, CardId, Category, ThemeId};

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
    assert!(
        after.cards.iter().all(|c| c.answers.is_empty()),
        "a card that is no longer a problem is no longer answered"
    );
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

#[test]
fn moving_an_idea_out_of_its_column_clears_its_answers() {
    let s = sample();
    let idea = s.cards[1].id;
    let after = round_trip(Edit::MoveCard {
        id: idea,
        group: s.groups[1].id,
        category: Category::Good,
        index: usize::MAX,
    });
    let moved = after.card(idea).unwrap();
    assert_eq!(moved.category, Category::Good);
    assert!(moved.answers.is_empty());
    // Still an idea, only in another group: it keeps what it answers.
    let after = round_trip(Edit::MoveCard {
        id: idea,
        group: s.groups[1].id,
        category: Category::MakeADifference,
        index: 0,
    });
    assert_eq!(after.card(idea).unwrap().answers, [s.cards[0].id]);
}

#[test]
fn answers_link_an_idea_to_problems_only() {
    let mut session = sample();
    let (problem, idea, good) = (
        session.cards[0].id,
        session.cards[1].id,
        session.cards[2].id,
    );
    let before = session.clone();
    let answers = |id, answers: Vec<CardId>| Edit::SetAnswers { id, answers };
    let refused = [
        (answers(good, vec![problem]), EditError::NotAnIdea),
        (answers(problem, vec![]), EditError::NotAnIdea),
        (answers(idea, vec![good]), EditError::NotAProblem),
        (answers(idea, vec![idea]), EditError::AnswersItself),
        (answers(idea, vec![CardId::new()]), EditError::NoCard),
        (answers(CardId::new(), vec![]), EditError::NoCard),
    ];
    for (edit, error) in refused {
        assert_eq!(edit.clone().apply(&mut session), Err(error), "{edit:?}");
        assert_eq!(session, before, "a refused link changes nothing");
    }
    let mut second = Card::new(session.groups[1].id, Category::NotSoGood, "No cover");
    second.id = CardId::from_u128(24);
    Edit::AddCard {
        card: second,
        index: 3,
    }
    .apply(&mut session)
    .unwrap();
    let second = CardId::from_u128(24);
    answers(idea, vec![second, problem, second])
        .apply(&mut session)
        .unwrap();
    assert_eq!(session.card(idea).unwrap().answers, [second, problem]);
    assert_eq!(session.validate(), Ok(()));
}

#[test]
fn votes_never_go_below_zero() {
    let mut session = sample();
    let before = session.clone();
    let id = session.cards[2].id;
    assert_eq!(
        Edit::SetVotes { id, votes: -1 }.apply(&mut session),
        Err(EditError::NegativeVotes)
    );
    let mut card = Card::new(session.groups[0].id, Category::Good, "Minus one");
    card.votes = -1;
    assert_eq!(
        Edit::AddCard { card, index: 0 }.apply(&mut session),
        Err(EditError::NegativeVotes)
    );
    assert_eq!(session, before);
    // Down to zero is fine.
    Edit::SetVotes { id, votes: 1 }.apply(&mut session).unwrap();
    Edit::SetVotes { id, votes: 0 }.apply(&mut session).unwrap();
    assert_eq!(session, before);
}

#[test]
fn an_added_card_must_fit_the_session() {
    let mut session = sample();
    let before = session.clone();
    let group = session.groups[0].id;
    let mut good = Card::new(group, Category::Good, "Answers as a good card");
    good.answers = vec![session.cards[0].id];
    let mut stray_theme = Card::new(group, Category::Good, "Lost theme");
    stray_theme.themes = vec![ThemeId::new()];
    let mut same_id_as_a_group = Card::new(group, Category::Good, "Clash");
    same_id_as_a_group.id = CardId::from_u128(group.as_u128());
    let refused = [
        (good, EditError::NotAnIdea),
        (stray_theme, EditError::NoTheme),
        (same_id_as_a_group, EditError::DuplicateId),
    ];
    for (card, error) in refused {
        assert_eq!(
            Edit::AddCard { card, index: 0 }.apply(&mut session),
            Err(error)
        );
    }
    assert_eq!(session, before);
    let mut idea = Card::new(group, Category::MakeADifference, "Answers the problem");
    idea.answers = vec![session.cards[0].id];
    let after = round_trip(Edit::AddCard {
        card: idea,
        index: 2,
    });
    assert_eq!(after.cards[2].answers, [before.cards[0].id]);
}

/// The sample with card `at` in conflict: another version of it, from another file.
fn in_conflict(at: usize, other: Card) -> crate::model::Session {
    let mut session = sample();
    let card = &mut session.cards[at];
    card.version_from = "table-b.ron".into();
    card.others.push(crate::model::OtherVersion {
        from: "table-a.ron".into(),
        card: Card {
            id: card.id,
            ..other
        },
    });
    session
}

#[test]
fn replacing_a_card_resolves_its_conflict_and_undo_brings_it_back() {
    let s = sample();
    let other = Card {
        written: jiff::Timestamp::UNIX_EPOCH,
        ..Card::new(s.groups[1].id, Category::Good, "Carers feel listened to")
    };
    let before = in_conflict(2, other.clone());
    let mut session = before.clone();
    let kept = Card {
        id: s.cards[2].id,
        ..other
    };
    let undo = Edit::ReplaceCard {
        card: Box::new(kept.clone()),
    }
    .apply(&mut session)
    .unwrap();
    assert_eq!(session.cards[2], kept, "the version kept, alone");
    assert_eq!(session.conflicts().count(), 0);
    assert!(session.cards[2].version_from.is_empty());
    undo.apply(&mut session).unwrap();
    assert_eq!(
        session, before,
        "both versions, and which file each came from"
    );
    assert_eq!(session.conflicts().count(), 1);
}

#[test]
fn a_version_kept_must_link_to_cards_that_are_here() {
    let s = sample();
    let idea = s.cards[1].clone();
    let mut session = in_conflict(1, idea.clone());
    let before = session.clone();
    // That version answers a problem deleted since, or a card that is not a problem.
    let gone = Card {
        answers: vec![CardId::from_u128(99)],
        ..idea.clone()
    };
    let good = Card {
        answers: vec![s.cards[2].id],
        ..idea.clone()
    };
    let not_an_idea = Card {
        category: Category::Good,
        answers: vec![s.cards[0].id],
        ..idea
    };
    let refused = [
        (gone, EditError::NoCard),
        (good, EditError::NotAProblem),
        (not_an_idea, EditError::NotAnIdea),
    ];
    for (card, error) in refused {
        let edit = Edit::ReplaceCard {
            card: Box::new(card),
        };
        assert_eq!(edit.apply(&mut session), Err(error));
        assert_eq!(session, before, "a refused version changes nothing");
    }
}

#[test]
fn a_problem_kept_as_another_category_loses_its_answers_and_undo_restores_them() {
    let s = sample();
    let problem = Card {
        category: Category::Good,
        text: "Forms are fine".into(),
        ..s.cards[0].clone()
    };
    let after = round_trip(Edit::ReplaceCard {
        card: Box::new(problem),
    });
    assert_eq!(after.cards[0].category, Category::Good);
    assert!(
        after.cards[1].answers.is_empty(),
        "the idea no longer answers a card that is no longer a problem"
    );
    assert_eq!(
        round_trip(Edit::ReplaceCard {
            card: Box::new(Card {
                text: "Forms are too long".into(),
                ..s.cards[0].clone()
            })
        })
        .cards[1]
            .answers,
        [s.cards[0].id],
        "still a problem: still answered"
    );
}

#[test]
fn a_replacement_must_fit_the_session() {
    let s = sample();
    let mut session = s.clone();
    let with = |change: fn(&mut Card)| {
        let mut card = s.cards[2].clone();
        change(&mut card);
        Edit::ReplaceCard {
            card: Box::new(card),
        }
    };
    let refused = [
        (with(|c| c.id = CardId::from_u128(98)), EditError::NoCard),
        (
            with(|c| c.group = crate::model::GroupId::from_u128(97)),
            EditError::NoGroup,
        ),
        (
            with(|c| c.themes = vec![ThemeId::from_u128(96)]),
            EditError::NoTheme,
        ),
        (with(|c| c.votes = -1), EditError::NegativeVotes),
    ];
    for (edit, error) in refused {
        assert_eq!(edit.apply(&mut session), Err(error));
        assert_eq!(session, s);
    }
}
