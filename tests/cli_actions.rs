//! `harvest actions`: an action plan of three actions goes in against its themes; every kind
//! of bad row is named by its line and changes nothing; a session another Harvest holds is left
//! alone; the actions print as a table, and as CSV in the columns an action plan is read from.
// Helpers outside #[test] functions are test code too: a panic is how they report.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use harvest::model::{About, ActionStatus, Category, Session};
use harvest::store;
use std::path::{Path, PathBuf};
use std::process::Output;

/// Runs the built binary as on 20 December 2026, with its data folder in `dir`.
fn harvest_in(dir: &Path, args: &[&str]) -> Output {
    std::process::Command::new(env!("CARGO_BIN_EXE_harvest"))
        .args(args)
        .env("RUST_BACKTRACE", "0")
        .env("HARVEST_TODAY", "2026-12-20")
        .env("XDG_DATA_HOME", dir.join("data"))
        .output()
        .unwrap()
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

/// The sample workshop, copied into `dir`.
fn session_in(dir: &Path) -> PathBuf {
    let path = dir.join("workshop.ron");
    std::fs::copy(
        concat!(env!("CARGO_MANIFEST_DIR"), "/assets/sample-workshop.ron"),
        &path,
    )
    .unwrap();
    path
}

fn sheet(dir: &Path, text: &str) -> PathBuf {
    let path = dir.join("actions.csv");
    std::fs::write(&path, text).unwrap();
    path
}

fn import(dir: &Path, session: &Path, sheet: &Path) -> Output {
    harvest_in(
        dir,
        &[
            "actions",
            session.to_str().unwrap(),
            "--import",
            sheet.to_str().unwrap(),
        ],
    )
}

const THREE: &str = "\
Theme,Action,Owner,Due,Status,Reason,Update
carers,Run a monthly carers' drop-in,Carers centre,31/01/2027,,,
Access and assessment,Publish waiting times every month,Assessment team,2026-12-01,in progress,,First figures out
INDEPENDENCE AND CONTROL,Let people choose their own PA agency,Commissioning team,,not doing,The contract runs to 2028,
";

#[test]
fn three_actions_go_in_against_their_themes() {
    let dir = tempfile::tempdir().unwrap();
    let session = session_in(dir.path());
    let before: Session = store::load(&session).unwrap();
    let plan = sheet(dir.path(), THREE);

    let out = import(dir.path(), &session, &plan);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        stderr(&out).contains(&format!(
            "3 actions added from {}; {} in the session",
            plan.display(),
            before.actions.len() + 3
        )),
        "{}",
        stderr(&out)
    );

    let after: Session = store::load(&session).unwrap();
    let new = &after.actions[before.actions.len()..];
    let theme = |name: &str| {
        let theme = after.themes.iter().find(|t| t.name == name).unwrap();
        About::Theme(theme.id)
    };
    assert_eq!(new[0].about, theme("Carers"));
    assert_eq!(
        new[0].status,
        ActionStatus::Planned,
        "empty status: planned"
    );
    assert_eq!(new[0].due, Some(jiff::civil::date(2027, 1, 31)));
    assert_eq!(new[1].about, theme("Access and assessment"));
    assert_eq!(new[1].status, ActionStatus::InProgress);
    assert_eq!(new[1].update, "First figures out");
    assert_eq!(new[2].about, theme("Independence and control"));
    assert_eq!(new[2].reason, "The contract runs to 2028");

    let table = harvest_in(dir.path(), &["actions", session.to_str().unwrap()]);
    assert!(table.status.success(), "{}", stderr(&table));
    let text = String::from_utf8(table.stdout).unwrap();
    assert!(text.starts_with("About"), "a header row first:\n{text}");
    let waiting = (text.lines())
        .find(|l| l.contains("Publish waiting times"))
        .unwrap();
    assert!(waiting.contains("OVERDUE by 19 days"), "{waiting}");
    let drop_in = text.lines().find(|l| l.contains("drop-in")).unwrap();
    assert!(!drop_in.contains("OVERDUE"), "not due yet: {drop_in}");
}

