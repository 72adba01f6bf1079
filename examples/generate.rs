//! Writes a realistic generated session, for trying Harvest at conference size and for
//! benchmarks:
//!
//! ```text
//! cargo run --release --example generate -- --groups 200 --cards 10000 --themes 40 --out big.ron
//! ```

#[path = "../benches/common/mod.rs"]
mod common;

use clap::Parser;
use std::path::PathBuf;
use std::process::ExitCode;

/// Write a generated workshop session (the same seed gives the same file).
#[derive(Parser)]
struct Args {
    /// Discussion groups (tables).
    #[arg(long, default_value_t = 200)]
    groups: usize,
    /// Cards, spread over the groups.
    #[arg(long, default_value_t = 10_000)]
    cards: usize,
    /// Themes made; most cards get one or more of them.
    #[arg(long, default_value_t = 40)]
    themes: usize,
    /// Share of cards given their themes (0 to 1); the rest are left for suggestions.
    #[arg(long, default_value_t = 0.88)]
    themed: f64,
    #[arg(long, default_value_t = common::DEFAULT_SEED)]
    seed: u64,
    /// Where to write the session.
    #[arg(long)]
    out: PathBuf,
}

fn main() -> ExitCode {
    let args = Args::parse();
    let spec = common::Spec {
        groups: args.groups,
        cards: args.cards,
        themes: args.themes,
        seed: args.seed,
        themed: args.themed.clamp(0.0, 1.0),
    };
    let session = common::generate(&spec);
    if let Err(error) = session.validate() {
        eprintln!("generated an invalid session: {error}");
        return ExitCode::FAILURE;
    }
    if let Err(error) = harvest::store::save(&session, &args.out) {
        eprintln!("{error}: {}", args.out.display());
        return ExitCode::FAILURE;
    }
    let themed = session
        .cards
        .iter()
        .filter(|c| !c.themes.is_empty())
        .count();
    let linked = session
        .cards
        .iter()
        .filter(|c| !c.answers.is_empty())
        .count();
    let bytes = std::fs::metadata(&args.out).map_or(0, |m| m.len());
    println!(
        "wrote {}: {} groups, {} cards ({themed} themed, {linked} answering others), {} themes, {:.1} MB",
        args.out.display(),
        session.groups.len(),
        session.cards.len(),
        session.themes.len(),
        bytes as f64 / 1e6
    );
    ExitCode::SUCCESS
}
