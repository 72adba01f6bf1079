//! The shape of a summary: plain data that every renderer and the app's preview walk in the
//! same order, so what the preview shows is what every export says.
//!
//! How the counts add up: a card with several themes appears in each of its themes' sections,
//! and a card with none appears once under "Not yet themed". So
//! `sum of theme totals + unthemed total == sum over cards of max(1, themes.len())`
//! ([`Summary::appearances`]), while the header counts every card once.

use crate::model::{CardId, Category, Rgb, ThemeId};
use std::sync::Arc;

/// Everything an export says, in the order it says it.
#[derive(Clone, Debug, PartialEq)]
pub struct Summary {
    pub header: Header,
    /// Every theme, most cards first (ties by name), with its counts per category.
    pub overview: Vec<ThemeCounts>,
    /// One section per theme, in the same order as [`Summary::overview`].
    pub themes: Vec<ThemeSection>,
    /// Every "What would make a difference" card, as a list of proposals.
    pub proposals: Vec<Proposal>,
    /// Every card without a theme, so nothing said is missing from the report.
    pub unthemed: CardLists,
    /// Every card once, by group in session order, then category, then capture order: the
    /// CSV rows, and the appendix when [`Summary::appendix`] is set.
    pub groups: Vec<GroupCards>,
    /// Whether the documents end with all cards by group.
    pub appendix: bool,
}

/// What the workshop was, and how much was said.
#[derive(Clone, Debug, PartialEq)]
pub struct Header {
    pub title: String,
    pub date: jiff::civil::Date,
    pub venue: String,
    pub facilitators: Vec<String>,
    pub notes: String,
    pub groups: usize,
    /// People per role, in the session's role order; roles nobody came as are left out.
    pub participants: Vec<(String, u32)>,
    pub participant_total: u32,
    /// Every card once, by category.
    pub cards: Counts,
    /// The agenda, with the time each phase took where the phase timer ran.
    pub agenda: Vec<AgendaLine>,
}

/// One phase of the agenda in the header.
#[derive(Clone, Debug, PartialEq)]
pub struct AgendaLine {
    pub name: String,
    pub planned_minutes: u32,
    /// Minutes given on the day on top of the plan.
    pub added_minutes: u32,
    /// Minutes it took, to the nearest; None when the timer was never used.
    pub spent_minutes: Option<u64>,
}

/// Card counts per category, indexed by [`Category::index`].
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Counts(pub [usize; 3]);

impl Counts {
    pub fn get(&self, category: Category) -> usize {
        self.0[category.index()]
    }

    pub fn add(&mut self, category: Category) {
        self.0[category.index()] += 1;
    }

    pub fn total(&self) -> usize {
        self.0.iter().sum()
    }
}

impl std::ops::AddAssign for Counts {
    fn add_assign(&mut self, other: Counts) {
        for (mine, theirs) in self.0.iter_mut().zip(other.0) {
            *mine += theirs;
        }
    }
}

/// One row of the overview table and one bar of the chart.
#[derive(Clone, Debug, PartialEq)]
pub struct ThemeCounts {
    pub id: ThemeId,
    pub name: String,
    pub color: Rgb,
    pub counts: Counts,
}

/// A theme's section: its counts, then its cards.
#[derive(Clone, Debug, PartialEq)]
pub struct ThemeSection {
    pub id: ThemeId,
    pub name: String,
    pub color: Rgb,
    pub counts: Counts,
    /// Groups that said something on this theme, in session order.
    pub by_group: Vec<GroupCounts>,
    pub cards: CardLists,
}

/// How much one group said on a theme.
#[derive(Clone, Debug, PartialEq)]
pub struct GroupCounts {
    pub group: String,
    pub counts: Counts,
}

/// Cards by category, each list starred first, then most votes, then capture order.
///
/// A "What would make a difference" card that answers a "Not so good" card of the same list is
/// nested under the first such problem (in list order) instead of being listed on its own, so
/// each card still appears exactly once.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct CardLists {
    pub by_category: [Vec<Entry>; 3],
}

impl CardLists {
    /// The non-empty lists, in category order.
    pub fn categories(&self) -> impl Iterator<Item = (Category, &[Entry])> {
        Category::ALL
            .into_iter()
            .map(|c| (c, self.by_category[c.index()].as_slice()))
            .filter(|(_, entries)| !entries.is_empty())
    }

    /// Every card once, nested answers included.
    pub fn count(&self) -> usize {
        self.by_category
            .iter()
            .flatten()
            .map(|e| 1 + e.answers.len())
            .sum()
    }

    pub fn is_empty(&self) -> bool {
        self.by_category.iter().all(Vec::is_empty)
    }
}

/// A card and the solutions that answer it.
#[derive(Clone, Debug, PartialEq)]
pub struct Entry {
    pub card: CardView,
    /// "What would make a difference" cards that answer this one; same order as lists.
    pub answers: Vec<CardView>,
}

/// A card as the report shows it: the words verbatim and who said them.
///
/// Shared strings: a card appears in several places (each of its themes, the proposals, the
/// card list), and cloning a view only counts references.
#[derive(Clone, Debug, PartialEq)]
pub struct CardView {
    pub id: CardId,
    pub group: Arc<str>,
    pub category: Category,
    /// Exactly as written; may hold line breaks.
    pub text: Arc<str>,
    pub votes: i32,
    pub starred: bool,
    /// Names of the card's themes, in the card's order.
    pub themes: Arc<[Arc<str>]>,
    /// The "Not so good" cards this one answers.
    pub answers: Vec<CardId>,
    pub written: jiff::Timestamp,
}

/// One "What would make a difference" card, with what it answers.
#[derive(Clone, Debug, PartialEq)]
pub struct Proposal {
    pub card: CardView,
    /// Text of the "Not so good" cards it answers.
    pub answers: Vec<Arc<str>>,
}

/// One group's cards, in the order they were captured.
#[derive(Clone, Debug, PartialEq)]
pub struct GroupCards {
    pub name: String,
    pub notes: String,
    pub participant_total: u32,
    pub by_category: [Vec<CardView>; 3],
}

impl Summary {
    /// Card appearances across theme sections and "Not yet themed", per category: a card is
    /// counted once for each of its themes, or once if it has none.
    pub fn appearances(&self) -> Counts {
        let mut sum = Counts::default();
        for row in &self.overview {
            sum += row.counts;
        }
        sum += self.unthemed_counts();
        sum
    }

    /// Cards with no theme, per category.
    pub fn unthemed_counts(&self) -> Counts {
        let mut counts = Counts::default();
        for entry in self.unthemed.by_category.iter().flatten() {
            counts.add(entry.card.category);
            for answer in &entry.answers {
                counts.add(answer.category);
            }
        }
        counts
    }
}
