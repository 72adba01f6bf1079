//! The one dialog that may be open at a time, and the one place that draws it.

pub mod action;
pub mod agenda;
pub mod conflicts;
pub mod details;
pub mod discard;
pub mod easy_words;
pub mod export;
pub mod file_chooser;
pub mod follow;
mod form;
pub use form::name_accessible;
mod help;
mod links;
pub mod merge_in;
mod move_card;
pub mod names_to_hide;
pub mod new_session;
mod path_box;
pub mod person;
pub mod register;
pub mod replace_with;
pub mod restore;
pub mod table_copy;
pub mod theme_picker;

use crate::document::Document;
use crate::model::CardId;
use crate::ui::intents::Intents;
use conflicts::{ConflictsDialog, conflicts_ui};
use details::{DetailsDialog, details_ui};
use export::{ExportAction, ExportChoice, export_dialog_ui};
use file_chooser::{FileChooser, file_chooser_ui};
use follow::{FollowDialog, follow_ui};
use merge_in::{MergeInDialog, merge_in_ui};
use new_session::{NewSessionDialog, new_session_ui};
use restore::{RestoreDialog, restore_ui};
use table_copy::{TableCopyDialog, table_copy_ui};
use theme_picker::{ThemePicker, theme_picker_ui};

/// Room kept between a dialog and the window's edges.
const DIALOG_MARGIN: f32 = 24.0;

/// A dialog's width: `wanted`, or as much as a narrow window has room for.
fn fitted_width(ctx: &egui::Context, wanted: f32) -> f32 {
    wanted
        .min(ctx.content_rect().width() - 2.0 * DIALOG_MARGIN)
        .max(200.0)
}

/// The height a dialog's scrolling part may take: what the window has left under what the
/// dialog has shown so far, less `below` for the rows after it (its buttons), so a dialog
/// never grows past the window and its buttons stay in view.
fn scroll_height(ui: &egui::Ui, below: f32) -> f32 {
    let above = ui.cursor().top() - ui.min_rect().top();
    let window = ui.ctx().content_rect().height();
    (window - 2.0 * DIALOG_MARGIN - above - below).max(60.0)
}

/// A dialog's heading, which also names the dialog for a screen reader ("Export the
/// summary, dialog").
fn heading_ui(ui: &mut egui::Ui, text: impl Into<String>) -> egui::Response {
    let text = text.into();
    super::name_enclosing(ui, egui::UiKind::Modal, &text);
    ui.heading(text)
}

/// A dialog and what the user has done in it so far.
pub enum Dialog {
    /// Session details (Ctrl+D) or a group's (Ctrl+Shift+D).
    Details(DetailsDialog),
    /// "Move to…" for a card.
    Move(CardId),
    ThemePicker(ThemePicker),
    /// The problems a "What would make a difference" card answers.
    Links(CardId),
    Export(ExportChoice),
    Restore(RestoreDialog),
    /// Edit → Conflicts…: the cards changed differently on two laptops, one at a time.
    Conflicts(ConflictsDialog),
    /// Title and date for File → New session.
    NewSession(NewSessionDialog),
    /// Harvest's own file chooser, when the desktop has no file dialog.
    FileChooser(Box<FileChooser>),
    /// File → Merge in…: other laptops' files and what each adds.
    MergeIn(Box<MergeInDialog>),
    /// File → Follow a shared folder…: where the table laptops save.
    Follow(FollowDialog),
    /// File → New table copy…: a file for a table's laptop.
    TableCopy(TableCopyDialog),
    /// A person in the volunteer register.
    Person(Box<person::PersonDialog>),
    /// What people sign up for, the consent wording, how long details are kept.
    Register(Box<register::RegisterDialog>),
    Action(Box<action::ActionDialog>),
    /// The session's names to hide in redacted exports.
    NamesToHide(names_to_hide::NamesToHideDialog),
    /// A role or placeholder in place of a personal detail.
    ReplaceWith(Box<replace_with::ReplaceWithDialog>),
    /// A card's or a theme's easy words for the Easy Read report.
    EasyWords(Box<easy_words::EasyWordsDialog>),
    KeyboardHelp,
}

impl std::fmt::Debug for Dialog {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let name = match self {
            Dialog::Details(_) => "Details",
            Dialog::Move(_) => "Move",
            Dialog::ThemePicker(_) => "ThemePicker",
            Dialog::Links(_) => "Links",
            Dialog::Export(_) => "Export",
            Dialog::Restore(_) => "Restore",
            Dialog::Conflicts(_) => "Conflicts",
            Dialog::NewSession(_) => "NewSession",
            Dialog::FileChooser(_) => "FileChooser",
            Dialog::MergeIn(_) => "MergeIn",
            Dialog::TableCopy(_) => "TableCopy",
            Dialog::Follow(_) => "Follow",
            Dialog::Person(_) => "Person",
            Dialog::Register(_) => "Register",
            Dialog::Action(_) => "Action",
            Dialog::NamesToHide(_) => "NamesToHide",
            Dialog::ReplaceWith(_) => "ReplaceWith",
            Dialog::EasyWords(_) => "EasyWords",
            Dialog::KeyboardHelp => "KeyboardHelp",
        };
        f.write_str(name)
    }
}

