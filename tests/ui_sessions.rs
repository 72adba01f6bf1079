//! Sessions through the window: a file that cannot be opened shows an empty state, a file
//! another Harvest holds opens read-only, File → New session asks for a title and date, the
//! first run's sample says it is one, and a new file named on the command line opens ready.

#![allow(clippy::unwrap_used, clippy::expect_used)] // Test helpers may panic: that is a failed test.

mod common;
mod files_common;

use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};
use files_common::*;
use harvest::model::Category;
use harvest::store::SessionLock;
use harvest::ui::HarvestApp;
use harvest::workspace::Workspace;
use std::path::Path;

/// The app as the window starts it on `file`, which could not be opened.
fn app_on_unopenable(folder: &Folder, file: &Path) -> Harness<'static, HarvestApp> {
    let error = match Workspace::choose(Some(file.to_owned()), &folder.places()) {
        Err(error) => error,
        Ok(_) => panic!("{} opened", file.display()),
    };
    app_on(
        Workspace::nothing_open(Some(file.to_owned()), &error),
        folder.places(),
    )
}

#[test]
fn a_file_that_cannot_be_opened_shows_why_and_the_ways_on_instead_of_a_board() {
    let folder = Folder::new();
    let damaged = folder.path("damaged.ron");
    let text = std::fs::read_to_string(folder.path("start.ron")).unwrap();
    std::fs::write(&damaged, text.replacen("groups: [", "groups: [[", 1)).unwrap();
    let not_a_session = folder.path("notes.ron");
    std::fs::write(&not_a_session, "Bring the flipchart pens.\n").unwrap();
    std::fs::create_dir(folder.path("a folder.ron")).unwrap();
    let cases = [
        (damaged.clone(), "damaged.ron:"),
        (not_a_session, "notes.ron:"),
        (
            folder.path("a folder.ron"),
            "this is a folder, not a session file",
        ),
        (folder.path("no such folder/x.ron"), "could not create"),
    ];
    for (file, words) in cases {
        let bytes = std::fs::read(&file).ok();
        let mut harness = app_on_unopenable(&folder, &file);
        assert!(
            shows(&harness, "This session could not be opened"),
            "{file:?}"
        );
        assert!(
            shows(&harness, words),
            "{file:?}: the error's words, {words}"
        );
        assert!(
            harness.query_by_label_contains("New card:").is_none(),
            "{file:?}: no card box to type into"
        );
        // Typing and Enter, as a facilitator in a hurry would: nothing is made or written.
        type_text(&mut harness, "Transport home was hard");
        press(&mut harness, Modifiers::NONE, Key::Enter);
        assert!(harness.state().session().cards.is_empty());
        press(&mut harness, CTRL, Key::G);
        assert!(
            shows(&harness, "Nothing is open to change or save"),
            "{file:?}"
        );
        assert_eq!(harness.state().session().groups.len(), 1, "no group added");
        assert_eq!(std::fs::read(&file).ok(), bytes, "{file:?} is unchanged");
    }

    let mut harness = app_on_unopenable(&folder, &damaged);
    harness.get_by_label_contains("Open another…").click();
    harness.run();
    wait_for_chooser(&mut harness, "Open a session");
    common::run_until(&mut harness, |h| h.query_by_label("start.ron").is_some());
    harness.get_by_label("start.ron").click();
    common::run_until(&mut harness, |h| title(h) == "Start workshop");
    assert!(!shows(&harness, "This session could not be opened"));
    assert!(harness.get_by_label_contains("New card:").is_focused());

    let mut harness = app_on_unopenable(&folder, &damaged);
    harness.get_by_label_contains("New session…").click();
    harness.run();
    assert!(harness.get_by_label("Title").is_focused());
}

#[test]
fn a_session_another_harvest_holds_opens_read_only_and_keeps_what_is_typed() {
    let folder = Folder::new();
    let path = folder.path("start.ron");
    let before = std::fs::read(&path).unwrap();
    // The lock another Harvest would hold while it has the session open.
    let _held = SessionLock::acquire(&path).unwrap();
    let opening = Workspace::choose(Some(path.clone()), &folder.places()).unwrap();
    let mut harness = app_on(opening, folder.places());

    assert!(
        shows(&harness, "Read-only — Harvest on "),
        "says who has it"
    );
    assert!(
        shows(&harness, "A card of the start session"),
        "the cards are there to read"
    );
    type_text(&mut harness, "Transport home was hard");
    press(&mut harness, Modifiers::NONE, Key::Enter);
    // Not in silence: the notice and the status bar say it is read-only and offer a copy.
    assert!(shows(&harness, "Save an editable copy…"));
    assert_eq!(
        harness.state().draft(),
        "Transport home was hard",
        "the words are kept"
    );
    assert_eq!(harness.state().session().cards.len(), 1);
    assert_eq!(std::fs::read(&path).unwrap(), before);
}

