//! One person in the volunteer register, added or edited: every field on a copy, applied as
//! one undoable edit.

use super::form::{Pressed, date_field, date_text, lines_field, name_accessible};
use super::form::{save_row_ui, text_field};
use super::{fitted_width, scroll_height};
use crate::edit::Edit;
use crate::model::people::Status;
use crate::model::{GroupId, Person, Session};
use crate::ui::intents::Intents;
use crate::ui::palette;
use jiff::ToSpan;
use jiff::civil::Date;

/// Days to the next call after someone has been contacted.
const FOLLOW_UP_DAYS: i64 = 14;

/// The person being edited and the dates as typed.
pub struct PersonDialog {
    pub person: Person,
    /// Not yet in the register: Save adds them.
    pub adding: bool,
    signed_up: String,
    last_contact: String,
    next_contact: String,
    today: Date,
    /// Remove was pressed once: the second press removes.
    confirm_remove: bool,
    focus: bool,
}

impl PersonDialog {
    /// What the user can change here, to tell whether they have.
    pub fn values(&self) -> String {
        let dates = (&self.signed_up, &self.last_contact, &self.next_contact);
        format!("{:?}", (&self.person, dates))
    }

    /// A new person who signs up today, at the table on screen, for the first option.
    pub fn add(session: &Session, table: Option<GroupId>, today: Date) -> Self {
        let mut person = Person::new("", today);
        person.group = table;
        person.signed_up_for = session
            .details
            .sign_up_options
            .iter()
            .take(1)
            .cloned()
            .collect();
        Self::with(person, true, today)
    }

    pub fn edit(person: &Person, today: Date) -> Self {
        Self::with(person.clone(), false, today)
    }

    fn with(person: Person, adding: bool, today: Date) -> Self {
        Self {
            signed_up: person.signed_up.to_string(),
            last_contact: date_text(person.last_contact),
            next_contact: date_text(person.next_contact),
            person,
            adding,
            today,
            confirm_remove: false,
            focus: true,
        }
    }

    /// The person as the fields say, or why they cannot be saved yet.
    pub fn checked(&self) -> Result<Person, &'static str> {
        let mut person = self.person.clone();
        let withdrawn = person.status == Status::Withdrawn;
        person.name = person.name.trim().to_owned();
        if person.name.is_empty() && !withdrawn {
            return Err("Give their name.");
        }
        if person.contact.is_empty() && !withdrawn {
            return Err("Give at least one way to reach them (or a worker who can).");
        }
        let date = |text: &str| super::form::parse_date(text).map_err(|()| "Fix the date above.");
        person.signed_up = date(&self.signed_up)?.ok_or("Give the date they signed up.")?;
        person.last_contact = date(&self.last_contact)?;
        person.next_contact = date(&self.next_contact)?;
        Ok(person)
    }

    /// They were contacted today: the next call is two weeks on.
    fn contacted_today(&mut self) {
        self.last_contact = self.today.to_string();
        let next = self
            .today
            .checked_add(FOLLOW_UP_DAYS.days())
            .unwrap_or(self.today);
        self.next_contact = next.to_string();
        if self.person.status == Status::New {
            self.person.status = Status::Contacted;
        }
    }
}

const DIALOG_WIDTH: f32 = 560.0;

