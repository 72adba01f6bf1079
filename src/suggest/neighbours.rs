//! Candidate neighbours for each card, found through an inverted index over terms, so that a
//! session of ten thousand cards never compares every card with every other.

use super::vectors::SparseVec;

/// How the neighbour search is limited.
#[derive(Clone, Copy, Debug)]
pub struct NeighbourLimits {
    /// Neighbours kept per card, best first.
    pub per_card: usize,
    /// Pairs less similar than this are not neighbours.
    pub min_similarity: f32,
}

/// For each vector, up to `per_card` others with their cosine, most similar first.
/// Terms used by a large share of the cards are left out of the search (they would make
/// every card a candidate for every other and say little); the cosine of the pairs found
/// is then computed exactly over all terms. Returns None if `keep_going` says stop.
pub fn neighbours(
    vectors: &[&SparseVec],
    vocabulary_len: usize,
    limits: NeighbourLimits,
    keep_going: &mut dyn FnMut(f32) -> bool,
) -> Option<Vec<Vec<(usize, f32)>>> {
    let mut postings: Vec<Vec<(u32, f32)>> = vec![Vec::new(); vocabulary_len];
    for (index, vector) in vectors.iter().enumerate() {
        for &(term, weight) in &vector.0 {
            postings[term as usize].push((index as u32, weight));
        }
    }
    let common = (vectors.len() / 10).max(200);

    let mut scores = vec![0.0f32; vectors.len()];
    let mut touched: Vec<u32> = Vec::new();
    let mut result = Vec::with_capacity(vectors.len());
    for (index, vector) in vectors.iter().enumerate() {
        if index.is_multiple_of(256) && !keep_going(index as f32 / vectors.len() as f32) {
            return None;
        }
        for &(term, weight) in &vector.0 {
            let list = &postings[term as usize];
            if list.len() > common {
                continue;
            }
            for &(other, other_weight) in list {
                if other as usize == index {
                    continue;
                }
                let score = &mut scores[other as usize];
                if *score == 0.0 {
                    touched.push(other);
                }
                *score += weight * other_weight;
            }
        }
        let mut found: Vec<(usize, f32)> = touched
            .drain(..)
            .map(|other| {
                let other = other as usize;
                (other, std::mem::take(&mut scores[other]))
            })
            .collect();
        // The partial scores rank candidates; only the best few get an exact cosine.
        keep_best(&mut found, limits.per_card * 2);
        for (other, similarity) in &mut found {
            *similarity = vector.dot(vectors[*other]);
        }
        found.retain(|&(_, similarity)| similarity >= limits.min_similarity);
        keep_best(&mut found, limits.per_card);
        found.sort_unstable_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
        result.push(found);
    }
    Some(result)
}

/// Keeps the `n` highest scores, in no particular order.
fn keep_best(found: &mut Vec<(usize, f32)>, n: usize) {
    if n < found.len() {
        found.select_nth_unstable_by(n, |a, b| b.1.total_cmp(&a.1));
        found.truncate(n);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_overlapping_vectors_only() {
        let a = SparseVec(vec![(0, 0.6), (1, 0.8)]);
        let b = SparseVec(vec![(1, 1.0)]);
        let c = SparseVec(vec![(2, 1.0)]);
        let limits = NeighbourLimits {
            per_card: 5,
            min_similarity: 0.1,
        };
        let found = neighbours(&[&a, &b, &c], 3, limits, &mut |_| true).expect("not cancelled");
        assert_eq!(found[0], vec![(1, 0.8)]);
        assert_eq!(found[1], vec![(0, 0.8)]);
        assert!(found[2].is_empty());
        assert!(neighbours(&[&a, &b, &c], 3, limits, &mut |_| false).is_none());
    }
}
