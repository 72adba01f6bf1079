//! Derived views of the session that the screens read every frame, rebuilt only when the
//! session changes (its revision moves), so a frame costs the same at 10 or 10,000 cards.

use crate::document::Document;
use crate::model::{CardId, Category, GroupId};
use std::collections::HashMap;

#[derive(Default)]
pub struct SessionIndex {
    revision: u64,
    /// Per group, in `Session::groups` order: its cards' positions (in `Session::cards`), one
    /// list per category, in display order.
    columns: Vec<[Vec<usize>; 3]>,
    /// Each card's id and position in `Session::cards`, sorted by id so a lookup is a binary
    /// search. Ids are made in time order, so the list is nearly sorted as built, and building
    /// it costs less than filling a hash map of 10,000 cards after every edit.
    card_positions: Vec<(CardId, usize)>,
    /// Where each group is in `Session::groups`.
    group_positions: HashMap<GroupId, usize>,
}

impl SessionIndex {
    /// Brings the index up to date with the document; cheap when nothing changed.
    pub fn refresh(&mut self, document: &Document) {
        if self.revision == document.revision() {
            return;
        }
        let session = document.session();
        self.group_positions.clear();
        for (index, group) in session.groups.iter().enumerate() {
            self.group_positions.insert(group.id, index);
        }
        self.columns.clear();
        self.columns
            .resize_with(session.groups.len(), Default::default);
        self.card_positions.clear();
        // Cards of one group mostly sit together: remember the last group's place.
        let mut last: Option<(GroupId, Option<usize>)> = None;
        for (index, card) in session.cards.iter().enumerate() {
            let group = match last {
                Some((id, at)) if id == card.group => at,
                _ => {
                    let at = self.group_positions.get(&card.group).copied();
                    last = Some((card.group, at));
                    at
                }
            };
            if let Some(columns) = group.and_then(|at| self.columns.get_mut(at)) {
                columns[card.category.index()].push(index);
            }
            self.card_positions.push((card.id, index));
        }
        self.card_positions.sort_unstable_by_key(|&(id, _)| id);
        self.revision = document.revision();
    }

    /// Positions of one group's cards of one category.
    pub fn column(&self, group: GroupId, category: Category) -> &[usize] {
        (self.group_position(group))
            .and_then(|at| self.columns.get(at))
            .map_or(&[], |c| c[category.index()].as_slice())
    }

    pub fn count(&self, group: GroupId, category: Category) -> usize {
        self.column(group, category).len()
    }

    /// Where the card is in `Session::cards`, as of the last refresh; None if it is not there.
    pub fn card_position(&self, id: CardId) -> Option<usize> {
        let found = self.card_positions.binary_search_by_key(&id, |&(id, _)| id);
        found.ok().map(|at| self.card_positions[at].1)
    }

    /// Where the group is in `Session::groups`, as of the last refresh.
    pub fn group_position(&self, id: GroupId) -> Option<usize> {
        self.group_positions.get(&id).copied()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::edit::Edit;
    use crate::model::{Card, Session};

    #[test]
    fn positions_follow_the_session_after_each_change() {
        let mut session = Session::new("Index");
        let group = session.groups[0].id;
        for text in ["First", "Second", "Third"] {
            session.cards.push(Card::new(group, Category::Good, text));
        }
        let ids: Vec<CardId> = session.cards.iter().map(|c| c.id).collect();
        let mut document = Document::new(session, "index.ron".into());
        let mut index = SessionIndex::default();
        index.refresh(&document);
        assert_eq!(index.card_position(ids[2]), Some(2));
        assert_eq!(index.group_position(group), Some(0));

        document.apply(Edit::DeleteCard { id: ids[0] }).unwrap();
        index.refresh(&document);
        assert_eq!(
            index.card_position(ids[0]),
            None,
            "a deleted card has no place"
        );
        assert_eq!(index.card_position(ids[2]), Some(1));
        for (at, card) in document.session().cards.iter().enumerate() {
            assert_eq!(index.card_position(card.id), Some(at));
        }
    }
}
