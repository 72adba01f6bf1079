//! The session file: pretty-printed RON with a header naming the format and its version.
//!
//! ```ron
//! (
//!     format: "harvest-session",
//!     version: 2,
//!     session: ( details: ( title: "…", … ), groups: [ … ], themes: [ … ], cards: [ … ],
//!                deleted: ( cards: { "…": "…" } ) ),
//! )
//! ```
//!
//! Versions:
//! - 1: details, groups, themes and cards.
//! - 2: adds what merging sessions captured apart needs: `changed` on each group, theme,
//!   card and details field, `made_as` on groups and themes, `others` and `version_from` (a
//!   card's conflicting versions, and the file of the one shown), `answers_as_made` (an
//!   idea's links, when some wait for a card that is not here) and `deleted` (deletion
//!   markers). A version 1 file reads as a version 2 one
//!   in which nothing has changed since and nothing was deleted; every new field has a
//!   default, so no other step is needed. Saved again, it is written as version 2.

use super::messages::{first_non_space, invalid, syntax};
use super::problem::Problem;
use crate::model::Session;
use serde::{Deserialize, Serialize};

/// What the `format` field of every session file says.
pub const FORMAT: &str = "harvest-session";
/// The newest version this build reads and the one it writes.
pub const VERSION: u32 = 2;

/// Nesting deeper than any real session needs; deeper input is refused before it can exhaust
/// the stack.
const RECURSION_LIMIT: usize = 64;

#[derive(Serialize)]
struct FileOut<'a> {
    format: &'a str,
    version: u32,
    session: &'a Session,
}

/// Only the header, read first so a file of another kind or version gets the right message.
/// A missing field reads as empty or zero, and gets its own message.
#[derive(Default, Deserialize)]
#[serde(default)]
struct Header {
    format: String,
    version: u32,
}

#[derive(Deserialize)]
struct FileIn {
    session: Session,
}

/// A whole file with every field present, for reading a current file in one pass.
#[derive(Deserialize)]
struct FileWhole {
    format: String,
    version: u32,
    session: Session,
}

/// Mends what an older Harvest could write but edits no longer allow (see
/// [`Session::repair`]), and logs each change.
fn repaired(session: &mut Session) -> &Session {
    for repair in session.repair() {
        log::warn!("mended while reading: {repair}");
    }
    session
}

fn options() -> ron::Options {
    ron::Options::default().with_recursion_limit(RECURSION_LIMIT)
}

/// Writes a session as the text of a session file. The same session always gives the same bytes.
pub fn to_text(session: &Session) -> Result<String, ron::Error> {
    let pretty = ron::ser::PrettyConfig::new()
        .indentor("    ")
        .struct_names(false)
        .new_line("\n");
    let mut text = options().to_string_pretty(
        &FileOut {
            format: FORMAT,
            version: VERSION,
            session,
        },
        pretty,
    )?;
    text.push('\n');
    Ok(text)
}

/// A session read from text, and the version its file said it was.
#[derive(Debug)]
pub struct Parsed {
    pub session: Session,
    pub version: u32,
}

/// Why text is not a session this build can open.
#[derive(Debug)]
pub enum ParseError {
    /// The text is broken or not a session file.
    Bad(Problem),
    /// A session file from a newer Harvest. `readable` holds what could be read of it, for
    /// showing read-only; it is None when even that failed.
    Newer {
        version: u32,
        readable: Option<Box<Session>>,
    },
}

/// Reads the text of a session file and checks the session's invariants.
pub fn from_text(text: &str) -> Result<Parsed, ParseError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if text.trim().is_empty() {
        return Err(ParseError::Bad(Problem::new("the file is empty").hint(
            "a session file starts with `(format: \"harvest-session\", …`; \
             restore a previous version or open another file",
        )));
    }
    if text.trim_start().starts_with(['{', '[']) {
        return Err(ParseError::Bad(
            Problem::new("this looks like JSON, not a Harvest session (RON)")
                .at(first_non_space(text), text)
                .hint("to bring in cards from a spreadsheet, use `harvest import CARDS.csv`"),
        ));
    }
    // The usual case, a current file, in one pass: reading the header on its own means
    // parsing the whole text, so it is left for anything else, which then gets the same
    // messages as before.
    if let Ok(mut file) = options().from_str::<FileWhole>(text)
        && file.format == FORMAT
        && file.version == VERSION
        && repaired(&mut file.session).validate().is_ok()
    {
        return Ok(Parsed {
            session: file.session,
            version: file.version,
        });
    }
    let header: Header = options()
        .from_str(text)
        .map_err(|e| ParseError::Bad(syntax(&e, text)))?;
    match header.format.as_str() {
        FORMAT => {}
        "" => {
            return Err(ParseError::Bad(
                Problem::new("the file has no `format` field, so it is not a Harvest session")
                    .hint(
                        "a session file starts with `(format: \"harvest-session\", version: 2, …`",
                    ),
            ));
        }
        other => {
            return Err(ParseError::Bad(Problem::new(format!(
                "this is a {other:?} file, not a Harvest session (format \"{FORMAT}\")"
            ))));
        }
    }
    let version = header.version;
    if version > VERSION {
        let readable = options()
            .from_str::<FileIn>(text)
            .ok()
            .map(|f| Box::new(f.session));
        return Err(ParseError::Newer { version, readable });
    }
    if version == 0 {
        return Err(ParseError::Bad(
            Problem::new("the file has no `version` field (or version 0)")
                .hint("a session file starts with `(format: \"harvest-session\", version: 2, …`"),
        ));
    }
    let mut file: FileIn = options()
        .from_str(text)
        .map_err(|e| ParseError::Bad(syntax(&e, text)))?;
    repaired(&mut file.session)
        .validate()
        .map_err(|e| ParseError::Bad(invalid(&e, text)))?;
    Ok(Parsed {
        session: file.session,
        version,
    })
}
