//! `harvest merge IN... --output NEW.ron` and `--into EVENT.ron`: reads every input first,
//! and writes only when all of them read; the new file is never written over an existing
//! one, and a session merged into is replaced whole, only while this command holds its lock.

use super::{CliError, conflicts, counts, plural};
use crate::merge::{self, Report, Side, inputs};
use crate::model::Session;
use crate::store;
use std::path::{Path, PathBuf};

pub(super) fn run(
    inputs: &[PathBuf],
    output: Option<&Path>,
    into: Option<&Path>,
) -> Result<(), CliError> {
    if let Some(output) = output
        && output.exists()
    {
        return Err(already_exists(output));
    }
    let target = output.or(into).unwrap_or(Path::new("merged.ron"));
    let files = inputs::files_in(inputs, target).map_err(CliError)?;
    let mut sessions = Vec::with_capacity(files.len());
    for file in &files {
        sessions.push(store::load(file).map_err(|e| CliError(e.report()))?);
    }
    let names: Vec<String> = files.iter().map(|f| inputs::name_of(f)).collect();
    let mut sides: Vec<Side<'_>> = names
        .iter()
        .zip(&sessions)
        .map(|(name, session)| Side { name, session })
        .collect();
    match (output, into) {
        (Some(output), _) => {
            let (session, brought) = merged(&sides, output)?;
            let text = store::format::to_text(&session).map_err(|e| cannot_write(output, &e))?;
            store::write_new(output, text.as_bytes()).map_err(|e| {
                if e.kind() == std::io::ErrorKind::AlreadyExists {
                    already_exists(output)
                } else {
                    cannot_write(output, &store::io_message(&e))
                }
            })?;
            println!("{}", summary(output, &session, files.len(), &brought));
        }
        (None, Some(into)) => {
            // Held until written: no Harvest can open the session for writing meanwhile.
            let _lock = store::SessionLock::acquire(into).map_err(|e| CliError(e.to_string()))?;
            let existing = store::load(into).map_err(|e| CliError(e.report()))?;
            let name = inputs::name_of(into);
            sides.insert(
                0,
                Side {
                    name: &name,
                    session: &existing,
                },
            );
            let (session, brought) = merged(&sides, into)?;
            store::save(&session, into).map_err(|e| cannot_write(into, &e))?;
            println!("{}", summary(into, &session, files.len(), &brought));
        }
        (None, None) => {
            return Err(CliError(
                "say where to: --output NEW.ron or --into EVENT.ron".into(),
            ));
        }
    }
    Ok(())
}

/// The merged session, checked before anything is written, and what the files brought.
fn merged(sides: &[Side<'_>], target: &Path) -> Result<(Session, Report), CliError> {
    let (session, reports) = merge::merge_all(sides)
        .ok_or_else(|| CliError("nothing to merge: name session files or folders".into()))?;
    session.validate().map_err(|e| {
        CliError(format!(
            "{}: not written: the merged session does not hold together ({e})",
            target.display()
        ))
    })?;
    Ok((session, Report::total(&reports)))
}

/// "event.ron: 7 groups, 51 cards, 6 themes — merged 3 files, 1 conflict to resolve", and
/// anyone withdrawn in one file but changed in another.
fn summary(file: &Path, session: &Session, merged: usize, brought: &Report) -> String {
    let mut said = format!(
        "{} — merged {}{}",
        counts(file, session),
        plural(merged, "file"),
        conflicts(session)
    );
    if let Some(check) = brought.to_check() {
        said.push_str(&format!("; {check}"));
    }
    said
}

fn already_exists(path: &Path) -> CliError {
    CliError(format!(
        "{}: already exists; not overwritten (choose another --output, or merge into it with --into)",
        path.display()
    ))
}

fn cannot_write(path: &Path, why: &dyn std::fmt::Display) -> CliError {
    CliError(format!("{}: could not write: {why}", path.display()))
}
