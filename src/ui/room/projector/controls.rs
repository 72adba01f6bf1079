//! The projector's row in the main window's status bar: what it shows, and where.

use super::{Projector, ProjectorIntent, Showing};
use crate::model::Session;
use crate::ui::commands::Command;
use crate::ui::intents::Intents;

/// Monitors offered for full screen; an index past the last is ignored by the platform.
const SCREENS: usize = 3;

/// Shown while the projector is open.
pub fn projector_row_ui(
    ui: &mut egui::Ui,
    projector: &Projector,
    session: &Session,
    intents: &mut Intents,
) {
    if !projector.open {
        return;
    }
    ui.horizontal_wrapped(|ui| {
        ui.label("Projector shows");
        let mut show = |ui: &mut egui::Ui, showing: Showing, text: &str| {
            let on = std::mem::discriminant(&projector.showing) == std::mem::discriminant(&showing);
            if ui.selectable_label(on, text).clicked() && !on {
                intents.projector = Some(ProjectorIntent::Show(showing));
            }
        };
        show(ui, Showing::Group, "This group");
        show(ui, Showing::Counts, "Every group's counts");
        if let Some(first) = session.themes.first() {
            show(ui, Showing::Theme(first.id), "A theme");
        }
        show(ui, Showing::Quotes, "Key quotes");
        if let Showing::Theme(id) = projector.showing {
            theme_choice_ui(ui, session, id, intents);
        }
        if projector.showing == Showing::Quotes && ui.button("Next quote").clicked() {
            intents.projector = Some(ProjectorIntent::NextQuote);
        }
        ui.separator();
        let mut hide = projector.hide_words;
        let shortcut = Command::HideWords.shortcut_text(ui.ctx());
        if ui
            .checkbox(&mut hide, "Hide words")
            .on_hover_text(shortcut)
            .changed()
        {
            intents.command(Command::HideWords);
        }
        ui.separator();
        screen_choice_ui(ui, projector, intents);
        if ui.button("Close projector").clicked() {
            intents.command(Command::Projector);
        }
    });
}

fn theme_choice_ui(
    ui: &mut egui::Ui,
    session: &Session,
    id: crate::model::ThemeId,
    intents: &mut Intents,
) {
    let label = ui.label("Theme");
    let name = session.theme(id).map_or("", |t| t.name.as_str());
    egui::ComboBox::from_id_salt("projector-theme")
        .selected_text(name)
        .show_ui(ui, |ui| {
            for theme in &session.themes {
                if ui.selectable_label(theme.id == id, &theme.name).clicked() {
                    intents.projector = Some(ProjectorIntent::Show(Showing::Theme(theme.id)));
                }
            }
        })
        .response
        .labelled_by(label.id);
}

fn screen_choice_ui(ui: &mut egui::Ui, projector: &Projector, intents: &mut Intents) {
    let label = ui.label("Full screen");
    let text = |monitor: Option<usize>| match monitor {
        Some(index) => format!("on screen {}", index + 1),
        None => "off".to_owned(),
    };
    egui::ComboBox::from_id_salt("projector-screen")
        .selected_text(text(projector.place.monitor))
        .show_ui(ui, |ui| {
            let choices = std::iter::once(None).chain((0..SCREENS).map(Some));
            for monitor in choices {
                let on = projector.place.monitor == monitor;
                if ui.selectable_label(on, text(monitor)).clicked() && !on {
                    intents.projector = Some(ProjectorIntent::FullScreen(monitor));
                }
            }
        })
        .response
        .labelled_by(label.id);
}
