//! Edits that move cards, worked out from where the user wants the card to land.

use crate::edit::Edit;
use crate::model::{CardId, Category, GroupId, Session};

/// Moves a card to the end of a group's column.
pub fn move_to(session: &Session, card: CardId, group: GroupId, category: Category) -> Edit {
    move_to_position(session, card, group, category, usize::MAX)
}

/// Moves a card to `position` within a group's column (past the end means last).
pub fn move_to_position(
    session: &Session,
    card: CardId,
    group: GroupId,
    category: Category,
    position: usize,
) -> Edit {
    let index = session.column_insert_index(group, category, position, Some(card));
    Edit::MoveCard {
        id: card,
        group,
        category,
        index,
    }
}

/// Moves a card up (negative) or down within its column; None at either end.
pub fn reorder(session: &Session, card: CardId, step: isize) -> Option<Edit> {
    let found = session.card(card)?;
    let column: Vec<CardId> = session
        .cards_in(found.group, found.category)
        .map(|c| c.id)
        .collect();
    let position = column.iter().position(|c| *c == card)?;
    let target = position
        .checked_add_signed(step)
        .filter(|t| *t < column.len())?;
    Some(move_to_position(
        session,
        card,
        found.group,
        found.category,
        target,
    ))
}

/// Moves a card to the previous (negative) or next category column of its group.
pub fn to_neighbour_category(session: &Session, card: CardId, step: isize) -> Option<Edit> {
    let found = session.card(card)?;
    let target = found.category.index().checked_add_signed(step)?;
    let category = *Category::ALL.get(target)?;
    Some(move_to(session, card, found.group, category))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Card;

    fn column_texts(session: &Session, category: Category) -> Vec<String> {
        session
            .cards_in(session.groups[0].id, category)
            .map(|c| c.text.clone())
            .collect()
    }

    #[test]
    fn reorder_moves_one_place_and_stops_at_the_ends() {
        let mut session = Session::new("Moves");
        let group = session.groups[0].id;
        for text in ["a", "b", "c"] {
            session.cards.push(Card::new(group, Category::Good, text));
        }
        let b = session.cards[1].id;
        reorder(&session, b, -1)
            .unwrap()
            .apply(&mut session)
            .unwrap();
        assert_eq!(column_texts(&session, Category::Good), ["b", "a", "c"]);
        assert!(reorder(&session, b, -1).is_none());
        reorder(&session, b, 1)
            .unwrap()
            .apply(&mut session)
            .unwrap();
        reorder(&session, b, 1)
            .unwrap()
            .apply(&mut session)
            .unwrap();
        assert_eq!(column_texts(&session, Category::Good), ["a", "c", "b"]);
        assert!(reorder(&session, b, 1).is_none());
    }

    #[test]
    fn neighbour_category_moves_across_columns() {
        let mut session = Session::new("Moves");
        let group = session.groups[0].id;
        session.cards.push(Card::new(group, Category::Good, "a"));
        let a = session.cards[0].id;
        assert!(to_neighbour_category(&session, a, -1).is_none());
        to_neighbour_category(&session, a, 1)
            .unwrap()
            .apply(&mut session)
            .unwrap();
        assert_eq!(column_texts(&session, Category::NotSoGood), ["a"]);
    }
}
