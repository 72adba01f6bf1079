//! The current group's board: the new-card box on top, then its three columns.

pub mod card;
pub mod card_actions;
pub mod card_keys;
pub mod groups;

use crate::edit::{Edit, builders};
use crate::model::{Card, Category, Session};
use crate::ui::commands::Command;
use crate::ui::index::SessionIndex;
use crate::ui::intents::Intents;
use crate::ui::palette;
use crate::ui::state::UiState;
use card::card_ui;
use egui::{Key, KeyboardShortcut, Modifiers};

/// The new-card box's widget id: it holds the keyboard focus while capturing.
pub const DRAFT_ID: &str = "new-card";

pub fn draft_id() -> egui::Id {
    egui::Id::unique(DRAFT_ID)
}

pub fn board_ui(
    ui: &mut egui::Ui,
    session: &Session,
    index: &SessionIndex,
    state: &mut UiState,
    intents: &mut Intents,
) {
    let found = index.group_position(state.group);
    let Some(group) = found.and_then(|at| session.groups.get(at)) else {
        ui.label(format!(
            "This session has no groups yet. Press {} to add one.",
            Command::NewGroup.shortcut_text(ui.ctx())
        ));
        return;
    };
    ui.horizontal(|ui| {
        ui.heading(&group.name);
        if ui.button("Group details…").clicked() {
            intents.command(Command::GroupDetails);
        }
    });
    ui.add_space(4.0);
    category_switch_ui(ui, session, index, state, intents);
    ui.add_space(4.0);
    if state.pending_paste.is_some() {
        paste_offer_ui(ui, session, state, intents);
    }
    draft_ui(ui, session, state, intents);
    ui.add_space(8.0);
    columns_ui(ui, session, index, state, intents);
}

/// Three buttons showing the current category; Ctrl+1/2/3 do the same.
fn category_switch_ui(
    ui: &mut egui::Ui,
    session: &Session,
    index: &SessionIndex,
    state: &UiState,
    intents: &mut Intents,
) {
    let dark = ui.visuals().dark_mode;
    // A radio group to a screen reader: the current category is the checked one.
    let group = egui::UiBuilder::new()
        .accessibility_role(egui::accesskit::Role::RadioGroup)
        .accessibility_label("Category");
    // Wrapped: in a narrow window the three would otherwise push the board past its edge.
    ui.scope_builder(group, |ui| {
        ui.horizontal_wrapped(|ui| {
            for category in Category::ALL {
                let current = state.category == category;
                let count = index.count(state.group, category);
                let target = session.details.targets.get(category);
                let progress = if target > 0 {
                    format!("{count}/{target}")
                } else {
                    count.to_string()
                };
                let accent = palette::category(category, dark);
                let text =
                    egui::RichText::new(format!("{}  {progress}", category.label())).strong();
                let button = if current {
                    egui::Button::new(text.color(palette::on_category(dark))).fill(accent)
                } else {
                    egui::Button::new(text.color(accent)).stroke(egui::Stroke::new(1.0, accent))
                };
                let response = ui
                    .add(button.min_size(egui::vec2(0.0, 28.0)))
                    .on_hover_text(Command::Category(category).shortcut_text(ui.ctx()));
                let cards = format!("{progress} cards");
                let keys = Command::Category(category).shortcut_text(ui.ctx());
                ui.ctx().accesskit_node_builder(response.id, |node| {
                    node.set_keyboard_shortcut(keys);
                    node.set_role(egui::accesskit::Role::RadioButton);
                    node.set_label(category.label());
                    node.set_description(cards);
                    node.set_toggled(egui::accesskit::Toggled::from(current));
                });
                if response.clicked() {
                    intents.command(Command::Category(category));
                }
            }
        })
    });
}

