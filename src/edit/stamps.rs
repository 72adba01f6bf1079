//! Marking what an edit changed, so a later merge can tell: each group, theme, card and
//! details field the edit touched counts one more change by this install, and whatever it
//! removed leaves a deletion marker. What was touched is read off the edit's inverse, which
//! names every item it puts back.
//!
//! Undo and redo are changes too (an undo after the file was merged elsewhere must win over
//! the version it takes back), so they are stamped the same way.

use super::Edit;
use super::stamp_lists::{TouchedList, restamp_list};
use crate::model::{Action, Card, CardId, Changes, Details, Group, GroupId, Person, ReplicaId};
use crate::model::{DetailsChanges, Session, Theme, ThemeId};
use jiff::Timestamp;
use std::collections::{HashMap, HashSet};

/// Marks what `inverse` says was changed, as changed by `by` at `now`.
pub fn stamp(session: &mut Session, inverse: &Edit, by: ReplicaId, now: Timestamp) {
    match inverse {
        Edit::ReplaceSession(old) => return stamp_replacement(session, old, by, now),
        Edit::TakeMerged(_) => return,
        _ => {}
    }
    let mut touched = Touched::default();
    touched.collect(inverse);
    if let Some(markers) = touched.replaced_deleted {
        session.deleted.join(markers);
    }
    let stamp = |changes: &mut Changes, deleted: Option<Changes>| {
        if let Some(deleted) = deleted {
            changes.join(&deleted);
        }
        changes.bump(by, now);
    };
    for card in &mut session.cards {
        if touched.everything || touched.cards.contains(&card.id) {
            let replaced = touched.card_changes.get(&card.id);
            if let Some(replaced) = replaced {
                card.changed.join(replaced);
            }
            let deleted = session.deleted.cards.remove(&card.id);
            let saw_more = replaced.is_some() || deleted.is_some();
            stamp(&mut card.changed, deleted);
            if saw_more {
                keep_versions_apart(card);
            }
        }
    }
    for group in &mut session.groups {
        if touched.everything || touched.groups.contains(&group.id) {
            if let Some(replaced) = touched.group_changes.get(&group.id) {
                group.changed.join(replaced);
            }
            let deleted = session.deleted.groups.remove(&group.id);
            stamp(&mut group.changed, deleted);
            if group.made_as.is_empty() {
                group.made_as = touched.group_names.remove(&group.id).unwrap_or_default();
            }
        }
    }
    for theme in &mut session.themes {
        if touched.everything || touched.themes.contains(&theme.id) {
            if let Some(replaced) = touched.theme_changes.get(&theme.id) {
                theme.changed.join(replaced);
            }
            let deleted = session.deleted.themes.remove(&theme.id);
            stamp(&mut theme.changed, deleted);
            if theme.made_as.is_empty() {
                theme.made_as = touched.theme_names.remove(&theme.id).unwrap_or_default();
            }
        }
    }
    let alive: HashSet<CardId> = if touched.removed_cards.is_empty() {
        HashSet::new()
    } else {
        session.cards.iter().map(|c| c.id).collect()
    };
    for card in touched.removed_cards {
        if !alive.contains(&card.id) {
            let marker = session.deleted.cards.entry(card.id).or_default();
            marker.join(&card_changes(card));
            marker.bump(by, now);
        }
    }
    for group in touched.removed_groups {
        if session.group(group.id).is_none() {
            mark_deleted(
                session.deleted.groups.entry(group.id).or_default(),
                &group.changed,
                by,
                now,
            );
        }
    }
    for theme in touched.removed_themes {
        if session.theme(theme.id).is_none() {
            mark_deleted(
                session.deleted.themes.entry(theme.id).or_default(),
                &theme.changed,
                by,
                now,
            );
        }
    }
    (touched.people).stamp(
        &mut session.people,
        &mut session.deleted.people,
        touched.everything,
        by,
        now,
    );
    (touched.actions).stamp(
        &mut session.actions,
        &mut session.deleted.actions,
        touched.everything,
        by,
        now,
    );
    if let Some(old) = touched.details {
        stamp_details(&mut session.details, old, by, now);
    }
}

