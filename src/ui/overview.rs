//! Every group's cards at once: three columns per group, each card's words wrapped whole.
//! Row heights are measured once per change of the session or the column width, so only the
//! rows in view are laid out, however many cards there are.

use super::index::SessionIndex;
use super::palette;
use super::state::UiState;
use crate::model::{CardId, Category, GroupId, Session};
use std::collections::HashMap;

/// One line of the overview.
enum Row {
    Heading(GroupId),
    /// The n-th card of each of the group's columns.
    Cards(GroupId, usize),
}

/// What the row heights were measured for: the session's revision, the column width and the
/// text size (zooming changes neither the revision nor, in points, the width).
#[derive(Clone, Copy, PartialEq)]
struct Measured {
    revision: u64,
    column_width: f32,
    text_size: f32,
}

/// The overview's rows and where each starts, rebuilt only when the session or the width
/// changes.
#[derive(Default)]
pub struct Overview {
    rows: Vec<Row>,
    /// The top of each row from the top of the list, and the bottom of the last one after.
    tops: Vec<f32>,
    measured: Option<Measured>,
    /// Each card's words and their height, kept from one change to the next so that an edit
    /// lays out only the cards it touched (all 10,000 take about 90 ms); for the column width
    /// and text size last measured.
    heights: HashMap<CardId, (String, f32)>,
}

/// Space round a card's words, inside its cell.
const CELL_PADDING: egui::Vec2 = egui::vec2(4.0, 3.0);

impl Overview {
    fn refresh(&mut self, ui: &egui::Ui, session: &Session, index: &SessionIndex, key: Measured) {
        if self.measured == Some(key) {
            return;
        }
        self.rows.clear();
        for group in &session.groups {
            self.rows.push(Row::Heading(group.id));
            let deepest = Category::ALL
                .iter()
                .map(|c| index.count(group.id, *c))
                .max()
                .unwrap_or(0);
            self.rows
                .extend((0..deepest.max(1)).map(|n| Row::Cards(group.id, n)));
        }
        let font = egui::TextStyle::Body.resolve(ui.style());
        let line = ui.text_style_height(&egui::TextStyle::Body);
        let wrap_width = key.column_width - 2.0 * CELL_PADDING.x;
        let text_height = |text: &str| {
            let galley = ui.fonts_mut(|fonts| {
                fonts.layout(
                    text.to_owned(),
                    font.clone(),
                    egui::Color32::WHITE,
                    wrap_width,
                )
            });
            galley.size().y
        };
        let sized = |m: Measured| (m.column_width, m.text_size);
        if self.measured.map(sized) != Some(sized(key)) {
            self.heights.clear();
        }
        self.heights
            .retain(|id, _| index.card_position(*id).is_some());
        for card in &session.cards {
            let known = self.heights.get(&card.id);
            if known.is_none_or(|(text, _)| *text != card.text) {
                let measured = (card.text.clone(), text_height(&card.text));
                self.heights.insert(card.id, measured);
            }
        }
        let gap = ui.spacing().item_spacing.y;
        let mut top = 0.0;
        self.tops.clear();
        for row in &self.rows {
            self.tops.push(top);
            let height = match *row {
                Row::Heading(_) => line + 12.0,
                Row::Cards(group, n) => Category::ALL
                    .iter()
                    .filter_map(|c| index.column(group, *c).get(n))
                    .filter_map(|&at| session.cards.get(at))
                    .filter_map(|card| self.heights.get(&card.id).map(|(_, height)| *height))
                    .fold(line, f32::max),
            };
            top += height + 2.0 * CELL_PADDING.y + gap;
        }
        self.tops.push(top);
        self.measured = Some(key);
    }

    /// The rows that overlap `span` (from the top of the list).
    fn rows_in(&self, span: egui::Rangef) -> std::ops::Range<usize> {
        let first = self.tops[1..].partition_point(|bottom| *bottom < span.min);
        let end = self.tops[..self.rows.len()].partition_point(|top| *top <= span.max);
        first..end.max(first)
    }
}

