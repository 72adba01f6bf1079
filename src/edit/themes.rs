//! Applying the edits to themes: each returns the edit that undoes it.

use super::{Edit, EditError, batch_or_single, id_in_use};
use crate::model::{Session, Theme, ThemeId};

pub(super) fn add(session: &mut Session, theme: Theme, index: usize) -> Result<Edit, EditError> {
    if id_in_use(session, theme.id.as_u128()) {
        return Err(EditError::DuplicateId);
    }
    let id = theme.id;
    session
        .themes
        .insert(index.min(session.themes.len()), theme);
    Ok(Edit::DeleteTheme { id })
}

/// Removes the theme and takes it off every card; undo puts it back first, then on the cards.
pub(super) fn delete(session: &mut Session, id: ThemeId) -> Result<Edit, EditError> {
    let index = session.theme_index(id).ok_or(EditError::NoTheme)?;
    let theme = session.themes.remove(index);
    let mut inverse = vec![Edit::AddTheme { theme, index }];
    for card in &mut session.cards {
        if card.themes.contains(&id) {
            inverse.push(Edit::SetCardThemes {
                id: card.id,
                themes: card.themes.clone(),
            });
            card.themes.retain(|t| *t != id);
        }
    }
    Ok(batch_or_single(inverse))
}

pub(super) fn update(session: &mut Session, theme: Theme) -> Result<Edit, EditError> {
    let index = session.theme_index(theme.id).ok_or(EditError::NoTheme)?;
    let old = std::mem::replace(&mut session.themes[index], theme);
    Ok(Edit::UpdateTheme { theme: old })
}
