//! Every screen and dialog fits the window and reads, at the sizes and zooms a facilitator
//! meets: a 1280×800 laptop, a 1024×700 projector, each at 100 % and 150 %, light and dark.
//!
//! The places are one table: to check a new screen or dialog, add a row to `places()` saying
//! how a person reaches it from the board.
#![allow(clippy::unwrap_used, clippy::expect_used)] // Test helpers may panic: that is a failed test.

use egui::accesskit::Role;
use egui::{Color32, Key, Modifiers, Rect, Theme};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable, by};
use harvest::document::Document;
use harvest::model::Session;
use harvest::ui::HarvestApp;

mod common;

/// The narrowest a box for a line of text may be, in points: about 30 characters, so a title
/// or a name can be read whole. Points grow with the zoom, so a box holds as much text at 150 %.
const NARROWEST_TEXT_BOX: f32 = 240.0;
/// egui's margin inside a text box, each side.
const TEXT_BOX_MARGIN: f32 = 4.0;
/// WCAG AA for normal text.
const AA_CONTRAST: f32 = 4.5;
/// The smallest text, in points (logical pixels at 100 %).
const SMALLEST_TEXT: f32 = 12.0;

type App = Harness<'static, HarvestApp>;

/// One screen or dialog, and how a person gets there from the board.
struct Place {
    name: &'static str,
    open: fn(&mut App),
    /// Labels that must be in view without scrolling: a dialog's buttons.
    in_view: &'static [&'static str],
    /// Labels that scrolling must bring into the window: the end of a long list.
    reachable: &'static [&'static str],
    session: fn() -> Session,
}

impl Place {
    fn new(name: &'static str, open: fn(&mut App)) -> Self {
        Self {
            name,
            open,
            in_view: &[],
            reachable: &[],
            session: common::sample_session,
        }
    }

    fn in_view(self, labels: &'static [&'static str]) -> Self {
        Self {
            in_view: labels,
            ..self
        }
    }

    fn reachable(self, labels: &'static [&'static str]) -> Self {
        Self {
            reachable: labels,
            ..self
        }
    }

    fn on(self, session: fn() -> Session) -> Self {
        Self { session, ..self }
    }
}

/// Every screen and every dialog reachable today. Add a row for a new one.
fn places() -> Vec<Place> {
    vec![
        Place::new("board", |_| {}),
        Place::new("all groups", |h| press(h, Modifiers::COMMAND, Key::F2)),
        Place::new("themes", |h| press(h, Modifiers::COMMAND, Key::F3)),
        Place::new("themes with suggestions", suggest_themes).on(half_unthemed),
        Place::new("summary", |h| press(h, Modifiers::COMMAND, Key::F4)),
        Place::new("session details", |h| press(h, Modifiers::COMMAND, Key::D))
            .in_view(&["Apply", "Cancel"]),
        Place::new("session details, long notes", |h| {
            press(h, Modifiers::COMMAND, Key::D)
        })
        .in_view(&["Apply", "Cancel"])
        .on(long_notes),
        Place::new("group details", |h| press(h, SHIFT_COMMAND, Key::D))
            .in_view(&["Apply", "Cancel"]),
        Place::new("find", |h| press(h, Modifiers::COMMAND, Key::F)),
        Place::new("keyboard help", |h| press(h, Modifiers::NONE, Key::F1))
            .reachable(&["back to the new-card box"]),
        Place::new("export", |h| press(h, Modifiers::COMMAND, Key::E)).in_view(&["Cancel"]),
        Place::new("move card", |h| card_menu(h, "Good: Choosing", "Move to…"))
            .in_view(&["Cancel"]),
        Place::new("theme picker", |h| {
            card_menu(h, "Good: Choosing", "Themes…")
        })
        .in_view(&["Done"]),
        Place::new("links", |h| {
            card_menu(
                h,
                "What would make a difference: A payroll",
                "Answers which problems…",
            )
        })
        .in_view(&["Done"]),
        Place::new("restore", |h| {
            menu(h, "File", "Restore a previous version…")
        })
        .in_view(&["Close"]),
    ]
}

const SHIFT_COMMAND: Modifiers = Modifiers::COMMAND.plus(Modifiers::SHIFT);

/// A window to try every place in.
#[derive(Clone, Copy, Debug)]
struct Window {
    /// In pixels, as the screen has them.
    size: [f32; 2],
    zoom: f32,
    theme: Theme,
}

