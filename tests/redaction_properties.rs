//! Redacted exports, for randomly made sessions: cards of ordinary words with volunteers'
//! names (whole, or a first name alone mid-sentence), emails made from their names and UK
//! phone numbers put in at random places. Every report in every format made from the
//! redacted copy shows none of those details and keeps every other word, and redacting never
//! changes the session itself.

// Helpers outside #[test] functions panic too: a failure there is the test failing.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod export_text;

use harvest::model::{Card, Category, Group, Person, Session, Theme};
use harvest::summary::{Format, SummaryOptions, export, export_easy_read, export_follow_up};
use jiff::civil::date;
use proptest::prelude::*;

/// Invented first names, unlike any English word or any word a report uses.
const FIRST_NAMES: [&str; 6] = [
    "Zorbek", "Quilla", "Vantessa", "Marvosh", "Tuvalde", "Yselka",
];

/// Invented surnames, none of them a first name too.
const SURNAMES: [&str; 6] = [
    "Okonkwo-Pryce",
    "Drabnik",
    "Fennimoor",
    "Kastellan",
    "Wuzowski",
    "Pellingrove",
];

/// Ordinary lower-case words a card is made of: none is inside a name or an email, none
/// holds a name.
const FILLER: [&str; 20] = [
    "support", "budget", "waiting", "forms", "rota", "money", "carers", "help", "weeks", "bus",
    "late", "lonely", "cost", "meeting", "advice", "letters", "shopping", "garden", "cafe",
    "nobody",
];

const GROUPS: [&str; 3] = ["Table 1", "Table 2", "Table 3"];
const THEMES: [&str; 3] = ["Transport", "Money worries", "Waiting times"];

/// A personal detail to put in a card, about one of the session's volunteers.
#[derive(Clone, Debug)]
enum Detail {
    FullName(usize),
    /// Capitalised, never the card's first word.
    FirstName(usize),
    Email(usize),
    /// `07912 3456NN`
    Mobile(u8),
    /// `+44 7912 3456NN`
    MobileIntl(u8),
    /// `0161 496 0NNN`
    Landline(u16),
}

impl Detail {
    /// The words as typed, and the placeholder a redacted export shows instead.
    fn words(&self, people: &[(&str, &str)]) -> (String, &'static str) {
        let person = |i: &usize| people[i % people.len()];
        match self {
            Detail::FullName(i) => {
                let (first, last) = person(i);
                (format!("{first} {last}"), "[name]")
            }
            Detail::FirstName(i) => (person(i).0.to_owned(), "[name]"),
            Detail::Email(i) => {
                let (first, last) = person(i);
                (
                    format!("{first}.{last}@example.org").to_lowercase(),
                    "[email]",
                )
            }
            Detail::Mobile(n) => (format!("07912 3456{n:02}"), "[phone]"),
            Detail::MobileIntl(n) => (format!("+44 7912 3456{n:02}"), "[phone]"),
            Detail::Landline(n) => (format!("0161 496 0{n:03}"), "[phone]"),
        }
    }
}

fn detail() -> impl Strategy<Value = Detail> {
    prop_oneof![
        any::<usize>().prop_map(Detail::FullName),
        any::<usize>().prop_map(Detail::FirstName),
        any::<usize>().prop_map(Detail::Email),
        (0u8..100).prop_map(Detail::Mobile),
        (0u8..100).prop_map(Detail::MobileIntl),
        (0u16..1000).prop_map(Detail::Landline),
    ]
}

#[derive(Clone, Debug)]
struct CardPlan {
    group: usize,
    category: Category,
    themes: Vec<usize>,
    starred: bool,
    votes: i32,
    filler: Vec<&'static str>,
    /// Each detail and where among the words it goes.
    details: Vec<(Detail, usize)>,
}

#[derive(Clone, Debug)]
struct Plan {
    people: Vec<(&'static str, &'static str)>,
    groups: usize,
    themes: usize,
    cards: Vec<CardPlan>,
}

fn card_plan() -> impl Strategy<Value = CardPlan> {
    (
        any::<usize>(),
        prop::sample::select(Category::ALL.to_vec()),
        prop::collection::vec(any::<usize>(), 1..=3),
        any::<bool>(),
        0i32..5,
        prop::collection::vec(prop::sample::select(FILLER.to_vec()), 1..8),
        prop::collection::vec((detail(), any::<usize>()), 0..5),
    )
        .prop_map(
            |(group, category, themes, starred, votes, filler, details)| CardPlan {
                group,
                category,
                themes,
                starred,
                votes,
                filler,
                details,
            },
        )
}

