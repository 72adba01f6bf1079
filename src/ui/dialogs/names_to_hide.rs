//! The session's names to hide: people mentioned in the cards who are neither volunteers nor
//! facilitators, taken out of every redacted export. Saved as one undoable edit.

use super::fitted_width;
use super::form::{Pressed, lines_field, save_row_ui};
use crate::edit::Edit;
use crate::model::Session;
use crate::ui::intents::Intents;

pub struct NamesToHideDialog {
    names: String,
    /// Put the keyboard in the box on the first frame.
    focus: bool,
}

impl NamesToHideDialog {
    pub fn for_session(session: &Session) -> Self {
        Self {
            names: session.details.names_to_hide.join("\n"),
            focus: true,
        }
    }

    fn names(&self) -> Vec<String> {
        (self.names.lines())
            .map(str::trim)
            .filter(|n| !n.is_empty())
            .map(str::to_owned)
            .collect()
    }
}

/// Shows the dialog; false once closed.
pub fn names_to_hide_ui(
    ctx: &egui::Context,
    dialog: &mut NamesToHideDialog,
    session: &Session,
    intents: &mut Intents,
) -> bool {
    let mut open = true;
    let modal = egui::Modal::new(egui::Id::unique("names-to-hide-dialog")).show(ctx, |ui| {
        ui.set_width(fitted_width(ctx, 520.0));
        super::heading_ui(ui, "Names to hide");
        ui.label(
            "Names people mentioned who are not volunteers or facilitators (whose names are \
             hidden anyway). Redacted exports replace each with [name], in any capitals.",
        );
        ui.add_space(6.0);
        let field = lines_field(ui, "One name a line", &mut dialog.names, 5, 10.0);
        if std::mem::take(&mut dialog.focus) {
            field.request_focus();
        }
        match save_row_ui(ui, true, None, &mut false) {
            Pressed::Save => {
                let mut details = session.details.clone();
                details.names_to_hide = dialog.names();
                if details != session.details {
                    intents.edit(Edit::SetDetails(Box::new(details)));
                }
                open = false;
            }
            Pressed::Cancel => open = false,
            Pressed::Remove | Pressed::Nothing => {}
        }
    });
    if modal.should_close() {
        open = false;
    }
    open
}
