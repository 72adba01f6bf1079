//! Live capture flows, driven through the real app with egui_kittest: keys in, session out.
#![allow(clippy::unwrap_used, clippy::expect_used)] // Test helpers may panic: that is a failed test.

use egui::{Event, Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};
use harvest::model::{Card, Category, Session};
use harvest::ui::HarvestApp;

const CTRL: Modifiers = Modifiers::COMMAND;

mod common;
use common::app as harness;
use common::{press, type_text};

fn new_session() -> Harness<'static, HarvestApp> {
    harness(Session::new("Capture test"))
}

fn sample() -> Harness<'static, HarvestApp> {
    harness(common::sample_session())
}

fn add_card(harness: &mut Harness<'_, HarvestApp>, text: &str) {
    type_text(harness, text);
    press(harness, Modifiers::NONE, Key::Enter);
}

fn texts(harness: &Harness<'_, HarvestApp>, category: Category) -> Vec<String> {
    let session = harness.state().session();
    session
        .cards
        .iter()
        .filter(|c| c.category == category)
        .map(|c| c.text.clone())
        .collect()
}

fn draft_is_focused(harness: &Harness<'_, HarvestApp>) -> bool {
    harness.get_by_label_contains("New card:").is_focused()
}

#[test]
fn the_window_shows_the_sample_groups_and_cards() {
    let harness = sample();
    for n in 1..=6 {
        harness.get_by_label_contains(&format!("Table {n}:"));
    }
    harness.get_by_label_contains(
        "Not so good: Payroll and tax forms for employing a PA are frightening",
    );
    harness.get_by_label("Answers: Payroll and tax forms for employing a PA are frightening");
    harness.get_by_label_contains(
        "What would make a difference: A payroll service that the council pays for",
    );
}

#[test]
fn typing_a_card_and_enter_adds_it_and_keeps_the_focus() {
    let mut harness = new_session();
    assert!(
        draft_is_focused(&harness),
        "the new-card box has the focus when the app opens"
    );
    add_card(&mut harness, "Direct payments give people choice");
    add_card(&mut harness, "Staff listen");
    assert_eq!(
        texts(&harness, Category::Good),
        ["Direct payments give people choice", "Staff listen"]
    );
    assert!(
        draft_is_focused(&harness),
        "focus stays in the box for the next card"
    );
    assert_eq!(
        harness
            .get_by_label_contains("New card:")
            .value()
            .as_deref(),
        Some("")
    );
    // Enter on an empty box adds nothing.
    press(&mut harness, Modifiers::NONE, Key::Enter);
    assert_eq!(harness.state().session().cards.len(), 2);
}

#[test]
fn shift_enter_makes_a_line_break_inside_the_card() {
    let mut harness = new_session();
    type_text(&mut harness, "First line");
    press(&mut harness, Modifiers::SHIFT, Key::Enter);
    add_card(&mut harness, "second line");
    assert_eq!(texts(&harness, Category::Good), ["First line\nsecond line"]);
}

#[test]
fn ctrl_digits_switch_the_category() {
    let mut harness = new_session();
    press(&mut harness, CTRL, Key::Num2);
    harness.get_by_label("New card: Not so good — Group 1");
    add_card(&mut harness, "Forms are too long");
    press(&mut harness, CTRL, Key::Num3);
    add_card(&mut harness, "One short form");
    press(&mut harness, CTRL, Key::Num1);
    add_card(&mut harness, "Friendly staff");
    assert_eq!(texts(&harness, Category::NotSoGood), ["Forms are too long"]);
    assert_eq!(
        texts(&harness, Category::MakeADifference),
        ["One short form"]
    );
    assert_eq!(texts(&harness, Category::Good), ["Friendly staff"]);
}

#[test]
fn ctrl_g_adds_a_group_names_it_and_returns_to_the_card_box() {
    let mut harness = new_session();
    press(&mut harness, CTRL, Key::G);
    assert!(
        harness
            .get_by_label("Group name (Enter to finish)")
            .is_focused()
    );
    type_text(&mut harness, "Carers table");
    press(&mut harness, Modifiers::NONE, Key::Enter);
    assert!(draft_is_focused(&harness));
    add_card(&mut harness, "Breaks for carers");
    let session = harness.state().session();
    assert_eq!(session.groups.len(), 2);
    assert_eq!(session.groups[1].name, "Carers table");
    assert_eq!(
        session.cards[0].group, session.groups[1].id,
        "the card went into the new group"
    );
}

