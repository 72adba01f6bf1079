//! The suggestions panel: theme suggestions worked out on a helper thread from the card text,
//! each shown with the words it rests on, to accept (one undoable change) or reject.

use super::intents::Intents;
use crate::document::Document;
use crate::suggest::{self, SuggestionKey, Suggestions};
use std::collections::HashSet;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicU32, Ordering};
use std::sync::mpsc::{Receiver, channel};

/// Suggestions being worked out.
struct Running {
    /// Fraction done, as f32 bits.
    progress: Arc<AtomicU32>,
    cancel: Arc<AtomicBool>,
    result: Receiver<Option<Suggestions>>,
    revision: u64,
}

#[derive(Default)]
pub struct SuggestionsPanel {
    running: Option<Running>,
    suggestions: Option<Suggestions>,
    /// The session revision the suggestions were made from.
    made_at: u64,
    /// Suggestions the user rejected or already accepted: not shown again.
    dismissed: HashSet<SuggestionKey>,
    error: Option<String>,
}

impl SuggestionsPanel {
    fn start(&mut self, document: &Document, ctx: &egui::Context) {
        let revision = document.revision();
        let progress = Arc::new(AtomicU32::new(0));
        let cancel = Arc::new(AtomicBool::new(false));
        let (send, result) = channel();
        let session = document.snapshot();
        let (thread_progress, thread_cancel, ctx) =
            (Arc::clone(&progress), Arc::clone(&cancel), ctx.clone());
        let spawned = std::thread::Builder::new()
            .name("suggest themes".into())
            .spawn(move || {
                let report = |fraction: f32| {
                    thread_progress.store(fraction.to_bits(), Ordering::Relaxed);
                    ctx.request_repaint();
                    !thread_cancel.load(Ordering::Relaxed)
                };
                let _ = send.send(suggest::suggest(&session, &report));
                ctx.request_repaint();
            });
        match spawned {
            Ok(_) => {
                self.running = Some(Running {
                    progress,
                    cancel,
                    result,
                    revision,
                })
            }
            Err(error) => self.error = Some(format!("Could not start suggesting: {error}")),
        }
    }

    fn poll(&mut self) {
        let Some(running) = &self.running else { return };
        match running.result.try_recv() {
            Ok(Some(suggestions)) => {
                self.made_at = running.revision;
                self.suggestions = Some(suggestions);
                self.running = None;
            }
            Ok(None) | Err(std::sync::mpsc::TryRecvError::Disconnected) => self.running = None,
            Err(std::sync::mpsc::TryRecvError::Empty) => {}
        }
    }
}

pub fn suggestions_ui(
    ui: &mut egui::Ui,
    panel: &mut SuggestionsPanel,
    document: &Document,
    intents: &mut Intents,
) {
    let (session, revision) = (document.session(), document.revision());
    panel.poll();
    ui.heading("Suggestions");
    ui.small("Worked out on this computer from the words on the cards. Nothing changes unless you accept.");
    ui.add_space(4.0);
    if let Some(running) = &panel.running {
        let done = f32::from_bits(running.progress.load(Ordering::Relaxed));
        ui.add(
            egui::ProgressBar::new(done)
                .show_percentage()
                .text("Reading the cards…"),
        );
        if ui.button("Cancel").clicked() {
            running.cancel.store(true, Ordering::Relaxed);
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
    let Some(suggestions) = &panel.suggestions else {
        return;
    };
    if panel.made_at != revision {
        ui.small("The cards have changed since: suggestions that no longer fit are left out.");
    }
    let mut dismiss = Vec::new();
    egui::ScrollArea::vertical()
        .id_salt("suggestions")
        .auto_shrink([false, false])
        .show(ui, |ui| {
            let new_themes: Vec<_> = suggestions
                .new_themes
                .iter()
                .filter(|s| !panel.dismissed.contains(&s.key()))
                .collect();
            let for_cards: Vec<_> = (suggestions.for_cards.iter())
                .filter(|s| !panel.dismissed.contains(&s.key()))
                .filter_map(|s| Some((s, s.to_edit(session)?)))
                .collect();
            if new_themes.is_empty() && for_cards.is_empty() {
                ui.label(
                    "Nothing to suggest: every card has a theme, or no cards say similar things.",
                );
            }
            if !new_themes.is_empty() {
                ui.strong("New themes");
            }
            for suggestion in new_themes {
                egui::Frame::group(ui.style()).show(ui, |ui| {
                    ui.set_width(ui.available_width());
                    ui.label(egui::RichText::new(&suggestion.name).strong());
                    ui.label(format!(
                        "{} sharing: {}",
                        crate::summary::words::plural(suggestion.cards.len(), "card"),
                        suggestion.shared_words.join(", ")
                    ));
                    egui::CollapsingHeader::new("Cards")
                        .id_salt(("new-theme", &suggestion.name))
                        .show(ui, |ui| {
                            for card in suggestion.cards.iter().filter_map(|c| session.card(*c)) {
                                ui.add(
                                    egui::Label::new(format!("“{}”", card.text.replace('\n', " ")))
                                        .truncate(),
                                );
                            }
                        });
                    ui.horizontal(|ui| {
                        if ui.button(format!("Accept “{}”", suggestion.name)).clicked() {
                            intents.edit(suggestion.to_edit(session));
                            dismiss.push(suggestion.key());
                        }
                        if ui.button("Reject").clicked() {
                            dismiss.push(suggestion.key());
                        }
                    });
                });
            }
            if !for_cards.is_empty() {
                ui.add_space(6.0);
                ui.strong("Themes for unthemed cards");
            }
            for (suggestion, edit) in for_cards {
                let (Some(card), Some(theme)) = (
                    session.card(suggestion.card),
                    session.theme(suggestion.theme),
                ) else {
                    continue;
                };
                egui::Frame::group(ui.style()).show(ui, |ui| {
                    ui.set_width(ui.available_width());
                    ui.add(egui::Label::new(format!("“{}”", card.text.replace('\n', " "))).wrap());
                    ui.label(format!(
                        "Theme: {} (shares: {})",
                        theme.name,
                        suggestion.shared_words.join(", ")
                    ));
                    ui.horizontal(|ui| {
                        if ui.button(format!("Accept {}", theme.name)).clicked() {
                            intents.edit(edit);
                            dismiss.push(suggestion.key());
                        }
                        if ui.button("Reject").clicked() {
                            dismiss.push(suggestion.key());
                        }
                    });
                });
            }
        });
    panel.dismissed.extend(dismiss);
}
