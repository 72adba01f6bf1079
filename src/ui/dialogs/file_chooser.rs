//! Harvest's own file chooser, for a desktop with no file dialog: a folder box, the folder's
//! subfolders and files of the kind wanted, and a file name box. Keyboard first: type a name
//! and press Enter, or Tab to a file or folder and press Enter.

use super::new_session::focus_all_selected;
use crate::store::folder::{self, Listing};
use crate::ui::files::FilePurpose;
use crate::ui::intents::Intents;
use crate::ui::palette;
use crate::ui::task::{Poll, Task, take_finished};
use std::path::{Path, PathBuf};

/// The chooser and what has been typed and found so far.
pub struct FileChooser {
    purpose: FilePurpose,
    /// The folder listed.
    folder: PathBuf,
    /// The folder box, which may hold a folder not gone to yet.
    folder_text: String,
    name: String,
    /// The folder's contents arrive from a helper thread: a network share can be slow.
    reading: Option<Task<Result<Listing, String>>>,
    listing: Result<Listing, String>,
    /// What stopped the last choice, to show under the boxes.
    problem: Option<String>,
    /// A file to export over, once the user has been told it is there.
    replacing: Option<PathBuf>,
    focus_name: bool,
}

impl FileChooser {
    /// Starts in the folder of `near` (the open session), with `name` in the file name box.
    pub fn new(purpose: FilePurpose, near: &Path, name: String, ctx: &egui::Context) -> Self {
        let mut chooser = Self {
            purpose,
            folder: PathBuf::new(),
            folder_text: String::new(),
            name,
            reading: None,
            listing: Ok(Listing::default()),
            problem: None,
            replacing: None,
            focus_name: true,
        };
        chooser.go_to(folder::starting_folder(near), ctx);
        chooser
    }

    fn go_to(&mut self, dir: PathBuf, ctx: &egui::Context) {
        self.folder_text = dir.display().to_string();
        self.folder = dir.clone();
        self.problem = None;
        self.replacing = None;
        let extension = self.purpose.extension();
        match Task::spawn("list folder", ctx, move |_| folder::list(&dir, extension)) {
            Ok(task) => self.reading = Some(task),
            Err(error) => self.listing = Err(format!("Could not look in the folder: {error}")),
        }
    }

    fn heading(&self) -> String {
        match self.purpose {
            FilePurpose::Open => "Open a session".to_owned(),
            FilePurpose::SaveAs => "Save the session as".to_owned(),
            FilePurpose::Export(choice) => format!("Export {} to", choice.report.name()),
        }
    }

    fn action(&self) -> &'static str {
        match self.purpose {
            FilePurpose::Open => "Open",
            FilePurpose::SaveAs => "Save",
            FilePurpose::Export(_) => "Export",
        }
    }

    /// The file the name box points at, or why it cannot be chosen.
    fn choice(&mut self) -> Result<PathBuf, String> {
        let typed = self.name.trim();
        if typed.is_empty() {
            return Err("Type a file name, or pick a file above.".into());
        }
        let extension = self.purpose.extension();
        let mut name = typed.to_owned();
        let ends_right = Path::new(typed)
            .extension()
            .is_some_and(|e| e.eq_ignore_ascii_case(extension));
        if self.purpose.saves() && !ends_right {
            name = format!("{name}.{extension}");
        }
        // A path typed whole goes where it says; a bare name goes into the folder listed.
        let path = self.folder.join(&name);
        let here = path.parent() == Some(self.folder.as_path());
        let listed = self.listing.as_ref().is_ok_and(|l| l.files.contains(&name));
        match self.purpose {
            FilePurpose::Open if here && !listed && self.reading.is_none() => {
                Err(format!("There is no {name} in this folder."))
            }
            FilePurpose::SaveAs if here && listed => Err(format!(
                "A session called {name} is already here; choose another name."
            )),
            FilePurpose::Export(_) if here && listed && self.replacing.as_ref() != Some(&path) => {
                self.replacing = Some(path);
                Err(format!(
                    "{name} is already here. Press {} again to replace it.",
                    self.action()
                ))
            }
            _ => Ok(path),
        }
    }
}

