//! The Personal details screen: every personal detail found in what a redacted export shows,
//! with where it is, what kind it is and why, and what the organiser chose: take it out (as a
//! placeholder or a role), or keep it as typed. Choices are saved on the card as undoable
//! edits; the card's words never change.

use super::derived::Derived;
use super::dialogs::Dialog;
use super::dialogs::names_to_hide::NamesToHideDialog;
use super::dialogs::replace_with::ReplaceWithDialog;
use super::intents::Intents;
use super::state::UiState;
use crate::document::Document;
use crate::edit::Edit;
use crate::model::{Card, DetailKind, RedactChoice, Redaction, Session};
use crate::redact::{Outcome, Place, Replacement};

/// What the screen shows, kept while another screen is.
pub struct PersonalDetailsView {
    pub only_to_review: bool,
    /// The details found, found again after each change.
    found: Derived<Vec<Replacement>>,
}

impl Default for PersonalDetailsView {
    fn default() -> Self {
        Self {
            only_to_review: false,
            found: Derived::new("personal details"),
        }
    }
}

/// The edit that records a choice for some words of a card, in place of any earlier one.
pub fn choose(card: &Card, words: &str, kind: DetailKind, choice: RedactChoice) -> Edit {
    let mut redactions: Vec<Redaction> = (card.redactions.iter())
        .filter(|r| !r.is_for(words))
        .cloned()
        .collect();
    redactions.push(Redaction {
        words: words.to_owned(),
        kind,
        choice,
    });
    Edit::SetRedactions {
        id: card.id,
        redactions,
    }
}

pub fn personal_details_ui(
    ui: &mut egui::Ui,
    view: &mut PersonalDetailsView,
    document: &Document,
    state: &mut UiState,
    intents: &mut Intents,
) {
    let (session, revision) = (document.session(), document.revision());
    let only_to_review = view.only_to_review;
    (view.found).refresh(document, ui.ctx(), |session, _| {
        Some(crate::redact::redact(session).log)
    });
    ui.horizontal(|ui| {
        ui.heading("Personal details");
        view.found.status_ui(ui, revision);
    });
    let Some(found) = view.found.latest() else {
        return;
    };
    ui.label(
        "Names, phone numbers and emails in what people said. Redacted exports take out what \
         is marked; the cards keep their words.",
    );
    ui.label(if found.is_empty() {
        "None found.".to_owned()
    } else {
        format!("{}.", crate::redact::totals(found))
    });
    let mut dialog = None;
    let mut only = only_to_review;
    ui.horizontal_wrapped(|ui| {
        if ui.button("Names to hide…").clicked() {
            dialog = Some(Dialog::NamesToHide(NamesToHideDialog::for_session(session)));
        }
        ui.checkbox(&mut only, "Only possible names to review");
    });
    ui.add_space(6.0);
    egui::ScrollArea::vertical()
        .auto_shrink(false)
        .show(ui, |ui| {
            let rows = found
                .iter()
                .filter(|r| !only || r.outcome == Outcome::ToReview);
            for (n, row) in rows.enumerate() {
                ui.push_id(n, |ui| {
                    if let Some(opened) = row_ui(ui, row, session, intents) {
                        dialog = Some(opened);
                    }
                });
                ui.separator();
            }
        });
    view.only_to_review = only;
    if dialog.is_some() {
        state.dialog = dialog;
    }
}

/// One detail: where and why, the text with the words marked, what becomes of it and the
/// buttons that change that. Returns a dialog to open.
fn row_ui(
    ui: &mut egui::Ui,
    row: &Replacement,
    session: &Session,
    intents: &mut Intents,
) -> Option<Dialog> {
    let dim = ui.visuals().weak_text_color();
    ui.horizontal_wrapped(|ui| {
        ui.label(egui::RichText::new(row.place.describe()).strong());
        ui.label(egui::RichText::new(format!("{}: {}", row.kind.label(), row.why)).color(dim));
    });
    ui.label(marked(ui, &row.text, row.range.clone()));
    let words = &row.words;
    let Place::Card { id, .. } = &row.place else {
        ui.label(format!("Always taken out as {}.", row.kind.placeholder()));
        return None;
    };
    let card = session.card(*id)?;
    let mut dialog = None;
    ui.horizontal_wrapped(|ui| {
        ui.label(match &row.outcome {
            Outcome::Replaced(with) => format!("Taken out as {with}."),
            Outcome::Kept => "Kept as typed.".to_owned(),
            Outcome::ToReview => "Kept until you choose.".to_owned(),
        });
        let placeholder = row.kind.placeholder();
        let replaced_by_placeholder = row.outcome == Outcome::Replaced(placeholder.to_owned());
        let choice = |choice| choose(card, words, row.kind, choice);
        if !replaced_by_placeholder && ui.button(format!("Take out “{words}”")).clicked() {
            intents.edit(choice(RedactChoice::Replace(placeholder.to_owned())));
        }
        if ui.button(format!("Replace “{words}” with…")).clicked() {
            let now = match &row.outcome {
                Outcome::Replaced(with) => with.as_str(),
                _ => placeholder,
            };
            let replace = ReplaceWithDialog::new(card.id, words.clone(), row.kind, now);
            dialog = Some(Dialog::ReplaceWith(Box::new(replace)));
        }
        if row.outcome != Outcome::Kept && ui.button(format!("Keep “{words}”")).clicked() {
            intents.edit(choice(RedactChoice::Dismiss));
        }
    });
    dialog
}

/// The text with the found words marked as selected text is.
fn marked(ui: &egui::Ui, text: &str, range: std::ops::Range<usize>) -> egui::text::LayoutJob {
    let font = egui::TextStyle::Body.resolve(ui.style());
    let normal = egui::TextFormat::simple(font.clone(), ui.visuals().text_color());
    let selection = ui.visuals().selection;
    let found = egui::TextFormat {
        background: selection.bg_fill,
        color: selection.stroke.color,
        ..egui::TextFormat::simple(font, ui.visuals().strong_text_color())
    };
    let mut job = egui::text::LayoutJob::default();
    job.append(&text[..range.start], 0.0, normal.clone());
    job.append(&text[range.clone()], 0.0, found);
    job.append(&text[range.end..], 0.0, normal);
    job.wrap.max_width = ui.available_width();
    job
}
