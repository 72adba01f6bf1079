//! Running the room, driven through the real app with egui_kittest: the phase timer against
//! a clock the test moves, the agenda in the session details dialog, and the projector.
#![allow(clippy::unwrap_used, clippy::expect_used)] // Test helpers may panic: that is a failed test.

use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::{By, NodeT, Queryable};
use harvest::document::Document;
use harvest::model::{Category, Session};
use harvest::ui::{Clock, HarvestApp, projector_title};
use jiff::{SignedDuration, Timestamp};
use std::sync::{Arc, Mutex};
use std::time::Duration;

mod common;
use common::{press, type_text};

const CTRL_SHIFT: Modifiers = Modifiers::COMMAND.plus(Modifiers::SHIFT);

/// The app with a clock that moves only when the test says.
struct Room {
    harness: Harness<'static, HarvestApp>,
    now: Arc<Mutex<Timestamp>>,
}

impl Room {
    fn new(session: Session) -> Self {
        let now = Arc::new(Mutex::new(
            Timestamp::UNIX_EPOCH + SignedDuration::from_secs(1_800_000_000),
        ));
        let document = Document::new(session, std::env::temp_dir().join("harvest-room-test.ron"));
        // Tall enough that the projector, embedded here as a window, leaves the status bar clear.
        let mut harness = Harness::builder()
            .with_size([1400.0, 1300.0])
            .build_eframe(move |_cc| HarvestApp::headless(document));
        let clock = Arc::clone(&now);
        harness
            .state_mut()
            .set_clock(Clock::new(move || *clock.lock().unwrap()));
        harness.run();
        Self { harness, now }
    }

    fn wait(&mut self, seconds: i64) {
        *self.now.lock().unwrap() += SignedDuration::from_secs(seconds);
        self.harness.run();
    }

    fn press(&mut self, modifiers: Modifiers, key: Key) {
        press(&mut self.harness, modifiers, key);
    }

    fn add_card(&mut self, text: &str) {
        type_text(&mut self.harness, text);
        self.press(Modifiers::NONE, Key::Enter);
    }

    /// Whether the window shows `text` (the timer row, and perhaps the announcement of it).
    fn shows(&self, text: &str) -> bool {
        self.harness.query_all_by_label(text).next().is_some()
    }

    fn repaint_delay(&self) -> Duration {
        self.harness.output().viewport_output[&egui::ViewportId::ROOT].repaint_delay
    }

    fn session(&self) -> &Session {
        self.harness.state().session()
    }
}

#[test]
fn ctrl_t_starts_the_first_phase_counts_down_and_pauses_without_the_paused_time() {
    let mut room = Room::new(Session::new("Timer"));
    assert!(room.shows("Phase timer: Good first, 10 min"));
    assert_eq!(room.repaint_delay(), Duration::MAX, "idle: no repaint");

    room.press(Modifiers::COMMAND, Key::T);
    assert!(room.shows("Good: 10:00 left"));
    assert!(
        room.repaint_delay() <= Duration::from_secs(1),
        "once a second"
    );
    room.wait(90);
    assert!(room.shows("Good: 8:30 left"));

    room.press(Modifiers::COMMAND, Key::T);
    assert!(room.shows("Good: paused, 8:30 left"));
    assert_eq!(room.repaint_delay(), Duration::MAX, "paused: no repaint");
    room.wait(600);
    assert!(
        room.shows("Good: paused, 8:30 left"),
        "a pause is not counted"
    );

    room.press(Modifiers::COMMAND, Key::T);
    room.wait(8 * 60 + 30 - 120);
    assert!(room.shows("Good: 2:00 left"));
    room.wait(162);
    assert!(room.shows("Good: time is up, 0:42 over"));
}

