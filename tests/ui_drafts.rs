//! The card box's words are never lost: each group keeps its own, and they come back after the
//! window is closed and the session opened again. The app runs with a real saver on a
//! temporary folder, and keeps its drafts in a folder of the test's own.

#![allow(clippy::unwrap_used, clippy::expect_used)] // Test helpers may panic: that is a failed test.

mod common;
use common::{press, type_text};

use egui::{Key, Modifiers, ViewportCommand, ViewportId};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};
use harvest::store::{Disk, RealDisk};
use harvest::ui::HarvestApp;
use harvest::workspace::Workspace;
use std::path::{Path, PathBuf};
use std::sync::Arc;

const CTRL: Modifiers = Modifiers::COMMAND;

/// A copy of the sample in a folder of its own, with a folder for the drafts beside it.
struct Place {
    dir: tempfile::TempDir,
}

impl Place {
    fn new() -> Self {
        let dir = tempfile::tempdir().unwrap();
        harvest::store::save(&common::sample_session(), &dir.path().join("workshop.ron")).unwrap();
        Self { dir }
    }

    fn session(&self) -> PathBuf {
        self.dir.path().join("workshop.ron")
    }

    fn drafts(&self) -> PathBuf {
        self.dir.path().join("drafts")
    }

    /// The app on the session, as the window opens it: saving, and keeping drafts.
    fn open(&self) -> Harness<'static, HarvestApp> {
        self.open_file(&self.session())
    }

    fn open_file(&self, session: &Path) -> Harness<'static, HarvestApp> {
        let opening = Workspace::open_on(Arc::new(RealDisk) as Arc<dyn Disk>, session)
            .unwrap()
            .keeping_drafts_in(Some(self.drafts()));
        let mut harness = Harness::builder()
            .with_size([1260.0, 740.0])
            .with_max_steps(12)
            .build_eframe(move |cc| {
                HarvestApp::new(cc, opening.workspace, opening.notice, None, None)
            });
        harness.run();
        harness
    }
}

/// What the card box says it is for ("New card: Good — Table 1") and the words in it, as a
/// screen reader (or a person) finds them.
fn card_box(harness: &Harness<'_, HarvestApp>) -> (String, String) {
    let node = harness.get_by_label_contains("New card:");
    let label = node.accesskit_node().label().unwrap_or_default();
    (label, node.value().unwrap_or_default())
}

fn card_box_of(harness: &Harness<'_, HarvestApp>, group: &str) -> String {
    let (label, words) = card_box(harness);
    assert!(
        label.ends_with(&format!("— {group}")),
        "the box is {label:?}"
    );
    words
}

/// Asks the window to close, as its close button does, and waits until it closes: at once
/// when everything is on disk, else once it is.
fn close(harness: &mut Harness<'_, HarvestApp>) {
    common::ask_to_close(harness);
    let commands = |h: &Harness<'_, HarvestApp>| {
        h.output().viewport_output[&ViewportId::ROOT]
            .commands
            .clone()
    };
    // On a busy machine the save before closing can finish within the very frame that put
    // the close off, which then asks to close again at once.
    let put_off = |h: &Harness<'_, HarvestApp>| {
        let asked = commands(h);
        asked.contains(&ViewportCommand::CancelClose) && !asked.contains(&ViewportCommand::Close)
    };
    if put_off(harness) {
        common::run_until(harness, |h| commands(h).contains(&ViewportCommand::Close));
    }
    assert!(harness.state().workspace().is_saved());
}

fn has_card(harness: &Harness<'_, HarvestApp>, text: &str) -> bool {
    harness
        .state()
        .session()
        .cards
        .iter()
        .any(|c| c.text == text)
}

fn files_in(folder: &Path) -> usize {
    std::fs::read_dir(folder).map_or(0, |entries| entries.count())
}

