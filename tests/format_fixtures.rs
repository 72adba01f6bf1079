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
