//! The fields the form dialogs are made of: a label above each box, the box as wide as the
//! dialog, so every box is wide enough to read at any zoom.

use jiff::civil::Date;

/// A label and, under it, a single-line box as wide as the dialog.
pub(super) fn text_field(ui: &mut egui::Ui, label: &str, text: &mut String) -> egui::Response {
    let label = ui.label(label);
    let response = ui
        .add(egui::TextEdit::singleline(text).desired_width(f32::INFINITY))
        .labelled_by(label.id);
    ui.add_space(6.0);
    response
}

/// A label and a box of several lines that grows up to `max_lines`, then scrolls inside
/// itself, so long notes never push the other fields out of the dialog.
pub(super) fn lines_field(
    ui: &mut egui::Ui,
    label: &str,
    text: &mut String,
    rows: usize,
    max_lines: f32,
) -> egui::Response {
    let label = ui.label(label);
    let line = ui.text_style_height(&egui::TextStyle::Body);
    let field = egui::ScrollArea::vertical()
        .id_salt(label.id)
        .max_height(max_lines * line + 8.0)
        .show(ui, |ui| {
            ui.add(
                egui::TextEdit::multiline(text)
                    .desired_width(f32::INFINITY)
                    .desired_rows(rows),
            )
            .labelled_by(label.id)
        })
        .inner;
    ui.add_space(6.0);
    field
}

/// A date box (empty allowed): its date, None when empty, or Err while it cannot be read, with
/// a line under it saying how to write one.
pub(super) fn date_field(
    ui: &mut egui::Ui,
    label: &str,
    text: &mut String,
) -> Result<Option<Date>, ()> {
    text_field(ui, label, text);
    let read = parse_date(text);
    if read.is_err() {
        let warning = crate::ui::palette::warning(ui.visuals().dark_mode);
        ui.colored_label(warning, "A date looks like 2026-12-01 (or leave it empty).");
    }
    read
}

/// A date as typed: `YYYY-MM-DD`, or empty for none.
pub(super) fn parse_date(text: &str) -> Result<Option<Date>, ()> {
    let text = text.trim();
    if text.is_empty() {
        return Ok(None);
    }
    text.parse::<Date>().map(Some).map_err(|_| ())
}

/// A date as a date box shows it: empty for none.
pub(super) fn date_text(date: Option<Date>) -> String {
    date.map(|d| d.to_string()).unwrap_or_default()
}

/// Names an input where the visible label does not say enough on its own.
pub fn name_accessible(ui: &egui::Ui, id: egui::Id, name: impl Into<String>) {
    let name = name.into();
    ui.ctx()
        .accesskit_node_builder(id, |node| node.set_label(name));
}

/// What was pressed in a form dialog's last row.
pub(super) enum Pressed {
    Save,
    Cancel,
    Remove,
    Nothing,
}

/// The last row of a form: Save (or Ctrl+Enter) while `can_save`, Cancel, and for something
/// already there a remove button that asks once more (`remove` is its words, then the
/// question).
pub(super) fn save_row_ui(
    ui: &mut egui::Ui,
    can_save: bool,
    remove: Option<(&str, &str)>,
    confirming: &mut bool,
) -> Pressed {
    let mut pressed = Pressed::Nothing;
    ui.horizontal_wrapped(|ui| {
        let save = ui.add_enabled(can_save, egui::Button::new("Save"));
        let ctrl_enter =
            ui.input_mut(|i| i.consume_key(egui::Modifiers::COMMAND, egui::Key::Enter));
        if can_save && (save.clicked() || ctrl_enter) {
            pressed = Pressed::Save;
        }
        if ui.button("Cancel").clicked() {
            pressed = Pressed::Cancel;
        }
        if let Some((words, question)) = remove {
            let text = if *confirming { question } else { words };
            if ui.button(text).clicked() {
                if *confirming {
                    pressed = Pressed::Remove;
                }
                *confirming = true;
            }
        }
    });
    pressed
}
