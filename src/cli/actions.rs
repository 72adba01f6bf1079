//! `harvest actions FILE`: the session's actions as a table, as CSV (`--csv`, the same columns
//! an action plan is imported from), or added to from an action plan (`--import ACTIONS.csv`).

use super::volunteers::{change, print, read_sheet, today};
use super::{CliError, plural};
use crate::edit::Edit;
use crate::model::{About, Action, Session};
use crate::sheets::{actions, table};
use jiff::civil::Date;
use std::path::Path;

pub(super) fn run(file: &Path, csv: bool, import: Option<&Path>) -> Result<(), CliError> {
    if let Some(sheet) = import {
        return import_sheet(file, sheet);
    }
    let session = crate::store::load(file).map_err(|e| CliError(e.report()))?;
    if csv {
        return print(&actions_csv(&session)?);
    }
    if session.actions.is_empty() {
        return print(b"No actions yet.\n");
    }
    print(actions_table(&session, today()?).as_bytes())
}

fn import_sheet(file: &Path, sheet: &Path) -> Result<(), CliError> {
    let bytes = read_sheet(sheet)?;
    let mut added = 0;
    let session = change(file, |session| {
        let read = actions::read(&bytes, session)
            .map_err(|e| CliError(format!("{}:{e}", sheet.display())))?;
        added = read.len();
        Ok(read
            .into_iter()
            .map(|action| Edit::AddAction {
                action: Box::new(action),
                index: usize::MAX,
            })
            .collect())
    })?;
    let today = today()?;
    let overdue = session
        .actions
        .iter()
        .filter(|a| a.is_overdue(today))
        .count();
    eprintln!(
        "{}: {} added from {}; {} in the session, {overdue} overdue",
        file.display(),
        plural(added, "action"),
        sheet.display(),
        session.actions.len(),
    );
    Ok(())
}

/// What each action answers, what will be done, by whom, by when, and how far it has got.
fn actions_table(session: &Session, today: Date) -> String {
    let mut rows = vec![
        ["About", "Action", "Owner", "Due", "Status", ""]
            .map(str::to_owned)
            .to_vec(),
    ];
    for action in &session.actions {
        let late = match action.due {
            Some(due) if action.is_overdue(today) => {
                let days = (today - due).get_days();
                format!("OVERDUE by {}", plural(days.unsigned_abs() as usize, "day"))
            }
            _ => String::new(),
        };
        let about = match about(session, action) {
            (theme, "") => theme.to_owned(),
            (_, idea) => format!("Idea: {idea}"),
        };
        rows.push(vec![
            table::one_line(&about),
            table::one_line(&action.what),
            table::one_line(&action.owner),
            action.due.map_or_else(|| "-".to_owned(), |d| d.to_string()),
            action.status.label().to_owned(),
            late,
        ]);
    }
    table::aligned(&rows)
}

/// The theme's name, or the idea's words: one of the two is empty. An action whose theme or
/// card has gone since is shown as such rather than dropped.
fn about<'a>(session: &'a Session, action: &Action) -> (&'a str, &'a str) {
    match action.about {
        About::Theme(id) => (session.theme(id).map_or("(theme removed)", |t| &t.name), ""),
        About::Idea(id) => ("", session.card(id).map_or("(idea removed)", |c| &c.text)),
    }
}

/// Every action in the columns an action plan is imported from.
fn actions_csv(session: &Session) -> Result<Vec<u8>, CliError> {
    let mut writer = csv::Writer::from_writer(Vec::new());
    writer.write_record(actions::HEADINGS)?;
    for action in &session.actions {
        let (theme, idea) = about(session, action);
        writer.write_record([
            theme,
            idea,
            &action.what,
            &action.owner,
            &action.due.map(|d| d.to_string()).unwrap_or_default(),
            action.status.label(),
            &action.reason,
            &action.update,
        ])?;
    }
    writer
        .into_inner()
        .map_err(|e| CliError(format!("could not write the CSV: {e}")))
}
