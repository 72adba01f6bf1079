//! Files through the window when the desktop has no file dialog: Harvest's own chooser for
//! Open, Save as and Export, each in a temporary folder; File → Open recent; the chooser and the
//! new session dialog in a small window at 150 %.

#![allow(clippy::unwrap_used, clippy::expect_used)] // Test helpers may panic: that is a failed test.

mod common;
mod files_common;

use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};
use files_common::*;
use harvest::store;
use harvest::ui::HarvestApp;
use harvest::workspace::{Opening, Workspace};
use std::path::PathBuf;
use std::sync::Arc;

#[test]
fn with_no_file_dialog_open_offers_harvests_chooser_and_a_file_picked_there_opens() {
    let folder = Folder::new();
    folder.session(
        "more/other.ron",
        "Other workshop",
        "A card of the other session",
    );
    let mut harness = folder.app();

    press(&mut harness, CTRL, Key::O);
    wait_for_chooser(&mut harness, "Open a session");
    // A slip: Escape closes the chooser and nothing changes.
    press(&mut harness, Modifiers::NONE, Key::Escape);
    assert!(!shows(&harness, "Open a session"));
    assert_eq!(title(&harness), "Start workshop");

    press(&mut harness, CTRL, Key::O);
    wait_for_chooser(&mut harness, "Open a session");
    // It starts in the open session's folder, which holds a subfolder and that session.
    common::run_until(&mut harness, |h| shows(h, "more/"));
    assert!(harness.query_by_label("start.ron").is_some());
    harness.get_by_label("more/").click();
    common::run_until(&mut harness, |h| h.query_by_label("other.ron").is_some());
    harness.get_by_label("other.ron").click();
    common::run_until(&mut harness, |h| title(h) == "Other workshop");
    assert!(!shows(&harness, "Open a session"), "the chooser closed");
    assert!(shows(&harness, "A card of the other session"));
    assert!(harness.get_by_label_contains("New card:").is_focused());
}

#[test]
fn the_chooser_works_from_the_keyboard_and_says_when_a_file_is_not_there() {
    let folder = Folder::new();
    let other = folder.session("elsewhere/other.ron", "Other workshop", "Other card");
    let mut harness = folder.app();
    press(&mut harness, CTRL, Key::O);
    wait_for_chooser(&mut harness, "Open a session");

    // The keyboard starts in the file name box.
    assert!(harness.get_by_label("File name").is_focused());
    type_text(&mut harness, "other.ron");
    press(&mut harness, Modifiers::NONE, Key::Enter);
    assert!(shows(&harness, "There is no other.ron in this folder."));
    assert_eq!(title(&harness), "Start workshop");

    retype(
        &mut harness,
        "Folder",
        &other.parent().unwrap().display().to_string(),
    );
    press(&mut harness, Modifiers::NONE, Key::Enter);
    common::run_until(&mut harness, |h| h.query_by_label("other.ron").is_some());
    // Enter in the folder box gave the keyboard back to the name box, "other.ron" still in it.
    assert!(harness.get_by_label("File name").is_focused());
    press(&mut harness, Modifiers::NONE, Key::Enter);
    common::run_until(&mut harness, |h| title(h) == "Other workshop");
    assert!(harness.get_by_label_contains("New card:").is_focused());
}

#[test]
fn save_as_in_harvests_chooser_writes_the_copy_and_never_over_another_session() {
    let folder = Folder::new();
    let mut harness = folder.app();
    let before = std::fs::read(folder.path("start.ron")).unwrap();

    press(&mut harness, CTRL | Modifiers::SHIFT, Key::S);
    wait_for_chooser(&mut harness, "Save the session as");
    let suggested = harness.get_by_label("File name").value().unwrap();
    assert!(
        suggested.starts_with("Start workshop ") && suggested.ends_with(".ron"),
        "{suggested}"
    );
    common::run_until(&mut harness, |h| h.query_by_label("start.ron").is_some());

    // The suggested name is selected: typing replaces it. The name of a session already
    // there is refused.
    type_text(&mut harness, "start");
    press(&mut harness, Modifiers::NONE, Key::Enter);
    assert!(shows(
        &harness,
        "A session called start.ron is already here; choose another name."
    ));
    assert_eq!(std::fs::read(folder.path("start.ron")).unwrap(), before);

    retype(&mut harness, "File name", "copy");
    press(&mut harness, Modifiers::NONE, Key::Enter);
    let copy = folder.path("copy.ron");
    common::run_until(&mut harness, |h| h.state().document().path == copy);
    assert_eq!(store::load(&copy).unwrap().details.title, "Start workshop");
    assert_eq!(std::fs::read(folder.path("start.ron")).unwrap(), before);
}

