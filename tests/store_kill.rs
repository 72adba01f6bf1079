//! The promise under fire: a child process makes scripted edits through the real autosave path
//! and reports every revision the autosaver confirms as saved; the parent kills it at random
//! moments with SIGKILL (or asks it to stop with SIGTERM), then reloads the file. Every
//! confirmed change must be there, in order, and the file must parse.
// Helpers outside #[test] functions are test code too: a panic is how they report.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod store_common;

use harvest::store::{self, Autosaver};
use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::mpsc;
use std::time::Duration;
use store_common::{Rng, Script};

const CHILD_ENV: &str = "HARVEST_KILL_TEST_FILE";
const MODE_ENV: &str = "HARVEST_KILL_TEST_MODE";

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
    let signals = if mode == "stuck" || mode == "signal" {
        let signals = harvest::signals::ExitSignals::install().unwrap();
        signals.set_autosave(saver.handle());
        Some(signals)
    } else {
        None
    };
    println!("ready");
    let mut acked = 1;
    let mut rng = Rng(u64::from(std::process::id()) | 1);
    loop {
        if mode == "signal"
            && let Some(signal) = signals.as_ref().and_then(|s| s.requested())
        {
            // What the app does on an exit request: save everything, then leave.
            let saved = saver.flush(Duration::from_secs(10)).unwrap();
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
        saver.submit(revision, script.document.session().clone());
        println!("submitted {revision}");
        let saved = saver.saved_revision();
        if saved > acked {
            acked = saved;
            println!("ack {saved}");
        }
        std::thread::sleep(Duration::from_micros(rng.below(3000)));
    }
}

/// What the child said before it ended.
#[derive(Debug, Default)]
struct Report {
    acked: u64,
    submitted: u64,
    flushed: Option<u64>,
}

fn spawn_child(path: &Path, mode: &str) -> (Child, mpsc::Receiver<String>) {
    let mut child = Command::new(std::env::current_exe().unwrap())
        .args(["--ignored", "--exact", "child_process", "--nocapture"])
        .args(["--test-threads", "1"])
        .env(CHILD_ENV, path)
        .env(MODE_ENV, mode)
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let stdout = BufReader::new(child.stdout.take().unwrap());
    let (lines, receiver) = mpsc::channel();
    std::thread::spawn(move || {
        for line in stdout.lines().map_while(Result::ok) {
            if lines.send(line).is_err() {
                break;
            }
        }
    });
    // libtest prints "test child_process ... " without a line break, so "ready" ends a line.
    loop {
        let line = receiver
            .recv_timeout(Duration::from_secs(30))
            .expect("the child started");
        if line.ends_with("ready") {
            break;
        }
    }
    (child, receiver)
}

fn read_report(lines: &mpsc::Receiver<String>) -> Report {
    let mut report = Report::default();
    for line in lines.iter() {
        let number = |prefix: &str| line.strip_prefix(prefix)?.split(' ').next()?.parse().ok();
        if let Some(n) = number("ack ") {
            assert!(n >= report.acked, "acks only go up");
            report.acked = n;
        } else if let Some(n) = number("submitted ") {
            report.submitted = n;
        } else if let Some(n) = number("flushed ") {
            report.flushed = Some(n);
        }
    }
    report
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
    assert!(revision <= report.submitted.max(1), "{report:?}");
    assert_eq!(
        session,
        Script::session_at(path, revision),
        "every change there, in order"
    );
    revision
}

fn kill_at_random_moments(iterations: u32, seed: u64) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("kill.ron");
    let mut rng = Rng(seed);
    let mut confirmed = 0;
    for iteration in 0..iterations {
        let (mut child, lines) = spawn_child(&path, "kill");
        std::thread::sleep(Duration::from_millis(rng.below(150)));
        child.kill().unwrap();
        child.wait().unwrap();
        let report = read_report(&lines);
        let revision = check_file(&path, &report);
        confirmed += report.acked;
        // Each run starts again from the scripted beginning, so the next run's file is the
        // scripted session too: the file left by a kill must open, lock and continue.
        std::fs::remove_file(&path).unwrap();
        println!(
            "kill {iteration}: confirmed {}, on disk {revision}",
            report.acked
        );
    }
    assert!(
        confirmed > u64::from(iterations),
        "the children got edits saved before dying"
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
    let (mut child, lines) = spawn_child(&path, "kill");
    std::thread::sleep(Duration::from_millis(100));
    child.kill().unwrap();
    child.wait().unwrap();
    let report = read_report(&lines);
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

fn send(signal: &str, child: &Child) {
    let status = Command::new("kill")
        .args([signal, &child.id().to_string()])
        .status()
        .unwrap();
    assert!(status.success());
}

#[test]
fn sigterm_sigint_and_sighup_save_everything_before_exit() {
    for signal in ["-TERM", "-INT", "-HUP"] {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("signal.ron");
        let (mut child, lines) = spawn_child(&path, "signal");
        std::thread::sleep(Duration::from_millis(150));
        send(signal, &child);
        let status = child.wait().unwrap();
        let report = read_report(&lines);
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
    // This child hangs when asked to exit, like a stuck UI.
    let (mut child, lines) = spawn_child(&path, "stuck");
    std::thread::sleep(Duration::from_millis(150));
    send("-TERM", &child);
    let status = child.wait().unwrap();
    let report = read_report(&lines);
    assert_eq!(status.code(), Some(128 + 15));
    assert_eq!(check_file(&path, &report), report.submitted);
}
