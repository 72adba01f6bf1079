//! The entry point of the window: which session it opens, read on a helper thread while the
//! window and its GL context are made. The only module outside `ui` that imports it.

use crate::cli::CliError;
use crate::store::places::Places;
use crate::workspace::Workspace;
use std::path::PathBuf;

/// Opens the app window on the chosen session. Exit signals are caught from here on, so a
/// SIGTERM while the window opens still saves.
pub fn open_app(
    file: Option<PathBuf>,
    follow: Option<PathBuf>,
    exit_after_frames: Option<u64>,
) -> Result<(), CliError> {
    let signals = match crate::signals::ExitSignals::install() {
        Ok(signals) => Some(signals),
        Err(error) => {
            log::warn!("could not install signal handlers: {error}");
            None
        }
    };
    crate::profiling::start();
    // Reading the session overlaps with creating the window and its GL context.
    let provisional_title = file
        .as_ref()
        .and_then(|f| f.file_stem())
        .map(|s| s.to_string_lossy().into_owned());
    let places = Places::standard();
    let opening = std::thread::Builder::new()
        .name("open session".into())
        .spawn(move || match Workspace::choose(file.clone(), &places) {
            Ok(opening) => opening,
            // The window still opens, to say what is wrong where the user is looking; nothing
            // is written, so the file stays exactly as it was.
            Err(error) => Workspace::nothing_open(file, &error),
        })
        .map_err(|e| CliError(format!("could not start: {e}")))?;
    let start = crate::ui::Start {
        opening,
        provisional_title,
        signals,
        exit_after_frames,
        follow,
    };
    crate::ui::run(start).map_err(|e| CliError(format!("could not open the window: {e}")))
}
