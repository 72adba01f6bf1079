//! The app's colours, in one place.

use crate::model::{Category, Rgb};
use egui::Color32;

/// The accent of a category: column headings, the current-category highlight, card edges.
pub fn category(category: Category, dark_mode: bool) -> Color32 {
    match (category, dark_mode) {
        (Category::Good, false) => Color32::from_rgb(0x1b, 0x7a, 0x3d),
        (Category::Good, true) => Color32::from_rgb(0x6c, 0xcf, 0x8a),
        (Category::NotSoGood, false) => Color32::from_rgb(0xb3, 0x3c, 0x1d),
        (Category::NotSoGood, true) => Color32::from_rgb(0xf0, 0x8a, 0x6c),
        (Category::MakeADifference, false) => Color32::from_rgb(0x1f, 0x5f, 0xa8),
        (Category::MakeADifference, true) => Color32::from_rgb(0x7c, 0xb2, 0xf0),
    }
}

/// A faint wash of the category colour, behind the current column.
pub fn category_wash(category_color: Color32) -> Color32 {
    category_color.gamma_multiply(0.12)
}

/// A theme's own colour.
pub fn theme(color: Rgb) -> Color32 {
    Color32::from_rgb(color.0, color.1, color.2)
}

/// Text that reads on top of a theme colour.
pub fn text_on(color: Rgb) -> Color32 {
    let luminance =
        0.299 * f32::from(color.0) + 0.587 * f32::from(color.1) + 0.114 * f32::from(color.2);
    if luminance > 150.0 {
        Color32::BLACK
    } else {
        Color32::WHITE
    }
}

/// The star on a key quote.
pub fn star(dark_mode: bool) -> Color32 {
    if dark_mode {
        Color32::from_rgb(0xf5, 0xc5, 0x42)
    } else {
        Color32::from_rgb(0xb8, 0x86, 0x00)
    }
}

/// Status-bar text for a save that failed.
pub fn warning(dark_mode: bool) -> Color32 {
    if dark_mode {
        Color32::from_rgb(0xff, 0x8a, 0x80)
    } else {
        Color32::from_rgb(0xb0, 0x00, 0x20)
    }
}
