//! The menu bar. Every entry is a [`Command`], so menus and shortcuts can't disagree.

use super::app::HarvestApp;
use super::commands::Command;
use crate::model::Category;

pub fn menu_bar_ui(ui: &mut egui::Ui, app: &mut HarvestApp) {
    let chosen = std::cell::Cell::new(None);
    let pick = |ui: &mut egui::Ui, command: Command, enabled: bool| {
        if command.menu_button(ui, enabled) {
            chosen.set(Some(command));
            ui.close();
        }
    };
    let history = app.document().history();
    let (undo, redo) = (history.undo_label(), history.redo_label());
    egui::MenuBar::new().ui(ui, |ui| {
        ui.menu_button("File", |ui| {
            for command in [
                Command::NewSession,
                Command::Open,
                Command::SaveNow,
                Command::SaveAs,
            ] {
                pick(ui, command, true);
            }
            pick(ui, Command::RestoreVersion, true);
            ui.separator();
            pick(ui, Command::Export, true);
            ui.separator();
            pick(ui, Command::Quit, true);
        });
        ui.menu_button("Edit", |ui| {
            pick(ui, Command::Undo, undo.is_some());
            pick(ui, Command::Redo, redo.is_some());
            ui.separator();
            pick(ui, Command::Find, true);
        });
        ui.menu_button("Capture", |ui| {
            for category in Category::ALL {
                pick(ui, Command::Category(category), true);
            }
            ui.separator();
            for command in [
                Command::NewGroup,
                Command::NextGroup,
                Command::PreviousGroup,
                Command::GroupDetails,
            ] {
                pick(ui, command, true);
            }
            ui.separator();
            pick(ui, Command::SessionDetails, true);
        });
        ui.menu_button("View", |ui| {
            for command in [
                Command::ShowBoard,
                Command::ShowOverview,
                Command::ShowThemes,
                Command::ShowSummary,
            ] {
                pick(ui, command, true);
            }
            ui.separator();
            for command in [Command::ZoomIn, Command::ZoomOut, Command::ZoomReset] {
                pick(ui, command, true);
            }
            ui.separator();
            appearance_ui(ui);
        });
        ui.menu_button("Help", |ui| pick(ui, Command::KeyboardHelp, true));
        ui.separator();
        if let Some(command) = view_tabs_ui(ui, app) {
            chosen.set(Some(command));
        }
    });
    if let Some(command) = chosen.get() {
        app.run_command(command, &ui.ctx().clone());
    }
}

/// Tabs for the four screens, beside the menus.
fn view_tabs_ui(ui: &mut egui::Ui, app: &HarvestApp) -> Option<Command> {
    use super::state::View;
    let mut chosen = None;
    for (view, command) in [
        (View::Board, Command::ShowBoard),
        (View::Overview, Command::ShowOverview),
        (View::Themes, Command::ShowThemes),
        (View::Summary, Command::ShowSummary),
    ] {
        let shortcut = command
            .shortcut()
            .map(|s| ui.ctx().format_shortcut(&s))
            .unwrap_or_default();
        let tab = ui
            .selectable_label(app.state.view == view, command.label())
            .on_hover_text(shortcut);
        if tab.clicked() {
            chosen = Some(command);
        }
    }
    chosen
}

/// Light, dark, or following the system (the default); egui remembers the choice.
fn appearance_ui(ui: &mut egui::Ui) {
    let mut preference = ui.ctx().options(|o| o.theme_preference);
    let before = preference;
    ui.radio_value(
        &mut preference,
        egui::ThemePreference::System,
        "Follow the system",
    );
    ui.radio_value(&mut preference, egui::ThemePreference::Light, "Light");
    ui.radio_value(&mut preference, egui::ThemePreference::Dark, "Dark");
    if preference != before {
        ui.ctx().set_theme(preference);
    }
}