#[test]
fn next_phase_makes_its_category_current_and_typing_goes_on_meanwhile() {
    let mut room = Room::new(Session::new("Timer"));
    // Words half typed when the facilitator moves the room on, with a stray Escape.
    type_text(&mut room.harness, "Direct payments ");
    room.press(Modifiers::COMMAND, Key::T);
    room.wait(600);
    room.press(CTRL_SHIFT, Key::T);
    assert!(room.shows("Not so good: 10:00 left"));
    room.press(Modifiers::NONE, Key::Escape);
    room.add_card("arrive late");
    let card = room.session().cards.last().unwrap();
    assert_eq!(card.text, "Direct payments arrive late");
    assert_eq!(card.category, Category::NotSoGood);

    // +1 min, from its key and from its button.
    room.press(Modifiers::COMMAND, Key::M);
    room.harness.get_by_label("+1 min").click();
    room.harness.run();
    assert!(room.shows("Not so good: 12:00 left"));

    room.wait(60);
    room.press(CTRL_SHIFT, Key::T);
    assert!(room.shows("What would make a difference: 20:00 left"));
    room.add_card("A named worker");
    assert_eq!(
        room.session().cards.last().unwrap().category,
        Category::MakeADifference
    );
    room.wait(12 * 60);
    room.press(CTRL_SHIFT, Key::T);
    assert!(room.shows("Agenda done: 23 min spent of 40 planned"));
    assert_eq!(room.repaint_delay(), Duration::MAX);
}

#[test]
fn undo_takes_back_cards_but_never_the_time_the_room_took() {
    let mut room = Room::new(Session::new("Timer"));
    room.press(Modifiers::COMMAND, Key::T);
    room.wait(60);
    room.add_card("Kept waiting");
    room.press(Modifiers::COMMAND, Key::T);
    room.press(Modifiers::COMMAND, Key::Z);
    assert!(room.session().cards.is_empty(), "the card is undone");
    assert!(room.shows("Good: paused, 9:00 left"), "the pause is not");
}

#[test]
fn the_summary_shows_planned_and_spent_minutes() {
    let mut room = Room::new(Session::new("Timer"));
    room.press(Modifiers::COMMAND, Key::T);
    room.wait(11 * 60);
    room.press(CTRL_SHIFT, Key::T);
    room.wait(8 * 60 + 40);
    room.press(Modifiers::COMMAND, Key::T);
    room.press(Modifiers::COMMAND, Key::F4);
    // The preview is built on a helper thread; it gives each phase a line.
    common::run_until(&mut room.harness, |h| {
        h.query_all_by_label_contains("Agenda: ").next().is_some()
    });
    for line in [
        "Agenda: Good: 10 min planned, 11 min spent",
        "Agenda: Not so good: 10 min planned, 9 min spent",
        "Agenda: What would make a difference: 20 min planned, 0 min spent",
    ] {
        assert!(room.shows(line), "{line}");
    }
}

#[test]
fn the_agenda_is_edited_in_the_session_details_and_undone_in_one_step() {
    let mut room = Room::new(Session::new("Agenda"));
    room.press(Modifiers::COMMAND, Key::D);
    let name = room.harness.get_by_label("Phase 3 name");
    name.focus();
    room.harness.run();
    room.press(Modifiers::COMMAND, Key::A);
    type_text(&mut room.harness, "Ideas");
    room.harness.get_by_label("Add a phase").click();
    room.harness.run();
    room.harness.get_by_label("Phase 4 name").focus();
    room.harness.run();
    room.press(Modifiers::COMMAND, Key::A);
    type_text(&mut room.harness, "Steering group sign-up");
    // The new phase goes before the ideas, then the first is removed.
    room.harness.get_all_by_label("Up").last().unwrap().click();
    room.harness.run();
    room.harness
        .get_all_by_label("Remove")
        .next()
        .unwrap()
        .click();
    room.harness.run();
    room.harness.get_by_label("Apply").click();
    room.harness.run();
    let names = |room: &Room| -> Vec<String> {
        (room.session().details.agenda.iter())
            .map(|p| p.name.clone())
            .collect()
    };
    assert_eq!(
        names(&room),
        ["Not so good", "Steering group sign-up", "Ideas"]
    );

    // A phase with no name is not applied.
    room.press(Modifiers::COMMAND, Key::D);
    room.harness.get_by_label("Phase 1 name").focus();
    room.harness.run();
    room.press(Modifiers::COMMAND, Key::A);
    room.press(Modifiers::NONE, Key::Backspace);
    assert!(room.shows("Every phase needs a name."));
    assert!(
        room.harness
            .get_by_label("Apply")
            .accesskit_node()
            .is_disabled()
    );
    // Cancel after typing asks first; Discard lets the change go.
    room.harness.get_by_label("Cancel").click();
    room.harness.run();
    assert!(room.shows("Discard your changes?"));
    room.harness.get_by_label("Discard").click();
    room.harness.run();
    assert!(!room.shows("Discard your changes?"));

    room.press(Modifiers::COMMAND, Key::Z);
    assert_eq!(
        names(&room),
        ["Good", "Not so good", "What would make a difference"]
    );
}

