use super::GroupId;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// One discussion group (a table).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
// A field name the format does not know is damage, not something to drop in silence.
#[serde(deny_unknown_fields)]
pub struct Group {
    pub id: GroupId,
    pub name: String,
    pub notes: String,
    /// How many people of each role sat at the table, by role name.
    pub participants: BTreeMap<String, u32>,
}

impl Group {
    pub fn new(name: impl Into<String>) -> Self {
        Self {
            name: name.into(),
            ..Self::default()
        }
    }

    /// Everyone at the table.
    pub fn participant_total(&self) -> u32 {
        self.participants.values().sum()
    }
}
