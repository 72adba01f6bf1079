//! Building a [`Summary`] from a session: pure, no I/O, linear in the number of cards (apart
//! from sorting), so 10,000 cards take milliseconds. A build for a preview can be stopped
//! part-way ([`Summary::build_until`]) once the session has moved on.

use super::report::{
    AgendaLine, CardLists, CardView, Counts, Entry, GroupCards, GroupCounts, Header, Proposal,
    Summary, ThemeCounts, ThemeSection,
};
use crate::model::{Card, CardId, Category, GroupId, Session, ThemeId};
use std::collections::HashMap;
use std::convert::Infallible;
use std::sync::Arc;

/// How many cards a loop goes through between two questions whether to stop.
const CHECK_EVERY: usize = 1024;

/// Why a build stopped early: whoever wanted it no longer does.
struct Cancelled;

/// What to put in a summary beyond the essentials.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct SummaryOptions {
    /// Add an appendix of every card by group, in capture order.
    pub appendix: bool,
}

/// Lookups built once so nothing below searches the session's lists, and every card's view
/// made once: a card shown in several places shares its text rather than copying it.
struct Index<'a> {
    session: &'a Session,
    group_pos: HashMap<GroupId, usize>,
    theme_pos: HashMap<ThemeId, usize>,
    /// Position of each card in the session's list, and so in `views`.
    card_pos: HashMap<CardId, usize>,
    views: Vec<CardView>,
}

impl<'a> Index<'a> {
    fn new<E>(session: &'a Session, check: &dyn Fn() -> Result<(), E>) -> Result<Self, E> {
        let mut index = Self {
            session,
            group_pos: (session.groups.iter().enumerate())
                .map(|(i, g)| (g.id, i))
                .collect(),
            theme_pos: (session.themes.iter().enumerate())
                .map(|(i, t)| (t.id, i))
                .collect(),
            card_pos: (session.cards.iter().enumerate())
                .map(|(i, c)| (c.id, i))
                .collect(),
            views: Vec::with_capacity(session.cards.len()),
        };
        let group_names: Vec<Arc<str>> = session
            .groups
            .iter()
            .map(|g| g.name.as_str().into())
            .collect();
        let unknown: Arc<str> = "(unknown group)".into();
        let theme_names: Vec<Arc<str>> = session
            .themes
            .iter()
            .map(|t| t.name.as_str().into())
            .collect();
        let no_themes: Arc<[Arc<str>]> = Arc::new([]);
        for (at, card) in session.cards.iter().enumerate() {
            if at % CHECK_EVERY == 0 {
                check()?;
            }
            let themes: Vec<usize> = index.themes_of(card).collect();
            let view = CardView {
                id: card.id,
                group: match index.group_pos.get(&card.group) {
                    Some(&g) => group_names[g].clone(),
                    None => unknown.clone(),
                },
                category: card.category,
                text: card.text.as_str().into(),
                votes: card.votes,
                starred: card.starred,
                themes: if themes.is_empty() {
                    no_themes.clone()
                } else {
                    themes.iter().map(|&t| theme_names[t].clone()).collect()
                },
                answers: card.answers.clone(),
                written: card.written,
            };
            index.views.push(view);
        }
        Ok(index)
    }

    fn view(&self, card: &Card) -> CardView {
        match self.card_pos.get(&card.id) {
            Some(&i) => self.views[i].clone(),
            // Every card is indexed above; this only keeps the lookup total.
            None => CardView {
                id: card.id,
                group: "(unknown group)".into(),
                category: card.category,
                text: card.text.as_str().into(),
                votes: card.votes,
                starred: card.starred,
                themes: Arc::new([]),
                answers: card.answers.clone(),
                written: card.written,
            },
        }
    }

    /// The card's themes that exist, once each, in the card's order.
    fn themes_of<'b>(&'b self, card: &'b Card) -> impl Iterator<Item = usize> + 'b {
        let theme_pos = &self.theme_pos;
        card.themes
            .iter()
            .enumerate()
            .filter(|(i, t)| !card.themes[..*i].contains(t))
            .filter_map(|(_, t)| theme_pos.get(t).copied())
    }
}

