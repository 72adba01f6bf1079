//! What the screen is showing: which group and category, what is selected or being edited.
//! None of this is saved with the session (the card boxes' words are kept beside it, by the
//! workspace).

use crate::model::{CardId, Category, GroupId, Session};
use crate::store::drafts::DraftStore;

/// The main area's screens.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum View {
    Board,
    Overview,
    Themes,
    Summary,
    /// The volunteer register.
    People,
    Actions,
    /// What redacted exports take out.
    PersonalDetails,
    /// Easy words for the Easy Read report.
    EasyWords,
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
    /// The new-card box's text: the words of the group `draft_group`.
    pub draft: String,
    /// Whose words the card box holds. When the group on screen changes, they are put away
    /// with this group and the new group's words are taken out (see [`UiState::switch_card_box`]).
    pub draft_group: GroupId,
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
    /// On the group a table laptop's copy was made for, else the first.
    pub fn new(session: &Session) -> Self {
        let table = session.table.filter(|t| session.group(*t).is_some());
        let first = session.groups.first().map(|g| g.id);
        let group = table.or(first).unwrap_or_default();
        Self {
            view: View::Board,
            group,
            category: crate::model::Category::Good,
            draft: String::new(),
            draft_group: group,
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

    /// Puts the card box's words away with the group they were typed for and takes out the
    /// words of the group now on screen. Words of a group that is gone (deleted, or an undone
    /// Ctrl+G) come along into the new box instead, so they are never out of sight.
    pub fn switch_card_box(&mut self, left_group_exists: bool, drafts: &mut DraftStore) {
        let words = std::mem::replace(&mut self.draft, drafts.get(self.group).to_owned());
        let left = std::mem::replace(&mut self.draft_group, self.group);
        if left_group_exists {
            drafts.set(left, &words);
        } else {
            drafts.set(left, "");
            self.add_to_draft(&words);
        }
    }

    /// Fills the card box from what was kept for the current group, then adds what was kept
    /// for the `gone` groups, which the session no longer has.
    pub fn restore_card_box(&mut self, gone: &[GroupId], drafts: &mut DraftStore) {
        self.draft = drafts.get(self.group).to_owned();
        self.draft_group = self.group;
        for &group in gone {
            let words = drafts.get(group).to_owned();
            drafts.set(group, "");
            self.add_to_draft(&words);
        }
    }

    /// Adds words at the end of the card box, on a line of their own.
    pub fn add_to_draft(&mut self, words: &str) {
        if words.is_empty() {
            return;
        }
        if !self.draft.is_empty() && !self.draft.ends_with('\n') {
            self.draft.push('\n');
        }
        self.draft.push_str(words);
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
