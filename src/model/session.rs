use super::{Action, ActionId, Card, CardId, Category, Changes, Group, GroupId, Person, PersonId};
use super::{Phase, PhaseTimer, Theme, ThemeId};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// Everything captured at one workshop.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
// A field name the format does not know is damage, not something to drop in silence.
#[serde(deny_unknown_fields)]
pub struct Session {
    pub details: Details,
    /// Groups in the order they are shown.
    pub groups: Vec<Group>,
    /// Themes in the order they were made.
    pub themes: Vec<Theme>,
    /// Cards in display order: within one group and category, earlier cards come first.
    pub cards: Vec<Card>,
    /// What was deleted, and the changes it had seen then: so a merge keeps it deleted
    /// rather than bringing back a copy nobody changed.
    #[serde(skip_serializing_if = "Deleted::is_empty")]
    pub deleted: Deleted,
    /// For a table laptop's copy: the group it captures for, which it opens on. Where a file
    /// opens, not what it says, so merging keeps the one of the file merged into.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub table: Option<GroupId>,
    /// What the phase timer recorded on the day.
    #[serde(skip_serializing_if = "PhaseTimer::is_unused")]
    pub timer: PhaseTimer,
    /// The volunteer register, in the order people were added. Personal data: see
    /// [`super::people`].
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub people: Vec<Person>,
    /// What will be done about the themes and ideas, in the order they were added.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub actions: Vec<Action>,
}

/// Deletion markers: per id, the item's changes up to and including its deletion.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
#[serde(deny_unknown_fields)]
pub struct Deleted {
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    pub groups: BTreeMap<GroupId, Changes>,
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    pub themes: BTreeMap<ThemeId, Changes>,
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    pub cards: BTreeMap<CardId, Changes>,
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    pub people: BTreeMap<PersonId, Changes>,
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    pub actions: BTreeMap<ActionId, Changes>,
}

impl Deleted {
    pub fn is_empty(&self) -> bool {
        *self == Self::default()
    }

    /// Every marker either has, each having seen the changes of both.
    pub fn join(&mut self, other: &Deleted) {
        fn join_map<K: Ord + Copy>(into: &mut BTreeMap<K, Changes>, from: &BTreeMap<K, Changes>) {
            for (id, changes) in from {
                into.entry(*id).or_default().join(changes);
            }
        }
        join_map(&mut self.groups, &other.groups);
        join_map(&mut self.themes, &other.themes);
        join_map(&mut self.cards, &other.cards);
        join_map(&mut self.people, &other.people);
        join_map(&mut self.actions, &other.actions);
    }
}

impl Default for Session {
    fn default() -> Self {
        Self {
            details: Details::default(),
            groups: vec![Group::new("Group 1")],
            themes: Vec::new(),
            cards: Vec::new(),
            deleted: Deleted::default(),
            table: None,
            timer: PhaseTimer::default(),
            people: Vec::new(),
            actions: Vec::new(),
        }
    }
}

/// What the session is: shown in the window title and at the top of every summary.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
// A field name the format does not know is damage, not something to drop in silence.
#[serde(deny_unknown_fields)]
pub struct Details {
    pub title: String,
    pub date: jiff::civil::Date,
    pub venue: String,
    pub facilitators: Vec<String>,
    pub notes: String,
    /// How many cards of each category every group is asked for.
    pub targets: Targets,
    /// The kinds of people taking part, in the order they are listed.
    pub roles: Vec<String>,
    /// The parts of the workshop in order, with their planned minutes.
    pub agenda: Vec<Phase>,
    /// What volunteers can sign up for, in the order offered.
    pub sign_up_options: Vec<String>,
    /// The consent wording volunteers agree to: who is asking, for what, how long their
    /// details are kept, how to withdraw.
    pub consent: String,
    /// After this date contact details are to be erased; Harvest offers to when it is past.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub keep_until: Option<jiff::civil::Date>,
    /// Names redacted exports take out wherever they appear, besides the volunteers' and
    /// the facilitators': people mentioned who are in neither list.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub names_to_hide: Vec<String>,
    /// Per field, who changed it and when: details merge field by field, the later change
    /// winning.
    #[serde(skip_serializing_if = "DetailsChanges::is_empty")]
    pub changed: DetailsChanges,
}

/// The changes of each field of [`Details`].
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
#[serde(deny_unknown_fields)]
pub struct DetailsChanges {
    #[serde(skip_serializing_if = "Changes::is_empty")]
    pub title: Changes,
    #[serde(skip_serializing_if = "Changes::is_empty")]
    pub date: Changes,
    #[serde(skip_serializing_if = "Changes::is_empty")]
    pub venue: Changes,
    #[serde(skip_serializing_if = "Changes::is_empty")]
    pub facilitators: Changes,
    #[serde(skip_serializing_if = "Changes::is_empty")]
    pub notes: Changes,
    #[serde(skip_serializing_if = "Changes::is_empty")]
    pub targets: Changes,
    #[serde(skip_serializing_if = "Changes::is_empty")]
    pub roles: Changes,
    #[serde(skip_serializing_if = "Changes::is_empty")]
    pub agenda: Changes,
    #[serde(skip_serializing_if = "Changes::is_empty")]
    pub sign_up_options: Changes,
    #[serde(skip_serializing_if = "Changes::is_empty")]
    pub consent: Changes,
    #[serde(skip_serializing_if = "Changes::is_empty")]
    pub keep_until: Changes,
    #[serde(skip_serializing_if = "Changes::is_empty")]
    pub names_to_hide: Changes,
}

impl DetailsChanges {
    pub fn is_empty(&self) -> bool {
        *self == Self::default()
    }
}

