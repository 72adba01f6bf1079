//! `harvest export --redact` and `harvest redactions`: a session whose cards hold a
//! volunteer's name, a phone number and an email exports, in every report and format, with
//! none of them left and every other word kept; without `--redact` the words are as typed;
//! the session file never changes.

// Helpers outside #[test] functions panic too: a failure there is the test failing.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod export_text;

use harvest::model::{Card, Category, DetailKind, Person, RedactChoice, Redaction, Session};
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

const SAID: &str =
    "Pat Jones rang me on 07912 345678 and emailed pat.jones@example.org about the rota";
const REDACTED: &str = "[name] rang me on [phone] and emailed [email] about the rota";
const ROLE: &str = "My PA Bilal sorts the rota";
const ROLE_REDACTED: &str = "My PA [my PA] sorts the rota";
const DISMISSED: &str = "Ask Rose at the office";

/// The sample, with a volunteer and three cards under its first theme, starred so that
/// every report quotes them: the card with all three details, one whose name the organiser
/// replaced with a role, and one whose possible name the organiser dismissed.
fn session_file(folder: &Path) -> PathBuf {
    let sample = Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/sample-workshop.ron");
    let mut session: Session = harvest::store::load(&sample).unwrap();
    let mut pat = Person::new("Pat Jones", session.details.date);
    pat.contact.email = "pat.jones@example.org".to_owned();
    session.people.push(pat);
    session
        .people
        .push(Person::new("Bilal Ahmed", session.details.date));
    let theme = session.themes[0].id;
    let group = session.groups[0].id;
    let card = |text: &str, category, redactions| Card {
        group,
        category,
        text: text.to_owned(),
        themes: vec![theme],
        starred: true,
        votes: 9,
        redactions,
        ..Card::default()
    };
    session
        .cards
        .insert(0, card(SAID, Category::NotSoGood, vec![]));
    let role = Redaction {
        words: "Bilal".to_owned(),
        kind: DetailKind::Name,
        choice: RedactChoice::Replace("[my PA]".to_owned()),
    };
    session
        .cards
        .insert(0, card(ROLE, Category::Good, vec![role]));
    let dismissed = Redaction {
        words: "Rose".to_owned(),
        kind: DetailKind::MaybeName,
        choice: RedactChoice::Dismiss,
    };
    let idea = card(DISMISSED, Category::MakeADifference, vec![dismissed]);
    session.cards.insert(0, idea);
    let path = folder.join("event.ron");
    std::fs::write(&path, harvest::store::format::to_text(&session).unwrap()).unwrap();
    path
}

fn harvest(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_harvest"))
        .args(args)
        .env("RUST_BACKTRACE", "0")
        .env("HARVEST_TODAY", "2026-12-01")
        .output()
        .unwrap()
}

fn arg(path: &Path) -> &str {
    path.to_str().unwrap()
}

/// Every report in every format it offers.
const EXPORTS: &[(&str, &str)] = &[
    ("summary", "md"),
    ("summary", "html"),
    ("summary", "docx"),
    ("summary", "csv"),
    ("follow-up", "md"),
    ("follow-up", "html"),
    ("follow-up", "docx"),
    ("easy-read", "html"),
    ("easy-read", "docx"),
];

/// The words a reader of the exported file sees.
fn export(file: &Path, report: &str, format: &str, redact: bool) -> (String, String) {
    let out = file.with_file_name(format!("{report}.{format}"));
    let mut args = vec![
        "export",
        arg(file),
        "--report",
        report,
        "--format",
        format,
        "--output",
        arg(&out),
    ];
    if redact {
        args.push("--redact");
    }
    let run = harvest(&args);
    assert!(run.status.success(), "{report} {format}: {run:?}");
    let bytes = std::fs::read(&out).unwrap();
    let text = match format {
        "docx" => export_text::docx_text(&bytes),
        "html" => export_text::xml_text(&String::from_utf8(bytes).unwrap()),
        // Markdown escapes the placeholders' brackets, which a reader never sees.
        "md" => String::from_utf8(bytes).unwrap().replace('\\', ""),
        _ => String::from_utf8(bytes).unwrap(),
    };
    (text, String::from_utf8(run.stderr).unwrap())
}

