//! The agenda's part of the session details dialog: each phase's name, planned minutes and
//! the category it captures, in order.

use crate::model::{Category, Phase};

/// Edits the agenda in place; returns false while a phase has no name.
pub fn agenda_ui(ui: &mut egui::Ui, agenda: &mut Vec<Phase>) -> bool {
    ui.label("Agenda (the phase timer goes through it in this order)");
    let mut moved: Option<(usize, usize)> = None;
    let mut removed = None;
    let last = agenda.len().saturating_sub(1);
    for (at, phase) in agenda.iter_mut().enumerate() {
        let number = at + 1;
        egui::Frame::group(ui.style()).show(ui, |ui| {
            ui.set_width(ui.available_width());
            // The name on a line of its own: as wide as the dialog, at any zoom.
            let name =
                ui.add(egui::TextEdit::singleline(&mut phase.name).desired_width(f32::INFINITY));
            name_accessible(ui, name.id, format!("Phase {number} name"));
            ui.horizontal_wrapped(|ui| {
                let minutes = ui.add(
                    egui::DragValue::new(&mut phase.minutes)
                        .range(0..=600)
                        .suffix(" min"),
                );
                name_accessible(ui, minutes.id, format!("Phase {number} minutes"));
                category_ui(ui, phase, number);
                if ui.add_enabled(at > 0, egui::Button::new("Up")).clicked() {
                    moved = Some((at, at - 1));
                }
                if ui
                    .add_enabled(at < last, egui::Button::new("Down"))
                    .clicked()
                {
                    moved = Some((at, at + 1));
                }
                if ui.button("Remove").clicked() {
                    removed = Some(at);
                }
            });
        });
    }
    if let Some((from, to)) = moved {
        agenda.swap(from, to);
    }
    if let Some(at) = removed {
        agenda.remove(at);
    }
    if ui.button("Add a phase").clicked() {
        agenda.push(Phase {
            name: format!("Phase {}", agenda.len() + 1),
            ..Phase::default()
        });
    }
    let named = agenda.iter().all(|p| !p.name.trim().is_empty());
    if !named {
        let warning = crate::ui::palette::warning(ui.visuals().dark_mode);
        ui.colored_label(warning, "Every phase needs a name.");
    }
    named
}

/// The category a phase captures, which starting it makes the current one.
fn category_ui(ui: &mut egui::Ui, phase: &mut Phase, number: usize) {
    let text = |category: Option<Category>| category.map_or("No category", Category::short_label);
    let combo = egui::ComboBox::from_id_salt(("phase-category", phase.id))
        .width(130.0)
        .selected_text(text(phase.category))
        .show_ui(ui, |ui| {
            let choices = std::iter::once(None).chain(Category::ALL.map(Some));
            for choice in choices {
                ui.selectable_value(&mut phase.category, choice, text(choice));
            }
        });
    name_accessible(ui, combo.response.id, format!("Phase {number} captures"));
}

/// Names an input of a row, where one visible label above the rows would not say which.
fn name_accessible(ui: &egui::Ui, id: egui::Id, name: String) {
    ui.ctx()
        .accesskit_node_builder(id, |node| node.set_label(name));
}
