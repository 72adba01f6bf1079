//! The register's settings: what people can sign up for, the consent wording they agree to,
//! and how long their details are kept. Applied as one undoable edit of the details.

use super::form::{date_field, date_text, lines_field};
use super::{fitted_width, scroll_height};
use crate::edit::Edit;
use crate::model::{Details, Session};
use crate::ui::intents::Intents;

pub struct RegisterDialog {
    options: String,
    consent: String,
    keep_until: String,
}

impl RegisterDialog {
    pub fn for_session(session: &Session) -> Self {
        let details = &session.details;
        Self {
            options: details.sign_up_options.join("\n"),
            consent: details.consent.clone(),
            keep_until: date_text(details.keep_until),
        }
    }

    /// The details with these settings, or None while the date cannot be read.
    fn applied(&self, details: &Details) -> Option<Details> {
        let mut new = details.clone();
        new.sign_up_options = (self.options.lines())
            .map(str::trim)
            .filter(|o| !o.is_empty())
            .map(str::to_owned)
            .collect();
        new.consent = self.consent.trim().to_owned();
        new.keep_until = super::form::parse_date(&self.keep_until).ok()?;
        Some(new)
    }
}

/// Shows the dialog; false once closed.
pub fn register_ui(
    ctx: &egui::Context,
    dialog: &mut RegisterDialog,
    session: &Session,
    intents: &mut Intents,
) -> bool {
    let mut open = true;
    let modal = egui::Modal::new(egui::Id::unique("register-dialog")).show(ctx, |ui| {
        ui.set_width(fitted_width(ctx, 600.0));
        super::heading_ui(ui, "Register settings");
        ui.add_space(6.0);
        let buttons = ui.spacing().interact_size.y + 24.0;
        egui::ScrollArea::vertical()
            .id_salt("register-fields")
            .max_height(scroll_height(ui, buttons))
            .show(ui, |ui| {
                ui.set_width(ui.available_width());
                lines_field(ui, "What people can sign up for (one a line)", &mut dialog.options, 3, 6.0);
                lines_field(
                    ui,
                    "Consent wording (who is asking, for what, how long it is kept, how to withdraw)",
                    &mut dialog.consent,
                    6,
                    10.0,
                );
                date_field(ui, "Keep contact details until (YYYY-MM-DD)", &mut dialog.keep_until).ok();
                ui.label("After this date Harvest offers to erase every name and contact detail.");
            });
        ui.separator();
        let applied = dialog.applied(&session.details);
        ui.horizontal(|ui| {
            let apply = ui.add_enabled(applied.is_some(), egui::Button::new("Apply"));
            if let (true, Some(details)) = (apply.clicked(), &applied) {
                intents.edit(Edit::SetDetails(Box::new(details.clone())));
                open = false;
            }
            if ui.button("Cancel").clicked() {
                open = false;
            }
        });
    });
    if modal.should_close() {
        open = false;
    }
    open
}
