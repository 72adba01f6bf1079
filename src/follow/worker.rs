//! The follower's thread: looks at the folder, hands over what it found, then waits for a
//! change event (and lets the folder settle) or for the next rescan, until the follower is
//! dropped.

use super::arrival::{Arrival, TableFile};
use super::scan::Scanner;
use super::watch::Signal;
use std::sync::atomic::AtomicBool;
use std::sync::mpsc::{Receiver, RecvTimeoutError};
use std::sync::{Arc, Mutex, PoisonError};
use std::time::{Duration, Instant};

/// How often the folder is looked at with no event: network shares and some USB file
/// systems send none.
pub const RESCAN: Duration = Duration::from_secs(1);
/// After an event, the folder must be this quiet before it is looked at: a sync tool writes a
/// temporary file and renames it, a copy arrives in many writes.
const QUIET: Duration = Duration::from_millis(150);
/// A folder that never goes quiet is looked at this long after the first event all the same.
const SETTLE_MAX: Duration = Duration::from_secs(1);

/// What the thread shares with the follower.
pub struct Shared {
    pub news: Mutex<News>,
    /// Set when the follower is dropped, so a look at many files stops early.
    pub stop: AtomicBool,
}

/// What was found and not yet taken, and the status bar's view of the folder.
#[derive(Default)]
pub struct News {
    pub arrivals: Vec<Arrival>,
    pub files: Vec<TableFile>,
    pub folder_problem: Option<String>,
}

/// Runs until a [`Signal::Stop`] comes or the follower's sender is gone.
pub fn run(
    mut scanner: Scanner,
    shared: &Shared,
    signals: &Receiver<Signal>,
    wake: &Arc<dyn Fn() + Send + Sync>,
) {
    loop {
        let arrivals = scanner.scan(&shared.stop);
        if publish(shared, arrivals, scanner.files(), scanner.folder_problem()) {
            wake();
        }
        if !wait(signals) {
            return;
        }
    }
}

/// Hands over one look's findings; true if the window has something new to show.
fn publish(
    shared: &Shared,
    arrivals: Vec<Arrival>,
    files: Vec<TableFile>,
    folder_problem: Option<String>,
) -> bool {
    let mut news = shared.news.lock().unwrap_or_else(PoisonError::into_inner);
    let changed =
        !arrivals.is_empty() || news.files != files || news.folder_problem != folder_problem;
    news.arrivals.extend(arrivals);
    news.files = files;
    news.folder_problem = folder_problem;
    changed
}

/// Waits for the next look: the rescan, or a change once the folder has settled. False once
/// the thread should stop.
fn wait(signals: &Receiver<Signal>) -> bool {
    match signals.recv_timeout(RESCAN) {
        Ok(Signal::Changed) => settle(signals),
        Err(RecvTimeoutError::Timeout) => true,
        Ok(Signal::Stop) | Err(RecvTimeoutError::Disconnected) => false,
    }
}

/// Waits until no event has come for [`QUIET`], or [`SETTLE_MAX`] has passed.
fn settle(signals: &Receiver<Signal>) -> bool {
    let deadline = Instant::now() + SETTLE_MAX;
    loop {
        let left = deadline.saturating_duration_since(Instant::now());
        if left.is_zero() {
            return true;
        }
        match signals.recv_timeout(QUIET.min(left)) {
            Ok(Signal::Changed) => {}
            Err(RecvTimeoutError::Timeout) => return true,
            Ok(Signal::Stop) | Err(RecvTimeoutError::Disconnected) => return false,
        }
    }
}
