//! Exporting the themed summary (`summary::export`: build the summary, then render) in each
//! format, at 100, 1,000 and 10,000 cards, with the export dialog's default options (no
//! appendix) and with the appendix of every card.
//!
//! Also redaction and the Easy Read build, which the Personal details and Easy words screens
//! redo after each change. Run with `cargo bench --bench export`.
#![allow(clippy::unwrap_used, clippy::expect_used)] // A bench that cannot set up should stop loudly.

mod common;

use harvest::summary::{self, Format, Summary, SummaryOptions};

fn main() {
    divan::main();
}

const SIZES: [usize; 3] = [100, 1_000, 10_000];

fn export(bencher: divan::Bencher, cards: usize, format: Format, appendix: bool) {
    let session = common::generate(&common::Spec::with_cards(cards));
    let options = SummaryOptions { appendix };
    bencher.bench(|| summary::export(divan::black_box(&session), &options, format).unwrap());
}

#[divan::bench(args = SIZES, sample_count = 20, sample_size = 1)]
fn markdown(bencher: divan::Bencher, cards: usize) {
    export(bencher, cards, Format::Markdown, false);
}

#[divan::bench(args = SIZES, sample_count = 20, sample_size = 1)]
fn csv(bencher: divan::Bencher, cards: usize) {
    export(bencher, cards, Format::Csv, false);
}

#[divan::bench(args = SIZES, sample_count = 20, sample_size = 1)]
fn html(bencher: divan::Bencher, cards: usize) {
    export(bencher, cards, Format::Html, false);
}

#[divan::bench(args = SIZES, sample_count = 20, sample_size = 1)]
fn docx(bencher: divan::Bencher, cards: usize) {
    export(bencher, cards, Format::Docx, false);
}

/// Every format with the appendix listing every card by group: the largest output.
#[divan::bench(args = [Format::Markdown, Format::Csv, Format::Html, Format::Docx], sample_count = 10, sample_size = 1)]
fn with_appendix_10k(bencher: divan::Bencher, format: Format) {
    export(bencher, 10_000, format, true);
}

/// Building the summary alone (what every format shares, and what the preview shows).
#[divan::bench(args = SIZES, sample_count = 20, sample_size = 1)]
fn build(bencher: divan::Bencher, cards: usize) {
    let session = common::generate(&common::Spec::with_cards(cards));
    let options = SummaryOptions::default();
    bencher.bench(|| Summary::build(divan::black_box(&session), &options));
}

/// Finding and taking out personal details (what a redacted export adds, and what the
/// Personal details screen rebuilds after each change).
#[divan::bench(args = SIZES, sample_count = 20, sample_size = 1)]
fn redact(bencher: divan::Bencher, cards: usize) {
    let session = common::generate(&common::Spec::with_cards(cards));
    bencher.bench(|| harvest::redact::redact(divan::black_box(&session)));
}

/// Building the Easy Read report (what the Easy words screen rebuilds after each change).
#[divan::bench(args = SIZES, sample_count = 20, sample_size = 1)]
fn easy_read_build(bencher: divan::Bencher, cards: usize) {
    let session = common::generate(&common::Spec::with_cards(cards));
    bencher.bench(|| summary::easy_read::EasyRead::build(divan::black_box(&session)));
}
