//! Closing the loop, driven through the real app with egui_kittest: the People screen (the
//! volunteer register) and the Actions screen, against a date the test chooses.
#![allow(clippy::unwrap_used, clippy::expect_used)] // Test helpers may panic: that is a failed test.

use egui::accesskit::Role;
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};
use harvest::document::Document;
use harvest::model::people::Status;
use harvest::model::{About, ActionStatus, Session};
use harvest::ui::{Clock, HarvestApp};
use jiff::civil::{Date, date};

mod common;
use common::{press, sample_session, type_text};

const CTRL_SHIFT: Modifiers = Modifiers::COMMAND.plus(Modifiers::SHIFT);

/// The app on `session`, on the morning of `today`.
fn app_on(session: Session, today: Date) -> Harness<'static, HarvestApp> {
    let document = Document::new(
        session,
        std::env::temp_dir().join("harvest-people-test.ron"),
    );
    let mut harness = Harness::builder()
        .with_size([1400.0, 1000.0])
        .build_eframe(move |_cc| HarvestApp::headless(document));
    let morning = today
        .at(9, 0, 0, 0)
        .to_zoned(jiff::tz::TimeZone::system())
        .unwrap();
    let now = morning.timestamp();
    harness.state_mut().set_clock(Clock::new(move || now));
    harness.run();
    harness
}

fn people<'a>(harness: &'a Harness<'_, HarvestApp>) -> &'a [harvest::model::Person] {
    &harness.state().session().people
}

#[test]
fn opening_a_session_says_how_many_wait_to_hear_back_and_the_longest_wait() {
    // The opening notice reads the real date: the sample's volunteers signed up on 14 October
    // 2026 and seven of them have waited since.
    let harness = common::app(sample_session());
    let today = jiff::Zoned::now().date();
    let days = (today - date(2026, 10, 14)).get_days();
    let expected =
        format!("7 people are waiting to hear back; the longest for {days} days: View > People");
    assert!(
        harness.query_by_label_contains(&expected).is_some(),
        "the notice says {expected:?}"
    );
}

#[test]
fn the_register_lists_everyone_sorts_and_filters_those_overdue() {
    let mut harness = app_on(sample_session(), date(2026, 12, 1));
    press(&mut harness, Modifiers::COMMAND, Key::F6);
    assert!(
        harness
            .query_by_label("11 people: 7 overdue, 2 joined, 1 declined, 1 withdrew")
            .is_some()
    );
    assert!(harness.query_by_label("Priya Sharma").is_some());
    // Lindsay, Joe, Colin, Sophie and Ben were due a call on 21 October.
    assert_eq!(harness.query_all_by_label("Overdue by 41 days").count(), 5);
    harness.get_by_label("Only those overdue").click();
    harness.run();
    assert!(
        harness.query_by_label("Priya Sharma").is_none(),
        "joined: not overdue"
    );
    assert!(harness.query_by_label("Dev Patel").is_some());
    // Sorting by name puts Aisha first among those shown.
    harness.get_by_label("Name").click();
    harness.run();
    assert!(harness.query_by_label("Name (A to Z)").is_some());
    let top = |h: &Harness<'_, HarvestApp>, name: &str| h.get_by_label(name).rect().top();
    assert!(top(&harness, "Aisha Rahman") < top(&harness, "Sophie Turner"));
    harness.get_by_label("Name (A to Z)").click();
    harness.run();
    assert!(top(&harness, "Aisha Rahman") > top(&harness, "Sophie Turner"));
}

