//! Where the session lives and how it gets there: background saving, Save now, Save as…,
//! opening and starting sessions, and saving everything before the window closes.

use super::app::HarvestApp;
use super::find::Find;
use super::state::UiState;
use crate::document::Document;
use crate::model::Session;
use crate::store::{self, Autosaver, SessionLock};
use std::path::PathBuf;
use std::time::Duration;

/// How long closing waits for the last save before saying it could not save.
const FLUSH_LIMIT: Duration = Duration::from_secs(5);

impl HarvestApp {
    /// Starts saving in the background to the document's file; read-only documents get none.
    pub fn start_saver(&mut self, ctx: &egui::Context) {
        self.saver = None;
        self.submitted = self.document.revision();
        if self.document.read_only.is_some() {
            return;
        }
        match Autosaver::spawn(&self.document.path, self.document.revision()) {
            Ok(saver) => {
                let ctx = ctx.clone();
                saver.set_waker(move || ctx.request_repaint());
                if let Some(signals) = &self.signals {
                    signals.set_autosave(saver.handle());
                }
                self.saver = Some(saver);
            }
            Err(error) => {
                self.notice = Some(format!("Could not start saving in the background: {error}"))
            }
        }
    }

    /// Hands every change to the saver as soon as it happens; the saver writes the newest.
    pub(super) fn autosave(&mut self) {
        if self.document.revision() == self.submitted {
            return;
        }
        if let Some(saver) = &self.saver {
            saver.submit(self.document.revision(), self.document.snapshot());
            self.submitted = self.document.revision();
        }
    }

    /// Ctrl+S: write now, even if nothing changed, so the status shows a fresh time.
    pub(super) fn save_now(&mut self) {
        if let Some(saver) = &self.saver {
            saver.submit(self.document.revision(), self.document.snapshot());
            self.submitted = self.document.revision();
        } else if let Some(reason) = &self.document.read_only {
            self.notice = Some(format!(
                "{reason}. Use File > Save as… to keep an editable copy."
            ));
        }
    }

    /// Waits until every change is on disk; the error says what is not saved and why.
    pub(super) fn flush(&mut self) -> Result<(), String> {
        self.autosave();
        match &self.saver {
            Some(saver) => saver
                .flush(FLUSH_LIMIT)
                .map(|_| ())
                .map_err(|e| e.to_string()),
            None => Ok(()),
        }
    }

    /// The window is about to close: save everything first, or say why not and stay open once.
    pub(super) fn before_close(&mut self, ctx: &egui::Context) {
        match self.flush() {
            Ok(()) => {}
            Err(_) if self.close_despite_failure => {}
            Err(error) => {
                ctx.send_viewport_cmd(egui::ViewportCommand::CancelClose);
                self.close_despite_failure = true;
                self.notice = Some(format!(
                    "Your latest changes could not be saved ({error}). They are still here: use \
                     File > Save as… to keep them somewhere else. Closing again closes without them."
                ));
            }
        }
    }

    /// Replaces the open session with another, after saving the current one.
    fn switch_to(&mut self, document: Document, notice: Option<String>, ctx: &egui::Context) {
        if let Err(error) = self.flush() {
            self.notice = Some(format!(
                "Stayed on this session: its latest changes could not be saved ({error}). Use File > Save as…"
            ));
            return;
        }
        crate::launch::remember_recent(&document.path);
        self.state = UiState::new(document.session());
        self.document = document;
        self.find = Find::default();
        self.details = None;
        self.notice = notice.or_else(|| self.document.read_only.clone());
        self.close_despite_failure = false;
        self.start_saver(ctx);
        ctx.send_viewport_cmd(egui::ViewportCommand::Title(super::app::window_title(
            &self.document,
        )));
    }

    /// Opens the session at `path`, read-only if another Harvest has it. A file that cannot be
    /// opened is left untouched and the reason shown.
    pub(super) fn open_file(&mut self, path: PathBuf, ctx: &egui::Context) {
        match store::open(&path) {
            Ok(opened) => {
                let (document, recovery) = Document::opened(opened, path);
                self.switch_to(document, recovery, ctx);
            }
            Err(error) => {
                self.notice = Some(format!(
                    "Could not open that session; the file was not changed.\n{}",
                    error.report()
                ))
            }
        }
    }

    /// A new session in Harvest's own folder, named after its title and date.
    pub(super) fn new_session(&mut self, ctx: &egui::Context) {
        let session = Session::new("New workshop");
        let Some(dir) = crate::launch::data_dir() else {
            self.notice = Some("Could not find a folder for new sessions.".into());
            return;
        };
        let path = crate::launch::unused_path(
            &dir,
            &format!("{} {}", session.details.title, session.details.date),
        );
        let created = std::fs::create_dir_all(&dir)
            .map_err(store::SaveError::from)
            .and_then(|()| store::save(&session, &path));
        match created {
            Ok(()) => self.open_file(path, ctx),
            Err(error) => {
                self.notice = Some(format!(
                    "Could not create a new session in {}: {error}",
                    dir.display()
                ))
            }
        }
    }

    /// Saves the session under a new name and carries on there, editable.
    pub(super) fn save_as(&mut self, path: PathBuf, ctx: &egui::Context) {
        let lock = match SessionLock::acquire(&path) {
            Ok(lock) => lock,
            Err(error) => {
                self.notice = Some(format!("Could not save there: {error}"));
                return;
            }
        };
        if let Err(error) = store::save(self.document.session(), &path) {
            self.notice = Some(format!("{}: could not save: {error}", path.display()));
            return;
        }
        // The old file keeps what it had: let its saver finish, then let go of it.
        if let Some(saver) = self.saver.take()
            && let Err(error) = saver.flush(FLUSH_LIMIT)
        {
            log::warn!("{error}");
        }
        crate::launch::remember_recent(&path);
        self.document.path = path;
        self.document.lock = Some(lock);
        self.document.read_only = None;
        self.notice = Some(format!("Saved as {}", self.document.path.display()));
        self.start_saver(ctx);
    }
}
