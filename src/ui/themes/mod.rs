//! The themes screen: the theme list with its tools on the left, the affinity wall of cards
//! grouped by theme on the right (unthemed first), with filters by group and category.

mod list;
mod suggestions;
mod wall;

use crate::document::Document;
use crate::edit::builders::toggle_theme;
use crate::model::{CardId, Category, Session, ThemeId};
use crate::ui::dialogs::Dialog;
use crate::ui::dialogs::theme_picker::ThemePicker;
use crate::ui::intents::Intents;
use crate::ui::palette;
use crate::ui::state::UiState;
use list::{swatch, theme_list_ui};
use wall::{Filters, Pile, Tiles, Wall};

/// The themes screen's own state.
#[derive(Default)]
pub struct ThemesView {
    pub filters: Filters,
    pub(super) wall: Wall,
    /// The theme whose tools are shown under the list.
    pub(super) selected_theme: Option<ThemeId>,
    /// The name box of the selected theme.
    pub(super) name: String,
    pub(super) merge_into: Option<ThemeId>,
    /// Put the keyboard in the name box on the next frame.
    pub(super) focus_name: bool,
    suggestions: suggestions::SuggestionsPanel,
}

pub fn themes_ui(
    ui: &mut egui::Ui,
    view: &mut ThemesView,
    document: &Document,
    state: &mut UiState,
    intents: &mut Intents,
) {
    let (session, revision) = (document.session(), document.revision());
    view.wall.refresh(session, revision, &view.filters);
    if view
        .selected_theme
        .is_some_and(|t| session.theme(t).is_none())
    {
        view.selected_theme = None;
    }
    // Side panels narrower in a small or zoomed window, leaving the wall room for tiles.
    let room = ui.available_width();
    let side = |widest: f32| (room * 0.19).clamp(200.0, widest);
    egui::Panel::left("theme-list")
        .default_size(side(260.0))
        .resizable(true)
        .show(ui, |ui| {
            theme_list_ui(ui, view, session, intents);
        });
    egui::Panel::right("suggestions")
        .default_size(side(280.0))
        .resizable(true)
        .show(ui, |ui| {
            suggestions::suggestions_ui(ui, &mut view.suggestions, document, intents);
        });
    egui::CentralPanel::default().show(ui, |ui| {
        filters_ui(ui, &mut view.filters, session);
        ui.separator();
        wall_ui(ui, &view.wall, session, state, intents);
    });
}

fn filters_ui(ui: &mut egui::Ui, filters: &mut Filters, session: &Session) {
    ui.horizontal_wrapped(|ui| {
        let label = ui.label("Show");
        let chosen = filters
            .group
            .map_or("All groups", |g| session.group_name(g));
        egui::ComboBox::from_id_salt("wall-group")
            .selected_text(chosen)
            .show_ui(ui, |ui| {
                ui.selectable_value(&mut filters.group, None, "All groups");
                for group in &session.groups {
                    ui.selectable_value(&mut filters.group, Some(group.id), &group.name);
                }
            })
            .response
            .labelled_by(label.id);
        let dark = ui.visuals().dark_mode;
        for category in Category::ALL {
            let on = &mut filters.categories[category.index()];
            // Ticks, not highlighted labels: the category colours read on the panel, not on
            // the selection's blue.
            let text =
                egui::RichText::new(category.label()).color(palette::category(category, dark));
            ui.checkbox(on, text);
        }
    });
}

