//! An action plan: what will be done about each theme or idea, to add to the session.
//!
//! Columns: `theme` (a theme's name) or `idea` (the text of a "What would make a difference"
//! card), one of them on each row; `action` (required); `owner`; `due` (a date, optional);
//! `status` (Planned when empty; "Not doing" needs a `reason`); `reason`; `update`. The first
//! bad row stops the whole sheet. An action already in the session (the same words about the
//! same theme or idea) is an error, so a sheet imported twice changes nothing.

use super::{Row, SheetError, date, same_text};
use crate::model::{About, Action, ActionStatus, Category, Session};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Column {
    Theme,
    Idea,
    Action,
    Owner,
    Due,
    Status,
    Reason,
    Update,
}

impl Column {
    fn parse(key: &str) -> Option<Column> {
        Some(match key {
            "theme" => Column::Theme,
            "idea" => Column::Idea,
            "action" => Column::Action,
            "owner" => Column::Owner,
            "due" => Column::Due,
            "status" => Column::Status,
            "reason" => Column::Reason,
            "update" => Column::Update,
            _ => return None,
        })
    }
}

/// The columns in the order Harvest writes them (`harvest actions --csv`).
pub const HEADINGS: [&str; 8] = [
    "theme", "idea", "action", "owner", "due", "status", "reason", "update",
];

const EXPECTED: &str = "theme,idea,action,owner,due,status,reason,update";

/// Reads an action plan against `session`'s themes, ideas and actions.
pub fn read(bytes: &[u8], session: &Session) -> Result<Vec<Action>, SheetError> {
    let rows = super::read(
        bytes,
        Column::parse,
        &[(Column::Action, "action")],
        EXPECTED,
    )?;
    let mut actions: Vec<(u64, Action)> = Vec::with_capacity(rows.len());
    for row in &rows {
        let action = action(row, session)?;
        if session.actions.iter().any(|a| same_action(a, &action)) {
            return Err(row.error("this action is already in the session"));
        }
        if let Some((first, _)) = actions.iter().find(|(_, a)| same_action(a, &action)) {
            return Err(row.error(format!(
                "this action is on the sheet twice; first on line {first}"
            )));
        }
        actions.push((row.line, action));
    }
    Ok(actions.into_iter().map(|(_, a)| a).collect())
}

fn action(row: &Row<Column>, session: &Session) -> Result<Action, SheetError> {
    let about = about(row, session)?;
    let what = row.get(Column::Action);
    if what.is_empty() {
        return Err(row.error("no action; say what will be done"));
    }
    let status = match row.get(Column::Status) {
        "" => ActionStatus::Planned,
        text => ActionStatus::parse(text).ok_or_else(|| {
            let known: Vec<&str> = ActionStatus::ALL.iter().map(|s| s.label()).collect();
            row.error(format!(
                "status {text:?} is not one of {}",
                known.join(", ")
            ))
        })?,
    };
    let reason = row.get(Column::Reason);
    if status == ActionStatus::NotDoing && reason.is_empty() {
        return Err(row.error("\"Not doing\" needs a reason, in the `reason` column"));
    }
    let mut action = Action::new(about, what);
    action.owner = row.get(Column::Owner).to_owned();
    action.due = date(row.get(Column::Due), "due").map_err(|e| row.error(e))?;
    action.status = status;
    action.reason = reason.to_owned();
    action.update = row.get(Column::Update).to_owned();
    Ok(action)
}

/// The theme or idea a row is about: exactly one of the two, and one the session has.
fn about(row: &Row<Column>, session: &Session) -> Result<About, SheetError> {
    match (row.get(Column::Theme), row.get(Column::Idea)) {
        ("", "") => Err(row.error("no theme or idea; say what the action answers")),
        (_, "") => {
            let wanted = row.get(Column::Theme);
            (session.themes.iter())
                .find(|t| same_text(&t.name, wanted))
                .map(|t| About::Theme(t.id))
                .ok_or_else(|| {
                    row.error(format!(
                        "there is no theme called {wanted:?} in the session"
                    ))
                })
        }
        ("", wanted) => (session.cards.iter())
            .find(|c| c.category == Category::MakeADifference && same_text(&c.text, wanted))
            .map(|c| About::Idea(c.id))
            .ok_or_else(|| {
                row.error(format!(
                    "there is no \"What would make a difference\" card saying {wanted:?}"
                ))
            }),
        _ => Err(row.error("both a theme and an idea; an action answers one of them")),
    }
}

fn same_action(a: &Action, b: &Action) -> bool {
    a.about == b.about && same_text(&a.what, &b.what)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store;
    use jiff::civil::date as ymd;

    fn sample() -> Session {
        store::format::from_text(store::places::SAMPLE)
            .map(|file| file.session)
            .unwrap()
    }

    #[test]
    fn rows_find_their_theme_or_idea_by_name_or_words() {
        let session = sample();
        let idea = (session.cards.iter())
            .find(|c| c.category == Category::MakeADifference)
            .unwrap();
        let sheet = format!(
            "Action,Theme,Idea,Due,Status,Reason\n\
             Run a drop-in,CARERS,,14/01/2027,in progress,\n\
             Ask the bank,,\" {} \",,not doing,Out of our hands\n",
            idea.text.to_uppercase()
        );
        let actions = read(sheet.as_bytes(), &session).unwrap();
        let carers = session.themes.iter().find(|t| t.name == "Carers").unwrap();
        assert_eq!(actions[0].about, About::Theme(carers.id));
        assert_eq!(actions[0].due, Some(ymd(2027, 1, 14)));
        assert_eq!(actions[0].status, ActionStatus::InProgress);
        assert_eq!(actions[1].about, About::Idea(idea.id));
        assert_eq!(actions[1].reason, "Out of our hands");
    }

    #[test]
    fn not_doing_without_a_reason_is_refused() {
        let sheet = "theme,action,status\nCarers,Something,Not doing\n";
        let error = read(sheet.as_bytes(), &sample()).unwrap_err();
        assert_eq!(error.line, 2);
        assert!(error.message.contains("reason"), "{error}");
    }
}
