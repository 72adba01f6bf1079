//! What the user asked for during one frame. Widgets only record intents; the app applies
//! them once the frame is laid out, so every change to the session goes through one place.

use super::commands::Command;
use crate::edit::Edit;

#[derive(Default)]
pub struct Intents {
    pub edits: Vec<Edit>,
    pub commands: Vec<Command>,
    /// The card being edited was closed: Some(text) to keep the new words, None to cancel.
    pub finish_edit: Option<Option<String>>,
}

impl Intents {
    pub fn edit(&mut self, edit: Edit) {
        self.edits.push(edit);
    }

    pub fn command(&mut self, command: Command) {
        self.commands.push(command);
    }
}
