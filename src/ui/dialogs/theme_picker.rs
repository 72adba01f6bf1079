//! Type-ahead theme picker for one card: type to filter, Enter to toggle the best match or
//! create a new theme, Escape to close. The app's shortcuts still work while it is open:
//! undo and redo leave it open, the others close it and do what they say.

use crate::edit::builders::{create_theme_for, toggle_theme};
use crate::model::{CardId, Session, Theme, ThemeId};
use crate::ui::commands::Command;
use crate::ui::intents::Intents;

#[derive(Debug)]
pub struct ThemePicker {
    pub card: CardId,
    query: String,
    highlighted: usize,
    focus: bool,
}

impl ThemePicker {
    pub fn new(card: CardId) -> Self {
        Self {
            card,
            query: String::new(),
            highlighted: 0,
            focus: true,
        }
    }
}

/// Shows the picker; returns false once it should close.
pub fn theme_picker_ui(
    ctx: &egui::Context,
    picker: &mut ThemePicker,
    session: &Session,
    intents: &mut Intents,
) -> bool {
    let Some(card) = session.card(picker.card) else {
        return false;
    };
    if !app_shortcuts(ctx, intents) {
        return false;
    }
    let needle = picker.query.trim().to_lowercase();
    let matches: Vec<&Theme> = session
        .themes
        .iter()
        .filter(|t| t.name.to_lowercase().contains(&needle))
        .collect();
    let exact = session
        .themes
        .iter()
        .any(|t| t.name.trim().to_lowercase() == needle);
    let can_create = !needle.is_empty() && !exact;
    let choices = matches.len() + usize::from(can_create);
    let (enter, up, down) = ctx.input_mut(|i| {
        (
            i.consume_key(egui::Modifiers::NONE, egui::Key::Enter),
            i.consume_key(egui::Modifiers::NONE, egui::Key::ArrowUp),
            i.consume_key(egui::Modifiers::NONE, egui::Key::ArrowDown),
        )
    });
    if down && picker.highlighted + 1 < choices {
        picker.highlighted += 1;
    }
    if up {
        picker.highlighted = picker.highlighted.saturating_sub(1);
    }
    picker.highlighted = picker.highlighted.min(choices.saturating_sub(1));
    let mut open = true;
    let mut chosen: Option<Option<ThemeId>> = None;
    let modal = egui::Modal::new(egui::Id::unique("theme-picker")).show(ctx, |ui| {
        ui.set_width(super::fitted_width(ctx, 420.0));
        super::heading_ui(ui, "Themes for this card");
        ui.label(egui::RichText::new(card.text.replace('\n', " ")).italics());
        let label = ui.label("Find or create a theme");
        let response = ui
            .add(egui::TextEdit::singleline(&mut picker.query).desired_width(f32::INFINITY))
            .labelled_by(label.id);
        crate::ui::text_undo::note_typing(ui.ctx(), response.id, &picker.query);
        if std::mem::take(&mut picker.focus) {
            response.request_focus();
        }
        ui.small("Enter puts the highlighted theme on the card, or takes it off. Escape closes.");
        ui.separator();
        egui::ScrollArea::vertical()
            .max_height(super::scroll_height(ui, ui.spacing().interact_size.y + 24.0).min(300.0))
            .show(ui, |ui| {
                for (n, theme) in matches.iter().enumerate() {
                    let on = card.themes.contains(&theme.id);
                    let text = if on {
                        format!("{} (on this card)", theme.name)
                    } else {
                        theme.name.clone()
                    };
                    let row = ui.add(egui::Button::selectable(n == picker.highlighted, text));
                    if row.clicked() || (enter && n == picker.highlighted) {
                        chosen = Some(Some(theme.id));
                    }
                }
                if can_create {
                    let n = matches.len();
                    let row = ui.add(egui::Button::selectable(
                        n == picker.highlighted,
                        format!("+ Create theme “{}”", picker.query.trim()),
                    ));
                    if row.clicked() || (enter && n == picker.highlighted) {
                        chosen = Some(None);
                    }
                }
            });
        ui.separator();
        if ui.button("Done").clicked() {
            open = false;
        }
    });
    match chosen {
        Some(Some(theme)) => intents
            .edits
            .extend(toggle_theme(session, picker.card, theme)),
        Some(None) => {
            intents
                .edits
                .extend(create_theme_for(session, picker.card, &picker.query));
            picker.query.clear();
        }
        None => {}
    }
    if chosen.is_some() {
        picker.focus = true;
    }
    open && !modal.should_close()
}

/// Takes the app's shortcuts pressed while the picker is open, so Ctrl+G or Ctrl+2 is never
/// lost here and the words typed after it never become a theme. Returns whether the picker
/// stays open: only for undo and redo, which the picker shows the outcome of.
fn app_shortcuts(ctx: &egui::Context, intents: &mut Intents) -> bool {
    let pressed = Command::consume_pressed(ctx);
    let stays = pressed
        .iter()
        .all(|c| matches!(c, Command::Undo | Command::Redo));
    intents.commands.extend(pressed);
    if !stays {
        intents.leave_card = true;
    }
    stays
}
