//! Easy words for the Easy Read report: a card's point, or a theme's heading, in short plain
//! words. Empty means the report uses the card's own words (or the theme's name).

use super::fitted_width;
use super::form::{Pressed, lines_field, save_row_ui};
use crate::edit::Edit;
use crate::model::{CardId, Session, ThemeId};
use crate::summary::easy_read::LONG_CARD_WORDS;
use crate::ui::intents::Intents;

/// What the easy words are for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum EasyFor {
    Card(CardId),
    Theme(ThemeId),
}

pub struct EasyWordsDialog {
    pub about: EasyFor,
    words: String,
    /// Put the keyboard in the box on the first frame.
    focus: bool,
}

impl EasyWordsDialog {
    pub fn new(about: EasyFor, session: &Session) -> Self {
        let words = match about {
            EasyFor::Card(id) => session.card(id).map(|c| c.easy_words.clone()),
            EasyFor::Theme(id) => session.theme(id).map(|t| t.easy_words.clone()),
        };
        Self {
            about,
            words: words.unwrap_or_default(),
            focus: true,
        }
    }
}

/// "12 words".
pub fn word_count(text: &str) -> String {
    crate::summary::words::plural(text.split_whitespace().count(), "word")
}

/// Shows the dialog; false once closed.
pub fn easy_words_ui(
    ctx: &egui::Context,
    dialog: &mut EasyWordsDialog,
    session: &Session,
    intents: &mut Intents,
) -> bool {
    let (said, heading) = match dialog.about {
        EasyFor::Card(id) => match session.card(id) {
            Some(card) => (card.text.clone(), "Easy words for this card"),
            None => return false,
        },
        EasyFor::Theme(id) => match session.theme(id) {
            Some(theme) => (theme.name.clone(), "Easy words for this theme's heading"),
            None => return false,
        },
    };
    let mut open = true;
    let modal = egui::Modal::new(egui::Id::unique("easy-words-dialog")).show(ctx, |ui| {
        ui.set_width(fitted_width(ctx, 560.0));
        super::heading_ui(ui, heading);
        ui.label(egui::RichText::new(&said).italics());
        ui.label(format!("{} as said.", word_count(&said)));
        ui.add_space(6.0);
        let field = lines_field(
            ui,
            "In easy words: short words, one idea (empty uses the words as said)",
            &mut dialog.words,
            3,
            6.0,
        );
        if std::mem::take(&mut dialog.focus) {
            field.request_focus();
        }
        let count = dialog.words.split_whitespace().count();
        let note = format!("{}.", word_count(&dialog.words));
        if count > LONG_CARD_WORDS {
            let warning = crate::ui::palette::warning(ui.visuals().dark_mode);
            ui.colored_label(
                warning,
                format!("{note} Easy Read points are best under {LONG_CARD_WORDS}."),
            );
        } else {
            ui.label(note);
        }
        match save_row_ui(ui, true, None, &mut false) {
            Pressed::Save => {
                let words = dialog.words.trim().to_owned();
                if let Some(edit) = easy_words_edit(session, dialog.about, words) {
                    intents.edit(edit);
                }
                open = false;
            }
            Pressed::Cancel => open = false,
            Pressed::Remove | Pressed::Nothing => {}
        }
    });
    if modal.should_close() {
        open = false;
    }
    open
}

/// The edit that saves the words, or None when they are as they were.
fn easy_words_edit(session: &Session, about: EasyFor, words: String) -> Option<Edit> {
    match about {
        EasyFor::Card(id) => {
            let card = session.card(id)?;
            (card.easy_words != words).then_some(Edit::SetEasyWords { id, words })
        }
        EasyFor::Theme(id) => {
            let theme = session.theme(id)?;
            (theme.easy_words != words).then(|| Edit::UpdateTheme {
                theme: crate::model::Theme {
                    easy_words: words,
                    ..theme.clone()
                },
            })
        }
    }
}
