//! The themed summary of a session: built once as plain data ([`Summary::build`]), then
//! rendered to Markdown, HTML, Word or CSV by [`render`]. The app's preview walks the same
//! [`Summary`], so the preview and every export agree.

mod build;
mod csv;
mod docx;
mod docx_chart;
mod html;
mod markdown;
mod report;
mod svg;
pub mod words;
mod xml;

pub use build::SummaryOptions;
pub use docx::DocxError;
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
