//! Real-window tests: the release binary in a private X display, driven with xdotool.
//! Ignored by a plain `cargo test` (they need Xvfb, openbox and xdotool, which `.ci/run`
//! installs); run them with `cargo test --test window -- --ignored`.
#![allow(clippy::unwrap_used, clippy::expect_used)] // Test helpers may panic: that is a failed test.

use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// The binary under test: the release build when there is one, as people run it.
fn harvest_binary() -> PathBuf {
    if let Some(path) = std::env::var_os("HARVEST_BIN") {
        return path.into();
    }
    let target = std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("target"));
    let release = target.join("release").join("harvest");
    if release.exists() {
        release
    } else {
        PathBuf::from(env!("CARGO_BIN_EXE_harvest"))
    }
}

/// A private X display with a window manager, gone when dropped.
struct Display {
    number: u32,
    servers: Vec<Child>,
}

impl Display {
    fn start() -> Display {
        let number = (150..250)
            .find(|n| !Path::new(&format!("/tmp/.X{n}-lock")).exists())
            .expect("a free display number");
        let xvfb = Command::new("Xvfb")
            .args([
                format!(":{number}"),
                "-screen".into(),
                "0".into(),
                "1280x800x24".into(),
                "-nolisten".into(),
                "tcp".into(),
            ])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("Xvfb is installed (apt-get install xvfb)");
        let mut display = Display {
            number,
            servers: vec![xvfb],
        };
        wait_for(Duration::from_secs(10), || {
            Path::new(&format!("/tmp/.X11-unix/X{number}")).exists()
        });
        if let Ok(openbox) = display
            .command("openbox")
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
        {
            display.servers.push(openbox);
        }
        std::thread::sleep(Duration::from_millis(500));
        display
    }

    fn command(&self, program: impl AsRef<std::ffi::OsStr>) -> Command {
        let mut command = Command::new(program);
        command.env("DISPLAY", format!(":{}", self.number));
        command
    }

    fn xdotool(&self, args: &[&str]) -> String {
        let output = self
            .command("xdotool")
            .args(args)
            .output()
            .expect("xdotool is installed");
        String::from_utf8_lossy(&output.stdout).trim().to_owned()
    }

    /// Waits for a visible window of `pid` and gives it the keyboard.
    fn window_of(&self, pid: u32) -> String {
        let mut window = String::new();
        wait_for(Duration::from_secs(30), || {
            window = self.xdotool(&["search", "--onlyvisible", "--pid", &pid.to_string()]);
            !window.is_empty()
        });
        let window = window.lines().last().unwrap().to_owned();
        self.xdotool(&["windowactivate", "--sync", &window]);
        std::thread::sleep(Duration::from_millis(800));
        window
    }

    fn type_text(&self, window: &str, text: &str) {
        self.xdotool(&["type", "--window", window, "--delay", "20", text]);
    }

    fn key(&self, window: &str, keys: &str) {
        self.xdotool(&["key", "--window", window, keys]);
        std::thread::sleep(Duration::from_millis(150));
    }
}

impl Drop for Display {
    fn drop(&mut self) {
        for server in self.servers.iter_mut().rev() {
            let _ = server.kill();
            let _ = server.wait();
        }
    }
}

fn wait_for(limit: Duration, mut done: impl FnMut() -> bool) {
    let start = Instant::now();
    while !done() {
        assert!(start.elapsed() < limit, "gave up waiting after {limit:?}");
        std::thread::sleep(Duration::from_millis(100));
    }
}

/// Starts Harvest on `file` with its data folder inside `dir`.
fn launch(display: &Display, dir: &Path, file: &Path) -> Child {
    display
        .command(harvest_binary())
        .arg(file)
        .env("HARVEST_DATA_DIR", dir.join("data"))
        .env("XDG_CONFIG_HOME", dir.join("config"))
        .env("XDG_DATA_HOME", dir.join("share"))
        .spawn()
        .expect("harvest starts")
}

#[test]
#[ignore = "needs an X server: run with --ignored under Xvfb"]
fn the_window_opens_on_the_sample_and_closes_cleanly() {
    let display = Display::start();
    let dir = tempfile::tempdir().unwrap();
    let mut app = display
        .command(harvest_binary())
        .env("HARVEST_DATA_DIR", dir.path().join("data"))
        .env("XDG_CONFIG_HOME", dir.path().join("config"))
        .env("XDG_DATA_HOME", dir.path().join("share"))
        .spawn()
        .unwrap();
    let window = display.window_of(app.id());
    let title = display.xdotool(&["getwindowname", &window]);
    assert!(
        title.contains("Sample workshop"),
        "the first run opens the sample: {title}"
    );
    display.key(&window, "ctrl+q");
    let start = Instant::now();
    let status = loop {
        if let Some(status) = app.try_wait().unwrap() {
            break status;
        }
        assert!(
            start.elapsed() < Duration::from_secs(15),
            "Ctrl+Q closes the window"
        );
        std::thread::sleep(Duration::from_millis(100));
    };
    assert!(status.success(), "exits cleanly: {status}");
    let copy = dir.path().join("data").join("Sample workshop.ron");
    assert!(copy.exists(), "the sample was copied into the data folder");
}