impl Summary {
    /// Builds the summary of a session: a few milliseconds for 10,000 cards. The result owns
    /// its data and is `Send`, so the app can build it on a worker thread whenever the
    /// document's revision changes, keep it for the preview, and hand it to [`super::render`].
    pub fn build(session: &Session, options: &SummaryOptions) -> Summary {
        match build_checked(session, options, &|| Ok::<(), Infallible>(())) {
            Ok(summary) => summary,
            Err(never) => match never {},
        }
    }

    /// [`Summary::build`], asking `cancelled` every so often whether the result is still
    /// wanted; None once it says it is not. The preview uses it to drop the build of a
    /// revision the session has already left, rather than let it compete with the next.
    pub fn build_until(
        session: &Session,
        options: &SummaryOptions,
        cancelled: &dyn Fn() -> bool,
    ) -> Option<Summary> {
        let check = || if cancelled() { Err(Cancelled) } else { Ok(()) };
        build_checked(session, options, &check).ok()
    }
}

/// The build, calling `check` between its steps and every [`CHECK_EVERY`] cards, and
/// stopping with its error.
fn build_checked<E>(
    session: &Session,
    options: &SummaryOptions,
    check: &dyn Fn() -> Result<(), E>,
) -> Result<Summary, E> {
    let index = Index::new(session, check)?;

    // Sort once: starred first, most votes, then capture order. Every list below is
    // filled in this order, so it stays sorted.
    let mut order: Vec<&Card> = session.cards.iter().collect();
    order.sort_by_key(|c| (!c.starred, std::cmp::Reverse(c.votes)));
    check()?;

    let mut per_theme: Vec<Vec<&Card>> = vec![Vec::new(); session.themes.len()];
    let mut unthemed: Vec<&Card> = Vec::new();
    for &card in &order {
        let mut any = false;
        for t in index.themes_of(card) {
            per_theme[t].push(card);
            any = true;
        }
        if !any {
            unthemed.push(card);
        }
    }

    let mut themes = Vec::with_capacity(session.themes.len());
    for (theme, cards) in session.themes.iter().zip(&per_theme) {
        check()?;
        themes.push(ThemeSection {
            id: theme.id,
            name: theme.name.clone(),
            color: theme.color,
            counts: count(cards),
            by_group: by_group(&index, cards),
            cards: card_lists(&index, cards),
        });
    }
    themes.sort_by(|a, b| {
        (b.counts.total().cmp(&a.counts.total())).then_with(|| a.name.cmp(&b.name))
    });
    check()?;
    let proposals = proposals(&index, &order);
    let unthemed = card_lists(&index, &unthemed);
    check()?;
    let groups = groups(&index, check)?;

    Ok(Summary {
        header: header(session),
        overview: themes
            .iter()
            .map(|t| ThemeCounts {
                id: t.id,
                name: t.name.clone(),
                color: t.color,
                counts: t.counts,
            })
            .collect(),
        themes,
        proposals,
        unthemed,
        groups,
        appendix: options.appendix,
    })
}

fn header(session: &Session) -> Header {
    let details = &session.details;
    let participants: Vec<(String, u32)> = (session.participant_totals().into_iter())
        .filter(|(_, n)| *n > 0)
        .collect();
    let mut cards = Counts::default();
    for card in &session.cards {
        cards.add(card.category);
    }
    Header {
        title: details.title.clone(),
        date: details.date,
        venue: details.venue.clone(),
        facilitators: details.facilitators.clone(),
        notes: details.notes.clone(),
        groups: session.groups.len(),
        participant_total: participants.iter().map(|(_, n)| n).sum(),
        participants,
        cards,
        agenda: agenda(session),
    }
}

/// The agenda's lines; a phase still running counts up to now.
fn agenda(session: &Session) -> Vec<AgendaLine> {
    let timer = &session.timer;
    let now = jiff::Timestamp::now();
    (session.details.agenda.iter())
        .map(|phase| AgendaLine {
            name: phase.name.clone(),
            planned_minutes: phase.minutes,
            added_minutes: timer.allowed_minutes(phase) - phase.minutes,
            spent_minutes: (!timer.is_unused()).then(|| timer.spent_minutes([phase], now)),
        })
        .collect()
}

fn count(cards: &[&Card]) -> Counts {
    let mut counts = Counts::default();
    for card in cards {
        counts.add(card.category);
    }
    counts
}

