//! The summary as one self-contained web page: inline CSS and SVG, no scripts, nothing fetched,
//! so it can be mailed round, opened offline and printed to PDF.
//!
//! The markup is also well-formed XML (every element closed, every attribute quoted), which
//! keeps it easy to check mechanically.

use super::report::{CardLists, CardView, Counts, Entry, GroupCards, Summary};
use super::svg;
use super::words;
use super::xml::{escape, push_escaped, push_num};
use crate::model::Category;

pub(super) const STYLE: &str = include_str!("summary.css");

/// Renders the whole page.
pub fn render(summary: &Summary) -> String {
    let mut out = String::with_capacity(STYLE.len() + 4096 + summary.groups.len() * 256);
    let h = &summary.header;
    out.push_str("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\"/>\n");
    out.push_str("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n");
    out.push_str("<meta name=\"generator\" content=\"Harvest\"/>\n<title>");
    push_escaped(&mut out, &h.title);
    out.push_str(" — summary</title>\n<style>\n");
    out.push_str(STYLE);
    out.push_str("</style>\n</head>\n<body>\n<main>\n");
    header(&mut out, summary);
    overview(&mut out, summary);

    section_open(&mut out, "themes", words::THEMES);
    if summary.themes.is_empty() {
        out.push_str("<p class=\"empty\">No themes yet.</p>\n");
    }
    for (i, theme) in summary.themes.iter().enumerate() {
        out.push_str("<section class=\"theme\" id=\"theme-");
        push_num(&mut out, i + 1);
        out.push_str("\">\n<h3><span class=\"swatch\" style=\"background:");
        out.push_str(&theme.color.to_hex());
        out.push_str("\"></span>");
        push_escaped(&mut out, &theme.name);
        out.push_str("</h3>\n<p class=\"counts\">");
        push_escaped(&mut out, &words::counts_sentence(theme.counts));
        out.push_str("</p>\n");
        if !theme.by_group.is_empty() {
            count_table_head(&mut out, "Group");
            for row in &theme.by_group {
                count_row(&mut out, &escape(&row.group), row.counts, "");
            }
            out.push_str("</tbody></table>\n");
        }
        card_lists(&mut out, &theme.cards, "h4");
        out.push_str("</section>\n");
    }
    out.push_str("</section>\n");

    proposals(&mut out, summary);

    section_open(&mut out, "unthemed", words::UNTHEMED);
    if summary.unthemed.is_empty() {
        out.push_str("<p class=\"empty\">Every card has a theme.</p>\n");
    }
    card_lists(&mut out, &summary.unthemed, "h3");
    out.push_str("</section>\n");

    if summary.appendix {
        section_open(&mut out, "appendix", words::APPENDIX);
        for group in &summary.groups {
            appendix_group(&mut out, group);
        }
        out.push_str("</section>\n");
    }
    out.push_str("</main>\n<footer>Made with Harvest.</footer>\n</body>\n</html>\n");
    out
}

/// Opens a top-level section with its heading; the caller closes it.
pub(super) fn section_open(out: &mut String, id: &str, title: &str) {
    out.push_str("<section id=\"");
    out.push_str(id);
    out.push_str("\">\n<h2>");
    out.push_str(title);
    out.push_str("</h2>\n");
}

fn header(out: &mut String, summary: &Summary) {
    let h = &summary.header;
    out.push_str("<header>\n<h1>");
    push_escaped(out, &h.title);
    out.push_str("</h1>\n<dl class=\"facts\">\n");
    for (label, value) in words::facts(h) {
        out.push_str("<dt>");
        out.push_str(label);
        out.push_str("</dt><dd>");
        push_escaped(out, &value);
        out.push_str("</dd>\n");
    }
    out.push_str("</dl>\n");
    if !h.notes.trim().is_empty() {
        out.push_str("<p class=\"notes\">");
        push_lines(out, h.notes.trim());
        out.push_str("</p>\n");
    }
    out.push_str("</header>\n");
}

fn overview(out: &mut String, summary: &Summary) {
    section_open(out, "overview", words::OVERVIEW);
    if let Some(chart) = svg::chart(summary) {
        out.push_str("<figure>");
        out.push_str(&chart);
        out.push_str("</figure>\n");
    }
    count_table_head(out, "Theme");
    for row in &summary.overview {
        let name = format!(
            "<span class=\"swatch\" style=\"background:{}\"></span>{}",
            row.color.to_hex(),
            escape(&row.name)
        );
        count_row(out, &name, row.counts, "");
    }
    count_row(
        out,
        words::UNTHEMED,
        summary.unthemed_counts(),
        " class=\"unthemed\"",
    );
    out.push_str("</tbody><tfoot>");
    count_row(out, "All appearances", summary.appearances(), "");
    out.push_str("</tfoot></table>\n<p class=\"note\">");
    out.push_str(words::COUNTING_NOTE);
    out.push_str("</p>\n</section>\n");
}

