use super::*;
use crate::model::DetailKind;

fn found(text: &str, known: &Known) -> Vec<(DetailKind, String)> {
    find(text, known)
        .into_iter()
        .map(|hit| (hit.kind, hit.words(text).to_owned()))
        .collect()
}

fn none() -> Known {
    Known::default()
}

#[test]
fn emails_are_found_without_the_full_stop_after_them() {
    assert_eq!(
        found("Write to pat.jones@example.org.uk. She answers.", &none()),
        [(DetailKind::Email, "pat.jones@example.org.uk".to_owned())]
    );
    assert!(found("Meet @ the hall, 2@3 was the score", &none()).is_empty());
}

#[test]
fn uk_phone_numbers_are_found_however_they_are_spaced() {
    for number in [
        "07700 900123",
        "07700900123",
        "+44 7700 900123",
        "+447700900123",
        "+44 (0)7700 900123",
        "0161 496 0000",
        "(0161) 496 0000",
        "020 7946 0018",
        "0113-496-0999",
    ] {
        let text = format!("Ring me on {number} after six");
        assert_eq!(
            found(&text, &none()),
            [(DetailKind::Phone, number.to_owned())],
            "{text}"
        );
    }
}

#[test]
fn two_numbers_side_by_side_are_two_numbers() {
    assert_eq!(
        found("0161 496 0507 07912 345680 or 07700 900123", &none()),
        [
            (DetailKind::Phone, "0161 496 0507".to_owned()),
            (DetailKind::Phone, "07912 345680".to_owned()),
            (DetailKind::Phone, "07700 900123".to_owned()),
        ]
    );
}

#[test]
fn numbers_that_are_not_phones_are_left() {
    for text in [
        "It took 12 weeks and cost £1,200 in 2025",
        "Room 101, 10 to 20 people",
        "Budget went from 450 to 300 a week",
        "Dates 01/02/2026 and 2026-03-04",
    ] {
        assert!(
            found(text, &none()).is_empty(),
            "{text}: {:?}",
            found(text, &none())
        );
    }
}

#[test]
fn known_names_are_found_whole_word_longest_first_in_any_capitals() {
    let known = Known::with_names(["Pat Jones", "Sam"]);
    assert_eq!(
        found(
            "pat jones rang, and Sam. Not samuel, nor a pattern.",
            &known
        ),
        [
            (DetailKind::Name, "pat jones".to_owned()),
            (DetailKind::Name, "Sam".to_owned()),
        ]
    );
}

/// What a session with these cards and volunteers knows.
fn session_knowing(cards: &[&str], volunteers: &[&str]) -> Known {
    use crate::model::{Card, Group, Person, Session};
    let mut session = Session::new("Test");
    let group = Group::new("Table 1");
    for text in cards {
        session.cards.push(Card {
            group: group.id,
            text: (*text).to_owned(),
            ..Card::default()
        });
    }
    session.groups.push(group);
    for name in volunteers {
        session
            .people
            .push(Person::new(*name, jiff::civil::date(2026, 12, 1)));
    }
    Known::from_session(&session)
}

#[test]
fn part_of_a_known_name_counts_only_with_its_capital() {
    let known = session_knowing(&["I will ask"], &["Will Green"]);
    assert_eq!(
        found("I will ask, as Green said", &known),
        [(DetailKind::Name, "Green".to_owned())]
    );
    // The session writes "will" as a word, so at a sentence's start "Will" may be the word:
    // flagged for review, not taken out. Mid-sentence it is the person.
    assert_eq!(
        found("Will they listen? We asked Will.", &known),
        [
            (DetailKind::MaybeName, "Will".to_owned()),
            (DetailKind::Name, "Will".to_owned()),
        ]
    );
    // A name the session never uses as a word is the person even at a sentence's start.
    assert_eq!(
        found("Green rang back.", &known),
        [(DetailKind::Name, "Green".to_owned())]
    );
}

#[test]
fn capitalised_words_mid_sentence_are_possible_names() {
    assert_eq!(
        found(
            "My worker Sandra was great, and Mrs Khan too. Monday was hard.",
            &none()
        ),
        [
            (DetailKind::MaybeName, "Sandra".to_owned()),
            (DetailKind::MaybeName, "Mrs Khan".to_owned()),
        ]
    );
    assert_eq!(
        found("Sandra Smith rang me back", &none()),
        [(DetailKind::MaybeName, "Sandra Smith".to_owned())]
    );
}

#[test]
fn each_hit_says_why() {
    let known = Known::with_names(["Pat Jones"]);
    let text = "Pat Jones, 07912 345678";
    let whys: Vec<String> = find(text, &known).into_iter().map(|h| h.why).collect();
    assert_eq!(whys, ["on the list of names to hide", "UK mobile number"]);
}
