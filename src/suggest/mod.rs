//! Offline theme suggestions from card text: no network, no trained model, and every
//! suggestion says which words it rests on.
//!
//! Cards become TF-IDF vectors over stemmed words without stop words ([`text`], [`vectors`]).
//! The unthemed cards are clustered by average cosine (`neighbours`, `cluster`). Each card is
//! then compared with every existing theme's profile (its cards and its name) and with the
//! rest of its own cluster: where an existing theme fits well enough, and better than the
//! cluster does, it becomes a [`CardSuggestion`]. What is left of each cluster, if big
//! enough, becomes a [`NewThemeSuggestion`] named after the words its cards share (`run`).
//!
//! Suggestions are only suggestions: nothing changes until the user accepts one, which turns
//! it into an undoable [`Edit`](crate::edit::Edit). The work is pure and may run on a
//! background thread with a clone of the session:
//!
//! ```
//! use harvest::model::{Card, Category, Session};
//! use harvest::suggest::{self, SuggestionKey};
//! use std::collections::HashSet;
//!
//! let mut session = Session::new("Example");
//! let group = session.groups[0].id;
//! for text in ["Payroll forms are frightening", "Payroll and tax forms", "Help with payroll forms"] {
//!     session.cards.push(Card::new(group, Category::NotSoGood, text));
//! }
//! let copy = session.clone();
//! let worker = std::thread::spawn(move || suggest::suggest(&copy, &|_fraction| true));
//! let suggestions = worker.join().ok().flatten().unwrap_or_default();
//! assert_eq!(suggestions.new_themes[0].name, "Payroll / forms");
//!
//! // Rejected suggestions are remembered by key and left out next time.
//! let rejected: HashSet<SuggestionKey> = [suggestions.new_themes[0].key()].into();
//! assert!(suggestions.without(&rejected).new_themes.is_empty());
//! ```

mod cluster;
mod edits;
mod naming;
mod neighbours;
mod run;
pub mod text;
mod themes;
pub mod vectors;

use crate::model::{CardId, Session, ThemeId};

pub use edits::SuggestionKey;

/// Everything suggested for a session at one moment.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Suggestions {
    /// Themes the session lacks, largest first.
    pub new_themes: Vec<NewThemeSuggestion>,
    /// Existing themes for unthemed cards, in card order.
    pub for_cards: Vec<CardSuggestion>,
}

/// A theme to create from unthemed cards that say similar things.
#[derive(Clone, Debug, PartialEq)]
pub struct NewThemeSuggestion {
    /// Made from the top shared words, e.g. "Payroll / forms / tax".
    pub name: String,
    /// In session order.
    pub cards: Vec<CardId>,
    /// Why: the words these cards share most, strongest first.
    pub shared_words: Vec<String>,
}

/// An existing theme that an unthemed card seems to belong to.
#[derive(Clone, Debug, PartialEq)]
pub struct CardSuggestion {
    pub card: CardId,
    pub theme: ThemeId,
    /// Why: the words the card shares with the theme's cards and name, strongest first.
    pub shared_words: Vec<String>,
    /// Cosine between the card and the theme's profile, 0 to 1.
    pub score: f32,
}

/// The knobs, with defaults tuned in `tests/suggest.rs`: on the labelled cards in
/// `tests/data` and on a generated session with half its topics themed.
#[derive(Clone, Debug, PartialEq)]
pub struct Options {
    /// Lowest score for suggesting an existing theme for a card.
    pub fit_threshold: f32,
    /// A cluster of unthemed cards is taken as an existing theme, rather than suggested as a
    /// new one, when at least half its cards fit that theme best with at least this average
    /// score.
    pub absorb_score: f32,
    /// How much a theme's name counts next to its cards (the cards' part has weight 1).
    pub name_weight: f32,
    /// Lowest average cosine between the cards of a new theme.
    pub cluster_threshold: f32,
    /// Fewest cards a new theme is suggested for.
    pub min_cards: usize,
    /// Most new themes suggested at once.
    pub max_new_themes: usize,
    /// Words in a suggested theme name.
    pub name_words: usize,
    /// Words given as the reason for a suggestion.
    pub reason_words: usize,
}

impl Default for Options {
    fn default() -> Self {
        Self {
            fit_threshold: 0.1,
            absorb_score: 0.35,
            name_weight: 0.5,
            cluster_threshold: 0.1,
            min_cards: 3,
            max_new_themes: 30,
            name_words: 3,
            reason_words: 5,
        }
    }
}

/// Suggestions with the default [`Options`]. `progress` is told how far the work has got
/// (0 to 1) every so often; when it returns false the work stops and this returns None.
pub fn suggest(session: &Session, progress: &dyn Fn(f32) -> bool) -> Option<Suggestions> {
    suggest_with(session, &Options::default(), progress)
}

/// Suggestions with chosen [`Options`]; see [`suggest`].
pub fn suggest_with(
    session: &Session,
    options: &Options,
    progress: &dyn Fn(f32) -> bool,
) -> Option<Suggestions> {
    run::run(session, options, progress)
}
