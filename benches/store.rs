//! Opening and saving session files at workshop (100), event (1,000) and conference (10,000
//! card) size, with the RON parser's own speed on the same text as the floor.
//!
//! - `open`: `store::load`, the whole of opening a file: read, UTF-8 check, header, parse,
//!   validate.
//! - `from_text`: the same from text already in memory (no read).
//! - `ron_floor_struct`: ron deserialising the same file into the same `Session` struct, with
//!   no header pass and no validation: the floor the open target is measured against.
//! - `ron_floor_value`: ron parsing the same text into an untyped `ron::Value`, for comparison.
//! - `save`: `store::save`, serialise + atomic write (temp file, fsync, rename, fsync folder)
//!   into a temporary folder; `to_text` is the serialising part alone.
//! - `validate`: the invariant checks alone.
//!
//! Run with `cargo bench --bench store`.
#![allow(clippy::unwrap_used, clippy::expect_used)] // A bench that cannot set up should stop loudly.

mod common;

use harvest::model::Session;
use harvest::store;
use std::path::PathBuf;

fn main() {
    divan::main();
}

const SIZES: [usize; 3] = [100, 1_000, 10_000];

/// The file as ron sees it, without Harvest's header pass or validation.
#[derive(serde::Deserialize)]
struct FileIn {
    #[allow(dead_code)] // Only deserialised.
    session: Session,
}

fn session(cards: usize) -> Session {
    common::generate(&common::Spec::with_cards(cards))
}

fn text(cards: usize) -> String {
    store::format::to_text(&session(cards)).unwrap()
}

/// A session file in a temporary folder, kept as long as the folder.
fn file(cards: usize) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("session.ron");
    std::fs::write(&path, text(cards)).unwrap();
    (dir, path)
}

#[divan::bench(args = SIZES, sample_count = 20, sample_size = 1)]
fn open(bencher: divan::Bencher, cards: usize) {
    let (_dir, path) = file(cards);
    bencher.bench(|| store::load(divan::black_box(&path)).unwrap());
}

#[divan::bench(args = SIZES, sample_count = 20, sample_size = 1)]
fn from_text(bencher: divan::Bencher, cards: usize) {
    let text = text(cards);
    bencher.bench(|| store::format::from_text(divan::black_box(&text)).unwrap());
}

#[divan::bench(args = SIZES, sample_count = 20, sample_size = 1)]
fn ron_floor_struct(bencher: divan::Bencher, cards: usize) {
    let text = text(cards);
    bencher.bench(|| ron::from_str::<FileIn>(divan::black_box(&text)).unwrap());
}

#[divan::bench(args = SIZES, sample_count = 20, sample_size = 1)]
fn ron_floor_value(bencher: divan::Bencher, cards: usize) {
    let text = text(cards);
    bencher.bench(|| ron::from_str::<ron::Value>(divan::black_box(&text)).unwrap());
}

#[divan::bench(args = SIZES, sample_count = 20, sample_size = 1)]
fn validate(bencher: divan::Bencher, cards: usize) {
    let session = session(cards);
    bencher.bench(|| divan::black_box(&session).validate().unwrap());
}

#[divan::bench(args = SIZES, sample_count = 20, sample_size = 1)]
fn to_text(bencher: divan::Bencher, cards: usize) {
    let session = session(cards);
    bencher.bench(|| store::format::to_text(divan::black_box(&session)).unwrap());
}

#[divan::bench(args = SIZES, sample_count = 20, sample_size = 1)]
fn save(bencher: divan::Bencher, cards: usize) {
    let session = session(cards);
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("session.ron");
    bencher.bench(|| store::save(divan::black_box(&session), &path).unwrap());
}

/// What the UI thread pays to hand the saver a snapshot after an edit
/// (`HarvestApp::autosave` clones the session).
#[divan::bench(args = SIZES, sample_count = 20, sample_size = 1)]
fn snapshot_clone(bencher: divan::Bencher, cards: usize) {
    let session = session(cards);
    bencher.bench(|| divan::black_box(&session).clone());
}

/// `Card` is `#[serde(default)]` as a whole, so serde makes a `Card::default()` for every card
/// it reads, and that default draws a fresh UUID v7: this is what that costs per session.
#[divan::bench(args = SIZES, sample_count = 20, sample_size = 1)]
fn card_defaults(bencher: divan::Bencher, cards: usize) {
    bencher.bench(|| {
        for _ in 0..cards {
            divan::black_box(harvest::model::Card::default());
        }
    });
}
