use super::{Changes, GroupId};
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
    /// The name it was made with: two laptops that made a group of the same name made the
    /// same group. Empty for a group from a version 1 file, which counts by its name.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub made_as: String,
    #[serde(skip_serializing_if = "Changes::is_empty")]
    pub changed: Changes,
}

impl Group {
    pub fn new(name: impl Into<String>) -> Self {
        let name = name.into();
        Self {
            made_as: name.clone(),
            name,
            ..Self::default()
        }
    }

    /// What makes two groups the same group when sessions are merged.
    pub fn match_key(&self) -> String {
        super::theme::name_key(if self.made_as.is_empty() {
            &self.name
        } else {
            &self.made_as
        })
    }

    /// Everyone at the table.
    pub fn participant_total(&self) -> u32 {
        self.participants.values().sum()
    }
}
