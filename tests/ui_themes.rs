//! Theme flows through the real app: assign from the keyboard, create, merge, drag onto a theme.
#![allow(clippy::unwrap_used, clippy::expect_used)] // Test helpers may panic: that is a failed test.

use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use harvest::model::{Card, Category, Session, Theme};
use harvest::ui::HarvestApp;

mod common;
use common::app as harness;
use common::{press, type_text};

/// Two cards in group 1, and the themes "Carers" and "Money".
fn session() -> Session {
    let mut session = Session::new("Themes");
    let group = session.groups[0].id;
    session
        .cards
        .push(Card::new(group, Category::Good, "Breaks for carers"));
    session
        .cards
        .push(Card::new(group, Category::NotSoGood, "Payroll is hard"));
    session.themes.push(Theme::new("Carers", 0));
    session.themes.push(Theme::new("Money", 1));
    session
}

fn theme_names_of(harness: &Harness<'_, HarvestApp>, text: &str) -> Vec<String> {
    let session = harness.state().session();
    let card = session.cards.iter().find(|c| c.text == text).unwrap();
    card.themes
        .iter()
        .map(|t| session.theme(*t).unwrap().name.clone())
        .collect()
}

#[test]
fn t_on_a_selected_card_picks_a_theme_by_typing() {
    let mut harness = harness(session());
    press(&mut harness, Modifiers::NONE, Key::Escape); // highlight the last Good card
    press(&mut harness, Modifiers::NONE, Key::ArrowDown); // and choose it for the card keys
    press(&mut harness, Modifiers::NONE, Key::T);
    harness.get_by_role_and_label(egui::accesskit::Role::Dialog, "Themes for this card");
    type_text(&mut harness, "car");
    press(&mut harness, Modifiers::NONE, Key::Enter);
    assert_eq!(theme_names_of(&harness, "Breaks for carers"), ["Carers"]);
    // Enter again on the same theme takes it off.
    press(&mut harness, Modifiers::NONE, Key::Enter);
    assert!(theme_names_of(&harness, "Breaks for carers").is_empty());
    press(&mut harness, Modifiers::NONE, Key::Escape);
    assert!(
        harness
            .query_by_role_and_label(egui::accesskit::Role::Dialog, "Themes for this card")
            .is_none()
    );
}

#[test]
fn the_picker_creates_a_theme_that_does_not_exist_yet() {
    let mut harness = harness(session());
    press(&mut harness, Modifiers::NONE, Key::Escape);
    press(&mut harness, Modifiers::NONE, Key::ArrowDown);
    press(&mut harness, Modifiers::NONE, Key::T);
    type_text(&mut harness, "Respite");
    harness.get_by_label_contains("Create theme “Respite”");
    press(&mut harness, Modifiers::NONE, Key::Enter);
    assert_eq!(theme_names_of(&harness, "Breaks for carers"), ["Respite"]);
    assert_eq!(harness.state().session().themes.len(), 3);
    press(&mut harness, Modifiers::NONE, Key::Escape);
    press(&mut harness, Modifiers::COMMAND, Key::Z);
    assert_eq!(
        harness.state().session().themes.len(),
        2,
        "creating and assigning is one undo step"
    );
    assert!(theme_names_of(&harness, "Breaks for carers").is_empty());
}

#[test]
fn merging_moves_every_card_and_removes_the_theme() {
    let mut data = session();
    let (carers, money) = (data.themes[0].id, data.themes[1].id);
    data.cards[0].themes = vec![carers];
    data.cards[1].themes = vec![money, carers];
    let mut harness = harness(data);
    press(&mut harness, Modifiers::COMMAND, Key::F3);
    harness.get_by_label("Money  (1)").click();
    harness.run();
    harness.get_by_label("Merge into").click();
    harness.run();
    harness
        .get_by_role_and_label(egui::accesskit::Role::Button, "Carers")
        .click();
    harness.run();
    harness.get_by_label("Merge").click();
    harness.run();
    let session = harness.state().session();
    assert_eq!(session.themes.len(), 1);
    assert_eq!(
        theme_names_of(&harness, "Payroll is hard"),
        ["Carers"],
        "no duplicate after the merge"
    );
    harness.get_by_label("Carers  (2)");
    press(&mut harness, Modifiers::COMMAND, Key::Z);
    assert_eq!(
        theme_names_of(&harness, "Payroll is hard"),
        ["Money", "Carers"],
        "undo restores both"
    );
}

#[test]
fn dragging_a_card_onto_a_theme_assigns_it() {
    let mut harness = harness(session());
    press(&mut harness, Modifiers::COMMAND, Key::F3);
    let from = harness
        .get_by_label("Not so good: Payroll is hard")
        .rect()
        .center();
    let to = harness.get_by_label("Money  (0)").rect().center();
    harness.drag_at(from);
    harness.step();
    harness.hover_at(from + egui::vec2(15.0, 15.0));
    harness.step();
    harness.hover_at(to);
    harness.step();
    harness.drop_at(to);
    harness.run();
    assert_eq!(theme_names_of(&harness, "Payroll is hard"), ["Money"]);
}

