//! Applying what the user asked for during a frame: the one place edits reach the session and
//! commands are carried out. Nothing typed is lost on the way: words of a refused card go back
//! into the card box, and a refused in-place edit stays open with its words.

use super::app::{HarvestApp, window_title};
use super::commands::Command;
use super::dialogs::Dialog;
use super::files::FilePurpose;
use super::intents::Intents;
use super::lifecycle::{NOTHING_OPEN, without_conflicts_line};
use super::state::View;
use crate::edit::Edit;
use crate::model::{Category, Group};

impl HarvestApp {
    /// Applies the frame's intents: edits, then the card being edited, then commands.
    pub(super) fn apply(&mut self, intents: Intents, ctx: &egui::Context) {
        let anything = !intents.is_empty();
        let revision = self.workspace.document().revision();
        let refusal = self.why_unchangeable();
        let mut refused = false;
        for edit in intents.edits {
            let outcome = match &refusal {
                Some(reason) => Err(reason.clone()),
                None => self
                    .workspace
                    .document_mut()
                    .apply(edit.clone())
                    .map_err(|e| format!("That change could not be made: {e}.")),
            };
            if outcome.is_ok()
                && let Some(said) =
                    super::announce::after_edit(&edit, self.workspace.document().session())
            {
                self.announcer.say(said);
            }
            if let Err(message) = outcome {
                refused = true;
                self.keep_typed_words(&edit);
                // An earlier notice (why nothing could be opened, say) matters more.
                self.notice.get_or_insert(message);
            }
        }
        if let Some(notice) = intents.done_notice.filter(|_| !refused) {
            self.notice = Some(notice);
        }
        if let Some(said) = intents.say {
            self.announcer.say(said);
        }
        if let Some(finished) = intents.finish_edit {
            self.finish_editing(finished, refusal.as_deref());
        }
        if intents.leave_card {
            self.state.selection_chosen = false;
        }
        for command in intents.commands {
            self.run_command(command, ctx);
        }
        if let Some(choice) = intents.export_to {
            self.open_file_dialog(FilePurpose::Export(choice), ctx);
        }
        if let Some((purpose, path)) = intents.chosen_file {
            self.file_chosen(purpose, path, ctx);
        }
        if let Some(new) = intents.new_session {
            self.new_session(new, ctx);
        }
        if let Some(folder) = intents.follow_folder {
            self.follow(folder, ctx);
        }
        if let Some(intent) = intents.projector {
            self.projector.apply(intent, ctx);
        }
        if intents.stop_following && self.following.take().is_some() {
            self.notice = Some("Stopped following the shared folder.".into());
        }
        let document = self.workspace.document();
        if document.revision() != revision {
            // Only a change can leave the screen pointing at what is gone.
            self.state.fit_to(document.session());
        }
        let (group, category) = (self.state.group, self.state.category);
        (self.announcer).follow_place(document.session(), group, category);
        let title = window_title(self.workspace.document());
        if title != self.title {
            ctx.send_viewport_cmd(egui::ViewportCommand::Title(title.clone()));
            self.title = title;
        }
        if anything {
            // What was applied shows on the next frame, without waiting for more input.
            ctx.request_repaint();
        }
    }

