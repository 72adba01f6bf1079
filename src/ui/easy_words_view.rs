//! The Easy words screen: per theme, the heading and the points the Easy Read report will
//! show, each as it will read, with the long ones (more than 15 words) marked so the organiser
//! can write them in easy words. Every change is one undoable edit, made in a dialog.

use super::derived::Derived;
use super::dialogs::Dialog;
use super::dialogs::easy_words::{EasyFor, EasyWordsDialog, word_count};
use super::state::UiState;
use crate::document::Document;
use crate::summary::easy_read::{self, EasyRead, LONG_CARD_WORDS};

/// The report as the session is now, built again after each change.
pub struct EasyWordsView {
    report: Derived<EasyRead>,
}

impl Default for EasyWordsView {
    fn default() -> Self {
        Self {
            report: Derived::new("Easy Read report"),
        }
    }
}

pub fn easy_words_ui(
    ui: &mut egui::Ui,
    view: &mut EasyWordsView,
    document: &Document,
    state: &mut UiState,
) {
    let (session, revision) = (document.session(), document.revision());
    (view.report).refresh(document, ui.ctx(), |session, _| {
        Some(EasyRead::build(session))
    });
    ui.horizontal(|ui| {
        ui.heading("Easy words");
        view.report.status_ui(ui, revision);
    });
    let Some(report) = view.report.latest() else {
        return;
    };
    let long = report
        .themes
        .iter()
        .flat_map(|t| &t.parts)
        .flat_map(|p| &p.points)
        .filter(|p| easy_read::is_long(&p.words))
        .count();
    ui.label(format!(
        "What the Easy Read report says: up to three points for each part of each theme. \
         Points of more than {LONG_CARD_WORDS} words are hard to read: {} to shorten.",
        if long == 0 {
            "none".to_owned()
        } else {
            long.to_string()
        }
    ));
    if report.themes.is_empty() {
        ui.label("No theme has cards yet: make themes on the Themes screen (Ctrl+F3).");
        return;
    }
    let mut open = None;
    let warning = super::palette::warning(ui.visuals().dark_mode);
    egui::ScrollArea::vertical()
        .auto_shrink(false)
        .show(ui, |ui| {
            for theme in &report.themes {
                ui.add_space(8.0);
                ui.horizontal_wrapped(|ui| {
                    ui.heading(&theme.heading);
                    let name = session.theme(theme.id).map_or("", |t| t.name.as_str());
                    if ui.button(format!("Easy words for “{name}”…")).clicked() {
                        open = Some(EasyFor::Theme(theme.id));
                    }
                });
                for part in &theme.parts {
                    ui.label(egui::RichText::new(easy_read::wording::part(part.category)).strong());
                    for point in &part.points {
                        ui.horizontal_wrapped(|ui| {
                            ui.label(format!("• {}", point.words));
                            if easy_read::is_long(&point.words) {
                                ui.colored_label(
                                    warning,
                                    format!("long: {}", word_count(&point.words)),
                                );
                            }
                            let first: String = point
                                .words
                                .split_whitespace()
                                .take(4)
                                .collect::<Vec<_>>()
                                .join(" ");
                            if ui.button(format!("Easy words for “{first}…”")).clicked() {
                                open = Some(EasyFor::Card(point.card));
                            }
                        });
                    }
                }
                ui.separator();
            }
        });
    if let Some(about) = open {
        state.dialog = Some(Dialog::EasyWords(Box::new(EasyWordsDialog::new(
            about, session,
        ))));
    }
}
