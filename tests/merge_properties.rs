//! Merging sessions captured apart: random edits, made through the real edits and history on
//! copies of one session by three laptops, then merged in every way. Merging is idempotent,
//! the order does not matter, no card is lost or doubled, and a card edited on two laptops
//! keeps both texts.
// Helpers outside #[test] functions are test code too: a panic is how they report.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use harvest::edit::{Edit, History, builders};
use harvest::merge::{self, Side};
use harvest::model::people::Status;
use harvest::model::{About, Action, ActionStatus, Card, CardId, Category, Group};
use harvest::model::{Person, ReplicaId, Session, Theme};
use proptest::prelude::*;
use proptest::sample::Index;

/// One thing a table's scribe does.
#[derive(Clone, Debug)]
enum Act {
    AddCard(Index, Category, String),
    DeleteCard(Index),
    SetText(Index, String),
    MoveCard(Index, Index, Category),
    /// Links an idea to a problem, or takes the link away.
    ToggleLink(Index, Index),
    CreateTheme(&'static str),
    RenameTheme(Index, &'static str),
    ToggleTheme(Index, Index),
    AddGroup(&'static str),
    RenameGroup(Index, &'static str),
    SetVenue(String),
    /// Someone puts their name down for the steering group.
    AddPerson(String),
    SetStatus(Index, Status),
    SetNotes(Index, String),
    RemovePerson(Index),
    AddAction(Index, String),
    SetActionStatus(Index, ActionStatus),
    DeleteAction(Index),
    Undo,
}

/// Names that clash in capitals and spaces, so tables make "the same" theme and group.
const NAMES: [&str; 4] = ["Carers", " carers ", "Transport", "Table 9"];

fn act() -> impl Strategy<Value = Act> {
    let category = prop::sample::select(Category::ALL.to_vec());
    let name = prop::sample::select(NAMES.to_vec());
    let text = "[a-c]{1,3}";
    prop_oneof![
        3 => (any::<Index>(), category.clone(), text).prop_map(|(g, c, t)| Act::AddCard(g, c, t)),
        2 => any::<Index>().prop_map(Act::DeleteCard),
        3 => (any::<Index>(), text).prop_map(|(c, t)| Act::SetText(c, t)),
        2 => (any::<Index>(), any::<Index>(), category).prop_map(|(c, g, k)| Act::MoveCard(c, g, k)),
        2 => (any::<Index>(), any::<Index>()).prop_map(|(i, p)| Act::ToggleLink(i, p)),
        1 => name.clone().prop_map(Act::CreateTheme),
        1 => (any::<Index>(), name.clone()).prop_map(|(t, n)| Act::RenameTheme(t, n)),
        2 => (any::<Index>(), any::<Index>()).prop_map(|(c, t)| Act::ToggleTheme(c, t)),
        1 => name.clone().prop_map(Act::AddGroup),
        1 => (any::<Index>(), name).prop_map(|(g, n)| Act::RenameGroup(g, n)),
        1 => text.prop_map(Act::SetVenue),
        1 => text.prop_map(Act::AddPerson),
        2 => (any::<Index>(), prop::sample::select(Status::ALL.to_vec()))
            .prop_map(|(p, s)| Act::SetStatus(p, s)),
        1 => (any::<Index>(), text).prop_map(|(p, t)| Act::SetNotes(p, t)),
        1 => any::<Index>().prop_map(Act::RemovePerson),
        1 => (any::<Index>(), text).prop_map(|(t, w)| Act::AddAction(t, w)),
        1 => (any::<Index>(), prop::sample::select(ActionStatus::ALL.to_vec()))
            .prop_map(|(a, s)| Act::SetActionStatus(a, s)),
        1 => any::<Index>().prop_map(Act::DeleteAction),
        1 => Just(Act::Undo),
    ]
}

/// The edit an act makes on the session as it is; None when there is nothing to aim at.
fn edit(act: &Act, session: &Session) -> Option<Edit> {
    let card = |i: &Index| {
        (!session.cards.is_empty()).then(|| session.cards[i.index(session.cards.len())].id)
    };
    let group = |i: &Index| session.groups[i.index(session.groups.len())].id;
    let theme = |i: &Index| {
        (!session.themes.is_empty()).then(|| session.themes[i.index(session.themes.len())].clone())
    };
    let person = |i: &Index| {
        (!session.people.is_empty()).then(|| session.people[i.index(session.people.len())].clone())
    };
    let action = |i: &Index| {
        (!session.actions.is_empty())
            .then(|| session.actions[i.index(session.actions.len())].clone())
    };
    Some(match act {
        Act::AddCard(g, category, text) => Edit::AddCard {
            card: Card::new(group(g), *category, text.clone()),
            index: usize::MAX,
        },
        Act::DeleteCard(c) => Edit::DeleteCard { id: card(c)? },
        Act::SetText(c, text) => Edit::SetCardText {
            id: card(c)?,
            text: text.clone(),
        },
        Act::MoveCard(c, g, category) => builders::move_to(session, card(c)?, group(g), *category),
        Act::CreateTheme(name) => Edit::AddTheme {
            theme: Theme::new(*name, session.themes.len()),
            index: usize::MAX,
        },
        Act::RenameTheme(t, name) => {
            let mut theme = theme(t)?;
            theme.name = (*name).to_owned();
            Edit::UpdateTheme { theme }
        }
        Act::ToggleLink(i, p) => {
            let of = |category: Category| -> Vec<&Card> {
                (session.cards.iter())
                    .filter(|c| c.category == category)
                    .collect()
            };
            let (ideas, problems) = (of(Category::MakeADifference), of(Category::NotSoGood));
            if ideas.is_empty() || problems.is_empty() {
                return None;
            }
            let idea = ideas[i.index(ideas.len())];
            let problem = problems[p.index(problems.len())].id;
            let mut answers = idea.answers.clone();
            if answers.contains(&problem) {
                answers.retain(|a| *a != problem);
            } else {
                answers.push(problem);
            }
            Edit::SetAnswers {
                id: idea.id,
                answers,
            }
        }
        Act::ToggleTheme(c, t) => builders::toggle_theme(session, card(c)?, theme(t)?.id)?,
        Act::AddGroup(name) => Edit::AddGroup {
            group: Group::new(*name),
            index: usize::MAX,
        },
        Act::RenameGroup(g, name) => {
            Edit::rename_group(session, group(g), (*name).to_owned()).ok()?
        }
        Act::SetVenue(venue) => {
            let mut details = session.details.clone();
            details.venue = venue.clone();
            Edit::SetDetails(Box::new(details))
        }
        Act::AddPerson(name) => Edit::AddPerson {
            person: Box::new(Person::new(name.clone(), jiff::civil::date(2026, 11, 20))),
            index: usize::MAX,
        },
        Act::SetStatus(p, status) => {
            let mut person = person(p)?;
            person.status = *status;
            Edit::UpdatePerson(Box::new(person))
        }
        Act::SetNotes(p, notes) => {
            let mut person = person(p)?;
            person.notes = notes.clone();
            Edit::UpdatePerson(Box::new(person))
        }
        Act::RemovePerson(p) => Edit::DeletePerson { id: person(p)?.id },
        Act::AddAction(t, what) => Edit::AddAction {
            action: Box::new(Action::new(About::Theme(theme(t)?.id), what.clone())),
            index: usize::MAX,
        },
        Act::SetActionStatus(a, status) => {
            let mut action = action(a)?;
            action.status = *status;
            if *status == ActionStatus::NotDoing {
                action.reason = "No budget".to_owned();
            }
            Edit::UpdateAction(Box::new(action))
        }
        Act::DeleteAction(a) => Edit::DeleteAction { id: action(a)?.id },
        Act::Undo => return None,
    })
}

/// A copy of `start` edited by one laptop.
fn laptop(start: &Session, replica: u128, acts: &[Act]) -> Session {
    let mut session = start.clone();
    let mut history = History::by(ReplicaId::from_u128(replica));
    for act in acts {
        if let Act::Undo = act {
            let _ = history.undo(&mut session);
        } else if let Some(edit) = edit(act, &session) {
            // Refused edits (a move into a column that cannot hold a link, say) change nothing.
            let _ = history.apply(&mut session, edit);
        }
        assert_eq!(session.validate(), Ok(()), "after {act:?}");
    }
    session
}

fn start() -> Session {
    harvest::store::format::from_text(harvest::store::places::SAMPLE)
        .map(|parsed| parsed.session)
        .unwrap()
}

fn merged(a: &Session, b: &Session) -> Session {
    let merged = merge::merge(
        Side {
            name: "a.ron",
            session: a,
        },
        Side {
            name: "b.ron",
            session: b,
        },
    );
    assert_eq!(merged.session.validate(), Ok(()), "a merge holds together");
    merged.session
}

/// What must be the same whatever the order: groups, themes, cards and their conflicts, by
/// id (the order of the lists follows the file merged into). Which file a conflicting version
/// is reported from is a label, left out.
fn contents(session: &Session) -> Session {
    let mut session = session.clone();
    session.groups.sort_by_key(|g| g.id);
    session.themes.sort_by_key(|t| t.id);
    session.cards.sort_by_key(|c| c.id);
    session.people.sort_by_key(|p| p.id);
    session.actions.sort_by_key(|a| a.id);
    for card in &mut session.cards {
        card.version_from.clear();
        for other in &mut card.others {
            other.from.clear();
        }
    }
    session
}

fn acts() -> impl Strategy<Value = Vec<Act>> {
    prop::collection::vec(act(), 0..14)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn merging_is_idempotent_order_free_and_associative(a in acts(), b in acts(), c in acts()) {
        let start = start();
        let (a, b, c) = (laptop(&start, 1, &a), laptop(&start, 2, &b), laptop(&start, 3, &c));
        let ab = merged(&a, &b);
        prop_assert_eq!(contents(&ab), contents(&merged(&b, &a)), "A+B is B+A");
        prop_assert_eq!(contents(&merged(&ab, &b)), contents(&ab), "merging B again changes nothing");
        prop_assert_eq!(contents(&merged(&ab, &a)), contents(&ab), "merging A again changes nothing");
        prop_assert_eq!(contents(&merged(&ab, &ab)), contents(&ab));
        let left = merged(&ab, &c);
        let right = merged(&a, &merged(&b, &c));
        prop_assert_eq!(contents(&left), contents(&right), "(A+B)+C is A+(B+C)");
        prop_assert_eq!(contents(&left), contents(&merged(&merged(&c, &a), &b)), "in any order");
    }

    #[test]
    fn no_card_is_lost_or_doubled_and_deletions_stay(a in acts(), b in acts()) {
        let start = start();
        let (a, b) = (laptop(&start, 1, &a), laptop(&start, 2, &b));
        let ab = merged(&a, &b);
        for (side, other) in [(&a, &b), (&b, &a)] {
            for card in &side.cards {
                let deleted_unchanged = other
                    .deleted
                    .cards
                    .get(&card.id)
                    .is_some_and(|marker| marker.covers(&card.changed));
                let found = ab.cards.iter().filter(|c| c.id == card.id).count();
                if deleted_unchanged {
                    prop_assert_eq!(found, 0, "deleted on one laptop, unchanged on the other: {}", card.text);
                } else {
                    prop_assert_eq!(found, 1, "every card there once: {}", card.text);
                }
            }
        }
        for card in &ab.cards {
            prop_assert!(a.card(card.id).is_some() || b.card(card.id).is_some(), "no card made up");
        }
    }

    #[test]
    fn no_volunteer_is_lost_or_doubled_and_a_withdrawal_changed_elsewhere_is_said(
        a in acts(),
        b in acts(),
    ) {
        let start = start();
        let (a, b) = (laptop(&start, 1, &a), laptop(&start, 2, &b));
        let both = merge::merge(Side { name: "a.ron", session: &a }, Side { name: "b.ron", session: &b });
        let ab = &both.session;
        let mut withdrawn_changed = 0;
        for (side, other) in [(&a, &b), (&b, &a)] {
            for person in &side.people {
                let removed_unchanged = other
                    .deleted
                    .people
                    .get(&person.id)
                    .is_some_and(|marker| marker.covers(&person.changed));
                let found: Vec<&Person> = ab.people.iter().filter(|p| p.id == person.id).collect();
                if removed_unchanged {
                    prop_assert!(found.is_empty(), "removed on one laptop, unchanged on the other");
                    continue;
                }
                prop_assert_eq!(found.len(), 1, "every volunteer there once: {:?}", person.name);
                let unseen = other.people.iter().find(|p| p.id == person.id).is_some_and(|there| {
                    there.status != Status::Withdrawn && !there.changed.covers(&person.changed)
                });
                if person.status == Status::Withdrawn && found[0].status != Status::Withdrawn && unseen {
                    withdrawn_changed += 1;
                }
            }
        }
        prop_assert_eq!(both.report.withdrawn_changed, withdrawn_changed);
        for person in &ab.people {
            prop_assert!(a.people.iter().chain(&b.people).any(|p| p.id == person.id), "no one made up");
        }
    }

    #[test]
    fn a_card_edited_on_two_laptops_keeps_both_texts(
        pick in any::<Index>(),
        (here, there) in ("[a-z]{1,8}", "[A-Z]{1,8}"),
        a in acts(),
    ) {
        let start = start();
        let id = start.cards[pick.index(start.cards.len())].id;
        let edit = |text: &str| vec![Act::SetText(pick, text.to_owned())];
        // Each laptop edits the card first, then goes on with other work (maybe deleting it).
        let mut a_acts = edit(&here);
        a_acts.extend(a);
        let a = laptop(&start, 1, &a_acts);
        let b = laptop(&start, 2, &edit(&there));
        let ab = merged(&a, &b);
        let card = ab.card(id).expect("an edited card is never lost");
        let texts: Vec<&str> = std::iter::once(card.text.as_str())
            .chain(card.others.iter().map(|o| o.card.text.as_str()))
            .collect();
        prop_assert!(texts.contains(&there.as_str()), "{:?}", texts);
        if let Some(mine) = a.card(id) {
            prop_assert!(texts.contains(&mine.text.as_str()), "{:?}", texts);
            prop_assert_eq!(ab.conflicts().filter(|c| c.id == id).count(), 1);
        }
    }
}

/// Three laptops started from one file each capture apart, and their files are merged in
/// every order: every card once, the deletion kept, one theme, one conflict with both texts,
/// and merging again changes nothing.
#[test]
fn three_laptops_merge_into_one_event_in_any_order() {
    let start = start();
    let edited: CardId = start.cards[0].id;
    let removed: CardId = start.cards[1].id;
    let first_group = start.groups[0].id;
    let work = |replica: u128, edits: &dyn Fn(&Session) -> Vec<Edit>| {
        let mut session = start.clone();
        let mut history = History::by(ReplicaId::from_u128(replica));
        for edit in edits(&session) {
            history.apply(&mut session, edit).unwrap();
        }
        session
    };
    let one = work(1, &|_| {
        vec![
            Edit::SetCardText {
                id: edited,
                text: "Table one's words".into(),
            },
            Edit::AddTheme {
                theme: Theme::new("Carers' breaks", 9),
                index: usize::MAX,
            },
        ]
    });
    let two = work(2, &|_| {
        vec![
            Edit::SetCardText {
                id: edited,
                text: "Table two's words".into(),
            },
            Edit::DeleteCard { id: removed },
            Edit::AddTheme {
                theme: Theme::new("  carers' BREAKS", 9),
                index: usize::MAX,
            },
        ]
    });
    let new_table = Group::new("Table 8");
    let table = new_table.id;
    let three = work(3, &|_| {
        vec![
            Edit::AddGroup {
                group: new_table.clone(),
                index: usize::MAX,
            },
            Edit::AddCard {
                card: Card::new(table, Category::Good, "Late bus home"),
                index: usize::MAX,
            },
            Edit::AddCard {
                card: Card::new(first_group, Category::NotSoGood, "No parking"),
                index: usize::MAX,
            },
        ]
    });
    let files = [
        ("table-1.ron", &one),
        ("table-2.ron", &two),
        ("table-3.ron", &three),
    ];
    let orders = [
        [0, 1, 2],
        [0, 2, 1],
        [1, 0, 2],
        [1, 2, 0],
        [2, 0, 1],
        [2, 1, 0],
    ];
    let results: Vec<Session> = orders
        .iter()
        .map(|order| {
            let sides: Vec<Side> = order
                .iter()
                .map(|&i| Side {
                    name: files[i].0,
                    session: files[i].1,
                })
                .collect();
            merge::merge_all(&sides).unwrap().0
        })
        .collect();
    let event = &results[0];
    for other in &results[1..] {
        assert_eq!(
            contents(other),
            contents(event),
            "the same event in any order"
        );
    }
    assert_eq!(
        event.cards.len(),
        start.cards.len() + 2 - 1,
        "every card once, the deleted one gone"
    );
    assert!(event.card(removed).is_none(), "the deletion is kept");
    let themes: Vec<&Theme> = event
        .themes
        .iter()
        .filter(|t| t.name.to_lowercase().contains("carers' breaks"))
        .collect();
    assert_eq!(themes.len(), 1, "one theme, whatever the capitals");
    assert!(event.group(table).is_some());
    let conflicts: Vec<&Card> = event.conflicts().collect();
    assert_eq!(conflicts.len(), 1, "one conflict");
    let mut texts = vec![
        conflicts[0].text.clone(),
        conflicts[0].others[0].card.text.clone(),
    ];
    texts.sort();
    assert_eq!(texts, ["Table one's words", "Table two's words"]);
    for (_, file) in files {
        assert_eq!(
            contents(&merged(event, file)),
            contents(event),
            "merging again changes nothing"
        );
    }
}

/// A problem deleted on one laptop and reworded on another comes back, and an idea reworded
/// on a third still answers it, whichever order the files are merged in.
#[test]
fn a_link_to_a_card_deleted_and_edited_elsewhere_comes_back_with_it() {
    let start = start();
    let idea = start.cards.iter().find(|c| !c.answers.is_empty()).unwrap();
    let (idea, problem) = (idea.id, idea.answers[0]);
    let edited = |replica: u128, edit: Edit| {
        let mut session = start.clone();
        History::by(ReplicaId::from_u128(replica))
            .apply(&mut session, edit)
            .unwrap();
        session
    };
    let a = edited(1, Edit::DeleteCard { id: problem });
    let b = edited(
        2,
        Edit::SetCardText {
            id: idea,
            text: "Reworded idea".into(),
        },
    );
    let c = edited(
        3,
        Edit::SetCardText {
            id: problem,
            text: "Reworded problem".into(),
        },
    );
    let orders = [
        merged(&merged(&a, &b), &c),
        merged(&a, &merged(&b, &c)),
        merged(&merged(&c, &a), &b),
    ];
    for event in &orders {
        let kept = event.card(problem).map(|p| p.text.as_str());
        assert_eq!(
            kept,
            Some("Reworded problem"),
            "an edited card is never lost"
        );
        let idea = event.card(idea).unwrap();
        let reworded = std::iter::once(idea)
            .chain(idea.others.iter().map(|o| &o.card))
            .find(|v| v.text == "Reworded idea")
            .unwrap();
        assert_eq!(
            reworded.answers,
            [problem],
            "the link came back with its card"
        );
    }
    assert_eq!(contents(&orders[0]), contents(&orders[1]));
    assert_eq!(contents(&orders[0]), contents(&orders[2]));
}

/// Someone withdraws, recorded on one laptop; on another that had not heard, a colleague adds
/// a note about them a moment later. Merged either way the later version is kept (as every
/// other later change is), and the merge says so, for the organiser to look at them.
#[test]
fn a_withdrawal_changed_later_elsewhere_is_said_whichever_way_it_is_merged() {
    let start = start();
    let someone = start.people.iter().find(|p| p.holds_details()).unwrap();
    let changed = |session: &Session, replica: u128, change: &dyn Fn(&mut Person)| {
        let mut session = session.clone();
        let mut person = session
            .people
            .iter()
            .find(|p| p.id == someone.id)
            .unwrap()
            .clone();
        change(&mut person);
        History::by(ReplicaId::from_u128(replica))
            .apply(&mut session, Edit::UpdatePerson(Box::new(person)))
            .unwrap();
        session
    };
    let withdraw = |p: &mut Person| p.status = Status::Withdrawn;
    let note = |p: &mut Person| p.notes = "Rang back, wants the minutes".to_owned();
    let withdrew = changed(&start, 1, &withdraw);
    let noted = changed(&start, 2, &note);
    let said = "1 person withdrawn in one file but changed in another: check the register";
    for (ours, theirs) in [(&withdrew, &noted), (&noted, &withdrew)] {
        let merged = merge::merge(
            Side {
                name: "a.ron",
                session: ours,
            },
            Side {
                name: "b.ron",
                session: theirs,
            },
        );
        assert!(
            merged.report.changes().contains(said),
            "{}",
            merged.report.changes()
        );
    }
    // A note added by someone who had heard of the withdrawal is nothing to look at.
    let noted_after = changed(&withdrew, 2, &note);
    let merged = merge::merge(
        Side {
            name: "a.ron",
            session: &withdrew,
        },
        Side {
            name: "b.ron",
            session: &noted_after,
        },
    );
    assert_eq!(merged.report.withdrawn_changed, 0);
    let person = merged
        .session
        .people
        .iter()
        .find(|p| p.id == someone.id)
        .unwrap();
    assert_eq!(person.status, Status::Withdrawn);
    assert!(
        !person.holds_details(),
        "a note on someone withdrawn is erased too"
    );
}
