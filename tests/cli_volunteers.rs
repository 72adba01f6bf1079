//! `harvest volunteers`: a sign-up sheet of eight people goes into the register and all of
//! them show as overdue weeks after the event; every kind of bad row is named by its line and
//! changes nothing; a session another Harvest holds is left alone; `--csv` carries the contact
//! details for a mail merge.
// Helpers outside #[test] functions are test code too: a panic is how they report.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use harvest::store;
use std::path::{Path, PathBuf};
use std::process::Output;

/// Weeks after the sample's event (14 October 2026), and after its own register's calls.
const WEEKS_LATER: &str = "2026-12-20";

/// Runs the built binary as on `today`, with its data folder (this install's id) in `dir`.
fn harvest_on(today: &str, dir: &Path, args: &[&str]) -> Output {
    std::process::Command::new(env!("CARGO_BIN_EXE_harvest"))
        .args(args)
        .env("RUST_BACKTRACE", "0")
        .env("HARVEST_TODAY", today)
        .env("XDG_DATA_HOME", dir.join("data"))
        .output()
        .unwrap()
}

fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
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
    let path = dir.join("signups.csv");
    std::fs::write(&path, text).unwrap();
    path
}

const EIGHT: &str = "\
Name,Email,Phone,For,Group,Signed up,Consent,Notes
Ada Quinn,ada@example.org,,Steering group,Table 1,,yes,
Ben Rees,,07700 900001,Future events,table 2,14/10/2026,y,Prefers texts
Cara Smith,cara@example.org,07700 900002,Steering group; Future events,,2026-10-14,true,
Dan Tudor,dan@example.org,,Newsletter,,,1,
Eve Upton,,+44 7700 900003,,TABLE 3,,no,
Fay Vance,fay@example.org,,steering GROUP,,,,
Gus Walsh,gus@example.org,,,,,n,Needs a lift
Hal Young,,0117 496 0004,Future events,,,0,
";

fn sample(path: &Path) -> harvest::model::Session {
    store::load(path).unwrap()
}

#[test]
fn eight_sign_ups_import_and_all_are_overdue_weeks_later() {
    let dir = tempfile::tempdir().unwrap();
    let session = session_in(dir.path());
    let before = sample(&session).people.len();
    let signups = sheet(dir.path(), EIGHT);

    let out = harvest_on(
        WEEKS_LATER,
        dir.path(),
        &[
            "volunteers",
            session.to_str().unwrap(),
            "--import",
            signups.to_str().unwrap(),
        ],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        stderr(&out).contains(&format!(
            "8 people added from {}; {} in the register",
            signups.display(),
            before + 8
        )),
        "{}",
        stderr(&out)
    );

    let after = sample(&session);
    assert_eq!(after.people.len(), before + 8);
    assert!(
        after
            .details
            .sign_up_options
            .iter()
            .any(|o| o == "Newsletter"),
        "a new option joins the session's list: {:?}",
        after.details.sign_up_options
    );
    let fay = after.people.iter().find(|p| p.name == "Fay Vance").unwrap();
    assert_eq!(
        fay.signed_up_for,
        ["Steering group"],
        "the session's spelling"
    );
    let ben = after.people.iter().find(|p| p.name == "Ben Rees").unwrap();
    assert_eq!(ben.group, Some(after.groups[1].id));
    assert_eq!(ben.next_contact, Some(jiff::civil::date(2026, 10, 21)));

    let overdue = harvest_on(
        WEEKS_LATER,
        dir.path(),
        &["volunteers", session.to_str().unwrap(), "--overdue"],
    );
    assert!(overdue.status.success(), "{}", stderr(&overdue));
    let text = stdout(&overdue);
    for name in EIGHT.lines().skip(1).map(|l| l.split(',').next().unwrap()) {
        let line = text
            .lines()
            .find(|l| l.starts_with(name))
            .unwrap_or_else(|| panic!("{name} missing from the overdue list:\n{text}"));
        assert!(line.contains("OVERDUE by 60 days"), "{line}");
    }
    assert!(text.starts_with("Name"), "a header row first:\n{text}");
}

