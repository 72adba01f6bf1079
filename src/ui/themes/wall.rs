//! The layout of the affinity wall: which cards sit under which theme, after the filters,
//! rebuilt only when the session or the filters change.

use crate::model::{Category, GroupId, Session, ThemeId};

/// What the wall shows.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Filters {
    pub group: Option<GroupId>,
    pub categories: [bool; 3],
}

impl Default for Filters {
    fn default() -> Self {
        Self {
            group: None,
            categories: [true; 3],
        }
    }
}

impl Filters {
    fn admits(&self, group: GroupId, category: Category) -> bool {
        self.categories[category.index()] && self.group.is_none_or(|g| g == group)
    }
}

/// One pile on the wall: a theme (or the unthemed cards) and its cards.
#[derive(Debug)]
pub struct Pile {
    /// None for "Unthemed".
    pub theme: Option<ThemeId>,
    /// Positions in `Session::cards`.
    pub cards: Vec<usize>,
    /// Cards per category, in [`Category::ALL`] order.
    pub counts: [usize; 3],
}

impl Pile {
    fn add(&mut self, at: usize, category: Category) {
        self.cards.push(at);
        self.counts[category.index()] += 1;
    }
}

#[derive(Default)]
pub struct Wall {
    key: Option<(u64, Filters)>,
    /// Unthemed first, then themes with the most cards first.
    pub piles: Vec<Pile>,
}

impl Wall {
    pub fn refresh(&mut self, session: &Session, revision: u64, filters: &Filters) {
        let key = (revision, filters.clone());
        if self.key.as_ref() == Some(&key) {
            return;
        }
        let mut unthemed = Pile {
            theme: None,
            cards: Vec::new(),
            counts: [0; 3],
        };
        let mut themed: Vec<Pile> = session
            .themes
            .iter()
            .map(|t| Pile {
                theme: Some(t.id),
                cards: Vec::new(),
                counts: [0; 3],
            })
            .collect();
        let position: std::collections::HashMap<ThemeId, usize> = session
            .themes
            .iter()
            .enumerate()
            .map(|(i, t)| (t.id, i))
            .collect();
        for (at, card) in session.cards.iter().enumerate() {
            if !filters.admits(card.group, card.category) {
                continue;
            }
            if card.themes.is_empty() {
                unthemed.add(at, card.category);
            }
            for n in card.themes.iter().filter_map(|t| position.get(t)) {
                themed[*n].add(at, card.category);
            }
        }
        // Most-said themes first; ties keep the order themes were made in.
        themed.sort_by_key(|p| std::cmp::Reverse(p.cards.len()));
        self.piles = std::iter::once(unthemed).chain(themed).collect();
        self.key = Some(key);
    }
}
