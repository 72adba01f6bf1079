//! The theme list on the themes screen, and the tools for the selected theme: rename,
//! recolour, merge and delete, each a plain control so all of it works from the keyboard.

use super::ThemesView;
use crate::edit::Edit;
use crate::edit::builders::{merge_themes, toggle_theme};
use crate::model::{CardId, Rgb, Session, Theme, ThemeId};
use crate::ui::intents::Intents;
use crate::ui::palette;

pub fn theme_list_ui(
    ui: &mut egui::Ui,
    view: &mut ThemesView,
    session: &Session,
    intents: &mut Intents,
) {
    ui.horizontal(|ui| {
        ui.heading("Themes");
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            if ui.button("+ New theme").clicked() {
                let theme = Theme::new(next_theme_name(session), session.themes.len());
                view.selected_theme = Some(theme.id);
                view.name = theme.name.clone();
                view.focus_name = true;
                intents.edit(Edit::AddTheme {
                    theme,
                    index: usize::MAX,
                });
            }
        });
    });
    ui.separator();
    let counts: std::collections::HashMap<ThemeId, usize> = view
        .wall
        .piles
        .iter()
        .filter_map(|p| Some((p.theme?, p.cards.len())))
        .collect();
    egui::ScrollArea::vertical()
        .id_salt("theme-list")
        .max_height(ui.available_height() * 0.55)
        .show(ui, |ui| {
            if session.themes.is_empty() {
                ui.weak("No themes yet. Make one with “+ New theme”, or from a card with T.");
            }
            for theme in &session.themes {
                let selected = view.selected_theme == Some(theme.id);
                let count = counts.get(&theme.id).copied().unwrap_or(0);
                let row = ui.horizontal(|ui| {
                    swatch(ui, theme.color);
                    ui.add(egui::Button::selectable(
                        selected,
                        format!("{}  ({count})", theme.name),
                    ))
                });
                let button = row.inner;
                if button.clicked() {
                    view.selected_theme = Some(theme.id);
                    view.name = theme.name.clone();
                    view.merge_into = None;
                }
                // Dropping a card on a theme puts the theme on it.
                if let Some(card) = row
                    .response
                    .dnd_release_payload::<CardId>()
                    .or(button.dnd_release_payload::<CardId>())
                    && session
                        .card(*card)
                        .is_some_and(|c| !c.themes.contains(&theme.id))
                {
                    intents.edits.extend(toggle_theme(session, *card, theme.id));
                }
            }
        });
    ui.separator();
    if let Some(theme) = view.selected_theme.and_then(|t| session.theme(t)) {
        theme_tools_ui(ui, view, theme, session, intents);
    }
}

/// Rename, recolour, merge and delete the selected theme: every tool is a plain control, so
/// all of it works from the keyboard.
fn theme_tools_ui(
    ui: &mut egui::Ui,
    view: &mut ThemesView,
    theme: &Theme,
    session: &Session,
    intents: &mut Intents,
) {
    let label = ui.label("Theme name (Enter to rename)");
    let response = ui
        .add(egui::TextEdit::singleline(&mut view.name).desired_width(f32::INFINITY))
        .labelled_by(label.id);
    crate::ui::text_undo::note_typing(ui.ctx(), response.id, &view.name);
    if std::mem::take(&mut view.focus_name) {
        response.request_focus();
    }
    let name = view.name.trim();
    if response.lost_focus() && !name.is_empty() && name != theme.name {
        intents.edit(Edit::UpdateTheme {
            theme: Theme {
                name: name.to_owned(),
                ..theme.clone()
            },
        });
    }
    ui.label("Colour");
    ui.horizontal_wrapped(|ui| {
        for color in Rgb::PALETTE {
            let chosen = color == theme.color;
            let size = egui::vec2(22.0, 22.0);
            let (rect, swatch) = ui.allocate_exact_size(size, egui::Sense::click());
            ui.painter()
                .rect_filled(rect.shrink(2.0), 4.0, palette::theme(color));
            if chosen || swatch.has_focus() {
                ui.painter().rect_stroke(
                    rect,
                    4.0,
                    ui.visuals().selection.stroke,
                    egui::StrokeKind::Inside,
                );
            }
            swatch.widget_info(|| {
                egui::WidgetInfo::selected(
                    egui::Role::Button,
                    true,
                    chosen,
                    format!("Colour {}", color.to_hex()),
                )
            });
            if swatch.clicked() && !chosen {
                intents.edit(Edit::UpdateTheme {
                    theme: Theme {
                        color,
                        ..theme.clone()
                    },
                });
            }
        }
    });
    ui.add_space(6.0);
    ui.horizontal(|ui| {
        let label = ui.label("Merge into");
        let target = view
            .merge_into
            .and_then(|t| session.theme(t))
            .map_or("Choose a theme", |t| t.name.as_str());
        egui::ComboBox::from_id_salt("merge-into")
            .selected_text(target)
            .show_ui(ui, |ui| {
                for other in session.themes.iter().filter(|t| t.id != theme.id) {
                    ui.selectable_value(&mut view.merge_into, Some(other.id), &other.name);
                }
            })
            .response
            .labelled_by(label.id);
        let into = view
            .merge_into
            .filter(|t| *t != theme.id && session.theme(*t).is_some());
        if ui
            .add_enabled(into.is_some(), egui::Button::new("Merge"))
            .clicked()
            && let Some(into) = into
        {
            intents.edit(merge_themes(session, theme.id, into));
            view.selected_theme = Some(into);
            view.name = session
                .theme(into)
                .map(|t| t.name.clone())
                .unwrap_or_default();
            view.merge_into = None;
        }
    });
    ui.add_space(6.0);
    if ui
        .button("Delete theme")
        .on_hover_text("Its cards stay; only the theme goes. Undo brings it back.")
        .clicked()
    {
        intents.edit(Edit::DeleteTheme { id: theme.id });
    }
}

fn next_theme_name(session: &Session) -> String {
    (1..)
        .map(|n| {
            if n == 1 {
                "New theme".to_owned()
            } else {
                format!("New theme {n}")
            }
        })
        .find(|name| session.themes.iter().all(|t| &t.name != name))
        .unwrap_or_default()
}

pub fn swatch(ui: &mut egui::Ui, color: Rgb) {
    let (rect, _) = ui.allocate_exact_size(egui::vec2(12.0, 12.0), egui::Sense::hover());
    ui.painter().rect_filled(rect, 3.0, palette::theme(color));
}
