//! Groups, themes and the session's details: no conflicts to keep, the later change wins.
//!
//! Each keeps the changes of every version it has met (so a deletion marker can tell whether
//! it has seen them all) and the content of the latest one. "Latest" is by the time of the
//! last change, which never goes back along one history (see [`Changes::bump`]), so a
//! version built on another always wins over it.

use crate::model::{Action, Changes, Details, DetailsChanges, Group, Person, PhaseTimer, Theme};
use std::cmp::Ordering;

/// Something merged by "the later change wins".
pub(super) trait Register: Clone {
    fn changes(&self) -> &Changes;
    fn changes_mut(&mut self) -> &mut Changes;
    /// Decides between versions changed at the same moment, the same way on every laptop.
    fn tie_break(&self, other: &Self) -> Ordering;
}

impl Register for Group {
    fn changes(&self) -> &Changes {
        &self.changed
    }
    fn changes_mut(&mut self) -> &mut Changes {
        &mut self.changed
    }
    fn tie_break(&self, other: &Self) -> Ordering {
        (&self.name, &self.notes, &self.participants, &self.made_as).cmp(&(
            &other.name,
            &other.notes,
            &other.participants,
            &other.made_as,
        ))
    }
}

impl Register for Theme {
    fn changes(&self) -> &Changes {
        &self.changed
    }
    fn changes_mut(&mut self) -> &mut Changes {
        &mut self.changed
    }
    fn tie_break(&self, other: &Self) -> Ordering {
        (&self.name, self.color.to_hex(), &self.made_as).cmp(&(
            &other.name,
            other.color.to_hex(),
            &other.made_as,
        ))
    }
}

impl Register for Person {
    fn changes(&self) -> &Changes {
        &self.changed
    }
    fn changes_mut(&mut self) -> &mut Changes {
        &mut self.changed
    }
    fn tie_break(&self, other: &Self) -> Ordering {
        fn key(p: &Person) -> impl Ord + '_ {
            (
                (&p.name, &p.contact, &p.signed_up_for, p.group, p.signed_up),
                (p.consent, p.status, &p.contact_by, p.last_contact),
                (p.next_contact, &p.notes),
            )
        }
        key(self).cmp(&key(other))
    }
}

impl Register for Action {
    fn changes(&self) -> &Changes {
        &self.changed
    }
    fn changes_mut(&mut self) -> &mut Changes {
        &mut self.changed
    }
    fn tie_break(&self, other: &Self) -> Ordering {
        fn key(a: &Action) -> impl Ord + '_ {
            (
                a.about, &a.what, &a.owner, a.due, a.status, &a.reason, &a.update,
            )
        }
        key(self).cmp(&key(other))
    }
}

/// The later of two versions of one item, knowing every change of both.
pub(super) fn later<T: Register>(a: &T, b: &T) -> T {
    let a_wins = a
        .changes()
        .later(b.changes())
        .then_with(|| a.tie_break(b))
        .is_ge();
    let (mut winner, loser) = if a_wins {
        (a.clone(), b)
    } else {
        (b.clone(), a)
    };
    winner.changes_mut().join(loser.changes());
    winner
}

/// Details merged field by field; returns the names of the fields whose values differed.
pub(super) fn details(a: &Details, b: &Details) -> (Details, Vec<&'static str>) {
    let mut merged = a.clone();
    let mut differed = Vec::new();
    macro_rules! field {
        ($name:ident) => {
            let (value, changes) = pick((&a.$name, &a.changed.$name), (&b.$name, &b.changed.$name));
            if a.$name != b.$name {
                differed.push(stringify!($name));
            }
            merged.$name = value.clone();
            merged.changed.$name = changes;
        };
    }
    field!(title);
    field!(date);
    field!(venue);
    field!(facilitators);
    field!(notes);
    field!(targets);
    field!(roles);
    field!(agenda);
    field!(sign_up_options);
    field!(consent);
    field!(keep_until);
    field!(names_to_hide);
    debug_assert!(DetailsChanges::default().is_empty());
    (merged, differed)
}

/// The phase timer's record as one: the later change wins.
pub(super) fn timer(a: &PhaseTimer, b: &PhaseTimer) -> PhaseTimer {
    let key = |t: &PhaseTimer| (t.current, t.running_since, t.phases.clone());
    let (key_a, key_b) = (key(a), key(b));
    let (value, changes) = pick((&key_a, &a.changed), (&key_b, &b.changed));
    let winner = if std::ptr::eq(value, &key_a) { a } else { b };
    PhaseTimer {
        changed: changes,
        ..winner.clone()
    }
}

fn pick<'a, V: Ord>(a: (&'a V, &Changes), b: (&'a V, &Changes)) -> (&'a V, Changes) {
    let a_wins = a.1.later(b.1).then_with(|| a.0.cmp(b.0)).is_ge();
    let mut changes = a.1.clone();
    changes.join(b.1);
    (if a_wins { a.0 } else { b.0 }, changes)
}
