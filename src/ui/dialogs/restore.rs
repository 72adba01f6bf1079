//! "Restore a previous version…": the kept backups, newest first; restoring is one undoable
//! change, so a wrong choice is a Ctrl+Z away.

use crate::edit::Edit;
use crate::model::Session;
use crate::store::backups::{self, Backup};
use crate::ui::intents::Intents;
use crate::ui::task::{Poll, Task, take_finished};
use std::path::Path;

pub struct RestoreDialog {
    /// Backups arrive from a helper thread: listing reads every file.
    listing: Option<Task<Vec<Backup>>>,
    backups: Vec<Backup>,
    /// The backup chosen, being read.
    reading: Option<Task<Result<Session, String>>>,
    error: Option<String>,
}

impl RestoreDialog {
    pub fn open(session_path: &Path, ctx: &egui::Context) -> Self {
        let path = session_path.to_owned();
        let listing = Task::spawn("list backups", ctx, move |_| backups::list(&path));
        let error = listing
            .as_ref()
            .err()
            .map(|e| format!("Could not look for earlier versions: {e}"));
        Self {
            listing: listing.ok(),
            backups: Vec::new(),
            reading: None,
            error,
        }
    }

    /// Takes what the helper threads found; a backup read whole becomes the restoring edit.
    fn poll(&mut self, intents: &mut Intents) -> bool {
        if let Some(Poll::Done(list)) = take_finished(&mut self.listing) {
            self.backups = list;
        }
        match take_finished(&mut self.reading) {
            Some(Poll::Done(Ok(session))) => {
                intents.edit(Edit::ReplaceSession(Box::new(session)));
                return false;
            }
            Some(Poll::Done(Err(error))) => self.error = Some(error),
            Some(Poll::Lost) => {
                self.error = Some("Reading that version stopped unexpectedly.".into())
            }
            _ => {}
        }
        true
    }

    fn start_reading(&mut self, backup: &Backup, ctx: &egui::Context) {
        let backup = backup.clone();
        match Task::spawn("read backup", ctx, move |_| {
            backup.restore().map_err(|e| e.report())
        }) {
            Ok(task) => self.reading = Some(task),
            Err(error) => self.error = Some(format!("Could not read that version: {error}")),
        }
    }
}

/// Shows the dialog; returns false once it should close.
pub fn restore_ui(ctx: &egui::Context, dialog: &mut RestoreDialog, intents: &mut Intents) -> bool {
    if !dialog.poll(intents) {
        return false;
    }
    let mut open = true;
    let mut chosen = None;
    let modal = egui::Modal::new(egui::Id::unique("restore-dialog")).show(ctx, |ui| {
        ui.set_width(super::fitted_width(ctx, 520.0));
        super::heading_ui(ui, "Restore a previous version");
        ui.label("Harvest keeps earlier versions of this session. Restoring one replaces what is on screen; Undo brings it back.");
        ui.add_space(6.0);
        if let Some(error) = &dialog.error {
            ui.label(error);
        } else if dialog.listing.is_some() {
            ui.label("Looking for earlier versions…");
        } else if dialog.reading.is_some() {
            ui.label("Reading that version…");
        } else if dialog.backups.is_empty() {
            ui.label("No earlier versions yet: one is kept at most once a minute while you work.");
        }
        let height = super::scroll_height(ui, ui.spacing().interact_size.y + 24.0);
        egui::ScrollArea::vertical().max_height(height).show(ui, |ui| {
            for backup in &dialog.backups {
                ui.horizontal(|ui| {
                    let cards = backup.cards.map_or("unreadable".to_owned(), |n| crate::summary::words::plural(n, "card"));
                    ui.label(format!("{} — {cards}, {} KB", crate::store::local_moment(backup.saved), backup.size.div_ceil(1024)));
                    let readable = backup.cards.is_some() && dialog.reading.is_none();
                    if ui.add_enabled(readable, egui::Button::new("Restore")).clicked() {
                        chosen = Some(backup.clone());
                    }
                });
            }
        });
        ui.add_space(6.0);
        if ui.button("Close").clicked() {
            open = false;
        }
    });
    if let Some(backup) = chosen {
        dialog.start_reading(&backup, ctx);
    }
    open && !modal.should_close()
}
