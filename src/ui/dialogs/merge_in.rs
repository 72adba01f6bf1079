//! File → Merge in…: table laptops' files (or a folder of them) merged into the session open
//! here. Each file is read, and the merge worked out, on a helper thread; the dialog shows
//! what each file adds before anything changes, and merging in is one undoable step.

use super::path_box::PathBox;
use crate::desktop::{FilePicker, Several};
use crate::document::Document;
use crate::edit::Edit;
use crate::merge::{self, Report, Side, inputs};
use crate::model::Session;
use crate::summary::words::plural;
use crate::ui::intents::Intents;
use crate::ui::palette;
use crate::ui::task::{Poll, Task, take_finished};
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// A file to merge in, and what reading it gave.
struct Input {
    path: PathBuf,
    read: Result<Arc<Session>, String>,
}

/// The merge worked out against one revision of the session.
struct Preview {
    revision: u64,
    merged: Session,
    /// One per readable input, in order.
    reports: Vec<Report>,
}

pub struct MergeInDialog {
    path_box: PathBox,
    inputs: Vec<Input>,
    /// Files being read, one task per add.
    reading: Vec<Task<Vec<Input>>>,
    preview: Option<Preview>,
    previewing: Option<Task<Preview>>,
    /// Why the last paths added could not be used.
    problem: Option<String>,
    /// What to tell the user once merged.
    pub done: Option<String>,
}

impl MergeInDialog {
    pub fn new(picker: Arc<dyn FilePicker>) -> Self {
        Self {
            path_box: PathBox::new(
                "Table file or folder",
                &[Several::Files, Several::Folder],
                picker,
            ),
            inputs: Vec::new(),
            reading: Vec::new(),
            preview: None,
            previewing: None,
            problem: None,
            done: None,
        }
    }

    /// Reads the files named (folders as the session files inside) on a helper thread.
    fn add(&mut self, paths: Vec<PathBuf>, own: &Path, ctx: &egui::Context) {
        let files = match inputs::files_in(&paths, own) {
            Ok(files) => files,
            Err(problem) => {
                self.problem = Some(problem);
                return;
            }
        };
        let same = |a: &Path, b: &Path| a.canonicalize().ok() == b.canonicalize().ok();
        let new: Vec<PathBuf> = (files.into_iter())
            .filter(|f| !same(f, own) && !self.inputs.iter().any(|i| same(&i.path, f)))
            .collect();
        self.problem = new
            .is_empty()
            .then(|| "Those files are already in the list, or are the session open here.".into());
        if new.is_empty() {
            return;
        }
        let task = Task::spawn("read table files", ctx, move |_| {
            (new.into_iter())
                .map(|path| Input {
                    read: (crate::store::load(&path).map(Arc::new)).map_err(|e| e.report()),
                    path,
                })
                .collect()
        });
        match task {
            Ok(task) => self.reading.push(task),
            Err(error) => self.problem = Some(format!("Could not read the files: {error}")),
        }
    }

    /// Takes what the helper threads finished, and starts working out the merge again when
    /// the files or the session changed.
    fn poll(&mut self, document: &Document, ctx: &egui::Context) {
        // In the order they were added, so the list does not jump about.
        while let Some(first) = self.reading.first() {
            match first.poll() {
                Poll::Pending => break,
                Poll::Done(read) => self.inputs.extend(read),
                Poll::Lost => self.problem = Some("Reading the files stopped unexpectedly.".into()),
            }
            self.reading.remove(0);
            self.preview = None;
            self.previewing = None;
        }
        if let Some(Poll::Done(preview)) = take_finished(&mut self.previewing) {
            self.preview = Some(preview);
        }
        let stale = self
            .preview
            .as_ref()
            .is_none_or(|p| p.revision != document.revision());
        if stale && self.previewing.is_none() && self.readable().next().is_some() {
            self.start_preview(document, ctx);
        }
    }

    fn readable(&self) -> impl Iterator<Item = (&Path, &Arc<Session>)> {
        (self.inputs.iter()).filter_map(|i| Some((i.path.as_path(), i.read.as_ref().ok()?)))
    }