/// Counts per group, in session order; cards of unknown groups come last.
fn by_group(index: &Index<'_>, cards: &[&Card]) -> Vec<GroupCounts> {
    let groups = &index.session.groups;
    let mut counts = vec![Counts::default(); groups.len() + 1];
    for card in cards {
        let slot = index.group_pos.get(&card.group).copied();
        counts[slot.unwrap_or(groups.len())].add(card.category);
    }
    let names = (groups.iter().map(|g| g.name.as_str())).chain(["(unknown group)"]);
    names
        .zip(counts)
        .filter(|(_, c)| c.total() > 0)
        .map(|(name, counts)| GroupCounts {
            group: name.to_owned(),
            counts,
        })
        .collect()
}

/// Splits sorted cards by category, nesting each solution under the first problem it answers
/// that is in the same list.
fn card_lists(index: &Index<'_>, cards: &[&Card]) -> CardLists {
    let mut lists = CardLists::default();
    let linked =
        (cards.iter()).any(|c| c.category == Category::MakeADifference && !c.answers.is_empty());
    // Where each "Not so good" card of this list sits in its list, when anything links to one.
    let mut problem_at: HashMap<CardId, usize> = HashMap::new();
    for card in cards {
        let list = &mut lists.by_category[card.category.index()];
        if linked && card.category == Category::NotSoGood {
            problem_at.insert(card.id, list.len());
        }
        list.push(Entry {
            card: index.view(card),
            answers: Vec::new(),
        });
    }
    let solutions = std::mem::take(&mut lists.by_category[Category::MakeADifference.index()]);
    let problems = &mut lists.by_category[Category::NotSoGood.index()];
    let mut kept = Vec::with_capacity(solutions.len());
    for (card, entry) in cards
        .iter()
        .filter(|c| c.category == Category::MakeADifference)
        .zip(solutions)
    {
        let first_problem = (card.answers.iter())
            .filter_map(|a| problem_at.get(a).copied())
            .min();
        match first_problem {
            Some(at) => problems[at].answers.push(entry.card),
            None => kept.push(entry),
        }
    }
    lists.by_category[Category::MakeADifference.index()] = kept;
    lists
}

fn proposals(index: &Index<'_>, order: &[&Card]) -> Vec<Proposal> {
    order
        .iter()
        .filter(|c| c.category == Category::MakeADifference)
        .map(|card| Proposal {
            card: index.view(card),
            answers: (card.answers.iter())
                .filter_map(|a| index.card_pos.get(a))
                .map(|&a| index.views[a].text.clone())
                .collect(),
        })
        .collect()
}

fn groups<E>(index: &Index<'_>, check: &dyn Fn() -> Result<(), E>) -> Result<Vec<GroupCards>, E> {
    let session = index.session;
    let mut groups: Vec<GroupCards> = session
        .groups
        .iter()
        .map(|g| GroupCards {
            name: g.name.clone(),
            notes: g.notes.clone(),
            participant_total: g.participant_total(),
            by_category: Default::default(),
        })
        .collect();
    for (at, card) in session.cards.iter().enumerate() {
        if at % CHECK_EVERY == 0 {
            check()?;
        }
        if let Some(&g) = index.group_pos.get(&card.group) {
            groups[g].by_category[card.category.index()].push(index.view(card));
        }
    }
    Ok(groups)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Card, Theme};
    use std::cell::Cell;

    fn session(cards: usize) -> Session {
        let mut session = Session::new("Cancelling");
        session.themes.push(Theme::new("Money", 0));
        let (group, theme) = (session.groups[0].id, session.themes[0].id);
        for n in 0..cards {
            let category = Category::ALL[n % 3];
            let mut card = Card::new(group, category, format!("Card number {n}"));
            if n % 2 == 0 {
                card.themes.push(theme);
            }
            session.cards.push(card);
        }
        session
    }

    #[test]
    fn a_build_nobody_cancels_is_the_ordinary_summary() {
        let session = session(3_000);
        let options = SummaryOptions::default();
        assert_eq!(
            Summary::build_until(&session, &options, &|| false),
            Some(Summary::build(&session, &options))
        );
    }

    #[test]
    fn a_cancelled_build_stops_part_way_with_nothing() {
        let session = session(3_000);
        let questions = Cell::new(0);
        let cancel_on_third = || {
            questions.set(questions.get() + 1);
            questions.get() >= 3
        };
        let built = Summary::build_until(&session, &SummaryOptions::default(), &cancel_on_third);
        assert_eq!(built, None);
        assert_eq!(
            questions.get(),
            3,
            "it stopped at the first question answered yes"
        );
    }
}
