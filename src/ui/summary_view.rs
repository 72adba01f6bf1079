//! The summary preview: the same [`Summary`] every export renders, as a page with a chart.
//! The summary is built on a helper thread when the session changes (the last one stays on
//! screen meanwhile; a build the session has already moved past is cancelled), and flattened
//! into lines of a few known heights, so a frame only lays out the lines in view, however many
//! cards there are.

use super::commands::Command;
use super::derived::Derived;
use super::intents::Intents;
use super::palette;
use super::state::UiState;
use crate::document::Document;
use crate::model::{Category, Session};
use crate::summary::{CardView, Summary, SummaryOptions, words};

/// One line of the preview.
enum Line {
    Title(String),
    Heading(String),
    Subheading(String),
    Text(String),
    Chart,
    /// A card, indented by its nesting depth. Its words are formatted only when in view.
    Card {
        view: CardView,
        depth: u8,
    },
}

/// The heights of the kinds of line, for the current text style.
#[derive(Clone, Copy, PartialEq)]
struct Heights {
    title: f32,
    heading: f32,
    subheading: f32,
    text: f32,
    card: f32,
    chart: f32,
}

impl Heights {
    fn of(ui: &egui::Ui, chart: f32) -> Self {
        let heading = ui.text_style_height(&egui::TextStyle::Heading);
        let body = ui.text_style_height(&egui::TextStyle::Body);
        Self {
            title: heading * 1.5 + 12.0,
            heading: heading + 18.0,
            subheading: body + 12.0,
            text: body + 6.0,
            card: body + 8.0,
            chart,
        }
    }

    fn of_line(&self, line: &Line) -> f32 {
        match line {
            Line::Title(_) => self.title,
            Line::Heading(_) => self.heading,
            Line::Subheading(_) => self.subheading,
            Line::Text(_) => self.text,
            Line::Card { .. } => self.card,
            Line::Chart => self.chart,
        }
    }
}

/// A built summary and its lines.
struct Page {
    summary: Summary,
    lines: Vec<Line>,
    /// Where each line starts, for the heights they were measured with.
    tops: Vec<f32>,
    measured: Option<Heights>,
}

impl Page {
    fn new(summary: Summary) -> Self {
        let lines = flatten(&summary);
        Self {
            summary,
            lines,
            tops: Vec::new(),
            measured: None,
        }
    }

    /// Line positions, measured again only when the text size changes (zoom).
    fn measure(&mut self, heights: Heights) {
        if self.measured == Some(heights) {
            return;
        }
        let mut top = 0.0;
        self.tops = (self.lines.iter())
            .map(|line| {
                let start = top;
                top += heights.of_line(line);
                start
            })
            .collect();
        self.tops.push(top);
        self.measured = Some(heights);
    }
}

/// The preview and the summary being built for it.
pub struct SummaryView {
    page: Derived<Page>,
}

impl Default for SummaryView {
    fn default() -> Self {
        Self {
            page: Derived::new("summary preview"),
        }
    }
}

impl SummaryView {
    /// Builds the page again once the session has changed.
    fn refresh(&mut self, document: &Document, ctx: &egui::Context) {
        self.page.refresh(document, ctx, |session, progress| {
            let options = SummaryOptions::default();
            let summary = Summary::build_until(session, &options, &|| progress.cancelled())?;
            // Flattening 10,000 cards takes a while too, and nobody wants this page any more.
            (!progress.cancelled()).then(|| Page::new(summary))
        });
    }
}

fn card_line(card: &CardView, depth: u8) -> Line {
    Line::Card {
        view: card.clone(),
        depth,
    }
}

fn flatten(summary: &Summary) -> Vec<Line> {
    let mut lines = vec![Line::Title(summary.header.title.clone())];
    for (label, value) in words::facts(&summary.header) {
        if label == "Agenda" {
            // A phase a line: the preview's lines are cut at the window's edge.
            for phase in value.split("; ") {
                lines.push(Line::Text(format!("{label}: {phase}")));
            }
            continue;
        }
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
    document: &Document,
    state: &mut UiState,
    intents: &mut Intents,
) {
    let (session, revision) = (document.session(), document.revision());
    view.refresh(document, ui.ctx());
    ui.horizontal(|ui| {
        ui.heading("Summary preview");
        let export = ui.button(Command::Export.label());
        if export
            .on_hover_text(Command::Export.shortcut_text(ui.ctx()))
            .clicked()
        {
            intents.command(Command::Export);
        }
        view.page.status_ui(ui, revision);
    });
    ui.separator();
    let Some(page) = view.page.latest_mut() else {
        return;
    };
    let chart_height = page.summary.overview.len().max(1) as f32 * 22.0 + 40.0;
    page.measure(Heights::of(ui, chart_height));
    let page = &*page;
    let total = page.tops.last().copied().unwrap_or(0.0);
    let dark = ui.visuals().dark_mode;
    egui::ScrollArea::vertical()
        .id_salt("summary")
        .auto_shrink([false, false])
        .show_viewport(ui, |ui, viewport| {
            ui.set_height(total);
            let origin = ui.min_rect().min;
            let width = ui.available_width().min(900.0);
            // The first line that reaches into view, found by halving rather than walking.
            let first = page
                .tops
                .partition_point(|top| *top < viewport.min.y)
                .saturating_sub(1);
            for (at, line) in page.lines.iter().enumerate().skip(first) {
                let (top, bottom) = (page.tops[at], page.tops[at + 1]);
                if top > viewport.max.y {
                    break;
                }
                let rect = egui::Rect::from_min_size(
                    origin + egui::vec2(0.0, top),
                    egui::vec2(width, bottom - top),
                );
                line_ui(ui, rect, line, &page.summary, dark, session, state);
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
        Line::Card { view, depth } => {
            ui.add_space(16.0 + f32::from(*depth) * 28.0);
            let (mark, _) = ui.allocate_exact_size(egui::vec2(4.0, 16.0), egui::Sense::hover());
            ui.painter()
                .rect_filled(mark, 1.0, palette::category(view.category, dark));
            let text = view.text.replace('\n', " ");
            let response = ui
                .add(
                    egui::Label::new(format!("“{text}”"))
                        .truncate()
                        .sense(egui::Sense::click()),
                )
                .on_hover_text("Double-click to show it on the board");
            if response.double_clicked() {
                state.reveal(session, view.id);
            }
            ui.label(egui::RichText::new(words::card_meta(view)).weak().small());
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
