//! "Restore a previous version…": the kept backups, newest first; restoring is one undoable
//! change, so a wrong choice is a Ctrl+Z away.

use super::intents::Intents;
use crate::edit::Edit;
use crate::store::backups::{self, Backup};
use std::path::Path;
use std::sync::mpsc::{Receiver, channel};

pub struct RestoreDialog {
    /// Backups arrive from a helper thread: listing reads every file.
    incoming: Option<Receiver<Vec<Backup>>>,
    backups: Vec<Backup>,
    error: Option<String>,
}

impl RestoreDialog {
    pub fn open(session_path: &Path, ctx: &egui::Context) -> Self {
        let (send, incoming) = channel();
        let path = session_path.to_owned();
        let ctx = ctx.clone();
        let spawned = std::thread::Builder::new()
            .name("list backups".into())
            .spawn(move || {
                let _ = send.send(backups::list(&path));
                ctx.request_repaint();
            });
        let error = spawned
            .err()
            .map(|e| format!("Could not look for earlier versions: {e}"));
        Self {
            incoming: Some(incoming),
            backups: Vec::new(),
            error,
        }
    }
}

/// Shows the dialog; returns false once it should close.
pub fn restore_ui(ctx: &egui::Context, dialog: &mut RestoreDialog, intents: &mut Intents) -> bool {
    if let Some(list) = dialog.incoming.as_ref().and_then(|r| r.try_recv().ok()) {
        dialog.backups = list;
        dialog.incoming = None;
    }
    let mut open = true;
    let modal = egui::Modal::new(egui::Id::unique("restore-dialog")).show(ctx, |ui| {
        ui.set_width(520.0);
        ui.heading("Restore a previous version");
        ui.label("Harvest keeps earlier versions of this session. Restoring one replaces what is on screen; Undo brings it back.");
        ui.add_space(6.0);
        if let Some(error) = &dialog.error {
            ui.label(error);
        } else if dialog.incoming.is_some() {
            ui.label("Looking for earlier versions…");
        } else if dialog.backups.is_empty() {
            ui.label("No earlier versions yet: one is kept at most once a minute while you work.");
        }
        egui::ScrollArea::vertical().max_height(360.0).show(ui, |ui| {
            for backup in &dialog.backups {
                ui.horizontal(|ui| {
                    let cards = backup.cards.map_or("unreadable".to_owned(), |n| crate::summary::words::plural(n, "card"));
                    ui.label(format!("{} — {cards}, {} KB", crate::store::local_moment(backup.saved), backup.size.div_ceil(1024)));
                    let readable = backup.cards.is_some();
                    if ui.add_enabled(readable, egui::Button::new("Restore")).clicked() {
                        match backup.restore() {
                            Ok(session) => {
                                intents.edit(Edit::ReplaceSession(Box::new(session)));
                                open = false;
                            }
                            Err(error) => dialog.error = Some(error.report()),
                        }
                    }
                });
            }
        });
        ui.add_space(6.0);
        if ui.button("Close").clicked() {
            open = false;
        }
    });
    open && !modal.should_close()
}
