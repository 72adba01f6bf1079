//! An open session with everything that keeps it safe: the document, its autosaver, the lock,
//! the card boxes' words, and the policy for saving before it is closed or replaced. Nothing
//! here knows about the window; the slow parts (`open`, `create_new`, [`SaveAs::run`],
//! [`Flusher::flush`]) are made to run on a helper thread, so a slow USB stick or network share
//! never freezes the screen.

use crate::document::Document;
use crate::model::Session;
use crate::store::drafts::{DraftStore, KeeperHandle};
use crate::store::places::{self, Places};
use crate::store::{
    self, AutosaveHandle, Autosaver, Disk, FlushError, RealDisk, SaveStatus, SessionLock,
};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Duration;

/// How long saving before a close or a switch waits for the last write.
pub const FLUSH_LIMIT: Duration = Duration::from_secs(5);

/// Why a session could not be opened, made, or saved somewhere else. Each says what was kept.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum WorkspaceError {
    #[error("Could not open that session; the file was not changed.\n{0}")]
    Open(String),
    #[error("Could not create a new session: {0}")]
    Create(String),
    #[error("Could not save there: {0}")]
    SaveAs(String),
    /// The session being left could not be saved, so it stays open.
    #[error(
        "Stayed on this session: its latest changes could not be saved ({0}). Use File > Save as…"
    )]
    NotLeft(FlushError),
}

/// A session just opened, and what the user should be told about it at once.
pub struct Opening {
    pub workspace: Workspace,
    /// What was recovered after a crash, why it is read-only, or why the saver did not start.
    pub notice: Option<String>,
}

impl Opening {
    /// Keeps the card boxes' words of this session in `folder` (restoring what is there), or
    /// only while it is open if None. A read-only copy never does: the copy holding the lock
    /// owns them.
    pub fn keeping_drafts_in(mut self, folder: Option<PathBuf>) -> Self {
        let workspace = &mut self.workspace;
        let disk = Arc::clone(&workspace.disk);
        let owner = workspace.document.lock.is_some();
        let (drafts, message) = DraftStore::open(disk, folder, &workspace.document.path, owner);
        workspace.drafts = drafts;
        self.notice = [self.notice.take(), message]
            .into_iter()
            .flatten()
            .reduce(|notice, message| format!("{notice}\n{message}"));
        self
    }
}

/// The title and date a new session starts with.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NewSession {
    pub title: String,
    pub date: jiff::civil::Date,
}

/// The open session and its saver.
pub struct Workspace {
    document: Document,
    /// Why nothing is open, when the session asked for could not be opened.
    unopened: Option<String>,
    saver: Option<Autosaver>,
    /// The newest revision handed to the saver.
    submitted: u64,
    /// Each group's card box words, kept beside the session rather than in it.
    drafts: DraftStore,
    /// Where saves go; tests swap in one that fails on purpose.
    disk: Arc<dyn Disk>,
}

impl Workspace {
    /// A session that is not saved anywhere (tests, and the stand-in for a file that could
    /// not be opened).
    pub fn unsaved(document: Document) -> Self {
        Self::on(Arc::new(RealDisk), document)
    }

    fn on(disk: Arc<dyn Disk>, document: Document) -> Self {
        Self {
            submitted: document.revision(),
            document,
            unopened: None,
            saver: None,
            drafts: DraftStore::in_memory(None),
            disk,
        }
    }

    /// Opens the session at `path`, saving in the background unless it is read-only, and
    /// remembers it in `places` as the one to reopen next time.
    pub fn open(path: &Path, places: &Places) -> Result<Opening, WorkspaceError> {
        Self::open_keeping_drafts_in(path, places, places.drafts_dir())
    }

    /// [`Workspace::open`], keeping the card boxes' words in `drafts` (see
    /// [`Opening::keeping_drafts_in`]).
    pub fn open_keeping_drafts_in(
        path: &Path,
        places: &Places,
        drafts: Option<PathBuf>,
    ) -> Result<Opening, WorkspaceError> {
        let opening = Self::open_on(Arc::new(RealDisk), path)?.keeping_drafts_in(drafts);
        places.remember_recent(path);
        Ok(opening)
    }

    /// [`Workspace::open`] saving through `disk`, not remembered, and keeping the card boxes'
    /// words only while it is open.
    pub fn open_on(disk: Arc<dyn Disk>, path: &Path) -> Result<Opening, WorkspaceError> {
        let opened = store::open(path).map_err(|e| WorkspaceError::Open(e.report()))?;
        let (document, recovery) = Document::opened(opened, path.to_owned());
        let mut workspace = Self::on(disk, document);
        let saver_failed = workspace.start_saver().err();
        let notice = saver_failed
            .or(recovery)
            .or_else(|| workspace.document.read_only.clone());
        Ok(Opening { workspace, notice })
    }