/// Shows the dialog; false once closed.
pub fn person_ui(
    ctx: &egui::Context,
    dialog: &mut PersonDialog,
    session: &Session,
    intents: &mut Intents,
) -> bool {
    let mut open = true;
    let modal = egui::Modal::new(egui::Id::unique("person-dialog")).show(ctx, |ui| {
        ui.set_width(fitted_width(ctx, DIALOG_WIDTH));
        super::heading_ui(
            ui,
            if dialog.adding {
                "Add a person"
            } else {
                "Person"
            },
        );
        ui.add_space(6.0);
        let buttons = ui.spacing().interact_size.y + 48.0;
        egui::ScrollArea::vertical()
            .id_salt("person-fields")
            .max_height(scroll_height(ui, buttons))
            .show(ui, |ui| {
                ui.set_width(ui.available_width());
                fields_ui(ui, dialog, session);
            });
        ui.separator();
        let checked = dialog.checked();
        if let Err(problem) = checked {
            ui.colored_label(palette::warning(ui.visuals().dark_mode), problem);
        }
        let remove = (!dialog.adding).then_some((
            "Remove from the register…",
            "Really remove from the register?",
        ));
        match save_row_ui(ui, checked.is_ok(), remove, &mut dialog.confirm_remove) {
            Pressed::Save => {
                if let Ok(person) = checked {
                    intents.edit(if dialog.adding {
                        Edit::AddPerson {
                            person: Box::new(person),
                            index: session.people.len(),
                        }
                    } else {
                        Edit::UpdatePerson(Box::new(person))
                    });
                }
                open = false;
            }
            Pressed::Remove => {
                intents.edit(Edit::DeletePerson {
                    id: dialog.person.id,
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

fn fields_ui(ui: &mut egui::Ui, dialog: &mut PersonDialog, session: &Session) {
    let person = &mut dialog.person;
    let name = text_field(ui, "Name", &mut person.name);
    if std::mem::take(&mut dialog.focus) {
        name.request_focus();
    }
    text_field(ui, "Email", &mut person.contact.email);
    text_field(ui, "Phone", &mut person.contact.phone);
    lines_field(ui, "Post (address)", &mut person.contact.post, 2, 4.0);
    text_field(ui, "Or via a named worker", &mut person.contact.via_worker);
    signed_up_for_ui(ui, person, &session.details.sign_up_options);
    table_ui(ui, person, session);
    date_field(ui, "Signed up (YYYY-MM-DD)", &mut dialog.signed_up).ok();
    ui.checkbox(&mut person.consent, "Agreed to the consent wording");
    ui.collapsing("The consent wording", |ui| {
        ui.label(&session.details.consent);
    });
    ui.add_space(6.0);
    status_ui(ui, person);
    text_field(ui, "Who will contact them", &mut person.contact_by);
    date_field(ui, "Last contact (YYYY-MM-DD)", &mut dialog.last_contact).ok();
    date_field(
        ui,
        "Next contact due (YYYY-MM-DD)",
        &mut dialog.next_contact,
    )
    .ok();
    if ui.button("Contacted today").clicked() {
        dialog.contacted_today();
    }
    ui.add_space(6.0);
    // Notes grow the dialog, which scrolls as a whole, rather than scrolling inside it.
    let label = ui.label("Notes");
    ui.add(
        egui::TextEdit::multiline(&mut dialog.person.notes)
            .desired_width(f32::INFINITY)
            .desired_rows(3),
    )
    .labelled_by(label.id);
}

/// A box for each option the session offers, and for any option they have that it no
/// longer lists.
fn signed_up_for_ui(ui: &mut egui::Ui, person: &mut Person, options: &[String]) {
    ui.label("Signed up for");
    let mut all: Vec<String> = options.to_vec();
    all.extend(
        (person.signed_up_for.iter())
            .filter(|o| !options.contains(o))
            .cloned(),
    );
    ui.horizontal_wrapped(|ui| {
        for option in all {
            let mut on = person.signed_up_for.contains(&option);
            let response = ui.checkbox(&mut on, &option);
            name_accessible(ui, response.id, format!("Signed up for: {option}"));
            if response.changed() {
                if on {
                    person.signed_up_for.push(option);
                } else {
                    person.signed_up_for.retain(|o| *o != option);
                }
            }
        }
    });
    ui.add_space(6.0);
}

fn table_ui(ui: &mut egui::Ui, person: &mut Person, session: &Session) {
    let label = ui.label("Sat at");
    let shown = person.group.map_or("Not known", |g| session.group_name(g));
    let combo = egui::ComboBox::from_id_salt("person-table")
        .width(ui.available_width().min(300.0))
        .selected_text(shown)
        .show_ui(ui, |ui| {
            ui.selectable_value(&mut person.group, None, "Not known");
            for group in &session.groups {
                ui.selectable_value(&mut person.group, Some(group.id), &group.name);
            }
        });
    combo.response.labelled_by(label.id);
    ui.add_space(6.0);
}

fn status_ui(ui: &mut egui::Ui, person: &mut Person) {
    let label = ui.label("Status");
    let combo = egui::ComboBox::from_id_salt("person-status")
        .width(200.0)
        .selected_text(person.status.label())
        .show_ui(ui, |ui| {
            for status in Status::ALL {
                ui.selectable_value(&mut person.status, status, status.label());
            }
        });
    combo.response.labelled_by(label.id);
    if person.status == Status::Withdrawn && person.holds_details() {
        let warning = palette::warning(ui.visuals().dark_mode);
        ui.colored_label(
            warning,
            "Saving erases their name, contact details and notes; only the count stays.",
        );
    }
    ui.add_space(6.0);
}