    /// Runs one command; the only place commands are carried out.
    pub(super) fn run_command(&mut self, command: Command, ctx: &egui::Context) {
        let session = self.workspace.document().session();
        match command {
            Command::NewSession => self.ask_for_new_session(),
            Command::Open => self.open_file_dialog(FilePurpose::Open, ctx),
            Command::SaveNow => self.save_now(),
            Command::SaveAs => self.open_file_dialog(FilePurpose::SaveAs, ctx),
            Command::Export => self.state.dialog = Some(Dialog::Export(self.export_choice)),
            Command::RestoreVersion => {
                let path = &self.workspace.document().path;
                self.state.dialog = Some(Dialog::Restore(
                    super::dialogs::restore::RestoreDialog::open(path, ctx),
                ));
            }
            Command::MergeIn => match self.why_unchangeable() {
                Some(reason) => self.notice = Some(reason),
                None => {
                    let picker = std::sync::Arc::clone(&self.files.picker);
                    let dialog = super::dialogs::merge_in::MergeInDialog::new(picker);
                    self.state.dialog = Some(Dialog::MergeIn(Box::new(dialog)));
                }
            },
            Command::FollowFolder => match self.why_unchangeable() {
                Some(reason) => self.notice = Some(reason),
                None => {
                    let picker = std::sync::Arc::clone(&self.files.picker);
                    let now = (self.following.as_ref()).map(|f| f.follower.folder().to_owned());
                    let dialog = super::dialogs::follow::FollowDialog::new(picker, now);
                    self.state.dialog = Some(Dialog::Follow(dialog));
                }
            },
            Command::NewTableCopy => match self.workspace.unopened() {
                Some(_) => self.notice = Some(NOTHING_OPEN.to_owned()),
                None => {
                    let document = self.workspace.document();
                    let dialog = super::dialogs::table_copy::TableCopyDialog::new(
                        document,
                        self.state.group,
                    );
                    self.state.dialog = Some(Dialog::TableCopy(dialog));
                }
            },
            Command::Quit => ctx.send_viewport_cmd(egui::ViewportCommand::Close),
            Command::Undo | Command::Redo => {
                self.undo_or_redo(command == Command::Undo);
                // The box's own history is older than this step: the next redo is the session's.
                super::text_undo::forget_focused_typing(ctx);
            }
            Command::Find => self.find.open(),
            Command::Conflicts => {
                let dialog = super::dialogs::conflicts::ConflictsDialog::open(self.state.selected);
                self.state.dialog = Some(Dialog::Conflicts(dialog));
                // The notice that sent the user here has done its job.
                self.notice = self.notice.take().and_then(without_conflicts_line);
            }
            Command::NewGroup => {
                if let Some(reason) = self.why_unchangeable() {
                    self.notice = Some(reason);
                } else {
                    self.add_group();
                }
            }
            Command::NextGroup | Command::PreviousGroup => {
                let count = session.groups.len();
                if let Some(at) = session.group_index(self.state.group).filter(|_| count > 0) {
                    let step = if command == Command::NextGroup {
                        1
                    } else {
                        count - 1
                    };
                    self.state.group = session.groups[(at + step) % count].id;
                    self.state.highlight(None);
                    self.state.view = View::Board;
                    self.state.focus_draft = true;
                }
            }
            Command::Category(category) => {
                self.state.category = category;
                // A card of the old column must not catch the next Escape: it selects in this one.
                self.state.highlight(None);
                self.state.view = View::Board;
                self.state.focus_draft = true;
            }
            Command::ShowBoard => {
                self.state.view = View::Board;
                self.state.focus_draft = true;
            }
            Command::ShowOverview => self.state.view = View::Overview,
            Command::ShowThemes => self.state.view = View::Themes,
            Command::ShowSummary => self.state.view = View::Summary,
            Command::ShowPeople => self.state.view = View::People,
            Command::ShowActions => self.state.view = View::Actions,
            Command::ShowPersonalDetails => self.state.view = View::PersonalDetails,
            Command::ShowEasyWords => self.state.view = View::EasyWords,
            Command::SessionDetails => {
                let details = super::dialogs::details::DetailsDialog::for_session(session);
                self.state.dialog = Some(Dialog::Details(details));
            }
            Command::GroupDetails => {
                if let Some(group) = session.group(self.state.group) {
                    let details = super::dialogs::details::DetailsDialog::Group(group.clone());
                    self.state.dialog = Some(Dialog::Details(details));
                }
            }
            Command::StartPauseTimer | Command::NextPhase | Command::AddMinute => {
                self.press_timer(command);
            }
            Command::Projector => self.projector.toggle(),
            Command::HideWords => self.projector.hide_words = !self.projector.hide_words,
            Command::ZoomIn => egui::gui_zoom::zoom_in(ctx),
            Command::ZoomOut => egui::gui_zoom::zoom_out(ctx),
            Command::ZoomReset => ctx.set_zoom_factor(1.0),
            Command::KeyboardHelp => {
                self.state.dialog = match self.state.dialog {
                    Some(Dialog::KeyboardHelp) => None,
                    _ => Some(Dialog::KeyboardHelp),
                }
            }
        }
    }

