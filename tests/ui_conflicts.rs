//! Conflicts through the window: cards changed differently at two tables, merged; the notice
//! on opening counts them, the board marks them, and Edit → Conflicts… shows each card's
//! versions side by side to keep one, keep both, or keep new words, each one undoable step.
//! Merging the tables' files in again after that does not bring the conflicts back.
#![allow(clippy::unwrap_used, clippy::expect_used)] // Test helpers may panic: that is a failed test.

mod common;
mod files_common;

use common::{press, type_text};
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable, by};
use harvest::edit::{Edit, History};
use harvest::merge::{self, Side};
use harvest::model::{Card, Category, ReplicaId, Session};
use harvest::ui::HarvestApp;

const CTRL: Modifiers = Modifiers::COMMAND;
const HINT: &str = " to resolve: Edit > Conflicts…";

/// A session copied to two tables, each of which changed the same three cards in its own
/// words, and the two copies merged.
struct Tables {
    a: Session,
    b: Session,
    merged: Session,
}

fn tables() -> Tables {
    let mut start = Session::new("Conflicts");
    start.groups[0].name = "Table 1".into();
    let group = start.groups[0].id;
    let problem = Card::new(group, Category::NotSoGood, "Forms are long");
    let good = Card::new(group, Category::Good, "Staff listen");
    let mut idea = Card::new(group, Category::MakeADifference, "Fewer forms");
    idea.answers = vec![problem.id];
    start.cards = vec![problem, good, idea];
    let table = |replica: u128, words: [&str; 3]| {
        let mut session = start.clone();
        let mut history = History::by(ReplicaId::from_u128(replica));
        for (at, text) in words.into_iter().enumerate() {
            let id = session.cards[at].id;
            let edit = Edit::SetCardText {
                id,
                text: text.into(),
            };
            history.apply(&mut session, edit).unwrap();
        }
        session
    };
    let a = table(
        1,
        ["Forms are far too long", "Staff listen well", "Short forms"],
    );
    let b = table(
        2,
        [
            "Forms are long and confusing",
            "Staff listen to us",
            "One form",
        ],
    );
    let merged = merged(&[("table-a.ron", &a), ("table-b.ron", &b)]);
    assert_eq!(merged.conflicts().count(), 3);
    Tables { a, b, merged }
}

/// The sessions merged in the order given, each named after its file.
fn merged(sides: &[(&str, &Session)]) -> Session {
    let sides: Vec<Side<'_>> = (sides.iter())
        .map(|(name, session)| Side { name, session })
        .collect();
    merge::merge_all(&sides).unwrap().0
}

fn texts(harness: &Harness<'_, HarvestApp>) -> Vec<String> {
    let session = harness.state().session();
    session.cards.iter().map(|c| c.text.clone()).collect()
}

fn conflicts(harness: &Harness<'_, HarvestApp>) -> usize {
    harness.state().session().conflicts().count()
}

fn shows(harness: &Harness<'_, HarvestApp>, words: &str) -> bool {
    harness.query_all_by_label_contains(words).count() > 0
}

/// Edit → Conflicts…, as a person would open it.
fn open_conflicts(harness: &mut Harness<'_, HarvestApp>) {
    harness.get_by_label("Edit").click();
    harness.run();
    harness.get_by_label("Conflicts…").click();
    harness.run();
}

/// The label of what has the keyboard, if anything does.
fn focused(harness: &Harness<'_, HarvestApp>) -> Option<(String, String)> {
    let node = harness.query(by().predicate(|n| n.is_focused()))?;
    let node = node.accesskit_node();
    Some((format!("{:?}", node.id()), node.label().unwrap_or_default()))
}

/// Presses Tab until `label` has the keyboard; fails after 20.
fn tab_to(harness: &mut Harness<'_, HarvestApp>, label: &str) {
    for _ in 0..20 {
        press(harness, Modifiers::NONE, Key::Tab);
        if focused(harness).is_some_and(|(_, l)| l == label) {
            return;
        }
    }
    panic!("Tab never reached “{label}”");
}

/// The versions of card `at` as the session holds them: the one shown, then the others.
fn version_texts(harness: &Harness<'_, HarvestApp>, at: usize) -> Vec<String> {
    let card = &harness.state().session().cards[at];
    std::iter::once(&card.text)
        .chain(card.others.iter().map(|o| &o.card.text))
        .cloned()
        .collect()
}

