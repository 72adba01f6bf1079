//! Which files in a folder are sessions to merge: every `.ron` file directly inside, except
//! what Harvest and sync tools write while they work. Conflict copies that sync tools leave
//! (`table-3.sync-conflict-20261202-101500-ABCDEFG.ron`, `table-3 (1).ron`) are sessions too.

use std::path::{Path, PathBuf};

/// The name a file is reported by: its file name.
pub fn name_of(path: &Path) -> String {
    path.file_name().map_or_else(
        || path.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    )
}

/// Whether a file with this name is a session to merge.
pub fn is_session_file(name: &str) -> bool {
    let lower = name.to_lowercase();
    let half_written = [
        ".tmp",
        ".part",
        ".partial",
        ".crdownload",
        ".download",
        ".swp",
    ];
    lower.ends_with(".ron")
        // Hidden: Harvest's locks, temporary files and backups, Syncthing's `.syncthing.*.tmp`.
        && !lower.starts_with('.')
        // Office-style lock and temporary files.
        && !lower.starts_with('~')
        && !half_written.iter().any(|end| lower.ends_with(end))
}

/// The session files directly inside `folder`, by name.
pub fn session_files(folder: &Path) -> std::io::Result<Vec<PathBuf>> {
    let mut files = Vec::new();
    for entry in std::fs::read_dir(folder)? {
        let entry = entry?;
        let name = entry.file_name();
        if is_session_file(&name.to_string_lossy()) && entry.path().is_file() {
            files.push(entry.path());
        }
    }
    files.sort();
    Ok(files)
}

/// Every input file: files as given, folders as the session files directly inside them.
/// The file being written (or merged into) is never one of them, and no file is read twice.
pub fn files_in(inputs: &[PathBuf], target: &Path) -> Result<Vec<PathBuf>, String> {
    let same = |a: &Path, b: &Path| match (a.canonicalize(), b.canonicalize()) {
        (Ok(a), Ok(b)) => a == b,
        _ => a == b,
    };
    let mut files: Vec<PathBuf> = Vec::new();
    for input in inputs {
        let found = if input.is_dir() {
            let inside = session_files(input).map_err(|e| {
                format!(
                    "{}: could not read the folder: {}",
                    input.display(),
                    crate::store::io_message(&e)
                )
            })?;
            let inside: Vec<PathBuf> = inside.into_iter().filter(|f| !same(f, target)).collect();
            if inside.is_empty() {
                return Err(format!(
                    "{}: no session files in this folder",
                    input.display()
                ));
            }
            inside
        } else {
            vec![input.clone()]
        };
        for file in found {
            if !files.iter().any(|f| same(f, &file)) {
                files.push(file);
            }
        }
    }
    Ok(files)
}

#[cfg(test)]
mod tests {
    use super::is_session_file;

    #[test]
    fn sessions_and_conflict_copies_count_and_work_files_do_not() {
        for name in [
            "table-3.ron",
            "Table 3.RON",
            "table-3.sync-conflict-20261202-101500-ABCDEFG.ron",
            "table-3 (1).ron",
        ] {
            assert!(is_session_file(name), "{name}");
        }
        for name in [
            ".table-3.ron.lock",
            ".table-3.ron.1234-1.tmp",
            ".syncthing.table-3.ron.tmp",
            "~table-3.ron",
            ".~lock.table-3.ron#",
            "table-3.ron.part",
            "notes.txt",
            "table-3.ron.tmp",
        ] {
            assert!(!is_session_file(name), "{name}");
        }
    }
}
