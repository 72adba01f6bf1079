//! The summary preview: the same [`Summary`] every export renders, as a page with a chart.
//! It is flattened into lines of known heights, so only the lines in view are drawn.

use super::palette;
use super::state::UiState;
use crate::model::{CardId, Category, Session};
use crate::summary::{CardView, Summary, SummaryOptions, words};

/// One line of the preview.
enum Line {
    Title(String),
    Heading(String),
    Subheading(String),
    Text(String),
    Chart,
    /// A card, indented by its nesting depth.
    Card {
        card: CardId,
        text: String,
        meta: String,
        category: Category,
        depth: u8,
    },
}

impl Line {
    fn height(&self, ui: &egui::Ui, chart_height: f32) -> f32 {
        let style = |s: egui::TextStyle| ui.text_style_height(&s);
        match self {
            Line::Title(_) => style(egui::TextStyle::Heading) * 1.5 + 12.0,
            Line::Heading(_) => style(egui::TextStyle::Heading) + 18.0,
            Line::Subheading(_) => style(egui::TextStyle::Body) + 12.0,
            Line::Text(_) => style(egui::TextStyle::Body) + 6.0,
            Line::Card { .. } => style(egui::TextStyle::Body) + 8.0,
            Line::Chart => chart_height,
        }
    }
}

/// The preview, rebuilt when the session changes.
#[derive(Default)]
pub struct SummaryView {
    revision: u64,
    summary: Option<Summary>,
    lines: Vec<Line>,
}

impl SummaryView {
    fn refresh(&mut self, session: &Session, revision: u64) {
        if self.summary.is_some() && self.revision == revision {
            return;
        }
        let summary = Summary::build(session, &SummaryOptions::default());
        self.lines = flatten(&summary);
        self.summary = Some(summary);
        self.revision = revision;
    }
}

fn card_line(card: &CardView, depth: u8) -> Line {
    Line::Card {
        card: card.id,
        text: card.text.replace('\n', " "),
        meta: words::card_meta(card),
        category: card.category,
        depth,
    }
}

fn flatten(summary: &Summary) -> Vec<Line> {
    let mut lines = vec![Line::Title(summary.header.title.clone())];
    for (label, value) in words::facts(&summary.header) {
        lines.push(Line::Text(format!("{label}: {value}")));
    }
    lines.push(Line::Heading(words::OVERVIEW.to_owned()));
    lines.push(Line::Chart);
    lines.push(Line::Text(words::COUNTING_NOTE.to_owned()));
    for section in &summary.themes {
        lines.push(Line::Heading(section.name.clone()));
        lines.push(Line::Text(words::counts_sentence(section.counts)));
        push_lists(&mut lines, &section.cards);
    }
    if !summary.proposals.is_empty() {
        lines.push(Line::Heading(words::PROPOSALS.to_owned()));
        for proposal in &summary.proposals {
            lines.push(card_line(&proposal.card, 0));
        }
    }
    lines.push(Line::Heading(words::UNTHEMED.to_owned()));
    if summary.unthemed.is_empty() {
        lines.push(Line::Text("Every card has a theme.".to_owned()));
    }
    push_lists(&mut lines, &summary.unthemed);
    lines
}

fn push_lists(lines: &mut Vec<Line>, lists: &crate::summary::CardLists) {
    for (category, entries) in lists.categories() {
        lines.push(Line::Subheading(category.label().to_owned()));
        for entry in entries {
            lines.push(card_line(&entry.card, 0));
            lines.extend(entry.answers.iter().map(|answer| card_line(answer, 1)));
        }
    }
}

pub fn summary_ui(
    ui: &mut egui::Ui,
    view: &mut SummaryView,
    session: &Session,
    revision: u64,
    state: &mut UiState,
) {
    view.refresh(session, revision);
    let Some(summary) = &view.summary else { return };
    ui.horizontal(|ui| {
        ui.heading("Summary preview");
        if ui.button("Export…").on_hover_text("Ctrl+E").clicked() {
            state.export_requested = true;
        }
    });
    ui.separator();
    let bar_height = 22.0;
    let chart_height = summary.overview.len().max(1) as f32 * bar_height + 40.0;
    let heights: Vec<f32> = view
        .lines
        .iter()
        .map(|l| l.height(ui, chart_height))
        .collect();
    let total: f32 = heights.iter().sum();
    let dark = ui.visuals().dark_mode;
    egui::ScrollArea::vertical()
        .id_salt("summary")
        .auto_shrink([false, false])
        .show_viewport(ui, |ui, viewport| {
            ui.set_height(total);
            let origin = ui.min_rect().min;
            let width = ui.available_width().min(900.0);
            let mut top = 0.0;
            for (line, height) in view.lines.iter().zip(&heights) {
                if top + height >= viewport.min.y && top <= viewport.max.y {
                    let rect = egui::Rect::from_min_size(
                        origin + egui::vec2(0.0, top),
                        egui::vec2(width, *height),
                    );
                    line_ui(ui, rect, line, summary, dark, session, state);
                }
                top += height;
            }
        });
}

