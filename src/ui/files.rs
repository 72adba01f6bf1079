//! File dialogs, waited on off the UI thread so the window never freezes behind one.

use std::path::PathBuf;
use std::sync::mpsc::{Receiver, channel};

/// What a file dialog was opened for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FilePurpose {
    Open,
    SaveAs,
    Export(super::export::ExportChoice),
}

/// A dialog that is open, and where its answer will arrive.
pub struct PendingDialog {
    pub purpose: FilePurpose,
    answer: Receiver<Option<PathBuf>>,
}

impl PendingDialog {
    /// Opens the system dialog for `purpose` on a helper thread.
    pub fn open(
        purpose: FilePurpose,
        suggested_name: String,
        ctx: &egui::Context,
    ) -> std::io::Result<Self> {
        let (send, answer) = channel();
        let ctx = ctx.clone();
        std::thread::Builder::new()
            .name("file dialog".into())
            .spawn(move || {
                let dialog = rfd::AsyncFileDialog::new();
                let picked = match purpose {
                    FilePurpose::Open => pollster::block_on(
                        dialog.add_filter("Harvest session", &["ron"]).pick_file(),
                    ),
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
                let _ = send.send(picked.map(|file| file.path().to_owned()));
                ctx.request_repaint();
            })?;
        Ok(Self { purpose, answer })
    }

    /// The answer, once the user has given it: Some(None) means cancelled.
    pub fn poll(&self) -> Option<Option<PathBuf>> {
        match self.answer.try_recv() {
            Ok(answer) => Some(answer),
            Err(std::sync::mpsc::TryRecvError::Empty) => None,
            Err(std::sync::mpsc::TryRecvError::Disconnected) => Some(None),
        }
    }
}
