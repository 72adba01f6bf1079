//! File → New table copy…: a file for one table's laptop, with this session's details,
//! groups and themes but none of its cards, opening on the table's group. What the table
//! captures there merges back by id. Written on a helper thread (a USB stick can be slow),
//! and never over a file that is already there.

use crate::document::Document;
use crate::merge::{Table, table_copy};
use crate::model::GroupId;
use crate::store::{self, places};
use crate::ui::palette;
use crate::ui::task::{Poll, Task, take_finished};
use std::path::PathBuf;

pub struct TableCopyDialog {
    /// The group chosen, or None for a new one named in `new_name`.
    group: Option<GroupId>,
    new_name: String,
    file: String,
    /// Whether the file box still holds the name made from the group (so choosing another
    /// group renames it) rather than one typed.
    file_suggested: bool,
    writing: Option<Task<Result<PathBuf, String>>>,
    problem: Option<String>,
    /// What to tell the user once written.
    pub done: Option<String>,
}

impl TableCopyDialog {
    /// Starts on the group after the one shown (the table that has no copy yet, usually).
    pub fn new(document: &Document, current: GroupId) -> Self {
        let mut dialog = Self {
            group: Some(current).filter(|g| document.session().group(*g).is_some()),
            new_name: String::new(),
            file: String::new(),
            file_suggested: true,
            writing: None,
            problem: None,
            done: None,
        };
        dialog.suggest_file(document);
        dialog
    }

    fn table_name(&self, document: &Document) -> String {
        match self.group.and_then(|g| document.session().group(g)) {
            Some(group) => group.name.clone(),
            None => self.new_name.trim().to_owned(),
        }
    }

    fn suggest_file(&mut self, document: &Document) {
        if self.file_suggested {
            let path = places::table_copy_path(&document.path, &self.table_name(document));
            self.file = path.display().to_string();
        }
    }

    /// What to write, or why it cannot be written yet.
    fn checked(&self) -> Result<(Table, PathBuf), &'static str> {
        let table = match self.group {
            Some(group) => Table::Group(group),
            None if self.new_name.trim().is_empty() => {
                return Err("Name the new group, or choose one.");
            }
            None => Table::New(self.new_name.trim().to_owned()),
        };
        let file = self.file.trim();
        if file.is_empty() {
            return Err("Say where to write the copy.");
        }
        Ok((table, PathBuf::from(file)))
    }

    fn start_writing(&mut self, document: &Document, ctx: &egui::Context) {
        let Ok((table, path)) = self.checked() else {
            return;
        };
        let copy = table_copy(document.session(), &table, document.history().replica());
        self.problem = None;
        let task = Task::spawn("write table copy", ctx, move |_| {
            let text = store::format::to_text(&copy).map_err(|e| e.to_string())?;
            store::write_new(&path, text.as_bytes()).map_err(|e| {
                if e.kind() == std::io::ErrorKind::AlreadyExists {
                    format!(
                        "{} is already there, and Harvest never writes over a file: choose another name.",
                        path.display()
                    )
                } else {
                    format!("Could not write the copy: {}: {}", store::io_message(&e), path.display())
                }
            })?;
            Ok(path)
        });
        match task {
            Ok(task) => self.writing = Some(task),
            Err(error) => self.problem = Some(format!("Could not write the copy: {error}")),
        }
    }
}

/// Shows the dialog; false once closed.
pub fn table_copy_ui(
    ctx: &egui::Context,
    dialog: &mut TableCopyDialog,
    document: &Document,
) -> bool {
    match take_finished(&mut dialog.writing) {
        Some(Poll::Done(Ok(path))) => {
            dialog.done = Some(format!(
                "Wrote the copy for {}: open it on that table's laptop. {}",
                dialog.table_name(document),
                path.display()
            ));
            return false;
        }
        Some(Poll::Done(Err(problem))) => dialog.problem = Some(problem),
        Some(Poll::Lost) => dialog.problem = Some("Writing the copy stopped unexpectedly.".into()),
        _ => {}
    }
    let mut open = true;
    let width = super::fitted_width(ctx, 560.0);
    let modal = egui::Modal::new(egui::Id::unique("table-copy-dialog")).show(ctx, |ui| {
        ui.set_width(width);
        super::heading_ui(ui, "New table copy");
        ui.label(
            "A file for one table's laptop: this session's details, groups and themes, without \
             its cards. What the table captures merges back with File > Merge in….",
        );
        ui.add_space(6.0);
        let before = (dialog.group, dialog.new_name.clone());
        let label = ui.strong("For the table");
        let height = super::scroll_height(ui, 170.0).min(220.0);
        egui::ScrollArea::vertical()
            .max_height(height)
            .show(ui, |ui| {
                for group in &document.session().groups {
                    ui.radio_value(&mut dialog.group, Some(group.id), group.name.as_str());
                }
                ui.horizontal(|ui| {
                    ui.radio_value(&mut dialog.group, None, "A new group");
                    let name = ui
                        .add(
                            egui::TextEdit::singleline(&mut dialog.new_name)
                                .hint_text("Table 9")
                                .desired_width(240.0),
                        )
                        .labelled_by(label.id);
                    if name.gained_focus() {
                        dialog.group = None;
                    }
                });
            });
        if (dialog.group, dialog.new_name.clone()) != before {
            dialog.suggest_file(document);
        }
        ui.add_space(6.0);
        let label = ui.label("Write it to");
        let file = ui
            .add(egui::TextEdit::singleline(&mut dialog.file).desired_width(width))
            .labelled_by(label.id);
        if file.changed() {
            dialog.file_suggested = false;
        }
        let checked = dialog.checked();
        let warning = palette::warning(ui.visuals().dark_mode);
        if let Err(problem) = checked {
            ui.colored_label(warning, problem);
        }
        if let Some(problem) = &dialog.problem {
            ui.colored_label(warning, problem);
        }
        ui.add_space(8.0);
        let entered = file.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
        ui.horizontal(|ui| {
            let ready = checked.is_ok() && dialog.writing.is_none();
            let write = ui.add_enabled(ready, egui::Button::new("Write copy"));
            if (write.clicked() || entered) && ready {
                dialog.start_writing(document, ctx);
            }
            if ui.button("Cancel").clicked() {
                open = false;
            }
            if dialog.writing.is_some() {
                ui.label("Writing…");
            }
        });
    });
    if modal.should_close() && dialog.writing.is_none() {
        open = false;
    }
    open
}