impl Dialog {
    /// Whether it takes the keyboard from the board (all but the help window).
    pub fn is_modal(&self) -> bool {
        !matches!(self, Dialog::KeyboardHelp)
    }

    /// Whether it is a form whose typing would be lost by closing it without saving (those
    /// where typing only filters or names a file are not).
    pub fn is_form(&self) -> bool {
        matches!(
            self,
            Dialog::Details(_)
                | Dialog::Conflicts(_)
                | Dialog::NewSession(_)
                | Dialog::Person(_)
                | Dialog::Register(_)
                | Dialog::Action(_)
                | Dialog::NamesToHide(_)
                | Dialog::ReplaceWith(_)
                | Dialog::EasyWords(_)
        )
    }

    /// For a form with more than text boxes (choices, ticks, dates, the agenda's buttons): what
    /// the user can change in it, to tell whether they have.
    pub fn values(&self) -> Option<String> {
        match self {
            Dialog::Details(details) => Some(format!("{details:?}")),
            Dialog::Person(person) => Some(person.values()),
            Dialog::Action(action) => Some(action.values()),
            _ => None,
        }
    }

    /// The card it is about, if it is about one.
    pub fn card(&self) -> Option<CardId> {
        match self {
            Dialog::Move(card) | Dialog::Links(card) => Some(*card),
            Dialog::ThemePicker(picker) => Some(picker.card),
            _ => None,
        }
    }
}

/// What closing a dialog leads to.
pub enum Closed {
    /// Back to capturing: the new-card box takes the keyboard again.
    BackToBoard,
    /// The export dialog's choices, to ask where to write them.
    Export(ExportChoice),
    /// Something to tell the user about what the dialog did.
    Notice(String),
    Nothing,
}

/// Draws the open dialog; returns how it was closed, if it was closed this frame.
pub fn dialog_ui(
    ctx: &egui::Context,
    dialog: &mut Dialog,
    document: &Document,
    intents: &mut Intents,
) -> Option<Closed> {
    let session = document.session();
    let open = match dialog {
        Dialog::Details(details) => details_ui(ctx, details, session, intents),
        Dialog::Move(card) => move_card::move_dialog_ui(ctx, *card, session, intents),
        Dialog::ThemePicker(picker) => theme_picker_ui(ctx, picker, session, intents),
        Dialog::Links(card) => links::links_ui(ctx, *card, document, intents),
        Dialog::Export(choice) => {
            return match export_dialog_ui(ctx, choice) {
                ExportAction::None => None,
                ExportAction::Cancel => Some(Closed::Nothing),
                ExportAction::ChooseFile(choice) => Some(Closed::Export(choice)),
            };
        }
        Dialog::Restore(restore) => restore_ui(ctx, restore, intents),
        Dialog::Conflicts(conflicts) => conflicts_ui(ctx, conflicts, document, intents),
        Dialog::NewSession(new) => new_session_ui(ctx, new, intents),
        Dialog::FileChooser(chooser) => file_chooser_ui(ctx, chooser, intents),
        Dialog::MergeIn(merge) => merge_in_ui(ctx, merge, document, intents),
        Dialog::TableCopy(copy) => table_copy_ui(ctx, copy, document),
        Dialog::Follow(follow) => follow_ui(ctx, follow, intents),
        Dialog::Person(person) => person::person_ui(ctx, person, session, intents),
        Dialog::Register(register) => register::register_ui(ctx, register, session, intents),
        Dialog::Action(action) => action::action_ui(ctx, action, session, intents),
        Dialog::NamesToHide(names) => names_to_hide::names_to_hide_ui(ctx, names, session, intents),
        Dialog::ReplaceWith(replace) => {
            replace_with::replace_with_ui(ctx, replace, session, intents)
        }
        Dialog::EasyWords(easy) => easy_words::easy_words_ui(ctx, easy, session, intents),
        Dialog::KeyboardHelp => {
            let mut open = true;
            help::help_window_ui(ctx, &mut open);
            open
        }
    };
    (!open).then(|| closed(dialog))
}

/// Where closing `dialog` leads.
pub fn closed(dialog: &mut Dialog) -> Closed {
    match dialog {
        Dialog::Details(_) | Dialog::Conflicts(_) => Closed::BackToBoard,
        Dialog::MergeIn(merge) => merge.done.take().map_or(Closed::Nothing, Closed::Notice),
        Dialog::TableCopy(copy) => copy.done.take().map_or(Closed::Nothing, Closed::Notice),
        _ => Closed::Nothing,
    }
}
