//! The window: lays out the screens, then applies what the user asked for.

use super::board::board_ui;
use super::card_keys::selected_card_keys;
use super::commands::Command;
use super::details::{DetailsDialog, details_ui};
use super::export::{ExportAction, ExportChoice, RunningExport, export_dialog_ui};
use super::files::{FilePurpose, PendingDialog};
use super::find::{Find, find_ui};
use super::groups::groups_ui;
use super::index::SessionIndex;
use super::intents::Intents;
use super::move_dialog::move_dialog_ui;
use super::overview::{Overview, overview_ui};
use super::state::{UiState, View};
use super::summary_view::{SummaryView, summary_ui};
use super::themes::{ThemesView, themes_ui};
use super::{menu, status};
use crate::document::Document;
use crate::edit::Edit;
use crate::model::{Group, Session};
use crate::signals::ExitSignals;
use crate::store::Autosaver;
use std::path::PathBuf;

/// The whole app's state.
pub struct HarvestApp {
    pub(super) document: Document,
    pub(super) state: UiState,
    index: SessionIndex,
    pub(super) find: Find,
    overview: Overview,
    themes: ThemesView,
    summary: SummaryView,
    /// The Export… dialog, when open, and the last choices made in it.
    export_dialog_open: bool,
    export_choice: ExportChoice,
    running_export: Option<RunningExport>,
    pub(super) details: Option<DetailsDialog>,
    /// The "Restore a previous version…" dialog.
    restore: Option<super::restore::RestoreDialog>,
    file_dialog: Option<PendingDialog>,
    pub(super) saver: Option<Autosaver>,
    /// The newest revision handed to the saver.
    pub(super) submitted: u64,
    /// SIGTERM, SIGINT and SIGHUP, turned into a request to close.
    pub(super) signals: Option<ExitSignals>,
    /// A close that could not save: the next close request goes ahead anyway.
    pub(super) close_despite_failure: bool,
    /// Something to tell the user, shown until dismissed.
    pub(super) notice: Option<String>,
    pub(super) show_help: bool,
    title: String,
    exit_after_frames: Option<u64>,
    frames: u64,
}

/// "Title — Harvest".
pub fn window_title(document: &Document) -> String {
    format!("{} — Harvest", document.session().details.title)
}

impl HarvestApp {
    /// The app in its window: saving in the background, closing on exit signals, and telling
    /// the user what opening the session turned up (`notice`).
    pub fn new(
        cc: &eframe::CreationContext<'_>,
        document: Document,
        notice: Option<String>,
        signals: Option<ExitSignals>,
        exit_after_frames: Option<u64>,
    ) -> Self {
        let mut app = Self::headless(document);
        app.exit_after_frames = exit_after_frames;
        app.notice = notice;
        if let Some(signals) = signals {
            let ctx = cc.egui_ctx.clone();
            signals.set_waker(move || ctx.request_repaint());
            app.signals = Some(signals);
        }
        cc.egui_ctx
            .send_viewport_cmd(egui::ViewportCommand::Title(app.title.clone()));
        app.start_saver(&cc.egui_ctx);
        app
    }

    /// The app without a saver thread or window, for tests that drive it directly.
    pub fn headless(document: Document) -> Self {
        let state = UiState::new(document.session());
        Self {
            submitted: document.revision(),
            title: window_title(&document),
            document,
            state,
            index: SessionIndex::default(),
            find: Find::default(),
            overview: Overview::default(),
            themes: ThemesView::default(),
            summary: SummaryView::default(),
            export_dialog_open: false,
            export_choice: ExportChoice::default(),
            running_export: None,
            details: None,
            file_dialog: None,
            saver: None,
            signals: None,
            restore: None,
            close_despite_failure: false,
            notice: None,
            show_help: false,
            exit_after_frames: None,
            frames: 0,
        }
    }

    pub fn document(&self) -> &Document {
        &self.document
    }

    /// The card selected on the board, if any.
    pub fn selected_card(&self) -> Option<crate::model::CardId> {
        self.state.selected
    }

