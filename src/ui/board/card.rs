//! One card on the board: its words, star, votes and themes; select, edit in place, drag.

use super::card_actions::CardAction;
use crate::edit::{Edit, builders};
use crate::model::{Card, CardId, Session};
use crate::summary::words::plural;
use crate::ui::commands::Command;
use crate::ui::index::SessionIndex;
use crate::ui::intents::Intents;
use crate::ui::palette;
use crate::ui::state::{CardEdit, UiState};
use egui::{Key, KeyboardShortcut, Modifiers, Role, Sense, UiBuilder, WidgetInfo};

/// The widget id of a card, so focus and scrolling can find it.
pub fn card_id(card: CardId) -> egui::Id {
    egui::Id::unique(("card", card))
}

fn edit_box_id(card: CardId) -> egui::Id {
    egui::Id::unique(("card-edit", card))
}

/// Shows a card; returns its response (for drop targets and scrolling).
pub fn card_ui(
    ui: &mut egui::Ui,
    session: &Session,
    index: &SessionIndex,
    card: &Card,
    state: &mut UiState,
    intents: &mut Intents,
) -> egui::Response {
    let dark = ui.visuals().dark_mode;
    let accent = palette::category(card.category, dark);
    let selected = state.selected == Some(card.id);
    // A chosen card (the card keys work on it) is outlined boldly; one only highlighted, as
    // Escape leaves the last card, more lightly until an arrow chooses it.
    let stroke = match (selected, state.selection_chosen) {
        (true, true) => egui::Stroke::new(2.5, accent),
        (true, false) => egui::Stroke::new(1.5, accent),
        _ => egui::Stroke::new(1.0, ui.visuals().widgets.noninteractive.bg_stroke.color),
    };
    let frame = egui::Frame::new()
        .fill(ui.visuals().extreme_bg_color)
        .stroke(stroke)
        .corner_radius(6.0)
        .inner_margin(egui::Margin::symmetric(10, 8));

    // Ragged-right text reads better than the column's justified layout.
    let builder = UiBuilder::new()
        .scope_id(card_id(card.id))
        .sense(Sense::click_and_drag())
        .layout(egui::Layout::top_down(egui::Align::Min));
    let response = ui
        .scope_builder(builder, |ui| {
            frame.show(ui, |ui| {
                ui.set_width(ui.available_width());
                let editing = state.editing.as_mut().filter(|e| e.card == card.id);
                match editing {
                    Some(edit) => edit_ui(ui, edit, intents),
                    None => {
                        ui.add(egui::Label::new(&card.text).wrap().selectable(false));
                        let answered = card.answers.iter().filter_map(|a| index.card_position(*a));
                        for problem in answered.filter_map(|at| session.cards.get(at)) {
                            let text = format!("Answers: {}", problem.text.replace('\n', " "));
                            ui.add(
                                egui::Label::new(egui::RichText::new(text).small().weak())
                                    .truncate()
                                    .selectable(false),
                            );
                        }
                        if card_footer_ui(ui, session, card, intents) {
                            // Its own conflict first, so it must be the card selected.
                            state.choose(card.id);
                            intents.command(Command::Conflicts);
                        }
                    }
                }
            });
        })
        .response;

    // Replace the generic group role with something a screen reader can say.
    let star = if card.starred { ", starred" } else { "" };
    let versions = match card.others.len() {
        0 => String::new(),
        others => format!(", {}", plural(others + 1, "version")),
    };
    let description = format!(
        "{}: {}{star}, {}{versions}",
        card.category.label(),
        card.text,
        plural(usize::try_from(card.votes).unwrap_or(0), "vote")
    );
    response.widget_info(|| WidgetInfo::selected(Role::Button, true, selected, &description));

    if response.clicked() || response.drag_started() || response.gained_focus() {
        // Chosen with the mouse (or Tab): the card keys work on it.
        state.choose(card.id);
    }
    if response.has_focus() {
        // Arrow keys and Escape are the card keys, not egui's focus moves.
        let filter = egui::EventFilter {
            tab: false,
            horizontal_arrows: true,
            vertical_arrows: true,
            escape: true,
        };
        ui.memory_mut(|m| m.set_focus_lock_filter(response.id, filter));
    }
    if response.double_clicked() {
        start_editing(state, card);
    }
    if response.drag_started() {
        response.dnd_set_drag_payload(card.id);
    }
    if response.dragged() {
        show_drag_preview(ui, card);
    }
    response.context_menu(|ui| card_menu_ui(ui, session, card, state, intents));
    response
}

