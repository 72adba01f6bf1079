//! Dialogs for the session's details and a group's details. Each works on a copy and applies
//! it as one undoable edit.

use crate::edit::Edit;
use crate::model::{Category, Details, Group, Session};
use crate::ui::intents::Intents;

/// An open details dialog and the user's unsaved changes in it.
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

/// Wide enough for the longest label ("Target: What would make a difference") beside a box.
const DIALOG_WIDTH: f32 = 600.0;

/// A labelled single-line text box.
fn text_row(ui: &mut egui::Ui, label: &str, text: &mut String) -> egui::Response {
    let label = ui.label(label);
    let response = ui
        .add(egui::TextEdit::singleline(text).desired_width(320.0))
        .labelled_by(label.id);
    ui.end_row();
    response
}

fn number_row(ui: &mut egui::Ui, label: &str, value: &mut u32) {
    let label = ui.label(label);
    ui.add(egui::DragValue::new(value).range(0..=999))
        .labelled_by(label.id);
    ui.end_row();
}

/// The entries of a list typed into a box, each cut at `separator`, trimmed, blanks dropped.
fn split_list(text: &str, separator: char) -> Vec<String> {
    text.split(separator)
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_owned)
        .collect()
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
        // A fixed width: the boxes in the grid's last column wrap at the width the window had
        // the frame before, and a modal sized by its content would keep long notes one word a
        // line forever.
        ui.set_width(DIALOG_WIDTH);
        ui.heading(title);
        ui.add_space(6.0);
        let mut apply = None;
        match dialog {
            DetailsDialog::Session {
                details,
                date_text,
                facilitators,
                roles,
            } => {
                let date = date_text.trim().parse::<jiff::civil::Date>();
                egui::Grid::new("session-details")
                    .num_columns(2)
                    .spacing([12.0, 8.0])
                    .show(ui, |ui| {
                        let first = text_row(ui, "Title", &mut details.title);
                        if ui.memory(|m| m.focused().is_none()) {
                            first.request_focus();
                        }
                        text_row(ui, "Date (YYYY-MM-DD)", date_text);
                        text_row(ui, "Venue", &mut details.venue);
                        let label = ui.label("Facilitators (one per line)");
                        ui.add(
                            egui::TextEdit::multiline(facilitators)
                                .desired_width(320.0)
                                .desired_rows(2),
                        )
                        .labelled_by(label.id);
                        ui.end_row();
                        let label = ui.label("Notes");
                        ui.add(
                            egui::TextEdit::multiline(&mut details.notes)
                                .desired_width(320.0)
                                .desired_rows(3),
                        )
                        .labelled_by(label.id);
                        ui.end_row();
                        for category in Category::ALL {
                            number_row(
                                ui,
                                &format!("Target: {}", category.label()),
                                details.targets.get_mut(category),
                            );
                        }
                        text_row(ui, "Roles (comma separated)", roles);
                    });
                if date.is_err() {
                    ui.colored_label(
                        crate::ui::palette::warning(ui.visuals().dark_mode),
                        "The date must look like 2026-10-14.",
                    );
                }
                if let Ok(date) = date {
                    let mut new = (**details).clone();
                    new.date = date;
                    new.facilitators = split_list(facilitators, '\n');
                    new.roles = split_list(roles, ',');
                    apply = Some(Edit::SetDetails(Box::new(new)));
                }
            }
            DetailsDialog::Group(group) => {
                egui::Grid::new("group-details")
                    .num_columns(2)
                    .spacing([12.0, 8.0])
                    .show(ui, |ui| {
                        let first = text_row(ui, "Name", &mut group.name);
                        if ui.memory(|m| m.focused().is_none()) {
                            first.request_focus();
                        }
                        let label = ui.label("Notes");
                        ui.add(
                            egui::TextEdit::multiline(&mut group.notes)
                                .desired_width(320.0)
                                .desired_rows(3),
                        )
                        .labelled_by(label.id);
                        ui.end_row();
                        for role in &session.details.roles {
                            let count = group.participants.entry(role.clone()).or_insert(0);
                            number_row(ui, role, count);
                        }
                    });
                let mut cleaned = group.clone();
                cleaned.participants.retain(|_, count| *count > 0);
                if cleaned.name.trim().is_empty() {
                    ui.colored_label(
                        crate::ui::palette::warning(ui.visuals().dark_mode),
                        "A group needs a name.",
                    );
                } else {
                    apply = Some(Edit::UpdateGroup { group: cleaned });
                }
            }
        }
        ui.add_space(8.0);
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