    pub fn session(&self) -> &Session {
        self.document.session()
    }

    fn open_dialog(&mut self, purpose: FilePurpose, ctx: &egui::Context) {
        if self.file_dialog.is_some() {
            return;
        }
        let extension = match purpose {
            FilePurpose::Export(choice) => choice.format.extension(),
            _ => "ron",
        };
        let name = format!("{}.{extension}", self.document.session().details.title);
        match PendingDialog::open(purpose, name, ctx) {
            Ok(dialog) => self.file_dialog = Some(dialog),
            Err(error) => self.notice = Some(format!("Could not open a file dialog: {error}")),
        }
    }

    fn poll_file_dialog(&mut self, ctx: &egui::Context) {
        let Some(answer) = self.file_dialog.as_ref().and_then(PendingDialog::poll) else {
            return;
        };
        let purpose = self.file_dialog.take().map(|d| d.purpose);
        match (purpose, answer) {
            (Some(FilePurpose::Open), Some(path)) => self.open_file(path, ctx),
            (Some(FilePurpose::SaveAs), Some(path)) => self.save_as(path, ctx),
            (Some(FilePurpose::Export(choice)), Some(path)) => self.start_export(path, choice, ctx),
            _ => {}
        }
    }

    /// Exports the summary to `path` in the background; the notice says how it went.
    pub fn start_export(&mut self, path: PathBuf, choice: ExportChoice, ctx: &egui::Context) {
        match RunningExport::start(self.document.snapshot(), choice, path, ctx) {
            Ok(export) => self.running_export = Some(export),
            Err(error) => self.notice = Some(format!("Could not start the export: {error}")),
        }
    }

    fn poll_export(&mut self) {
        let Some(outcome) = self.running_export.as_ref().and_then(RunningExport::poll) else {
            return;
        };
        self.running_export = None;
        self.notice = Some(match outcome {
            Ok(path) => format!("Exported the summary to {}", path.display()),
            Err(message) => format!("The export failed. {message}"),
        });
    }