fn count_table_head(out: &mut String, first: &str) {
    out.push_str("<table class=\"counts\"><thead><tr><th scope=\"col\">");
    out.push_str(first);
    out.push_str("</th>");
    for category in Category::ALL {
        out.push_str("<th scope=\"col\" class=\"num\">");
        out.push_str(category.label());
        out.push_str("</th>");
    }
    out.push_str("<th scope=\"col\" class=\"num\">Total</th></tr></thead><tbody>\n");
}

/// A row; `name` is markup, already escaped.
fn count_row(out: &mut String, name: &str, counts: Counts, attributes: &str) {
    out.push_str("<tr");
    out.push_str(attributes);
    out.push_str("><th scope=\"row\">");
    out.push_str(name);
    out.push_str("</th>");
    for n in counts.0 {
        out.push_str("<td class=\"num\">");
        push_num(out, n);
        out.push_str("</td>");
    }
    out.push_str("<td class=\"num total\">");
    push_num(out, counts.total());
    out.push_str("</td></tr>\n");
}

fn card_lists(out: &mut String, lists: &CardLists, heading: &str) {
    for (category, entries) in lists.categories() {
        category_heading(out, heading, category);
        out.push_str("<ul class=\"cards\">\n");
        for entry in entries {
            entry_item(out, entry);
        }
        out.push_str("</ul>\n");
    }
}

fn category_heading(out: &mut String, heading: &str, category: Category) {
    out.push('<');
    out.push_str(heading);
    out.push_str(" class=\"category ");
    out.push_str(category_class(category));
    out.push_str("\">");
    out.push_str(category.label());
    out.push_str("</");
    out.push_str(heading);
    out.push_str(">\n");
}

fn category_class(category: Category) -> &'static str {
    match category {
        Category::Good => "good",
        Category::NotSoGood => "not-so-good",
        Category::MakeADifference => "difference",
    }
}

fn entry_item(out: &mut String, entry: &Entry) {
    card_open(out, &entry.card, "");
    if !entry.answers.is_empty() {
        out.push_str("<ul class=\"answers\" aria-label=\"What would make a difference\">\n");
        for answer in &entry.answers {
            card_open(out, answer, " answer");
            out.push_str("</li>\n");
        }
        out.push_str("</ul>\n");
    }
    out.push_str("</li>\n");
}

/// Opens a card's list item with its words and who said them; the caller closes it.
pub(super) fn card_open(out: &mut String, card: &CardView, class: &str) {
    out.push_str("<li class=\"card ");
    out.push_str(category_class(card.category));
    out.push_str(class);
    if card.starred {
        out.push_str(" starred");
    }
    out.push_str("\"><blockquote dir=\"auto\">");
    if card.starred {
        out.push_str("<span class=\"star\" title=\"Key quote\">★</span> ");
    }
    push_lines(out, &card.text);
    out.push_str("</blockquote><p class=\"meta\">");
    push_escaped(out, &words::card_meta(card));
    out.push_str("</p>");
}

/// Escaped text with its line breaks kept as `<br/>`.
pub(super) fn push_lines(out: &mut String, text: &str) {
    for (i, line) in text.split('\n').enumerate() {
        if i > 0 {
            out.push_str("<br/>");
        }
        push_escaped(out, line.strip_suffix('\r').unwrap_or(line));
    }
}

fn proposals(out: &mut String, summary: &Summary) {
    section_open(out, "proposals", words::PROPOSALS);
    if summary.proposals.is_empty() {
        out.push_str("<p class=\"empty\">No proposals yet.</p>\n");
    } else {
        out.push_str("<ol class=\"cards proposals\">\n");
    }
    for proposal in &summary.proposals {
        card_open(out, &proposal.card, "");
        if !proposal.card.themes.is_empty() {
            out.push_str("<p class=\"themes\">Themes: ");
            push_escaped(out, &proposal.card.themes.join(", "));
            out.push_str("</p>");
        }
        for answered in &proposal.answers {
            out.push_str("<p class=\"answers-to\">Answers: ");
            push_lines(out, answered);
            out.push_str("</p>");
        }
        out.push_str("</li>\n");
    }
    if !summary.proposals.is_empty() {
        out.push_str("</ol>\n");
    }
    out.push_str("</section>\n");
}

fn appendix_group(out: &mut String, group: &GroupCards) {
    out.push_str("<section class=\"group\">\n<h3>");
    push_escaped(out, &group.name);
    out.push_str("</h3>\n");
    if group.participant_total > 0 || !group.notes.trim().is_empty() {
        out.push_str("<p class=\"notes\">");
        if group.participant_total > 0 {
            out.push_str(&words::people(group.participant_total));
            out.push_str(". ");
        }
        push_lines(out, group.notes.trim());
        out.push_str("</p>\n");
    }
    for category in Category::ALL {
        let cards = &group.by_category[category.index()];
        if cards.is_empty() {
            continue;
        }
        category_heading(out, "h4", category);
        out.push_str("<ul class=\"cards\">\n");
        for card in cards {
            card_open(out, card, "");
            out.push_str("</li>\n");
        }
        out.push_str("</ul>\n");
    }
    out.push_str("</section>\n");
}