#[test]
fn an_action_on_an_idea_is_found_by_its_words() {
    let dir = tempfile::tempdir().unwrap();
    let session = session_in(dir.path());
    let loaded: Session = store::load(&session).unwrap();
    let idea = (loaded.cards.iter())
        .find(|c| c.category == Category::MakeADifference)
        .unwrap();
    let plan = sheet(
        dir.path(),
        &format!("idea,action\n\"  {}  \",Try it\n", idea.text.to_lowercase()),
    );
    let out = import(dir.path(), &session, &plan);
    assert!(out.status.success(), "{}", stderr(&out));
    let after: Session = store::load(&session).unwrap();
    assert_eq!(after.actions.last().unwrap().about, About::Idea(idea.id));
}

#[test]
fn csv_reads_back_in_the_import_columns() {
    let dir = tempfile::tempdir().unwrap();
    let session = session_in(dir.path());
    assert!(
        import(dir.path(), &session, &sheet(dir.path(), THREE))
            .status
            .success()
    );

    let out = harvest_in(dir.path(), &["actions", session.to_str().unwrap(), "--csv"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let mut reader = csv::Reader::from_reader(out.stdout.as_slice());
    assert_eq!(
        reader.headers().unwrap(),
        vec![
            "theme", "idea", "action", "owner", "due", "status", "reason", "update"
        ]
    );
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    let loaded: Session = store::load(&session).unwrap();
    assert_eq!(rows.len(), loaded.actions.len());
    let last = rows.last().unwrap();
    assert_eq!(&last[0], "Independence and control");
    assert_eq!(&last[2], "Let people choose their own PA agency");
    assert_eq!(&last[5], "Not doing");
    assert_eq!(&last[6], "The contract runs to 2028");
}

/// Each bad row exits 1 naming its file and line, and leaves the session as it was.
#[test]
fn every_kind_of_bad_row_is_named_and_changes_nothing() {
    let good = "Carers,,Run a drop-in,,";
    let rows = [
        (
            "unknown theme",
            "Transport,,Buy a bus,,",
            3,
            "no theme called \"Transport\"",
        ),
        (
            "unknown idea",
            ",Free ice cream,Buy some,,",
            3,
            "Free ice cream",
        ),
        (
            "both theme and idea",
            "Carers,Free ice cream,Buy some,,",
            3,
            "both a theme and an idea",
        ),
        ("neither", ",,Buy some,,", 3, "no theme or idea"),
        ("no action", "Carers,,,,", 3, "no action"),
        ("bad date", "Carers,,Buy some,soon,", 3, "not a date"),
        (
            "bad status",
            "Carers,,Buy some,,thinking about it",
            3,
            "status",
        ),
        (
            "not doing, no reason",
            "Carers,,Buy some,,not doing",
            3,
            "reason",
        ),
        ("twice", "CARERS,,run a drop-in,,", 3, "line 2"),
    ];
    let dir = tempfile::tempdir().unwrap();
    let session = session_in(dir.path());
    let before = std::fs::read(&session).unwrap();
    let check = |kind: &str, text: &str, line: u64, says: &str| {
        let plan = sheet(dir.path(), text);
        let out = import(dir.path(), &session, &plan);
        assert_eq!(out.status.code(), Some(1), "{kind}: {}", stderr(&out));
        let message = stderr(&out);
        assert!(
            message.contains(&format!("{}:{line}: ", plan.display())) && message.contains(says),
            "{kind}: {message}"
        );
        assert_eq!(std::fs::read(&session).unwrap(), before, "{kind}");
    };
    for (kind, row, line, says) in rows {
        let text = format!("theme,idea,action,due,status\n{good}\n{row}\n");
        check(kind, &text, line, says);
    }
    check("unknown column", "theme,action,cost\n", 1, "\"cost\"");
    check("no action column", "theme,owner\n", 1, "no `action` column");
}

#[test]
fn a_session_another_harvest_holds_is_left_alone() {
    let dir = tempfile::tempdir().unwrap();
    let session = session_in(dir.path());
    let before = std::fs::read(&session).unwrap();
    let lock = store::SessionLock::acquire(&session).unwrap();
    let out = import(dir.path(), &session, &sheet(dir.path(), THREE));
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert!(
        stderr(&out).contains(&format!("(process {})", std::process::id())),
        "names the holder: {}",
        stderr(&out)
    );
    assert_eq!(std::fs::read(&session).unwrap(), before);
    drop(lock);
}
