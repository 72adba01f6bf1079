//! Find cards across all groups: filter as you type, Enter jumps to the match.

use super::state::UiState;
use crate::model::{CardId, Session};

pub fn find_box_id() -> egui::Id {
    egui::Id::unique("find-box")
}

#[derive(Default)]
pub struct Find {
    pub open: bool,
    pub query: String,
    /// Focus the find box on the next frame.
    pub focus: bool,
    selected: usize,
    /// Scroll the list to the selected match on the next frame: only when it changes, as
    /// scrolling to it every frame never settles when a row's height is a fraction off.
    reveal_selected: bool,
    /// Whether the find box had the keyboard last frame: egui drops focus on Escape before
    /// this frame's code runs, so that is how Escape is known to be meant for the box.
    had_focus: bool,
    /// Matches for `cached_for`, so typing elsewhere costs nothing.
    matches: Vec<CardId>,
    cached_for: Option<(u64, String)>,
}

impl Find {
    pub fn open(&mut self) {
        self.open = true;
        self.focus = true;
    }

    fn refresh(&mut self, session: &Session, revision: u64) {
        let key = (revision, self.query.clone());
        if self.cached_for.as_ref() == Some(&key) {
            return;
        }
        let needle = self.query.trim().to_lowercase();
        self.matches = if needle.is_empty() {
            Vec::new()
        } else {
            let words: Vec<&str> = needle.split_whitespace().collect();
            session
                .cards
                .iter()
                .filter(|card| {
                    let text = card.text.to_lowercase();
                    words.iter().all(|w| text.contains(w))
                })
                .map(|card| card.id)
                .collect()
        };
        self.selected = self.selected.min(self.matches.len().saturating_sub(1));
        self.cached_for = Some(key);
    }
}

pub fn find_ui(
    ui: &mut egui::Ui,
    find: &mut Find,
    session: &Session,
    revision: u64,
    state: &mut UiState,
) {
    find.refresh(session, revision);
    // The find box's own keys, taken before it is drawn so their effect shows this frame.
    if find.had_focus {
        let (enter, escape, up, down) = ui.input_mut(|i| {
            (
                i.consume_key(egui::Modifiers::NONE, egui::Key::Enter),
                i.consume_key(egui::Modifiers::NONE, egui::Key::Escape),
                i.consume_key(egui::Modifiers::NONE, egui::Key::ArrowUp),
                i.consume_key(egui::Modifiers::NONE, egui::Key::ArrowDown),
            )
        });
        if down && find.selected + 1 < find.matches.len() {
            find.selected += 1;
        }
        if up {
            find.selected = find.selected.saturating_sub(1);
        }
        find.reveal_selected |= up || down;
        if escape {
            if find.query.is_empty() {
                close(find, state);
                return;
            }
            find.query.clear();
            find.refresh(session, revision);
            find.focus = true;
        }
        if enter && let Some(card) = find.matches.get(find.selected).copied() {
            state.reveal(session, card);
            find.open = false;
            return;
        }
    }
    if !find.open {
        return;
    }
    ui.horizontal(|ui| {
        let label = ui.label("Find");
        let response = ui
            .add(
                egui::TextEdit::singleline(&mut find.query)
                    .id(find_box_id())
                    .hint_text("Words on a card; Enter jumps to it, Escape closes")
                    // Room left for the count and Close, but never too narrow to read a few words.
                    .desired_width((ui.available_width() - 150.0).max(240.0)),
            )
            .labelled_by(label.id);
        crate::ui::text_undo::note_typing(ui.ctx(), response.id, &find.query);
        if find.focus {
            response.request_focus();
            find.focus = false;
        }
        find.had_focus = response.has_focus();
        let count = find.matches.len();
        ui.label(match (count, find.query.trim().is_empty()) {
            (_, true) => String::new(),
            (0, false) => "No cards match".to_owned(),
            (1, false) => "1 card".to_owned(),
            (n, false) => format!("{n} cards"),
        });
        if ui.button("Close").clicked() {
            close(find, state);
        }
    });
    if !find.open {
        return;
    }
    results_ui(ui, find, session, state);
    ui.separator();
}

fn close(find: &mut Find, state: &mut UiState) {
    find.open = false;
    find.query.clear();
    state.focus_draft = true;
}

fn results_ui(ui: &mut egui::Ui, find: &mut Find, session: &Session, state: &mut UiState) {
    if find.matches.is_empty() {
        return;
    }
    let row_height = ui.text_style_height(&egui::TextStyle::Body) + 6.0;
    let mut jump = None;
    egui::ScrollArea::vertical()
        .id_salt("find-results")
        .max_height(row_height * 8.0)
        .auto_shrink([false, true])
        .show_rows(ui, row_height, find.matches.len(), |ui, rows| {
            for row in rows {
                let Some(card) = session.card(find.matches[row]) else {
                    continue;
                };
                let text = format!(
                    "{} · {} — {}",
                    session.group_name(card.group),
                    card.category.label(),
                    card.text.replace('\n', " ")
                );
                let response =
                    ui.add(egui::Button::selectable(row == find.selected, text).truncate());
                if row == find.selected && std::mem::take(&mut find.reveal_selected) {
                    response.scroll_to_me(None);
                }
                if response.clicked() {
                    jump = Some(card.id);
                }
            }
        });
    if let Some(card) = jump {
        state.reveal(session, card);
        find.open = false;
    }
}
