//! Ctrl+Z while typing undoes the typing first.

use crate::*;
use egui::{Key, Modifiers};
use egui_kittest::kittest::Queryable;
use harvest::model::Session;

#[test]
fn ctrl_z_undoes_fresh_typing_in_the_card_box_before_the_card() {
    let mut harness = common::app(Session::new("Undo"));
    type_keys(&mut harness, "Staff listen");
    press(&mut harness, Modifiers::NONE, Key::Enter);
    type_burst(&mut harness, "Forms are");
    press(&mut harness, CTRL, Key::Z);
    assert_eq!(draft(&harness), "", "the typing is undone");
    let texts = |h: &App| -> Vec<String> {
        h.state()
            .session()
            .cards
            .iter()
            .map(|c| c.text.clone())
            .collect()
    };
    assert_eq!(
        texts(&harness),
        ["Staff listen"],
        "the card before is still there"
    );
    assert!(draft_is_focused(&harness));

    press(&mut harness, CTRL, Key::Z);
    assert!(texts(&harness).is_empty(), "then Ctrl+Z undoes the card");
    press(&mut harness, CTRL | Modifiers::SHIFT, Key::Z);
    assert_eq!(texts(&harness), ["Staff listen"], "and redo brings it back");
}

#[test]
fn ctrl_z_while_editing_a_card_or_naming_a_group_undoes_the_typing_first() {
    let mut harness = common::app(Session::new("Undo"));
    type_keys(&mut harness, "Staff listen");
    press(&mut harness, Modifiers::NONE, Key::Enter);

    press(&mut harness, Modifiers::NONE, Key::Escape);
    press(&mut harness, Modifiers::NONE, Key::ArrowDown);
    press(&mut harness, Modifiers::NONE, Key::F2);
    type_burst(&mut harness, " well");
    let editor = || harness.get_by_label_contains("Editing:");
    assert_eq!(editor().value().as_deref(), Some("Staff listen well"));
    press(&mut harness, CTRL, Key::Z);
    let editor = harness.get_by_label_contains("Editing:");
    assert_eq!(editor.value().as_deref(), Some("Staff listen"));
    assert_eq!(harness.state().session().cards.len(), 1, "the card is kept");
    press(&mut harness, Modifiers::NONE, Key::Escape);

    press(&mut harness, CTRL, Key::G);
    type_burst(&mut harness, "Carers");
    let name_box = harness.get_by_label("Group name (Enter to finish)");
    assert_eq!(name_box.value().as_deref(), Some("Carers"));
    press(&mut harness, CTRL, Key::Z);
    let name_box = harness.get_by_label("Group name (Enter to finish)");
    assert_eq!(name_box.value().as_deref(), Some("Group 2"));
    assert_eq!(
        harness.state().session().groups.len(),
        2,
        "the group is kept"
    );
}
