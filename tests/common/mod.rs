//! Helpers shared by the integration tests. Each test file uses some of them.
#![allow(dead_code, clippy::unwrap_used, clippy::expect_used)] // Helpers panic: that is a failed test.

use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use harvest::document::Document;
use harvest::model::{Category, Session};
use harvest::ui::HarvestApp;
use proptest::prelude::*;
use std::process::{Command, Output};

/// Runs the built `harvest` binary.
pub fn harvest(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_harvest"))
        .args(args)
        .env("RUST_BACKTRACE", "0")
        .output()
        .unwrap()
}

/// Any of the three categories.
pub fn category() -> impl Strategy<Value = Category> {
    prop_oneof![
        Just(Category::Good),
        Just(Category::NotSoGood),
        Just(Category::MakeADifference)
    ]
}

/// The bundled sample workshop.
pub fn sample_session() -> Session {
    harvest::store::format::from_text(harvest::store::places::SAMPLE)
        .unwrap()
        .session
}

/// The app on `session`, laid out at the default window size, with no saver thread.
pub fn app(session: Session) -> Harness<'static, HarvestApp> {
    let document = Document::new(session, std::env::temp_dir().join("harvest-ui-test.ron"));
    let mut harness = Harness::builder()
        .with_size([1260.0, 740.0])
        // A screen that works on a helper thread (the summary preview, personal details, easy
        // words) asks for a frame when it finishes, which on a busy machine can come after the
        // few egui needs to settle an edit.
        .with_max_steps(12)
        .build_eframe(move |_cc| HarvestApp::headless(document));
    harness.run();
    harness
}

/// Runs frames until `done`, for work the app finishes on a helper thread; fails after 15 s.
///
/// While the work is under way the app repaints each time the helper reports progress, so it
/// is stepped frame by frame rather than asked to settle (on a busy machine the helper reports
/// more often than `Harness::run` allows frames); once `done`, it must settle as usual.
pub fn run_until(
    harness: &mut Harness<'_, HarvestApp>,
    done: impl Fn(&Harness<'_, HarvestApp>) -> bool,
) {
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(15);
    while std::time::Instant::now() < deadline {
        harness.step();
        if done(harness) {
            harness.run();
            return;
        }
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    panic!("gave up waiting for work on a helper thread");
}

/// Runs frames until no screen says "Updating…": what a screen works out from the whole
/// session on a helper thread after a change has arrived, as a person sees it a moment later.
pub fn settle(harness: &mut Harness<'_, HarvestApp>) {
    let updating = |h: &Harness<'_, HarvestApp>| h.query_all_by_label("Updating…").next().is_some();
    if updating(harness) {
        run_until(harness, |h| !updating(h));
    }
}

/// Types text the way a keyboard does: into whatever has the focus.
pub fn type_text(harness: &mut Harness<'_, HarvestApp>, text: &str) {
    harness.event(egui::Event::Text(text.to_owned()));
    harness.run();
    settle(harness);
}

pub fn press(harness: &mut Harness<'_, HarvestApp>, modifiers: egui::Modifiers, key: egui::Key) {
    harness.key_press_modifiers(modifiers, key);
    harness.run();
    settle(harness);
}

/// Asks the window to close, as the title bar's button does, and runs that one frame.
pub fn ask_to_close(harness: &mut Harness<'_, HarvestApp>) {
    harness
        .input_mut()
        .viewports
        .entry(egui::ViewportId::ROOT)
        .or_default()
        .events
        .push(egui::ViewportEvent::Close);
    harness.step();
}
