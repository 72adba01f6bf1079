//! UI frame CPU time, headless, at 100, 1,000 and 10,000 cards: the real `HarvestApp` driven
//! the way eframe drives it (`Context::run_ui` calling `logic` then `ui`), then tessellated as
//! eframe's glow integration does before painting. Painting itself (GPU) is not included.
//! AccessKit is off, as it is in the app until a screen reader asks for it.
//!
//! - `view_*`: a steady frame in each view (the mouse moving over the window, which is what
//!   makes an idle window repaint): board, all-groups overview, themes, summary preview,
//!   personal details, easy words.
//! - `view_themes_suggestions`: a steady frame of the themes screen with the suggestions panel
//!   showing a finished run (Suggest themes clicked, its helper thread done).
//! - `keystroke`: one character typed into the new-card box (it has the focus on the board).
//! - `add_card`: Enter in the new-card box, which adds a card (an edit: caches see a new
//!   revision).
//! - `first_frame_*_after_edit`: switching to a view for the first time after a card was
//!   added, when the view rebuilds whatever it derives from the session.
//! - `add_card_autosaving`: `add_card` in the app as the window runs it, with its autosaver:
//!   the frame also clones the session for the saver, which then writes it on its own thread.
//!   Back to back (the previous card still being saved), `_mid_save` (10 ms after the last
//!   Enter, its save still running) and `_apart` (the saver idle).
//! - `frame_while_saving`: board frames at 10,000 cards while an `Autosaver` keeps writing the
//!   session in the background (a new snapshot is submitted whenever the last one is on disk),
//!   so nearly every timed frame overlaps a save; the slowest is the worst frame during a save.
//!   `false` is the same without the saver, as a control for the machine's load. It also
//!   prints how many frames went over 8 and 16 ms, and how long the saves took.
//! - `followed_table_merged_at_10k`: the app following a shared folder at 10,000 cards; a table
//!   file there gains a card, and frames run until it is on screen (prints the slowest frame).
//! - `projector_open_at_10k`: the board and the projector window (F5) in one frame at 10,000
//!   cards, the projector rendered as its own 1920×1080 pass as eframe renders a second
//!   window; its setup checks that an idle frame asks neither window to repaint.
//!   `projector_timer_tick_at_10k` is the frame the running phase timer asks for each second.
//! - `cold_first_frame`: a new context and app on a session in memory, and its first frame.
//! - `kittest_board`: one `egui_kittest::Harness::step` on the board, for comparison: it also
//!   builds the AccessKit tree and hands it to kittest, and does not tessellate.
//!
//! Run with `cargo bench --bench frames`.
#![allow(clippy::unwrap_used, clippy::expect_used)] // A bench that cannot set up should stop loudly.

mod common;

use eframe::App as _;
use egui::{Event, Key, Modifiers, Pos2, RawInput, Rect, ViewportId, vec2};
use harvest::document::Document;
use harvest::store::Autosaver;
use harvest::ui::HarvestApp;
use std::cell::RefCell;
use std::path::PathBuf;
use std::sync::Arc;
use std::time::{Duration, Instant};

fn main() {
    divan::main();
}

const SIZES: [usize; 3] = [100, 1_000, 10_000];
const SAMPLES: u32 = 100;

/// The views, by their shortcut (Ctrl+F1 … Ctrl+F4, Ctrl+F8, Ctrl+F9).
#[derive(Clone, Copy, Debug)]
enum View {
    Board,
    Overview,
    Themes,
    Summary,
    PersonalDetails,
    EasyWords,
}

impl View {
    fn key(self) -> Key {
        match self {
            View::Board => Key::F1,
            View::Overview => Key::F2,
            View::Themes => Key::F3,
            View::Summary => Key::F4,
            View::PersonalDetails => Key::F8,
            View::EasyWords => Key::F9,
        }
    }
}

/// The app and an egui context, stepped one frame at a time like eframe's loop does.
struct Driver {
    ctx: egui::Context,
    app: HarvestApp,
    frame: eframe::Frame,
    time: f64,
    wiggle: bool,
    /// Keeps the session's folder (and what the autosaver writes there) until the end.
    _dir: tempfile::TempDir,
}

impl Driver {
    /// The app without a saver, on a generated session of `cards` cards.
    fn headless(cards: usize) -> Self {
        let dir = tempfile::tempdir().unwrap();
        let document = document(cards, dir.path().join("session.ron"));
        Self::settle(
            egui::Context::default(),
            HarvestApp::headless(document),
            dir,
        )
    }

