//! Making a session from a spreadsheet of cards (CSV), for workshops captured on paper or in
//! another tool.
//!
//! The header row names the columns, in any order and any case: `group`, `category` and
//! `text` are required; `themes` (names separated by `;`), `votes` and `starred` are read when
//! present. The other columns of Harvest's own CSV export (`id`, `answers`, `answers_text`,
//! `written`) are accepted and ignored, so an export can be read back. Groups and themes are
//! created in order of first appearance. Quoted fields may hold commas, quotes and line
//! breaks; a UTF-8 byte-order mark is skipped.

use crate::model::{Card, Category, Group, Session, Theme};
use std::collections::HashMap;

/// Why a spreadsheet could not be read, with the line it happened on (1 is the header row).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{line}: {message}")]
pub struct ImportError {
    pub line: u64,
    pub message: String,
}

impl ImportError {
    fn new(line: u64, message: impl Into<String>) -> Self {
        Self {
            line,
            message: message.into(),
        }
    }
}

/// Columns read into the session.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Column {
    Group,
    Category,
    Text,
    Themes,
    Votes,
    Starred,
    /// Written by Harvest's export; read back as nothing.
    Ignored,
}

impl Column {
    fn parse(name: &str) -> Option<Column> {
        Some(match name.trim().to_lowercase().as_str() {
            "group" => Column::Group,
            "category" => Column::Category,
            "text" => Column::Text,
            "themes" => Column::Themes,
            "votes" => Column::Votes,
            "starred" => Column::Starred,
            "id" | "answers" | "answers_text" | "written" => Column::Ignored,
            _ => return None,
        })
    }
}

const EXPECTED: &str = "expected a header row like `group,category,text,themes`";

/// Reads a CSV file's bytes into a new session titled `title`.
pub fn session_from_csv(bytes: &[u8], title: &str) -> Result<Session, ImportError> {
    let bytes = bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(bytes);
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(bytes);
    let mut records = reader.records();

    let header = match records.next() {
        Some(record) => record.map_err(|e| csv_error(&e))?,
        None => {
            return Err(ImportError::new(
                1,
                format!("the file is empty; {EXPECTED}"),
            ));
        }
    };
    let mut columns = Vec::with_capacity(header.len());
    for name in &header {
        let column = Column::parse(name).ok_or_else(|| {
            ImportError::new(1, format!("unknown column {:?}; {EXPECTED}", name.trim()))
        })?;
        if column != Column::Ignored && columns.contains(&column) {
            return Err(ImportError::new(
                1,
                format!("the column {:?} appears twice", name.trim()),
            ));
        }
        columns.push(column);
    }
    for (required, name) in [
        (Column::Group, "group"),
        (Column::Category, "category"),
        (Column::Text, "text"),
    ] {
        if !columns.contains(&required) {
            return Err(ImportError::new(
                1,
                format!("there is no `{name}` column; {EXPECTED}"),
            ));
        }
    }

    let mut builder = Builder::new(title);
    for record in records {
        let record = record.map_err(|e| csv_error(&e))?;
        let line = record.position().map_or(0, |p| p.line());
        if record.iter().all(|f| f.trim().is_empty()) {
            continue;
        }
        if record.len() != columns.len() {
            return Err(ImportError::new(
                line,
                format!(
                    "expected {} fields like the header row, found {}",
                    columns.len(),
                    record.len()
                ),
            ));
        }
        builder
            .add(&columns, &record)
            .map_err(|message| ImportError::new(line, message))?;
    }
    builder.finish()
}

fn csv_error(error: &csv::Error) -> ImportError {
    let line = error.position().map_or(0, |p| p.line());
    let message = match error.kind() {
        csv::ErrorKind::Utf8 { .. } => {
            "the text is not UTF-8; save the file as CSV UTF-8".to_owned()
        }
        _ => error.to_string(),
    };
    ImportError::new(line, message)
}

/// The session being filled, with lookups so each row costs the same however many came before.
struct Builder {
    session: Session,
    groups: HashMap<String, usize>,
    themes: HashMap<String, usize>,
    written: jiff::Timestamp,
}

impl Builder {
    fn new(title: &str) -> Self {
        let mut session = Session::new(title);
        session.groups.clear();
        Self {
            session,
            groups: HashMap::new(),
            themes: HashMap::new(),
            written: jiff::Timestamp::now(),
        }
    }

