//! The menu bar. Every entry is a [`Command`], so menus and shortcuts can't disagree, but for
//! File → Open recent, whose entries are the sessions themselves.

use super::app::HarvestApp;
use super::commands::{Command, Menu};
use super::intents::Intents;
use super::state::View;
use egui::accesskit::Role;

/// The menus, made from [`Command::ALL`]; what is chosen goes into `intents`.
pub fn menu_bar_ui(ui: &mut egui::Ui, app: &HarvestApp, intents: &mut Intents) {
    let history = app.document().history();
    let enabled = |command: Command| match command {
        Command::Undo => history.undo_label().is_some(),
        Command::Redo => history.redo_label().is_some(),
        _ => true,
    };
    egui::MenuBar::new().ui(ui, |ui| {
        let bar = egui::UiBuilder::new()
            .accessibility_role(Role::MenuBar)
            .accessibility_label("Menus");
        ui.scope_builder(bar, |ui| {
            ui.horizontal(|ui| menus_ui(ui, app, intents, enabled))
        });
        ui.separator();
        if let Some(command) = view_tabs_ui(ui, app) {
            intents.command(command);
        }
    });
}

/// The menus: a screen reader hears each as a menu item that opens (expanded, or not) a
/// menu of items with their keys.
fn menus_ui(
    ui: &mut egui::Ui,
    app: &HarvestApp,
    intents: &mut Intents,
    enabled: impl Fn(Command) -> bool,
) {
    let mut any_open = false;
    for menu in Menu::ALL {
        let shown = ui.menu_button(menu.label(), |ui| {
            super::name_enclosing(ui, egui::UiKind::Menu, menu.label());
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
                    super::recent::open_recent_menu_ui(ui, &app.files.recent, open_now, intents);
                }
            }
            if menu == Menu::View {
                ui.separator();
                appearance_ui(ui);
            }
        });
        let open = shown.inner.is_some();
        any_open |= open;
        opens_a_menu(ui, shown.response.id, open);
    }
    // A menu closed without a choice (Escape, a click outside) gives the keyboard back to
    // the card box, rather than leaving it on nothing.
    let was_open_id = egui::Id::unique("a-menu-was-open");
    let was_open = ui.data(|d| d.get_temp::<bool>(was_open_id));
    ui.data_mut(|d| d.insert_temp(was_open_id, any_open));
    if was_open == Some(true)
        && !any_open
        && intents.commands.is_empty()
        && app.state.view == View::Board
    {
        intents.command(Command::ShowBoard);
    }
}

/// Makes the button of a menu or submenu a menu item that opens a menu, open or not.
pub(super) fn opens_a_menu(ui: &egui::Ui, id: egui::Id, open: bool) {
    ui.ctx().accesskit_node_builder(id, |node| {
        node.set_role(Role::MenuItem);
        node.set_has_popup(egui::accesskit::HasPopup::Menu);
        node.set_expanded(open);
    });
}

/// Makes a button in a menu a menu item.
pub(super) fn menu_item(ui: &egui::Ui, response: &egui::Response) {
    ui.ctx()
        .accesskit_node_builder(response.id, |node| node.set_role(Role::MenuItem));
}

/// Tabs for the screens, beside the menus.
fn view_tabs_ui(ui: &mut egui::Ui, app: &HarvestApp) -> Option<Command> {
    let tabs = egui::UiBuilder::new()
        .accessibility_role(Role::TabList)
        .accessibility_label("Screens");
    ui.scope_builder(tabs, |ui| ui.horizontal(|ui| tabs_ui(ui, app)))
        .inner
        .inner
}

fn tabs_ui(ui: &mut egui::Ui, app: &HarvestApp) -> Option<Command> {
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
        let current = app.state.view == view;
        let tab = ui
            .selectable_label(current, command.label())
            .on_hover_text(shortcut.clone());
        ui.ctx().accesskit_node_builder(tab.id, |node| {
            node.set_role(Role::Tab);
            node.clear_toggled();
            node.set_selected(current);
            node.set_keyboard_shortcut(shortcut);
        });
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
    for (choice, words) in [
        (egui::ThemePreference::System, "Follow the system"),
        (egui::ThemePreference::Light, "Light"),
        (egui::ThemePreference::Dark, "Dark"),
    ] {
        let item = ui.radio_value(&mut preference, choice, words);
        ui.ctx().accesskit_node_builder(item.id, |node| {
            node.set_role(Role::MenuItemRadio);
        });
    }
    if preference != before {
        ui.ctx().set_theme(preference);
    }
}
