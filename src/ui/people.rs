//! The People screen: the volunteer register as a table, sortable by any column, with those
//! waiting too long to hear back marked (and a filter to see only them). Rows open the person
//! in a dialog; every change is one undoable edit.

use super::dialogs::Dialog;
use super::dialogs::person::PersonDialog;
use super::dialogs::register::RegisterDialog;
use super::intents::Intents;
use super::palette;
use super::state::UiState;
use crate::edit::Edit;
use crate::model::people::Status;
use crate::model::{Person, PersonId, Session};
use crate::summary::words::plural;
use jiff::civil::Date;

/// A column the table can be sorted by.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Column {
    Name,
    For,
    Table,
    Status,
    ContactBy,
    #[default]
    NextContact,
}

impl Column {
    const ALL: [Column; 6] = [
        Column::Name,
        Column::For,
        Column::Table,
        Column::Status,
        Column::ContactBy,
        Column::NextContact,
    ];

    fn label(self) -> &'static str {
        match self {
            Column::Name => "Name",
            Column::For => "Signed up for",
            Column::Table => "Table",
            Column::Status => "Status",
            Column::ContactBy => "Who contacts",
            Column::NextContact => "Next contact",
        }
    }
}

/// How the table is shown: kept while another screen is.
#[derive(Default)]
pub struct PeopleView {
    pub sort: Column,
    pub descending: bool,
    pub only_overdue: bool,
}

/// "14 Oct 2026".
fn short_date(date: Date) -> String {
    date.strftime("%-d %b %Y").to_string()
}

/// The people in the order and filter chosen.
pub fn rows<'a>(session: &'a Session, view: &PeopleView, today: Date) -> Vec<&'a Person> {
    let mut rows: Vec<&Person> = (session.people.iter())
        .filter(|p| !view.only_overdue || p.is_overdue(today))
        .collect();
    let table = |p: &Person| p.group.map(|g| session.group_name(g).to_lowercase());
    rows.sort_by(|a, b| {
        let order = match view.sort {
            Column::Name => a.name.to_lowercase().cmp(&b.name.to_lowercase()),
            Column::For => a.signed_up_for.cmp(&b.signed_up_for),
            Column::Table => table(a).cmp(&table(b)),
            Column::Status => a.status.cmp(&b.status),
            Column::ContactBy => a
                .contact_by
                .to_lowercase()
                .cmp(&b.contact_by.to_lowercase()),
            // Nothing due sorts last: those waiting come first.
            Column::NextContact => (a.next_contact.is_none(), a.next_contact)
                .cmp(&(b.next_contact.is_none(), b.next_contact)),
        };
        if view.descending {
            order.reverse()
        } else {
            order
        }
    });
    rows
}

/// "11 people: 7 waiting too long, 2 joined, 1 declined, 1 withdrew".
pub fn register_line(people: &[Person], today: Date) -> String {
    if people.is_empty() {
        return "Nobody has signed up yet.".to_owned();
    }
    let count = |status: Status| people.iter().filter(|p| p.status == status).count();
    let overdue = people.iter().filter(|p| p.is_overdue(today)).count();
    let mut parts = vec![format!("{overdue} overdue")];
    parts.extend(
        [
            (Status::Joined, "joined"),
            (Status::Declined, "declined"),
            (Status::Withdrawn, "withdrew"),
        ]
        .into_iter()
        .filter(|(status, _)| count(*status) > 0)
        .map(|(status, word)| format!("{} {word}", count(status))),
    );
    format!(
        "{}: {}",
        crate::summary::words::people(people.len() as u32),
        parts.join(", ")
    )
}

/// When the keep-until date is past and details are still held: what to say of it.
pub fn keep_until_passed(session: &Session, today: Date) -> Option<String> {
    let until = session.details.keep_until.filter(|until| *until < today)?;
    let held = session.people.iter().filter(|p| p.holds_details()).count();
    (held > 0).then(|| {
        format!(
            "The register was to be kept until {}, and still holds the details of {}",
            until.strftime("%-d %B %Y"),
            crate::summary::words::people(held as u32)
        )
    })
}

