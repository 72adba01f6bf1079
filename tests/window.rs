//! Real-window tests: the release binary in a private X display, driven with xdotool.
//! Ignored by a plain `cargo test` (they need Xvfb, openbox and xdotool, which `.ci/run`
//! installs); run them with `cargo test --test window -- --ignored --test-threads=1`.
//!
//! Every xdotool call must succeed, and each step waits for the effect of the keys before it
//! (the window title, or the file on disk) before it goes on, so a lost keystroke fails the
//! test instead of passing it.
#![allow(clippy::unwrap_used, clippy::expect_used)] // Test helpers may panic: that is a failed test.

mod window_driver;

use harvest::model::{Category, Session};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, SystemTime};
use window_driver::{Display, launch, quit, wait_for};

/// The session in `file` as it is on disk now, if it is there and complete.
fn on_disk(file: &Path) -> Option<Session> {
    harvest::store::load(file).ok()
}

/// Waits until the file on disk satisfies `done`: the keystrokes before had their effect.
fn wait_for_file(what: &str, file: &Path, done: impl Fn(&Session) -> bool) {
    wait_for(what, Duration::from_secs(15), || {
        on_disk(file).is_some_and(|s| done(&s))
    });
}

fn has_card(session: &Session, text: &str) -> bool {
    session.cards.iter().any(|c| c.text == text)
}

#[test]
#[ignore = "needs an X server: run with --ignored under Xvfb"]
fn the_window_opens_on_the_sample_and_closes_cleanly() {
    let display = Display::start();
    let dir = tempfile::tempdir().unwrap();
    let mut app = launch(&display, dir.path(), None);
    // The first run opens the sample.
    let window = display.window_of(
        app.id(),
        "Sample workshop: Personal budgets in social care — Harvest",
    );
    quit(&display, &mut app, &window);
    let copy = dir.path().join("data").join("Sample workshop.ron");
    assert!(copy.exists(), "the sample was copied into the data folder");
}

#[test]
#[ignore = "needs an X server: run with --ignored under Xvfb"]
fn typed_cards_are_in_the_file_a_moment_later_even_after_a_kill() {
    let display = Display::start();
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("Live capture.ron");
    let mut app = launch(&display, dir.path(), Some(&file));
    let window = display.window_of(app.id(), "Live capture — Harvest");

    let cards = [
        ("ctrl+1", Category::Good, "People choose their own staff"),
        (
            "ctrl+1",
            Category::Good,
            "Support officer answers the phone",
        ),
        (
            "ctrl+2",
            Category::NotSoGood,
            "Payroll forms are frightening",
        ),
        (
            "ctrl+3",
            Category::MakeADifference,
            "A free payroll service",
        ),
    ];
    for (keys, category, text) in cards {
        display.key(&window, keys);
        display.type_text(&window, text);
        display.key(&window, "Return");
        wait_for_file(text, &file, |s| {
            (s.cards.iter()).any(|c| c.text == text && c.category == category)
        });
    }
    // A second group, named from the keyboard, with a card of its own.
    display.key(&window, "ctrl+g");
    wait_for_file("a second group", &file, |s| s.groups.len() == 2);
    display.type_text(&window, "Carers table");
    display.key(&window, "Return");
    wait_for_file("the group's name", &file, |s| {
        s.groups.iter().any(|g| g.name == "Carers table")
    });
    display.key(&window, "ctrl+1");
    display.type_text(&window, "Breaks for carers");
    display.key(&window, "Return");
    wait_for_file("the second group's card", &file, |s| {
        has_card(s, "Breaks for carers")
    });

    app.kill();
    let session = on_disk(&file).expect("the file is complete and valid after the kill");
    let texts: Vec<&str> = session.cards.iter().map(|c| c.text.as_str()).collect();
    let mut expected: Vec<&str> = cards.iter().map(|(_, _, text)| *text).collect();
    expected.push("Breaks for carers");
    assert_eq!(texts, expected, "every card, once, in order");
    let carers = (session.groups.iter())
        .find(|g| g.name == "Carers table")
        .expect("the group was saved");
    assert_eq!(session.cards[4].group, carers.id);
    assert!(
        session.cards[..4]
            .iter()
            .all(|c| c.group == session.groups[0].id)
    );
}

fn card_texts(file: &Path) -> Vec<String> {
    let session = on_disk(file).expect("the file is complete and valid");
    session.cards.into_iter().map(|c| c.text).collect()
}

