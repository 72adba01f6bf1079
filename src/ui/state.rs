//! What the screen is showing: which group and category, what is selected or being edited.
//! None of this is saved with the session.

use crate::model::{CardId, Category, GroupId, Session};

/// The main area's screens.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum View {
    Board,
    Overview,
    Themes,
    Summary,
}

/// A card being edited in place.
#[derive(Clone, Debug)]
pub struct CardEdit {
    pub card: CardId,
    pub text: String,
    /// Focus the text box on the next frame.
    pub focus: bool,
}

#[derive(Debug)]
pub struct UiState {
    pub view: View,
    pub group: GroupId,
    pub category: Category,
    /// The new-card box's text.
    pub draft: String,
    /// Put the keyboard focus in the new-card box on the next frame.
    pub focus_draft: bool,
    pub selected: Option<CardId>,
    /// The selected card was chosen with the arrows or the mouse, so the card keys work on it.
    /// A card only highlighted (by Escape, or shown from another screen) takes none: typing
    /// then goes back into the card box, so a stray Escape never turns words into commands.
    pub selection_chosen: bool,
    /// Scroll the selected card into view on the next frame.
    pub reveal_selected: bool,
    pub editing: Option<CardEdit>,
    /// A group whose name box is open, and its text.
    pub renaming_group: Option<(GroupId, String)>,
    /// Put the keyboard focus in the group name box on the next frame.
    pub focus_group_name: bool,
    /// Lines pasted into the new-card box, waiting for "add one card per line?".
    pub pending_paste: Option<Vec<String>>,
    /// The one dialog open, if any.
    pub dialog: Option<super::dialogs::Dialog>,
}

impl UiState {
    pub fn new(session: &Session) -> Self {
        Self {
            view: View::Board,
            group: session.groups.first().map(|g| g.id).unwrap_or_default(),
            category: crate::model::Category::Good,
            draft: String::new(),
            focus_draft: true,
            selected: None,
            selection_chosen: false,
            reveal_selected: false,
            editing: None,
            renaming_group: None,
            focus_group_name: false,
            pending_paste: None,
            dialog: None,
        }
    }

    /// Forgets anything that points at what the session no longer has (after undo, say).
    pub fn fit_to(&mut self, session: &Session) {
        if session.group(self.group).is_none() {
            self.group = session.groups.first().map(|g| g.id).unwrap_or_default();
        }
        let gone = |id: &Option<CardId>| id.is_some_and(|id| session.card(id).is_none());
        if gone(&self.selected) {
            self.selected = None;
        }
        if gone(&self.dialog.as_ref().and_then(super::dialogs::Dialog::card)) {
            self.dialog = None;
        }
        if self
            .editing
            .as_ref()
            .is_some_and(|e| session.card(e.card).is_none())
        {
            self.editing = None;
        }
        if self
            .renaming_group
            .as_ref()
            .is_some_and(|(g, _)| session.group(*g).is_none())
        {
            self.renaming_group = None;
        }
    }

    /// Opens the name box of a group, with the keyboard in it.
    pub fn start_renaming(&mut self, group: &crate::model::Group) {
        self.renaming_group = Some((group.id, group.name.clone()));
        self.focus_group_name = true;
    }

    /// Whether a dialog has the keyboard.
    pub fn dialog_open(&self) -> bool {
        self.dialog
            .as_ref()
            .is_some_and(super::dialogs::Dialog::is_modal)
    }

    /// Selects a card and shows where it is: its group, its category, scrolled into view.
    pub fn reveal(&mut self, session: &Session, card: CardId) {
        if let Some(found) = session.card(card) {
            self.view = View::Board;
            self.group = found.group;
            self.category = found.category;
            self.highlight(Some(card));
            self.reveal_selected = true;
        }
    }

    /// Selects a card chosen with the arrows or the mouse: the card keys work on it.
    pub fn choose(&mut self, card: CardId) {
        self.selected = Some(card);
        self.selection_chosen = true;
    }

    /// Shows a card as selected without giving it the card keys (or clears the selection).
    pub fn highlight(&mut self, card: Option<CardId>) {
        self.selected = card;
        self.selection_chosen = false;
    }
}
