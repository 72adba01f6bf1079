//! What a screen reader is told, checked on the AccessKit tree the app builds: the window's
//! name, the live region's words after each command, the categories as a radio group with
//! the current one checked, the groups as a list with the current one selected and its place.
//! Keys as a facilitator presses them, a stray Escape included.
#![allow(clippy::unwrap_used, clippy::expect_used)] // Test helpers may panic: that is a failed test.

use egui::accesskit::{Live, Role, Toggled};
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable, by};
use harvest::ui::HarvestApp;

mod common;
use common::{press, sample_session, type_text};

fn sample() -> Harness<'static, HarvestApp> {
    common::app(sample_session())
}

/// The live region's words: what a screen reader has just been told.
fn said(harness: &Harness<'_, HarvestApp>) -> String {
    let live = harness
        .query_all(by().predicate(|node| node.role() == Role::Label && node.live() != Live::Off))
        .collect::<Vec<_>>();
    assert_eq!(live.len(), 1, "one live region: {live:#?}");
    live[0].accesskit_node().label().unwrap_or_default()
}

fn checked(harness: &Harness<'_, HarvestApp>, category: &str) -> bool {
    let node = harness.get_by_role_and_label(Role::RadioButton, category);
    node.accesskit_node().toggled() == Some(Toggled::True)
}

#[test]
fn pasted_lines_are_offered_and_added_aloud() {
    let mut harness = sample();
    let lines = "Clear letters\nA named worker\nPayments on time";
    harness.event(egui::Event::Paste(lines.to_owned()));
    harness.run();
    assert_eq!(
        said(&harness),
        "Pasted 3 lines. Enter adds them as 3 cards to Good, Table 1; Escape adds none."
    );
    press(&mut harness, Modifiers::NONE, Key::Enter);
    assert_eq!(said(&harness), "Added 3 cards to Good, Table 1");
    // Again, and this time the slip: Escape adds none, and says nothing was added.
    harness.event(egui::Event::Paste(lines.to_owned()));
    harness.run();
    let cards = harness.state().session().cards.len();
    press(&mut harness, Modifiers::NONE, Key::Escape);
    assert_eq!(harness.state().session().cards.len(), cards);
    assert_eq!(said(&harness), "Nothing added from the paste.");
}

#[test]
fn the_window_is_named_after_its_title() {
    let harness = sample();
    let root = harness.root();
    assert_eq!(root.accesskit_node().role(), Role::Window);
    assert_eq!(
        root.accesskit_node().label().as_deref(),
        Some("Sample workshop: Personal budgets in social care — Harvest")
    );
}

#[test]
fn adding_a_card_says_where_it_went_and_its_first_words() {
    let mut harness = sample();
    assert_eq!(said(&harness), "", "nothing said yet");
    type_text(
        &mut harness,
        "Parking was easy to find and the hall was warm all day long",
    );
    press(&mut harness, Modifiers::NONE, Key::Enter);
    assert_eq!(
        said(&harness),
        "Added to Good, Table 1: Parking was easy to find and the hall…"
    );
    // A slip, then another card: still said.
    press(&mut harness, Modifiers::NONE, Key::Escape);
    type_text(&mut harness, "Tea");
    press(&mut harness, Modifiers::NONE, Key::Enter);
    assert_eq!(said(&harness), "Added to Good, Table 1: Tea");
    press(&mut harness, Modifiers::COMMAND, Key::Z);
    assert_eq!(said(&harness), "Undone: add card");
    press(
        &mut harness,
        Modifiers::COMMAND.plus(Modifiers::SHIFT),
        Key::Z,
    );
    assert_eq!(said(&harness), "Redone: add card");
}

#[test]
fn the_category_is_a_radio_group_and_a_change_is_said() {
    let mut harness = sample();
    harness.get_by_role_and_label(Role::RadioGroup, "Category");
    assert!(checked(&harness, "Good"));
    assert!(!checked(&harness, "Not so good"));
    press(&mut harness, Modifiers::COMMAND, Key::Num2);
    assert!(checked(&harness, "Not so good"));
    assert!(!checked(&harness, "Good"));
    assert_eq!(said(&harness), "Not so good");
    let node = harness.get_by_role_and_label(Role::RadioButton, "Not so good");
    assert_eq!(
        node.accesskit_node().data().keyboard_shortcut(),
        Some("Ctrl+2")
    );
}

