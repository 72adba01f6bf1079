//! The window: lays out the screens, collecting what the user asked for as [`Intents`], then
//! applies them once the frame is laid out.

use super::board::card_keys::selected_card_keys;
use super::board::{board_ui, groups::groups_ui};
use super::commands::Command;
use super::dialogs::discard::{self, DiscardGuard};
use super::dialogs::export::{ExportChoice, RunningExport};
use super::dialogs::{Closed, dialog_ui};
use super::files::Files;
use super::find::{Find, find_ui};
use super::focus_return::FocusReturn;
use super::index::SessionIndex;
use super::intents::Intents;
use super::lifecycle::{Closing, Running};
use super::overview::{Overview, overview_ui};
use super::state::{UiState, View};
use super::summary_view::{SummaryView, summary_ui};
use super::task::{Poll, take_finished};
use super::themes::{ThemesView, themes_ui};
use super::{menu, status};
use crate::document::Document;
use crate::model::Session;
use crate::signals::ExitSignals;
use crate::workspace::Workspace;
use std::path::PathBuf;

/// The screens' own state, kept while another screen is shown.
#[derive(Default)]
struct Screens {
    overview: Overview,
    themes: ThemesView,
    summary: SummaryView,
    people: super::people::PeopleView,
    actions: super::actions_view::ActionsView,
    personal_details: super::personal_details::PersonalDetailsView,
    easy_words: super::easy_words_view::EasyWordsView,
}

/// Helper-thread work started from the window that is not a lifecycle job.
#[derive(Default)]
struct Background {
    export: Option<RunningExport>,
}