#[test]
#[ignore = "needs an X server: run with --ignored under Xvfb"]
fn after_a_kill_the_next_launch_has_every_saved_card_and_can_edit() {
    let display = Display::start();
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("Crash.ron");
    let mut app = launch(&display, dir.path(), Some(&file));
    let window = display.window_of(app.id(), "Crash — Harvest");
    let entered: Vec<String> = (1..=6).map(|n| format!("Card number {n}")).collect();
    for text in &entered {
        display.type_text(&window, text);
        display.key(&window, "Return");
        wait_for_file(text, &file, |s| has_card(s, text));
    }
    display.type_text(&window, "half typed");
    app.kill();
    assert_eq!(card_texts(&file), entered, "every entered card, in order");

    // The next launch takes over the crashed run's lock and can edit.
    let mut again = launch(&display, dir.path(), Some(&file));
    let window = display.window_of(again.id(), "Crash — Harvest");
    let lock = harvest::store::lock_path(&file);
    wait_for(
        "the new run holds the lock",
        Duration::from_secs(15),
        || {
            std::fs::read_to_string(&lock)
                .is_ok_and(|t| t.contains(&format!("pid {}\n", again.id())))
        },
    );
    display.type_text(&window, "After the crash");
    display.key(&window, "Return");
    wait_for_file("the card typed after the crash", &file, |s| {
        has_card(s, "After the crash")
    });
    quit(&display, &mut again, &window);
    let mut expected = entered.clone();
    expected.push("After the crash".into());
    assert_eq!(card_texts(&file), expected);
    assert!(!lock.exists(), "a clean exit leaves no lock behind");
}

#[test]
#[ignore = "needs an X server: run with --ignored under Xvfb"]
fn words_typed_but_not_added_are_back_in_the_box_after_a_kill() {
    let display = Display::start();
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("Unfinished.ron");
    let mut app = launch(&display, dir.path(), Some(&file));
    let window = display.window_of(app.id(), "Unfinished — Harvest");
    display.type_text(&window, "Transport home was hard");
    // A crash a second and a half after the last keystroke.
    std::thread::sleep(Duration::from_millis(1500));
    app.kill();
    assert_eq!(card_texts(&file), Vec::<String>::new(), "nothing was added");
    let drafts = harvest::store::drafts::draft_file(&dir.path().join("data/drafts"), &file);
    assert!(
        std::fs::read_to_string(&drafts).is_ok_and(|t| t.contains("Transport home was hard")),
        "the words were kept in {}",
        drafts.display()
    );

    let mut again = launch(&display, dir.path(), Some(&file));
    let window = display.window_of(again.id(), "Unfinished — Harvest");
    // The words are back in the card box, which has the keyboard: Enter adds them, whole.
    display.key(&window, "Return");
    wait_for_file("the words from before the kill", &file, |s| {
        has_card(s, "Transport home was hard")
    });
    quit(&display, &mut again, &window);
    assert_eq!(card_texts(&file), ["Transport home was hard"]);
    assert!(!drafts.exists(), "an empty box leaves no drafts behind");
}

/// The bytes and modification time of a file, to tell whether anything wrote it.
fn fingerprint(path: &Path) -> (Vec<u8>, SystemTime) {
    let bytes = std::fs::read(path).unwrap();
    let modified = std::fs::metadata(path).unwrap().modified().unwrap();
    (bytes, modified)
}

