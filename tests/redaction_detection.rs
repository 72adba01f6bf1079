//! How well redaction finds personal details, on a labelled set of cards written like the
//! sample's (tests/data/redaction/labelled.csv: each card's text and the details a careful
//! reader would take out). The figures go in the README; the asserts hold the promise that
//! matters for publishing: every email, phone number and known name is found.

// Helpers outside #[test] functions panic too: a failure there is the test failing.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use harvest::model::{Card, DetailKind, Group, Person, Session};
use harvest::redact::{Known, find};
use std::collections::BTreeSet;

type Labels = BTreeSet<(bool, String)>;

/// The labelled cards, each with its expected details as (taken out automatically?, words).
fn labelled() -> Vec<(String, Labels)> {
    let mut reader = csv::Reader::from_path("tests/data/redaction/labelled.csv").unwrap();
    reader
        .records()
        .map(|row| {
            let row = row.unwrap();
            let labels = row[1]
                .split('|')
                .filter(|l| !l.is_empty())
                .map(|label| {
                    let (kind, words) = label.split_once(':').unwrap();
                    (kind != "maybe", words.to_lowercase())
                })
                .collect();
            (row[0].to_owned(), labels)
        })
        .collect()
}

/// A session holding the cards, with the volunteers and the name to hide that they mention.
fn session(cards: &[(String, Labels)]) -> Session {
    let mut session = Session::new("Personal budgets");
    let group = Group::new("Table 1");
    for (text, _) in cards {
        session.cards.push(Card {
            group: group.id,
            text: text.clone(),
            ..Card::default()
        });
    }
    session.groups.push(group);
    for name in ["Pat Jones", "Amira Hussain", "Tom O'Neill", "Will Green"] {
        session
            .people
            .push(Person::new(name, jiff::civil::date(2026, 10, 14)));
    }
    session.details.names_to_hide = vec!["Bernadette".to_owned()];
    session
}

#[derive(Default, Debug)]
struct Score {
    found: usize,
    wrong: usize,
    missed: usize,
}

impl Score {
    fn precision(&self) -> f64 {
        self.found as f64 / (self.found + self.wrong).max(1) as f64
    }
    fn recall(&self) -> f64 {
        self.found as f64 / (self.found + self.missed).max(1) as f64
    }
}

#[test]
fn every_email_phone_number_and_known_name_in_the_labelled_set_is_found() {
    let cards = labelled();
    assert!(
        cards.len() >= 40,
        "the labelled set has {} cards",
        cards.len()
    );
    let known = Known::from_session(&session(&cards));
    let (mut automatic, mut possible) = (Score::default(), Score::default());
    let mut misses = Vec::new();
    for (text, labels) in &cards {
        let hits: Labels = find(text, &known)
            .iter()
            .map(|hit| {
                let words = hit.words(text).to_lowercase();
                (hit.kind != DetailKind::MaybeName, words)
            })
            .collect();
        for (is_automatic, score) in [(true, &mut automatic), (false, &mut possible)] {
            let expected: Labels = labels
                .iter()
                .filter(|l| l.0 == is_automatic)
                .cloned()
                .collect();
            let got: Labels = hits
                .iter()
                .filter(|h| h.0 == is_automatic)
                .cloned()
                .collect();
            score.found += expected.intersection(&got).count();
            score.wrong += got.difference(&expected).count();
            score.missed += expected.difference(&got).count();
            if is_automatic && expected != got {
                misses.push(format!("{text}: expected {expected:?}, found {got:?}"));
            }
        }
    }
    println!(
        "emails, phones, known names: precision {:.2}, recall {:.2} ({automatic:?})",
        automatic.precision(),
        automatic.recall()
    );
    println!(
        "possible names (for review): precision {:.2}, recall {:.2} ({possible:?})",
        possible.precision(),
        possible.recall()
    );
    assert_eq!(automatic.missed, 0, "missed: {misses:#?}");
    assert!(automatic.precision() >= 0.9, "{misses:#?}");
    assert!(possible.recall() >= 0.5, "{possible:?}");
}
