//! Turning an accepted suggestion into an undoable [`Edit`], and naming suggestions so the
//! app can remember which ones the user turned down.

use super::{CardSuggestion, NewThemeSuggestion, Suggestions};
use crate::edit::Edit;
use crate::model::{Card, CardId, Session, Theme, ThemeId};
use std::collections::HashSet;

/// Identifies a suggestion across runs, so a rejected one can stay hidden when suggestions
/// are worked out again. A new theme is known by its cards: if its cards change, it is a
/// different suggestion and is shown again.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum SuggestionKey {
    NewTheme(Vec<CardId>),
    Card { card: CardId, theme: ThemeId },
}

impl NewThemeSuggestion {
    /// One undoable step: add the theme (next palette colour, after the existing themes) and
    /// put each of its cards that still exists in it, keeping the card's other themes.
    pub fn to_edit(&self, session: &Session) -> Edit {
        let theme = Theme::new(self.name.clone(), session.themes.len());
        let id = theme.id;
        let mut edits = vec![Edit::AddTheme {
            theme,
            index: session.themes.len(),
        }];
        for card in self.cards.iter().filter_map(|&c| session.card(c)) {
            let mut themes = card.themes.clone();
            themes.push(id);
            edits.push(Edit::SetCardThemes {
                id: card.id,
                themes,
            });
        }
        Edit::Batch(edits)
    }

    pub fn key(&self) -> SuggestionKey {
        let mut cards = self.cards.clone();
        cards.sort_unstable();
        SuggestionKey::NewTheme(cards)
    }
}

impl CardSuggestion {
    /// Adds the theme to the card, keeping its other themes. None when the card or theme has
    /// gone, or the card already has the theme.
    pub fn to_edit(&self, session: &Session) -> Option<Edit> {
        let card = session.card(self.card)?;
        session.theme(self.theme)?;
        self.edit_for(card)
    }

    /// [`CardSuggestion::to_edit`] for the suggestion's card, already found by the caller
    /// (the theme is the caller's to check): None when the card has the theme already.
    pub fn edit_for(&self, card: &Card) -> Option<Edit> {
        if card.id != self.card || card.themes.contains(&self.theme) {
            return None;
        }
        let mut themes = card.themes.clone();
        themes.push(self.theme);
        Some(Edit::SetCardThemes {
            id: card.id,
            themes,
        })
    }

    pub fn key(&self) -> SuggestionKey {
        SuggestionKey::Card {
            card: self.card,
            theme: self.theme,
        }
    }
}

impl Suggestions {
    /// The suggestions whose keys are not in `rejected`.
    pub fn without(mut self, rejected: &HashSet<SuggestionKey>) -> Self {
        self.new_themes.retain(|s| !rejected.contains(&s.key()));
        self.for_cards.retain(|s| !rejected.contains(&s.key()));
        self
    }

    /// The existing theme suggested for a card, to show beside it.
    pub fn for_card(&self, card: CardId) -> Option<&CardSuggestion> {
        self.for_cards.iter().find(|s| s.card == card)
    }

    pub fn is_empty(&self) -> bool {
        self.new_themes.is_empty() && self.for_cards.is_empty()
    }
}
