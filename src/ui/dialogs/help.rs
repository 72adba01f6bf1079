//! The keyboard map, made from the command list and the card actions so it is always true,
//! in the order of the menus.

use crate::ui::board::card_actions::CardAction;
use crate::ui::commands::{Command, Menu};

/// Keys of the new-card box itself, which are neither commands nor card actions.
const CARD_BOX_KEYS: [(&str, &str); 2] = [
    ("Enter / Shift+Enter", "add the card / new line inside it"),
    (
        "Escape",
        "show the last card of the column; an arrow then chooses it for the card keys",
    ),
];

pub fn help_window_ui(ctx: &egui::Context, open: &mut bool) {
    let height = (ctx.content_rect().height() - 120.0).max(200.0);
    egui::Window::new("Keyboard shortcuts")
        .open(open)
        .resizable(false)
        .show(ctx, |ui| {
            // The bar always shown, so it is plain that the list goes on below.
            egui::ScrollArea::vertical()
                .max_height(height)
                .min_scrolled_height(height)
                .scroll_bar_visibility(egui::scroll_area::ScrollBarVisibility::AlwaysVisible)
                .show(ui, |ui| {
                    // One grid for every section, so the keys and the stripes line up.
                    egui::Grid::new("keyboard-shortcuts")
                        .striped(true)
                        .min_col_width(160.0)
                        .show(ui, keys_ui);
                });
        });
}

fn keys_ui(ui: &mut egui::Ui) {
    let ctx = ui.ctx().clone();
    section_ui(
        ui,
        "In the new-card box",
        CARD_BOX_KEYS.map(|(k, w)| (k.to_owned(), w)),
    );
    for menu in Menu::ALL {
        let rows = Command::ALL
            .into_iter()
            .filter(|c| c.menu() == menu && c.shortcut().is_some())
            .map(|c| (c.shortcut_text(&ctx), c.label().trim_end_matches('…')));
        section_ui(ui, menu.label(), rows);
    }
    let rows = CardAction::ALL.into_iter().map(|action| {
        let keys: Vec<String> = action
            .keys()
            .iter()
            .map(|k| ctx.format_shortcut(k))
            .collect();
        (keys.join(" or "), action.help())
    });
    section_ui(ui, "On the selected card", rows);
}

fn section_ui<'a>(
    ui: &mut egui::Ui,
    heading: &str,
    rows: impl IntoIterator<Item = (String, &'a str)>,
) {
    let heading = egui::RichText::new(heading)
        .strong()
        .size(egui::TextStyle::Body.resolve(ui.style()).size * 1.15);
    ui.label(heading);
    ui.end_row();
    for (keys, what) in rows {
        ui.label(egui::RichText::new(keys).strong());
        ui.label(what);
        ui.end_row();
    }
}
