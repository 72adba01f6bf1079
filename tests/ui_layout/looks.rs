//! Text sizes and colours, read from the app's own style after its first frames.

use crate::common;
use crate::windows::windows;
use egui::{Color32, Theme};

/// WCAG AA for normal text.
const AA_CONTRAST: f32 = 4.5;
/// The smallest text, in points (logical pixels at 100 %).
const SMALLEST_TEXT: f32 = 12.0;

/// `top` (premultiplied, maybe see-through) painted over an opaque `under`.
fn over(top: Color32, under: Color32) -> Color32 {
    let keep = 1.0 - f32::from(top.a()) / 255.0;
    let mix = |t: u8, u: u8| (f32::from(t) + f32::from(u) * keep).round().min(255.0) as u8;
    Color32::from_rgb(
        mix(top.r(), under.r()),
        mix(top.g(), under.g()),
        mix(top.b(), under.b()),
    )
}

fn contrast(text: Color32, fill: Color32) -> f32 {
    let luminance = harvest::ui::palette::relative_luminance;
    let (a, b) = (luminance(over(text, fill)), luminance(fill));
    (a.max(b) + 0.05) / (a.min(b) + 0.05)
}

/// The app's style after it has drawn, in both looks.
fn app_styles() -> [(Theme, std::sync::Arc<egui::Style>); 2] {
    let harness = windows()[0].app(common::sample_session());
    [Theme::Light, Theme::Dark].map(|theme| (theme, harness.ctx.style_of(theme)))
}

#[test]
fn small_text_is_at_least_twelve_points() {
    for (theme, style) in app_styles() {
        for (text_style, font) in &style.text_styles {
            assert!(
                font.size >= SMALLEST_TEXT,
                "{theme:?}: {text_style:?} text is {} points",
                font.size
            );
        }
    }
}

/// Every pairing of a text colour with the fill it is drawn on, named for the failure message.
fn text_on_fills(visuals: &egui::Visuals) -> Vec<(String, Color32, Color32)> {
    use harvest::model::Category;
    use harvest::ui::palette;
    let dark = visuals.dark_mode;
    let mut fills = vec![
        ("panel", visuals.panel_fill),
        ("window", visuals.window_fill),
        ("card or text box", visuals.extreme_bg_color),
        (
            "striped row",
            over(visuals.faint_bg_color, visuals.window_fill),
        ),
        ("current group", palette::current_row(visuals)),
    ];
    for category in Category::ALL {
        let wash = palette::category_wash(palette::category(category, dark));
        fills.push(("current column", over(wash, visuals.panel_fill)));
    }
    let mut pairs = Vec::new();
    let texts = [
        ("text", visuals.text_color()),
        ("weak text", visuals.weak_text_color()),
        ("strong text", visuals.strong_text_color()),
    ];
    for (text_name, text) in texts {
        for (fill_name, fill) in &fills {
            pairs.push((format!("{text_name} on {fill_name}"), text, *fill));
        }
    }
    for category in Category::ALL {
        let accent = palette::category(category, dark);
        let name = category.label();
        for (fill_name, fill) in &fills {
            pairs.push((format!("{name} on {fill_name}"), accent, *fill));
        }
        let button = visuals.widgets.inactive.weak_bg_fill;
        pairs.push((format!("{name} on a button"), accent, button));
        let on = palette::on_category(dark);
        pairs.push((format!("the current category's name on {name}"), on, accent));
    }
    for (state, widget) in [
        ("button", visuals.widgets.inactive),
        ("hovered button", visuals.widgets.hovered),
    ] {
        pairs.push((
            format!("{state} text"),
            widget.fg_stroke.color,
            widget.weak_bg_fill,
        ));
    }
    let selection = visuals.selection;
    pairs.push((
        "selected tab or row".into(),
        selection.stroke.color,
        selection.bg_fill,
    ));
    for (fill_name, fill) in &fills[..2] {
        pairs.push((
            format!("a warning on {fill_name}"),
            palette::warning(dark),
            *fill,
        ));
    }
    pairs
}

#[test]
fn text_colours_meet_wcag_aa_in_both_looks() {
    let mut faults = Vec::new();
    for (theme, style) in app_styles() {
        for (what, text, fill) in text_on_fills(&style.visuals) {
            let ratio = contrast(text, fill);
            if ratio < AA_CONTRAST {
                faults.push(format!(
                    "{theme:?}: {what} is {ratio:.2}:1 ({text:?} on {fill:?})"
                ));
            }
        }
    }
    assert!(faults.is_empty(), "{}", faults.join("\n"));
}

#[test]
fn theme_names_read_on_any_theme_colour() {
    use harvest::model::Rgb;
    use harvest::ui::palette;
    // The palette new themes take, and every colour a person could pick, coarsely.
    let steps = (0..=255).step_by(17).map(|c| c as u8);
    let picked = steps.clone().flat_map(|r| {
        let steps = steps.clone();
        steps
            .clone()
            .flat_map(move |g| steps.clone().map(move |b| Rgb(r, g, b)))
    });
    for color in Rgb::PALETTE.into_iter().chain(picked) {
        let ratio = contrast(palette::text_on(color), palette::theme(color));
        assert!(
            ratio >= AA_CONTRAST,
            "a theme name on {} is {ratio:.2}:1",
            color.to_hex()
        );
    }
}

/// What has the keyboard must show: an outline at least 2 points wide and of 3:1 against the
/// panel, the window and the text boxes, in both looks (WCAG 2.2's focus appearance).
#[test]
fn the_focused_widget_is_outlined_two_points_wide_at_three_to_one() {
    for (theme, style) in app_styles() {
        let visuals = &style.visuals;
        let outlines = [
            ("a focused button", visuals.widgets.active.bg_stroke),
            ("a focused text box", visuals.selection.stroke),
        ];
        for (what, stroke) in outlines {
            assert!(
                stroke.width >= 2.0,
                "{theme:?}: {what} is outlined {} wide",
                stroke.width
            );
            for (fill_name, fill) in [
                ("panel", visuals.panel_fill),
                ("window", visuals.window_fill),
                ("text box", visuals.extreme_bg_color),
            ] {
                let ratio = contrast(stroke.color, fill);
                assert!(
                    ratio >= 3.0,
                    "{theme:?}: {what}'s outline is {ratio:.1}:1 on the {fill_name}"
                );
            }
        }
    }
}