#[test]
fn ctrl_page_down_and_up_switch_groups() {
    let mut harness = sample();
    press(&mut harness, CTRL, Key::PageDown);
    harness.get_by_label_contains("— Table 2");
    add_card(&mut harness, "Card for table two");
    press(&mut harness, CTRL, Key::PageUp);
    press(&mut harness, CTRL, Key::PageUp);
    harness.get_by_label_contains("— Table 6");
    let session = harness.state().session();
    let card = session
        .cards
        .iter()
        .find(|c| c.text == "Card for table two")
        .unwrap();
    assert_eq!(session.group_name(card.group), "Table 2");
}

/// Escape leaves the card box and highlights the last card of the column; an arrow chooses
/// it for the card keys (the first arrow doesn't move).
fn select_last_card(harness: &mut Harness<'_, HarvestApp>) {
    press(harness, Modifiers::NONE, Key::Escape);
    press(harness, Modifiers::NONE, Key::ArrowDown);
}

#[test]
fn edit_star_vote_and_delete_from_the_keyboard() {
    let mut harness = new_session();
    add_card(&mut harness, "Frist card");
    add_card(&mut harness, "Second card");
    select_last_card(&mut harness);
    press(&mut harness, Modifiers::NONE, Key::ArrowUp);
    press(&mut harness, Modifiers::NONE, Key::F2);
    // The edit box opens with the card's words; replace them.
    harness.key_press_modifiers(CTRL, Key::A);
    type_text(&mut harness, "First card");
    press(&mut harness, Modifiers::NONE, Key::Enter);
    assert_eq!(
        texts(&harness, Category::Good),
        ["First card", "Second card"]
    );

    press(&mut harness, Modifiers::NONE, Key::S);
    press(&mut harness, Modifiers::NONE, Key::Plus);
    press(&mut harness, Modifiers::NONE, Key::Plus);
    press(&mut harness, Modifiers::NONE, Key::Minus);
    let first = harness.state().session().cards[0].clone();
    assert!(first.starred);
    assert_eq!(first.votes, 1);

    press(&mut harness, Modifiers::NONE, Key::Delete);
    assert_eq!(texts(&harness, Category::Good), ["Second card"]);
    press(&mut harness, CTRL, Key::Z);
    assert_eq!(
        texts(&harness, Category::Good),
        ["First card", "Second card"],
        "delete is undone"
    );
}

#[test]
fn star_and_vote_buttons_work_with_the_mouse() {
    let mut harness = new_session();
    add_card(&mut harness, "Clickable");
    harness.get_by_label("Star as a key quote").click();
    harness.run();
    harness.get_by_label("One vote more").click();
    harness.run();
    let card = harness.state().session().cards[0].clone();
    assert!(card.starred);
    assert_eq!(card.votes, 1);
    harness.get_by_label("Unstar").click();
    harness.run();
    assert!(!harness.state().session().cards[0].starred);
}

#[test]
fn move_a_card_by_keyboard_within_and_across_columns_and_groups() {
    let mut harness = sample();
    press(&mut harness, CTRL, Key::Num2);
    add_card(&mut harness, "Moving card");
    select_last_card(&mut harness);
    // Up its column, then into the next category, then to another group with the dialog.
    press(&mut harness, Modifiers::ALT, Key::ArrowUp);
    let session = harness.state().session();
    let group = session.groups[0].id;
    let column: Vec<&str> = session
        .cards_in(group, Category::NotSoGood)
        .map(|c| c.text.as_str())
        .collect();
    assert_eq!(column[column.len() - 2], "Moving card");

    press(&mut harness, Modifiers::ALT, Key::ArrowRight);
    let card = harness
        .state()
        .session()
        .cards
        .iter()
        .find(|c| c.text == "Moving card")
        .unwrap()
        .clone();
    assert_eq!(card.category, Category::MakeADifference);

    press(&mut harness, Modifiers::NONE, Key::M);
    harness.get_by_role_and_label(egui::accesskit::Role::Dialog, "Move card to…");
    // The dialog lists each group's three places in order: Table 2's Good is the second "Good".
    harness
        .get_all_by_role_and_label(egui::accesskit::Role::Button, "Good")
        .nth(1)
        .unwrap()
        .click();
    harness.run();
    let session = harness.state().session();
    let moved = session.card(card.id).unwrap();
    assert_eq!(
        (session.group_name(moved.group), moved.category),
        ("Table 2", Category::Good)
    );

    press(&mut harness, CTRL, Key::Z);
    let session = harness.state().session();
    let back = session.card(card.id).unwrap();
    assert_eq!(
        (session.group_name(back.group), back.category),
        ("Table 1", Category::MakeADifference)
    );
}