#[test]
#[ignore = "needs an X server: run with --ignored under Xvfb"]
fn a_second_copy_on_the_same_file_is_read_only() {
    let display = Display::start();
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("Shared.ron");
    let lock = harvest::store::lock_path(&file);
    let mut first = launch(&display, dir.path(), Some(&file));
    let first_window = display.window_of(first.id(), "Shared — Harvest");
    display.type_text(&first_window, "From the first copy");
    display.key(&first_window, "Return");
    wait_for_file("the first copy's card", &file, |s| {
        has_card(s, "From the first copy")
    });
    let session_before = fingerprint(&file);
    let lock_before = fingerprint(&lock);
    assert!(
        String::from_utf8_lossy(&lock_before.0).contains(&format!("pid {}\n", first.id())),
        "the first copy holds the lock"
    );

    let mut second = launch(&display, dir.path(), Some(&file));
    let second_window = display.window_of(second.id(), "Shared — Harvest");
    display.type_text(&second_window, "From the second copy");
    display.key(&second_window, "Return");
    display.key(&second_window, "ctrl+s");
    // Ctrl+Q sent after the typing takes effect (the copy exits), so the keys before it
    // reached the window too.
    quit(&display, &mut second, &second_window);

    assert_eq!(
        fingerprint(&file),
        session_before,
        "the read-only copy wrote nothing"
    );
    assert_eq!(fingerprint(&lock), lock_before, "nor took over the lock");
    assert!(
        matches!(
            harvest::store::SessionLock::acquire(&file),
            Err(harvest::store::LockError::HeldBy { pid, .. }) if pid == first.id()
        ),
        "the first copy still holds the lock"
    );
    assert_eq!(
        harvest::store::leftover_temp_files(&file),
        Vec::<PathBuf>::new(),
        "no half-written file from the second copy"
    );

    // The first copy carries on saving as before.
    display.activate(&first_window);
    display.type_text(&first_window, "Still the first copy");
    display.key(&first_window, "Return");
    wait_for_file("the first copy's second card", &file, |s| {
        has_card(s, "Still the first copy")
    });
    quit(&display, &mut first, &first_window);
    assert_eq!(
        card_texts(&file),
        ["From the first copy", "Still the first copy"]
    );
}

#[test]
#[ignore = "needs an X server: run with --ignored under Xvfb"]
fn sigterm_saves_what_was_just_typed() {
    let display = Display::start();
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("Term.ron");
    let mut app = launch(&display, dir.path(), Some(&file));
    let window = display.window_of(app.id(), "Term — Harvest");
    let before = fingerprint(&file);
    display.type_text(&window, "Entered just before the end");
    display.key(&window, "Return");
    let status = Command::new("kill")
        .args(["-TERM", &app.id().to_string()])
        .status()
        .unwrap();
    assert!(status.success());
    let status = app.exits_within(Duration::from_secs(15));
    assert!(
        status.is_some_and(|s| s.success()),
        "SIGTERM ends the app cleanly: {status:?}"
    );
    assert_ne!(fingerprint(&file), before, "the file was written");
    assert_eq!(card_texts(&file), ["Entered just before the end"]);
}

#[test]
#[ignore = "needs an X server: run with --ignored under Xvfb"]
fn a_broken_file_opens_a_window_that_says_so_and_never_writes_it() {
    let display = Display::start();
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("Broken.ron");
    let broken = b"(format: \"harvest-session\", version: 1, session: (details: (title: 5)))";
    std::fs::write(&file, broken).unwrap();
    let before = fingerprint(&file);
    let mut app = launch(&display, dir.path(), Some(&file));
    // The title changes from the file's name to this once the file has been read.
    let window = display.window_of(app.id(), "Nothing open — Harvest");
    display.type_text(&window, "Typed anyway");
    display.key(&window, "Return");
    display.key(&window, "ctrl+s");
    quit(&display, &mut app, &window);
    assert_eq!(fingerprint(&file), before, "the file is exactly as it was");
    assert!(
        !harvest::store::lock_path(&file).exists(),
        "a file that could not be opened is not locked"
    );
    assert_eq!(
        harvest::store::leftover_temp_files(&file),
        Vec::<PathBuf>::new()
    );
}

