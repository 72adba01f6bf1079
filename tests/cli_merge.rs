//! `harvest merge`: table files or their folder into one new event, or into an existing one;
//! sync tools' work files skipped and their conflict copies merged; a bad input named with
//! its position and nothing written; an existing output never overwritten; a session another
//! Harvest holds left alone; `harvest check` counting the conflicts to resolve.
// Helpers outside #[test] functions are test code too: a panic is how they report.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;
use common::harvest;

use harvest::edit::{Edit, History};
use harvest::model::{Card, Category, ReplicaId, Session, Theme};
use harvest::store;
use std::path::{Path, PathBuf};

fn start() -> Session {
    store::format::from_text(store::places::SAMPLE)
        .unwrap()
        .session
}

/// The sample as one laptop left it after `edits`.
fn laptop(replica: u128, edits: impl FnOnce(&Session) -> Vec<Edit>) -> Session {
    let mut session = start();
    let mut history = History::by(ReplicaId::from_u128(replica));
    for edit in edits(&session) {
        history.apply(&mut session, edit).unwrap();
    }
    session
}

fn text(id: usize, words: &str, session: &Session) -> Edit {
    Edit::SetCardText {
        id: session.cards[id].id,
        text: words.to_owned(),
    }
}

/// Three table files in `dir`: the first two edit the first card differently (and, with
/// `two_conflicts`, the second card too), the second deletes the third card, the first and
/// third make the same theme in different capitals, the third adds a card.
fn tables(dir: &Path, two_conflicts: bool) -> Vec<PathBuf> {
    let one = laptop(1, |s| {
        let mut edits = vec![
            text(0, "Table one's words", s),
            Edit::AddTheme {
                theme: Theme::new("Carers' breaks", 0),
                index: usize::MAX,
            },
        ];
        if two_conflicts {
            edits.push(text(1, "One again", s));
        }
        edits
    });
    let two = laptop(2, |s| {
        let mut edits = vec![
            text(0, "Table two's words", s),
            Edit::DeleteCard { id: s.cards[2].id },
        ];
        if two_conflicts {
            edits.push(text(1, "Two again", s));
        }
        edits
    });
    let three = laptop(3, |s| {
        vec![
            Edit::AddTheme {
                theme: Theme::new("carers' BREAKS ", 0),
                index: usize::MAX,
            },
            Edit::AddCard {
                card: Card::new(s.groups[0].id, Category::Good, "Late bus"),
                index: usize::MAX,
            },
        ]
    });
    [
        ("table-1.ron", one),
        ("table-2.ron", two),
        ("table-3.ron", three),
    ]
    .into_iter()
    .map(|(name, session)| {
        let path = dir.join(name);
        store::save(&session, &path).unwrap();
        path
    })
    .collect()
}

fn run(args: &[&str]) -> (i32, String, String) {
    let output = harvest(args);
    (
        output.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&output.stdout).into_owned(),
        String::from_utf8_lossy(&output.stderr).into_owned(),
    )
}

fn arg(path: &Path) -> &str {
    path.to_str().unwrap()
}

#[test]
fn three_tables_merge_into_one_new_event_with_the_conflict_counted() {
    let dir = tempfile::tempdir().unwrap();
    let files = tables(dir.path(), false);
    let event = dir.path().join("event.ron");
    let (code, stdout, stderr) = run(&[
        "merge",
        arg(&files[0]),
        arg(&files[1]),
        arg(&files[2]),
        "--output",
        arg(&event),
    ]);
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(
        stdout,
        format!(
            "{}: 6 groups, 48 cards, 6 themes — merged 3 files, 1 conflict to resolve\n",
            event.display()
        ),
        "48 cards: one deleted, one added; one new theme for the two spellings"
    );
    let merged = store::load(&event).unwrap();
    let conflict = merged.conflicts().next().unwrap();
    let mut texts = [
        conflict.text.as_str(),
        conflict.others[0].card.text.as_str(),
    ];
    texts.sort();
    assert_eq!(texts, ["Table one's words", "Table two's words"]);

    let (code, stdout, _) = run(&["check", arg(&event)]);
    assert_eq!(code, 0);
    assert_eq!(
        stdout,
        format!(
            "{}: 6 groups, 48 cards, 6 themes, 1 conflict to resolve\n",
            event.display()
        )
    );
}

