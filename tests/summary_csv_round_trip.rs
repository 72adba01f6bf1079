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