/// Opens the card's text for editing.
pub fn start_editing(state: &mut UiState, card: &Card) {
    state.choose(card.id);
    state.editing = Some(CardEdit {
        card: card.id,
        text: card.text.clone(),
        focus: true,
    });
}

fn edit_ui(ui: &mut egui::Ui, edit: &mut CardEdit, intents: &mut Intents) {
    let label = ui.small("Editing: Enter saves, Shift+Enter new line, Escape cancels");
    let response = ui
        .add(
            egui::TextEdit::multiline(&mut edit.text)
                .id(edit_box_id(edit.card))
                .desired_width(f32::INFINITY)
                .desired_rows(2)
                .return_key(KeyboardShortcut::new(Modifiers::SHIFT, Key::Enter)),
        )
        .labelled_by(label.id);
    crate::ui::text_undo::note_typing(ui.ctx(), response.id, &edit.text);
    if edit.focus {
        response.request_focus();
        edit.focus = false;
    }
    let (enter, escape) = ui.input(|i| {
        (
            i.key_pressed(Key::Enter) && !i.modifiers.shift,
            i.key_pressed(Key::Escape),
        )
    });
    if escape {
        intents.finish_edit = Some(None);
    } else if (response.has_focus() && enter) || response.lost_focus() {
        intents.finish_edit = Some(Some(edit.text.trim_end().to_owned()));
    }
}

/// The star, votes, other versions and themes; true when the other versions were clicked.
fn card_footer_ui(
    ui: &mut egui::Ui,
    session: &Session,
    card: &Card,
    intents: &mut Intents,
) -> bool {
    let mut versions_clicked = false;
    ui.horizontal_wrapped(|ui| {
        ui.spacing_mut().item_spacing.x = 4.0;
        let dark = ui.visuals().dark_mode;
        let star_name = if card.starred {
            "Unstar"
        } else {
            "Star as a key quote"
        };
        let star = star_button(ui, card.starred, palette::star(dark)).on_hover_text(star_name);
        star.widget_info(|| WidgetInfo::labeled(Role::Button, true, star_name));
        if star.clicked() {
            intents.edit(Edit::SetStarred {
                id: card.id,
                starred: !card.starred,
            });
        }
        let down = ui.small_button("−").on_hover_text("One vote fewer");
        down.widget_info(|| WidgetInfo::labeled(Role::Button, true, "One vote fewer"));
        if down.clicked() && card.votes > 0 {
            intents.edit(Edit::SetVotes {
                id: card.id,
                votes: card.votes - 1,
            });
        }
        ui.label(plural(usize::try_from(card.votes).unwrap_or(0), "vote"));
        let up = ui.small_button("+").on_hover_text("One vote more");
        up.widget_info(|| WidgetInfo::labeled(Role::Button, true, "One vote more"));
        if up.clicked() {
            intents.edit(Edit::SetVotes {
                id: card.id,
                votes: card.votes.saturating_add(1),
            });
        }
        if !card.others.is_empty() {
            versions_clicked = versions_mark_ui(ui, card.others.len() + 1);
        }
        for theme in card.themes.iter().filter_map(|t| session.theme(*t)) {
            theme_chip(ui, &theme.name, theme.color);
        }
    });
    versions_clicked
}

/// "2 versions", in the warning colour, on a card changed differently on two laptops: a
/// conflict to resolve. True when clicked, to open it.
fn versions_mark_ui(ui: &mut egui::Ui, versions: usize) -> bool {
    let text = plural(versions, "version");
    let warning = palette::warning(ui.visuals().dark_mode);
    let mark = ui
        .add(egui::Button::new(egui::RichText::new(&text).small().color(warning)).small())
        .on_hover_text(
            "Changed differently on more than one laptop. Click to choose what to keep, \
             or use Edit > Conflicts…",
        );
    mark.widget_info(|| WidgetInfo::labeled(Role::Button, true, &text));
    mark.clicked()
}