    pub(super) fn run_command(&mut self, command: Command, ctx: &egui::Context) {
        let session = self.document.session();
        match command {
            Command::NewSession => self.new_session(ctx),
            Command::Open => self.open_dialog(FilePurpose::Open, ctx),
            Command::SaveNow => self.save_now(),
            Command::SaveAs => self.open_dialog(FilePurpose::SaveAs, ctx),
            Command::Export => self.export_dialog_open = true,
            Command::RestoreVersion => {
                self.restore = Some(super::restore::RestoreDialog::open(
                    &self.document.path,
                    ctx,
                ))
            }
            Command::Quit => ctx.send_viewport_cmd(egui::ViewportCommand::Close),
            Command::Undo => {
                self.document.undo();
            }
            Command::Redo => {
                self.document.redo();
            }
            Command::Find => self.find.open(),
            Command::NewGroup if self.document.read_only.is_some() => {
                self.notice = Some(
                    "This session is open read-only: use File > Save as… to keep an editable copy."
                        .into(),
                );
            }
            Command::NewGroup => {
                let group = Group::new(session.next_group_name());
                let index = session
                    .group_index(self.state.group)
                    .map_or(session.groups.len(), |i| i + 1);
                let id = group.id;
                let name = group.name.clone();
                if self.document.apply(Edit::AddGroup { group, index }).is_ok() {
                    self.state.group = id;
                    self.state.view = View::Board;
                    self.state.selected = None;
                    self.state.renaming_group = Some((id, name));
                    self.state.focus_group_name = true;
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
                    self.state.selected = None;
                    self.state.view = View::Board;
                    self.state.focus_draft = true;
                }
            }
            Command::Category(category) => {
                self.state.category = category;
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
            Command::SessionDetails => self.details = Some(DetailsDialog::for_session(session)),
            Command::GroupDetails => {
                if let Some(group) = session.group(self.state.group) {
                    self.details = Some(DetailsDialog::Group(group.clone()));
                }
            }
            Command::ZoomIn => egui::gui_zoom::zoom_in(ctx),
            Command::ZoomOut => egui::gui_zoom::zoom_out(ctx),
            Command::ZoomReset => ctx.set_zoom_factor(1.0),
            Command::KeyboardHelp => self.show_help = !self.show_help,
        }
    }

    /// Applies what the user asked for during the frame.
    fn apply(&mut self, mut intents: Intents, ctx: &egui::Context) {
        if let Some(reason) = &self.document.read_only
            && (!intents.edits.is_empty() || intents.finish_edit.is_some())
        {
            // Nothing may look changed that cannot be saved, and nothing typed is lost: a
            // refused card goes back into the card box.
            for edit in intents.edits.drain(..) {
                if let Edit::AddCard { card, .. } = edit
                    && self.state.draft.is_empty()
                {
                    self.state.draft = card.text;
                }
            }
            intents.finish_edit = None;
            self.state.editing = None;
            // An earlier notice (why nothing could be opened, say) matters more.
            self.notice.get_or_insert_with(|| {
                format!("{reason}. Changes can't be made here; use File > Save as… to keep an editable copy.")
            });
        }
        for edit in intents.edits {
            if let Err(error) = self.document.apply(edit) {
                self.notice = Some(format!("That change could not be made: {error}."));
            }
        }
        if let Some(finished) = intents.finish_edit
            && let (Some(edit), Some(text)) = (self.state.editing.take(), finished)
        {
            let unchanged = self
                .document
                .session()
                .card(edit.card)
                .is_none_or(|c| c.text == text);
            if !text.trim().is_empty() && !unchanged {
                let _ = self.document.apply(Edit::SetCardText {
                    id: edit.card,
                    text,
                });
            }
        }
        for command in intents.commands {
            self.run_command(command, ctx);
        }
        self.state.fit_to(self.document.session());
        let title = window_title(&self.document);
        if title != self.title {
            ctx.send_viewport_cmd(egui::ViewportCommand::Title(title.clone()));
            self.title = title;
        }
    }

    /// Typing with nothing focused goes into the new-card box, as a facilitator expects.
    fn route_stray_typing(&mut self, ctx: &egui::Context) {
        let idle = ctx.memory(|m| m.focused().is_none())
            && self.details.is_none()
            && self.state.moving.is_none();
        let typed = ctx.input(|i| i.events.iter().any(|e| matches!(e, egui::Event::Text(_))));
        if idle && typed && self.state.view == View::Board && self.state.editing.is_none() {
            self.state.focus_draft = true;
        }
    }
}

impl eframe::App for HarvestApp {
    fn logic(&mut self, ctx: &egui::Context, _frame: &mut eframe::Frame) {
        if self
            .signals
            .as_ref()
            .is_some_and(|s| s.requested().is_some())
        {
            ctx.send_viewport_cmd(egui::ViewportCommand::Close);
        }
        if ctx.input(|i| i.viewport().close_requested()) {
            self.before_close(ctx);
        }
        self.poll_file_dialog(ctx);
        self.poll_export();
        self.autosave();
    }

    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        crate::profiling::new_frame();
        crate::profile_scope!("frame");
        let ctx = ui.ctx().clone();
        self.frames += 1;
        if let Some(n) = self.exit_after_frames {
            if self.frames >= n {
                ctx.send_viewport_cmd(egui::ViewportCommand::Close);
            } else {
                // The app paints only on input, so without this a timing run would wait for
                // an input that never comes after the first few frames.
                ctx.request_repaint();
            }
        }
        self.index.refresh(&self.document);
        let mut intents = Intents::default();
        let modal_open = self.details.is_some()
            || self.state.dialog_open()
            || self.export_dialog_open
            || self.restore.is_some();
        if !modal_open {
            for command in Command::consume_pressed(&ctx) {
                self.run_command(command, &ctx);
            }
            self.index.refresh(&self.document);
            if matches!(self.state.view, View::Board | View::Themes) {
                let on_board = self.state.view == View::Board;
                selected_card_keys(
                    &ctx,
                    self.document.session(),
                    on_board,
                    &mut self.state,
                    &mut intents,
                );
            }
            self.route_stray_typing(&ctx);
        }

