//! The consent wording a session starts with: what the UK's Information Commissioner asks a
//! sign-up sheet to say (who is asking, for what, how long it is kept, how to withdraw).

/// The wording volunteers agree to, before anyone edits it for their event.
pub fn default_consent() -> String {
    "We, the organisers of this event, are asking for your name and how to reach you so that \
     we can contact you about what you signed up for (such as the steering group or future \
     events), and for nothing else. We keep your details only until the date set for this \
     event's register, then delete them. You can withdraw at any time by telling any of us, and \
     we will delete your details straight away."
        .to_owned()
}
