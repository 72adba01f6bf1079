#![allow(clippy::unwrap_used, clippy::expect_used)] // A panic is how a test fails.

use super::*;
use crate::store::RealDisk;
use std::time::{Duration, Instant};

/// A session file in a folder of its own, and a drafts folder beside it.
struct Place {
    dir: tempfile::TempDir,
    session: PathBuf,
}

impl Place {
    fn new() -> Self {
        let dir = tempfile::tempdir().unwrap();
        let session = dir.path().join("Workshop.ron");
        std::fs::write(&session, "a session").unwrap();
        Self { dir, session }
    }

    fn folder(&self) -> PathBuf {
        self.dir.path().join("drafts")
    }

    fn file(&self) -> PathBuf {
        draft_file(&self.folder(), &self.session)
    }

    fn open_on(&self, disk: Arc<dyn Disk>) -> (DraftStore, Option<String>) {
        DraftStore::open(disk, Some(self.folder()), &self.session, true)
    }

    fn open(&self) -> DraftStore {
        let (store, message) = self.open_on(Arc::new(RealDisk));
        assert_eq!(message, None);
        store
    }
}

fn flush(store: &DraftStore) -> Result<(), crate::store::FlushError> {
    store.handle().unwrap().flush(Duration::from_secs(10))
}

fn files_in(folder: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(folder)
        .map(|entries| {
            entries
                .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
                .collect()
        })
        .unwrap_or_default();
    names.sort();
    names
}

#[test]
fn drafts_come_back_for_the_same_session_and_its_groups() {
    let place = Place::new();
    let (table_1, table_2) = (GroupId::new(), GroupId::new());
    let mut store = place.open();
    assert!(store.iter().next().is_none(), "nothing was kept yet");
    store.set(table_1, "Half a thought about transport");
    store.set(table_2, "Line one\nline two, with \"quotes\" and don't");
    flush(&store).unwrap();
    drop(store);

    let store = place.open();
    assert_eq!(store.get(table_1), "Half a thought about transport");
    assert_eq!(
        store.get(table_2),
        "Line one\nline two, with \"quotes\" and don't"
    );
    assert_eq!(store.iter().count(), 2);
}

#[test]
fn each_session_has_its_own_file_however_it_is_named() {
    let place = Place::new();
    let other_dir = tempfile::tempdir().unwrap();
    let same_name = other_dir.path().join("Workshop.ron");
    std::fs::write(&same_name, "another session").unwrap();
    assert_ne!(
        draft_file(&place.folder(), &place.session),
        draft_file(&place.folder(), &same_name),
        "two sessions called Workshop.ron keep their drafts apart"
    );
    let roundabout = place.dir.path().join(".").join("Workshop.ron");
    assert_eq!(
        draft_file(&place.folder(), &roundabout),
        place.file(),
        "another way of naming the same file finds the same drafts"
    );
    let name = place
        .file()
        .file_name()
        .unwrap()
        .to_string_lossy()
        .into_owned();
    assert!(
        name.starts_with("Workshop-") && name.ends_with(".ron"),
        "{name}"
    );
}

#[test]
fn a_drop_writes_what_was_typed_a_moment_ago() {
    let place = Place::new();
    let group = GroupId::new();
    let mut store = place.open();
    store.set(group, "Typed just before closing");
    drop(store);
    assert_eq!(place.open().get(group), "Typed just before closing");
}

#[test]
fn drafts_are_written_soon_after_typing_stops_without_a_flush() {
    let place = Place::new();
    let group = GroupId::new();
    let mut store = place.open();
    store.set(group, "Still typing");
    let deadline = Instant::now() + Duration::from_secs(10);
    let written =
        || std::fs::read_to_string(place.file()).is_ok_and(|t| t.contains("Still typing"));
    // The file appears a moment before the keeper notes it is written: wait for both.
    while !(written() && store.is_saved()) {
        assert!(
            Instant::now() < deadline,
            "the drafts were never written, or the store never said so"
        );
        std::thread::sleep(Duration::from_millis(20));
    }
}

#[test]
fn emptying_every_box_removes_the_file() {
    let place = Place::new();
    let (table_1, table_2) = (GroupId::new(), GroupId::new());
    let mut store = place.open();
    store.set(table_1, "One");
    store.set(table_2, "Two");
    flush(&store).unwrap();
    assert!(place.file().is_file());

    store.set(table_1, "");
    flush(&store).unwrap();
    assert!(place.file().is_file(), "Table 2's words are still kept");
    store.set(table_2, "");
    flush(&store).unwrap();
    assert!(!place.file().exists(), "no words left, no file");
    assert_eq!(files_in(&place.folder()), Vec::<String>::new());
}

