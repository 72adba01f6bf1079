//! A plain text table for the terminal: columns padded to line up, two spaces apart.

/// `rows` as lines of aligned columns, the first row being the headings. Widths count
/// characters, so accented names line up too; the last column is never padded.
pub fn aligned(rows: &[Vec<String>]) -> String {
    let columns = rows.iter().map(Vec::len).max().unwrap_or(0);
    let widths: Vec<usize> = (0..columns)
        .map(|i| {
            (rows.iter())
                .filter_map(|row| row.get(i))
                .map(|cell| cell.chars().count())
                .max()
                .unwrap_or(0)
        })
        .collect();
    let mut text = String::new();
    for row in rows {
        let mut line = String::new();
        for (i, cell) in row.iter().enumerate() {
            if i > 0 {
                line.push_str("  ");
            }
            line.push_str(cell);
            let pad = widths[i].saturating_sub(cell.chars().count());
            line.extend(std::iter::repeat_n(' ', pad));
        }
        text.push_str(line.trim_end());
        text.push('\n');
    }
    text
}

/// A cell's text on one line: line breaks in notes or addresses would break the table.
pub fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_line_up() {
        let rows = vec![
            vec!["Name".to_owned(), "Status".to_owned()],
            vec!["Zoë Ng".to_owned(), "New".to_owned()],
        ];
        assert_eq!(aligned(&rows), "Name    Status\nZoë Ng  New\n");
    }
}
