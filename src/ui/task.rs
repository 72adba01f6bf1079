//! Work done on a helper thread for the window: opening and saving sessions, exports, the
//! summary preview, suggestions, listing backups, file dialogs. One small type instead of a
//! hand-written channel poller per screen: spawn, poll once a frame, cancel.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicU32, Ordering};
use std::sync::mpsc::{Receiver, TryRecvError, channel};

/// What the helper thread sees of its task: whether it is still wanted, and where to report
/// how far it has got.
#[derive(Clone)]
pub struct Progress {
    cancelled: Arc<AtomicBool>,
    /// Fraction done, as f32 bits.
    fraction: Arc<AtomicU32>,
    ctx: egui::Context,
}

impl Progress {
    /// True once the window no longer wants the result: stop early.
    pub fn cancelled(&self) -> bool {
        self.cancelled.load(Ordering::Relaxed)
    }

    /// Records how far the work has got and repaints the window; false once cancelled.
    pub fn report(&self, fraction: f32) -> bool {
        self.fraction.store(fraction.to_bits(), Ordering::Relaxed);
        self.ctx.request_repaint();
        !self.cancelled()
    }
}

/// A task running on a named helper thread. Dropping it cancels it.
pub struct Task<T> {
    result: Receiver<T>,
    progress: Progress,
}

/// What a poll found.
#[derive(Debug, PartialEq, Eq)]
pub enum Poll<T> {
    /// Still working.
    Pending,
    Done(T),
    /// The thread ended without a result (it panicked); the log says why.
    Lost,
}

impl<T: Send + 'static> Task<T> {
    /// Runs `work` on a thread named `name`; the window repaints when it finishes.
    pub fn spawn(
        name: &str,
        ctx: &egui::Context,
        work: impl FnOnce(&Progress) -> T + Send + 'static,
    ) -> std::io::Result<Self> {
        let (send, result) = channel();
        let progress = Progress {
            cancelled: Arc::new(AtomicBool::new(false)),
            fraction: Arc::new(AtomicU32::new(0)),
            ctx: ctx.clone(),
        };
        let thread_progress = progress.clone();
        std::thread::Builder::new()
            .name(name.to_owned())
            .spawn(move || {
                let outcome = work(&thread_progress);
                // The receiver is gone only if the task was dropped: nobody wants it then.
                let _ = send.send(outcome);
                thread_progress.ctx.request_repaint();
            })?;
        Ok(Self { result, progress })
    }

    /// The result, once there is one. After `Done` or `Lost` the task has nothing more.
    pub fn poll(&self) -> Poll<T> {
        match self.result.try_recv() {
            Ok(outcome) => Poll::Done(outcome),
            Err(TryRecvError::Empty) => Poll::Pending,
            Err(TryRecvError::Disconnected) => Poll::Lost,
        }
    }

    /// Asks the helper thread to stop; its result, if it still sends one, is ignored.
    pub fn cancel(&self) {
        self.progress.cancelled.store(true, Ordering::Relaxed);
    }

    /// How far the work has got, from 0 to 1, as last reported.
    pub fn fraction(&self) -> f32 {
        f32::from_bits(self.progress.fraction.load(Ordering::Relaxed))
    }
}

impl<T> Drop for Task<T> {
    fn drop(&mut self) {
        self.progress.cancelled.store(true, Ordering::Relaxed);
    }
}

/// Polls the task in `slot`, emptying the slot once it has finished.
pub fn take_finished<T: Send + 'static>(slot: &mut Option<Task<T>>) -> Option<Poll<T>> {
    let outcome = slot.as_ref()?.poll();
    if matches!(outcome, Poll::Pending) {
        return None;
    }
    *slot = None;
    Some(outcome)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::{Duration, Instant};

    fn wait<T: Send + 'static>(slot: &mut Option<Task<T>>) -> Poll<T> {
        let deadline = Instant::now() + Duration::from_secs(10);
        loop {
            if let Some(outcome) = take_finished(slot) {
                return outcome;
            }
            assert!(Instant::now() < deadline, "the task never finished");
            std::thread::sleep(Duration::from_millis(5));
        }
    }

    #[test]
    fn a_finished_task_hands_over_its_result_once() {
        let ctx = egui::Context::default();
        let mut slot = Some(Task::spawn("test", &ctx, |_| 41 + 1).unwrap());
        assert_eq!(wait(&mut slot), Poll::Done(42));
        assert!(slot.is_none());
        assert!(take_finished(&mut slot).is_none());
    }

    #[test]
    fn a_panicking_task_is_reported_lost() {
        let ctx = egui::Context::default();
        let mut slot = Some(Task::spawn("test", &ctx, |_| -> u8 { panic!("on purpose") }).unwrap());
        assert_eq!(wait(&mut slot), Poll::Lost);
    }

    #[test]
    fn cancelling_tells_the_helper_thread() {
        let ctx = egui::Context::default();
        let task = Task::spawn("test", &ctx, |progress| {
            let deadline = Instant::now() + Duration::from_secs(10);
            while progress.report(0.5) {
                assert!(Instant::now() < deadline, "never cancelled");
                std::thread::sleep(Duration::from_millis(1));
            }
            "stopped"
        })
        .unwrap();
        task.cancel();
        let mut slot = Some(task);
        assert_eq!(wait(&mut slot), Poll::Done("stopped"));
    }
}
