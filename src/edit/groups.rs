//! Applying the edits to groups: each returns the edit that undoes it.

use super::{Edit, EditError, id_in_use};
use crate::model::{CardId, Group, GroupId, Session};

pub(super) fn add(session: &mut Session, group: Group, index: usize) -> Result<Edit, EditError> {
    if id_in_use(session, group.id.as_u128()) {
        return Err(EditError::DuplicateId);
    }
    let id = group.id;
    session
        .groups
        .insert(index.min(session.groups.len()), group);
    Ok(Edit::DeleteGroup { id })
}

/// Deletes the group's cards (and the links to them) as one batch, then the group.
pub(super) fn delete(session: &mut Session, id: GroupId) -> Result<Edit, EditError> {
    let index = session.group_index(id).ok_or(EditError::NoGroup)?;
    let cards: Vec<CardId> = session
        .cards
        .iter()
        .filter(|c| c.group == id)
        .map(|c| c.id)
        .collect();
    let deletions = cards
        .into_iter()
        .map(|id| Edit::DeleteCard { id })
        .collect();
    let cards_back = Edit::Batch(deletions).apply(session)?;
    let group = session.groups.remove(index);
    // The group comes back before its cards, which need it.
    Ok(Edit::Batch(vec![
        Edit::AddGroup { group, index },
        cards_back,
    ]))
}

pub(super) fn update(session: &mut Session, group: Group) -> Result<Edit, EditError> {
    let index = session.group_index(group.id).ok_or(EditError::NoGroup)?;
    let old = std::mem::replace(&mut session.groups[index], group);
    Ok(Edit::UpdateGroup { group: old })
}

pub(super) fn move_to(session: &mut Session, id: GroupId, index: usize) -> Result<Edit, EditError> {
    let from = session.group_index(id).ok_or(EditError::NoGroup)?;
    let group = session.groups.remove(from);
    session
        .groups
        .insert(index.min(session.groups.len()), group);
    Ok(Edit::MoveGroup { id, index: from })
}
