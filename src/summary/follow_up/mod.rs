//! The "You said, we did" follow-up: per theme, what people said and what is being done about
//! it, then what no action answers yet and how many people volunteered. Built once as plain
//! data from the session and its [`Summary`] (so the themes come in the summary's order, with
//! its quotes), then rendered to Markdown, HTML or Word.
//!
//! Personal data: volunteers are only ever counted here. No name, contact detail, note or
//! "who contacts them" is copied into [`FollowUp`], so no renderer can leak one.

mod docx;
mod html;
mod markdown;

use super::report::{CardView, Counts, Summary};
use super::{DocxError, Format};
use crate::model::people::Status;
use crate::model::{About, Action, ActionStatus, CardId, Category, Rgb, Session, ThemeId};
use jiff::civil::Date;
use std::collections::{HashMap, HashSet};
use std::sync::Arc;

/// How many quotes a theme shows when none of its cards is starred.
const MOST_VOTED: usize = 3;

/// Everything the follow-up says, in the order it says it.
#[derive(Clone, Debug, PartialEq)]
pub struct FollowUp {
    pub title: String,
    /// The day of the workshop.
    pub date: Date,
    /// The day the report was written: "as of 1 December 2026".
    pub as_of: Date,
    /// One section per theme, in the summary's order.
    pub themes: Vec<ThemeFollowUp>,
    /// Actions whose theme or idea is gone, or whose idea has no theme.
    pub other_actions: Vec<ActionView>,
    /// "What would make a difference" cards with no theme that no action answers.
    pub unthemed_ideas: Vec<CardView>,
    pub volunteers: Volunteers,
}

/// One theme: you said, we did.
#[derive(Clone, Debug, PartialEq)]
pub struct ThemeFollowUp {
    pub id: ThemeId,
    pub name: String,
    pub color: Rgb,
    pub counts: Counts,
    /// The starred cards, or else the most-voted few.
    pub quotes: Vec<CardView>,
    /// Actions about the theme, and about its ideas, in the session's order.
    pub actions: Vec<ActionView>,
    /// The theme's ideas that no action answers yet.
    pub open_ideas: Vec<CardView>,
}

/// An action as the report shows it.
#[derive(Clone, Debug, PartialEq)]
pub struct ActionView {
    pub what: String,
    pub owner: String,
    pub status: ActionStatus,
    pub due: Option<Date>,
    pub reason: String,
    /// The latest news of it.
    pub update: String,
    /// The words of the idea it answers, for an action about an idea.
    pub idea: Option<Arc<str>>,
}

/// How many people volunteered, never who.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Volunteers {
    /// People per thing they signed up for: the session's options in order, then anything
    /// else people signed up for; options nobody took are left out.
    pub by_option: Vec<(String, usize)>,
    /// People who withdrew; not counted above.
    pub withdrew: usize,
}

impl FollowUp {
    /// Builds the follow-up from a session and its summary. Pure: `as_of` is passed in, so a
    /// report of the same session on the same day always says the same.
    pub fn build(session: &Session, summary: &Summary, as_of: Date) -> FollowUp {
        let cards: HashMap<CardId, &crate::model::Card> =
            session.cards.iter().map(|c| (c.id, c)).collect();
        let theme_ids: HashSet<ThemeId> = summary.themes.iter().map(|t| t.id).collect();
        let answered: HashSet<CardId> = (session.actions.iter())
            .filter_map(|a| match a.about {
                About::Idea(card) => Some(card),
                About::Theme(_) => None,
            })
            .collect();

        let mut by_theme: HashMap<ThemeId, Vec<ActionView>> = HashMap::new();
        let mut other_actions = Vec::new();
        for action in &session.actions {
            match action.about {
                About::Theme(theme) if theme_ids.contains(&theme) => {
                    by_theme.entry(theme).or_default().push(view(action, None));
                }
                About::Idea(id) => {
                    let Some(card) = cards.get(&id) else {
                        other_actions.push(view(action, None));
                        continue;
                    };
                    let words: Arc<str> = card.text.as_str().into();
                    let mut themes: Vec<ThemeId> = (card.themes.iter().copied())
                        .filter(|t| theme_ids.contains(t))
                        .collect();
                    themes.dedup();
                    if themes.is_empty() {
                        other_actions.push(view(action, Some(words.clone())));
                    }
                    for theme in themes {
                        let list = by_theme.entry(theme).or_default();
                        list.push(view(action, Some(words.clone())));
                    }
                }
                About::Theme(_) => other_actions.push(view(action, None)),
            }
        }

        let themes = (summary.themes.iter())
            .map(|section| {
                let all: Vec<&CardView> = (section.cards.by_category.iter().flatten())
                    .flat_map(|e| std::iter::once(&e.card).chain(&e.answers))
                    .collect();
                ThemeFollowUp {
                    id: section.id,
                    name: section.name.clone(),
                    color: section.color,
                    counts: section.counts,
                    quotes: quotes(&all),
                    actions: by_theme.remove(&section.id).unwrap_or_default(),
                    open_ideas: open_ideas(all.into_iter(), &answered),
                }
            })
            .collect();
        let unthemed = (summary.unthemed.by_category.iter().flatten())
            .flat_map(|e| std::iter::once(&e.card).chain(&e.answers));

        FollowUp {
            title: summary.header.title.clone(),
            date: summary.header.date,
            as_of,
            themes,
            other_actions,
            unthemed_ideas: open_ideas(unthemed, &answered),
            volunteers: volunteers(session),
        }
    }
}

