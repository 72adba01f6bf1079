//! The keys that work on the selected card (on the board, and some on the themes wall), from
//! the one list of card actions.
//!
//! They work only on a card chosen with the arrows or the mouse. A card merely highlighted,
//! as Escape in the card box leaves the last one, takes no card keys: an arrow chooses it,
//! Escape goes back to the card box, and anything else typed goes into the card box whole.
//! So a stray Escape while typing fast never turns the next sentence into commands.

use super::card::card_id;
use super::card_actions::CardAction;
use crate::model::Session;
use crate::ui::index::SessionIndex;
use crate::ui::intents::Intents;
use crate::ui::state::UiState;
use egui::{Event, Key, Modifiers};

/// Keys for the selected card, when no text box has the keyboard. Off the board (on the
/// themes wall) only the keys that don't move through columns work.
pub fn selected_card_keys(
    ctx: &egui::Context,
    session: &Session,
    index: &SessionIndex,
    on_board: bool,
    state: &mut UiState,
    intents: &mut Intents,
) {
    let position = state.selected.and_then(|id| index.card_position(id));
    let Some(selected) = position.and_then(|at| session.cards.get(at)) else {
        return;
    };
    let focused = ctx.memory(|m| m.focused());
    let card_has_focus = focused == Some(card_id(selected.id));
    if (focused.is_some() && !card_has_focus) || state.editing.is_some() || state.dialog.is_some() {
        return;
    }
    if !state.selection_chosen {
        highlighted_card_keys(ctx, on_board, state);
        return;
    }
    let pressed = CardAction::key_table()
        .into_iter()
        .find_map(|(key, action)| {
            let usable = action.available(selected) && (on_board || !action.board_only());
            (usable && ctx.input_mut(|i| i.consume_shortcut(&key))).then_some(action)
        });
    let Some(action) = pressed else { return };
    action.run(session, selected, state, intents);
    if action == CardAction::BackToCardBox {
        return;
    }
    // The key was a card key: don't let it also type into anything.
    ctx.input_mut(|i| i.events.retain(|e| !matches!(e, Event::Text(_))));
    state.reveal_selected = true;
    if card_has_focus && let Some(now) = state.selected {
        ctx.memory_mut(|m| m.request_focus(card_id(now)));
    }
}

/// A highlighted card: a plain arrow chooses it (without moving, so the card the keys then
/// work on is the one already shown), Escape goes back to the card box, and any other key or
/// text goes into the card box, untouched, on this very frame.
fn highlighted_card_keys(ctx: &egui::Context, on_board: bool, state: &mut UiState) {
    let arrow = ctx.input_mut(|i| {
        let at = i.events.iter().position(|e| {
            matches!(e, Event::Key { key, pressed: true, modifiers, .. }
                if is_arrow(*key) && modifiers.is_none())
        });
        at.map(|at| i.events.remove(at)).is_some()
    });
    if arrow {
        state.selection_chosen = true;
        state.reveal_selected = true;
        return;
    }
    if ctx.input_mut(|i| i.consume_key(Modifiers::NONE, Key::Escape)) {
        back_to_card_box(state);
        return;
    }
    let typing = ctx.input(|i| i.events.iter().any(is_typing));
    if typing && on_board {
        back_to_card_box(state);
    }
}

/// The card box takes the keyboard again, before it is shown, so this frame's keys reach it.
pub fn back_to_card_box(state: &mut UiState) {
    state.highlight(None);
    state.focus_draft = true;
}

fn is_arrow(key: Key) -> bool {
    matches!(
        key,
        Key::ArrowUp | Key::ArrowDown | Key::ArrowLeft | Key::ArrowRight
    )
}

/// Whether the event is something a person typing would send on into the card box: text, a
/// paste, or a key such as Enter, Backspace or Alt+Up. Tab still moves the focus as usual.
fn is_typing(event: &Event) -> bool {
    match event {
        Event::Text(_) | Event::Paste(_) => true,
        Event::Key {
            key,
            pressed: true,
            modifiers,
            ..
        } => {
            let plain_arrow = is_arrow(*key) && modifiers.is_none();
            !plain_arrow && !matches!(key, Key::Escape | Key::Tab)
        }
        _ => false,
    }
}