#[test]
fn the_register_prints_as_a_table_and_overdue_only_when_it_is() {
    let dir = tempfile::tempdir().unwrap();
    let session = session_in(dir.path());
    let file = session.to_str().unwrap();

    let all = harvest_on("2026-10-15", dir.path(), &["volunteers", file]);
    assert!(all.status.success(), "{}", stderr(&all));
    let text = stdout(&all);
    let header = text.lines().next().unwrap();
    for heading in ["Name", "For", "Status", "Contact by", "Next contact"] {
        assert!(header.contains(heading), "{header}");
    }
    assert!(text.contains("Margaret Okafor"), "{text}");
    assert!(
        !text.contains("margaret.okafor@example.org"),
        "the table leaves contact details to --csv:\n{text}"
    );

    // The day after the event nobody is due a call yet.
    let none = harvest_on("2026-10-15", dir.path(), &["volunteers", file, "--overdue"]);
    assert!(none.status.success(), "{}", stderr(&none));
    assert_eq!(
        stdout(&none),
        "Nobody is overdue for a call on 2026-10-15.\n"
    );
}

#[test]
fn csv_has_every_contact_detail_and_reads_back() {
    let dir = tempfile::tempdir().unwrap();
    let session = session_in(dir.path());
    let signups = sheet(dir.path(), EIGHT);
    let file = session.to_str().unwrap();
    let import = harvest_on(
        WEEKS_LATER,
        dir.path(),
        &["volunteers", file, "--import", signups.to_str().unwrap()],
    );
    assert!(import.status.success(), "{}", stderr(&import));

    let out = harvest_on(WEEKS_LATER, dir.path(), &["volunteers", file, "--csv"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let mut reader = csv::Reader::from_reader(out.stdout.as_slice());
    let headers = reader.headers().unwrap().clone();
    for column in [
        "name",
        "email",
        "phone",
        "post",
        "via_worker",
        "notes",
        "consent",
    ] {
        assert!(headers.iter().any(|h| h == column), "{headers:?}");
    }
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), sample(&session).people.len());
    let field = |row: &csv::StringRecord, name: &str| {
        let i = headers.iter().position(|h| h == name).unwrap();
        row[i].to_owned()
    };
    let ben = rows
        .iter()
        .find(|r| field(r, "name") == "Ben Rees")
        .unwrap();
    assert_eq!(field(ben, "phone"), "07700 900001");
    assert_eq!(field(ben, "notes"), "Prefers texts");
    assert_eq!(field(ben, "group"), "Table 2");
    assert_eq!(field(ben, "consent"), "yes");
    let cara = rows
        .iter()
        .find(|r| field(r, "name") == "Cara Smith")
        .unwrap();
    assert_eq!(field(cara, "email"), "cara@example.org");
    assert_eq!(field(cara, "for"), "Steering group; Future events");
}

