//! The keys that work on the selected card (on the board, and some on the themes wall).

use super::card::card_id;
use super::intents::Intents;
use super::state::UiState;
use crate::edit::{Edit, builders};
use crate::model::{Card, Category, Session};
use egui::{Key, Modifiers};

/// Keys for the selected card, when no text box has the keyboard. Off the board (on the
/// themes wall) only the keys that don't move through columns work.
pub fn selected_card_keys(
    ctx: &egui::Context,
    session: &Session,
    on_board: bool,
    state: &mut UiState,
    intents: &mut Intents,
) {
    let Some(selected) = state.selected.and_then(|id| session.card(id)) else {
        return;
    };
    let focused = ctx.memory(|m| m.focused());
    let card_has_focus = focused == Some(card_id(selected.id));
    if (focused.is_some() && !card_has_focus) || state.editing.is_some() || state.dialog_open() {
        return;
    }
    let id = selected.id;
    let pressed = |key: Key, modifiers: Modifiers| ctx.input_mut(|i| i.consume_key(modifiers, key));
    if pressed(Key::T, Modifiers::NONE) {
        state.theme_picker = Some(super::theme_picker::ThemePicker::new(id));
    } else if pressed(Key::L, Modifiers::NONE) && selected.category == Category::MakeADifference {
        state.linking = Some(id);
    } else if pressed(Key::S, Modifiers::NONE) {
        intents.edit(Edit::SetStarred {
            id,
            starred: !selected.starred,
        });
    } else if pressed(Key::Plus, Modifiers::NONE) || pressed(Key::Equals, Modifiers::NONE) {
        intents.edit(Edit::SetVotes {
            id,
            votes: selected.votes.saturating_add(1),
        });
    } else if pressed(Key::Minus, Modifiers::NONE) && selected.votes > 0 {
        intents.edit(Edit::SetVotes {
            id,
            votes: selected.votes - 1,
        });
    } else if !on_board {
        return;
    } else if pressed(Key::ArrowUp, Modifiers::ALT) {
        intents.edits.extend(builders::reorder(session, id, -1));
    } else if pressed(Key::ArrowDown, Modifiers::ALT) {
        intents.edits.extend(builders::reorder(session, id, 1));
    } else if pressed(Key::ArrowLeft, Modifiers::ALT) {
        intents
            .edits
            .extend(builders::to_neighbour_category(session, id, -1));
    } else if pressed(Key::ArrowRight, Modifiers::ALT) {
        intents
            .edits
            .extend(builders::to_neighbour_category(session, id, 1));
    } else if pressed(Key::ArrowUp, Modifiers::NONE) {
        step_selection(session, state, selected, -1);
    } else if pressed(Key::ArrowDown, Modifiers::NONE) {
        step_selection(session, state, selected, 1);
    } else if pressed(Key::ArrowLeft, Modifiers::NONE) {
        jump_column(session, state, selected, -1);
    } else if pressed(Key::ArrowRight, Modifiers::NONE) {
        jump_column(session, state, selected, 1);
    } else if pressed(Key::Enter, Modifiers::NONE) || pressed(Key::F2, Modifiers::NONE) {
        super::card::start_editing(state, selected);
    } else if pressed(Key::Delete, Modifiers::NONE) || pressed(Key::Backspace, Modifiers::NONE) {
        step_selection(session, state, selected, 1);
        if state.selected == Some(id) {
            step_selection(session, state, selected, -1);
        }
        if state.selected == Some(id) {
            state.selected = None;
        }
        intents.edit(Edit::DeleteCard { id });
    } else if pressed(Key::Escape, Modifiers::NONE) {
        state.selected = None;
        state.focus_draft = true;
        return;
    } else if pressed(Key::M, Modifiers::NONE) {
        state.moving = Some(id);
    } else {
        return;
    }
    // The key was a card key: don't let it also type into anything.
    ctx.input_mut(|i| i.events.retain(|e| !matches!(e, egui::Event::Text(_))));
    state.reveal_selected = true;
    if card_has_focus && let Some(now) = state.selected {
        ctx.memory_mut(|m| m.request_focus(card_id(now)));
    }
}

fn step_selection(session: &Session, state: &mut UiState, card: &Card, step: isize) {
    let column: Vec<&Card> = session.cards_in(card.group, card.category).collect();
    let Some(position) = column.iter().position(|c| c.id == card.id) else {
        return;
    };
    if let Some(next) = position
        .checked_add_signed(step)
        .and_then(|p| column.get(p))
    {
        state.selected = Some(next.id);
    }
}

fn jump_column(session: &Session, state: &mut UiState, card: &Card, step: isize) {
    let mut target = card.category.index();
    while let Some(next) = target
        .checked_add_signed(step)
        .filter(|t| *t < Category::ALL.len())
    {
        target = next;
        let category = Category::ALL[target];
        if let Some(first) = session.cards_in(card.group, category).next() {
            state.selected = Some(first.id);
            state.category = category;
            return;
        }
    }
}
