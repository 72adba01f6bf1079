//! What a screen reader (Orca) is told about the real window, through AT-SPI: the release
//! binary in a private X display and a private D-Bus session bus with the accessibility bus on
//! it and accessibility turned on, driven with xdotool, read with pyatspi
//! (`tests/window_driver/atspi.py`, run by the system python).
//!
//! Ignored by a plain `cargo test`; `.ci/run` installs Xvfb, openbox, xdotool, at-spi2-core,
//! dbus and python3-pyatspi and runs it with
//! `cargo test --test window_accessibility -- --ignored --test-threads=1`.
//!
//! The bus (`window_driver::AccessibilityBus`): `dbus-daemon --session --nofork`, then
//! `at-spi-bus-launcher --launch-immediately --a11y=1` on it (which starts the accessibility
//! bus and, on demand, at-spi2-registryd), then `org.a11y.Status.IsEnabled` set to true with
//! dbus-send: AccessKit publishes the tree only while that property is true, and the app is
//! started after it is. No gsettings or dconf are needed.
//!
//! AccessKit gives a live region no `live` or `container-live` object attribute on AT-SPI: it
//! sends an `object:announcement` event (detail1 is the politeness, 1 for polite) with the text
//! when the region is added with a name or its name changes, and Orca speaks that. So the
//! announcement is checked twice: the object's name, and the event.
//!
//! The issue: a facilitator who uses a screen reader can capture a whole table. Every check
//! runs even when one before it failed, and the failure lists each check that failed with what
//! the accessibility tree had instead.
#![allow(clippy::unwrap_used, clippy::expect_used)] // Test helpers may panic: that is a failed test.

mod window_driver;

use std::io::{BufRead, BufReader, Read};
use std::path::Path;
use std::process::Stdio;
use std::time::{Duration, Instant};
use window_driver::{AccessibilityBus, Display, Running, launch_accessible, quit, wait_for};

const TITLE: &str = "Sample workshop: Personal budgets in social care — Harvest";
const CARD: &str = "Wheelchair taxis never come on time";
/// What the card box says once the card is in: its category, its group and its first words.
const ANNOUNCED: &str = "Added to Good, Table 1: Wheelchair taxis never";
/// The File menu's entries, as its menu says them (a shortcut may follow).
const FILE_MENU: [&str; 11] = [
    "New session…",
    "Open…",
    "Open recent",
    "Merge in…",
    "Follow a shared folder…",
    "New table copy…",
    "Save",
    "Save as…",
    "Restore a previous version…",
    "Export…",
    "Quit",
];

/// One accessible object of Harvest's window, as `atspi.py tree` prints it.
#[derive(Clone, Debug)]
struct Node {
    depth: usize,
    role: String,
    name: String,
    states: Vec<String>,
    attributes: Vec<String>,
    text: String,
}

impl Node {
    fn parse(line: &str) -> Node {
        let mut fields = line.split('\t');
        let mut next = || fields.next().unwrap_or_default().to_owned();
        let list = |s: String| -> Vec<String> {
            s.split(',')
                .filter(|s| !s.is_empty())
                .map(str::to_owned)
                .collect()
        };
        Node {
            depth: next()
                .parse()
                .unwrap_or_else(|_| panic!("a tree line: {line:?}")),
            role: next(),
            name: next(),
            states: list(next()),
            attributes: list(next()),
            text: next(),
        }
    }

    fn has(&self, state: &str) -> bool {
        self.states.iter().any(|s| s == state)
    }

    /// How a failure message shows it: role, name, the states that matter here, attributes.
    fn show(&self) -> String {
        let states: Vec<&str> = (self.states.iter().map(String::as_str))
            .filter(|s| ["checked", "selected", "focused", "pressed", "expanded"].contains(s))
            .collect();
        let mut shown = format!("[{}] {:?} {:?}", self.role, self.name, states);
        if !self.attributes.is_empty() {
            shown += &format!(" attributes {:?}", self.attributes);
        }
        if !self.text.is_empty() {
            shown += &format!(" text {:?}", self.text);
        }
        shown
    }
}

fn show_all(nodes: &[&Node]) -> String {
    if nodes.is_empty() {
        return "nothing".to_owned();
    }
    let shown: Vec<String> = nodes.iter().map(|n| n.show()).collect();
    shown.join("; ")
}

