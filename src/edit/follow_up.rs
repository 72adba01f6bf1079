//! Applying the edits to the volunteer register and the actions: each returns the edit that
//! undoes it.

use super::{Edit, EditError, id_in_use};
use crate::model::{Action, ActionId, Person, PersonId, Session, people::Status};

pub(super) fn add_person(
    session: &mut Session,
    person: Person,
    index: usize,
) -> Result<Edit, EditError> {
    if id_in_use(session, person.id.as_u128()) {
        return Err(EditError::DuplicateId);
    }
    let id = person.id;
    let person = as_kept(person);
    session
        .people
        .insert(index.min(session.people.len()), person);
    Ok(Edit::DeletePerson { id })
}

pub(super) fn delete_person(session: &mut Session, id: PersonId) -> Result<Edit, EditError> {
    let index = (session.people.iter().position(|p| p.id == id)).ok_or(EditError::NoPerson)?;
    let person = session.people.remove(index);
    Ok(Edit::AddPerson {
        person: Box::new(person),
        index,
    })
}

pub(super) fn update_person(session: &mut Session, person: Person) -> Result<Edit, EditError> {
    let index =
        (session.people.iter().position(|p| p.id == person.id)).ok_or(EditError::NoPerson)?;
    let old = std::mem::replace(&mut session.people[index], as_kept(person));
    Ok(Edit::UpdatePerson(Box::new(old)))
}

/// Someone who has withdrawn is kept only as a count: whoever sets that status, their
/// details go in the same step.
fn as_kept(person: Person) -> Person {
    if person.status == Status::Withdrawn {
        person.erased()
    } else {
        person
    }
}

pub(super) fn add_action(
    session: &mut Session,
    action: Action,
    index: usize,
) -> Result<Edit, EditError> {
    if id_in_use(session, action.id.as_u128()) {
        return Err(EditError::DuplicateId);
    }
    let id = action.id;
    session
        .actions
        .insert(index.min(session.actions.len()), action);
    Ok(Edit::DeleteAction { id })
}

pub(super) fn delete_action(session: &mut Session, id: ActionId) -> Result<Edit, EditError> {
    let index = (session.actions.iter().position(|a| a.id == id)).ok_or(EditError::NoAction)?;
    let action = session.actions.remove(index);
    Ok(Edit::AddAction {
        action: Box::new(action),
        index,
    })
}

pub(super) fn update_action(session: &mut Session, action: Action) -> Result<Edit, EditError> {
    let index =
        (session.actions.iter().position(|a| a.id == action.id)).ok_or(EditError::NoAction)?;
    let old = std::mem::replace(&mut session.actions[index], action);
    Ok(Edit::UpdateAction(Box::new(old)))
}
