//! The system's file dialogs, and whether this desktop can show one. When it cannot, the window
//! says so and offers Harvest's own chooser instead of doing nothing.

use std::path::PathBuf;

/// What a file dialog is asked for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FileRequest {
    /// The kind of file, as the dialog's filter names it ("Harvest session").
    pub kind: String,
    /// The files offered: those ending in `.extension`.
    pub extension: String,
    /// Some(name) to choose where to save, starting from `name`; None to choose a file to open.
    pub save_as: Option<String>,
}

/// What came of asking.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Picked {
    Chosen(PathBuf),
    Cancelled,
    /// No dialog could be shown; the words say why.
    Unavailable(String),
}

/// Several files to read together, or a folder of them (the table files to merge in).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Several {
    Files,
    Folder,
}

/// What came of asking for several files or a folder.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PickedSeveral {
    Chosen(Vec<PathBuf>),
    Cancelled,
    /// No dialog could be shown; the words say why.
    Unavailable(String),
}

/// Where file dialogs come from. The app asks on a helper thread, so `pick` may wait for as
/// long as the user takes. Tests put in one that has no dialog.
pub trait FilePicker: Send + Sync {
    fn pick(&self, request: &FileRequest) -> Picked;

    /// Session files or a folder to read; a picker without such a dialog says so.
    fn pick_several(&self, what: Several) -> PickedSeveral {
        let _ = what;
        PickedSeveral::Unavailable("No file dialog here.".to_owned())
    }
}

/// The desktop's own dialogs, through rfd.
pub struct SystemDialogs;

impl FilePicker for SystemDialogs {
    fn pick(&self, request: &FileRequest) -> Picked {
        if let Some(reason) = why_no_dialog() {
            return Picked::Unavailable(reason);
        }
        let dialog = rfd::AsyncFileDialog::new().add_filter(&request.kind, &[&request.extension]);
        let picked = match &request.save_as {
            None => pollster::block_on(dialog.pick_file()),
            Some(name) => pollster::block_on(dialog.set_file_name(name).save_file()),
        };
        match picked {
            Some(file) => Picked::Chosen(file.path().to_owned()),
            None => Picked::Cancelled,
        }
    }

    fn pick_several(&self, what: Several) -> PickedSeveral {
        if let Some(reason) = why_no_dialog() {
            return PickedSeveral::Unavailable(reason);
        }
        let dialog = rfd::AsyncFileDialog::new();
        let picked = match what {
            Several::Files => {
                pollster::block_on(dialog.add_filter("Harvest session", &["ron"]).pick_files())
            }
            Several::Folder => pollster::block_on(dialog.pick_folder()).map(|f| vec![f]),
        };
        match picked {
            Some(files) if !files.is_empty() => {
                PickedSeveral::Chosen(files.iter().map(|f| f.path().to_owned()).collect())
            }
            _ => PickedSeveral::Cancelled,
        }
    }
}

/// Why rfd could not show a dialog here, if it could not.
///
/// On Linux rfd 0.17 asks the xdg-desktop-portal's FileChooser over D-Bus and, when that call
/// fails, runs `zenity`; when zenity cannot be started either it only logs the error and
/// answers None, exactly as for Cancel (`backend/xdg_desktop_portal.rs`). So the two are told
/// apart before asking: the portal is there if the session bus answers for its FileChooser
/// interface (which also starts a portal that is installed but not yet running), and zenity is
/// there if it is on PATH. A desktop with neither gets Harvest's own chooser.
#[cfg(target_os = "linux")]
fn why_no_dialog() -> Option<String> {
    if portal_has_file_chooser() || program_on_path("zenity") {
        return None;
    }
    Some("No file dialog on this desktop (no xdg-desktop-portal, no zenity).".to_owned())
}

/// macOS and Windows always have their own dialogs.
#[cfg(not(target_os = "linux"))]
fn why_no_dialog() -> Option<String> {
    None
}

#[cfg(target_os = "linux")]
fn portal_has_file_chooser() -> bool {
    // Long enough for a portal to start on first use, short enough not to leave the user
    // wondering.
    const ANSWER_WITHIN: std::time::Duration = std::time::Duration::from_secs(10);
    let answered = pollster::block_on(async {
        let connection = zbus::connection::Builder::session()?
            .method_timeout(ANSWER_WITHIN)
            .build()
            .await?;
        connection
            .call_method(
                Some("org.freedesktop.portal.Desktop"),
                "/org/freedesktop/portal/desktop",
                Some("org.freedesktop.DBus.Properties"),
                "Get",
                &("org.freedesktop.portal.FileChooser", "version"),
            )
            .await
    });
    if let Err(error) = &answered {
        log::info!("no file chooser portal: {error}");
    }
    answered.is_ok()
}

#[cfg(target_os = "linux")]
fn program_on_path(name: &str) -> bool {
    std::env::var_os("PATH").is_some_and(|path| {
        std::env::split_paths(&path).any(|dir| {
            let candidate = dir.join(name);
            std::fs::metadata(&candidate).is_ok_and(|m| m.is_file() && is_executable(&m))
        })
    })
}

#[cfg(target_os = "linux")]
fn is_executable(metadata: &std::fs::Metadata) -> bool {
    use std::os::unix::fs::PermissionsExt;
    metadata.permissions().mode() & 0o111 != 0
}