    /// Why the session cannot be changed now, if it cannot.
    pub(super) fn why_unchangeable(&self) -> Option<String> {
        if self.workspace.unopened().is_some() {
            return Some(NOTHING_OPEN.to_owned());
        }
        if let Some(job) = self.session_leaving() {
            return Some(format!(
                "{} Changes wait until it is done; what you typed is kept.",
                job.describe()
            ));
        }
        self.workspace.document().read_only.as_ref().map(|reason| {
            format!("{reason}. Changes can't be made here; use File > Save as… to keep an editable copy.")
        })
    }

    /// Puts the words of cards that could not be added back into the card box, whole.
    fn keep_typed_words(&mut self, edit: &Edit) {
        let mut words = Vec::new();
        collect_new_card_words(edit, &mut words);
        if words.is_empty() {
            return;
        }
        let draft = &mut self.state.draft;
        if !draft.is_empty() && !draft.ends_with('\n') {
            draft.push('\n');
        }
        draft.push_str(&words.join("\n"));
        self.state.focus_draft = true;
    }

    /// Closes the card being edited in place: Some(words) keeps them, None cancels. Words
    /// that cannot be saved stay in the editor with a notice.
    fn finish_editing(&mut self, finished: Option<String>, refusal: Option<&str>) {
        let (Some(editing), Some(text)) = (self.state.editing.as_ref(), finished) else {
            self.state.editing = None;
            return;
        };
        let card = editing.card;
        let unchanged = self
            .workspace
            .document()
            .session()
            .card(card)
            .is_none_or(|c| c.text == text);
        if text.trim().is_empty() || unchanged {
            self.state.editing = None;
            return;
        }
        let outcome = match refusal {
            Some(reason) => Err(reason.to_owned()),
            None => self
                .workspace
                .document_mut()
                .apply(Edit::SetCardText { id: card, text })
                .map_err(|e| format!("Those words could not be saved to the card: {e}.")),
        };
        match outcome {
            Ok(()) => self.state.editing = None,
            Err(message) => {
                if let Some(editing) = &mut self.state.editing {
                    editing.focus = true;
                }
                self.notice = Some(message);
            }
        }
    }

    /// Undo (or redo) the last step, saying so when it cannot be done.
    pub(super) fn undo_or_redo(&mut self, undo: bool) {
        if let Some(reason) = self.why_unchangeable() {
            self.notice = Some(reason);
            return;
        }
        let document = self.workspace.document_mut();
        let (what, outcome) = if undo {
            (document.undo_label(), document.undo())
        } else {
            (document.redo_label(), document.redo())
        };
        match (outcome, what) {
            (Ok(true), Some(what)) => self.announcer.say(super::announce::stepped(undo, what)),
            (Ok(_), _) => {
                let nothing = if undo {
                    "Nothing to undo"
                } else {
                    "Nothing to redo"
                };
                self.announcer.say(nothing.to_owned());
            }
            (Err(failed), _) => self.notice = Some(format!("{failed}.")),
        }
    }

    /// Ctrl+G: a new group after the current one, its name box open.
    pub(super) fn add_group(&mut self) {
        let session = self.workspace.document().session();
        let group = Group::new(session.next_group_name());
        let index = session
            .group_index(self.state.group)
            .map_or(session.groups.len(), |i| i + 1);
        let (id, name) = (group.id, group.name.clone());
        match self
            .workspace
            .document_mut()
            .apply(Edit::AddGroup { group, index })
        {
            Ok(()) => {
                self.state.group = id;
                // A new table starts at the top of the form, whatever the last one ended on.
                self.state.category = Category::ALL[0];
                self.state.view = View::Board;
                self.state.highlight(None);
                self.state.renaming_group = Some((id, name));
                self.state.focus_group_name = true;
            }
            Err(error) => self.notice = Some(format!("Could not add a group: {error}.")),
        }
    }
}

/// The words of every new card in `edit`, in order.
fn collect_new_card_words(edit: &Edit, words: &mut Vec<String>) {
    match edit {
        Edit::AddCard { card, .. } => words.push(card.text.clone()),
        Edit::Batch(edits) => {
            for edit in edits {
                collect_new_card_words(edit, words);
            }
        }
        _ => {}
    }
}