#[test]
fn groups_are_a_list_with_the_current_one_selected_and_its_place() {
    let mut harness = sample();
    harness.get_by_role_and_label(Role::List, "Groups");
    let item = |h: &Harness<'_, HarvestApp>, name: &str| {
        let node = h
            .query_all(by().role(Role::ListItem))
            .find(|n| {
                n.accesskit_node()
                    .label()
                    .is_some_and(|l| l.starts_with(name))
            })
            .unwrap();
        let node = node.accesskit_node();
        (
            node.is_selected(),
            node.position_in_set(),
            node.size_of_set(),
        )
    };
    assert_eq!(item(&harness, "Table 1:"), (Some(true), Some(1), Some(6)));
    assert_eq!(item(&harness, "Table 2:"), (Some(false), Some(2), Some(6)));
    press(&mut harness, Modifiers::COMMAND, Key::PageDown);
    assert_eq!(item(&harness, "Table 2:"), (Some(true), Some(2), Some(6)));
    assert_eq!(said(&harness), "Table 2, 8 cards");
}

#[test]
fn no_count_reads_one_votes() {
    let mut harness = sample();
    harness.run();
    let wrong: Vec<String> = harness
        .query_all(by().predicate(|node| {
            node.label()
                .is_some_and(|l| l.contains("1 votes") || l.contains(" 1 cards"))
        }))
        .map(|n| n.accesskit_node().label().unwrap_or_default())
        .collect();
    assert!(wrong.is_empty(), "{wrong:?}");
    assert!(
        harness
            .query_all_by_label_contains("1 vote")
            .next()
            .is_some(),
        "a card has one vote"
    );
}

#[test]
fn the_menus_are_a_menu_bar_of_menu_items_with_their_keys() {
    let mut harness = sample();
    harness.get_by_role_and_label(Role::MenuBar, "Menus");
    let file = harness.get_by_role_and_label(Role::MenuItem, "File");
    assert_eq!(file.accesskit_node().data().is_expanded(), Some(false));
    file.click();
    harness.run();
    let file = harness.get_by_role_and_label(Role::MenuItem, "File");
    assert_eq!(file.accesskit_node().data().is_expanded(), Some(true));
    let export = harness.get_by_role_and_label(Role::MenuItem, "Export…");
    assert_eq!(
        export.accesskit_node().data().keyboard_shortcut(),
        Some("Ctrl+E")
    );
    harness.get_by_role_and_label(Role::Menu, "File");
    // Escape closes the menu and the keyboard is back in the card box: typing adds words.
    press(&mut harness, Modifiers::NONE, Key::Escape);
    assert!(
        harness
            .query_by_role_and_label(Role::MenuItem, "Export…")
            .is_none()
    );
    type_text(&mut harness, "Back in the box");
    assert_eq!(harness.state().draft(), "Back in the box");
}

#[test]
fn the_screens_are_tabs_with_the_current_one_selected() {
    let mut harness = sample();
    let tab = |h: &Harness<'_, HarvestApp>, name: &str| {
        h.get_by_role_and_label(Role::Tab, name)
            .accesskit_node()
            .is_selected()
    };
    assert_eq!(tab(&harness, "Board"), Some(true));
    press(&mut harness, Modifiers::COMMAND, Key::F6);
    assert_eq!(tab(&harness, "People"), Some(true));
    assert_eq!(tab(&harness, "Board"), Some(false));
}

