//! What can be done to one card, listed once: its label, its keys and what it does. The card
//! keys, the card's context menu and the help window are three views of this one list.

use super::card::start_editing;
use crate::edit::{Edit, builders};
use crate::model::{Card, Category, Session};
use crate::ui::dialogs::Dialog;
use crate::ui::intents::Intents;
use crate::ui::state::UiState;
use egui::{Key, KeyboardShortcut, Modifiers};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CardAction {
    Edit,
    ToggleStar,
    VoteUp,
    VoteDown,
    MoveUp,
    MoveDown,
    MoveToPreviousCategory,
    MoveToNextCategory,
    MoveTo,
    Themes,
    Links,
    Delete,
    SelectAbove,
    SelectBelow,
    SelectPreviousColumn,
    SelectNextColumn,
    BackToCardBox,
}

const fn key(key: Key) -> KeyboardShortcut {
    KeyboardShortcut::new(Modifiers::NONE, key)
}

const fn alt(key: Key) -> KeyboardShortcut {
    KeyboardShortcut::new(Modifiers::ALT, key)
}

impl CardAction {
    /// In the order the context menu and the help window list them.
    pub const ALL: [CardAction; 17] = [
        CardAction::Edit,
        CardAction::ToggleStar,
        CardAction::VoteUp,
        CardAction::VoteDown,
        CardAction::MoveUp,
        CardAction::MoveDown,
        CardAction::MoveToPreviousCategory,
        CardAction::MoveToNextCategory,
        CardAction::MoveTo,
        CardAction::Themes,
        CardAction::Links,
        CardAction::Delete,
        CardAction::SelectAbove,
        CardAction::SelectBelow,
        CardAction::SelectPreviousColumn,
        CardAction::SelectNextColumn,
        CardAction::BackToCardBox,
    ];

