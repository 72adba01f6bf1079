//! Files through the window, each in a temporary folder: Harvest's own chooser when the desktop
//! has no file dialog (Open, Save as, Export), File → Open recent, the empty state of a file
//! that cannot be opened, a locked file, the first run's sample and new sessions.

#![allow(clippy::unwrap_used, clippy::expect_used)] // Test helpers may panic: that is a failed test.

mod common;

use egui::{Event, Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};
use harvest::desktop::{FilePicker, FileRequest, Picked};
use harvest::model::{Card, Category, Group, Session};
use harvest::store::places::Places;
use harvest::store::{self, SessionLock};
use harvest::ui::HarvestApp;
use harvest::workspace::{Opening, Workspace};
use std::path::{Path, PathBuf};
use std::sync::Arc;

const CTRL: Modifiers = Modifiers::COMMAND;

/// A desktop with no portal and no zenity.
struct NoFileDialog;

impl FilePicker for NoFileDialog {
    fn pick(&self, _request: &FileRequest) -> Picked {
        Picked::Unavailable("This desktop has no file dialog.".into())
    }
}

/// A folder holding a session to start on (`start.ron`), Harvest's own folder (`data`), and
/// the places pointing there.
struct Folder {
    dir: tempfile::TempDir,
}

impl Folder {
    fn new() -> Self {
        let folder = Self {
            dir: tempfile::tempdir().unwrap(),
        };
        folder.session("start.ron", "Start workshop", "A card of the start session");
        folder
    }

    fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    fn places(&self) -> Places {
        Places::at(self.path("data"))
    }

    /// Writes a session with one group and one card at `name`.
    fn session(&self, name: &str, title: &str, card: &str) -> PathBuf {
        let path = self.path(name);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        let mut session = Session::new(title);
        let group = Group::new("Table A");
        session
            .cards
            .push(Card::new(group.id, Category::Good, card));
        session.groups = vec![group];
        store::save(&session, &path).unwrap();
        path
    }

    /// The app on `start.ron`, saving it, with no file dialog.
    fn app(&self) -> Harness<'static, HarvestApp> {
        let opening = Workspace::open(&self.path("start.ron"), &self.places()).unwrap();
        app_on(opening, self.places())
    }
}

/// The app on what was opened, as the window would start it.
fn app_on(opening: Opening, places: Places) -> Harness<'static, HarvestApp> {
    let Opening { workspace, notice } = opening;
    // The saver wakes the window when its status changes, which may land while a run is
    // settling: a few more steps than the default four, never an endless repaint.
    let mut harness = Harness::builder()
        .with_size([1260.0, 740.0])
        .with_max_steps(12)
        .build_eframe(move |cc| {
            HarvestApp::new(cc, workspace, notice, None, None)
                .with_file_picker(Arc::new(NoFileDialog))
                .with_places(places)
        });
    harness.run();
    harness
}

fn press(harness: &mut Harness<'_, HarvestApp>, modifiers: Modifiers, key: Key) {
    harness.key_press_modifiers(modifiers, key);
    harness.run();
}

fn type_text(harness: &mut Harness<'_, HarvestApp>, text: &str) {
    harness.event(Event::Text(text.to_owned()));
    harness.run();
}

fn shows(harness: &Harness<'_, HarvestApp>, words: &str) -> bool {
    harness.query_all_by_label_contains(words).count() > 0
}

fn title(harness: &Harness<'_, HarvestApp>) -> String {
    harness.state().session().details.title.clone()
}

/// Runs until Harvest's own chooser is open under `heading`, after the notice said why.
fn wait_for_chooser(harness: &mut Harness<'_, HarvestApp>, heading: &str) {
    common::run_until(harness, |h| shows(h, heading));
    assert!(
        shows(
            harness,
            "This desktop has no file dialog. Choose the file in Harvest's own chooser instead."
        ),
        "the notice says why the system dialog did not come"
    );
}

/// Replaces what a chooser's text box holds with `text`, from the keyboard.
fn retype(harness: &mut Harness<'_, HarvestApp>, label: &str, text: &str) {
    harness.get_by_label(label).click();
    harness.run();
    press(harness, CTRL, Key::A);
    type_text(harness, text);
}

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
