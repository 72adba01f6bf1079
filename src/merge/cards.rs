//! One card seen by several laptops: every version nobody has built on yet is kept, the
//! latest stays the card and the rest are its other versions, a conflict to resolve.
//!
//! This is a multi-value register: a version goes only when another version has seen all its
//! changes, or a deletion marker has. So the result depends only on which versions exist,
//! never on the order files are merged in.

use crate::model::{Card, Changes, OtherVersion};
use std::cmp::Ordering;

/// One version of a card, and the file it was read from.
#[derive(Clone, Debug)]
pub(super) struct Version {
    pub from: String,
    pub card: Card,
}

/// Every version of a card a session holds: the card itself and its other versions, each
/// with its links as made (whether their cards are here or not), so a version reads the same
/// whichever files it has passed through.
pub(super) fn versions_of(card: &Card, from: &str) -> Vec<Version> {
    let mut shown = card.clone();
    let others = std::mem::take(&mut shown.others);
    let from = match std::mem::take(&mut shown.version_from) {
        named if !named.is_empty() => named,
        _ => from.to_owned(),
    };
    let mut versions = vec![Version {
        from,
        card: as_made(shown),
    }];
    versions.extend(others.into_iter().map(|other| Version {
        from: other.from,
        card: as_made(other.card),
    }));
    versions
}

fn as_made(mut card: Card) -> Card {
    if !card.answers_as_made.is_empty() {
        card.answers = std::mem::take(&mut card.answers_as_made);
    }
    card
}

/// The card that the versions make, or None when a deletion has seen every one of them.
pub(super) fn settle(mut versions: Vec<Version>, deleted: Option<&Changes>) -> Option<Card> {
    if let Some(deleted) = deleted {
        versions.retain(|v| !deleted.covers(&v.card.changed));
    }
    let mut kept: Vec<Version> = Vec::with_capacity(versions.len());
    for version in versions {
        add(&mut kept, version);
    }
    kept.sort_by(|a, b| latest_first(&a.card, &b.card));
    let mut kept = kept.into_iter();
    let shown = kept.next()?;
    let mut card = shown.card;
    card.others = kept
        .map(|v| OtherVersion {
            from: v.from,
            card: v.card,
        })
        .collect();
    if !card.others.is_empty() {
        card.version_from = shown.from;
    }
    Some(card)
}

/// Adds a version to a set in which no version has seen another's changes.
fn add(kept: &mut Vec<Version>, mut version: Version) {
    // Seen by a version already there (or the same one): nothing new.
    if let Some(there) = kept.iter_mut().find(|k| {
        k.card.changed.covers(&version.card.changed)
            && (k.card.changed != version.card.changed || k.card.same_content(&version.card))
    }) {
        if there.card.changed == version.card.changed && version.from < there.from {
            there.from = version.from;
        }
        return;
    }
    kept.retain(|k| {
        let seen =
            version.card.changed.covers(&k.card.changed) && k.card.changed != version.card.changed;
        !seen
    });
    // Changed at the same time into the same words: one version that has seen both.
    if let Some(at) = kept.iter().position(|k| k.card.same_content(&version.card)) {
        let twin = kept.swap_remove(at);
        version.card.changed.join(&twin.card.changed);
        version.from = version.from.min(twin.from);
        return add(kept, version);
    }
    kept.push(version);
}

/// The later change first; a tie goes the same way on every laptop.
fn latest_first(a: &Card, b: &Card) -> Ordering {
    b.changed
        .later(&a.changed)
        .then_with(|| b.content_key().cmp(&a.content_key()))
}
