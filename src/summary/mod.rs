//! Summaries of a session for the write-up.

use crate::model::{Category, Session};
use std::fmt::Write;

/// Every card, by group and then category, as Markdown.
pub fn cards_markdown(session: &Session) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "# {}\n", session.details.title);
    for group in &session.groups {
        let _ = writeln!(out, "## {}\n", group.name);
        for category in Category::ALL {
            let _ = writeln!(out, "### {}\n", category.label());
            let mut any = false;
            for card in session.cards_in(group.id, category) {
                any = true;
                let text = card.text.replace('\n', " ");
                let _ = writeln!(out, "- {text}");
            }
            if !any {
                let _ = writeln!(out, "_No cards._");
            }
            out.push('\n');
        }
    }
    out
}
