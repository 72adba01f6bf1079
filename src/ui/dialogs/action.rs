//! One action, added or edited: what will be done about a theme or an idea, by whom, by when.
//! Applied as one undoable edit.

use super::form::{Pressed, date_field, date_text, lines_field, save_row_ui, text_field};
use super::{fitted_width, scroll_height};
use crate::edit::Edit;
use crate::model::{About, Action, ActionStatus, Session};
use crate::ui::intents::Intents;
use crate::ui::palette;

pub struct ActionDialog {
    pub action: Action,
    adding: bool,
    due: String,
    confirm_delete: bool,
    focus: bool,
}

impl ActionDialog {
    /// What the user can change here, to tell whether they have.
    pub fn values(&self) -> String {
        format!("{:?}", (&self.action, &self.due))
    }

    pub fn add(about: About) -> Self {
        Self::with(Action::new(about, ""), true)
    }

    pub fn edit(action: &Action) -> Self {
        Self::with(action.clone(), false)
    }

    fn with(action: Action, adding: bool) -> Self {
        Self {
            due: date_text(action.due),
            action,
            adding,
            confirm_delete: false,
            focus: true,
        }
    }

    /// The action as the fields say, or why it cannot be saved yet.
    pub fn checked(&self) -> Result<Action, &'static str> {
        let mut action = self.action.clone();
        action.what = action.what.trim().to_owned();
        if action.what.is_empty() {
            return Err("Say what will be done.");
        }
        action.reason = action.reason.trim().to_owned();
        if action.status == ActionStatus::NotDoing && action.reason.is_empty() {
            return Err("Say why it will not be done: the report tells people.");
        }
        action.due = super::form::parse_date(&self.due).map_err(|()| "Fix the due date.")?;
        Ok(action)
    }
}

/// What an action answers, in words: "Theme: Carers", "Idea: Pay providers within 14 days".
pub fn about_text(session: &Session, about: About) -> String {
    match about {
        About::Theme(id) => session
            .theme(id)
            .map_or("A theme since deleted".to_owned(), |t| {
                format!("Theme: {}", t.name)
            }),
        About::Idea(id) => session
            .card(id)
            .map_or("An idea since deleted".to_owned(), |c| {
                format!("Idea: {}", c.text)
            }),
    }
}

/// Shows the dialog; false once closed.
pub fn action_ui(
    ctx: &egui::Context,
    dialog: &mut ActionDialog,
    session: &Session,
    intents: &mut Intents,
) -> bool {
    let mut open = true;
    let modal = egui::Modal::new(egui::Id::unique("action-dialog")).show(ctx, |ui| {
        ui.set_width(fitted_width(ctx, 560.0));
        super::heading_ui(
            ui,
            if dialog.adding {
                "Add an action"
            } else {
                "Action"
            },
        );
        ui.label(about_text(session, dialog.action.about));
        ui.add_space(6.0);
        let buttons = ui.spacing().interact_size.y + 48.0;
        egui::ScrollArea::vertical()
            .id_salt("action-fields")
            .max_height(scroll_height(ui, buttons))
            .show(ui, |ui| {
                ui.set_width(ui.available_width());
                fields_ui(ui, dialog);
            });
        ui.separator();
        let checked = dialog.checked();
        if let Err(problem) = checked {
            ui.colored_label(palette::warning(ui.visuals().dark_mode), problem);
        }
        let delete = (!dialog.adding).then_some(("Delete action…", "Really delete this action?"));
        match save_row_ui(ui, checked.is_ok(), delete, &mut dialog.confirm_delete) {
            Pressed::Save => {
                if let Ok(action) = checked {
                    intents.edit(if dialog.adding {
                        Edit::AddAction {
                            action: Box::new(action),
                            index: session.actions.len(),
                        }
                    } else {
                        Edit::UpdateAction(Box::new(action))
                    });
                }
                open = false;
            }
            Pressed::Remove => {
                intents.edit(Edit::DeleteAction {
                    id: dialog.action.id,
                });
                open = false;
            }
            Pressed::Cancel => open = false,
            Pressed::Nothing => {}
        }
    });
    if modal.should_close() {
        open = false;
    }
    open
}

fn fields_ui(ui: &mut egui::Ui, dialog: &mut ActionDialog) {
    let action = &mut dialog.action;
    let label = ui.label("What will be done");
    let what = ui
        .add(
            egui::TextEdit::multiline(&mut action.what)
                .desired_width(f32::INFINITY)
                .desired_rows(2),
        )
        .labelled_by(label.id);
    if std::mem::take(&mut dialog.focus) {
        what.request_focus();
    }
    ui.add_space(6.0);
    text_field(ui, "Owner (a team or role)", &mut action.owner);
    date_field(ui, "Due (YYYY-MM-DD)", &mut dialog.due).ok();
    let label = ui.label("Status");
    let combo = egui::ComboBox::from_id_salt("action-status")
        .width(200.0)
        .selected_text(action.status.label())
        .show_ui(ui, |ui| {
            for status in ActionStatus::ALL {
                ui.selectable_value(&mut action.status, status, status.label());
            }
        });
    combo.response.labelled_by(label.id);
    ui.add_space(6.0);
    if action.status == ActionStatus::NotDoing {
        lines_field(
            ui,
            "Why not (shown in the report)",
            &mut action.reason,
            2,
            4.0,
        );
    }
    lines_field(ui, "Latest update", &mut action.update, 2, 4.0);
}
