//! The desktop app. Everything here reads the session and produces [`crate::edit::Edit`]s;
//! nothing here writes files itself.

mod app;
mod board;
mod card;
mod card_keys;
mod commands;
mod details;
pub mod export;
mod files;
mod find;
mod groups;
mod help;
mod index;
mod intents;
mod lifecycle;
mod links;
mod menu;
mod move_dialog;
mod moves;
mod overview;
mod palette;
mod restore;
mod state;
mod status;
mod suggestions;
mod summary_view;
mod theme_list;
mod theme_picker;
mod theme_wall;
mod themes;

pub use app::HarvestApp;
pub use board::lines_of;
pub use export::ExportChoice;

use crate::document::Document;

/// What the window starts with.
pub struct Start {
    pub document: Document,
    /// Something to tell the user at once (what was recovered, why it is read-only).
    pub notice: Option<String>,
    pub signals: Option<crate::signals::ExitSignals>,
    pub exit_after_frames: Option<u64>,
}

/// Opens the window and runs until it closes.
pub fn run(start: Start) -> eframe::Result {
    let document = &start.document;
    let options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_title(app::window_title(document))
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
        Box::new(move |cc| Ok(Box::new(HarvestApp::new(cc, start)))),
    )
}