    /// The app as the window makes it, saving in the background to a temporary folder.
    fn autosaving(cards: usize) -> Self {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("session.ron");
        let session = common::generate(&common::Spec::with_cards(cards));
        harvest::store::save(&session, &path).unwrap();
        let disk = Arc::new(harvest::store::RealDisk);
        let opening = harvest::workspace::Workspace::open_on(disk, &path).unwrap();
        let ctx = egui::Context::default();
        let cc = eframe::CreationContext::_new_kittest(ctx.clone());
        let app = HarvestApp::new(&cc, opening.workspace, None, None, None);
        Self::settle(ctx, app, dir)
    }

    fn settle(ctx: egui::Context, app: HarvestApp, dir: tempfile::TempDir) -> Self {
        let mut driver = Self {
            ctx,
            app,
            frame: eframe::Frame::_new_kittest(),
            time: 0.0,
            wiggle: false,
            _dir: dir,
        };
        for _ in 0..5 {
            driver.step(Vec::new());
        }
        driver
    }

    /// One frame with these input events: the egui pass, then tessellation. Returns the
    /// number of vertices made, so nothing is optimised away.
    fn step(&mut self, events: Vec<Event>) -> usize {
        let output = self.pass(events);
        let primitives = self.ctx.tessellate(output.shapes, output.pixels_per_point);
        let vertices = primitives.iter().map(|p| match &p.primitive {
            egui::epaint::Primitive::Mesh(mesh) => mesh.vertices.len(),
            egui::epaint::Primitive::Callback(_) => 0,
        });
        divan::black_box(vertices.sum())
    }

    /// The egui pass of one frame, as eframe runs it.
    fn pass(&mut self, events: Vec<Event>) -> egui::FullOutput {
        self.time += 1.0 / 60.0;
        let mut input = RawInput {
            screen_rect: Some(Rect::from_min_size(Pos2::ZERO, vec2(1260.0, 740.0))),
            time: Some(self.time),
            events,
            ..Default::default()
        };
        if let Some(viewport) = input.viewports.get_mut(&ViewportId::ROOT) {
            viewport.native_pixels_per_point = Some(1.0);
        }
        let app = &mut self.app;
        let frame = &mut self.frame;
        self.ctx.run_ui(input, |ui| {
            app.logic(ui.ctx(), frame);
            app.ui(ui, frame);
        })
    }

    /// The middle of the widget labelled `label`, found in one frame with AccessKit on.
    fn find(&mut self, label: &str) -> Option<Pos2> {
        self.ctx.enable_accesskit();
        let output = self.pass(Vec::new());
        self.ctx.disable_accesskit();
        let update = output.platform_output.accesskit_update?;
        let bounds = (update.nodes.iter())
            .find(|(_, node)| node.label() == Some(label))
            .and_then(|(_, node)| node.bounds())?;
        let middle = |a: f64, b: f64| ((a + b) / 2.0) as f32;
        Some(Pos2::new(
            middle(bounds.x0, bounds.x1),
            middle(bounds.y0, bounds.y1),
        ))
    }

    /// Clicks the widget labelled `label`.
    fn click(&mut self, label: &str) {
        let at = self
            .find(label)
            .unwrap_or_else(|| panic!("nothing labelled {label:?}"));
        let button = |pressed| Event::PointerButton {
            pos: at,
            button: egui::PointerButton::Primary,
            pressed,
            modifiers: Modifiers::NONE,
        };
        self.step(vec![Event::PointerMoved(at)]);
        self.step(vec![button(true)]);
        self.step(vec![button(false)]);
    }

    /// Frames until the view no longer says "Updating…": what it hands to a helper thread
    /// has come back.
    fn until_up_to_date(&mut self) {
        let deadline = Instant::now() + Duration::from_secs(30);
        self.idle();
        while self.find("Updating…").is_some() {
            assert!(Instant::now() < deadline, "the view never caught up");
            std::thread::sleep(Duration::from_millis(2));
            self.idle();
        }
    }

    /// A frame in which the mouse moves a little over the middle of the window.
    fn idle(&mut self) -> usize {
        self.wiggle = !self.wiggle;
        let at = if self.wiggle { 700.0 } else { 704.0 };
        self.step(vec![Event::PointerMoved(Pos2::new(at, 300.0))])
    }

