//! Damage of every kind the loader may meet: every truncation of the sample, thousands of
//! random byte changes. Each gives a clear error or a valid session, never a panic or a hang.
// Helpers outside #[test] functions are test code too: a panic is how they report.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod store_common;

use harvest::store::{self, LoadError};
use std::path::Path;
use store_common::Rng;

const SAMPLE: &str = include_str!("../assets/sample-workshop.ron");

/// The error is a full report: `FILE:LINE:COL: reason` or `FILE: reason`, with words in it.
fn assert_clear(error: &LoadError, what: &str) {
    let report = error.report();
    let first = report.lines().next().unwrap_or_default();
    let reason = first
        .strip_prefix("sample.ron:")
        .unwrap_or_else(|| panic!("{what}: {report}"));
    let words = reason
        .trim_start_matches(|c: char| c.is_ascii_digit() || c == ':')
        .trim();
    assert!(words.len() > 10, "{what}: {report}");
    assert!(
        !report.contains("Expected option") && !report.contains("RON"),
        "{what}: {report}"
    );
}

#[test]
fn every_truncation_of_the_sample_is_refused_clearly() {
    let path = Path::new("sample.ron");
    let end = SAMPLE.rfind(')').unwrap();
    let bytes = SAMPLE.as_bytes();
    // Both cores: 30,000 parses.
    std::thread::scope(|scope| {
        for half in 0..2 {
            scope.spawn(move || {
                for cut in (half..=end).step_by(2) {
                    let error = store::load_bytes(path, &bytes[..cut])
                        .expect_err(&format!("cut at {cut} of {end} loaded"));
                    assert_clear(&error, &format!("cut at {cut}"));
                    let positioned = error.problem.position.is_some();
                    assert!(
                        positioned || cut < 10 || error.report().contains("UTF-8"),
                        "cut at {cut}: {}",
                        error.report()
                    );
                }
            });
        }
    });
    // Cut after the last `)`: only the final line break is missing, and it is whole.
    assert!(store::load_bytes(path, &bytes[..=end]).is_ok());
}

#[test]
fn thousands_of_random_byte_changes_never_panic() {
    let path = Path::new("sample.ron");
    let mut rng = Rng(0x5851_f42d_4c95_7f2d);
    let (mut refused, mut still_valid) = (0, 0);
    for round in 0..3000 {
        let mut bytes = SAMPLE.as_bytes().to_vec();
        let changes = 1 + rng.below(if round % 10 == 0 { 20 } else { 1 });
        for _ in 0..changes {
            let at = rng.below(bytes.len() as u64) as usize;
            bytes[at] = match rng.below(4) {
                0 => bytes[at] ^ (1 << rng.below(8)),
                1 => 0,
                2 => b"()[]{},:\"\\"[rng.below(10) as usize],
                _ => rng.below(256) as u8,
            };
        }
        match store::load_bytes(path, &bytes) {
            Ok(session) => {
                // A change inside a card's text can leave a valid session; it must be whole.
                assert!(session.validate().is_ok());
                still_valid += 1;
            }
            Err(error) => {
                assert_clear(&error, &format!("round {round}"));
                refused += 1;
            }
        }
    }
    assert!(
        refused > 2000,
        "most damage is caught: {refused} refused, {still_valid} valid"
    );
}

#[test]
fn the_v1_fixture_loads_forever() {
    let session = store::load(Path::new("tests/fixtures/v1.ron"))
        .unwrap_or_else(|e| panic!("{}", e.report()));
    assert_eq!(session.details.title, "Version 1 fixture: carers' forum");
    assert_eq!(session.groups.len(), 2);
    assert_eq!(session.themes.len(), 2);
    assert_eq!(session.cards.len(), 5);
    let starred: Vec<_> = session
        .cards
        .iter()
        .filter(|c| c.starred)
        .map(|c| c.text.as_str())
        .collect();
    assert_eq!(
        starred,
        ["Respite came through in a week — first time ever"]
    );
    assert_eq!(session.groups[0].participants.get("Carers"), Some(&4));
    assert!(session.cards.iter().any(|c| !c.answers.is_empty()));
    assert!(session.cards.iter().any(|c| c.text.contains('\n')));
}
