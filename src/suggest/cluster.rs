//! Average-link agglomerative clustering over a sparse neighbour graph.
//!
//! With unit vectors, the average cosine over all pairs across two clusters is the dot product
//! of their vector sums divided by both sizes, so each merge is judged on every pair of cards,
//! not just the few that are neighbours. The neighbour graph only says which clusters are
//! worth comparing, which keeps ten thousand cards fast.

use super::vectors::SparseVec;
use std::cmp::Ordering;
use std::collections::BinaryHeap;

/// A possible merge, ordered by similarity. `versions` say which state of the two clusters
/// it was computed for, so stale entries in the heap are skipped.
#[derive(Debug, PartialEq)]
struct Candidate {
    similarity: f32,
    a: usize,
    b: usize,
    versions: (u32, u32),
}

impl Eq for Candidate {}

impl Ord for Candidate {
    fn cmp(&self, other: &Self) -> Ordering {
        (self.similarity.total_cmp(&other.similarity))
            .then_with(|| other.a.cmp(&self.a))
            .then_with(|| other.b.cmp(&self.b))
    }
}

impl PartialOrd for Candidate {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

/// One cluster while merging.
struct Cluster {
    sum: SparseVec,
    members: Vec<usize>,
    /// Clusters it may merge with; may name clusters since merged away (see `find`).
    neighbours: Vec<usize>,
    version: u32,
}

/// Merges clusters, most similar first, while their average cosine is at least `threshold`.
/// Returns the clusters (indices into `vectors`), largest first; singletons included.
/// Returns None if `keep_going` says stop.
pub fn average_link(
    vectors: &[&SparseVec],
    neighbours: &[Vec<(usize, f32)>],
    vocabulary_len: usize,
    threshold: f32,
    keep_going: &mut dyn FnMut(f32) -> bool,
) -> Option<Vec<Vec<usize>>> {
    let mut clusters: Vec<Cluster> = vectors
        .iter()
        .enumerate()
        .map(|(i, v)| Cluster {
            sum: (*v).clone(),
            members: vec![i],
            neighbours: neighbours[i].iter().map(|&(j, _)| j).collect(),
            version: 0,
        })
        .collect();
    // The graph is made symmetric: if a lists b, b may merge with a too.
    for (i, list) in neighbours.iter().enumerate() {
        for &(j, _) in list {
            clusters[j].neighbours.push(i);
        }
    }
    let mut parent: Vec<usize> = (0..vectors.len()).collect();
    let mut heap = BinaryHeap::new();
    for (i, list) in neighbours.iter().enumerate() {
        for &(j, similarity) in list {
            if i < j && similarity >= threshold {
                heap.push(Candidate {
                    similarity,
                    a: i,
                    b: j,
                    versions: (0, 0),
                });
            }
        }
    }

    let mut dense = vec![0.0f32; vocabulary_len];
    let mut merges = 0usize;
    while let Some(best) = heap.pop() {
        if best.similarity < threshold {
            break;
        }
        let (a, b) = (best.a, best.b);
        if parent[a] != a
            || parent[b] != b
            || (clusters[a].version, clusters[b].version) != best.versions
        {
            continue;
        }
        merges += 1;
        if merges.is_multiple_of(256) && !keep_going(merges as f32 / vectors.len() as f32) {
            return None;
        }
        // Keep the larger cluster's slot, so most merges move little.
        let (keep, gone) = if clusters[a].members.len() >= clusters[b].members.len() {
            (a, b)
        } else {
            (b, a)
        };
        parent[gone] = keep;
        let gone_cluster = std::mem::replace(
            &mut clusters[gone],
            Cluster {
                sum: SparseVec::default(),
                members: Vec::new(),
                neighbours: Vec::new(),
                version: 0,
            },
        );
        let kept = &mut clusters[keep];
        kept.sum.add_scaled(&gone_cluster.sum, 1.0);
        kept.members.extend(gone_cluster.members);
        kept.version += 1;
        let mut around = std::mem::take(&mut kept.neighbours);
        around.extend(gone_cluster.neighbours);
        for other in &mut around {
            *other = find(&mut parent, *other);
        }
        around.sort_unstable();
        around.dedup();
        around.retain(|&other| other != keep);

        // Score the merged cluster against each neighbour with a dense copy of its sum.
        for &(term, weight) in &clusters[keep].sum.0 {
            dense[term as usize] = weight;
        }
        let size = clusters[keep].members.len() as f32;
        for &other in &around {
            let cluster = &clusters[other];
            let dot: f32 = cluster
                .sum
                .0
                .iter()
                .map(|&(t, w)| dense[t as usize] * w)
                .sum();
            let similarity = dot / (size * cluster.members.len() as f32);
            if similarity >= threshold {
                let (first, second) = (keep.min(other), keep.max(other));
                heap.push(Candidate {
                    similarity,
                    a: first,
                    b: second,
                    versions: (clusters[first].version, clusters[second].version),
                });
            }
        }
        for &(term, _) in &clusters[keep].sum.0 {
            dense[term as usize] = 0.0;
        }
        clusters[keep].neighbours = around;
    }

    let mut result: Vec<Vec<usize>> = (clusters.into_iter().enumerate())
        .filter(|(i, _)| parent[*i] == *i)
        .map(|(_, c)| {
            let mut members = c.members;
            members.sort_unstable();
            members
        })
        .collect();
    result.sort_by(|a, b| b.len().cmp(&a.len()).then_with(|| a.cmp(b)));
    Some(result)
}

/// The cluster that `index` has been merged into, shortening the path as it goes.
fn find(parent: &mut [usize], mut index: usize) -> usize {
    let mut root = index;
    while parent[root] != root {
        root = parent[root];
    }
    while parent[index] != root {
        let next = parent[index];
        parent[index] = root;
        index = next;
    }
    root
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::suggest::neighbours::{NeighbourLimits, neighbours};

    #[test]
    fn merges_similar_vectors_and_leaves_outliers_alone() {
        let unit = |pairs: &[(u32, f32)]| SparseVec::unit(pairs.to_vec());
        let vectors = [
            unit(&[(0, 1.0), (1, 1.0)]),
            unit(&[(0, 1.0), (1, 0.8), (2, 0.2)]),
            unit(&[(3, 1.0), (4, 1.0)]),
            unit(&[(3, 1.0), (4, 0.9)]),
            unit(&[(5, 1.0)]),
        ];
        let refs: Vec<&SparseVec> = vectors.iter().collect();
        let limits = NeighbourLimits {
            per_card: 3,
            min_similarity: 0.01,
        };
        let graph = neighbours(&refs, 6, limits, &mut |_| true).expect("not cancelled");
        let clusters = average_link(&refs, &graph, 6, 0.5, &mut |_| true).expect("not cancelled");
        assert_eq!(clusters, vec![vec![0, 1], vec![2, 3], vec![4]]);
    }
}
