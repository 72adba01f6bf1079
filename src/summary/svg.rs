//! The overview as an inline SVG bar chart: one stacked bar per theme, split by category,
//! longest first. Plain SVG with a title and description, so screen readers announce it and it
//! prints sharply.

use super::report::Summary;
use super::words;
use super::xml::{push_escaped, push_num};
use crate::model::Category;

const WIDTH: usize = 800;
const LABEL_WIDTH: usize = 290;
const TOTAL_WIDTH: usize = 40;
const ROW: usize = 30;
const BAR: usize = 20;
const TOP: usize = 34;
/// Longer theme names are cut short in the label; the bar's tooltip has the whole name.
const LABEL_CHARS: usize = 34;

/// The chart, or `None` when there are no themes to chart.
pub fn chart(summary: &Summary) -> Option<String> {
    if summary.overview.is_empty() {
        return None;
    }
    let height = TOP + ROW * summary.overview.len() + 8;
    let max = (summary.overview.iter())
        .map(|t| t.counts.total())
        .max()
        .unwrap_or(0)
        .max(1);
    let scale = (WIDTH - LABEL_WIDTH - TOTAL_WIDTH) as f64 / max as f64;

    let mut out = String::with_capacity(600 + summary.overview.len() * 700);
    out.push_str(r#"<svg class="chart" xmlns="http://www.w3.org/2000/svg" role="img" aria-labelledby="chart-title chart-desc" width="100%" viewBox="0 0 "#);
    push_num(&mut out, WIDTH);
    out.push(' ');
    push_num(&mut out, height);
    out.push_str(r#"" font-family="system-ui, sans-serif" font-size="13">"#);
    out.push_str(
        r#"<title id="chart-title">Cards per theme, by category</title><desc id="chart-desc">"#,
    );
    let described: Vec<String> = (summary.overview.iter())
        .map(|t| format!("{}: {}", t.name, t.counts.total()))
        .collect();
    push_escaped(&mut out, &described.join("; "));
    out.push_str("</desc>");
    legend(&mut out);

    for (row, theme) in summary.overview.iter().enumerate() {
        let y = TOP + row * ROW;
        out.push_str(r#"<g class="bar"><title>"#);
        let parts: Vec<String> = (Category::ALL.iter())
            .map(|&c| format!("{} {}", c.label(), theme.counts.get(c)))
            .collect();
        push_escaped(&mut out, &format!("{}: {}", theme.name, parts.join(", ")));
        out.push_str("</title>");
        text(
            &mut out,
            LABEL_WIDTH - 8,
            y + BAR / 2 + 5,
            "end",
            &short(&theme.name),
        );
        let mut x = LABEL_WIDTH as f64;
        for category in Category::ALL {
            let n = theme.counts.get(category);
            if n == 0 {
                continue;
            }
            let w = n as f64 * scale;
            let _ = std::fmt::Write::write_fmt(
                &mut out,
                format_args!(
                    r#"<rect x="{x:.1}" y="{y}" width="{w:.1}" height="{BAR}" fill="{}"/>"#,
                    words::category_color(category).to_hex()
                ),
            );
            if w >= 18.0 {
                let cx = (x + w / 2.0).round() as usize;
                out.push_str(r##"<text fill="#fff" font-weight="600" text-anchor="middle" x=""##);
                push_num(&mut out, cx);
                out.push_str(r#"" y=""#);
                push_num(&mut out, y + BAR / 2 + 5);
                out.push_str(r#"">"#);
                push_num(&mut out, n);
                out.push_str("</text>");
            }
            x += w;
        }
        text(
            &mut out,
            x.round() as usize + 6,
            y + BAR / 2 + 5,
            "start",
            &theme.counts.total().to_string(),
        );
        out.push_str("</g>");
    }
    out.push_str("</svg>");
    Some(out)
}

fn legend(out: &mut String) {
    let mut x = LABEL_WIDTH;
    for category in Category::ALL {
        let _ = std::fmt::Write::write_fmt(
            out,
            format_args!(
                r#"<rect x="{x}" y="6" width="12" height="12" fill="{}"/>"#,
                words::category_color(category).to_hex()
            ),
        );
        text(out, x + 17, 16, "start", category.label());
        x += 30 + category.label().chars().count() * 7;
    }
}

fn text(out: &mut String, x: usize, y: usize, anchor: &str, content: &str) {
    let _ = std::fmt::Write::write_fmt(
        out,
        format_args!(r##"<text x="{x}" y="{y}" text-anchor="{anchor}" fill="#222">"##),
    );
    push_escaped(out, content);
    out.push_str("</text>");
}

/// The name on one line, cut to fit the label column.
fn short(name: &str) -> String {
    let flat: String = name.split_whitespace().collect::<Vec<_>>().join(" ");
    if flat.chars().count() <= LABEL_CHARS {
        return flat;
    }
    let cut: String = flat.chars().take(LABEL_CHARS - 1).collect();
    format!("{}…", cut.trim_end())
}