fn mark_deleted(marker: &mut Changes, last: &Changes, by: ReplicaId, now: Timestamp) {
    marker.join(last);
    marker.bump(by, now);
}

/// Other versions put back with a card that has seen more than they have (an undone
/// resolve, say, which had seen them all) would count as older and go at the next merge:
/// every version takes the card's changes, so they stay a conflict that covers what was
/// resolved. A merge tells apart only versions with exactly the same changes, so each also
/// takes the time of this change.
fn keep_versions_apart(card: &mut Card) {
    if card.others.is_empty() {
        return;
    }
    for other in &card.others {
        card.changed.join(&other.card.changed);
    }
    for other in &mut card.others {
        other.card.changed = card.changed.clone();
    }
}

/// A card's changes together with those of its other versions: deleting it deletes them all.
fn card_changes(card: &Card) -> Changes {
    let mut changes = card.changed.clone();
    for other in &card.others {
        changes.join(&other.card.changed);
    }
    changes
}

/// The ids an inverse edit names, and the items it would put back (those are gone now).
#[derive(Default)]
struct Touched<'a> {
    cards: HashSet<CardId>,
    groups: HashSet<GroupId>,
    themes: HashSet<ThemeId>,
    removed_cards: Vec<&'a Card>,
    removed_groups: Vec<&'a Group>,
    removed_themes: Vec<&'a Theme>,
    /// The name a group or theme had before this edit, to remember as the name it was made
    /// with when it came from a file that did not say.
    group_names: HashMap<GroupId, String>,
    theme_names: HashMap<ThemeId, String>,
    /// The changes of a group or theme that was replaced whole: the new version has seen them.
    group_changes: HashMap<GroupId, Changes>,
    theme_changes: HashMap<ThemeId, Changes>,
    details: Option<&'a Details>,
    /// A whole session was put back inside a batch: everything there counts as changed.
    everything: bool,
    /// The deletion markers of the session put back: they still stand.
    replaced_deleted: Option<&'a crate::model::Deleted>,
    /// The changes of every version of a card this edit replaced or removed: what it is now
    /// has seen them all.
    card_changes: HashMap<CardId, Changes>,
    people: TouchedList<'a, Person>,
    actions: TouchedList<'a, Action>,
}

