//! Something worked out from the whole session on a helper thread, once per revision: the
//! summary preview, the personal details found, the Easy Read report. A screen shows the last
//! one worked out while the next is under way, so a change at 10,000 cards never holds a frame.

use super::task::{Poll, Progress, Task};
use crate::document::Document;
use crate::model::Session;

pub struct Derived<T> {
    /// What it is, for the helper thread's name and the log.
    name: &'static str,
    /// The last one worked out, and the revision it is for.
    shown: Option<(u64, T)>,
    /// The work under way, and the revision it is for.
    building: Option<(u64, Task<Option<T>>)>,
    /// A revision whose work was lost (its thread panicked): not tried again until the session
    /// changes, and said on screen.
    lost: Option<u64>,
}

impl<T: Send + 'static> Derived<T> {
    pub const fn new(name: &'static str) -> Self {
        Self {
            name,
            shown: None,
            building: None,
            lost: None,
        }
    }

    /// Takes finished work, and starts work for the session as it is now if nothing shown or
    /// under way is for it, cancelling work for an older revision. `work` returns `None` once
    /// it sees it is cancelled.
    pub fn refresh(
        &mut self,
        document: &Document,
        ctx: &egui::Context,
        work: impl FnOnce(&Session, &Progress) -> Option<T> + Send + 'static,
    ) {
        self.take_finished();
        let revision = document.revision();
        let wanted = match (&self.building, &self.shown) {
            (Some((building_for, _)), _) => Some(*building_for),
            (None, Some((shown_for, _))) => Some(*shown_for),
            (None, None) => None,
        };
        if wanted == Some(revision) || self.lost == Some(revision) {
            return;
        }
        // On two cores, work nobody wants would take time from the window and the next one.
        if let Some((_, old)) = self.building.take() {
            old.cancel();
        }
        let session = document.snapshot();
        match Task::spawn(self.name, ctx, move |progress| work(&session, progress)) {
            Ok(task) => self.building = Some((revision, task)),
            Err(error) => log::warn!("could not start on the {}: {error}", self.name),
        }
    }

    fn take_finished(&mut self) {
        let Some((building_for, task)) = &self.building else {
            return;
        };
        let (building_for, outcome) = (*building_for, task.poll());
        if matches!(outcome, Poll::Pending) {
            return;
        }
        self.building = None;
        match outcome {
            Poll::Done(Some(value)) => {
                if let Some((_, replaced)) = self.shown.replace((building_for, value)) {
                    // Letting go of 10,000 cards' worth takes a while too.
                    crate::background::drop_in_background(self.name, replaced);
                }
            }
            // Only cancelled work ends without a value, and cancelled work is not kept.
            Poll::Done(None) | Poll::Pending => {}
            Poll::Lost => {
                log::error!("working out the {} stopped unexpectedly", self.name);
                self.lost = Some(building_for);
            }
        }
    }

    /// The last one worked out, perhaps for an older revision.
    pub fn latest(&self) -> Option<&T> {
        self.shown.as_ref().map(|(_, value)| value)
    }

    pub fn latest_mut(&mut self) -> Option<&mut T> {
        self.shown.as_mut().map(|(_, value)| value)
    }

    /// Whether what is shown is older than the session (or there is nothing yet).
    pub fn is_stale(&self, revision: u64) -> bool {
        self.shown
            .as_ref()
            .is_none_or(|(shown_for, _)| *shown_for != revision)
    }

    /// A line beside the screen's heading when what it shows is not the session as it is now.
    pub fn status_ui(&self, ui: &mut egui::Ui, revision: u64) {
        if self.lost == Some(revision) {
            let text = format!("Could not update the {}; the log says why.", self.name);
            ui.colored_label(ui.visuals().error_fg_color, text);
        } else if self.is_stale(revision) {
            ui.weak("Updating…");
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::edit::Edit;
    use std::time::{Duration, Instant};

    fn cards(session: &Session) -> usize {
        session.cards.len()
    }

    fn settle(derived: &mut Derived<usize>, document: &Document, ctx: &egui::Context) {
        let deadline = Instant::now() + Duration::from_secs(10);
        while derived.is_stale(document.revision()) {
            assert!(Instant::now() < deadline, "the work never finished");
            std::thread::sleep(Duration::from_millis(2));
            derived.refresh(document, ctx, |s, _| Some(cards(s)));
        }
    }

    fn document() -> Document {
        let session = Session::new("Test");
        Document::new(
            session,
            std::env::temp_dir().join("harvest-derived-test.ron"),
        )
    }

    #[test]
    fn what_is_shown_follows_the_session_and_the_old_one_stays_until_the_new_is_ready() {
        let ctx = egui::Context::default();
        let mut document = document();
        let mut derived = Derived::new("count");
        assert!(derived.latest().is_none());
        derived.refresh(&document, &ctx, |s, _| Some(cards(s)));
        settle(&mut derived, &document, &ctx);
        assert_eq!(derived.latest(), Some(&0));

        let group = document.session().groups[0].id;
        let card = crate::model::Card::new(group, crate::model::Category::Good, "Direct payments");
        document.apply(Edit::AddCard { card, index: 0 }).unwrap();
        assert!(derived.is_stale(document.revision()));
        assert_eq!(derived.latest(), Some(&0), "the old one is shown meanwhile");
        settle(&mut derived, &document, &ctx);
        assert_eq!(derived.latest(), Some(&1));
    }

    #[test]
    fn lost_work_is_said_and_not_tried_again_until_the_session_changes() {
        let ctx = egui::Context::default();
        let document = document();
        let mut derived: Derived<usize> = Derived::new("count");
        derived.refresh(&document, &ctx, |_, _| panic!("on purpose"));
        let deadline = Instant::now() + Duration::from_secs(10);
        while derived.lost.is_none() {
            assert!(Instant::now() < deadline, "never reported lost");
            std::thread::sleep(Duration::from_millis(2));
            derived.refresh(&document, &ctx, |_, _| panic!("not again"));
        }
        assert!(
            derived.building.is_none(),
            "not tried again for the same revision"
        );
    }
}