    /// Opens `path`, first writing an empty session there if there is no file yet: a name
    /// given on the command line opens straight onto the board, titled after the file.
    pub fn open_or_create(path: &Path, places: &Places) -> Result<Opening, WorkspaceError> {
        if !path.exists() {
            let title = path
                .file_stem()
                .map_or("Workshop".into(), |s| s.to_string_lossy().into_owned());
            store::save(&Session::new(title), path).map_err(|e| {
                WorkspaceError::Create(format!("could not create: {e}: {}", path.display()))
            })?;
        }
        Self::open(path, places)
    }

    /// A new session in Harvest's own folder, named after its title and date.
    pub fn create_new(new: NewSession, places: &Places) -> Result<Opening, WorkspaceError> {
        let mut session = Session::new(new.title);
        session.details.date = new.date;
        let dir = places
            .ensure_dir()
            .map_err(|e| WorkspaceError::Create(e.to_string()))?;
        let stem = places::file_stem_for(&session.details.title, session.details.date);
        let path = places::unused_path(&dir, &stem);
        store::save(&session, &path)
            .map_err(|e| WorkspaceError::Create(format!("{e}: {}", dir.display())))?;
        Self::open(&path, places)
    }

    /// The session named on the command line (made if new), else the most recent one, else
    /// on the very first run a copy of the bundled sample.
    pub fn choose(file: Option<PathBuf>, places: &Places) -> Result<Opening, WorkspaceError> {
        let path = match file.or_else(|| places.reopen()) {
            Some(path) => path,
            None => places
                .first_run_sample()
                .map_err(|e| WorkspaceError::Open(e.to_string()))?,
        };
        Self::open_or_create(&path, places)
    }

    /// An empty, read-only stand-in for a file that could not be opened: the window still
    /// opens, shows why in place of a board, and never writes anything.
    pub fn nothing_open(file: Option<PathBuf>, error: &WorkspaceError) -> Opening {
        let mut document = Document::new(Session::new("Nothing open"), file.unwrap_or_default());
        document.read_only = Some("Nothing open".to_owned());
        let mut workspace = Self::unsaved(document);
        workspace.unopened = Some(error.to_string());
        Opening {
            workspace,
            notice: None,
        }
    }

    /// Why nothing is open, when the session asked for could not be opened.
    pub fn unopened(&self) -> Option<&str> {
        self.unopened.as_deref()
    }

    pub fn document(&self) -> &Document {
        &self.document
    }

    pub fn document_mut(&mut self) -> &mut Document {
        &mut self.document
    }

    /// What the status bar says about saving; None when nothing saves this session.
    pub fn status(&self) -> Option<SaveStatus> {
        self.saver.as_ref().map(|s| s.status())
    }

    /// For the exit-signal fallback, which flushes from another thread.
    pub fn saver_handle(&self) -> Option<AutosaveHandle> {
        self.saver.as_ref().map(Autosaver::handle)
    }

    /// Called from the saver thread whenever the save status changes.
    pub fn set_waker(&self, waker: impl Fn() + Send + Sync + 'static) {
        if let Some(saver) = &self.saver {
            saver.set_waker(waker);
        }
    }

    /// True when every change and the card boxes' words are on disk, or nothing saves them.
    pub fn is_saved(&self) -> bool {
        let saved = |s: &Autosaver| s.saved_revision() == self.document.revision();
        self.saver.as_ref().is_none_or(saved) && self.drafts.is_saved()
    }

    /// Each group's card box words, kept beside the session rather than in it.
    pub fn drafts(&self) -> &DraftStore {
        &self.drafts
    }

    pub fn drafts_mut(&mut self) -> &mut DraftStore {
        &mut self.drafts
    }

    /// Hands every change to the saver as soon as it happens; the saver writes the newest.
    pub fn autosave(&mut self) {
        if self.document.revision() != self.submitted {
            self.submit();
        }
    }

    /// Save now, even if nothing changed, so the status shows a fresh time. The error says
    /// why this session cannot be saved.
    pub fn save_now(&mut self) -> Result<(), String> {
        if self.saver.is_none()
            && let Some(reason) = &self.document.read_only
        {
            return Err(format!(
                "{reason}. Use File > Save as… to keep an editable copy."
            ));
        }
        self.submit();
        Ok(())
    }

    fn submit(&mut self) {
        if let Some(saver) = &self.saver {
            saver.submit(self.document.revision(), self.document.snapshot());
            self.submitted = self.document.revision();
        }
    }

    /// Everything submitted so far, ready to be waited for on a helper thread.
    pub fn flusher(&mut self) -> Flusher {
        self.autosave();
        Flusher {
            saver: self.saver_handle(),
            drafts: self.drafts.handle(),
        }
    }

    /// Waits here until every change is on disk. Only for the very last moment of the app,
    /// when there is no window left to keep drawing.
    pub fn flush(&mut self) -> Result<(), FlushError> {
        self.flusher().flush()
    }

    /// Saving under a new name, to run on a helper thread; see [`Workspace::adopt`]. The new
    /// file is remembered in `places` as a recent session.
    pub fn save_as(&mut self, path: PathBuf, places: Places) -> SaveAs {
        SaveAs {
            session: self.document.snapshot(),
            revision: self.document.revision(),
            path,
            old: self.flusher(),
            disk: Arc::clone(&self.disk),
            places,
        }
    }

