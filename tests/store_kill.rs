//! The promise under fire: a child process makes scripted edits through the real autosave path
//! and reports every save the autosaver finishes; the parent kills it at random moments with
//! SIGKILL (or asks it to stop with SIGTERM), then reloads the file. Every confirmed change must
//! be there, in order, and the file must parse.
// Helpers outside #[test] functions are test code too: a panic is how they report.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod store_common;

use harvest::model::Session;
use harvest::store::{self, Autosaver};
use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, ExitStatus, Stdio};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::mpsc::{self, RecvTimeoutError};
use std::time::{Duration, Instant};
use store_common::{Rng, Script};

const CHILD_ENV: &str = "HARVEST_KILL_TEST_FILE";
const MODE_ENV: &str = "HARVEST_KILL_TEST_MODE";
/// How long the child may take to start, or to make its first save, on a busy machine.
const STARTUP_LIMIT: Duration = Duration::from_secs(60);
/// Where a child asked to exit must have ended by itself; after that it is killed and the
/// test fails, rather than hanging the run.
const EXIT_LIMIT: Duration = Duration::from_secs(90);
/// The child's flush on an exit signal, and the grace it asks for, are long enough that a slow
/// `fsync` on a busy disk is waited for, not mistaken for a stuck UI.
const SLOW_DISK: Duration = Duration::from_secs(60);

/// The child's side. Ignored so a plain run skips it; the parent runs it by name.
#[test]
#[ignore = "run by the kill tests in a child process"]
fn child_process() {
    let Some(path) = std::env::var_os(CHILD_ENV).map(PathBuf::from) else {
        return;
    };
    let mode = std::env::var(MODE_ENV).unwrap_or_default();
    let mut script = Script::start(&path);
    if !path.exists() {
        store::save(script.document.session(), &path).unwrap();
    }
    let opened = store::open(&path).unwrap();
    assert!(opened.lock.is_some(), "{:?}", opened.read_only);
    let saver = Autosaver::spawn(&path, 1).unwrap();
    // The waker runs on the saver thread right after each save is on disk and before the next
    // one starts, so every save is reported once, with the revision it wrote.
    let watched = saver.handle();
    let reported = AtomicU64::new(1);
    saver.set_waker(move || {
        let saved = watched.saved_revision();
        if saved > reported.load(Ordering::SeqCst) {
            reported.store(saved, Ordering::SeqCst);
            println!("saved {saved}");
        }
    });
    let signals = if mode == "stuck" || mode == "signal" {
        let signals = harvest::signals::ExitSignals::install().unwrap();
        signals.set_autosave(saver.handle());
        Some(signals)
    } else {
        None
    };
    println!("ready");
    let mut rng = Rng(u64::from(std::process::id()) | 1);
    loop {
        if mode == "signal"
            && let Some(signal) = signals.as_ref().and_then(|s| s.requested())
        {
            // What the app does on an exit request: save everything, then leave.
            let saved = saver.flush(SLOW_DISK).unwrap();
            println!("flushed {saved} on signal {signal}");
            drop(saver);
            drop(opened);
            std::process::exit(0);
        }
        if mode == "stuck" && signals.as_ref().and_then(|s| s.requested()).is_some() {
            // A UI that has hung: it never gets round to saving and closing.
            std::thread::sleep(Duration::from_secs(3600));
        }
        let revision = script.step();
        // Said before it is handed over, so the file can never be ahead of the last number
        // the parent read.
        println!("submitted {revision}");
        saver.submit(revision, script.document.session().clone());
        std::thread::sleep(Duration::from_micros(rng.below(3000)));
    }
}

/// What the child said before it ended.
#[derive(Debug, Default)]
struct Report {
    /// Saves the autosaver confirmed, one per save.
    saves: u64,
    /// The newest revision confirmed as on disk.
    acked: u64,
    submitted: u64,
    flushed: Option<u64>,
}

impl Report {
    /// Takes in one line of the child's output.
    fn read(&mut self, line: &str) {
        let number = |prefix: &str| line.strip_prefix(prefix)?.split(' ').next()?.parse().ok();
        if let Some(n) = number("saved ") {
            assert!(
                n > self.acked,
                "each save is newer than the last: {n} after {self:?}"
            );
            assert!(
                n <= self.submitted,
                "{n} saved before it was submitted: {self:?}"
            );
            self.acked = n;
            self.saves += 1;
        } else if let Some(n) = number("submitted ") {
            self.submitted = n;
        } else if let Some(n) = number("flushed ") {
            self.flushed = Some(n);
        }
    }
}

/// A child process running [`child_process`], and what it has said so far.
struct Run {
    child: Child,
    lines: mpsc::Receiver<String>,
    report: Report,
}

