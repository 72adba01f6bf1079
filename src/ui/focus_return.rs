//! Giving the keyboard back to a widget after a dialog or a question closed: egui keeps focus
//! from widgets below a modal for a frame or so after it closed, so the request is made again
//! until the widget has it, a few times at most.

#[derive(Clone, Copy, Debug)]
pub struct FocusReturn {
    id: egui::Id,
    tries: u8,
}

impl FocusReturn {
    pub fn to(id: egui::Id) -> Self {
        Self { id, tries: 3 }
    }

    /// Asks once more if still needed; `None` once the widget has the keyboard or the tries
    /// are used up.
    pub fn pursue(self, ctx: &egui::Context) -> Option<Self> {
        if ctx.memory(|m| m.focused()) == Some(self.id) || self.tries == 0 {
            return None;
        }
        ctx.memory_mut(|m| m.request_focus(self.id));
        ctx.request_repaint();
        Some(Self {
            tries: self.tries - 1,
            ..self
        })
    }
}
