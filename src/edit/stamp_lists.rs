//! Stamping the register's people and the actions: items with an id and changes, nothing
//! more, so one generic path serves both (see [`super::stamps`] for groups, themes, cards).

use crate::model::{Action, ActionId, Changes, Person, PersonId, ReplicaId};
use jiff::Timestamp;
use std::collections::{BTreeMap, HashMap, HashSet};
use std::hash::Hash;

/// An item stamped as a whole: the later change wins when merged.
pub(crate) trait Listed: Clone + PartialEq {
    type Id: Copy + Eq + Hash + Ord;
    fn id(&self) -> Self::Id;
    fn changes(&self) -> &Changes;
    fn changes_mut(&mut self) -> &mut Changes;

    /// Whether two versions say the same, whoever changed them.
    fn same_content(&self, other: &Self) -> bool {
        let mut a = self.clone();
        *a.changes_mut() = Changes::default();
        let mut b = other.clone();
        *b.changes_mut() = Changes::default();
        a == b
    }
}

impl Listed for Person {
    type Id = PersonId;
    fn id(&self) -> PersonId {
        self.id
    }
    fn changes(&self) -> &Changes {
        &self.changed
    }
    fn changes_mut(&mut self) -> &mut Changes {
        &mut self.changed
    }
}

impl Listed for Action {
    type Id = ActionId;
    fn id(&self) -> ActionId {
        self.id
    }
    fn changes(&self) -> &Changes {
        &self.changed
    }
    fn changes_mut(&mut self) -> &mut Changes {
        &mut self.changed
    }
}

/// The items of one list an inverse edit names, and those it would put back (gone now).
pub(super) struct TouchedList<'a, T: Listed> {
    ids: HashSet<T::Id>,
    removed: Vec<&'a T>,
    /// The changes of a version replaced or removed: what is there now has seen them.
    changes: HashMap<T::Id, Changes>,
}

impl<T: Listed> Default for TouchedList<'_, T> {
    fn default() -> Self {
        Self {
            ids: HashSet::new(),
            removed: Vec::new(),
            changes: HashMap::new(),
        }
    }
}

impl<'a, T: Listed> TouchedList<'a, T> {
    /// The edit changes the item with this id.
    pub fn touch(&mut self, id: T::Id) {
        self.ids.insert(id);
    }

    /// The edit would put this version back in place of the one there now.
    pub fn replaced(&mut self, item: &'a T) {
        self.ids.insert(item.id());
        (self.changes.entry(item.id()).or_default()).join(item.changes());
    }

    /// The edit would put this item back: it is gone now.
    pub fn removed(&mut self, item: &'a T) {
        self.removed.push(item);
        self.replaced(item);
    }

    /// Counts a change on every item touched, and leaves a marker for every one removed.
    pub fn stamp(
        &self,
        items: &mut [T],
        markers: &mut BTreeMap<T::Id, Changes>,
        everything: bool,
        by: ReplicaId,
        now: Timestamp,
    ) {
        for item in items.iter_mut() {
            let id = item.id();
            if everything || self.ids.contains(&id) {
                let changes = item.changes_mut();
                if let Some(replaced) = self.changes.get(&id) {
                    changes.join(replaced);
                }
                if let Some(marker) = markers.remove(&id) {
                    changes.join(&marker);
                }
                changes.bump(by, now);
            }
        }
        let alive: HashSet<T::Id> = items.iter().map(Listed::id).collect();
        for item in &self.removed {
            if !alive.contains(&item.id()) {
                let marker = markers.entry(item.id()).or_default();
                marker.join(item.changes());
                marker.bump(by, now);
            }
        }
    }
}

/// A whole earlier list put back: each item keeps every change either version saw, counts
/// a change where its content differs, and what the list no longer has leaves a marker.
pub(super) fn restamp_list<T: Listed>(
    items: &mut [T],
    old: &[T],
    markers: &mut BTreeMap<T::Id, Changes>,
    by: ReplicaId,
    now: Timestamp,
) {
    let before: HashMap<T::Id, &T> = old.iter().map(|item| (item.id(), item)).collect();
    for item in items.iter_mut() {
        let was = before.get(&item.id()).copied();
        let differs = was.is_none_or(|was| !was.same_content(item));
        let id = item.id();
        let changes = item.changes_mut();
        if let Some(was) = was {
            changes.join(was.changes());
        }
        if let Some(marker) = markers.remove(&id) {
            changes.join(&marker);
        }
        if differs {
            changes.bump(by, now);
        }
    }
    let alive: HashSet<T::Id> = items.iter().map(Listed::id).collect();
    for item in old.iter().filter(|item| !alive.contains(&item.id())) {
        let marker = markers.entry(item.id()).or_default();
        marker.join(item.changes());
        marker.bump(by, now);
    }
}
