//! What the projector shows: large, high-contrast, and nothing the room should not see (no
//! menus, notes, participant mixes, or words still being typed).

use super::super::{TimerView, Urgency};
use super::Showing;
use crate::model::{Card, Category, GroupId, Session, Targets};
use crate::summary::words::plural;
use crate::ui::index::SessionIndex;
use crate::ui::palette;
use egui::{RichText, Ui};

/// Card words: about 28 pt or more on a 1080p projector read from the back of a hall.
pub const CARD_SIZE: f32 = 34.0;
const HEADING_SIZE: f32 = 48.0;
const QUOTE_SIZE: f32 = 48.0;
/// Counts, category names and the timer.
const LABEL_SIZE: f32 = 34.0;
/// Lines under a quote: whose it is.
const NOTE_SIZE: f32 = 28.0;

/// Everything one frame of the projector needs.
pub struct Slide<'a> {
    pub session: &'a Session,
    pub index: &'a SessionIndex,
    /// The group the facilitator is capturing for.
    pub group: GroupId,
    pub timer: Option<TimerView>,
    pub showing: Showing,
    pub hide_words: bool,
    /// Positions (in `Session::cards`) of the chosen theme's cards, or the starred cards.
    pub chosen: &'a [usize],
    /// Which starred card is up, on the quote wall.
    pub quote: usize,
}

/// The whole projector window, named for screen readers as "Projector".
pub fn slide_ui(ui: &mut Ui, slide: &Slide<'_>) {
    let scope = ui.scope(|ui| {
        ui.spacing_mut().item_spacing = egui::vec2(16.0, 12.0);
        ui.horizontal(|ui| {
            ui.label(RichText::new(title(slide)).size(HEADING_SIZE).strong());
            if let Some(timer) = &slide.timer {
                ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                    timer_ui(ui, timer);
                });
            }
        });
        ui.separator();
        match slide.showing {
            Showing::Group => group_ui(ui, slide),
            Showing::Counts => counts_ui(ui, slide),
            Showing::Theme(_) => chosen_cards_ui(ui, slide),
            Showing::Quotes => quote_ui(ui, slide),
        }
        ui.unique_id()
    });
    let rect = scope.response.rect;
    ui.ctx().accesskit_node_builder(scope.inner, |node| {
        node.set_role(egui::accesskit::Role::Region);
        node.set_label("Projector");
        node.set_bounds(egui::accesskit::Rect {
            x0: rect.min.x.into(),
            y0: rect.min.y.into(),
            x1: rect.max.x.into(),
            y1: rect.max.y.into(),
        });
    });
}

fn title(slide: &Slide<'_>) -> String {
    let session = slide.session;
    match slide.showing {
        Showing::Group => session.group_name(slide.group).to_owned(),
        Showing::Counts => "Every group".to_owned(),
        Showing::Theme(id) => session
            .theme(id)
            .map_or_else(|| "(no theme)".to_owned(), |t| t.name.clone()),
        Showing::Quotes => "What people said".to_owned(),
    }
}

fn timer_ui(ui: &mut Ui, timer: &TimerView) {
    let dark = ui.visuals().dark_mode;
    let color = match timer.urgency {
        Urgency::Calm => ui.visuals().strong_text_color(),
        Urgency::Soon => palette::time_soon(dark),
        Urgency::Over => palette::time_over(dark),
    };
    let words = format!("{}: {}", timer.phase, timer.time);
    ui.label(RichText::new(words).size(LABEL_SIZE).strong().color(color));
}

/// The current group's three columns, newest cards in view as they are added.
fn group_ui(ui: &mut Ui, slide: &Slide<'_>) {
    let targets = slide.session.details.targets;
    ui.columns(Category::ALL.len(), |columns| {
        for (column, category) in columns.iter_mut().zip(Category::ALL) {
            // Left-aligned: justified text in large type opens wide gaps between letters.
            let layout = egui::Layout::top_down(egui::Align::Min);
            let ui = &mut column.new_child(egui::UiBuilder::new().layout(layout));
            let cards = slide.index.column(slide.group, category);
            column_heading_ui(ui, category, cards.len(), targets);
            if slide.hide_words {
                continue;
            }
            egui::ScrollArea::vertical()
                .id_salt(("projector-column", category))
                .stick_to_bottom(true)
                .scroll_bar_visibility(egui::scroll_area::ScrollBarVisibility::AlwaysHidden)
                .auto_shrink([false, false])
                .show(ui, |ui| {
                    for &at in cards {
                        if let Some(card) = slide.session.cards.get(at) {
                            card_ui(ui, card);
                        }
                    }
                });
        }
    });
}