/// The whole app's state: the session and its saver, what the screen shows, and what is
/// running in the background.
pub struct HarvestApp {
    pub(super) workspace: Workspace,
    /// What this frame shows: view, group, category, selection, the one dialog.
    pub(super) state: UiState,
    pub(super) index: SessionIndex,
    pub(super) find: Find,
    screens: Screens,
    /// The Export… dialog's last choices, offered again next time.
    pub(super) export_choice: ExportChoice,
    background: Background,
    /// The file dialogs, Harvest's own folder and the recent sessions.
    pub(super) files: Files,
    /// The shared folder followed, if any.
    pub(super) following: Option<super::following::Following>,
    /// Opening, creating or saving-as a session, or saving before closing.
    pub(super) lifecycle: Option<Running>,
    pub(super) closing: Closing,
    /// SIGTERM, SIGINT and SIGHUP, turned into a request to close.
    pub(super) signals: Option<ExitSignals>,
    /// The projector window's state.
    pub(super) projector: super::room::projector::Projector,
    /// The time now, for the phase timer.
    pub(super) clock: super::room::Clock,
    /// Something to tell the user, shown until dismissed.
    pub(super) notice: Option<String>,
    pub(super) title: String,
    /// What was last said to a screen reader.
    pub(super) announcer: super::announce::Announcer,
    /// What had the keyboard before the open dialog opened, to give it back when it closes.
    focus_before_dialog: Option<egui::Id>,
    /// Whether the open form was typed in, and the question before it closes unsaved.
    discard_guard: DiscardGuard,
    /// Focus to give back on the next frame, once the closed dialog no longer holds it.
    focus_back: Option<FocusReturn>,
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
        workspace: Workspace,
        notice: Option<String>,
        signals: Option<ExitSignals>,
        exit_after_frames: Option<u64>,
    ) -> Self {
        let mut app = Self::with_workspace(workspace);
        app.exit_after_frames = exit_after_frames;
        let place = cc
            .storage
            .and_then(|s| eframe::get_value(s, super::room::projector::STORAGE_KEY));
        app.projector = super::room::projector::Projector::new(place.unwrap_or_default());
        app.notice = super::lifecycle::opening_notice(notice, app.session(), app.clock.today());
        if let Some(signals) = signals {
            let ctx = cc.egui_ctx.clone();
            signals.set_waker(move || ctx.request_repaint());
            app.signals = Some(signals);
        }
        cc.egui_ctx
            .send_viewport_cmd(egui::ViewportCommand::Title(app.title.clone()));
        app.connect_saver(&cc.egui_ctx);
        app
    }

    /// The app on a document that nothing saves, for tests that drive it directly.
    pub fn headless(document: Document) -> Self {
        Self::with_workspace(Workspace::unsaved(document))
    }

    /// The app on a workspace, without a window: tests with a real saver start here.
    pub fn with_workspace(workspace: Workspace) -> Self {
        let state = UiState::new(workspace.document().session());
        let mut app = Self {
            title: window_title(workspace.document()),
            workspace,
            state,
            index: SessionIndex::default(),
            find: Find::default(),
            screens: Screens::default(),
            export_choice: ExportChoice::default(),
            background: Background::default(),
            files: Files::default(),
            following: None,
            projector: super::room::projector::Projector::new(Default::default()),
            clock: super::room::Clock::default(),
            lifecycle: None,
            closing: Closing::default(),
            signals: None,
            notice: None,
            announcer: super::announce::Announcer::default(),
            focus_before_dialog: None,
            discard_guard: DiscardGuard::default(),
            focus_back: None,
            exit_after_frames: None,
            frames: 0,
        };
        app.restore_card_box();
        app.notice = super::lifecycle::opening_notice(None, app.session(), app.clock.today());
        app
    }

    /// Notes what has the keyboard while no dialog is open, and gives it back after one closed.
    fn give_focus_back(&mut self, ctx: &egui::Context) {
        if self.state.dialog.is_some() {
            return;
        }
        self.focus_back = self.focus_back.take().and_then(|back| back.pursue(ctx));
        self.focus_before_dialog = ctx.memory(|m| m.focused());
    }

    /// The window's title as its accessible name, and what the timer and the saver say.
    fn follow_for_announcements(&mut self, ctx: &egui::Context) {
        let title = self.title.clone();
        ctx.accesskit_node_builder(egui::accesskit_root_id(), |node| node.set_label(title));
        let session = self.workspace.document().session();
        let view = super::room::timer_view::TimerView::of(
            &session.timer,
            &session.details.agenda,
            self.clock.now(),
        );
        self.announcer.follow_timer(view.as_ref());
        let failure = match self.workspace.status() {
            Some(status @ crate::store::SaveStatus::NotSaved { .. }) => Some(status.to_string()),
            _ => None,
        };
        self.announcer.follow_saving(failure);
    }

    /// Forgets everything worked out from the session on screen: a session opened in its
    /// place may have the same revision number.
    pub(super) fn forget_derived(&mut self) {
        self.index = SessionIndex::default();
        self.screens = Screens::default();
    }

    pub fn document(&self) -> &Document {
        self.workspace.document()
    }

    pub fn workspace(&self) -> &Workspace {
        &self.workspace
    }

    /// Tells the time from `clock` from now on, for tests of the phase timer.
    pub fn set_clock(&mut self, clock: super::room::Clock) {
        self.clock = clock;
    }

    /// Whether the projector window is open, and whether it hides the words.
    pub fn projector_open(&self) -> (bool, bool) {
        (self.projector.open, self.projector.hide_words)
    }

    /// The card selected on the board, if any.
    pub fn selected_card(&self) -> Option<crate::model::CardId> {
        self.state.selected
    }

    pub fn session(&self) -> &Session {
        self.workspace.document().session()
    }

    /// What the new-card box holds.
    pub fn draft(&self) -> &str {
        &self.state.draft
    }

    /// What the notice area says, if anything.
    pub fn notice(&self) -> Option<&str> {
        self.notice.as_deref()
    }

    fn poll_background(&mut self, ctx: &egui::Context) {
        self.poll_file_dialog(ctx);
        self.files.recent.refresh(&self.files.places, ctx);
        if let Some(outcome) = take_finished(&mut self.background.export) {
            self.notice = Some(match outcome {
                Poll::Done(Ok(exported)) => exported.notice(),
                Poll::Done(Err(message)) => format!("The export failed: {message}"),
                _ => "The export stopped unexpectedly.".to_owned(),
            });
        }
    }

    /// Exports the summary to `path` in the background; the notice says how it went.
    pub fn start_export(&mut self, path: PathBuf, choice: ExportChoice, ctx: &egui::Context) {
        let snapshot = self.workspace.document().snapshot();
        match super::dialogs::export::start_export(snapshot, choice, path, ctx) {
            Ok(export) => self.background.export = Some(export),
            Err(error) => self.notice = Some(format!("Could not start the export: {error}")),
        }
    }

    /// Typing with nothing focused goes into the new-card box, as a facilitator expects.
    fn route_stray_typing(&mut self, ctx: &egui::Context) {
        let idle = ctx.memory(|m| m.focused().is_none()) && self.state.dialog.is_none();
        let typed = ctx.input(|i| i.events.iter().any(|e| matches!(e, egui::Event::Text(_))));
        if idle && typed && self.state.view == View::Board && self.state.editing.is_none() {
            self.state.focus_draft = true;
        }
    }

    /// The main area and its side panels.
    fn screens_ui(&mut self, ui: &mut egui::Ui, intents: &mut Intents) {
        if let Some(reason) = self.workspace.unopened() {
            // No board to type into: what is wrong, and the ways on.
            egui::CentralPanel::default().show(ui, |ui| {
                if let Some(notice) = self.notice.clone() {
                    notice_ui(ui, &notice, &mut self.notice);
                }
                super::empty_state::nothing_open_ui(ui, reason, intents);
            });
            return;
        }
        let sample = self.showing_sample();
        if matches!(self.state.view, View::Board | View::Overview) {
            let session = self.workspace.document().session();
            // Narrower in a small or zoomed window, so the board keeps room for its columns.
            let width = (ui.available_width() * 0.25).clamp(180.0, 260.0);
            egui::Panel::left("groups")
                .default_size(width)
                .resizable(true)
                .show(ui, |ui| {
                    groups_ui(ui, session, &self.index, &mut self.state, intents);
                });
            // A group clicked in the list shows its own card box in this very frame.
            self.keep_card_box(ui.ctx());
        }
        let document = self.workspace.document();
        let session = document.session();
        egui::CentralPanel::default().show(ui, |ui| {
            if let Some(notice) = self.notice.clone() {
                notice_ui(ui, &notice, &mut self.notice);
            }
            if sample {
                super::empty_state::sample_banner_ui(ui, intents);
            }
            if self.find.open {
                find_ui(
                    ui,
                    &mut self.find,
                    session,
                    document.revision(),
                    &mut self.state,
                );
            }
            crate::profile_scope!("view");
            let screens = &mut self.screens;
            match self.state.view {
                View::Board => board_ui(ui, session, &self.index, &mut self.state, intents),
                View::Overview => overview_ui(
                    ui,
                    &mut screens.overview,
                    session,
                    &self.index,
                    document.revision(),
                    &mut self.state,
                ),
                View::Themes => {
                    themes_ui(ui, &mut screens.themes, document, &mut self.state, intents)
                }
                View::Summary => {
                    summary_ui(ui, &mut screens.summary, document, &mut self.state, intents)
                }
                View::People => super::people::people_ui(
                    ui,
                    &mut screens.people,
                    session,
                    &mut self.state,
                    intents,
                    self.clock.today(),
                ),
                View::Actions => super::actions_view::actions_ui(
                    ui,
                    &mut screens.actions,
                    session,
                    &mut self.state,
                    self.clock.today(),
                ),
                View::PersonalDetails => super::personal_details::personal_details_ui(
                    ui,
                    &mut screens.personal_details,
                    document,
                    &mut self.state,
                    intents,
                ),
                View::EasyWords => super::easy_words_view::easy_words_ui(
                    ui,
                    &mut screens.easy_words,
                    document,
                    &mut self.state,
                ),
            }
        });
    }

    /// The open dialog, if any, and what closing it leads to.
    fn dialog_ui(&mut self, ctx: &egui::Context, intents: &mut Intents) {
        let Some(dialog) = &mut self.state.dialog else {
            self.discard_guard.reset();
            return;
        };
        if dialog.is_form() {
            self.discard_guard.watch(ctx, dialog.values());
        }
        let before = intents.saving_marks();
        let mut closed = dialog_ui(ctx, dialog, self.workspace.document(), intents);
        self.discard_guard.drawn(dialog.values());
        if intents.saving_marks() != before {
            self.discard_guard.saved();
        } else if closed.is_some() && dialog.is_form() && !self.discard_guard.may_close() {
            // Asked to close without saving what was typed: not until the user says so.
            closed = None;
        }
        if self.discard_guard.is_asking()
            && self.discard_guard.ask_ui(ctx) == Some(discard::Answer::Discard)
        {
            closed = Some(super::dialogs::closed(dialog));
        }
        let Some(closed) = closed else {
            return;
        };
        self.discard_guard.reset();
        // A card's own dialogs leave it selected for its keys; the others give the keyboard
        // back to what had it (on the board, the card box).
        let about_card = dialog.card().is_some();
        self.state.dialog = None;
        match (about_card, self.state.view) {
            (true, _) => {}
            (false, View::Board) => self.state.focus_draft = true,
            (false, _) => self.focus_back = self.focus_before_dialog.take().map(FocusReturn::to),
        }
        match closed {
            Closed::BackToBoard => self.state.focus_draft = true,
            Closed::Export(choice) => {
                self.export_choice = choice;
                intents.export_to = Some(choice);
            }
            Closed::Notice(notice) => intents.done_notice = Some(notice),
            Closed::Nothing => {}
        }
    }
}