/// The day with several laptops: two table laptops type into their copies of the event in one
/// shared folder, and a third, following the folder, has both tables' cards in its event.
#[test]
#[ignore = "needs an X server: run with --ignored under Xvfb"]
fn two_table_laptops_save_into_a_folder_that_a_third_follows() {
    use harvest::merge::{Table, table_copy};
    use harvest::model::{Group, ReplicaId};
    let display = Display::start();
    let dir = tempfile::tempdir().unwrap();
    let shared = dir.path().join("shared");
    std::fs::create_dir(&shared).unwrap();
    let mut event = Session::new("Carers forum");
    event.groups = vec![Group::new("Table 1"), Group::new("Table 2")];
    let event_file = dir.path().join("event.ron");
    harvest::store::save(&event, &event_file).unwrap();
    // Each table laptop starts on its copy, as File → New table copy… writes it.
    let mut laptops = Vec::new();
    for (n, group) in event.groups.iter().enumerate() {
        let copy = table_copy(&event, &Table::Group(group.id), ReplicaId::new());
        let file = shared.join(format!("table-{}.ron", n + 1));
        harvest::store::save(&copy, &file).unwrap();
        let home = dir.path().join(format!("laptop-{}", n + 1));
        let app = launch(&display, &home, Some(&file));
        laptops.push((app, file));
    }
    let home = dir.path().join("organiser");
    let args = [
        std::ffi::OsStr::new("--follow"),
        shared.as_os_str(),
        event_file.as_os_str(),
    ];
    let mut organiser = window_driver::launch_with(&display, &home, &args);
    let organiser_window = display.window_of(organiser.id(), "Carers forum — Harvest");

    let said = ["Late bus home", "Forms are frightening"];
    let mut windows = Vec::new();
    for ((app, file), words) in laptops.iter().zip(said) {
        let window = display.window_of(app.id(), "Carers forum — Harvest");
        // Three windows on one screen: the keys go to the one in front, as a person's would.
        display.activate(&window);
        display.type_text(&window, words);
        display.key(&window, "Return");
        wait_for_file(words, file, |s| has_card(s, words));
        windows.push(window);
    }
    wait_for_file("both tables' cards in the event", &event_file, |s| {
        said.iter().all(|words| has_card(s, words))
    });
    let merged = on_disk(&event_file).unwrap();
    for (group, words) in event.groups.iter().zip(said) {
        let card = merged.cards.iter().find(|c| c.text == words).unwrap();
        assert_eq!(card.group, group.id, "{words} is at its own table");
    }
    assert_eq!(merged.cards.len(), 2, "every card once");
    for ((app, file), window) in laptops.iter_mut().zip(&windows) {
        display.activate(window);
        quit(&display, app, window);
        assert_eq!(
            on_disk(file).unwrap().cards.len(),
            1,
            "a table file holds its own card"
        );
    }
    display.activate(&organiser_window);
    quit(&display, &mut organiser, &organiser_window);
}

/// A picture of the window's pixels now, as xwd takes it (x11-apps).
fn pixels_of(display: &Display, window: &str) -> Vec<u8> {
    let output = display
        .command("xwd")
        .args(["-silent", "-id", window])
        .output()
        .expect("xwd is installed (apt-get install x11-apps)");
    assert!(output.status.success(), "xwd -id {window}");
    output.stdout
}

#[test]
#[ignore = "needs an X server: run with --ignored under Xvfb"]
fn f5_opens_a_projector_window_that_shows_cards_as_they_are_added_and_f5_closes_it() {
    let display = Display::start();
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("Room.ron");
    let mut app = launch(&display, dir.path(), Some(&file));
    let window = display.window_of(app.id(), "Room — Harvest");
    let find_projector = || {
        let found = display.try_xdotool(&["search", "--name", "Projector"]);
        let found = String::from_utf8_lossy(&found.stdout).trim().to_owned();
        (!found.is_empty()).then_some(found)
    };

    display.key(&window, "F5");
    let mut projector = String::new();
    wait_for("the projector window", Duration::from_secs(15), || {
        find_projector().is_some_and(|w| {
            projector = w;
            true
        })
    });
    assert_eq!(display.title(&projector), "Projector — Room");
    // On top, so its pictures are its own, while the main window keeps the keyboard.
    std::thread::sleep(Duration::from_secs(4));
    display.xdotool(&["windowfocus", "--sync", &window]);
    display.xdotool(&["windowraise", &projector]);
    // It has drawn itself once the picture stops changing.
    let mut before = pixels_of(&display, &projector);
    wait_for("the projector settles", Duration::from_secs(10), || {
        std::thread::sleep(Duration::from_millis(300));
        let now = pixels_of(&display, &projector);
        std::mem::replace(&mut before, now) == before
    });

    // Words typed but not added stay off the projector; added, they appear.
    display.type_text(&window, "Choosing my own carer");
    std::thread::sleep(Duration::from_millis(800));
    assert!(
        pixels_of(&display, &projector) == before,
        "words still in the card box are not shown"
    );
    display.key(&window, "Return");
    wait_for_file("the card is saved", &file, |s| {
        has_card(s, "Choosing my own carer")
    });
    wait_for("the card on the projector", Duration::from_secs(10), || {
        pixels_of(&display, &projector) != before
    });

    display.activate(&window);
    display.key(&window, "F5");
    wait_for("the projector closes", Duration::from_secs(10), || {
        find_projector().is_none()
    });
    quit(&display, &mut app, &window);
}
