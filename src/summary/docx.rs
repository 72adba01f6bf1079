//! The summary as a Word document, written by hand as WordprocessingML in a zip: the smallest
//! package Word and LibreOffice both open, with real heading, quote and table styles so the
//! document can be restyled and its navigation pane works.

use super::report::{CardLists, CardView, Counts, Entry, GroupCards, Summary};
use super::words;
use super::xml::{push_escaped, push_num};
use crate::model::{Category, Rgb};
use std::io::Write;

const STYLES: &str = include_str!("docx_styles.xml");

const CONTENT_TYPES: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/><Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/></Types>"#;

const PACKAGE_RELS: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/></Relationships>"#;

const DOCUMENT_RELS: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>"#;

/// A4 with 2.5 cm margins leaves this much width, in twentieths of a point.
const TEXT_WIDTH: usize = 9_026;
/// Widths of the Good, Not so good, What would make a difference and Total columns: enough
/// for each heading to break only between words.
const NUMBER_COLUMNS: [usize; 4] = [1_000, 1_400, 2_000, 900];
const NAME_COLUMN: usize = TEXT_WIDTH - (1_000 + 1_400 + 2_000 + 900);

/// Why a Word document could not be put together.
#[derive(Debug, thiserror::Error)]
#[error("could not write the Word document: {0}")]
pub struct DocxError(#[from] zip::result::ZipError);

impl From<std::io::Error> for DocxError {
    fn from(error: std::io::Error) -> Self {
        DocxError(error.into())
    }
}

/// Renders the whole document as the bytes of a .docx file.
pub fn render(summary: &Summary) -> Result<Vec<u8>, DocxError> {
    package(&summary.header.title, &document(summary))
}

/// Zips a document body with the styles and parts every Harvest Word file shares.
pub(super) fn package(title: &str, document: &str) -> Result<Vec<u8>, DocxError> {
    package_with(title, document, STYLES, &[])
}

/// A picture inside a Word file: `word/media/NAME`, which the document refers to by
/// [`media_id`] of its position in the list given to [`package_with`].
pub(super) struct Media<'a> {
    pub(super) name: &'a str,
    pub(super) png: &'a [u8],
}

/// The relationship id the document uses for the `i`th picture given to [`package_with`].
pub(super) fn media_id(i: usize) -> String {
    format!("rIdMedia{}", i + 1)
}

/// [`package`] with its own styles and PNG pictures. Without pictures the package is the
/// same as ever, byte for byte.
pub(super) fn package_with(
    title: &str,
    document: &str,
    styles: &str,
    media: &[Media<'_>],
) -> Result<Vec<u8>, DocxError> {
    let core = core(title);
    let (content_types, document_rels) = if media.is_empty() {
        (CONTENT_TYPES.to_owned(), DOCUMENT_RELS.to_owned())
    } else {
        let types = CONTENT_TYPES.replacen(
            "<Default Extension=\"xml\"",
            "<Default Extension=\"png\" ContentType=\"image/png\"/><Default Extension=\"xml\"",
            1,
        );
        let mut rels = String::new();
        for (i, picture) in media.iter().enumerate() {
            rels.push_str("<Relationship Id=\"");
            rels.push_str(&media_id(i));
            rels.push_str("\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/image\" Target=\"media/");
            push_escaped(&mut rels, picture.name);
            rels.push_str("\"/>");
        }
        rels.push_str("</Relationships>");
        (types, DOCUMENT_RELS.replacen("</Relationships>", &rels, 1))
    };
    let mut parts: Vec<(String, &[u8])> = vec![
        ("[Content_Types].xml".into(), content_types.as_bytes()),
        ("_rels/.rels".into(), PACKAGE_RELS.as_bytes()),
        ("docProps/core.xml".into(), core.as_bytes()),
        (
            "word/_rels/document.xml.rels".into(),
            document_rels.as_bytes(),
        ),
        ("word/styles.xml".into(), styles.as_bytes()),
    ];
    for picture in media {
        parts.push((format!("word/media/{}", picture.name), picture.png));
    }
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::with_capacity(
        document.len() / 4 + 8192,
    )));
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
        // The fastest level: the XML still shrinks about tenfold, in a fraction of the time.
        .compression_level(Some(1));
    for (name, bytes) in parts {
        zip.start_file(name.as_str(), options)?;
        zip.write_all(bytes)?;
    }
    zip.start_file("word/document.xml", options)?;
    zip.write_all(document.as_bytes())?;
    Ok(zip.finish()?.into_inner())
}

/// The document's title and author, shown by Word and carried into PDFs.
fn core(title: &str) -> String {
    let mut out = String::from(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dc:title>"#,
    );
    push_escaped(&mut out, title);
    out.push_str("</dc:title><dc:creator>Harvest</dc:creator></cp:coreProperties>");
    out
}

/// The body, paragraph by paragraph.
pub(super) struct Body {
    pub(super) out: String,
}

/// The start of `word/document.xml`, up to the body's first paragraph.
pub(super) const DOCUMENT_START: &str = concat!(
    r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#,
    "\n",
    r#"<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>"#
);

