//! File → Follow a shared folder…: which folder the table laptops save into. Harvest reads
//! what arrives there and merges it in; it never writes into the folder's files.

use super::path_box::PathBox;
use crate::desktop::{FilePicker, Several};
use crate::ui::intents::Intents;
use std::path::PathBuf;
use std::sync::Arc;

pub struct FollowDialog {
    path_box: PathBox,
    /// The folder followed now, if any: choosing another stops following it.
    following: Option<PathBuf>,
}

impl FollowDialog {
    pub fn new(picker: Arc<dyn FilePicker>, following: Option<PathBuf>) -> Self {
        Self {
            path_box: PathBox::new("Shared folder", &[Several::Folder], picker),
            following,
        }
    }
}

/// Shows the dialog; false once closed.
pub fn follow_ui(ctx: &egui::Context, dialog: &mut FollowDialog, intents: &mut Intents) -> bool {
    let mut open = true;
    let width = super::fitted_width(ctx, 600.0);
    let modal = egui::Modal::new(egui::Id::unique("follow-dialog")).show(ctx, |ui| {
        ui.set_width(width);
        super::heading_ui(ui, "Follow a shared folder");
        ui.label(
            "The folder the table laptops save into: a USB stick, a network share, or a folder \
             that Syncthing, OneDrive or Dropbox keeps in step. Each table file is merged in \
             here within seconds of arriving; Harvest never writes into those files.",
        );
        if let Some(folder) = &dialog.following {
            ui.label(format!(
                "Following {} now; another folder takes its place.",
                folder.display()
            ));
        }
        ui.add_space(6.0);
        let chosen = dialog.path_box.ui(ui, "Follow");
        if let Some(folder) = chosen.into_iter().next() {
            intents.follow_folder = Some(folder);
            open = false;
        }
        ui.add_space(8.0);
        if ui.button("Cancel").clicked() {
            open = false;
        }
    });
    if modal.should_close() {
        open = false;
    }
    open
}