    /// What the context menu says for this card.
    pub fn label(self, card: &Card) -> &'static str {
        match self {
            CardAction::ToggleStar if card.starred => "Unstar",
            _ => self.name(),
        }
    }

    /// The action's name, whatever the card.
    pub fn name(self) -> &'static str {
        match self {
            CardAction::Edit => "Edit",
            CardAction::ToggleStar => "Star as a key quote",
            CardAction::VoteUp => "One vote more",
            CardAction::VoteDown => "One vote fewer",
            CardAction::MoveUp => "Move up",
            CardAction::MoveDown => "Move down",
            CardAction::MoveToPreviousCategory => "Move to the previous category",
            CardAction::MoveToNextCategory => "Move to the next category",
            CardAction::MoveTo => "Move to…",
            CardAction::Themes => "Themes…",
            CardAction::Links => "Answers which problems…",
            CardAction::Delete => "Delete",
            CardAction::SelectAbove => "Select the card above",
            CardAction::SelectBelow => "Select the card below",
            CardAction::SelectPreviousColumn => "Select in the column to the left",
            CardAction::SelectNextColumn => "Select in the column to the right",
            CardAction::BackToCardBox => "Back to the new-card box",
        }
    }

    /// What the help window says it does.
    pub fn help(self) -> &'static str {
        match self {
            CardAction::Edit => "edit the selected card's words",
            CardAction::ToggleStar => "star or unstar it as a key quote",
            CardAction::VoteUp => "one vote more",
            CardAction::VoteDown => "one vote fewer",
            CardAction::MoveUp => "move it up its column",
            CardAction::MoveDown => "move it down its column",
            CardAction::MoveToPreviousCategory => "move it to the previous category",
            CardAction::MoveToNextCategory => "move it to the next category",
            CardAction::MoveTo => "move it to another group…",
            CardAction::Themes => "its themes…",
            CardAction::Links => "link an idea to the problems it answers…",
            CardAction::Delete => "delete it",
            CardAction::SelectAbove => "select the card above",
            CardAction::SelectBelow => "select the card below",
            CardAction::SelectPreviousColumn => "select in the column to the left",
            CardAction::SelectNextColumn => "select in the column to the right",
            CardAction::BackToCardBox => "back to the new-card box",
        }
    }

    /// The word the status bar shows beside its key while a card is selected; None for the
    /// actions left to the help window, so the bar stays one line.
    pub fn status_word(self, card: &Card) -> Option<&'static str> {
        Some(match self {
            CardAction::Edit => "edit",
            CardAction::ToggleStar if card.starred => "unstar",
            CardAction::ToggleStar => "star",
            CardAction::VoteUp => "vote",
            CardAction::MoveTo => "move to a group",
            CardAction::Themes => "themes",
            CardAction::Links => "answers",
            CardAction::Delete => "removes it",
            CardAction::BackToCardBox => "back to typing",
            _ => return None,
        })
    }

    /// The keys that do it when a card is selected; the first is the one shown.
    pub fn keys(self) -> &'static [KeyboardShortcut] {
        match self {
            CardAction::Edit => const { &[key(Key::Enter), key(Key::F2)] },
            CardAction::ToggleStar => const { &[key(Key::S)] },
            CardAction::VoteUp => const { &[key(Key::Plus), key(Key::Equals)] },
            CardAction::VoteDown => const { &[key(Key::Minus)] },
            CardAction::MoveUp => const { &[alt(Key::ArrowUp)] },
            CardAction::MoveDown => const { &[alt(Key::ArrowDown)] },
            CardAction::MoveToPreviousCategory => const { &[alt(Key::ArrowLeft)] },
            CardAction::MoveToNextCategory => const { &[alt(Key::ArrowRight)] },
            CardAction::MoveTo => const { &[key(Key::M)] },
            CardAction::Themes => const { &[key(Key::T)] },
            CardAction::Links => const { &[key(Key::L)] },
            CardAction::Delete => const { &[key(Key::Delete), key(Key::Backspace)] },
            CardAction::SelectAbove => const { &[key(Key::ArrowUp)] },
            CardAction::SelectBelow => const { &[key(Key::ArrowDown)] },
            CardAction::SelectPreviousColumn => const { &[key(Key::ArrowLeft)] },
            CardAction::SelectNextColumn => const { &[key(Key::ArrowRight)] },
            CardAction::BackToCardBox => const { &[key(Key::Escape)] },
        }
    }

    /// Whether the card's context menu offers it (moving through cards is for keys only).
    pub fn in_menu(self) -> bool {
        !matches!(
            self,
            CardAction::SelectAbove
                | CardAction::SelectBelow
                | CardAction::SelectPreviousColumn
                | CardAction::SelectNextColumn
                | CardAction::BackToCardBox
        )
    }

    /// Whether it needs the board's columns (it does nothing on the themes wall).
    pub fn board_only(self) -> bool {
        !matches!(
            self,
            CardAction::ToggleStar
                | CardAction::VoteUp
                | CardAction::VoteDown
                | CardAction::Themes
                | CardAction::Links
        )
    }

    /// Whether it can be done to this card now.
    pub fn available(self, card: &Card) -> bool {
        match self {
            CardAction::Links => card.category == Category::MakeADifference,
            CardAction::VoteDown => card.votes > 0,
            _ => true,
        }
    }

    /// Does it to `card`, through edits and what the screen shows.
    pub fn run(self, session: &Session, card: &Card, state: &mut UiState, intents: &mut Intents) {
        let id = card.id;
        match self {
            CardAction::Edit => start_editing(state, card),
            CardAction::ToggleStar => intents.edit(Edit::SetStarred {
                id,
                starred: !card.starred,
            }),
            CardAction::VoteUp => intents.edit(Edit::SetVotes {
                id,
                votes: card.votes.saturating_add(1),
            }),
            CardAction::VoteDown if card.votes > 0 => intents.edit(Edit::SetVotes {
                id,
                votes: card.votes - 1,
            }),
            CardAction::VoteDown => {}
            CardAction::MoveUp => intents.edits.extend(builders::reorder(session, id, -1)),
            CardAction::MoveDown => intents.edits.extend(builders::reorder(session, id, 1)),
            CardAction::MoveToPreviousCategory => intents
                .edits
                .extend(builders::to_neighbour_category(session, id, -1)),
            CardAction::MoveToNextCategory => intents
                .edits
                .extend(builders::to_neighbour_category(session, id, 1)),
            CardAction::MoveTo => state.dialog = Some(Dialog::Move(id)),
            CardAction::Themes => {
                state.dialog = Some(Dialog::ThemePicker(
                    crate::ui::dialogs::theme_picker::ThemePicker::new(id),
                ))
            }
            CardAction::Links => state.dialog = Some(Dialog::Links(id)),
            CardAction::Delete => {
                // The selection moves to a neighbour, so the keys keep working.
                let neighbour = neighbour_in_column(session, card, 1)
                    .or_else(|| neighbour_in_column(session, card, -1));
                match neighbour {
                    Some(next) => state.choose(next),
                    None => state.highlight(None),
                }
                intents.edit(Edit::DeleteCard { id });
            }
            CardAction::SelectAbove => select(state, neighbour_in_column(session, card, -1)),
            CardAction::SelectBelow => select(state, neighbour_in_column(session, card, 1)),
            CardAction::SelectPreviousColumn => jump_column(session, state, card, -1),
            CardAction::SelectNextColumn => jump_column(session, state, card, 1),
            CardAction::BackToCardBox => super::card_keys::back_to_card_box(state),
        }
    }

    /// Every key of every action, those with more modifiers first (egui ignores an extra Alt
    /// when matching, so Up would also take Alt+Up).
    pub fn key_table() -> Vec<(KeyboardShortcut, CardAction)> {
        let mut table: Vec<(KeyboardShortcut, CardAction)> = CardAction::ALL
            .into_iter()
            .flat_map(|action| action.keys().iter().map(move |k| (*k, action)))
            .collect();
        table.sort_by_key(|(k, _)| {
            std::cmp::Reverse(crate::ui::commands::modifier_count(k.modifiers))
        });
        table
    }
}