impl Run {
    /// Starts a child on `path` and waits until it is ready to edit.
    fn start(path: &Path, mode: &str) -> Self {
        let mut command = Command::new(std::env::current_exe().unwrap());
        command
            .args(["--ignored", "--exact", "child_process", "--nocapture"])
            .args(["--test-threads", "1"])
            .env(CHILD_ENV, path)
            .env(MODE_ENV, mode)
            .stdout(Stdio::piped())
            .stderr(Stdio::null());
        if mode == "signal" {
            command.env(harvest::signals::GRACE_ENV, SLOW_DISK.as_secs().to_string());
        }
        let mut child = command.spawn().unwrap();
        let stdout = BufReader::new(child.stdout.take().unwrap());
        let (sender, lines) = mpsc::channel();
        std::thread::spawn(move || {
            for line in stdout.lines().map_while(Result::ok) {
                if sender.send(line).is_err() {
                    break;
                }
            }
        });
        let mut run = Self {
            child,
            lines,
            report: Report::default(),
        };
        // libtest prints "test child_process ... " without a line break, so "ready" ends a line.
        run.read_until("the child is ready", |line, _| line.ends_with("ready"));
        run
    }

    /// Reads the child's lines until `done` holds for one; fails after [`STARTUP_LIMIT`].
    fn read_until(&mut self, what: &str, done: impl Fn(&str, &Report) -> bool) {
        let deadline = Instant::now() + STARTUP_LIMIT;
        loop {
            let left = deadline.saturating_duration_since(Instant::now());
            let line = match self.lines.recv_timeout(left) {
                Ok(line) => line,
                Err(error) => {
                    let _ = self.child.kill();
                    let _ = self.child.wait();
                    panic!("waiting until {what}: {error:?}; {:?}", self.report);
                }
            };
            self.report.read(&line);
            if done(&line, &self.report) {
                return;
            }
        }
    }

    /// Waits until the first save of this run is on disk.
    fn until_first_save(&mut self) {
        self.read_until("the first save is confirmed", |_, report| report.saves > 0);
    }

    /// Kills the child and reads what it said before it died.
    fn kill(mut self) -> Report {
        self.child.kill().unwrap();
        self.finish()
    }

    /// Waits for the child to end by itself, then reads what it said; kills it and fails if it
    /// is still running after [`EXIT_LIMIT`].
    fn exit(mut self) -> (ExitStatus, Report) {
        let deadline = Instant::now() + EXIT_LIMIT;
        let status = loop {
            if let Some(status) = self.child.try_wait().unwrap() {
                break status;
            }
            if Instant::now() >= deadline {
                let _ = self.child.kill();
                let _ = self.child.wait();
                panic!(
                    "the child did not exit within {EXIT_LIMIT:?}: {:?}",
                    self.report
                );
            }
            std::thread::sleep(Duration::from_millis(20));
        };
        (status, self.finish())
    }

    /// Reaps the child (already ended or killed) and reads the rest of its output.
    fn finish(mut self) -> Report {
        // A killed or exited process is reaped at once; this cannot block.
        self.child.wait().unwrap();
        let deadline = Instant::now() + Duration::from_secs(10);
        loop {
            let left = deadline.saturating_duration_since(Instant::now());
            match self.lines.recv_timeout(left) {
                Ok(line) => self.report.read(&line),
                Err(RecvTimeoutError::Disconnected) => return self.report,
                Err(RecvTimeoutError::Timeout) => panic!("the child's output never ended"),
            }
        }
    }
}

/// The file parses and holds exactly the scripted session at some revision no older than the
/// newest one confirmed; returns that revision.
fn check_file(path: &Path, report: &Report) -> u64 {
    let session = store::load(path).unwrap_or_else(|e| panic!("{}", e.report()));
    let revision = session.cards.len() as u64 + 1;
    assert!(
        revision >= report.acked,
        "revision {} was confirmed as saved, but the file holds revision {revision}",
        report.acked
    );
    // The child says "submitted N" before it hands N over, so nothing newer can be on disk.
    assert!(revision <= report.submitted.max(1), "{report:?}");
    assert_eq!(
        without_marks(session),
        without_marks(Script::session_at(path, revision)),
        "every change there, in order"
    );
    revision
}

/// The session without the change counts kept for merging, which differ between runs (each
/// run counts its changes under its own id, at its own times).
fn without_marks(mut session: Session) -> Session {
    session.deleted = Default::default();
    session.details.changed = Default::default();
    for group in &mut session.groups {
        group.changed = Default::default();
    }
    for theme in &mut session.themes {
        theme.changed = Default::default();
    }
    for card in &mut session.cards {
        card.changed = Default::default();
    }
    session
}

