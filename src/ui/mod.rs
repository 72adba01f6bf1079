//! The desktop app. Everything here reads the session and produces [`crate::edit::Edit`]s;
//! nothing here writes files itself.

mod app;
mod board;
mod card;
mod commands;
mod details;
pub mod export;
mod files;
mod find;
mod groups;
mod help;
mod index;
mod intents;
mod links;
mod menu;
mod move_dialog;
mod moves;
mod overview;
mod palette;
mod state;
mod status;
mod summary_view;
mod theme_picker;
mod theme_wall;
mod themes;

pub use app::HarvestApp;
pub use board::lines_of;
pub use export::ExportChoice;

use crate::document::Document;

/// Opens the window on `document` and runs until it closes.
pub fn run(document: Document, exit_after_frames: Option<u64>) -> eframe::Result {
    let options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_title(app::window_title(&document))
            .with_app_id("harvest")
            // Fits a 1280×800 screen with its title bar; the size people choose is remembered.
            .with_inner_size([1260.0, 740.0])
            .with_min_inner_size([640.0, 400.0]),
        ..Default::default()
    };
    eframe::run_native(
        "Harvest",
        options,
        Box::new(move |cc| Ok(Box::new(HarvestApp::new(cc, document, exit_after_frames)))),
    )
}
