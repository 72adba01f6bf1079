//! Linking a "What would make a difference" card to the "Not so good" cards it answers, so the
//! summary can show each idea under the problem it solves.

use crate::document::Document;
use crate::edit::Edit;
use crate::model::{CardId, Category, Session};
use crate::ui::intents::Intents;
use std::sync::Arc;

/// The problems to choose from, prepared once per revision and idea: a session can have
/// thousands, and the dialog lays out only the ones in view.
struct Problems {
    revision: u64,
    idea: CardId,
    /// Where the idea is in `Session::cards`.
    idea_at: usize,
    /// Each problem with its line: "Group — what it says". The idea's own group first.
    rows: Vec<(CardId, String)>,
}

impl Problems {
    fn prepare(session: &Session, revision: u64, idea: CardId) -> Option<Self> {
        let idea_at = session.card_index(idea)?;
        let group = session.cards[idea_at].group;
        let problems = (session.cards.iter()).filter(|c| c.category == Category::NotSoGood);
        // The idea's own group first: that is where its problems usually are.
        let (own, others): (Vec<_>, Vec<_>) = problems.partition(|c| c.group == group);
        let rows = (own.into_iter().chain(others))
            .map(|problem| {
                let text = format!(
                    "{} — {}",
                    session.group_name(problem.group),
                    problem.text.replace('\n', " ")
                );
                (problem.id, text)
            })
            .collect();
        Some(Self {
            revision,
            idea,
            idea_at,
            rows,
        })
    }
}

/// The prepared list for this revision, kept in egui's memory while the dialog is open.
fn problems(
    ctx: &egui::Context,
    id: egui::Id,
    document: &Document,
    idea: CardId,
) -> Option<Arc<Problems>> {
    let revision = document.revision();
    let kept: Option<Arc<Problems>> = ctx.data(|d| d.get_temp(id));
    if let Some(kept) = kept.filter(|p| p.revision == revision && p.idea == idea) {
        return Some(kept);
    }
    let prepared = Arc::new(Problems::prepare(document.session(), revision, idea)?);
    ctx.data_mut(|d| d.insert_temp(id, Arc::clone(&prepared)));
    Some(prepared)
}

/// Shows the dialog for `card`; returns false once it should close.
pub fn links_ui(
    ctx: &egui::Context,
    card: CardId,
    document: &Document,
    intents: &mut Intents,
) -> bool {
    let id = egui::Id::unique("links-dialog");
    let kept = id.with("problems");
    let session = document.session();
    let Some(problems) = problems(ctx, kept, document, card) else {
        ctx.data_mut(|d| d.remove::<Arc<Problems>>(kept));
        return false;
    };
    let Some(idea) = session.cards.get(problems.idea_at) else {
        return false;
    };
    let mut open = true;
    let modal = egui::Modal::new(id).show(ctx, |ui| {
        ui.set_width(super::fitted_width(ctx, 520.0));
        super::heading_ui(ui, "Which problems does this idea answer?");
        ui.label(egui::RichText::new(idea.text.replace('\n', " ")).italics());
        ui.add_space(6.0);
        let row_height =
            (ui.spacing().interact_size.y).max(ui.text_style_height(&egui::TextStyle::Button));
        let height = super::scroll_height(ui, ui.spacing().interact_size.y + 24.0);
        egui::ScrollArea::vertical().max_height(height).show_rows(
            ui,
            row_height,
            problems.rows.len(),
            |ui, range| {
                // One line each, so every row has the same height; the whole text on hover.
                ui.style_mut().wrap_mode = Some(egui::TextWrapMode::Truncate);
                for (problem, text) in &problems.rows[range] {
                    let mut linked = idea.answers.contains(problem);
                    let response = ui.checkbox(&mut linked, text).on_hover_text(text);
                    if response.changed() {
                        let mut answers = idea.answers.clone();
                        if linked {
                            answers.push(*problem);
                        } else {
                            answers.retain(|a| a != problem);
                        }
                        intents.edit(Edit::SetAnswers {
                            id: idea.id,
                            answers,
                        });
                    }
                }
            },
        );
        ui.add_space(6.0);
        if ui.button("Done").clicked() {
            open = false;
        }
    });
    let open = open && !modal.should_close();
    if !open {
        ctx.data_mut(|d| d.remove::<Arc<Problems>>(kept));
    }
    open
}
