//! The Easy Read report: what people said, in plain words, for people who use care and
//! support. It follows the Easy Read guidance (Department of Health, Mencap): short plain
//! sentences, one idea per line, large clear text and a picture beside every point.
//!
//! Built once as plain data from the session (the themes in the summary's order), then
//! rendered as a web page or a Word document. A card's and a theme's "easy words" are used
//! where they are set. Only a few points per part are shown, so the report stays short.
//!
//! Personal data: only the cards, the themes, the event's title, date and venue and the
//! number of people and groups are read. No volunteer, facilitator or note reaches
//! [`EasyRead`], so no renderer can leak one.

mod docx;
mod html;

use super::report::Summary;
use super::{DocxError, Format, SummaryOptions};
use crate::model::{Card, CardId, Category, Rgb, Session, ThemeId};
use jiff::civil::Date;
use std::collections::HashMap;

/// How many points each part of a theme shows at most.
pub const POINTS_PER_PART: usize = 3;

/// Cards with more words than this are hard to read: the app asks for easy words for them.
pub const LONG_CARD_WORDS: usize = 15;

/// Whether some words are too long for Easy Read as they are: more than [`LONG_CARD_WORDS`].
pub fn is_long(text: &str) -> bool {
    text.split_whitespace().count() > LONG_CARD_WORDS
}

/// Everything the Easy Read report says, in the order it says it.
#[derive(Clone, Debug, PartialEq)]
pub struct EasyRead {
    pub title: String,
    pub date: Date,
    pub venue: String,
    /// How many people came, counted over the groups.
    pub people: u32,
    pub groups: usize,
    /// The themes people said something about, in the summary's order.
    pub themes: Vec<EasyTheme>,
    /// How many cards have no theme: left out, and said so.
    pub left_out: usize,
}

/// One theme: its heading in plain words, then up to three points per category.
#[derive(Clone, Debug, PartialEq)]
pub struct EasyTheme {
    pub id: ThemeId,
    /// The theme's easy words, or its name.
    pub heading: String,
    pub color: Rgb,
    /// The categories with something to say, in category order.
    pub parts: Vec<Part>,
}

/// What people said in one category about one theme.
#[derive(Clone, Debug, PartialEq)]
pub struct Part {
    pub category: Category,
    /// At most [`POINTS_PER_PART`], each on one line: starred first, then most votes, then
    /// the order they were written down.
    pub points: Vec<Point>,
}

/// One point: a card's words as the report shows them.
#[derive(Clone, Debug, PartialEq)]
pub struct Point {
    /// The card it comes from, so the app can offer to write it in easy words.
    pub card: CardId,
    /// The card's easy words, or its own words, on one line.
    pub words: String,
}

impl EasyRead {
    /// Builds the report from a session. Pure: the same session always says the same.
    pub fn build(session: &Session) -> EasyRead {
        let summary = Summary::build(session, &SummaryOptions::default());
        let themes_by_id: HashMap<ThemeId, &crate::model::Theme> =
            session.themes.iter().map(|t| (t.id, t)).collect();

        // Starred first, most votes, then capture order (the sort is stable).
        let mut order: Vec<&Card> = session.cards.iter().collect();
        order.sort_by_key(|c| (!c.starred, std::cmp::Reverse(c.votes)));

        let mut per_theme: HashMap<ThemeId, [Vec<Point>; 3]> = HashMap::new();
        let mut left_out = 0;
        for card in order {
            let mut themes: Vec<ThemeId> = (card.themes.iter().copied())
                .filter(|t| themes_by_id.contains_key(t))
                .collect();
            if themes.is_empty() {
                left_out += 1;
                continue;
            }
            let Some(words) = words_of(card) else {
                continue;
            };
            let mut seen = Vec::with_capacity(themes.len());
            themes.retain(|t| {
                let new = !seen.contains(t);
                seen.push(*t);
                new
            });
            for theme in themes {
                let points = &mut per_theme.entry(theme).or_default()[card.category.index()];
                if points.len() < POINTS_PER_PART {
                    points.push(Point {
                        card: card.id,
                        words: words.clone(),
                    });
                }
            }
        }

        let themes = (summary.themes.iter())
            .filter_map(|section| {
                let theme = themes_by_id.get(&section.id)?;
                let points = per_theme.remove(&section.id)?;
                let parts: Vec<Part> = (Category::ALL.into_iter().zip(points))
                    .filter(|(_, points)| !points.is_empty())
                    .map(|(category, points)| Part { category, points })
                    .collect();
                Some(EasyTheme {
                    id: section.id,
                    heading: one_line(if theme.easy_words.trim().is_empty() {
                        &theme.name
                    } else {
                        &theme.easy_words
                    }),
                    color: theme.color,
                    parts,
                })
            })
            .collect();

        let header = &summary.header;
        EasyRead {
            title: one_line(&header.title),
            date: header.date,
            venue: one_line(&header.venue),
            people: header.participant_total,
            groups: header.groups,
            themes,
            left_out,
        }
    }
}