fn select(state: &mut UiState, card: Option<crate::model::CardId>) {
    if let Some(card) = card {
        state.choose(card);
    }
}

/// The card `step` places above (negative) or below in the same column.
fn neighbour_in_column(
    session: &Session,
    card: &Card,
    step: isize,
) -> Option<crate::model::CardId> {
    let column: Vec<&Card> = session.cards_in(card.group, card.category).collect();
    let position = column.iter().position(|c| c.id == card.id)?;
    position
        .checked_add_signed(step)
        .and_then(|p| column.get(p))
        .map(|c| c.id)
}

/// Selects the first card of the nearest column in the direction of `step` that has any.
fn jump_column(session: &Session, state: &mut UiState, card: &Card, step: isize) {
    let mut target = card.category.index();
    while let Some(next) = target
        .checked_add_signed(step)
        .filter(|t| *t < Category::ALL.len())
    {
        target = next;
        let category = Category::ALL[target];
        if let Some(first) = session.cards_in(card.group, category).next() {
            state.choose(first.id);
            state.category = category;
            return;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::ui::commands::{Command, assert_no_shared_keys};

    #[test]
    fn no_two_card_actions_share_a_key() {
        assert_no_shared_keys(&CardAction::key_table());
    }

    #[test]
    fn no_card_key_is_also_a_command_shortcut() {
        let mut table: Vec<(KeyboardShortcut, String)> = CardAction::key_table()
            .into_iter()
            .map(|(k, a)| (k, format!("{a:?}")))
            .collect();
        table.extend(
            Command::shortcut_table()
                .into_iter()
                .map(|(k, c)| (k, format!("{c:?}"))),
        );
        assert_no_shared_keys(&table);
    }

    #[test]
    fn alt_arrows_are_matched_before_plain_arrows() {
        let table = CardAction::key_table();
        let at = |a: CardAction| table.iter().position(|(_, b)| *b == a).unwrap();
        assert!(at(CardAction::MoveUp) < at(CardAction::SelectAbove));
        assert!(at(CardAction::MoveToNextCategory) < at(CardAction::SelectNextColumn));
    }
}
