//! The status bar: what Harvest is doing, where the session lives and whether it is safely on
//! disk.

use super::app::HarvestApp;
use super::commands::Command;
use super::intents::Intents;
use super::palette;
use crate::store::SaveStatus;
use crate::summary::words::plural;

/// Shows the status bar; offers Save as… when saving fails or the session is read-only.
pub fn status_bar_ui(ui: &mut egui::Ui, app: &HarvestApp, intents: &mut Intents) {
    let session = app.session();
    ui.horizontal(|ui| {
        let dark = ui.visuals().dark_mode;
        if let Some(running) = &app.lifecycle {
            // Words, not a spinner: the window repaints when the job ends, not every frame.
            ui.label(running.job.describe());
            ui.separator();
        }
        match (&app.document().read_only, app.workspace().status()) {
            // Nothing to save a copy of: the main area says what happened.
            (Some(reason), _) if app.workspace().unopened().is_some() => {
                ui.colored_label(palette::warning(dark), reason);
            }
            (Some(reason), _) => {
                ui.colored_label(palette::warning(dark), reason);
                if ui.button("Save an editable copy…").clicked() {
                    intents.command(Command::SaveAs);
                }
            }
            (None, Some(status @ SaveStatus::NotSaved { .. })) => {
                ui.colored_label(palette::warning(dark), status.to_string());
                if ui.button(Command::SaveAs.label()).clicked() {
                    intents.command(Command::SaveAs);
                }
            }
            (None, Some(status)) => {
                ui.label(status.to_string());
            }
            (None, None) => {
                ui.label("Not saved to a file");
            }
        }
        ui.separator();
        // The stand-in for a file that could not be opened has nothing worth counting.
        if app.workspace().unopened().is_none() {
            ui.label(format!(
                "{} · {} · {}",
                plural(session.groups.len(), "group"),
                plural(session.cards.len(), "card"),
                plural(session.themes.len(), "theme")
            ));
            ui.separator();
        }
        ui.add(
            egui::Label::new(egui::RichText::new(app.document().path.display().to_string()).weak())
                .truncate(),
        );
    });
}
