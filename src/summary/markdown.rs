//! The summary as CommonMark with pipe tables, for pasting into wikis, issues and documents.
//!
//! Card text is escaped so nothing people said can turn into markup: inline punctuation gets
//! a backslash, lines that would start a list, heading or quote are defused, and line breaks
//! inside a card become hard breaks within its list item.

use super::report::{CardLists, CardView, Counts, Entry, GroupCards, Summary};
use super::words;
use crate::model::Category;
use std::fmt::Write;

/// Renders the whole summary.
pub fn render(summary: &Summary) -> String {
    let mut out = String::with_capacity(256 + summary.groups.len() * 64);
    header(&mut out, summary);
    overview(&mut out, summary);

    line(&mut out, &format!("## {}\n", words::THEMES));
    if summary.themes.is_empty() {
        line(&mut out, "_No themes yet._\n");
    }
    for theme in &summary.themes {
        line(&mut out, &format!("### {}\n", inline(&theme.name)));
        line(
            &mut out,
            &format!("{}.\n", words::counts_sentence(theme.counts).trim_end()),
        );
        if !theme.by_group.is_empty() {
            line(&mut out, &count_table_head("Group"));
            for row in &theme.by_group {
                line(&mut out, &count_row(&inline(&row.group), row.counts));
            }
            out.push('\n');
        }
        card_lists(&mut out, &theme.cards, "####");
    }

    proposals(&mut out, summary);

    line(&mut out, &format!("## {}\n", words::UNTHEMED));
    if summary.unthemed.is_empty() {
        line(&mut out, "_Every card has a theme._\n");
    }
    card_lists(&mut out, &summary.unthemed, "###");

    if summary.appendix {
        line(&mut out, &format!("## {}\n", words::APPENDIX));
        for group in &summary.groups {
            appendix_group(&mut out, group);
        }
    }
    out
}

pub(super) fn line(out: &mut String, text: &str) {
    out.push_str(text);
    out.push('\n');
}

fn header(out: &mut String, summary: &Summary) {
    let h = &summary.header;
    line(out, &format!("# {}\n", inline(&h.title)));
    for (label, value) in words::facts(h) {
        line(out, &format!("- **{label}:** {}", inline(&value)));
    }
    out.push('\n');
    if !h.notes.trim().is_empty() {
        line(out, &format!("{}\n", paragraph(&h.notes)));
    }
}

fn overview(out: &mut String, summary: &Summary) {
    line(out, &format!("## {}\n", words::OVERVIEW));
    line(out, &count_table_head("Theme"));
    for row in &summary.overview {
        line(out, &count_row(&inline(&row.name), row.counts));
    }
    line(
        out,
        &count_row(&format!("_{}_", words::UNTHEMED), summary.unthemed_counts()),
    );
    line(
        out,
        &count_row("**All appearances**", summary.appearances()),
    );
    out.push('\n');
    line(out, &format!("_{}_\n", words::COUNTING_NOTE));
}

fn count_table_head(first: &str) -> String {
    let mut head = format!("| {first} |");
    for category in Category::ALL {
        let _ = write!(head, " {} |", category.label());
    }
    head.push_str(" Total |\n| --- | ---: | ---: | ---: | ---: |");
    head
}

fn count_row(name: &str, counts: Counts) -> String {
    let mut row = format!("| {name} |");
    for n in counts.0 {
        let _ = write!(row, " {n} |");
    }
    let _ = write!(row, " {} |", counts.total());
    row
}

fn card_lists(out: &mut String, lists: &CardLists, level: &str) {
    for (category, entries) in lists.categories() {
        line(out, &format!("{level} {}\n", category.label()));
        for entry in entries {
            entry_item(out, entry);
        }
        out.push('\n');
    }
}

fn entry_item(out: &mut String, entry: &Entry) {
    card_item(out, &entry.card, "", "");
    for answer in &entry.answers {
        card_item(out, answer, "  ", "**Answer:** ");
    }
}

/// One card as a list item: its words, then who said it.
/// Written piece by piece: this runs once per card and appearance.
pub(super) fn card_item(out: &mut String, card: &CardView, indent: &str, lead: &str) {
    out.push_str(indent);
    out.push_str("- ");
    out.push_str(lead);
    if card.starred {
        out.push_str("★ ");
    }
    // Continuation lines sit two spaces in, inside the list item.
    let continuation = if indent.is_empty() { "  " } else { "    " };
    push_block(out, &card.text, continuation);
    out.push_str(" — _");
    push_inline(out, &words::card_meta(card));
    out.push_str("_\n");
}

