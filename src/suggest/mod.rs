//! Offline theme suggestions from card text: no network, no trained model, and every
//! suggestion says which words it rests on.
//!
//! Cards become TF-IDF vectors over stemmed words without stop words ([`text`], [`vectors`]).
//! Each unthemed card is compared with every existing theme's profile (its cards and its name);
//! a good enough fit becomes a [`CardSuggestion`]. The unthemed cards that fit no theme are
//! clustered by average cosine ([`neighbours`], [`cluster`]); each cluster big enough becomes
//! a [`NewThemeSuggestion`] named after the words its cards share.
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
pub mod text;
mod themes;
pub mod vectors;

use crate::model::{CardId, Session, ThemeId};
use neighbours::NeighbourLimits;
use vectors::SparseVec;

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

/// The knobs, with defaults tuned on the labelled cards in `tests/data`.
#[derive(Clone, Debug, PartialEq)]
pub struct Options {
    /// Lowest score for suggesting an existing theme for a card.
    pub fit_threshold: f32,
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
    if !progress(0.0) {
        return None;
    }
    let analyzer = text::Analyzer::default();
    let (vocabulary, vectors) =
        vectors::vectorize(session.cards.iter().map(|c| c.text.as_str()), &analyzer);
    if !progress(0.1) {
        return None;
    }

    let for_cards = fit_to_themes(session, options, &analyzer, &vocabulary, &vectors);
    if !progress(0.2) {
        return None;
    }

    // Cards that fit an existing theme are suggested for it and not also for a new one.
    let suggested: std::collections::HashSet<CardId> = for_cards.iter().map(|s| s.card).collect();
    let loose: Vec<usize> = (session.cards.iter().enumerate())
        .filter(|(i, c)| {
            c.themes.is_empty() && !suggested.contains(&c.id) && !vectors[*i].is_empty()
        })
        .map(|(i, _)| i)
        .collect();
    let loose_vectors: Vec<&SparseVec> = loose.iter().map(|&i| &vectors[i]).collect();
    let limits = NeighbourLimits {
        per_card: 10,
        min_similarity: options.cluster_threshold / 2.0,
    };
    let graph = neighbours::neighbours(&loose_vectors, vocabulary.len(), limits, &mut |f| {
        progress(0.2 + 0.5 * f)
    })?;
    let clusters = cluster::average_link(
        &loose_vectors,
        &graph,
        vocabulary.len(),
        options.cluster_threshold,
        &mut |f| progress(0.7 + 0.25 * f.min(1.0)),
    )?;

    let mut new_themes = Vec::new();
    for members in clusters {
        if members.len() < options.min_cards || new_themes.len() == options.max_new_themes {
            break;
        }
        let member_vectors: Vec<&SparseVec> = members.iter().map(|&m| loose_vectors[m]).collect();
        let terms = naming::top_terms(&member_vectors, options.reason_words);
        if terms.is_empty() {
            continue;
        }
        let texts = members
            .iter()
            .map(|&m| session.cards[loose[m]].text.as_str());
        let shared_words = naming::shown_in(&terms, texts, &analyzer, &vocabulary);
        new_themes.push(NewThemeSuggestion {
            name: naming::theme_name(&shared_words, options.name_words),
            cards: members
                .iter()
                .map(|&m| session.cards[loose[m]].id)
                .collect(),
            shared_words,
        });
    }
    if !progress(1.0) {
        return None;
    }
    Some(Suggestions {
        new_themes,
        for_cards,
    })
}

/// The best existing theme for each unthemed card, where it fits well enough.
fn fit_to_themes(
    session: &Session,
    options: &Options,
    analyzer: &text::Analyzer,
    vocabulary: &vectors::Vocabulary,
    vectors: &[SparseVec],
) -> Vec<CardSuggestion> {
    if session.themes.is_empty() {
        return Vec::new();
    }
    let profiles =
        themes::Profiles::new(session, vectors, vocabulary, analyzer, options.name_weight);
    let mut scores = Vec::new();
    let mut found = Vec::new();
    for (card, vector) in session.cards.iter().zip(vectors) {
        if !card.themes.is_empty() {
            continue;
        }
        let Some((theme, score)) = profiles.best_fit(vector, &mut scores) else {
            continue;
        };
        if score < options.fit_threshold {
            continue;
        }
        found.push(CardSuggestion {
            card: card.id,
            theme: session.themes[theme].id,
            shared_words: naming::shown_in(
                &themes::shared_terms(vector, &profiles.profiles[theme], options.reason_words),
                std::iter::once(card.text.as_str()),
                analyzer,
                vocabulary,
            ),
            score,
        });
    }
    found
}
