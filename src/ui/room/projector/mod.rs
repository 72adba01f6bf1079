//! The projector window (F5): a second native window the facilitator drags to the projector
//! or sends there full-screen. It follows the session as cards are added and never takes
//! the keyboard from the card box.

mod controls;
mod slide;

pub use controls::projector_row_ui;
pub use slide::{CARD_SIZE, Slide, slide_ui};

use crate::model::{Session, ThemeId};
use crate::ui::app::HarvestApp;
use crate::ui::commands::Command;
use crate::ui::intents::Intents;
use serde::{Deserialize, Serialize};

/// What the projector shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Showing {
    /// The current group's three columns.
    Group,
    /// Every group's counts against its targets.
    Counts,
    /// One theme's cards.
    Theme(ThemeId),
    /// The starred cards, one at a time.
    Quotes,
}

/// A change asked for in the projector's row of the status bar.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ProjectorIntent {
    Show(Showing),
    NextQuote,
    /// Full screen on the monitor of this index; None to leave full screen.
    FullScreen(Option<usize>),
}

/// Where the window was, to open it there again (kept with the window's other preferences).
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Place {
    pub size: Option<[f32; 2]>,
    pub position: Option<[f32; 2]>,
    /// The monitor it was sent to full-screen.
    pub monitor: Option<usize>,
}

/// The projector's state: open or not, what it shows.
#[derive(Debug)]
pub struct Projector {
    pub open: bool,
    pub showing: Showing,
    pub hide_words: bool,
    pub quote: usize,
    /// Where it is now, saved on exit.
    pub place: Place,
    /// Where it opened this time: the window is asked for it once, not every frame.
    opened_at: Place,
    /// When it last opened: a window manager that gives a new window the keyboard is
    /// overruled for a moment afterwards, so the facilitator's typing stays in the card box.
    opened: Option<std::time::Instant>,
    chosen: Chosen,
}

/// The cards of the chosen theme, or the starred cards, worked out once per revision.
#[derive(Debug, Default)]
struct Chosen {
    revision: u64,
    showing: Option<Showing>,
    cards: Vec<usize>,
}

/// Where there can be no second window (and in tests), the projector is a small window inside
/// the main one, clear of the status bar's controls.
const EMBEDDED_SIZE: [f32; 2] = [360.0, 200.0];

/// How long after opening the projector hands the keyboard back if it is given it.
const KEEP_KEYBOARD_FOR: std::time::Duration = std::time::Duration::from_secs(3);

/// Key under which eframe keeps [`Place`].
pub const STORAGE_KEY: &str = "projector";

/// Its native window's id.
pub fn viewport_id() -> egui::ViewportId {
    egui::ViewportId::from_hash_of("projector")
}

impl Projector {
    pub fn new(place: Place) -> Self {
        Self {
            open: false,
            showing: Showing::Group,
            hide_words: false,
            quote: 0,
            place,
            opened_at: place,
            opened: None,
            chosen: Chosen::default(),
        }
    }

    /// F5.
    pub fn toggle(&mut self) {
        self.open = !self.open;
        self.opened_at = self.place;
        self.opened = self.open.then(std::time::Instant::now);
    }

    pub fn apply(&mut self, intent: ProjectorIntent, ctx: &egui::Context) {
        match intent {
            ProjectorIntent::Show(showing) => {
                self.showing = showing;
                self.quote = 0;
            }
            ProjectorIntent::NextQuote => self.quote = self.quote.wrapping_add(1),
            ProjectorIntent::FullScreen(monitor) => {
                self.place.monitor = monitor;
                let command = match monitor {
                    Some(index) => egui::ViewportCommand::SetMonitor(index),
                    None => egui::ViewportCommand::Fullscreen(false),
                };
                ctx.send_viewport_cmd_to(viewport_id(), command);
            }
        }
    }

    fn refresh_chosen(&mut self, session: &Session, revision: u64) {
        let showing = Some(self.showing);
        if self.chosen.revision == revision && self.chosen.showing == showing {
            return;
        }
        let cards = session.cards.iter().enumerate();
        self.chosen.cards = match self.showing {
            Showing::Theme(id) => cards
                .filter(|(_, c)| c.themes.contains(&id))
                .map(|(at, _)| at)
                .collect(),
            Showing::Quotes => cards.filter(|(_, c)| c.starred).map(|(at, _)| at).collect(),
            Showing::Group | Showing::Counts => Vec::new(),
        };
        self.chosen.revision = revision;
        self.chosen.showing = showing;
    }
}

