//! The follow-up as one self-contained web page, with the summary's stylesheet and card
//! markup so both reports look alike.

use super::super::html::{STYLE, card_open, push_lines, section_open};
use super::super::words;
use super::super::xml::{push_escaped, push_num};
use super::{ActionView, FollowUp, wording};
use crate::summary::report::CardView;

/// Renders the whole page.
pub fn render(follow_up: &FollowUp) -> String {
    let mut out = String::with_capacity(STYLE.len() + 4096);
    out.push_str("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\"/>\n");
    out.push_str("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n");
    out.push_str("<meta name=\"generator\" content=\"Harvest\"/>\n<title>");
    push_escaped(&mut out, &follow_up.title);
    out.push_str(" — you said, we did</title>\n<style>\n");
    out.push_str(STYLE);
    out.push_str("</style>\n</head>\n<body>\n<main>\n<header>\n<h1>");
    push_escaped(&mut out, &follow_up.title);
    out.push_str(": you said, we did</h1>\n<p class=\"notes\">");
    push_escaped(&mut out, &wording::dates(follow_up.date, follow_up.as_of));
    out.push_str("</p>\n</header>\n");

    section_open(&mut out, "themes", words::THEMES);
    if follow_up.themes.is_empty() {
        out.push_str("<p class=\"empty\">No themes yet.</p>\n");
    }
    for (i, theme) in follow_up.themes.iter().enumerate() {
        out.push_str("<section class=\"theme\" id=\"theme-");
        push_num(&mut out, i + 1);
        out.push_str("\">\n<h3><span class=\"swatch\" style=\"background:");
        out.push_str(&theme.color.to_hex());
        out.push_str("\"></span>");
        push_escaped(&mut out, &theme.name);
        out.push_str("</h3>\n");
        heading(&mut out, wording::YOU_SAID);
        out.push_str("<p class=\"counts\">");
        push_escaped(&mut out, &words::counts_sentence(theme.counts));
        out.push_str("</p>\n");
        cards(&mut out, &theme.quotes);
        heading(&mut out, wording::WE_DID);
        actions(&mut out, &theme.actions);
        if !theme.open_ideas.is_empty() {
            heading(&mut out, wording::OPEN_IDEAS);
            cards(&mut out, &theme.open_ideas);
        }
        out.push_str("</section>\n");
    }
    out.push_str("</section>\n");

    if !follow_up.other_actions.is_empty() {
        section_open(&mut out, "other-actions", wording::OTHER_ACTIONS);
        actions(&mut out, &follow_up.other_actions);
        out.push_str("</section>\n");
    }
    if !follow_up.unthemed_ideas.is_empty() {
        section_open(&mut out, "unthemed-ideas", wording::UNTHEMED_IDEAS);
        cards(&mut out, &follow_up.unthemed_ideas);
        out.push_str("</section>\n");
    }

    section_open(&mut out, "volunteers", wording::VOLUNTEERS);
    out.push_str("<ul>\n");
    for sentence in wording::volunteers(&follow_up.volunteers) {
        out.push_str("<li>");
        push_escaped(&mut out, &sentence);
        out.push_str(".</li>\n");
    }
    out.push_str("</ul>\n</section>\n");
    out.push_str("</main>\n<footer>Made with Harvest.</footer>\n</body>\n</html>\n");
    out
}

fn heading(out: &mut String, text: &str) {
    out.push_str("<h4>");
    out.push_str(text);
    out.push_str("</h4>\n");
}

fn cards(out: &mut String, cards: &[CardView]) {
    if cards.is_empty() {
        return;
    }
    out.push_str("<ul class=\"cards\">\n");
    for card in cards {
        card_open(out, card, "");
        out.push_str("</li>\n");
    }
    out.push_str("</ul>\n");
}

fn actions(out: &mut String, actions: &[ActionView]) {
    if actions.is_empty() {
        out.push_str("<p class=\"empty\">");
        out.push_str(wording::NO_ACTIONS);
        out.push_str("</p>\n");
        return;
    }
    out.push_str("<ul class=\"actions\">\n");
    for action in actions {
        out.push_str("<li class=\"action\"><p><strong>");
        push_lines(out, action.what.trim());
        out.push_str("</strong></p>");
        if let Some(idea) = wording::idea(action) {
            out.push_str("<p class=\"answers-to\">");
            push_lines(out, &idea);
            out.push_str("</p>");
        }
        out.push_str("<p class=\"meta\">");
        push_escaped(out, &wording::status(action));
        out.push_str("</p>");
        if let Some(update) = wording::update(action) {
            out.push_str("<p class=\"meta\">");
            push_lines(out, &update);
            out.push_str("</p>");
        }
        out.push_str("</li>\n");
    }
    out.push_str("</ul>\n");
}
