//! File → Follow a shared folder…: the organiser's laptop follows a folder that the table
//! laptops save into (a USB stick, a network share, a folder Syncthing, OneDrive or Dropbox
//! keeps in step). A helper thread hands over each table file as it reads whole; the window
//! merges it. Sync tools' conflict copies are just more table files. Nothing is ever written
//! into the folder: no locks, no temporary files.

mod arrival;
mod read;
mod scan;
mod watch;
mod worker;

pub use arrival::{Arrival, TableFile};
pub use worker::RESCAN;

use notify::RecommendedWatcher;
use scan::Scanner;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{Receiver, RecvTimeoutError, Sender, channel};
use std::sync::{Arc, Mutex, PoisonError};
use std::thread::JoinHandle;
use std::time::Duration;
use watch::Signal;
use worker::{News, Shared};

/// How long dropping the follower waits for a read in progress (a slow share) before
/// leaving the thread to end alone.
const DROP_WAIT: Duration = Duration::from_secs(2);

/// Why a folder cannot be followed. The folder comes last, as in every message about a file.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("cannot follow the folder — {reason}: {path}")]
pub struct FollowError {
    pub reason: String,
    pub path: PathBuf,
}

/// How the follower learns of changes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Watching {
    /// Change events from the platform's watcher, and a rescan every [`RESCAN`] for the
    /// file systems that send none. If the watcher cannot start, rescans alone.
    EventsAndRescans,
    /// Rescans alone, as on a network share.
    RescansOnly,
}

/// Follows one folder of table files until dropped.
pub struct Follower {
    folder: PathBuf,
    shared: Arc<Shared>,
    signals: Sender<Signal>,
    watcher: Option<RecommendedWatcher>,
    /// Disconnects when the thread ends.
    finished: Receiver<()>,
    thread: Option<JoinHandle<()>>,
}

impl Follower {
    /// Follows `folder`, skipping `own_file` (the session open in this window) should it be
    /// there. `wake` is called on the follower's thread whenever [`Follower::take`] or
    /// [`Follower::files`] has something new; the window passes `move || ctx.request_repaint()`.
    pub fn start(
        folder: PathBuf,
        own_file: Option<PathBuf>,
        wake: Arc<dyn Fn() + Send + Sync>,
    ) -> Result<Follower, FollowError> {
        Self::start_with(folder, own_file, wake, Watching::EventsAndRescans)
    }

    /// [`Follower::start`], choosing how changes are noticed.
    pub fn start_with(
        folder: PathBuf,
        own_file: Option<PathBuf>,
        wake: Arc<dyn Fn() + Send + Sync>,
        watching: Watching,
    ) -> Result<Follower, FollowError> {
        check_folder(&folder)?;
        let (signals, incoming) = channel();
        let watcher = match watching {
            Watching::EventsAndRescans => watch::watch(&folder, signals.clone()),
            Watching::RescansOnly => None,
        };
        let shared = Arc::new(Shared {
            news: Mutex::new(News::default()),
            stop: AtomicBool::new(false),
        });
        let (done, finished) = channel::<()>();
        let scanner = Scanner::new(folder.clone(), own_file);
        let thread_shared = Arc::clone(&shared);
        let thread = std::thread::Builder::new()
            .name("harvest-follow".into())
            .spawn(move || {
                let _done = done;
                worker::run(scanner, &thread_shared, &incoming, &wake);
            })
            .map_err(|error| FollowError {
                reason: format!("could not start a thread ({error})"),
                path: folder.clone(),
            })?;
        Ok(Follower {
            folder,
            shared,
            signals,
            watcher,
            finished,
            thread: Some(thread),
        })
    }

    /// What arrived since the last call, oldest first. Never blocks on the disk.
    pub fn take(&self) -> Vec<Arrival> {
        std::mem::take(&mut self.news().arrivals)
    }

    /// Every table file in the folder as last seen, by name, for the status bar. The session
    /// open in this window is not among them.
    pub fn files(&self) -> Vec<TableFile> {
        self.news().files.clone()
    }

    /// The folder followed, as given.
    pub fn folder(&self) -> &Path {
        &self.folder
    }

    /// Why the folder itself could not be listed at the last look (a USB stick pulled out, a
    /// share gone); None while it can be. Its files are not reported gone meanwhile.
    pub fn folder_problem(&self) -> Option<String> {
        self.news().folder_problem.clone()
    }

    /// Whether change events come from the platform's watcher; if not, changes are found by
    /// the rescan every [`RESCAN`].
    pub fn has_events(&self) -> bool {
        self.watcher.is_some()
    }

    fn news(&self) -> std::sync::MutexGuard<'_, News> {
        self.shared
            .news
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
    }
}

impl Drop for Follower {
    fn drop(&mut self) {
        self.shared.stop.store(true, Ordering::Relaxed);
        // No more events, then the thread's own wake-up.
        self.watcher = None;
        let _ = self.signals.send(Signal::Stop);
        // The thread never sends: it disconnects as it ends.
        let ended = matches!(
            self.finished.recv_timeout(DROP_WAIT),
            Err(RecvTimeoutError::Disconnected)
        );
        if let Some(thread) = self.thread.take() {
            if ended {
                let _ = thread.join();
            } else {
                log::warn!(
                    "still reading a followed file; leaving it to finish: {}",
                    self.folder.display()
                );
            }
        }
    }
}

/// Refuses what is not a folder that can be listed, before any thread starts.
fn check_folder(folder: &Path) -> Result<(), FollowError> {
    let fail = |reason: &str| FollowError {
        reason: reason.to_owned(),
        path: folder.to_owned(),
    };
    match std::fs::metadata(folder) {
        Ok(metadata) if metadata.is_dir() => {}
        Ok(_) => return Err(fail("this is a file, not a folder")),
        Err(error) => return Err(fail(&scan::folder_reason(&error))),
    }
    std::fs::read_dir(folder).map_err(|error| fail(&scan::folder_reason(&error)))?;
    Ok(())
}