    fn press(&mut self, modifiers: Modifiers, key: Key) -> usize {
        let event = |pressed| Event::Key {
            key,
            physical_key: None,
            pressed,
            repeat: false,
            modifiers,
        };
        self.step(vec![
            Event::ModifiersChanged(modifiers),
            event(true),
            event(false),
            Event::ModifiersChanged(Modifiers::NONE),
        ])
    }

    fn show(&mut self, view: View) -> usize {
        self.press(Modifiers::COMMAND, view.key())
    }

    fn type_text(&mut self, text: &str) -> usize {
        self.step(vec![Event::Text(text.to_owned())])
    }

    fn cards(&self) -> usize {
        self.app.session().cards.len()
    }
}

fn document(cards: usize, path: PathBuf) -> Document {
    Document::new(common::generate(&common::Spec::with_cards(cards)), path)
}

fn view_frame(bencher: divan::Bencher, cards: usize, view: View) {
    let mut driver = Driver::headless(cards);
    driver.show(view);
    // The view is switched to after that frame, so its first frame (which hands work to a
    // helper thread: the summary preview's build, the personal details found, the Easy Read
    // report) is the next; let that work finish before timing.
    driver.idle();
    std::thread::sleep(std::time::Duration::from_millis(300));
    for _ in 0..5 {
        driver.idle();
    }
    bencher.bench_local(|| driver.idle());
}

#[divan::bench(args = SIZES, sample_count = SAMPLES, sample_size = 1)]
fn view_board(bencher: divan::Bencher, cards: usize) {
    view_frame(bencher, cards, View::Board);
}

#[divan::bench(args = SIZES, sample_count = SAMPLES, sample_size = 1)]
fn view_overview(bencher: divan::Bencher, cards: usize) {
    view_frame(bencher, cards, View::Overview);
}

#[divan::bench(args = SIZES, sample_count = SAMPLES, sample_size = 1)]
fn view_themes(bencher: divan::Bencher, cards: usize) {
    view_frame(bencher, cards, View::Themes);
}

#[divan::bench(args = SIZES, sample_count = SAMPLES, sample_size = 1)]
fn view_summary(bencher: divan::Bencher, cards: usize) {
    view_frame(bencher, cards, View::Summary);
}

#[divan::bench(args = SIZES, sample_count = SAMPLES, sample_size = 1)]
fn view_personal_details(bencher: divan::Bencher, cards: usize) {
    view_frame(bencher, cards, View::PersonalDetails);
}

#[divan::bench(args = SIZES, sample_count = SAMPLES, sample_size = 1)]
fn view_easy_words(bencher: divan::Bencher, cards: usize) {
    view_frame(bencher, cards, View::EasyWords);
}

#[divan::bench(args = SIZES, sample_count = SAMPLES, sample_size = 1)]
fn view_themes_suggestions(bencher: divan::Bencher, cards: usize) {
    let mut driver = Driver::headless(cards);
    driver.show(View::Themes);
    driver.click("Suggest themes");
    let deadline = Instant::now() + Duration::from_secs(60);
    while driver.find("Suggest again").is_none() {
        assert!(Instant::now() < deadline, "the suggestions never came");
        std::thread::sleep(Duration::from_millis(50));
    }
    for _ in 0..5 {
        driver.idle();
    }
    bencher.bench_local(|| driver.idle());
}

#[divan::bench(args = SIZES, sample_count = SAMPLES, sample_size = 1)]
fn keystroke(bencher: divan::Bencher, cards: usize) {
    let mut driver = Driver::headless(cards);
    driver.show(View::Board);
    driver.idle();
    bencher.bench_local(|| driver.type_text("a"));
}

/// Types a card's text (untimed), then times the Enter that adds it. With `pause`, waits that
/// long first, so a background save of the previous card has finished.
fn add_card(bencher: divan::Bencher, driver: Driver, pause: Option<Duration>) {
    let driver = RefCell::new(driver);
    driver.borrow_mut().show(View::Board);
    let before = driver.borrow().cards();
    bencher
        .with_inputs(|| {
            if let Some(pause) = pause {
                std::thread::sleep(pause);
            }
            driver
                .borrow_mut()
                .type_text("Nobody explained what the money could be spent on");
        })
        .bench_local_values(|()| driver.borrow_mut().press(Modifiers::NONE, Key::Enter));
    // The timed frames must really have added cards.
    assert!(driver.borrow().cards() > before, "Enter added no card");
}

