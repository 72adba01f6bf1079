//! The suggestions panel: theme suggestions worked out on a helper thread from the card text,
//! each shown with the words it rests on, to accept (one undoable change) or reject.

mod list;

use crate::document::Document;
use crate::suggest::{self, SuggestionKey, Suggestions};
use crate::ui::intents::Intents;
use crate::ui::task::{Poll, Task, take_finished};
use list::Rows;
use std::collections::HashSet;

#[derive(Default)]
pub struct SuggestionsPanel {
    /// Suggestions being worked out, and the revision they are for.
    running: Option<Task<Option<Suggestions>>>,
    running_for: u64,
    suggestions: Option<Suggestions>,
    /// The session revision the suggestions were made from.
    made_at: u64,
    /// Suggestions the user rejected or already accepted: not shown again.
    dismissed: HashSet<SuggestionKey>,
    /// What the list shows, prepared for one revision and one set of suggestions, so a
    /// frame does not look every suggestion's card up in the session.
    rows: Option<Rows>,
    error: Option<String>,
}

impl SuggestionsPanel {
    fn start(&mut self, document: &Document, ctx: &egui::Context) {
        let session = document.snapshot();
        let spawned = Task::spawn("suggest themes", ctx, move |progress| {
            suggest::suggest(&session, &|fraction| progress.report(fraction))
        });
        match spawned {
            Ok(task) => {
                self.running = Some(task);
                self.running_for = document.revision();
            }
            Err(error) => self.error = Some(format!("Could not start suggesting: {error}")),
        }
    }

    fn poll(&mut self) {
        match take_finished(&mut self.running) {
            Some(Poll::Done(Some(suggestions))) => {
                self.made_at = self.running_for;
                self.suggestions = Some(suggestions);
                self.rows = None;
            }
            // Cancelled: the last suggestions, if any, stay (`take_finished` gives no `Pending`).
            Some(Poll::Done(None) | Poll::Pending) | None => {}
            Some(Poll::Lost) => {
                self.error = Some("Suggesting stopped unexpectedly; the log says why.".into());
            }
        }
    }

    /// Prepares the rows again when the session, the suggestions or the dismissed ones have
    /// changed since.
    fn refresh_rows(&mut self, document: &Document) {
        let Some(suggestions) = &self.suggestions else {
            return;
        };
        let revision = document.revision();
        if self
            .rows
            .as_ref()
            .is_none_or(|rows| rows.revision != revision)
        {
            let rows = Rows::prepare(suggestions, &self.dismissed, document.session(), revision);
            self.rows = Some(rows);
        }
    }
}

pub fn suggestions_ui(
    ui: &mut egui::Ui,
    panel: &mut SuggestionsPanel,
    document: &Document,
    intents: &mut Intents,
) {
    let revision = document.revision();
    panel.poll();
    ui.heading("Suggestions");
    ui.small("Worked out on this computer from the words on the cards. Nothing changes unless you accept.");
    ui.add_space(4.0);
    if let Some(running) = &panel.running {
        ui.add(
            egui::ProgressBar::new(running.fraction())
                .show_percentage()
                .text("Reading the cards…"),
        );
        if ui.button("Cancel").clicked() {
            running.cancel();
        }
        return;
    }
    let label = if panel.suggestions.is_some() {
        "Suggest again"
    } else {
        "Suggest themes"
    };
    if ui.button(label).clicked() {
        panel.start(document, ui.ctx());
    }
    if let Some(error) = &panel.error {
        ui.label(error);
    }
    if panel.suggestions.is_some() && panel.made_at != revision {
        ui.small("The cards have changed since: suggestions that no longer fit are left out.");
    }
    panel.refresh_rows(document);
    let (Some(rows), Some(suggestions)) = (&panel.rows, &panel.suggestions) else {
        return;
    };
    let dismiss = list::list_ui(ui, rows, suggestions, document.session(), intents);
    if !dismiss.is_empty() {
        panel.dismissed.extend(dismiss);
        panel.rows = None;
    }
}