#[test]
fn two_conflicts_are_counted_in_the_plural() {
    let dir = tempfile::tempdir().unwrap();
    let files = tables(dir.path(), true);
    let event = dir.path().join("event.ron");
    let (code, stdout, stderr) = run(&["merge", arg(&files[0]), arg(&files[1]), "-o", arg(&event)]);
    assert_eq!(code, 0, "{stderr}");
    assert!(
        stdout.ends_with("— merged 2 files, 2 conflicts to resolve\n"),
        "{stdout}"
    );
    let (_, stdout, _) = run(&["check", arg(&event)]);
    assert!(stdout.ends_with(", 2 conflicts to resolve\n"), "{stdout}");
    let (_, stdout, _) = run(&["check", arg(&files[0])]);
    assert!(
        stdout.ends_with("6 themes\n"),
        "no conflicts, nothing said: {stdout}"
    );
}

#[test]
fn a_folder_merges_its_sessions_and_conflict_copies_and_skips_work_files() {
    let dir = tempfile::tempdir().unwrap();
    let files = tables(dir.path(), false);
    // A sync tool's conflict copy is one more table's file.
    let copy = laptop(4, |s| {
        vec![Edit::AddCard {
            card: Card::new(s.groups[1].id, Category::Good, "From the copy"),
            index: 0,
        }]
    });
    store::save(
        &copy,
        &dir.path()
            .join("table-3.sync-conflict-20261202-101500-ABCDEFG.ron"),
    )
    .unwrap();
    store::save(&start(), &dir.path().join("table-1 (1).ron")).unwrap();
    // Half-written or foreign files that must not be read (each would fail to load).
    for work in [
        ".table-1.ron.lock",
        ".syncthing.table-2.ron.tmp",
        "~table-2.ron",
        ".~lock.table-1.ron#",
        "table-4.ron.part",
        "notes.txt",
    ] {
        std::fs::write(dir.path().join(work), "(format: \"harvest-sess").unwrap();
    }
    let out = tempfile::tempdir().unwrap();
    let event = out.path().join("event.ron");
    let (code, stdout, stderr) = run(&["merge", arg(dir.path()), "--output", arg(&event)]);
    assert_eq!(code, 0, "{stderr}");
    assert!(
        stdout.contains(": 6 groups, 49 cards, 6 themes — merged 5 files, 1 conflict to resolve"),
        "{stdout}"
    );
    assert!(
        store::load(&event)
            .unwrap()
            .cards
            .iter()
            .any(|c| c.text == "From the copy")
    );
    assert_eq!(files.len(), 3);
}

#[test]
fn an_existing_output_is_never_overwritten() {
    let dir = tempfile::tempdir().unwrap();
    let files = tables(dir.path(), false);
    let (code, _, stderr) = run(&[
        "merge",
        arg(&files[0]),
        arg(&files[1]),
        "--output",
        arg(&files[2]),
    ]);
    assert_eq!(code, 1);
    assert!(
        stderr.contains("table-3.ron: already exists; not overwritten"),
        "{stderr}"
    );
    let table = store::load(&files[2]).unwrap();
    assert!(
        table.cards.iter().any(|c| c.text == "Late bus"),
        "the file is as it was"
    );
}

#[test]
fn a_bad_input_is_named_with_its_position_and_nothing_is_written() {
    let dir = tempfile::tempdir().unwrap();
    let files = tables(dir.path(), false);
    let broken = dir.path().join("table-4.ron");
    std::fs::write(&broken, "(\n    format: \"harvest-session\",\n    version: 2,\n    session: (details: (title: 5)),\n)\n").unwrap();
    let event = dir.path().join("event.ron");
    let (code, stdout, stderr) = run(&[
        "merge",
        arg(&files[0]),
        arg(&broken),
        "--output",
        arg(&event),
    ]);
    assert_eq!(code, 1);
    assert!(stdout.is_empty());
    assert!(
        stderr.starts_with(&format!("{}:4:", broken.display())),
        "{stderr}"
    );
    assert!(!event.exists(), "nothing written");

    for (missing, says) in [
        (dir.path().join("nowhere.ron"), "no such file"),
        (dir.path().join("empty"), "no session files"),
    ] {
        if missing.ends_with("empty") {
            std::fs::create_dir(&missing).unwrap();
        }
        let (code, _, stderr) = run(&["merge", arg(&files[0]), arg(&missing), "-o", arg(&event)]);
        assert_eq!(code, 1);
        assert!(stderr.contains(says), "{stderr}");
        assert!(stderr.contains(arg(&missing)), "{stderr}");
        assert!(!event.exists());
    }
}

