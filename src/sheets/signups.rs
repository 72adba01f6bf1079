//! A sign-up sheet: the people who put their names down at the event, to add to the volunteer
//! register.
//!
//! Columns: `name` (required), `email`, `phone`, `for` (options separated by `;`), `group` (a
//! table's name), `signed_up` (a date; the session's date when empty), `consent` (yes or no)
//! and `notes`. Every row needs a name and an email or a phone; the first bad row stops the
//! whole sheet, so a sheet goes in whole or not at all. Error messages name the line and the
//! column, never the person's details, as they may end up in a log or a chat.

use super::{Row, SheetError, date, same_text};
use crate::model::{Person, Session};

/// What a sheet adds to a session.
#[derive(Debug, Clone, PartialEq)]
pub struct SignUps {
    /// The people, in the sheet's order, each due a first call a week after signing up.
    pub people: Vec<Person>,
    /// Sign-up options the sheet names that the session does not list yet, in order of first
    /// appearance.
    pub new_options: Vec<String>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Column {
    Name,
    Email,
    Phone,
    For,
    Group,
    SignedUp,
    Consent,
    Notes,
}

impl Column {
    fn parse(key: &str) -> Option<Column> {
        Some(match key {
            "name" => Column::Name,
            "email" | "e_mail" => Column::Email,
            "phone" => Column::Phone,
            "for" => Column::For,
            "group" => Column::Group,
            "signed_up" => Column::SignedUp,
            "consent" => Column::Consent,
            "notes" => Column::Notes,
            _ => return None,
        })
    }
}

const EXPECTED: &str = "name,email,phone,for,group,signed_up,consent,notes";

/// Reads a sign-up sheet against `session`: its groups, its sign-up options, and the people
/// already in its register (a person already there is an error, so a sheet imported twice
/// changes nothing).
pub fn read(bytes: &[u8], session: &Session) -> Result<SignUps, SheetError> {
    let rows = super::read(bytes, Column::parse, &[(Column::Name, "name")], EXPECTED)?;
    let mut people: Vec<(u64, Person)> = Vec::with_capacity(rows.len());
    let mut new_options: Vec<String> = Vec::new();
    for row in &rows {
        let person = person(row, session, &mut new_options)?;
        if session.people.iter().any(|p| same_person(p, &person)) {
            return Err(row.error(
                "this person is already in the register (same name, and same email or phone)",
            ));
        }
        if let Some((first, _)) = people.iter().find(|(_, p)| same_person(p, &person)) {
            return Err(row.error(format!(
                "this person is on the sheet twice; first on line {first}"
            )));
        }
        people.push((row.line, person));
    }
    Ok(SignUps {
        people: people.into_iter().map(|(_, p)| p).collect(),
        new_options,
    })
}

fn person(
    row: &Row<Column>,
    session: &Session,
    new_options: &mut Vec<String>,
) -> Result<Person, SheetError> {
    let name = row.get(Column::Name);
    if name.is_empty() {
        return Err(row.error("no name; every row needs one"));
    }
    let email = row.get(Column::Email);
    let phone = row.get(Column::Phone);
    if email.is_empty() && phone.is_empty() {
        return Err(row.error("no way to reach this person; give an email or a phone number"));
    }
    if !email.is_empty() && !email_address::EmailAddress::is_valid(email) {
        return Err(row.error("the email is not an email address"));
    }
    if !phone.is_empty() && phone_number(phone).is_none() {
        return Err(row.error("the phone is not a phone number"));
    }
    let signed_up = date(row.get(Column::SignedUp), "signed_up")
        .map_err(|e| row.error(e))?
        .unwrap_or(session.details.date);
    let consent = consent(row.get(Column::Consent)).map_err(|e| row.error(e))?;
    let group = match row.get(Column::Group) {
        "" => None,
        wanted => Some(
            (session.groups.iter())
                .find(|g| same_text(&g.name, wanted))
                .map(|g| g.id)
                .ok_or_else(|| {
                    row.error(format!(
                        "there is no group called {wanted:?} in the session"
                    ))
                })?,
        ),
    };
    let mut person = Person::new(name, signed_up);
    person.contact.email = email.to_owned();
    person.contact.phone = phone.to_owned();
    person.signed_up_for = options(row.get(Column::For), session, new_options);
    person.group = group;
    person.consent = consent;
    person.notes = row.get(Column::Notes).to_owned();
    Ok(person)
}

/// A phone number read as people in the UK write one; None when it is not one.
fn phone_number(text: &str) -> Option<phonenumber::PhoneNumber> {
    phonenumber::parse(Some(phonenumber::country::Id::GB), text).ok()
}

/// The one way of writing a number (`+447700900123`), to compare numbers spaced differently.
fn e164(number: &phonenumber::PhoneNumber) -> String {
    number.format().mode(phonenumber::Mode::E164).to_string()
}

fn consent(text: &str) -> Result<bool, String> {
    match text.to_lowercase().as_str() {
        "yes" | "y" | "true" | "1" => Ok(true),
        // An empty cell is no: consent is never assumed.
        "" | "no" | "n" | "false" | "0" => Ok(false),
        _ => Err(format!("consent {text:?} is neither yes nor no")),
    }
}

/// The options in a `for` cell, in the session's spelling where the session lists them; the
/// others are noted in `new_options` to be added to the session.
fn options(cell: &str, session: &Session, new_options: &mut Vec<String>) -> Vec<String> {
    let mut chosen: Vec<String> = Vec::new();
    for wanted in cell.split(';').map(str::trim).filter(|s| !s.is_empty()) {
        let known = (session.details.sign_up_options.iter())
            .chain(new_options.iter())
            .find(|option| same_text(option, wanted))
            .cloned();
        let option = match known {
            Some(option) => option,
            None => {
                new_options.push(wanted.to_owned());
                wanted.to_owned()
            }
        };
        if !chosen.contains(&option) {
            chosen.push(option);
        }
    }
    chosen
}

/// Same name, and the same email or the same phone number (however it is spaced).
fn same_person(a: &Person, b: &Person) -> bool {
    let email = |p: &Person| p.contact.email.trim().to_lowercase();
    let same_email = !email(a).is_empty() && email(a) == email(b);
    same_text(&a.name, &b.name) && !a.name.trim().is_empty() && (same_email || same_phone(a, b))
}

fn same_phone(a: &Person, b: &Person) -> bool {
    let (a, b) = (a.contact.phone.trim(), b.contact.phone.trim());
    if a.is_empty() || b.is_empty() {
        return false;
    }
    match (phone_number(a), phone_number(b)) {
        (Some(a), Some(b)) => e164(&a) == e164(&b),
        _ => same_text(a, b),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store;
    use jiff::civil::date as ymd;

    fn sample() -> Session {
        store::format::from_text(store::places::SAMPLE)
            .map(|file| file.session)
            .unwrap()
    }

    #[test]
    fn a_sheet_becomes_people_due_a_call_a_week_after_signing_up() {
        let sheet = "Name,EMAIL,Phone,For,Group,Signed up,Consent,Notes\n\
            Ann Example,ann@example.org,,steering group; Newsletter,table 2,20/10/2026,yes,Needs a lift\n\
            Bo Example,,07700 900123,,,,,\n";
        let read = read(sheet.as_bytes(), &sample()).unwrap();
        let [ann, bo] = read.people.as_slice() else {
            panic!("expected two people, got {:?}", read.people);
        };
        assert_eq!(ann.signed_up_for, ["Steering group", "Newsletter"]);
        assert_eq!(ann.signed_up, ymd(2026, 10, 20));
        assert_eq!(ann.next_contact, Some(ymd(2026, 10, 27)));
        assert!(ann.consent);
        assert_eq!(ann.notes, "Needs a lift");
        assert_eq!(ann.group, Some(sample().groups[1].id));
        assert_eq!(read.new_options, ["Newsletter"]);
        assert_eq!(bo.signed_up, sample().details.date, "no date: the event's");
        assert!(!bo.consent, "an empty consent cell is no");
        assert_eq!(bo.contact.phone, "07700 900123");
    }

    #[test]
    fn the_same_phone_written_differently_is_the_same_person() {
        let sheet = "name,phone\nBo,07700 900123\nbo,+44 7700 900123\n";
        let error = read(sheet.as_bytes(), &sample()).unwrap_err();
        assert_eq!(error.line, 3);
        assert!(error.message.contains("line 2"), "{error}");
    }
}