impl std::fmt::Display for Window {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let [w, h] = self.size;
        let look = match self.theme {
            Theme::Light => "light",
            Theme::Dark => "dark",
        };
        write!(f, "{w}×{h} at {}%, {look}", (self.zoom * 100.0).round())
    }
}

fn windows() -> Vec<Window> {
    let mut windows = Vec::new();
    for size in [[1280.0, 800.0], [1024.0, 700.0]] {
        for zoom in [1.0, 1.5] {
            for theme in [Theme::Light, Theme::Dark] {
                windows.push(Window { size, zoom, theme });
            }
        }
    }
    windows
}

impl Window {
    /// The window in points, which is what egui lays out in.
    fn rect(&self) -> Rect {
        Rect::from_min_size(egui::Pos2::ZERO, egui::Vec2::from(self.size) / self.zoom)
    }

    /// The app on `session` in this window, zoomed as Ctrl+= would.
    fn app(&self, session: Session) -> App {
        let document = Document::new(session, std::env::temp_dir().join("harvest-layout.ron"));
        let zoom = self.zoom;
        let mut harness = Harness::builder()
            .with_size(self.rect().size())
            .with_theme(self.theme)
            // A context menu takes a few frames to size itself before it settles.
            .with_max_steps(8)
            .with_context_setup(move |ctx| ctx.set_zoom_factor(zoom))
            .build_eframe(move |_cc| HarvestApp::headless(document));
        harness.run();
        harness
    }
}

fn press(harness: &mut App, modifiers: Modifiers, key: Key) {
    harness.key_press_modifiers(modifiers, key);
    harness.run();
}

/// Right-clicks a card on the board and picks `item` from its menu.
fn card_menu(harness: &mut App, card: &str, item: &str) {
    // On its words, as a person would, not on a vote button that may be at its centre.
    let at = harness.get_by_label_contains(card).rect().left_top() + egui::vec2(16.0, 12.0);
    for pressed in [true, false] {
        harness.event(egui::Event::PointerButton {
            pos: at,
            button: egui::PointerButton::Secondary,
            pressed,
            modifiers: Modifiers::NONE,
        });
    }
    harness.run();
    harness.get_by_label_contains(item).click();
    harness.run();
}

fn menu(harness: &mut App, menu: &str, item: &str) {
    harness.get_by_label(menu).click();
    harness.run();
    harness.get_by_label_contains(item).click();
    harness.run();
}

fn suggest_themes(harness: &mut App) {
    press(harness, Modifiers::COMMAND, Key::F3);
    harness.get_by_label("Suggest themes").click();
    common::run_until(harness, |h| h.query_by_label("Suggest again").is_some());
}

/// The sample with every other card's themes taken off, so there is something to suggest.
fn half_unthemed() -> Session {
    let mut session = common::sample_session();
    for card in session.cards.iter_mut().step_by(2) {
        card.themes.clear();
    }
    session
}

/// The sample with notes of a page or so: they must scroll in their box, not push the
/// other fields and the buttons out of the window.
fn long_notes() -> Session {
    let mut session = common::sample_session();
    session.details.notes = session.details.notes.repeat(6);
    session
}

/// The roles a person types into, picks from or ticks.
fn is_input(role: Role) -> bool {
    matches!(
        role,
        Role::TextInput
            | Role::MultilineTextInput
            | Role::SpinButton
            | Role::ComboBox
            | Role::CheckBox
            | Role::RadioButton
            | Role::Slider
    )
}

/// How wide `text` is on one line in the app's body font.
fn text_width(ctx: &egui::Context, text: &str) -> f32 {
    let font = egui::TextStyle::Body.resolve(&ctx.global_style());
    ctx.fonts_mut(|fonts| fonts.layout_no_wrap(text.to_owned(), font, Color32::WHITE))
        .size()
        .x
}

