//! Realistic generated sessions for benchmarks and the `generate` example: sentence-length
//! cards from a phrase bank about personal budgets, all three categories, themes on most
//! cards, links from ideas to the problems they answer, votes, stars and mixed tables.
//! The same spec and seed always give the same session.

#![allow(dead_code)] // Each bench uses only part of this.

mod phrases;

use harvest::model::{Card, CardId, Category, Group, GroupId, Session, Theme, ThemeId};
use phrases::{ENDINGS, OPENINGS, ROLES, TOPICS};
use std::collections::HashMap;

/// What to generate.
#[derive(Clone, Debug)]
pub struct Spec {
    pub groups: usize,
    pub cards: usize,
    pub themes: usize,
    pub seed: u64,
    /// Share of cards given their themes; the rest are left for suggestions.
    pub themed: f64,
}

impl Spec {
    /// A conference-sized session: about fifty cards a table, forty themes, most cards themed.
    pub fn with_cards(cards: usize) -> Self {
        Self {
            groups: cards.div_ceil(50).max(1),
            cards,
            themes: 40,
            seed: DEFAULT_SEED,
            themed: 0.88,
        }
    }
}

pub const DEFAULT_SEED: u64 = 20_261_014;

/// A small, fast generator (SplitMix64): deterministic across platforms and versions,
/// which a library generator need not be.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Self {
        Self(seed)
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    /// A whole number below `n` (n > 0).
    pub fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n as u64) as usize
    }

    /// True with probability `p`.
    pub fn chance(&mut self, p: f64) -> bool {
        ((self.next_u64() >> 11) as f64 / (1u64 << 53) as f64) < p
    }

    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }

    fn id(&mut self) -> u128 {
        (u128::from(self.next_u64()) << 64) | u128::from(self.next_u64())
    }
}

/// The themes a generated session can have, in the order they are made: one per topic,
/// one per card ending ("Rural areas"), then one for each topic's ideas.
fn theme_names(count: usize) -> Vec<String> {
    let topics = TOPICS.iter().map(|t| t.theme.to_owned());
    let endings = ENDINGS.iter().map(|(_, theme, _)| (*theme).to_owned());
    let ideas = TOPICS
        .iter()
        .map(|t| format!("Ideas: {}", t.theme.to_lowercase()));
    let numbered = (1..).map(|n| format!("Theme {n}"));
    topics
        .chain(endings)
        .chain(ideas)
        .chain(numbered)
        .take(count)
        .collect()
}

/// Builds a session to `spec`.
pub fn generate(spec: &Spec) -> Session {
    let mut rng = Rng::new(spec.seed);
    let mut session = Session::new(format!(
        "Generated workshop: {} groups, {} cards",
        spec.groups, spec.cards
    ));
    session.details.venue = "Civic Centre, conference hall".to_owned();
    session.details.date = jiff::civil::date(2026, 10, 14);
    session.details.facilitators = vec!["Amira Khan".to_owned(), "Tom Ellis".to_owned()];
    session.details.targets.make_a_difference = 2;
    session.groups = (0..spec.groups.max(1))
        .map(|n| table(&mut rng, n))
        .collect();
    // Theme ids come from their own stream, so the cards are the same whatever the number
    // of themes (a session with all themes gives the true topic of every card).
    let mut theme_rng = Rng::new(spec.seed ^ 0x7468_656d_6573);
    session.themes = theme_names(spec.themes)
        .into_iter()
        .enumerate()
        .map(|(index, name)| {
            let mut theme = Theme::new(name, index);
            theme.id = ThemeId::from_u128(theme_rng.id());
            theme
        })
        .collect();
    let theme_ids: HashMap<String, ThemeId> = (session.themes.iter())
        .map(|t| (t.name.clone(), t.id))
        .collect();

    let start = jiff::Timestamp::from_second(1_792_000_000).unwrap_or_default();
    // Problems said at each table, by topic, for ideas to answer.
    let mut problems: HashMap<(GroupId, usize), Vec<CardId>> = HashMap::new();
    for index in 0..spec.cards {
        let group = session.groups[rng.below(session.groups.len())].id;
        let category = match rng.below(20) {
            0..=6 => Category::Good,
            7..=14 => Category::NotSoGood,
            _ => Category::MakeADifference,
        };
        let topic_index = rng.below(TOPICS.len());
        let (text, ending) = sentence(&mut rng, topic_index, category);
        let mut card = Card::new(group, category, text);
        card.id = CardId::from_u128(rng.id());
        card.written = start
            .checked_add(jiff::SignedDuration::from_secs(index as i64 * 7))
            .unwrap_or(start);
        card.votes = match rng.below(10) {
            0..=5 => 0,
            6..=8 => rng.below(4) as i32 + 1,
            _ => rng.below(12) as i32 + 1,
        };
        card.starred = rng.chance(0.05);
        if rng.chance(spec.themed) {
            let topic = TOPICS[topic_index].theme;
            let ideas = format!("Ideas: {}", topic.to_lowercase());
            let mut names = vec![topic.to_owned()];
            names.extend(ending.map(|e| ENDINGS[e].1.to_owned()));
            if category == Category::MakeADifference {
                names.push(ideas);
            }
            card.themes = names
                .iter()
                .filter_map(|n| theme_ids.get(n).copied())
                .collect();
        }
        match category {
            Category::NotSoGood => problems
                .entry((group, topic_index))
                .or_default()
                .push(card.id),
            Category::MakeADifference if rng.chance(0.5) => {
                if let Some(answered) = problems.get(&(group, topic_index)) {
                    let first = answered[rng.below(answered.len())];
                    card.answers.push(first);
                    let second = answered[rng.below(answered.len())];
                    if second != first && rng.chance(0.3) {
                        card.answers.push(second);
                    }
                }
            }
            _ => {}
        }
        session.cards.push(card);
    }
    session
}

