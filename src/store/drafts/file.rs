//! The drafts file of one session: where it lives, what it holds, reading it back and writing
//! it whole or removing it.
//!
//! ```ron
//! (
//!     format: "harvest-drafts",
//!     version: 1,
//!     session: "/home/amira/Workshops/Personal budgets.ron",
//!     drafts: {
//!         "01a134b7-c830-7000-8000-000000000001": "Words typed but not yet added",
//!     },
//! )
//! ```

use super::Drafts;
use crate::model::GroupId;
use crate::store::disk::Disk;
use crate::store::load::io_message;
use crate::store::save::{folder_of, write_atomically_on};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::io::Read;
use std::path::{Path, PathBuf};

/// What the `format` field of every drafts file says.
const FORMAT: &str = "harvest-drafts";
const VERSION: u32 = 1;
/// Far more than card boxes ever hold; a bigger file is not a drafts file.
const SIZE_LIMIT: u64 = 16 * 1024 * 1024;
const RECURSION_LIMIT: usize = 16;

#[derive(Serialize, Deserialize)]
struct DraftFile {
    format: String,
    version: u32,
    /// The session the words were typed for, for a person reading the file and as a check.
    session: PathBuf,
    #[serde(default)]
    drafts: BTreeMap<GroupId, String>,
}

/// A drafts file that could not be read back, and where it was put so nothing overwrites it.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{reason}: {path}")]
pub struct DraftError {
    pub reason: String,
    /// The unreadable file, moved aside; or where it still is, if it could not be moved.
    pub path: PathBuf,
    /// Whether it was moved aside, so new drafts can be written without losing it.
    pub moved: bool,
}

/// The file in `folder` holding the drafts of the session at `session`: named after the
/// session, with a hash of its full path so two sessions of the same name never share one.
pub fn draft_file(folder: &Path, session: &Path) -> PathBuf {
    let session = canonical(session);
    let stem: String = session
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default()
        .chars()
        .map(|c| match c {
            c if c.is_alphanumeric() || matches!(c, ' ' | '-' | '_') => c,
            _ => '_',
        })
        .take(48)
        .collect();
    let hash = fnv1a(session.as_os_str().as_encoded_bytes());
    folder.join(format!("{stem}-{hash:016x}.ron"))
}

/// The session's path with links and `..` resolved, so every way of naming it finds one file.
fn canonical(session: &Path) -> PathBuf {
    std::fs::canonicalize(session)
        .or_else(|_| std::path::absolute(session))
        .unwrap_or_else(|_| session.to_owned())
}

/// FNV-1a: tiny, and the same on every build and platform, unlike `std`'s hasher.
fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |hash, &byte| {
        (hash ^ u64::from(byte)).wrapping_mul(0x0000_0100_0000_01b3)
    })
}

/// Reads the drafts kept in `file` for `session`: none if there is no file. A file that
/// cannot be read is moved aside, never deleted, and the error says where it went.
pub fn load(disk: &dyn Disk, file: &Path, session: &Path) -> Result<Drafts, DraftError> {
    let reason = match read(file, session) {
        Ok(drafts) => return Ok(drafts),
        Err(Unread::Missing) => return Ok(Drafts::default()),
        Err(Unread::Bad(reason)) => reason,
    };
    let aside = file.with_extension(format!(
        "damaged-{}.ron",
        jiff::Timestamp::now().as_second()
    ));
    match disk.rename(file, &aside) {
        Ok(()) => Err(DraftError {
            reason,
            path: aside,
            moved: true,
        }),
        Err(error) => {
            log::warn!("could not move aside {}: {error}", file.display());
            Err(DraftError {
                reason,
                path: file.to_owned(),
                moved: false,
            })
        }
    }
}

enum Unread {
    Missing,
    Bad(String),
}

fn read(file: &Path, session: &Path) -> Result<Drafts, Unread> {
    let opened = std::fs::File::open(file).map_err(|error| match error.kind() {
        std::io::ErrorKind::NotFound => Unread::Missing,
        _ => Unread::Bad(io_message(&error)),
    })?;
    let mut bytes = Vec::new();
    opened
        .take(SIZE_LIMIT + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| Unread::Bad(io_message(&e)))?;
    if bytes.len() as u64 > SIZE_LIMIT {
        return Err(Unread::Bad("the file is far too big to be drafts".into()));
    }
    let text = String::from_utf8(bytes)
        .map_err(|_| Unread::Bad("the file is not UTF-8 text: it is damaged".into()))?;
    let parsed: DraftFile = options().from_str(&text).map_err(|e| {
        Unread::Bad(format!(
            "line {}, column {}: {}",
            e.span.start.line, e.span.start.col, e.code
        ))
    })?;
    if parsed.format != FORMAT || parsed.version != VERSION {
        return Err(Unread::Bad(format!(
            "not a drafts file Harvest can read (format {:?}, version {})",
            parsed.format, parsed.version
        )));
    }
    if canonical(&parsed.session) != canonical(session) {
        return Err(Unread::Bad(format!(
            "the drafts of another session ({})",
            parsed.session.display()
        )));
    }
    Ok(Drafts::from_map(parsed.drafts))
}

fn options() -> ron::Options {
    ron::Options::default().with_recursion_limit(RECURSION_LIMIT)
}

/// Writes the drafts to `file` whole (the old version stays until the new one is complete), or
/// removes the file when there are none.
pub fn write(disk: &dyn Disk, file: &Path, session: &Path, drafts: &Drafts) -> std::io::Result<()> {
    if drafts.is_empty() {
        return match disk.remove_file(file) {
            Err(error) if error.kind() == std::io::ErrorKind::NotFound => Ok(()),
            result => result,
        };
    }
    let contents = DraftFile {
        format: FORMAT.to_owned(),
        version: VERSION,
        session: canonical(session),
        drafts: drafts.as_map().clone(),
    };
    let pretty = ron::ser::PrettyConfig::new()
        .indentor("    ")
        .struct_names(false)
        .new_line("\n");
    let text = options()
        .to_string_pretty(&contents, pretty)
        .map_err(std::io::Error::other)?;
    std::fs::create_dir_all(folder_of(file))?;
    write_atomically_on(disk, file, format!("{text}\n").as_bytes())
}
