//! The app with a real saver on a temporary folder, writing through a disk that can be made
//! to fail or to stall: what the status bar says while saving, once saved and when saving
//! fails; closing when the last save failed; Save as; restoring an earlier version.

#![allow(clippy::unwrap_used, clippy::expect_used)] // Test helpers may panic: that is a failed test.

mod common;
use common::ask_to_close;

use egui::{Key, ViewportCommand, ViewportId};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use harvest::store::Disk;
use harvest::ui::HarvestApp;
use harvest::workspace::Workspace;
use std::fs::File;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Condvar, Mutex};

/// The real disk, except that writes can be held back (to see "Saving…") or refused with EIO.
#[derive(Default)]
struct TestDisk {
    state: Mutex<Faults>,
    released: Condvar,
}

#[derive(Default)]
struct Faults {
    hold: bool,
    fail: bool,
}

impl TestDisk {
    fn hold(&self, hold: bool) {
        self.state.lock().unwrap().hold = hold;
        self.released.notify_all();
    }

    fn fail(&self, fail: bool) {
        self.state.lock().unwrap().fail = fail;
    }
}

impl Disk for TestDisk {
    fn write_all(&self, file: &mut File, bytes: &[u8]) -> std::io::Result<()> {
        let mut state = self.state.lock().unwrap();
        while state.hold {
            state = self.released.wait(state).unwrap();
        }
        if state.fail {
            return Err(std::io::Error::from_raw_os_error(5));
        }
        drop(state);
        file.write_all(bytes)
    }
}

/// A copy of the sample in a new folder, open in the app with a saver writing through `disk`.
fn saving_app(disk: &Arc<TestDisk>) -> (Harness<'static, HarvestApp>, PathBuf, tempfile::TempDir) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("workshop.ron");
    harvest::store::save(&common::sample_session(), &path).unwrap();
    let opening = Workspace::open_on(Arc::clone(disk) as Arc<dyn Disk>, &path).unwrap();
    let workspace = opening.workspace;
    // The saver wakes the window each time its status changes, which may land while a run
    // is settling: a few more steps than the default four, never an endless repaint.
    let mut harness = Harness::builder()
        .with_size([1260.0, 740.0])
        .with_max_steps(12)
        .build_eframe(move |cc| HarvestApp::new(cc, workspace, None, None, None));
    harness.run();
    (harness, path, dir)
}

/// Whether the status bar says `words` (its save status, or the announcement of it).
fn status_says(harness: &Harness<'_, HarvestApp>, words: &str) -> bool {
    harness.query_all_by_label_contains(words).next().is_some()
}

/// Whether a screen reader was told `words` at once, interrupting whatever it was saying.
fn alerted(harness: &Harness<'_, HarvestApp>, words: &str) -> bool {
    use egui_kittest::kittest::{NodeT, by};
    harness
        .query_all(by().predicate(|node| node.live() == egui::accesskit::Live::Assertive))
        .any(|n| {
            n.accesskit_node()
                .label()
                .is_some_and(|l| l.contains(words))
        })
}

/// Types a card into the card box, which has the keyboard when the app opens.
fn add_card(harness: &mut Harness<'_, HarvestApp>, text: &str) {
    harness.event(egui::Event::Text(text.to_owned()));
    harness.run();
    harness.key_press(Key::Enter);
    harness.run();
    assert!(
        harness
            .state()
            .session()
            .cards
            .iter()
            .any(|c| c.text == text),
        "the card was added"
    );
}

fn file_has(path: &Path, words: &str) -> bool {
    std::fs::read_to_string(path).is_ok_and(|text| text.contains(words))
}

fn close_was_cancelled(harness: &Harness<'_, HarvestApp>) -> bool {
    harness.output().viewport_output[&ViewportId::ROOT]
        .commands
        .contains(&ViewportCommand::CancelClose)
}

#[test]
fn the_status_bar_says_saving_then_saved_then_not_saved() {
    let disk = Arc::new(TestDisk::default());
    let (mut harness, path, _dir) = saving_app(&disk);
    assert!(status_says(&harness, "Saved"));

    disk.hold(true);
    add_card(&mut harness, "Held back by a slow disk");
    common::run_until(&mut harness, |h| status_says(h, "Saving…"));
    assert!(!file_has(&path, "Held back by a slow disk"));

    disk.hold(false);
    common::run_until(&mut harness, |h| {
        status_says(h, "Saved") && !status_says(h, "Saving…")
    });
    assert!(file_has(&path, "Held back by a slow disk"));

    disk.fail(true);
    add_card(&mut harness, "Written to a failing disk");
    common::run_until(&mut harness, |h| status_says(h, "Not saved —"));
    assert!(
        alerted(&harness, "Not saved —"),
        "said at once to a screen reader"
    );
    // The way out is offered where the user is looking.
    harness.get_by_label("Save as…");
    assert!(!file_has(&path, "Written to a failing disk"));

    disk.fail(false);
    common::run_until(&mut harness, |h| !status_says(h, "Not saved"));
    common::run_until(&mut harness, |_| {
        file_has(&path, "Written to a failing disk")
    });
}