#[test]
fn into_merges_into_an_existing_session_and_again_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let files = tables(dir.path(), false);
    let event = dir.path().join("event.ron");
    store::save(&start(), &event).unwrap();
    let (code, stdout, stderr) = run(&[
        "merge",
        arg(&files[0]),
        arg(&files[1]),
        arg(&files[2]),
        "--into",
        arg(&event),
    ]);
    assert_eq!(code, 0, "{stderr}");
    assert!(
        stdout.ends_with("6 groups, 48 cards, 6 themes — merged 3 files, 1 conflict to resolve\n"),
        "{stdout}"
    );
    let once = std::fs::read(&event).unwrap();
    let (code, _, _) = run(&[
        "merge",
        arg(&files[2]),
        arg(&files[0]),
        arg(&files[1]),
        "--into",
        arg(&event),
    ]);
    assert_eq!(code, 0);
    assert_eq!(
        std::fs::read(&event).unwrap(),
        once,
        "merging the same files again changes nothing"
    );
    assert!(!store::lock_path(&event).exists(), "the lock is let go");
}

#[test]
fn into_leaves_a_session_that_another_harvest_has_open() {
    let dir = tempfile::tempdir().unwrap();
    let files = tables(dir.path(), false);
    let event = dir.path().join("event.ron");
    store::save(&start(), &event).unwrap();
    let before = std::fs::read(&event).unwrap();
    let lock = store::SessionLock::acquire(&event).unwrap();
    let (code, _, stderr) = run(&["merge", arg(&files[0]), "--into", arg(&event)]);
    assert_eq!(code, 1);
    assert!(
        stderr.contains(&format!("(process {})", std::process::id())),
        "says who: {stderr}"
    );
    assert_eq!(std::fs::read(&event).unwrap(), before, "not written");
    drop(lock);
}

#[test]
fn usage_errors_exit_with_2() {
    assert_eq!(run(&["merge", "--output", "x.ron"]).0, 2, "no inputs");
    assert_eq!(run(&["merge", "a.ron"]).0, 2, "neither --output nor --into");
    assert_eq!(
        run(&["merge", "a.ron", "--output", "x.ron", "--into", "y.ron"]).0,
        2,
        "both"
    );
}

/// Someone withdraws in the organiser's file; a colleague's copy adds a note about them
/// afterwards without knowing. The merge keeps the later version, as for every change, and
/// says who to look at; the file is written as usual.
#[test]
fn a_withdrawal_changed_in_another_file_is_said_after_the_merge() {
    let dir = tempfile::tempdir().unwrap();
    let person = |session: &Session| session.people.iter().find(|p| p.holds_details()).cloned();
    let withdrew = laptop(1, |s| {
        let mut someone = person(s).unwrap();
        someone.status = harvest::model::people::Status::Withdrawn;
        vec![Edit::UpdatePerson(Box::new(someone))]
    });
    let noted = laptop(2, |s| {
        let mut someone = person(s).unwrap();
        someone.notes = "Wants the minutes by post".to_owned();
        vec![Edit::UpdatePerson(Box::new(someone))]
    });
    let (ours, theirs) = (dir.path().join("event.ron"), dir.path().join("copy.ron"));
    store::save(&withdrew, &ours).unwrap();
    store::save(&noted, &theirs).unwrap();
    let (code, stdout, stderr) = run(&["merge", arg(&theirs), "--into", arg(&ours)]);
    assert_eq!(code, 0, "{stderr}");
    assert!(
        stdout.ends_with(
            "; 1 person withdrawn in one file but changed in another: check the register\n"
        ),
        "{stdout}"
    );
}
