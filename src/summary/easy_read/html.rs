//! The Easy Read report as one self-contained web page: large clear text, and every point
//! with its picture on the left and its words on the right.

use super::super::xml::push_escaped;
use super::{EasyRead, pictures, wording};

/// Large sans-serif text, generous spacing, dark on light; the theme's colour as a bar
/// beside each point (set per theme as `--theme`).
const STYLE: &str = "\
html { background: #ffffff; font-size: 20px; }
body { margin: 0; color: #1f2328; background: #ffffff; font-family: Arial, Helvetica, \
\"Liberation Sans\", sans-serif; font-size: 20px; line-height: 1.6; }
main { max-width: 44rem; margin: 0 auto; padding: 1.5rem 1.25rem 3rem; }
h1 { font-size: 2.1rem; line-height: 1.3; margin: 0 0 1.5rem; }
h2 { font-size: 1.7rem; line-height: 1.3; margin: 2.75rem 0 1rem; padding-left: 0.75rem; \
border-left: 0.6rem solid var(--theme, #1f2328); }
h3 { font-size: 1.35rem; line-height: 1.35; margin: 1.75rem 0 0.75rem; }
ul { list-style: none; margin: 0; padding: 0; }
.about li { margin: 0 0 0.6rem; }
.point { display: grid; grid-template-columns: 5rem 1fr; gap: 1.25rem; align-items: center; \
margin: 0 0 1rem; padding: 0.6rem 0.75rem; border-left: 0.6rem solid var(--theme, #1f2328); \
background: #f6f7f8; border-radius: 0.25rem; }
.point svg { display: block; width: 4.5rem; height: 4.5rem; }
.point p { margin: 0; }
@media print { html, body { font-size: 16pt; } .point { break-inside: avoid; } h2, h3 { break-after: avoid; } }
";

/// Renders the whole page.
pub fn render(report: &EasyRead) -> String {
    let title = wording::title(report);
    let mut out = String::with_capacity(STYLE.len() + 4096 + report.themes.len() * 6144);
    out.push_str("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\"/>\n");
    out.push_str("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n");
    out.push_str("<meta name=\"generator\" content=\"Harvest\"/>\n<title>");
    push_escaped(&mut out, &title);
    out.push_str(" (Easy Read)</title>\n<style>\n");
    out.push_str(STYLE);
    out.push_str("</style>\n</head>\n<body>\n<main>\n<h1>");
    push_escaped(&mut out, &title);
    out.push_str("</h1>\n");

    out.push_str("<section>\n<h2>");
    out.push_str(wording::ABOUT);
    out.push_str("</h2>\n<ul class=\"about\">\n");
    for line in wording::about(report) {
        out.push_str("<li>");
        push_escaped(&mut out, &line);
        out.push_str("</li>\n");
    }
    out.push_str("</ul>\n</section>\n");

    if report.themes.is_empty() {
        out.push_str("<p>");
        out.push_str(wording::NO_THEMES);
        out.push_str("</p>\n");
    }
    for theme in &report.themes {
        out.push_str("<section class=\"theme\" style=\"--theme: ");
        out.push_str(&theme.color.to_hex());
        out.push_str("\">\n<h2>");
        push_escaped(&mut out, &theme.heading);
        out.push_str("</h2>\n");
        for part in &theme.parts {
            out.push_str("<h3>");
            out.push_str(wording::part(part.category));
            out.push_str("</h3>\n<ul class=\"points\">\n");
            for point in &part.points {
                out.push_str("<li class=\"point\">");
                out.push_str(pictures::svg(part.category).trim_end());
                out.push_str("<p>");
                push_escaped(&mut out, &point.words);
                out.push_str("</p></li>\n");
            }
            out.push_str("</ul>\n");
        }
        out.push_str("</section>\n");
    }

    if let Some(sentence) = wording::left_out(report) {
        out.push_str("<section class=\"left-out\">\n<h2>");
        out.push_str(wording::LEFT_OUT);
        out.push_str("</h2>\n<p>");
        push_escaped(&mut out, &sentence);
        out.push_str("</p>\n</section>\n");
    }
    out.push_str("</main>\n</body>\n</html>\n");
    out
}
