//! The Actions screen: what will be done about each theme and idea, by whom and by when,
//! with those past their date marked. Rows open the action in a dialog; every change is one
//! undoable edit.

use super::dialogs::Dialog;
use super::dialogs::action::ActionDialog;
use super::palette;
use super::state::UiState;
use crate::model::{About, Action, ActionId, ActionStatus, Category, Session};
use jiff::civil::Date;

#[derive(Default)]
pub struct ActionsView {
    pub only_overdue: bool,
}

/// "4 actions: 1 planned, 1 in progress, 1 done, 1 not doing; 1 overdue".
pub fn actions_line(actions: &[Action], today: Date) -> String {
    if actions.is_empty() {
        return "No actions yet: add one under a theme or an idea.".to_owned();
    }
    let parts: Vec<String> = (ActionStatus::ALL.into_iter())
        .map(|status| {
            (
                status,
                actions.iter().filter(|a| a.status == status).count(),
            )
        })
        .filter(|(_, n)| *n > 0)
        .map(|(status, n)| format!("{n} {}", status.label().to_lowercase()))
        .collect();
    let overdue = actions.iter().filter(|a| a.is_overdue(today)).count();
    format!(
        "{}: {}; {overdue} overdue",
        crate::summary::words::plural(actions.len(), "action"),
        parts.join(", ")
    )
}

pub fn actions_ui(
    ui: &mut egui::Ui,
    view: &mut ActionsView,
    session: &Session,
    state: &mut UiState,
    today: Date,
) {
    ui.heading("Actions");
    ui.label(actions_line(&session.actions, today));
    ui.checkbox(&mut view.only_overdue, "Only those overdue");
    ui.add_space(6.0);
    let mut chosen: Option<Choice> = None;
    let shown = |a: &&Action| !view.only_overdue || a.is_overdue(today);
    egui::ScrollArea::vertical()
        .auto_shrink(false)
        .show(ui, |ui| {
            ui.set_width(ui.available_width());
            ui.heading("Themes");
            for theme in &session.themes {
                let about = About::Theme(theme.id);
                let actions: Vec<&Action> = (session.actions.iter())
                    .filter(|a| a.about == about)
                    .filter(shown)
                    .collect();
                if view.only_overdue && actions.is_empty() {
                    continue;
                }
                section_ui(ui, &theme.name, about, &actions, today, &mut chosen);
            }
            ui.add_space(8.0);
            ui.heading("Ideas");
            let ideas = (session.cards.iter()).filter(|c| c.category == Category::MakeADifference);
            for idea in ideas {
                let about = About::Idea(idea.id);
                let actions: Vec<&Action> = (session.actions.iter())
                    .filter(|a| a.about == about)
                    .filter(shown)
                    .collect();
                if view.only_overdue && actions.is_empty() {
                    continue;
                }
                section_ui(ui, &idea.text, about, &actions, today, &mut chosen);
            }
            let orphans: Vec<&Action> = (session.actions.iter())
                .filter(|a| match a.about {
                    About::Theme(id) => session.theme(id).is_none(),
                    About::Idea(id) => session.card(id).is_none(),
                })
                .filter(shown)
                .collect();
            if !orphans.is_empty() {
                ui.add_space(8.0);
                ui.heading("About a theme or idea since deleted");
                for action in orphans {
                    action_row_ui(ui, action, today, &mut chosen);
                }
            }
        });
    let dialog = match chosen {
        Some(Choice::Add(about)) => Some(ActionDialog::add(about)),
        Some(Choice::Open(id)) => session.action(id).map(ActionDialog::edit),
        None => None,
    };
    if let Some(dialog) = dialog {
        state.dialog = Some(Dialog::Action(Box::new(dialog)));
    }
}

enum Choice {
    Add(About),
    Open(ActionId),
}

/// A theme or idea, its actions, and a button to add one.
fn section_ui(
    ui: &mut egui::Ui,
    title: &str,
    about: About,
    actions: &[&Action],
    today: Date,
    chosen: &mut Option<Choice>,
) {
    egui::Frame::group(ui.style()).show(ui, |ui| {
        ui.set_width(ui.available_width());
        ui.horizontal_wrapped(|ui| {
            ui.label(egui::RichText::new(title).strong());
            let add = ui.button("Add an action…");
            super::dialogs::name_accessible(ui, add.id, format!("Add an action: {title}"));
            if add.clicked() {
                *chosen = Some(Choice::Add(about));
            }
        });
        for action in actions {
            action_row_ui(ui, action, today, chosen);
        }
    });
}

fn action_row_ui(ui: &mut egui::Ui, action: &Action, today: Date, chosen: &mut Option<Choice>) {
    ui.horizontal_wrapped(|ui| {
        if ui
            .add(egui::Button::new(&action.what).frame(false))
            .clicked()
        {
            *chosen = Some(Choice::Open(action.id));
        }
        let mut facts = vec![action.status.label().to_owned()];
        if !action.owner.is_empty() {
            facts.push(action.owner.clone());
        }
        if let Some(due) = action.due {
            facts.push(format!("due {}", due.strftime("%-d %b %Y")));
        }
        ui.weak(facts.join(" · "));
        if action.is_overdue(today) {
            ui.colored_label(palette::time_over(ui.visuals().dark_mode), "Overdue");
        }
    });
    if action.status == ActionStatus::NotDoing && !action.reason.is_empty() {
        ui.weak(format!("Not doing, because {}", action.reason));
    }
    if !action.update.is_empty() {
        ui.weak(format!("Latest: {}", action.update));
    }
}
