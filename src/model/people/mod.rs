//! The volunteer register: who put their name down, how to reach them, and whether anyone
//! has yet. Personal data: it stays in the session file and the register's own export, and
//! never reaches a published report (those count people, never name them).

mod consent;

pub use consent::default_consent;

use super::{Changes, GroupId, PersonId};
use jiff::ToSpan;
use jiff::civil::Date;
use serde::{Deserialize, Serialize};

/// Days from signing up to the first contact, unless someone says otherwise.
pub const FIRST_CONTACT_DAYS: i64 = 7;

/// One person who put their name down.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
#[serde(deny_unknown_fields)]
pub struct Person {
    pub id: PersonId,
    pub name: String,
    pub contact: Contact,
    /// What they signed up for, from the session's list ([`super::Details::sign_up_options`]).
    pub signed_up_for: Vec<String>,
    /// The table they sat at.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub group: Option<GroupId>,
    pub signed_up: Date,
    /// They agreed to the session's consent wording ([`super::Details::consent`]).
    pub consent: bool,
    pub status: Status,
    /// Who will get in touch with them.
    pub contact_by: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub last_contact: Option<Date>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub next_contact: Option<Date>,
    pub notes: String,
    #[serde(skip_serializing_if = "Changes::is_empty")]
    pub changed: Changes,
}

/// How to reach someone: any of these will do.
#[derive(Clone, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(default)]
#[serde(deny_unknown_fields)]
pub struct Contact {
    #[serde(skip_serializing_if = "String::is_empty")]
    pub email: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub phone: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub post: String,
    /// A named worker who passes messages on, for someone with no contact of their own.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub via_worker: String,
}

impl Contact {
    /// Whether there is any way to reach them.
    pub fn is_empty(&self) -> bool {
        [&self.email, &self.phone, &self.post, &self.via_worker]
            .iter()
            .all(|field| field.trim().is_empty())
    }

    /// The ways to reach them, one short line.
    pub fn summary(&self) -> String {
        let ways = [
            ("", &self.email),
            ("", &self.phone),
            ("post: ", &self.post),
            ("via ", &self.via_worker),
        ];
        (ways.iter())
            .filter(|(_, value)| !value.trim().is_empty())
            .map(|(label, value)| format!("{label}{}", value.trim().replace('\n', ", ")))
            .collect::<Vec<_>>()
            .join("; ")
    }
}

/// Where following someone up has got to.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
pub enum Status {
    #[default]
    New,
    Contacted,
    Joined,
    Declined,
    /// They asked to be taken off: their details are gone, only the count remains.
    Withdrawn,
}

impl Status {
    pub const ALL: [Status; 5] = [
        Status::New,
        Status::Contacted,
        Status::Joined,
        Status::Declined,
        Status::Withdrawn,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Status::New => "New",
            Status::Contacted => "Contacted",
            Status::Joined => "Joined",
            Status::Declined => "Declined",
            Status::Withdrawn => "Withdrawn",
        }
    }

    /// Reads a status as people write it: any case.
    pub fn parse(text: &str) -> Option<Status> {
        let key = text.trim().to_lowercase();
        Status::ALL
            .into_iter()
            .find(|status| status.label().to_lowercase() == key)
    }

    /// Whether they are still waiting to hear from someone.
    pub fn awaits_contact(self) -> bool {
        matches!(self, Status::New | Status::Contacted)
    }
}

impl Default for Person {
    fn default() -> Self {
        Self {
            id: PersonId::new(),
            name: String::new(),
            contact: Contact::default(),
            signed_up_for: Vec::new(),
            group: None,
            signed_up: Date::default(),
            consent: false,
            status: Status::New,
            contact_by: String::new(),
            last_contact: None,
            next_contact: None,
            notes: String::new(),
            changed: Changes::default(),
        }
    }
}

impl Person {
    /// Someone who signed up on `date`, to be contacted a week later.
    pub fn new(name: impl Into<String>, date: Date) -> Self {
        Self {
            name: name.into(),
            signed_up: date,
            next_contact: Some(first_contact(date)),
            ..Self::default()
        }
    }

    /// Their next contact is past and nobody has settled things with them yet.
    pub fn is_overdue(&self, today: Date) -> bool {
        self.status.awaits_contact() && self.next_contact.is_some_and(|due| due < today)
    }

    /// How long they have waited since they last heard from anyone (or signed up).
    pub fn days_waiting(&self, today: Date) -> i64 {
        let since = self.last_contact.unwrap_or(self.signed_up);
        (today - since).get_days().into()
    }

    /// Whether anything here would tell who they are or how to reach them.
    pub fn holds_details(&self) -> bool {
        !self.name.trim().is_empty() || !self.contact.is_empty() || !self.notes.trim().is_empty()
    }

    /// The same person with everything that identifies them gone: what stays is anonymous
    /// (what they signed up for, their table and dates), so they are still counted.
    pub fn erased(&self) -> Person {
        Person {
            name: String::new(),
            contact: Contact::default(),
            notes: String::new(),
            ..self.clone()
        }
    }

    /// The name to show: an erased person has none.
    pub fn shown_name(&self) -> &str {
        if self.name.trim().is_empty() {
            "(details erased)"
        } else {
            self.name.trim()
        }
    }
}

/// When someone who signed up on `date` is first due a call.
pub fn first_contact(date: Date) -> Date {
    date.checked_add(FIRST_CONTACT_DAYS.days()).unwrap_or(date)
}

/// What opening a session says about the register: how many wait to hear back, and the
/// longest wait. None when nobody is overdue.
pub fn overdue_notice(people: &[Person], today: Date) -> Option<String> {
    let overdue: Vec<&Person> = people.iter().filter(|p| p.is_overdue(today)).collect();
    let longest = overdue.iter().map(|p| p.days_waiting(today)).max()?;
    let days = match longest {
        1 => "1 day".to_owned(),
        n => format!("{n} days"),
    };
    Some(match overdue.len() {
        1 => format!("1 person is waiting to hear back, for {days}"),
        n => format!("{n} people are waiting to hear back; the longest for {days}"),
    })
}

#[cfg(test)]
mod tests;
