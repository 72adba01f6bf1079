//! The saver holds a snapshot of the session only while it still has to write it: once it is
//! on disk the saver lets go, so the next edit changes the session in place instead of
//! copying it; a failing save keeps it for the retry.
// Helpers outside #[test] functions are test code too: a panic is how they report.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod store_common;

use harvest::model::Session;
use harvest::store::{self, Autosaver, SaveStatus};
use std::sync::Arc;
use std::time::Duration;
use store_common::*;

fn workshop() -> Session {
    let mut session = Session::new("Snapshots");
    session.details.venue = "Town hall".into();
    session
}

#[test]
fn a_failing_save_keeps_its_snapshot_and_a_finished_one_lets_it_go() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("workshop.ron");
    store::save(&Session::new("Old version"), &path).unwrap();
    let disk = Arc::new(FaultyDisk::failing(Step::Write, ENOSPC));
    let saver = Autosaver::spawn_on(disk.clone(), path.clone(), 1).unwrap();
    let session = Arc::new(workshop());
    saver.submit(2, Arc::clone(&session));

    wait_until("the status says not saved", || {
        matches!(saver.status(), SaveStatus::NotSaved { .. })
    });
    assert!(
        Arc::strong_count(&session) > 1,
        "the saver keeps the snapshot to retry with"
    );
    disk.set(None);
    wait_until("the status says saved", || saver.status().is_saved());
    wait_until("the saver lets go of the snapshot", || {
        Arc::strong_count(&session) == 1
    });
    assert_eq!(saver.saved_revision(), 2);
    assert_eq!(store::load(&path).unwrap(), *session);
}

#[test]
fn save_as_after_the_snapshot_was_let_go_writes_the_saved_revision_there() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("workshop.ron");
    store::save(&Session::new("Old version"), &path).unwrap();
    let saver = Autosaver::spawn(&path, 1).unwrap();
    let session = Arc::new(workshop());
    saver.submit(2, Arc::clone(&session));
    assert_eq!(saver.flush(Duration::from_secs(10)), Ok(2));
    wait_until("the saver lets go of the snapshot", || {
        Arc::strong_count(&session) == 1
    });

    let elsewhere = dir.path().join("copy.ron");
    saver.set_path(&elsewhere);
    assert_eq!(saver.flush(Duration::from_secs(10)), Ok(2));
    assert_eq!(saver.saved_revision(), 2);
    assert_eq!(store::load(&elsewhere).unwrap(), *session);
    assert!(saver.status().is_saved());
}