#[test]
fn new_session_asks_for_title_and_date_and_enter_takes_the_defaults() {
    let folder = Folder::new();
    let mut harness = folder.app();
    let today = jiff::Zoned::now().date();

    press(&mut harness, CTRL, Key::N);
    assert!(harness.get_by_label("Title").is_focused());
    assert_eq!(harness.get_by_label("Title").value().unwrap(), "Workshop");
    assert_eq!(
        harness.get_by_label("Date (YYYY-MM-DD)").value().unwrap(),
        today.to_string()
    );
    // A slip: Escape leaves everything as it was.
    press(&mut harness, Modifiers::NONE, Key::Escape);
    assert!(harness.query_by_label("Title").is_none());
    assert_eq!(title(&harness), "Start workshop");

    press(&mut harness, CTRL, Key::N);
    press(&mut harness, Modifiers::NONE, Key::Enter);
    common::run_until(&mut harness, |h| title(h) == "Workshop");
    let session = harness.state().session();
    assert_eq!(session.details.date, today);
    let targets = Category::ALL.map(|c| session.details.targets.get(c));
    assert_eq!(targets, [3, 3, 2]);
    let expected = folder.path(&format!("data/Workshop {today}.ron"));
    assert_eq!(harness.state().document().path, expected);
    assert!(harness.get_by_label_contains("New card:").is_focused());
    type_text(&mut harness, "First card of my own");
    press(&mut harness, Modifiers::NONE, Key::Enter);
    common::run_until(&mut harness, |_| {
        std::fs::read_to_string(&expected).is_ok_and(|t| t.contains("First card of my own"))
    });
}

#[test]
fn new_session_takes_a_typed_title_and_date_and_refuses_a_bad_date() {
    let folder = Folder::new();
    let mut harness = folder.app();
    press(&mut harness, CTRL, Key::N);
    // The default title is selected, so typing replaces it.
    type_text(&mut harness, "Carers' forum");
    retype(&mut harness, "Date (YYYY-MM-DD)", "14/11/2026");
    press(&mut harness, Modifiers::NONE, Key::Enter);
    assert!(shows(&harness, "The date must look like 2026-10-14."));
    assert!(
        harness
            .get_by_label("Create")
            .accesskit_node()
            .is_disabled()
    );
    assert_eq!(title(&harness), "Start workshop");

    retype(&mut harness, "Date (YYYY-MM-DD)", "2026-11-14");
    press(&mut harness, Modifiers::NONE, Key::Enter);
    common::run_until(&mut harness, |h| title(h) == "Carers' forum");
    assert_eq!(
        harness.state().document().path,
        folder.path("data/Carers' forum 2026-11-14.ron")
    );
}

#[test]
fn the_first_run_sample_says_it_is_one_and_offers_a_session_of_ones_own() {
    let folder = Folder::new();
    let opening = Workspace::choose(None, &folder.places()).unwrap();
    let mut harness = app_on(opening, folder.places());
    assert!(title(&harness).starts_with("Sample workshop"));
    assert!(shows(&harness, "This is a sample workshop"));
    let shortcut = harness.get_by_label_contains("Start my own session…");
    shortcut.click();
    harness.run();
    assert!(
        harness.get_by_label("Title").is_focused(),
        "the new session dialog is open"
    );
    press(&mut harness, Modifiers::NONE, Key::Enter);
    common::run_until(&mut harness, |h| title(h) == "Workshop");
    assert!(
        !shows(&harness, "This is a sample workshop"),
        "only on the sample"
    );
}

#[test]
fn a_new_file_named_on_the_command_line_opens_onto_the_board_ready_to_type() {
    let folder = Folder::new();
    let path = folder.path("Team day.ron");
    let opening = Workspace::choose(Some(path.clone()), &folder.places()).unwrap();
    assert_eq!(opening.notice, None);
    let session = opening.workspace.document().session();
    assert_eq!(session.details.title, "Team day");
    let targets = Category::ALL.map(|c| session.details.targets.get(c));
    assert_eq!(targets, [3, 3, 2]);
    assert!(path.is_file(), "made straight away");

    let mut harness = app_on(opening, folder.places());
    assert!(harness.get_by_label_contains("New card:").is_focused());
    assert!(
        harness.query_by_label("Title").is_none(),
        "no dialog in the way"
    );
    type_text(&mut harness, "Straight onto the board");
    press(&mut harness, Modifiers::NONE, Key::Enter);
    common::run_until(&mut harness, |_| {
        std::fs::read_to_string(&path).is_ok_and(|t| t.contains("Straight onto the board"))
    });
}
