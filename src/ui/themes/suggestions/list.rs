//! The list in the suggestions panel. A session can have thousands of unthemed cards, each with
//! a suggestion, so what the list shows is prepared once per revision and set of suggestions
//! (not looked up in the session every frame), and only the rows in view are laid out.

use crate::edit::Edit;
use crate::model::{Card, CardId, Session, ThemeId};
use crate::suggest::{SuggestionKey, Suggestions};
use crate::ui::intents::Intents;
use std::collections::{HashMap, HashSet};

/// Lines of a card's words shown in a row.
const CARD_LINES: usize = 2;
/// Most lines shown at once of a new theme's cards before they scroll.
const NEW_THEME_CARD_LINES: f32 = 10.0;

/// What the list shows for one revision of the session.
pub struct Rows {
    pub revision: u64,
    new_themes: Vec<NewThemeRow>,
    for_cards: Vec<CardRow>,
}

struct NewThemeRow {
    /// Where the suggestion is in [`Suggestions::new_themes`].
    at: usize,
    /// "5 cards sharing: payroll, forms".
    summary: String,
    /// The words of its cards that still exist, quoted, one line each.
    cards: Vec<String>,
}

struct CardRow {
    key: SuggestionKey,
    /// The card's words, quoted, on one line.
    text: String,
    theme: String,
    /// "Theme: Money (shares: payroll, forms)".
    reason: String,
    /// What accepting does.
    edit: Edit,
}

impl Rows {
    /// The suggestions not dismissed that still fit the session: a card suggestion whose card
    /// or theme has gone, or whose card has the theme already, is left out.
    pub fn prepare(
        suggestions: &Suggestions,
        dismissed: &HashSet<SuggestionKey>,
        session: &Session,
        revision: u64,
    ) -> Self {
        let card_at: HashMap<CardId, &Card> = session.cards.iter().map(|c| (c.id, c)).collect();
        let theme_names: HashMap<ThemeId, &str> = (session.themes.iter())
            .map(|t| (t.id, t.name.as_str()))
            .collect();
        let new_themes = (suggestions.new_themes.iter().enumerate())
            .filter(|(_, s)| !dismissed.contains(&s.key()))
            .map(|(at, s)| NewThemeRow {
                at,
                summary: format!(
                    "{} sharing: {}",
                    crate::summary::words::plural(s.cards.len(), "card"),
                    s.shared_words.join(", ")
                ),
                cards: (s.cards.iter())
                    .filter_map(|c| card_at.get(c))
                    .map(|card| quoted(card))
                    .collect(),
            })
            .collect();
        let for_cards = (suggestions.for_cards.iter())
            .filter(|s| !dismissed.contains(&s.key()))
            .filter_map(|s| {
                let card = card_at.get(&s.card)?;
                let theme = *theme_names.get(&s.theme)?;
                Some(CardRow {
                    key: s.key(),
                    text: quoted(card),
                    theme: theme.to_owned(),
                    reason: format!("Theme: {theme} (shares: {})", s.shared_words.join(", ")),
                    edit: s.edit_for(card)?,
                })
            })
            .collect();
        Self {
            revision,
            new_themes,
            for_cards,
        }
    }
}

fn quoted(card: &Card) -> String {
    format!("“{}”", card.text.replace('\n', " "))
}

/// Shows the list; returns the suggestions accepted or rejected in this frame.
pub fn list_ui(
    ui: &mut egui::Ui,
    rows: &Rows,
    suggestions: &Suggestions,
    session: &Session,
    intents: &mut Intents,
) -> Vec<SuggestionKey> {
    let mut dismiss = Vec::new();
    egui::ScrollArea::vertical()
        .id_salt("suggestions")
        .auto_shrink([false, false])
        .show_viewport(ui, |ui, viewport| {
            if rows.new_themes.is_empty() && rows.for_cards.is_empty() {
                ui.label(
                    "Nothing to suggest: every card has a theme, or no cards say similar things.",
                );
            }
            if !rows.new_themes.is_empty() {
                ui.strong("New themes");
            }
            // At most `Options::max_new_themes` of these, so they are laid out in full.
            for row in &rows.new_themes {
                if let Some(suggestion) = suggestions.new_themes.get(row.at) {
                    let ui_row = NewTheme { row, suggestion };
                    ui_row.ui(ui, session, intents, &mut dismiss);
                }
            }
            if !rows.for_cards.is_empty() {
                ui.add_space(6.0);
                ui.strong("Themes for unthemed cards");
            }
            let origin = ui.min_rect().min;
            card_rows_ui(
                ui,
                viewport.translate(origin.to_vec2()),
                &rows.for_cards,
                intents,
                &mut dismiss,
            );
        });
    dismiss
}

/// A new theme's row: its name, why, its cards (on request), accept and reject.
struct NewTheme<'a> {
    row: &'a NewThemeRow,
    suggestion: &'a crate::suggest::NewThemeSuggestion,
}

