//! Edit → Conflicts…: each card changed differently on two laptops, its versions side by
//! side with the file, table and time of each, to keep one, keep them all as separate cards,
//! or write what it should say. Each choice is one undoable step ("Undo resolve conflict").

use crate::document::Document;
use crate::edit::resolve::{self, Version};
use crate::model::{Card, CardId, Session};
use crate::ui::board::card::theme_chip;
use crate::ui::intents::Intents;
use egui::{Key, KeyboardShortcut, Modifiers};

/// The narrowest a version's column may be; in a narrower window the versions are stacked.
const NARROWEST_COLUMN: f32 = 240.0;

/// Which conflict is on screen, and the words typed for it.
pub struct ConflictsDialog {
    /// The card whose conflict is shown. Once it is resolved the next one takes its place.
    showing: Option<CardId>,
    /// Its place among the conflicts, counted from 0.
    at: usize,
    /// Where in the session's cards the conflicts are, listed once per revision.
    listed: Option<(u64, Vec<usize>)>,
    /// The edit box's words, and the card they were filled in from.
    words: String,
    words_for: Option<CardId>,
}

impl ConflictsDialog {
    /// Opens on the conflict of `card` (the card selected on the board) if it has one, else
    /// on the first.
    pub fn open(card: Option<CardId>) -> Self {
        Self {
            showing: card,
            at: 0,
            listed: None,
            words: String::new(),
            words_for: None,
        }
    }

    /// The conflict to show now, and how many there are.
    fn current<'d>(&mut self, document: &'d Document) -> (Option<&'d Card>, usize) {
        let session = document.session();
        let revision = document.revision();
        let listed = match &mut self.listed {
            Some((at, positions)) if *at == revision => positions,
            slot => {
                let positions = (session.cards.iter().enumerate())
                    .filter(|(_, card)| !card.others.is_empty())
                    .map(|(at, _)| at)
                    .collect();
                &mut slot.insert((revision, positions)).1
            }
        };
        let cards: Vec<&Card> = (listed.iter())
            .filter_map(|at| session.cards.get(*at))
            .collect();
        if let Some(found) = (self.showing).and_then(|id| cards.iter().position(|c| c.id == id)) {
            self.at = found;
        }
        let Some(card) = cards.get(self.at).or(cards.last()).copied() else {
            self.showing = None;
            return (None, 0);
        };
        self.at = self.at.min(cards.len() - 1);
        self.showing = Some(card.id);
        if self.words_for != Some(card.id) {
            self.words = card.text.clone();
            self.words_for = Some(card.id);
        }
        (Some(card), cards.len())
    }

    /// Shows the conflict `step` places on.
    fn go(&mut self, step: isize, ctx: &egui::Context) {
        self.at = self.at.saturating_add_signed(step);
        self.showing = None;
        ctx.request_repaint();
    }
}

/// What the person chose for the conflict shown.
enum Choice {
    Keep(usize),
    KeepAll,
    KeepWords,
}

/// Shows the dialog; returns false once it should close.
pub fn conflicts_ui(
    ctx: &egui::Context,
    dialog: &mut ConflictsDialog,
    document: &Document,
    intents: &mut Intents,
) -> bool {
    let session = document.session();
    let (card, count) = dialog.current(document);
    let mut open = true;
    let mut choice = None;
    let modal = egui::Modal::new(egui::Id::unique("conflicts-dialog")).show(ctx, |ui| {
        ui.set_width(super::fitted_width(ctx, 860.0));
        super::heading_ui(ui, "Conflicts");
        match card {
            None => {
                ui.label("No conflicts to resolve");
            }
            Some(card) => {
                ui.horizontal_wrapped(|ui| {
                    ui.label(format!("Conflict {} of {count}", dialog.at + 1));
                    if ui
                        .add_enabled(dialog.at > 0, egui::Button::new("Previous"))
                        .clicked()
                    {
                        dialog.go(-1, ctx);
                    }
                    if ui
                        .add_enabled(dialog.at + 1 < count, egui::Button::new("Next"))
                        .clicked()
                    {
                        dialog.go(1, ctx);
                    }
                });
                ui.label(
                    "This card was changed differently on more than one laptop. Keep one \
                     version, keep them all as separate cards, or write what it should say.",
                );
                ui.add_space(6.0);
                let close_row = ui.spacing().interact_size.y + 24.0;
                egui::ScrollArea::vertical()
                    .max_height(super::scroll_height(ui, close_row))
                    .show(ui, |ui| {
                        choice = conflict_ui(ui, session, card, &mut dialog.words);
                    });
            }
        }
        ui.add_space(6.0);
        if ui.button("Close").clicked() {
            open = false;
        }
    });
    if let (Some(choice), Some(card)) = (choice, card) {
        let id = card.id;
        let edit = match choice {
            Choice::Keep(which) => resolve::keep(session, id, which),
            Choice::KeepAll => resolve::keep_all(session, id),
            Choice::KeepWords => {
                resolve::keep_words(session, id, dialog.words.trim_end().to_owned())
            }
        };
        intents.edits.extend(edit);
    }
    open && !modal.should_close()
}

