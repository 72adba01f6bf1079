//! The saver thread: waits for a revision to write, writes it with a backup when one is due,
//! records the outcome for the UI, and retries failures with backoff until closing.

use super::{AutosaveHandle, RETRY_FIRST, RETRY_MAX, Shared};
use crate::model::Session;
use crate::store::backups::Keeper;
use crate::store::disk::Disk;
use crate::store::format;
use crate::store::save::{SaveError, write_atomically_on};
use jiff::Timestamp;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{Duration, Instant};

/// The saver thread: waits for work, writes, records the outcome, repeats until closing.
pub(super) fn run(shared: &Arc<Shared>, disk: &dyn Disk) {
    let handle = AutosaveHandle {
        shared: Arc::clone(shared),
    };
    let mut keeper: Option<Keeper> = None;
    let mut tried_while_closing = false;
    loop {
        let mut state = handle.lock();
        let job = loop {
            if state.needs_save() {
                if state.closing && tried_while_closing {
                    break None;
                }
                match state.retry_at {
                    Some(at) if !state.hurry && Instant::now() < at => {
                        let wait = at.saturating_duration_since(Instant::now());
                        state = handle.wait(state, wait);
                        continue;
                    }
                    _ => {}
                }
                state.hurry = false;
                tried_while_closing = state.closing;
                let source = match &state.snapshot {
                    Some(session) => Source::Snapshot(Arc::clone(session)),
                    // Released once saved: only a new path can need it again.
                    None => Source::Saved(state.saved_path.clone()),
                };
                break state
                    .latest
                    .map(|revision| (revision, source, state.path.clone()));
            }
            if state.closing {
                break None;
            }
            state = handle.wait(state, Duration::from_secs(3600));
        };
        let Some((revision, source, path)) = job else {
            state.finished = true;
            drop(state);
            shared.changed.notify_all();
            handle.wake();
            return;
        };
        drop(state);
        handle.wake();

        let keeper = match keeper.take() {
            Some(k) if k.session_path() == path => keeper.insert(k),
            _ => keeper.insert(Keeper::new(&path)),
        };
        let result = write(disk, &source, &path, keeper);
        // Let go of this thread's share before the UI can see the save and edit again.
        drop(source);

        let mut state = handle.lock();
        state.attempts += 1;
        let mut released = None;
        match result {
            Ok(at) => {
                // On disk now: nothing needs this snapshot any more, unless a newer one came.
                if state.latest == Some(revision) && state.path == path {
                    released = state.snapshot.take();
                }
                state.saved_revision = revision;
                state.saved_path = path;
                state.saved_at = Some(at);
                state.failure = None;
                state.failures = 0;
                state.retry_at = None;
            }
            Err(error) => {
                log::warn!("could not save {}: {error}", path.display());
                state.failure = Some(error.reason());
                state.failures += 1;
                state.retry_at = Some(Instant::now() + backoff(state.failures));
            }
        }
        drop(state);
        // If the UI has copied the session since, this frees it: not while holding the lock.
        drop(released);
        shared.changed.notify_all();
        handle.wake();
    }
}

/// What a save writes.
enum Source {
    Snapshot(Arc<Session>),
    /// The file the newest revision was saved to, whose snapshot was let go since.
    Saved(PathBuf),
}

/// Writes one revision, and a backup when one is due. Returns when it was saved.
fn write(
    disk: &dyn Disk,
    source: &Source,
    path: &Path,
    keeper: &mut Keeper,
) -> Result<Timestamp, SaveError> {
    let text = match source {
        Source::Snapshot(session) => format::to_text(session)?,
        Source::Saved(saved) => std::fs::read_to_string(saved)?,
    };
    // Backups are a second line of defence: failing to make one never fails the save.
    if let Err(error) = keeper.before_save(disk) {
        log::warn!("could not back up {}: {error}", path.display());
    }
    write_atomically_on(disk, path, text.as_bytes())?;
    let at = Timestamp::now();
    if let Err(error) = keeper.after_save(disk, text.as_bytes(), at) {
        log::warn!("could not back up {}: {error}", path.display());
    }
    Ok(at)
}

fn backoff(failures: u32) -> Duration {
    RETRY_FIRST
        .saturating_mul(1 << failures.saturating_sub(1).min(8))
        .min(RETRY_MAX)
}
