//! File dialogs, waited on off the UI thread so the window never freezes behind one.

use super::task::Task;
use std::path::PathBuf;

/// What a file dialog was opened for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FilePurpose {
    Open,
    SaveAs,
    Export(super::dialogs::export::ExportChoice),
}

/// A dialog that is open, and where its answer will arrive: the path chosen, or None when
/// the user cancelled.
pub struct PendingDialog {
    pub purpose: FilePurpose,
    pub answer: Task<Option<PathBuf>>,
}

impl PendingDialog {
    /// Opens the system dialog for `purpose` on a helper thread.
    pub fn open(
        purpose: FilePurpose,
        suggested_name: String,
        ctx: &egui::Context,
    ) -> std::io::Result<Self> {
        let answer = Task::spawn("file dialog", ctx, move |_| {
            let dialog = rfd::AsyncFileDialog::new();
            let picked = match purpose {
                FilePurpose::Open => {
                    pollster::block_on(dialog.add_filter("Harvest session", &["ron"]).pick_file())
                }
                FilePurpose::SaveAs => pollster::block_on(
                    dialog
                        .add_filter("Harvest session", &["ron"])
                        .set_file_name(suggested_name)
                        .save_file(),
                ),
                FilePurpose::Export(choice) => {
                    let format = choice.format;
                    pollster::block_on(
                        dialog
                            .add_filter(format.label(), &[format.extension()])
                            .set_file_name(suggested_name)
                            .save_file(),
                    )
                }
            };
            picked.map(|file| file.path().to_owned())
        })?;
        Ok(Self { purpose, answer })
    }
}
