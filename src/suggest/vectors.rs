//! TF-IDF vectors: each card becomes a sparse, unit-length vector over the session's terms,
//! so that the cosine of two cards is one short merge of their term lists.

use super::text::{Analyzer, display_form};
use std::collections::HashMap;

/// Index of a term in a [`Vocabulary`].
pub type TermId = u32;

/// A sparse vector: (term, weight) pairs sorted by term, no zero weights.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct SparseVec(pub Vec<(TermId, f32)>);

impl SparseVec {
    /// The unit-length vector in the direction of `pairs` (sorted by term, no repeats).
    pub fn unit(pairs: Vec<(TermId, f32)>) -> Self {
        let mut vector = SparseVec(pairs);
        vector.normalize();
        vector
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// The dot product: the cosine when both have unit length.
    pub fn dot(&self, other: &SparseVec) -> f32 {
        let (mut a, mut b) = (self.0.iter().peekable(), other.0.iter().peekable());
        let mut sum = 0.0;
        while let (Some(&&(ta, wa)), Some(&&(tb, wb))) = (a.peek(), b.peek()) {
            match ta.cmp(&tb) {
                std::cmp::Ordering::Less => {
                    a.next();
                }
                std::cmp::Ordering::Greater => {
                    b.next();
                }
                std::cmp::Ordering::Equal => {
                    sum += wa * wb;
                    a.next();
                    b.next();
                }
            }
        }
        sum
    }

    /// Adds `other` times `scale` into this vector.
    pub fn add_scaled(&mut self, other: &SparseVec, scale: f32) {
        let mut merged = Vec::with_capacity(self.0.len() + other.0.len());
        let (mut a, mut b) = (self.0.iter().peekable(), other.0.iter().peekable());
        loop {
            match (a.peek(), b.peek()) {
                (Some(&&(ta, wa)), Some(&&(tb, wb))) => match ta.cmp(&tb) {
                    std::cmp::Ordering::Less => {
                        merged.push((ta, wa));
                        a.next();
                    }
                    std::cmp::Ordering::Greater => {
                        merged.push((tb, wb * scale));
                        b.next();
                    }
                    std::cmp::Ordering::Equal => {
                        merged.push((ta, wa + wb * scale));
                        a.next();
                        b.next();
                    }
                },
                (Some(&&pair), None) => {
                    merged.push(pair);
                    a.next();
                }
                (None, Some(&&(tb, wb))) => {
                    merged.push((tb, wb * scale));
                    b.next();
                }
                (None, None) => break,
            }
        }
        self.0 = merged;
    }

    pub fn norm(&self) -> f32 {
        self.0.iter().map(|(_, w)| w * w).sum::<f32>().sqrt()
    }

    /// Scales to unit length; an empty vector stays empty.
    pub fn normalize(&mut self) {
        let norm = self.norm();
        if norm > 0.0 {
            self.0.iter_mut().for_each(|(_, w)| *w /= norm);
        }
    }

    /// The weight of one term, or zero.
    pub fn get(&self, term: TermId) -> f32 {
        self.0
            .binary_search_by_key(&term, |(t, _)| *t)
            .map_or(0.0, |i| self.0[i].1)
    }
}

/// What is known about one term across the session.
#[derive(Clone, Debug, Default)]
pub struct TermInfo {
    /// How many cards use it.
    pub cards: u32,
    /// How it was written, with how often; the commonest form is the one shown.
    surfaces: Vec<(String, u32)>,
}

impl TermInfo {
    /// The way people wrote this term most often ("payments" rather than "payment").
    pub fn shown(&self) -> &str {
        self.surfaces
            .iter()
            .max_by(|a, b| a.1.cmp(&b.1).then_with(|| b.0.cmp(&a.0)))
            .map_or("", |(s, _)| s.as_str())
    }

    fn saw(&mut self, surface: String) {
        match self.surfaces.iter_mut().find(|(s, _)| *s == surface) {
            Some((_, n)) => *n += 1,
            None => self.surfaces.push((surface, 1)),
        }
    }
}

/// The terms of a session and their inverse document frequencies.
#[derive(Debug, Default)]
pub struct Vocabulary {
    ids: HashMap<String, TermId>,
    pub terms: Vec<TermInfo>,
    pub idf: Vec<f32>,
}

impl Vocabulary {
    pub fn len(&self) -> usize {
        self.terms.len()
    }

    pub fn is_empty(&self) -> bool {
        self.terms.is_empty()
    }

    pub fn id(&self, term: &str) -> Option<TermId> {
        self.ids.get(term).copied()
    }