fn line_ui(
    ui: &mut egui::Ui,
    rect: egui::Rect,
    line: &Line,
    summary: &Summary,
    dark: bool,
    session: &Session,
    state: &mut UiState,
) {
    let mut child = ui.new_child(
        egui::UiBuilder::new()
            .max_rect(rect)
            .layout(egui::Layout::left_to_right(egui::Align::Center)),
    );
    let ui = &mut child;
    match line {
        Line::Title(text) => {
            ui.label(egui::RichText::new(text).heading().size(26.0));
        }
        Line::Heading(text) => {
            ui.label(egui::RichText::new(text).heading());
        }
        Line::Subheading(text) => {
            ui.label(egui::RichText::new(text).strong());
        }
        Line::Text(text) => {
            ui.add(egui::Label::new(text).truncate());
        }
        Line::Chart => chart_ui(ui, summary),
        Line::Card {
            card,
            text,
            meta,
            category,
            depth,
        } => {
            ui.add_space(16.0 + f32::from(*depth) * 28.0);
            let (mark, _) = ui.allocate_exact_size(egui::vec2(4.0, 16.0), egui::Sense::hover());
            ui.painter()
                .rect_filled(mark, 1.0, palette::category(*category, dark));
            let response = ui
                .add(
                    egui::Label::new(format!("“{text}”"))
                        .truncate()
                        .sense(egui::Sense::click()),
                )
                .on_hover_text("Double-click to show it on the board");
            if response.double_clicked() {
                state.reveal(session, *card);
            }
            ui.label(egui::RichText::new(meta).weak().small());
        }
    }
}

/// Themes as horizontal bars, split by category, longest first: the same chart as the HTML.
fn chart_ui(ui: &mut egui::Ui, summary: &Summary) {
    let rect = ui.max_rect();
    let painter = ui.painter_at(rect);
    let most = summary
        .overview
        .iter()
        .map(|t| t.counts.total())
        .max()
        .unwrap_or(0)
        .max(1) as f32;
    let label_width = 260.0;
    let bar_space = (rect.width() - label_width - 60.0).max(50.0);
    let font = egui::TextStyle::Body.resolve(ui.style());
    let text = ui.visuals().text_color();
    for (row, theme) in summary.overview.iter().enumerate() {
        let y = rect.top() + 8.0 + row as f32 * 22.0;
        painter.text(
            egui::pos2(rect.left(), y + 9.0),
            egui::Align2::LEFT_CENTER,
            &theme.name,
            font.clone(),
            text,
        );
        let mut x = rect.left() + label_width;
        for category in Category::ALL {
            let width = bar_space * theme.counts.get(category) as f32 / most;
            let color = words::category_color(category);
            painter.rect_filled(
                egui::Rect::from_min_size(egui::pos2(x, y), egui::vec2(width, 16.0)),
                0.0,
                palette::theme(color),
            );
            x += width;
        }
        painter.text(
            egui::pos2(x + 6.0, y + 9.0),
            egui::Align2::LEFT_CENTER,
            theme.counts.total().to_string(),
            font.clone(),
            text,
        );
    }
    let legend_y = rect.top() + 12.0 + summary.overview.len() as f32 * 22.0;
    let mut x = rect.left() + label_width;
    for category in Category::ALL {
        let swatch = egui::Rect::from_min_size(egui::pos2(x, legend_y), egui::vec2(12.0, 12.0));
        painter.rect_filled(swatch, 2.0, palette::theme(words::category_color(category)));
        let end = painter.text(
            swatch.right_center() + egui::vec2(4.0, 0.0),
            egui::Align2::LEFT_CENTER,
            category.label(),
            font.clone(),
            text,
        );
        x = end.right() + 16.0;
    }
    // One line a screen reader can say for the whole chart.
    let description: Vec<String> = summary
        .overview
        .iter()
        .map(|t| format!("{} {}", t.name, t.counts.total()))
        .collect();
    let response = ui.allocate_rect(rect, egui::Sense::hover());
    response.widget_info(|| {
        egui::WidgetInfo::labeled(
            egui::Role::Image,
            true,
            format!("Chart of cards per theme: {}", description.join(", ")),
        )
    });
}
