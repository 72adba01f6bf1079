//! The status bar: what Harvest is doing, where the session lives and whether it is safely on
//! disk; and, while a card is selected, which keys work on it.

use super::app::HarvestApp;
use super::board::card_actions::CardAction;
use super::commands::Command;
use super::intents::Intents;
use super::palette;
use super::state::View;
use crate::model::Card;
use crate::store::SaveStatus;
use crate::summary::words::plural;

/// Shows the status bar; offers Save as… when saving fails or the session is read-only.
pub fn status_bar_ui(ui: &mut egui::Ui, app: &HarvestApp, intents: &mut Intents) {
    let session = app.session();
    selection_ui(ui, app);
    if app.workspace().unopened().is_none() {
        super::room::projector::projector_row_ui(ui, &app.projector, session, intents);
        super::room::timer_row_ui(ui, app, intents);
    }
    if let Some(following) = &app.following {
        super::following::following_row_ui(ui, following, intents);
    }
    ui.horizontal(|ui| {
        let dark = ui.visuals().dark_mode;
        if let Some(running) = &app.lifecycle {
            // Words, not a spinner: the window repaints when the job ends, not every frame.
            ui.label(running.job.describe());
            ui.separator();
        }
        match (&app.document().read_only, app.workspace().status()) {
            // Nothing to save a copy of: the main area says what happened.
            (Some(reason), _) if app.workspace().unopened().is_some() => {
                ui.colored_label(palette::warning(dark), reason);
            }
            (Some(reason), _) => {
                ui.colored_label(palette::warning(dark), reason);
                if ui.button("Save an editable copy…").clicked() {
                    intents.command(Command::SaveAs);
                }
            }
            (None, Some(status @ SaveStatus::NotSaved { .. })) => {
                ui.colored_label(palette::warning(dark), status.to_string());
                if ui.button(Command::SaveAs.label()).clicked() {
                    intents.command(Command::SaveAs);
                }
            }
            (None, Some(status)) => {
                ui.label(status.to_string());
            }
            (None, None) => {
                ui.label("Not saved to a file");
            }
        }
        ui.separator();
        // The stand-in for a file that could not be opened has nothing worth counting.
        if app.workspace().unopened().is_none() {
            ui.label(format!(
                "{} · {} · {}",
                plural(session.groups.len(), "group"),
                plural(session.cards.len(), "card"),
                plural(session.themes.len(), "theme")
            ));
            ui.separator();
        }
        super::announce::announcement_ui(ui, &app.announcer);
        ui.separator();
        ui.add(
            egui::Label::new(egui::RichText::new(app.document().path.display().to_string()).weak())
                .truncate(),
        );
    });
}

/// The selected card and what the next key does to it, so a facilitator can see whether a key
/// will be a word in the card box or a command on the card.
fn selection_ui(ui: &mut egui::Ui, app: &HarvestApp) {
    let state = &app.state;
    let on_board = state.view == View::Board;
    if !(on_board || state.view == View::Themes) || state.dialog_open() || state.editing.is_some() {
        return;
    }
    let session = app.session();
    let at = state.selected.and_then(|id| app.index.card_position(id));
    let Some(card) = at.and_then(|at| session.cards.get(at)) else {
        return;
    };
    let words = excerpt(&card.text, 40);
    let text = if state.selection_chosen {
        let keys = card_keys_text(ui.ctx(), card, on_board);
        format!("Selected: “{words}” — arrows choose another · {keys}")
    } else {
        format!(
            "Highlighted: “{words}” — typing goes into the card box · \
             an arrow key chooses this card, then its keys show here"
        )
    };
    ui.add(egui::Label::new(text).truncate());
}

/// "Enter edit · S star · …", from the one list of card actions.
fn card_keys_text(ctx: &egui::Context, card: &Card, on_board: bool) -> String {
    CardAction::ALL
        .into_iter()
        .filter(|action| action.available(card) && (on_board || !action.board_only()))
        .filter_map(|action| {
            let word = action.status_word(card)?;
            let key = action.keys().first()?;
            // "+" reads better than egui's "Plus" for a key pressed on its own.
            let key = if key.modifiers.is_none() {
                key.logical_key.symbol_or_name().to_owned()
            } else {
                ctx.format_shortcut(key)
            };
            Some(format!("{key} {word}"))
        })
        .collect::<Vec<_>>()
        .join(" · ")
}

/// The card's first words on one line, cut with "…" when longer than `chars`.
fn excerpt(text: &str, chars: usize) -> String {
    let line = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if line.chars().count() <= chars {
        return line;
    }
    let cut: String = line.chars().take(chars).collect();
    format!("{}…", cut.trim_end())
}