#[test]
fn a_person_is_added_with_the_keyboard_and_undone_and_a_stray_escape_adds_nobody() {
    let mut harness = app_on(sample_session(), date(2026, 12, 1));
    press(&mut harness, Modifiers::COMMAND, Key::F6);
    harness.get_by_label("Add a person…").click();
    harness.run();
    // A slip first: Escape after typing asks before anything is thrown away; Escape again
    // goes back to the words; Discard closes the dialog and adds nobody.
    type_text(&mut harness, "Wrong");
    press(&mut harness, Modifiers::NONE, Key::Escape);
    harness.get_by_role_and_label(Role::Dialog, "Discard your changes?");
    press(&mut harness, Modifiers::NONE, Key::Escape);
    assert!(harness.query_by_label("Discard your changes?").is_none());
    type_text(&mut harness, " name");
    assert_eq!(
        harness
            .get_by_role_and_label(Role::TextInput, "Name")
            .value()
            .as_deref(),
        Some("Wrong name"),
        "the words are kept, and the keyboard is back in their box"
    );
    press(&mut harness, Modifiers::NONE, Key::Escape);
    harness.get_by_label("Discard").click();
    harness.run();
    assert_eq!(people(&harness).len(), 11);
    assert!(
        harness.query_by_label("Save").is_none(),
        "the dialog closed"
    );

    harness.get_by_label("Add a person…").click();
    harness.run();
    type_text(&mut harness, "Nia Evans");
    press(&mut harness, Modifiers::COMMAND, Key::Enter);
    assert_eq!(
        people(&harness).len(),
        11,
        "no way to reach her yet: not saved"
    );
    assert!(
        harness
            .query_by_label("Give at least one way to reach them (or a worker who can).")
            .is_some()
    );
    press(&mut harness, Modifiers::NONE, Key::Tab);
    type_text(&mut harness, "nia@example.org");
    press(&mut harness, Modifiers::COMMAND, Key::Enter);
    let added = people(&harness).last().unwrap().clone();
    assert_eq!(
        (added.name.as_str(), added.contact.email.as_str()),
        ("Nia Evans", "nia@example.org")
    );
    assert_eq!(added.signed_up, date(2026, 12, 1));
    assert_eq!(
        added.next_contact,
        Some(date(2026, 12, 8)),
        "a week after signing up"
    );
    assert_eq!(added.signed_up_for, ["Steering group"]);
    assert!(
        harness.query_by_label("Nia Evans").is_some(),
        "in the table"
    );

    press(&mut harness, Modifiers::COMMAND, Key::Z);
    assert_eq!(people(&harness).len(), 11);
    press(&mut harness, CTRL_SHIFT, Key::Z);
    assert_eq!(people(&harness).last().unwrap().name, "Nia Evans");
}

#[test]
fn withdrawing_erases_their_details_keeps_the_count_and_undo_brings_them_back() {
    let mut harness = app_on(sample_session(), date(2026, 12, 1));
    press(&mut harness, Modifiers::COMMAND, Key::F6);
    harness.get_by_label("Dev Patel").click();
    harness.run();
    // The status is below the fold of the dialog: scrolled to, as a person would.
    (harness.get_by_role_and_label(egui::accesskit::Role::ComboBox, "Status")).scroll_to_me();
    harness.run();
    (harness.get_by_role_and_label(egui::accesskit::Role::ComboBox, "Status")).click();
    harness.run();
    // The choice in the open list, not the withdrawn person's row behind the dialog.
    // The list scrolls too: the last choice is scrolled to first.
    let not_the_row =
        |n: &egui_kittest::Node<'_>| n.accesskit_node().role() != egui::accesskit::Role::Label;
    (harness.query_all_by_label("Withdrawn"))
        .find(not_the_row)
        .unwrap()
        .scroll_to_me();
    harness.run();
    (harness.query_all_by_label("Withdrawn"))
        .find(not_the_row)
        .unwrap()
        .click();
    harness.run();
    assert!(
        harness
            .query_by_label(
                "Saving erases their name, contact details and notes; only the count stays."
            )
            .is_some()
    );
    harness.get_by_label("Save").click();
    harness.run();
    let dev = &people(&harness)[1];
    assert_eq!(dev.status, Status::Withdrawn);
    assert!(!dev.holds_details(), "no name, phone or notes: {dev:?}");
    assert_eq!(people(&harness).len(), 11, "still counted");
    assert!(harness.query_by_label("Dev Patel").is_none());
    assert!(
        harness
            .query_by_label("11 people: 6 overdue, 2 joined, 1 declined, 2 withdrew")
            .is_some()
    );
    press(&mut harness, Modifiers::COMMAND, Key::Z);
    assert_eq!(people(&harness)[1].contact.phone, "07700 900112");
}

#[test]
fn past_the_keep_until_date_every_contact_detail_can_be_erased_in_one_undoable_step() {
    let mut harness = app_on(sample_session(), date(2027, 11, 1));
    press(&mut harness, Modifiers::COMMAND, Key::F6);
    let banner = "The register was to be kept until 14 October 2027, and still holds the details of 10 people.";
    assert!(harness.query_by_label(banner).is_some());
    harness.get_by_label("Erase all contact details").click();
    harness.run();
    assert!(people(&harness).iter().all(|p| !p.holds_details()));
    assert_eq!(people(&harness).len(), 11, "the count stays");
    assert!(harness.query_by_label(banner).is_none());
    press(&mut harness, Modifiers::COMMAND, Key::Z);
    assert_eq!(people(&harness)[0].name, "Margaret Okafor");
}

