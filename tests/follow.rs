//! Following a shared folder: table files saved into it by other laptops, or put there by a
//! sync tool, arrive whole; half-synced ones are retried; nothing is written into the folder.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use harvest::follow::{Arrival, FollowError, Follower, RESCAN, Watching};
use harvest::model::{Card, Category, Session};
use harvest::store::format::{from_text, to_text};
use harvest::store::places::SAMPLE;
use std::collections::BTreeMap;
use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

/// The sample workshop as table `n` captured it.
fn table(n: u32) -> Session {
    let mut session = from_text(SAMPLE).unwrap().session;
    session.details.title = format!("Table {n}");
    session
}

fn text(n: u32) -> String {
    to_text(&table(n)).unwrap()
}

/// What the follower reads back from `text(n)`.
fn read_back(n: u32) -> Session {
    from_text(&text(n)).unwrap().session
}

/// A follower that counts its wake-ups, and everything it has handed over so far.
struct Following {
    follower: Follower,
    wakes: Arc<AtomicUsize>,
    seen: Vec<Arrival>,
}

impl Following {
    fn start(folder: &Path, own_file: Option<PathBuf>, watching: Watching) -> Self {
        let wakes = Arc::new(AtomicUsize::new(0));
        let counter = Arc::clone(&wakes);
        let wake = Arc::new(move || {
            counter.fetch_add(1, Ordering::Relaxed);
        });
        let follower = Follower::start_with(folder.to_owned(), own_file, wake, watching).unwrap();
        Self {
            follower,
            wakes,
            seen: Vec::new(),
        }
    }

    fn new(folder: &Path) -> Self {
        Self::start(folder, None, Watching::EventsAndRescans)
    }

