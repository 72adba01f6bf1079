//! The Export… dialog and the export itself, which renders and writes on a helper thread.

use crate::model::Session;
use crate::summary::{Format, SummaryOptions};
use crate::ui::task::Task;
use std::path::PathBuf;

/// The choices in the Export… dialog.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ExportChoice {
    pub format: Format,
    pub options: SummaryOptions,
}

impl Default for ExportChoice {
    fn default() -> Self {
        Self {
            format: Format::Html,
            options: SummaryOptions::default(),
        }
    }
}

/// What the dialog asks the app to do.
pub enum ExportAction {
    None,
    ChooseFile(ExportChoice),
    Cancel,
}

/// Shows the dialog; Enter exports (asks where), Escape cancels.
pub fn export_dialog_ui(ctx: &egui::Context, choice: &mut ExportChoice) -> ExportAction {
    let mut action = ExportAction::None;
    let modal = egui::Modal::new(egui::Id::unique("export-dialog")).show(ctx, |ui| {
        ui.set_width(super::fitted_width(ctx, 520.0));
        ui.heading("Export the summary");
        ui.label("Themes ordered by how much was said, with every card verbatim and counts by group and category.");
        ui.add_space(6.0);
        for format in Format::ALL {
            ui.radio_value(&mut choice.format, format, format.label());
        }
        ui.add_space(6.0);
        ui.checkbox(&mut choice.options.appendix, "Add an appendix of all cards by group");
        ui.add_space(8.0);
        ui.horizontal(|ui| {
            let go = ui.button("Choose file and export…");
            if ui.memory(|m| m.focused().is_none()) {
                go.request_focus();
            }
            if go.clicked() {
                action = ExportAction::ChooseFile(*choice);
            }
            if ui.button("Cancel").clicked() {
                action = ExportAction::Cancel;
            }
        });
    });
    if modal.should_close() {
        action = ExportAction::Cancel;
    }
    action
}

/// An export being rendered and written on a helper thread; its outcome is the file written
/// or what went wrong.
pub type RunningExport = Task<Result<PathBuf, String>>;

/// Renders `session` and writes it to `path` on a helper thread.
pub fn start_export(
    session: std::sync::Arc<Session>,
    choice: ExportChoice,
    path: PathBuf,
    ctx: &egui::Context,
) -> std::io::Result<RunningExport> {
    Task::spawn("export", ctx, move |_| {
        crate::workspace::write_export(&session, &choice.options, choice.format, &path)
            .map(|()| path)
    })
}
