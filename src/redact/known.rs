//! The names a session knows, and the words it uses as ordinary words: what name-finding
//! matches against.

use crate::model::Session;
use regex::Regex;
use std::collections::HashSet;

/// A name to find, and where it came from ("volunteer", "facilitator", "name to hide").
#[derive(Clone, Debug, PartialEq)]
pub(super) struct KnownName {
    /// Lower case, single spaces.
    pub key: String,
    pub source: String,
    /// Part of a longer name ("Pat" of "Pat Jones"): found only where written with a capital.
    pub part_of: Option<String>,
}

/// Everything name-finding needs from a session, gathered once per export or review.
#[derive(Clone, Debug, Default)]
pub struct Known {
    /// Longest first, so "Pat Jones" is found before "Pat".
    pub(super) names: Vec<KnownName>,
    /// Words the session writes in lower case somewhere, or uses in its own headings (theme,
    /// group and role names, title, venue): capitalised, they are still not names.
    pub(super) ordinary: HashSet<String>,
    /// Every name as one pattern, in the order of [`Known::names`]: whole words, any capitals.
    pub(super) pattern: Option<Regex>,
}

impl Known {
    /// The volunteers' names and the workers they are reached through, the facilitators and
    /// the session's names to hide.
    pub fn from_session(session: &Session) -> Self {
        let mut known = Known::default();
        for person in &session.people {
            known.add(&person.name, "volunteer", true);
            known.add(
                &person.contact.via_worker,
                "worker named by a volunteer",
                true,
            );
        }
        for facilitator in &session.details.facilitators {
            known.add(facilitator, "facilitator", true);
        }
        for name in &session.details.names_to_hide {
            known.add(name, "on the list of names to hide", false);
        }
        known.sort();
        let headings = session
            .themes
            .iter()
            .map(|t| t.name.as_str())
            .chain(session.groups.iter().map(|g| g.name.as_str()))
            .chain(session.details.roles.iter().map(String::as_str))
            .chain([
                session.details.title.as_str(),
                session.details.venue.as_str(),
            ]);
        for heading in headings {
            known
                .ordinary
                .extend(words(heading).map(|w| w.to_lowercase()));
        }
        for card in &session.cards {
            let text = known.without_names_or_emails(&card.text);
            known.ordinary.extend(
                words(&text)
                    .filter(|w| w.chars().next().is_some_and(char::is_lowercase))
                    .map(str::to_owned),
            );
        }
        known
    }

    /// Known names from a plain list, for tests and the CLI's listing.
    pub fn with_names<'a>(names: impl IntoIterator<Item = &'a str>) -> Self {
        let mut known = Known::default();
        for name in names {
            known.add(name, "on the list of names to hide", true);
        }
        known.sort();
        known
    }

    /// The text with emails and whole known names blanked out: "tom o'neill" or
    /// "amira.hussain@…" written in lower case does not make "tom" or "amira" a word.
    fn without_names_or_emails(&self, text: &str) -> String {
        let mut blanks: Vec<_> = super::find::EMAIL
            .find_iter(text)
            .map(|m| m.range())
            .collect();
        if let Some(pattern) = &self.pattern {
            let whole = |m: &regex::Match| {
                let key = words(m.as_str())
                    .collect::<Vec<_>>()
                    .join(" ")
                    .to_lowercase();
                self.names
                    .iter()
                    .any(|n| n.key == key && n.part_of.is_none())
            };
            blanks.extend(pattern.find_iter(text).filter(whole).map(|m| m.range()));
        }
        let mut text = text.to_owned();
        for range in blanks {
            text.replace_range(range.clone(), &" ".repeat(range.len()));
        }
        text
    }

    fn add(&mut self, name: &str, source: &str, with_parts: bool) {
        // "Sam Green (his social worker)": what follows a bracket or comma says who they are.
        let name = name.split(['(', ',', ';']).next().unwrap_or_default();
        let key = words(name).collect::<Vec<_>>().join(" ").to_lowercase();
        if key.is_empty() || self.names.iter().any(|n| n.key == key) {
            return;
        }
        let parts: Vec<&str> = words(name).collect();
        self.names.push(KnownName {
            key,
            source: source.to_owned(),
            part_of: None,
        });
        if with_parts && parts.len() > 1 {
            // A first name or surname alone is still the person, but "Will" or "Rose" is
            // also a word: parts are found only as written with a capital (see find.rs).
            let named = |p: &&&str| p.chars().count() >= 3 && p.starts_with(char::is_uppercase);
            for part in parts.iter().filter(named) {
                self.names.push(KnownName {
                    key: part.to_lowercase(),
                    source: source.to_owned(),
                    part_of: Some(name.trim().to_owned()),
                });
            }
        }
    }

    fn sort(&mut self) {
        // Whole names before parts of names, then longest first.
        self.names.sort_by(|a, b| {
            (a.part_of.is_some(), std::cmp::Reverse(a.key.len()))
                .cmp(&(b.part_of.is_some(), std::cmp::Reverse(b.key.len())))
        });
        let alternatives: Vec<String> = self
            .names
            .iter()
            .map(|n| {
                n.key
                    .split(' ')
                    .map(regex::escape)
                    .collect::<Vec<_>>()
                    .join(r"\s+")
            })
            .collect();
        self.pattern = if alternatives.is_empty() {
            None
        } else {
            // Names are escaped, so only the regex engine's size limit (thousands of names)
            // can refuse the pattern.
            Regex::new(&format!(r"(?i)\b(?:{})\b", alternatives.join("|")))
                .map_err(|e| log::warn!("the names to find make too large a pattern: {e}"))
                .ok()
        };
    }

    /// Whether there is no name to find.
    pub fn is_empty(&self) -> bool {
        self.names.is_empty()
    }
}

/// The words of a text: letters, digits, apostrophes and hyphens inside a word.
pub(super) fn words(text: &str) -> impl Iterator<Item = &str> {
    text.split(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '’' || c == '-'))
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
        .filter(|w| !w.is_empty())
}
