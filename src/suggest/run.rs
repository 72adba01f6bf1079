//! The steps of a suggestion run, from card text to suggestions.
//!
//! Clustering comes before fitting to existing themes on purpose: an unthemed card often
//! shares a word or two with some existing theme by chance ("social" in "social care and the
//! NHS"), and on its own a low score cannot tell that from a real fit. Next to its cluster it
//! can: a card that its cluster describes better than any existing theme stays in a new theme.

use super::neighbours::{self, NeighbourLimits};
use super::text::Analyzer;
use super::themes::{self, Profiles};
use super::vectors::{self, SparseVec, Vocabulary};
use super::{CardSuggestion, NewThemeSuggestion, Options, Suggestions, cluster, naming};
use crate::model::Session;
use std::collections::HashMap;

/// A card (index into `session.cards`) and the existing theme (index into
/// `session.themes`) that fits it best, before it is explained.
#[derive(Clone, Copy, Debug)]
struct Fit {
    card: usize,
    theme: usize,
    score: f32,
}

/// Everything one run works from.
struct Context<'a> {
    session: &'a Session,
    options: &'a Options,
    analyzer: Analyzer,
    vocabulary: Vocabulary,
    /// `vectors[i]` is the vector of `session.cards[i]`.
    vectors: Vec<SparseVec>,
    /// None when the session has no themes.
    profiles: Option<Profiles>,
}

/// Vectors, then clusters of the unthemed cards, then each cluster split between existing
/// themes and a new theme. See [`super::suggest`] for `progress`.
pub fn run(
    session: &Session,
    options: &Options,
    progress: &dyn Fn(f32) -> bool,
) -> Option<Suggestions> {
    if !progress(0.0) {
        return None;
    }
    let analyzer = Analyzer::default();
    let (vocabulary, vectors) =
        vectors::vectorize(session.cards.iter().map(|c| c.text.as_str()), &analyzer);
    let profiles = (!session.themes.is_empty()).then(|| {
        Profiles::new(
            session,
            &vectors,
            &vocabulary,
            &analyzer,
            options.name_weight,
        )
    });
    let context = Context {
        session,
        options,
        analyzer,
        vocabulary,
        vectors,
        profiles,
    };
    if !progress(0.15) {
        return None;
    }

    let unthemed: Vec<usize> = (session.cards.iter().enumerate())
        .filter(|(i, c)| c.themes.is_empty() && !context.vectors[*i].is_empty())
        .map(|(i, _)| i)
        .collect();
    let unthemed_vectors: Vec<&SparseVec> = unthemed.iter().map(|&i| &context.vectors[i]).collect();
    let limits = NeighbourLimits {
        per_card: 10,
        min_similarity: options.cluster_threshold / 2.0,
    };
    let graph = neighbours::neighbours(
        &unthemed_vectors,
        context.vocabulary.len(),
        limits,
        &mut |f| progress(0.15 + 0.5 * f),
    )?;
    let clusters = cluster::average_link(
        &unthemed_vectors,
        &graph,
        context.vocabulary.len(),
        options.cluster_threshold,
        &mut |f| progress(0.65 + 0.25 * f.min(1.0)),
    )?;

    let mut suggestions = Suggestions::default();
    let mut scratch = Vec::new();
    for members in clusters {
        let cards: Vec<usize> = members.iter().map(|&m| unthemed[m]).collect();
        context.sort_cluster(cards, &mut suggestions, &mut scratch);
    }
    // Largest new themes first (clusters came largest first, but some lost cards).
    (suggestions.new_themes).sort_by_key(|t| std::cmp::Reverse(t.cards.len()));
    suggestions.new_themes.truncate(options.max_new_themes);
    let positions: HashMap<_, _> = (session.cards.iter().enumerate())
        .map(|(i, c)| (c.id, i))
        .collect();
    (suggestions.for_cards).sort_by_key(|s| positions.get(&s.card).copied());
    if !progress(1.0) {
        return None;
    }
    Some(suggestions)
}