#[test]
fn export_with_no_file_dialog_writes_where_the_chooser_says_and_asks_before_replacing() {
    let folder = Folder::new();
    std::fs::write(folder.path("old.html"), "an earlier export").unwrap();
    let mut harness = folder.app();

    press(&mut harness, CTRL, Key::E);
    harness.get_by_label("Choose file and export…").click();
    harness.run();
    wait_for_chooser(&mut harness, "Export the summary to");
    common::run_until(&mut harness, |h| h.query_by_label("old.html").is_some());

    // Picking the file there fills its name in; exporting over it takes a second Export.
    harness.get_by_label("old.html").click();
    harness.run();
    harness.get_by_label("Export").click();
    harness.run();
    assert!(shows(
        &harness,
        "old.html is already here. Press Export again to replace it."
    ));
    assert_eq!(
        std::fs::read_to_string(folder.path("old.html")).unwrap(),
        "an earlier export"
    );
    harness.get_by_label("Export").click();
    common::run_until(&mut harness, |h| shows(h, "Exported the summary to"));
    let html = std::fs::read_to_string(folder.path("old.html")).unwrap();
    assert!(html.contains("Start workshop"), "the summary was written");

    // A new name gets the format's ending.
    press(&mut harness, CTRL, Key::E);
    harness.get_by_label("Choose file and export…").click();
    harness.run();
    wait_for_chooser(&mut harness, "Export the summary to");
    retype(&mut harness, "File name", "report");
    press(&mut harness, Modifiers::NONE, Key::Enter);
    let report = folder.path("report.html");
    common::run_until(&mut harness, |_| report.exists());
}

#[test]
fn open_recent_lists_the_latest_sessions_and_greys_out_one_that_is_gone() {
    let folder = Folder::new();
    let places = folder.places();
    let other = folder.session("other.ron", "Other workshop", "Other card");
    let gone = folder.session("gone.ron", "Gone workshop", "Gone card");
    places.remember_recent(&gone);
    places.remember_recent(&other);
    std::fs::remove_file(&gone).unwrap();
    let mut harness = folder.app();

    harness.get_by_label("File").click();
    harness.run();
    harness.get_by_label("Open recent").hover();
    harness.run();
    // The session open now is not offered again.
    assert!(harness.query_by_label("start.ron").is_none());
    assert!(
        harness
            .get_by_label("gone.ron — not found")
            .accesskit_node()
            .is_disabled(),
        "a session no longer there cannot be chosen"
    );
    harness.get_by_label("other.ron").click();
    common::run_until(&mut harness, |h| title(h) == "Other workshop");

    // The session left is now the first one offered.
    let newest: Vec<PathBuf> = places
        .recent_sessions()
        .into_iter()
        .map(|r| r.path)
        .collect();
    assert_eq!(newest[..2], [other, folder.path("start.ron")]);
    harness.get_by_label("File").click();
    harness.run();
    harness.get_by_label("Open recent").hover();
    common::run_until(&mut harness, |h| h.query_by_label("start.ron").is_some());
}

/// Fails unless every text box is inside the window and wide enough to read a path or a title.
fn assert_boxes_fit(harness: &Harness<'_, HarvestApp>, labels: &[&str]) {
    let window = harness.ctx.content_rect();
    for label in labels {
        let rect = harness.get_by_label(label).rect();
        assert!(
            window.contains_rect(rect),
            "{label}: {rect:?} outside {window:?}"
        );
        assert!(rect.width() >= 240.0, "{label}: only {} wide", rect.width());
    }
}

#[test]
fn the_chooser_and_the_new_session_dialog_fit_a_small_window_at_150_percent() {
    let folder = Folder::new();
    let opening = Workspace::open(&folder.path("start.ron"), &folder.places()).unwrap();
    let Opening { workspace, .. } = opening;
    let places = folder.places();
    // A 1024×700 window at 150 %: the points egui lays out in.
    let mut harness = Harness::builder()
        .with_size([1024.0 / 1.5, 700.0 / 1.5])
        .with_max_steps(12)
        .build_eframe(move |cc| {
            HarvestApp::new(cc, workspace, None, None, None)
                .with_file_picker(Arc::new(NoFileDialog))
                .with_places(places)
        });
    harness.run();
    press(&mut harness, CTRL, Key::O);
    wait_for_chooser(&mut harness, "Open a session");
    common::run_until(&mut harness, |h| h.query_by_label("start.ron").is_some());
    assert_boxes_fit(&harness, &["Folder", "File name"]);
    for button in ["Open", "Cancel", "Parent folder"] {
        let rect = harness.get_by_label(button).rect();
        assert!(harness.ctx.content_rect().contains_rect(rect), "{button}");
    }
    press(&mut harness, Modifiers::NONE, Key::Escape);
    press(&mut harness, CTRL, Key::N);
    assert_boxes_fit(&harness, &["Title", "Date (YYYY-MM-DD)"]);
    let create = harness.get_by_label("Create").rect();
    assert!(harness.ctx.content_rect().contains_rect(create));
}
