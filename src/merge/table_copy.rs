//! A copy of the event for one table's laptop: the same details, groups and themes, under
//! the same ids, so what the table captures merges back into the event by id.

use crate::model::{Group, GroupId, PhaseTimer, ReplicaId, Session};

/// Which group a table copy is for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Table {
    /// A group the event already has.
    Group(GroupId),
    /// A group made for this table; it joins the event when the copy is merged back.
    New(String),
}

/// The event without its cards, opening on `table`. A new group counts as made by `by`, so
/// merging the copy back brings it in rather than taking it for one deleted.
pub fn table_copy(event: &Session, table: &Table, by: ReplicaId) -> Session {
    let mut copy = Session {
        details: event.details.clone(),
        groups: event.groups.clone(),
        themes: event.themes.clone(),
        cards: Vec::new(),
        deleted: event.deleted.clone(),
        table: None,
        // The room's timer is the event's to keep; a table starts with none of it.
        timer: PhaseTimer::default(),
        // Contact details stay on the organisers' laptop; anyone signed up at a table
        // merges back by id. Actions are decided afterwards, not at the tables.
        people: Vec::new(),
        actions: Vec::new(),
    };
    copy.table = Some(match table {
        Table::Group(id) => *id,
        Table::New(name) => {
            let mut group = Group::new(name.trim());
            group.changed.bump(by, jiff::Timestamp::now());
            let id = group.id;
            copy.groups.push(group);
            id
        }
    });
    copy
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::merge::{Side, merge};
    use crate::model::{Card, Category};

    #[test]
    fn a_table_copy_has_no_cards_and_what_it_captures_merges_back_by_id() {
        let mut event = Session::new("Personal budgets");
        let table_one = event.groups[0].id;
        event
            .cards
            .push(Card::new(table_one, Category::Good, "Respite"));
        let copy = table_copy(&event, &Table::Group(table_one), ReplicaId::from_u128(1));
        assert!(copy.cards.is_empty());
        assert_eq!(copy.table, Some(table_one));
        assert_eq!(copy.groups, event.groups);

        let new = table_copy(
            &event,
            &Table::New(" Table 2 ".into()),
            ReplicaId::from_u128(2),
        );
        let table_two = new.table.unwrap();
        assert_eq!(new.group(table_two).unwrap().name, "Table 2");
        let mut captured = new.clone();
        captured
            .cards
            .push(Card::new(table_two, Category::NotSoGood, "Forms"));
        let merged = merge(
            Side {
                name: "event.ron",
                session: &event,
            },
            Side {
                name: "table-2.ron",
                session: &captured,
            },
        );
        let session = merged.session;
        assert_eq!(session.cards.len(), 2, "the event's card and the table's");
        assert!(
            session.group(table_two).is_some(),
            "the new table joins the event"
        );
        assert_eq!(
            session.table, None,
            "the event still opens on its first group"
        );
    }
}
