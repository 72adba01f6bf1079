//! `harvest import`: a spreadsheet of cards becomes a new session file, or nothing is written.

// Helpers outside #[test] functions panic too: a failure there is the test failing.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;
use common::harvest;

use std::path::{Path, PathBuf};

fn data(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data")
        .join(name)
}

fn arg(path: &Path) -> &str {
    path.to_str().unwrap()
}

#[test]
fn imports_a_spreadsheet_with_bom_quotes_and_line_breaks() {
    let folder = tempfile::tempdir().unwrap();
    let output = folder.path().join("new.ron");
    let out = harvest(&["import", arg(&data("cards.csv")), "--output", arg(&output)]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );

    let session = harvest::store::load(&output).unwrap();
    assert_eq!(session.details.title, "cards");
    let groups: Vec<&str> = session.groups.iter().map(|g| g.name.as_str()).collect();
    assert_eq!(groups, ["Table 1", "Table 2"]);
    let themes: Vec<&str> = session.themes.iter().map(|t| t.name.as_str()).collect();
    assert_eq!(
        themes,
        ["Independence", "Staff", "Paperwork", "Information"]
    );
    assert_eq!(session.cards.len(), 5);
    assert_eq!(session.cards[0].text, "Choosing my own PA, at last");
    assert_eq!(
        session.cards[1].text,
        "The form says \"optional\"\nbut it is not"
    );
    let categories: Vec<&str> = session.cards.iter().map(|c| c.category.label()).collect();
    assert_eq!(
        categories,
        [
            "Good",
            "Not so good",
            "What would make a difference",
            "What would make a difference",
            "Not so good"
        ]
    );
    assert!(session.cards[3].themes.is_empty());
    assert_eq!(session.cards[4].themes.len(), 2);

    // The new session exports like any other.
    let out = harvest(&["export", arg(&output), "--format", "md"]);
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("### Paperwork"));
    assert!(text.contains("The form says \"optional\"\\\n  but it is not"));
}

/// Runs an import that must fail, and returns its message.
fn failing_import(name: &str) -> String {
    let folder = tempfile::tempdir().unwrap();
    let output = folder.path().join("new.ron");
    let input = data(name);
    let out = harvest(&["import", arg(&input), "-o", arg(&output)]);
    assert_eq!(out.status.code(), Some(1), "{name}");
    assert!(!output.exists(), "{name}: no file is written");
    assert_eq!(std::fs::read_dir(folder.path()).unwrap().count(), 0);
    let message = String::from_utf8(out.stderr).unwrap();
    assert!(
        message.starts_with(&format!("{}:", input.display())),
        "{message}"
    );
    message
}

#[test]
fn a_bad_row_names_the_file_and_line_and_writes_nothing() {
    let message = failing_import("unknown-category.csv");
    assert!(
        message.contains("unknown-category.csv:3: unknown category \"bad\""),
        "{message}"
    );

    let message = failing_import("missing-column.csv");
    assert!(
        message.contains("missing-column.csv:3: expected 4 fields"),
        "{message}"
    );

    let message = failing_import("wrong-header.csv");
    assert!(
        message.contains("wrong-header.csv:1: unknown column \"table\""),
        "{message}"
    );

    // The row before spans two lines, so the empty one is on line 5.
    let message = failing_import("empty-text.csv");
    assert!(
        message.contains("empty-text.csv:5: the card text is empty"),
        "{message}"
    );
}

#[test]
fn an_existing_session_is_never_overwritten() {
    let folder = tempfile::tempdir().unwrap();
    let output = folder.path().join("keep.ron");
    std::fs::write(&output, "precious").unwrap();
    let out = harvest(&["import", arg(&data("cards.csv")), "-o", arg(&output)]);
    assert_eq!(out.status.code(), Some(1));
    let message = String::from_utf8(out.stderr).unwrap();
    assert!(message.contains("keep.ron: already exists"), "{message}");
    assert_eq!(std::fs::read_to_string(&output).unwrap(), "precious");
    assert_eq!(std::fs::read_dir(folder.path()).unwrap().count(), 1);
}

#[test]
fn output_is_required_and_a_missing_input_is_reported() {
    let out = harvest(&["import", arg(&data("cards.csv"))]);
    assert_eq!(out.status.code(), Some(2));

    let folder = tempfile::tempdir().unwrap();
    let output = folder.path().join("new.ron");
    let out = harvest(&["import", "no-such-cards.csv", "-o", arg(&output)]);
    assert_eq!(out.status.code(), Some(1));
    let message = String::from_utf8(out.stderr).unwrap();
    assert!(
        message.starts_with("no-such-cards.csv: could not read"),
        "{message}"
    );
    assert!(!output.exists());
}