/// Harvest's window as AT-SPI has it now: the frame first, then everything in it.
fn tree(bus: &AccessibilityBus) -> Vec<Node> {
    let output = bus
        .atspi()
        .args(["--timeout", "15", "tree"])
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "atspi.py tree: {}",
        String::from_utf8_lossy(&output.stderr).trim()
    );
    let nodes: Vec<Node> = (String::from_utf8_lossy(&output.stdout).lines())
        .filter(|l| !l.is_empty())
        .map(Node::parse)
        .collect();
    assert!(
        nodes.first().is_some_and(|n| n.depth == 0),
        "the tree starts with the frame"
    );
    nodes
}

/// Checks the tree until `check` passes or `limit` is up; the last answer.
fn within(
    bus: &AccessibilityBus,
    limit: Duration,
    check: impl Fn(&[Node]) -> Result<(), String>,
) -> Result<(), String> {
    let start = Instant::now();
    loop {
        let answer = check(&tree(bus));
        if answer.is_ok() || start.elapsed() > limit {
            return answer;
        }
        std::thread::sleep(Duration::from_millis(200));
    }
}

/// `name` is the category or group `label` itself, perhaps with a count after it
/// ("Not so good  3/3", "Table 1: 8 cards"), not a card in it ("Not so good: Forms…").
fn names(name: &str, label: &str) -> bool {
    name == label
        || name
            .strip_prefix(label)
            .is_some_and(|rest| rest.starts_with(' ') || rest.starts_with(", "))
        || name
            .strip_prefix(label)
            .and_then(|rest| rest.strip_prefix(':'))
            .is_some_and(|rest| !rest.trim().is_empty() && rest.trim().ends_with("cards"))
}

/// A menu entry's name without the shortcut after it: "Save as… Ctrl+Shift+S" is "Save as…".
fn without_shortcut(name: &str) -> &str {
    let name = name.trim();
    match name.rsplit_once(' ') {
        Some((head, last))
            if ["Ctrl+", "Alt+", "Shift+"]
                .iter()
                .any(|m| last.starts_with(m))
                || (last.len() <= 3
                    && last.starts_with('F')
                    && last[1..].chars().all(|c| c.is_ascii_digit())
                    && last.len() > 1) =>
        {
            head.trim_end().trim_end_matches(',')
        }
        _ => name,
    }
}

/// Where "1 votes" is said: a count of one with the plural.
fn says_one_votes(text: &str) -> bool {
    text.match_indices("1 votes").any(|(at, _)| {
        !text[..at]
            .chars()
            .next_back()
            .is_some_and(|c| c.is_ascii_digit())
    })
}

fn no_one_votes(nodes: &[Node]) -> Result<(), String> {
    let wrong: Vec<&Node> = (nodes.iter())
        .filter(|n| says_one_votes(&n.name) || says_one_votes(&n.text))
        .collect();
    if wrong.is_empty() {
        Ok(())
    } else {
        Err(format!("said \"1 votes\": {}", show_all(&wrong)))
    }
}

fn the_frame_is_named_the_title(nodes: &[Node]) -> Result<(), String> {
    let frame = &nodes[0];
    if frame.role == "frame" && frame.name == TITLE {
        Ok(())
    } else {
        Err(format!("the frame is {}", frame.show()))
    }
}

fn the_card_is_announced(nodes: &[Node]) -> Result<(), String> {
    if (nodes.iter()).any(|n| n.name.starts_with(ANNOUNCED) || n.text.starts_with(ANNOUNCED)) {
        return Ok(());
    }
    let near: Vec<&Node> = (nodes.iter())
        .filter(|n| {
            n.name.starts_with("Added")
                || n.text.starts_with("Added")
                || n.name.contains(CARD)
                || n.attributes.iter().any(|a| a.contains("live"))
        })
        .collect();
    Err(format!(
        "no object whose name or text starts {ANNOUNCED:?}; objects saying \"Added…\", the \
         card or live: {}",
        show_all(&near)
    ))
}

