//! The desktop app. Everything here reads the session and produces [`crate::edit::Edit`]s;
//! nothing here writes files itself.

mod app;

pub use app::HarvestApp;

use crate::document::Document;

/// Opens the window on `document` and runs until it closes.
pub fn run(document: Document, exit_after_frames: Option<u64>) -> eframe::Result {
    let options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_title(app::window_title(&document))
            .with_app_id("harvest")
            .with_inner_size([1280.0, 800.0])
            .with_min_inner_size([640.0, 400.0]),
        ..Default::default()
    };
    eframe::run_native(
        "Harvest",
        options,
        Box::new(move |cc| Ok(Box::new(HarvestApp::new(cc, document, exit_after_frames)))),
    )
}