/// The end of `word/document.xml`: A4 pages with the margins [`TEXT_WIDTH`] assumes.
pub(super) const DOCUMENT_END: &str = concat!(
    r#"<w:sectPr><w:pgSz w:w="11906" w:h="16838"/>"#,
    r#"<w:pgMar w:top="1417" w:right="1440" w:bottom="1417" w:left="1440" w:header="708" w:footer="708" w:gutter="0"/>"#,
    "</w:sectPr></w:body></w:document>"
);

fn document(summary: &Summary) -> String {
    let mut body = Body {
        out: String::with_capacity(16_384 + summary.groups.len() * 2_048),
    };
    body.out.push_str(DOCUMENT_START);
    header(&mut body, summary);
    overview(&mut body, summary);

    body.heading(1, words::THEMES);
    if summary.themes.is_empty() {
        body.paragraph("Note", "No themes yet.");
    }
    for theme in &summary.themes {
        body.theme_heading(&theme.name, theme.color);
        body.paragraph("Lead", &words::counts_sentence(theme.counts));
        if !theme.by_group.is_empty() {
            let rows = theme.by_group.iter().map(|r| (r.group.as_str(), r.counts));
            body.count_table("Group", rows, None);
        }
        card_lists(&mut body, &theme.cards, 3);
    }

    proposals(&mut body, summary);

    body.heading(1, words::UNTHEMED);
    if summary.unthemed.is_empty() {
        body.paragraph("Note", "Every card has a theme.");
    }
    card_lists(&mut body, &summary.unthemed, 2);

    if summary.appendix {
        body.heading(1, words::APPENDIX);
        for group in &summary.groups {
            appendix_group(&mut body, group);
        }
    }
    body.out.push_str(DOCUMENT_END);
    body.out
}

fn header(body: &mut Body, summary: &Summary) {
    let h = &summary.header;
    body.paragraph("Title", &h.title);
    for (label, value) in words::facts(h) {
        body.open_paragraph("Fact");
        body.run(&format!("{label}: "), "<w:b/>");
        body.run(&value, "");
        body.close_paragraph();
    }
    if !h.notes.trim().is_empty() {
        body.open_paragraph("Note");
        body.run(h.notes.trim(), "");
        body.close_paragraph();
    }
}

fn overview(body: &mut Body, summary: &Summary) {
    body.heading(1, words::OVERVIEW);
    body.out.push_str(&super::docx_chart::bars(summary));
    let rows = (summary.overview.iter()).map(|r| (r.name.as_str(), r.counts));
    let unthemed = [(words::UNTHEMED, summary.unthemed_counts())];
    body.count_table(
        "Theme",
        rows.chain(unthemed),
        Some(("All appearances", summary.appearances())),
    );
    body.paragraph("Note", words::COUNTING_NOTE);
}

fn card_lists(body: &mut Body, lists: &CardLists, level: u8) {
    for (category, entries) in lists.categories() {
        body.heading(level, category.label());
        for entry in entries {
            entry_paragraphs(body, entry);
        }
    }
}

fn entry_paragraphs(body: &mut Body, entry: &Entry) {
    body.card(&entry.card, "Quote", "CardMeta");
    for answer in &entry.answers {
        body.card(answer, "Answer", "AnswerMeta");
    }
}

fn proposals(body: &mut Body, summary: &Summary) {
    body.heading(1, words::PROPOSALS);
    if summary.proposals.is_empty() {
        body.paragraph("Note", "No proposals yet.");
    }
    for proposal in &summary.proposals {
        body.card(&proposal.card, "Quote", "CardMeta");
        if !proposal.card.themes.is_empty() {
            body.paragraph(
                "CardMeta",
                &format!("Themes: {}", proposal.card.themes.join(", ")),
            );
        }
        for answered in &proposal.answers {
            body.open_paragraph("CardMeta");
            body.run(&format!("Answers: {answered}"), "");
            body.close_paragraph();
        }
    }
}

fn appendix_group(body: &mut Body, group: &GroupCards) {
    body.heading(2, &group.name);
    let mut about = String::new();
    if group.participant_total > 0 {
        about = format!("{}. ", words::people(group.participant_total));
    }
    about.push_str(group.notes.trim());
    if !about.is_empty() {
        body.open_paragraph("Note");
        body.run(about.trim_end(), "");
        body.close_paragraph();
    }
    for category in Category::ALL {
        let cards = &group.by_category[category.index()];
        if cards.is_empty() {
            continue;
        }
        body.heading(3, category.label());
        for card in cards {
            body.card(card, "Quote", "CardMeta");
        }
    }
}

impl Body {
    pub(super) fn open_paragraph(&mut self, style: &str) {
        self.out.push_str("<w:p><w:pPr><w:pStyle w:val=\"");
        self.out.push_str(style);
        self.out.push_str("\"/></w:pPr>");
    }

    pub(super) fn close_paragraph(&mut self) {
        self.out.push_str("</w:p>");
    }

