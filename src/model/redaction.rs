//! What the organiser chose for a personal detail found in a card: the saved half of
//! redaction. Finding details and applying the choices to an export is `crate::redact`'s job;
//! the card's own words never change.

use serde::{Deserialize, Serialize};

/// What kind of personal detail some words are.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize,
)]
pub enum DetailKind {
    Email,
    Phone,
    /// A name known to the session: a volunteer, a facilitator or a name to hide.
    #[default]
    Name,
    /// Capitalised words that look like a person's name: only ever taken out once accepted.
    MaybeName,
}

impl DetailKind {
    pub const ALL: [DetailKind; 4] = [
        DetailKind::Email,
        DetailKind::Phone,
        DetailKind::Name,
        DetailKind::MaybeName,
    ];

    /// What replaces it unless the organiser types another.
    pub fn placeholder(self) -> &'static str {
        match self {
            DetailKind::Email => "[email]",
            DetailKind::Phone => "[phone]",
            DetailKind::Name | DetailKind::MaybeName => "[name]",
        }
    }

    /// How it is named in a list: "email", "phone number", "name", "possible name".
    pub fn label(self) -> &'static str {
        match self {
            DetailKind::Email => "email",
            DetailKind::Phone => "phone number",
            DetailKind::Name => "name",
            DetailKind::MaybeName => "possible name",
        }
    }
}

/// The organiser's choice for some words in one card.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Redaction {
    /// The words as found, matched again ignoring case.
    pub words: String,
    #[serde(default)]
    pub kind: DetailKind,
    #[serde(default)]
    pub choice: RedactChoice,
}

/// Replace the words in exports, or leave them as they are.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum RedactChoice {
    /// "[name]", or a role the organiser typed, such as "[my PA]".
    Replace(String),
    /// Not personal after all: kept as typed, even in a redacted export.
    Dismiss,
}

impl Default for RedactChoice {
    fn default() -> Self {
        RedactChoice::Replace(DetailKind::Name.placeholder().to_owned())
    }
}

impl Redaction {
    /// Whether this choice is about these words (any capitals).
    pub fn is_for(&self, words: &str) -> bool {
        self.words.to_lowercase() == words.to_lowercase()
    }
}
