//! The themed summary of a session: built once as plain data ([`Summary::build`]), then
//! rendered to Markdown, HTML, Word or CSV by [`render`]. The app's preview walks the same
//! [`Summary`], so the preview and every export agree.

mod build;
mod csv;
mod docx;
mod docx_chart;
pub mod easy_read;
pub mod follow_up;
mod html;
mod markdown;
mod report;
mod svg;
pub mod words;
mod xml;

pub use build::SummaryOptions;
pub use docx::DocxError;
pub use easy_read::EasyRead;
pub use follow_up::FollowUp;
pub use report::{
    CardLists, CardView, Counts, Entry, GroupCards, GroupCounts, Header, Proposal, Summary,
    ThemeCounts, ThemeSection,
};
pub use words::category_color;

/// A file format the summary can be exported as.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Format {
    Markdown,
    Html,
    Docx,
    Csv,
}

impl Format {
    pub const ALL: [Format; 4] = [Format::Markdown, Format::Html, Format::Docx, Format::Csv];

    /// The file name extension, without the dot.
    pub fn extension(self) -> &'static str {
        match self {
            Format::Markdown => "md",
            Format::Html => "html",
            Format::Docx => "docx",
            Format::Csv => "csv",
        }
    }

    /// The name people see in the export dialog.
    pub fn label(self) -> &'static str {
        match self {
            Format::Markdown => "Markdown",
            Format::Html => "Web page (HTML)",
            Format::Docx => "Word document (DOCX)",
            Format::Csv => "Spreadsheet (CSV)",
        }
    }

    /// Whether the output is text that can go to a terminal.
    pub fn is_text(self) -> bool {
        self != Format::Docx
    }
}

/// Renders a summary in a format: the one entry point for the CLI and the app's export.
/// Only the Word format can fail, and only if the zip library does.
pub fn render(format: Format, summary: &Summary) -> Result<Vec<u8>, DocxError> {
    Ok(match format {
        Format::Markdown => markdown::render(summary).into_bytes(),
        Format::Html => html::render(summary).into_bytes(),
        Format::Docx => docx::render(summary)?,
        Format::Csv => csv::render(summary).into_bytes(),
    })
}

/// Builds and renders in one step.
pub fn export(
    session: &crate::model::Session,
    options: &SummaryOptions,
    format: Format,
) -> Result<Vec<u8>, DocxError> {
    render(format, &Summary::build(session, options))
}

/// Which report to export: the themed summary, the "You said, we did" follow-up, or the
/// Easy Read version of what people said.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Report {
    #[default]
    Summary,
    FollowUp,
    EasyRead,
}

impl Report {
    pub const ALL: [Report; 3] = [Report::Summary, Report::FollowUp, Report::EasyRead];

    /// The name people see in the export dialog.
    pub fn label(self) -> &'static str {
        match self {
            Report::Summary => "Summary",
            Report::FollowUp => "“You said, we did” follow-up",
            Report::EasyRead => "Easy Read",
        }
    }

    /// Whether the report can be written in a format: the follow-up is a document, not rows;
    /// Easy Read is a page or a Word document, with pictures.
    pub fn offers(self, format: Format) -> bool {
        match self {
            Report::Summary => true,
            Report::FollowUp => format != Format::Csv,
            Report::EasyRead => matches!(format, Format::Html | Format::Docx),
        }
    }

    /// What goes after the session's title in a suggested file name: "", "-follow-up",
    /// "-easy-read".
    /// How a sentence names it: "Exported the follow-up to …".
    pub fn name(self) -> &'static str {
        match self {
            Report::Summary => "the summary",
            Report::FollowUp => "the follow-up",
            Report::EasyRead => "the Easy Read report",
        }
    }

    pub fn file_suffix(self) -> &'static str {
        match self {
            Report::Summary => "",
            Report::FollowUp => "-follow-up",
            Report::EasyRead => "-easy-read",
        }
    }
}

/// Why a follow-up could not be rendered.
#[derive(Debug, thiserror::Error)]
pub enum FollowUpError {
    #[error("the follow-up report cannot be a spreadsheet (CSV); choose Markdown, HTML or Word")]
    NotAFormat,
    #[error(transparent)]
    Docx(#[from] DocxError),
}

/// Renders a follow-up in a format: the one entry point for the CLI and the app's export.
pub fn render_follow_up(format: Format, follow_up: &FollowUp) -> Result<Vec<u8>, FollowUpError> {
    match follow_up::render(format, follow_up) {
        Some(bytes) => Ok(bytes?),
        None => Err(FollowUpError::NotAFormat),
    }
}

/// Builds and renders the follow-up in one step, as of the day given.
pub fn export_follow_up(
    session: &crate::model::Session,
    as_of: jiff::civil::Date,
    format: Format,
) -> Result<Vec<u8>, FollowUpError> {
    let summary = Summary::build(session, &SummaryOptions::default());
    render_follow_up(format, &FollowUp::build(session, &summary, as_of))
}

/// Why an Easy Read report could not be rendered.
#[derive(Debug, thiserror::Error)]
pub enum EasyReadError {
    #[error("the Easy Read report is a web page or a Word document; choose html or docx")]
    NotAFormat,
    #[error(transparent)]
    Docx(#[from] DocxError),
}

/// Builds and renders the Easy Read report in one step: the one entry point for the CLI and
/// the app's export.
pub fn export_easy_read(
    session: &crate::model::Session,
    format: Format,
) -> Result<Vec<u8>, EasyReadError> {
    match easy_read::render(format, &EasyRead::build(session)) {
        Some(bytes) => Ok(bytes?),
        None => Err(EasyReadError::NotAFormat),
    }
}

/// Why a report could not be rendered.
#[derive(Debug, thiserror::Error)]
pub enum ReportError {
    #[error(transparent)]
    Docx(#[from] DocxError),
    #[error(transparent)]
    FollowUp(#[from] FollowUpError),
    #[error(transparent)]
    EasyRead(#[from] EasyReadError),
}

/// Builds and renders any report: the follow-up is dated `as_of`, and only the summary
/// takes `options`.
pub fn export_report(
    session: &crate::model::Session,
    report: Report,
    format: Format,
    options: &SummaryOptions,
    as_of: jiff::civil::Date,
) -> Result<Vec<u8>, ReportError> {
    Ok(match report {
        Report::Summary => export(session, options, format)?,
        Report::FollowUp => export_follow_up(session, as_of, format)?,
        Report::EasyRead => export_easy_read(session, format)?,
    })
}
