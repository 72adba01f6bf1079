use super::{CardId, Category, Changes, GroupId, Redaction, ThemeId};
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
    /// Every card this idea was linked to, when some of them are not here now: deleted on one
    /// laptop, or moved out of "Not so good" on another. Merging brings such a link back when
    /// its card comes back, so the link never depends on the order files were merged in.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub answers_as_made: Vec<CardId>,
    /// Hand-counted dots.
    #[serde(default)]
    pub votes: i32,
    /// A key quote.
    #[serde(default)]
    pub starred: bool,
    /// When it was written down.
    #[serde(default)]
    pub written: jiff::Timestamp,
    /// Who changed it and when: what a merge compares.
    #[serde(default, skip_serializing_if = "Changes::is_empty")]
    pub changed: Changes,
    /// Other versions of this card, changed on another laptop at the same time as this one:
    /// a conflict to resolve. Kept on the card so they move, go and come back with it.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub others: Vec<OtherVersion>,
    /// The file this version was merged in from, while it has other versions to tell it from.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub version_from: String,
    /// A shorter version in plain words for the Easy Read report; the card's words when empty.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub easy_words: String,
    /// What the organiser chose for the personal details found in it, for redacted exports.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub redactions: Vec<Redaction>,
}

/// A version of a card that lost to the one shown when two laptops changed it differently.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OtherVersion {
    /// The file it came from, as named when it was merged in.
    #[serde(default)]
    pub from: String,
    pub card: Card,
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
            answers_as_made: Vec::new(),
            votes: 0,
            starred: false,
            written: jiff::Timestamp::UNIX_EPOCH,
            changed: Changes::default(),
            others: Vec::new(),
            version_from: String::new(),
            easy_words: String::new(),
            redactions: Vec::new(),
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

    /// Every card this one was linked to, here now or not (see [`Card::answers_as_made`]).
    pub fn answers_made(&self) -> &[CardId] {
        if self.answers_as_made.is_empty() {
            &self.answers
        } else {
            &self.answers_as_made
        }
    }

    /// Sets the links that hold here, keeping those waiting for a card that is not here;
    /// returns the links that held before.
    pub fn replace_answers(&mut self, answers: Vec<CardId>) -> Vec<CardId> {
        let waiting: Vec<CardId> = (self.answers_as_made.iter())
            .filter(|a| !self.answers.contains(a) && !answers.contains(a))
            .copied()
            .collect();
        self.answers_as_made = if waiting.is_empty() {
            Vec::new()
        } else {
            answers.iter().chain(&waiting).copied().collect()
        };
        std::mem::replace(&mut self.answers, answers)
    }

    /// Splits the links as made into those that hold here (an idea's, to a problem in
    /// `problems`, each once) and, when some do not, keeps the whole list as made.
    pub fn settle_answers(&mut self, problems: &impl Fn(CardId) -> bool) {
        let made = std::mem::take(&mut self.answers_as_made);
        let made = if made.is_empty() {
            std::mem::take(&mut self.answers)
        } else {
            made
        };
        let idea = self.category == Category::MakeADifference;
        let mut holding: Vec<CardId> = Vec::with_capacity(made.len());
        for answered in &made {
            if idea && problems(*answered) && !holding.contains(answered) {
                holding.push(*answered);
            }
        }
        if holding != made {
            self.answers_as_made = made;
        }
        self.answers = holding;
    }

    /// Whether two versions say the same thing, whoever changed them.
    pub fn same_content(&self, other: &Card) -> bool {
        self.content_key() == other.content_key()
    }

    /// Everything a person sees of the card, in an order that picks the same version of a
    /// conflict on every laptop.
    pub fn content_key(&self) -> impl Ord + '_ {
        (
            &self.text,
            self.category,
            self.group,
            &self.themes,
            self.answers_made(),
            self.votes,
            self.starred,
            self.written,
        )
    }
}
