//! The file format keeps every session exactly: load(save(s)) == s, and saving is deterministic.

mod common;
use common::category;

use harvest::model::{Card, Category, Group, Rgb, Session, Theme};
use harvest::store::format::{from_text, to_text};
use proptest::prelude::*;

/// Text people really type: emoji, right-to-left scripts, quotes, backslashes, line breaks,
/// RON's own punctuation, and long runs.
fn awkward_text() -> impl Strategy<Value = String> {
    prop_oneof![
        ".*",
        Just("She said \"no\" \\ then 'yes' 🙂👍🏽".to_owned()),
        Just("مرحبا بالعالم — שלום".to_owned()),
        Just("line one\nline two\r\n\ttabbed".to_owned()),
        Just("), ] } /* not a comment */ // nor this".to_owned()),
        "[a-z ]{2000,5000}",
    ]
}

prop_compose! {
    fn session()(
        title in awkward_text(),
        venue in awkward_text(),
        group_names in prop::collection::vec(awkward_text(), 1..4),
        theme_names in prop::collection::vec(awkward_text(), 0..3),
        cards in prop::collection::vec((any::<prop::sample::Index>(), category(), awkward_text(), 0..=i32::MAX, any::<bool>(), any::<u8>()), 0..12),
        stamp in 0i64..4_000_000_000,
    ) -> Session {
        let mut session = Session::new(title);
        session.details.venue = venue;
        session.details.facilitators = vec!["Ann \"Annie\" O'Neil".into()];
        session.groups = group_names.into_iter().map(Group::new).collect();
        session.groups[0].participants.insert("Carers".into(), 3);
        session.themes = theme_names.into_iter().enumerate().map(|(i, n)| Theme::new(n, i)).collect();
        for (group, category, text, votes, starred, theme_pick) in cards {
            let mut card = Card::new(group.get(&session.groups).id, category, text);
            card.votes = votes;
            card.starred = starred;
            card.written = jiff::Timestamp::from_second(stamp).unwrap_or_default();
            if !session.themes.is_empty() {
                card.themes.push(session.themes[theme_pick as usize % session.themes.len()].id);
            }
            // Only an idea answers, and only a problem: anything else is mended on loading.
            let problem = session.cards.iter().rev().find(|c| c.category == Category::NotSoGood);
            if let Some(problem) = problem.filter(|_| category == Category::MakeADifference && theme_pick % 3 == 0) {
                card.answers.push(problem.id);
            }
            session.cards.push(card);
        }
        session
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn load_of_save_is_the_same_session(session in session()) {
        let text = to_text(&session).unwrap();
        let loaded = from_text(&text).map_err(|e| format!("{e:?}")).unwrap().session;
        prop_assert_eq!(&loaded, &session);
        prop_assert_eq!(to_text(&loaded).unwrap(), text, "saving twice gives identical bytes");
    }
}

#[test]
fn the_file_starts_with_its_header_and_is_readable() {
    let mut session = Session::new("Personal budgets");
    session.themes.push(Theme {
        color: Rgb(0x4e, 0x79, 0xa7),
        ..Theme::new("Carers", 0)
    });
    let text = to_text(&session).unwrap();
    assert!(
        text.starts_with("(\n    format: \"harvest-session\",\n    version: 2,\n"),
        "{text}"
    );
    assert!(text.contains("title: \"Personal budgets\""));
    assert!(text.contains("color: \"#4e79a7\""));
    assert!(
        text.lines().count() > 10,
        "pretty-printed, one field a line"
    );
}

#[test]
fn the_bundled_sample_is_valid_and_already_in_canonical_form() {
    let sample = harvest::store::places::SAMPLE;
    let parsed = from_text(sample).map_err(|e| format!("{e:?}")).unwrap();
    assert_eq!(parsed.session.groups.len(), 6);
    assert_eq!(parsed.session.cards.len(), 48);
    assert!(parsed.session.details.title.starts_with("Sample workshop"));
    assert_eq!(
        to_text(&parsed.session).unwrap(),
        sample,
        "the sample is saved as Harvest saves it"
    );
}

/// Older Harvests kept an idea's links when it moved to another category; files may also hold
/// negative votes. Such a file still opens, mended, rather than being refused.
#[test]
fn an_older_files_stray_links_and_negative_votes_are_mended_on_loading() {
    let mut session = Session::new("Older file");
    let group = session.groups[0].id;
    let problem = Card::new(group, Category::NotSoGood, "Forms are long");
    let mut moved_idea = Card::new(group, Category::Good, "Was an idea once");
    moved_idea.answers = vec![problem.id];
    moved_idea.votes = -1;
    session.cards = vec![problem, moved_idea];
    let loaded = from_text(&to_text(&session).unwrap()).unwrap().session;
    assert_eq!(loaded.cards.len(), 2, "every card is kept");
    assert!(loaded.cards[1].answers.is_empty());
    assert_eq!(loaded.cards[1].votes, 0);
    assert_eq!(loaded.validate(), Ok(()));
}
