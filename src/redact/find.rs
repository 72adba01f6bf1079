//! Finding personal details in one text. Each finder is a pattern with a check: a regex
//! proposes, a crate made for the format confirms (email_address, phonenumber), and a name is
//! one the session knows or, for review only, capitalised words that read like one.

use super::known::{Known, words};
use crate::model::DetailKind;
use regex::Regex;
use std::ops::Range;
use std::sync::LazyLock;

/// Some words in a text that look personal, what kind of detail they are and why.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Hit {
    /// Byte range in the text.
    pub range: Range<usize>,
    pub kind: DetailKind,
    /// "email address", "UK mobile number", "volunteer Pat Jones", "capitalised, mid-sentence".
    pub why: String,
}

impl Hit {
    /// The words found, as written.
    pub fn words<'a>(&self, text: &'a str) -> &'a str {
        &text[self.range.clone()]
    }
}

pub(super) static EMAIL: LazyLock<Regex> =
    LazyLock::new(|| fixed(r"(?i)[a-z0-9][a-z0-9._%+\-]*@[a-z0-9\-]+(?:\.[a-z0-9\-]+)+"));

// A UK number as people write one: +44 (with or without "(0)"), or a leading 0, then digits
// with spaces, hyphens, dots or brackets between them.
static PHONE: LazyLock<Regex> =
    LazyLock::new(|| fixed(r"(?:\+\s?44\s?(?:\(0\)\s?)?|\(?\b0)\d[\d \-.()]{7,}\d"));

static CAPITALISED: LazyLock<Regex> =
    LazyLock::new(|| fixed(r"\b\p{Lu}\p{Ll}+(?:['’\-]\p{L}+)*\b"));

#[expect(
    clippy::expect_used,
    reason = "the patterns are constants, each used by every test of this module"
)]
fn fixed(pattern: &str) -> Regex {
    Regex::new(pattern).expect("a valid constant pattern")
}

/// Every personal detail found in `text`, in the order they appear, none overlapping: emails
/// and phone numbers first, then known names (longest first), then possible names.
pub fn find(text: &str, known: &Known) -> Vec<Hit> {
    let mut hits = Vec::new();
    emails(text, &mut hits);
    phones(text, &mut hits);
    known_names(text, known, &mut hits);
    possible_names(text, known, &mut hits);
    hits.sort_by_key(|hit| hit.range.start);
    hits
}

fn push(hits: &mut Vec<Hit>, range: Range<usize>, kind: DetailKind, why: String) {
    if !hits
        .iter()
        .any(|h| h.range.start < range.end && range.start < h.range.end)
    {
        hits.push(Hit { range, kind, why });
    }
}

fn emails(text: &str, hits: &mut Vec<Hit>) {
    for found in EMAIL.find_iter(text) {
        let words = found.as_str().trim_end_matches(['.', '-']);
        if email_address::EmailAddress::is_valid(words) {
            let range = found.start()..found.start() + words.len();
            push(hits, range, DetailKind::Email, "email address".to_owned());
        }
    }
}

fn phones(text: &str, hits: &mut Vec<Hit>) {
    for found in PHONE.find_iter(text) {
        let run = found.as_str();
        // A run may hold two numbers side by side ("0161 496 0507 07912 345680"): take the
        // longest number from each place a number can start, then go on after it.
        let mut from = 0;
        while from < run.len() {
            let starts_number = from == 0 || run[..from].ends_with(char::is_whitespace);
            let number = starts_number
                .then(|| longest_number(&run[from..]))
                .flatten();
            match number {
                Some((len, why)) => {
                    let lead = run[from..].find(['+', '(', '0']).unwrap_or(0);
                    let start = found.start() + from + lead;
                    let end = found.start() + from + len;
                    push(hits, start..end, DetailKind::Phone, why.to_owned());
                    from += len;
                }
                None => from += run[from..].chars().next().map_or(1, char::len_utf8),
            }
        }
    }
}

/// The longest phone number at the start of `run`, ending where a digit does: its length in
/// bytes and what kind of number it is.
fn longest_number(run: &str) -> Option<(usize, &'static str)> {
    // "+44 (0) 7912 345 678" is twenty characters: no number is longer than that, however
    // spaced, which keeps a long run of digits from being tried at every length.
    let ends = run
        .char_indices()
        .take_while(|(at, _)| *at < 24)
        .filter(|(_, c)| c.is_ascii_digit())
        .map(|(at, c)| at + c.len_utf8());
    let ends: Vec<usize> = ends.collect();
    ends.into_iter()
        .rev()
        .find_map(|end| phone_kind(&run[..end]).map(|why| (end, why)))
}

/// What kind of UK phone number the whole of `text` is, if it is one.
fn phone_kind(text: &str) -> Option<&'static str> {
    if !PHONE
        .find(text)
        .is_some_and(|m| m.range() == (0..text.len()))
    {
        return None;
    }
    let number = phonenumber::parse(Some(phonenumber::country::Id::GB), text).ok()?;
    match number.number_type(&phonenumber::metadata::DATABASE) {
        phonenumber::Type::Mobile => Some("UK mobile number"),
        phonenumber::Type::FixedLine | phonenumber::Type::FixedLineOrMobile => {
            Some("UK landline number")
        }
        _ if number.is_valid() => Some("UK phone number"),
        // Parsed, but not a number in use: still eleven digits someone could ring.
        _ if national_digits(text) == 10 => Some("phone number (not one in use)"),
        _ => None,
    }
}

/// The digits after the country code or trunk 0.
fn national_digits(number: &str) -> usize {
    let digits: String = number.chars().filter(char::is_ascii_digit).collect();
    let national = digits
        .strip_prefix("440")
        .or_else(|| digits.strip_prefix("44"))
        .or_else(|| digits.strip_prefix('0'))
        .unwrap_or(&digits);
    national.len()
}

