//! Escaping for XML and HTML text and attributes, shared by the HTML and Word renderers.

use std::fmt::Write;

/// Appends `text` escaped for use in element content or a double-quoted attribute.
/// Characters XML cannot hold at all (most control characters) become U+FFFD so the document
/// stays well-formed. Runs of ordinary text are copied whole: this is the exports' inner loop.
pub fn push_escaped(out: &mut String, text: &str) {
    let mut start = 0;
    for (i, c) in text.char_indices() {
        let replacement = match c {
            '&' => "&amp;",
            '<' => "&lt;",
            '>' => "&gt;",
            '"' => "&quot;",
            '\'' => "&#39;",
            '\r' => "&#13;",
            '\t' | '\n' => continue,
            c if allowed(c) => continue,
            _ => "\u{fffd}",
        };
        out.push_str(&text[start..i]);
        out.push_str(replacement);
        start = i + c.len_utf8();
    }
    out.push_str(&text[start..]);
}

/// `text` escaped, as a new string.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    push_escaped(&mut out, text);
    out
}

/// Whether XML 1.0 allows the character (tab, newline and return are handled above).
fn allowed(c: char) -> bool {
    !matches!(c, '\u{0}'..='\u{1f}' | '\u{7f}'..='\u{9f}' | '\u{fffe}' | '\u{ffff}')
}

/// Appends a formatted number without allocating.
pub fn push_num(out: &mut String, n: impl std::fmt::Display) {
    let _ = write!(out, "{n}");
}
