//! Who changed an item, and how often: what merging needs to tell "changed here" from
//! "changed on both laptops", and a deletion from an addition.
//!
//! Each group, theme, card and details field carries a version vector: per Harvest install
//! (a [`ReplicaId`]), how many changes it made to the item, and when the item last changed.
//! In the file it is one short line, `changed: "2026-12-02T10:04:31Z 3f2a…-…:4"`.

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::cmp::Ordering;
use std::collections::BTreeMap;
use std::fmt;

/// One Harvest install (or one unsaved window): the name its changes are counted under.
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(transparent)]
pub struct ReplicaId(uuid::Uuid);

impl ReplicaId {
    /// A fresh id, never seen before.
    pub fn new() -> Self {
        Self(uuid::Uuid::now_v7())
    }

    /// An id made from a number, for reproducible tests.
    pub fn from_u128(n: u128) -> Self {
        Self(uuid::Uuid::from_u128(n))
    }

    /// Reads an id written by [`fmt::Display`].
    pub fn parse(text: &str) -> Option<Self> {
        uuid::Uuid::parse_str(text.trim()).ok().map(Self)
    }
}

impl Default for ReplicaId {
    fn default() -> Self {
        Self::new()
    }
}

impl fmt::Debug for ReplicaId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "ReplicaId({})", self.0)
    }
}

impl fmt::Display for ReplicaId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.fmt(f)
    }
}

/// An item's version vector and the time of its last change. Empty for an item nobody has
/// changed since it came from a version 1 file.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash)]
pub struct Changes {
    /// When the item last changed; never goes back, even when a laptop's clock does.
    pub at: jiff::Timestamp,
    /// Changes made, per install.
    pub counts: BTreeMap<ReplicaId, u32>,
}

/// How two versions of one item relate.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Relation {
    /// The same changes.
    Same,
    /// This version has seen every change of the other, and more.
    Newer,
    /// The other version has seen every change of this one, and more.
    Older,
    /// Each has changes the other has not seen: changed on both sides.
    Concurrent,
}

impl Changes {
    pub fn is_empty(&self) -> bool {
        self.counts.is_empty() && self.at == jiff::Timestamp::UNIX_EPOCH
    }

    /// Counts one more change by `by`, made at `now` (or just after the last change, should
    /// this laptop's clock be behind, so a later change always has the later time).
    pub fn bump(&mut self, by: ReplicaId, now: jiff::Timestamp) {
        *self.counts.entry(by).or_insert(0) += 1;
        let just_after = self
            .at
            .checked_add(jiff::SignedDuration::from_millis(1))
            .unwrap_or(self.at);
        self.at = now.max(just_after);
    }

    /// Every change either has seen, and the later time.
    pub fn join(&mut self, other: &Changes) {
        for (replica, count) in &other.counts {
            let mine = self.counts.entry(*replica).or_insert(0);
            *mine = (*mine).max(*count);
        }
        self.at = self.at.max(other.at);
    }

    /// Whether this version has seen every change of `other` (or the same ones).
    pub fn covers(&self, other: &Changes) -> bool {
        other
            .counts
            .iter()
            .all(|(replica, count)| self.counts.get(replica).is_some_and(|mine| mine >= count))
    }

    pub fn relation(&self, other: &Changes) -> Relation {
        match (self.covers(other), other.covers(self)) {
            (true, true) => Relation::Same,
            (true, false) => Relation::Newer,
            (false, true) => Relation::Older,
            (false, false) => Relation::Concurrent,
        }
    }

    /// Orders versions that neither has seen the other by time, then by who made them, so
    /// every laptop picks the same one.
    pub fn later(&self, other: &Changes) -> Ordering {
        self.at
            .cmp(&other.at)
            .then_with(|| self.counts.iter().cmp(other.counts.iter()))
    }

    fn to_text(&self) -> String {
        let mut text = self.at.to_string();
        for (replica, count) in &self.counts {
            text.push_str(&format!(" {replica}:{count}"));
        }
        text
    }

    fn from_text(text: &str) -> Option<Self> {
        let mut words = text.split_whitespace();
        let at = words.next()?.parse().ok()?;
        let mut counts = BTreeMap::new();
        for word in words {
            let (replica, count) = word.rsplit_once(':')?;
            counts.insert(ReplicaId::parse(replica)?, count.parse().ok()?);
        }
        Some(Self { at, counts })
    }
}

impl Serialize for Changes {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.to_text())
    }
}

impl<'de> Deserialize<'de> for Changes {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        Changes::from_text(&text).ok_or_else(|| {
            serde::de::Error::custom(format!(
                "expected changes like \"2026-12-02T10:04:31Z 3f2a…:4\", found {text:?}"
            ))
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_read_back_and_compare() {
        let (a, b) = (ReplicaId::from_u128(1), ReplicaId::from_u128(2));
        let now: jiff::Timestamp = "2026-12-02T10:00:00Z".parse().unwrap();
        let mut here = Changes::default();
        here.bump(a, now);
        let mut there = here.clone();
        assert_eq!(here.relation(&there), Relation::Same);
        there.bump(b, now);
        assert_eq!(there.relation(&here), Relation::Newer);
        assert!(there.at > here.at, "a later change has a later time");
        here.bump(a, now);
        assert_eq!(here.relation(&there), Relation::Concurrent);
        let text = here.to_text();
        assert_eq!(Changes::from_text(&text), Some(here.clone()));
        assert_eq!(Changes::from_text("yesterday"), None);
        here.join(&there);
        assert_eq!(here.relation(&there), Relation::Newer);
    }
}