fn proposals(out: &mut String, summary: &Summary) {
    line(out, &format!("## {}\n", words::PROPOSALS));
    if summary.proposals.is_empty() {
        line(out, "_No proposals yet._\n");
        return;
    }
    for proposal in &summary.proposals {
        card_item(out, &proposal.card, "", "");
        if !proposal.card.themes.is_empty() {
            let names: Vec<String> = proposal.card.themes.iter().map(|t| inline(t)).collect();
            line(out, &format!("  - Themes: {}", names.join(", ")));
        }
        for answered in &proposal.answers {
            line(out, &format!("  - Answers: {}", block(answered, "    ")));
        }
    }
    out.push('\n');
}

fn appendix_group(out: &mut String, group: &GroupCards) {
    line(out, &format!("### {}\n", inline(&group.name)));
    if group.participant_total > 0 {
        line(
            out,
            &format!("{}.\n", words::people(group.participant_total)),
        );
    }
    if !group.notes.trim().is_empty() {
        line(out, &format!("{}\n", paragraph(&group.notes)));
    }
    for category in Category::ALL {
        let cards = &group.by_category[category.index()];
        if cards.is_empty() {
            continue;
        }
        line(out, &format!("#### {}\n", category.label()));
        for card in cards {
            card_item(out, card, "", "");
        }
        out.push('\n');
    }
}

/// Text on one line (headings, table cells): line breaks become spaces.
pub(super) fn inline(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 4);
    push_inline(&mut out, text);
    out
}

fn push_inline(out: &mut String, text: &str) {
    if text.contains(['\n', '\r']) {
        let flat = text.replace(['\n', '\r'], " ");
        push_line(out, flat.trim());
    } else {
        push_line(out, text.trim());
    }
}

/// A free-standing paragraph of text with its line breaks kept.
fn paragraph(text: &str) -> String {
    block(text.trim(), "")
}

/// Text that may span lines, inside a block indented by `indent`: each line escaped, joined
/// by hard breaks.
pub(super) fn block(text: &str, indent: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    push_block(&mut out, text, indent);
    out
}

fn push_block(out: &mut String, text: &str, indent: &str) {
    // CommonMark ends a line at a lone carriage return too.
    let lines: Vec<&str> = if text.contains('\r') {
        text.split("\r\n")
            .flat_map(|l| l.split(['\r', '\n']))
            .collect()
    } else {
        text.split('\n').collect()
    };
    for (i, raw) in lines.into_iter().enumerate() {
        if i > 0 {
            out.push_str("\\\n");
            out.push_str(indent);
        }
        push_line(out, raw.trim_start());
    }
}

/// Appends one line, escaped so it reads as plain text wherever it lands.
fn push_line(out: &mut String, text: &str) {
    let mut start = 0;
    let mut digits = false;
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        let at_start = i == 0;
        let next = chars.peek().map(|&(_, n)| n);
        let needs = match c {
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '|' | '~' | '#' => true,
            // An entity reference would be decoded.
            '&' => next.is_some_and(|n| n.is_alphanumeric() || n == '#'),
            // These only mean something at the start of a line (or after a number: "1.").
            '>' | '-' | '+' | '=' => at_start,
            '.' | ')' => digits,
            '!' => next == Some('['),
            _ => false,
        };
        digits = c.is_ascii_digit() && (at_start || digits);
        if needs {
            out.push_str(&text[start..i]);
            out.push('\\');
            start = i;
        }
    }
    out.push_str(&text[start..]);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn escape_line(text: &str) -> String {
        let mut out = String::new();
        push_line(&mut out, text);
        out
    }

    #[test]
    fn markup_in_card_text_is_defused() {
        assert_eq!(escape_line("a *b* _c_ | d"), r"a \*b\* \_c\_ \| d");
        assert_eq!(escape_line("- item"), r"\- item");
        assert_eq!(escape_line("12. twelve"), r"12\. twelve");
        assert_eq!(escape_line("# not a heading"), r"\# not a heading");
        assert_eq!(escape_line("&amp; & x"), r"\&amp; & x");
        assert_eq!(escape_line("well-run"), "well-run");
        assert_eq!(escape_line("<b>"), r"\<b>");
        // A line break in a group name must not start a new line (and so a new list item).
        assert_eq!(inline(" Table\n- 1 "), "Table - 1");
    }

    #[test]
    fn line_breaks_stay_inside_the_item() {
        assert_eq!(
            block("one\n- two\n\nthree", "  "),
            "one\\\n  \\- two\\\n  \\\n  three"
        );
    }
}