/// A table with a name, a mix of people and now and then a note.
fn table(rng: &mut Rng, n: usize) -> Group {
    let mut group = Group::new(format!("Table {}", n + 1));
    group.id = GroupId::from_u128(rng.id());
    for role in ROLES {
        let count = rng.below(5) as u32;
        if count > 0 {
            group.participants.insert((*role).to_owned(), count);
        }
    }
    if rng.chance(0.2) {
        group.notes = (*rng.pick(&[
            "Mostly people who use direct payments.",
            "Carers' table; two people joined late.",
            "Providers and commissioners.",
            "Younger adults moving from children's services.",
        ]))
        .to_owned();
    }
    group
}

/// One card's text about a topic, and which ending (if any) it got.
fn sentence(rng: &mut Rng, topic: usize, category: Category) -> (String, Option<usize>) {
    let topic = &TOPICS[topic];
    let frames = match category {
        Category::Good => topic.good,
        Category::NotSoGood => topic.not_so_good,
        Category::MakeADifference => topic.difference,
    };
    let thing = *rng.pick(topic.things);
    let mut text = rng.pick(frames).replacen("{}", thing, 1);
    if text.starts_with(thing) {
        text = capitalise(&text);
    }
    // Ideas are written as proposals, so only what people said gets a "who said it".
    if category != Category::MakeADifference && rng.chance(0.25) {
        text = format!("{}{}", rng.pick(OPENINGS), lower_first(&text));
    }
    let letter = ["G", "N", "M"][category.index()];
    let fitting: Vec<usize> = (0..ENDINGS.len())
        .filter(|&e| ENDINGS[e].2.contains(letter))
        .collect();
    let ending = rng.chance(0.3).then(|| *rng.pick(&fitting));
    if let Some(ending) = ending {
        text.push_str(ENDINGS[ending].0);
    }
    (text, ending)
}

fn capitalise(text: &str) -> String {
    let mut chars = text.chars();
    chars.next().map_or_else(String::new, |first| {
        first.to_uppercase().chain(chars).collect()
    })
}

/// "The bus" → "the bus", but "PA", "NHS" and "I" stay as they are.
fn lower_first(text: &str) -> String {
    let mut chars = text.chars();
    let (Some(first), second) = (chars.next(), chars.next()) else {
        return text.to_owned();
    };
    // "PA", "NHS" and "I" keep their capital.
    if second.is_none_or(|c| c.is_uppercase() || c == ' ') {
        return text.to_owned();
    }
    first
        .to_lowercase()
        .chain(text[first.len_utf8()..].chars())
        .collect()
}
