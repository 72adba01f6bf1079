//! Opening, creating and saving-as sessions, and saving before the window closes: each runs
//! on a helper thread through [`Task`], while the window keeps drawing and says what it is
//! doing. One such job at a time; a second is refused with a word, a close is queued.

use super::app::HarvestApp;
use super::state::UiState;
use super::task::{Poll, Task};
use crate::model::Session;
use crate::store::FlushError;
use crate::summary::words::plural;
use crate::workspace::{NewSession, Opening, SavedAs, Workspace, WorkspaceError};
use std::path::PathBuf;

/// What asking to change or save says when no session could be opened.
pub const NOTHING_OPEN: &str =
    "Nothing is open to change or save: use File > Open… or File > New session… first.";

/// How the notice ends when a session opens with conflicts to resolve: "2 conflicts to
/// resolve: Edit > Conflicts…".
fn conflicts_hint() -> String {
    format!(
        " to resolve: {} > {}",
        super::commands::Menu::Edit.label(),
        super::commands::Command::Conflicts.label()
    )
}

/// What to tell the user on opening `session`: `notice` (what was recovered, why it is
/// read-only …), then, each on a line of its own, how many conflicts it has to resolve, who
/// in the register is waiting to hear back, and whether contact details are kept too long.
pub(super) fn opening_notice(
    notice: Option<String>,
    session: &Session,
    today: jiff::civil::Date,
) -> Option<String> {
    let conflicts = session.conflicts().count();
    let line =
        (conflicts > 0).then(|| format!("{}{}", plural(conflicts, "conflict"), conflicts_hint()));
    let people = super::commands::Command::ShowPeople.label();
    let on_people = format!("{} > {people}", super::commands::Menu::View.label());
    let overdue = crate::model::people::overdue_notice(&session.people, today)
        .map(|waiting| format!("{waiting}: {on_people}"));
    let erase = super::people::keep_until_passed(session, today)
        .map(|passed| format!("{passed}; erase them on {on_people}"));
    [notice, line, overdue, erase]
        .into_iter()
        .flatten()
        .reduce(|notice, line| format!("{notice}\n{line}"))
}

/// The notice without its conflicts line, which opening the conflicts makes stale; None when
/// nothing else is left.
pub(super) fn without_conflicts_line(notice: String) -> Option<String> {
    let hint = conflicts_hint();
    let kept: Vec<&str> = notice.lines().filter(|l| !l.ends_with(&hint)).collect();
    (!kept.is_empty()).then(|| kept.join("\n"))
}

/// What a lifecycle job is doing, for the status bar.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Job {
    Opening(PathBuf),
    Creating,
    SavingAs(PathBuf),
    Closing,
}

impl Job {
    /// "Opening Sample workshop.ron…"
    pub fn describe(&self) -> String {
        let name = |path: &PathBuf| {
            path.file_name().map_or_else(
                || path.display().to_string(),
                |n| n.to_string_lossy().into(),
            )
        };
        match self {
            Job::Opening(path) => format!("Opening {}…", name(path)),
            Job::Creating => "Creating a new session…".to_owned(),
            Job::SavingAs(path) => format!("Saving as {}…", name(path)),
            Job::Closing => "Saving before closing…".to_owned(),
        }
    }

    /// Whether the session on screen is being left, so changes to it must wait.
    pub fn leaves_session(&self) -> bool {
        !matches!(self, Job::SavingAs(_))
    }
}

enum Outcome {
    /// Boxed: an open workspace is large beside the other outcomes.
    Switched(Result<Box<Opening>, WorkspaceError>),
    SavedAs(Result<SavedAs, WorkspaceError>),
    Flushed(Result<(), FlushError>),
}

/// The lifecycle job running, if any.
pub struct Running {
    pub job: Job,
    task: Task<Outcome>,
}

/// How closing the window is going.
#[derive(Default)]
pub struct Closing {
    /// Everything is saved: the next close request goes ahead.
    pub allowed: bool,
    /// A close that could not save: the next close request goes ahead anyway.
    pub despite_failure: bool,
    /// A close was asked for while another job ran: close once it is done.
    pub queued: bool,
}

impl HarvestApp {
    /// Starts saving in the background for a workspace just adopted: repaints when the status
    /// changes, and the exit signals flush it.
    pub(super) fn connect_saver(&self, ctx: &egui::Context) {
        let ctx = ctx.clone();
        self.workspace.set_waker(move || ctx.request_repaint());
        if let (Some(signals), Some(handle)) = (&self.signals, self.workspace.saver_handle()) {
            signals.set_autosave(handle);
        }
    }

    /// Whether a job is running that changes must wait for.
    pub(super) fn session_leaving(&self) -> Option<&Job> {
        self.lifecycle
            .as_ref()
            .map(|running| &running.job)
            .filter(|job| job.leaves_session())
    }

    fn start_job(
        &mut self,
        job: Job,
        ctx: &egui::Context,
        work: impl FnOnce() -> Outcome + Send + 'static,
    ) {
        if let Some(running) = &self.lifecycle {
            self.notice = Some(format!(
                "{} Try again once that is done.",
                running.job.describe()
            ));
            return;
        }
        match Task::spawn("session", ctx, move |_| work()) {
            Ok(task) => self.lifecycle = Some(Running { job, task }),
            Err(error) => self.notice = Some(format!("Could not start: {error}")),
        }
    }