    /// Adds one row's card; the error says what is wrong with the row.
    fn add(&mut self, columns: &[Column], record: &csv::StringRecord) -> Result<(), String> {
        let mut card = Card {
            written: self.written,
            ..Card::default()
        };
        let mut group = "";
        for (column, field) in columns.iter().zip(record) {
            match column {
                Column::Group => group = field.trim(),
                Column::Category => {
                    card.category = Category::parse(field).ok_or_else(|| {
                        format!(
                            "unknown category {:?}; use good, not so good or what would make a difference",
                            field.trim()
                        )
                    })?;
                }
                Column::Text => card.text = field.trim().replace("\r\n", "\n"),
                Column::Themes => {
                    for name in field.split(';').map(str::trim).filter(|n| !n.is_empty()) {
                        let at = self.theme(name);
                        let theme = self.session.themes[at].id;
                        if !card.themes.contains(&theme) {
                            card.themes.push(theme);
                        }
                    }
                }
                Column::Votes => card.votes = parse_votes(field)?,
                Column::Starred => card.starred = parse_yes_no(field)?,
                Column::Ignored => {}
            }
        }
        if group.is_empty() {
            return Err("the group is empty".to_owned());
        }
        if card.text.is_empty() {
            return Err("the card text is empty".to_owned());
        }
        let at = self.group(group);
        card.group = self.session.groups[at].id;
        self.session.cards.push(card);
        Ok(())
    }

    fn group(&mut self, name: &str) -> usize {
        if let Some(&i) = self.groups.get(name) {
            return i;
        }
        let i = self.session.groups.len();
        self.session.groups.push(Group::new(name));
        self.groups.insert(name.to_owned(), i);
        i
    }

    fn theme(&mut self, name: &str) -> usize {
        if let Some(&i) = self.themes.get(name) {
            return i;
        }
        let i = self.session.themes.len();
        self.session.themes.push(Theme::new(name, i));
        self.themes.insert(name.to_owned(), i);
        i
    }

    fn finish(self) -> Result<Session, ImportError> {
        if self.session.cards.is_empty() {
            return Err(ImportError::new(
                2,
                "there are no cards below the header row",
            ));
        }
        Ok(self.session)
    }
}

fn parse_votes(field: &str) -> Result<i32, String> {
    let field = field.trim();
    if field.is_empty() {
        return Ok(0);
    }
    match field.parse() {
        Ok(votes) if votes >= 0 => Ok(votes),
        // Votes are hand-counted dots: a session never holds fewer than none.
        Ok(_) => Err(format!("votes should be zero or more, found {field:?}")),
        Err(_) => Err(format!("votes should be a whole number, found {field:?}")),
    }
}

fn parse_yes_no(field: &str) -> Result<bool, String> {
    match field.trim().to_lowercase().as_str() {
        "" | "no" | "false" | "0" | "n" => Ok(false),
        "yes" | "true" | "1" | "y" | "★" => Ok(true),
        other => Err(format!("starred should be yes or no, found {other:?}")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_groups_and_themes_in_order_of_first_appearance() {
        let csv = "Group,Category,Text,Themes\n\
                   Table 2,good,Kind staff,Staff; Money\n\
                   Table 1,Not so good,\"Forms, forms\",Money\n\
                   Table 2,difference,One form,\n";
        let session = session_from_csv(csv.as_bytes(), "Test").unwrap();
        let groups: Vec<&str> = session.groups.iter().map(|g| g.name.as_str()).collect();
        assert_eq!(groups, ["Table 2", "Table 1"]);
        let themes: Vec<&str> = session.themes.iter().map(|t| t.name.as_str()).collect();
        assert_eq!(themes, ["Staff", "Money"]);
        assert_ne!(session.themes[0].color, session.themes[1].color);
        assert_eq!(session.cards[1].text, "Forms, forms");
        assert_eq!(session.cards[1].themes, [session.themes[1].id]);
        assert!(session.cards[2].themes.is_empty());
        assert_eq!(session.validate(), Ok(()));
    }

    #[test]
    fn a_bad_row_names_its_line() {
        let csv = "group,category,text\nA,good,\"two\nlines\"\nB,bad,x\n";
        let error = session_from_csv(csv.as_bytes(), "Test").unwrap_err();
        assert_eq!(error.line, 4);
        assert!(
            error.message.contains("unknown category \"bad\""),
            "{error}"
        );
    }

    #[test]
    fn negative_votes_are_refused_with_their_line() {
        let csv = "group,category,text,votes\nA,good,Kind staff,2\nA,good,Forms,-1\n";
        let error = session_from_csv(csv.as_bytes(), "Test").unwrap_err();
        assert_eq!(error.line, 3);
        assert!(error.message.contains("zero or more"), "{error}");
    }
}
