//! Drives the release binary in a private X display for the real-window tests: the display
//! (Xvfb and openbox), xdotool with every call checked, and the app's process.
// Helpers outside #[test] functions are test code too: a panic is how they report.
#![allow(clippy::unwrap_used, clippy::expect_used, dead_code)]

use std::io::{BufRead, BufReader};
use std::os::unix::process::CommandExt;
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

/// Where at-spi2-core keeps the accessibility bus launcher (Debian and Ubuntu, then others).
fn at_spi_bus_launcher() -> PathBuf {
    let candidates = [
        "/usr/libexec/at-spi-bus-launcher",
        "/usr/lib/at-spi2-core/at-spi-bus-launcher",
        "/usr/lib/at-spi2/at-spi-bus-launcher",
    ];
    (candidates.iter().map(PathBuf::from))
        .find(|path| path.exists())
        .expect("at-spi-bus-launcher is installed (apt-get install at-spi2-core)")
}

/// A private D-Bus session bus with the AT-SPI accessibility bus on it and accessibility
/// turned on (`org.a11y.Status.IsEnabled`), as on a desktop where a screen reader runs:
/// AccessKit publishes the app's tree only while that is true. Gone when dropped.
pub struct AccessibilityBus {
    address: String,
    display: String,
    /// XDG_RUNTIME_DIR of the launcher: the accessibility bus's socket is made here, not in
    /// the user's own runtime folder.
    runtime: tempfile::TempDir,
    session: Child,
    launcher: Child,
}

impl AccessibilityBus {
    pub fn start(display: &Display) -> AccessibilityBus {
        let runtime = tempfile::tempdir().unwrap();
        let mut session = display
            .command("dbus-daemon")
            .args(["--session", "--nofork", "--print-address=1"])
            .env("XDG_RUNTIME_DIR", runtime.path())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("dbus-daemon is installed (apt-get install dbus-daemon)");
        let mut line = String::new();
        BufReader::new(session.stdout.take().unwrap())
            .read_line(&mut line)
            .unwrap();
        let address = line.trim().to_owned();
        if !address.starts_with("unix:") {
            let _ = session.kill();
            let _ = session.wait();
            panic!("dbus-daemon did not say where its bus is: {line:?}");
        }
        // The launcher starts the accessibility bus (its own dbus-daemon) at once, and that bus
        // starts at-spi2-registryd when the first client asks for it. Settings in memory: a
        // test must not write the user's dconf settings.
        // In a process group of its own, with the accessibility bus and the registry it
        // starts, so that the end of the test can wait for all three to be gone.
        let launcher = display
            .command(at_spi_bus_launcher())
            .process_group(0)
            .args(["--launch-immediately", "--a11y=1"])
            .env("DBUS_SESSION_BUS_ADDRESS", &address)
            .env("XDG_RUNTIME_DIR", runtime.path())
            .env("GSETTINGS_BACKEND", "memory")
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("at-spi-bus-launcher starts");
        let bus = AccessibilityBus {
            address,
            display: format!(":{}", display.number),
            runtime,
            session,
            launcher,
        };
        wait_for(
            "the accessibility bus is up",
            Duration::from_secs(15),
            || {
                bus.dbus_send(&["/org/a11y/bus", "org.a11y.Bus.GetAddress"])
                    .status
                    .success()
            },
        );
        let set = bus.dbus_send(&[
            "/org/a11y/bus",
            "org.freedesktop.DBus.Properties.Set",
            "string:org.a11y.Status",
            "string:IsEnabled",
            "variant:boolean:true",
        ]);
        assert!(
            set.status.success(),
            "turning accessibility on: {}",
            String::from_utf8_lossy(&set.stderr).trim()
        );
        let get = bus.dbus_send(&[
            "/org/a11y/bus",
            "org.freedesktop.DBus.Properties.Get",
            "string:org.a11y.Status",
            "string:IsEnabled",
        ]);
        let reply = String::from_utf8_lossy(&get.stdout);
        assert!(
            reply.contains("boolean true"),
            "org.a11y.Status.IsEnabled is true: {reply}"
        );
        bus
    }

    pub fn address(&self) -> &str {
        &self.address
    }

    /// A command that talks to this bus (and the private display).
    pub fn command(&self, program: impl AsRef<std::ffi::OsStr>) -> Command {
        let mut command = Command::new(program);
        command
            .env("DISPLAY", &self.display)
            .env("DBUS_SESSION_BUS_ADDRESS", &self.address)
            .env_remove("AT_SPI_BUS_ADDRESS");
        command
    }

    fn dbus_send(&self, args: &[&str]) -> Output {
        self.command("dbus-send")
            .args(["--session", "--print-reply", "--dest=org.a11y.Bus"])
            .args(args)
            .output()
            .expect("dbus-send is installed (apt-get install dbus-bin)")
    }

    /// `tests/window_driver/atspi.py` with `args`, run by the system python, which has
    /// pyatspi (a python of one's own, first on PATH, may not).
    pub fn atspi(&self) -> Command {
        let mut command = self.command("/usr/bin/python3");
        command.arg(Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/window_driver/atspi.py"));
        command
    }
}

impl Drop for AccessibilityBus {
    fn drop(&mut self) {
        // Without its session bus the launcher stops, and stops the accessibility bus and the
        // registry with it; killing the launcher first would leave those two running.
        let _ = self.session.kill();
        let _ = self.session.wait();
        let start = Instant::now();
        while start.elapsed() < Duration::from_secs(5) {
            if let Ok(Some(_)) = self.launcher.try_wait() {
                break;
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        let _ = self.launcher.kill();
        let _ = self.launcher.wait();
        // The accessibility bus and the registry end a moment after the launcher.
        let group = format!("-{}", self.launcher.id());
        let alive = || {
            Command::new("kill")
                .args(["-0", "--", &group])
                .stderr(Stdio::null())
                .status()
                .is_ok_and(|s| s.success())
        };
        let start = Instant::now();
        while alive() && start.elapsed() < Duration::from_secs(5) {
            std::thread::sleep(Duration::from_millis(50));
        }
        if alive() {
            let _ = Command::new("kill").args(["-KILL", "--", &group]).status();
        }
    }
}

/// Starts Harvest with `args` on the accessibility bus `bus`, its data folder inside `dir`.
pub fn launch_accessible(
    display: &Display,
    bus: &AccessibilityBus,
    dir: &Path,
    args: &[&std::ffi::OsStr],
) -> Running {
    let mut command = display.command(harvest_binary());
    command.args(args);
    command
        .env("DBUS_SESSION_BUS_ADDRESS", bus.address())
        .env_remove("AT_SPI_BUS_ADDRESS")
        .env("HARVEST_DATA_DIR", dir.join("data"))
        .env("XDG_CONFIG_HOME", dir.join("config"))
        .env("XDG_DATA_HOME", dir.join("share"));
    Running(command.spawn().expect("harvest starts"))
}
