//! File → New table copy… through the window: a file for a table's laptop with the groups
//! and themes but no cards, never written over another file, opening on its table.

#![allow(clippy::unwrap_used, clippy::expect_used)] // Test helpers may panic: that is a failed test.

mod common;
mod files_common;

use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use files_common::*;
use harvest::store;
use harvest::ui::HarvestApp;
use harvest::workspace::Workspace;

fn open_table_copy(harness: &mut Harness<'_, HarvestApp>) {
    harness.get_by_label("File").click();
    harness.run();
    harness.get_by_label("New table copy…").click();
    harness.run();
    assert!(shows(harness, "For the table"));
}

#[test]
fn a_table_copy_for_a_new_group_has_no_cards_and_opens_on_that_group() {
    let folder = Folder::new();
    let mut harness = folder.app();
    open_table_copy(&mut harness);
    press(&mut harness, Modifiers::NONE, Key::Escape);
    assert!(!shows(&harness, "For the table"), "Escape closes it");
    open_table_copy(&mut harness);

    harness.get_by_label("For the table").click();
    harness.run();
    type_text(&mut harness, "Table 2");
    let copy = folder.path("start — Table 2.ron");
    assert_eq!(
        harness.get_by_label("Write it to").value().as_deref(),
        Some(copy.display().to_string().as_str()),
        "the file is named after the session and the table"
    );
    harness.get_by_label("Write copy").click();
    common::run_until(&mut harness, |h| shows(h, "Wrote the copy for Table 2"));

    let written = store::load(&copy).unwrap();
    assert!(written.cards.is_empty(), "the table starts with no cards");
    let names: Vec<&str> = written.groups.iter().map(|g| g.name.as_str()).collect();
    assert_eq!(names, ["Table A", "Table 2"]);
    let event = harness.state().session();
    assert_eq!(written.groups[0].id, event.groups[0].id, "the same ids");
    assert_eq!(event.groups.len(), 1, "the event itself is not changed");

    // A second copy never writes over the first.
    open_table_copy(&mut harness);
    retype(&mut harness, "Write it to", &copy.display().to_string());
    harness.get_by_label("Write copy").click();
    common::run_until(&mut harness, |h| shows(h, "is already there"));
    assert!(shows(&harness, "never writes over a file"));
    assert!(store::load(&copy).unwrap().cards.is_empty());

    // On the table's laptop the copy opens on its table: typing lands there.
    let opening = Workspace::open(&copy, &folder.places()).unwrap();
    let mut laptop = app_on(opening, folder.places());
    type_text(&mut laptop, "Late bus home");
    press(&mut laptop, Modifiers::NONE, Key::Enter);
    let session = laptop.state().session();
    let card = session
        .cards
        .iter()
        .find(|c| c.text == "Late bus home")
        .unwrap();
    assert_eq!(session.group(card.group).unwrap().name, "Table 2");
}
