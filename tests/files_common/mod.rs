//! Helpers for the tests of files through the window: a temporary folder with a session in
//! it, Harvest's own folder beside it, and a desktop with no file dialog.
#![allow(dead_code, clippy::unwrap_used, clippy::expect_used)] // Helpers panic: that is a failed test.

use egui::{Event, Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use harvest::desktop::{FilePicker, FileRequest, Picked};
use harvest::model::{Card, Category, Group, Session};
use harvest::store::{self, places::Places};
use harvest::ui::HarvestApp;
use harvest::workspace::{Opening, Workspace};
use std::path::PathBuf;
use std::sync::Arc;

pub const CTRL: Modifiers = Modifiers::COMMAND;

/// A desktop with no portal and no zenity.
pub struct NoFileDialog;

impl FilePicker for NoFileDialog {
    fn pick(&self, _request: &FileRequest) -> Picked {
        Picked::Unavailable("No file dialog here.".into())
    }
}

/// A folder holding a session to start on (`start.ron`), Harvest's own folder (`data`), and
/// the places pointing there.
pub struct Folder {
    dir: tempfile::TempDir,
}

impl Folder {
    pub fn new() -> Self {
        let folder = Self {
            dir: tempfile::tempdir().unwrap(),
        };
        folder.session("start.ron", "Start workshop", "A card of the start session");
        folder
    }

    pub fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    pub fn places(&self) -> Places {
        Places::at(self.path("data"))
    }

    /// Writes a session with one group and one card at `name`.
    pub fn session(&self, name: &str, title: &str, card: &str) -> PathBuf {
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
    pub fn app(&self) -> Harness<'static, HarvestApp> {
        let opening = Workspace::open(&self.path("start.ron"), &self.places()).unwrap();
        app_on(opening, self.places())
    }
}

/// The app on what was opened, as the window would start it.
pub fn app_on(opening: Opening, places: Places) -> Harness<'static, HarvestApp> {
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

pub fn press(harness: &mut Harness<'_, HarvestApp>, modifiers: Modifiers, key: Key) {
    harness.key_press_modifiers(modifiers, key);
    harness.run();
}

pub fn type_text(harness: &mut Harness<'_, HarvestApp>, text: &str) {
    harness.event(Event::Text(text.to_owned()));
    harness.run();
}

pub fn shows(harness: &Harness<'_, HarvestApp>, words: &str) -> bool {
    harness.query_all_by_label_contains(words).count() > 0
}

pub fn title(harness: &Harness<'_, HarvestApp>) -> String {
    harness.state().session().details.title.clone()
}

/// Runs until Harvest's own chooser is open under `heading`, after the notice said why.
pub fn wait_for_chooser(harness: &mut Harness<'_, HarvestApp>, heading: &str) {
    crate::common::run_until(harness, |h| shows(h, heading));
    assert!(
        shows(
            harness,
            "No file dialog here. Harvest's own chooser is open instead."
        ),
        "the notice says why the system dialog did not come"
    );
}

/// Replaces what a chooser's text box holds with `text`, from the keyboard.
pub fn retype(harness: &mut Harness<'_, HarvestApp>, label: &str, text: &str) {
    harness.get_by_label(label).click();
    harness.run();
    press(harness, CTRL, Key::A);
    type_text(harness, text);
}