impl NewTheme<'_> {
    fn ui(
        &self,
        ui: &mut egui::Ui,
        session: &Session,
        intents: &mut Intents,
        dismiss: &mut Vec<SuggestionKey>,
    ) {
        let (row, suggestion) = (self.row, self.suggestion);
        egui::Frame::group(ui.style()).show(ui, |ui| {
            ui.set_width(ui.available_width());
            ui.label(egui::RichText::new(&suggestion.name).strong());
            ui.label(&row.summary);
            egui::CollapsingHeader::new("Cards")
                .id_salt(("new-theme", &suggestion.name))
                .show(ui, |ui| {
                    let line = ui.text_style_height(&egui::TextStyle::Body);
                    egui::ScrollArea::vertical()
                        .id_salt(("new-theme-cards", &suggestion.name))
                        .max_height(line * NEW_THEME_CARD_LINES)
                        .show_rows(ui, line, row.cards.len(), |ui, range| {
                            for text in &row.cards[range] {
                                ui.add(egui::Label::new(text).truncate());
                            }
                        });
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
}

/// The card suggestions, all of one height, laid out only where `visible` (in screen
/// coordinates) reaches.
fn card_rows_ui(
    ui: &mut egui::Ui,
    visible: egui::Rect,
    rows: &[CardRow],
    intents: &mut Intents,
    dismiss: &mut Vec<SuggestionKey>,
) {
    if rows.is_empty() {
        return;
    }
    let height = card_row_height(ui);
    let step = height + ui.spacing().item_spacing.y;
    let width = ui.available_width();
    let (_, block) = ui.allocate_space(egui::vec2(width, rows.len() as f32 * step));
    let row_at = |y: f32| (((y - block.top()) / step).max(0.0) as usize).min(rows.len());
    let (first, last) = (row_at(visible.top()), row_at(visible.bottom()) + 1);
    for (at, row) in rows.iter().enumerate().take(last).skip(first) {
        let rect = egui::Rect::from_min_size(
            block.min + egui::vec2(0.0, at as f32 * step),
            egui::vec2(width, height),
        );
        let mut child = ui.new_child(
            egui::UiBuilder::new()
                .id_salt(("card-suggestion", at))
                .max_rect(rect)
                .layout(egui::Layout::top_down(egui::Align::Min)),
        );
        card_row_ui(&mut child, row, height, intents, dismiss);
    }
}

/// A framed card row: two lines of the card's words, the theme and why, accept and reject.
fn card_row_height(ui: &egui::Ui) -> f32 {
    let spacing = ui.spacing();
    let line = ui.text_style_height(&egui::TextStyle::Body);
    let buttons = spacing
        .interact_size
        .y
        .max(line + 2.0 * spacing.button_padding.y);
    let frame = egui::Frame::group(ui.style());
    let margins = frame.inner_margin.sum().y + 2.0 * frame.stroke.width;
    line * (CARD_LINES + 1) as f32 + buttons + 2.0 * spacing.item_spacing.y + margins
}

fn card_row_ui(
    ui: &mut egui::Ui,
    row: &CardRow,
    height: f32,
    intents: &mut Intents,
    dismiss: &mut Vec<SuggestionKey>,
) {
    let frame = egui::Frame::group(ui.style());
    let inner_height = height - frame.inner_margin.sum().y - 2.0 * frame.stroke.width;
    frame.show(ui, |ui| {
        ui.set_width(ui.available_width());
        ui.set_min_height(inner_height);
        let mut words = egui::text::LayoutJob::simple(
            row.text.clone(),
            egui::TextStyle::Body.resolve(ui.style()),
            egui::Color32::PLACEHOLDER,
            f32::INFINITY,
        );
        words.wrap.max_rows = CARD_LINES;
        // A longer card shows in full on hover, as egui does for any shortened label.
        ui.add(egui::Label::new(words).wrap());
        ui.add(egui::Label::new(&row.reason).truncate());
        ui.horizontal(|ui| {
            // A long theme name shortens its button rather than push Reject out of the panel.
            let reject = egui::WidgetText::from("Reject")
                .into_galley(ui, None, f32::INFINITY, egui::TextStyle::Button)
                .size()
                .x;
            let spacing = ui.spacing();
            let room = ui.available_width()
                - reject
                - 2.0 * spacing.button_padding.x
                - spacing.item_spacing.x;
            let accept = egui::Button::new(format!("Accept {}", row.theme)).truncate();
            let size = egui::vec2(room.max(0.0), spacing.interact_size.y);
            let accepted = ui
                .allocate_ui_with_layout(
                    size,
                    egui::Layout::left_to_right(egui::Align::Center),
                    |ui| {
                        ui.add(accept)
                            .on_hover_text(format!("Accept {}", row.theme))
                            .clicked()
                    },
                )
                .inner;
            if accepted {
                intents.edit(row.edit.clone());
                dismiss.push(row.key.clone());
            }
            if ui.button("Reject").clicked() {
                dismiss.push(row.key.clone());
            }
        });
    });
}