    /// Opens the session at `path` once the current one is saved; read-only if another
    /// Harvest has it. A file that cannot be opened is left untouched and the reason shown.
    pub fn open_file(&mut self, path: PathBuf, ctx: &egui::Context) {
        let absolute = |p: &std::path::Path| std::path::absolute(p).unwrap_or_else(|_| p.into());
        let open_now = absolute(&self.workspace.document().path);
        if self.workspace.unopened().is_none() && absolute(&path) == open_now {
            // Opening it again would find its lock held, by this very window.
            self.notice = Some(format!("That session is already open: {}", path.display()));
            return;
        }
        let flusher = self.workspace.flusher();
        let target = path.clone();
        let places = self.files.places.clone();
        // The card boxes' words of the next session are kept where this one's are.
        let drafts = self.workspace.drafts().folder().map(PathBuf::from);
        self.start_job(Job::Opening(path), ctx, move || {
            let open = || Workspace::open_keeping_drafts_in(&target, &places, drafts);
            Outcome::Switched(flusher.then_open(open).map(Box::new))
        });
    }

    /// File → New session: asks for its title and date first.
    pub(super) fn ask_for_new_session(&mut self) {
        let dialog = super::dialogs::new_session::NewSessionDialog::new();
        self.state.dialog = Some(super::dialogs::Dialog::NewSession(dialog));
    }

    /// A new session in Harvest's own folder, named after its title and date.
    pub fn new_session(&mut self, new: NewSession, ctx: &egui::Context) {
        let flusher = self.workspace.flusher();
        let places = self.files.places.clone();
        self.start_job(Job::Creating, ctx, move || {
            Outcome::Switched(
                flusher
                    .then_open(|| Workspace::create_new(new, &places))
                    .map(Box::new),
            )
        });
    }

    /// Saves the session under a new name and carries on there, editable.
    pub fn save_as(&mut self, path: PathBuf, ctx: &egui::Context) {
        let places = self.files.places.clone();
        let save_as = self.workspace.save_as(path.clone(), places);
        self.start_job(Job::SavingAs(path), ctx, move || {
            Outcome::SavedAs(save_as.run())
        });
    }

    /// The window was asked to close: close if everything (the card boxes' words too) is
    /// saved, else save first, or say why not and stay open once.
    pub(super) fn before_close(&mut self, ctx: &egui::Context) {
        self.workspace.autosave();
        if self.closing.allowed || self.closing.despite_failure || self.workspace.is_saved() {
            return;
        }
        ctx.send_viewport_cmd(egui::ViewportCommand::CancelClose);
        if self.lifecycle.is_some() {
            self.closing.queued = true;
            return;
        }
        let flusher = self.workspace.flusher();
        self.start_job(Job::Closing, ctx, move || Outcome::Flushed(flusher.flush()));
    }

    /// Takes the result of a finished job.
    pub(super) fn poll_lifecycle(&mut self, ctx: &egui::Context) {
        let Some(running) = &self.lifecycle else {
            return;
        };
        let finished = running.task.poll();
        if matches!(finished, Poll::Pending) {
            return;
        }
        self.lifecycle = None;
        match finished {
            Poll::Done(Outcome::Switched(Ok(opening))) => self.switch_to(*opening, ctx),
            Poll::Done(Outcome::SavedAs(Ok(saved))) => {
                self.notice = Some(format!("Saved as {}", saved.path().display()));
                self.workspace.adopt(saved);
                self.connect_saver(ctx);
                self.files.recent.changed();
            }
            Poll::Done(Outcome::Switched(Err(error)) | Outcome::SavedAs(Err(error))) => {
                self.notice = Some(error.to_string());
            }
            Poll::Done(Outcome::Flushed(Ok(()))) => {
                self.closing.allowed = true;
                ctx.send_viewport_cmd(egui::ViewportCommand::Close);
            }
            Poll::Done(Outcome::Flushed(Err(error))) => {
                self.closing.despite_failure = true;
                self.notice = Some(format!(
                    "Your latest changes could not be saved ({error}). They are still here: use \
                     File > Save as… to keep them somewhere else. Closing again closes without them."
                ));
            }
            Poll::Lost => {
                self.notice = Some(
                    "That stopped unexpectedly; nothing was changed. The log says more.".into(),
                )
            }
            Poll::Pending => {}
        }
        if std::mem::take(&mut self.closing.queued) {
            ctx.send_viewport_cmd(egui::ViewportCommand::Close);
        }
    }

    /// Replaces the open session with another that was opened after this one was saved.
    fn switch_to(&mut self, opening: Opening, ctx: &egui::Context) {
        // Words typed but not yet added stay in the card box: they move to the new session, and
        // the other groups' words stay kept with the session they were typed for.
        let carried = std::mem::take(&mut self.state.draft);
        self.workspace.drafts_mut().set(self.state.draft_group, "");
        self.workspace = opening.workspace;
        // The folder was followed for the session that is closing.
        self.following = None;
        self.forget_derived();
        self.state = UiState::new(self.workspace.document().session());
        self.restore_card_box();
        self.state.add_to_draft(&carried);
        self.card_box_starts_afresh(ctx);
        self.find = super::find::Find::default();
        self.notice = opening_notice(
            opening.notice,
            self.workspace.document().session(),
            self.clock.today(),
        );
        self.closing = Closing::default();
        self.connect_saver(ctx);
        self.files.recent.changed();
    }

    /// Ctrl+S: write now, even if nothing changed, so the status shows a fresh time.
    pub(super) fn save_now(&mut self) {
        if self.workspace.unopened().is_some() {
            self.notice = Some(NOTHING_OPEN.to_owned());
            return;
        }
        if let Err(reason) = self.workspace.save_now() {
            self.notice = Some(reason);
        }
    }
}
