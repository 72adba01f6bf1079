//! The file-system watcher: tells the follower's thread that something in the folder changed,
//! so it looks at once instead of at the next rescan. Optional: on a network share or some USB
//! file systems no events come, and the rescan alone finds changes.

use notify::event::{AccessKind, AccessMode};
use notify::{Event, EventKind, RecommendedWatcher, RecursiveMode, Watcher};
use std::path::Path;
use std::sync::mpsc::Sender;

/// What the follower's thread is woken with.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Signal {
    /// Something in the folder changed: look soon.
    Changed,
    /// The follower was dropped.
    Stop,
}

/// Watches `folder` (not its subfolders) with the platform's recommended watcher, sending
/// [`Signal::Changed`] for every event that may mean a file changed. None if the watcher
/// cannot start (no inotify watches left, an unsupported file system); the log says why.
pub fn watch(folder: &Path, signals: Sender<Signal>) -> Option<RecommendedWatcher> {
    let started = notify::recommended_watcher(move |event: notify::Result<Event>| {
        if matters(&event) {
            // The thread is gone only once the follower is being dropped.
            let _ = signals.send(Signal::Changed);
        }
    })
    .and_then(|mut watcher| {
        watcher.watch(folder, RecursiveMode::NonRecursive)?;
        Ok(watcher)
    });
    match started {
        Ok(watcher) => Some(watcher),
        Err(error) => {
            log::warn!(
                "no change events, rescanning only — {error}: {}",
                folder.display()
            );
            None
        }
    }
}

/// Whether an event may mean a file changed. Opening and reading do not: the follower's own
/// reads would otherwise wake it again, and a broken file would be read over and over.
fn matters(event: &notify::Result<Event>) -> bool {
    match event {
        // A lost event may have been anything.
        Err(_) => true,
        Ok(event) => match event.kind {
            EventKind::Access(AccessKind::Close(AccessMode::Write)) => true,
            EventKind::Access(_) => false,
            _ => true,
        },
    }
}

#[cfg(test)]
mod tests {
    use super::matters;
    use notify::event::{AccessKind, AccessMode, CreateKind, ModifyKind, RenameMode};
    use notify::{Event, EventKind};

    fn event(kind: EventKind) -> notify::Result<Event> {
        Ok(Event::new(kind))
    }

    #[test]
    fn reading_a_file_is_no_change_and_writing_or_renaming_is() {
        for kind in [
            EventKind::Access(AccessKind::Open(AccessMode::Any)),
            EventKind::Access(AccessKind::Read),
            EventKind::Access(AccessKind::Close(AccessMode::Read)),
        ] {
            assert!(!matters(&event(kind)), "{kind:?}");
        }
        for kind in [
            EventKind::Access(AccessKind::Close(AccessMode::Write)),
            EventKind::Create(CreateKind::File),
            EventKind::Modify(ModifyKind::Name(RenameMode::To)),
            EventKind::Remove(notify::event::RemoveKind::File),
            EventKind::Any,
        ] {
            assert!(matters(&event(kind)), "{kind:?}");
        }
        assert!(matters(&Err(notify::Error::generic("events lost"))));
    }
}
