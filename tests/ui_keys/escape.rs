//! A stray Escape before typing, and Escape after a category switch.

use crate::*;
use egui::{Key, Modifiers};
use harvest::model::Category;

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
