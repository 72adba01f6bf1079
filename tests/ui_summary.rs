//! The summary preview and the export, through the real app.
#![allow(clippy::unwrap_used, clippy::expect_used)] // Test helpers may panic: that is a failed test.

use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use harvest::summary::Format;
use harvest::ui::{ExportChoice, HarvestApp};

mod common;

fn sample() -> Harness<'static, HarvestApp> {
    common::app(common::sample_session())
}

#[test]
fn the_preview_shows_the_header_chart_and_themes_in_order() {
    let mut harness = sample();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::F4);
    // The summary is built on a helper thread; wait for it to arrive.
    common::run_until(&mut harness, |h| {
        h.query_by_label("Sample workshop: Personal budgets in social care")
            .is_some()
    });
    harness.get_by_label("Sample workshop: Personal budgets in social care");
    harness.get_by_label("Participants: 41 people (Service users 12, Carers 12, Social workers 8, Providers 7, Others 2)");
    let chart = harness.get_by_label_contains("Chart of cards per theme");
    let description = format!("{chart:?}");
    let information = description.find("Information and advice 13").unwrap();
    let carers = description.find("Carers 7").unwrap();
    assert!(
        information < carers,
        "themes with more cards come first: {description}"
    );
    harness
        .get_by_label("“The direct payments support officer answered the phone when I was stuck”");
}

#[test]
fn ctrl_e_opens_the_export_dialog_and_escape_closes_it() {
    let mut harness = sample();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::E);
    harness.run();
    harness.get_by_role_and_label(egui::accesskit::Role::Dialog, "Export the summary");
    harness.get_by_label("Word document (DOCX)").click();
    harness.run();
    harness.key_press(Key::Escape);
    harness.run();
    assert!(
        harness
            .query_by_role_and_label(egui::accesskit::Role::Dialog, "Export the summary")
            .is_none()
    );
}

#[test]
fn an_export_is_written_in_the_background_and_reported() {
    let mut harness = sample();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("summary.md");
    let choice = ExportChoice {
        format: Format::Markdown,
        ..ExportChoice::default()
    };
    let ctx = harness.ctx.clone();
    harness.state_mut().start_export(path.clone(), choice, &ctx);
    common::run_until(&mut harness, |h| {
        h.query_by_label_contains("Exported the summary to")
            .is_some()
    });
    harness.get_by_label_contains("Exported the summary to");
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(
        text.starts_with("# Sample workshop: Personal budgets in social care"),
        "{text}"
    );
    assert!(text.contains("Payroll and tax forms for employing a PA are frightening"));
}

#[test]
fn the_preview_follows_changes_to_the_session() {
    let mut harness = sample();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::F4);
    let wait_for = |harness: &mut Harness<'static, HarvestApp>, label: &str| {
        common::run_until(harness, |h| h.query_by_label(label).is_some());
    };
    wait_for(
        &mut harness,
        "Sample workshop: Personal budgets in social care",
    );
    harness.key_press_modifiers(Modifiers::COMMAND, Key::F1);
    harness.run();
    harness.event(egui::Event::Text("A brand new card".into()));
    harness.key_press(Key::Enter);
    harness.run();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::F4);
    // The new card is unthemed, far down the page; the header counts it at once.
    wait_for(
        &mut harness,
        "Cards: 49 cards: Good 19, Not so good 18, What would make a difference 12",
    );
}
