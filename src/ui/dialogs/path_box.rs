//! A box to type a file or folder's path into, with buttons that ask the system's dialog for
//! one. Typing always works, so a desktop without file dialogs (or a person who has the path
//! at hand) is never stuck; the system's dialog is asked on a helper thread.

use crate::desktop::{FilePicker, PickedSeveral, Several};
use crate::ui::task::{Poll, Task, take_finished};
use std::path::PathBuf;
use std::sync::Arc;

pub struct PathBox {
    label: &'static str,
    text: String,
    /// The kinds of dialog offered beside the box.
    browse: &'static [Several],
    picker: Arc<dyn FilePicker>,
    asking: Option<Task<PickedSeveral>>,
    /// Why the last dialog could not be shown, to say under the box.
    pub problem: Option<String>,
    focus: bool,
}

impl PathBox {
    pub fn new(
        label: &'static str,
        browse: &'static [Several],
        picker: Arc<dyn FilePicker>,
    ) -> Self {
        Self {
            label,
            text: String::new(),
            browse,
            picker,
            asking: None,
            problem: None,
            focus: true,
        }
    }

    /// Shows the box and its buttons; returns the paths chosen this frame: what the system's
    /// dialog answered, or the typed path when Enter or `add` was pressed.
    pub fn ui(&mut self, ui: &mut egui::Ui, add: &str) -> Vec<PathBuf> {
        let mut chosen = self.answer();
        let label = ui.label(self.label);
        ui.horizontal(|ui| {
            let width = (ui.available_width() - 90.0).max(160.0);
            let text_box = ui
                .add(
                    egui::TextEdit::singleline(&mut self.text)
                        .hint_text("A path, e.g. /media/usb/event")
                        .desired_width(width),
                )
                .labelled_by(label.id);
            if std::mem::take(&mut self.focus) {
                text_box.request_focus();
            }
            let entered = text_box.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
            let typed = self.text.trim();
            let clicked = ui
                .add_enabled(!typed.is_empty(), egui::Button::new(add))
                .clicked();
            if (entered || clicked) && !typed.is_empty() {
                chosen.push(expand_home(typed));
                self.text.clear();
                self.focus = true;
            }
        });
        ui.horizontal(|ui| {
            for what in self.browse {
                let words = match what {
                    Several::Files => "Browse files…",
                    Several::Folder => "Browse folders…",
                };
                let button = ui.add_enabled(self.asking.is_none(), egui::Button::new(words));
                if button.clicked() {
                    self.ask(*what, ui.ctx());
                }
            }
            if self.asking.is_some() {
                ui.label("Waiting for the file dialog…");
            }
        });
        if let Some(problem) = &self.problem {
            ui.colored_label(crate::ui::palette::warning(ui.visuals().dark_mode), problem);
        }
        chosen
    }

    fn ask(&mut self, what: Several, ctx: &egui::Context) {
        self.problem = None;
        let picker = Arc::clone(&self.picker);
        match Task::spawn("file dialog", ctx, move |_| picker.pick_several(what)) {
            Ok(task) => self.asking = Some(task),
            Err(error) => self.problem = Some(format!("Could not open a file dialog: {error}")),
        }
    }

    fn answer(&mut self) -> Vec<PathBuf> {
        match take_finished(&mut self.asking) {
            Some(Poll::Done(PickedSeveral::Chosen(paths))) => return paths,
            Some(Poll::Done(PickedSeveral::Unavailable(reason))) => {
                self.problem = Some(format!("{reason} Type the path in the box instead."));
            }
            Some(Poll::Lost) => self.problem = Some("The file dialog stopped unexpectedly.".into()),
            _ => {}
        }
        Vec::new()
    }
}

/// "~/event" as the home folder's "event", as a shell would read it.
fn expand_home(typed: &str) -> PathBuf {
    match (typed.strip_prefix("~/"), std::env::var_os("HOME")) {
        (Some(rest), Some(home)) => PathBuf::from(home).join(rest),
        _ => PathBuf::from(typed),
    }
}
