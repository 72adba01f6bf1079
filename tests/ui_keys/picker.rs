//! Shortcuts inside the theme picker, and the category a new group starts in.

use crate::*;
use egui::{Key, Modifiers};
use egui_kittest::kittest::Queryable;
use harvest::model::{Category, Session};

/// Opens the theme picker on the last Good card of Table 1, the way a facilitator does.
fn open_theme_picker(harness: &mut App) {
    press(harness, Modifiers::NONE, Key::Escape);
    press(harness, Modifiers::NONE, Key::ArrowDown);
    type_keys(harness, "T");
    harness.get_by_role_and_label(egui::accesskit::Role::Dialog, "Themes for this card");
}

/// After a shortcut closed the picker: the next sentence is a card where the shortcut
/// points, never a theme.
fn assert_next_words_are_a_card(
    harness: &mut App,
    before: &Session,
    group: &str,
    category: Category,
) {
    assert!(
        harness
            .query_by_role_and_label(egui::accesskit::Role::Dialog, "Themes for this card")
            .is_none(),
        "the picker closed"
    );
    type_keys(harness, "Transport was late");
    press(harness, Modifiers::NONE, Key::Enter);
    let session = harness.state().session();
    assert_eq!(session.themes, before.themes, "no new theme");
    let (_, new) = split_new_cards(before, session);
    let [card] = new.as_slice() else {
        panic!("one new card, not {new:?}");
    };
    assert_eq!(
        (
            card.text.as_str(),
            session.group_name(card.group),
            card.category
        ),
        ("Transport was late", group, category)
    );
}

#[test]
fn ctrl_digits_in_the_theme_picker_close_it_and_switch_the_category() {
    for (key, category) in [
        (Key::Num1, Category::Good),
        (Key::Num2, Category::NotSoGood),
        (Key::Num3, Category::MakeADifference),
    ] {
        let mut harness = sample();
        let before = harness.state().session().clone();
        open_theme_picker(&mut harness);
        press(&mut harness, CTRL, key);
        harness.get_by_label(&format!("New card: {} — Table 1", category.label()));
        assert_next_words_are_a_card(&mut harness, &before, "Table 1", category);
    }
}

#[test]
fn ctrl_page_down_and_up_in_the_theme_picker_close_it_and_switch_the_group() {
    for (key, group) in [(Key::PageDown, "Table 2"), (Key::PageUp, "Table 6")] {
        let mut harness = sample();
        let before = harness.state().session().clone();
        open_theme_picker(&mut harness);
        press(&mut harness, CTRL, key);
        assert_next_words_are_a_card(&mut harness, &before, group, Category::Good);
    }
}

#[test]
fn ctrl_g_in_the_theme_picker_closes_it_and_starts_a_group() {
    let mut harness = sample();
    let before = harness.state().session().clone();
    open_theme_picker(&mut harness);
    press(&mut harness, CTRL, Key::G);
    assert!(
        harness
            .get_by_label("Group name (Enter to finish)")
            .is_focused()
    );
    type_keys(&mut harness, "Table B");
    press(&mut harness, Modifiers::NONE, Key::Enter);
    assert!(draft_is_focused(&harness));
    assert_next_words_are_a_card(&mut harness, &before, "Table B", Category::Good);
}

#[test]
fn other_shortcuts_in_the_theme_picker_close_it_and_typing_goes_to_the_card_box() {
    let mut harness = sample();
    let before = harness.state().session().clone();
    open_theme_picker(&mut harness);
    press(&mut harness, CTRL, Key::S);
    // The card the picker was for no longer takes card keys: "T…" is not the picker again.
    assert_next_words_are_a_card(&mut harness, &before, "Table 1", Category::Good);
}

#[test]
fn ctrl_z_in_the_theme_picker_undoes_its_typing_and_keeps_it_open() {
    let mut harness = sample();
    open_theme_picker(&mut harness);
    type_burst(&mut harness, "Respite");
    harness.get_by_label_contains("Create theme “Respite”");
    press(&mut harness, CTRL, Key::Z);
    harness.get_by_role_and_label(egui::accesskit::Role::Dialog, "Themes for this card");
    assert!(
        harness
            .query_by_label_contains("Create theme “Respite”")
            .is_none()
    );
}

#[test]
fn a_new_group_starts_at_good_whatever_the_last_group_ended_on() {
    let mut harness = common::app(Session::new("Groups"));
    press(&mut harness, CTRL, Key::Num3);
    type_keys(&mut harness, "One short form");
    press(&mut harness, Modifiers::NONE, Key::Enter);
    press(&mut harness, CTRL, Key::G);
    type_keys(&mut harness, "Table B");
    press(&mut harness, Modifiers::NONE, Key::Enter);
    harness.get_by_label("New card: Good — Table B");
    type_keys(&mut harness, "Friendly staff");
    press(&mut harness, Modifiers::NONE, Key::Enter);
    let session = harness.state().session();
    let card = session.cards.last().unwrap();
    assert_eq!(
        (
            card.text.as_str(),
            session.group_name(card.group),
            card.category
        ),
        ("Friendly staff", "Table B", Category::Good)
    );
}
