//! File → New session: the title and date first, each with a default, so Enter alone starts
//! a session; it is saved at once in Harvest's own folder, named after them.

use crate::ui::intents::Intents;
use crate::ui::palette;
use crate::workspace::NewSession;

/// What a new session is called until the user says otherwise.
pub const DEFAULT_TITLE: &str = "Workshop";

/// The dialog's boxes, as typed so far.
pub struct NewSessionDialog {
    title: String,
    date: String,
    /// Put the keyboard in the title box, its words selected, on the next frame.
    focus: bool,
}

impl NewSessionDialog {
    /// Titled [`DEFAULT_TITLE`], dated today.
    pub fn new() -> Self {
        Self {
            title: DEFAULT_TITLE.to_owned(),
            date: jiff::Zoned::now().date().to_string(),
            focus: true,
        }
    }

    /// The session to make, or what is wrong with the boxes.
    fn checked(&self) -> Result<NewSession, &'static str> {
        let title = self.title.trim();
        if title.is_empty() {
            return Err("A session needs a title.");
        }
        let date = self
            .date
            .trim()
            .parse::<jiff::civil::Date>()
            .map_err(|_| "The date must look like 2026-10-14.")?;
        Ok(NewSession {
            title: title.to_owned(),
            date,
        })
    }
}

impl Default for NewSessionDialog {
    fn default() -> Self {
        Self::new()
    }
}

/// Gives a text box the keyboard with all of `text` selected, so typing replaces it.
pub(super) fn focus_all_selected(ui: &egui::Ui, text_box: &egui::Response, text: &str) {
    text_box.request_focus();
    let mut state = egui::TextEdit::load_state(ui.ctx(), text_box.id).unwrap_or_default();
    let all = egui::text::CCursorRange::two(
        egui::text::CCursor::new(0),
        egui::text::CCursor::new(text.chars().count()),
    );
    state.cursor.set_char_range(Some(all));
    state.store(ui.ctx(), text_box.id);
}

/// Shows the dialog; Enter in either box creates the session, Escape cancels. False once
/// closed.
pub fn new_session_ui(
    ctx: &egui::Context,
    dialog: &mut NewSessionDialog,
    intents: &mut Intents,
) -> bool {
    let mut open = true;
    let modal = egui::Modal::new(egui::Id::unique("new-session-dialog")).show(ctx, |ui| {
        ui.set_width(480.0);
        super::heading_ui(ui, "New session");
        ui.label("Saved straight away in Harvest's folder, named after its title and date.");
        ui.add_space(6.0);
        let mut entered = false;
        egui::Grid::new("new-session-fields")
            .num_columns(2)
            .spacing([12.0, 8.0])
            .show(ui, |ui| {
                let label = ui.label("Title");
                let title = ui
                    .add(egui::TextEdit::singleline(&mut dialog.title).desired_width(300.0))
                    .labelled_by(label.id);
                if std::mem::take(&mut dialog.focus) {
                    focus_all_selected(ui, &title, &dialog.title);
                }
                ui.end_row();
                let label = ui.label("Date (YYYY-MM-DD)");
                let date = ui
                    .add(egui::TextEdit::singleline(&mut dialog.date).desired_width(300.0))
                    .labelled_by(label.id);
                ui.end_row();
                let enter = ui.input(|i| i.key_pressed(egui::Key::Enter));
                entered = enter && (title.lost_focus() || date.lost_focus());
            });
        let checked = dialog.checked();
        if let Err(problem) = checked {
            ui.colored_label(palette::warning(ui.visuals().dark_mode), problem);
        }
        ui.add_space(8.0);
        ui.horizontal(|ui| {
            let create = ui.add_enabled(checked.is_ok(), egui::Button::new("Create"));
            if let (true, Ok(new)) = (create.clicked() || entered, &checked) {
                intents.new_session = Some(new.clone());
                open = false;
            }
            if ui.button("Cancel").clicked() {
                open = false;
            }
        });
    });
    if modal.should_close() {
        open = false;
    }
    open
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_defaults_make_a_workshop_today_and_bad_boxes_say_why() {
        let mut dialog = NewSessionDialog::new();
        let new = dialog.checked().unwrap();
        assert_eq!(new.title, "Workshop");
        assert_eq!(new.date, jiff::Zoned::now().date());
        dialog.date = "14/10/2026".into();
        assert_eq!(dialog.checked(), Err("The date must look like 2026-10-14."));
        dialog.date = " 2026-10-14 ".into();
        dialog.title = "  ".into();
        assert_eq!(dialog.checked(), Err("A session needs a title."));
    }
}