fn column_heading_ui(ui: &mut Ui, category: Category, count: usize, targets: Targets) {
    let color = palette::category(category, ui.visuals().dark_mode);
    let count = count_text(count, targets.get(category));
    ui.label(
        RichText::new(category.label())
            .size(LABEL_SIZE)
            .strong()
            .color(color),
    );
    ui.label(RichText::new(count).size(LABEL_SIZE));
}

/// "2 of 3" against a target, or "2" where there is none.
fn count_text(count: usize, target: u32) -> String {
    if target > 0 {
        format!("{count} of {target}")
    } else {
        count.to_string()
    }
}

/// One card's words in a frame with its category's edge.
fn card_ui(ui: &mut Ui, card: &Card) {
    let color = palette::category(card.category, ui.visuals().dark_mode);
    egui::Frame::new()
        .fill(palette::category_wash(color))
        .stroke(egui::Stroke::new(3.0, color))
        .corner_radius(8.0)
        .inner_margin(14.0)
        .show(ui, |ui| {
            ui.set_width(ui.available_width());
            let text = RichText::new(card.text.as_str())
                .size(CARD_SIZE)
                .color(ui.visuals().strong_text_color());
            ui.add(egui::Label::new(text).wrap());
        });
}

/// Each group's counts against its targets.
fn counts_ui(ui: &mut Ui, slide: &Slide<'_>) {
    let session = slide.session;
    let targets = session.details.targets;
    egui::ScrollArea::vertical()
        .scroll_bar_visibility(egui::scroll_area::ScrollBarVisibility::AlwaysHidden)
        .auto_shrink([false, false])
        .show(ui, |ui| {
            egui::Grid::new("projector-counts")
                .spacing([48.0, 14.0])
                .show(ui, |ui| {
                    ui.label("");
                    for category in Category::ALL {
                        let color = palette::category(category, ui.visuals().dark_mode);
                        let name = RichText::new(category.short_label()).color(color);
                        ui.label(name.size(LABEL_SIZE).strong());
                    }
                    ui.end_row();
                    for group in &session.groups {
                        ui.label(RichText::new(group.name.as_str()).size(LABEL_SIZE).strong());
                        for category in Category::ALL {
                            let count = slide.index.count(group.id, category);
                            let text = count_text(count, targets.get(category));
                            ui.label(RichText::new(text).size(LABEL_SIZE));
                        }
                        ui.end_row();
                    }
                });
        });
}

/// One theme's cards; with the words hidden, how many of each category.
fn chosen_cards_ui(ui: &mut Ui, slide: &Slide<'_>) {
    let cards = || (slide.chosen.iter()).filter_map(|&at| slide.session.cards.get(at));
    if slide.hide_words {
        for category in Category::ALL {
            let count = cards().filter(|c| c.category == category).count();
            let color = palette::category(category, ui.visuals().dark_mode);
            let line = format!("{}: {}", category.label(), plural(count, "card"));
            ui.label(RichText::new(line).size(LABEL_SIZE).color(color));
        }
        return;
    }
    if slide.chosen.is_empty() {
        ui.label(RichText::new("No cards in this theme yet.").size(LABEL_SIZE));
    }
    egui::ScrollArea::vertical()
        .scroll_bar_visibility(egui::scroll_area::ScrollBarVisibility::AlwaysHidden)
        .auto_shrink([false, false])
        .show(ui, |ui| {
            for card in cards() {
                card_ui(ui, card);
            }
        });
}

/// One starred card at a time, large.
fn quote_ui(ui: &mut Ui, slide: &Slide<'_>) {
    let total = slide.chosen.len();
    if total == 0 {
        let words = "No key quotes yet: star a card on the board (S) to show it here.";
        ui.label(RichText::new(words).size(LABEL_SIZE));
        return;
    }
    let at = slide.quote % total;
    let Some(card) = slide.session.cards.get(slide.chosen[at]) else {
        return;
    };
    ui.add_space(24.0);
    if !slide.hide_words {
        let text = RichText::new(format!("“{}”", card.text.trim()))
            .size(QUOTE_SIZE)
            .color(ui.visuals().strong_text_color());
        ui.add(egui::Label::new(text).wrap());
        ui.add_space(16.0);
    }
    let whose = format!(
        "{} · {} · {} of {total}",
        slide.session.group_name(card.group),
        card.category.label(),
        at + 1
    );
    ui.label(RichText::new(whose).size(NOTE_SIZE).weak());
}