    fn start_preview(&mut self, document: &Document, ctx: &egui::Context) {
        let revision = document.revision();
        let ours = document.snapshot();
        let our_name = inputs::name_of(&document.path);
        let theirs: Vec<(String, Arc<Session>)> = self
            .readable()
            .map(|(path, session)| (inputs::name_of(path), Arc::clone(session)))
            .collect();
        let task = Task::spawn("merge preview", ctx, move |_| {
            let sides: Vec<Side<'_>> = (theirs.iter())
                .map(|(name, session)| Side { name, session })
                .collect();
            let ours = Side {
                name: &our_name,
                session: &ours,
            };
            let (merged, reports) = merge::merge_in(ours, &sides);
            Preview {
                revision,
                merged,
                reports,
            }
        });
        if let Ok(task) = task {
            self.previewing = Some(task);
        }
    }

    /// The preview, when it is of the session as it is now.
    fn current(&self, document: &Document) -> Option<&Preview> {
        (self.preview.as_ref()).filter(|p| p.revision == document.revision())
    }
}

/// Shows the dialog; false once closed.
pub fn merge_in_ui(
    ctx: &egui::Context,
    dialog: &mut MergeInDialog,
    document: &Document,
    intents: &mut Intents,
) -> bool {
    dialog.poll(document, ctx);
    let mut open = true;
    let width = super::fitted_width(ctx, 640.0);
    let modal = egui::Modal::new(egui::Id::unique("merge-in-dialog")).show(ctx, |ui| {
        ui.set_width(width);
        super::heading_ui(ui, "Merge in table files");
        ui.label(
            "Cards from other laptops' files join this session: each card once, deletions \
             kept, and a card changed on two laptops kept as a conflict to resolve.",
        );
        ui.add_space(6.0);
        let chosen = dialog.path_box.ui(ui, "Add");
        if !chosen.is_empty() {
            dialog.add(chosen, &document.path, ctx);
        }
        let warning = palette::warning(ui.visuals().dark_mode);
        if let Some(problem) = &dialog.problem {
            ui.colored_label(warning, problem);
        }
        ui.add_space(6.0);
        files_ui(ui, dialog, document, width);
        ui.add_space(8.0);
        let ready = dialog
            .current(document)
            .is_some_and(|p| !p.reports.is_empty());
        ui.horizontal(|ui| {
            let merge = ui.add_enabled(ready, egui::Button::new("Merge in"));
            if merge.clicked()
                && let Some(preview) = dialog.preview.take()
            {
                let total = Report::total(&preview.reports);
                let files = plural(preview.reports.len(), "file");
                dialog.done = Some(format!("Merged {files}: {}.", total.changes()));
                intents.edit(Edit::TakeMerged(Box::new(preview.merged)));
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

/// One line per file: what it adds, or why it cannot be read (it is left out).
fn files_ui(ui: &mut egui::Ui, dialog: &mut MergeInDialog, document: &Document, width: f32) {
    if dialog.inputs.is_empty() && dialog.reading.is_empty() {
        ui.weak("No files yet: add a table laptop's file, or the folder they save into.");
        return;
    }
    let preview = dialog.current(document);
    let mut reports = preview.map(|p| p.reports.iter());
    let mut remove = None;
    let height = super::scroll_height(ui, 90.0).min(320.0);
    egui::ScrollArea::vertical()
        .max_height(height)
        .show(ui, |ui| {
            ui.set_width(width);
            for (at, input) in dialog.inputs.iter().enumerate() {
                ui.horizontal(|ui| {
                    if ui.small_button("Remove").clicked() {
                        remove = Some(at);
                    }
                    let name = inputs::name_of(&input.path);
                    match &input.read {
                        Err(problem) => {
                            let warning = palette::warning(ui.visuals().dark_mode);
                            ui.colored_label(warning, format!("{name}: left out: {problem}"))
                        }
                        Ok(_) => match reports.as_mut().and_then(|r| r.next()) {
                            Some(report) => ui.label(report.describe()),
                            None => ui.label(format!("{name}: working out what it adds…")),
                        },
                    };
                });
            }
            if !dialog.reading.is_empty() {
                // Words, not a spinner: the window repaints when the reading ends.
                ui.label("Reading…");
            }
        });
    if let Some(preview) = preview.filter(|p| p.reports.len() > 1) {
        ui.strong(format!(
            "Altogether: {}",
            Report::total(&preview.reports).changes()
        ));
    }
    if let Some(at) = remove {
        dialog.inputs.remove(at);
        dialog.preview = None;
        dialog.previewing = None;
    }
}
