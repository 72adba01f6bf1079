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
    /// Take the personal details out (see [`crate::redact`]): on unless a spreadsheet.
    pub redact: bool,
}

impl Default for ExportChoice {
    fn default() -> Self {
        Self {
            report: Report::Summary,
            format: Format::Html,
            options: SummaryOptions::default(),
            redact: true,
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
        super::heading_ui(ui, format!("Export {}", choice.report.name()));
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
        // Formats a report is not written in are there but greyed out, with the reason.
        if !choice.report.offers(choice.format) {
            choice.format = Format::Html;
        }
        let was = choice.format;
        ui.label("Format");
        for format in Format::ALL {
            let offered = choice.report.offers(format);
            ui.add_enabled_ui(offered, |ui| {
                ui.radio_value(&mut choice.format, format, format.label())
                    .on_disabled_hover_text(not_offered(choice.report));
            });
        }
        if choice.report != Report::Summary {
            ui.weak(not_offered(choice.report));
        }
        // Documents are for publishing: redacted unless the organiser says otherwise. A
        // spreadsheet is usually for the organisers' own analysis.
        if choice.format != was {
            choice.redact = choice.format != Format::Csv;
        }
        ui.add_space(6.0);
        ui.checkbox(
            &mut choice.redact,
            "Take out personal details: names, phone numbers and emails",
        );
        ui.weak(if choice.redact {
            "As marked on View > Personal details; every email, phone number and known name."
        } else {
            "Every word as typed."
        });
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

/// What an export wrote.
#[derive(Debug)]
pub struct Exported {
    pub path: PathBuf,
    pub report: Report,
    /// How many details were taken out, and how many possible names wait for review, when
    /// the export was redacted.
    pub redacted: Option<(usize, usize)>,
}

impl Exported {
    /// "Exported the summary to PATH. 3 personal details were taken out; …".
    pub fn notice(&self) -> String {
        let mut notice = format!("Exported {} to {}", self.report.name(), self.path.display());
        if let Some((taken_out, to_review)) = self.redacted {
            let details = crate::summary::words::plural(taken_out, "personal detail");
            notice.push_str(&format!(". Taken out: {details}"));
            if to_review > 0 {
                let names = crate::summary::words::plural(to_review, "possible name");
                notice.push_str(&format!("; {names} to review on View > Personal details"));
            }
        }
        notice
    }
}

/// Why a report is not offered in some formats.
fn not_offered(report: Report) -> &'static str {
    match report {
        Report::Summary => "",
        Report::FollowUp => {
            "The follow-up is a document; a spreadsheet (CSV) holds the summary's cards."
        }
        Report::EasyRead => {
            "Easy Read has a picture beside each point: a web page or a Word document."
        }
    }
}

/// An export being rendered and written on a helper thread; its outcome is what was written
/// or what went wrong.
pub type RunningExport = Task<Result<Exported, String>>;

/// Renders `session` (redacted, if chosen) and writes it to `path` on a helper thread.
pub fn start_export(
    session: std::sync::Arc<Session>,
    choice: ExportChoice,
    path: PathBuf,
    ctx: &egui::Context,
) -> std::io::Result<RunningExport> {
    // The follow-up is dated the day it is written.
    let today = jiff::Zoned::now().date();
    Task::spawn("export", ctx, move |_| {
        let (session, redacted) = if choice.redact {
            let redacted = crate::redact::redact(&session);
            let counts = (redacted.taken_out(), redacted.to_review());
            (std::sync::Arc::new(redacted.session), Some(counts))
        } else {
            (session, None)
        };
        let (report, format, options) = (choice.report, choice.format, &choice.options);
        crate::workspace::write_report(&session, report, format, options, today, &path)?;
        Ok(Exported {
            path,
            report,
            redacted,
        })
    })
}
