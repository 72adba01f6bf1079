//! The session details dialog, driven through the real app with egui_kittest.
#![allow(clippy::unwrap_used, clippy::expect_used)] // Test helpers may panic: that is a failed test.

use egui::{Event, Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use harvest::model::Session;
use harvest::ui::HarvestApp;

mod common;
use common::press;

fn facilitators(harness: &Harness<'_, HarvestApp>) -> Vec<String> {
    harness.state().session().details.facilitators.clone()
}

#[test]
fn facilitators_are_entered_one_per_line_so_a_comma_stays_in_the_name() {
    let mut session = Session::new("Details");
    // As an older file holds them: a list, kept exactly as it is.
    session.details.facilitators = vec!["Khan, Amira".into(), "Jo Patel".into()];
    let mut harness = common::app(session);

    press(&mut harness, Modifiers::COMMAND, Key::D);
    let field = harness.get_by_label("Facilitators (one per line)");
    assert_eq!(field.value().as_deref(), Some("Khan, Amira\nJo Patel"));
    field.focus();
    harness.run();
    press(&mut harness, Modifiers::COMMAND, Key::End);
    press(&mut harness, Modifiers::NONE, Key::Enter);
    harness.event(Event::Text("Smith, Bo".into()));
    harness.run();
    press(&mut harness, Modifiers::NONE, Key::Enter);
    press(&mut harness, Modifiers::NONE, Key::Enter);
    harness.get_by_label("Apply").click();
    harness.run();
    assert_eq!(
        facilitators(&harness),
        ["Khan, Amira", "Jo Patel", "Smith, Bo"],
        "one person a line; blank lines are not people"
    );

    // Opening and applying again changes nothing.
    press(&mut harness, Modifiers::COMMAND, Key::D);
    harness.get_by_label("Apply").click();
    harness.run();
    assert_eq!(
        facilitators(&harness),
        ["Khan, Amira", "Jo Patel", "Smith, Bo"]
    );
}

#[test]
fn long_notes_keep_the_details_boxes_wide_enough_to_read() {
    let mut session = Session::new("Details");
    session.details.notes = "A long note about the day, written by the organisers. ".repeat(12);
    let mut harness = common::app(session);
    press(&mut harness, Modifiers::COMMAND, Key::D);
    for label in ["Title", "Facilitators (one per line)", "Notes"] {
        let rect = harness.get_by_label(label).rect();
        assert!(rect.width() >= 300.0, "{label}: {rect:?}");
        assert!(
            rect.bottom() <= 740.0,
            "{label} is inside the window: {rect:?}"
        );
    }
    let notes = harness.get_by_label("Notes").rect();
    assert!(
        notes.height() <= 300.0,
        "the notes wrap at the box's width: {notes:?}"
    );
}

/// A paragraph of notes, then a stray Escape: nothing is thrown away without asking. Escape
/// (or Enter on "Keep editing") goes back to the notes, the keyboard where it was; a click
/// beside the dialog asks too; a dialog nobody typed in closes at once.
#[test]
fn a_stray_escape_after_typing_asks_before_anything_typed_is_thrown_away() {
    let mut harness = common::app(Session::new("Details"));
    let question = "Discard your changes?";
    let asking = |h: &Harness<'_, HarvestApp>| {
        (h.query_by_role_and_label(egui::accesskit::Role::Dialog, question)).is_some()
    };

    press(&mut harness, Modifiers::COMMAND, Key::D);
    press(&mut harness, Modifiers::NONE, Key::Escape);
    assert!(!asking(&harness), "nothing typed: closed at once");
    assert!(harness.query_by_label("Apply").is_none());
    // A group's dialog fills in the session's roles as it opens: still nothing changed.
    press(&mut harness, Modifiers::COMMAND | Modifiers::SHIFT, Key::D);
    press(&mut harness, Modifiers::NONE, Key::Escape);
    assert!(!asking(&harness), "group details: closed at once");
    assert!(harness.query_by_label("Apply").is_none());

    press(&mut harness, Modifiers::COMMAND, Key::D);
    harness.get_by_label("Notes").focus();
    harness.run();
    harness.event(Event::Text("Tea at eleven; the hearing loop".into()));
    harness.run();
    press(&mut harness, Modifiers::NONE, Key::Escape);
    assert!(asking(&harness), "typed: asked");
    press(&mut harness, Modifiers::NONE, Key::Escape);
    assert!(!asking(&harness), "Escape keeps editing");
    harness.event(Event::Text(" works".into()));
    harness.run();

    press(&mut harness, Modifiers::NONE, Key::Escape);
    let focused = |h: &Harness<'_, HarvestApp>, label: &str| h.get_by_label(label).is_focused();
    assert!(
        focused(&harness, "Keep editing"),
        "the safe answer has the keyboard"
    );
    press(&mut harness, Modifiers::NONE, Key::Tab);
    assert!(focused(&harness, "Discard"));
    press(&mut harness, Modifiers::SHIFT, Key::Tab);
    assert!(focused(&harness, "Keep editing"));
    press(&mut harness, Modifiers::NONE, Key::Enter);
    assert!(!asking(&harness), "Enter on Keep editing keeps editing");
    assert!(
        harness.query_by_label("Apply").is_some(),
        "the form is still open"
    );
    let beside = egui::pos2(5.0, 300.0);
    harness.hover_at(beside);
    harness.drag_at(beside);
    harness.run();
    harness.drop_at(beside);
    harness.run();
    assert!(asking(&harness), "a click beside the dialog asks too");
    harness.get_by_label("Keep editing").click();
    harness.run();

    harness.get_by_label("Apply").click();
    harness.run();
    assert_eq!(
        harness.state().session().details.notes,
        "Tea at eleven; the hearing loop works",
        "every word typed is kept"
    );
    assert!(!asking(&harness), "saving asks nothing");
}
