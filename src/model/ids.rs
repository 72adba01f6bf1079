//! Stable, globally unique ids for the things in a session.
//!
//! Ids are UUID v7: unique across laptops (so files captured in parallel can be merged later)
//! and roughly ordered by creation time. In the file they are plain strings.

use serde::{Deserialize, Serialize};
use std::fmt;

macro_rules! id_type {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        #[serde(transparent)]
        pub struct $name(uuid::Uuid);

        impl $name {
            /// A fresh id, never seen before.
            pub fn new() -> Self {
                Self(uuid::Uuid::now_v7())
            }

            /// The id as a number, for comparing ids of different kinds.
            pub fn as_u128(self) -> u128 {
                self.0.as_u128()
            }

            /// An id made from a number, for reproducible test data and generated sessions.
            pub fn from_u128(n: u128) -> Self {
                Self(uuid::Uuid::from_u128(n))
            }
        }

        impl Default for $name {
            fn default() -> Self {
                Self::new()
            }
        }

        impl fmt::Debug for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                write!(f, "{}({})", stringify!($name), self.0)
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                self.0.fmt(f)
            }
        }
    };
}

id_type!(
    /// Identifies a discussion group (a table).
    GroupId
);
id_type!(
    /// Identifies a card.
    CardId
);
id_type!(
    /// Identifies a theme.
    ThemeId
);
id_type!(
    /// Identifies a phase of the agenda.
    PhaseId
);
id_type!(
    /// Identifies a person in the volunteer register.
    PersonId
);
id_type!(
    /// Identifies an action taken on what was said.
    ActionId
);
