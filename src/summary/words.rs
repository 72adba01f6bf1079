//! Wording and colours shared by every renderer, so the formats say the same thing the same way.

use super::report::{CardView, Counts, Header};
use crate::model::{Category, Rgb};

/// The headings of the fixed sections.
pub const OVERVIEW: &str = "Overview";
pub const THEMES: &str = "Themes";
pub const PROPOSALS: &str = "What would make a difference";
pub const UNTHEMED: &str = "Not yet themed";
pub const APPENDIX: &str = "Appendix: all cards by group";

/// Explains how the overview's totals add up.
pub const COUNTING_NOTE: &str = "A card with several themes is counted under each of them, \
so the totals count appearances; the header counts every card once.";

/// The colour of a category in charts: green, red, blue, distinct for colour-blind readers
/// in lightness as well as hue.
pub fn category_color(category: Category) -> Rgb {
    match category {
        Category::Good => Rgb(0x3a, 0x8f, 0x5c),
        Category::NotSoGood => Rgb(0xd0, 0x5a, 0x3c),
        Category::MakeADifference => Rgb(0x3c, 0x6e, 0xb4),
    }
}

/// "1 card", "3 cards".
pub fn plural(n: usize, word: &str) -> String {
    format!("{n} {word}{}", if n == 1 { "" } else { "s" })
}

/// "1 person", "45 people".
pub fn people(n: u32) -> String {
    if n == 1 {
        "1 person".to_owned()
    } else {
        format!("{n} people")
    }
}

/// "14 October 2026".
pub fn date(header: &Header) -> String {
    header.date.strftime("%-d %B %Y").to_string()
}

/// "Service users 10, Carers 12 (45 people)", or nothing when no one was counted.
pub fn participants(header: &Header) -> Option<String> {
    if header.participant_total == 0 {
        return None;
    }
    let roles: Vec<String> = (header.participants.iter())
        .map(|(role, n)| format!("{role} {n}"))
        .collect();
    Some(format!(
        "{} ({})",
        people(header.participant_total),
        roles.join(", ")
    ))
}

/// "48 cards: Good 18, Not so good 18, What would make a difference 12".
pub fn card_totals(header: &Header) -> String {
    let parts: Vec<String> = Category::ALL
        .iter()
        .map(|&c| format!("{} {}", c.label(), header.cards.get(c)))
        .collect();
    format!(
        "{}: {}",
        plural(header.cards.total(), "card"),
        parts.join(", ")
    )
}

/// What follows a card's words: "Table 1 · 3 votes · key quote".
pub fn card_meta(card: &CardView) -> String {
    let mut meta = card.group.to_string();
    if card.votes != 0 {
        meta.push_str(" · ");
        meta.push_str(&votes(card.votes));
    }
    if card.starred {
        meta.push_str(" · key quote");
    }
    meta
}

/// "1 vote", "-2 votes".
pub fn votes(n: i32) -> String {
    format!("{n} vote{}", if n == 1 { "" } else { "s" })
}

/// The header's facts as (label, value) pairs, leaving out what was not filled in.
pub fn facts(header: &Header) -> Vec<(&'static str, String)> {
    let mut facts = vec![("Date", date(header))];
    if !header.venue.is_empty() {
        facts.push(("Venue", header.venue.clone()));
    }
    if !header.facilitators.is_empty() {
        facts.push(("Facilitators", header.facilitators.join(", ")));
    }
    facts.push(("Groups", header.groups.to_string()));
    if let Some(people) = participants(header) {
        facts.push(("Participants", people));
    }
    facts.push(("Cards", card_totals(header)));
    if !header.agenda.is_empty() {
        facts.push(("Agenda", agenda(header)));
    }
    facts
}

/// "Good: 10 min planned, 13 min spent (3 min added); …", or only the plan when the phase
/// timer was never used.
pub fn agenda(header: &Header) -> String {
    let lines: Vec<String> = (header.agenda.iter())
        .map(|line| {
            let mut text = format!("{}: {} min planned", line.name, line.planned_minutes);
            if let Some(spent) = line.spent_minutes {
                text.push_str(&format!(", {spent} min spent"));
            }
            if line.added_minutes > 0 {
                text.push_str(&format!(" ({} min added)", line.added_minutes));
            }
            text
        })
        .collect();
    lines.join("; ")
}

/// "8 cards: Good 2, Not so good 5, What would make a difference 1", leaving out empty
/// categories.
pub fn counts_sentence(counts: Counts) -> String {
    if counts.total() == 0 {
        return "No cards yet".to_owned();
    }
    let parts: Vec<String> = (Category::ALL.iter())
        .filter(|&&c| counts.get(c) > 0)
        .map(|&c| format!("{} {}", c.label(), counts.get(c)))
        .collect();
    format!("{}: {}", plural(counts.total(), "card"), parts.join(", "))
}