#[test]
fn move_a_card_by_drag_and_drop() {
    let mut harness = new_session();
    add_card(&mut harness, "Drag me");
    let from = harness
        .get_by_label_contains("Good: Drag me")
        .rect()
        .center();
    // The column's heading, not the category button of the same name.
    let to = harness
        .get_by_role_and_label(egui::accesskit::Role::Label, "What would make a difference")
        .rect()
        .center()
        + egui::vec2(0.0, 120.0);
    harness.drag_at(from);
    harness.step();
    harness.hover_at(from + egui::vec2(20.0, 10.0));
    harness.step();
    harness.hover_at(to);
    harness.step();
    harness.drop_at(to);
    harness.run();
    assert_eq!(texts(&harness, Category::MakeADifference), ["Drag me"]);
}

#[test]
fn undo_and_redo_cover_cards_groups_and_moves() {
    let mut harness = new_session();
    add_card(&mut harness, "One");
    press(&mut harness, CTRL, Key::G);
    press(&mut harness, Modifiers::NONE, Key::Enter);
    add_card(&mut harness, "Two");
    assert_eq!(harness.state().session().groups.len(), 2);

    press(&mut harness, CTRL, Key::Z); // the card "Two"
    press(&mut harness, CTRL, Key::Z); // the new group
    assert_eq!(harness.state().session().groups.len(), 1);
    assert_eq!(texts(&harness, Category::Good), ["One"]);

    press(&mut harness, CTRL | Modifiers::SHIFT, Key::Z);
    assert_eq!(harness.state().session().groups.len(), 2);
    press(&mut harness, CTRL, Key::Y);
    assert_eq!(texts(&harness, Category::Good), ["One", "Two"]);
}

#[test]
fn pasting_several_lines_offers_one_card_per_line() {
    let mut harness = new_session();
    harness.event(Event::Paste(
        "- Flexible budgets\n\n- Good advice line\n- Peer support\n".into(),
    ));
    harness.run();
    harness.get_by_label_contains("You pasted 3 lines");
    press(&mut harness, Modifiers::NONE, Key::Enter);
    assert_eq!(
        texts(&harness, Category::Good),
        ["Flexible budgets", "Good advice line", "Peer support"]
    );
    assert!(draft_is_focused(&harness));
    press(&mut harness, CTRL, Key::Z);
    assert!(
        texts(&harness, Category::Good).is_empty(),
        "the whole paste is one undo step"
    );
}

#[test]
fn find_filters_across_groups_and_enter_jumps_to_the_card() {
    let mut harness = sample();
    press(&mut harness, CTRL, Key::F);
    assert!(harness.get_by_label("Find").is_focused());
    type_text(&mut harness, "jargon");
    harness.get_by_label("2 cards");
    harness.get_by_label_contains("Table 5 · Not so good — Jargon");
    press(&mut harness, Modifiers::NONE, Key::Enter);
    harness.get_by_label_contains("— Table 5");
    let app = harness.state();
    let card = app
        .session()
        .cards
        .iter()
        .find(|c| c.text.starts_with("Jargon"))
        .unwrap();
    assert_eq!(app.selected_card(), Some(card.id));
}

#[test]
fn escape_clears_the_find_box() {
    let mut harness = sample();
    press(&mut harness, CTRL, Key::F);
    type_text(&mut harness, "zzz");
    harness.get_by_label("No cards match");
    press(&mut harness, Modifiers::NONE, Key::Escape);
    assert_eq!(harness.get_by_label("Find").value().as_deref(), Some(""));
    press(&mut harness, Modifiers::NONE, Key::Escape);
    assert!(
        harness.query_by_label("Find").is_none(),
        "a second Escape closes it"
    );
    assert!(draft_is_focused(&harness));
}

#[test]
fn group_and_session_details_are_edited_as_one_undoable_step() {
    let mut harness = new_session();
    press(&mut harness, CTRL | Modifiers::SHIFT, Key::D);
    harness.get_by_role_and_label(egui::accesskit::Role::Dialog, "Group details");
    let carers = harness.get_by_label("Carers");
    carers.set_value_accesskit(4.0);
    harness.run();
    harness.get_by_label("Apply").click();
    harness.run();
    assert_eq!(
        harness.state().session().groups[0]
            .participants
            .get("Carers"),
        Some(&4)
    );

    press(&mut harness, CTRL, Key::D);
    harness.get_by_label("Venue").focus();
    harness.run();
    type_text(&mut harness, "Town hall");
    harness.get_by_label("Apply").click();
    harness.run();
    assert_eq!(harness.state().session().details.venue, "Town hall");
    press(&mut harness, CTRL, Key::Z);
    assert_eq!(harness.state().session().details.venue, "");
    press(&mut harness, CTRL, Key::Z);
    assert!(harness.state().session().groups[0].participants.is_empty());
}