impl HarvestApp {
    /// Shows the projector window while it is open; its keys and anything typed into it go
    /// where they would in the main window.
    pub(crate) fn projector_window_ui(&mut self, ctx: &egui::Context, intents: &mut Intents) {
        if !self.projector.open {
            return;
        }
        let document = self.workspace.document();
        let session = document.session();
        if let Showing::Theme(id) = self.projector.showing
            && session.theme(id).is_none()
        {
            self.projector.showing = Showing::Group;
        }
        self.projector.refresh_chosen(session, document.revision());
        let now = self.clock.now();
        let projector = &mut self.projector;
        let slide = Slide {
            session,
            index: &self.index,
            group: self.state.group,
            timer: super::TimerView::of(&session.timer, &session.details.agenda, now),
            showing: projector.showing,
            hide_words: projector.hide_words,
            chosen: &projector.chosen.cards,
            quote: projector.quote,
        };
        let place = projector.opened_at;
        let mut builder = egui::ViewportBuilder::default()
            .with_title(projector_title(session))
            .with_inner_size(match place.size {
                _ if ctx.embed_viewports() => EMBEDDED_SIZE,
                Some(size) => size,
                None => [1280.0, 720.0],
            })
            .with_min_inner_size([480.0, 320.0])
            // The card box keeps the keyboard: the facilitator goes on typing.
            .with_active(false);
        if let Some(position) = place.position {
            builder = builder.with_position(position);
        }
        if let Some(monitor) = place.monitor {
            builder = builder.with_monitor(monitor);
        }
        let mut typed = String::new();
        let mut closed = false;
        let mut took_keyboard = false;
        let just_opened = (projector.opened).is_some_and(|at| at.elapsed() < KEEP_KEYBOARD_FOR);
        let mut place_now = projector.place;
        ctx.show_viewport_immediate(viewport_id(), builder, |ui, class| {
            let ctx = ui.ctx().clone();
            if class != egui::ViewportClass::EmbeddedWindow {
                closed = ctx.input(|i| i.viewport().close_requested());
                remember_place(&ctx, &mut place_now);
                intents.commands.extend(Command::consume_pressed(&ctx));
                typed = typed_text(&ctx);
                took_keyboard = just_opened && ctx.input(|i| i.viewport().focused == Some(true));
            }
            if class == egui::ViewportClass::EmbeddedWindow {
                // A window inside this one keeps its size and scrolls.
                egui::ScrollArea::both()
                    .max_width(EMBEDDED_SIZE[0])
                    .max_height(EMBEDDED_SIZE[1])
                    .show(ui, |ui| slide_ui(ui, &slide));
                return;
            }
            egui::Frame::central_panel(ui.style())
                .inner_margin(24.0)
                .show(ui, |ui| {
                    ui.set_min_size(ui.available_size());
                    slide_ui(ui, &slide);
                });
        });
        projector.place = place_now;
        if closed {
            projector.open = false;
        }
        if !typed.is_empty() {
            // Straight on from what is in the box: the words were typed as one.
            self.state.draft.push_str(&typed);
            self.state.focus_draft = true;
        }
        if took_keyboard || !typed.is_empty() {
            ctx.send_viewport_cmd_to(egui::ViewportId::ROOT, egui::ViewportCommand::Focus);
        }
    }
}

/// "Projector — Personal budgets".
pub fn projector_title(session: &Session) -> String {
    format!("Projector — {}", session.details.title)
}

fn remember_place(ctx: &egui::Context, place: &mut Place) {
    let (inner, outer, fullscreen) = ctx.input(|i| {
        let viewport = i.viewport();
        (
            viewport.inner_rect,
            viewport.outer_rect,
            viewport.fullscreen.unwrap_or(false),
        )
    });
    if fullscreen {
        return;
    }
    if let Some(inner) = inner {
        place.size = Some([inner.width(), inner.height()]);
    }
    if let Some(outer) = outer {
        place.position = Some([outer.min.x, outer.min.y]);
    }
}

/// Words typed while the projector window had the keyboard, for the card box.
fn typed_text(ctx: &egui::Context) -> String {
    ctx.input(|i| {
        (i.events.iter())
            .filter_map(|e| match e {
                egui::Event::Text(text) => Some(text.as_str()),
                _ => None,
            })
            .collect()
    })
}
