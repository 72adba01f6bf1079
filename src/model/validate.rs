//! The session's invariants, checked in one place: after loading a file and in tests.

use super::{CardId, Session};
use std::collections::HashSet;

/// Why a session does not hold together.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Invalid {
    #[error("the id {0} is used more than once")]
    DuplicateId(String),
    #[error("card {card} belongs to group {group}, which does not exist")]
    MissingGroup { card: CardId, group: String },
    #[error("card {card} has theme {theme}, which does not exist")]
    MissingTheme { card: CardId, theme: String },
    #[error("card {card} answers card {answered}, which does not exist")]
    MissingAnsweredCard { card: CardId, answered: CardId },
    #[error("card {card} lists theme {theme} twice")]
    RepeatedTheme { card: CardId, theme: String },
}

impl Session {
    /// Checks that every id is unique and everything a card points at exists.
    pub fn validate(&self) -> Result<(), Invalid> {
        let mut seen =
            HashSet::with_capacity(self.groups.len() + self.themes.len() + self.cards.len());
        let ids = (self
            .groups
            .iter()
            .map(|g| (g.id.as_u128(), g.id.to_string())))
        .chain(
            self.themes
                .iter()
                .map(|t| (t.id.as_u128(), t.id.to_string())),
        );
        for (number, text) in ids {
            if !seen.insert(number) {
                return Err(Invalid::DuplicateId(text));
            }
        }
        // Cards are most of a session: compare numbers, and spell out only a duplicate.
        for card in &self.cards {
            if !seen.insert(card.id.as_u128()) {
                return Err(Invalid::DuplicateId(card.id.to_string()));
            }
        }
        let groups: HashSet<_> = self.groups.iter().map(|g| g.id).collect();
        let themes: HashSet<_> = self.themes.iter().map(|t| t.id).collect();
        let cards: HashSet<_> = self.cards.iter().map(|c| c.id).collect();
        for card in &self.cards {
            if !groups.contains(&card.group) {
                return Err(Invalid::MissingGroup {
                    card: card.id,
                    group: card.group.to_string(),
                });
            }
            // A card has a handful of themes: looking back along the list beats a set.
            for (at, theme) in card.themes.iter().enumerate() {
                if !themes.contains(theme) {
                    return Err(Invalid::MissingTheme {
                        card: card.id,
                        theme: theme.to_string(),
                    });
                }
                if card.themes[..at].contains(theme) {
                    return Err(Invalid::RepeatedTheme {
                        card: card.id,
                        theme: theme.to_string(),
                    });
                }
            }
            if let Some(&answered) = card.answers.iter().find(|a| !cards.contains(a)) {
                return Err(Invalid::MissingAnsweredCard {
                    card: card.id,
                    answered,
                });
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use crate::model::{Card, Category, Group, Session, Theme, ThemeId};

    fn session_with_card() -> Session {
        let mut session = Session::new("Test");
        let group = session.groups[0].id;
        session
            .cards
            .push(Card::new(group, Category::Good, "Direct payments help"));
        session
    }

    #[test]
    fn a_consistent_session_is_valid() {
        assert_eq!(session_with_card().validate(), Ok(()));
    }

    #[test]
    fn finds_a_card_whose_group_is_gone() {
        let mut session = session_with_card();
        session.groups.clear();
        assert!(
            session
                .validate()
                .unwrap_err()
                .to_string()
                .contains("does not exist")
        );
    }

    #[test]
    fn finds_a_missing_or_repeated_theme() {
        let mut session = session_with_card();
        session.cards[0].themes.push(ThemeId::new());
        assert!(
            session
                .validate()
                .unwrap_err()
                .to_string()
                .contains("has theme")
        );

        let mut session = session_with_card();
        let theme = Theme::new("Carers", 0);
        session.cards[0].themes = vec![theme.id, theme.id];
        session.themes.push(theme);
        assert!(
            session
                .validate()
                .unwrap_err()
                .to_string()
                .contains("twice")
        );
    }

    #[test]
    fn finds_duplicate_ids_across_kinds() {
        let mut session = session_with_card();
        let copy = session.groups[0].clone();
        session.groups.push(copy);
        assert!(
            session
                .validate()
                .unwrap_err()
                .to_string()
                .contains("more than once")
        );

        let mut session = session_with_card();
        let mut group = Group::new("Other");
        group.id = session.groups[0].id;
        session.groups.push(group);
        assert!(session.validate().is_err());
    }
}
