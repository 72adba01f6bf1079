//! A blank eframe window built the way Harvest builds its own (same eframe features, glow
//! renderer, window options and `--exit-after-frames N`), so start-up can be compared against
//! the floor set by the toolkit itself. Used by `benches/startup.sh`:
//!
//! ```text
//! cargo build --release --example blank_window
//! target/release/examples/blank_window --exit-after-frames 1
//! ```

use clap::Parser;
use std::process::ExitCode;

/// Open an empty window; with `--exit-after-frames N`, close it after N painted frames.
#[derive(Parser)]
struct Args {
    /// Exit after this many painted frames (for timing start-up).
    #[arg(long)]
    exit_after_frames: Option<u64>,
}

/// Counts frames exactly as `HarvestApp` does: one per `ui` call, asking for the next frame
/// until the Nth, then closing.
struct Blank {
    exit_after_frames: Option<u64>,
    frames: u64,
}

impl eframe::App for Blank {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        self.frames += 1;
        if let Some(n) = self.exit_after_frames {
            if self.frames >= n {
                ui.ctx().send_viewport_cmd(egui::ViewportCommand::Close);
            } else {
                ui.ctx().request_repaint();
            }
        }
        egui::CentralPanel::default().show(ui, |_ui| {});
    }
}

fn main() -> ExitCode {
    let args = Args::parse();
    // The same options as `harvest::ui::run`.
    let options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_title("Blank — Harvest")
            .with_app_id("harvest")
            .with_inner_size([1260.0, 740.0])
            .with_min_inner_size([640.0, 400.0]),
        ..Default::default()
    };
    let result = eframe::run_native(
        "Harvest",
        options,
        Box::new(move |_cc| {
            Ok(Box::new(Blank {
                exit_after_frames: args.exit_after_frames,
                frames: 0,
            }))
        }),
    );
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("could not open the window: {error}");
            ExitCode::FAILURE
        }
    }
}
