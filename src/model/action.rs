//! Actions: what will be done about a theme or an idea, by whom and by when. What a
//! "You said, we did" report tells people happened to what they said.

use super::{ActionId, CardId, Changes, ThemeId};
use jiff::civil::Date;
use serde::{Deserialize, Serialize};

/// One thing someone will do.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
#[serde(deny_unknown_fields)]
pub struct Action {
    pub id: ActionId,
    /// The theme or idea it answers.
    pub about: About,
    /// What will be done.
    pub what: String,
    pub owner: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub due: Option<Date>,
    pub status: ActionStatus,
    /// Why it will not be done, for [`ActionStatus::NotDoing`].
    #[serde(skip_serializing_if = "String::is_empty")]
    pub reason: String,
    /// The latest news of it, in a line or two.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub update: String,
    #[serde(skip_serializing_if = "Changes::is_empty")]
    pub changed: Changes,
}

/// What an action answers.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum About {
    Theme(ThemeId),
    /// A "What would make a difference" card.
    Idea(CardId),
}

/// How far an action has got.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
pub enum ActionStatus {
    #[default]
    Planned,
    InProgress,
    Done,
    /// Decided against, with the reason given.
    NotDoing,
}

impl ActionStatus {
    pub const ALL: [ActionStatus; 4] = [
        ActionStatus::Planned,
        ActionStatus::InProgress,
        ActionStatus::Done,
        ActionStatus::NotDoing,
    ];

    pub fn label(self) -> &'static str {
        match self {
            ActionStatus::Planned => "Planned",
            ActionStatus::InProgress => "In progress",
            ActionStatus::Done => "Done",
            ActionStatus::NotDoing => "Not doing",
        }
    }

    /// Reads a status as people write it: any case, spaces, dashes or underscores.
    pub fn parse(text: &str) -> Option<ActionStatus> {
        let key = |s: &str| {
            s.chars()
                .filter(|c| c.is_alphanumeric())
                .flat_map(char::to_lowercase)
                .collect::<String>()
        };
        let wanted = key(text);
        ActionStatus::ALL
            .into_iter()
            .find(|status| key(status.label()) == wanted)
    }

    /// Whether it is still to be finished.
    pub fn is_open(self) -> bool {
        matches!(self, ActionStatus::Planned | ActionStatus::InProgress)
    }
}

impl Default for Action {
    fn default() -> Self {
        Self {
            id: ActionId::new(),
            about: About::Theme(ThemeId::from_u128(0)),
            what: String::new(),
            owner: String::new(),
            due: None,
            status: ActionStatus::Planned,
            reason: String::new(),
            update: String::new(),
            changed: Changes::default(),
        }
    }
}

impl Action {
    pub fn new(about: About, what: impl Into<String>) -> Self {
        Self {
            about,
            what: what.into(),
            ..Self::default()
        }
    }

    /// Its due date is past and it is not finished.
    pub fn is_overdue(&self, today: Date) -> bool {
        self.status.is_open() && self.due.is_some_and(|due| due < today)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    #[test]
    fn statuses_read_as_people_write_them() {
        assert_eq!(
            ActionStatus::parse("in progress"),
            Some(ActionStatus::InProgress)
        );
        assert_eq!(
            ActionStatus::parse("In-Progress"),
            Some(ActionStatus::InProgress)
        );
        assert_eq!(
            ActionStatus::parse("NOT_DOING"),
            Some(ActionStatus::NotDoing)
        );
        assert_eq!(ActionStatus::parse("done"), Some(ActionStatus::Done));
        assert_eq!(ActionStatus::parse("maybe"), None);
    }

    #[test]
    fn only_unfinished_actions_past_their_date_are_overdue() {
        let mut action = Action::new(About::Theme(ThemeId::new()), "Publish a guide");
        assert!(
            !action.is_overdue(date(2030, 1, 1)),
            "no due date: never late"
        );
        action.due = Some(date(2026, 12, 1));
        assert!(!action.is_overdue(date(2026, 12, 1)));
        assert!(action.is_overdue(date(2026, 12, 2)));
        action.status = ActionStatus::Done;
        assert!(!action.is_overdue(date(2026, 12, 2)));
        action.status = ActionStatus::NotDoing;
        assert!(!action.is_overdue(date(2026, 12, 2)));
    }
}