#[test]
fn each_conflict_is_resolved_as_chosen_in_one_undoable_step_and_stays_resolved() {
    let tables = tables();
    let mut harness = common::app(tables.merged.clone());
    let notice = harness.state().notice().unwrap_or_default().to_owned();
    assert_eq!(
        notice,
        format!("3 conflicts{HINT}"),
        "the notice counts them"
    );
    assert_eq!(
        harness.query_all_by_label("2 versions").count(),
        3,
        "each card in conflict is marked on the board"
    );

    open_conflicts(&mut harness);
    assert!(shows(&harness, "Conflict 1 of 3"));
    assert!(
        !shows(&harness, HINT),
        "the notice that sent the user here has gone"
    );
    for from in ["From table-a.ron", "From table-b.ron"] {
        assert!(shows(&harness, from), "{from}");
    }
    assert_eq!(
        harness
            .query_all_by_label_contains("Table 1 · changed ")
            .count(),
        2,
        "each version says its table and when it changed"
    );
    for text in version_texts(&harness, 0) {
        assert!(shows(&harness, &text), "{text} is shown");
    }

    // Escape closes it and the keyboard is back in the card box; the menu opens it again.
    press(&mut harness, Modifiers::NONE, Key::Escape);
    assert!(!shows(&harness, "Conflict 1 of 3"));
    assert!(harness.get_by_label_contains("New card:").is_focused());
    open_conflicts(&mut harness);
    assert!(shows(&harness, "Conflict 1 of 3"));

    // Tab reaches every way out of the conflict.
    let mut reached = Vec::new();
    for _ in 0..12 {
        press(&mut harness, Modifiers::NONE, Key::Tab);
        reached.extend(focused(&harness));
    }
    let reached_label = |label: &str| reached.iter().filter(|(_, l)| l == label).count();
    for label in [
        "Next",
        "Keep both as separate cards",
        "Keep these words",
        "Close",
    ] {
        assert!(reached_label(label) > 0, "Tab reaches {label}: {reached:?}");
    }
    let keeps: std::collections::HashSet<_> = (reached.iter())
        .filter(|(_, l)| l == "Keep this one")
        .map(|(id, _)| id.clone())
        .collect();
    assert_eq!(keeps.len(), 2, "both versions' buttons: {reached:?}");
    assert_eq!(
        reached_label("Previous"),
        0,
        "nothing before the first conflict"
    );

    // New words: typed into the edit box, and Enter keeps them without adding a card.
    let edit_box = "Edit: Enter keeps these words, Shift+Enter starts a new line";
    tab_to(&mut harness, edit_box);
    press(&mut harness, CTRL, Key::A);
    type_text(&mut harness, "Forms take too long");
    press(&mut harness, Modifiers::NONE, Key::Enter);
    assert_eq!(texts(&harness)[0], "Forms take too long");
    assert_eq!(texts(&harness).len(), 3, "Enter added no card");
    assert_eq!(harness.state().draft(), "");
    assert_eq!(conflicts(&harness), 2);
    assert!(shows(&harness, "Conflict 1 of 2"), "on to the next");
    let history = |h: &Harness<'_, HarvestApp>| h.state().document().history().undo_label();
    assert_eq!(history(&harness), Some("resolve conflict"));

    // Keep this one: the other version of the next card.
    let other = version_texts(&harness, 1)[1].clone();
    harness
        .query_all_by_label("Keep this one")
        .nth(1)
        .unwrap()
        .click();
    harness.run();
    assert_eq!(texts(&harness)[1], other);
    assert_eq!(conflicts(&harness), 1);

    // Keep both: the other version becomes a card of its own right after it, answering
    // the same problem.
    let both = version_texts(&harness, 2);
    harness.get_by_label("Keep both as separate cards").click();
    harness.run();
    assert_eq!(texts(&harness)[2..], both[..]);
    let session = harness.state().session();
    assert_eq!(session.validate(), Ok(()));
    let problem = session.cards[0].id;
    assert!(session.cards[2..].iter().all(|c| c.answers == [problem]));
    assert_ne!(session.cards[2].id, session.cards[3].id);
    assert_eq!(history(&harness), Some("resolve conflict"));
    assert!(shows(&harness, "No conflicts to resolve"));
    assert_eq!(harness.query_all_by_label("2 versions").count(), 0);
    harness.get_by_label("Close").click();
    harness.run();
    assert!(!shows(&harness, "No conflicts to resolve"));
    let resolved = harness.state().session().clone();

    // Each undo brings one conflict back, whole.
    for left in [1, 2, 3] {
        press(&mut harness, CTRL, Key::Z);
        assert_eq!(conflicts(&harness), left);
    }
    assert_eq!(texts(&harness), texts_of(&tables.merged));
    // Undone, they stay conflicts when the tables' files are merged in again.
    let undone = harness.state().session().clone();
    let again = merged(&[
        ("laptop.ron", &undone),
        ("table-a.ron", &tables.a),
        ("table-b.ron", &tables.b),
    ]);
    assert_eq!(again.conflicts().count(), 3);

    // Resolved again (redo), merging the tables' files in again brings none back.
    for _ in 0..3 {
        press(&mut harness, CTRL.plus(Modifiers::SHIFT), Key::Z);
    }
    assert_eq!(texts(&harness), texts_of(&resolved));
    let session = harness.state().session().clone();
    for order in [
        ["table-a.ron", "table-b.ron"],
        ["table-b.ron", "table-a.ron"],
    ] {
        let sides: Vec<(&str, &Session)> = std::iter::once(("laptop.ron", &session))
            .chain(order.iter().map(|name| {
                let table = if *name == "table-a.ron" {
                    &tables.a
                } else {
                    &tables.b
                };
                (*name, table)
            }))
            .collect();
        let again = merged(&sides);
        assert_eq!(again.conflicts().count(), 0, "{order:?}");
        assert_eq!(texts_of(&again), texts_of(&resolved), "{order:?}");
    }
}

