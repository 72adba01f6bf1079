use super::{CardId, Category, GroupId, ThemeId};
use serde::{Deserialize, Serialize};

/// One thing a group said.
///
/// Defaults are per field, so reading a card only makes what is missing: drawing a fresh id
/// for every card read (as a whole-struct default would) costs a tenth of opening a big file.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
// A field name the format does not know is damage, not something to drop in silence.
#[serde(deny_unknown_fields)]
pub struct Card {
    #[serde(default = "CardId::new")]
    pub id: CardId,
    /// A card without a group fails validation rather than landing somewhere arbitrary.
    #[serde(default = "no_group")]
    pub group: GroupId,
    #[serde(default)]
    pub category: Category,
    /// What was said, in the group's words. May hold line breaks.
    #[serde(default)]
    pub text: String,
    /// Themes this card belongs to; several are allowed.
    #[serde(default)]
    pub themes: Vec<ThemeId>,
    /// For a "What would make a difference" card: the "Not so good" cards it answers.
    #[serde(default)]
    pub answers: Vec<CardId>,
    /// Hand-counted dots.
    #[serde(default)]
    pub votes: i32,
    /// A key quote.
    #[serde(default)]
    pub starred: bool,
    /// When it was written down.
    #[serde(default)]
    pub written: jiff::Timestamp,
}

impl Default for Card {
    fn default() -> Self {
        Self {
            id: CardId::new(),
            group: no_group(),
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

fn no_group() -> GroupId {
    GroupId::from_u128(0)
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
