//! "Move to…": pick a group and category for a card from the keyboard.

use crate::edit::builders;
use crate::model::{CardId, Category, Session};
use crate::ui::intents::Intents;

/// Shows the dialog for `card`; false once a place is chosen or on Escape.
pub fn move_dialog_ui(
    ctx: &egui::Context,
    card: CardId,
    session: &Session,
    intents: &mut Intents,
) -> bool {
    let Some(card) = session.card(card) else {
        return false;
    };
    let mut close = false;
    let modal = egui::Modal::new(egui::Id::unique("move-dialog")).show(ctx, |ui| {
        super::heading_ui(ui, "Move card to…");
        ui.label(egui::RichText::new(card.text.replace('\n', " ")).italics());
        ui.small("Tab to a place and press Enter, or Escape to leave the card where it is.");
        ui.add_space(6.0);
        egui::ScrollArea::vertical()
            .max_height(super::scroll_height(
                ui,
                ui.spacing().interact_size.y + 24.0,
            ))
            .show(ui, |ui| {
                egui::Grid::new("move-targets")
                    .num_columns(4)
                    .spacing([8.0, 6.0])
                    .show(ui, |ui| {
                        let mut first = true;
                        for group in &session.groups {
                            ui.label(&group.name);
                            for category in Category::ALL {
                                let here = group.id == card.group && category == card.category;
                                let button = ui
                                    .add_enabled(!here, egui::Button::new(category.short_label()));
                                let button = button.on_hover_text(format!(
                                    "{} — {}",
                                    group.name,
                                    category.label()
                                ));
                                if first && !here && ui.memory(|m| m.focused().is_none()) {
                                    button.request_focus();
                                }
                                first &= here;
                                if button.clicked() {
                                    intents.edit(builders::move_to(
                                        session, card.id, group.id, category,
                                    ));
                                    close = true;
                                }
                            }
                            ui.end_row();
                        }
                    });
            });
        ui.add_space(6.0);
        if ui.button("Cancel").clicked() {
            close = true;
        }
    });
    !(close || modal.should_close())
}