fn texts_of(session: &Session) -> Vec<String> {
    session.cards.iter().map(|c| c.text.clone()).collect()
}

#[test]
fn the_mark_on_a_card_opens_its_own_conflict() {
    let mut harness = common::app(tables().merged);
    let idea = harness.state().session().cards[2].text.clone();
    let card = harness
        .get_by_label_contains(&format!("What would make a difference: {idea}"))
        .rect();
    let mark = harness
        .query_all_by_label("2 versions")
        .find(|m| card.contains_rect(m.rect()))
        .expect("the idea's mark");
    mark.click();
    harness.run();
    assert!(shows(&harness, "Conflict 3 of 3"));
    harness.get_by_label("Previous").click();
    harness.run();
    assert!(shows(&harness, "Conflict 2 of 3"));
}

#[test]
fn versions_stand_side_by_side_and_stack_in_a_narrow_window() {
    for (width, side_by_side) in [(1260.0, true), (520.0, false)] {
        let document = harvest::document::Document::new(
            tables().merged,
            std::env::temp_dir().join("harvest-ui-conflicts.ron"),
        );
        let mut harness = Harness::builder()
            .with_size([width, 740.0])
            .build_eframe(move |_cc| HarvestApp::headless(document));
        harness.run();
        open_conflicts(&mut harness);
        let a = harness.get_by_label("From table-a.ron").rect();
        let b = harness.get_by_label("From table-b.ron").rect();
        assert_eq!(
            (a.top() - b.top()).abs() < 1.0,
            side_by_side,
            "{width}: {a:?} {b:?}"
        );
    }
}

#[test]
fn a_refused_version_says_why_and_changes_nothing() {
    let mut session = tables().merged;
    // The other version of the good card is at a table deleted since the merge.
    session.cards[1].others[0].card.group = harvest::model::GroupId::new();
    let mut harness = common::app(session.clone());
    open_conflicts(&mut harness);
    harness.get_by_label("Next").click();
    harness.run();
    assert!(shows(&harness, "Conflict 2 of 3"));
    assert!(shows(&harness, "(unknown group) · changed "));
    harness
        .query_all_by_label("Keep this one")
        .nth(1)
        .unwrap()
        .click();
    harness.run();
    assert_eq!(harness.state().session(), &session, "nothing changed");
    assert_eq!(
        harness.state().notice(),
        Some("That change could not be made: that group no longer exists.")
    );
}

#[test]
fn opening_a_session_with_conflicts_says_how_many_after_what_else_opening_said() {
    let tables = tables();
    let folder = files_common::Folder::new();
    let path = folder.path("merged.ron");
    harvest::store::save(&tables.merged, &path).unwrap();
    let opening = harvest::workspace::Workspace::open(&path, &folder.places()).unwrap();
    let mut harness = files_common::app_on(opening, folder.places());
    assert_eq!(
        harness.state().notice(),
        Some(format!("3 conflicts{HINT}").as_str())
    );

    // Another session, with one conflict, opened from the window; another Harvest has it.
    let mut one = tables.merged.clone();
    for card in &mut one.cards[1..] {
        card.others.clear();
        card.version_from.clear();
    }
    let other = folder.path("one.ron");
    harvest::store::save(&one, &other).unwrap();
    let _held = harvest::store::SessionLock::acquire(&other).unwrap();
    let ctx = harness.ctx.clone();
    harness.state_mut().open_file(other.clone(), &ctx);
    common::run_until(&mut harness, |h| h.state().document().path == other);
    let notice = harness.state().notice().unwrap_or_default().to_owned();
    let lines: Vec<&str> = notice.lines().collect();
    assert_eq!(lines.len(), 2, "{notice}");
    assert!(
        lines[0].contains("Harvest on"),
        "why it is read-only first: {notice}"
    );
    assert_eq!(lines[1], format!("1 conflict{HINT}"));
}
