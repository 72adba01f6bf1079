//! What Harvest says to a screen reader after something happens: a card added, the category
//! or group changed, a step undone, saving failed, the phase timer running out. One place owns
//! the words, so every route to a command (keys, menus, clicks) says the same thing.
//!
//! The words are shown in the status bar in a live region (AccessKit `Live::Polite`, or
//! `Assertive` for a failure), which screen readers read out whenever its text changes.

use super::room::timer_view::{TimerView, Urgency};
use crate::edit::Edit;
use crate::model::{Category, GroupId, Session};
use crate::summary::words::plural;

/// How many words of a card an announcement repeats.
const FIRST_WORDS: usize = 8;

/// Something said once.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Announcement {
    pub text: String,
    /// Said at once, interrupting: for what must not go unheard (a save that failed).
    pub urgent: bool,
}

/// The latest announcement, and what it follows to know when to speak.
#[derive(Debug, Default)]
pub struct Announcer {
    now: Option<Announcement>,
    /// The group and category last on screen.
    place: Option<(GroupId, Category)>,
    /// The phase and urgency last seen, so each warning is said once.
    timer: Option<(String, Urgency)>,
    saving_failed: bool,
}

impl Announcer {
    /// The latest announcement, if anything was said.
    pub fn now(&self) -> Option<&Announcement> {
        self.now.as_ref()
    }

    pub fn say(&mut self, text: String) {
        self.now = Some(Announcement {
            text,
            urgent: false,
        });
    }

    fn alert(&mut self, text: String) {
        self.now = Some(Announcement { text, urgent: true });
    }

    /// Says the group or category when either changed since the last frame, however it was
    /// changed (keys, a click, a new group). The first frame only notes where it is.
    pub fn follow_place(&mut self, session: &Session, group: GroupId, category: Category) {
        let before = self.place.replace((group, category));
        match before {
            Some((was, _)) if was != group => {
                let cards = session.cards.iter().filter(|c| c.group == group).count();
                self.say(group_changed(session.group_name(group), cards));
            }
            Some((_, was)) if was != category => self.say(category.label().to_owned()),
            _ => {}
        }
    }

    /// Says the timer's warnings: two minutes left, then time up; once each per phase.
    pub fn follow_timer(&mut self, view: Option<&TimerView>) {
        let Some(view) = view.filter(|v| v.running) else {
            return;
        };
        let now = (view.phase.clone(), view.urgency);
        if self.timer.as_ref() == Some(&now) {
            return;
        }
        let same_phase = self.timer.as_ref().is_some_and(|(p, _)| *p == view.phase);
        self.timer = Some(now);
        match view.urgency {
            Urgency::Soon => self.say(format!("{}: {}", view.phase, view.time)),
            Urgency::Over if same_phase => self.say(format!("{}: time is up", view.phase)),
            Urgency::Over | Urgency::Calm => {}
        }
    }

    /// Alerts once when saving starts failing (`failure` is what the status bar says), and
    /// says when it works again.
    pub fn follow_saving(&mut self, failure: Option<String>) {
        match failure {
            Some(why) if !self.saving_failed => {
                self.saving_failed = true;
                self.alert(why);
            }
            Some(_) => {}
            // So the alert is not the last word once the session is safe again.
            None if self.saving_failed => {
                self.saving_failed = false;
                self.say("Saved again".to_owned());
            }
            None => {}
        }
    }
}

/// What to say after an edit to one card, made by its keys or the mouse, or after pasted
/// lines were added as cards: `session` is as the edit left it. Other edits of several things
/// at once say nothing here; their screens show them.
pub fn after_edit(edit: &Edit, session: &Session) -> Option<String> {
    let card = |id| session.card(id);
    Some(match edit {
        Edit::Batch(edits) => cards_added(edits, session)?,
        Edit::AddCard { card, .. } => {
            card_added(card.category, session.group_name(card.group), &card.text)
        }
        Edit::DeleteCard { .. } => "Card deleted".to_owned(),
        Edit::SetCardText { id, .. } => format!("Card changed: {}", first_words(&card(*id)?.text)),
        Edit::MoveCard { id, .. } => {
            let card = card(*id)?;
            let group = session.group_name(card.group);
            format!("Moved to {}, {group}", card.category.label())
        }
        Edit::SetStarred { starred: true, .. } => "Starred as a key quote".to_owned(),
        Edit::SetStarred { starred: false, .. } => "Star taken off".to_owned(),
        Edit::SetVotes { votes, .. } => crate::summary::words::votes(*votes),
        _ => return None,
    })
}

/// "Added to Good, Table 1: Parking was easy to find".
pub fn card_added(category: Category, group: &str, text: &str) -> String {
    format!(
        "Added to {}, {group}: {}",
        category.label(),
        first_words(text)
    )
}

/// "Added 3 cards to Good, Table 1", for a batch that adds cards to one column and does nothing
/// else (pasted lines).
fn cards_added(edits: &[Edit], session: &Session) -> Option<String> {
    let mut column = None;
    for edit in edits {
        let Edit::AddCard { card, .. } = edit else {
            return None;
        };
        let here = (card.group, card.category);
        if *column.get_or_insert(here) != here {
            return None;
        }
    }
    let (group, category) = column?;
    let group = session.group_name(group);
    Some(format!(
        "Added {} to {}, {group}",
        plural(edits.len(), "card"),
        category.label()
    ))
}

