//! The layout of the affinity wall: which cards sit under which theme, after the filters,
//! rebuilt only when the session or the filters change; and the size of its tiles.

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

/// Lines of a card's words a tile shows; the rest is on hover and under the selected tile.
pub const TEXT_LINES: usize = 4;
/// The narrowest a tile gets: as many tiles as fit this go in a row, widened to fill it.
const NARROWEST_TILE: f32 = 200.0;
const GAP: f32 = 8.0;
/// Space inside a tile round its words and footer.
pub const TILE_MARGIN: f32 = 8.0;

/// The wall's tiles: how many to a row and how big, all of one size so only the rows in view
/// need laying out.
#[derive(Clone, Copy, Debug)]
pub struct Tiles {
    pub per_row: usize,
    pub size: egui::Vec2,
}

impl Tiles {
    /// As many columns as fit `width`; tall enough for [`TEXT_LINES`] of body text and a
    /// footer line of small text.
    pub fn fit(width: f32, body_line: f32, small_line: f32) -> Self {
        let per_row = ((width + GAP) / (NARROWEST_TILE + GAP)).floor().max(1.0);
        // A wall narrower than one tile still shows its whole tile.
        let tile_width = ((width - GAP * (per_row - 1.0)) / per_row).max(80.0);
        let height = 2.0 * TILE_MARGIN + TEXT_LINES as f32 * body_line + 6.0 + small_line;
        Self {
            per_row: per_row as usize,
            size: egui::vec2(tile_width, height),
        }
    }

    /// Where the `n`-th tile of a pile whose tiles start at `origin` goes.
    pub fn rect(&self, origin: egui::Pos2, n: usize) -> egui::Rect {
        let (row, column) = (n / self.per_row, n % self.per_row);
        let step = self.size + egui::vec2(GAP, GAP);
        let min = origin + egui::vec2(column as f32 * step.x, row as f32 * step.y);
        egui::Rect::from_min_size(min, self.size)
    }

    /// The height of the rows of `cards` tiles (one empty row for none).
    pub fn rows_height(&self, cards: usize) -> f32 {
        cards.div_ceil(self.per_row).max(1) as f32 * (self.size.y + GAP)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_wide_wall_has_as_many_columns_as_fit_and_fills_the_row() {
        let tiles = Tiles::fit(1000.0, 18.0, 15.0);
        assert_eq!(tiles.per_row, 4, "{tiles:?}");
        let row = tiles.rect(egui::Pos2::ZERO, 3).right();
        assert!(
            (row - 1000.0).abs() < 0.01,
            "the row ends at the edge: {row}"
        );
        assert_eq!(
            tiles.rect(egui::Pos2::ZERO, 4).left(),
            0.0,
            "the fifth starts a row"
        );
    }

    #[test]
    fn a_narrow_wall_has_one_column_as_wide_as_the_wall() {
        let tiles = Tiles::fit(150.0, 18.0, 15.0);
        assert_eq!(tiles.per_row, 1);
        assert_eq!(tiles.size.x, 150.0);
    }
}