#[divan::bench(args = SIZES, sample_count = SAMPLES, sample_size = 1)]
fn add_card_headless(bencher: divan::Bencher, cards: usize) {
    add_card(bencher, Driver::headless(cards), None);
}

/// Cards added back to back: each Enter comes while the previous card is still being saved.
#[divan::bench(args = SIZES, sample_count = 30, sample_size = 1)]
fn add_card_autosaving(bencher: divan::Bencher, cards: usize) {
    add_card(bencher, Driver::autosaving(cards), None);
}

/// Cards added a while apart: the saver is idle when Enter is pressed.
#[divan::bench(args = SIZES, sample_count = 30, sample_size = 1)]
fn add_card_autosaving_apart(bencher: divan::Bencher, cards: usize) {
    add_card(
        bencher,
        Driver::autosaving(cards),
        Some(Duration::from_millis(250)),
    );
}

/// Cards typed quickly: Enter comes 10 ms after the last, while its save (about 30 ms at 10,000
/// cards) is still running, so the saver still holds the session the edit changes.
#[divan::bench(args = SIZES, sample_count = 30, sample_size = 1)]
fn add_card_autosaving_mid_save(bencher: divan::Bencher, cards: usize) {
    add_card(
        bencher,
        Driver::autosaving(cards),
        Some(Duration::from_millis(10)),
    );
}

/// With `view` up to date, adds a card on the board and presses the view's key (untimed),
/// then times the first frame of `view`: the one after the key's, since a key's command is
/// carried out once its frame is laid out.
fn first_frame_after_edit(bencher: divan::Bencher, cards: usize, view: View) {
    let driver = RefCell::new(Driver::headless(cards));
    bencher
        .with_inputs(|| {
            let mut driver = driver.borrow_mut();
            driver.show(view);
            driver.until_up_to_date();
            driver.show(View::Board);
            driver.type_text("A card that changes the counts");
            driver.press(Modifiers::NONE, Key::Enter);
            driver.show(view);
        })
        .bench_local_values(|()| driver.borrow_mut().idle());
}

#[divan::bench(args = SIZES, sample_count = 30, sample_size = 1)]
fn first_frame_overview_after_edit(bencher: divan::Bencher, cards: usize) {
    first_frame_after_edit(bencher, cards, View::Overview);
}

#[divan::bench(args = SIZES, sample_count = 30, sample_size = 1)]
fn first_frame_themes_after_edit(bencher: divan::Bencher, cards: usize) {
    first_frame_after_edit(bencher, cards, View::Themes);
}

#[divan::bench(args = SIZES, sample_count = 30, sample_size = 1)]
fn first_frame_summary_after_edit(bencher: divan::Bencher, cards: usize) {
    first_frame_after_edit(bencher, cards, View::Summary);
}

#[divan::bench(args = SIZES, sample_count = 30, sample_size = 1)]
fn first_frame_personal_details_after_edit(bencher: divan::Bencher, cards: usize) {
    first_frame_after_edit(bencher, cards, View::PersonalDetails);
}

#[divan::bench(args = SIZES, sample_count = 30, sample_size = 1)]
fn first_frame_easy_words_after_edit(bencher: divan::Bencher, cards: usize) {
    first_frame_after_edit(bencher, cards, View::EasyWords);
}

/// Board frames at 10,000 cards, with (`true`) or without (`false`, the control under the
/// same machine load) an `Autosaver` writing the session in the background all the while.
#[divan::bench(args = [false, true], sample_count = 500, sample_size = 1)]
fn frame_while_saving(bencher: divan::Bencher, saving: bool) {
    let cards = 10_000;
    let driver = RefCell::new(Driver::headless(cards));
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("saving.ron");
    let session = Arc::new(common::generate(&common::Spec::with_cards(cards)));
    let saver = Autosaver::spawn(&path, 0).unwrap();
    let mut revision = 0;
    let mut submitted = Instant::now();
    // How long each save took, submit to on disk, as far as the frames can tell.
    let mut saves = Vec::new();
    let mut frames = Vec::new();
    bencher
        .with_inputs(|| {
            if saving && saver.saved_revision() >= revision {
                if revision > 0 {
                    saves.push(submitted.elapsed());
                }
                revision += 1;
                submitted = Instant::now();
                saver.submit(revision, Arc::clone(&session));
            }
        })
        .bench_local_values(|()| {
            let start = Instant::now();
            let vertices = driver.borrow_mut().idle();
            frames.push(start.elapsed());
            vertices
        });
    drop(saver);
    saves.sort();
    frames.sort();
    let over = |ms| frames.iter().filter(|f| f.as_millis() >= ms).count();
    eprintln!(
        "frame_while_saving({saving}): {} frames, {} of them over 8 ms, {} over 16 ms, worst {:?}; \
         {} background saves finished, median {:?} from submit to on disk",
        frames.len(),
        over(8),
        over(16),
        frames.last().copied().unwrap_or_default(),
        saves.len(),
        saves.get(saves.len() / 2).copied().unwrap_or_default(),
    );
}

