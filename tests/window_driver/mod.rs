//! Drives the release binary in a private X display for the real-window tests: the display
//! (Xvfb and openbox), xdotool with every call checked, and the app's process.
// Helpers outside #[test] functions are test code too: a panic is how they report.
#![allow(clippy::unwrap_used, clippy::expect_used, dead_code)]

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, ExitStatus, Output, Stdio};
use std::time::{Duration, Instant};

/// The binary under test: the release build when there is one, as people run it.
fn harvest_binary() -> PathBuf {
    if let Some(path) = std::env::var_os("HARVEST_BIN") {
        return path.into();
    }
    let target = std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("target"));
    let release = target.join("release").join("harvest");
    if release.exists() {
        release
    } else {
        PathBuf::from(env!("CARGO_BIN_EXE_harvest"))
    }
}

/// A private X display with a window manager, gone when dropped.
pub struct Display {
    number: u32,
    servers: Vec<Child>,
}

impl Display {
    pub fn start() -> Display {
        // Xvfb picks a free display itself and writes its number to the given descriptor (its
        // standard output here) once it accepts connections: no guessing from lock files, no
        // race with another test starting a server at the same moment.
        let mut xvfb = Command::new("Xvfb")
            .args([
                "-displayfd",
                "1",
                "-screen",
                "0",
                "1280x800x24",
                "-nolisten",
                "tcp",
            ])
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("Xvfb is installed (apt-get install xvfb)");
        let mut line = String::new();
        BufReader::new(xvfb.stdout.take().unwrap())
            .read_line(&mut line)
            .unwrap();
        let number = line.trim().parse().unwrap_or_else(|_| {
            let _ = xvfb.kill();
            let _ = xvfb.wait();
            panic!("Xvfb did not say which display it took: {line:?}")
        });
        let mut display = Display {
            number,
            servers: vec![xvfb],
        };
        let openbox = display
            .command("openbox")
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("openbox is installed (apt-get install openbox)");
        display.servers.push(openbox);
        // A window manager announces itself on the root window; activating a window needs one.
        wait_for(
            "openbox manages the display",
            Duration::from_secs(30),
            || {
                let output = display
                    .command("xprop")
                    .args(["-root", "_NET_SUPPORTING_WM_CHECK"])
                    .output()
                    .expect("xprop is installed (apt-get install x11-utils)");
                String::from_utf8_lossy(&output.stdout).contains("window id")
            },
        );
        display
    }

    pub fn command(&self, program: impl AsRef<std::ffi::OsStr>) -> Command {
        let mut command = Command::new(program);
        command.env("DISPLAY", format!(":{}", self.number));
        command
    }

    /// Runs xdotool and returns what it printed; a failed call fails the test.
    pub fn xdotool(&self, args: &[&str]) -> String {
        let output = self.try_xdotool(args);
        assert!(
            output.status.success(),
            "xdotool {args:?}: {}; {}",
            output.status,
            String::from_utf8_lossy(&output.stderr).trim()
        );
        String::from_utf8_lossy(&output.stdout).trim().to_owned()
    }

    /// Runs xdotool for a question that may have no answer yet (a window not shown yet).
    pub fn try_xdotool(&self, args: &[&str]) -> Output {
        self.command("xdotool")
            .args(args)
            .output()
            .expect("xdotool is installed (apt-get install xdotool)")
    }

    /// Waits for a visible window of `pid`, gives it the keyboard, and waits until its title
    /// is `title`: the session is open and the window is taking keys.
    pub fn window_of(&self, pid: u32, title: &str) -> String {
        let mut window = String::new();
        wait_for("the window is shown", Duration::from_secs(30), || {
            let found = self.try_xdotool(&["search", "--onlyvisible", "--pid", &pid.to_string()]);
            window = String::from_utf8_lossy(&found.stdout).trim().to_owned();
            found.status.success() && !window.is_empty()
        });
        let window = window.lines().last().unwrap().to_owned();
        self.activate(&window);
        wait_for("the window title", Duration::from_secs(30), || {
            self.title(&window) == title
        });
        // The first frames after mapping: the card box takes focus on the first one.
        std::thread::sleep(Duration::from_millis(500));
        window
    }

    pub fn activate(&self, window: &str) {
        self.xdotool(&["windowactivate", "--sync", window]);
    }

    pub fn title(&self, window: &str) -> String {
        self.xdotool(&["getwindowname", window])
    }

    pub fn type_text(&self, window: &str, text: &str) {
        self.xdotool(&["type", "--window", window, "--delay", "20", text]);
    }

    pub fn key(&self, window: &str, keys: &str) {
        self.xdotool(&["key", "--window", window, keys]);
        std::thread::sleep(Duration::from_millis(150));
    }
}

impl Drop for Display {
    fn drop(&mut self) {
        for server in self.servers.iter_mut().rev() {
            let _ = server.kill();
            let _ = server.wait();
        }
    }
}

pub fn wait_for(what: &str, limit: Duration, mut done: impl FnMut() -> bool) {
    let start = Instant::now();
    while !done() {
        assert!(
            start.elapsed() < limit,
            "gave up waiting after {limit:?}: {what}"
        );
        std::thread::sleep(Duration::from_millis(100));
    }
}

/// Ends a child that is still running, so a failed test leaves nothing behind.
pub struct Running(pub Child);

impl Running {
    pub fn id(&self) -> u32 {
        self.0.id()
    }

    /// Waits for the process to end by itself; false if it did not within `limit`.
    pub fn exits_within(&mut self, limit: Duration) -> Option<ExitStatus> {
        let start = Instant::now();
        while start.elapsed() < limit {
            if let Some(status) = self.0.try_wait().unwrap() {
                return Some(status);
            }
            std::thread::sleep(Duration::from_millis(100));
        }
        None
    }

    pub fn kill(&mut self) {
        self.0.kill().unwrap();
        self.0.wait().unwrap();
    }
}

impl Drop for Running {
    fn drop(&mut self) {
        if let Ok(None) = self.0.try_wait() {
            let _ = self.0.kill();
            let _ = self.0.wait();
        }
    }
}

/// Starts Harvest on `file` with its data folder inside `dir`.
pub fn launch(display: &Display, dir: &Path, file: Option<&Path>) -> Running {
    launch_with(display, dir, file.map(Path::as_os_str).as_slice())
}

/// Starts Harvest with `args`, its data folder inside `dir`: one laptop per `dir`.
pub fn launch_with(display: &Display, dir: &Path, args: &[&std::ffi::OsStr]) -> Running {
    let mut command = display.command(harvest_binary());
    command.args(args);
    command
        .env("HARVEST_DATA_DIR", dir.join("data"))
        .env("XDG_CONFIG_HOME", dir.join("config"))
        .env("XDG_DATA_HOME", dir.join("share"));
    Running(command.spawn().expect("harvest starts"))
}

/// Presses Ctrl+Q and waits for a clean exit.
pub fn quit(display: &Display, app: &mut Running, window: &str) {
    display.key(window, "ctrl+q");
    let status = app.exits_within(Duration::from_secs(15));
    assert!(
        status.is_some_and(|s| s.success()),
        "Ctrl+Q closes the window cleanly: {status:?}"
    );
}