/// The projector window's content, embedded in the test's one window.
fn projector_text(room: &Room) -> Option<String> {
    let region = room.harness.query_by_label("Projector")?;
    let mut words = Vec::new();
    for node in region.query_all(By::new().predicate(|_| true).include_labels()) {
        words.extend(node.accesskit_node().label());
        words.extend(node.accesskit_node().value());
    }
    Some(words.join("\n"))
}

#[test]
fn f5_shows_the_current_group_to_the_room_and_nothing_typed_but_not_added() {
    let mut room = Room::new(common::sample_session());
    assert_eq!(projector_text(&room), None);
    room.press(Modifiers::NONE, Key::F5);
    let title = projector_title(room.session());
    assert!(room.shows(&title), "the window is titled {title}");
    let shown = projector_text(&room).unwrap();
    assert!(shown.contains("Table 1"), "{shown}");
    assert!(
        !shown.contains("Mostly people who use direct payments"),
        "no group notes"
    );
    assert!(!shown.contains("Service users"), "no participant mix");

    type_text(&mut room.harness, "The money arrives on time");
    assert!(!projector_text(&room).unwrap().contains("The money arrives"));
    room.press(Modifiers::NONE, Key::Enter);
    assert!(
        projector_text(&room)
            .unwrap()
            .contains("The money arrives on time")
    );

    // The timer shows in both windows (the sample's Good already ran 13 min 5 s of 13).
    room.press(Modifiers::COMMAND, Key::T);
    let over = "Good: time is up, 0:05 over";
    assert!(projector_text(&room).unwrap().contains(over));
    assert_eq!(room.harness.get_all_by_label(over).count(), 2);

    // Hide words, for a sensitive moment: counts, no card text.
    room.press(Modifiers::COMMAND, Key::H);
    let hidden = projector_text(&room).unwrap();
    assert!(!hidden.contains("The money arrives on time"), "{hidden}");
    assert!(
        hidden.contains("4 of 3"),
        "Table 1's good cards counted: {hidden}"
    );
    room.press(Modifiers::COMMAND, Key::H);

    room.press(Modifiers::NONE, Key::F5);
    assert_eq!(projector_text(&room), None, "F5 again closes it");
}

#[test]
fn the_projector_shows_every_groups_counts_a_theme_or_one_key_quote_at_a_time() {
    let mut room = Room::new(common::sample_session());
    room.press(Modifiers::NONE, Key::F5);

    room.harness.get_by_label("Every group's counts").click();
    room.harness.run();
    let counts = projector_text(&room).unwrap();
    assert!(counts.contains("Every group"), "{counts}");
    for group in &room.session().groups {
        assert!(counts.contains(&group.name), "{counts}");
    }
    let card = &room.session().cards[0].text;
    assert!(!counts.contains(card.as_str()));

    room.harness.get_by_label("A theme").click();
    room.harness.run();
    let session = room.session();
    let theme = &session.themes[0];
    let in_theme = session.cards.iter().find(|c| c.themes.contains(&theme.id));
    let outside = session.cards.iter().find(|c| c.themes.is_empty());
    let (in_theme, outside) = (
        in_theme.unwrap().text.clone(),
        outside.unwrap().text.clone(),
    );
    let shown = projector_text(&room).unwrap();
    assert!(
        shown.contains(&theme.name) && shown.contains(&in_theme),
        "{shown}"
    );
    assert!(!shown.contains(&outside), "{shown}");

    room.harness.get_by_label("Key quotes").click();
    room.harness.run();
    let starred: Vec<String> = (room.session().cards.iter())
        .filter(|c| c.starred)
        .map(|c| c.text.trim().to_owned())
        .collect();
    assert!(starred.len() >= 2);
    let first = projector_text(&room).unwrap();
    assert!(
        first.contains(&starred[0]) && !first.contains(&starred[1]),
        "{first}"
    );
    room.harness.get_by_label("Next quote").click();
    room.harness.run();
    let second = projector_text(&room).unwrap();
    assert!(
        second.contains(&starred[1]) && !second.contains(&starred[0]),
        "{second}"
    );
    room.press(Modifiers::COMMAND, Key::H);
    assert!(!projector_text(&room).unwrap().contains(&starred[1]));
}