/// The versions of one conflicted card and the ways to resolve it.
fn conflict_ui(
    ui: &mut egui::Ui,
    session: &Session,
    card: &Card,
    words: &mut String,
) -> Option<Choice> {
    let mut choice = None;
    let versions = resolve::versions(card);
    let count = versions.len();
    if ui.available_width() / count as f32 >= NARROWEST_COLUMN {
        ui.columns(count, |columns| {
            for (which, (ui, version)) in columns.iter_mut().zip(&versions).enumerate() {
                if version_ui(ui, session, *version) {
                    choice = Some(Choice::Keep(which));
                }
            }
        });
    } else {
        for (which, version) in versions.iter().enumerate() {
            if version_ui(ui, session, *version) {
                choice = Some(Choice::Keep(which));
            }
            ui.add_space(4.0);
        }
    }
    ui.add_space(8.0);
    let all = if count == 2 {
        "Keep both as separate cards".to_owned()
    } else {
        format!("Keep all {count} as separate cards")
    };
    if ui.button(all).clicked() {
        choice = Some(Choice::KeepAll);
    }
    ui.add_space(8.0);
    let label = ui.label("Edit: Enter keeps these words, Shift+Enter starts a new line");
    let text_box = ui
        .add(
            egui::TextEdit::multiline(words)
                .desired_width(f32::INFINITY)
                .desired_rows(2)
                .return_key(KeyboardShortcut::new(Modifiers::SHIFT, Key::Enter)),
        )
        .labelled_by(label.id);
    let enter = ui.input(|i| i.key_pressed(Key::Enter) && !i.modifiers.shift);
    let has_words = !words.trim().is_empty();
    let keep_words = ui.add_enabled(has_words, egui::Button::new("Keep these words"));
    if has_words && (keep_words.clicked() || (text_box.has_focus() && enter)) {
        choice = Some(Choice::KeepWords);
    }
    choice
}

/// One version: where it came from, what it says, and "Keep this one" (true when clicked).
fn version_ui(ui: &mut egui::Ui, session: &Session, version: Version<'_>) -> bool {
    egui::Frame::group(ui.style())
        .show(ui, |ui| {
            ui.set_width(ui.available_width());
            // Side by side the columns stretch what they hold; the same look stacked.
            let layout = egui::Layout::top_down(egui::Align::Min);
            ui.with_layout(layout, |ui| version_body_ui(ui, session, version))
                .inner
        })
        .inner
}

fn version_body_ui(ui: &mut egui::Ui, session: &Session, version: Version<'_>) -> bool {
    let card = version.card;
    let from = if version.from.is_empty() {
        "From a file with no name".to_owned()
    } else {
        format!("From {}", version.from)
    };
    ui.strong(from);
    ui.small(format!(
        "{} · changed {}",
        session.group_name(card.group),
        changed_at(card.changed.at)
    ));
    ui.add_space(4.0);
    ui.add(egui::Label::new(&card.text).wrap());
    ui.add_space(4.0);
    ui.horizontal_wrapped(|ui| {
        ui.spacing_mut().item_spacing.x = 4.0;
        ui.small(card.category.label());
        for theme in card.themes.iter().filter_map(|t| session.theme(*t)) {
            theme_chip(ui, &theme.name, theme.color);
        }
    });
    ui.add_space(4.0);
    ui.button("Keep this one").clicked()
}

/// When a version changed, in local time: "10:04, 2 Dec", with the year when it is not this
/// year's.
fn changed_at(at: jiff::Timestamp) -> String {
    if at == jiff::Timestamp::UNIX_EPOCH {
        return "at a time not recorded".to_owned();
    }
    let zone = jiff::tz::TimeZone::system();
    let local = at.to_zoned(zone.clone());
    let this_year = jiff::Timestamp::now().to_zoned(zone).year();
    let format = if local.year() == this_year {
        "%H:%M, %-d %b"
    } else {
        "%H:%M, %-d %b %Y"
    };
    local.strftime(format).to_string()
}
