//! The Export… dialog and the export itself, which renders and writes on a helper thread.

use crate::model::Session;
use crate::summary::{Format, Report, SummaryOptions};
use crate::ui::task::Task;
use std::path::PathBuf;

/// The choices in the Export… dialog.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ExportChoice {
    pub report: Report,
    pub format: Format,
    pub options: SummaryOptions,
}

impl Default for ExportChoice {
    fn default() -> Self {
        Self {
            report: Report::Summary,
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
        ui.heading(match choice.report {
            Report::Summary => "Export the summary",
            Report::FollowUp => "Export the follow-up",
            Report::EasyRead => "Export the Easy Read report",
        });
        // Radio buttons carry their own names; these labels only head each group.
        ui.label("Report");
        ui.horizontal(|ui| {
            for report in Report::ALL {
                ui.radio_value(&mut choice.report, report, report.label());
            }
        });
        ui.label(match choice.report {
            Report::Summary => {
                "Themes ordered by how much was said, with every card verbatim and counts by \
                 group and category."
            }
            Report::FollowUp => {
                "Per theme, what people said and what is being done about it, with volunteer \
                 counts: no names."
            }
            Report::EasyRead => {
                "What people said in plain words, with a picture beside each point: a web page \
                 or a Word document."
            }
        });
        ui.add_space(6.0);
        // A follow-up is a document, not rows: CSV is there but greyed out, with the reason.
        if !choice.report.offers(choice.format) {
            choice.format = Format::Html;
        }
        ui.label("Format");
        for format in Format::ALL {
            let offered = choice.report.offers(format);
            ui.add_enabled_ui(offered, |ui| {
                ui.radio_value(&mut choice.format, format, format.label())
                    .on_disabled_hover_text(
                        "The follow-up is a document; a spreadsheet holds the summary's cards.",
                    );
            });
        }
        if choice.report == Report::FollowUp {
            ui.weak("Spreadsheet (CSV) is for the summary only.");
        }
        ui.add_space(6.0);
        ui.add_enabled_ui(choice.report == Report::Summary, |ui| {
            ui.checkbox(
                &mut choice.options.appendix,
                "Add an appendix of all cards by group",
            );
        });
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
    // The follow-up is dated the day it is written.
    let today = jiff::Zoned::now().date();
    Task::spawn("export", ctx, move |_| {
        match choice.report {
            Report::Summary => {
                crate::workspace::write_export(&session, &choice.options, choice.format, &path)
            }
            Report::FollowUp => {
                crate::workspace::write_follow_up(&session, today, choice.format, &path)
            }
            Report::EasyRead => crate::summary::export_easy_read(&session, choice.format)
                .map_err(|e| format!("could not make the document: {e}: {}", path.display()))
                .and_then(|bytes| {
                    crate::store::write_atomically(&path, &bytes).map_err(|e| {
                        let why = crate::store::io_message(&e);
                        format!("could not write: {why}: {}", path.display())
                    })
                }),
        }
        .map(|()| path)
    })
}
