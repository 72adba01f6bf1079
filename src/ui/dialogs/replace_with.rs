//! "Replace with…": the words an export puts in place of a personal detail, when a role says
//! more than a placeholder ("[my PA]" rather than "[name]"). One undoable edit of the card.

use super::fitted_width;
use super::form::{Pressed, save_row_ui};
use crate::model::{CardId, DetailKind, RedactChoice, Session};
use crate::ui::intents::Intents;

pub struct ReplaceWithDialog {
    pub card: CardId,
    pub words: String,
    pub kind: DetailKind,
    with: String,
    /// What replaces the words now, shown in the empty box.
    now: String,
    focus: bool,
}

impl ReplaceWithDialog {
    pub fn new(card: CardId, words: String, kind: DetailKind, now: &str) -> Self {
        Self {
            card,
            words,
            kind,
            with: String::new(),
            now: now.to_owned(),
            focus: true,
        }
    }

    /// What replaces the words: as typed, in square brackets so a reader sees it was put
    /// there.
    fn replacement(&self) -> Option<String> {
        let with = self
            .with
            .trim()
            .trim_start_matches('[')
            .trim_end_matches(']')
            .trim();
        (!with.is_empty()).then(|| format!("[{with}]"))
    }
}

/// Shows the dialog; false once closed.
pub fn replace_with_ui(
    ctx: &egui::Context,
    dialog: &mut ReplaceWithDialog,
    session: &Session,
    intents: &mut Intents,
) -> bool {
    let mut open = true;
    let Some(card) = session.card(dialog.card) else {
        return false;
    };
    let modal = egui::Modal::new(egui::Id::unique("replace-with-dialog")).show(ctx, |ui| {
        ui.set_width(fitted_width(ctx, 520.0));
        super::heading_ui(ui, format!("Replace “{}”", dialog.words));
        ui.label(egui::RichText::new(&card.text).italics());
        ui.add_space(6.0);
        let label = ui.label("Replace with a role or a placeholder, such as my PA or name");
        let field = ui
            .add(
                egui::TextEdit::singleline(&mut dialog.with)
                    .hint_text(dialog.now.as_str())
                    .desired_width(f32::INFINITY),
            )
            .labelled_by(label.id);
        ui.add_space(6.0);
        if std::mem::take(&mut dialog.focus) {
            field.request_focus();
        }
        let entered = field.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
        let replacement = dialog.replacement();
        let pressed = save_row_ui(ui, replacement.is_some(), None, &mut false);
        match (pressed, replacement) {
            (Pressed::Save, Some(with)) => {
                choose(intents, session, dialog, RedactChoice::Replace(with));
                open = false;
            }
            (Pressed::Nothing, Some(with)) if entered => {
                choose(intents, session, dialog, RedactChoice::Replace(with));
                open = false;
            }
            (Pressed::Cancel, _) => open = false,
            _ => {}
        }
    });
    if modal.should_close() {
        open = false;
    }
    open
}

fn choose(
    intents: &mut Intents,
    session: &Session,
    dialog: &ReplaceWithDialog,
    choice: RedactChoice,
) {
    if let Some(card) = session.card(dialog.card) {
        intents.edit(crate::ui::personal_details::choose(
            card,
            &dialog.words,
            dialog.kind,
            choice,
        ));
    }
}