impl eframe::App for HarvestApp {
    fn logic(&mut self, ctx: &egui::Context, _frame: &mut eframe::Frame) {
        if self.frames == 0 {
            // Before anything is laid out: a style changed in the middle of the first frame
            // leaves that frame's widgets measured in the old text sizes.
            super::palette::apply_look(ctx);
        }
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
        self.poll_lifecycle(ctx);
        self.poll_background(ctx);
        self.poll_following(ctx);
        self.workspace.autosave();
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
        self.index.refresh(self.workspace.document());
        self.follow_for_announcements(&ctx);
        self.give_focus_back(&ctx);
        let mut intents = Intents::default();
        if !self.state.dialog_open() {
            // Taken before layout, so no text box also sees these keys.
            intents.commands.extend(Command::consume_pressed(&ctx));
            if matches!(self.state.view, View::Board | View::Themes) {
                let on_board = self.state.view == View::Board;
                selected_card_keys(
                    &ctx,
                    self.workspace.document().session(),
                    &self.index,
                    on_board,
                    &mut self.state,
                    &mut intents,
                );
            }
            self.route_stray_typing(&ctx);
        }
        egui::Panel::top("menu").show(ui, |ui| menu::menu_bar_ui(ui, self, &mut intents));
        egui::Panel::bottom("status").show(ui, |ui| status::status_bar_ui(ui, self, &mut intents));
        self.screens_ui(ui, &mut intents);
        self.dialog_ui(&ctx, &mut intents);
        self.projector_window_ui(&ctx, &mut intents);
        self.apply(intents, &ctx);
        self.schedule_timer_repaint(&ctx);
        self.keep_card_box(&ctx);
        self.workspace.autosave();
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        eframe::set_value(
            storage,
            super::room::projector::STORAGE_KEY,
            &self.projector.place,
        );
    }

    fn on_exit(&mut self, _gl: Option<&eframe::glow::Context>) {
        // Normally already done when the close was requested; this covers other ways out.
        if let Err(error) = self.workspace.flush() {
            log::error!("{error}");
        }
    }
}

fn notice_ui(ui: &mut egui::Ui, notice: &str, slot: &mut Option<String>) {
    egui::Frame::group(ui.style()).show(ui, |ui| {
        // Wrapped, so a long notice keeps its Dismiss button in the window when zoomed.
        ui.horizontal_wrapped(|ui| {
            ui.label(notice);
            if ui.button("Dismiss").clicked() {
                *slot = None;
            }
        });
    });
}
