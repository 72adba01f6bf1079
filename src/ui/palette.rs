//! The app's look in one place: text sizes, text colours and the colours of categories, themes
//! and warnings. Every colour here reads at WCAG AA (4.5:1) on the fills it is drawn on, in the
//! light and the dark look; `tests/ui_layout.rs` checks that it stays so.

use crate::model::{Category, Rgb};
use egui::{Color32, FontFamily, FontId, TextStyle, Visuals};

/// The smallest text the app draws, in points: group progress, card footers, hints. Readable
/// from the back of a room on a projector, and above the 12-point floor of the layout test.
pub const SMALL_TEXT: f32 = 12.5;

/// Sets the app's text sizes and text colours in both looks; called once, on the first frame.
pub fn apply_look(ctx: &egui::Context) {
    ctx.all_styles_mut(|style| {
        style.text_styles = [
            (
                TextStyle::Small,
                FontId::new(SMALL_TEXT, FontFamily::Proportional),
            ),
            (TextStyle::Body, FontId::new(14.0, FontFamily::Proportional)),
            (
                TextStyle::Button,
                FontId::new(14.0, FontFamily::Proportional),
            ),
            (
                TextStyle::Heading,
                FontId::new(20.0, FontFamily::Proportional),
            ),
            (
                TextStyle::Monospace,
                FontId::new(13.0, FontFamily::Monospace),
            ),
        ]
        .into();
        tune_text_colors(&mut style.visuals);
        show_focus(&mut style.visuals);
        // A steady cursor: a blinking one wakes the window twice a second all day, which
        // drains a laptop's battery while nothing happens.
        style.visuals.text_cursor.blink = false;
    });
}

/// Where the keyboard is, seen at a glance: egui outlines a focused button in its pressed
/// look and a focused text box in the selection colour, both a hairline by default. Two
/// points wide (WCAG's focus appearance), in colours of 3:1 or more on every fill they meet.
pub const FOCUS_WIDTH: f32 = 2.0;

fn show_focus(visuals: &mut Visuals) {
    visuals.widgets.active.bg_stroke.width = FOCUS_WIDTH;
    visuals.selection.stroke.width = FOCUS_WIDTH;
}

/// egui's own text greys are too faint for a projector: its weak text is about 2.8:1.
fn tune_text_colors(visuals: &mut Visuals) {
    let (text, weak) = if visuals.dark_mode {
        (Color32::from_gray(205), Color32::from_gray(160))
    } else {
        (Color32::from_gray(35), Color32::from_gray(92))
    };
    visuals.widgets.noninteractive.fg_stroke.color = text;
    visuals.weak_text_color = Some(weak);
}

/// The accent of a category: column headings, the current-category highlight, card edges.
pub fn category(category: Category, dark_mode: bool) -> Color32 {
    match (category, dark_mode) {
        (Category::Good, false) => Color32::from_rgb(0x17, 0x70, 0x3a),
        (Category::Good, true) => Color32::from_rgb(0x6c, 0xcf, 0x8a),
        (Category::NotSoGood, false) => Color32::from_rgb(0xa8, 0x36, 0x1a),
        (Category::NotSoGood, true) => Color32::from_rgb(0xf0, 0x8a, 0x6c),
        (Category::MakeADifference, false) => Color32::from_rgb(0x1f, 0x5f, 0xa8),
        (Category::MakeADifference, true) => Color32::from_rgb(0x7c, 0xb2, 0xf0),
    }
}

/// Text on a button filled with a category's accent (the current category).
pub fn on_category(dark_mode: bool) -> Color32 {
    if dark_mode {
        Color32::BLACK
    } else {
        Color32::WHITE
    }
}

/// A faint wash of the category colour, behind the current column.
pub fn category_wash(category_color: Color32) -> Color32 {
    category_color.gamma_multiply(0.12)
}

/// The fill behind the current group in the group list: the brightest (or darkest) fill, so
/// its name and coloured progress read as well as on any other row.
pub fn current_row(visuals: &Visuals) -> Color32 {
    visuals.extreme_bg_color
}

/// The edge of the current group's row.
pub fn current_row_edge(visuals: &Visuals) -> egui::Stroke {
    egui::Stroke::new(2.0, visuals.selection.bg_fill)
}

/// A theme's own colour.
pub fn theme(color: Rgb) -> Color32 {
    Color32::from_rgb(color.0, color.1, color.2)
}

/// Text that reads on top of a theme colour: black or white, whichever contrasts more. At
/// least 4.58:1 on any colour at all.
pub fn text_on(color: Rgb) -> Color32 {
    let luminance = relative_luminance(theme(color));
    // Black's contrast (L + 0.05) / 0.05 beats white's 1.05 / (L + 0.05) above this.
    if (luminance + 0.05).powi(2) > 1.05 * 0.05 {
        Color32::BLACK
    } else {
        Color32::WHITE
    }
}

/// WCAG's relative luminance of an opaque colour.
pub fn relative_luminance(color: Color32) -> f32 {
    let channel = |c: u8| {
        let c = f32::from(c) / 255.0;
        if c <= 0.040_45 {
            c / 12.92
        } else {
            ((c + 0.055) / 1.055).powf(2.4)
        }
    };
    0.2126 * channel(color.r()) + 0.7152 * channel(color.g()) + 0.0722 * channel(color.b())
}

/// The star on a key quote.
pub fn star(dark_mode: bool) -> Color32 {
    if dark_mode {
        Color32::from_rgb(0xf5, 0xc5, 0x42)
    } else {
        Color32::from_rgb(0xb8, 0x86, 0x00)
    }
}

/// Text for something that went wrong: a failed save, a bad date.
pub fn warning(dark_mode: bool) -> Color32 {
    if dark_mode {
        Color32::from_rgb(0xff, 0x8a, 0x80)
    } else {
        Color32::from_rgb(0xb0, 0x00, 0x20)
    }
}

/// The phase timer's words when two minutes or less are left: amber, a gentle nudge.
pub fn time_soon(dark_mode: bool) -> Color32 {
    if dark_mode {
        Color32::from_rgb(0xf5, 0xc5, 0x42)
    } else {
        Color32::from_rgb(0x8a, 0x5a, 0x00)
    }
}

/// The phase timer's words once its time is up.
pub fn time_over(dark_mode: bool) -> Color32 {
    warning(dark_mode)
}
