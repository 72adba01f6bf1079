//! Ctrl+Z in a text box undoes the typing there first, and only then the session's last
//! change (Ctrl+Shift+Z and Ctrl+Y likewise redo it).
//!
//! The app's shortcuts are taken before layout, so a text box would never see them. Instead,
//! each text box notes, right after it is shown, whether it has typing to undo or redo; the
//! shortcuts read the focused box's note and leave those keys to it.

use super::commands::Command;

/// Where a text box's note is kept, beside its own id.
const NOTE: &str = "typing-history";

#[derive(Clone, Copy, Debug, Default)]
struct Typing {
    undo: bool,
    redo: bool,
}

/// Call right after showing a text box, with the words it now holds.
pub fn note_typing(ctx: &egui::Context, id: egui::Id, text: &str) {
    if !ctx.memory(|m| m.has_focus(id)) {
        return;
    }
    let typing = egui::TextEdit::load_state(ctx, id)
        .and_then(|state| {
            // The box's undo history is of (cursor, words), as it fed them this frame.
            let current = (state.cursor.char_range()?, text.to_owned());
            let history = state.undoer();
            Some(Typing {
                undo: history.has_undo(&current),
                redo: history.has_redo(&current),
            })
        })
        .unwrap_or_default();
    ctx.data_mut(|d| d.insert_temp(id.with(NOTE), typing));
}

/// Forgets a text box's typing history: when the app empties it (its words became a card),
/// Ctrl+Z should undo that card, not bring the words back into the box.
pub fn forget_typing(ctx: &egui::Context, id: egui::Id) {
    if let Some(mut state) = egui::TextEdit::load_state(ctx, id) {
        state.clear_undoer();
        state.store(ctx, id);
    }
    ctx.data_mut(|d| d.remove::<Typing>(id.with(NOTE)));
}

/// Forgets the focused box's typing history once the session's undo or redo has run there,
/// so that the next redo redoes the session's step rather than typing undone before it.
pub fn forget_focused_typing(ctx: &egui::Context) {
    if let Some(id) = ctx.memory(|m| m.focused()) {
        forget_typing(ctx, id);
    }
}

/// Whether the focused text box takes this command's keys, to undo or redo its own typing.
pub fn focused_box_takes(ctx: &egui::Context, command: Command) -> bool {
    let Some(id) = ctx.memory(|m| m.focused()) else {
        return false;
    };
    let typing = ctx
        .data(|d| d.get_temp::<Typing>(id.with(NOTE)))
        .unwrap_or_default();
    match command {
        Command::Undo => typing.undo,
        Command::Redo => typing.redo,
        _ => false,
    }
}
