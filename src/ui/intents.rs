//! What the user asked for during one frame. Widgets, menus, the status bar and shortcuts only
//! record intents; the app applies them once the frame is laid out, so every change to the
//! session and every command goes through one place.

use super::commands::Command;
use super::dialogs::export::ExportChoice;
use super::files::FilePurpose;
use crate::edit::Edit;
use crate::workspace::NewSession;
use std::path::PathBuf;

#[derive(Default)]
pub struct Intents {
    pub edits: Vec<Edit>,
    pub commands: Vec<Command>,
    /// The card being edited was closed: Some(text) to keep the new words, None to cancel.
    pub finish_edit: Option<Option<String>>,
    /// The Export… dialog's choices, to ask where to write them.
    pub export_to: Option<ExportChoice>,
    /// Leave the selected card: its card keys stop, so what is typed next goes into the card
    /// box (a shortcut pressed in the theme picker, say).
    pub leave_card: bool,
    /// A file chosen in Harvest's own chooser or from File → Open recent, and what for.
    pub chosen_file: Option<(FilePurpose, PathBuf)>,
    /// The new session dialog's title and date, to create it with.
    pub new_session: Option<NewSession>,
    /// What to tell the user once the frame's edits are made; not said if one is refused.
    pub done_notice: Option<String>,
    /// A shared folder to follow from now on.
    pub follow_folder: Option<PathBuf>,
    /// Stop following the shared folder.
    pub stop_following: bool,
    /// What the projector shows, or where.
    pub projector: Option<super::room::projector::ProjectorIntent>,
    /// What to tell a screen reader that no edit or command says (an offer that appeared).
    pub say: Option<String>,
}

impl Intents {
    pub fn edit(&mut self, edit: Edit) {
        self.edits.push(edit);
    }

    pub fn command(&mut self, command: Command) {
        self.commands.push(command);
    }

    /// How much that keeps what was typed has been asked for (edits, commands, a new session):
    /// a dialog that closes with these unchanged saved nothing.
    pub fn saving_marks(&self) -> (usize, usize, bool) {
        (
            self.edits.len(),
            self.commands.len(),
            self.new_session.is_some(),
        )
    }

    /// True when nothing was asked for.
    pub fn is_empty(&self) -> bool {
        self.edits.is_empty()
            && self.commands.is_empty()
            && self.finish_edit.is_none()
            && self.export_to.is_none()
            && !self.leave_card
            && self.chosen_file.is_none()
            && self.new_session.is_none()
            && self.done_notice.is_none()
            && self.follow_folder.is_none()
            && !self.stop_following
            && self.projector.is_none()
            && self.say.is_none()
    }
}