#[test]
#[ignore = "needs an X server: run with --ignored under Xvfb"]
fn typed_cards_are_in_the_file_a_moment_later_even_after_a_kill() {
    let display = Display::start();
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("Live capture.ron");
    let mut app = launch(&display, dir.path(), &file);
    let window = display.window_of(app.id());

    let cards = [
        ("ctrl+1", "People choose their own staff"),
        ("ctrl+1", "Support officer answers the phone"),
        ("ctrl+2", "Payroll forms are frightening"),
        ("ctrl+3", "A free payroll service"),
    ];
    for (category, text) in cards {
        display.key(&window, category);
        display.type_text(&window, text);
        display.key(&window, "Return");
    }
    // A second group, named from the keyboard, with a card of its own.
    display.key(&window, "ctrl+g");
    display.type_text(&window, "Carers table");
    display.key(&window, "Return");
    display.key(&window, "ctrl+1");
    display.type_text(&window, "Breaks for carers");
    display.key(&window, "Return");

    std::thread::sleep(Duration::from_secs(2));
    app.kill().unwrap();
    app.wait().unwrap();

    let session = harvest::store::load(&file).expect("the file is complete and valid");
    for (_, text) in cards {
        assert!(
            session.cards.iter().any(|c| c.text == text),
            "{text:?} was saved"
        );
    }
    let carers = session
        .groups
        .iter()
        .find(|g| g.name == "Carers table")
        .expect("the group was saved");
    let card = session
        .cards
        .iter()
        .find(|c| c.text == "Breaks for carers")
        .unwrap();
    assert_eq!(card.group, carers.id);
}

/// Waits for the process to end by itself; false if it did not within `limit`.
fn exits_within(app: &mut Child, limit: Duration) -> bool {
    let start = Instant::now();
    while start.elapsed() < limit {
        if app.try_wait().unwrap().is_some() {
            return true;
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    false
}

fn card_texts(file: &Path) -> Vec<String> {
    let session = harvest::store::load(file).expect("the file is complete and valid");
    session.cards.into_iter().map(|c| c.text).collect()
}

#[test]
#[ignore = "needs an X server: run with --ignored under Xvfb"]
fn after_a_kill_the_next_launch_has_every_saved_card_and_can_edit() {
    let display = Display::start();
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("Crash.ron");
    let mut app = launch(&display, dir.path(), &file);
    let window = display.window_of(app.id());
    for n in 1..=6 {
        display.type_text(&window, &format!("Card number {n}"));
        display.key(&window, "Return");
    }
    std::thread::sleep(Duration::from_secs(2));
    display.type_text(&window, "half typed");
    app.kill().unwrap();
    app.wait().unwrap();
    let saved = card_texts(&file);
    assert_eq!(
        saved,
        (1..=6)
            .map(|n| format!("Card number {n}"))
            .collect::<Vec<_>>(),
        "every entered card, in order"
    );

    // The next launch takes over the crashed run's lock and can edit.
    let mut again = launch(&display, dir.path(), &file);
    let window = display.window_of(again.id());
    display.type_text(&window, "After the crash");
    display.key(&window, "Return");
    display.key(&window, "ctrl+q");
    assert!(
        exits_within(&mut again, Duration::from_secs(15)),
        "Ctrl+Q closes"
    );
    assert_eq!(
        card_texts(&file).last().map(String::as_str),
        Some("After the crash")
    );
    assert!(
        !harvest::store::lock_path(&file).exists(),
        "a clean exit leaves no lock behind"
    );
}

#[test]
#[ignore = "needs an X server: run with --ignored under Xvfb"]
fn a_second_copy_on_the_same_file_is_read_only() {
    let display = Display::start();
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("Shared.ron");
    let mut first = launch(&display, dir.path(), &file);
    let first_window = display.window_of(first.id());
    display.type_text(&first_window, "From the first copy");
    display.key(&first_window, "Return");

    let mut second = launch(&display, dir.path(), &file);
    let second_window = display.window_of(second.id());
    display.type_text(&second_window, "From the second copy");
    display.key(&second_window, "Return");
    display.key(&second_window, "ctrl+q");
    assert!(exits_within(&mut second, Duration::from_secs(15)));

    display.xdotool(&["windowactivate", "--sync", &first_window]);
    display.key(&first_window, "ctrl+q");
    assert!(exits_within(&mut first, Duration::from_secs(15)));
    assert_eq!(
        card_texts(&file),
        ["From the first copy"],
        "the read-only copy wrote nothing"
    );
}

#[test]
#[ignore = "needs an X server: run with --ignored under Xvfb"]
fn sigterm_saves_what_was_just_typed() {
    let display = Display::start();
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("Term.ron");
    let mut app = launch(&display, dir.path(), &file);
    let window = display.window_of(app.id());
    display.type_text(&window, "Entered just before the end");
    display.key(&window, "Return");
    let status = Command::new("kill")
        .args(["-TERM", &app.id().to_string()])
        .status()
        .unwrap();
    assert!(status.success());
    assert!(
        exits_within(&mut app, Duration::from_secs(15)),
        "SIGTERM ends the app"
    );
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
    let mut app = launch(&display, dir.path(), &file);
    let window = display.window_of(app.id());
    assert_eq!(
        display.xdotool(&["getwindowname", &window]),
        "Nothing open — Harvest"
    );
    display.type_text(&window, "Typed anyway");
    display.key(&window, "Return");
    display.key(&window, "ctrl+s");
    display.key(&window, "ctrl+q");
    assert!(exits_within(&mut app, Duration::from_secs(15)));
    assert_eq!(
        std::fs::read(&file).unwrap(),
        broken,
        "the file is exactly as it was"
    );
}