#[test]
fn an_action_is_added_under_its_theme_and_not_doing_needs_a_reason() {
    let mut harness = app_on(sample_session(), date(2026, 12, 1));
    press(&mut harness, Modifiers::COMMAND, Key::F7);
    assert!(
        harness
            .query_by_label("4 actions: 1 planned, 1 in progress, 1 done, 1 not doing; 0 overdue")
            .is_some()
    );
    harness
        .get_by_label("Add an action: Access and assessment")
        .click();
    harness.run();
    type_text(&mut harness, "Start transition planning at 16");
    press(&mut harness, Modifiers::NONE, Key::Tab);
    type_text(&mut harness, "Transitions team");
    harness.get_by_label("Status").click();
    harness.run();
    harness.get_by_label("Not doing").click();
    harness.run();
    press(&mut harness, Modifiers::COMMAND, Key::Enter);
    assert_eq!(
        harness.state().session().actions.len(),
        4,
        "no reason: not saved"
    );
    harness
        .get_by_label("Why not (shown in the report)")
        .click();
    harness.run();
    type_text(&mut harness, "the law sets 18");
    harness.get_by_label("Save").click();
    harness.run();
    let session = harness.state().session();
    let added = session.actions.last().unwrap();
    let theme = session
        .themes
        .iter()
        .find(|t| t.name == "Access and assessment")
        .unwrap();
    assert_eq!(added.about, About::Theme(theme.id));
    assert_eq!(added.owner, "Transitions team");
    assert_eq!(added.status, ActionStatus::NotDoing);
    assert_eq!(added.reason, "the law sets 18");
    assert!(
        harness
            .query_by_label("Not doing, because the law sets 18")
            .is_some()
    );
    press(&mut harness, Modifiers::COMMAND, Key::Z);
    assert_eq!(harness.state().session().actions.len(), 4);
}

#[test]
fn an_unfinished_action_past_its_date_is_marked_overdue() {
    let mut harness = app_on(sample_session(), date(2027, 2, 1));
    press(&mut harness, Modifiers::COMMAND, Key::F7);
    assert!(
        harness.query_by_label_contains("; 1 overdue").is_some(),
        "the leaflet, due 29 January"
    );
    harness.get_by_label("Only those overdue").click();
    harness.run();
    assert!(
        harness
            .query_by_label_contains("Write one plain-English leaflet")
            .is_some()
    );
    assert!(
        harness
            .query_by_label_contains("Pilot a payroll service")
            .is_none()
    );
}

/// A tick changed in a person, then Escape: asked first, as for typing; Discard keeps the
/// register as it was.
#[test]
fn a_changed_tick_then_escape_asks_before_it_is_lost() {
    let mut harness = app_on(sample_session(), date(2026, 12, 1));
    press(&mut harness, Modifiers::COMMAND, Key::F6);
    harness.get_by_label("Add a person…").click();
    harness.run();
    let consent = "Agreed to the consent wording";
    let ticked = |h: &Harness<'_, HarvestApp>| h.get_by_label(consent).accesskit_node().toggled();
    let before = ticked(&harness);
    harness.get_by_label(consent).scroll_to_me();
    harness.run();
    harness.get_by_label(consent).click();
    harness.run();
    assert_ne!(ticked(&harness), before, "the tick changed");
    press(&mut harness, Modifiers::NONE, Key::Escape);
    harness.get_by_role_and_label(Role::Dialog, "Discard your changes?");
    harness.get_by_label("Discard").click();
    harness.run();
    assert!(harness.query_by_label("Save").is_none(), "closed");
    assert_eq!(people(&harness).len(), 11);

    // Opened and closed with nothing changed: no question.
    harness.get_by_label("Add a person…").click();
    harness.run();
    press(&mut harness, Modifiers::NONE, Key::Escape);
    assert!(harness.query_by_label("Save").is_none(), "closed at once");

    // The same for an action.
    press(&mut harness, Modifiers::COMMAND, Key::F7);
    harness
        .get_by_label_contains("Pilot a payroll service")
        .click();
    harness.run();
    assert!(
        harness.query_by_label("Save").is_some(),
        "the action is open"
    );
    press(&mut harness, Modifiers::NONE, Key::Escape);
    assert!(harness.query_by_label("Save").is_none(), "closed at once");
}
