//! A form closed without saving after something was typed or changed in it asks first: a stray
//! Escape (or Cancel, or a click beside the dialog) must not throw away a paragraph of notes.
//! Escape or "Keep editing" goes back to the form as it was, the keyboard in the box it was in;
//! "Discard" closes it.

use crate::ui::focus_return::FocusReturn;

/// What the guard knows of the form that is open.
#[derive(Debug, Default)]
pub struct DiscardGuard {
    /// Something was typed or changed in the form since it opened or last saved.
    typed: bool,
    /// The form's values when it opened or last saved, for forms with more than text boxes.
    values: Option<String>,
    /// The question is showing.
    asking: bool,
    /// Frames left in which to give the question's "Keep editing" the keyboard.
    focus_keep: u8,
    /// The widget that had the keyboard when the form was last typed in, to give it back.
    focus: Option<egui::Id>,
    /// Giving it back once the question has gone.
    refocus: Option<FocusReturn>,
}

/// What the question was answered with.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Answer {
    KeepEditing,
    Discard,
}

impl DiscardGuard {
    /// Notes typing in the open form in this frame's input, and whether its `values` differ
    /// from when it opened, before the form is laid out.
    pub fn watch(&mut self, ctx: &egui::Context, values: Option<String>) {
        if self.asking {
            return;
        }
        if let (Some(then), Some(now)) = (&self.values, values) {
            self.typed |= *then != now;
        }
        self.refocus = self.refocus.take().and_then(|back| back.pursue(ctx));
        let typed = ctx.input(|i| {
            i.events.iter().any(|event| {
                matches!(
                    event,
                    egui::Event::Text(_)
                        | egui::Event::Paste(_)
                        | egui::Event::Cut
                        | egui::Event::Ime(egui::ImeEvent::Commit(_))
                        | egui::Event::Key {
                            key: egui::Key::Backspace | egui::Key::Delete,
                            pressed: true,
                            ..
                        }
                )
            })
        });
        self.typed |= typed;
        if let Some(focused) = ctx.memory(|m| m.focused())
            && self.refocus.is_none()
        {
            self.focus = Some(focused);
        }
    }

    /// The form's `values` once it has been drawn, the first time (drawing may settle them: a
    /// group's mix of people gains the session's roles), to compare later frames with.
    pub fn drawn(&mut self, values: Option<String>) {
        if self.values.is_none() {
            self.values = values;
        }
    }

    /// The form asked to close without saving: true if it may; otherwise the question shows.
    pub fn may_close(&mut self) -> bool {
        self.asking = self.typed;
        self.focus_keep = 3;
        !self.asking
    }

    /// What was typed is saved (the form stays open, as the conflicts dialog does).
    pub fn saved(&mut self) {
        self.typed = false;
        self.values = None;
    }

    pub fn is_asking(&self) -> bool {
        self.asking
    }

    /// For the next form: nothing typed yet.
    pub fn reset(&mut self) {
        *self = Self::default();
    }

    /// Shows the question over the form; returns the answer once given.
    pub fn ask_ui(&mut self, ctx: &egui::Context) -> Option<Answer> {
        let mut answer = None;
        let modal = egui::Modal::new(egui::Id::unique("discard-question")).show(ctx, |ui| {
            ui.set_max_width(super::fitted_width(ctx, 420.0));
            super::heading_ui(ui, "Discard your changes?");
            ui.label("What you typed or changed in this dialog has not been saved.");
            ui.add_space(8.0);
            ui.horizontal(|ui| {
                let keep = ui.button("Keep editing");
                // Until it has it: egui may hold focus back for a frame as the question opens.
                if keep.has_focus() {
                    self.focus_keep = 0;
                } else if self.focus_keep > 0 {
                    self.focus_keep -= 1;
                    keep.request_focus();
                    ui.ctx().request_repaint();
                }
                if keep.clicked() {
                    answer = Some(Answer::KeepEditing);
                }
                if ui.button("Discard").clicked() {
                    answer = Some(Answer::Discard);
                }
            });
        });
        if modal.should_close() {
            answer = Some(Answer::KeepEditing);
        }
        match answer {
            Some(Answer::KeepEditing) => {
                self.asking = false;
                self.refocus = self.focus.map(FocusReturn::to);
            }
            Some(Answer::Discard) => self.reset(),
            None => {}
        }
        answer
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn frame_with(ctx: &egui::Context, events: Vec<egui::Event>, guard: &mut DiscardGuard) {
        let input = egui::RawInput {
            events,
            ..Default::default()
        };
        let mut output = ctx.run_ui(input, |ui| guard.watch(ui.ctx(), None));
        // Nothing here paints: the font texture's first upload is let go.
        output.textures_delta.clear();
    }

    #[test]
    fn a_form_nobody_typed_in_closes_at_once_and_one_typed_in_asks() {
        let ctx = egui::Context::default();
        let mut guard = DiscardGuard::default();
        frame_with(&ctx, vec![], &mut guard);
        assert!(guard.may_close(), "nothing typed");

        frame_with(&ctx, vec![egui::Event::Text("Notes".into())], &mut guard);
        assert!(!guard.may_close(), "typed: asks");
        assert!(guard.is_asking());
        guard.reset();
        assert!(guard.may_close(), "the next form starts afresh");
    }

    #[test]
    fn a_changed_choice_counts_as_a_change_and_saving_starts_afresh() {
        let ctx = egui::Context::default();
        let mut guard = DiscardGuard::default();
        let frame = |values: &str, guard: &mut DiscardGuard| {
            let mut output = ctx.run_ui(Default::default(), |ui| {
                guard.watch(ui.ctx(), Some(values.into()));
                guard.drawn(Some(values.into()));
            });
            output.textures_delta.clear();
        };
        frame("status: New", &mut guard);
        frame("status: New", &mut guard);
        assert!(guard.may_close(), "nothing changed");
        frame("status: Joined", &mut guard);
        assert!(!guard.may_close(), "a choice changed: asks");
        guard.asking = false;
        guard.saved();
        frame("status: Joined", &mut guard);
        assert!(
            guard.may_close(),
            "saved: the saved values are the new start"
        );
    }

    #[test]
    fn backspace_counts_as_typing_but_moving_the_cursor_does_not() {
        let ctx = egui::Context::default();
        let key = |key| egui::Event::Key {
            key,
            physical_key: None,
            pressed: true,
            repeat: false,
            modifiers: egui::Modifiers::NONE,
        };
        let mut guard = DiscardGuard::default();
        frame_with(&ctx, vec![key(egui::Key::ArrowLeft)], &mut guard);
        assert!(guard.may_close());
        frame_with(&ctx, vec![key(egui::Key::Backspace)], &mut guard);
        assert!(!guard.may_close());
    }
}