fn draft_ui(ui: &mut egui::Ui, session: &Session, state: &mut UiState, intents: &mut Intents) {
    let dark = ui.visuals().dark_mode;
    let accent = palette::category(state.category, dark);
    let group_name = session.group_name(state.group);
    let label = ui.label(
        egui::RichText::new(format!(
            "New card: {} — {group_name}",
            state.category.label()
        ))
        .color(accent)
        .strong(),
    );
    // egui refuses focus below a modal dialog until a frame after it closed: wait for that.
    if state.focus_draft && ui.memory(|m| m.allows_interaction(ui.layer_id())) {
        state.focus_draft = false;
        // Before the box is shown, so the keys of this very frame already go into it.
        ui.memory_mut(|m| m.request_focus(draft_id()));
    }
    take_multi_line_paste(ui, session, state, intents);
    let response = egui::Frame::new()
        .stroke(egui::Stroke::new(2.0, accent))
        .corner_radius(4.0)
        .show(ui, |ui| {
            ui.add(
                egui::TextEdit::multiline(&mut state.draft)
                    .id(draft_id())
                    .desired_width(f32::INFINITY)
                    .desired_rows(2)
                    .hint_text(
                        "Type what the group said and press Enter. Shift+Enter starts a new line.",
                    )
                    .return_key(KeyboardShortcut::new(Modifiers::SHIFT, Key::Enter)),
            )
            .labelled_by(label.id)
        })
        .inner;
    let (enter, escape) = ui.input(|i| {
        (
            i.key_pressed(Key::Enter) && !i.modifiers.shift,
            i.key_pressed(Key::Escape),
        )
    });
    crate::ui::text_undo::note_typing(ui.ctx(), draft_id(), &state.draft);
    if response.has_focus() {
        // Typing here is not working on a card: no card stays selected to catch a later key.
        state.highlight(None);
    }
    if response.has_focus() && enter {
        let text = state.draft.trim();
        if !text.is_empty() {
            intents.edit(add_card_edit(session, state, text.to_owned()));
            state.draft.clear();
            // Ctrl+Z now undoes the card, not the typing that made it.
            crate::ui::text_undo::forget_typing(ui.ctx(), draft_id());
        }
    }
    if response.lost_focus() && escape {
        // Escape leaves the box for the cards and highlights the last card of the column;
        // an arrow chooses it for the card keys, anything typed comes back here.
        let column: Vec<&Card> = session.cards_in(state.group, state.category).collect();
        state.highlight(column.last().map(|c| c.id));
    }
}

/// A new card at the end of the current column.
fn add_card_edit(session: &Session, state: &UiState, text: String) -> Edit {
    let card = Card::new(state.group, state.category, text);
    let index = session.column_insert_index(state.group, state.category, usize::MAX, None);
    Edit::AddCard { card, index }
}

/// A paste of several lines into the new-card box is held back and offered as one card per line.
fn take_multi_line_paste(
    ui: &mut egui::Ui,
    session: &Session,
    state: &mut UiState,
    intents: &mut Intents,
) {
    if !ui.memory(|m| m.has_focus(draft_id())) {
        return;
    }
    let lines = ui.input_mut(|input| {
        let position = input
            .events
            .iter()
            .position(|e| matches!(e, egui::Event::Paste(text) if lines_of(text).len() > 1))?;
        match input.events.remove(position) {
            egui::Event::Paste(text) => Some(lines_of(&text)),
            _ => None,
        }
    });
    if let Some(lines) = lines {
        let group = session.group_name(state.group);
        intents.say = Some(super::announce::paste_offered(
            lines.len(),
            state.category,
            group,
        ));
        state.pending_paste = Some(lines);
    }
}

/// The non-blank lines of pasted text, trimmed, with list bullets taken off.
pub fn lines_of(text: &str) -> Vec<String> {
    text.lines()
        .map(|line| line.trim().trim_start_matches(['-', '*', '•']).trim())
        .filter(|line| !line.is_empty())
        .map(str::to_owned)
        .collect()
}