#[divan::bench(args = [10_000], sample_count = SAMPLES, sample_size = 1)]
fn kittest_board(bencher: divan::Bencher, cards: usize) {
    let document = document(
        cards,
        std::env::temp_dir().join("harvest-bench-kittest.ron"),
    );
    let mut harness = egui_kittest::Harness::builder()
        .with_size([1260.0, 740.0])
        .build_eframe(move |_cc| HarvestApp::headless(document));
    harness.run();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::F1);
    harness.step();
    bencher.bench_local(|| harness.step());
}

/// Start-up inside the process: a new egui context and `HarvestApp` on a session already in
/// memory, and its first frame (fonts included, as in the window). The difference between
/// sizes is what the session adds to start-up after the file is read.
#[divan::bench(args = SIZES, sample_count = 20, sample_size = 1)]
fn cold_first_frame(bencher: divan::Bencher, cards: usize) {
    let session = common::generate(&common::Spec::with_cards(cards));
    let path = std::env::temp_dir().join("harvest-bench-cold.ron");
    bencher
        .with_inputs(|| Document::new(session.clone(), path.clone()))
        .bench_local_values(|document| {
            let ctx = egui::Context::default();
            let mut frame = eframe::Frame::_new_kittest();
            let mut app = HarvestApp::headless(document);
            let mut input = RawInput {
                screen_rect: Some(Rect::from_min_size(Pos2::ZERO, vec2(1260.0, 740.0))),
                ..Default::default()
            };
            if let Some(viewport) = input.viewports.get_mut(&ViewportId::ROOT) {
                viewport.native_pixels_per_point = Some(1.0);
            }
            let output = ctx.run_ui(input, |ui| {
                app.logic(ui.ctx(), &mut frame);
                app.ui(ui, &mut frame);
            });
            let primitives = ctx.tessellate(output.shapes, output.pixels_per_point);
            (app, primitives.len())
        });
}

/// Following a shared folder at 10,000 cards: a table file there gains a card (delivered as a
/// sync tool does, a temporary file renamed into place), and frames run, each as soon as the
/// last ends, until the card is in the session on screen. The time is from the rename to
/// that frame: noticing the change, reading the file, merging it into a snapshot on a helper
/// thread and putting it in place. Prints the slowest frame meanwhile.
#[divan::bench(sample_count = 20, sample_size = 1)]
fn followed_table_merged_at_10k(bencher: divan::Bencher) {
    use harvest::merge::{Table, table_copy};
    let driver = RefCell::new(Driver::autosaving(10_000));
    let shared = tempfile::tempdir().unwrap();
    let (mut laptop, table) = {
        let driver = driver.borrow();
        let event = driver.app.session();
        let table = event.groups[0].id;
        let by = harvest::model::ReplicaId::from_u128(99);
        (table_copy(event, &Table::Group(table), by), table)
    };
    {
        let mut driver = driver.borrow_mut();
        let ctx = driver.ctx.clone();
        driver.app.follow(shared.path().to_owned(), &ctx);
    }
    let slowest = RefCell::new(Duration::ZERO);
    let file = shared.path().join("table-1.ron");
    bencher
        .with_inputs(|| {
            let n = laptop.cards.len();
            let card = harvest::model::Card::new(
                table,
                harvest::model::Category::Good,
                format!("Table card {n}"),
            );
            laptop.cards.push(card);
            let temp = shared.path().join(".syncthing.table-1.ron.tmp");
            std::fs::write(&temp, harvest::store::format::to_text(&laptop).unwrap()).unwrap();
            let before = driver.borrow().cards();
            std::fs::rename(&temp, &file).unwrap();
            before
        })
        .bench_local_values(|before| {
            let mut driver = driver.borrow_mut();
            let deadline = Instant::now() + Duration::from_secs(10);
            while driver.cards() == before {
                assert!(Instant::now() < deadline, "the table's card never arrived");
                let started = Instant::now();
                driver.idle();
                let took = started.elapsed();
                let mut slowest = slowest.borrow_mut();
                *slowest = (*slowest).max(took);
            }
        });
    eprintln!(
        "followed_table_merged_at_10k: slowest frame meanwhile {:.1} ms",
        slowest.borrow().as_secs_f64() * 1000.0
    );
}

