//! The words typed in each group's card box but not yet added as cards, kept so that closing
//! the window, a crash or switching groups never loses them.
//!
//! They are one laptop's unfinished typing, not the event's record, so they stay out of the
//! session file (which is shared, backed up and merged): each session's drafts live in a small
//! file of their own in Harvest's data folder, named after the session's full path, written a
//! moment after the typing stops and removed once every box is empty. Only the copy of Harvest
//! holding the session's lock keeps them, so two copies never write the same drafts file.

mod file;
mod keeper;
#[cfg(test)]
mod tests;

pub use file::{DraftError, draft_file, load};
pub use keeper::{DraftKeeper, KeeperHandle, PAUSE};

use super::disk::Disk;
use crate::model::GroupId;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// Each group's card box words; a group with an empty box has no entry.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Drafts(BTreeMap<GroupId, String>);

impl Drafts {
    fn from_map(mut map: BTreeMap<GroupId, String>) -> Self {
        map.retain(|_, words| !words.is_empty());
        Self(map)
    }

    fn as_map(&self) -> &BTreeMap<GroupId, String> {
        &self.0
    }

    /// The words in `group`'s box ("" when it is empty).
    pub fn get(&self, group: GroupId) -> &str {
        self.0.get(&group).map_or("", String::as_str)
    }

    /// Sets the words of `group`'s box; returns whether that changed anything.
    pub fn set(&mut self, group: GroupId, words: &str) -> bool {
        if self.get(group) == words {
            return false;
        }
        if words.is_empty() {
            self.0.remove(&group);
        } else {
            self.0.insert(group, words.to_owned());
        }
        true
    }

    /// The groups with words in their box, and the words.
    pub fn iter(&self) -> impl Iterator<Item = (GroupId, &str)> {
        self.0.iter().map(|(group, words)| (*group, words.as_str()))
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

/// One open session's drafts, and the thread keeping them on disk when there is one.
pub struct DraftStore {
    drafts: Drafts,
    /// Boxed, so a workspace stays small enough to pass around by value.
    keeper: Option<Box<DraftKeeper>>,
    /// Where drafts files go; None keeps drafts only while the session is open.
    folder: Option<PathBuf>,
}

impl DraftStore {
    /// Drafts kept only while the session is open; sessions opened from it keep theirs in
    /// `folder`, if given.
    pub fn in_memory(folder: Option<PathBuf>) -> Self {
        Self {
            drafts: Drafts::default(),
            keeper: None,
            folder,
        }
    }

    /// The drafts kept in `folder` for the session at `session`, and from now on kept there,
    /// if this copy of Harvest is the session's `owner` (holds its lock). The message says what
    /// could not be read back or kept; it never stops the session opening.
    pub fn open(
        disk: Arc<dyn Disk>,
        folder: Option<PathBuf>,
        session: &Path,
        owner: bool,
    ) -> (Self, Option<String>) {
        let (Some(folder), true) = (folder.clone(), owner) else {
            return (Self::in_memory(folder), None);
        };
        let file = draft_file(&folder, session);
        let mut store = Self::in_memory(Some(folder));
        match load(disk.as_ref(), &file, session) {
            Ok(drafts) => store.drafts = drafts,
            Err(error) => {
                let kept = if error.moved { "kept as" } else { "left in" };
                let mut message = format!(
                    "The words left in the card boxes last time could not be read back ({}); \
                     the file is {kept} {}",
                    error.reason,
                    error.path.display()
                );
                // Writing over a file that was not moved aside would destroy what may still be
                // rescued from it by hand.
                if !error.moved {
                    message.push_str(". Words typed now are kept only while Harvest is open.");
                } else if let Err(more) = store.keep_for(disk, session) {
                    message = format!("{message}. {more}");
                }
                return (store, Some(message));
            }
        }
        let message = store.keep_for(disk, session).err();
        (store, message)
    }

    /// Keeps the drafts in the drafts file of `session` from now on, writing them there at once.
    pub fn keep_for(&mut self, disk: Arc<dyn Disk>, session: &Path) -> Result<(), String> {
        let Some(folder) = &self.folder else {
            return Ok(());
        };
        let keeper = DraftKeeper::spawn(disk, draft_file(folder, session), session.to_owned())
            .map_err(|e| {
                format!("Words typed in the card box are kept only while Harvest is open: {e}")
            })?;
        keeper.submit(&self.drafts, true);
        self.keeper = Some(Box::new(keeper));
        Ok(())
    }

    /// Stops keeping drafts in this session's file, emptying it first: after Save as… the
    /// words belong to the new file. The keeper is returned to be stopped off the UI thread.
    pub fn leave_file(&mut self) -> Option<Box<DraftKeeper>> {
        let keeper = self.keeper.take()?;
        keeper.submit(&Drafts::default(), true);
        Some(keeper)
    }

    /// The words in `group`'s box ("" when it is empty).
    pub fn get(&self, group: GroupId) -> &str {
        self.drafts.get(group)
    }

    /// The groups with words in their box, and the words.
    pub fn iter(&self) -> impl Iterator<Item = (GroupId, &str)> {
        self.drafts.iter()
    }

    /// Sets `group`'s box words, and has them written if they changed: a moment later while
    /// typing goes on, at once when the box was emptied (a card was added).
    pub fn set(&mut self, group: GroupId, words: &str) {
        let emptied = words.is_empty();
        if self.drafts.set(group, words)
            && let Some(keeper) = &self.keeper
        {
            keeper.submit(&self.drafts, emptied);
        }
    }

    pub fn folder(&self) -> Option<&Path> {
        self.folder.as_deref()
    }

    /// Whether everything is on disk (or nothing needs to be).
    pub fn is_saved(&self) -> bool {
        self.keeper.as_ref().is_none_or(|k| k.is_saved())
    }

    /// For flushing on a helper thread.
    pub fn handle(&self) -> Option<KeeperHandle> {
        self.keeper.as_ref().map(|keeper| keeper.handle())
    }

    /// The keeper, to be stopped where waiting for its last write does not hold up the window.
    pub fn take_keeper(&mut self) -> Option<Box<DraftKeeper>> {
        self.keeper.take()
    }
}