impl<'a> Touched<'a> {
    fn collect(&mut self, edit: &'a Edit) {
        match edit {
            Edit::AddCard { card, .. } => {
                self.removed_cards.push(card);
                self.cards.insert(card.id);
                self.card_changes
                    .entry(card.id)
                    .or_default()
                    .join(&card_changes(card));
            }
            Edit::ReplaceCard { card } => {
                self.cards.insert(card.id);
                self.card_changes
                    .entry(card.id)
                    .or_default()
                    .join(&card_changes(card));
            }
            Edit::DeleteCard { id }
            | Edit::SetCardText { id, .. }
            | Edit::MoveCard { id, .. }
            | Edit::SetVotes { id, .. }
            | Edit::SetStarred { id, .. }
            | Edit::SetCardThemes { id, .. }
            | Edit::SetAnswers { id, .. }
            | Edit::SetEasyWords { id, .. }
            | Edit::SetRedactions { id, .. } => {
                self.cards.insert(*id);
            }
            Edit::AddGroup { group, .. } => {
                self.removed_groups.push(group);
                self.groups.insert(group.id);
                self.group_changes
                    .entry(group.id)
                    .or_default()
                    .join(&group.changed);
            }
            Edit::DeleteGroup { id } => {
                self.groups.insert(*id);
            }
            Edit::UpdateGroup { group } => {
                self.groups.insert(group.id);
                self.group_names
                    .insert(group.id, made_as(&group.made_as, &group.name));
                self.group_changes
                    .entry(group.id)
                    .or_default()
                    .join(&group.changed);
            }
            // Where a group is shown is not something a merge compares.
            Edit::MoveGroup { .. } => {}
            Edit::SetDetails(details) => self.details = Some(details),
            Edit::AddTheme { theme, .. } => {
                self.removed_themes.push(theme);
                self.themes.insert(theme.id);
                self.theme_changes
                    .entry(theme.id)
                    .or_default()
                    .join(&theme.changed);
            }
            Edit::DeleteTheme { id } => {
                self.themes.insert(*id);
            }
            Edit::UpdateTheme { theme } => {
                self.themes.insert(theme.id);
                self.theme_names
                    .insert(theme.id, made_as(&theme.made_as, &theme.name));
                self.theme_changes
                    .entry(theme.id)
                    .or_default()
                    .join(&theme.changed);
            }
            Edit::ReplaceSession(old) => {
                self.everything = true;
                self.replaced_deleted = Some(&old.deleted);
                self.details = Some(&old.details);
                for card in &old.cards {
                    self.removed_cards.push(card);
                    self.cards.insert(card.id);
                    self.card_changes
                        .entry(card.id)
                        .or_default()
                        .join(&card_changes(card));
                }
                for group in &old.groups {
                    self.removed_groups.push(group);
                    self.group_changes
                        .entry(group.id)
                        .or_default()
                        .join(&group.changed);
                }
                for theme in &old.themes {
                    self.removed_themes.push(theme);
                    self.theme_changes
                        .entry(theme.id)
                        .or_default()
                        .join(&theme.changed);
                }
                old.people.iter().for_each(|p| self.people.removed(p));
                old.actions.iter().for_each(|a| self.actions.removed(a));
            }
            Edit::AddPerson { person, .. } => self.people.removed(person),
            Edit::DeletePerson { id } => self.people.touch(*id),
            Edit::UpdatePerson(person) => self.people.replaced(person),
            Edit::AddAction { action, .. } => self.actions.removed(action),
            Edit::DeleteAction { id } => self.actions.touch(*id),
            Edit::UpdateAction(action) => self.actions.replaced(action),
            // Not a change made here (see [`Edit::TakeMerged`]).
            Edit::TakeMerged(_) => {}
            Edit::Batch(edits) => edits.iter().for_each(|e| self.collect(e)),
        }
    }
}

/// The name an item was made with, as the version it replaced knew it.
fn made_as(made_as: &str, name: &str) -> String {
    if made_as.is_empty() { name } else { made_as }.to_owned()
}

/// Counts a change on each details field that differs from `old`, the details replaced.
fn stamp_details(details: &mut Details, old: &Details, by: ReplicaId, now: Timestamp) {
    join_details(&mut details.changed, &old.changed);
    let changed = &mut details.changed;
    let fields: [(bool, &mut Changes); 12] = [
        (details.title != old.title, &mut changed.title),
        (details.date != old.date, &mut changed.date),
        (details.venue != old.venue, &mut changed.venue),
        (
            details.facilitators != old.facilitators,
            &mut changed.facilitators,
        ),
        (details.notes != old.notes, &mut changed.notes),
        (details.targets != old.targets, &mut changed.targets),
        (details.roles != old.roles, &mut changed.roles),
        (details.agenda != old.agenda, &mut changed.agenda),
        (
            details.sign_up_options != old.sign_up_options,
            &mut changed.sign_up_options,
        ),
        (details.consent != old.consent, &mut changed.consent),
        (
            details.keep_until != old.keep_until,
            &mut changed.keep_until,
        ),
        (
            details.names_to_hide != old.names_to_hide,
            &mut changed.names_to_hide,
        ),
    ];
    for (differs, changes) in fields {
        if differs {
            changes.bump(by, now);
        }
    }
}