fn paste_offer_ui(
    ui: &mut egui::Ui,
    session: &Session,
    state: &mut UiState,
    intents: &mut Intents,
) {
    let Some(lines) = state.pending_paste.clone() else {
        return;
    };
    let mut decided = false;
    egui::Frame::group(ui.style()).show(ui, |ui| {
        ui.label(format!(
            "You pasted {} lines. Add them as {} cards to {} — {}?",
            lines.len(),
            lines.len(),
            state.category.label(),
            session.group_name(state.group)
        ));
        ui.horizontal(|ui| {
            let add = ui.button(format!("Add {} cards (Enter)", lines.len()));
            let one = ui.button("Paste as one card");
            let cancel = ui.button("Cancel (Escape)");
            let (enter, escape) =
                ui.input(|i| (i.key_pressed(Key::Enter), i.key_pressed(Key::Escape)));
            if add.clicked() || enter {
                // One after another at the end of the current column.
                let end =
                    session.column_insert_index(state.group, state.category, usize::MAX, None);
                let edits = (lines.iter().enumerate())
                    .map(|(n, line)| Edit::AddCard {
                        card: Card::new(state.group, state.category, line.clone()),
                        index: end + n,
                    })
                    .collect();
                intents.edit(Edit::Batch(edits));
                decided = true;
                // The Enter that confirmed must not also add the draft as a card.
                ui.input_mut(|i| i.consume_key(Modifiers::NONE, Key::Enter));
            } else if one.clicked() {
                if !state.draft.is_empty() && !state.draft.ends_with('\n') {
                    state.draft.push('\n');
                }
                state.draft.push_str(&lines.join("\n"));
                intents.say = Some(super::announce::PASTED_AS_ONE.to_owned());
                decided = true;
            } else if cancel.clicked() || escape {
                intents.say = Some(super::announce::PASTE_CANCELLED.to_owned());
                decided = true;
            }
        });
    });
    if decided {
        state.pending_paste = None;
        state.focus_draft = true;
    }
}

fn columns_ui(
    ui: &mut egui::Ui,
    session: &Session,
    index: &SessionIndex,
    state: &mut UiState,
    intents: &mut Intents,
) {
    let dark = ui.visuals().dark_mode;
    ui.columns_const(|columns: &mut [egui::Ui; 3]| {
        for (ui, category) in columns.iter_mut().zip(Category::ALL) {
            let accent = palette::category(category, dark);
            let current = state.category == category;
            let fill = if current {
                palette::category_wash(accent)
            } else {
                egui::Color32::TRANSPARENT
            };
            let frame = egui::Frame::new()
                .fill(fill)
                .corner_radius(6.0)
                .inner_margin(6.0);
            let column = frame.show(ui, |ui| {
                ui.set_min_height(ui.available_height());
                let heading = egui::RichText::new(category.label())
                    .heading()
                    .color(accent);
                let heading = if current {
                    heading.underline()
                } else {
                    heading
                };
                // Not in the column's justified layout, which would space a wrapped heading's
                // letters out to the full width.
                ui.with_layout(egui::Layout::top_down(egui::Align::Min), |ui| {
                    ui.label(heading)
                });
                column_cards_ui(ui, session, index, category, state, intents);
            });
            let drop_zone = ui.interact(
                column.response.rect,
                ui.scope_id().with(("column", category)),
                egui::Sense::hover(),
            );
            if let Some(card) = drop_zone.dnd_release_payload::<crate::model::CardId>()
                && intents.edits.is_empty()
            {
                intents.edit(builders::move_to(session, *card, state.group, category));
            }
        }
    });
}

fn column_cards_ui(
    ui: &mut egui::Ui,
    session: &Session,
    index: &SessionIndex,
    category: Category,
    state: &mut UiState,
    intents: &mut Intents,
) {
    let positions = index.column(state.group, category);
    if positions.is_empty() {
        ui.weak("No cards yet");
    }
    egui::ScrollArea::vertical()
        .id_salt(("column", category))
        .auto_shrink([false, false])
        .show(ui, |ui| {
            for (position, &at) in positions.iter().enumerate() {
                let Some(card) = session.cards.get(at) else {
                    continue;
                };
                let response = card_ui(ui, session, index, card, state, intents);
                if state.reveal_selected && state.selected == Some(card.id) {
                    response.scroll_to_me(Some(egui::Align::Center));
                    state.reveal_selected = false;
                }
                if let Some(dropped) = response.dnd_release_payload::<crate::model::CardId>()
                    && *dropped != card.id
                {
                    let edit = builders::move_to_position(
                        session,
                        *dropped,
                        state.group,
                        category,
                        position,
                    );
                    intents.edit(edit);
                }
                ui.add_space(6.0);
            }
        });
}
