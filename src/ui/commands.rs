//! Every command the app knows, with its menu, menu text and keyboard shortcut in one place.
//! The menus, the shortcut table, the help window and the clash test are all made from
//! [`Command::ALL`], so the shortcut a menu shows is always the one that works.

use crate::model::Category;
use egui::{Key, KeyboardShortcut, Modifiers};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Command {
    NewSession,
    Open,
    MergeIn,
    FollowFolder,
    NewTableCopy,
    SaveNow,
    SaveAs,
    RestoreVersion,
    Export,
    Quit,
    Undo,
    Redo,
    Find,
    Conflicts,
    Category(Category),
    NewGroup,
    NextGroup,
    PreviousGroup,
    GroupDetails,
    SessionDetails,
    StartPauseTimer,
    NextPhase,
    AddMinute,
    Projector,
    HideWords,
    ShowBoard,
    ShowOverview,
    ShowThemes,
    ShowSummary,
    ShowPeople,
    ShowActions,
    ShowPersonalDetails,
    ShowEasyWords,
    ZoomIn,
    ZoomOut,
    ZoomReset,
    KeyboardHelp,
}

/// The menus of the menu bar, in order.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Menu {
    File,
    Edit,
    Capture,
    Room,
    View,
    Help,
}

impl Menu {
    pub const ALL: [Menu; 6] = [
        Menu::File,
        Menu::Edit,
        Menu::Capture,
        Menu::Room,
        Menu::View,
        Menu::Help,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Menu::File => "File",
            Menu::Edit => "Edit",
            Menu::Capture => "Capture",
            Menu::Room => "Room",
            Menu::View => "View",
            Menu::Help => "Help",
        }
    }
}

const fn ctrl(key: Key) -> KeyboardShortcut {
    KeyboardShortcut::new(Modifiers::COMMAND, key)
}

const fn ctrl_shift(key: Key) -> KeyboardShortcut {
    KeyboardShortcut::new(Modifiers::COMMAND.plus(Modifiers::SHIFT), key)
}

impl Command {
    /// Every command, in menu order.
    pub const ALL: [Command; 39] = [
        Command::NewSession,
        Command::Open,
        Command::MergeIn,
        Command::FollowFolder,
        Command::NewTableCopy,
        Command::SaveNow,
        Command::SaveAs,
        Command::RestoreVersion,
        Command::Export,
        Command::Quit,
        Command::Undo,
        Command::Redo,
        Command::Find,
        Command::Conflicts,
        Command::Category(Category::Good),
        Command::Category(Category::NotSoGood),
        Command::Category(Category::MakeADifference),
        Command::NewGroup,
        Command::NextGroup,
        Command::PreviousGroup,
        Command::GroupDetails,
        Command::SessionDetails,
        Command::StartPauseTimer,
        Command::NextPhase,
        Command::AddMinute,
        Command::Projector,
        Command::HideWords,
        Command::ShowBoard,
        Command::ShowOverview,
        Command::ShowThemes,
        Command::ShowSummary,
        Command::ShowPeople,
        Command::ShowActions,
        Command::ShowPersonalDetails,
        Command::ShowEasyWords,
        Command::ZoomIn,
        Command::ZoomOut,
        Command::ZoomReset,
        Command::KeyboardHelp,
    ];