    /// How a term is shown to people.
    pub fn shown(&self, term: TermId) -> &str {
        self.terms.get(term as usize).map_or("", TermInfo::shown)
    }
}

/// Term counts of one text, before weighting.
type Counts = Vec<(TermId, u32)>;

/// Builds the vocabulary from every text and returns each text's unit TF-IDF vector.
/// Term frequency is sublinear (1 + ln tf) so a repeated word does not swamp a card;
/// IDF is smoothed, ln((1 + n) / (1 + df)) + 1, so a term in every card still counts a little.
pub fn vectorize<'a>(
    texts: impl Iterator<Item = &'a str>,
    analyzer: &Analyzer,
) -> (Vocabulary, Vec<SparseVec>) {
    let mut vocabulary = Vocabulary::default();
    // Stemming is the slow part; a session repeats its words, so stem each word once.
    let mut seen_words: HashMap<String, Option<TermId>> = HashMap::new();
    let mut all_counts: Vec<Counts> = Vec::new();
    for text in texts {
        let mut counts: Counts = Vec::new();
        for word in super::text::words(text) {
            let id = match seen_words.get(&word.lower) {
                Some(id) => *id,
                None => {
                    let id = analyzer.term(&word).map(|term| {
                        let next = vocabulary.terms.len() as TermId;
                        *vocabulary.ids.entry(term).or_insert_with(|| {
                            vocabulary.terms.push(TermInfo::default());
                            next
                        })
                    });
                    seen_words.insert(word.lower.clone(), id);
                    id
                }
            };
            let Some(id) = id else { continue };
            vocabulary.terms[id as usize].saw(display_form(&word));
            match counts.iter_mut().find(|(t, _)| *t == id) {
                Some((_, n)) => *n += 1,
                None => counts.push((id, 1)),
            }
        }
        for (id, _) in &counts {
            vocabulary.terms[*id as usize].cards += 1;
        }
        counts.sort_unstable_by_key(|(t, _)| *t);
        all_counts.push(counts);
    }
    let n = all_counts.len() as f32;
    vocabulary.idf = (vocabulary.terms.iter())
        .map(|t| ((1.0 + n) / (1.0 + t.cards as f32)).ln() + 1.0)
        .collect();
    let vectors = all_counts
        .into_iter()
        .map(|counts| weigh(&vocabulary, &counts))
        .collect();
    (vocabulary, vectors)
}

fn weigh(vocabulary: &Vocabulary, counts: &[(TermId, u32)]) -> SparseVec {
    SparseVec::unit(
        counts
            .iter()
            .map(|&(t, n)| (t, (1.0 + (n as f32).ln()) * vocabulary.idf[t as usize]))
            .collect(),
    )
}

/// The unit TF-IDF vector of a text outside the session (a theme's name), using only terms
/// the session's cards have; unknown words cannot match anything anyway.
pub fn vector_of(text: &str, vocabulary: &Vocabulary, analyzer: &Analyzer) -> SparseVec {
    let mut counts: Counts = Vec::new();
    for (term, _) in analyzer.terms(text) {
        let Some(id) = vocabulary.id(&term) else {
            continue;
        };
        match counts.iter_mut().find(|(t, _)| *t == id) {
            Some((_, n)) => *n += 1,
            None => counts.push((id, 1)),
        }
    }
    counts.sort_unstable_by_key(|(t, _)| *t);
    weigh(vocabulary, &counts)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn similar_cards_are_closer_than_unrelated_ones() {
        let texts = [
            "Payroll forms for employing a PA",
            "Employing staff means payroll and tax",
            "The bus to the day centre is late",
        ];
        let (vocabulary, v) = vectorize(texts.into_iter(), &Analyzer::default());
        assert!((v[0].dot(&v[0]) - 1.0).abs() < 1e-5);
        assert!(v[0].dot(&v[1]) > 0.2);
        assert_eq!(v[0].dot(&v[2]), 0.0);
        let payroll = vocabulary.id("payrol").expect("payroll is a term");
        assert_eq!(vocabulary.shown(payroll), "payroll");
        assert_eq!(vocabulary.terms[payroll as usize].cards, 2);
    }

    #[test]
    fn sums_and_lookups_agree_with_dot() {
        let a = SparseVec(vec![(1, 1.0), (3, 2.0)]);
        let b = SparseVec(vec![(0, 1.0), (3, 1.0)]);
        let mut sum = a.clone();
        sum.add_scaled(&b, 2.0);
        assert_eq!(sum, SparseVec(vec![(0, 2.0), (1, 1.0), (3, 4.0)]));
        assert_eq!(a.dot(&b), 2.0);
        assert_eq!(sum.get(3), 4.0);
        assert_eq!(sum.get(2), 0.0);
    }
}
