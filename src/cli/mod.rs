//! The command line: `harvest [FILE]` opens the app; subcommands check, export, import and
//! merge files.
//!
//! Exit codes: 0 done, 1 bad input or a file that could not be read or written, 2 bad usage
//! (clap's own errors, such as a Word export without `--output`).

mod actions;
mod merge;
mod redactions;
mod volunteers;

use crate::store;
use crate::summary::words::plural;
use crate::summary::{self, Format, SummaryOptions};
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

    /// Follow this shared folder from the start: every table file saved there is merged into
    /// the session (as File → Follow a shared folder… does).
    #[arg(long, value_name = "FOLDER")]
    pub follow: Option<PathBuf>,

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
    /// Render a session's themed summary as Markdown, HTML, Word or CSV.
    Export {
        /// The session file.
        file: PathBuf,
        /// Output format.
        #[arg(long, short, value_enum)]
        format: ExportFormat,
        /// Where to write it; standard output when left out (not for docx). Replaced whole,
        /// never left half-written.
        #[arg(long, short, required_if_eq("format", "docx"))]
        output: Option<PathBuf>,
        /// End with an appendix of every card by group.
        #[arg(long)]
        appendix: bool,
        /// Which report: the themed summary, the "You said, we did" follow-up (per theme
        /// what was said and what is being done; not as csv), or Easy Read (html or docx).
        #[arg(long, value_enum, default_value_t = ExportReport::Summary)]
        report: ExportReport,
        /// Take personal details out: the placeholders accepted in the app, and every other
        /// email, phone number and known name (`harvest redactions` lists them). The session
        /// itself is never changed.
        #[arg(long)]
        redact: bool,
    },
    /// List the personal details a redacted export takes out (where, what kind, the words,
    /// what replaces them and why), and the possible names left to review. Never writes.
    Redactions {
        /// The session file.
        file: PathBuf,
        /// The log as CSV, to keep apart from the published report.
        #[arg(long)]
        csv: bool,
    },
    /// Make a new session from a spreadsheet of cards (CSV with a header row
    /// `group,category,text,themes`; themes separated by `;`).
    Import {
        /// The CSV file.
        file: PathBuf,
        /// The new session file; never overwritten if it exists.
        #[arg(long, short)]
        output: PathBuf,
    },
    /// Merge sessions captured apart (one laptop per table) into one event: every card once,
    /// deletions kept, a card changed on two laptops kept in both versions to resolve.
    Merge {
        /// Session files, or folders: every session file directly inside (sync tools'
        /// temporary files skipped, their conflict copies included).
        #[arg(required = true)]
        inputs: Vec<PathBuf>,
        /// The new session file; never overwritten if it exists.
        #[arg(long, short, required_unless_present = "into", conflicts_with = "into")]
        output: Option<PathBuf>,
        /// An existing session to merge the inputs into instead, replaced whole, and only
        /// while no other Harvest has it open.
        #[arg(long)]
        into: Option<PathBuf>,
    },
    /// Print the volunteer register (who signed up, their status, who contacts them, the next
    /// contact), export it for a mail merge, or add a sign-up sheet to it.
    Volunteers {
        /// The session file.
        file: PathBuf,
        /// Only the people overdue for a call.
        #[arg(long, conflicts_with = "import")]
        overdue: bool,
        /// The register as CSV with every contact detail, for a mail merge.
        #[arg(long, conflicts_with = "import")]
        csv: bool,
        /// Add the people on a sign-up sheet (CSV with a header row
        /// `name,email,phone,for,group,signed_up,consent,notes`; `for` options separated by
        /// `;`). All or nothing, and only while no other Harvest has the session open.
        #[arg(long, value_name = "SIGNUPS.csv")]
        import: Option<PathBuf>,
    },
    /// Print the actions taken on themes and ideas, export them as CSV, or add an action plan.
    Actions {
        /// The session file.
        file: PathBuf,
        /// The actions as CSV, in the columns `--import` reads.
        #[arg(long, conflicts_with = "import")]
        csv: bool,
        /// Add the actions on a sheet (CSV with a header row
        /// `theme,idea,action,owner,due,status,reason,update`; `theme` or `idea` on each row).
        /// All or nothing, and only while no other Harvest has the session open.
        #[arg(long, value_name = "ACTIONS.csv")]
        import: Option<PathBuf>,
    },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ExportFormat {
    /// Markdown (CommonMark with tables).
    Md,
    /// One self-contained web page, with a chart; prints cleanly to PDF.
    Html,
    /// A Word document.
    Docx,
    /// One row per card, for spreadsheets.
    Csv,
}

/// The reports `harvest export` makes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ExportReport {
    /// The themed summary, with every card.
    Summary,
    /// "You said, we did": per theme, what was said and what is being done about it.
    FollowUp,
    /// Easy Read: per theme a few points in plain words, a picture beside each (html or docx).
    EasyRead,
}

