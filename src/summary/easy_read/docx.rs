//! The Easy Read report as a Word document, in the summary's package with its own large,
//! clear styles: each point a row of a borderless table, the theme's colour in a narrow
//! cell on the left, then the picture, then the words.

use super::super::docx::{Body, DOCUMENT_END, Media, media_id, package_with};
use super::super::xml::{push_escaped, push_num};
use super::{EasyRead, EasyTheme, Part, pictures, wording};
use crate::model::Category;
use crate::summary::DocxError;

const STYLES: &str = include_str!("styles.xml");

/// The start of `word/document.xml`, with the namespaces pictures need.
const DOCUMENT_START: &str = concat!(
    r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#,
    "\n",
    r#"<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main""#,
    r#" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships""#,
    r#" xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing""#,
    r#" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main""#,
    r#" xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture"><w:body>"#
);

/// Widths of the colour, picture and words columns, in twentieths of a point: together
/// the text width of an A4 page with the summary's margins.
const COLUMNS: [usize; 3] = [284, 1_560, 7_182];

/// The picture's side: 1.7 cm, in EMU.
const PICTURE_EMU: usize = 612_000;

/// Renders the whole document as the bytes of a .docx file.
pub fn render(report: &EasyRead) -> Result<Vec<u8>, DocxError> {
    let media: Vec<Media<'_>> = (Category::ALL.iter())
        .map(|&c| Media {
            name: pictures::file_name(c),
            png: pictures::png(c),
        })
        .collect();
    package_with(&wording::title(report), &document(report), STYLES, &media)
}

fn document(report: &EasyRead) -> String {
    let mut doc = Document {
        body: Body {
            out: String::with_capacity(8_192 + report.themes.len() * 16_384),
        },
        pictures: 0,
    };
    let body = &mut doc.body;
    body.out.push_str(DOCUMENT_START);
    body.paragraph("Title", &wording::title(report));
    body.heading(1, wording::ABOUT);
    for line in wording::about(report) {
        body.paragraph("Normal", &line);
    }
    if report.themes.is_empty() {
        body.paragraph("Normal", wording::NO_THEMES);
    }
    for theme in &report.themes {
        doc.theme(theme);
    }
    let body = &mut doc.body;
    match wording::left_out(report) {
        Some(sentence) => {
            body.heading(1, wording::LEFT_OUT);
            body.paragraph("Normal", &sentence);
        }
        // Word wants the body to end with a paragraph rather than a table.
        None => body.paragraph("Normal", ""),
    }
    body.out.push_str(DOCUMENT_END);
    doc.body.out
}

/// The body, and how many pictures it holds: each needs its own number.
struct Document {
    body: Body,
    pictures: usize,
}

impl Document {
    fn theme(&mut self, theme: &EasyTheme) {
        self.body.heading(1, &theme.heading);
        let fill = theme.color.to_hex();
        let fill = fill.trim_start_matches('#');
        for part in &theme.parts {
            self.body.heading(2, wording::part(part.category));
            self.table(part, fill);
        }
    }

    fn table(&mut self, part: &Part, fill: &str) {
        let out = &mut self.body.out;
        out.push_str(concat!(
            r#"<w:tbl><w:tblPr><w:tblStyle w:val="PointTable"/><w:tblW w:w="9026" w:type="dxa"/>"#,
            r#"<w:tblLayout w:type="fixed"/><w:tblLook w:val="0000" w:firstRow="0" w:lastRow="0" w:firstColumn="0" w:lastColumn="0" w:noHBand="1" w:noVBand="1"/></w:tblPr><w:tblGrid>"#
        ));
        for width in COLUMNS {
            out.push_str("<w:gridCol w:w=\"");
            push_num(out, width);
            out.push_str("\"/>");
        }
        out.push_str("</w:tblGrid>");
        for point in &part.points {
            self.row(part.category, &point.words, fill);
        }
        self.body.out.push_str("</w:tbl>");
    }

    /// One point: the theme's colour, the picture, the words.
    fn row(&mut self, category: Category, point: &str, fill: &str) {
        let out = &mut self.body.out;
        out.push_str("<w:tr><w:trPr><w:cantSplit/></w:trPr>");
        cell_open(out, COLUMNS[0], Some(fill));
        out.push_str("<w:p><w:pPr><w:pStyle w:val=\"Picture\"/></w:pPr></w:p></w:tc>");

        cell_open(out, COLUMNS[1], None);
        out.push_str("<w:p><w:pPr><w:pStyle w:val=\"Picture\"/></w:pPr>");
        self.pictures += 1;
        picture(out, self.pictures, category);
        out.push_str("</w:p></w:tc>");

        cell_open(out, COLUMNS[2], None);
        self.body.paragraph("Point", point);
        self.body.out.push_str("</w:tc></w:tr>");
    }
}

fn cell_open(out: &mut String, width: usize, fill: Option<&str>) {
    out.push_str("<w:tc><w:tcPr><w:tcW w:w=\"");
    push_num(out, width);
    out.push_str("\" w:type=\"dxa\"/>");
    if let Some(fill) = fill {
        out.push_str("<w:shd w:val=\"clear\" w:color=\"auto\" w:fill=\"");
        out.push_str(fill);
        out.push_str("\"/>");
    }
    out.push_str("<w:vAlign w:val=\"center\"/></w:tcPr>");
}

/// The category's picture inline, described for people who cannot see it.
fn picture(out: &mut String, number: usize, category: Category) {
    let describe = wording::picture(category);
    out.push_str("<w:r><w:drawing><wp:inline distT=\"0\" distB=\"0\" distL=\"0\" distR=\"0\">");
    extent(out, "wp:extent");
    out.push_str("<wp:docPr id=\"");
    push_num(out, number);
    out.push_str("\" name=\"Picture ");
    push_num(out, number);
    out.push_str("\" descr=\"");
    push_escaped(out, describe);
    out.push_str("\"/><wp:cNvGraphicFramePr><a:graphicFrameLocks noChangeAspect=\"1\"/>");
    out.push_str("</wp:cNvGraphicFramePr><a:graphic><a:graphicData uri=\"http://schemas.openxmlformats.org/drawingml/2006/picture\">");
    out.push_str("<pic:pic><pic:nvPicPr><pic:cNvPr id=\"");
    push_num(out, number);
    out.push_str("\" name=\"");
    out.push_str(pictures::file_name(category));
    out.push_str("\" descr=\"");
    push_escaped(out, describe);
    out.push_str("\"/><pic:cNvPicPr/></pic:nvPicPr><pic:blipFill><a:blip r:embed=\"");
    out.push_str(&media_id(category.index()));
    out.push_str("\"/><a:stretch><a:fillRect/></a:stretch></pic:blipFill>");
    out.push_str("<pic:spPr><a:xfrm><a:off x=\"0\" y=\"0\"/>");
    extent(out, "a:ext");
    out.push_str("</a:xfrm><a:prstGeom prst=\"rect\"><a:avLst/></a:prstGeom></pic:spPr>");
    out.push_str("</pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing></w:r>");
}

fn extent(out: &mut String, element: &str) {
    out.push('<');
    out.push_str(element);
    out.push_str(" cx=\"");
    push_num(out, PICTURE_EMU);
    out.push_str("\" cy=\"");
    push_num(out, PICTURE_EMU);
    out.push_str("\"/>");
}
