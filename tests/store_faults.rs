//! Faults injected into every step of a save — a full disk, an fsync that fails, a refused
//! create, a failing rename — leave the old file whole, and the status says "Not saved".
// Helpers outside #[test] functions are test code too: a panic is how they report.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod store_common;

use harvest::model::Session;
use harvest::store::{self, Autosaver, FlushError, SaveStatus, leftover_temp_files};
use std::path::Path;
use std::sync::Arc;
use std::time::Duration;
use store_common::*;

const FAULTS: [(Step, i32, &str); 7] = [
    (Step::Create, EACCES, "permission denied"),
    (Step::Create, EROFS, "read-only disk"),
    (Step::Write, ENOSPC, "disk full"),
    (Step::Sync, EIO, "the disk reported an error"),
    (Step::Rename, EIO, "the disk reported an error"),
    (Step::Rename, EXDEV, "Invalid cross-device link"),
    (Step::SyncFolder, EIO, "the disk reported an error"),
];

fn saved_file(dir: &Path) -> (std::path::PathBuf, Vec<u8>) {
    let path = dir.join("workshop.ron");
    store::save(&Session::new("Old version"), &path).unwrap();
    let bytes = std::fs::read(&path).unwrap();
    (path, bytes)
}

#[test]
fn a_failed_save_leaves_the_old_file_whole_and_no_temporary_file() {
    for (step, errno, reason) in FAULTS {
        let dir = tempfile::tempdir().unwrap();
        let (path, before) = saved_file(dir.path());
        let disk = FaultyDisk::failing(step, errno);
        let error = store::save_on(&disk, &Session::new("New version"), &path).unwrap_err();
        assert_eq!(*disk.hits.lock().unwrap(), 1, "{step:?}");
        assert!(
            error.reason().contains(reason),
            "{step:?}: {}",
            error.reason()
        );
        if step == Step::SyncFolder {
            // The rename happened; only its flush failed. The file is the new version, whole,
            // and the save still counts as failed so it is retried.
            assert_eq!(store::load(&path).unwrap().details.title, "New version");
        } else {
            assert_eq!(std::fs::read(&path).unwrap(), before, "{step:?}");
        }
        assert_eq!(
            leftover_temp_files(&path),
            Vec::<std::path::PathBuf>::new(),
            "{step:?}"
        );
    }
}

#[test]
fn autosave_says_not_saved_while_failing_retries_and_recovers() {
    for (step, errno, reason) in FAULTS {
        let dir = tempfile::tempdir().unwrap();
        let (path, before) = saved_file(dir.path());
        let disk = Arc::new(FaultyDisk::failing(step, errno));
        let saver = Autosaver::spawn_on(disk.clone(), path.clone(), 1).unwrap();
        let mut changed = Session::new("Old version");
        changed.details.venue = "Changed".into();
        saver.submit(2, changed.clone());

        wait_until("the status says not saved", || {
            matches!(saver.status(), SaveStatus::NotSaved { .. })
        });
        let status = saver.status().to_string();
        assert!(status.starts_with("Not saved — "), "{status}");
        assert!(
            status.contains(reason) && status.ends_with("(retrying)"),
            "{status}"
        );
        assert_eq!(
            saver.saved_revision(),
            1,
            "{step:?}: nothing more is claimed as saved"
        );
        if step != Step::SyncFolder {
            assert_eq!(std::fs::read(&path).unwrap(), before, "{step:?}");
        }
        assert!(matches!(
            saver.flush(Duration::from_secs(5)),
            Err(FlushError::NotSaved { .. })
        ));

        // It keeps retrying by itself: once the disk works again, the change is saved.
        let hits = *disk.hits.lock().unwrap();
        wait_until("it retries", || *disk.hits.lock().unwrap() > hits);
        // The README's "failing at least 3 times, then recovering".
        let failed = *disk.hits.lock().unwrap();
        assert!(failed >= 3, "{step:?}: failed {failed} times");
        disk.set(None);
        wait_until("the status says saved", || saver.status().is_saved());
        assert!(saver.status().to_string().starts_with("Saved "));
        assert_eq!(saver.saved_revision(), 2);
        assert_eq!(store::load(&path).unwrap(), changed, "{step:?}");
    }
}

#[test]
fn a_removed_folder_is_reported_and_save_as_gets_the_work_out() {
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("usb-stick");
    std::fs::create_dir(&folder).unwrap();
    let (path, _) = saved_file(&folder);
    let saver = Autosaver::spawn(&path, 1).unwrap();
    std::fs::remove_dir_all(&folder).unwrap();

    let session = Session::new("Kept in memory");
    saver.submit(2, session.clone());
    wait_until("the status says not saved", || !saver.status().is_saved());
    wait_until("the status says not saved", || {
        matches!(saver.status(), SaveStatus::NotSaved { .. })
    });
    assert_eq!(
        saver.status().to_string(),
        "Not saved — the folder is gone (retrying)"
    );
    let elsewhere = dir.path().join("rescued.ron");
    saver.set_path(&elsewhere);
    assert_eq!(saver.flush(Duration::from_secs(10)), Ok(2));
    assert_eq!(saver.saved_revision(), 2);
    assert_eq!(store::load(&elsewhere).unwrap(), session);
}

#[test]
fn a_failing_flush_on_exit_says_why_with_the_path() {
    let dir = tempfile::tempdir().unwrap();
    let (path, before) = saved_file(dir.path());
    let disk = Arc::new(FaultyDisk::failing(Step::Write, ENOSPC));
    let saver = Autosaver::spawn_on(disk, path.clone(), 1).unwrap();
    saver.submit(2, Session::new("Unsaved"));
    let error = saver.flush(Duration::from_secs(10)).unwrap_err();
    assert_eq!(
        error.to_string(),
        format!("not saved — disk full: {}", path.display())
    );
    drop(saver);
    assert_eq!(std::fs::read(&path).unwrap(), before);
}
