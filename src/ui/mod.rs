//! The desktop app. Everything here reads the session and produces [`crate::edit::Edit`]s;
//! nothing here writes files itself.

mod actions_view;
mod announce;
mod app;
mod apply;
mod board;
mod card_box;
mod commands;
mod derived;
mod dialogs;
mod easy_words_view;
mod empty_state;
pub mod files;
mod find;
mod focus_return;
mod following;
mod index;
mod intents;
mod lifecycle;
mod menu;
mod overview;
pub mod palette;
mod people;
mod personal_details;
mod recent;
mod room;
mod state;
mod status;
mod summary_view;
mod task;
mod text_undo;
mod themes;

pub use app::HarvestApp;
pub use board::lines_of;
pub use dialogs::export::ExportChoice;
pub use room::Clock;
pub use room::projector::{CARD_SIZE as PROJECTOR_CARD_SIZE, projector_title};

use crate::workspace::Opening;

/// Names the nearest enclosing `Ui` of `kind` (a dialog, a menu) for a screen reader, which
/// otherwise hears only its role.
fn name_enclosing(ui: &egui::Ui, kind: egui::UiKind, name: &str) {
    if let Some(frame) = ui.stack().iter().find(|frame| frame.kind() == Some(kind)) {
        let name = name.to_owned();
        ui.ctx()
            .accesskit_node_builder(frame.unique_id, |node| node.set_label(name));
    }
}

/// What the window starts with.
pub struct Start {
    /// The session being opened on a helper thread, and anything to tell the user about it
    /// at once (what was recovered, why it is read-only or could not be opened).
    pub opening: std::thread::JoinHandle<Opening>,
    /// A title for the window until the session is open.
    pub provisional_title: Option<String>,
    pub signals: Option<crate::signals::ExitSignals>,
    pub exit_after_frames: Option<u64>,
    /// A shared folder to follow from the start.
    pub follow: Option<std::path::PathBuf>,
}

/// Opens the window and runs until it closes.
pub fn run(start: Start) -> eframe::Result {
    let title = match &start.provisional_title {
        Some(name) => format!("{name} — Harvest"),
        None => "Harvest".to_owned(),
    };
    let options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_title(title)
            .with_app_id("harvest")
            // Maximised the first time, as a capture screen on a laptop or projector wants to be;
            // the size people choose afterwards is remembered.
            .with_inner_size([1260.0, 740.0])
            .with_maximized(true)
            .with_min_inner_size([640.0, 400.0]),
        ..Default::default()
    };
    eframe::run_native(
        "Harvest",
        options,
        Box::new(move |cc| {
            let opening = start
                .opening
                .join()
                .map_err(|_| "opening the session failed unexpectedly")?;
            let mut app = HarvestApp::new(
                cc,
                opening.workspace,
                opening.notice,
                start.signals,
                start.exit_after_frames,
            );
            if let Some(folder) = start.follow {
                app.follow(folder, &cc.egui_ctx);
            }
            Ok(Box::new(app))
        }),
    )
}
