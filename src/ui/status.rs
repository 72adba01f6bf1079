//! The status bar: where the session lives and whether it is safely on disk.

use super::app::HarvestApp;
use super::commands::Command;
use super::palette;
use crate::store::SaveStatus;
use crate::summary::words::plural;

/// Shows the status bar; returns Save as… when the user asks for it after a failed save.
pub fn status_bar_ui(ui: &mut egui::Ui, app: &HarvestApp) -> Option<Command> {
    let session = app.session();
    let mut chosen = None;
    ui.horizontal(|ui| {
        let dark = ui.visuals().dark_mode;
        match (
            &app.document().read_only,
            app.saver.as_ref().map(|s| s.status()),
        ) {
            (Some(reason), _) => {
                ui.colored_label(palette::warning(dark), reason);
                if ui.button("Save an editable copy…").clicked() {
                    chosen = Some(Command::SaveAs);
                }
            }
            (None, Some(status @ SaveStatus::NotSaved { .. })) => {
                ui.colored_label(palette::warning(dark), status.to_string());
                if ui.button("Save as…").clicked() {
                    chosen = Some(Command::SaveAs);
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
        ui.label(format!(
            "{} · {} · {}",
            plural(session.groups.len(), "group"),
            plural(session.cards.len(), "card"),
            plural(session.themes.len(), "theme")
        ));
        ui.separator();
        ui.add(
            egui::Label::new(egui::RichText::new(app.document().path.display().to_string()).weak())
                .truncate(),
        );
    });
    chosen
}