fn not_so_good_is_the_checked_radio_button(nodes: &[Node]) -> Result<(), String> {
    let radio =
        |label: &str| (nodes.iter()).find(|n| n.role == "radio button" && names(&n.name, label));
    let not_so_good = radio("Not so good");
    let good = radio("Good");
    if not_so_good.is_some_and(|n| n.has("checked")) && good.is_some_and(|n| !n.has("checked")) {
        return Ok(());
    }
    let categories: Vec<&Node> = (nodes.iter())
        .filter(|n| {
            n.role == "radio button"
                || ["Good", "Not so good", "What would make a difference"]
                    .iter()
                    .any(|c| names(&n.name, c) && n.role != "label")
        })
        .collect();
    Err(format!(
        "wanted radio buttons \"Not so good\" checked and \"Good\" not; the categories are: {}",
        show_all(&categories)
    ))
}

fn table_1_is_the_selected_group(nodes: &[Node]) -> Result<(), String> {
    let group = |label: &str| {
        (nodes.iter())
            .find(|n| (n.role == "list item" || n.role == "page tab") && names(&n.name, label))
    };
    if group("Table 1").is_some_and(|n| n.has("selected"))
        && group("Table 2").is_some_and(|n| !n.has("selected"))
    {
        return Ok(());
    }
    let groups: Vec<&Node> = (nodes.iter())
        .filter(|n| {
            ((names(&n.name, "Table 1") || names(&n.name, "Table 2")) && n.role != "label")
                || n.role == "list item"
                || n.role == "page tab"
        })
        .collect();
    Err(format!(
        "wanted list items (or page tabs) \"Table 1\" selected and \"Table 2\" not; found: {}",
        show_all(&groups)
    ))
}

fn the_file_menu_has_menu_items(nodes: &[Node]) -> Result<(), String> {
    let entry = |label: &str| (nodes.iter()).find(|n| without_shortcut(&n.name) == label);
    let mut wrong = Vec::new();
    let mut missing = Vec::new();
    for label in FILE_MENU {
        match entry(label) {
            None => missing.push(label),
            Some(n) if n.role == "menu item" => {}
            // A submenu's entry may be a menu itself.
            Some(n) if label == "Open recent" && n.role == "menu" => {}
            Some(n) => wrong.push(n),
        }
    }
    if wrong.is_empty() && missing.is_empty() {
        return Ok(());
    }
    let found: Vec<&Node> = FILE_MENU.iter().filter_map(|l| entry(l)).collect();
    Err(format!(
        "wanted each File menu entry with role \"menu item\"; not menu items: {}; missing: \
         {missing:?}; the entries found: {}",
        show_all(&wrong),
        show_all(&found)
    ))
}

/// The announcements AT-SPI carries (`object:announcement`, what Orca speaks for a live
/// region) from now on, waiting for one starting `prefix`.
struct Listener(Running);

impl Listener {
    fn start(bus: &AccessibilityBus, prefix: &str) -> Listener {
        let mut child = Running(
            bus.atspi()
                .args(["--timeout", "10", "watch-announcement", prefix])
                .stdout(Stdio::piped())
                .stderr(Stdio::piped())
                .spawn()
                .unwrap(),
        );
        let mut line = String::new();
        BufReader::new(child.0.stdout.as_mut().unwrap())
            .read_line(&mut line)
            .unwrap();
        assert_eq!(
            line.trim(),
            "listening",
            "atspi.py watch-announcement starts"
        );
        Listener(child)
    }

    /// Ok once it heard `prefix`, or what it heard instead.
    fn heard(mut self) -> Result<(), String> {
        let status = self.0.exits_within(Duration::from_secs(20));
        let mut out = String::new();
        let mut err = String::new();
        if let Some(stdout) = self.0.0.stdout.as_mut() {
            let _ = stdout.read_to_string(&mut out);
        }
        if let Some(stderr) = self.0.0.stderr.as_mut() {
            let _ = stderr.read_to_string(&mut err);
        }
        match status {
            Some(s) if s.success() => Ok(()),
            _ => Err(format!("{} {}", err.trim(), out.trim())),
        }
    }
}

fn card_is_saved(file: &Path, text: &str) -> bool {
    harvest::store::load(file).is_ok_and(|s| s.cards.iter().any(|c| c.text == text))
}