/// Shows the chooser; false once a file is chosen or it is cancelled.
pub fn file_chooser_ui(
    ctx: &egui::Context,
    chooser: &mut FileChooser,
    intents: &mut Intents,
) -> bool {
    match take_finished(&mut chooser.reading) {
        Some(Poll::Done(listing)) => chooser.listing = listing,
        Some(Poll::Lost) => chooser.listing = Err("Looking in the folder stopped.".into()),
        _ => {}
    }
    let mut go_to = None;
    // A file picked in the list, then the file chosen.
    let mut picked = None;
    let mut chosen = None;
    let mut cancelled = false;
    let modal = egui::Modal::new(egui::Id::unique("file-chooser")).show(ctx, |ui| {
        ui.set_width(560.0);
        super::heading_ui(ui, chooser.heading());
        ui.horizontal(|ui| {
            let label = ui.label("Folder");
            let folder = ui
                .add(egui::TextEdit::singleline(&mut chooser.folder_text).desired_width(360.0))
                .labelled_by(label.id);
            if folder.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter)) {
                go_to = Some(PathBuf::from(chooser.folder_text.trim()));
            }
            let parent = chooser.folder.parent().map(Path::to_owned);
            if ui
                .add_enabled(parent.is_some(), egui::Button::new("Parent folder"))
                .clicked()
            {
                go_to = parent;
            }
        });
        ui.add_space(4.0);
        // As tall as a small window allows when zoomed, with room left for the boxes.
        let list_height = (ui.ctx().content_rect().height() - 260.0).clamp(100.0, 260.0);
        egui::ScrollArea::vertical()
            .max_height(list_height)
            .min_scrolled_height(list_height)
            .auto_shrink([false, false])
            .show(ui, |ui| match &chooser.listing {
                _ if chooser.reading.is_some() => {
                    ui.label("Looking in the folder…");
                }
                Err(problem) => {
                    ui.colored_label(palette::warning(ui.visuals().dark_mode), problem);
                }
                Ok(listing) => {
                    for name in &listing.folders {
                        let entry = ui.selectable_label(false, format!("{name}/"));
                        if entry.on_hover_text("Open this folder").clicked() {
                            go_to = Some(chooser.folder.join(name));
                        }
                    }
                    for name in &listing.files {
                        if ui.selectable_label(false, name).clicked() {
                            picked = Some(name.clone());
                        }
                    }
                    if listing.folders.is_empty() && listing.files.is_empty() {
                        ui.weak(format!(
                            "No folders or .{} files here.",
                            chooser.purpose.extension()
                        ));
                    }
                }
            });
        ui.add_space(4.0);
        let mut accept = false;
        ui.horizontal(|ui| {
            let label = ui.label("File name");
            let name = ui
                .add(egui::TextEdit::singleline(&mut chooser.name).desired_width(360.0))
                .labelled_by(label.id);
            if std::mem::take(&mut chooser.focus_name) {
                focus_all_selected(ui, &name, &chooser.name);
            }
            accept = name.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
        });
        if let Some(problem) = &chooser.problem {
            ui.colored_label(palette::warning(ui.visuals().dark_mode), problem);
        }
        ui.add_space(8.0);
        ui.horizontal(|ui| {
            accept |= ui.button(chooser.action()).clicked();
            cancelled |= ui.button("Cancel").clicked();
        });
        if let Some(name) = picked {
            // Picking a file to open opens it; picking one to write over fills the name in,
            // so replacing it is a second, deliberate step.
            accept = !chooser.purpose.saves() || chooser.name == name;
            chooser.name = name;
        }
        if accept {
            match chooser.choice() {
                Ok(path) => chosen = Some(path),
                Err(problem) => {
                    chooser.problem = Some(problem);
                    chooser.focus_name = true;
                }
            }
        }
    });
    if let Some(dir) = go_to {
        chooser.go_to(dir, ctx);
        chooser.focus_name = true;
    }
    if let Some(path) = chosen {
        intents.chosen_file = Some((chooser.purpose, path));
        return false;
    }
    !(cancelled || modal.should_close())
}
