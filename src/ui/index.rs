//! Derived views of the session that the screens read every frame, rebuilt only when the
//! session changes (its revision moves), so a frame costs the same at 10 or 10,000 cards.

use crate::document::Document;
use crate::model::{Category, GroupId};
use std::collections::HashMap;

#[derive(Default)]
pub struct SessionIndex {
    revision: u64,
    /// Card positions (in `Session::cards`) per group, one list per category, in display order.
    columns: HashMap<GroupId, [Vec<usize>; 3]>,
}

impl SessionIndex {
    /// Brings the index up to date with the document; cheap when nothing changed.
    pub fn refresh(&mut self, document: &Document) {
        if self.revision == document.revision() {
            return;
        }
        let session = document.session();
        self.columns.clear();
        for group in &session.groups {
            self.columns.insert(group.id, Default::default());
        }
        for (index, card) in session.cards.iter().enumerate() {
            if let Some(columns) = self.columns.get_mut(&card.group) {
                columns[card.category.index()].push(index);
            }
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
}