impl Context<'_> {
    /// Splits one cluster (card indices) between existing themes and a new theme.
    fn sort_cluster(
        &self,
        cards: Vec<usize>,
        suggestions: &mut Suggestions,
        scratch: &mut Vec<f32>,
    ) {
        let big = cards.len() >= self.options.min_cards;
        let sum = if big {
            themes::sum_of(&cards.iter().map(|&i| &self.vectors[i]).collect::<Vec<_>>())
        } else {
            SparseVec::default()
        };
        let sum_norm_squared = sum.dot(&sum);
        let fits: Vec<Option<Fit>> = cards
            .iter()
            .map(|&card| self.best_fit(card, scratch))
            .collect();
        let absorbed = big && self.mostly_one_theme(&fits, cards.len());
        let mut staying = Vec::with_capacity(cards.len());
        let mut left = Vec::new();
        for (card, fit) in cards.into_iter().zip(fits) {
            let own = if big && !absorbed {
                cosine_to_rest(&self.vectors[card], &sum, sum_norm_squared)
            } else {
                0.0
            };
            match fit {
                Some(fit) if fit.score >= own => {
                    suggestions.for_cards.push(self.suggestion(fit));
                }
                _ => {
                    left.push(fit);
                    staying.push(card);
                }
            }
        }
        let fits = left;
        if staying.len() >= self.options.min_cards
            && let Some(theme) = self.new_theme(&staying)
        {
            suggestions.new_themes.push(theme);
            return;
        }
        // Too few left for a theme of their own: each takes its existing theme, if any.
        (suggestions.for_cards).extend(fits.into_iter().flatten().map(|f| self.suggestion(f)));
    }

    /// Whether at least half a cluster's cards fit one existing theme best, and clearly
    /// (on average at least `Options::absorb_score`): then the cluster is that theme, not a
    /// new one, however closely its cards resemble each other.
    fn mostly_one_theme(&self, fits: &[Option<Fit>], size: usize) -> bool {
        let mut counts: HashMap<usize, (usize, f32)> = HashMap::new();
        for fit in fits.iter().flatten() {
            let (count, total) = counts.entry(fit.theme).or_default();
            *count += 1;
            *total += fit.score;
        }
        (counts.values())
            .any(|&(n, total)| n * 2 >= size && total / n as f32 >= self.options.absorb_score)
    }

    /// The best existing theme for a card, if it fits well enough.
    fn best_fit(&self, card: usize, scratch: &mut Vec<f32>) -> Option<Fit> {
        let profiles = self.profiles.as_ref()?;
        let (theme, score) = profiles.best_fit(&self.vectors[card], scratch)?;
        (score >= self.options.fit_threshold).then_some(Fit { card, theme, score })
    }

    /// A fit as it is shown: with the words the card shares with the theme, as it wrote them.
    /// Worked out only for the fits that are suggested, as it reads the card's text again.
    fn suggestion(&self, fit: Fit) -> CardSuggestion {
        let card = &self.session.cards[fit.card];
        let shared = self.profiles.as_ref().map_or_else(Vec::new, |profiles| {
            themes::shared_terms(
                &self.vectors[fit.card],
                &profiles.profiles[fit.theme],
                self.options.reason_words,
            )
        });
        CardSuggestion {
            card: card.id,
            theme: self.session.themes[fit.theme].id,
            shared_words: naming::shown_in(
                &shared,
                std::iter::once(card.text.as_str()),
                &self.analyzer,
                &self.vocabulary,
            ),
            score: fit.score,
        }
    }

    /// A new theme for these cards, named after the words they share; None if they share
    /// none worth naming.
    fn new_theme(&self, cards: &[usize]) -> Option<NewThemeSuggestion> {
        let vectors: Vec<&SparseVec> = cards.iter().map(|&i| &self.vectors[i]).collect();
        let terms = naming::top_terms(&vectors, self.options.reason_words);
        if terms.is_empty() {
            return None;
        }
        let texts = cards.iter().map(|&i| self.session.cards[i].text.as_str());
        let shared_words = naming::shown_in(&terms, texts, &self.analyzer, &self.vocabulary);
        Some(NewThemeSuggestion {
            name: naming::theme_name(&shared_words, self.options.name_words),
            cards: cards.iter().map(|&i| self.session.cards[i].id).collect(),
            shared_words,
        })
    }
}

/// The cosine between a unit vector and the sum of the rest of its cluster, from the
/// cluster's whole sum: comparable with a card's cosine to a theme's profile.
fn cosine_to_rest(vector: &SparseVec, sum: &SparseVec, sum_norm_squared: f32) -> f32 {
    let dot = vector.dot(sum);
    let rest_norm_squared = sum_norm_squared - 2.0 * dot + 1.0;
    if rest_norm_squared <= 1e-6 {
        return 0.0;
    }
    (dot - 1.0) / rest_norm_squared.sqrt()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cosine_to_rest_leaves_the_card_out() {
        let unit = |pairs: &[(u32, f32)]| SparseVec::unit(pairs.to_vec());
        let a = unit(&[(0, 1.0), (1, 1.0)]);
        let b = unit(&[(0, 1.0)]);
        let c = unit(&[(2, 1.0)]);
        let mut sum = a.clone();
        sum.add_scaled(&b, 1.0);
        sum.add_scaled(&c, 1.0);
        let mut rest = b.clone();
        rest.add_scaled(&c, 1.0);
        rest.normalize();
        let expected = a.dot(&rest);
        let found = cosine_to_rest(&a, &sum, sum.dot(&sum));
        assert!((found - expected).abs() < 1e-5, "{found} != {expected}");
        // Alone in its cluster, a card has nothing to be close to.
        assert_eq!(cosine_to_rest(&a, &a, 1.0), 0.0);
    }
}
