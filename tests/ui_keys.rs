//! The keyboard traps of live capture, pressed as a person would: a stray Escape before typing,
//! Ctrl+Z while typing, a category switch before Escape, shortcuts inside the theme picker,
//! and the category a new group starts in.
#![allow(clippy::unwrap_used, clippy::expect_used)] // Test helpers may panic: that is a failed test.

use egui::{Event, Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use harvest::model::{Card, Category, Session};
use harvest::ui::HarvestApp;

mod common;

const CTRL: Modifiers = Modifiers::COMMAND;

type App = Harness<'static, HarvestApp>;

fn sample() -> App {
    common::app(common::sample_session())
}

fn press(harness: &mut App, modifiers: Modifiers, key: Key) {
    harness.key_press_modifiers(modifiers, key);
    harness.run();
}

/// Types `text` the way a keyboard does: for each character the key goes down (with Shift for
/// capitals) and the character arrives in the same frame, as the windowing system delivers
/// them; the key comes up in the next. Card keys listen for the key, text boxes for the
/// character, so both must arrive together for a slip to show.
fn type_keys(harness: &mut App, text: &str) {
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

fn key_event(key: Key, pressed: bool, modifiers: Modifiers) -> Event {
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
fn type_burst(harness: &mut App, text: &str) {
    harness.event(Event::Text(text.to_owned()));
    harness.run();
}

fn draft(harness: &App) -> String {
    harness.state().draft().to_owned()
}

fn draft_is_focused(harness: &App) -> bool {
    harness.get_by_label_contains("New card:").is_focused()
}

/// Fails if any dialog or in-place editor is open: a key was taken as a card command.
fn assert_no_card_command_opened(harness: &App, after: &str) {
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
fn split_new_cards(before: &Session, after: &Session) -> (Session, Vec<Card>) {
    let mut rest = after.clone();
    let (old, new): (Vec<Card>, Vec<Card>) = after
        .cards
        .iter()
        .cloned()
        .partition(|c| before.card(c.id).is_some());
    rest.cards = old;
    (rest, new)
}

fn status_bar_says(harness: &App, words: &str) -> bool {
    harness.query_by_label_contains(words).is_some()
}

#[test]
fn escape_then_four_sentences_make_four_whole_cards_and_change_nothing_else() {
    let mut harness = sample();
    // The ideas column, where every card key (L links included) would do something.
    press(&mut harness, CTRL, Key::Num3);
    let before = harness.state().session().clone();
    let sentences = [
        "Transport home was hard",
        "Sometimes it works, sometimes not",
        "More staff at weekends",
        "Longer opening hours",
    ];
    for sentence in sentences {
        press(&mut harness, Modifiers::NONE, Key::Escape);
        type_keys(&mut harness, sentence);
        assert_no_card_command_opened(&harness, sentence);
        assert_eq!(
            draft(&harness),
            sentence,
            "the whole sentence is in the box"
        );
        press(&mut harness, Modifiers::NONE, Key::Enter);
    }
    let after = harness.state().session();
    let (rest, new) = split_new_cards(&before, after);
    let table_1 = before.groups[0].id;
    assert_eq!(
        new.iter()
            .map(|c| (c.text.as_str(), c.group, c.category))
            .collect::<Vec<_>>(),
        sentences.map(|s| (s, table_1, Category::MakeADifference)),
        "four new cards with the exact words, where the facilitator was typing"
    );
    assert_eq!(rest, before, "no other card, theme or group changed");
    assert_eq!(draft(&harness), "");
    assert!(draft_is_focused(&harness));
}

#[test]
fn a_stray_escape_in_the_middle_of_a_sentence_loses_nothing() {
    let mut harness = sample();
    type_keys(&mut harness, "Transport ho");
    press(&mut harness, Modifiers::NONE, Key::Escape);
    type_keys(&mut harness, "me was late");
    assert_eq!(draft(&harness), "Transport home was late");
    press(&mut harness, Modifiers::NONE, Key::Enter);
    let session = harness.state().session();
    assert!(
        session
            .cards
            .iter()
            .any(|c| c.text == "Transport home was late"),
        "one whole card"
    );
}

/// Every key of the card actions but the arrows and Escape, pressed after a stray Escape:
/// none may change a card or open anything; each goes on into the card box.
#[test]
fn after_escape_no_card_key_works_until_an_arrow_chooses_the_card() {
    let mut harness = sample();
    press(&mut harness, CTRL, Key::Num3);
    let before = harness.state().session().clone();
    // Keys that type nothing, pressed while the box is empty so Enter has nothing to add.
    let silent = [
        (Modifiers::NONE, Key::Enter),
        (Modifiers::NONE, Key::F2),
        (Modifiers::NONE, Key::Delete),
        (Modifiers::NONE, Key::Backspace),
        (Modifiers::ALT, Key::ArrowUp),
        (Modifiers::ALT, Key::ArrowDown),
        (Modifiers::ALT, Key::ArrowLeft),
        (Modifiers::ALT, Key::ArrowRight),
    ];
    for (modifiers, key) in silent {
        press(&mut harness, Modifiers::NONE, Key::Escape);
        press(&mut harness, modifiers, key);
        let what = format!("Escape, then {modifiers:?} {key:?}");
        assert_no_card_command_opened(&harness, &what);
        assert_eq!(harness.state().session(), &before, "{what} changed a card");
        assert!(
            draft_is_focused(&harness),
            "{what} left the keyboard outside the box"
        );
    }
    // Keys that type: S star, T themes, M move, L links, + and = vote, − unvote.
    let mut expected = String::new();
    for typed in ["s", "S", "t", "T", "m", "M", "l", "L", "+", "=", "-"] {
        press(&mut harness, Modifiers::NONE, Key::Escape);
        type_keys(&mut harness, typed);
        expected.push_str(typed);
        let what = format!("Escape, then {typed}");
        assert_no_card_command_opened(&harness, &what);
        assert_eq!(harness.state().session(), &before, "{what} changed a card");
        assert_eq!(draft(&harness), expected, "{what} went into the box");
    }
    // Backspace after Escape corrects the box, as it would have without the Escape.
    press(&mut harness, Modifiers::NONE, Key::Escape);
    press(&mut harness, Modifiers::NONE, Key::Backspace);
    expected.pop();
    assert_eq!(draft(&harness), expected);
    assert_eq!(harness.state().session(), &before);
}

#[test]
fn an_arrow_chooses_the_highlighted_card_and_the_status_bar_says_which_keys_work() {
    let mut harness = sample();
    let last_good = |h: &App| {
        let session = h.state().session();
        let group = session.groups[0].id;
        session
            .cards_in(group, Category::Good)
            .last()
            .unwrap()
            .clone()
    };
    let card = last_good(&harness);
    assert!(!status_bar_says(&harness, "Highlighted:"));
    press(&mut harness, Modifiers::NONE, Key::Escape);
    assert_eq!(
        harness.state().selected_card(),
        Some(card.id),
        "Escape shows the last card"
    );
    assert!(
        status_bar_says(
            &harness,
            "Highlighted: “The direct payments support officer"
        ),
        "the status bar says the card is only highlighted"
    );
    assert!(status_bar_says(&harness, "typing goes into the card box"));
    assert!(
        !status_bar_says(&harness, "S star"),
        "no card keys are offered before an arrow chooses the card"
    );

    press(&mut harness, Modifiers::NONE, Key::ArrowUp);
    assert_eq!(
        harness.state().selected_card(),
        Some(card.id),
        "the first arrow chooses the card already shown"
    );
    assert!(status_bar_says(
        &harness,
        "Selected: “The direct payments support officer"
    ));
    assert!(status_bar_says(&harness, "S star"));
    assert!(status_bar_says(&harness, "+ vote"));
    assert!(status_bar_says(&harness, "T themes"));
    type_keys(&mut harness, "S");
    assert!(last_good(&harness).starred, "S stars the chosen card");
    assert_eq!(draft(&harness), "");

    // Now the arrows move, and Escape goes back to typing.
    press(&mut harness, Modifiers::NONE, Key::ArrowUp);
    assert_ne!(harness.state().selected_card(), Some(card.id));
    press(&mut harness, Modifiers::NONE, Key::Escape);
    assert_eq!(harness.state().selected_card(), None);
    assert!(draft_is_focused(&harness));
    assert!(!status_bar_says(&harness, "Selected:"));
}

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

#[test]
fn escape_after_a_category_switch_selects_the_last_card_of_the_new_column() {
    let mut harness = sample();
    let last_of = |h: &App, category: Category| {
        let session = h.state().session();
        let group = session.groups[0].id;
        session.cards_in(group, category).last().map(|c| c.id)
    };
    // A card chosen in Good, then each category in turn.
    press(&mut harness, Modifiers::NONE, Key::Escape);
    press(&mut harness, Modifiers::NONE, Key::ArrowUp);
    assert!(harness.state().selected_card().is_some());
    for (key, category) in [
        (Key::Num2, Category::NotSoGood),
        (Key::Num3, Category::MakeADifference),
        (Key::Num1, Category::Good),
    ] {
        press(&mut harness, CTRL, key);
        press(&mut harness, Modifiers::NONE, Key::Escape);
        assert_eq!(
            harness.state().selected_card(),
            last_of(&harness, category),
            "Escape after Ctrl+{key:?} selects in {category:?}"
        );
        assert!(harness.state().selected_card().is_some());
        press(&mut harness, Modifiers::NONE, Key::ArrowDown);
    }
}

/// Opens the theme picker on the last Good card of Table 1, the way a facilitator does.
fn open_theme_picker(harness: &mut App) {
    press(harness, Modifiers::NONE, Key::Escape);
    press(harness, Modifiers::NONE, Key::ArrowDown);
    type_keys(harness, "T");
    harness.get_by_label("Themes for this card");
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
        harness.query_by_label("Themes for this card").is_none(),
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
    harness.get_by_label("Themes for this card");
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
