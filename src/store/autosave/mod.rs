//! Continuous autosave on its own thread. The UI hands over a snapshot after every change and
//! never waits for the disk; the thread writes the newest snapshot (older ones that were not
//! written yet are skipped), keeps backups, retries failures with backoff, and tells the UI
//! through a waker whenever the status changes. Once a snapshot is on disk the saver lets go
//! of it, so the UI's next edit can change the session in place instead of copying it.

mod writer;

use super::disk::{Disk, RealDisk};
use super::status::SaveStatus;
use crate::model::Session;
use jiff::Timestamp;
use std::path::PathBuf;
use std::sync::{Arc, Condvar, Mutex, MutexGuard};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

/// Called on the saver thread whenever the status changes; the UI passes
/// `move || ctx.request_repaint()`.
pub type Waker = Box<dyn Fn() + Send + Sync>;

/// The first retry waits this long; each further one twice as long, up to [`RETRY_MAX`].
const RETRY_FIRST: Duration = Duration::from_millis(250);
const RETRY_MAX: Duration = Duration::from_secs(5);
/// How long dropping the autosaver waits for the last write before leaving it to finish alone.
const DROP_WAIT: Duration = Duration::from_secs(5);

/// Why [`AutosaveHandle::flush`] could not confirm that everything is on disk.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum FlushError {
    #[error("not saved — {reason}: {path}")]
    NotSaved { reason: String, path: PathBuf },
    #[error("not saved — still writing after {seconds} s: {path}")]
    TimedOut { seconds: u64, path: PathBuf },
}

/// Saves a session continuously on a background thread. Dropping it writes what is pending
/// (waiting up to a few seconds) and stops the thread; call [`AutosaveHandle::flush`] first on
/// exit to know whether that worked.
pub struct Autosaver {
    handle: AutosaveHandle,
    thread: Option<JoinHandle<()>>,
}

/// A clonable handle on the autosaver's state: for the signal fallback, which must flush from
/// another thread.
#[derive(Clone)]
pub struct AutosaveHandle {
    shared: Arc<Shared>,
}

struct Shared {
    state: Mutex<State>,
    /// Notified on every change of state: wakes the saver thread and anyone flushing.
    changed: Condvar,
    waker: Mutex<Option<Waker>>,
}

struct State {
    path: PathBuf,
    /// The newest revision the UI submitted.
    latest: Option<u64>,
    /// That revision's session, held until it is on disk at `path` (for retries), then let go.
    snapshot: Option<Arc<Session>>,
    /// The newest revision known to be on disk, and where.
    saved_revision: u64,
    saved_path: PathBuf,
    saved_at: Option<Timestamp>,
    /// The last attempt's failure, cleared by a successful save.
    failure: Option<String>,
    /// Failed attempts in a row, for the backoff.
    failures: u32,
    retry_at: Option<Instant>,
    /// Attempts finished so far, so a flush can tell an attempt made after it began.
    attempts: u64,
    /// Skip the backoff wait: someone is flushing or a new change came in.
    hurry: bool,
    closing: bool,
    finished: bool,
}

impl State {
    fn needs_save(&self) -> bool {
        self.latest
            .is_some_and(|revision| revision != self.saved_revision || self.path != self.saved_path)
    }

    fn status(&self) -> SaveStatus {
        match &self.failure {
            Some(reason) if self.needs_save() => SaveStatus::NotSaved {
                reason: reason.clone(),
                retrying: !self.finished,
            },
            _ if self.needs_save() => SaveStatus::Saving,
            _ => SaveStatus::Saved { at: self.saved_at },
        }
    }
}

impl Autosaver {
    /// Starts saving to `path`, which already holds revision `on_disk` (the document's revision
    /// right after it was loaded or created).
    pub fn spawn(path: impl Into<PathBuf>, on_disk: u64) -> std::io::Result<Self> {
        Self::spawn_on(Arc::new(RealDisk), path.into(), on_disk)
    }

    /// [`Autosaver::spawn`] writing through `disk`, so tests can inject faults.
    pub fn spawn_on(disk: Arc<dyn Disk>, path: PathBuf, on_disk: u64) -> std::io::Result<Self> {
        let saved_at = std::fs::metadata(&path)
            .and_then(|m| m.modified())
            .ok()
            .and_then(|t| Timestamp::try_from(t).ok());
        let shared = Arc::new(Shared {
            state: Mutex::new(State {
                path: path.clone(),
                latest: None,
                snapshot: None,
                saved_revision: on_disk,
                saved_path: path,
                saved_at,
                failure: None,
                failures: 0,
                retry_at: None,
                attempts: 0,
                hurry: false,
                closing: false,
                finished: false,
            }),
            changed: Condvar::new(),
            waker: Mutex::new(None),
        });
        let thread_shared = Arc::clone(&shared);
        let thread = std::thread::Builder::new()
            .name("harvest-autosave".into())
            .spawn(move || writer::run(&thread_shared, disk.as_ref()))?;
        Ok(Self {
            handle: AutosaveHandle { shared },
            thread: Some(thread),
        })
    }

