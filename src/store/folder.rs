//! What a folder holds, for Harvest's own file chooser: its subfolders and the files of one
//! kind, by name.

use super::load::io_message;
use std::path::{Path, PathBuf};

/// A folder's contents as the chooser lists them.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Listing {
    pub folders: Vec<String>,
    pub files: Vec<String>,
}

/// The subfolders of `dir` and its files ending in `.extension`, each sorted by name without
/// regard to case. Hidden entries (a leading dot: lock files, temporary files) are left out.
/// The error says what failed, the path last.
pub fn list(dir: &Path, extension: &str) -> Result<Listing, String> {
    let entries = std::fs::read_dir(dir).map_err(|error| {
        let reason = match error.kind() {
            std::io::ErrorKind::NotFound => "no such folder".to_owned(),
            _ => io_message(&error),
        };
        format!("{reason}: {}", dir.display())
    })?;
    let mut listing = Listing::default();
    for entry in entries.flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        if name.starts_with('.') {
            continue;
        }
        // Follows links, so a link to a folder is listed as one.
        let Ok(metadata) = std::fs::metadata(entry.path()) else {
            continue;
        };
        let wanted = Path::new(&name)
            .extension()
            .is_some_and(|e| e.eq_ignore_ascii_case(extension));
        if metadata.is_dir() {
            listing.folders.push(name);
        } else if metadata.is_file() && wanted {
            listing.files.push(name);
        }
    }
    for names in [&mut listing.folders, &mut listing.files] {
        names.sort_by_key(|name| name.to_lowercase());
    }
    Ok(listing)
}

/// Where a chooser starts: the folder of `file` when it has one, else the home folder.
pub fn starting_folder(file: &Path) -> PathBuf {
    let absolute = std::path::absolute(file).unwrap_or_else(|_| file.to_owned());
    absolute
        .parent()
        .filter(|dir| !dir.as_os_str().is_empty())
        .map(Path::to_owned)
        .or_else(|| directories::UserDirs::new().map(|d| d.home_dir().to_owned()))
        .unwrap_or_else(|| PathBuf::from("."))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folders_and_sessions_are_listed_by_name_and_the_rest_left_out() {
        let dir = tempfile::tempdir().unwrap();
        for name in ["b.ron", "A.RON", "notes.txt", ".a.ron.lock"] {
            std::fs::write(dir.path().join(name), "").unwrap();
        }
        std::fs::create_dir(dir.path().join("Zeta")).unwrap();
        std::fs::create_dir(dir.path().join("alpha")).unwrap();
        let listing = list(dir.path(), "ron").unwrap();
        assert_eq!(listing.folders, ["alpha", "Zeta"]);
        assert_eq!(listing.files, ["A.RON", "b.ron"]);
    }

    #[test]
    fn a_missing_folder_says_so_with_its_path() {
        let dir = tempfile::tempdir().unwrap();
        let gone = dir.path().join("gone");
        let error = list(&gone, "ron").unwrap_err();
        assert_eq!(error, format!("no such folder: {}", gone.display()));
    }
}
