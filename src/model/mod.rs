//! What a session is: plain data and its invariants. Knows nothing of the screen or files.

mod card;
mod category;
mod group;
mod ids;
mod repair;
mod session;
mod theme;
mod validate;

pub use card::Card;
pub use category::Category;
pub use group::Group;
pub use ids::{CardId, GroupId, ThemeId};
pub use repair::Repair;
pub use session::{Details, Session, Targets};
pub use theme::{Rgb, Theme};
pub use validate::Invalid;
