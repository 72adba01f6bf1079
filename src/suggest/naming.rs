//! Words people can read: the terms a cluster's cards share most, and how the cards at hand
//! wrote each term ("payments", not the stem "payment" or another card's "paid").

use super::text::{Analyzer, display_form};
use super::vectors::{SparseVec, TermId, Vocabulary};
use std::collections::HashMap;

/// The terms that best describe a group of cards, strongest first: terms used by at least
/// two of the cards (and by at least a fifth of them), ranked by their summed TF-IDF weight.
pub fn top_terms(members: &[&SparseVec], most: usize) -> Vec<TermId> {
    let mut totals: std::collections::HashMap<TermId, (f32, usize)> = Default::default();
    for vector in members {
        for &(term, weight) in &vector.0 {
            let entry = totals.entry(term).or_default();
            entry.0 += weight;
            entry.1 += 1;
        }
    }
    let needed = (members.len().div_ceil(5)).max(2);
    let mut ranked: Vec<(TermId, f32)> = (totals.into_iter())
        .filter(|(_, (_, cards))| *cards >= needed)
        .map(|(term, (weight, _))| (term, weight))
        .collect();
    ranked.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
    ranked
        .into_iter()
        .take(most)
        .map(|(term, _)| term)
        .collect()
}

/// Each term as the given texts wrote it most often (ties go to the form that sorts first),
/// or as the whole session did if these texts never use it. Two terms that show the same
/// way are said once.
pub fn shown_in<'a>(
    terms: &[TermId],
    texts: impl Iterator<Item = &'a str>,
    analyzer: &Analyzer,
    vocabulary: &Vocabulary,
) -> Vec<String> {
    let mut forms: HashMap<TermId, HashMap<String, usize>> = HashMap::new();
    for text in texts {
        for (term, word) in analyzer.terms(text) {
            let Some(id) = vocabulary.id(&term).filter(|id| terms.contains(id)) else {
                continue;
            };
            *forms
                .entry(id)
                .or_default()
                .entry(display_form(&word))
                .or_default() += 1;
        }
    }
    let mut words: Vec<String> = Vec::new();
    for term in terms {
        let shown = forms
            .get(term)
            .and_then(|counts| {
                (counts.iter())
                    .max_by(|a, b| a.1.cmp(b.1).then_with(|| b.0.cmp(a.0)))
                    .map(|(form, _)| form.clone())
            })
            .unwrap_or_else(|| vocabulary.shown(*term).to_owned());
        if !words.iter().any(|w| w.eq_ignore_ascii_case(&shown)) {
            words.push(shown);
        }
    }
    words
}

/// "Payroll / forms / tax": the first few words, the first capitalised.
pub fn theme_name(words: &[String], most: usize) -> String {
    let mut name = words
        .iter()
        .take(most)
        .map(String::as_str)
        .collect::<Vec<_>>()
        .join(" / ");
    if let Some(first) = name.chars().next() {
        let upper: String = first.to_uppercase().collect();
        name.replace_range(..first.len_utf8(), &upper);
    }
    name
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_read_like_a_theme() {
        let words = ["payroll", "forms", "tax", "PA"].map(String::from);
        assert_eq!(theme_name(&words, 3), "Payroll / forms / tax");
        assert_eq!(theme_name(&words[3..], 3), "PA");
        assert_eq!(theme_name(&[], 3), "");
    }
}
