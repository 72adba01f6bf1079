//! Running the room: the phase timer's keys and its row in the status bar, and the projector
//! window the room reads.

mod clock;
pub mod projector;
pub(super) mod timer_view;

pub use clock::Clock;
pub use timer_view::{TimerView, Urgency};

use super::app::HarvestApp;
use super::commands::Command;
use super::intents::Intents;
use super::palette;
use crate::model::{PhaseTimer, TimerChange};

impl HarvestApp {
    /// Ctrl+T, Ctrl+Shift+T and +1 min. Starting a phase makes its category the current one;
    /// nothing here takes the focus from the card box.
    pub(super) fn press_timer(&mut self, command: Command) {
        if let Some(reason) = self.why_unchangeable() {
            self.notice = Some(reason);
            return;
        }
        let press = match command {
            Command::NextPhase => PhaseTimer::next_phase,
            Command::AddMinute => |timer: &mut PhaseTimer, agenda: &_, _| timer.add_minute(agenda),
            _ => PhaseTimer::start_or_pause,
        };
        let now = self.clock.now();
        let change = self.workspace.document_mut().change_timer(now, press);
        match change {
            TimerChange::Started(phase) => {
                if let Some(category) = phase.category {
                    self.state.category = category;
                    self.state.highlight(None);
                }
            }
            TimerChange::Nothing if self.session().details.agenda.is_empty() => {
                self.notice = Some(
                    "The agenda has no phases to time: add them in Capture > Session details…"
                        .to_owned(),
                );
            }
            _ => {}
        }
    }

    /// While the timer runs, one repaint as its words next change; none while it is paused.
    pub(super) fn schedule_timer_repaint(&self, ctx: &egui::Context) {
        if self.session().timer.is_running() {
            ctx.request_repaint_after(timer_view::until_next_second(self.clock.now()));
        }
    }
}

/// The status bar's timer row: the phase and its time left, and the keys' buttons.
pub fn timer_row_ui(ui: &mut egui::Ui, app: &HarvestApp, intents: &mut Intents) {
    let session = app.session();
    let agenda = &session.details.agenda;
    let Some(first) = agenda.first() else {
        return;
    };
    let timer = &session.timer;
    let now = app.clock.now();
    ui.horizontal_wrapped(|ui| {
        let dark = ui.visuals().dark_mode;
        let mut button = |ui: &mut egui::Ui, text: &str, command: Command| {
            let shortcut = command.shortcut_text(ui.ctx());
            if ui.button(text).on_hover_text(shortcut).clicked() {
                intents.command(command);
            }
        };
        match TimerView::of(timer, agenda, now) {
            Some(view) => {
                let mut words = egui::RichText::new(format!("{}: {}", view.phase, view.time));
                words = match view.urgency {
                    Urgency::Calm => words.strong(),
                    Urgency::Soon => words.strong().color(palette::time_soon(dark)),
                    Urgency::Over => words.strong().color(palette::time_over(dark)),
                };
                ui.label(words);
                let pause = if view.running { "Pause" } else { "Resume" };
                button(ui, pause, Command::StartPauseTimer);
                button(ui, "+1 min", Command::AddMinute);
                button(ui, "Next phase", Command::NextPhase);
            }
            None if timer.finished() => {
                let planned: u32 = agenda.iter().map(|p| p.minutes).sum();
                ui.label(format!(
                    "Agenda done: {} min spent of {planned} planned",
                    timer.spent_minutes(agenda, now)
                ));
                button(ui, "Start again", Command::StartPauseTimer);
            }
            None => {
                ui.label(format!(
                    "Phase timer: {} first, {} min",
                    first.name, first.minutes
                ));
                button(ui, "Start", Command::StartPauseTimer);
            }
        }
    });
}
