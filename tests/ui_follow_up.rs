//! The Export… dialog choosing the “You said, we did” follow-up: CSV greyed out, the file name
//! suggested apart from the summary's, and the report written in the background.

#![allow(clippy::unwrap_used, clippy::expect_used)] // Test helpers may panic: that is a failed test.

mod common;
mod files_common;

use egui::{Key, Modifiers};
use egui_kittest::kittest::{NodeT, Queryable};
use files_common::*;

#[test]
fn the_follow_up_is_chosen_in_the_export_dialog_and_written_under_its_own_name() {
    let folder = Folder::new();
    let mut harness = folder.app();

    press(&mut harness, CTRL, Key::E);
    harness.get_by_role_and_label(egui::accesskit::Role::Dialog, "Export the summary");
    assert!(
        !(harness.get_by_label("Spreadsheet (CSV)"))
            .accesskit_node()
            .is_disabled()
    );
    harness.get_by_label("“You said, we did” follow-up").click();
    harness.run();
    harness.get_by_role_and_label(egui::accesskit::Role::Dialog, "Export the follow-up");
    assert!(
        (harness.get_by_label("Spreadsheet (CSV)"))
            .accesskit_node()
            .is_disabled(),
        "a follow-up is never a spreadsheet"
    );
    assert!(shows(
        &harness,
        "The follow-up is a document; a spreadsheet (CSV) holds the summary's cards."
    ));

    harness.get_by_label("Choose file and export…").click();
    harness.run();
    wait_for_chooser(&mut harness, "Export the follow-up to");
    press(&mut harness, Modifiers::NONE, Key::Enter);
    let written = || {
        (std::fs::read_dir(folder.path("")).unwrap())
            .map(|entry| entry.unwrap().path())
            .find(|path| path.to_string_lossy().ends_with("-follow-up.html"))
    };
    common::run_until(&mut harness, |_| written().is_some());
    let html = std::fs::read_to_string(written().unwrap()).unwrap();
    assert!(html.contains("Start workshop: you said, we did"), "{html}");
    assert!(html.contains("We did / we will") || html.contains("No themes yet."));
}
