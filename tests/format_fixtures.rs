//! Every released file version keeps a file under `tests/fixtures/` that must load forever: a
//! complete one, and a minimal one whose left-out fields take their defaults.
// Helpers outside #[test] functions are test code too: a panic is how they report.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use harvest::model::{Category, Rgb, Session};
use harvest::store;
use std::path::Path;

fn load(path: &str) -> Session {
    store::load(Path::new(path)).unwrap_or_else(|e| panic!("{}", e.report()))
}

#[test]
fn the_v1_fixture_loads_forever() {
    let session = load("tests/fixtures/v1.ron");
    assert_eq!(session.details.title, "Version 1 fixture: carers' forum");
    assert_eq!(session.groups.len(), 2);
    assert_eq!(session.themes.len(), 2);
    assert_eq!(session.cards.len(), 5);
    let starred: Vec<_> = session
        .cards
        .iter()
        .filter(|c| c.starred)
        .map(|c| c.text.as_str())
        .collect();
    assert_eq!(
        starred,
        ["Respite came through in a week — first time ever"]
    );
    assert_eq!(session.groups[0].participants.get("Carers"), Some(&4));
    assert!(session.cards.iter().any(|c| !c.answers.is_empty()));
    assert!(session.cards.iter().any(|c| c.text.contains('\n')));
}

#[test]
fn a_minimal_v1_file_loads_with_the_defaults_a_user_sees() {
    let today_before = jiff::Zoned::now().date();
    let session = load("tests/fixtures/v1-minimal.ron");
    let today_after = jiff::Zoned::now().date();

    // The session details: what the details dialog and the summary's header show.
    let details = &session.details;
    assert_eq!(details.title, "Minimal version 1 file");
    assert!(
        [today_before, today_after].contains(&details.date),
        "a file without a date is dated today: {}",
        details.date
    );
    assert_eq!(details.venue, "");
    assert_eq!(details.facilitators, Vec::<String>::new());
    assert_eq!(details.notes, "");
    let targets = [
        Category::Good,
        Category::NotSoGood,
        Category::MakeADifference,
    ]
    .map(|category| details.targets.get(category));
    assert_eq!(
        targets,
        [3, 3, 0],
        "three good, three not so good, no target for ideas"
    );
    assert_eq!(
        details.roles,
        [
            "Service users",
            "Carers",
            "Social workers",
            "Providers",
            "Others"
        ]
    );

    // The group: its name as written, nobody counted at the table yet.
    assert_eq!(session.groups.len(), 1);
    let group = &session.groups[0];
    assert_eq!(group.name, "Table A");
    assert_eq!(group.notes, "");
    assert!(group.participants.is_empty());
    assert_eq!(group.participant_total(), 0);

    // The theme: the first colour of the palette.
    assert_eq!(session.themes.len(), 1);
    assert_eq!(session.themes[0].name, "Respite");
    assert_eq!(session.themes[0].color, Rgb::PALETTE[0]);
    assert_eq!(session.themes[0].color.to_hex(), "#4e79a7");

    // The cards: a card without a category is Good; no themes, links, votes or star.
    let [first, second] = &session.cards[..] else {
        panic!("two cards: {:?}", session.cards);
    };
    assert_eq!(first.category, Category::Good);
    assert_eq!(first.text, "Respite came through in a week");
    assert_eq!(first.group, group.id);
    assert!(first.themes.is_empty() && first.answers.is_empty());
    assert_eq!((first.votes, first.starred), (0, false));
    assert_eq!(first.written, jiff::Timestamp::UNIX_EPOCH);
    assert_eq!(second.category, Category::NotSoGood);
    assert_eq!(second.text, "Nobody told us about the carers' assessment");
    assert_eq!(second.themes, [session.themes[0].id]);
    assert_eq!(session.validate(), Ok(()));

    // Saved again, every default is written out, and the file reads back the same.
    let text = store::format::to_text(&session).unwrap();
    for field in [
        "venue:",
        "facilitators:",
        "targets:",
        "roles:",
        "participants:",
        "color:",
    ] {
        assert!(text.contains(field), "{field} is written out");
    }
    let again = store::load_bytes(Path::new("again.ron"), text.as_bytes()).unwrap();
    assert_eq!(again, session);
}

#[test]
fn a_session_with_nothing_in_it_opens_as_an_untitled_workshop_with_one_group() {
    let text = "(format: \"harvest-session\", version: 1, session: ())";
    let session = store::load_bytes(Path::new("empty.ron"), text.as_bytes()).unwrap();
    assert_eq!(session.details.title, "Untitled workshop");
    let names: Vec<&str> = session.groups.iter().map(|g| g.name.as_str()).collect();
    assert_eq!(names, ["Group 1"], "a group to type into");
    assert!(session.themes.is_empty() && session.cards.is_empty());
}

#[test]
fn the_v2_fixture_loads_forever_with_its_conflict_and_deletion() {
    let session = load("tests/fixtures/v2.ron");
    assert_eq!(session.details.title, "Version 1 fixture: carers' forum");
    assert_eq!(session.cards.len(), 4, "one of the five cards was deleted");
    let deleted = "0191b5a0-0000-7000-8000-000000001005";
    assert!(session.cards.iter().all(|c| c.id.to_string() != deleted));
    let marker = session
        .deleted
        .cards
        .iter()
        .find(|(id, _)| id.to_string() == deleted)
        .map(|(_, changes)| changes)
        .expect("the deletion is remembered");
    assert_eq!(marker.counts.len(), 1, "deleted on one laptop");
    let conflicts: Vec<_> = session.conflicts().collect();
    assert_eq!(conflicts.len(), 1, "one card edited on two laptops");
    let card = conflicts[0];
    assert!(card.text.ends_with("(table B)"));
    assert_eq!(card.others.len(), 1);
    assert_eq!(card.others[0].from, "table-a.ron");
    assert_eq!(card.version_from, "table-b.ron");
    assert!(card.others[0].card.text.ends_with("at table A"));
    assert_eq!(
        card.changed.relation(&card.others[0].card.changed),
        harvest::model::Relation::Concurrent
    );
    let idea = session
        .cards
        .iter()
        .find(|c| !c.answers.is_empty())
        .unwrap();
    let linked: Vec<String> = idea.answers_made().iter().map(|a| a.to_string()).collect();
    assert_eq!(
        idea.answers.len(),
        1,
        "the link to the card that is here holds"
    );
    assert_eq!(linked[0], deleted, "the link to the deleted card waits");
    // Written again, it reads back the same.
    let text = store::format::to_text(&session).unwrap();
    assert_eq!(
        store::load_bytes(Path::new("again.ron"), text.as_bytes()).unwrap(),
        session
    );
}

#[test]
fn a_v1_file_saved_again_becomes_v2_and_says_nothing_changed_since() {
    let session = load("tests/fixtures/v1.ron");
    assert!(session.deleted.is_empty(), "no deletions remembered");
    assert!(
        session
            .cards
            .iter()
            .all(|c| c.changed.is_empty() && c.others.is_empty()),
        "nothing changed since"
    );
    let text = store::format::to_text(&session).unwrap();
    assert!(text.contains("    version: 2,\n"), "saved as version 2");
    assert!(
        !text.contains("changed:"),
        "no empty change counts written out"
    );
    let again = store::load_bytes(Path::new("again.ron"), text.as_bytes()).unwrap();
    assert_eq!(again, session);
}
