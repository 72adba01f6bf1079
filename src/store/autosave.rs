//! Saving in the background: the UI hands over a copy of the session after each change and
//! carries on; a saver thread writes it and reports back.

use crate::model::Session;
use std::path::PathBuf;
use std::sync::mpsc::{Receiver, Sender, channel};
use std::sync::{Arc, Mutex};

/// What the status bar says about saving.
#[derive(Clone, Debug, PartialEq)]
pub enum SaveStatus {
    /// Everything up to this revision is on disk.
    Saved {
        revision: u64,
        at: jiff::Zoned,
    },
    Saving,
    Failed {
        message: String,
    },
}

impl SaveStatus {
    pub fn describe(&self) -> String {
        match self {
            SaveStatus::Saved { at, .. } => format!("Saved {}", at.strftime("%H:%M:%S")),
            SaveStatus::Saving => "Saving…".to_owned(),
            SaveStatus::Failed { message } => format!("Not saved — {message} (retrying)"),
        }
    }
}

struct Job {
    revision: u64,
    session: Session,
    path: PathBuf,
}

pub struct Autosaver {
    jobs: Sender<Job>,
    status: Arc<Mutex<SaveStatus>>,
    path: PathBuf,
}

impl Autosaver {
    pub fn spawn(path: PathBuf, waker: Box<dyn Fn() + Send>) -> std::io::Result<Self> {
        let (jobs, receive): (Sender<Job>, Receiver<Job>) = channel();
        let status = Arc::new(Mutex::new(SaveStatus::Saved {
            revision: 0,
            at: jiff::Zoned::now(),
        }));
        let shared = Arc::clone(&status);
        std::thread::Builder::new()
            .name("autosave".into())
            .spawn(move || {
                while let Ok(mut job) = receive.recv() {
                    // Only the newest snapshot matters.
                    while let Ok(newer) = receive.try_recv() {
                        job = newer;
                    }
                    let result = super::save(&job.session, &job.path);
                    let next = match result {
                        Ok(()) => SaveStatus::Saved {
                            revision: job.revision,
                            at: jiff::Zoned::now(),
                        },
                        Err(error) => SaveStatus::Failed {
                            message: error.to_string(),
                        },
                    };
                    if let Ok(mut status) = shared.lock() {
                        *status = next;
                    }
                    waker();
                }
            })?;
        Ok(Self { jobs, status, path })
    }

    pub fn submit(&self, revision: u64, session: Session) {
        if let Ok(mut status) = self.status.lock() {
            *status = SaveStatus::Saving;
        }
        let _ = self.jobs.send(Job {
            revision,
            session,
            path: self.path.clone(),
        });
    }

    pub fn status(&self) -> SaveStatus {
        self.status
            .lock()
            .map(|s| s.clone())
            .unwrap_or(SaveStatus::Saving)
    }
}
