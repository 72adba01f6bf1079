//! Choosing files: the system's dialog, waited on off the UI thread so the window never freezes
//! behind one, and Harvest's own chooser when the desktop has no dialog to show.

use super::app::HarvestApp;
use super::dialogs::Dialog;
use super::dialogs::export::ExportChoice;
use super::dialogs::file_chooser::FileChooser;
use super::recent::RecentList;
use super::task::{Poll, Task};
use crate::desktop::{FilePicker, FileRequest, Picked, SystemDialogs};
use crate::store::places::Places;
use std::path::PathBuf;
use std::sync::Arc;

/// What a file is being chosen for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FilePurpose {
    Open,
    SaveAs,
    Export(ExportChoice),
}

impl FilePurpose {
    /// The ending of the files it is about, without the dot.
    pub fn extension(self) -> &'static str {
        match self {
            FilePurpose::Export(choice) => choice.format.extension(),
            FilePurpose::Open | FilePurpose::SaveAs => "ron",
        }
    }

    /// The kind of file, as a dialog's filter names it.
    pub fn kind(self) -> &'static str {
        match self {
            FilePurpose::Export(choice) => choice.format.label(),
            FilePurpose::Open | FilePurpose::SaveAs => "Harvest session",
        }
    }

    /// Whether it writes a file rather than reading one.
    pub fn saves(self) -> bool {
        !matches!(self, FilePurpose::Open)
    }
}

/// Where the window's files come from and go: the file dialogs, Harvest's own folder, and the
/// recent sessions it offers.
pub struct Files {
    pub picker: Arc<dyn FilePicker>,
    pub places: Places,
    pub recent: RecentList,
    /// The system dialog that is open, and where its answer will arrive.
    pending: Option<(FilePurpose, Task<Picked>)>,
}

impl Default for Files {
    fn default() -> Self {
        Self {
            picker: Arc::new(SystemDialogs),
            places: Places::standard(),
            recent: RecentList::default(),
            pending: None,
        }
    }
}

impl HarvestApp {
    /// The app asking `picker` for files instead of the system (tests, with one that has no
    /// dialog).
    pub fn with_file_picker(mut self, picker: Arc<dyn FilePicker>) -> Self {
        self.files.picker = picker;
        self
    }

    /// The app keeping new sessions and the recent list in `places` (tests, in a temporary
    /// folder).
    pub fn with_places(mut self, places: Places) -> Self {
        self.files.places = places;
        self.files.recent = RecentList::default();
        self
    }

    /// What the file name box starts with: the session's title, as a file of that kind.
    fn suggested_name(&self, purpose: FilePurpose) -> String {
        let suffix = match purpose {
            FilePurpose::Export(choice) => choice.report.file_suffix(),
            _ => "",
        };
        format!(
            "{}{suffix}.{}",
            crate::store::places::file_stem_for(
                &self.session().details.title,
                self.session().details.date
            ),
            purpose.extension()
        )
    }

    /// Asks the system for a file on a helper thread; its answer arrives in
    /// [`HarvestApp::poll_file_dialog`].
    pub(super) fn open_file_dialog(&mut self, purpose: FilePurpose, ctx: &egui::Context) {
        if purpose == FilePurpose::SaveAs && self.workspace.unopened().is_some() {
            self.notice = Some(super::lifecycle::NOTHING_OPEN.to_owned());
            return;
        }
        if self.files.pending.is_some() {
            self.notice = Some("A file dialog is already open.".into());
            return;
        }
        let request = FileRequest {
            kind: purpose.kind().to_owned(),
            extension: purpose.extension().to_owned(),
            save_as: purpose.saves().then(|| self.suggested_name(purpose)),
        };
        let picker = Arc::clone(&self.files.picker);
        match Task::spawn("file dialog", ctx, move |_| picker.pick(&request)) {
            Ok(task) => self.files.pending = Some((purpose, task)),
            Err(error) => self.notice = Some(format!("Could not open a file dialog: {error}")),
        }
    }

    /// Takes the system dialog's answer: the file chosen, Cancel (nothing to do), or no
    /// dialog at all, which opens Harvest's own chooser with a word why.
    pub(super) fn poll_file_dialog(&mut self, ctx: &egui::Context) {
        let Some((purpose, task)) = &self.files.pending else {
            return;
        };
        let (purpose, answer) = match task.poll() {
            Poll::Pending => return,
            answer => (*purpose, answer),
        };
        self.files.pending = None;
        match answer {
            Poll::Done(Picked::Chosen(path)) => self.file_chosen(purpose, path, ctx),
            Poll::Done(Picked::Cancelled) | Poll::Pending => {}
            Poll::Done(Picked::Unavailable(reason)) => {
                if self.state.dialog.is_some() {
                    self.notice = Some(format!("{reason} Close the open dialog and try again."));
                    return;
                }
                self.notice = Some(format!("{reason} Harvest's own chooser is open instead."));
                let start = self.workspace.document().path.clone();
                let name = if purpose.saves() {
                    self.suggested_name(purpose)
                } else {
                    String::new()
                };
                let chooser = FileChooser::new(purpose, &start, name, ctx);
                self.state.dialog = Some(Dialog::FileChooser(Box::new(chooser)));
            }
            Poll::Lost => self.notice = Some("The file dialog stopped unexpectedly.".into()),
        }
    }

    /// Acts on a file chosen in either dialog, or from File → Open recent.
    pub(super) fn file_chosen(&mut self, purpose: FilePurpose, path: PathBuf, ctx: &egui::Context) {
        match purpose {
            FilePurpose::Open => self.open_file(path, ctx),
            FilePurpose::SaveAs => self.save_as(path, ctx),
            FilePurpose::Export(choice) => self.start_export(path, choice, ctx),
        }
    }

    /// Whether the session on screen is the first run's copy of the sample.
    pub(super) fn showing_sample(&self) -> bool {
        self.files
            .places
            .sample_path()
            .is_some_and(|sample| sample == self.workspace.document().path)
    }
}