impl Default for Details {
    fn default() -> Self {
        Self {
            title: "Untitled workshop".to_owned(),
            date: jiff::Zoned::now().date(),
            venue: String::new(),
            facilitators: Vec::new(),
            notes: String::new(),
            targets: Targets::default(),
            roles: default_roles(),
            agenda: super::default_agenda(),
            sign_up_options: default_sign_up_options(),
            consent: super::people::default_consent(),
            keep_until: None,
            names_to_hide: Vec::new(),
            changed: DetailsChanges::default(),
        }
    }
}

fn default_sign_up_options() -> Vec<String> {
    ["Steering group", "Future events"]
        .map(String::from)
        .to_vec()
}

fn default_roles() -> Vec<String> {
    [
        "Service users",
        "Carers",
        "Social workers",
        "Providers",
        "Others",
    ]
    .map(String::from)
    .to_vec()
}

/// Cards asked of each group, per category. Zero means "no target".
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(default)]
// A field name the format does not know is damage, not something to drop in silence.
#[serde(deny_unknown_fields)]
pub struct Targets {
    pub good: u32,
    pub not_so_good: u32,
    pub make_a_difference: u32,
}

impl Default for Targets {
    fn default() -> Self {
        Self {
            good: 3,
            not_so_good: 3,
            make_a_difference: 0,
        }
    }
}

impl Targets {
    /// What a new session asks of each group: three good, three not so good, two ideas. A file
    /// that leaves its targets out keeps [`Targets::default`], as older files always have.
    pub const NEW_SESSION: Targets = Targets {
        good: 3,
        not_so_good: 3,
        make_a_difference: 2,
    };

    pub fn get(&self, category: Category) -> u32 {
        match category {
            Category::Good => self.good,
            Category::NotSoGood => self.not_so_good,
            Category::MakeADifference => self.make_a_difference,
        }
    }

    pub fn get_mut(&mut self, category: Category) -> &mut u32 {
        match category {
            Category::Good => &mut self.good,
            Category::NotSoGood => &mut self.not_so_good,
            Category::MakeADifference => &mut self.make_a_difference,
        }
    }
}

impl Session {
    /// A fresh session with one empty group, ready for typing, with the targets new sessions
    /// start with.
    pub fn new(title: impl Into<String>) -> Self {
        let mut session = Self::default();
        session.details.title = title.into();
        session.details.targets = Targets::NEW_SESSION;
        session
    }

    pub fn group(&self, id: GroupId) -> Option<&Group> {
        self.groups.iter().find(|g| g.id == id)
    }

    pub fn group_index(&self, id: GroupId) -> Option<usize> {
        self.groups.iter().position(|g| g.id == id)
    }

    pub fn card(&self, id: CardId) -> Option<&Card> {
        self.cards.iter().find(|c| c.id == id)
    }

    pub fn card_index(&self, id: CardId) -> Option<usize> {
        self.cards.iter().position(|c| c.id == id)
    }

    pub fn theme(&self, id: ThemeId) -> Option<&Theme> {
        self.themes.iter().find(|t| t.id == id)
    }

    pub fn theme_index(&self, id: ThemeId) -> Option<usize> {
        self.themes.iter().position(|t| t.id == id)
    }

    pub fn person(&self, id: PersonId) -> Option<&Person> {
        self.people.iter().find(|p| p.id == id)
    }

    pub fn action(&self, id: ActionId) -> Option<&Action> {
        self.actions.iter().find(|a| a.id == id)
    }

    /// The cards of one group and category, in display order.
    pub fn cards_in(&self, group: GroupId, category: Category) -> impl Iterator<Item = &Card> {
        self.cards
            .iter()
            .filter(move |c| c.group == group && c.category == category)
    }

    /// Where in the card list a card goes to land at `position` within a group's column.
    /// `moving` is the card being moved, if any: it is left out, as [`crate::edit::Edit::MoveCard`]
    /// takes it out before putting it back.
    pub fn column_insert_index(
        &self,
        group: GroupId,
        category: Category,
        position: usize,
        moving: Option<CardId>,
    ) -> usize {
        let mut seen = 0;
        let mut after_last = None;
        let others = self.cards.iter().filter(|c| Some(c.id) != moving);
        for (index, card) in others.enumerate() {
            if card.group == group && card.category == category {
                if seen == position {
                    return index;
                }
                seen += 1;
                after_last = Some(index + 1);
            }
        }
        let len = self.cards.len() - usize::from(moving.is_some_and(|id| self.card(id).is_some()));
        after_last.unwrap_or(len)
    }

    /// The group's name, or a placeholder for a card whose group has gone.
    pub fn group_name(&self, id: GroupId) -> &str {
        self.group(id)
            .map_or("(unknown group)", |g| g.name.as_str())
    }

    /// Everyone who took part, per role, in the order of the session's role list
    /// (roles only found in groups come after).
    pub fn participant_totals(&self) -> Vec<(String, u32)> {
        let mut totals: Vec<(String, u32)> =
            self.details.roles.iter().map(|r| (r.clone(), 0)).collect();
        for group in &self.groups {
            for (role, count) in &group.participants {
                match totals.iter_mut().find(|(r, _)| r == role) {
                    Some((_, total)) => *total += count,
                    None => totals.push((role.clone(), *count)),
                }
            }
        }
        totals
    }

    /// The cards with other versions still to choose between.
    pub fn conflicts(&self) -> impl Iterator<Item = &Card> {
        self.cards.iter().filter(|c| !c.others.is_empty())
    }

    /// A name for a new group that no group has yet ("Group 7").
    pub fn next_group_name(&self) -> String {
        (self.groups.len() + 1..)
            .map(|n| format!("Group {n}"))
            .find(|name| self.groups.iter().all(|g| &g.name != name))
            .unwrap_or_default()
    }
}