    /// What the menu says.
    pub fn label(self) -> &'static str {
        match self {
            Command::NewSession => "New session…",
            Command::Open => "Open…",
            Command::MergeIn => "Merge in…",
            Command::FollowFolder => "Follow a shared folder…",
            Command::NewTableCopy => "New table copy…",
            Command::SaveNow => "Save",
            Command::SaveAs => "Save as…",
            Command::RestoreVersion => "Restore a previous version…",
            Command::Export => "Export…",
            Command::Quit => "Quit",
            Command::Undo => "Undo",
            Command::Redo => "Redo",
            Command::Find => "Find cards…",
            Command::Conflicts => "Conflicts…",
            Command::Category(category) => category.label(),
            Command::NewGroup => "New group",
            Command::NextGroup => "Next group",
            Command::PreviousGroup => "Previous group",
            Command::GroupDetails => "Group details…",
            Command::SessionDetails => "Session details…",
            Command::StartPauseTimer => "Start or pause the phase timer",
            Command::NextPhase => "Next phase",
            Command::AddMinute => "One more minute",
            Command::Projector => "Projector window",
            Command::HideWords => "Hide words on the projector",
            Command::ShowBoard => "Board",
            Command::ShowOverview => "All groups",
            Command::ShowThemes => "Themes",
            Command::ShowSummary => "Summary",
            Command::ShowPeople => "People",
            Command::ShowActions => "Actions",
            Command::ShowPersonalDetails => "Personal details",
            Command::ShowEasyWords => "Easy words",
            Command::ZoomIn => "Zoom in",
            Command::ZoomOut => "Zoom out",
            Command::ZoomReset => "Actual size",
            Command::KeyboardHelp => "Keyboard shortcuts",
        }
    }

    /// The menu it is in.
    pub fn menu(self) -> Menu {
        match self {
            Command::NewSession
            | Command::Open
            | Command::MergeIn
            | Command::FollowFolder
            | Command::NewTableCopy
            | Command::SaveNow
            | Command::SaveAs
            | Command::RestoreVersion
            | Command::Export
            | Command::Quit => Menu::File,
            Command::Undo | Command::Redo | Command::Find | Command::Conflicts => Menu::Edit,
            Command::Category(_)
            | Command::NewGroup
            | Command::NextGroup
            | Command::PreviousGroup
            | Command::GroupDetails
            | Command::SessionDetails => Menu::Capture,
            Command::StartPauseTimer
            | Command::NextPhase
            | Command::AddMinute
            | Command::Projector
            | Command::HideWords => Menu::Room,
            Command::ShowBoard
            | Command::ShowOverview
            | Command::ShowThemes
            | Command::ShowSummary
            | Command::ShowPeople
            | Command::ShowActions
            | Command::ShowPersonalDetails
            | Command::ShowEasyWords
            | Command::ZoomIn
            | Command::ZoomOut
            | Command::ZoomReset => Menu::View,
            Command::KeyboardHelp => Menu::Help,
        }
    }

    /// Whether the menu draws a separator above it.
    pub fn starts_section(self) -> bool {
        matches!(
            self,
            Command::MergeIn
                | Command::SaveNow
                | Command::Export
                | Command::Quit
                | Command::Find
                | Command::NewGroup
                | Command::SessionDetails
                | Command::Projector
                | Command::ZoomIn
        )
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
            Command::ShowPeople => ctrl(Key::F6),
            Command::ShowActions => ctrl(Key::F7),
            Command::ShowPersonalDetails => ctrl(Key::F8),
            Command::ShowEasyWords => ctrl(Key::F9),
            Command::SessionDetails => ctrl(Key::D),
            Command::GroupDetails => ctrl_shift(Key::D),
            Command::StartPauseTimer => ctrl(Key::T),
            Command::NextPhase => ctrl_shift(Key::T),
            Command::AddMinute => ctrl(Key::M),
            Command::Projector => KeyboardShortcut::new(Modifiers::NONE, Key::F5),
            Command::HideWords => ctrl(Key::H),
            Command::ZoomIn => ctrl(Key::Equals),
            Command::ZoomOut => ctrl(Key::Minus),
            Command::ZoomReset => ctrl(Key::Num0),
            Command::KeyboardHelp => KeyboardShortcut::new(Modifiers::NONE, Key::F1),
            Command::RestoreVersion
            | Command::MergeIn
            | Command::FollowFolder
            | Command::NewTableCopy
            | Command::Conflicts => return None,
        })
    }

    /// A second shortcut some people expect: Ctrl+Y for redo, Ctrl++ for zooming in as
    /// egui itself does.
    pub fn alternative_shortcut(self) -> Option<KeyboardShortcut> {
        match self {
            Command::Redo => Some(ctrl(Key::Y)),
            Command::ZoomIn => Some(ctrl(Key::Plus)),
            _ => None,
        }
    }

    /// Every shortcut of every command, those with more modifiers first: Ctrl+Z would also
    /// match Ctrl+Shift+Z, so the longer one must be asked about before it.
    pub fn shortcut_table() -> Vec<(KeyboardShortcut, Command)> {
        let mut table: Vec<(KeyboardShortcut, Command)> = Command::ALL
            .into_iter()
            .flat_map(|command| {
                [command.shortcut(), command.alternative_shortcut()]
                    .into_iter()
                    .flatten()
                    .map(move |shortcut| (shortcut, command))
            })
            .collect();
        table.sort_by_key(|(shortcut, _)| std::cmp::Reverse(modifier_count(shortcut.modifiers)));
        table
    }

    /// Takes this frame's key presses for any command, so text boxes don't also see them;
    /// but a text box with fresh typing keeps undo and redo for that typing.
    pub fn consume_pressed(ctx: &egui::Context) -> Vec<Command> {
        let table: Vec<_> = Command::shortcut_table()
            .into_iter()
            .filter(|(_, command)| !super::text_undo::focused_box_takes(ctx, *command))
            .collect();
        ctx.input_mut(|input| {
            let mut pressed = Vec::new();
            for (shortcut, command) in table {
                if input.consume_shortcut(&shortcut) && !pressed.contains(&command) {
                    pressed.push(command);
                }
            }
            pressed
        })
    }

    /// The shortcut as this platform writes it ("Ctrl+S", "⌘S"), or "".
    pub fn shortcut_text(self, ctx: &egui::Context) -> String {
        self.shortcut()
            .map(|s| ctx.format_shortcut(&s))
            .unwrap_or_default()
    }

    /// A menu entry for the command, showing its shortcut; true when clicked.
    pub fn menu_button(self, ui: &mut egui::Ui, enabled: bool) -> bool {
        let mut button = egui::Button::new(self.label());
        let keys = self.shortcut().map(|_| self.shortcut_text(ui.ctx()));
        if let Some(keys) = &keys {
            button = button.shortcut_text(keys.as_str());
        }
        let response = ui.add_enabled(enabled, button);
        // A menu item to a screen reader, with its keys said after its name.
        ui.ctx().accesskit_node_builder(response.id, |node| {
            node.set_role(egui::accesskit::Role::MenuItem);
            node.set_label(self.label());
            if let Some(keys) = keys {
                node.set_keyboard_shortcut(keys);
            }
        });
        response.clicked()
    }
}