#[test]
#[ignore = "needs an X server and the AT-SPI bus: run with --ignored under Xvfb"]
fn a_screen_reader_can_capture_a_whole_table() {
    let display = Display::start();
    let bus = AccessibilityBus::start(&display);
    let dir = tempfile::tempdir().unwrap();
    // The first run opens the sample: Good, Table 1.
    let mut app = launch_accessible(&display, &bus, dir.path(), &[]);
    let window = display.window_of(app.id(), TITLE);
    let file = dir.path().join("data").join("Sample workshop.ron");
    let limit = Duration::from_secs(5);
    let mut failures: Vec<String> = Vec::new();
    let mut passed: Vec<&str> = Vec::new();
    let mut record = |what: &'static str, result: Result<(), String>| match result {
        Ok(()) => passed.push(what),
        Err(found) => failures.push(format!("{what}: {found}")),
    };

    record(
        "1. the frame is named the window title",
        within(&bus, limit, the_frame_is_named_the_title),
    );
    record(
        "6. nothing says \"1 votes\" (on opening)",
        within(&bus, Duration::ZERO, no_one_votes),
    );

    // 2. A card typed and entered is said: category, group and first words, in a live region.
    let listener = Listener::start(&bus, ANNOUNCED);
    display.type_text(&window, CARD);
    display.key(&window, "Return");
    wait_for("the card is saved", Duration::from_secs(15), || {
        card_is_saved(&file, CARD)
    });
    record(
        "2a. an object is named (or has the text) \"Added to Good, Table 1: …\"",
        within(&bus, limit, the_card_is_announced),
    );
    record(
        "2b. AT-SPI carried a polite object:announcement \"Added to Good, Table 1: …\" (a live region)",
        listener.heard(),
    );

    // 3. Ctrl+2: the category radio buttons follow.
    display.key(&window, "ctrl+2");
    record(
        "3. after Ctrl+2 \"Not so good\" is the checked radio button",
        within(&bus, limit, not_so_good_is_the_checked_radio_button),
    );

    // 4. The groups are a list with the current one selected.
    record(
        "4. the groups are list items, \"Table 1\" selected",
        within(&bus, limit, table_1_is_the_selected_group),
    );

    // 5. The File menu, opened with a click on it, is made of menu items.
    let file_menu = bus
        .atspi()
        .args(["--timeout", "5", "center", "File"])
        .output()
        .unwrap();
    let at = String::from_utf8_lossy(&file_menu.stdout).trim().to_owned();
    let result = match at.split_once(' ') {
        Some((x, y)) if file_menu.status.success() => {
            display.xdotool(&["mousemove", "--window", &window, x, y, "click", "1"]);
            within(&bus, limit, the_file_menu_has_menu_items)
        }
        _ => Err(format!(
            "no \"File\" to click: {}",
            String::from_utf8_lossy(&file_menu.stderr).trim()
        )),
    };
    record("5. the File menu's entries are menu items", result);
    display.key(&window, "Escape");

    record(
        "6. nothing says \"1 votes\" (at the end)",
        within(&bus, Duration::ZERO, no_one_votes),
    );

    quit(&display, &mut app, &window);
    assert!(
        failures.is_empty(),
        "{} of the checks failed:\n{}\npassed: {passed:?}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn names_and_shortcuts_are_read_as_a_screen_reader_user_hears_them() {
    assert!(names("Not so good", "Not so good"));
    assert!(names("Not so good  3/3", "Not so good"));
    assert!(names("Table 1: 8 cards", "Table 1"));
    assert!(!names(
        "Not so good: Forms are long, 2 votes",
        "Not so good"
    ));
    assert!(!names("Table 10", "Table 1"));
    assert!(!names("Good", "Not so good"));
    assert_eq!(without_shortcut("Save as… Ctrl+Shift+S"), "Save as…");
    assert_eq!(without_shortcut("Save Ctrl+S"), "Save");
    assert_eq!(without_shortcut("Open recent"), "Open recent");
    assert_eq!(
        without_shortcut("Keyboard shortcuts F1"),
        "Keyboard shortcuts"
    );
    assert!(says_one_votes("Good: Choosing, 1 votes"));
    assert!(!says_one_votes("Good: Choosing, 11 votes"));
    assert!(!says_one_votes("Good: Choosing, 1 vote"));
}
