use super::{CardId, Category, GroupId, ThemeId};
use serde::{Deserialize, Serialize};

/// One thing a group said.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Card {
    pub id: CardId,
    pub group: GroupId,
    pub category: Category,
    /// What was said, in the group's words. May hold line breaks.
    pub text: String,
    /// Themes this card belongs to; several are allowed.
    pub themes: Vec<ThemeId>,
    /// For a "What would make a difference" card: the "Not so good" cards it answers.
    pub answers: Vec<CardId>,
    /// Hand-counted dots.
    pub votes: i32,
    /// A key quote.
    pub starred: bool,
    /// When it was written down.
    pub written: jiff::Timestamp,
}

impl Default for Card {
    fn default() -> Self {
        Self {
            id: CardId::new(),
            group: GroupId::from_u128(0),
            category: Category::Good,
            text: String::new(),
            themes: Vec::new(),
            answers: Vec::new(),
            votes: 0,
            starred: false,
            written: jiff::Timestamp::UNIX_EPOCH,
        }
    }
}

impl Card {
    /// A new card written now.
    pub fn new(group: GroupId, category: Category, text: impl Into<String>) -> Self {
        Self {
            id: CardId::new(),
            group,
            category,
            text: text.into(),
            written: jiff::Timestamp::now(),
            ..Self::default()
        }
    }
}
