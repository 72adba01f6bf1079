//! The card box's words: each group keeps its own, and the workspace keeps them on disk, so
//! switching groups, closing the window or a crash never loses what was typed but not added.

use super::app::HarvestApp;
use crate::model::GroupId;

impl HarvestApp {
    /// The card box as it was left when this session was last open: the first group's words,
    /// and any kept for groups the session no longer has.
    pub(super) fn restore_card_box(&mut self) {
        let session = self.workspace.document().session();
        let gone: Vec<GroupId> = (self.workspace.drafts().iter())
            .map(|(group, _)| group)
            .filter(|group| session.group(*group).is_none())
            .collect();
        self.state
            .restore_card_box(&gone, self.workspace.drafts_mut());
    }

    /// Each group keeps its own card box words: when another group is on screen, its words are
    /// shown at once. Then the box's words are handed to the workspace, which keeps them on
    /// disk a moment after the typing stops.
    pub(super) fn keep_card_box(&mut self, ctx: &egui::Context) {
        let state = &mut self.state;
        if state.draft_group != state.group {
            let session = self.workspace.document().session();
            let exists = session.group(state.draft_group).is_some();
            state.switch_card_box(exists, self.workspace.drafts_mut());
            self.card_box_starts_afresh(ctx);
            ctx.request_repaint();
        }
        self.workspace
            .drafts_mut()
            .set(self.state.group, &self.state.draft);
    }

    /// The cursor goes to the end of the words the card box now shows, and the box's own undo
    /// starts again, so that neither reaches into the words of another group.
    pub(super) fn card_box_starts_afresh(&self, ctx: &egui::Context) {
        let id = super::board::draft_id();
        let mut text = egui::TextEdit::load_state(ctx, id).unwrap_or_default();
        let end = egui::text::CCursor::new(self.state.draft.chars().count());
        text.cursor
            .set_char_range(Some(egui::text::CCursorRange::one(end)));
        text.clear_undoer();
        egui::TextEdit::store_state(ctx, id, text);
    }
}
