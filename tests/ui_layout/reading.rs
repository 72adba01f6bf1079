//! Reading: whole words, as many columns as fit, headings set as they are written.

use crate::common;
use crate::windows::{App, Window, press};
use egui::accesskit::Role;
use egui::{Key, Modifiers, Rect, Theme};
use egui_kittest::kittest::{NodeT, Queryable, by};

/// The rects of the cards shown, by their accessible names ("Good: …", with the category):
/// buttons on the board, list items on the Themes wall.
fn card_rects(harness: &App) -> Vec<Rect> {
    let categories = ["Good: ", "Not so good: ", "What would make a difference: "];
    harness
        .query_all(by().predicate(|node| matches!(node.role(), Role::Button | Role::ListItem)))
        .filter(|node| {
            let label = node.accesskit_node().label().unwrap_or_default();
            categories.iter().any(|c| label.starts_with(c))
        })
        .map(|node| node.rect())
        .collect()
}

fn columns(rects: &[Rect]) -> usize {
    let mut lefts: Vec<i32> = rects.iter().map(|r| r.left().round() as i32).collect();
    lefts.sort_unstable();
    lefts.dedup();
    lefts.len()
}

#[test]
fn the_wall_uses_as_many_columns_as_fit() {
    for (size, at_least) in [([1280.0, 800.0], 3), ([1920.0, 1080.0], 5)] {
        let window = Window {
            size,
            zoom: 1.0,
            theme: Theme::Dark,
        };
        let mut harness = window.app(common::sample_session());
        press(&mut harness, Modifiers::COMMAND, Key::F3);
        let tiles = card_rects(&harness);
        assert!(
            columns(&tiles) >= at_least,
            "{window}: the wall has {} columns, not {at_least}",
            columns(&tiles)
        );
        let line = harness.ctx.global_style().text_styles[&egui::TextStyle::Body].size;
        let shortest = tiles.iter().map(|r| r.height()).fold(f32::MAX, f32::min);
        assert!(
            shortest >= 4.0 * line,
            "{window}: tiles {shortest} points tall show four lines of words"
        );
    }
}

#[test]
fn all_groups_wraps_each_card_whole_in_its_column() {
    let window = Window {
        size: [1024.0, 700.0],
        zoom: 1.5,
        theme: Theme::Light,
    };
    let mut harness = window.app(common::sample_session());
    press(&mut harness, Modifiers::COMMAND, Key::F2);
    let long = "Choosing my own personal assistant means I get someone who understands me";
    let card = harness.get_by_label(long).rect();
    let line = harness.ctx.global_style().text_styles[&egui::TextStyle::Body].size;
    assert!(
        card.height() >= 2.0 * line,
        "the long card wraps onto several lines: {card:?}"
    );
    assert!(
        window.rect().contains_rect(card),
        "and fits the window {:?}: {card:?}",
        window.rect()
    );
    let third = window.rect().width() / 3.0;
    assert!(card.width() < third, "in its own column: {card:?}");
}

#[test]
fn a_wrapped_column_heading_keeps_its_letters_together() {
    // At 150 % "What would make a difference" wraps; set justified, its first line's letters
    // were spread to the column's whole width.
    let window = Window {
        size: [1280.0, 800.0],
        zoom: 1.5,
        theme: Theme::Dark,
    };
    let harness = window.app(common::sample_session());
    let heading = harness
        .get_all_by_label("What would make a difference")
        .map(|node| node.rect())
        .max_by(|a, b| a.top().total_cmp(&b.top()))
        .unwrap();
    let line = harness.ctx.global_style().text_styles[&egui::TextStyle::Heading].size;
    assert!(heading.height() > 1.5 * line, "it wraps: {heading:?}");
    let column = card_rects(&harness)
        .into_iter()
        .filter(|card| card.left() >= heading.left() - 20.0)
        .map(|card| card.width())
        .fold(0.0, f32::max);
    assert!(
        heading.width() + 8.0 < column,
        "the heading ({:.0} points) is set ragged, narrower than its column ({column:.0})",
        heading.width()
    );
}