    /// Takes what arrives, every 50 ms, until something that arrived since `from` (an index
    /// into what was seen) matches; fails after 10 s.
    fn wait_since(&mut self, from: usize, what: &str, found: impl Fn(&Arrival) -> bool) -> Arrival {
        let deadline = Instant::now() + Duration::from_secs(10);
        let mut looked = from;
        loop {
            self.seen.extend(self.follower.take());
            if let Some(arrival) = self.seen[looked..].iter().find(|a| found(a)) {
                return arrival.clone();
            }
            looked = self.seen.len();
            assert!(
                Instant::now() < deadline,
                "timed out waiting for {what}; arrived: {:?}",
                self.names()
            );
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    /// Waits for something matching, whenever it arrived.
    fn wait_for(&mut self, what: &str, found: impl Fn(&Arrival) -> bool) -> Arrival {
        self.wait_since(0, what, found)
    }

    /// Waits for `path` to have been read, whenever it was.
    fn wait_read(&mut self, path: &Path) -> Session {
        self.read_since(0, path)
    }

    /// Waits for `path` to be read again, after everything seen so far.
    fn wait_next_read(&mut self, path: &Path) -> Session {
        self.read_since(self.seen.len(), path)
    }

    fn read_since(&mut self, from: usize, path: &Path) -> Session {
        let what = format!("{} read", path.display());
        match self.wait_since(from, &what, |a| is_read(a, path)) {
            Arrival::Read { session, .. } => session,
            _ => unreachable!(),
        }
    }

    /// How many times `path` arrived as `kind`.
    fn count(&self, path: &Path, kind: fn(&Arrival, &Path) -> bool) -> usize {
        self.seen.iter().filter(|a| kind(a, path)).count()
    }

    /// What arrived so far, for failure messages.
    fn names(&self) -> Vec<String> {
        self.seen
            .iter()
            .map(|a| {
                let kind = match a {
                    Arrival::Read { .. } => "read",
                    Arrival::Unreadable { .. } => "unreadable",
                    Arrival::Gone { .. } => "gone",
                };
                format!("{kind} {}", a.path().display())
            })
            .collect()
    }
}

fn is_read(arrival: &Arrival, path: &Path) -> bool {
    matches!(arrival, Arrival::Read { path: p, .. } if p == path)
}

fn is_unreadable(arrival: &Arrival, path: &Path) -> bool {
    matches!(arrival, Arrival::Unreadable { path: p, .. } if p == path)
}

fn is_gone(arrival: &Arrival, path: &Path) -> bool {
    matches!(arrival, Arrival::Gone { path: p } if p == path)
}

/// Puts `bytes` at `path` whole, as a sync tool does: written under a hidden name, then
/// renamed into place.
fn put(path: &Path, bytes: &[u8]) {
    let name = path.file_name().unwrap().to_string_lossy();
    let temp = path.with_file_name(format!(".put.{name}.tmp"));
    fs::write(&temp, bytes).unwrap();
    fs::rename(&temp, path).unwrap();
}

/// Every entry in the folder, hidden ones too, with its bytes.
fn contents(folder: &Path) -> BTreeMap<String, Vec<u8>> {
    fs::read_dir(folder)
        .unwrap()
        .map(|entry| {
            let entry = entry.unwrap();
            (
                entry.file_name().to_string_lossy().into_owned(),
                fs::read(entry.path()).unwrap(),
            )
        })
        .collect()
}

#[test]
fn table_files_already_in_the_folder_arrive_and_other_files_do_not() {
    let dir = tempfile::tempdir().unwrap();
    let (one, two) = (
        dir.path().join("table-1.ron"),
        dir.path().join("table-2.ron"),
    );
    put(&one, text(1).as_bytes());
    put(&two, text(2).as_bytes());
    fs::write(dir.path().join("notes.txt"), "bring more pens").unwrap();
    fs::write(dir.path().join("~table-1.ron"), "office lock").unwrap();

    let mut following = Following::new(dir.path());
    assert!(following.follower.has_events(), "the watcher did not start");
    assert_eq!(following.wait_read(&one), read_back(1));
    assert_eq!(following.wait_read(&two), read_back(2));
    assert!(
        following.wakes.load(Ordering::Relaxed) > 0,
        "the window was never woken"
    );
    assert_eq!(following.follower.folder(), dir.path());

    let files = following.follower.files();
    let names: Vec<_> = files.iter().map(|f| f.path.clone()).collect();
    assert_eq!(names, [one, two]);
    for file in files {
        assert!(file.last_read.is_some(), "{file:?}");
        assert_eq!(file.problem, None);
    }
    assert!(
        following
            .seen
            .iter()
            .all(|a| matches!(a, Arrival::Read { .. })),
        "{:?}",
        following.names()
    );
}

#[test]
fn a_file_a_sync_tool_renames_into_place_arrives_once_whole_and_its_temporary_file_never() {
    let dir = tempfile::tempdir().unwrap();
    let mut following = Following::new(dir.path());
    let temp = dir.path().join(".syncthing.table-2.ron.tmp");
    let two = dir.path().join("table-2.ron");
    let whole = text(2).into_bytes();

    // Half synced, and looked at: another table file arriving means the folder was scanned.
    fs::write(&temp, &whole[..whole.len() / 2]).unwrap();
    let one = dir.path().join("table-1.ron");
    put(&one, text(1).as_bytes());
    following.wait_read(&one);

    let mut file = fs::OpenOptions::new().append(true).open(&temp).unwrap();
    file.write_all(&whole[whole.len() / 2..]).unwrap();
    drop(file);
    fs::rename(&temp, &two).unwrap();
    assert_eq!(following.wait_read(&two), read_back(2));

    // Looked at again since.
    let three = dir.path().join("table-3.ron");
    put(&three, text(3).as_bytes());
    following.wait_read(&three);

    assert_eq!(following.count(&two, is_read), 1, "{:?}", following.names());
    assert_eq!(following.count(&two, is_unreadable), 0);
    assert!(
        following.seen.iter().all(|a| a.path() != temp),
        "{:?}",
        following.names()
    );
}

#[test]
fn sync_tools_conflict_copies_are_table_files_too() {
    let dir = tempfile::tempdir().unwrap();
    let mut following = Following::new(dir.path());
    let syncthing = dir
        .path()
        .join("table-2.sync-conflict-20261202-101500-ABCDEFG.ron");
    let onedrive = dir.path().join("table-2 (1).ron");
    put(&syncthing, text(2).as_bytes());
    put(&onedrive, text(3).as_bytes());
    assert_eq!(following.wait_read(&syncthing), read_back(2));
    assert_eq!(following.wait_read(&onedrive), read_back(3));
}

#[test]
fn a_half_written_file_is_unreadable_once_and_arrives_when_completed() {
    let dir = tempfile::tempdir().unwrap();
    let four = dir.path().join("table-4.ron");
    let whole = text(4).into_bytes();
    put(&four, &whole[..whole.len() / 2]);
    let mut following = Following::new(dir.path());

    let arrival = following.wait_for("table-4 unreadable", |a| is_unreadable(a, &four));
    let Arrival::Unreadable { error, .. } = arrival else {
        unreachable!()
    };
    assert!(error.starts_with(&four.display().to_string()), "{error}");
    let file = &following.follower.files()[0];
    assert_eq!(file.path, four);
    assert_eq!(file.problem.as_ref(), Some(&error));
    assert_eq!(file.last_read, None);

    // Tried again since (the scan that finds table-5 retries table-4), but not reported again.
    let five = dir.path().join("table-5.ron");
    put(&five, text(5).as_bytes());
    following.wait_read(&five);
    assert_eq!(following.count(&four, is_unreadable), 1);

    let mut file = fs::OpenOptions::new().append(true).open(&four).unwrap();
    file.write_all(&whole[whole.len() / 2..]).unwrap();
    drop(file);
    assert_eq!(following.wait_read(&four), read_back(4));
    let file = &following.follower.files()[0];
    assert_eq!(file.problem, None);
    assert!(file.last_read.is_some());
}

#[test]
fn an_unchanged_file_is_not_read_again_and_a_changed_one_is() {
    let dir = tempfile::tempdir().unwrap();
    let (one, two) = (
        dir.path().join("table-1.ron"),
        dir.path().join("table-2.ron"),
    );
    put(&one, text(1).as_bytes());
    put(&two, text(2).as_bytes());
    let mut following = Following::new(dir.path());
    following.wait_read(&one);
    following.wait_read(&two);

    // Table 2 adds a card; table 1 does nothing.
    let mut session = table(2);
    let group = session.groups[0].id;
    session.cards.push(Card::new(
        group,
        Category::NotSoGood,
        "Parking was hard to find",
    ));
    put(&two, to_text(&session).unwrap().as_bytes());
    let read = following.wait_next_read(&two);
    assert_eq!(
        read,
        from_text(&to_text(&session).unwrap()).unwrap().session
    );
    assert!(
        read.cards
            .iter()
            .any(|c| c.text == "Parking was hard to find")
    );

    let three = dir.path().join("table-3.ron");
    put(&three, text(3).as_bytes());
    following.wait_read(&three);
    assert_eq!(following.count(&one, is_read), 1, "{:?}", following.names());
}

#[test]
fn the_session_open_here_is_never_an_input() {
    let dir = tempfile::tempdir().unwrap();
    let mine = dir.path().join("organiser.ron");
    put(&mine, text(9).as_bytes());
    let one = dir.path().join("table-1.ron");
    put(&one, text(1).as_bytes());
    // Spelled another way than the listing spells it.
    let own = dir.path().join(".").join("organiser.ron");
    let mut following = Following::start(dir.path(), Some(own), Watching::EventsAndRescans);
    following.wait_read(&one);

    // Saved here meanwhile.
    put(&mine, text(8).as_bytes());
    let two = dir.path().join("table-2.ron");
    put(&two, text(2).as_bytes());
    following.wait_read(&two);

    assert_eq!(
        following.count(&mine, is_read),
        0,
        "{:?}",
        following.names()
    );
    assert!(following.follower.files().iter().all(|f| f.path != mine));
}

#[test]
fn a_file_taken_out_of_the_folder_is_reported_gone() {
    let dir = tempfile::tempdir().unwrap();
    let (one, two) = (
        dir.path().join("table-1.ron"),
        dir.path().join("table-2.ron"),
    );
    put(&one, text(1).as_bytes());
    put(&two, text(2).as_bytes());
    let mut following = Following::new(dir.path());
    following.wait_read(&one);
    following.wait_read(&two);

    fs::remove_file(&one).unwrap();
    following.wait_for("table-1 gone", |a| is_gone(a, &one));
    let files = following.follower.files();
    assert_eq!(files.len(), 1);
    assert_eq!(files[0].path, two);
    assert_eq!(following.count(&two, is_gone), 0);
}

#[test]
fn following_writes_nothing_into_the_folder() {
    let dir = tempfile::tempdir().unwrap();
    let (one, broken) = (
        dir.path().join("table-1.ron"),
        dir.path().join("table-2.ron"),
    );
    put(&one, text(1).as_bytes());
    put(&broken, &text(2).as_bytes()[..100]);
    put(&dir.path().join("table-1 (1).ron"), text(3).as_bytes());
    fs::write(dir.path().join(".syncthing.table-4.ron.tmp"), "(format: ").unwrap();
    let before = contents(dir.path());

    let mut following = Following::new(dir.path());
    following.wait_read(&one);
    following.wait_for("table-2 unreadable", |a| is_unreadable(a, &broken));
    // A few rescans, each trying the broken file again.
    std::thread::sleep(RESCAN * 3);
    drop(following);

    assert_eq!(contents(dir.path()), before);
}

#[test]
fn rescanning_alone_finds_new_and_changed_files() {
    let dir = tempfile::tempdir().unwrap();
    let one = dir.path().join("table-1.ron");
    put(&one, text(1).as_bytes());
    let mut following = Following::start(dir.path(), None, Watching::RescansOnly);
    assert!(!following.follower.has_events());
    following.wait_read(&one);

    let two = dir.path().join("table-2.ron");
    put(&two, text(2).as_bytes());
    assert_eq!(following.wait_read(&two), read_back(2));

    // Changed in place, as on a share that a table laptop saves straight into.
    fs::write(&one, text(11)).unwrap();
    assert_eq!(following.wait_next_read(&one), read_back(11));
}

#[test]
fn after_the_follower_is_dropped_nothing_more_arrives() {
    let dir = tempfile::tempdir().unwrap();
    let one = dir.path().join("table-1.ron");
    put(&one, text(1).as_bytes());
    let mut following = Following::new(dir.path());
    following.wait_read(&one);
    let wakes = Arc::clone(&following.wakes);
    drop(following);
    let woken = wakes.load(Ordering::Relaxed);

    put(&dir.path().join("table-2.ron"), text(2).as_bytes());
    std::thread::sleep(RESCAN * 3);
    assert_eq!(wakes.load(Ordering::Relaxed), woken);
    // Only this test holds the waker now: the follower's thread has let go of it.
    assert_eq!(Arc::strong_count(&wakes), 1);
}

#[test]
fn a_folder_that_is_not_there_or_is_a_file_cannot_be_followed() {
    let dir = tempfile::tempdir().unwrap();
    let wake: Arc<dyn Fn() + Send + Sync> = Arc::new(|| {});
    let missing = dir.path().join("USB stick");
    let Err(error) = Follower::start(missing.clone(), None, Arc::clone(&wake)) else {
        panic!("followed a folder that is not there");
    };
    assert_eq!(
        error,
        FollowError {
            reason: "no such folder".into(),
            path: missing.clone()
        }
    );
    assert!(error.to_string().ends_with(&missing.display().to_string()));

    let file = dir.path().join("table-1.ron");
    put(&file, text(1).as_bytes());
    let Err(error) = Follower::start(file.clone(), None, wake) else {
        panic!("followed a file");
    };
    assert_eq!(
        error.to_string(),
        format!(
            "cannot follow the folder — this is a file, not a folder: {}",
            file.display()
        )
    );
}

#[test]
fn a_folder_out_of_reach_is_a_problem_and_its_files_are_not_gone() {
    let parent = tempfile::tempdir().unwrap();
    let (folder, away) = (parent.path().join("USB stick"), parent.path().join("away"));
    fs::create_dir(&folder).unwrap();
    let one = folder.join("table-1.ron");
    put(&one, text(1).as_bytes());
    let mut following = Following::new(&folder);
    following.wait_read(&one);

    // The stick is pulled out.
    fs::rename(&folder, &away).unwrap();
    let problem = wait_until("the folder is out of reach", || {
        following.follower.folder_problem()
    });
    assert_eq!(
        problem,
        format!(
            "the folder cannot be read — no such folder: {}",
            folder.display()
        )
    );
    assert_eq!(following.follower.files().len(), 1);

    // And put back.
    fs::rename(&away, &folder).unwrap();
    wait_until("the folder is back", || {
        following.follower.folder_problem().is_none().then_some(())
    });
    following.seen.extend(following.follower.take());
    assert_eq!(following.count(&one, is_gone), 0, "{:?}", following.names());
    assert_eq!(following.count(&one, is_read), 1);
}

/// Polls `found` every 50 ms until it gives something; fails after 10 s.
fn wait_until<T>(what: &str, mut found: impl FnMut() -> Option<T>) -> T {
    let deadline = Instant::now() + Duration::from_secs(10);
    loop {
        if let Some(value) = found() {
            return value;
        }
        assert!(Instant::now() < deadline, "timed out waiting until {what}");
        std::thread::sleep(Duration::from_millis(50));
    }
}