fn known_names(text: &str, known: &Known, hits: &mut Vec<Hit>) {
    let Some(pattern) = &known.pattern else {
        return;
    };
    for found in pattern.find_iter(text) {
        let key = words(found.as_str())
            .collect::<Vec<_>>()
            .join(" ")
            .to_lowercase();
        let Some(name) = known.names.iter().find(|n| n.key == key) else {
            continue;
        };
        let range = found.range();
        match &name.part_of {
            None => push(hits, range, DetailKind::Name, name.source.clone()),
            Some(whole) => {
                let capital = found.as_str().starts_with(char::is_uppercase);
                if !capital {
                    continue;
                }
                // "Will" at the start of a sentence may be the word, not the person: so
                // when the session also writes it in lower case.
                let word = found.as_str().to_lowercase();
                let kind = if at_sentence_start(text, range.start) && known.ordinary.contains(&word)
                {
                    DetailKind::MaybeName
                } else {
                    DetailKind::Name
                };
                let why = format!("part of the name of {} {whole}", name.source);
                push(hits, range, kind, why);
            }
        }
    }
}

/// Capitalised words that are not at the start of a sentence, not words the session uses
/// otherwise and not on the list of capitalised words: flagged for review, never taken out
/// unless the organiser accepts them.
fn possible_names(text: &str, known: &Known, hits: &mut Vec<Hit>) {
    let mut run: Option<Range<usize>> = None;
    let mut runs = Vec::new();
    for found in CAPITALISED.find_iter(text) {
        let word = found.as_str().to_lowercase();
        let is_title = TITLES.contains(&word.trim_end_matches('.'));
        let ordinary = !is_title && (known.ordinary.contains(&word) || not_a_name(&word));
        match (&mut run, ordinary) {
            (Some(r), false)
                if text[r.end..found.start()].trim().is_empty()
                    && text[r.end..found.start()].len() <= 1 =>
            {
                r.end = found.end();
            }
            (_, false) => {
                runs.extend(run.take());
                run = Some(found.range());
            }
            (_, true) => runs.extend(run.take()),
        }
    }
    runs.extend(run);
    for range in runs {
        let several = text[range.clone()].contains(' ');
        let titled = TITLES.contains(
            &text[range.clone()]
                .split(' ')
                .next()
                .unwrap_or_default()
                .to_lowercase()
                .trim_end_matches('.'),
        );
        if titled && !several {
            continue;
        }
        let why = if titled {
            "a title and a capitalised name"
        } else if several {
            "capitalised words together, like a first name and surname"
        } else if at_sentence_start(text, range.start) {
            continue;
        } else {
            "capitalised in the middle of a sentence"
        };
        push(hits, range, DetailKind::MaybeName, why.to_owned());
    }
}

/// Whether only spaces and opening quotes lie between `at` and the text's start or the end
/// of a sentence, line or list item.
fn at_sentence_start(text: &str, at: usize) -> bool {
    let before = text[..at].trim_end_matches(|c: char| c.is_whitespace() || "\"'“‘(".contains(c));
    before.is_empty() || before.ends_with(['.', '!', '?', ':', ';', '\n', '-', '•', '*'])
}

/// On the list of capitalised words that are seldom people, as written or as a plural.
fn not_a_name(word: &str) -> bool {
    NOT_NAMES.contains(&word)
        || word
            .strip_suffix('s')
            .is_some_and(|w| NOT_NAMES.contains(&w))
}

const TITLES: [&str; 6] = ["mr", "mrs", "ms", "miss", "dr", "mx"];

/// Capitalised words that are seldom people: days, months, places of care, faiths and
/// festivals, the words that start a card.
const NOT_NAMES: &[&str] = &[
    "i",
    "i'm",
    "i've",
    "i'd",
    "i'll",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "january",
    "february",
    "march",
    "april",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "christmas",
    "easter",
    "eid",
    "diwali",
    "ramadan",
    "english",
    "british",
    "welsh",
    "scottish",
    "irish",
    "polish",
    "urdu",
    "punjabi",
    "bengali",
    "arabic",
    "council",
    "government",
    "parliament",
    "minister",
    "nhs",
    "gp",
    "gps",
    "social",
    "care",
    "carers",
    "carer",
    "services",
    "service",
    "centre",
    "center",
    "team",
    "trust",
    "hospital",
    "direct",
    "payments",
    "payment",
    "personal",
    "budget",
    "budgets",
    "assessment",
    "review",
    "plan",
    "support",
    "act",
    "the",
    "a",
    "an",
    "we",
    "they",
    "it",
    "my",
    "our",
    "their",
    "you",
    "he",
    "she",
    "this",
    "that",
    "there",
    "when",
    "if",
    "but",
    "and",
    "or",
    "not",
    "no",
    "yes",
    "ok",
    "okay",
    "please",
    "thanks",
    "thank",
    "mum",
    "dad",
    "nan",
    "gran",
    "grandad",
    "god",
    "internet",
    "google",
    "facebook",
    "whatsapp",
    "zoom",
    "teams",
    "word",
    "excel",
    "email",
    "phone",
    "town",
    "city",
    "road",
    "street",
    "library",
    "hall",
    "house",
    "office",
    "court",
    "park",
    "school",
    "college",
    "university",
    "church",
    "mosque",
    "temple",
    "job",
    "jobcentre",
    "benefits",
    "universal",
    "credit",
    "good",
    "bad",
    "what",
    "why",
    "how",
    "who",
    "also",
    "more",
    "less",
    "easy",
    "read",
    "plain",
    "need",
    "needs",
    "would",
    "could",
    "should",
    "can",
];
