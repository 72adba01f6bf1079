//! Combining sessions captured apart (one laptop per table) into one event: pure, sessions
//! in, the merged session and what each file brought out.
//!
//! Everything is matched by id, and groups and themes also by the name they were made with
//! ([`identity`]). Which version of an item wins is decided by its changes (see
//! [`crate::model::Changes`]): a version that has seen another's changes replaces it, a
//! deletion marker that has seen every change of a version removes it, and a card changed
//! differently on two laptops keeps both versions, the later one shown and the other kept on
//! it as a conflict ([`cards`]). Groups, themes and details take the later change ([`items`]).
//!
//! Merging is idempotent, gives the same groups, themes, cards and conflicts in any order,
//! and is associative: `tests/merge_properties.rs` checks these on random edits.

mod cards;
mod identity;
pub mod inputs;
mod items;
mod report;
mod table_copy;

pub use report::Report;
pub use table_copy::{Table, table_copy};

use crate::model::people::Status;
use crate::model::{Card, CardId, Category, Changes, Group, GroupId, Person, PersonId, Session};
use crate::model::{Theme, ThemeId};
use identity::Identity;
use std::collections::{BTreeMap, HashMap, HashSet};

/// A session to merge, and the name to report it by (its file name).
#[derive(Clone, Copy, Debug)]
pub struct Side<'a> {
    pub name: &'a str,
    pub session: &'a Session,
}

/// The merged session, and what the file merged in changed.
#[derive(Clone, Debug)]
pub struct Merged {
    pub session: Session,
    pub report: Report,
}

/// Merges `theirs` into `ours`.
pub fn merge(ours: Side<'_>, theirs: Side<'_>) -> Merged {
    let identity = Identity::of(&[ours.session, theirs.session]);
    let mut deleted = ours.session.deleted.clone();
    deleted.join(&theirs.session.deleted);

    let groups = merge_items(
        &ours.session.groups,
        &theirs.session.groups,
        |g| g.id,
        |g, id| g.id = id,
        |id| identity.group(id),
        &deleted.groups,
    );
    let themes = merge_items(
        &ours.session.themes,
        &theirs.session.themes,
        |t| t.id,
        |t, id| t.id = id,
        |id| identity.theme(id),
        &deleted.themes,
    );
    let cards = merge_cards(ours, theirs, &identity, &deleted.cards);
    let people = merge_items(
        &ours
            .session
            .people
            .iter()
            .map(|p| identity.person(p))
            .collect::<Vec<_>>(),
        &theirs
            .session
            .people
            .iter()
            .map(|p| identity.person(p))
            .collect::<Vec<_>>(),
        |p| p.id,
        |p, id| p.id = id,
        |id| id,
        &deleted.people,
    );
    let actions = merge_items(
        &ours
            .session
            .actions
            .iter()
            .map(|a| identity.action(a))
            .collect::<Vec<_>>(),
        &theirs
            .session
            .actions
            .iter()
            .map(|a| identity.action(a))
            .collect::<Vec<_>>(),
        |a| a.id,
        |a, id| a.id = id,
        |id| id,
        &deleted.actions,
    );
    let (details, differed) = items::details(&ours.session.details, &theirs.session.details);
    let mut session = Session {
        details,
        groups: groups.kept,
        themes: themes.kept,
        cards,
        deleted,
        table: ours.session.table,
        timer: items::timer(&ours.session.timer, &theirs.session.timer),
        people: people.kept,
        actions: actions.kept,
    };
    keep_what_cards_need(&mut session, &groups.dropped, &themes.dropped);
    let mut report = report::report(ours.session, &session, theirs.name, differed);
    report.withdrawn_changed = withdrawn_changed(&[ours.session, theirs.session], &session);
    Merged { session, report }
}

/// How many people are withdrawn in one of `sides` but kept in `merged` as a version from
/// another that had not seen the withdrawal (changed later by someone who had not heard).
/// Said rather than settled: letting a withdrawal win over later versions would make the
/// outcome depend on the order files come in.
fn withdrawn_changed(sides: &[&Session], merged: &Session) -> usize {
    let mut versions: HashMap<PersonId, Vec<&Person>> = HashMap::new();
    for person in sides.iter().flat_map(|s| &s.people) {
        versions.entry(person.id).or_default().push(person);
    }
    let withdrawn = |p: &Person| p.status == Status::Withdrawn;
    let unheard = |versions: &[&Person]| {
        (versions.iter().filter(|p| withdrawn(p))).any(|gone| {
            (versions.iter()).any(|v| !withdrawn(v) && !v.changed.covers(&gone.changed))
        })
    };
    (merged.people.iter())
        .filter(|kept| !withdrawn(kept))
        .filter(|kept| versions.get(&kept.id).is_some_and(|v| unheard(v)))
        .count()
}

