//! Shared by the store tests: a disk that fails on demand, and a deterministic script of edits.
// Helpers outside #[test] functions are test code too: a panic is how they report.
#![allow(clippy::unwrap_used, clippy::expect_used, dead_code)]

use harvest::document::Document;
use harvest::edit::Edit;
use harvest::model::{Card, CardId, Category, Group, GroupId, Session};
use harvest::store::{Disk, SaveStatus};
use std::fs::File;
use std::io::Write;
use std::path::Path;
use std::sync::Mutex;
use std::time::{Duration, Instant};

/// A step of an atomic save.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Step {
    Create,
    Write,
    Sync,
    Rename,
    SyncFolder,
}

pub const ENOSPC: i32 = 28;
pub const EIO: i32 = 5;
pub const EACCES: i32 = 13;
pub const EXDEV: i32 = 18;
pub const EROFS: i32 = 30;

/// The real disk, except that one step fails with an OS error while a fault is set.
#[derive(Default)]
pub struct FaultyDisk {
    fault: Mutex<Option<(Step, i32)>>,
    /// How many faults were actually hit.
    pub hits: Mutex<u32>,
}

impl FaultyDisk {
    pub fn failing(step: Step, errno: i32) -> Self {
        let disk = Self::default();
        disk.set(Some((step, errno)));
        disk
    }

    pub fn set(&self, fault: Option<(Step, i32)>) {
        *self.fault.lock().unwrap() = fault;
    }

    fn check(&self, step: Step) -> std::io::Result<()> {
        match *self.fault.lock().unwrap() {
            Some((failing, errno)) if failing == step => {
                *self.hits.lock().unwrap() += 1;
                Err(std::io::Error::from_raw_os_error(errno))
            }
            _ => Ok(()),
        }
    }
}

impl Disk for FaultyDisk {
    fn create_new(&self, path: &Path) -> std::io::Result<File> {
        self.check(Step::Create)?;
        File::options().write(true).create_new(true).open(path)
    }

    fn write_all(&self, file: &mut File, bytes: &[u8]) -> std::io::Result<()> {
        if let Err(error) = self.check(Step::Write) {
            // A full disk takes part of the write before refusing the rest.
            file.write_all(&bytes[..bytes.len() / 2])?;
            return Err(error);
        }
        file.write_all(bytes)
    }

    fn sync(&self, file: &File) -> std::io::Result<()> {
        self.check(Step::Sync)?;
        file.sync_all()
    }

    fn rename(&self, from: &Path, to: &Path) -> std::io::Result<()> {
        self.check(Step::Rename)?;
        std::fs::rename(from, to)
    }

    fn sync_folder(&self, folder: &Path) -> std::io::Result<()> {
        self.check(Step::SyncFolder)?;
        File::open(folder)?.sync_all()
    }
}

/// A small, seeded generator, so a failing run can be repeated.
pub struct Rng(pub u64);

impl Rng {
    pub fn below(&mut self, n: u64) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0 % n
    }
}

/// Waits (up to 10 s) until `done` holds, polling.
pub fn wait_until(what: &str, mut done: impl FnMut() -> bool) {
    let deadline = Instant::now() + Duration::from_secs(10);
    while !done() {
        assert!(Instant::now() < deadline, "timed out waiting until {what}");
        std::thread::sleep(Duration::from_millis(5));
    }
}

pub fn is_saved(status: &SaveStatus) -> bool {
    status.is_saved()
}

/// The scripted session that edits step by step: revision 1 is a session with one group;
/// every later revision adds a card "card N", and every fifth also edits an earlier card's
/// text, so order matters. Ids and times are fixed, so a replay gives identical sessions.
pub struct Script {
    pub document: Document,
}

impl Script {
    pub fn start(path: &Path) -> Self {
        let mut session = Session::new("Kill test");
        session.groups = vec![Group {
            id: GroupId::from_u128(1),
            ..Group::new("Table 1")
        }];
        session.details.date = jiff::civil::date(2026, 10, 14);
        Self {
            document: Document::new(session, path.to_owned()),
        }
    }

    /// Applies the next edit; returns the new revision.
    pub fn step(&mut self) -> u64 {
        let n = self.document.revision();
        let card = Card {
            id: CardId::from_u128(1000 + u128::from(n)),
            group: GroupId::from_u128(1),
            category: Category::ALL[n as usize % 3],
            text: format!("card {n}"),
            written: jiff::Timestamp::from_second(1_760_000_000 + n as i64).unwrap(),
            ..Card::default()
        };
        let index = self.document.session().cards.len();
        let mut edits = vec![Edit::AddCard { card, index }];
        if n.is_multiple_of(5) {
            edits.push(Edit::SetCardText {
                id: CardId::from_u128(1000 + u128::from(n / 2).max(1)),
                text: format!("card {} edited at {n}", n / 2),
            });
        }
        self.document.apply(Edit::Batch(edits)).unwrap();
        self.document.revision()
    }

    /// The session as of `revision`.
    pub fn session_at(path: &Path, revision: u64) -> Session {
        let mut script = Self::start(path);
        while script.document.revision() < revision {
            script.step();
        }
        script.document.session().clone()
    }
}
