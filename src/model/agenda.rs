//! The agenda: the parts of a workshop in order, each with the time planned for it.

use super::{Category, PhaseId};
use serde::{Deserialize, Serialize};

/// One part of the workshop, such as ten minutes on what works well.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(default)]
#[serde(deny_unknown_fields)]
pub struct Phase {
    pub id: PhaseId,
    pub name: String,
    pub minutes: u32,
    /// The category it captures, which starting it makes the current one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub category: Option<Category>,
}

impl Default for Phase {
    fn default() -> Self {
        Self {
            id: PhaseId::new(),
            name: String::new(),
            minutes: 10,
            category: None,
        }
    }
}

impl Phase {
    /// A phase named after its category.
    pub fn for_category(category: Category, minutes: u32) -> Self {
        Self {
            name: category.label().to_owned(),
            minutes,
            category: Some(category),
            ..Self::default()
        }
    }
}

/// The agenda a session starts with: Good 10 min, Not so good 10 min, What would make a
/// difference 20 min. The ids are always the same, so a file written before agendas existed
/// reads the same agenda each time it is opened, and copies of it merge without a difference.
pub fn default_agenda() -> Vec<Phase> {
    let minutes = [10, 10, 20];
    Category::ALL
        .into_iter()
        .zip(minutes)
        .zip(1u128..)
        .map(|((category, minutes), n)| Phase {
            id: PhaseId::from_u128(n),
            ..Phase::for_category(category, minutes)
        })
        .collect()
}