/// Merges every side in turn into the first; None when there are none.
pub fn merge_all(sides: &[Side<'_>]) -> Option<(Session, Vec<Report>)> {
    let (first, rest) = sides.split_first()?;
    let mut session = first.session.clone();
    let mut reports = Vec::with_capacity(rest.len());
    for side in rest {
        let merged = merge(
            Side {
                name: first.name,
                session: &session,
            },
            *side,
        );
        session = merged.session;
        reports.push(merged.report);
    }
    Some((session, reports))
}

/// Merges each of `theirs` in turn into `ours`; the reports are theirs, in order.
pub fn merge_in(ours: Side<'_>, theirs: &[Side<'_>]) -> (Session, Vec<Report>) {
    let mut sides = Vec::with_capacity(theirs.len() + 1);
    sides.push(ours);
    sides.extend_from_slice(theirs);
    merge_all(&sides).unwrap_or_else(|| (ours.session.clone(), Vec::new()))
}

/// What a merge of one kind of item kept, and the versions it dropped as deleted (in case a
/// card still needs them).
struct Outcome<T, Id> {
    kept: Vec<T>,
    dropped: HashMap<Id, T>,
}

/// Groups or themes: ours in our order, then new ones in theirs; a version that a deletion
/// marker has seen all of is dropped.
fn merge_items<T: items::Register, Id: Copy + Eq + std::hash::Hash + Ord>(
    ours: &[T],
    theirs: &[T],
    id_of: impl Fn(&T) -> Id,
    set_id: impl Fn(&mut T, Id),
    kept_id: impl Fn(Id) -> Id,
    deleted: &BTreeMap<Id, Changes>,
) -> Outcome<T, Id> {
    let mut order: Vec<Id> = Vec::new();
    let mut alive: HashMap<Id, T> = HashMap::new();
    let mut dropped: HashMap<Id, T> = HashMap::new();
    for item in ours.iter().chain(theirs) {
        let id = kept_id(id_of(item));
        let mut item = item.clone();
        let gone = deleted
            .get(&id_of(&item))
            .is_some_and(|marker| marker.covers(item.changes()));
        set_id(&mut item, id);
        let pile = if gone { &mut dropped } else { &mut alive };
        let merged = match pile.remove(&id) {
            Some(there) => items::later(&there, &item),
            None => item,
        };
        pile.insert(id, merged);
        if !order.contains(&id) {
            order.push(id);
        }
    }
    let kept = order.iter().filter_map(|id| alive.remove(id)).collect();
    Outcome { kept, dropped }
}

/// Cards: every version from both sides settled per id, in our order, then new ones in
/// theirs. Links are kept as made; which of them hold is decided once every card is settled
/// ([`keep_what_cards_need`]).
fn merge_cards(
    ours: Side<'_>,
    theirs: Side<'_>,
    identity: &Identity,
    deleted: &BTreeMap<CardId, Changes>,
) -> Vec<Card> {
    let mut versions: HashMap<CardId, Vec<cards::Version>> = HashMap::new();
    let mut order = Vec::with_capacity(ours.session.cards.len());
    for side in [ours, theirs] {
        for card in &side.session.cards {
            let entry = versions.entry(card.id).or_default();
            if entry.is_empty() {
                order.push(card.id);
            }
            entry.extend(cards::versions_of(&identity.card(card), side.name));
        }
    }
    (order.into_iter())
        .filter_map(|id| cards::settle(versions.remove(&id)?, deleted.get(&id)))
        .collect()
}

/// A card that stays keeps what it points at: a group or theme deleted on one laptop while
/// another put a card in it stays. Links that cannot hold (to a card deleted, or moved out of
/// "Not so good" on another laptop) wait on the card, in case a later file brings it back.
fn keep_what_cards_need(
    session: &mut Session,
    groups: &HashMap<GroupId, Group>,
    themes: &HashMap<ThemeId, Theme>,
) {
    let present: HashSet<GroupId> = session.groups.iter().map(|g| g.id).collect();
    let mut wanted: Vec<GroupId> = session.cards.iter().map(|c| c.group).collect();
    wanted.sort();
    wanted.dedup();
    for id in wanted {
        if !present.contains(&id)
            && let Some(group) = groups.get(&id)
        {
            session.groups.push(group.clone());
        }
    }
    let present: HashSet<ThemeId> = session.themes.iter().map(|t| t.id).collect();
    let mut wanted: Vec<ThemeId> = session
        .cards
        .iter()
        .flat_map(|c| c.themes.clone())
        .collect();
    wanted.sort();
    wanted.dedup();
    for id in wanted {
        if !present.contains(&id)
            && let Some(theme) = themes.get(&id)
        {
            session.themes.push(theme.clone());
        }
    }
    let problems: HashSet<CardId> = (session.cards.iter())
        .filter(|c| c.category == Category::NotSoGood)
        .map(|c| c.id)
        .collect();
    let holds = |id: CardId| problems.contains(&id);
    for card in &mut session.cards {
        card.settle_answers(&holds);
        for other in &mut card.others {
            other.card.settle_answers(&holds);
        }
    }
}