#[test]
fn menus_show_the_shortcut_that_works() {
    let mut harness = new_session();
    harness.get_by_label("Capture").click();
    harness.run();
    let item = harness.get_by_role_and_label(egui::accesskit::Role::MenuItem, "New group");
    assert_eq!(
        item.accesskit_node().data().keyboard_shortcut(),
        Some("Ctrl+G")
    );
    item.click();
    harness.run();
    assert_eq!(harness.state().session().groups.len(), 2);
}

#[test]
fn a_card_written_elsewhere_shows_up_in_the_overview() {
    let mut session = Session::new("Overview");
    let group = session.groups[0].id;
    session
        .cards
        .push(Card::new(group, Category::NotSoGood, "Overview card"));
    let mut harness = harness(session);
    press(&mut harness, CTRL, Key::F2);
    harness.get_by_label("Overview card");
    assert!(
        harness.query_by_label_contains("New card:").is_none(),
        "the board made way for the overview"
    );
}

#[test]
fn a_clicked_card_takes_the_card_keys() {
    let mut harness = new_session();
    add_card(&mut harness, "Keep me");
    add_card(&mut harness, "Delete me");
    harness.get_by_label_contains("Good: Delete me").click();
    harness.run();
    press(&mut harness, Modifiers::NONE, Key::ArrowUp);
    press(&mut harness, Modifiers::NONE, Key::ArrowDown);
    press(&mut harness, Modifiers::NONE, Key::Delete);
    assert_eq!(texts(&harness, Category::Good), ["Keep me"]);
    // Typing a word goes back into the card box, not lost on the board.
    press(&mut harness, Modifiers::NONE, Key::Escape);
    add_card(&mut harness, "Back to typing");
    assert_eq!(
        texts(&harness, Category::Good),
        ["Keep me", "Back to typing"]
    );
}

#[test]
fn a_read_only_session_refuses_changes_and_says_why() {
    let mut document = harvest::document::Document::new(
        Session::new("Held"),
        std::env::temp_dir().join("held.ron"),
    );
    document.read_only = Some(
        "Read-only — Harvest on laptop-2 (process 4312) has had this session open since 14:02:31"
            .into(),
    );
    let mut harness = Harness::builder()
        .with_size([1260.0, 740.0])
        .build_eframe(move |_cc| HarvestApp::headless(document));
    harness.run();
    add_card(&mut harness, "Should not be added");
    assert!(
        harness.state().session().cards.is_empty(),
        "nothing changes that cannot be saved"
    );
    harness.get_by_label_contains("Changes can't be made here");
    harness.get_by_label(
        "Read-only — Harvest on laptop-2 (process 4312) has had this session open since 14:02:31",
    );
    harness.get_by_label("Save an editable copy…");
}

#[test]
fn ctrl_equals_and_minus_zoom() {
    let mut harness = new_session();
    press(&mut harness, CTRL, Key::Equals);
    let zoomed = harness.ctx.zoom_factor();
    assert!(zoomed > 1.0, "zoomed in to {zoomed}");
    press(&mut harness, CTRL, Key::Minus);
    press(&mut harness, CTRL, Key::Minus);
    assert!(harness.ctx.zoom_factor() < zoomed);
}

#[test]
fn the_overview_makes_room_for_a_long_card_and_gives_it_back_on_undo() {
    let mut session = Session::new("Overview");
    session.groups[0].name = "Table 1".into();
    session.groups.push(harvest::model::Group::new("Table 2"));
    let group = session.groups[0].id;
    session
        .cards
        .push(Card::new(group, Category::Good, "Short"));
    let mut harness = harness(session);
    let second_table = |harness: &Harness<'_, HarvestApp>| {
        let heading = harness.get_by_role_and_label(egui::accesskit::Role::Button, "Table 2");
        heading.rect().top()
    };
    press(&mut harness, CTRL, Key::F2);
    let before = second_table(&harness);

    press(&mut harness, CTRL, Key::F1);
    let long = "The assessment took so long that by the time the plan was agreed my needs had \
                changed, and nobody explained what the indicative budget meant or why it went \
                down after the panel met, so we had to start the whole thing again in spring";
    add_card(&mut harness, long);
    press(&mut harness, CTRL, Key::F2);
    let line = 14.0;
    let with_long = second_table(&harness);
    assert!(
        with_long > before + 3.0 * line,
        "the long card's row grew: {before} → {with_long}"
    );

    press(&mut harness, CTRL, Key::Z);
    assert_eq!(harness.state().session().cards.len(), 1, "undone");
    assert_eq!(second_table(&harness), before, "and its room given back");
}
