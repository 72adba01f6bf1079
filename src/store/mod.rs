//! Session files: the format, loading whatever is at a path, saving without ever leaving a
//! half-written file, autosave, backups, the one-writer lock and crash recovery, and the card
//! boxes' words not yet added (kept in Harvest's own folder, not in the session).

mod autosave;
pub mod backups;
mod disk;
pub mod drafts;
pub mod folder;
pub mod format;
mod load;
mod lock;
mod messages;
pub mod places;
mod problem;
mod recovery;
mod save;
mod status;
mod unpoisoned;

pub use autosave::{AutosaveHandle, Autosaver, FlushError, Waker};
pub use disk::{Disk, RealDisk};
pub use load::{LoadError, SIZE_LIMIT, io_message, load, load_bytes};
pub use lock::{Holder, LockError, SessionLock, lock_path};
pub use problem::{Position, Problem};
pub use recovery::{Opened, Recovery, open};
pub use save::{
    SaveError, io_reason, leftover_temp_files, save, save_on, write_atomically,
    write_atomically_on, write_new,
};
pub use status::{SaveStatus, clock_time, local_moment};
