//! SIGTERM, SIGINT and SIGHUP save everything before the process ends. winit does not handle
//! signals, and their default action kills the process without saving, so Harvest installs
//! handlers that turn a signal into an exit request the UI sees on its next frame.
//!
//! Use from the app:
//!
//! ```no_run
//! # fn demo(ctx: egui::Context, autosaver: &harvest::store::Autosaver) -> std::io::Result<()> {
//! let signals = harvest::signals::ExitSignals::install()?;
//! signals.set_waker(move || ctx.request_repaint());
//! signals.set_autosave(autosaver.handle());
//! // Then every frame: if signals.requested().is_some(), flush the autosaver and close the
//! // window, exactly as for Ctrl+Q.
//! # Ok(()) }
//! ```
//!
//! If the UI has not exited within the grace period after the signal (it is stuck, or the window
//! is gone), or a second signal comes, the signal thread flushes the autosaver itself and exits
//! with status 128 + the signal number. The grace period is [`GRACE`], or as many whole seconds
//! as the environment variable [`GRACE_ENV`] says (read once, at the first signal): tests that
//! save through the normal path on a busy disk lengthen it so a slow `fsync` is not mistaken
//! for a stuck UI.

use crate::store::{AutosaveHandle, Waker};
use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};
use signal_hook::iterator::Signals;
use std::sync::atomic::{AtomicI32, Ordering};
use std::sync::{Arc, Mutex, OnceLock};
use std::time::Duration;

/// How long the UI has to save and close before the signal thread does it, unless
/// [`GRACE_ENV`] says otherwise.
pub const GRACE: Duration = Duration::from_secs(3);
/// The environment variable that sets the grace period in whole seconds, e.g.
/// `HARVEST_EXIT_GRACE_SECS=60`.
pub const GRACE_ENV: &str = "HARVEST_EXIT_GRACE_SECS";
/// How long the fallback waits for the last save.
const FALLBACK_FLUSH: Duration = Duration::from_secs(5);

/// The exit signals, once handled; see the module documentation.
#[derive(Clone)]
pub struct ExitSignals {
    shared: Arc<Shared>,
}

struct Shared {
    /// The signal received, or 0.
    requested: AtomicI32,
    waker: Mutex<Option<Waker>>,
    autosave: Mutex<Option<AutosaveHandle>>,
}

impl ExitSignals {
    /// Installs the handlers and starts the thread that reacts to them.
    pub fn install() -> std::io::Result<Self> {
        let mut signals = Signals::new([SIGTERM, SIGINT, SIGHUP])?;
        let shared = Arc::new(Shared {
            requested: AtomicI32::new(0),
            waker: Mutex::new(None),
            autosave: Mutex::new(None),
        });
        let thread_shared = Arc::clone(&shared);
        std::thread::Builder::new()
            .name("harvest-signals".into())
            .spawn(move || {
                let mut first = None;
                for signal in signals.forever() {
                    if first.is_some() {
                        // A second signal: the user insists. Save and go now.
                        fallback(&thread_shared, signal);
                    }
                    first = Some(signal);
                    thread_shared.requested.store(signal, Ordering::SeqCst);
                    if let Ok(waker) = thread_shared.waker.lock()
                        && let Some(waker) = waker.as_ref()
                    {
                        waker();
                    }
                    let shared = Arc::clone(&thread_shared);
                    let _ = std::thread::Builder::new()
                        .name("harvest-exit-fallback".into())
                        .spawn(move || {
                            std::thread::sleep(grace());
                            fallback(&shared, signal);
                        });
                }
            })?;
        Ok(Self { shared })
    }

    /// Called (on the signal thread) when a signal arrives; the UI passes
    /// `move || ctx.request_repaint()`.
    pub fn set_waker(&self, waker: impl Fn() + Send + Sync + 'static) {
        if let Ok(mut slot) = self.shared.waker.lock() {
            *slot = Some(Box::new(waker));
        }
    }

    /// The autosaver the fallback flushes; set it again after opening another session.
    pub fn set_autosave(&self, autosave: AutosaveHandle) {
        if let Ok(mut slot) = self.shared.autosave.lock() {
            *slot = Some(autosave);
        }
    }

    /// The signal asking the app to exit, if one came: save everything and close.
    pub fn requested(&self) -> Option<i32> {
        match self.shared.requested.load(Ordering::SeqCst) {
            0 => None,
            signal => Some(signal),
        }
    }
}

/// The grace period: [`GRACE_ENV`] if it is set to a whole number of seconds, else [`GRACE`].
/// Read once, so every signal of a run gets the same time.
pub fn grace() -> Duration {
    static CHOSEN: OnceLock<Duration> = OnceLock::new();
    *CHOSEN.get_or_init(|| {
        let value = std::env::var(GRACE_ENV).ok();
        grace_from(value.as_deref()).unwrap_or_else(|bad| {
            log::warn!("{GRACE_ENV}={bad:?} is not a whole number of seconds; using {GRACE:?}");
            GRACE
        })
    })
}

/// The grace period `value` (the variable's text, if set) asks for; `Err` holds a value that is
/// not a whole number of seconds.
fn grace_from(value: Option<&str>) -> Result<Duration, &str> {
    match value {
        None => Ok(GRACE),
        Some(text) => text
            .trim()
            .parse()
            .map(Duration::from_secs)
            .map_err(|_| text),
    }
}

/// Saves what is pending and ends the process, for when the UI does not.
fn fallback(shared: &Shared, signal: i32) -> ! {
    let autosave = shared.autosave.lock().ok().and_then(|slot| slot.clone());
    if let Some(autosave) = autosave
        && let Err(error) = autosave.flush(FALLBACK_FLUSH)
    {
        eprintln!("harvest: exiting on a signal: {error}");
    }
    std::process::exit(128 + signal)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_grace_period_is_three_seconds_unless_the_variable_says_otherwise() {
        assert_eq!(grace_from(None), Ok(Duration::from_secs(3)));
        assert_eq!(grace_from(Some("60")), Ok(Duration::from_secs(60)));
        assert_eq!(grace_from(Some(" 10 ")), Ok(Duration::from_secs(10)));
        assert_eq!(grace_from(Some("a minute")), Err("a minute"));
        assert_eq!(grace_from(Some("-1")), Err("-1"));
    }
}
