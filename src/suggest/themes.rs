//! Fitting unthemed cards to the themes a session already has.
//!
//! A theme is described by a profile: the normalised sum of its cards' vectors plus the words
//! of its name, so a new theme with a good name but few cards still attracts the right cards.

use super::text::Analyzer;
use super::vectors::{SparseVec, TermId, Vocabulary, vector_of};
use crate::model::Session;

/// Each theme's profile, in the order of `session.themes`, and an index from term to the
/// themes that use it, so a card is scored against every theme in one pass over its terms.
pub struct Profiles {
    pub profiles: Vec<SparseVec>,
    postings: Vec<Vec<(u32, f32)>>,
}

impl Profiles {
    /// `vectors[i]` is the vector of `session.cards[i]`.
    pub fn new(
        session: &Session,
        vectors: &[SparseVec],
        vocabulary: &Vocabulary,
        analyzer: &Analyzer,
        name_weight: f32,
    ) -> Self {
        let mut sums = vec![SparseVec::default(); session.themes.len()];
        let theme_index: std::collections::HashMap<_, _> = (session.themes.iter().enumerate())
            .map(|(i, t)| (t.id, i))
            .collect();
        // Summing into one vector per theme a card at a time would copy the growing sum for
        // every card; collect each theme's cards first and add them in a balanced way.
        let mut members: Vec<Vec<&SparseVec>> = vec![Vec::new(); session.themes.len()];
        for (card, vector) in session.cards.iter().zip(vectors) {
            for theme in &card.themes {
                if let Some(&i) = theme_index.get(theme) {
                    members[i].push(vector);
                }
            }
        }
        for (sum, list) in sums.iter_mut().zip(&members) {
            *sum = sum_of(list);
            sum.normalize();
        }
        let profiles: Vec<SparseVec> = (sums.into_iter().zip(&session.themes))
            .map(|(mut profile, theme)| {
                let name = vector_of(&theme.name, vocabulary, analyzer);
                profile.add_scaled(&name, name_weight);
                profile.normalize();
                profile
            })
            .collect();
        let mut postings = vec![Vec::new(); vocabulary.len()];
        for (i, profile) in profiles.iter().enumerate() {
            for &(term, weight) in &profile.0 {
                postings[term as usize].push((i as u32, weight));
            }
        }
        Self { profiles, postings }
    }

    /// The best-fitting theme (index into `session.themes`) and its cosine, if any theme
    /// shares a term with the card.
    pub fn best_fit(&self, card: &SparseVec, scores: &mut Vec<f32>) -> Option<(usize, f32)> {
        scores.clear();
        scores.resize(self.profiles.len(), 0.0);
        for &(term, weight) in &card.0 {
            for &(theme, theme_weight) in &self.postings[term as usize] {
                scores[theme as usize] += weight * theme_weight;
            }
        }
        (scores.iter().copied().enumerate())
            .filter(|&(_, score)| score > 0.0)
            .max_by(|a, b| a.1.total_cmp(&b.1).then_with(|| b.0.cmp(&a.0)))
    }
}

/// The sum of many sparse vectors, added pairwise so each weight is copied about log n times.
pub fn sum_of(vectors: &[&SparseVec]) -> SparseVec {
    match vectors {
        [] => SparseVec::default(),
        [one] => (*one).clone(),
        _ => {
            let (left, right) = vectors.split_at(vectors.len() / 2);
            let mut sum = sum_of(left);
            sum.add_scaled(&sum_of(right), 1.0);
            sum
        }
    }
}

/// The terms two vectors share, strongest contribution to their cosine first. Terms that add
/// little next to the strongest are left out.
pub fn shared_terms(a: &SparseVec, b: &SparseVec, most: usize) -> Vec<TermId> {
    let mut shared: Vec<(TermId, f32)> = (a.0.iter())
        .filter_map(|&(term, weight)| {
            let other = b.get(term);
            (other > 0.0).then_some((term, weight * other))
        })
        .collect();
    shared.sort_by(|x, y| y.1.total_cmp(&x.1).then(x.0.cmp(&y.0)));
    let strongest = shared.first().map_or(0.0, |s| s.1);
    (shared.into_iter())
        .take_while(|s| s.1 >= strongest * 0.2)
        .take(most)
        .map(|(term, _)| term)
        .collect()
}
