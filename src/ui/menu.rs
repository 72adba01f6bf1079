//! The menu bar. Every entry is a [`Command`], so menus and shortcuts can't disagree, but for
//! File → Open recent, whose entries are the sessions themselves.

use super::app::HarvestApp;
use super::commands::{Command, Menu};
use super::intents::Intents;

/// The menus, made from [`Command::ALL`]; what is chosen goes into `intents`.
pub fn menu_bar_ui(ui: &mut egui::Ui, app: &HarvestApp, intents: &mut Intents) {
    let history = app.document().history();
    let enabled = |command: Command| match command {
        Command::Undo => history.undo_label().is_some(),
        Command::Redo => history.redo_label().is_some(),
        _ => true,
    };
    egui::MenuBar::new().ui(ui, |ui| {
        for menu in Menu::ALL {
            ui.menu_button(menu.label(), |ui| {
                for command in Command::ALL.into_iter().filter(|c| c.menu() == menu) {
                    if command.starts_section() {
                        ui.separator();
                    }
                    if command.menu_button(ui, enabled(command)) {
                        intents.command(command);
                        ui.close();
                    }
                    if command == Command::Open {
                        let open_now = &app.document().path;
                        super::recent::open_recent_menu_ui(
                            ui,
                            &app.files.recent,
                            open_now,
                            intents,
                        );
                    }
                }
                if menu == Menu::View {
                    ui.separator();
                    appearance_ui(ui);
                }
            });
        }
        ui.separator();
        if let Some(command) = view_tabs_ui(ui, app) {
            intents.command(command);
        }
    });
}

/// Tabs for the screens, beside the menus.
fn view_tabs_ui(ui: &mut egui::Ui, app: &HarvestApp) -> Option<Command> {
    use super::state::View;
    let mut chosen = None;
    for (view, command) in [
        (View::Board, Command::ShowBoard),
        (View::Overview, Command::ShowOverview),
        (View::Themes, Command::ShowThemes),
        (View::Summary, Command::ShowSummary),
        (View::People, Command::ShowPeople),
        (View::Actions, Command::ShowActions),
        (View::PersonalDetails, Command::ShowPersonalDetails),
        (View::EasyWords, Command::ShowEasyWords),
    ] {
        let shortcut = command.shortcut_text(ui.ctx());
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
