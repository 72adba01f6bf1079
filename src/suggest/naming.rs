//! Names for new themes: the words a cluster's cards share most, as people wrote them.

use super::vectors::{SparseVec, TermId, Vocabulary};

/// The words that best describe a group of cards, strongest first: terms used by at least
/// two of the cards (and by at least a fifth of them), ranked by their summed TF-IDF weight.
pub fn top_words(members: &[&SparseVec], vocabulary: &Vocabulary, most: usize) -> Vec<String> {
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
    let mut words: Vec<String> = Vec::new();
    for (term, _) in ranked {
        let shown = vocabulary.shown(term);
        // Two stems can show the same way; say it once.
        if !words.iter().any(|w| w.eq_ignore_ascii_case(shown)) {
            words.push(shown.to_owned());
        }
        if words.len() == most {
            break;
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
