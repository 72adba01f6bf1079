//! Derived views of the session that the screens read every frame, rebuilt only when the
//! session changes (its revision moves), so a frame costs the same at 10 or 10,000 cards.

use crate::document::Document;
use crate::model::{CardId, Category, GroupId};
use std::collections::HashMap;

#[derive(Default)]
pub struct SessionIndex {
    revision: u64,
    /// Card positions (in `Session::cards`) per group, one list per category, in display order.
    columns: HashMap<GroupId, [Vec<usize>; 3]>,
    /// Where each card is in `Session::cards`, so finding one by id is not a walk.
    card_positions: HashMap<CardId, usize>,
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
        self.columns.clear();
        self.group_positions.clear();
        for (index, group) in session.groups.iter().enumerate() {
            self.columns.insert(group.id, Default::default());
            self.group_positions.insert(group.id, index);
        }
        self.card_positions.clear();
        for (index, card) in session.cards.iter().enumerate() {
            if let Some(columns) = self.columns.get_mut(&card.group) {
                columns[card.category.index()].push(index);
            }
            self.card_positions.insert(card.id, index);
        }
        self.revision = document.revision();
    }

    /// Positions of one group's cards of one category.
    pub fn column(&self, group: GroupId, category: Category) -> &[usize] {
        self.columns
            .get(&group)
            .map_or(&[], |c| c[category.index()].as_slice())
    }

    pub fn count(&self, group: GroupId, category: Category) -> usize {
        self.column(group, category).len()
    }

    /// Where the card is in `Session::cards`, as of the last refresh; None if it is not there.
    pub fn card_position(&self, id: CardId) -> Option<usize> {
        self.card_positions.get(&id).copied()
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
