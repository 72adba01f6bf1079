//! ron's errors and the session's invariant errors, said in plain words at their place in the
//! file. ron speaks of its own grammar ("Expected option", "Non-whitespace trailing
//! characters"); a facilitator needs to know what is wrong and what to do.

use super::problem::{Position, Problem};
use crate::model::Invalid;

/// Turns ron's error into a problem at its place in the file, with a hint where one helps.
pub fn syntax(error: &ron::error::SpannedError, text: &str) -> Problem {
    let position = Position {
        line: error.span.start.line,
        col: error.span.start.col,
    };
    let at_start = position == first_non_space(text);
    // A file cut off in the middle of a field name or of text in quotes makes ron complain
    // about that token; what the user needs to hear is that the file stops there. Text in
    // quotes that is never closed always runs to the end of the file.
    let cut_off = matches!(error.code, ron::Error::Eof | ron::Error::ExpectedStringEnd)
        || reaches_the_end(error, text);
    let message = if at_start && !text.trim_start().starts_with('(') {
        "this is not a Harvest session: a session file starts with `(`".to_owned()
    } else if cut_off {
        match error.code {
            ron::Error::ExpectedStringEnd => "the file ends too early, inside text in quotes",
            _ => "the file ends too early",
        }
        .to_owned()
    } else {
        plain(&error.code)
    };
    let hint = match &error.code {
        _ if text.contains('\0') => Some("the file contains NUL bytes: it may be damaged"),
        _ if cut_off => {
            Some("it may have been cut off while copying or saving; restore a previous version")
        }
        ron::Error::ExceededRecursionLimit => {
            Some("this is not a session Harvest wrote; restore a previous version")
        }
        ron::Error::TrailingCharacters => {
            Some("remove what follows the session's last `)`, or restore a previous version")
        }
        _ if at_start => Some("open a file saved by Harvest (a .ron session file)"),
        _ => Some(
            "if you edited the file by hand, fix this line; otherwise restore a previous version",
        ),
    };
    let problem = Problem::new(message).at(position, text);
    match hint {
        Some(hint) => problem.hint(hint),
        None => problem,
    }
}

/// Whether the token ron stopped at runs to the end of the text (white space aside).
fn reaches_the_end(error: &ron::error::SpannedError, text: &str) -> bool {
    let content = text.trim_end();
    let last_line = content.rsplit('\n').next().unwrap_or_default();
    let end = (
        content.matches('\n').count() + 1,
        last_line.chars().count() + 1,
    );
    !content.is_empty() && (error.span.end.line, error.span.end.col) >= end
}

/// What a ron error means, in words a facilitator can act on.
fn plain(code: &ron::Error) -> String {
    use ron::Error::*;
    let words = match code {
        Eof => "the file ends too early",
        ExpectedArray => "expected a list here, starting with `[`",
        ExpectedArrayEnd => "a list is not closed here: expected `]`",
        ExpectedMap => "expected a table of values here, starting with `{`",
        ExpectedMapColon => "expected `:` here",
        ExpectedMapEnd => "a table of values is not closed here: expected `}`",
        ExpectedStructLike | ExpectedNamedStructLike(_) | ExpectedDifferentStructName { .. } => {
            "expected `(` here"
        }
        ExpectedStructLikeEnd | ExpectedOptionEnd => {
            "expected `)` here: something is missing or out of place"
        }
        ExpectedOption => "expected a value or `None` here",
        ExpectedComma => "expected a comma here",
        ExpectedBoolean => "expected `true` or `false` here",
        ExpectedInteger | IntegerOutOfBounds | InvalidIntegerDigit { .. } => {
            "expected a whole number here"
        }
        ExpectedFloat | FloatUnderscore => "expected a number here",
        ExpectedString | ExpectedChar => "expected text in double quotes here",
        ExpectedStringEnd => "text in quotes is not closed: expected `\"`",
        ExpectedIdentifier => "expected a field name here",
        ExpectedUnit => "expected `()` here",
        ExceededRecursionLimit => "the file nests far deeper than a session ever does",
        TrailingCharacters => "there is more text after the end of the session",
        UnclosedBlockComment | UnclosedLineComment => "a comment is not closed",
        UnexpectedChar(c) => return format!("unexpected character {c:?} here"),
        Message(message) if message.contains("UUID") => {
            return format!(
                "this is not a valid id ({message}); ids look like \
                 01a134b7-c830-7000-8000-000000000000"
            );
        }
        other => return lowercase_first(&other.to_string()),
    };
    words.to_owned()
}

fn lowercase_first(text: &str) -> String {
    let mut chars = text.chars();
    chars.next().map_or_else(String::new, |first| {
        first.to_lowercase().chain(chars).collect()
    })
}

/// A session that parsed but does not hold together, placed at the offending id.
pub fn invalid(error: &Invalid, text: &str) -> Problem {
    let (id, occurrence) = match error {
        Invalid::DuplicateId(id) => (id.clone(), 2),
        Invalid::MissingGroup { card, .. }
        | Invalid::MissingTheme { card, .. }
        | Invalid::MissingAnsweredCard { card, .. }
        | Invalid::RepeatedTheme { card, .. }
        | Invalid::AnswersFromNonIdea { card }
        | Invalid::AnswersNonProblem { card, .. }
        | Invalid::RepeatedAnswer { card, .. }
        | Invalid::NegativeVotes { card, .. } => (card.to_string(), 1),
    };
    let problem = Problem::new(format!("the session does not hold together: {error}"))
        .hint("if you edited the file by hand, fix this; otherwise restore a previous version");
    let needle = format!("id: \"{id}\"");
    match text.match_indices(&needle).nth(occurrence - 1) {
        Some((offset, _)) => problem.at(position_of(text, offset), text),
        None => problem,
    }
}

/// The line and column of a byte offset.
pub fn position_of(text: &str, offset: usize) -> Position {
    let before = &text[..offset];
    let line = before.matches('\n').count() + 1;
    let col = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    Position { line, col }
}

/// Where the first thing that is not white space is.
pub fn first_non_space(text: &str) -> Position {
    let offset = text.len() - text.trim_start().len();
    position_of(text, offset)
}