/// The wall, laid out in rows of tiles of one size so only the visible rows are drawn.
fn wall_ui(
    ui: &mut egui::Ui,
    wall: &Wall,
    session: &Session,
    state: &mut UiState,
    intents: &mut Intents,
) {
    let heading_height = ui.text_style_height(&egui::TextStyle::Heading)
        + ui.text_style_height(&egui::TextStyle::Body)
        + 20.0;
    let tiles = Tiles::fit(
        // Room for the scroll bar.
        ui.available_width() - 16.0,
        ui.text_style_height(&egui::TextStyle::Body),
        ui.text_style_height(&egui::TextStyle::Small),
    );
    let pile_height = |pile: &Pile| heading_height + tiles.rows_height(pile.cards.len());
    let total: f32 = wall.piles.iter().map(pile_height).sum();
    egui::ScrollArea::vertical()
        .id_salt("wall")
        .auto_shrink([false, false])
        .show_viewport(ui, |ui, viewport| {
            ui.set_height(total);
            let origin = ui.min_rect().min;
            let mut top = 0.0;
            for pile in &wall.piles {
                let height = pile_height(pile);
                if top + height >= viewport.min.y && top <= viewport.max.y {
                    let rect = egui::Rect::from_min_size(
                        origin + egui::vec2(0.0, top),
                        egui::vec2(ui.available_width(), height),
                    );
                    pile_ui(
                        ui,
                        rect,
                        viewport.translate(origin.to_vec2()),
                        pile,
                        tiles,
                        heading_height,
                        session,
                        state,
                        intents,
                    );
                }
                top += height;
            }
        });
}

#[expect(clippy::too_many_arguments)] // One pile's geometry and the frame's context.
fn pile_ui(
    ui: &mut egui::Ui,
    rect: egui::Rect,
    visible: egui::Rect,
    pile: &Pile,
    tiles: Tiles,
    heading_height: f32,
    session: &Session,
    state: &mut UiState,
    intents: &mut Intents,
) {
    let theme = pile.theme.and_then(|t| session.theme(t));
    let heading_rect =
        egui::Rect::from_min_size(rect.min, egui::vec2(rect.width(), heading_height));
    // The name, and under it the counts, so a zoomed window never cuts either off.
    let heading = ui.scope_builder(egui::UiBuilder::new().max_rect(heading_rect), |ui| {
        ui.horizontal(|ui| match theme {
            Some(theme) => {
                swatch(ui, theme.color);
                ui.add(egui::Label::new(egui::RichText::new(&theme.name).heading()).truncate());
            }
            None => {
                ui.heading("Unthemed");
            }
        });
        let [good, not_so_good, difference] = pile.counts;
        let counts = format!(
            "{} — Good {good} · Not so good {not_so_good} · Difference {difference}",
            crate::summary::words::plural(pile.cards.len(), "card")
        );
        ui.add(egui::Label::new(counts).truncate());
    });
    if let (Some(theme), Some(card)) = (theme, heading.response.dnd_release_payload::<CardId>())
        && session
            .card(*card)
            .is_some_and(|c| !c.themes.contains(&theme.id))
    {
        intents.edits.extend(toggle_theme(session, *card, theme.id));
    }
    if pile.cards.is_empty() {
        let empty = egui::Rect::from_min_size(
            heading_rect.left_bottom(),
            egui::vec2(rect.width(), tiles.size.y),
        );
        ui.put(
            empty,
            egui::Label::new(egui::RichText::new("No cards here with these filters").weak()),
        );
        return;
    }
    let first = heading_rect.left_bottom();
    // A list to a screen reader: "Carers, list, 7 items", each card "3 of 7".
    let name = theme.map_or("Unthemed", |t| t.name.as_str());
    let list = egui::UiBuilder::new()
        .max_rect(rect.with_min_y(first.y))
        .accessibility_role(egui::accesskit::Role::List)
        .accessibility_label(name);
    ui.scope_builder(list, |ui| {
        for (row, chunk) in pile.cards.chunks(tiles.per_row).enumerate() {
            let row_rect = tiles.rect(first, row * tiles.per_row);
            if !visible.y_range().intersects(row_rect.y_range()) {
                continue;
            }
            for (column, &at) in chunk.iter().enumerate() {
                let Some(card) = session.cards.get(at) else {
                    continue;
                };
                let n = row * tiles.per_row + column;
                let tile = Tile {
                    rect: tiles.rect(first, n),
                    pile: pile.theme,
                    position: n + 1,
                    of: pile.cards.len(),
                };
                tile_ui(ui, &tile, card, session, state, intents);
            }
        }
    });
}

/// Where a card's tile is: on screen, in which pile, and its place in the pile.
struct Tile {
    rect: egui::Rect,
    pile: Option<ThemeId>,
    position: usize,
    of: usize,
}