/// Each bad row exits 1 naming its file and line, and leaves the session as it was.
#[test]
fn every_kind_of_bad_row_is_named_and_changes_nothing() {
    let good = "Ada Quinn,ada@example.org,,,,,yes";
    let cases = [
        ("no name", ",ada@example.org,,,,,yes", 3, "no name"),
        (
            "no way to reach",
            "Ada Quinn,,,,,,yes",
            3,
            "no way to reach",
        ),
        ("bad email", "Ada Quinn,ada at example,,,,,yes", 3, "email"),
        ("bad phone", "Ada Quinn,,call me maybe,,,,yes", 3, "phone"),
        (
            "bad date",
            "Ada Quinn,ada@example.org,,,,31/02/2026,",
            3,
            "not a date",
        ),
        (
            "bad consent",
            "Ada Quinn,ada@example.org,,,,,perhaps",
            3,
            "consent",
        ),
        (
            "unknown group",
            "Ada Quinn,ada@example.org,,,Table 9,,",
            3,
            "Table 9",
        ),
        (
            "same person twice",
            "ADA QUINN,Ada@Example.org,,,,,",
            3,
            "line 2",
        ),
        (
            "already in the register",
            "Margaret Okafor,margaret.okafor@example.org,,,,,",
            3,
            "already in the register",
        ),
    ];
    let dir = tempfile::tempdir().unwrap();
    let session = session_in(dir.path());
    let before = std::fs::read(&session).unwrap();
    for (kind, row, line, says) in cases {
        let signups = sheet(
            dir.path(),
            &format!("name,email,phone,for,group,signed_up,consent\n{good}\n{row}\n"),
        );
        let out = harvest_on(
            WEEKS_LATER,
            dir.path(),
            &[
                "volunteers",
                session.to_str().unwrap(),
                "--import",
                signups.to_str().unwrap(),
            ],
        );
        assert_eq!(out.status.code(), Some(1), "{kind}: {}", stderr(&out));
        let message = stderr(&out);
        assert!(
            message.contains(&format!("{}:{line}: ", signups.display())) && message.contains(says),
            "{kind}: {message}"
        );
        assert_eq!(
            std::fs::read(&session).unwrap(),
            before,
            "{kind}: the session changed"
        );
    }

    let headers = [
        ("unknown column", "name,email,shoe size\n", "shoe size"),
        ("no name column", "email,phone\n", "no `name` column"),
    ];
    for (kind, text, says) in headers {
        let signups = sheet(dir.path(), text);
        let out = harvest_on(
            WEEKS_LATER,
            dir.path(),
            &[
                "volunteers",
                session.to_str().unwrap(),
                "--import",
                signups.to_str().unwrap(),
            ],
        );
        assert_eq!(out.status.code(), Some(1), "{kind}: {}", stderr(&out));
        let message = stderr(&out);
        assert!(
            message.contains(&format!("{}:1: ", signups.display())) && message.contains(says),
            "{kind}: {message}"
        );
        assert_eq!(std::fs::read(&session).unwrap(), before, "{kind}");
    }
}

#[test]
fn importing_the_same_sheet_twice_changes_nothing_the_second_time() {
    let dir = tempfile::tempdir().unwrap();
    let session = session_in(dir.path());
    let signups = sheet(dir.path(), EIGHT);
    let args = [
        "volunteers",
        session.to_str().unwrap(),
        "--import",
        signups.to_str().unwrap(),
    ];
    assert!(harvest_on(WEEKS_LATER, dir.path(), &args).status.success());
    let once = std::fs::read(&session).unwrap();
    let again = harvest_on(WEEKS_LATER, dir.path(), &args);
    assert_eq!(again.status.code(), Some(1));
    assert!(
        stderr(&again).contains(&format!("{}:2: ", signups.display())),
        "{}",
        stderr(&again)
    );
    assert_eq!(std::fs::read(&session).unwrap(), once);
}

#[test]
fn a_session_another_harvest_holds_is_left_alone() {
    let dir = tempfile::tempdir().unwrap();
    let session = session_in(dir.path());
    let before = std::fs::read(&session).unwrap();
    let signups = sheet(dir.path(), EIGHT);
    let lock = store::SessionLock::acquire(&session).unwrap();
    let out = harvest_on(
        WEEKS_LATER,
        dir.path(),
        &[
            "volunteers",
            session.to_str().unwrap(),
            "--import",
            signups.to_str().unwrap(),
        ],
    );
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert!(
        stderr(&out).contains(&format!("(process {})", std::process::id())),
        "names the holder: {}",
        stderr(&out)
    );
    assert_eq!(std::fs::read(&session).unwrap(), before);
    drop(lock);
}
