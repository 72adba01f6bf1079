//! Resolving a conflict: keep one version, keep them all as cards, or keep new words.

use super::sample;
use crate::edit::{History, resolve};
use crate::model::{CardId, OtherVersion, Session, ThemeId};

/// The sample with the idea (card 1) in conflict: another version of it says something else,
/// has a theme and answers the problem, from another file.
fn conflicted() -> Session {
    let mut session = sample();
    let idea = &mut session.cards[1];
    idea.version_from = "table-b.ron".into();
    let mut other = idea.clone();
    other.text = "A form on one page".into();
    other.themes = vec![ThemeId::from_u128(11)];
    idea.others.push(OtherVersion {
        from: "table-a.ron".into(),
        card: other,
    });
    session
}

#[test]
fn versions_list_the_one_shown_first_with_their_files() {
    let session = conflicted();
    let versions = resolve::versions(&session.cards[1]);
    let seen: Vec<(&str, &str)> = versions
        .iter()
        .map(|v| (v.from, v.card.text.as_str()))
        .collect();
    assert_eq!(
        seen,
        [
            ("table-b.ron", "One short form"),
            ("table-a.ron", "A form on one page")
        ]
    );
}

#[test]
fn keeping_one_version_is_one_step_and_undo_brings_the_conflict_back() {
    let mut session = conflicted();
    let mut history = History::default();
    let id = session.cards[1].id;
    let edit = resolve::keep(&session, id, 1).unwrap();
    history.apply(&mut session, edit).unwrap();
    let kept = session.card(id).unwrap();
    assert_eq!(kept.text, "A form on one page");
    assert_eq!(kept.themes, [ThemeId::from_u128(11)]);
    assert!(kept.others.is_empty() && kept.version_from.is_empty());
    assert_eq!(history.undo_label(), Some("resolve conflict"));
    assert!(
        resolve::keep(&session, id, 1).is_none(),
        "no such version now"
    );

    history.undo(&mut session).unwrap();
    let back = session.card(id).unwrap();
    assert_eq!(back.text, "One short form");
    assert_eq!(back.others.len(), 1);
    assert_eq!(back.version_from, "table-b.ron");
    assert_eq!(
        back.changed, back.others[0].card.changed,
        "both versions have seen the resolve they undo, so a merge keeps them both"
    );
}

#[test]
fn keeping_both_makes_the_other_a_new_card_right_after_it_in_one_step() {
    let mut session = conflicted();
    let before: Vec<CardId> = session.cards.iter().map(|c| c.id).collect();
    let mut history = History::default();
    let id = session.cards[1].id;
    let edit = resolve::keep_all(&session, id).unwrap();
    history.apply(&mut session, edit).unwrap();
    let texts: Vec<&str> = session.cards.iter().map(|c| c.text.as_str()).collect();
    assert_eq!(
        texts,
        [
            "Forms are long",
            "One short form",
            "A form on one page",
            "Carers feel heard"
        ]
    );
    let copy = &session.cards[2];
    let copy_id = copy.id;
    assert!(!before.contains(&copy_id), "a fresh id");
    assert_eq!(
        copy.answers,
        [before[0]],
        "it answers what that version answered"
    );
    assert_eq!(session.conflicts().count(), 0);
    assert_eq!(session.validate(), Ok(()));
    assert_eq!(history.undo_label(), Some("resolve conflict"));

    history.undo(&mut session).unwrap();
    assert_eq!(session.cards.len(), 3);
    assert_eq!(session.conflicts().count(), 1);
    assert!(
        session.deleted.cards.contains_key(&copy_id),
        "the copy undone stays gone when merged"
    );
}

#[test]
fn new_words_keep_the_version_shown_with_them() {
    let mut session = conflicted();
    let id = session.cards[1].id;
    let edit = resolve::keep_words(&session, id, "One short form, on one page".into()).unwrap();
    History::default().apply(&mut session, edit).unwrap();
    let kept = session.card(id).unwrap();
    assert_eq!(kept.text, "One short form, on one page");
    assert_eq!(kept.answers, [session.cards[0].id]);
    assert!(kept.themes.is_empty() && kept.others.is_empty());
}

#[test]
fn a_version_kept_after_its_problem_and_theme_went_keeps_the_link_waiting() {
    let mut session = conflicted();
    let id = session.cards[1].id;
    let problem = session.cards[0].id;
    // Since the merge, the problem was deleted here and the theme too.
    session.cards.remove(0);
    session.cards[0].answers.clear();
    session.themes.retain(|t| t.id != ThemeId::from_u128(11));
    let edit = resolve::keep(&session, id, 1).unwrap();
    History::default().apply(&mut session, edit).unwrap();
    let kept = session.card(id).unwrap();
    assert_eq!(kept.text, "A form on one page");
    assert!(kept.answers.is_empty() && kept.themes.is_empty());
    assert_eq!(
        kept.answers_made(),
        [problem],
        "back if the problem comes back"
    );
    assert_eq!(session.validate(), Ok(()));
}
