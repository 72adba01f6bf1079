//! The command line: `harvest [FILE]` opens the app; subcommands check and export files.

use crate::store;
use clap::{Parser, Subcommand, ValueEnum};
use std::io::Write;
use std::path::{Path, PathBuf};

/// Capture workshop feedback as cards, group it into themes, and export a themed summary.
#[derive(Debug, Parser)]
#[command(name = "harvest", version, args_conflicts_with_subcommands = true)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Command>,

    /// Session file to open; created when it does not exist yet. Without it, the most recent
    /// session opens.
    pub file: Option<PathBuf>,

    /// Exit after this many painted frames (for timing start-up).
    #[arg(long, hide = true)]
    pub exit_after_frames: Option<u64>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Check that a session file is valid, and count what is in it. Never writes to the file.
    Check {
        /// The session file.
        file: PathBuf,
    },
    /// Render a session's summary.
    Export {
        /// The session file.
        file: PathBuf,
        /// Output format.
        #[arg(long, short, value_enum)]
        format: ExportFormat,
        /// Where to write it; standard output when left out.
        #[arg(long, short)]
        output: Option<PathBuf>,
    },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ExportFormat {
    /// Markdown.
    Md,
}

/// A failure to report on standard error; the process exits with status 1.
#[derive(Debug)]
pub struct CliError(pub String);

impl<E: std::fmt::Display> From<E> for CliError {
    fn from(error: E) -> Self {
        CliError(error.to_string())
    }
}

/// Runs a subcommand.
pub fn run(command: Command) -> Result<(), CliError> {
    match command {
        Command::Check { file } => check(&file),
        Command::Export {
            file,
            format,
            output,
        } => export(&file, format, output.as_deref()),
    }
}

fn check(file: &Path) -> Result<(), CliError> {
    let session = store::load(file).map_err(|e| CliError(e.report()))?;
    let plural = |n: usize, word: &str| format!("{n} {word}{}", if n == 1 { "" } else { "s" });
    println!(
        "{}: {}, {}, {}",
        file.display(),
        plural(session.groups.len(), "group"),
        plural(session.cards.len(), "card"),
        plural(session.themes.len(), "theme"),
    );
    Ok(())
}

fn export(file: &Path, format: ExportFormat, output: Option<&Path>) -> Result<(), CliError> {
    let session = store::load(file).map_err(|e| CliError(e.report()))?;
    let text = match format {
        ExportFormat::Md => crate::summary::cards_markdown(&session),
    };
    write_output(text.as_bytes(), output)
}

/// Writes to `output` atomically, or to standard output.
fn write_output(bytes: &[u8], output: Option<&Path>) -> Result<(), CliError> {
    match output {
        Some(path) => store::write_atomically(path, bytes).map_err(|e| {
            CliError(format!(
                "{}: could not write: {}",
                path.display(),
                store::io_message(&e)
            ))
        }),
        None => {
            let mut stdout = std::io::stdout().lock();
            stdout.write_all(bytes).and_then(|()| stdout.flush())?;
            Ok(())
        }
    }
}
