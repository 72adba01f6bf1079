//! Merging an event's table files: 50 laptops, each started from one file and adding 200
//! cards of its own (10,000 cards in all), with one card edited on two of them.
//!
//! - `merge_all_tables`: [`merge::merge_all`] over the 50 sessions already in memory.
//! - `merge_one_into_event`: one table file merged into the 10,000-card event again.
//!
//! Run with `cargo bench --bench merge`.
#![allow(clippy::unwrap_used, clippy::expect_used)] // A bench that cannot set up should stop loudly.

mod common;

use harvest::merge::{self, Side};
use harvest::model::{CardId, ReplicaId, Session};

fn main() {
    divan::main();
}

const TABLES: usize = 50;
const CARDS_PER_TABLE: usize = 200;

/// Table files as the laptops leave them: the same groups and themes, cards of their own.
fn tables() -> Vec<(String, Session)> {
    let start = common::generate(&common::Spec::with_cards(CARDS_PER_TABLE));
    (0..TABLES)
        .map(|table| {
            let mut session = start.clone();
            let replica = ReplicaId::from_u128(table as u128 + 1);
            let now = jiff::Timestamp::now();
            for (n, card) in session.cards.iter_mut().enumerate() {
                // The first card is the start file's, edited on two laptops: one conflict.
                if n == 0 && table < 2 {
                    card.text = format!("Edited at table {table}");
                } else if n > 0 {
                    card.id = CardId::new();
                }
                card.changed.bump(replica, now);
            }
            (format!("table-{table}.ron"), session)
        })
        .collect()
}

fn sides(tables: &[(String, Session)]) -> Vec<Side<'_>> {
    tables
        .iter()
        .map(|(name, session)| Side { name, session })
        .collect()
}

#[divan::bench(sample_count = 10, sample_size = 1)]
fn merge_all_tables(bencher: divan::Bencher) {
    let tables = tables();
    let sides = sides(&tables);
    let (event, _) = merge::merge_all(&sides).unwrap();
    assert_eq!(event.cards.len(), TABLES * (CARDS_PER_TABLE - 1) + 1);
    assert_eq!(event.conflicts().count(), 1);
    bencher.bench(|| merge::merge_all(divan::black_box(&sides)).unwrap());
}

#[divan::bench(sample_count = 10, sample_size = 1)]
fn merge_one_into_event(bencher: divan::Bencher) {
    let tables = tables();
    let (event, _) = merge::merge_all(&sides(&tables)).unwrap();
    let (name, table) = &tables[TABLES - 1];
    bencher.bench(|| {
        merge::merge(
            Side {
                name: "event.ron",
                session: divan::black_box(&event),
            },
            Side {
                name,
                session: table,
            },
        )
    });
}