/// Renders the projector as eframe does a second native window: its own pass of the same
/// context, 1920×1080, inside the main window's frame, and tessellated. Returns that pass's
/// repaint delay, to check the window asks for none while idle.
fn render_projector_natively(ctx: &egui::Context) -> Arc<std::sync::Mutex<Option<Duration>>> {
    let delay = Arc::new(std::sync::Mutex::new(None));
    let seen = Arc::clone(&delay);
    ctx.set_embed_viewports(false);
    egui::Context::set_immediate_viewport_renderer(move |ctx, mut viewport| {
        let this = viewport.ids.this;
        let mut input = RawInput {
            viewport_id: this,
            // The same clock as the main window's pass, as eframe gives both.
            time: Some(ctx.input(|i| i.time)),
            screen_rect: Some(Rect::from_min_size(Pos2::ZERO, vec2(1920.0, 1080.0))),
            ..Default::default()
        };
        input.viewports.insert(
            this,
            egui::ViewportInfo {
                native_pixels_per_point: Some(1.0),
                focused: Some(false),
                ..Default::default()
            },
        );
        let output = ctx.run_ui(input, |ui| (viewport.viewport_ui_cb)(ui));
        let primitives = ctx.tessellate(output.shapes, output.pixels_per_point);
        divan::black_box(primitives.len());
        *seen.lock().unwrap() = output.viewport_output.get(&this).map(|v| v.repaint_delay);
    });
    delay
}

/// The board and the projector (F5, the current group's columns) together at 10,000 cards:
/// one frame of both windows, the mouse moving over the main one. Checks first that an idle
/// frame asks neither window to repaint.
#[divan::bench(sample_count = SAMPLES, sample_size = 1)]
fn projector_open_at_10k(bencher: divan::Bencher) {
    let mut driver = Driver::headless(10_000);
    let projector_delay = render_projector_natively(&driver.ctx);
    driver.press(Modifiers::NONE, Key::F5);
    assert!(driver.app.projector_open().0);
    for _ in 0..5 {
        driver.idle();
    }
    // Once the mouse has stopped (egui repaints while the pointer still has speed), at most a
    // second of frames later.
    let mut main_delay = Duration::ZERO;
    // Frames step a sixtieth of a second each.
    for _ in 0..60 {
        let output = driver.pass(Vec::new());
        main_delay = output.viewport_output[&ViewportId::ROOT].repaint_delay;
        if main_delay > Duration::ZERO {
            break;
        }
    }
    let delay = *projector_delay.lock().unwrap();
    eprintln!("idle: the main window wakes in {main_delay:?}, the projector in {delay:?}");
    assert_eq!(
        main_delay,
        Duration::MAX,
        "the main window repaints while idle"
    );
    assert_eq!(
        delay,
        Some(Duration::MAX),
        "the projector repaints while idle"
    );
    bencher.bench_local(|| driver.idle());
}

/// The same with the phase timer running: the frame it asks for once a second.
#[divan::bench(sample_count = SAMPLES, sample_size = 1)]
fn projector_timer_tick_at_10k(bencher: divan::Bencher) {
    let mut driver = Driver::headless(10_000);
    render_projector_natively(&driver.ctx);
    driver.press(Modifiers::NONE, Key::F5);
    driver.press(Modifiers::COMMAND, Key::T);
    let output = driver.pass(Vec::new());
    let delay = output.viewport_output[&ViewportId::ROOT].repaint_delay;
    assert!(
        delay <= Duration::from_secs(1),
        "the timer repaints: {delay:?}"
    );
    bencher.bench_local(|| driver.step(Vec::new()));
}
