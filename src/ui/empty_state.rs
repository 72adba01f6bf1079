//! What the window shows when the session on screen is not the user's own: a file that could
//! not be opened (no board, so nothing typed can vanish into it), or the first run's sample.

use super::commands::Command;
use super::intents::Intents;
use super::palette;

/// In place of the board: what is wrong, in the error's own words, and the ways on.
pub fn nothing_open_ui(ui: &mut egui::Ui, reason: &str, intents: &mut Intents) {
    ui.add_space(24.0);
    // A column in the middle, its lines aligned left so the file's own line and the hint
    // under it read as they do in a terminal.
    ui.vertical_centered(|ui| {
        ui.set_max_width(720.0);
        ui.vertical(|ui| column_ui(ui, reason, intents));
    });
}

fn column_ui(ui: &mut egui::Ui, reason: &str, intents: &mut Intents) {
    ui.heading("This session could not be opened");
    ui.add_space(8.0);
    let (first, details) = reason.split_once('\n').unwrap_or((reason, ""));
    ui.colored_label(palette::warning(ui.visuals().dark_mode), first);
    if !details.is_empty() {
        ui.add_space(4.0);
        ui.add(egui::Label::new(egui::RichText::new(details).monospace()).wrap());
    }
    ui.add_space(12.0);
    ui.label("Open another session, or start a new one.");
    ui.add_space(8.0);
    ui.horizontal(|ui| {
        // Not focused by itself: a space typed out of habit would press it.
        if shortcut_button(ui, "Open another…", Command::Open).clicked() {
            intents.command(Command::Open);
        }
        let new_session = Command::NewSession;
        if shortcut_button(ui, new_session.label(), new_session).clicked() {
            intents.command(new_session);
        }
    });
}

/// Above the sample's board: that it is a sample, and how to start a session of one's own.
pub fn sample_banner_ui(ui: &mut egui::Ui, intents: &mut Intents) {
    egui::Frame::group(ui.style()).show(ui, |ui| {
        ui.horizontal_wrapped(|ui| {
            ui.strong("This is a sample workshop");
            ui.label("to try Harvest on. Change anything: your own sessions are kept separately.");
            let start = shortcut_button(ui, "Start my own session…", Command::NewSession);
            if start.clicked() {
                intents.command(Command::NewSession);
            }
        });
    });
}

/// A button showing the command's shortcut beside its words.
fn shortcut_button(ui: &mut egui::Ui, words: &str, command: Command) -> egui::Response {
    let shortcut = command.shortcut_text(ui.ctx());
    ui.add(egui::Button::new(words).shortcut_text(shortcut))
}
