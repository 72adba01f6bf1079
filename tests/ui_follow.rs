//! File → Follow a shared folder… through the window: a table file in the folder is merged in
//! as it arrives, a sync tool's temporary file and rename and its conflict copies are just
//! more table files, the status bar shows each file and when it was read, and nothing is
//! ever written into the folder.

#![allow(clippy::unwrap_used, clippy::expect_used)] // Test helpers may panic: that is a failed test.

mod common;
mod files_common;

use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use files_common::*;
use harvest::merge::{Table, table_copy};
use harvest::model::{Card, Category, ReplicaId, Session};
use harvest::store;
use harvest::ui::HarvestApp;
use std::collections::BTreeMap;
use std::path::Path;

/// Every file in `folder` and its bytes.
fn contents(folder: &Path) -> BTreeMap<String, Vec<u8>> {
    (std::fs::read_dir(folder).unwrap())
        .map(|entry| {
            let entry = entry.unwrap();
            let name = entry.file_name().to_string_lossy().into_owned();
            (name, std::fs::read(entry.path()).unwrap())
        })
        .collect()
}

/// Saves `session` at `file` the way a sync tool delivers it: a temporary file, then a rename.
fn sync_in(session: &Session, file: &Path) {
    let temp = file.with_file_name(format!(
        ".syncthing.{}.tmp",
        file.file_name().unwrap().to_string_lossy()
    ));
    std::fs::write(&temp, store::format::to_text(session).unwrap()).unwrap();
    std::fs::rename(&temp, file).unwrap();
}

fn has_card(harness: &Harness<'_, HarvestApp>, text: &str) -> bool {
    harness
        .state()
        .session()
        .cards
        .iter()
        .any(|c| c.text == text)
}

#[test]
fn a_followed_folder_merges_in_each_table_file_as_it_arrives_and_is_never_written() {
    let folder = Folder::new();
    let shared = folder.path("shared");
    std::fs::create_dir(&shared).unwrap();
    let event = store::load(&folder.path("start.ron")).unwrap();
    let table = event.groups[0].id;
    let mut laptop = table_copy(&event, &Table::Group(table), ReplicaId::from_u128(7));
    laptop
        .cards
        .push(Card::new(table, Category::Good, "Late bus home"));
    let table_file = shared.join("table-1.ron");
    sync_in(&laptop, &table_file);

    let mut harness = folder.app();
    let follow = |harness: &mut Harness<'_, HarvestApp>| {
        harness.get_by_label("File").click();
        harness.run();
        harness.get_by_label("Follow a shared folder…").click();
        harness.run();
        assert!(shows(harness, "Follow a shared folder"));
    };
    // A slip first: Escape closes the dialog and nothing is followed.
    follow(&mut harness);
    press(&mut harness, Modifiers::NONE, Key::Escape);
    assert!(!shows(&harness, "Following "));
    follow(&mut harness);
    type_text(&mut harness, &shared.display().to_string());
    press(&mut harness, Modifiers::NONE, Key::Enter);
    common::run_until(&mut harness, |h| has_card(h, "Late bus home"));
    assert!(
        shows(&harness, "Following shared"),
        "the status bar says so"
    );
    assert!(
        shows(&harness, "table-1.ron "),
        "with each table file and its time"
    );

    // The table goes on capturing; the sync tool delivers the file again.
    laptop.cards.push(Card::new(
        table,
        Category::NotSoGood,
        "Forms are frightening",
    ));
    sync_in(&laptop, &table_file);
    common::run_until(&mut harness, |h| has_card(h, "Forms are frightening"));
    assert!(
        !shows(&harness, ".syncthing"),
        "a sync tool's work file is not a table"
    );

    // A conflict copy the sync tool left is one more table file.
    let mut other = laptop.clone();
    other.cards.push(Card::new(
        table,
        Category::MakeADifference,
        "A phone that answers",
    ));
    let copy = shared.join("table-1.sync-conflict-20261202-101500-ABCDEFG.ron");
    std::fs::write(&copy, store::format::to_text(&other).unwrap()).unwrap();
    common::run_until(&mut harness, |h| has_card(h, "A phone that answers"));
    let session = harness.state().session();
    let late = session.cards.iter().filter(|c| c.text == "Late bus home");
    assert_eq!(
        late.count(),
        1,
        "every card once, however many copies bring it"
    );
    let before = contents(&shared);
    assert_eq!(
        before.keys().collect::<Vec<_>>(),
        [
            "table-1.ron",
            "table-1.sync-conflict-20261202-101500-ABCDEFG.ron"
        ],
        "only the tables' own files are there"
    );

    harness.get_by_label("Stop following").click();
    harness.run();
    assert!(shows(&harness, "Stopped following the shared folder."));
    assert!(!shows(&harness, "Following shared"));
    assert_eq!(
        contents(&shared),
        before,
        "nothing was written into the folder"
    );
}
