//! Every command the app knows, with its menu text and keyboard shortcut in one place, so the
//! shortcut a menu shows is always the one that works.

use crate::model::Category;
use egui::{Key, KeyboardShortcut, Modifiers};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Command {
    NewSession,
    Open,
    SaveNow,
    SaveAs,
    Export,
    RestoreVersion,
    Quit,
    Undo,
    Redo,
    Find,
    NewGroup,
    NextGroup,
    PreviousGroup,
    Category(Category),
    ShowBoard,
    ShowOverview,
    ShowThemes,
    ShowSummary,
    SessionDetails,
    GroupDetails,
    ZoomIn,
    ZoomOut,
    ZoomReset,
    KeyboardHelp,
}

const fn ctrl(key: Key) -> KeyboardShortcut {
    KeyboardShortcut::new(Modifiers::COMMAND, key)
}

const fn ctrl_shift(key: Key) -> KeyboardShortcut {
    KeyboardShortcut::new(Modifiers::COMMAND.plus(Modifiers::SHIFT), key)
}

impl Command {
    /// Checked in this order each frame: a shortcut with Shift comes before the same one
    /// without, as Ctrl+Z would also match Ctrl+Shift+Z.
    pub const WITH_SHORTCUTS: [Command; 22] = [
        Command::Redo,
        Command::SaveAs,
        Command::GroupDetails,
        Command::Undo,
        Command::NewSession,
        Command::Open,
        Command::SaveNow,
        Command::Export,
        Command::Quit,
        Command::Find,
        Command::NewGroup,
        Command::NextGroup,
        Command::PreviousGroup,
        Command::Category(Category::Good),
        Command::Category(Category::NotSoGood),
        Command::Category(Category::MakeADifference),
        Command::ShowBoard,
        Command::ShowOverview,
        Command::ShowThemes,
        Command::ShowSummary,
        Command::SessionDetails,
        Command::KeyboardHelp,
    ];

    /// What the menu says.
    pub fn label(self) -> &'static str {
        match self {
            Command::NewSession => "New session",
            Command::Open => "Open…",
            Command::SaveNow => "Save",
            Command::SaveAs => "Save as…",
            Command::Export => "Export…",
            Command::RestoreVersion => "Restore a previous version…",
            Command::Quit => "Quit",
            Command::Undo => "Undo",
            Command::Redo => "Redo",
            Command::Find => "Find cards…",
            Command::NewGroup => "New group",
            Command::NextGroup => "Next group",
            Command::PreviousGroup => "Previous group",
            Command::Category(category) => category.label(),
            Command::ShowBoard => "Board",
            Command::ShowOverview => "All groups",
            Command::ShowThemes => "Themes",
            Command::ShowSummary => "Summary",
            Command::SessionDetails => "Session details…",
            Command::GroupDetails => "Group details…",
            Command::ZoomIn => "Zoom in",
            Command::ZoomOut => "Zoom out",
            Command::ZoomReset => "Actual size",
            Command::KeyboardHelp => "Keyboard shortcuts",
        }
    }

    /// The keys that run it, if any.
    pub fn shortcut(self) -> Option<KeyboardShortcut> {
        Some(match self {
            Command::NewSession => ctrl(Key::N),
            Command::Open => ctrl(Key::O),
            Command::SaveNow => ctrl(Key::S),
            Command::SaveAs => ctrl_shift(Key::S),
            Command::Export => ctrl(Key::E),
            Command::Quit => ctrl(Key::Q),
            Command::Undo => ctrl(Key::Z),
            Command::Redo => ctrl_shift(Key::Z),
            Command::Find => ctrl(Key::F),
            Command::NewGroup => ctrl(Key::G),
            Command::NextGroup => ctrl(Key::PageDown),
            Command::PreviousGroup => ctrl(Key::PageUp),
            Command::Category(Category::Good) => ctrl(Key::Num1),
            Command::Category(Category::NotSoGood) => ctrl(Key::Num2),
            Command::Category(Category::MakeADifference) => ctrl(Key::Num3),
            Command::ShowBoard => ctrl(Key::F1),
            Command::ShowOverview => ctrl(Key::F2),
            Command::ShowThemes => ctrl(Key::F3),
            Command::ShowSummary => ctrl(Key::F4),
            Command::SessionDetails => ctrl(Key::D),
            Command::GroupDetails => ctrl_shift(Key::D),
            Command::ZoomIn => ctrl(Key::Equals),
            Command::ZoomOut => ctrl(Key::Minus),
            Command::ZoomReset => ctrl(Key::Num0),
            Command::KeyboardHelp => KeyboardShortcut::new(Modifiers::NONE, Key::F1),
            Command::RestoreVersion => return None,
        })
    }

    /// A second shortcut some people expect (Ctrl+Y for redo).
    pub fn alternative_shortcut(self) -> Option<KeyboardShortcut> {
        match self {
            Command::Redo => Some(ctrl(Key::Y)),
            _ => None,
        }
    }

    /// Takes this frame's key presses for any command, so text boxes don't also see them.
    pub fn consume_pressed(ctx: &egui::Context) -> Vec<Command> {
        ctx.input_mut(|input| {
            Command::WITH_SHORTCUTS
                .into_iter()
                .filter(|command| {
                    let shortcuts = [command.shortcut(), command.alternative_shortcut()];
                    // Check every shortcut, so each is consumed even when an earlier one matched.
                    shortcuts
                        .into_iter()
                        .flatten()
                        .fold(false, |hit, shortcut| {
                            input.consume_shortcut(&shortcut) | hit
                        })
                })
                .collect()
        })
    }

    /// A menu entry for the command, showing its shortcut; true when clicked.
    pub fn menu_button(self, ui: &mut egui::Ui, enabled: bool) -> bool {
        let mut button = egui::Button::new(self.label());
        if let Some(shortcut) = self.shortcut() {
            button = button.shortcut_text(ui.ctx().format_shortcut(&shortcut));
        }
        ui.add_enabled(enabled, button).clicked()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_two_commands_share_a_shortcut() {
        let mut seen = Vec::new();
        for command in Command::WITH_SHORTCUTS {
            for shortcut in [command.shortcut(), command.alternative_shortcut()]
                .into_iter()
                .flatten()
            {
                assert!(!seen.contains(&shortcut), "{command:?} reuses {shortcut:?}");
                seen.push(shortcut);
            }
        }
    }
}
