//! Safe publishing through the real app: the Personal details screen (what a redacted export
//! takes out, and the organiser's choices), names to hide, the Easy words screen, and the
//! export dialog's redaction and Easy Read report. Keys as a person presses them, slips
//! included; every choice undoable; the cards' own words never change.
#![allow(clippy::unwrap_used, clippy::expect_used)] // Test helpers may panic: that is a failed test.

use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};
use harvest::model::{Card, RedactChoice};
use harvest::summary::{Format, Report};
use harvest::ui::{ExportChoice, HarvestApp};

mod common;
use common::{press, sample_session, type_text};

const SAID: &str = "Margaret at the carers' centre helped me fill in the support plan, and rang back on 0113 496 0999";
const LONG: &str = "When the PA is off sick there is no cover and I have to give up work";

fn sample() -> Harness<'static, HarvestApp> {
    let mut harness = common::app(sample_session());
    harness.set_size(egui::vec2(1400.0, 1000.0));
    harness.run();
    harness
}

fn card<'a>(harness: &'a Harness<'_, HarvestApp>, text: &str) -> &'a Card {
    harness
        .state()
        .session()
        .cards
        .iter()
        .find(|c| c.text == text)
        .unwrap()
}

fn click(harness: &mut Harness<'_, HarvestApp>, label: &str) {
    harness.get_by_label(label).scroll_to_me();
    harness.run();
    harness.get_by_label(label).click();
    harness.run();
    common::settle(harness);
}

#[test]
fn personal_details_lists_what_is_taken_out_and_keeping_a_name_is_undoable() {
    let mut harness = sample();
    press(&mut harness, Modifiers::COMMAND, Key::F8);
    harness.get_by_label("2 details taken out in a redacted export.");
    assert_eq!(harness.query_all_by_label("Table 2, Good").count(), 2);
    harness.get_by_label("name: part of the name of volunteer Margaret Okafor");
    harness.get_by_label("phone number: UK landline number");
    assert_eq!(
        harness.query_all_by_label("Taken out as [name].").count(),
        1
    );

    click(&mut harness, "Keep “Margaret”");
    let kept = &card(&harness, SAID).redactions;
    assert_eq!(kept.len(), 1);
    assert_eq!(kept[0].choice, RedactChoice::Dismiss);
    harness.get_by_label("1 detail taken out in a redacted export, 1 kept as typed.");
    harness.get_by_label("Kept as typed.");

    press(&mut harness, Modifiers::COMMAND, Key::Z);
    assert!(card(&harness, SAID).redactions.is_empty(), "undone");
    harness.get_by_label("2 details taken out in a redacted export.");
    assert_eq!(
        card(&harness, SAID).text,
        SAID,
        "the card's words never change"
    );
}

#[test]
fn a_role_replaces_a_name_and_a_stray_escape_chooses_nothing() {
    let mut harness = sample();
    press(&mut harness, Modifiers::COMMAND, Key::F8);
    click(&mut harness, "Replace “Margaret” with…");
    // A slip: typing, then Escape. Asked first; Discard closes it and nothing is chosen.
    type_text(&mut harness, "wrong");
    press(&mut harness, Modifiers::NONE, Key::Escape);
    click(&mut harness, "Discard");
    assert!(
        harness.query_by_label("Replace “Margaret”").is_none(),
        "closed"
    );
    assert!(card(&harness, SAID).redactions.is_empty());

    click(&mut harness, "Replace “Margaret” with…");
    type_text(&mut harness, "my carers' worker");
    press(&mut harness, Modifiers::NONE, Key::Enter);
    let chosen = &card(&harness, SAID).redactions;
    assert_eq!(
        chosen[0].choice,
        RedactChoice::Replace("[my carers' worker]".to_owned())
    );
    harness.get_by_label("Taken out as [my carers' worker].");
    assert_eq!(card(&harness, SAID).text, SAID);
}

#[test]
fn a_name_to_hide_is_found_in_the_cards_and_undone() {
    let mut harness = sample();
    press(&mut harness, Modifiers::COMMAND, Key::F8);
    click(&mut harness, "Names to hide…");
    type_text(&mut harness, "Tuesday");
    press(&mut harness, Modifiers::COMMAND, Key::Enter);
    let details = &harness.state().session().details;
    assert_eq!(details.names_to_hide, ["Tuesday"]);
    harness.get_by_label("name: on the list of names to hide");
    harness.get_by_label("3 details taken out in a redacted export.");
    press(&mut harness, Modifiers::COMMAND, Key::Z);
    assert!(harness.state().session().details.names_to_hide.is_empty());
    harness.get_by_label("2 details taken out in a redacted export.");
}

