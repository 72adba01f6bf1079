//! Groups and themes that are the same although their ids differ: two laptops that each made
//! "Carers" made one theme. The one with the smaller id stands for all of them, so whichever
//! order files are merged in, the same id is kept, and merging again finds the same match.

use crate::model::{About, Action, Card, GroupId, Person, Session, ThemeId};
use std::collections::{BTreeMap, HashMap};

/// Where each group and theme id goes in the merged session.
#[derive(Default)]
pub(super) struct Identity {
    groups: HashMap<GroupId, GroupId>,
    themes: HashMap<ThemeId, ThemeId>,
}

impl Identity {
    /// Matches the groups and themes of all `sessions` by the name they were made with.
    pub(super) fn of(sessions: &[&Session]) -> Self {
        let mut group_keys: BTreeMap<String, GroupId> = BTreeMap::new();
        let mut theme_keys: BTreeMap<String, ThemeId> = BTreeMap::new();
        for session in sessions {
            for group in &session.groups {
                let id = group_keys.entry(group.match_key()).or_insert(group.id);
                *id = (*id).min(group.id);
            }
            for theme in &session.themes {
                let id = theme_keys.entry(theme.match_key()).or_insert(theme.id);
                *id = (*id).min(theme.id);
            }
        }
        let mut identity = Identity::default();
        for session in sessions {
            for group in &session.groups {
                identity
                    .groups
                    .insert(group.id, group_keys[&group.match_key()]);
            }
            for theme in &session.themes {
                identity
                    .themes
                    .insert(theme.id, theme_keys[&theme.match_key()]);
            }
        }
        identity
    }

    pub(super) fn group(&self, id: GroupId) -> GroupId {
        self.groups.get(&id).copied().unwrap_or(id)
    }

    pub(super) fn theme(&self, id: ThemeId) -> ThemeId {
        self.themes.get(&id).copied().unwrap_or(id)
    }

    /// The person as they read in the merged session: their table under its kept id.
    pub(super) fn person(&self, person: &Person) -> Person {
        Person {
            group: person.group.map(|g| self.group(g)),
            ..person.clone()
        }
    }

    /// The action as it reads in the merged session: its theme under its kept id.
    pub(super) fn action(&self, action: &Action) -> Action {
        let about = match action.about {
            About::Theme(theme) => About::Theme(self.theme(theme)),
            idea @ About::Idea(_) => idea,
        };
        Action {
            about,
            ..action.clone()
        }
    }

    /// The card as it reads in the merged session: its group and themes under their kept
    /// ids, each theme once.
    pub(super) fn card(&self, card: &Card) -> Card {
        let mut card = card.clone();
        card.group = self.group(card.group);
        let mut themes = Vec::with_capacity(card.themes.len());
        for theme in &card.themes {
            let kept = self.theme(*theme);
            if !themes.contains(&kept) {
                themes.push(kept);
            }
        }
        card.themes = themes;
        for other in &mut card.others {
            other.card = self.card(&other.card);
        }
        card
    }
}
