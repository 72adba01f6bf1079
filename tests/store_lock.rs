//! One writer per session file: a second opener is told who holds it and gets a read-only
//! copy; a lock left by a process that is gone is taken over, and the crash is reported once.
// Helpers outside #[test] functions are test code too: a panic is how they report.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use harvest::model::Session;
use harvest::store::{self, LockError, SessionLock};

fn session_file(dir: &std::path::Path) -> std::path::PathBuf {
    let path = dir.join("workshop.ron");
    store::save(&Session::new("Locked"), &path).unwrap();
    path
}

#[test]
fn a_second_opener_is_told_who_holds_the_session_and_opens_read_only() {
    let dir = tempfile::tempdir().unwrap();
    let path = session_file(dir.path());
    let first = store::open(&path).unwrap();
    assert!(first.lock.is_some() && first.read_only.is_none());
    assert_eq!(first.recovery, None, "a fresh file has nothing to recover");

    match SessionLock::acquire(&path) {
        Err(LockError::HeldBy { pid, host, .. }) => {
            assert_eq!(pid, std::process::id());
            assert_eq!(host, gethostname::gethostname().to_string_lossy());
        }
        other => panic!("expected HeldBy, got {other:?}"),
    }
    let second = store::open(&path).unwrap();
    assert!(second.lock.is_none());
    let message = second.read_only.unwrap();
    assert!(message.starts_with("Read-only — Harvest on "), "{message}");
    assert!(
        message.contains(&format!(
            "(process {}) has had this session open since ",
            std::process::id()
        )),
        "{message}"
    );
    assert!(
        message.ends_with(&format!(": {}", path.display())),
        "{message}"
    );
    assert_eq!(second.session, first.session);

    // The first closes; now the session can be locked, and nothing is reported as a crash.
    drop(first);
    let third = store::open(&path).unwrap();
    assert!(third.lock.is_some());
    assert_eq!(third.recovery, None);
}

#[test]
fn a_lock_left_by_a_dead_process_is_taken_over_and_reported() {
    let dir = tempfile::tempdir().unwrap();
    let path = session_file(dir.path());
    // What a killed run leaves: the text, but no OS lock (the kernel dropped it with the
    // process).
    std::fs::write(
        store::lock_path(&path),
        "Harvest has this session open.\npid 4000000\nhost other-laptop\nsince 2026-10-14T13:02:31Z\n",
    )
    .unwrap();
    let opened = store::open(&path).unwrap();
    let lock = opened.lock.as_ref().expect("taken over");
    let left_by = lock.left_by.clone().unwrap();
    assert_eq!(
        (left_by.pid, left_by.host.as_str()),
        (4_000_000, "other-laptop")
    );
    let recovery = opened.recovery.clone().unwrap();
    assert_eq!(recovery.cards, 0);
    assert!(
        recovery
            .message()
            .starts_with("Harvest was not closed properly last time.")
    );
    assert!(recovery.message().ends_with("— 0 cards — is here."));

    // The lock file now names this process.
    let text = std::fs::read_to_string(store::lock_path(&path)).unwrap();
    assert!(
        text.contains(&format!("pid {}\n", std::process::id())),
        "{text}"
    );
    drop(opened);
    assert!(
        !store::lock_path(&path).exists(),
        "removed on a clean close"
    );
}

#[test]
fn a_damaged_or_empty_lock_file_is_taken_over_without_a_false_alarm() {
    for text in ["", "\0\0\0garbage", "pid x\nhost\n"] {
        let dir = tempfile::tempdir().unwrap();
        let path = session_file(dir.path());
        std::fs::write(store::lock_path(&path), text).unwrap();
        let opened = store::open(&path).unwrap();
        assert!(opened.lock.is_some(), "{text:?}");
        assert_eq!(opened.recovery, None, "{text:?}");
    }
}

#[test]
fn a_crash_leftover_temporary_file_is_removed_by_the_next_writer_only() {
    let dir = tempfile::tempdir().unwrap();
    let path = session_file(dir.path());
    let before = std::fs::read(&path).unwrap();
    let temp = dir.path().join(".workshop.ron.99999-0.tmp");
    std::fs::write(&temp, "(format: \"harvest-sess").unwrap();
    let first = store::open(&path).unwrap();
    assert!(!temp.exists());
    std::fs::write(&temp, "half").unwrap();
    let second = store::open(&path).unwrap();
    assert!(second.read_only.is_some());
    assert!(temp.exists(), "a read-only opener touches nothing");
    drop((first, second));
    assert_eq!(
        std::fs::read(&path).unwrap(),
        before,
        "opening never writes the session"
    );
}

#[test]
fn a_newer_file_opens_read_only_with_what_could_be_read() {
    let dir = tempfile::tempdir().unwrap();
    let path = session_file(dir.path());
    let text = std::fs::read_to_string(&path)
        .unwrap()
        .replace("version: 2,", "version: 7,");
    std::fs::write(&path, &text).unwrap();
    let opened = store::open(&path).unwrap();
    assert!(opened.lock.is_none());
    assert_eq!(opened.session.details.title, "Locked");
    let message = opened.read_only.unwrap();
    assert!(
        message.contains("newer Harvest (file version 7"),
        "{message}"
    );
    assert_eq!(std::fs::read_to_string(&path).unwrap(), text);
}
