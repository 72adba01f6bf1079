//! Personal data never leaves in a published report: volunteers with distinctive made-up
//! details are added to the sample workshop, and no trace of those details may appear in any
//! summary (Markdown, HTML, Word, CSV; with and without the appendix) or follow-up (Markdown,
//! HTML, Word). Word files are unzipped and every part read, raw and as text.

// Helpers outside #[test] functions panic too: a failure there is the test failing.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod export_text;

use harvest::model::people::Status;
use harvest::model::{Person, Session};
use harvest::summary::{FollowUp, Format, Summary, SummaryOptions, render, render_follow_up};
use jiff::civil::date;
use proptest::prelude::*;
use std::path::Path;

fn sample() -> Session {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/sample-workshop.ron");
    harvest::store::load(&path).unwrap()
}

/// "Qzx" and random letters: a word no card, theme or group of the sample holds.
fn token() -> impl Strategy<Value = String> {
    "[a-z]{6,10}".prop_map(|letters| format!("Qzx{letters}"))
}

/// One volunteer, every personal field a token of its own; what they signed up for is one
/// of the sample's options (those are counted, and so published).
fn person() -> impl Strategy<Value = Person> {
    (
        [
            token(),
            token(),
            token(),
            token(),
            token(),
            token(),
            token(),
        ],
        prop::sample::subsequence(vec!["Steering group", "Future events"], 0..=2),
        prop::sample::select(vec![
            Status::New,
            Status::Contacted,
            Status::Joined,
            Status::Declined,
            Status::Withdrawn,
        ]),
    )
        .prop_map(
            |([name, email, phone, post, via, notes, contact_by], options, status)| {
                let mut person = Person::new(format!("{name} Person"), date(2026, 10, 14));
                person.contact.email = format!("{}@example.org", email.to_lowercase());
                person.contact.phone = format!("07700 {phone}");
                person.contact.post = format!("1 {post} Road\nTown");
                person.contact.via_worker = via;
                person.notes = notes;
                person.contact_by = contact_by;
                person.signed_up_for = options.into_iter().map(str::to_owned).collect();
                person.status = status;
                person
            },
        )
}

/// Every published export of the session, by name, as text a reader (or a search) could see.
fn published(session: &Session) -> Vec<(String, String)> {
    let mut out = Vec::new();
    for appendix in [false, true] {
        let summary = Summary::build(session, &SummaryOptions { appendix });
        for format in Format::ALL {
            let bytes = render(format, &summary).unwrap();
            let text = match format {
                Format::Docx => export_text::docx_all_text(&bytes),
                _ => String::from_utf8(bytes).unwrap(),
            };
            out.push((format!("summary {format:?} appendix {appendix}"), text));
        }
    }
    let summary = Summary::build(session, &SummaryOptions::default());
    let follow_up = FollowUp::build(session, &summary, date(2026, 12, 1));
    for format in [Format::Markdown, Format::Html, Format::Docx] {
        let bytes = render_follow_up(format, &follow_up).unwrap();
        let text = match format {
            Format::Docx => export_text::docx_all_text(&bytes),
            _ => String::from_utf8(bytes).unwrap(),
        };
        out.push((format!("follow-up {format:?}"), text));
    }
    out
}

/// Searches without case or Markdown escapes, so a detail cannot hide by being changed a
/// little on the way out.
fn leaks(text: &str) -> bool {
    let folded = text.replace('\\', "").to_lowercase();
    folded.contains("qzx")
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 24, ..ProptestConfig::default() })]

    #[test]
    fn no_volunteer_detail_is_published(people in prop::collection::vec(person(), 1..8)) {
        let mut session = sample();
        prop_assume!(!leaks(&format!("{session:?}")));
        session.people.extend(people);
        for (name, text) in published(&session) {
            prop_assert!(!leaks(&text), "{} shows a volunteer's details", name);
        }
    }
}

/// The check above can fail: a token that is published (here as a theme's name) is found in
/// every export.
#[test]
fn the_search_finds_a_token_that_is_published() {
    let mut session = sample();
    session.themes[0].name = "Qzxabcdef".into();
    assert!(published(&session).iter().all(|(_, text)| leaks(text)));
}
