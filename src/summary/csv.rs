//! The summary as one spreadsheet row per card, for sorting and filtering.
//!
//! Columns: `group,category,themes,text,votes,starred,answers_text,written,id,answers`.
//! `themes` joins theme names with `"; "`; `answers_text` holds the words of the "Not so good"
//! cards a card answers, one per line, and `answers` their ids (each is another row's `id`,
//! which stays the same however the session is edited). `written` is an RFC 3339 UTC time.
//! Rows go by group (session order), then category, then capture order, so the same session
//! always gives the same bytes. `harvest import` reads this file back.

use super::report::{CardView, Summary};
use crate::model::CardId;
use std::collections::HashMap;

pub const COLUMNS: [&str; 10] = [
    "group",
    "category",
    "themes",
    "text",
    "votes",
    "starred",
    "answers_text",
    "written",
    "id",
    "answers",
];

/// Renders one row per card, with a header row.
pub fn render(summary: &Summary) -> String {
    let cards = || {
        (summary.groups.iter())
            .flat_map(|g| g.by_category.iter())
            .flatten()
    };
    let texts: HashMap<CardId, &str> = cards().map(|c| (c.id, &*c.text)).collect();
    let mut out = String::with_capacity(128 + texts.len() * 160);
    row(&mut out, COLUMNS.iter().map(|c| c.to_string()));
    for card in cards() {
        row(&mut out, fields(card, &texts));
    }
    out
}

fn fields(card: &CardView, texts: &HashMap<CardId, &str>) -> impl Iterator<Item = String> {
    let answers: Vec<String> = card.answers.iter().map(CardId::to_string).collect();
    let answer_texts: Vec<&str> = (card.answers.iter())
        .filter_map(|a| texts.get(a).copied())
        .collect();
    [
        card.group.to_string(),
        card.category.label().to_owned(),
        card.themes.join("; "),
        card.text.to_string(),
        card.votes.to_string(),
        if card.starred { "yes" } else { "no" }.to_owned(),
        answer_texts.join("\n"),
        card.written.to_string(),
        card.id.to_string(),
        answers.join("; "),
    ]
    .into_iter()
}

/// Writes one record: a field is quoted when it holds a comma, quote or line break (RFC 4180),
/// or starts or ends with a space a reader might trim.
fn row(out: &mut String, fields: impl Iterator<Item = String>) {
    for (i, field) in fields.enumerate() {
        if i > 0 {
            out.push(',');
        }
        let quote = field.contains([',', '"', '\n', '\r'])
            || field.starts_with([' ', '\t'])
            || field.ends_with([' ', '\t']);
        if quote {
            out.push('"');
            out.push_str(&field.replace('"', "\"\""));
            out.push('"');
        } else {
            out.push_str(&field);
        }
    }
    out.push('\n');
}
