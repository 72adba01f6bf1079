//! Taking the personal details out of a copy of a session, and the log of what was taken:
//! the organiser's choice for each hit where there is one, otherwise every email, phone
//! number and known name, while possible names stay until accepted.

use super::find::{Hit, find};
use super::known::Known;
use crate::model::{Category, DetailKind, RedactChoice, Redaction, Session};
use crate::summary::words::plural;

/// Where some words were found.
#[derive(Clone, Debug, PartialEq)]
pub enum Place {
    Card {
        id: crate::model::CardId,
        group: String,
        category: Category,
    },
    Theme(String),
    Group(String),
    SessionNotes,
    Action(String),
}

impl Place {
    /// "Table 2, Not so good", "theme Transport", "the session's notes".
    pub fn describe(&self) -> String {
        match self {
            Place::Card {
                group, category, ..
            } => format!("{group}, {}", category.label()),
            Place::Theme(name) => format!("theme {name}"),
            Place::Group(name) => format!("group {name}"),
            Place::SessionNotes => "the session's notes".to_owned(),
            Place::Action(what) => format!("action {what}"),
        }
    }
}

/// What happens to a hit in a redacted export.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Outcome {
    /// Replaced by these words: a placeholder or the organiser's role.
    Replaced(String),
    /// Dismissed by the organiser: kept as typed.
    Kept,
    /// A possible name nobody has looked at yet: kept as typed until accepted.
    ToReview,
}

/// One hit and what becomes of it: a line of the log.
#[derive(Clone, Debug, PartialEq)]
pub struct Replacement {
    pub place: Place,
    pub kind: DetailKind,
    pub words: String,
    pub why: String,
    pub outcome: Outcome,
    /// The text it was found in, as typed, and where in it.
    pub text: String,
    pub range: std::ops::Range<usize>,
}

/// A session with its personal details taken out, and the log of what was.
#[derive(Clone, Debug)]
pub struct Redacted {
    pub session: Session,
    pub log: Vec<Replacement>,
}

impl Redacted {
    /// How many details were taken out.
    pub fn taken_out(&self) -> usize {
        self.log
            .iter()
            .filter(|r| matches!(r.outcome, Outcome::Replaced(_)))
            .count()
    }

    /// "3 details taken out in a redacted export, 1 kept as typed, 2 possible names to
    /// review (View > Personal details)".
    pub fn totals(&self) -> String {
        totals(&self.log)
    }

    /// How many possible names wait for the organiser's choice.
    pub fn to_review(&self) -> usize {
        self.log
            .iter()
            .filter(|r| r.outcome == Outcome::ToReview)
            .count()
    }
}

/// What a log adds up to: see [`Redacted::totals`].
pub fn totals(log: &[Replacement]) -> String {
    let count = |pick: fn(&Outcome) -> bool| log.iter().filter(|r| pick(&r.outcome)).count();
    let taken_out = count(|o| matches!(o, Outcome::Replaced(_)));
    let mut text = format!(
        "{} taken out in a redacted export",
        plural(taken_out, "detail")
    );
    match count(|o| *o == Outcome::Kept) {
        0 => {}
        kept => text.push_str(&format!(", {kept} kept as typed")),
    }
    match count(|o| *o == Outcome::ToReview) {
        0 => {}
        n => text.push_str(&format!(
            ", {} to review (View > Personal details)",
            plural(n, "possible name")
        )),
    }
    text
}

/// What becomes of a hit given the organiser's choices for its card.
pub fn decide(hit: &Hit, text: &str, choices: &[Redaction]) -> Outcome {
    let words = hit.words(text);
    match choices.iter().find(|c| c.is_for(words)).map(|c| &c.choice) {
        Some(RedactChoice::Replace(with)) => Outcome::Replaced(with.clone()),
        Some(RedactChoice::Dismiss) => Outcome::Kept,
        None if hit.kind == DetailKind::MaybeName => Outcome::ToReview,
        None => Outcome::Replaced(hit.kind.placeholder().to_owned()),
    }
}

/// A copy of the session with the details taken out of every text a report shows: cards and
/// their easy words, theme and group names, group and session notes, actions. Volunteers
/// stay as they are, for reports only ever count them; facilitators stay in the header, for
/// the organiser lists them to be named.
pub fn redact(session: &Session) -> Redacted {
    let known = Known::from_session(session);
    let mut copy = session.clone();
    let mut log = Vec::new();
    let group_name = |id| {
        session
            .group(id)
            .map_or_else(String::new, |g| g.name.clone())
    };
    for card in &mut copy.cards {
        let place = Place::Card {
            id: card.id,
            group: group_name(card.group),
            category: card.category,
        };
        let choices = std::mem::take(&mut card.redactions);
        card.text = redact_text(&card.text, &known, &choices, &place, &mut log);
        card.easy_words = redact_text(&card.easy_words, &known, &choices, &place, &mut log);
        // Other versions of a conflict are never in a report.
        card.others.clear();
    }
    for theme in &mut copy.themes {
        let place = Place::Theme(theme.name.clone());
        theme.name = redact_text(&theme.name, &known, &[], &place, &mut log);
        theme.easy_words = redact_text(&theme.easy_words, &known, &[], &place, &mut log);
    }
    for group in &mut copy.groups {
        let place = Place::Group(group.name.clone());
        group.name = redact_text(&group.name, &known, &[], &place, &mut log);
        group.notes = redact_text(&group.notes, &known, &[], &place, &mut log);
    }
    let notes = &mut copy.details.notes;
    *notes = redact_text(notes, &known, &[], &Place::SessionNotes, &mut log);
    for action in &mut copy.actions {
        let place = Place::Action(action.what.clone());
        for text in [&mut action.what, &mut action.update, &mut action.reason] {
            *text = redact_text(text, &known, &[], &place, &mut log);
        }
    }
    Redacted { session: copy, log }
}

/// The text with each hit replaced as decided, logging every hit.
fn redact_text(
    text: &str,
    known: &Known,
    choices: &[Redaction],
    place: &Place,
    log: &mut Vec<Replacement>,
) -> String {
    let mut hits = find(text, known);
    if choices.is_empty() && !matches!(place, Place::Card { .. }) {
        // Possible names are for review, and only cards can be reviewed: the organisers'
        // own headings and notes keep their capitals.
        hits.retain(|hit| hit.kind != DetailKind::MaybeName);
    }
    if hits.is_empty() {
        return text.to_owned();
    }
    let mut out = String::with_capacity(text.len());
    let mut from = 0;
    for hit in hits {
        let outcome = decide(&hit, text, choices);
        out.push_str(&text[from..hit.range.start]);
        match &outcome {
            Outcome::Replaced(with) => out.push_str(with),
            Outcome::Kept | Outcome::ToReview => out.push_str(hit.words(text)),
        }
        from = hit.range.end;
        log.push(Replacement {
            place: place.clone(),
            kind: hit.kind,
            words: hit.words(text).to_owned(),
            why: hit.why,
            outcome,
            text: text.to_owned(),
            range: hit.range,
        });
    }
    out.push_str(&text[from..]);
    out
}
