//! The keyboard map, generated from the command list so it is always true.

use super::commands::Command;

/// Keys that work on the selected card; they are not commands as they need a selection.
const CARD_KEYS: [(&str, &str); 11] = [
    (
        "Escape (in the new-card box)",
        "select the last card, to work on cards",
    ),
    ("Arrow keys", "select another card"),
    ("Enter or F2", "edit the selected card"),
    ("Delete", "delete the selected card"),
    ("S", "star or unstar"),
    ("+ / −", "one vote more / fewer"),
    ("Alt+Up / Alt+Down", "move up or down in its column"),
    (
        "Alt+Left / Alt+Right",
        "move to the previous or next category",
    ),
    ("M", "move to another group…"),
    ("T", "themes for the card…"),
    ("L", "link an idea to the problems it answers…"),
];

pub fn help_window_ui(ctx: &egui::Context, open: &mut bool) {
    egui::Window::new("Keyboard shortcuts")
        .open(open)
        .resizable(false)
        .show(ctx, |ui| {
            egui::Grid::new("shortcuts").striped(true).show(ui, |ui| {
                ui.strong("Enter / Shift+Enter");
                ui.label("add the card / new line inside it");
                ui.end_row();
                for command in Command::WITH_SHORTCUTS {
                    if let Some(shortcut) = command.shortcut() {
                        ui.strong(ctx.format_shortcut(&shortcut));
                        ui.label(command.label().trim_end_matches('…'));
                        ui.end_row();
                    }
                }
                for (keys, what) in CARD_KEYS {
                    ui.strong(keys);
                    ui.label(what);
                    ui.end_row();
                }
            });
        });
}