/// The least time from the first confirmed save to the kill: long enough for another save or
/// two to be confirmed on an idle disk (a save of this small file takes a few milliseconds).
const KILL_AFTER_FIRST_SAVE: Duration = Duration::from_millis(100);

/// Of the kills, at least this share (in percent) must come after two or more confirmed saves,
/// so nearly every kill checks a file the autosaver has overwritten while the child ran.
const TWO_SAVES_PERCENT: u64 = 90;

fn kill_at_random_moments(iterations: u32, seed: u64) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("kill.ron");
    let mut rng = Rng(seed);
    let mut saves = 0;
    let mut after_two_saves = 0;
    for iteration in 0..iterations {
        let mut run = Run::start(&path, "kill");
        // Kill only once something is confirmed, so every kill has a promise to check, and
        // then at a random moment: most often while later saves are being written.
        run.until_first_save();
        std::thread::sleep(KILL_AFTER_FIRST_SAVE + Duration::from_millis(rng.below(150)));
        let report = run.kill();
        let revision = check_file(&path, &report);
        saves += report.saves;
        after_two_saves += u64::from(report.saves >= 2);
        // Each run starts again from the scripted beginning, so the next run's file is the
        // scripted session too: the file left by a kill must open, lock and continue.
        std::fs::remove_file(&path).unwrap();
        println!(
            "kill {iteration}: {} saves confirmed, the newest {}; on disk {revision}",
            report.saves, report.acked
        );
    }
    println!(
        "{iterations} kills, {saves} confirmed saves, {after_two_saves} kills after two or more"
    );
    assert!(
        after_two_saves * 100 >= u64::from(iterations) * TWO_SAVES_PERCENT,
        "only {after_two_saves} of {iterations} kills came after two confirmed saves"
    );
}

#[test]
fn sigkill_at_random_moments_never_loses_a_confirmed_change() {
    kill_at_random_moments(30, 0x9e37_79b9_7f4a_7c15);
}

#[test]
#[ignore = "long: hundreds of kills; run with --ignored"]
fn sigkill_hundreds_of_times() {
    kill_at_random_moments(400, 0x2545_f491_4f6c_dd1d);
}

#[test]
fn a_killed_run_leaves_a_lock_the_next_run_takes_over_and_reports() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("crash.ron");
    let mut run = Run::start(&path, "kill");
    run.until_first_save();
    std::thread::sleep(Duration::from_millis(50));
    let report = run.kill();
    check_file(&path, &report);

    assert!(
        store::lock_path(&path).exists(),
        "the killed run's lock is left behind"
    );
    let opened = store::open(&path).unwrap();
    assert!(opened.lock.is_some() && opened.read_only.is_none());
    let recovery = opened.recovery.clone().expect("the crash is noticed");
    let cards = opened.session.cards.len();
    assert!(
        recovery
            .message()
            .starts_with("Harvest was not closed properly last time. Everything saved up to ")
    );
    assert!(
        recovery
            .message()
            .ends_with(&format!("— {cards} cards — is here."))
    );
    assert_eq!(store::leftover_temp_files(&path), Vec::<PathBuf>::new());
    drop(opened);

    // Closed properly this time: no message at the next open.
    assert!(!store::lock_path(&path).exists());
    assert_eq!(store::open(&path).unwrap().recovery, None);
}

fn send(signal: &str, run: &Run) {
    let status = Command::new("kill")
        .args([signal, &run.child.id().to_string()])
        .status()
        .unwrap();
    assert!(status.success());
}

#[test]
fn sigterm_sigint_and_sighup_save_everything_before_exit() {
    for signal in ["-TERM", "-INT", "-HUP"] {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("signal.ron");
        let mut run = Run::start(&path, "signal");
        run.until_first_save();
        send(signal, &run);
        let (status, report) = run.exit();
        assert!(status.success(), "{signal}: {status:?}");
        assert_eq!(
            report.flushed,
            Some(report.submitted),
            "{signal}: {report:?}"
        );
        assert_eq!(check_file(&path, &report), report.submitted, "{signal}");
        assert!(
            !store::lock_path(&path).exists(),
            "{signal}: closed properly"
        );
    }
}

#[test]
fn a_stuck_ui_is_saved_and_ended_by_the_fallback() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("stuck.ron");
    // This child hangs when asked to exit, like a stuck UI; the grace period is the default.
    let mut run = Run::start(&path, "stuck");
    run.until_first_save();
    send("-TERM", &run);
    let (status, report) = run.exit();
    assert_eq!(status.code(), Some(128 + 15));
    assert_eq!(check_file(&path, &report), report.submitted);
}
