//! What a session is: plain data and its invariants. Knows nothing of the screen or files.

mod action;
mod agenda;
mod card;
mod category;
mod changes;
mod group;
mod ids;
pub mod people;
mod redaction;
mod repair;
mod session;
mod theme;
mod timer;
mod validate;

pub use action::{About, Action, ActionStatus};
pub use agenda::{Phase, default_agenda};
pub use card::{Card, OtherVersion};
pub use category::Category;
pub use changes::{Changes, Relation, ReplicaId};
pub use group::Group;
pub use ids::{ActionId, CardId, GroupId, PersonId, PhaseId, ThemeId};
pub use people::Person;
pub use redaction::{DetailKind, RedactChoice, Redaction};
pub use repair::Repair;
pub use session::{Deleted, Details, DetailsChanges, Session, Targets};
pub use theme::{Rgb, Theme};
pub use timer::{PhaseTime, PhaseTimer, TimerChange};
pub use validate::Invalid;
