//! The follow-up as CommonMark, escaped the same way as the summary's Markdown.

use super::super::markdown::{block, card_item, inline, line};
use super::super::words;
use super::{ActionView, FollowUp, wording};
use crate::summary::report::CardView;

/// Renders the whole follow-up.
pub fn render(follow_up: &FollowUp) -> String {
    let mut out = String::with_capacity(4096);
    line(
        &mut out,
        &format!("# {}: you said, we did\n", inline(&follow_up.title)),
    );
    line(
        &mut out,
        &format!("_{}_\n", wording::dates(follow_up.date, follow_up.as_of)),
    );

    line(&mut out, &format!("## {}\n", words::THEMES));
    if follow_up.themes.is_empty() {
        line(&mut out, "_No themes yet._\n");
    }
    for theme in &follow_up.themes {
        line(&mut out, &format!("### {}\n", inline(&theme.name)));
        line(&mut out, &format!("#### {}\n", wording::YOU_SAID));
        line(
            &mut out,
            &format!("{}.\n", words::counts_sentence(theme.counts).trim_end()),
        );
        quotes(&mut out, &theme.quotes);
        line(&mut out, &format!("#### {}\n", wording::WE_DID));
        actions(&mut out, &theme.actions);
        if !theme.open_ideas.is_empty() {
            line(&mut out, &format!("#### {}\n", wording::OPEN_IDEAS));
            quotes(&mut out, &theme.open_ideas);
        }
    }

    if !follow_up.other_actions.is_empty() {
        line(&mut out, &format!("## {}\n", wording::OTHER_ACTIONS));
        actions(&mut out, &follow_up.other_actions);
    }
    if !follow_up.unthemed_ideas.is_empty() {
        line(&mut out, &format!("## {}\n", wording::UNTHEMED_IDEAS));
        quotes(&mut out, &follow_up.unthemed_ideas);
    }

    line(&mut out, &format!("## {}\n", wording::VOLUNTEERS));
    for sentence in wording::volunteers(&follow_up.volunteers) {
        line(&mut out, &format!("- {}.", inline(&sentence)));
    }
    out.push('\n');
    out
}

fn quotes(out: &mut String, cards: &[CardView]) {
    if cards.is_empty() {
        return;
    }
    for card in cards {
        card_item(out, card, "", "");
    }
    out.push('\n');
}

fn actions(out: &mut String, actions: &[ActionView]) {
    if actions.is_empty() {
        line(out, &format!("_{}_\n", wording::NO_ACTIONS));
        return;
    }
    for action in actions {
        line(out, &format!("- **{}**", block(action.what.trim(), "  ")));
        if let Some(idea) = wording::idea(action) {
            line(out, &format!("  - {}", block(&idea, "    ")));
        }
        line(out, &format!("  - {}", inline(&wording::status(action))));
        if let Some(update) = wording::update(action) {
            line(out, &format!("  - {}", block(&update, "    ")));
        }
    }
    out.push('\n');
}