/// "Pasted 3 lines. Enter adds them as 3 cards to Good, Table 1; Escape adds none." The offer
/// appears above the card box, which keeps the keyboard: this is how a screen reader hears it.
pub fn paste_offered(lines: usize, category: Category, group: &str) -> String {
    format!(
        "Pasted {}. Enter adds them as {} to {}, {group}; Escape adds none.",
        plural(lines, "line"),
        plural(lines, "card"),
        category.label()
    )
}

/// Said when the paste offer is turned down, and when its lines go into the card box.
pub const PASTE_CANCELLED: &str = "Nothing added from the paste.";
pub const PASTED_AS_ONE: &str = "Pasted into the card box as one card.";

/// "Table 2, 8 cards".
pub fn group_changed(name: &str, cards: usize) -> String {
    format!("{name}, {}", plural(cards, "card"))
}

/// "Undone: add card", "Redone: star".
pub fn stepped(undo: bool, what: &str) -> String {
    format!("{}: {what}", if undo { "Undone" } else { "Redone" })
}

/// The first few words, and "…" when there are more.
fn first_words(text: &str) -> String {
    let words: Vec<&str> = text.split_whitespace().collect();
    let mut said = words[..words.len().min(FIRST_WORDS)].join(" ");
    if words.len() > FIRST_WORDS {
        said.push('…');
    }
    said
}

/// The live region: the latest announcement, in the status bar. Always there, even before
/// anything is said, so a screen reader already knows it when the first words arrive.
pub fn announcement_ui(ui: &mut egui::Ui, announcer: &Announcer) {
    let (text, urgent) = announcer
        .now()
        .map_or(("", false), |a| (a.text.as_str(), a.urgent));
    // Not truncated: an announcement is a few words, and cut short it would say less.
    let label = ui.add(egui::Label::new(egui::RichText::new(text).weak()));
    ui.ctx().accesskit_node_builder(label.id, |node| {
        node.set_live(if urgent {
            egui::accesskit::Live::Assertive
        } else {
            egui::accesskit::Live::Polite
        });
        node.set_label(text);
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_card_is_said_with_its_category_group_and_first_words() {
        assert_eq!(
            card_added(Category::NotSoGood, "Table 3", "Forms   are\ntoo long"),
            "Added to Not so good, Table 3: Forms are too long"
        );
        let long = "one two three four five six seven eight nine";
        assert!(card_added(Category::Good, "T", long).ends_with("seven eight…"));
    }

    #[test]
    fn pasted_lines_are_said_when_offered_and_when_added_to_one_column_only() {
        assert_eq!(
            paste_offered(1, Category::Good, "Table 1"),
            "Pasted 1 line. Enter adds them as 1 card to Good, Table 1; Escape adds none."
        );
        let session = Session::new("Paste");
        let group = session.groups[0].id;
        let add = |category| Edit::AddCard {
            card: crate::model::Card::new(group, category, "Words"),
            index: 0,
        };
        let pasted = Edit::Batch(vec![add(Category::Good), add(Category::Good)]);
        let said = after_edit(&pasted, &session).unwrap();
        assert_eq!(
            said,
            format!("Added 2 cards to Good, {}", session.groups[0].name)
        );
        let mixed = Edit::Batch(vec![add(Category::Good), add(Category::NotSoGood)]);
        assert_eq!(after_edit(&mixed, &session), None, "not one column");
        assert_eq!(after_edit(&Edit::Batch(Vec::new()), &session), None);
    }

    #[test]
    fn each_timer_warning_is_said_once() {
        let view = |urgency, time: &str| TimerView {
            phase: "Good".into(),
            time: time.into(),
            urgency,
            running: true,
        };
        let mut announcer = Announcer::default();
        announcer.follow_timer(Some(&view(Urgency::Calm, "9:00 left")));
        assert!(announcer.now().is_none());
        announcer.follow_timer(Some(&view(Urgency::Soon, "2:00 left")));
        assert_eq!(announcer.now().unwrap().text, "Good: 2:00 left");
        announcer.now = None;
        announcer.follow_timer(Some(&view(Urgency::Soon, "1:59 left")));
        assert!(announcer.now().is_none(), "once");
        announcer.follow_timer(Some(&view(Urgency::Over, "time is up, 0:01 over")));
        assert_eq!(announcer.now().unwrap().text, "Good: time is up");
    }

    #[test]
    fn a_failing_save_is_alerted_once_until_it_saves_again() {
        let mut announcer = Announcer::default();
        announcer.follow_saving(Some("Not saved: disk full".into()));
        assert!(announcer.now().unwrap().urgent);
        announcer.now = None;
        announcer.follow_saving(Some("Not saved: disk full".into()));
        assert!(announcer.now().is_none());
        announcer.follow_saving(None);
        assert_eq!(announcer.now().unwrap().text, "Saved again");
        announcer.follow_saving(Some("Not saved: disk full".into()));
        assert!(announcer.now().is_some());
    }
}