#[test]
fn redacted_exports_keep_every_other_word_and_take_out_every_detail() {
    let folder = tempfile::tempdir().unwrap();
    let file = session_file(folder.path());
    let before = std::fs::read(&file).unwrap();
    for (report, format) in EXPORTS {
        let (text, said) = export(&file, report, format, true);
        let text = text.replace('\n', " ");
        for detail in [
            "Pat",
            "Jones",
            "07912",
            "345678",
            "pat.jones@example.org",
            "Bilal",
        ] {
            assert!(
                !text.contains(detail),
                "{report} {format} still says {detail}: {text}"
            );
        }
        for kept in [REDACTED, ROLE_REDACTED, DISMISSED] {
            assert!(
                text.contains(kept),
                "{report} {format} lacks {kept:?}: {text}"
            );
        }
        // Ours, and the sample's own: Margaret and her number.
        assert!(
            said.contains("6 details taken out"),
            "{report} {format}: {said}"
        );
    }
    assert_eq!(std::fs::read(&file).unwrap(), before, "the session changed");
}

#[test]
fn without_redact_the_words_are_as_typed() {
    let folder = tempfile::tempdir().unwrap();
    let file = session_file(folder.path());
    for (report, format) in EXPORTS {
        let (text, said) = export(&file, report, format, false);
        let text = text.replace('\n', " ");
        for typed in [SAID, ROLE, DISMISSED] {
            assert!(text.contains(typed), "{report} {format} lacks {typed:?}");
        }
        assert!(!said.contains("taken out"), "{said}");
    }
}

#[test]
fn redactions_lists_each_detail_with_what_replaces_it_and_why() {
    let folder = tempfile::tempdir().unwrap();
    let file = session_file(folder.path());
    let before = std::fs::read(&file).unwrap();
    let run = harvest(&["redactions", arg(&file)]);
    assert!(run.status.success(), "{run:?}");
    let out = String::from_utf8(run.stdout).unwrap();
    for line in [
        "name \"Pat Jones\" → [name] (volunteer)",
        "phone number \"07912 345678\" → [phone] (UK mobile number)",
        "email \"pat.jones@example.org\" → [email] (email address)",
        "name \"Bilal\" → [my PA] (part of the name of volunteer Bilal Ahmed)",
        "possible name \"Rose\" kept as typed (dismissed)",
    ] {
        assert!(out.contains(line), "no {line:?} in:\n{out}");
    }
    assert!(
        out.contains("6 details taken out in a redacted export, 1 kept as typed"),
        "{out}"
    );
    assert_eq!(std::fs::read(&file).unwrap(), before);
}

#[test]
fn redactions_csv_is_a_log_with_a_row_per_detail() {
    let folder = tempfile::tempdir().unwrap();
    let file = session_file(folder.path());
    let run = harvest(&["redactions", arg(&file), "--csv"]);
    assert!(run.status.success(), "{run:?}");
    let mut reader = csv::Reader::from_reader(run.stdout.as_slice());
    assert_eq!(
        reader.headers().unwrap(),
        vec![
            "where",
            "kind",
            "words",
            "outcome",
            "replaced_with",
            "why",
            "text"
        ]
    );
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    let phone = rows.iter().find(|r| &r[1] == "phone number").unwrap();
    assert_eq!(
        (&phone[2], &phone[3], &phone[4]),
        ("07912 345678", "replaced", "[phone]")
    );
    assert_eq!(&phone[6], SAID);
}

#[test]
fn easy_read_is_refused_as_markdown_or_csv_before_the_file_is_read() {
    for format in ["md", "csv"] {
        let run = harvest(&[
            "export",
            "missing.ron",
            "--report",
            "easy-read",
            "--format",
            format,
        ]);
        assert_eq!(run.status.code(), Some(2), "{run:?}");
        let said = String::from_utf8(run.stderr).unwrap();
        assert!(
            said.contains("'--format html' or '--format docx'"),
            "{said}"
        );
    }
}

#[test]
fn a_file_that_is_not_a_session_is_an_error_and_nothing_is_listed() {
    let folder = tempfile::tempdir().unwrap();
    let file = folder.path().join("broken.ron");
    std::fs::write(
        &file,
        "(format: \"harvest-session\", version: 2, session: (",
    )
    .unwrap();
    let run = harvest(&["redactions", arg(&file)]);
    assert_eq!(run.status.code(), Some(1));
    let said = String::from_utf8(run.stderr).unwrap();
    assert!(said.contains("broken.ron:1:"), "{said}");
    assert!(run.stdout.is_empty());
    let missing = folder.path().join("missing.ron");
    let run = harvest(&["export", arg(&missing), "--format", "md", "--redact"]);
    assert_eq!(run.status.code(), Some(1));
}
