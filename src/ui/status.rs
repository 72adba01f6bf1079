//! The status bar: where the session lives and whether it is safely on disk.

use super::app::HarvestApp;
use super::palette;
use crate::store::SaveStatus;
use crate::summary::words::plural;

pub fn status_bar_ui(ui: &mut egui::Ui, app: &HarvestApp) {
    let session = app.session();
    ui.horizontal(|ui| {
        let status = app.saver.as_ref().map(|s| s.status());
        let dark = ui.visuals().dark_mode;
        match &status {
            Some(SaveStatus::Failed { .. }) => {
                ui.colored_label(
                    palette::warning(dark),
                    status
                        .as_ref()
                        .map(SaveStatus::describe)
                        .unwrap_or_default(),
                );
            }
            Some(status) => {
                ui.label(status.describe());
            }
            None => {
                ui.label("Not saving (no file)");
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
}
