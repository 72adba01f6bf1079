//! File → Open recent: the sessions opened or saved lately, read on a helper thread when the
//! window starts and again after each open or save as, and the menu that offers them.

use super::files::FilePurpose;
use super::intents::Intents;
use super::task::{Poll, Task, take_finished};
use crate::store::places::{Places, RecentSession};
use std::path::Path;

/// The recent sessions as last read.
#[derive(Default)]
pub struct RecentList {
    sessions: Vec<RecentSession>,
    reading: Option<Task<Vec<RecentSession>>>,
    /// Read once the window is drawing, and again after the list may have changed.
    read: bool,
}

impl RecentList {
    /// The list may have changed: read it again.
    pub fn changed(&mut self) {
        self.read = false;
    }

    /// Takes a finished read, and starts one when the list may have changed.
    pub fn refresh(&mut self, places: &Places, ctx: &egui::Context) {
        if let Some(Poll::Done(sessions)) = take_finished(&mut self.reading) {
            self.sessions = sessions;
        }
        if self.read || self.reading.is_some() {
            return;
        }
        let places = places.clone();
        match Task::spawn("recent sessions", ctx, move |_| places.recent_sessions()) {
            Ok(task) => self.reading = Some(task),
            Err(error) => log::warn!("could not read the recent sessions: {error}"),
        }
        self.read = true;
    }
}

/// The "Open recent" submenu: every recent session but the one open, newest first. One no
/// longer there is shown greyed out, saying so.
pub fn open_recent_menu_ui(
    ui: &mut egui::Ui,
    recent: &RecentList,
    open_now: &Path,
    intents: &mut Intents,
) {
    let shown = ui.menu_button("Open recent", |ui| {
        let mut listed = 0;
        for session in recent.sessions.iter().filter(|s| s.path != open_now) {
            listed += 1;
            let name = file_name(&session.path);
            let folder = session
                .path
                .parent()
                .map_or_else(String::new, |p| p.display().to_string());
            if session.found {
                let entry = ui.button(&name).on_hover_text(&folder);
                super::menu::menu_item(ui, &entry);
                if entry.clicked() {
                    intents.chosen_file = Some((FilePurpose::Open, session.path.clone()));
                    ui.close();
                }
            } else {
                let entry = ui
                    .add_enabled(false, egui::Button::new(format!("{name} — not found")))
                    .on_disabled_hover_text(format!("No longer there: {}", session.path.display()));
                super::menu::menu_item(ui, &entry);
            }
        }
        if listed == 0 {
            let none = ui.add_enabled(false, egui::Button::new("No other sessions yet"));
            super::menu::menu_item(ui, &none);
        }
    });
    super::menu::opens_a_menu(ui, shown.response.id, shown.inner.is_some());
}

fn file_name(path: &Path) -> String {
    path.file_name().map_or_else(
        || path.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    )
}