/// The whole of a long card's words, under its tile while it is selected.
fn whole_text_ui(ui: &egui::Ui, tile: egui::Rect, text: &str) {
    egui::Area::new(egui::Id::unique("wall-whole-text"))
        .order(egui::Order::Foreground)
        .fixed_pos(tile.left_bottom() + egui::vec2(0.0, 2.0))
        .interactable(false)
        .show(ui.ctx(), |ui| {
            egui::Frame::popup(ui.style()).show(ui, |ui| {
                ui.set_max_width(tile.width() - 12.0);
                ui.label(text);
            });
        });
}

/// A card on the wall: its words (the first lines of a long one), its group, its themes.
fn tile_ui(
    ui: &mut egui::Ui,
    tile: &Tile,
    card: &crate::model::Card,
    session: &Session,
    state: &mut UiState,
    intents: &mut Intents,
) {
    let rect = tile.rect;
    let id = egui::Id::unique(("wall-card", tile.pile, card.id));
    let response = ui.interact(rect, id, egui::Sense::click_and_drag());
    let dark = ui.visuals().dark_mode;
    let selected = state.selected == Some(card.id);
    let accent = palette::category(card.category, dark);
    let painter = ui.painter_at(rect);
    painter.rect_filled(rect, 6.0, ui.visuals().extreme_bg_color);
    let stroke = if selected || response.has_focus() {
        egui::Stroke::new(2.5, accent)
    } else {
        egui::Stroke::new(1.0, accent.gamma_multiply(0.6))
    };
    painter.rect_stroke(rect, 6.0, stroke, egui::StrokeKind::Inside);
    let inner = rect.shrink(wall::TILE_MARGIN);
    let mut job = egui::text::LayoutJob::simple(
        card.text.clone(),
        egui::TextStyle::Body.resolve(ui.style()),
        ui.visuals().text_color(),
        inner.width(),
    );
    job.wrap.max_rows = wall::TEXT_LINES;
    job.wrap.break_anywhere = false;
    let words = ui.fonts_mut(|f| f.layout_job(job));
    let cut = words.elided;
    painter.galley(inner.min, words, ui.visuals().text_color());
    if cut && selected {
        whole_text_ui(ui, rect, &card.text);
    }
    let footer = format!(
        "{} · {}{}",
        session.group_name(card.group),
        card.category.short_label(),
        if card.starred { " · starred" } else { "" }
    );
    painter.text(
        inner.left_bottom(),
        egui::Align2::LEFT_BOTTOM,
        footer,
        egui::TextStyle::Small.resolve(ui.style()),
        ui.visuals().weak_text_color(),
    );
    for (n, theme) in card
        .themes
        .iter()
        .filter_map(|t| session.theme(*t))
        .enumerate()
    {
        let center = egui::pos2(inner.right() - 6.0 - n as f32 * 14.0, inner.bottom() - 6.0);
        painter.circle_filled(center, 5.0, palette::theme(theme.color));
    }
    let description = format!("{}: {}", card.category.label(), card.text);
    response.widget_info(|| {
        egui::WidgetInfo::selected(egui::Role::ListItem, true, selected, &description)
    });
    ui.ctx().accesskit_node_builder(response.id, |node| {
        node.set_position_in_set(tile.position);
        node.set_size_of_set(tile.of);
        node.add_action(egui::accesskit::Action::Click);
    });
    if response.clicked() || response.gained_focus() || response.drag_started() {
        state.choose(card.id);
    }
    if response.double_clicked() {
        state.dialog = Some(Dialog::ThemePicker(ThemePicker::new(card.id)));
    }
    if response.drag_started() {
        response.dnd_set_drag_payload(card.id);
    }
    let response = response.on_hover_text(&card.text);
    response.context_menu(|ui| {
        ui.label(egui::RichText::new("Themes").strong());
        for theme in &session.themes {
            let mut on = card.themes.contains(&theme.id);
            if ui.checkbox(&mut on, &theme.name).changed() {
                intents
                    .edits
                    .extend(toggle_theme(session, card.id, theme.id));
            }
        }
        ui.separator();
        if ui.button("Find or create a theme…").clicked() {
            state.dialog = Some(Dialog::ThemePicker(ThemePicker::new(card.id)));
        }
        if ui.button("Show on the board").clicked() {
            state.reveal(session, card.id);
        }
    });
}
