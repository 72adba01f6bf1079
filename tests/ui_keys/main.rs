//! The keyboard traps of live capture, pressed as a person would: a stray Escape before typing,
//! Ctrl+Z while typing, a category switch before Escape, shortcuts inside the theme picker,
//! and the category a new group starts in.
#![allow(clippy::unwrap_used, clippy::expect_used)] // Test helpers may panic: that is a failed test.

use egui::{Event, Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use harvest::model::{Card, Session};
use harvest::ui::HarvestApp;

#[path = "../common/mod.rs"]
mod common;
mod escape;
mod picker;
mod undo;

pub const CTRL: Modifiers = Modifiers::COMMAND;

pub type App = Harness<'static, HarvestApp>;

pub fn sample() -> App {
    common::app(common::sample_session())
}

pub fn press(harness: &mut App, modifiers: Modifiers, key: Key) {
    harness.key_press_modifiers(modifiers, key);
    harness.run();
}

/// Types `text` the way a keyboard does: for each character the key goes down (with Shift for
/// capitals) and the character arrives in the same frame, as the windowing system delivers
/// them; the key comes up in the next. Card keys listen for the key, text boxes for the
/// character, so both must arrive together for a slip to show.
pub fn type_keys(harness: &mut App, text: &str) {
    for c in text.chars() {
        let modifiers = if c.is_uppercase() || c == '+' {
            Modifiers::SHIFT
        } else {
            Modifiers::NONE
        };
        let key = Key::from_name(&c.to_string());
        let input = harness.input_mut();
        input.events.push(Event::ModifiersChanged(modifiers));
        if let Some(key) = key {
            input.events.push(key_event(key, true, modifiers));
        }
        input.events.push(Event::Text(c.to_string()));
        harness.step();
        let input = harness.input_mut();
        if let Some(key) = key {
            input.events.push(key_event(key, false, modifiers));
        }
        input.events.push(Event::ModifiersChanged(Modifiers::NONE));
        harness.run();
    }
}

pub fn key_event(key: Key, pressed: bool, modifiers: Modifiers) -> Event {
    Event::Key {
        key,
        physical_key: None,
        pressed,
        repeat: false,
        modifiers,
    }
}

/// A burst of typing, all in one frame: quicker than the one second after which a text box
/// starts a new undo step, as a facilitator typing a few words is.
pub fn type_burst(harness: &mut App, text: &str) {
    harness.event(Event::Text(text.to_owned()));
    harness.run();
}

pub fn draft(harness: &App) -> String {
    harness.state().draft().to_owned()
}

pub fn draft_is_focused(harness: &App) -> bool {
    harness.get_by_label_contains("New card:").is_focused()
}

/// Fails if any dialog or in-place editor is open: a key was taken as a card command.
pub fn assert_no_card_command_opened(harness: &App, after: &str) {
    for title in ["Themes for this card", "Move card to…", "Editing:"] {
        assert!(
            harness.query_by_label_contains(title).is_none(),
            "{title} opened after {after}"
        );
    }
    assert!(
        harness
            .query_by_label_contains("Answers which problems")
            .is_none()
            && harness
                .query_by_label_contains("answers these problems")
                .is_none(),
        "the links dialog opened after {after}"
    );
}

/// The session without the cards made since `before`, and those new cards.
pub fn split_new_cards(before: &Session, after: &Session) -> (Session, Vec<Card>) {
    let mut rest = after.clone();
    let (old, new): (Vec<Card>, Vec<Card>) = after
        .cards
        .iter()
        .cloned()
        .partition(|c| before.card(c.id).is_some());
    rest.cards = old;
    (rest, new)
}

pub fn status_bar_says(harness: &App, words: &str) -> bool {
    harness.query_by_label_contains(words).is_some()
}
