//! The list of groups, each with its cards per category against the session's targets.

use crate::edit::{Edit, builders};
use crate::model::{CardId, Category, Group, Session};
use crate::summary::words::plural;
use crate::ui::commands::Command;
use crate::ui::index::SessionIndex;
use crate::ui::intents::Intents;
use crate::ui::palette;
use crate::ui::state::{UiState, View};

pub fn group_name_box_id() -> egui::Id {
    egui::Id::unique("group-name")
}

pub fn groups_ui(
    ui: &mut egui::Ui,
    session: &Session,
    index: &SessionIndex,
    state: &mut UiState,
    intents: &mut Intents,
) {
    ui.horizontal(|ui| {
        ui.heading("Groups");
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            if ui
                .button("+ New group")
                .on_hover_text(Command::NewGroup.shortcut_text(ui.ctx()))
                .clicked()
            {
                intents.command(Command::NewGroup);
            }
        });
    });
    ui.separator();
    rename_box_ui(ui, session, state, intents);
    let row_height = 3.0 * ui.text_style_height(&egui::TextStyle::Body) + 14.0;
    // A list to a screen reader: "Table 2, selected, 2 of 6".
    let list = egui::UiBuilder::new()
        .accessibility_role(egui::accesskit::Role::List)
        .accessibility_label("Groups");
    ui.scope_builder(list, |ui| {
        egui::ScrollArea::vertical()
            .auto_shrink([false, false])
            .show_rows(ui, row_height, session.groups.len(), |ui, rows| {
                let first = rows.start;
                for (n, group) in session.groups[rows].iter().enumerate() {
                    let at = Place {
                        position: first + n + 1,
                        of: session.groups.len(),
                    };
                    group_row_ui(ui, session, index, group, at, state, intents);
                }
            });
    });
}

/// The name box of a group being named, above the list so it is always in view.
fn rename_box_ui(ui: &mut egui::Ui, session: &Session, state: &mut UiState, intents: &mut Intents) {
    let Some((id, name)) = state.renaming_group.as_mut() else {
        return;
    };
    let label = ui.label("Group name (Enter to finish)");
    if std::mem::take(&mut state.focus_group_name) {
        // Focused with the name selected, so typing replaces "Group 7".
        let id = group_name_box_id();
        ui.memory_mut(|m| m.request_focus(id));
        let mut text_state = egui::TextEdit::load_state(ui.ctx(), id).unwrap_or_default();
        let all = egui::text::CCursorRange::two(
            egui::text::CCursor::new(0),
            egui::text::CCursor::new(name.chars().count()),
        );
        text_state.cursor.set_char_range(Some(all));
        text_state.store(ui.ctx(), id);
    }
    let response = ui
        .add(
            egui::TextEdit::singleline(name)
                .id(group_name_box_id())
                .desired_width(f32::INFINITY),
        )
        .labelled_by(label.id);
    crate::ui::text_undo::note_typing(ui.ctx(), response.id, name);
    let escape = ui.input(|i| i.key_pressed(egui::Key::Escape));
    if response.lost_focus() {
        let name = name.trim().to_owned();
        let unchanged = session.group(*id).is_none_or(|g| g.name == name);
        if !escape
            && !name.is_empty()
            && !unchanged
            && let Ok(edit) = Edit::rename_group(session, *id, name)
        {
            intents.edit(edit);
        }
        state.renaming_group = None;
        state.focus_draft = true;
    }
    ui.separator();
}

/// Where a group is in the list, counting from 1.
struct Place {
    position: usize,
    of: usize,
}

fn group_row_ui(
    ui: &mut egui::Ui,
    session: &Session,
    index: &SessionIndex,
    group: &Group,
    at: Place,
    state: &mut UiState,
    intents: &mut Intents,
) {
    let current = state.group == group.id;
    let dark = ui.visuals().dark_mode;
    let mut progress = egui::text::LayoutJob::default();
    for category in Category::ALL {
        let count = index.count(group.id, category);
        let target = session.details.targets.get(category);
        // Non-breaking spaces inside each count: a narrow list wraps between them only.
        let name = category.short_label().replace(' ', "\u{a0}");
        let text = if target > 0 {
            format!("{name}\u{a0}{count}/{target}  ")
        } else {
            format!("{name}\u{a0}{count}  ")
        };
        let done = target > 0 && count as u32 >= target;
        let color = if done {
            palette::category(category, dark)
        } else {
            ui.visuals().weak_text_color()
        };
        progress.append(
            &text,
            0.0,
            egui::TextFormat::simple(egui::TextStyle::Small.resolve(ui.style()), color),
        );
    }
    let response = ui
        .scope_builder(
            egui::UiBuilder::new()
                .id_salt(group.id)
                .sense(egui::Sense::click()),
            |ui| {
                let visuals = ui.visuals();
                let frame = egui::Frame::new()
                    .inner_margin(egui::Margin::symmetric(6, 4))
                    .corner_radius(4.0);
                let frame = if current {
                    frame
                        .fill(palette::current_row(visuals))
                        .stroke(palette::current_row_edge(visuals))
                } else {
                    frame
                };
                frame.show(ui, |ui| {
                    ui.set_width(ui.available_width());
                    // Not selectable: a click on the words picks the group, as on the rest
                    // of the row, rather than starting a text selection.
                    ui.add(
                        egui::Label::new(egui::RichText::new(&group.name).strong())
                            .selectable(false),
                    );
                    ui.add(egui::Label::new(progress).selectable(false));
                });
            },
        )
        .response;
    let cards = Category::ALL
        .iter()
        .map(|c| index.count(group.id, *c))
        .sum();
    let summary = format!("{}: {}", group.name, plural(cards, "card"));
    response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::ListItem, true, &summary));
    ui.ctx().accesskit_node_builder(response.id, |node| {
        node.set_selected(current);
        node.set_position_in_set(at.position);
        node.set_size_of_set(at.of);
        node.add_action(egui::accesskit::Action::Click);
    });
    if response.clicked() {
        state.group = group.id;
        state.view = View::Board;
        state.selected = None;
        state.focus_draft = true;
    }
    if response.double_clicked() {
        state.start_renaming(group);
    }
    // Dropping a card on a group moves it there, in the same category.
    if let Some(card) = response.dnd_release_payload::<CardId>()
        && let Some(found) = session.card(*card)
    {
        intents.edit(builders::move_to(
            session,
            found.id,
            group.id,
            found.category,
        ));
    }
    response.context_menu(|ui| {
        if ui.button("Rename").clicked() {
            state.start_renaming(group);
        }
        if ui.button("Group details…").clicked() {
            state.group = group.id;
            intents.command(Command::GroupDetails);
        }
        let position = session.group_index(group.id).unwrap_or(0);
        if ui
            .add_enabled(position > 0, egui::Button::new("Move up"))
            .clicked()
        {
            intents.edit(Edit::MoveGroup {
                id: group.id,
                index: position - 1,
            });
        }
        if ui
            .add_enabled(
                position + 1 < session.groups.len(),
                egui::Button::new("Move down"),
            )
            .clicked()
        {
            intents.edit(Edit::MoveGroup {
                id: group.id,
                index: position + 1,
            });
        }
        ui.separator();
        if ui
            .add_enabled(
                session.groups.len() > 1,
                egui::Button::new("Delete group and its cards"),
            )
            .clicked()
        {
            intents.edit(Edit::DeleteGroup { id: group.id });
        }
    });
}
