//! Linking a "What would make a difference" card to the "Not so good" cards it answers, so the
//! summary can show each idea under the problem it solves.

use super::intents::Intents;
use crate::edit::Edit;
use crate::model::{CardId, Category, Session};

/// Shows the dialog for `card`; returns false once it should close.
pub fn links_ui(
    ctx: &egui::Context,
    card: CardId,
    session: &Session,
    intents: &mut Intents,
) -> bool {
    let Some(idea) = session.card(card) else {
        return false;
    };
    let mut open = true;
    let modal = egui::Modal::new(egui::Id::unique("links-dialog")).show(ctx, |ui| {
        ui.set_width(520.0);
        ui.heading("Which problems does this idea answer?");
        ui.label(egui::RichText::new(idea.text.replace('\n', " ")).italics());
        ui.add_space(6.0);
        let problems: Vec<_> = session
            .cards
            .iter()
            .filter(|c| c.category == Category::NotSoGood)
            .collect();
        egui::ScrollArea::vertical()
            .max_height(360.0)
            .show(ui, |ui| {
                // The idea's own group first: that is where its problems usually are.
                let (own, others): (Vec<_>, Vec<_>) =
                    problems.into_iter().partition(|c| c.group == idea.group);
                for problem in own.into_iter().chain(others) {
                    let mut linked = idea.answers.contains(&problem.id);
                    let text = format!(
                        "{} — {}",
                        session.group_name(problem.group),
                        problem.text.replace('\n', " ")
                    );
                    if ui.checkbox(&mut linked, text).changed() {
                        let mut answers = idea.answers.clone();
                        if linked {
                            answers.push(problem.id);
                        } else {
                            answers.retain(|a| *a != problem.id);
                        }
                        intents.edit(Edit::SetAnswers {
                            id: idea.id,
                            answers,
                        });
                    }
                }
            });
        ui.add_space(6.0);
        if ui.button("Done").clicked() {
            open = false;
        }
    });
    open && !modal.should_close()
}
