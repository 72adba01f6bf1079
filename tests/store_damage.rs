//! Damage of every kind the loader may meet: every truncation of the sample, thousands of
//! random byte changes. Each gives a clear error or a valid session, never a panic or a hang.
// Helpers outside #[test] functions are test code too: a panic is how they report.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod store_common;

use harvest::model::Session;
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
    // The README quotes this count ("all 40,392 truncations of the sample").
    assert_eq!(
        end + 1,
        40_392,
        "every cut from 0 to the last `)` is one truncation"
    );
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
    let sample = store::load_bytes(path, SAMPLE.as_bytes()).unwrap();
    let mut rng = Rng(0x5851_f42d_4c95_7f2d);
    let (mut refused, mut still_valid) = (0, 0);
    // The README quotes this count ("3,000 rounds of random byte damage").
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
                // A change inside a card's words (or a number, or an id nothing points at)
                // can leave a valid session. The damage stays where it was: nothing is lost
                // or added, and no more things differ from the sample than bytes changed.
                assert_damage_is_local(&session, &sample, changes, round);
                still_valid += 1;
            }
            Err(error) => {
                assert_clear(&error, &format!("round {round}"));
                refused += 1;
            }
        }
    }
    eprintln!("random damage: {refused} refused, {still_valid} still valid");
    assert!(
        refused > 2000,
        "most damage is caught: {refused} refused, {still_valid} valid"
    );
    assert!(
        still_valid > 0,
        "some damage lands inside words and is kept as written"
    );
}

/// A damaged file that still loads holds the sample's groups, themes and cards, each in its
/// place, with at most `changes` of them (or the details) different from the sample.
fn assert_damage_is_local(session: &Session, sample: &Session, changes: u64, round: u32) {
    assert_eq!(session.groups.len(), sample.groups.len(), "round {round}");
    assert_eq!(session.themes.len(), sample.themes.len(), "round {round}");
    assert_eq!(session.cards.len(), sample.cards.len(), "round {round}");
    let differ = |a: bool| usize::from(!a);
    let different = differ(session.details == sample.details)
        + (session.groups.iter().zip(&sample.groups))
            .map(|(a, b)| differ(a == b))
            .sum::<usize>()
        + (session.themes.iter().zip(&sample.themes))
            .map(|(a, b)| differ(a == b))
            .sum::<usize>()
        + (session.cards.iter().zip(&sample.cards))
            .map(|(a, b)| differ(a == b))
            .sum::<usize>();
    assert!(
        different as u64 <= changes,
        "round {round}: {changes} bytes changed, {different} things differ"
    );
}