/// A whole earlier version put back: it keeps every change seen by either version, and
/// whatever it changes, brings back or removes counts as changed now.
fn stamp_replacement(session: &mut Session, old: &Session, by: ReplicaId, now: Timestamp) {
    let old_cards: HashMap<CardId, &Card> = old.cards.iter().map(|c| (c.id, c)).collect();
    let mut deleted = old.deleted.clone();
    deleted.join(&session.deleted);
    for card in &mut session.cards {
        let before = old_cards.get(&card.id);
        if let Some(before) = before {
            card.changed.join(&card_changes(before));
        }
        if let Some(marker) = deleted.cards.remove(&card.id) {
            card.changed.join(&marker);
        }
        if before.is_none_or(|b| !b.same_content(card)) {
            card.changed.bump(by, now);
        }
    }
    let alive: HashSet<CardId> = session.cards.iter().map(|c| c.id).collect();
    for card in old.cards.iter().filter(|c| !alive.contains(&c.id)) {
        mark_deleted(
            deleted.cards.entry(card.id).or_default(),
            &card_changes(card),
            by,
            now,
        );
    }
    for group in &mut session.groups {
        let before = old.group(group.id);
        let differs = before.is_none_or(|b| !same_group(b, group));
        let marker = deleted.groups.remove(&group.id);
        restamp(
            &mut group.changed,
            before.map(|b| &b.changed),
            marker,
            differs,
            by,
            now,
        );
    }
    for group in old.groups.iter().filter(|g| session.group(g.id).is_none()) {
        mark_deleted(
            deleted.groups.entry(group.id).or_default(),
            &group.changed,
            by,
            now,
        );
    }
    for theme in &mut session.themes {
        let before = old.theme(theme.id);
        let differs = before.is_none_or(|b| (&b.name, b.color) != (&theme.name, theme.color));
        let marker = deleted.themes.remove(&theme.id);
        restamp(
            &mut theme.changed,
            before.map(|b| &b.changed),
            marker,
            differs,
            by,
            now,
        );
    }
    for theme in old.themes.iter().filter(|t| session.theme(t.id).is_none()) {
        mark_deleted(
            deleted.themes.entry(theme.id).or_default(),
            &theme.changed,
            by,
            now,
        );
    }
    restamp_list(
        &mut session.people,
        &old.people,
        &mut deleted.people,
        by,
        now,
    );
    restamp_list(
        &mut session.actions,
        &old.actions,
        &mut deleted.actions,
        by,
        now,
    );
    let mut old_details = old.details.clone();
    join_details(&mut session.details.changed, &old.details.changed);
    old_details.changed = DetailsChanges::default();
    stamp_details(&mut session.details, &old_details, by, now);
    session.deleted = deleted;
}

fn same_group(a: &Group, b: &Group) -> bool {
    (&a.name, &a.notes, &a.participants) == (&b.name, &b.notes, &b.participants)
}

fn restamp(
    changes: &mut Changes,
    before: Option<&Changes>,
    marker: Option<Changes>,
    differs: bool,
    by: ReplicaId,
    now: Timestamp,
) {
    if let Some(before) = before {
        changes.join(before);
    }
    if let Some(marker) = marker {
        changes.join(&marker);
    }
    if differs {
        changes.bump(by, now);
    }
}

fn join_details(into: &mut DetailsChanges, from: &DetailsChanges) {
    into.title.join(&from.title);
    into.date.join(&from.date);
    into.venue.join(&from.venue);
    into.facilitators.join(&from.facilitators);
    into.notes.join(&from.notes);
    into.targets.join(&from.targets);
    into.roles.join(&from.roles);
    into.agenda.join(&from.agenda);
    into.sign_up_options.join(&from.sign_up_options);
    into.consent.join(&from.consent);
    into.keep_until.join(&from.keep_until);
    into.names_to_hide.join(&from.names_to_hide);
}
