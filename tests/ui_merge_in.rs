//! File → Merge in… through the window: table laptops' files, found in their folder, are
//! previewed file by file, a file that cannot be read is left out and says why, merging in
//! is one undoable step, and merging the same files again changes nothing.

#![allow(clippy::unwrap_used, clippy::expect_used)] // Test helpers may panic: that is a failed test.

mod common;
mod files_common;

use egui::Key;
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};
use files_common::*;
use harvest::edit::{Edit, History};
use harvest::model::{Card, Category, ReplicaId, Session};
use harvest::store;
use harvest::ui::HarvestApp;

/// A table laptop's copy of `start.ron`, edited by `edits` and saved as `tables/NAME`.
fn table(folder: &Folder, name: &str, laptop: u128, edits: impl Fn(&Session) -> Vec<Edit>) {
    let mut session = store::load(&folder.path("start.ron")).unwrap();
    let mut history = History::by(ReplicaId::from_u128(laptop));
    for edit in edits(&session) {
        history.apply(&mut session, edit).unwrap();
    }
    std::fs::create_dir_all(folder.path("tables")).unwrap();
    store::save(&session, &folder.path(&format!("tables/{name}"))).unwrap();
}

fn reword(session: &Session, text: &str) -> Edit {
    Edit::SetCardText {
        id: session.cards[0].id,
        text: text.into(),
    }
}

/// Two tables that added a card and reworded the same one differently, and a file that is
/// not a session.
fn tables(folder: &Folder) {
    table(folder, "table-1.ron", 1, |s| {
        vec![
            reword(s, "Table one's words"),
            Edit::AddCard {
                card: Card::new(s.groups[0].id, Category::NotSoGood, "Late bus home"),
                index: usize::MAX,
            },
        ]
    });
    table(folder, "table-2.ron", 2, |s| {
        vec![reword(s, "Table two's words")]
    });
    std::fs::write(
        folder.path("tables/table-3.ron"),
        "(format: \"harvest-session\",",
    )
    .unwrap();
    // What a sync tool leaves while it works is not an input.
    std::fs::write(folder.path("tables/.syncthing.table-4.ron.tmp"), "half").unwrap();
}

fn open_merge_in(harness: &mut Harness<'_, HarvestApp>) {
    harness.get_by_label("File").click();
    harness.run();
    harness.get_by_label("Merge in…").click();
    harness.run();
    assert!(shows(harness, "Merge in table files"));
}

/// Whether every file's line says what it adds.
fn previewed(harness: &Harness<'_, HarvestApp>) -> bool {
    shows(harness, "table-2.ron: ") && !shows(harness, "working out what it adds")
}

/// The words of the one label that starts with `start`.
fn label_starting(harness: &Harness<'_, HarvestApp>, start: &str) -> String {
    let node = harness.get_by_label_contains(start);
    let node = node.accesskit_node();
    node.label().or_else(|| node.value()).unwrap_or_default()
}

fn cards(harness: &Harness<'_, HarvestApp>) -> Vec<String> {
    let mut texts: Vec<String> = (harness.state().session().cards.iter())
        .map(|c| c.text.clone())
        .collect();
    texts.sort();
    texts
}

#[test]
fn a_folder_of_table_files_is_previewed_then_merged_in_one_undoable_step() {
    let folder = Folder::new();
    tables(&folder);
    let mut harness = folder.app();
    let before = cards(&harness);

    // A slip: the dialog opened and closed again changes nothing.
    open_merge_in(&mut harness);
    press(&mut harness, egui::Modifiers::NONE, Key::Escape);
    assert!(!shows(&harness, "Merge in table files"));
    assert_eq!(cards(&harness), before);

    open_merge_in(&mut harness);
    // The path box has the keyboard: type the folder and press Enter.
    type_text(&mut harness, &folder.path("tables").display().to_string());
    press(&mut harness, egui::Modifiers::NONE, Key::Enter);
    common::run_until(&mut harness, previewed);
    let line = label_starting(&harness, "table-1.ron: ");
    assert_eq!(line, "table-1.ron: 1 new card, 1 changed");
    // Which of the two rewordings is shown goes by time; either way both are kept.
    let line = label_starting(&harness, "table-2.ron: ");
    assert!(line.ends_with("1 conflict"), "{line}");
    assert!(
        shows(&harness, "table-3.ron: left out: "),
        "a file that is not a whole session says why it is left out"
    );
    assert!(
        !shows(&harness, "table-4"),
        "a sync tool's work file is skipped"
    );
    assert_eq!(cards(&harness), before, "nothing changes before Merge in");

    harness.get_by_label("Merge in").click();
    harness.run();
    let notice = label_starting(&harness, "Merged 2 files: ");
    assert!(
        notice.starts_with("Merged 2 files: 1 new card, "),
        "{notice}"
    );
    assert!(notice.ends_with(", 1 conflict."), "{notice}");
    let session = harness.state().session();
    assert_eq!(session.cards.len(), 2, "every card once");
    assert_eq!(session.conflicts().count(), 1);
    let conflict = session.conflicts().next().unwrap();
    let mut texts = vec![conflict.text.clone(), conflict.others[0].card.text.clone()];
    texts.sort();
    assert_eq!(
        texts,
        ["Table one's words", "Table two's words"],
        "both kept"
    );
    let merged = cards(&harness);

    press(&mut harness, CTRL, Key::Z);
    assert_eq!(
        cards(&harness),
        before,
        "one undo takes the whole merge back"
    );
    assert_eq!(harness.state().session().conflicts().count(), 0);
    press(&mut harness, CTRL.plus(egui::Modifiers::SHIFT), Key::Z);
    assert_eq!(cards(&harness), merged);

    // The same files again add nothing.
    open_merge_in(&mut harness);
    type_text(&mut harness, &folder.path("tables").display().to_string());
    press(&mut harness, egui::Modifiers::NONE, Key::Enter);
    common::run_until(&mut harness, previewed);
    assert!(shows(&harness, "table-1.ron: nothing new"));
    assert!(shows(&harness, "table-2.ron: nothing new"));
}

#[test]
fn without_a_file_dialog_the_box_says_to_type_the_path_and_a_bad_path_says_why() {
    let folder = Folder::new();
    let mut harness = folder.app();
    open_merge_in(&mut harness);
    harness.get_by_label("Browse folders…").click();
    common::run_until(&mut harness, |h| {
        shows(h, "Type the path in the box instead.")
    });
    assert!(shows(&harness, "No file dialog here."));
    harness.get_by_label("Table file or folder").click();
    harness.run();
    type_text(
        &mut harness,
        &folder.path("no-such-folder").display().to_string(),
    );
    press(&mut harness, egui::Modifiers::NONE, Key::Enter);
    common::run_until(&mut harness, |h| shows(h, "no-such-folder: left out: "));
    assert!(
        harness
            .get_by_label("Merge in")
            .accesskit_node()
            .is_disabled(),
        "nothing to merge in"
    );
    // The session open here is never merged into itself.
    type_text(
        &mut harness,
        &folder.path("start.ron").display().to_string(),
    );
    press(&mut harness, egui::Modifiers::NONE, Key::Enter);
    assert!(shows(&harness, "the session open here"));
}
