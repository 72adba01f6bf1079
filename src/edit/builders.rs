//! Edits built from a user's choice: where a card should land, a group's new name, a theme to
//! put on or take off a card, a theme to merge into another. Pure: session in, edit out.

use super::{Edit, EditError};
use crate::model::{CardId, Category, GroupId, Session, Theme, ThemeId};
use std::collections::HashSet;

impl Edit {
    /// Renames a group, keeping its notes and participants.
    pub fn rename_group(session: &Session, id: GroupId, name: String) -> Result<Edit, EditError> {
        let mut group = session.group(id).ok_or(EditError::NoGroup)?.clone();
        group.name = name;
        Ok(Edit::UpdateGroup { group })
    }
}

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

/// What picking a theme does to the card: put it on, or take it off if it is there.
pub fn toggle_theme(session: &Session, card: CardId, theme: ThemeId) -> Option<Edit> {
    let mut themes = session.card(card)?.themes.clone();
    if let Some(at) = themes.iter().position(|t| *t == theme) {
        themes.remove(at);
    } else {
        themes.push(theme);
    }
    Some(Edit::SetCardThemes { id: card, themes })
}

/// A new theme named `name`, put on `card`, as one undoable step.
pub fn create_theme_for(session: &Session, card: CardId, name: &str) -> Option<Edit> {
    let theme = Theme::new(name.trim(), session.themes.len());
    let mut themes = session.card(card)?.themes.clone();
    themes.push(theme.id);
    Some(Edit::Batch(vec![
        Edit::AddTheme {
            theme,
            index: usize::MAX,
        },
        Edit::SetCardThemes { id: card, themes },
    ]))
}

/// Moves every card of `from` into `into` and removes `from`, as one step.
pub fn merge_themes(session: &Session, from: ThemeId, into: ThemeId) -> Edit {
    let mut edits: Vec<Edit> = session
        .cards
        .iter()
        .filter(|c| c.themes.contains(&from))
        .map(|card| {
            let mut themes: Vec<ThemeId> = card
                .themes
                .iter()
                .map(|t| if *t == from { into } else { *t })
                .collect();
            let mut seen = HashSet::new();
            themes.retain(|t| seen.insert(*t));
            Edit::SetCardThemes {
                id: card.id,
                themes,
            }
        })
        .collect();
    edits.push(Edit::DeleteTheme { id: from });
    Edit::Batch(edits)
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

    #[test]
    fn toggling_a_theme_puts_it_on_then_takes_it_off() {
        let mut session = Session::new("Themes");
        let group = session.groups[0].id;
        session.cards.push(Card::new(group, Category::Good, "a"));
        let card = session.cards[0].id;
        create_theme_for(&session, card, "  Carers ")
            .unwrap()
            .apply(&mut session)
            .unwrap();
        assert_eq!(session.themes[0].name, "Carers");
        let theme = session.themes[0].id;
        assert_eq!(session.cards[0].themes, [theme]);
        toggle_theme(&session, card, theme)
            .unwrap()
            .apply(&mut session)
            .unwrap();
        assert!(session.cards[0].themes.is_empty());
        assert!(toggle_theme(&session, CardId::new(), theme).is_none());
    }

    #[test]
    fn merging_moves_the_cards_and_removes_the_theme() {
        let mut session = Session::new("Themes");
        let group = session.groups[0].id;
        session.themes = vec![Theme::new("Money", 0), Theme::new("Cost", 1)];
        let (money, cost) = (session.themes[0].id, session.themes[1].id);
        let mut both = Card::new(group, Category::Good, "both");
        both.themes = vec![cost, money];
        let mut only_cost = Card::new(group, Category::Good, "cost");
        only_cost.themes = vec![cost];
        session.cards = vec![both, only_cost];
        merge_themes(&session, cost, money)
            .apply(&mut session)
            .unwrap();
        assert_eq!(session.themes.len(), 1);
        assert_eq!(session.cards[0].themes, [money], "no theme twice");
        assert_eq!(session.cards[1].themes, [money]);
    }
}