/// The card's easy words, or its words; None when it says nothing.
fn words_of(card: &Card) -> Option<String> {
    let words = if card.easy_words.trim().is_empty() {
        &card.text
    } else {
        &card.easy_words
    };
    let words = one_line(words);
    (!words.is_empty()).then_some(words)
}

/// Text on one line: one idea per line, whatever breaks were typed.
fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The wording both formats (and the app's Easy words screen) share.
pub mod wording {
    use super::{Category, EasyRead};

    pub const ABOUT: &str = "About the event";

    /// "What people said at Carers' forum".
    pub fn title(report: &EasyRead) -> String {
        if report.title.is_empty() {
            "What people said at the event".to_owned()
        } else {
            format!("What people said at {}", report.title)
        }
    }

    /// The event in a few short sentences, one idea each.
    pub fn about(report: &EasyRead) -> Vec<String> {
        let mut lines = vec![format!(
            "The event was on {}.",
            report.date.strftime("%A %-d %B %Y")
        )];
        if !report.venue.is_empty() {
            lines.push(format!("It was at {}.", report.venue));
        }
        match report.people {
            0 => {}
            1 => lines.push("1 person came.".to_owned()),
            n => lines.push(format!("{n} people came.")),
        }
        match report.groups {
            0 => {}
            1 => lines.push("People talked together in 1 group.".to_owned()),
            n => lines.push(format!("People talked in {n} groups.")),
        }
        lines.push("This report tells you the main things people said.".to_owned());
        lines
    }

    /// The heading over a category's points.
    pub fn part(category: Category) -> &'static str {
        match category {
            Category::Good => "What was good",
            Category::NotSoGood => "What was not so good",
            Category::MakeADifference => "What people want to change",
        }
    }

    /// What the picture beside a point shows, for people who cannot see it.
    pub fn picture(category: Category) -> &'static str {
        match category {
            Category::Good => "Good: a happy face",
            Category::NotSoGood => "Not so good: a sad face",
            Category::MakeADifference => "An idea to change things: a light bulb",
        }
    }

    /// "We left out 3 things people said, because they did not fit a topic."
    pub fn left_out(report: &EasyRead) -> Option<String> {
        match report.left_out {
            0 => None,
            1 => Some("We left out 1 thing people said, because it did not fit a topic.".into()),
            n => Some(format!(
                "We left out {n} things people said, because they did not fit a topic."
            )),
        }
    }

    /// The heading over [`left_out`].
    pub const LEFT_OUT: &str = "Things we left out";

    /// When no theme has anything to show.
    pub const NO_THEMES: &str = "Nothing has been put into topics yet.";
}

/// The pictures, one per category, as bundled.
pub(super) mod pictures {
    use super::Category;

    /// For the web page: drawn inline, each with its own text alternative.
    pub fn svg(category: Category) -> &'static str {
        match category {
            Category::Good => include_str!("../../../assets/icons/good.svg"),
            Category::NotSoGood => include_str!("../../../assets/icons/not-so-good.svg"),
            Category::MakeADifference => {
                include_str!("../../../assets/icons/make-a-difference.svg")
            }
        }
    }

    /// For Word: the same pictures as PNG.
    pub fn png(category: Category) -> &'static [u8] {
        match category {
            Category::Good => include_bytes!("../../../assets/icons/good.png"),
            Category::NotSoGood => include_bytes!("../../../assets/icons/not-so-good.png"),
            Category::MakeADifference => {
                include_bytes!("../../../assets/icons/make-a-difference.png")
            }
        }
    }

    /// The picture's file name inside the Word package.
    pub fn file_name(category: Category) -> &'static str {
        match category {
            Category::Good => "good.png",
            Category::NotSoGood => "not-so-good.png",
            Category::MakeADifference => "make-a-difference.png",
        }
    }
}

/// Renders the report. It is a document to read: only HTML and Word; None otherwise.
pub fn render(format: Format, report: &EasyRead) -> Option<Result<Vec<u8>, DocxError>> {
    Some(match format {
        Format::Html => Ok(html::render(report).into_bytes()),
        Format::Docx => docx::render(report),
        Format::Markdown | Format::Csv => return None,
    })
}
