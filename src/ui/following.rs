//! File → Follow a shared folder…: the table laptops save into a folder that a sync tool, a
//! network share or a USB stick keeps in step, and each file read whole there is merged into
//! the session open here. The reading is [`crate::follow::Follower`]'s; the merging runs on
//! a helper thread against a snapshot, and lands only if the session has not changed since
//! (else it is worked out again), so the window never waits for it.

use super::app::HarvestApp;
use super::task::{Poll, Task, take_finished};
use crate::follow::{Arrival, Follower};
use crate::merge::inputs::name_of;
use crate::merge::{self, Report, Side};
use crate::model::Session;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// A folder being followed, and what it has brought that is not merged in yet.
pub struct Following {
    pub follower: Follower,
    /// The session file open here, which is never an input.
    own: PathBuf,
    /// The newest whole read of each file, waiting to be merged in.
    waiting: BTreeMap<PathBuf, Arc<Session>>,
    merging: Option<Task<FollowedMerge>>,
    /// What the last merge that changed anything brought, and when.
    pub last_merge: Option<(jiff::Timestamp, String)>,
}

/// A merge worked out against one revision of the session.
struct FollowedMerge {
    revision: u64,
    inputs: Vec<(PathBuf, Arc<Session>)>,
    outcome: Result<(Arc<Session>, Vec<Report>), String>,
}

impl Following {
    pub fn start(folder: PathBuf, own: &Path, ctx: &egui::Context) -> Result<Self, String> {
        let ctx = ctx.clone();
        let wake = Arc::new(move || ctx.request_repaint());
        let follower =
            Follower::start(folder, Some(own.to_owned()), wake).map_err(|e| e.to_string())?;
        Ok(Self {
            follower,
            own: own.to_owned(),
            waiting: BTreeMap::new(),
            merging: None,
            last_merge: None,
        })
    }
}

impl HarvestApp {
    /// Starts following `folder` in place of any folder followed before.
    pub fn follow(&mut self, folder: PathBuf, ctx: &egui::Context) {
        let said = match self.why_unchangeable() {
            Some(reason) => format!("The shared folder is not followed: {reason}"),
            None => {
                self.following = None;
                match Following::start(folder.clone(), &self.workspace.document().path, ctx) {
                    Ok(following) => {
                        self.following = Some(following);
                        format!(
                            "Following {}: table files saved there are merged in as they arrive.",
                            folder.display()
                        )
                    }
                    Err(problem) => problem,
                }
            }
        };
        // After what opening the session said, when following starts with the window.
        self.notice = Some(match self.notice.take() {
            Some(earlier) => format!("{earlier} {said}"),
            None => said,
        });
    }

    /// Takes what the followed folder brought, lands a finished merge, and starts the next.
    pub(super) fn poll_following(&mut self, ctx: &egui::Context) {
        let Some(following) = &mut self.following else {
            return;
        };
        let own = &self.workspace.document().path;
        if *own != following.own {
            // Saved under another name: that file is the one to leave out now.
            match Following::start(following.follower.folder().to_owned(), own, ctx) {
                Ok(restarted) => *following = restarted,
                Err(problem) => {
                    self.notice = Some(problem);
                    self.following = None;
                    return;
                }
            }
        }
        for arrival in following.follower.take() {
            if let Arrival::Read { path, session } = arrival {
                following.waiting.insert(path, Arc::new(session));
            }
        }
        let revision = self.workspace.document().revision();
        if let Some(done) = take_finished(&mut following.merging) {
            match done {
                Poll::Done(merge) if merge.revision == revision => match merge.outcome {
                    Ok((merged, reports)) => {
                        if reports.iter().any(|r| !r.is_empty()) {
                            let brought = reports.iter().filter(|r| !r.is_empty());
                            let words: Vec<String> = brought.map(Report::describe).collect();
                            following.last_merge = Some((jiff::Timestamp::now(), words.join("; ")));
                            let old = self.workspace.document_mut().take_followed(merged);
                            crate::background::drop_in_background("replaced session", old);
                        }
                    }
                    Err(problem) => log::warn!("a followed file was not merged in: {problem}"),
                },
                // The session changed meanwhile: the same files are merged again into it.
                Poll::Done(merge) => {
                    for (path, session) in merge.inputs {
                        following.waiting.entry(path).or_insert(session);
                    }
                }
                Poll::Lost => log::warn!("merging a followed file stopped unexpectedly"),
                Poll::Pending => {}
            }
        }
        if following.merging.is_none()
            && !following.waiting.is_empty()
            && self.workspace.document().read_only.is_none()
        {
            let inputs: Vec<(PathBuf, Arc<Session>)> =
                std::mem::take(&mut following.waiting).into_iter().collect();
            let ours = self.workspace.document().snapshot();
            let name = name_of(&self.workspace.document().path);
            let task = Task::spawn("merge followed files", ctx, move |_| {
                let outcome = merge_followed(&ours, &name, &inputs);
                FollowedMerge {
                    revision,
                    inputs,
                    outcome,
                }
            });
            match task {
                Ok(task) => following.merging = Some(task),
                Err(error) => log::warn!("could not merge followed files: {error}"),
            }
        }
    }
}

/// The session with every input merged in, checked whole before it can land.
fn merge_followed(
    ours: &Session,
    name: &str,
    inputs: &[(PathBuf, Arc<Session>)],
) -> Result<(Arc<Session>, Vec<Report>), String> {
    let names: Vec<String> = inputs.iter().map(|(path, _)| name_of(path)).collect();
    let sides: Vec<Side<'_>> = (names.iter().zip(inputs))
        .map(|(name, (_, session))| Side { name, session })
        .collect();
    let (merged, reports) = merge::merge_in(
        Side {
            name,
            session: ours,
        },
        &sides,
    );
    merged.validate().map_err(|e| e.to_string())?;
    Ok((Arc::new(merged), reports))
}

/// The status bar's row while a folder is followed: each table file and when it was last
/// read whole (or why it cannot be read yet), what the last merge brought, and a way to stop.
pub fn following_row_ui(
    ui: &mut egui::Ui,
    following: &Following,
    intents: &mut super::intents::Intents,
) {
    let dark = ui.visuals().dark_mode;
    ui.horizontal_wrapped(|ui| {
        let folder = name_of(following.follower.folder());
        ui.strong(format!("Following {folder}"));
        if let Some(problem) = following.follower.folder_problem() {
            ui.colored_label(super::palette::warning(dark), problem);
        }
        let files = following.follower.files();
        if files.is_empty() {
            ui.weak("no table files there yet");
        }
        for file in files {
            let name = name_of(&file.path);
            match (&file.problem, file.last_read) {
                (Some(problem), _) => {
                    ui.colored_label(
                        super::palette::warning(dark),
                        format!("{name}: not read yet"),
                    )
                    .on_hover_text(format!("{problem} Harvest tries again when it changes."));
                }
                (None, Some(at)) => {
                    let at = jiff::Timestamp::try_from(at).unwrap_or_default();
                    ui.label(format!("{name} {}", crate::store::clock_time(at)));
                }
                (None, None) => {
                    ui.weak(format!("{name}: reading…"));
                }
            }
        }
        if let Some((at, brought)) = &following.last_merge {
            ui.separator();
            ui.label(format!(
                "Merged at {}: {brought}",
                crate::store::clock_time(*at)
            ));
        }
        if ui.button("Stop following").clicked() {
            intents.stop_following = true;
        }
    });
}
