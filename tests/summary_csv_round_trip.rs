//! CSV in, CSV out: importing a spreadsheet and exporting the session's CSV keeps every card
//! with its group, category, themes and words; and Harvest's own CSV export reads back.

// Helpers outside #[test] functions panic too: a failure there is the test failing.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use harvest::import::session_from_csv;
use harvest::summary::{Format, Summary, SummaryOptions, render};
use std::path::Path;

/// (group, category, themes, text) of every row, sorted.
fn rows(csv: &[u8]) -> Vec<[String; 4]> {
    let mut reader = csv::Reader::from_reader(csv);
    let headers = reader.headers().unwrap().clone();
    let column = |name: &str| headers.iter().position(|h| h == name).unwrap();
    let [group, category, themes, text] = ["group", "category", "themes", "text"].map(column);
    let mut rows: Vec<[String; 4]> = (reader.records())
        .map(|r| {
            let r = r.unwrap();
            let category = harvest::model::Category::parse(&r[category]).unwrap();
            let themes: Vec<&str> = r[themes]
                .split(';')
                .map(str::trim)
                .filter(|t| !t.is_empty())
                .collect();
            [
                r[group].to_owned(),
                category.label().to_owned(),
                themes.join(";"),
                r[text].to_owned(),
            ]
        })
        .collect();
    rows.sort();
    rows
}

fn export_csv(session: &harvest::model::Session) -> Vec<u8> {
    render(
        Format::Csv,
        &Summary::build(session, &SummaryOptions::default()),
    )
    .unwrap()
}

#[test]
fn imported_cards_export_unchanged() {
    let input =
        std::fs::read(Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/cards.csv")).unwrap();
    let session = session_from_csv(&input, "Round trip").unwrap();
    let exported = export_csv(&session);
    let input = input.strip_prefix(b"\xef\xbb\xbf").unwrap();
    let mut expected = rows(input);
    // The importer reads Windows line breaks inside a card as plain ones.
    for row in &mut expected {
        row[3] = row[3].replace("\r\n", "\n");
    }
    assert_eq!(rows(&exported), expected);
    assert_eq!(expected.len(), 5);
}

#[test]
fn the_sample_export_reads_back_with_votes_and_stars() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/sample-workshop.ron");
    let sample = harvest::store::load(&path).unwrap();
    let exported = export_csv(&sample);
    let session = session_from_csv(&exported, "Again").unwrap();
    assert_eq!(rows(&export_csv(&session)), rows(&exported));

    let names = |s: &harvest::model::Session| -> Vec<String> {
        s.groups.iter().map(|g| g.name.clone()).collect()
    };
    assert_eq!(names(&session), names(&sample));
    let key = |s: &harvest::model::Session| {
        let mut cards: Vec<(String, i32, bool)> = (s.cards.iter())
            .map(|c| (c.text.clone(), c.votes, c.starred))
            .collect();
        cards.sort();
        cards
    };
    assert_eq!(key(&session), key(&sample));
}

// Generated sessions: whatever people type survives export then import.

use harvest::model::{Card, Category, Group, Session, Theme};
use proptest::prelude::*;

/// Text the importer keeps as it is: anything but surrounding spaces and Windows line breaks
/// (it trims, and reads `\r\n` as `\n`), never empty.
fn cell_text() -> impl Strategy<Value = String> {
    prop_oneof![
        "[^\r]{1,40}",
        Just("She said \"no\", then 'yes' 🙂👍🏽".to_owned()),
        Just("مرحبا بالعالم — שלום".to_owned()),
        Just("line one\nline two\n\n, \"quoted\"".to_owned()),
        Just("=SUM(A1:A2) | * # -".to_owned()),
    ]
    .prop_map(|t| t.trim().to_owned())
    .prop_filter("not empty", |t| !t.is_empty())
}

/// Theme names may not hold the `;` that separates them.
fn theme_name() -> impl Strategy<Value = String> {
    cell_text().prop_map(|t| t.replace(';', ","))
}

prop_compose! {
    fn session()(
        group_names in prop::collection::vec(cell_text(), 1..4),
        theme_names in prop::collection::vec(theme_name(), 0..4),
        cards in prop::collection::vec(
            (any::<prop::sample::Index>(), 0..3usize, cell_text(), prop::collection::vec(any::<prop::sample::Index>(), 0..3)),
            1..12),
    ) -> Session {
        let mut session = Session::new("Generated");
        session.groups = group_names.into_iter().map(|n| Group::new(n.trim())).collect();
        // A spreadsheet names themes, so two themes of one name would become one.
        session.themes = (theme_names.into_iter().enumerate())
            .map(|(i, n)| Theme::new(format!("{} {i}", n.trim()), i))
            .collect();
        for (group, category, text, themes) in cards {
            let mut card = Card::new(group.get(&session.groups).id, Category::ALL[category], text);
            if !session.themes.is_empty() {
                for pick in themes {
                    let theme = pick.get(&session.themes).id;
                    if !card.themes.contains(&theme) {
                        card.themes.push(theme);
                    }
                }
            }
            session.cards.push(card);
        }
        session
    }
}

proptest! {
    #[test]
    fn any_export_reads_back(session in session()) {
        let exported = export_csv(&session);
        let imported = session_from_csv(&exported, "Again").unwrap();
        prop_assert_eq!(rows(&export_csv(&imported)), rows(&exported));
        prop_assert_eq!(imported.cards.len(), session.cards.len());
    }
}