/// How many modifier keys a shortcut needs, to match the longest shortcuts first.
pub fn modifier_count(modifiers: Modifiers) -> u8 {
    [
        modifiers.alt,
        modifiers.ctrl,
        modifiers.shift,
        modifiers.mac_cmd,
        modifiers.command,
    ]
    .into_iter()
    .map(u8::from)
    .sum()
}

/// Fails with both names when two entries of a key table share a shortcut.
#[cfg(test)]
pub fn assert_no_shared_keys<T: std::fmt::Debug>(table: &[(KeyboardShortcut, T)]) {
    for (i, (shortcut, what)) in table.iter().enumerate() {
        for (other_shortcut, other) in &table[i + 1..] {
            assert!(
                shortcut != other_shortcut,
                "{what:?} and {other:?} share {shortcut:?}"
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Commands reached only from their menu: seldom used, so not worth a key to learn.
    const MENU_ONLY: &[Command] = &[
        Command::RestoreVersion,
        Command::MergeIn,
        Command::FollowFolder,
        Command::NewTableCopy,
        Command::Conflicts,
    ];

    #[test]
    fn no_two_commands_share_a_shortcut() {
        assert_no_shared_keys(&Command::shortcut_table());
        // Every other command has a key, zoom included.
        for command in Command::ALL {
            assert_eq!(
                command.shortcut().is_none(),
                MENU_ONLY.contains(&command),
                "{command:?}"
            );
        }
    }

    #[test]
    fn longer_shortcuts_are_checked_before_shorter_ones() {
        let table = Command::shortcut_table();
        let at = |wanted: Command| {
            table
                .iter()
                .position(|(shortcut, command)| {
                    *command == wanted && Some(*shortcut) == wanted.shortcut()
                })
                .unwrap()
        };
        assert!(at(Command::Redo) < at(Command::Undo));
        assert!(at(Command::SaveAs) < at(Command::SaveNow));
        assert!(at(Command::GroupDetails) < at(Command::SessionDetails));
        assert!(at(Command::NextPhase) < at(Command::StartPauseTimer));
    }

    #[test]
    fn every_command_is_listed_once() {
        for command in Command::ALL {
            assert_eq!(
                Command::ALL.iter().filter(|c| **c == command).count(),
                1,
                "{command:?}"
            );
        }
    }
}
