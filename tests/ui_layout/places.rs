//! The table of screens and dialogs, and what each must get right in every window: inputs
//! that can be brought into view, text boxes wide enough for what they hold, buttons in view.

use crate::common;
use crate::windows::{App, Window, press, windows};
use egui::accesskit::Role;
use egui::{Color32, Key, Modifiers, Rect};
use egui_kittest::kittest::{NodeT, Queryable, by};
use harvest::model::Session;

/// The narrowest a box for a line of text may be, in points: about 30 characters, so a title
/// or a name can be read whole. Points grow with the zoom, so a box holds as much text at 150 %.
const NARROWEST_TEXT_BOX: f32 = 240.0;
/// egui's margin inside a text box, each side.
const TEXT_BOX_MARGIN: f32 = 4.0;

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
            .in_view(&["Apply", "Cancel"])
            .reachable(&["Phase 3 name", "Add a phase"]),
        Place::new("discard question", |h| {
            press(h, Modifiers::COMMAND, Key::D);
            h.get_by_label("Notes").focus();
            h.run();
            h.event(egui::Event::Text("Tea at eleven".into()));
            h.run();
            press(h, Modifiers::NONE, Key::Escape);
        })
        .in_view(&["Keep editing", "Discard"]),
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
        Place::new("new session", |h| press(h, Modifiers::COMMAND, Key::N))
            .in_view(&["Create", "Cancel"]),
        Place::new("merge in", |h| menu(h, "File", "Merge in…")).in_view(&[
            "Browse files…",
            "Merge in",
            "Cancel",
        ]),
        Place::new("conflicts", open_conflicts)
            .in_view(&["Close"])
            .reachable(&["Keep both as separate cards", "Keep these words"])
            .on(in_conflict),
        Place::new("new table copy", |h| menu(h, "File", "New table copy…"))
            .in_view(&["Write copy", "Cancel"]),
        Place::new("follow a shared folder", |h| {
            menu(h, "File", "Follow a shared folder…")
        })
        .in_view(&["Browse folders…", "Follow", "Cancel"]),
        Place::new("phase timer running", |h| {
            press(h, Modifiers::COMMAND, Key::T)
        })
        .in_view(&["Pause", "+1 min", "Next phase"]),
        Place::new("projector", |h| press(h, Modifiers::NONE, Key::F5))
            .in_view(&["Hide words", "Close projector"]),
        Place::new("projector, a theme", |h| {
            press(h, Modifiers::NONE, Key::F5);
            h.get_by_label("A theme").click();
            h.run();
        })
        .in_view(&["Theme", "Close projector"]),
        Place::new("people", |h| press(h, Modifiers::COMMAND, Key::F6)).in_view(&[
            "Add a person…",
            "Register settings…",
            "Only those overdue",
        ]),
        Place::new("a person", |h| {
            press(h, Modifiers::COMMAND, Key::F6);
            h.get_by_label("Dev Patel").click();
            h.run();
        })
        .in_view(&["Save", "Cancel"])
        .reachable(&["Notes", "Contacted today"]),
        Place::new("add a person", |h| {
            press(h, Modifiers::COMMAND, Key::F6);
            h.get_by_label("Add a person…").click();
            h.run();
        })
        .in_view(&["Save", "Cancel"]),
        Place::new("register settings", |h| {
            press(h, Modifiers::COMMAND, Key::F6);
            h.get_by_label("Register settings…").click();
            h.run();
        })
        .in_view(&["Apply", "Cancel"]),
        Place::new("actions", |h| press(h, Modifiers::COMMAND, Key::F7))
            .in_view(&["Only those overdue"]),
        Place::new("an action", |h| {
            press(h, Modifiers::COMMAND, Key::F7);
            h.get_by_label_contains("Pilot a payroll service").click();
            h.run();
        })
        .in_view(&["Save", "Cancel"]),
        Place::new("personal details", |h| {
            press(h, Modifiers::COMMAND, Key::F8)
        })
        .in_view(&["Names to hide…", "Only possible names to review"])
        .reachable(&["Keep “0113 496 0999”"]),
        Place::new("replace with", |h| {
            press(h, Modifiers::COMMAND, Key::F8);
            h.get_by_label("Replace “Margaret” with…").click();
            h.run();
        })
        .in_view(&["Save", "Cancel"]),
        Place::new("names to hide", |h| {
            press(h, Modifiers::COMMAND, Key::F8);
            h.get_by_label("Names to hide…").click();
            h.run();
        })
        .in_view(&["Save", "Cancel"]),
        Place::new("easy words", |h| press(h, Modifiers::COMMAND, Key::F9))
            .reachable(&["Easy words for “Carers”…"]),
        Place::new("easy words for a card", |h| {
            press(h, Modifiers::COMMAND, Key::F9);
            // The card is in two themes, so its button is there twice: the first will do.
            let label = "Easy words for “When the PA";
            h.query_all_by_label_contains(label)
                .next()
                .unwrap()
                .scroll_to_me();
            h.run();
            h.query_all_by_label_contains(label).next().unwrap().click();
            h.run();
        })
        .in_view(&["Save", "Cancel"]),
        Place::new("export, easy read", |h| {
            press(h, Modifiers::COMMAND, Key::E);
            h.get_by_label("Easy Read").click();
            h.run();
        })
        .in_view(&["Choose file and export…", "Cancel"]),
    ]
}

const SHIFT_COMMAND: Modifiers = Modifiers::COMMAND.plus(Modifiers::SHIFT);

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

/// Edit → Conflicts…, by its whole name: the notice on opening names it too.
fn open_conflicts(harness: &mut App) {
    harness.get_by_label("Edit").click();
    harness.run();
    harness.get_by_label("Conflicts…").click();
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

/// The sample as two tables left it, each changing a themed card in its own words, merged:
/// a conflict, one version a paragraph long.
fn in_conflict() -> Session {
    use harvest::edit::{Edit, History};
    use harvest::model::ReplicaId;
    let sample = common::sample_session();
    let at = sample
        .cards
        .iter()
        .position(|c| !c.themes.is_empty())
        .unwrap();
    let id = sample.cards[at].id;
    let table = |replica: u128, text: String| {
        let mut session = sample.clone();
        let edit = Edit::SetCardText { id, text };
        History::by(ReplicaId::from_u128(replica))
            .apply(&mut session, edit)
            .unwrap();
        session
    };
    let a = table(1, "Choosing who comes to the house matters most.".repeat(6));
    let b = table(2, "Choosing who comes matters".into());
    let side = |name, session| harvest::merge::Side { name, session };
    let merged = harvest::merge::merge(side("table-a.ron", &a), side("table-b.ron", &b));
    assert_eq!(merged.session.conflicts().count(), 1);
    merged.session
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
        let screens = ["all groups", "summary", "easy words"];
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
        ("discard question", "Discard your changes?"),
        ("group details", "Group details"),
        ("find", "Find"),
        ("keyboard help", "Keyboard shortcuts"),
        ("export", "Export the summary"),
        ("move card", "Move card to…"),
        ("theme picker", "Themes for this card"),
        ("links", "Which problems does this idea answer?"),
        ("restore", "Restore a previous version"),
        ("conflicts", "Conflict 1 of 1"),
        ("phase timer running", "Pause"),
        ("projector", "Projector"),
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