#[test]
fn only_possible_names_shows_those_waiting_for_a_choice() {
    let mut session = sample_session();
    let group = session.groups[0].id;
    session.cards.push(Card {
        group,
        text: "My worker Sandra changed three times".to_owned(),
        ..Card::default()
    });
    let mut harness = common::app(session);
    press(&mut harness, Modifiers::COMMAND, Key::F8);
    harness.get_by_label_contains("1 possible name to review");
    harness
        .get_by_label("Only possible names to review")
        .click();
    harness.run();
    harness.get_by_label("Kept until you choose.");
    assert!(harness.query_by_label("Keep “Margaret”").is_none());
    click(&mut harness, "Take out “Sandra”");
    let text = "My worker Sandra changed three times";
    assert_eq!(
        card(&harness, text).redactions[0].choice,
        RedactChoice::Replace("[name]".to_owned())
    );
    assert!(harness.query_by_label("Kept until you choose.").is_none());
}

#[test]
fn easy_words_flags_long_points_and_saves_shorter_words() {
    let mut harness = sample();
    press(&mut harness, Modifiers::COMMAND, Key::F9);
    assert!(harness.query_all_by_label("long: 17 words").count() >= 1);
    let button = "Easy words for “When the PA is…”";
    harness
        .query_all_by_label(button)
        .next()
        .unwrap()
        .scroll_to_me();
    harness.run();
    harness.query_all_by_label(button).next().unwrap().click();
    harness.run();
    harness.get_by_label("17 words as said.");
    // A slip: Escape asks, and Discard keeps the card as it was.
    type_text(&mut harness, "No");
    press(&mut harness, Modifiers::NONE, Key::Escape);
    click(&mut harness, "Discard");
    assert!(card(&harness, LONG).easy_words.is_empty());

    harness.query_all_by_label(button).next().unwrap().click();
    harness.run();
    type_text(&mut harness, "No cover when my PA is ill");
    harness.get_by_label("7 words.");
    press(&mut harness, Modifiers::COMMAND, Key::Enter);
    assert_eq!(
        card(&harness, LONG).easy_words,
        "No cover when my PA is ill"
    );
    assert!(
        harness
            .query_all_by_label("• No cover when my PA is ill")
            .count()
            >= 1
    );
    press(&mut harness, Modifiers::COMMAND, Key::Z);
    assert!(card(&harness, LONG).easy_words.is_empty());
}

#[test]
fn a_theme_heading_gets_easy_words() {
    let mut harness = sample();
    press(&mut harness, Modifiers::COMMAND, Key::F9);
    click(&mut harness, "Easy words for “Access and assessment”…");
    type_text(&mut harness, "Getting help");
    press(&mut harness, Modifiers::COMMAND, Key::Enter);
    let theme = (harness.state().session().themes.iter())
        .find(|t| t.name == "Access and assessment")
        .unwrap();
    assert_eq!(theme.easy_words, "Getting help");
    harness.get_by_label("Getting help");
}

/// Whether the redaction box is ticked.
fn redacting(harness: &Harness<'_, HarvestApp>) -> bool {
    let node = harness.get_by_label("Take out personal details: names, phone numbers and emails");
    node.accesskit_node().toggled() == Some(egui::accesskit::Toggled::True)
}

#[test]
fn the_export_dialog_redacts_documents_by_default_but_not_spreadsheets() {
    let mut harness = sample();
    press(&mut harness, Modifiers::COMMAND, Key::E);
    assert!(redacting(&harness), "a web page is redacted by default");
    harness.get_by_label("Spreadsheet (CSV)").click();
    harness.run();
    assert!(!redacting(&harness), "a spreadsheet is for the organisers");
    harness.get_by_label("Word document (DOCX)").click();
    harness.run();
    assert!(redacting(&harness));
    harness.get_by_label("Easy Read").click();
    harness.run();
    harness.get_by_role_and_label(egui::accesskit::Role::Dialog, "Export the Easy Read report");
    let markdown = harness.get_by_label("Markdown");
    assert!(
        markdown.accesskit_node().is_disabled(),
        "Easy Read has pictures"
    );
}

#[test]
fn a_redacted_export_says_what_it_took_out_and_an_unredacted_one_keeps_every_word() {
    let mut harness = sample();
    let dir = tempfile::tempdir().unwrap();
    let ctx = harness.ctx.clone();
    for (redact, name) in [(true, "redacted.html"), (false, "as-typed.html")] {
        let path = dir.path().join(name);
        let choice = ExportChoice {
            report: Report::EasyRead,
            format: Format::Html,
            redact,
            ..ExportChoice::default()
        };
        harness.state_mut().start_export(path.clone(), choice, &ctx);
        common::run_until(&mut harness, |h| {
            h.query_by_label_contains(&format!(
                "Exported the Easy Read report to {}",
                path.display()
            ))
            .is_some()
        });
        let said = harness.state().notice().unwrap().to_owned();
        let page = std::fs::read_to_string(&path).unwrap();
        if redact {
            assert!(said.ends_with("Taken out: 2 personal details"), "{said}");
            assert!(
                !page.contains("Margaret") && !page.contains("0113"),
                "{page}"
            );
            assert!(page.contains("[name] at the carers"), "the rest is kept");
        } else {
            assert!(!said.contains("Taken out"), "{said}");
            assert!(page.contains("Margaret at the carers"));
        }
    }
}
