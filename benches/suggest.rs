//! Theme suggestions at workshop, event and conference size.
//!
//! `mostly_themed`: forty themes, most cards already in them (the usual case: fit the rest).
//! `half_themed`: themes for half the topics, so the unthemed cards split between fitting
//! existing themes and new ones.
//! `no_themes`: nothing themed yet, so every card goes through clustering (the worst case).
//!
//! Run with `cargo bench --bench suggest`.

mod common;

use harvest::suggest;

fn main() {
    divan::main();
}

#[divan::bench(args = [100, 1_000, 10_000], sample_count = 10, sample_size = 1)]
fn mostly_themed(bencher: divan::Bencher, cards: usize) {
    let session = common::generate(&common::Spec::with_cards(cards));
    bencher.bench(|| suggest::suggest(divan::black_box(&session), &|_| true));
}

#[divan::bench(args = [100, 1_000, 10_000], sample_count = 10, sample_size = 1)]
fn no_themes(bencher: divan::Bencher, cards: usize) {
    let spec = common::Spec {
        themes: 0,
        themed: 0.0,
        ..common::Spec::with_cards(cards)
    };
    let session = common::generate(&spec);
    bencher.bench(|| suggest::suggest(divan::black_box(&session), &|_| true));
}

#[divan::bench(args = [100, 1_000, 10_000], sample_count = 10, sample_size = 1)]
fn half_themed(bencher: divan::Bencher, cards: usize) {
    let spec = common::Spec {
        themes: 10,
        ..common::Spec::with_cards(cards)
    };
    let session = common::generate(&spec);
    bencher.bench(|| suggest::suggest(divan::black_box(&session), &|_| true));
}
