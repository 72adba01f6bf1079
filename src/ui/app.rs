use crate::document::Document;
use crate::model::Category;

/// The window: menus, the board, the status bar.
pub struct HarvestApp {
    document: Document,
    exit_after_frames: Option<u64>,
    frames: u64,
}

/// "Title — Harvest".
pub fn window_title(document: &Document) -> String {
    format!("{} — Harvest", document.session().details.title)
}

impl HarvestApp {
    pub fn new(
        _cc: &eframe::CreationContext<'_>,
        document: Document,
        exit_after_frames: Option<u64>,
    ) -> Self {
        Self {
            document,
            exit_after_frames,
            frames: 0,
        }
    }

    /// The app without a window, for tests.
    pub fn headless(document: Document) -> Self {
        Self {
            document,
            exit_after_frames: None,
            frames: 0,
        }
    }
}

impl eframe::App for HarvestApp {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        self.frames += 1;
        if self.exit_after_frames.is_some_and(|n| self.frames >= n) {
            ui.ctx().send_viewport_cmd(egui::ViewportCommand::Close);
        }
        egui::Panel::bottom("status").show(ui, |ui| {
            ui.label(self.document.path.display().to_string());
        });
        egui::CentralPanel::default().show(ui, |ui| {
            egui::ScrollArea::vertical().show(ui, |ui| {
                let session = self.document.session();
                ui.heading(&session.details.title);
                for group in &session.groups {
                    ui.separator();
                    ui.strong(&group.name);
                    for category in Category::ALL {
                        ui.label(category.label());
                        for card in session.cards_in(group.id, category) {
                            ui.label(format!("• {}", card.text));
                        }
                    }
                }
            });
        });
    }
}