/// Everyone's details erased in one undoable step (what stays is anonymous).
fn erase_all(session: &Session) -> Edit {
    Edit::Batch(
        (session.people.iter())
            .filter(|p| p.holds_details())
            .map(|p| Edit::UpdatePerson(Box::new(p.erased())))
            .collect(),
    )
}

pub fn people_ui(
    ui: &mut egui::Ui,
    view: &mut PeopleView,
    session: &Session,
    state: &mut UiState,
    intents: &mut Intents,
    today: Date,
) {
    ui.heading("Volunteer register");
    ui.label(register_line(&session.people, today));
    if let Some(passed) = keep_until_passed(session, today) {
        let warning = palette::warning(ui.visuals().dark_mode);
        ui.horizontal_wrapped(|ui| {
            ui.colored_label(warning, format!("{passed}."));
            if ui.button("Erase all contact details").clicked() {
                intents.edit(erase_all(session));
                intents.done_notice = Some(
                    "Every name and contact detail is erased; the counts stay. Ctrl+Z brings them back until you close."
                        .to_owned(),
                );
            }
        });
    }
    ui.add_space(4.0);
    ui.horizontal_wrapped(|ui| {
        if ui.button("Add a person…").clicked() {
            let table = Some(state.group);
            let dialog = PersonDialog::add(session, table, today);
            state.dialog = Some(Dialog::Person(Box::new(dialog)));
        }
        if ui.button("Register settings…").clicked() {
            let dialog = RegisterDialog::for_session(session);
            state.dialog = Some(Dialog::Register(Box::new(dialog)));
        }
        ui.checkbox(&mut view.only_overdue, "Only those overdue");
    });
    ui.add_space(6.0);
    let rows = rows(session, view, today);
    if rows.is_empty() && !session.people.is_empty() {
        ui.label("Nobody is overdue.");
        return;
    }
    let mut open: Option<PersonId> = None;
    egui::ScrollArea::both().auto_shrink(false).show(ui, |ui| {
        egui::Grid::new("people-table")
            .striped(true)
            .num_columns(Column::ALL.len() + 1)
            .spacing([18.0, 6.0])
            .show(ui, |ui| {
                header_ui(ui, view);
                for person in rows {
                    if row_ui(ui, person, session, today) {
                        open = Some(person.id);
                    }
                    ui.end_row();
                }
            });
    });
    if let Some(person) = open.and_then(|id| session.person(id)) {
        let dialog = PersonDialog::edit(person, today);
        state.dialog = Some(Dialog::Person(Box::new(dialog)));
    }
}

/// Column headings that sort the table: pressed again, the order turns round.
fn header_ui(ui: &mut egui::Ui, view: &mut PeopleView) {
    for column in Column::ALL {
        let sorted = view.sort == column;
        let text = match (sorted, view.descending) {
            (false, _) => column.label().to_owned(),
            (true, false) => format!("{} (A to Z)", column.label()),
            (true, true) => format!("{} (Z to A)", column.label()),
        };
        let button = egui::Button::new(egui::RichText::new(text).strong()).frame(false);
        let response = ui
            .add(button)
            .on_hover_text(format!("Sort by {}", column.label().to_lowercase()));
        if response.clicked() {
            if sorted {
                view.descending = !view.descending;
            } else {
                view.sort = column;
                view.descending = false;
            }
        }
    }
    ui.label("");
    ui.end_row();
}

/// One person's row; true when it was chosen to open.
fn row_ui(ui: &mut egui::Ui, person: &Person, session: &Session, today: Date) -> bool {
    let chosen = ui
        .add(egui::Button::new(person.shown_name()).frame(false))
        .on_hover_text("Open (Enter)")
        .clicked();
    ui.label(person.signed_up_for.join(", "));
    ui.label(person.group.map_or("", |g| session.group_name(g)));
    ui.label(person.status.label());
    ui.label(&person.contact_by);
    ui.label(person.next_contact.map(short_date).unwrap_or_default());
    if person.is_overdue(today) {
        let late = person
            .next_contact
            .map_or(0, |due| (today - due).get_days());
        let text = format!("Overdue by {}", plural(late as usize, "day"));
        ui.colored_label(palette::time_over(ui.visuals().dark_mode), text);
    } else {
        ui.label("");
    }
    chosen
}
