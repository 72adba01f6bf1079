//! Every group's cards at once: one line per card, three columns per group. Rows have one
//! height so only the visible ones are laid out, however many cards there are.

use super::index::SessionIndex;
use super::palette;
use super::state::UiState;
use crate::model::{Category, GroupId, Session};

/// One line of the overview.
enum Row {
    Heading(GroupId),
    /// The n-th card of each of the group's columns.
    Cards(GroupId, usize),
}

/// The overview's lines, rebuilt only when the session changes.
#[derive(Default)]
pub struct Overview {
    rows: Vec<Row>,
    revision: u64,
}

impl Overview {
    fn refresh(&mut self, session: &Session, index: &SessionIndex, revision: u64) {
        if self.revision == revision {
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
        self.revision = revision;
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
    overview.refresh(session, index, revision);
    ui.heading("All groups");
    let dark = ui.visuals().dark_mode;
    let row_height = ui.text_style_height(&egui::TextStyle::Body) + 8.0;
    let width = (ui.available_width() - 24.0) / 3.0;
    ui.horizontal(|ui| {
        for category in Category::ALL {
            ui.add_sized(
                [width, row_height],
                egui::Label::new(
                    egui::RichText::new(category.label())
                        .strong()
                        .color(palette::category(category, dark)),
                ),
            );
        }
    });
    ui.separator();
    egui::ScrollArea::vertical()
        .auto_shrink([false, false])
        .show_rows(ui, row_height, overview.rows.len(), |ui, rows| {
            for row in &overview.rows[rows] {
                match *row {
                    Row::Heading(group) => {
                        let name = session.group_name(group);
                        let response = ui.add_sized(
                            [ui.available_width(), row_height],
                            egui::Button::new(egui::RichText::new(name).strong()).frame(false),
                        );
                        if response.on_hover_text("Open this group's board").clicked() {
                            state.group = group;
                            state.view = super::state::View::Board;
                            state.focus_draft = true;
                        }
                    }
                    Row::Cards(group, n) => {
                        ui.horizontal(|ui| {
                            for category in Category::ALL {
                                let card = index
                                    .column(group, category)
                                    .get(n)
                                    .and_then(|&at| session.cards.get(at));
                                let Some(card) = card else {
                                    ui.allocate_exact_size(
                                        egui::vec2(width, row_height),
                                        egui::Sense::hover(),
                                    );
                                    continue;
                                };
                                let response = ui.add_sized(
                                    [width, row_height],
                                    egui::Button::new(card.text.replace('\n', " "))
                                        .frame(false)
                                        .truncate(),
                                );
                                if response.on_hover_text(&card.text).clicked() {
                                    state.reveal(session, card.id);
                                }
                            }
                        });
                    }
                }
            }
        });
}