    /// A handle for other threads (the signal fallback).
    pub fn handle(&self) -> AutosaveHandle {
        self.handle.clone()
    }
}

impl std::ops::Deref for Autosaver {
    type Target = AutosaveHandle;

    fn deref(&self) -> &AutosaveHandle {
        &self.handle
    }
}

impl Drop for Autosaver {
    fn drop(&mut self) {
        let deadline = Instant::now() + DROP_WAIT;
        let mut state = self.handle.lock();
        state.closing = true;
        state.hurry = true;
        self.handle.shared.changed.notify_all();
        while !state.finished {
            let now = Instant::now();
            if now >= deadline {
                // A write stuck on a dead network drive must not hang the exit.
                log::warn!("autosave still writing on exit: {}", state.path.display());
                return;
            }
            state = self.handle.wait(state, deadline - now);
        }
        drop(state);
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

impl AutosaveHandle {
    /// Hands over the session as of `revision`. Never blocks on the disk: the snapshot is
    /// written by the saver thread, and a newer one submitted before then replaces it.
    pub fn submit(&self, revision: u64, session: impl Into<Arc<Session>>) {
        let mut state = self.lock();
        let is_new = state.latest != Some(revision);
        state.latest = Some(revision);
        state.snapshot = Some(session.into());
        state.hurry |= is_new;
        self.shared.changed.notify_all();
    }

    /// What the status bar should say.
    pub fn status(&self) -> SaveStatus {
        self.lock().status()
    }

    /// The newest revision on disk at the current path. Everything is saved when this equals
    /// the document's revision.
    pub fn saved_revision(&self) -> u64 {
        let state = self.lock();
        if state.saved_path == state.path {
            state.saved_revision
        } else {
            0
        }
    }

    /// Where the session is saved.
    pub fn path(&self) -> PathBuf {
        self.lock().path.clone()
    }

    /// Saves to `path` from now on (Save as…), writing the newest revision there at once: the
    /// snapshot if it is not on disk yet, else a copy of the file it was saved to.
    pub fn set_path(&self, path: impl Into<PathBuf>) {
        let mut state = self.lock();
        state.path = path.into();
        state.failure = None;
        state.failures = 0;
        state.retry_at = None;
        state.hurry = true;
        self.shared.changed.notify_all();
    }

    /// Called whenever the status changes, from the saver thread.
    pub fn set_waker(&self, waker: impl Fn() + Send + Sync + 'static) {
        if let Ok(mut slot) = self.shared.waker.lock() {
            *slot = Some(Box::new(waker));
        }
    }

    /// Blocks until the newest revision submitted before this call is on disk (returning the
    /// revision on disk), until an attempt made after this call fails, or until `timeout`.
    /// Used on exit. Revisions must only grow, as [`crate::document::Document`]'s do.
    pub fn flush(&self, timeout: Duration) -> Result<u64, FlushError> {
        let deadline = Instant::now() + timeout;
        let mut state = self.lock();
        let attempts_before = state.attempts;
        // Changes submitted while waiting do not move the goal, or a busy UI would never let
        // a flush finish.
        let target = state.latest.unwrap_or(0);
        state.hurry = true;
        self.shared.changed.notify_all();
        loop {
            let reached = state.saved_path == state.path && state.saved_revision >= target;
            if !state.needs_save() || reached {
                return Ok(state.saved_revision);
            }
            if let Some(reason) = &state.failure
                && (state.attempts > attempts_before || state.finished)
            {
                return Err(FlushError::NotSaved {
                    reason: reason.clone(),
                    path: state.path.clone(),
                });
            }
            let now = Instant::now();
            if now >= deadline || state.finished {
                return Err(FlushError::TimedOut {
                    seconds: timeout.as_secs(),
                    path: state.path.clone(),
                });
            }
            state = self.wait(state, deadline - now);
        }
    }

    fn lock(&self) -> MutexGuard<'_, State> {
        crate::store::unpoisoned::lock(&self.shared.state)
    }

    fn wait<'a>(&self, state: MutexGuard<'a, State>, timeout: Duration) -> MutexGuard<'a, State> {
        crate::store::unpoisoned::wait(&self.shared.changed, state, timeout)
    }

    fn wake(&self) {
        if let Ok(waker) = self.shared.waker.lock()
            && let Some(waker) = waker.as_ref()
        {
            waker();
        }
    }
}