#[test]
fn closing_when_the_last_save_failed_is_cancelled_once() {
    let disk = Arc::new(TestDisk::default());
    let (mut harness, path, _dir) = saving_app(&disk);
    disk.fail(true);
    add_card(&mut harness, "Not on disk yet");
    common::run_until(&mut harness, |h| status_says(h, "Not saved —"));

    ask_to_close(&mut harness);
    assert!(close_was_cancelled(&harness), "the first close must wait");
    common::run_until(&mut harness, |h| {
        h.state()
            .notice()
            .is_some_and(|n| n.contains("could not be saved"))
    });
    // The card is still on screen, to be saved elsewhere.
    harness.get_by_label_contains("Not on disk yet");

    ask_to_close(&mut harness);
    assert!(
        !close_was_cancelled(&harness),
        "the second close goes ahead"
    );
    assert!(!file_has(&path, "Not on disk yet"));
}

#[test]
fn closing_with_everything_saved_goes_ahead_at_once() {
    let disk = Arc::new(TestDisk::default());
    let (mut harness, path, _dir) = saving_app(&disk);
    add_card(&mut harness, "Saved before closing");
    common::run_until(&mut harness, |_| file_has(&path, "Saved before closing"));
    common::run_until(&mut harness, |h| h.state().workspace().is_saved());
    ask_to_close(&mut harness);
    assert!(!close_was_cancelled(&harness));
}

#[test]
fn a_close_with_unsaved_changes_waits_for_them_then_closes() {
    let disk = Arc::new(TestDisk::default());
    let (mut harness, path, _dir) = saving_app(&disk);
    disk.hold(true);
    add_card(&mut harness, "Saved while closing");
    ask_to_close(&mut harness);
    assert!(close_was_cancelled(&harness));
    harness.run();
    assert!(status_says(&harness, "Saving before closing…"));
    disk.hold(false);
    let mut closed = false;
    for _ in 0..200 {
        harness.step();
        let commands = &harness.output().viewport_output[&ViewportId::ROOT].commands;
        if commands.contains(&ViewportCommand::Close) {
            closed = true;
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    assert!(closed, "the window closes once the changes are on disk");
    assert!(file_has(&path, "Saved while closing"));
}

#[test]
fn save_as_carries_on_in_the_new_file() {
    let disk = Arc::new(TestDisk::default());
    let (mut harness, path, dir) = saving_app(&disk);
    let copy = dir.path().join("copy.ron");
    let ctx = harness.ctx.clone();
    harness.state_mut().save_as(copy.clone(), &ctx);
    common::run_until(&mut harness, |h| h.state().document().path == copy);
    assert!(harness.state().notice().unwrap().contains("Saved as"));
    assert!(copy.is_file());

    add_card(&mut harness, "Only in the copy");
    common::run_until(&mut harness, |_| file_has(&copy, "Only in the copy"));
    assert!(
        !file_has(&path, "Only in the copy"),
        "the old file keeps what it had"
    );
    assert!(
        harvest::store::lock_path(&copy).exists(),
        "the copy is locked"
    );
}

#[test]
fn restoring_an_earlier_version_is_one_undoable_change() {
    let disk = Arc::new(TestDisk::default());
    let (mut harness, path, _dir) = saving_app(&disk);
    let cards = harness.state().session().cards.len();
    add_card(&mut harness, "Added after the backup");
    common::run_until(&mut harness, |_| file_has(&path, "Added after the backup"));

    harness.get_by_label("File").click();
    harness.run();
    harness.get_by_label("Restore a previous version…").click();
    common::run_until(&mut harness, |h| {
        h.query_all_by_label("Restore").count() > 0
    });
    harness.get_all_by_label("Restore").next().unwrap().click();
    common::run_until(&mut harness, |h| h.state().session().cards.len() == cards);
    assert!(
        !harness
            .state()
            .session()
            .cards
            .iter()
            .any(|c| c.text == "Added after the backup")
    );

    harness.key_press_modifiers(egui::Modifiers::COMMAND, Key::Z);
    harness.run();
    assert_eq!(harness.state().session().cards.len(), cards + 1);
}

#[test]
fn opening_another_session_saves_this_one_first_and_keeps_the_card_box() {
    let disk = Arc::new(TestDisk::default());
    let (mut harness, path, dir) = saving_app(&disk);
    add_card(&mut harness, "Saved before leaving");
    let other = dir.path().join("other.ron");
    let mut session = harvest::model::Session::new("Other workshop");
    let group = harvest::model::Group::new("Table A");
    session.cards.push(harvest::model::Card::new(
        group.id,
        harvest::model::Category::Good,
        "A card of the other session",
    ));
    session.groups.push(group);
    harvest::store::save(&session, &other).unwrap();

    harness.event(egui::Event::Text("half a thought".to_owned()));
    harness.run();
    let ctx = harness.ctx.clone();
    harness.state_mut().open_file(other.clone(), &ctx);
    common::run_until(&mut harness, |h| h.state().document().path == other);
    assert!(file_has(&path, "Saved before leaving"));
    // The other session's groups are on screen, not this one's.
    harness.get_by_label_contains("Table A:");
    assert!(harness.query_by_label_contains("Table 1:").is_none());
    // Words typed but not added come along into the new session's card box.
    assert_eq!(harness.state().draft(), "half a thought");
}
