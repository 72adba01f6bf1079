//! The windows every place is tried in, and the app in one of them.

use egui::{Key, Modifiers, Rect, Theme};
use egui_kittest::Harness;
use harvest::document::Document;
use harvest::model::Session;
use harvest::ui::HarvestApp;

pub type App = Harness<'static, HarvestApp>;

/// A window to try every place in.
#[derive(Clone, Copy, Debug)]
pub struct Window {
    /// In pixels, as the screen has them.
    pub size: [f32; 2],
    pub zoom: f32,
    pub theme: Theme,
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

pub fn windows() -> Vec<Window> {
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
    pub fn rect(&self) -> Rect {
        Rect::from_min_size(egui::Pos2::ZERO, egui::Vec2::from(self.size) / self.zoom)
    }

    /// The app on `session` in this window, zoomed as Ctrl+= would.
    pub fn app(&self, session: Session) -> App {
        let document = Document::new(session, std::env::temp_dir().join("harvest-layout.ron"));
        let zoom = self.zoom;
        let mut harness = Harness::builder()
            .with_size(self.rect().size())
            .with_theme(self.theme)
            // A context menu takes a few frames to size itself before it settles, and a screen
            // whose helper thread finishes meanwhile asks for one more.
            .with_max_steps(12)
            .with_context_setup(move |ctx| ctx.set_zoom_factor(zoom))
            .build_eframe(move |_cc| HarvestApp::headless(document));
        harness.run();
        harness
    }
}

pub fn press(harness: &mut App, modifiers: Modifiers, key: Key) {
    harness.key_press_modifiers(modifiers, key);
    harness.run();
    crate::common::settle(harness);
}