    /// Carries on in the file a [`SaveAs`] wrote, editable, with its own saver.
    pub fn adopt(&mut self, saved: SavedAs) {
        retire(self.saver.take());
        self.document.path = saved.path;
        self.document.lock = Some(saved.lock);
        self.document.read_only = None;
        self.saver = Some(saved.saver);
        self.submitted = saved.revision;
        // The card boxes' words belong to the new file now.
        retire(self.drafts.leave_file());
        if let Err(message) = self
            .drafts
            .keep_for(Arc::clone(&self.disk), &self.document.path)
        {
            log::warn!("{message}");
        }
        // Changes made while the copy was being written go there next.
        self.autosave();
    }

    fn start_saver(&mut self) -> Result<(), String> {
        self.saver = None;
        self.submitted = self.document.revision();
        if self.document.read_only.is_some() {
            return Ok(());
        }
        let saver = Autosaver::spawn_on(
            Arc::clone(&self.disk),
            self.document.path.clone(),
            self.document.revision(),
        )
        .map_err(|e| format!("Could not start saving in the background: {e}"))?;
        self.saver = Some(saver);
        Ok(())
    }
}

impl Drop for Workspace {
    fn drop(&mut self) {
        // The savers write what is pending as they stop; that may wait on a slow disk, which
        // the window must not.
        retire(self.saver.take());
        retire(self.drafts.take_keeper());
    }
}

/// Lets a saver finish its last write and stop on a thread of its own.
fn retire<T: Send + 'static>(saver: Option<T>) {
    if let Some(saver) = saver {
        crate::background::drop_in_background("retire saver", saver);
    }
}

/// Waits for everything submitted to reach the disk. Made on the UI thread, run anywhere.
pub struct Flusher {
    saver: Option<AutosaveHandle>,
    drafts: Option<KeeperHandle>,
}

impl Flusher {
    /// The session first, then the card boxes' words.
    pub fn flush(self) -> Result<(), FlushError> {
        if let Some(saver) = &self.saver {
            saver.flush(FLUSH_LIMIT)?;
        }
        match &self.drafts {
            Some(drafts) => drafts.flush(FLUSH_LIMIT),
            None => Ok(()),
        }
    }

    /// Leaves this session for another, once this one is safely saved.
    pub fn then_open(
        self,
        open: impl FnOnce() -> Result<Opening, WorkspaceError>,
    ) -> Result<Opening, WorkspaceError> {
        self.flush().map_err(WorkspaceError::NotLeft)?;
        open()
    }
}

/// The session as it was when Save as… was chosen, on its way to a new file.
pub struct SaveAs {
    session: Arc<Session>,
    revision: u64,
    path: PathBuf,
    old: Flusher,
    disk: Arc<dyn Disk>,
    places: Places,
}

/// The new file, locked and saved, with a saver of its own.
pub struct SavedAs {
    path: PathBuf,
    lock: SessionLock,
    saver: Autosaver,
    revision: u64,
}

impl SavedAs {
    pub fn path(&self) -> &Path {
        &self.path
    }
}

impl SaveAs {
    /// Takes the new file's lock, writes the session there and starts saving to it. The old
    /// file keeps what it had: its saver finishes first.
    pub fn run(self) -> Result<SavedAs, WorkspaceError> {
        let fail = |e: &dyn std::fmt::Display| WorkspaceError::SaveAs(e.to_string());
        let lock = SessionLock::acquire(&self.path).map_err(|e| fail(&e))?;
        store::save_on(self.disk.as_ref(), &self.session, &self.path)
            .map_err(|e| WorkspaceError::SaveAs(format!("{e}: {}", self.path.display())))?;
        if let Err(error) = self.old.flush() {
            log::warn!("{error}");
        }
        let saver = Autosaver::spawn_on(self.disk, self.path.clone(), self.revision)
            .map_err(|e| fail(&format!("could not start saving in the background: {e}")))?;
        self.places.remember_recent(&self.path);
        Ok(SavedAs {
            path: self.path,
            lock,
            saver,
            revision: self.revision,
        })
    }
}

/// Renders a report and writes it to `path` atomically; the error says what went wrong and
/// ends with the path.
pub fn write_report(
    session: &Session,
    report: crate::summary::Report,
    format: crate::summary::Format,
    options: &crate::summary::SummaryOptions,
    as_of: jiff::civil::Date,
    path: &Path,
) -> Result<(), String> {
    let bytes = crate::summary::export_report(session, report, format, options, as_of)
        .map_err(|e| format!("could not make the document: {e}: {}", path.display()))?;
    write_document(&bytes, path)
}

fn write_document(bytes: &[u8], path: &Path) -> Result<(), String> {
    store::write_atomically(path, bytes).map_err(|e| {
        format!(
            "could not write: {}: {}",
            store::io_message(&e),
            path.display()
        )
    })
}
