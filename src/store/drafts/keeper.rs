//! The thread that keeps a session's drafts on disk: it writes the newest drafts a moment after
//! the typing stops (at once when a box was emptied, so an added card is not offered again),
//! retries a failed write, and writes what is pending at once when flushed or dropped.

use super::Drafts;
use super::file::write;
use crate::store::FlushError;
use crate::store::disk::Disk;
use crate::store::save::io_reason;
use std::path::PathBuf;
use std::sync::{Arc, Condvar, Mutex, MutexGuard};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

/// How long after the last keystroke the drafts are written: short enough that a crash loses at
/// most about a second of typing, long enough not to write at every key.
pub const PAUSE: Duration = Duration::from_millis(500);
/// A failed write is tried again this long after.
const RETRY: Duration = Duration::from_secs(1);
/// How long dropping the keeper waits for its last write.
const DROP_WAIT: Duration = Duration::from_secs(5);

/// Writes a session's drafts to their file on a thread of its own. Dropping it writes what is
/// pending first.
pub struct DraftKeeper {
    handle: KeeperHandle,
    thread: Option<JoinHandle<()>>,
}

/// A clonable handle on the keeper, for flushing from a helper thread.
#[derive(Clone)]
pub struct KeeperHandle {
    shared: Arc<Shared>,
    file: PathBuf,
}

struct Shared {
    state: Mutex<State>,
    changed: Condvar,
}

struct State {
    drafts: Drafts,
    /// How many times drafts were handed over, and which of those is on disk.
    submitted: u64,
    written: u64,
    /// When the newest drafts are to be written.
    due: Instant,
    /// The last write's failure, cleared by one that succeeds.
    failure: Option<String>,
    attempts: u64,
    closing: bool,
    finished: bool,
}

impl DraftKeeper {
    /// Starts keeping drafts in `file` for the session at `session`. Nothing is written until
    /// drafts are handed over.
    pub fn spawn(disk: Arc<dyn Disk>, file: PathBuf, session: PathBuf) -> std::io::Result<Self> {
        let shared = Arc::new(Shared {
            state: Mutex::new(State {
                drafts: Drafts::default(),
                submitted: 0,
                written: 0,
                due: Instant::now(),
                failure: None,
                attempts: 0,
                closing: false,
                finished: false,
            }),
            changed: Condvar::new(),
        });
        let handle = KeeperHandle { shared, file };
        let thread_handle = handle.clone();
        let thread = std::thread::Builder::new()
            .name("harvest-drafts".into())
            .spawn(move || run(&thread_handle, disk.as_ref(), &session))?;
        Ok(Self {
            handle,
            thread: Some(thread),
        })
    }

    /// Hands over the newest drafts. `at_once` skips the pause after typing.
    pub fn submit(&self, drafts: &Drafts, at_once: bool) {
        let mut state = self.handle.lock();
        state.drafts = drafts.clone();
        state.submitted += 1;
        state.due = Instant::now() + if at_once { Duration::ZERO } else { PAUSE };
        self.handle.shared.changed.notify_all();
    }

    pub fn handle(&self) -> KeeperHandle {
        self.handle.clone()
    }
}

impl std::ops::Deref for DraftKeeper {
    type Target = KeeperHandle;

    fn deref(&self) -> &KeeperHandle {
        &self.handle
    }
}

impl Drop for DraftKeeper {
    fn drop(&mut self) {
        let deadline = Instant::now() + DROP_WAIT;
        let mut state = self.handle.lock();
        state.closing = true;
        state.due = Instant::now();
        self.handle.shared.changed.notify_all();
        while !state.finished {
            let now = Instant::now();
            if now >= deadline {
                log::warn!(
                    "drafts still writing on exit: {}",
                    self.handle.file.display()
                );
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

impl KeeperHandle {
    /// Whether the newest drafts handed over are on disk.
    pub fn is_saved(&self) -> bool {
        let state = self.lock();
        state.written == state.submitted
    }

    /// Writes the drafts handed over so far at once and waits until they are on disk, until a
    /// write tried after this call fails, or until `timeout`.
    pub fn flush(&self, timeout: Duration) -> Result<(), FlushError> {
        let deadline = Instant::now() + timeout;
        let mut state = self.lock();
        let target = state.submitted;
        let attempts_before = state.attempts;
        state.due = Instant::now();
        self.shared.changed.notify_all();
        loop {
            if state.written >= target {
                return Ok(());
            }
            if let Some(reason) = &state.failure
                && (state.attempts > attempts_before || state.finished)
            {
                return Err(FlushError::NotSaved {
                    reason: reason.clone(),
                    path: self.file.clone(),
                });
            }
            let now = Instant::now();
            if now >= deadline || state.finished {
                return Err(FlushError::TimedOut {
                    seconds: timeout.as_secs(),
                    path: self.file.clone(),
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
}

/// The keeper thread: waits until drafts are due, writes them, records how it went.
fn run(handle: &KeeperHandle, disk: &dyn Disk, session: &std::path::Path) {
    let mut tried_while_closing = false;
    loop {
        let mut state = handle.lock();
        let job = loop {
            let pending = state.written != state.submitted;
            if pending && !(state.closing && tried_while_closing) {
                let now = Instant::now();
                if now >= state.due || state.closing {
                    tried_while_closing = state.closing;
                    break Some((state.submitted, state.drafts.clone()));
                }
                let wait = state.due - now;
                state = handle.wait(state, wait);
                continue;
            }
            if state.closing {
                break None;
            }
            state = handle.wait(state, Duration::from_secs(3600));
        };
        let Some((submitted, drafts)) = job else {
            state.finished = true;
            drop(state);
            handle.shared.changed.notify_all();
            return;
        };
        drop(state);

        let result = write(disk, &handle.file, session, &drafts);

        let mut state = handle.lock();
        state.attempts += 1;
        match result {
            Ok(()) => {
                state.written = submitted;
                state.failure = None;
            }
            Err(error) => {
                log::warn!(
                    "could not keep drafts in {}: {error}",
                    handle.file.display()
                );
                state.failure = Some(io_reason(&error));
                state.due = state.due.max(Instant::now() + RETRY);
            }
        }
        drop(state);
        handle.shared.changed.notify_all();
    }
}
