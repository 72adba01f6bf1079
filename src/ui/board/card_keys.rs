//! The keys that work on the selected card (on the board, and some on the themes wall), from
//! the one list of card actions.

use super::card::card_id;
use super::card_actions::CardAction;
use crate::model::Session;
use crate::ui::index::SessionIndex;
use crate::ui::intents::Intents;
use crate::ui::state::UiState;

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
    ctx.input_mut(|i| i.events.retain(|e| !matches!(e, egui::Event::Text(_))));
    state.reveal_selected = true;
    if card_has_focus && let Some(now) = state.selected {
        ctx.memory_mut(|m| m.request_focus(card_id(now)));
    }
}