    /// A run of text with run properties (`<w:b/>` …), its line breaks kept as `<w:br/>`.
    pub(super) fn run(&mut self, text: &str, properties: &str) {
        self.out.push_str("<w:r>");
        if !properties.is_empty() {
            self.out.push_str("<w:rPr>");
            self.out.push_str(properties);
            self.out.push_str("</w:rPr>");
        }
        for (i, line) in text.split('\n').enumerate() {
            if i > 0 {
                self.out.push_str("<w:br/>");
            }
            self.out.push_str("<w:t xml:space=\"preserve\">");
            push_escaped(&mut self.out, line.strip_suffix('\r').unwrap_or(line));
            self.out.push_str("</w:t>");
        }
        self.out.push_str("</w:r>");
    }

    pub(super) fn paragraph(&mut self, style: &str, text: &str) {
        self.open_paragraph(style);
        self.run(text, "");
        self.close_paragraph();
    }

    pub(super) fn heading(&mut self, level: u8, text: &str) {
        self.open_paragraph(&format!("Heading{level}"));
        self.run(&flat(text), "");
        self.close_paragraph();
    }

    /// A theme's heading, with a square of its colour.
    pub(super) fn theme_heading(&mut self, name: &str, color: Rgb) {
        self.open_paragraph("Heading2");
        let hex = color.to_hex();
        self.run(
            "■ ",
            &format!("<w:color w:val=\"{}\"/>", hex.trim_start_matches('#')),
        );
        self.run(&flat(name), "");
        self.close_paragraph();
    }

    /// A card's words as a quote, then who said it.
    pub(super) fn card(&mut self, card: &CardView, quote_style: &str, meta_style: &str) {
        self.open_paragraph(quote_style);
        if quote_style == "Answer" {
            self.run("↳ ", "");
        }
        if card.starred {
            self.run("★ ", "<w:color w:val=\"B8860B\"/>");
        }
        self.run(&card.text, "");
        self.close_paragraph();
        self.paragraph(meta_style, &words::card_meta(card));
    }

    /// A table of counts per category with a header row and an optional bold total row.
    fn count_table<'a>(
        &mut self,
        first: &str,
        rows: impl Iterator<Item = (&'a str, Counts)>,
        total: Option<(&str, Counts)>,
    ) {
        self.out.push_str(concat!(
            r#"<w:tbl><w:tblPr><w:tblStyle w:val="CountTable"/><w:tblW w:w="0" w:type="auto"/>"#,
            r#"<w:tblLook w:val="04A0" w:firstRow="1" w:lastRow="0" w:firstColumn="1" w:lastColumn="0" w:noHBand="1" w:noVBand="1"/></w:tblPr><w:tblGrid>"#
        ));
        self.grid_col(NAME_COLUMN);
        for width in NUMBER_COLUMNS {
            self.grid_col(width);
        }
        self.out.push_str("</w:tblGrid>");

        self.out
            .push_str("<w:tr><w:trPr><w:tblHeader/><w:cantSplit/></w:trPr>");
        self.cell(first, NAME_COLUMN, false, true);
        for (category, width) in Category::ALL.into_iter().zip(NUMBER_COLUMNS) {
            self.cell(category.label(), width, true, true);
        }
        self.cell("Total", NUMBER_COLUMNS[3], true, true);
        self.out.push_str("</w:tr>");
        for (name, counts) in rows {
            self.count_row(name, counts, false);
        }
        if let Some((name, counts)) = total {
            self.count_row(name, counts, true);
        }
        self.out.push_str("</w:tbl>");
    }

    fn grid_col(&mut self, width: usize) {
        self.out.push_str("<w:gridCol w:w=\"");
        push_num(&mut self.out, width);
        self.out.push_str("\"/>");
    }

    fn count_row(&mut self, name: &str, counts: Counts, bold: bool) {
        self.out.push_str("<w:tr><w:trPr><w:cantSplit/></w:trPr>");
        self.cell(&flat(name), NAME_COLUMN, false, bold);
        for (n, width) in counts.0.into_iter().zip(NUMBER_COLUMNS) {
            self.cell(&n.to_string(), width, true, bold);
        }
        self.cell(&counts.total().to_string(), NUMBER_COLUMNS[3], true, true);
        self.out.push_str("</w:tr>");
    }

    fn cell(&mut self, text: &str, width: usize, right: bool, bold: bool) {
        self.out.push_str("<w:tc><w:tcPr><w:tcW w:w=\"");
        push_num(&mut self.out, width);
        self.out
            .push_str("\" w:type=\"dxa\"/></w:tcPr><w:p><w:pPr><w:pStyle w:val=\"TableText\"/>");
        if right {
            self.out.push_str("<w:jc w:val=\"right\"/>");
        }
        self.out.push_str("</w:pPr>");
        self.run(text, if bold { "<w:b/>" } else { "" });
        self.out.push_str("</w:p></w:tc>");
    }
}

/// Text on one line, for headings and table cells.
fn flat(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}