/// The real disk, except that the rename which completes a write can be made to fail.
#[derive(Default)]
struct FailingRename(std::sync::atomic::AtomicBool);

impl Disk for FailingRename {
    fn rename(&self, from: &Path, to: &Path) -> std::io::Result<()> {
        if self.0.load(std::sync::atomic::Ordering::SeqCst) {
            return Err(std::io::Error::from_raw_os_error(5));
        }
        std::fs::rename(from, to)
    }
}

#[test]
fn a_failed_write_leaves_the_last_drafts_whole_and_is_retried() {
    let place = Place::new();
    let group = GroupId::new();
    let disk = Arc::new(FailingRename::default());
    let (mut store, message) = place.open_on(disk.clone());
    assert_eq!(message, None);
    store.set(group, "Written");
    flush(&store).unwrap();
    let before = std::fs::read(place.file()).unwrap();

    disk.0.store(true, std::sync::atomic::Ordering::SeqCst);
    store.set(group, "Written, then more");
    let error = flush(&store).unwrap_err();
    assert!(
        error.to_string().contains("the disk reported an error"),
        "{error}"
    );
    assert!(!store.is_saved());
    assert_eq!(
        std::fs::read(place.file()).unwrap(),
        before,
        "the old file is whole"
    );
    assert_eq!(
        files_in(&place.folder()),
        [place.file().file_name().unwrap().to_string_lossy()],
        "no half-written file is left beside it"
    );

    disk.0.store(false, std::sync::atomic::Ordering::SeqCst);
    flush(&store).unwrap();
    drop(store);
    assert_eq!(place.open().get(group), "Written, then more");
}

#[test]
fn a_damaged_file_is_reported_kept_aside_and_never_blocks_keeping_new_words() {
    for damage in [
        &b"(format: \"harvest-drafts\", version: 1, session: \"x\", drafts: {\"01"[..],
        b"\xff\xfe\x00garbage",
        b"(format: \"harvest-session\", version: 1)",
    ] {
        let place = Place::new();
        std::fs::create_dir_all(place.folder()).unwrap();
        std::fs::write(place.file(), damage).unwrap();

        let (mut store, message) = place.open_on(Arc::new(RealDisk));
        let message = message.expect("the damage is reported");
        assert!(message.contains("could not be read back"), "{message}");
        assert!(store.iter().next().is_none());
        let aside: Vec<String> = files_in(&place.folder());
        assert_eq!(aside.len(), 1, "{aside:?}");
        assert!(aside[0].contains(".damaged-"), "{aside:?}");
        assert!(
            message.contains(&aside[0]),
            "the message says where it is: {message}"
        );
        let aside = place.folder().join(&aside[0]);
        assert_eq!(std::fs::read(&aside).unwrap(), damage, "kept byte for byte");

        let group = GroupId::new();
        store.set(group, "New words");
        flush(&store).unwrap();
        drop(store);
        assert_eq!(place.open().get(group), "New words");
        assert_eq!(std::fs::read(&aside).unwrap(), damage, "never written over");
    }
}

#[test]
fn another_sessions_drafts_are_not_taken_for_this_ones() {
    let place = Place::new();
    let other = place.dir.path().join("Other.ron");
    std::fs::write(&other, "another session").unwrap();
    let group = GroupId::new();
    let (mut store, _) = DraftStore::open(Arc::new(RealDisk), Some(place.folder()), &other, true);
    store.set(group, "Typed for the other session");
    drop(store);
    std::fs::rename(draft_file(&place.folder(), &other), place.file()).unwrap();

    let (store, message) = place.open_on(Arc::new(RealDisk));
    assert!(store.iter().next().is_none());
    let message = message.unwrap();
    assert!(
        message.contains("the drafts of another session"),
        "{message}"
    );
}

#[test]
fn a_damaged_file_that_cannot_be_moved_aside_is_never_written_over() {
    let place = Place::new();
    std::fs::create_dir_all(place.folder()).unwrap();
    std::fs::write(place.file(), b"damaged").unwrap();
    let disk = Arc::new(FailingRename::default());
    disk.0.store(true, std::sync::atomic::Ordering::SeqCst);
    let (mut store, message) = place.open_on(disk);
    let message = message.unwrap();
    assert!(message.contains("could not be read back"), "{message}");
    assert!(
        message.contains("kept only while Harvest is open"),
        "{message}"
    );
    assert!(store.handle().is_none(), "nothing will write there");
    store.set(GroupId::new(), "Only while open");
    drop(store);
    assert_eq!(std::fs::read(place.file()).unwrap(), b"damaged");
}
