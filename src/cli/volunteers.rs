//! `harvest volunteers FILE`: the volunteer register as a table (`--overdue`: only those
//! waiting too long for a call), as CSV with every contact detail for a mail merge (`--csv`),
//! or added to from a sign-up sheet (`--import SIGNUPS.csv`).
//!
//! Also home to what both register commands share (`harvest actions` uses it): today's date,
//! reading a sheet, and changing a session under its lock.

use super::{CliError, plural};
use crate::edit::{Edit, History};
use crate::model::{Person, Session};
use crate::sheets::{signups, table};
use crate::store;
use jiff::civil::Date;
use std::io::Write;
use std::path::Path;

pub(super) fn run(
    file: &Path,
    overdue: bool,
    csv: bool,
    import: Option<&Path>,
) -> Result<(), CliError> {
    if let Some(sheet) = import {
        return import_sheet(file, sheet);
    }
    let session = store::load(file).map_err(|e| CliError(e.report()))?;
    let today = today()?;
    let people: Vec<&Person> = (session.people.iter())
        .filter(|p| !overdue || p.is_overdue(today))
        .collect();
    if csv {
        return print(&register_csv(&session, &people)?);
    }
    let text = if people.is_empty() && overdue {
        format!("Nobody is overdue for a call on {today}.\n")
    } else if people.is_empty() {
        "Nobody is in the register yet.\n".to_owned()
    } else {
        register_table(&people, today)
    };
    print(text.as_bytes())
}

fn import_sheet(file: &Path, sheet: &Path) -> Result<(), CliError> {
    let bytes = read_sheet(sheet)?;
    let mut added = 0;
    let session = change(file, |session| {
        let read = signups::read(&bytes, session)
            .map_err(|e| CliError(format!("{}:{e}", sheet.display())))?;
        added = read.people.len();
        let mut edits = Vec::with_capacity(read.people.len() + 1);
        if !read.new_options.is_empty() {
            let mut details = session.details.clone();
            details.sign_up_options.extend(read.new_options);
            edits.push(Edit::SetDetails(Box::new(details)));
        }
        edits.extend(read.people.into_iter().map(|person| Edit::AddPerson {
            person: Box::new(person),
            index: usize::MAX,
        }));
        Ok(edits)
    })?;
    let today = today()?;
    let overdue = session
        .people
        .iter()
        .filter(|p| p.is_overdue(today))
        .count();
    eprintln!(
        "{}: {} added from {}; {} in the register, {overdue} overdue",
        file.display(),
        if added == 1 {
            "1 person".to_owned()
        } else {
            format!("{added} people")
        },
        sheet.display(),
        session.people.len(),
    );
    Ok(())
}

/// Name, what they signed up for, status, who contacts them, next contact, and how overdue.
fn register_table(people: &[&Person], today: Date) -> String {
    let mut rows = vec![
        ["Name", "For", "Status", "Contact by", "Next contact", ""]
            .map(str::to_owned)
            .to_vec(),
    ];
    for person in people {
        let late = match person.next_contact {
            Some(due) if person.is_overdue(today) => {
                let days = (today - due).get_days();
                format!("OVERDUE by {}", plural(days.unsigned_abs() as usize, "day"))
            }
            _ => String::new(),
        };
        rows.push(vec![
            table::one_line(person.shown_name()),
            person.signed_up_for.join("; "),
            person.status.label().to_owned(),
            table::one_line(&person.contact_by),
            (person.next_contact).map_or_else(|| "-".to_owned(), |d| d.to_string()),
            late,
        ]);
    }
    table::aligned(&rows)
}

/// Every field of the register, one row a person, for a mail merge.
fn register_csv(session: &Session, people: &[&Person]) -> Result<Vec<u8>, CliError> {
    let mut writer = csv::Writer::from_writer(Vec::new());
    writer.write_record([
        "name",
        "email",
        "phone",
        "post",
        "via_worker",
        "for",
        "group",
        "signed_up",
        "consent",
        "status",
        "contact_by",
        "last_contact",
        "next_contact",
        "notes",
    ])?;
    let day = |date: Option<Date>| date.map(|d| d.to_string()).unwrap_or_default();
    for person in people {
        let group = (person.group)
            .and_then(|id| session.group(id))
            .map(|g| g.name.clone())
            .unwrap_or_default();
        writer.write_record([
            person.name.as_str(),
            &person.contact.email,
            &person.contact.phone,
            &person.contact.post,
            &person.contact.via_worker,
            &person.signed_up_for.join("; "),
            &group,
            &person.signed_up.to_string(),
            if person.consent { "yes" } else { "no" },
            person.status.label(),
            &person.contact_by,
            &day(person.last_contact),
            &day(person.next_contact),
            &person.notes,
        ])?;
    }
    writer
        .into_inner()
        .map_err(|e| CliError(format!("could not write the CSV: {e}")))
}

pub(super) fn print(bytes: &[u8]) -> Result<(), CliError> {
    let mut stdout = std::io::stdout().lock();
    stdout.write_all(bytes).and_then(|()| stdout.flush())?;
    Ok(())
}

/// The date overdue calls and actions are judged against: today, or `HARVEST_TODAY`
/// (`YYYY-MM-DD`) when set. That variable is a hidden hook for tests, which need "weeks after
/// the event" to stay weeks after it; it is read here and nowhere else.
pub(super) fn today() -> Result<Date, CliError> {
    match std::env::var("HARVEST_TODAY") {
        Ok(text) => text.trim().parse().map_err(|_| {
            CliError(format!(
                "HARVEST_TODAY: {text:?} is not a date; write it as 2026-10-14"
            ))
        }),
        Err(_) => Ok(jiff::Zoned::now().date()),
    }
}

/// A sheet's bytes, or why they could not be read.
pub(super) fn read_sheet(sheet: &Path) -> Result<Vec<u8>, CliError> {
    std::fs::read(sheet).map_err(|e| {
        let why = match e.kind() {
            std::io::ErrorKind::IsADirectory => "this is a folder, not a CSV file".to_owned(),
            _ => store::io_message(&e),
        };
        CliError(format!("{}: could not read: {why}", sheet.display()))
    })
}

/// Changes the session at `file` by the edits `make` returns, all or nothing: only while no
/// other Harvest holds the session (the error says who does), checked before it is written,
/// and written atomically. No edits: nothing is written.
pub(super) fn change(
    file: &Path,
    make: impl FnOnce(&Session) -> Result<Vec<Edit>, CliError>,
) -> Result<Session, CliError> {
    // Held until written, so nothing can change the session between reading and writing it.
    let _lock = store::SessionLock::acquire(file).map_err(|e| CliError(e.to_string()))?;
    let mut session = store::load(file).map_err(|e| CliError(e.report()))?;
    let edits = make(&session)?;
    if edits.is_empty() {
        return Ok(session);
    }
    // Counted as this install's changes, as the app counts them, so a later merge with
    // another laptop's copy knows which side made them.
    let mut history = History::by(store::places::replica_id());
    history
        .apply(&mut session, Edit::Batch(edits))
        .map_err(|e| CliError(format!("{}: not changed: {e}", file.display())))?;
    session.validate().map_err(|e| {
        CliError(format!(
            "{}: not changed: the session would not hold together ({e})",
            file.display()
        ))
    })?;
    store::save(&session, file)
        .map_err(|e| CliError(format!("{}: could not write: {e}", file.display())))?;
    Ok(session)
}
