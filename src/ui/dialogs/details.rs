//! Dialogs for the session's details and a group's details. Each works on a copy and applies
//! it as one undoable edit.

use super::form::{lines_field, text_field};
use super::{fitted_width, scroll_height};
use crate::edit::Edit;
use crate::model::{Category, Details, Group, Session};
use crate::ui::intents::Intents;

/// An open details dialog and the user's unsaved changes in it.
#[derive(Debug)]
pub enum DetailsDialog {
    Session {
        details: Box<Details>,
        date_text: String,
        facilitators: String,
        roles: String,
    },
    Group(Group),
}

impl DetailsDialog {
    pub fn for_session(session: &Session) -> Self {
        let details = session.details.clone();
        DetailsDialog::Session {
            date_text: details.date.to_string(),
            // One a line: a name may hold a comma ("Khan, Amira").
            facilitators: details.facilitators.join("\n"),
            roles: details.roles.join(", "),
            details: Box::new(details),
        }
    }
}

/// Wide enough for a long title or the sample's five roles on one line. Labels sit above
/// their boxes, so every box has the dialog's whole width, however narrow the window.
const DIALOG_WIDTH: f32 = 560.0;

/// Lines of notes shown before the notes box scrolls inside itself.
const NOTES_LINES: f32 = 6.0;

fn number(ui: &mut egui::Ui, label: &str, value: &mut u32) {
    let label = ui.label(label);
    ui.add(egui::DragValue::new(value).range(0..=999))
        .labelled_by(label.id);
}

/// The entries of a list typed into a box, each cut at `separator`, trimmed, blanks dropped.
fn split_list(text: &str, separator: char) -> Vec<String> {
    text.split(separator)
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_owned)
        .collect()
}

/// The session's fields; the edit that applies them, once they are valid.
fn session_fields_ui(
    ui: &mut egui::Ui,
    details: &mut Details,
    date_text: &mut String,
    facilitators: &mut String,
    roles: &mut String,
) -> Option<Edit> {
    let first = text_field(ui, "Title", &mut details.title);
    if ui.memory(|m| m.focused().is_none()) {
        first.request_focus();
    }
    text_field(ui, "Date (YYYY-MM-DD)", date_text);
    let date = date_text.trim().parse::<jiff::civil::Date>();
    if date.is_err() {
        let warning = crate::ui::palette::warning(ui.visuals().dark_mode);
        ui.colored_label(warning, "The date must look like 2026-10-14.");
    }
    text_field(ui, "Venue", &mut details.venue);
    lines_field(ui, "Facilitators (one per line)", facilitators, 2, 4.0);
    lines_field(ui, "Notes", &mut details.notes, 4, NOTES_LINES);
    ui.label("Cards to aim for from each group");
    ui.horizontal_wrapped(|ui| {
        for category in Category::ALL {
            number(ui, category.label(), details.targets.get_mut(category));
            ui.add_space(12.0);
        }
    });
    ui.add_space(6.0);
    text_field(ui, "Roles (comma separated)", roles);
    let agenda_named = super::agenda::agenda_ui(ui, &mut details.agenda);
    let mut new = details.clone();
    new.date = date.ok()?;
    new.facilitators = split_list(facilitators, '\n');
    new.roles = split_list(roles, ',');
    for phase in &mut new.agenda {
        phase.name = phase.name.trim().to_owned();
    }
    agenda_named.then(|| Edit::SetDetails(Box::new(new)))
}

/// A group's fields; the edit that applies them, once the group has a name.
fn group_fields_ui(ui: &mut egui::Ui, group: &mut Group, session: &Session) -> Option<Edit> {
    let first = text_field(ui, "Name", &mut group.name);
    if ui.memory(|m| m.focused().is_none()) {
        first.request_focus();
    }
    let named = !group.name.trim().is_empty();
    if !named {
        let warning = crate::ui::palette::warning(ui.visuals().dark_mode);
        ui.colored_label(warning, "A group needs a name.");
    }
    lines_field(ui, "Notes", &mut group.notes, 4, NOTES_LINES);
    if !session.details.roles.is_empty() {
        ui.label("People at the table");
        egui::Grid::new("group-people")
            .num_columns(2)
            .spacing([12.0, 6.0])
            .show(ui, |ui| {
                for role in &session.details.roles {
                    let count = group.participants.entry(role.clone()).or_insert(0);
                    number(ui, role, count);
                    ui.end_row();
                }
            });
    }
    let mut cleaned = group.clone();
    cleaned.participants.retain(|_, count| *count > 0);
    named.then_some(Edit::UpdateGroup { group: cleaned })
}

/// Shows the dialog; returns false once it is closed.
pub fn details_ui(
    ctx: &egui::Context,
    dialog: &mut DetailsDialog,
    session: &Session,
    intents: &mut Intents,
) -> bool {
    let mut open = true;
    let title = match dialog {
        DetailsDialog::Session { .. } => "Session details",
        DetailsDialog::Group(_) => "Group details",
    };
    let modal = egui::Modal::new(egui::Id::unique("details-dialog")).show(ctx, |ui| {
        // A fixed width: a modal sized by its content would keep long notes one word a line.
        ui.set_width(fitted_width(ctx, DIALOG_WIDTH));
        super::heading_ui(ui, title);
        ui.add_space(6.0);
        // The fields scroll when the window is small; Apply and Cancel stay in view below.
        let buttons = ui.spacing().interact_size.y + 24.0;
        let fields = egui::ScrollArea::vertical()
            .id_salt("details-fields")
            .max_height(scroll_height(ui, buttons))
            .show(ui, |ui| {
                ui.set_width(ui.available_width());
                match dialog {
                    DetailsDialog::Session {
                        details,
                        date_text,
                        facilitators,
                        roles,
                    } => session_fields_ui(ui, details, date_text, facilitators, roles),
                    DetailsDialog::Group(group) => group_fields_ui(ui, group, session),
                }
            });
        let mut apply = fields.inner;
        ui.separator();
        ui.horizontal(|ui| {
            let ok = ui.add_enabled(apply.is_some(), egui::Button::new("Apply"));
            if ok.clicked() {
                intents.edits.extend(apply.take());
                open = false;
            }
            if ui.button("Cancel").clicked() {
                open = false;
            }
        });
    });
    if modal.should_close() {
        open = false;
    }
    open
}