#[test]
fn each_group_keeps_its_words_and_they_come_back_after_closing() {
    let place = Place::new();
    let mut harness = place.open();
    assert_eq!(card_box_of(&harness, "Table 1"), "");
    type_text(&mut harness, "Transport home was hard");

    press(&mut harness, CTRL, Key::PageDown);
    assert_eq!(
        card_box_of(&harness, "Table 2"),
        "",
        "Table 2's box does not show Table 1's words"
    );
    type_text(&mut harness, "Sometimes it works");

    // Clicking a group in the list does the same as the keys.
    harness.get_by_label_contains("Table 3:").click();
    harness.run();
    assert_eq!(card_box_of(&harness, "Table 3"), "");
    harness.get_by_label_contains("Table 1:").click();
    harness.run();
    assert_eq!(card_box_of(&harness, "Table 1"), "Transport home was hard");
    // Typing goes on at the end of the words, wherever the cursor was in the empty box before.
    type_text(&mut harness, " for some");
    assert_eq!(
        card_box_of(&harness, "Table 1"),
        "Transport home was hard for some"
    );
    press(&mut harness, CTRL, Key::PageDown);
    assert_eq!(card_box_of(&harness, "Table 2"), "Sometimes it works");
    type_text(&mut harness, " when it rains");

    close(&mut harness);
    drop(harness);

    let mut harness = place.open();
    assert_eq!(
        card_box_of(&harness, "Table 1"),
        "Transport home was hard for some",
        "the first group's words are back in its box"
    );
    press(&mut harness, CTRL, Key::PageDown);
    assert_eq!(
        card_box_of(&harness, "Table 2"),
        "Sometimes it works when it rains"
    );
    // They are words like any others: Enter adds them.
    press(&mut harness, Modifiers::NONE, Key::Enter);
    assert!(has_card(&harness, "Sometimes it works when it rains"));
    assert_eq!(card_box_of(&harness, "Table 2"), "");
    press(&mut harness, CTRL, Key::PageUp);
    press(&mut harness, Modifiers::NONE, Key::Enter);
    assert!(has_card(&harness, "Transport home was hard for some"));

    // Every box empty: nothing is left behind in the drafts folder.
    close(&mut harness);
    drop(harness);
    assert_eq!(files_in(&place.drafts()), 0);
    let harness = place.open();
    assert_eq!(card_box_of(&harness, "Table 1"), "");
}

#[test]
fn the_words_of_a_deleted_groups_box_come_along() {
    let place = Place::new();
    let mut harness = place.open();
    harness.get_by_label_contains("Table 3:").click();
    harness.run();
    type_text(&mut harness, "Said at a table that is then deleted");
    harness.get_by_label_contains("Table 3:").click_secondary();
    harness.run();
    harness.get_by_label("Delete group and its cards").click();
    harness.run();
    assert!(harness.query_by_label_contains("Table 3:").is_none());
    assert_eq!(
        card_box_of(&harness, "Table 1"),
        "Said at a table that is then deleted"
    );
}

#[test]
fn a_damaged_drafts_file_is_reported_and_the_session_still_opens() {
    let place = Place::new();
    let mut harness = place.open();
    type_text(&mut harness, "Kept");
    close(&mut harness);
    drop(harness);
    let kept: Vec<PathBuf> = std::fs::read_dir(place.drafts())
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    assert_eq!(kept.len(), 1);
    std::fs::write(
        &kept[0],
        "(format: \"harvest-drafts\", version: 1, drafts: {",
    )
    .unwrap();

    let mut harness = place.open();
    let notice = harness.state().notice().unwrap_or_default().to_owned();
    assert!(notice.contains("could not be read back"), "{notice}");
    harness.get_by_label_contains("could not be read back");
    assert_eq!(card_box_of(&harness, "Table 1"), "");
    // Typing and adding cards work as ever.
    type_text(&mut harness, "After the damage");
    press(&mut harness, Modifiers::NONE, Key::Enter);
    assert!(has_card(&harness, "After the damage"));
}

#[test]
fn words_kept_for_a_group_the_session_no_longer_has_come_back_in_the_first_box() {
    let place = Place::new();
    let mut harness = place.open();
    harness.get_by_label_contains("Table 3:").click();
    harness.run();
    type_text(&mut harness, "Said at Table 3");
    close(&mut harness);
    drop(harness);
    // Another laptop's copy of the session, without Table 3, is put in its place.
    let mut session = harvest::store::load(&place.session()).unwrap();
    let table_3 = session.groups.remove(2).id;
    session.cards.retain(|c| c.group != table_3);
    harvest::store::save(&session, &place.session()).unwrap();

    let harness = place.open();
    assert!(harness.query_by_label_contains("Table 3:").is_none());
    assert_eq!(card_box_of(&harness, "Table 1"), "Said at Table 3");
}

#[test]
fn save_as_takes_the_card_box_words_along() {
    let place = Place::new();
    let mut harness = place.open();
    type_text(&mut harness, "Typed before Save as");
    let copy = place.dir.path().join("copy.ron");
    let ctx = harness.ctx.clone();
    harness.state_mut().save_as(copy.clone(), &ctx);
    common::run_until(&mut harness, |h| h.state().document().path == copy);
    type_text(&mut harness, ", and after");
    close(&mut harness);
    drop(harness);

    let harness = place.open_file(&copy);
    assert_eq!(
        card_box_of(&harness, "Table 1"),
        "Typed before Save as, and after"
    );
    drop(harness);
    let harness = place.open();
    assert_eq!(
        card_box_of(&harness, "Table 1"),
        "",
        "the words went with the new file, not left with both"
    );
}