impl From<ExportFormat> for Format {
    fn from(format: ExportFormat) -> Self {
        match format {
            ExportFormat::Md => Format::Markdown,
            ExportFormat::Html => Format::Html,
            ExportFormat::Docx => Format::Docx,
            ExportFormat::Csv => Format::Csv,
        }
    }
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
            appendix,
            report,
            redact,
        } => export(
            &file,
            format,
            output.as_deref(),
            Reporting {
                report,
                appendix,
                redact,
            },
        ),
        Command::Redactions { file, csv } => redactions::run(&file, csv),
        Command::Import { file, output } => import(&file, &output),
        Command::Merge {
            inputs,
            output,
            into,
        } => merge::run(&inputs, output.as_deref(), into.as_deref()),
        Command::Volunteers {
            file,
            overdue,
            csv,
            import,
        } => volunteers::run(&file, overdue, csv, import.as_deref()),
        Command::Actions { file, csv, import } => actions::run(&file, csv, import.as_deref()),
    }
}

fn check(file: &Path) -> Result<(), CliError> {
    let session = store::load(file).map_err(|e| CliError(e.report()))?;
    println!("{}", contents(file, &session));
    Ok(())
}

/// "FILE: 6 groups, 48 cards, 5 themes", and ", 1 conflict to resolve" when there are any.
fn contents(file: &Path, session: &crate::model::Session) -> String {
    counts(file, session) + &conflicts(session)
}

/// "FILE: 6 groups, 48 cards, 5 themes".
fn counts(file: &Path, session: &crate::model::Session) -> String {
    format!(
        "{}: {}, {}, {}",
        file.display(),
        plural(session.groups.len(), "group"),
        plural(session.cards.len(), "card"),
        plural(session.themes.len(), "theme"),
    )
}

/// ", 2 conflicts to resolve", or nothing when there are none.
fn conflicts(session: &crate::model::Session) -> String {
    match session.conflicts().count() {
        0 => String::new(),
        n => format!(", {} to resolve", plural(n, "conflict")),
    }
}

/// What `harvest export` is asked for besides the file and format.
struct Reporting {
    report: ExportReport,
    appendix: bool,
    redact: bool,
}

/// A report refused in a format (the follow-up as CSV, Easy Read as Markdown or CSV) fails as
/// clap fails bad usage, with exit status 2, before the session is even read.
fn export(
    file: &Path,
    format: ExportFormat,
    output: Option<&Path>,
    asked: Reporting,
) -> Result<(), CliError> {
    if let Some(refusal) = refused(asked.report, format) {
        use clap::CommandFactory;
        Cli::command()
            .error(clap::error::ErrorKind::ArgumentConflict, refusal)
            .exit();
    }
    let mut session = store::load(file).map_err(|e| CliError(e.report()))?;
    if asked.redact {
        let redacted = crate::redact::redact(&session);
        eprintln!("{}: {}", file.display(), redacted.totals());
        session = redacted.session;
    }
    let failed = |e: &dyn std::fmt::Display| CliError(format!("{}: {e}", file.display()));
    let bytes = match asked.report {
        ExportReport::FollowUp => {
            let as_of = volunteers::today()?;
            summary::export_follow_up(&session, as_of, format.into()).map_err(|e| failed(&e))?
        }
        ExportReport::EasyRead => {
            summary::export_easy_read(&session, format.into()).map_err(|e| failed(&e))?
        }
        ExportReport::Summary => {
            let options = SummaryOptions {
                appendix: asked.appendix,
            };
            summary::export(&session, &options, format.into()).map_err(|e| failed(&e))?
        }
    };
    write_output(&bytes, output)
}

/// Why a report cannot be written in a format, if it cannot.
fn refused(report: ExportReport, format: ExportFormat) -> Option<&'static str> {
    match (report, format) {
        (ExportReport::FollowUp, ExportFormat::Csv) => Some(
            "the follow-up report is not a spreadsheet: '--report follow-up' cannot be used \
             with '--format csv' (use md, html or docx)",
        ),
        (ExportReport::EasyRead, ExportFormat::Md | ExportFormat::Csv) => Some(
            "the Easy Read report has a picture beside each point: '--report easy-read' is \
             written as '--format html' or '--format docx'",
        ),
        _ => None,
    }
}

fn import(file: &Path, output: &Path) -> Result<(), CliError> {
    let exists = |path: &Path| {
        CliError(format!(
            "{}: already exists; not overwritten (choose another --output)",
            path.display()
        ))
    };
    if output.exists() {
        return Err(exists(output));
    }
    let bytes = std::fs::read(file).map_err(|e| {
        let why = match e.kind() {
            std::io::ErrorKind::IsADirectory => "this is a folder, not a CSV file".to_owned(),
            _ => store::io_message(&e),
        };
        CliError(format!("{}: could not read: {why}", file.display()))
    })?;
    let title = file.file_stem().map_or_else(
        || "Imported cards".to_owned(),
        |s| s.to_string_lossy().into_owned(),
    );
    let session = crate::import::session_from_csv(&bytes, &title)
        .map_err(|e| CliError(format!("{}:{e}", file.display())))?;
    let text = store::format::to_text(&session)
        .map_err(|e| CliError(format!("{}: could not write: {e}", output.display())))?;
    store::write_new(output, text.as_bytes()).map_err(|e| {
        if e.kind() == std::io::ErrorKind::AlreadyExists {
            exists(output)
        } else {
            CliError(format!(
                "{}: could not write: {}",
                output.display(),
                store::io_message(&e)
            ))
        }
    })?;
    eprintln!("{}", contents(output, &session));
    Ok(())
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