#[test]
fn a_dialog_is_named_by_its_heading_and_gives_the_keyboard_back_when_it_closes() {
    let mut harness = sample();
    press(&mut harness, Modifiers::COMMAND, Key::E);
    harness.get_by_role_and_label(Role::Dialog, "Export the summary");
    press(&mut harness, Modifiers::NONE, Key::Escape);
    assert!(
        harness
            .query_by_role_and_label(Role::Dialog, "Export the summary")
            .is_none()
    );
    type_text(&mut harness, "Still typing");
    assert_eq!(harness.state().draft(), "Still typing");

    // On another screen the keyboard goes back to the button that opened the dialog.
    press(&mut harness, Modifiers::COMMAND, Key::F8);
    let names = harness.get_by_label("Names to hide…");
    names.focus();
    harness.run();
    press(&mut harness, Modifiers::NONE, Key::Enter);
    harness.get_by_role_and_label(Role::Dialog, "Names to hide");
    press(&mut harness, Modifiers::NONE, Key::Escape);
    harness.run();
    let names = harness.get_by_label("Names to hide…");
    assert!(
        names.accesskit_node().is_focused(),
        "focus is back on the button"
    );
}

/// Presses Tab until `label` has the keyboard; fails after `most` presses.
fn tab_to(harness: &mut Harness<'_, HarvestApp>, label: &str, most: usize) {
    for _ in 0..most {
        press(harness, Modifiers::NONE, Key::Tab);
        let focused = harness
            .query_all_by_label(label)
            .any(|n| n.accesskit_node().is_focused());
        if focused {
            return;
        }
    }
    panic!("{most} presses of Tab never reached {label:?}");
}

#[test]
fn a_personal_detail_is_kept_with_the_keyboard_alone() {
    let mut harness = sample();
    press(&mut harness, Modifiers::COMMAND, Key::F8);
    tab_to(&mut harness, "Keep “Margaret”", 40);
    press(&mut harness, Modifiers::NONE, Key::Enter);
    let card = (harness.state().session().cards.iter())
        .find(|c| c.text.starts_with("Margaret"))
        .unwrap();
    assert_eq!(
        card.redactions.len(),
        1,
        "kept, by Enter on the focused button"
    );
}

#[test]
fn the_export_dialog_is_worked_with_the_keyboard_alone() {
    let mut harness = sample();
    press(&mut harness, Modifiers::COMMAND, Key::E);
    tab_to(&mut harness, "Easy Read", 20);
    press(&mut harness, Modifiers::NONE, Key::Space);
    harness.get_by_role_and_label(Role::Dialog, "Export the Easy Read report");
    tab_to(
        &mut harness,
        "Take out personal details: names, phone numbers and emails",
        20,
    );
    press(&mut harness, Modifiers::NONE, Key::Space);
    let node = harness.get_by_label("Take out personal details: names, phone numbers and emails");
    assert_eq!(
        node.accesskit_node().toggled(),
        Some(Toggled::False),
        "unticked by Space"
    );
}

#[test]
fn the_card_keys_say_what_they_did() {
    let mut harness = sample();
    type_text(&mut harness, "Tea in the break");
    press(&mut harness, Modifiers::NONE, Key::Enter);
    // Escape highlights the last card; an arrow chooses it, and the card keys work on it.
    press(&mut harness, Modifiers::NONE, Key::Escape);
    press(&mut harness, Modifiers::NONE, Key::ArrowDown);
    press(&mut harness, Modifiers::NONE, Key::S);
    assert_eq!(said(&harness), "Starred as a key quote");
    press(&mut harness, Modifiers::NONE, Key::Equals);
    assert_eq!(said(&harness), "1 vote");
    press(&mut harness, Modifiers::ALT, Key::ArrowRight);
    assert_eq!(said(&harness), "Moved to Not so good, Table 1");
    press(&mut harness, Modifiers::NONE, Key::Delete);
    assert_eq!(said(&harness), "Card deleted");
}

#[test]
fn the_themes_wall_is_a_list_per_theme_with_each_card_in_its_place() {
    let mut harness = sample();
    press(&mut harness, Modifiers::COMMAND, Key::F3);
    let pile = harness.get_by_role_and_label(Role::List, "Information and advice");
    let items: Vec<_> = pile
        .query_all(by().role(Role::ListItem))
        .map(|n| {
            let node = n.accesskit_node();
            (node.position_in_set(), node.size_of_set())
        })
        .collect();
    assert!(!items.is_empty(), "the cards in view are its items");
    assert_eq!(items[0], (Some(1), Some(13)), "“1 of 13”: {items:?}");
    assert!(items.iter().all(|(_, of)| *of == Some(13)));
}