pub fn overview_ui(
    ui: &mut egui::Ui,
    overview: &mut Overview,
    session: &Session,
    index: &SessionIndex,
    revision: u64,
    state: &mut UiState,
) {
    ui.heading("All groups");
    let dark = ui.visuals().dark_mode;
    let gap = ui.spacing().item_spacing.x;
    // Room for the scroll bar on the right.
    let column_width = ((ui.available_width() - 16.0 - 2.0 * gap) / 3.0).max(80.0);
    ui.horizontal(|ui| {
        for category in Category::ALL {
            let heading = egui::RichText::new(category.label())
                .strong()
                .color(palette::category(category, dark));
            // Over the left edge of its column, where the cards' words start.
            let size = egui::vec2(column_width, ui.text_style_height(&egui::TextStyle::Body));
            let layout = egui::Layout::left_to_right(egui::Align::Center);
            ui.allocate_ui_with_layout(size, layout, |ui| {
                ui.set_min_size(size);
                ui.add(egui::Label::new(heading).truncate());
            });
        }
    });
    ui.separator();
    let key = Measured {
        revision,
        column_width,
        text_size: egui::TextStyle::Body.resolve(ui.style()).size,
    };
    overview.refresh(ui, session, index, key);
    let total = overview.tops.last().copied().unwrap_or(0.0);
    egui::ScrollArea::vertical()
        .auto_shrink([false, false])
        .show_viewport(ui, |ui, viewport| {
            ui.set_height(total);
            let origin = ui.min_rect().min;
            for at in overview.rows_in(viewport.y_range()) {
                let top = origin.y + overview.tops[at];
                let height = overview.tops[at + 1] - overview.tops[at];
                let row = egui::Rect::from_min_size(
                    egui::pos2(origin.x, top),
                    egui::vec2(3.0 * column_width + 2.0 * gap, height),
                );
                match overview.rows[at] {
                    Row::Heading(group) => heading_ui(ui, row, session, group, state),
                    Row::Cards(group, n) => {
                        for (column, category) in Category::ALL.into_iter().enumerate() {
                            let Some(&card_at) = index.column(group, category).get(n) else {
                                continue;
                            };
                            let cell = egui::Rect::from_min_size(
                                row.min + egui::vec2(column as f32 * (column_width + gap), 0.0),
                                egui::vec2(column_width, height),
                            );
                            card_ui(ui, cell, session, card_at, state);
                        }
                    }
                }
            }
        });
}

/// A group's name over its cards; clicking it opens its board.
fn heading_ui(
    ui: &mut egui::Ui,
    rect: egui::Rect,
    session: &Session,
    group: GroupId,
    state: &mut UiState,
) {
    let name = egui::RichText::new(session.group_name(group)).strong();
    let builder = egui::UiBuilder::new()
        .max_rect(rect)
        .layout(egui::Layout::bottom_up(egui::Align::Min));
    let response = ui
        .scope_builder(builder, |ui| ui.add(egui::Button::new(name).frame(false)))
        .inner;
    if response.on_hover_text("Open this group's board").clicked() {
        state.group = group;
        state.view = super::state::View::Board;
        state.focus_draft = true;
    }
}

/// A card's whole words in its cell; clicking shows it on its group's board.
fn card_ui(
    ui: &mut egui::Ui,
    cell: egui::Rect,
    session: &Session,
    card_at: usize,
    state: &mut UiState,
) {
    let Some(card) = session.cards.get(card_at) else {
        return;
    };
    // Ragged right from the cell's top left, as the board shows cards.
    let builder = egui::UiBuilder::new()
        .max_rect(cell)
        .layout(egui::Layout::top_down(egui::Align::Min));
    let response = ui
        .scope_builder(builder, |ui| {
            ui.spacing_mut().button_padding = CELL_PADDING;
            ui.add(egui::Button::new(&card.text).frame(false).wrap())
        })
        .inner;
    if response
        .on_hover_text("Show on its group's board")
        .clicked()
    {
        state.reveal(session, card.id);
    }
}