fn view(action: &Action, idea: Option<Arc<str>>) -> ActionView {
    ActionView {
        what: action.what.clone(),
        owner: action.owner.clone(),
        status: action.status,
        due: action.due,
        reason: action.reason.clone(),
        update: action.update.clone(),
        idea,
    }
}

/// The starred cards, most votes first; or, when none is starred, the few with most votes.
fn quotes(cards: &[&CardView]) -> Vec<CardView> {
    let mut starred: Vec<&CardView> = cards.iter().copied().filter(|c| c.starred).collect();
    if starred.is_empty() {
        starred = cards.iter().copied().filter(|c| c.votes > 0).collect();
        starred.sort_by_key(|c| std::cmp::Reverse(c.votes));
        starred.truncate(MOST_VOTED);
    } else {
        starred.sort_by_key(|c| std::cmp::Reverse(c.votes));
    }
    starred.into_iter().cloned().collect()
}

fn open_ideas<'a>(
    cards: impl Iterator<Item = &'a CardView>,
    answered: &HashSet<CardId>,
) -> Vec<CardView> {
    cards
        .filter(|c| c.category == Category::MakeADifference && !answered.contains(&c.id))
        .cloned()
        .collect()
}

/// Counts only: who they are never leaves the register.
fn volunteers(session: &Session) -> Volunteers {
    let mut by_option: Vec<(String, usize)> = (session.details.sign_up_options.iter())
        .map(|o| (o.clone(), 0))
        .collect();
    let mut withdrew = 0;
    for person in &session.people {
        if person.status == Status::Withdrawn {
            withdrew += 1;
            continue;
        }
        let mut seen: Vec<&str> = Vec::new();
        for option in &person.signed_up_for {
            let option = option.trim();
            if option.is_empty() || seen.contains(&option) {
                continue;
            }
            seen.push(option);
            match by_option.iter_mut().find(|(o, _)| o == option) {
                Some((_, n)) => *n += 1,
                None => by_option.push((option.to_owned(), 1)),
            }
        }
    }
    by_option.retain(|(_, n)| *n > 0);
    Volunteers {
        by_option,
        withdrew,
    }
}

/// The wording every format shares.
pub(super) mod wording {
    use super::{ActionStatus, ActionView, Volunteers};
    use jiff::civil::Date;

    pub const YOU_SAID: &str = "You said";
    pub const WE_DID: &str = "We did / we will";
    pub const OPEN_IDEAS: &str = "Ideas with no action yet";
    pub const OTHER_ACTIONS: &str = "Other actions";
    pub const UNTHEMED_IDEAS: &str = "Ideas not yet themed, with no action yet";
    pub const VOLUNTEERS: &str = "Volunteers";
    pub const NO_ACTIONS: &str = "No actions yet.";

    /// "1 December 2026".
    pub fn day(date: Date) -> String {
        date.strftime("%-d %B %Y").to_string()
    }

    /// "Workshop on 14 October 2026, as of 1 December 2026."
    pub fn dates(date: Date, as_of: Date) -> String {
        format!("Workshop on {}, as of {}.", day(date), day(as_of))
    }

    /// "Owner: Council team · In progress · due 1 March 2027", or
    /// "Not doing, because REASON".
    pub fn status(action: &ActionView) -> String {
        let mut parts = Vec::new();
        if !action.owner.trim().is_empty() {
            parts.push(format!("Owner: {}", action.owner.trim()));
        }
        if action.status == ActionStatus::NotDoing {
            let reason = action.reason.trim();
            parts.push(if reason.is_empty() {
                "Not doing".to_owned()
            } else {
                format!("Not doing, because {reason}")
            });
        } else {
            parts.push(action.status.label().to_owned());
            if let Some(due) = action.due {
                parts.push(format!("due {}", day(due)));
            }
        }
        parts.join(" · ")
    }

    /// "Latest: …", when there is news.
    pub fn update(action: &ActionView) -> Option<String> {
        let update = action.update.trim();
        (!update.is_empty()).then(|| format!("Latest: {update}"))
    }

    /// "About the idea: …", for an action about an idea.
    pub fn idea(action: &ActionView) -> Option<String> {
        action
            .idea
            .as_ref()
            .map(|words| format!("About the idea: {}", words.trim()))
    }

    /// "8 people volunteered for Steering group", then "1 withdrew"; counts only.
    pub fn volunteers(volunteers: &Volunteers) -> Vec<String> {
        let mut lines: Vec<String> = (volunteers.by_option.iter())
            .map(|(option, n)| {
                let who = if *n == 1 {
                    "1 person".to_owned()
                } else {
                    format!("{n} people")
                };
                format!("{who} volunteered for {option}")
            })
            .collect();
        if lines.is_empty() {
            lines.push("No one has volunteered yet".to_owned());
        }
        if volunteers.withdrew > 0 {
            lines.push(format!("{} withdrew", volunteers.withdrew));
        }
        lines
    }
}

/// Renders a follow-up. CSV is not one of its formats: None then.
pub fn render(format: Format, follow_up: &FollowUp) -> Option<Result<Vec<u8>, DocxError>> {
    Some(match format {
        Format::Markdown => Ok(markdown::render(follow_up).into_bytes()),
        Format::Html => Ok(html::render(follow_up).into_bytes()),
        Format::Docx => docx::render(follow_up),
        Format::Csv => return None,
    })
}
