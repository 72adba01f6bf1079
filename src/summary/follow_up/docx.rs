//! The follow-up as a Word document, with the summary's package, styles and paragraph
//! helpers, so both reports restyle and navigate alike.

use super::super::docx::{Body, DOCUMENT_END, DOCUMENT_START, package};
use super::super::words;
use super::{ActionView, FollowUp, wording};
use crate::summary::DocxError;
use crate::summary::report::CardView;

/// Renders the whole document as the bytes of a .docx file.
pub fn render(follow_up: &FollowUp) -> Result<Vec<u8>, DocxError> {
    package(&follow_up.title, &document(follow_up))
}

fn document(follow_up: &FollowUp) -> String {
    let mut body = Body {
        out: String::with_capacity(16_384),
    };
    body.out.push_str(DOCUMENT_START);
    body.paragraph("Title", &format!("{}: you said, we did", follow_up.title));
    body.paragraph("Note", &wording::dates(follow_up.date, follow_up.as_of));

    body.heading(1, words::THEMES);
    if follow_up.themes.is_empty() {
        body.paragraph("Note", "No themes yet.");
    }
    for theme in &follow_up.themes {
        body.theme_heading(&theme.name, theme.color);
        body.heading(3, wording::YOU_SAID);
        body.paragraph("Lead", &words::counts_sentence(theme.counts));
        cards(&mut body, &theme.quotes);
        body.heading(3, wording::WE_DID);
        actions(&mut body, &theme.actions);
        if !theme.open_ideas.is_empty() {
            body.heading(3, wording::OPEN_IDEAS);
            cards(&mut body, &theme.open_ideas);
        }
    }

    if !follow_up.other_actions.is_empty() {
        body.heading(1, wording::OTHER_ACTIONS);
        actions(&mut body, &follow_up.other_actions);
    }
    if !follow_up.unthemed_ideas.is_empty() {
        body.heading(1, wording::UNTHEMED_IDEAS);
        cards(&mut body, &follow_up.unthemed_ideas);
    }

    body.heading(1, wording::VOLUNTEERS);
    for sentence in wording::volunteers(&follow_up.volunteers) {
        body.paragraph("Fact", &format!("{sentence}."));
    }
    body.out.push_str(DOCUMENT_END);
    body.out
}

fn cards(body: &mut Body, cards: &[CardView]) {
    for card in cards {
        body.card(card, "Quote", "CardMeta");
    }
}

fn actions(body: &mut Body, actions: &[ActionView]) {
    if actions.is_empty() {
        body.paragraph("Note", wording::NO_ACTIONS);
    }
    for action in actions {
        body.open_paragraph("Fact");
        body.run(action.what.trim(), "<w:b/>");
        body.close_paragraph();
        if let Some(idea) = wording::idea(action) {
            body.paragraph("CardMeta", &idea);
        }
        body.paragraph("CardMeta", &wording::status(action));
        if let Some(update) = wording::update(action) {
            body.paragraph("CardMeta", &update);
        }
    }
}
