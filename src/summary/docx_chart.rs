//! The overview's bar chart for Word: a table whose middle column holds runs of no-break
//! spaces shaded by category. Plain text and run shading, so it opens everywhere, prints, and
//! survives copying into another document, unlike an embedded chart part.

use super::report::Summary;
use super::words;
use super::xml::{push_escaped, push_num};
use crate::model::Category;

/// The longest bar, in no-break spaces (about a quarter of an em each).
const LONGEST: usize = 70;
/// Name, bar and total columns: together the page's text width.
const WIDTHS: [usize; 3] = [3_300, 5_126, 600];

/// The chart table's XML, or nothing when there are no themes.
pub fn bars(summary: &Summary) -> String {
    if summary.overview.is_empty() {
        return String::new();
    }
    let max = (summary.overview.iter())
        .map(|t| t.counts.total())
        .max()
        .unwrap_or(0)
        .max(1);
    let mut out = String::with_capacity(1_024 + summary.overview.len() * 600);
    out.push_str(concat!(
        r#"<w:tbl><w:tblPr><w:tblW w:w="9026" w:type="dxa"/><w:tblLayout w:type="fixed"/>"#,
        r#"<w:tblCellMar><w:left w:w="60" w:type="dxa"/><w:right w:w="60" w:type="dxa"/></w:tblCellMar>"#,
        r#"<w:tblLook w:val="0000"/></w:tblPr><w:tblGrid>"#
    ));
    for width in WIDTHS {
        out.push_str("<w:gridCol w:w=\"");
        push_num(&mut out, width);
        out.push_str("\"/>");
    }
    out.push_str("</w:tblGrid>");

    // The legend, as the first row.
    row_start(&mut out);
    cell(&mut out, WIDTHS[0], 1, false, |_| {});
    cell(&mut out, WIDTHS[1] + WIDTHS[2], 2, false, |out| {
        for category in Category::ALL {
            run(out, "\u{a0}\u{a0}\u{a0}", Some(category));
            run(out, &format!(" {}  ", category.label()), None);
        }
    });
    out.push_str("</w:tr>");

    for theme in &summary.overview {
        row_start(&mut out);
        let name: Vec<&str> = theme.name.split_whitespace().collect();
        cell(&mut out, WIDTHS[0], 1, true, |out| {
            run(out, &name.join(" "), None);
        });
        cell(&mut out, WIDTHS[1], 1, false, |out| {
            for category in Category::ALL {
                let n = theme.counts.get(category);
                if n > 0 {
                    // Never empty, so a category that was mentioned never vanishes.
                    let length = (n * LONGEST).div_ceil(max).max(2);
                    run(out, &"\u{a0}".repeat(length), Some(category));
                }
            }
        });
        cell(&mut out, WIDTHS[2], 1, false, |out| {
            run(out, &theme.counts.total().to_string(), None);
        });
        out.push_str("</w:tr>");
    }
    // Word joins a table to the next one unless a paragraph stands between them.
    out.push_str("</w:tbl><w:p><w:pPr><w:pStyle w:val=\"ChartText\"/></w:pPr></w:p>");
    out
}

fn row_start(out: &mut String) {
    out.push_str("<w:tr><w:trPr><w:cantSplit/></w:trPr>");
}

/// A cell `span` grid columns wide.
fn cell(
    out: &mut String,
    width: usize,
    span: usize,
    right: bool,
    content: impl FnOnce(&mut String),
) {
    out.push_str("<w:tc><w:tcPr><w:tcW w:w=\"");
    push_num(out, width);
    out.push_str("\" w:type=\"dxa\"/>");
    if span > 1 {
        out.push_str("<w:gridSpan w:val=\"");
        push_num(out, span);
        out.push_str("\"/>");
    }
    out.push_str(
        "<w:vAlign w:val=\"center\"/></w:tcPr><w:p><w:pPr><w:pStyle w:val=\"ChartText\"/>",
    );
    if right {
        out.push_str("<w:jc w:val=\"right\"/>");
    }
    out.push_str("</w:pPr>");
    content(out);
    out.push_str("</w:p></w:tc>");
}

/// A run, shaded in the category's colour when given.
fn run(out: &mut String, text: &str, category: Option<Category>) {
    out.push_str("<w:r>");
    if let Some(category) = category {
        let hex = words::category_color(category).to_hex();
        out.push_str("<w:rPr><w:shd w:val=\"clear\" w:color=\"auto\" w:fill=\"");
        out.push_str(hex.trim_start_matches('#'));
        out.push_str("\"/></w:rPr>");
    }
    out.push_str("<w:t xml:space=\"preserve\">");
    push_escaped(out, text);
    out.push_str("</w:t></w:r>");
}