/// A five-pointed star, filled when on. Painted, so it never depends on a font having the glyph.
fn star_button(ui: &mut egui::Ui, on: bool, color: egui::Color32) -> egui::Response {
    let size = ui.text_style_height(&egui::TextStyle::Body) + 2.0;
    let (rect, response) = ui.allocate_exact_size(egui::vec2(size, size), Sense::click());
    let center = rect.center();
    let outer = size * 0.5;
    let points: Vec<egui::Pos2> = (0..10)
        .map(|i| {
            let radius = if i % 2 == 0 { outer } else { outer * 0.45 };
            let angle = std::f32::consts::PI * (i as f32) / 5.0 - std::f32::consts::FRAC_PI_2;
            center + radius * egui::vec2(angle.cos(), angle.sin())
        })
        .collect();
    let width = if response.hovered() { 2.0 } else { 1.3 };
    if on {
        // A concave star filled as one polygon shows artefacts: fill the centre and each point.
        for i in (0..10).step_by(2) {
            let triangle = vec![points[i], points[(i + 1) % 10], points[(i + 9) % 10]];
            ui.painter().add(egui::Shape::convex_polygon(
                triangle,
                color,
                egui::Stroke::NONE,
            ));
        }
        let inner: Vec<egui::Pos2> = (1..10).step_by(2).map(|i| points[i]).collect();
        ui.painter().add(egui::Shape::convex_polygon(
            inner,
            color,
            egui::Stroke::NONE,
        ));
    }
    ui.painter().add(egui::Shape::closed_line(
        points,
        egui::Stroke::new(width, color),
    ));
    response
}

/// A theme's name on its colour: whole on a line of its own when it does not fit beside the
/// votes, rather than broken into a narrow column of words.
pub fn theme_chip(ui: &mut egui::Ui, name: &str, color: crate::model::Rgb) {
    let margin = egui::Margin::symmetric(6, 1);
    let text = egui::RichText::new(name)
        .small()
        .color(palette::text_on(color));
    let whole = egui::WidgetText::from(text.clone()).into_galley(
        ui,
        Some(egui::TextWrapMode::Extend),
        f32::INFINITY,
        egui::TextStyle::Small,
    );
    let width = whole.size().x + margin.sum().x;
    let fits_a_line = width <= ui.max_rect().width();
    if fits_a_line && width > ui.available_size_before_wrap().x {
        ui.end_row();
    }
    egui::Frame::new()
        .fill(palette::theme(color))
        .corner_radius(8.0)
        .inner_margin(margin)
        .show(ui, |ui| {
            if fits_a_line {
                ui.label(whole);
            } else {
                ui.label(text);
            }
        });
}

fn show_drag_preview(ui: &egui::Ui, card: &Card) {
    let Some(pointer) = ui.ctx().pointer_interact_pos() else {
        return;
    };
    egui::Area::new(egui::Id::unique("card-drag-preview"))
        .order(egui::Order::Tooltip)
        .fixed_pos(pointer + egui::vec2(12.0, 12.0))
        .interactable(false)
        .show(ui.ctx(), |ui| {
            egui::Frame::popup(ui.style()).show(ui, |ui| {
                ui.set_max_width(260.0);
                ui.label(&card.text);
            });
        });
    ui.ctx().set_cursor_icon(egui::CursorIcon::Grabbing);
}

fn card_menu_ui(
    ui: &mut egui::Ui,
    session: &Session,
    card: &Card,
    state: &mut UiState,
    intents: &mut Intents,
) {
    state.choose(card.id);
    for action in CardAction::ALL.into_iter().filter(|a| a.in_menu()) {
        if action == CardAction::Delete {
            ui.separator();
        }
        if action == CardAction::MoveTo {
            move_to_menu_ui(ui, session, card, intents);
        }
        let key = action
            .keys()
            .first()
            .map(|k| ui.ctx().format_shortcut(k))
            .unwrap_or_default();
        let button = egui::Button::new(action.label(card)).shortcut_text(key);
        if ui.add_enabled(action.available(card), button).clicked() {
            action.run(session, card, state, intents);
            ui.close();
        }
    }
}

/// "Move to" → a group → a category: every place a card can go, without a dialog.
fn move_to_menu_ui(ui: &mut egui::Ui, session: &Session, card: &Card, intents: &mut Intents) {
    ui.menu_button("Move to", |ui| {
        for group in &session.groups {
            ui.menu_button(&group.name, |ui| {
                for category in crate::model::Category::ALL {
                    let here = group.id == card.group && category == card.category;
                    if ui
                        .add_enabled(!here, egui::Button::new(category.label()))
                        .clicked()
                    {
                        intents.edit(builders::move_to(session, card.id, group.id, category));
                    }
                }
            });
        }
    });
}