        egui::Panel::top("menu").show(ui, |ui| menu::menu_bar_ui(ui, self));
        if let Some(command) = egui::Panel::bottom("status")
            .show(ui, |ui| status::status_bar_ui(ui, self))
            .inner
        {
            self.run_command(command, &ctx);
        }
        let session = self.document.session();
        if matches!(self.state.view, View::Board | View::Overview) {
            egui::Panel::left("groups")
                .default_size(260.0)
                .resizable(true)
                .show(ui, |ui| {
                    groups_ui(ui, session, &self.index, &mut self.state, &mut intents);
                });
        }
        egui::CentralPanel::default().show(ui, |ui| {
            if let Some(notice) = self.notice.clone() {
                notice_ui(ui, &notice, &mut self.notice);
            }
            if self.find.open {
                find_ui(
                    ui,
                    &mut self.find,
                    session,
                    self.document.revision(),
                    &mut self.state,
                );
            }
            crate::profile_scope!("view");
            match self.state.view {
                View::Board => board_ui(ui, session, &self.index, &mut self.state, &mut intents),
                View::Overview => overview_ui(
                    ui,
                    &mut self.overview,
                    session,
                    &self.index,
                    self.document.revision(),
                    &mut self.state,
                ),
                View::Themes => themes_ui(
                    ui,
                    &mut self.themes,
                    &self.document,
                    &mut self.state,
                    &mut intents,
                ),
                View::Summary => summary_ui(ui, &mut self.summary, &self.document, &mut self.state),
            }
        });
        if let Some(dialog) = &mut self.details
            && !details_ui(&ctx, dialog, session, &mut intents)
        {
            self.details = None;
            self.state.focus_draft = true;
        }
        if self.state.moving.is_some() {
            move_dialog_ui(&ctx, session, &mut self.state, &mut intents);
        }
        if let Some(picker) = &mut self.state.theme_picker
            && !super::theme_picker::theme_picker_ui(&ctx, picker, session, &mut intents)
        {
            self.state.theme_picker = None;
        }
        if let Some(card) = self.state.linking
            && !super::links::links_ui(&ctx, card, &self.document, &mut intents)
        {
            self.state.linking = None;
        }
        let mut export_to = None;
        if std::mem::take(&mut self.state.export_requested) {
            self.export_dialog_open = true;
        }
        if self.export_dialog_open {
            match export_dialog_ui(&ctx, &mut self.export_choice) {
                ExportAction::None => {}
                ExportAction::Cancel => self.export_dialog_open = false,
                ExportAction::ChooseFile(choice) => {
                    self.export_dialog_open = false;
                    export_to = Some(choice);
                }
            }
        }
        if let Some(restore) = &mut self.restore
            && !super::restore::restore_ui(&ctx, restore, &mut intents)
        {
            self.restore = None;
        }
        if self.show_help {
            super::help::help_window_ui(&ctx, &mut self.show_help);
        }
        self.apply(intents, &ctx);
        if let Some(choice) = export_to {
            self.open_dialog(FilePurpose::Export(choice), &ctx);
        }
        self.autosave();
    }

    fn on_exit(&mut self, _gl: Option<&eframe::glow::Context>) {
        // Normally already done when the close was requested; this covers other ways out.
        if let Err(error) = self.flush() {
            log::error!("{error}");
        }
    }
}

fn notice_ui(ui: &mut egui::Ui, notice: &str, slot: &mut Option<String>) {
    egui::Frame::group(ui.style()).show(ui, |ui| {
        ui.horizontal(|ui| {
            ui.label(notice);
            if ui.button("Dismiss").clicked() {
                *slot = None;
            }
        });
    });
}