fn plan() -> impl Strategy<Value = Plan> {
    (
        prop::collection::vec(
            (
                prop::sample::select(FIRST_NAMES.to_vec()),
                prop::sample::select(SURNAMES.to_vec()),
            ),
            1..=4,
        ),
        1usize..=3,
        1usize..=3,
        prop::collection::vec(card_plan(), 1..=12),
    )
        .prop_map(|(people, groups, themes, cards)| Plan {
            people,
            groups,
            themes,
            cards,
        })
}

/// One word of a card: an ordinary word, or a detail (as typed, and its placeholder).
enum Word {
    Filler(&'static str),
    Detail(String, &'static str),
}

/// A card's words in order. A first name alone never starts the card (there it could be a
/// word starting a sentence). Phone numbers may stand side by side: each is still one number.
fn words(card: &CardPlan, people: &[(&str, &str)]) -> Vec<Word> {
    let mut words: Vec<Word> = card.filler.iter().map(|w| Word::Filler(w)).collect();
    for (detail, at) in &card.details {
        let mut at = at % (words.len() + 1);
        if matches!(detail, Detail::FirstName(_)) {
            at = at.max(1);
        }
        let (typed, placeholder) = detail.words(people);
        words.insert(at, Word::Detail(typed, placeholder));
    }
    words
}

/// The session a plan makes, and for each card the text a redacted export should show.
fn build(plan: &Plan) -> (Session, Vec<String>) {
    let mut session = Session::new("Carers' forum");
    session.details.date = date(2026, 10, 14);
    session.groups = GROUPS[..plan.groups]
        .iter()
        .map(|g| Group::new(*g))
        .collect();
    session.themes = THEMES[..plan.themes]
        .iter()
        .enumerate()
        .map(|(i, t)| Theme::new(*t, i))
        .collect();
    for (first, last) in &plan.people {
        session
            .people
            .push(Person::new(format!("{first} {last}"), date(2026, 10, 14)));
    }
    let mut expected = Vec::new();
    for card in &plan.cards {
        let words = words(card, &plan.people);
        let join = |pick: fn(&Word) -> &str| words.iter().map(pick).collect::<Vec<_>>().join(" ");
        let text = join(|w| match w {
            Word::Filler(f) => f,
            Word::Detail(typed, _) => typed,
        });
        expected.push(join(|w| match w {
            Word::Filler(f) => f,
            Word::Detail(_, placeholder) => placeholder,
        }));
        let mut themes: Vec<_> = card
            .themes
            .iter()
            .map(|i| session.themes[i % session.themes.len()].id)
            .collect();
        themes.dedup();
        session.cards.push(Card {
            group: session.groups[card.group % session.groups.len()].id,
            category: card.category,
            text,
            themes,
            starred: card.starred,
            votes: card.votes,
            ..Card::default()
        });
    }
    (session, expected)
}

/// Every detail a report must never show: each volunteer's first name and surname (and
/// each half of a double-barrelled one), and every email and phone number in a card, with
/// the phone numbers' last digits as one run; all in lower case.
fn secrets(plan: &Plan) -> Vec<String> {
    let mut out = Vec::new();
    for (first, last) in &plan.people {
        out.push(first.to_lowercase());
        out.push(last.to_lowercase());
        out.extend(last.split('-').map(str::to_lowercase));
    }
    for card in &plan.cards {
        for (detail, _) in &card.details {
            let (typed, _) = detail.words(&plan.people);
            out.push(typed.to_lowercase());
            match detail {
                Detail::Mobile(n) | Detail::MobileIntl(n) => out.push(format!("3456{n:02}")),
                Detail::Landline(n) => out.push(format!("496 0{n:03}")),
                _ => {}
            }
        }
    }
    out
}

/// The text of a Word document's body. Unlike `export_text::docx_text` this reads only
/// that part, for an Easy Read document also holds pictures, which are not text.
fn docx_text(bytes: &[u8]) -> String {
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    let mut xml = String::new();
    std::io::Read::read_to_string(&mut archive.by_name("word/document.xml").unwrap(), &mut xml)
        .unwrap();
    export_text::xml_text(&xml)
}

/// Every report of a session, by name, as the text a reader sees: whether it lists every
/// card (the summary with its appendix) and its text. Markdown's escapes are taken out.
fn reports(session: &Session) -> Vec<(String, bool, String)> {
    let read = |format: Format, bytes: Vec<u8>| match format {
        Format::Docx => docx_text(&bytes),
        Format::Html => export_text::xml_text(&String::from_utf8(bytes).unwrap()),
        Format::Markdown => String::from_utf8(bytes).unwrap().replace('\\', ""),
        Format::Csv => String::from_utf8(bytes).unwrap(),
    };
    let mut out = Vec::new();
    for format in [Format::Markdown, Format::Html, Format::Docx, Format::Csv] {
        let bytes = export(session, &SummaryOptions { appendix: true }, format).unwrap();
        out.push((format!("summary {format:?}"), true, read(format, bytes)));
    }
    for format in [Format::Markdown, Format::Html, Format::Docx] {
        let bytes = export_follow_up(session, date(2026, 12, 1), format).unwrap();
        out.push((format!("follow-up {format:?}"), false, read(format, bytes)));
    }
    for format in [Format::Html, Format::Docx] {
        let bytes = export_easy_read(session, format).unwrap();
        out.push((format!("Easy Read {format:?}"), false, read(format, bytes)));
    }
    out
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    #[test]
    fn redacted_reports_show_no_detail_and_every_other_word(plan in plan()) {
        let (session, expected) = build(&plan);
        let before = session.clone();
        let redacted = harvest::redact::redact(&session);
        prop_assert_eq!(&session, &before, "redacting changed the session");

        let texts: Vec<&str> = redacted.session.cards.iter().map(|c| c.text.as_str()).collect();
        prop_assert_eq!(&texts, &expected, "the redacted cards");

        let secrets = secrets(&plan);
        for (name, every_card, text) in reports(&redacted.session) {
            let folded = text.to_lowercase();
            for secret in &secrets {
                prop_assert!(!folded.contains(secret), "{} shows {:?}:\n{}", name, secret, text);
            }
            if every_card {
                for (card, want) in plan.cards.iter().zip(&expected) {
                    for word in &card.filler {
                        prop_assert!(text.contains(word), "{} lost {:?}:\n{}", name, word, text);
                    }
                    prop_assert!(text.contains(want.as_str()), "{} lacks {:?}:\n{}", name, want, text);
                }
            }
        }
    }
}

/// A plan with every kind of detail in one starred card, so every report quotes it.
fn everything() -> Plan {
    let details = vec![
        (Detail::FullName(0), 0),
        (Detail::FirstName(1), 2),
        (Detail::Email(0), 4),
        (Detail::Mobile(7), 6),
        (Detail::MobileIntl(42), 8),
        (Detail::Landline(123), 10),
    ];
    Plan {
        people: vec![("Zorbek", "Okonkwo-Pryce"), ("Quilla", "Drabnik")],
        groups: 1,
        themes: 1,
        cards: vec![CardPlan {
            group: 0,
            category: Category::NotSoGood,
            themes: vec![0],
            starred: true,
            votes: 3,
            filler: vec!["waiting", "weeks", "forms", "help", "money", "rota"],
            details,
        }],
    }
}

/// The property above cannot pass by showing nothing: without redacting, every report shows
/// every detail. And no name is a word the reports use anyway, nor holds an ordinary word.
#[test]
fn unredacted_reports_show_the_details() {
    let plan = everything();
    let (session, _) = build(&plan);
    let typed: Vec<String> = plan.cards[0]
        .details
        .iter()
        .map(|(d, _)| d.words(&plan.people).0)
        .collect();
    assert_eq!(typed.len(), 6);
    for (name, _, text) in reports(&session) {
        let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
        for detail in &typed {
            assert!(
                flat.contains(detail.as_str()),
                "{name} lacks {detail:?}:\n{text}"
            );
        }
    }
    // Each phone number is one the redaction finds, as a phone number.
    let known = harvest::redact::Known::default();
    for detail in &typed[3..] {
        let hits = harvest::redact::find(detail, &known);
        assert_eq!(hits.len(), 1, "{detail}");
        assert_eq!(hits[0].kind, harvest::model::DetailKind::Phone, "{detail}");
        assert_eq!(hits[0].range, 0..detail.len(), "{detail}");
    }

    let mut plain = plan.clone();
    plain.cards[0].details.clear();
    let (session, _) = build(&plain);
    let names: Vec<String> = FIRST_NAMES
        .iter()
        .chain(&SURNAMES)
        .map(|n| n.to_lowercase())
        .collect();
    for (name, _, text) in reports(&session) {
        let folded = text.to_lowercase();
        for n in &names {
            assert!(!folded.contains(n.as_str()), "{name} shows {n:?} unasked");
        }
    }
    for word in FILLER {
        for n in &names {
            let email = format!("{n}.{n}@example.org");
            assert!(
                !n.contains(word) && !word.contains(n.as_str()),
                "{word} {n}"
            );
            assert!(!email.contains(word), "{word} in {email}");
        }
    }
}