#[test]
fn the_wall_counts_and_filters() {
    let mut data = session();
    let carers = data.themes[0].id;
    data.cards[0].themes = vec![carers];
    let mut harness = harness(data);
    press(&mut harness, Modifiers::COMMAND, Key::F3);
    harness.get_by_label("1 card — Good 1 · Not so good 0 · Difference 0");
    harness.get_by_label("1 card — Good 0 · Not so good 1 · Difference 0");
    // Hide "Not so good": the unthemed pile empties.
    harness
        .get_all_by_label("Not so good")
        .find(|n| n.rect().top() < 120.0)
        .unwrap()
        .click();
    harness.run();
    let empty = harness
        .get_all_by_label("0 cards — Good 0 · Not so good 0 · Difference 0")
        .count();
    assert_eq!(empty, 2, "Unthemed and Money are now empty");
    harness.get_by_label("1 card — Good 1 · Not so good 0 · Difference 0");
}

#[test]
fn renaming_recolouring_and_deleting_a_theme() {
    let mut harness = harness(session());
    press(&mut harness, Modifiers::COMMAND, Key::F3);
    harness.get_by_label("Carers  (0)").click();
    harness.run();
    let name = harness.get_by_label("Theme name (Enter to rename)");
    name.focus();
    harness.run();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::A);
    type_text(&mut harness, "Family carers");
    press(&mut harness, Modifiers::NONE, Key::Enter);
    assert_eq!(harness.state().session().themes[0].name, "Family carers");
    harness.get_by_label("Colour #59a14f").click();
    harness.run();
    assert_eq!(
        harness.state().session().themes[0].color.to_hex(),
        "#59a14f"
    );
    harness.get_by_label("Delete theme").click();
    harness.run();
    assert_eq!(harness.state().session().themes.len(), 1);
}

#[test]
fn an_idea_is_linked_to_the_problem_it_answers() {
    let mut data = session();
    let group = data.groups[0].id;
    data.cards.push(Card::new(
        group,
        Category::MakeADifference,
        "A payroll service",
    ));
    let mut harness = harness(data);
    press(&mut harness, Modifiers::COMMAND, Key::Num3);
    press(&mut harness, Modifiers::NONE, Key::Escape);
    press(&mut harness, Modifiers::NONE, Key::ArrowDown);
    press(&mut harness, Modifiers::NONE, Key::L);
    harness.get_by_label_contains("— Payroll is hard").click();
    harness.run();
    let session = harness.state().session();
    assert_eq!(session.cards[2].answers, [session.cards[1].id]);
}

#[test]
fn accepting_and_rejecting_suggestions() {
    let mut data = Session::new("Suggestions");
    let group = data.groups[0].id;
    for text in [
        "Payroll forms are frightening",
        "Payroll and tax forms take hours",
        "Help with payroll forms please",
        "No bus to the day centre",
        "The bus stops running at six",
        "A bus pass for carers too",
    ] {
        data.cards.push(Card::new(group, Category::NotSoGood, text));
    }
    let mut harness = harness(data);
    press(&mut harness, Modifiers::COMMAND, Key::F3);
    harness.get_by_label("Suggest themes").click();
    common::run_until(&mut harness, |h| {
        h.query_by_label("Suggest again").is_some()
    });
    let accept = harness
        .get_all_by_label_contains("Accept “")
        .next()
        .expect("a new theme is suggested");
    let name = format!("{accept:?}");
    accept.click();
    harness.run();
    let session = harness.state().session();
    assert_eq!(session.themes.len(), 1, "the suggested theme was made");
    let made = session.themes.last().unwrap();
    assert!(
        name.contains(&made.name),
        "the theme has the suggested name"
    );
    let themed = session
        .cards
        .iter()
        .filter(|c| c.themes.contains(&made.id))
        .count();
    assert!(themed >= 2, "its cards got it");
    // Rejecting hides a suggestion without changing anything.
    let before = harness.state().session().clone();
    // The bus cards are still suggested as a theme of their own.
    let rejects = harness.query_all_by_label("Reject").count();
    assert!(rejects >= 1, "a suggestion is left to reject");
    harness.get_all_by_label("Reject").next().unwrap().click();
    harness.run();
    assert_eq!(harness.state().session(), &before);
    assert_eq!(
        harness.query_all_by_label("Reject").count(),
        rejects - 1,
        "the rejected one is gone"
    );
    press(&mut harness, Modifiers::COMMAND, Key::Z);
    assert!(
        harness.state().session().themes.is_empty(),
        "accepting is undoable"
    );
}