/// What is wrong with the place as `window` shows it, one line each.
fn layout_faults(place: &Place, window: Window) -> Vec<String> {
    let mut harness = window.app((place.session)());
    // Shown with a failure, to say which opener could not find its way.
    eprintln!("opening {} at {window}", place.name);
    (place.open)(&mut harness);
    let inside = window.rect().expand(0.5);
    let mut faults = Vec::new();
    let mut fault = |what: String| faults.push(format!("{} at {window}: {what}", place.name));
    for label in place.in_view {
        match harness.query_by_label(label) {
            Some(node) if inside.contains_rect(node.rect()) => {}
            Some(node) => fault(format!("“{label}” is out of view at {:?}", node.rect())),
            None => fault(format!("“{label}” is missing")),
        }
    }
    // The labelled inputs on screen now: their AccessKit ids, labels and roles.
    for label in place.reachable {
        let Some(node) = harness.query_by_label(label) else {
            fault(format!("“{label}” is missing"));
            continue;
        };
        node.scroll_to_me();
        harness.run();
        let rect = harness.get_by_label(label).rect();
        if !inside.contains_rect(rect) {
            fault(format!("“{label}” cannot be scrolled into view: {rect:?}"));
        }
    }
    let found: Vec<_> = harness
        .query_all(by().predicate(|node| is_input(node.role())))
        .filter_map(|node| {
            let node = node.accesskit_node();
            let label = node.label().filter(|l| !l.is_empty())?;
            Some((node.id(), label, node.role()))
        })
        .collect();
    if found.is_empty() && place.name != "board" {
        // Every place but the plain screens has something to type into or choose.
        let screens = ["all groups", "summary"];
        if !screens.contains(&place.name) {
            fault("has no labelled inputs: did it open?".to_owned());
        }
    }
    for (id, label, role) in found {
        // Brought into view as Tab or the scroll wheel would, then measured.
        let Some(node) = harness.query(by().predicate(move |n| n.id() == id)) else {
            continue;
        };
        node.scroll_to_me();
        harness.run();
        let Some(node) = harness.query(by().predicate(move |n| n.id() == id)) else {
            fault(format!("input “{label}” went away when scrolled to"));
            continue;
        };
        let rect = node.rect();
        // A box of many lines may scroll inside itself, running on under its frame: its top
        // two lines and its sides must be in the window.
        let seen = if role == Role::MultilineTextInput {
            let two_lines = Rect::from_min_size(rect.min, egui::vec2(rect.width(), 40.0));
            two_lines.intersect(rect)
        } else {
            rect
        };
        if !inside.contains_rect(seen) {
            fault(format!(
                "input “{label}” ({role:?}) lies outside the window {:?}: {rect:?}",
                window.rect()
            ));
        }
        let text_box = matches!(role, Role::TextInput | Role::MultilineTextInput);
        if text_box && rect.width() < NARROWEST_TEXT_BOX {
            fault(format!(
                "text box “{label}” is {:.0} points wide, under {NARROWEST_TEXT_BOX}",
                rect.width()
            ));
        }
        let value = node.value().unwrap_or_default();
        let needed = text_width(&harness.ctx, &value) + 2.0 * TEXT_BOX_MARGIN;
        if role == Role::TextInput && needed > rect.width() {
            fault(format!(
                "text box “{label}” ({:.0} points) cuts off “{value}” ({needed:.0} points)",
                rect.width()
            ));
        }
    }
    faults
}

#[test]
fn every_screen_and_dialog_fits_every_window() {
    let mut faults = Vec::new();
    for window in windows() {
        for place in places() {
            faults.extend(layout_faults(&place, window));
        }
    }
    assert!(faults.is_empty(), "{}", faults.join("\n"));
}

#[test]
fn the_table_reaches_every_place_it_names() {
    // The layout test is only as good as its openers: each must show its place.
    let window = windows()[0];
    let shows = [
        ("all groups", "All groups"),
        ("summary", "Summary preview"),
        ("themes with suggestions", "Suggest again"),
        ("session details", "Session details"),
        ("group details", "Group details"),
        ("find", "Find"),
        ("keyboard help", "Keyboard shortcuts"),
        ("export", "Export the summary"),
        ("move card", "Move card to…"),
        ("theme picker", "Themes for this card"),
        ("links", "Which problems does this idea answer?"),
        ("restore", "Restore a previous version"),
    ];
    let board = window.app(common::sample_session());
    for place in places() {
        let Some((_, shown)) = shows.iter().find(|(name, _)| *name == place.name) else {
            continue;
        };
        let mut harness = window.app((place.session)());
        (place.open)(&mut harness);
        // More often than on the board: "All groups" is also the name of its tab.
        let before = board.query_all_by_label(shown).count();
        assert!(
            harness.query_all_by_label(shown).count() > before,
            "{}: “{shown}” is not on screen",
            place.name
        );
    }
}

// Reading: whole words, as many columns as fit, headings set as they are written.

/// The rects of the cards shown, by their accessible names ("Good: …", with the category).
fn card_rects(harness: &App) -> Vec<Rect> {
    let categories = ["Good: ", "Not so good: ", "What would make a difference: "];
    harness
        .query_all(by().role(Role::Button))
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

// Text sizes and colours, read from the app's own style after its first frames.

/// WCAG relative luminance.
fn luminance(color: Color32) -> f32 {
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
