//! Reading the sheets people keep beside a session: sign-up sheets for the volunteer register
//! ([`signups`]) and action plans ([`actions`]). Pure: bytes and the session in, new people or
//! actions out, or the first bad row as `LINE: what is wrong`. Nothing here writes.
//!
//! Both sheets are CSV with a header row naming the columns in any order and any case
//! (`signed_up`, `Signed up` and `signed-up` are one column). An unknown column is an error, so
//! a misspelt heading never drops a column in silence. Blank rows are skipped.

pub mod actions;
pub mod signups;
pub mod table;

use jiff::civil::Date;

/// Why a sheet could not be read, with the line it happened on (1 is the header row).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{line}: {message}")]
pub struct SheetError {
    pub line: u64,
    pub message: String,
}

impl SheetError {
    pub(crate) fn new(line: u64, message: impl Into<String>) -> Self {
        Self {
            line,
            message: message.into(),
        }
    }
}

/// One row of a sheet: its line and its cells by column.
pub(crate) struct Row<C> {
    pub line: u64,
    cells: Vec<(C, String)>,
}

impl<C: Copy + PartialEq> Row<C> {
    /// The cell in `column`, trimmed; empty when the sheet has no such column.
    pub fn get(&self, column: C) -> &str {
        (self.cells.iter())
            .find(|(c, _)| *c == column)
            .map_or("", |(_, text)| text.trim())
    }

    pub fn error(&self, message: impl Into<String>) -> SheetError {
        SheetError::new(self.line, message)
    }
}

/// A column heading as a key: lower case, with spaces and dashes read as underscores.
pub(crate) fn heading_key(name: &str) -> String {
    name.trim()
        .to_lowercase()
        .chars()
        .map(|c| if c == ' ' || c == '-' { '_' } else { c })
        .collect()
}

/// Reads a sheet's rows. `column` names a heading's column; `required` lists the columns a
/// sheet must have; `expected` shows what a good header looks like, for the error messages.
pub(crate) fn read<C: Copy + PartialEq>(
    bytes: &[u8],
    column: fn(&str) -> Option<C>,
    required: &[(C, &str)],
    expected: &str,
) -> Result<Vec<Row<C>>, SheetError> {
    let bytes = bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(bytes);
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(bytes);
    let mut records = reader.records();
    let header = match records.next() {
        Some(record) => record.map_err(|e| csv_error(&e))?,
        None => {
            return Err(SheetError::new(
                1,
                format!("the file is empty; expected a header row like `{expected}`"),
            ));
        }
    };
    let mut columns = Vec::with_capacity(header.len());
    for name in &header {
        let found = column(&heading_key(name)).ok_or_else(|| {
            SheetError::new(
                1,
                format!(
                    "unknown column {:?}; expected a header row like `{expected}`",
                    name.trim()
                ),
            )
        })?;
        if columns.contains(&found) {
            return Err(SheetError::new(
                1,
                format!("the column {:?} appears twice", name.trim()),
            ));
        }
        columns.push(found);
    }
    for (wanted, name) in required {
        if !columns.contains(wanted) {
            return Err(SheetError::new(
                1,
                format!("there is no `{name}` column; expected a header row like `{expected}`"),
            ));
        }
    }
    let mut rows = Vec::new();
    for record in records {
        let record = record.map_err(|e| csv_error(&e))?;
        let line = record.position().map_or(0, |p| p.line());
        if record.iter().all(|cell| cell.trim().is_empty()) {
            continue;
        }
        if record.len() > columns.len() {
            return Err(SheetError::new(
                line,
                format!(
                    "{} fields, but the header row names {} columns",
                    record.len(),
                    columns.len()
                ),
            ));
        }
        // A short row (a spreadsheet dropping trailing empty cells) leaves the rest empty.
        let cells = (columns.iter().copied())
            .zip(record.iter().map(str::to_owned))
            .collect();
        rows.push(Row { line, cells });
    }
    Ok(rows)
}

fn csv_error(error: &csv::Error) -> SheetError {
    let line = error.position().map_or(0, |p| p.line());
    let message = match error.kind() {
        csv::ErrorKind::Utf8 { .. } => "not UTF-8 text; save the sheet as CSV UTF-8".to_owned(),
        _ => format!("not readable as CSV ({error})"),
    };
    SheetError::new(line, message)
}

/// A date as people write it on a sheet: `2026-10-14` or `14/10/2026`. None when empty.
pub(crate) fn date(text: &str, what: &str) -> Result<Option<Date>, String> {
    let text = text.trim();
    if text.is_empty() {
        return Ok(None);
    }
    let bad = || format!("{what} {text:?} is not a date; write it as 2026-10-14 or 14/10/2026");
    if let Ok(date) = text.parse::<Date>() {
        return Ok(Some(date));
    }
    let parts: Vec<&str> = text.split('/').map(str::trim).collect();
    let [day, month, year] = parts.as_slice() else {
        return Err(bad());
    };
    if year.len() != 4 {
        return Err(bad());
    }
    let number = |part: &str| part.parse::<i16>().map_err(|_| bad());
    let (day, month, year) = (number(day)?, number(month)?, number(year)?);
    let (Ok(day), Ok(month)) = (i8::try_from(day), i8::try_from(month)) else {
        return Err(bad());
    };
    Date::new(year, month, day).map(Some).map_err(|_| bad())
}

/// Whether two cells say the same thing, ignoring case and the spaces around them.
pub(crate) fn same_text(a: &str, b: &str) -> bool {
    a.trim().to_lowercase() == b.trim().to_lowercase()
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date as ymd;

    #[test]
    fn dates_read_both_ways_people_write_them() {
        assert_eq!(date("2026-10-14", "x"), Ok(Some(ymd(2026, 10, 14))));
        assert_eq!(date(" 14/10/2026 ", "x"), Ok(Some(ymd(2026, 10, 14))));
        assert_eq!(date("4/1/2027", "x"), Ok(Some(ymd(2027, 1, 4))));
        assert_eq!(date("", "x"), Ok(None));
        for bad in [
            "31/02/2026",
            "14/10/26",
            "next week",
            "2026-13-01",
            "1/2/3/4",
        ] {
            assert!(date(bad, "x").is_err(), "{bad} read as a date");
        }
    }

    #[test]
    fn headings_ignore_case_spaces_and_dashes() {
        assert_eq!(heading_key(" Signed up "), "signed_up");
        assert_eq!(heading_key("SIGNED-UP"), "signed_up");
    }
}
