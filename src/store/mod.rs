//! Session files: the format, loading whatever is at a path, and saving without ever leaving
//! a half-written file.

mod autosave;
pub mod format;
mod load;
mod problem;
mod save;

pub use autosave::{Autosaver, SaveStatus};
pub use load::{LoadError, SIZE_LIMIT, io_message, load};
pub use problem::{Position, Problem};
pub use save::{SaveError, save, write_atomically};
