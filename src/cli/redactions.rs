//! `harvest redactions FILE`: every personal detail found in what a redacted export shows,
//! what becomes of it and why; `--csv` writes that log for keeping apart from the report.
//! Never writes to the session.

use super::CliError;
use super::volunteers::print;
use crate::redact::{Outcome, Replacement};
use crate::store;
use std::path::Path;

pub(super) fn run(file: &Path, csv: bool) -> Result<(), CliError> {
    let session = store::load(file).map_err(|e| CliError(e.report()))?;
    let redacted = crate::redact::redact(&session);
    if csv {
        return print(&log_csv(&redacted.log)?);
    }
    let mut out = String::new();
    for line in &redacted.log {
        out.push_str(&describe(line));
    }
    out.push_str(&format!("{}: {}\n", file.display(), redacted.totals()));
    print(out.as_bytes())
}

/// `Table 1, Good: name "Pat" → [name] (part of the name of volunteer Pat Jones)`, then the
/// text it is in.
fn describe(line: &Replacement) -> String {
    let becomes = match &line.outcome {
        Outcome::Replaced(with) => format!("→ {with}"),
        Outcome::Kept => "kept as typed (dismissed)".to_owned(),
        Outcome::ToReview => "kept until accepted (to review)".to_owned(),
    };
    format!(
        "{}: {} \"{}\" {becomes} ({})\n    {}\n",
        line.place.describe(),
        line.kind.label(),
        line.words,
        line.why,
        line.text.replace('\n', " "),
    )
}

fn log_csv(log: &[Replacement]) -> Result<Vec<u8>, CliError> {
    let mut writer = csv::Writer::from_writer(Vec::new());
    writer.write_record([
        "where",
        "kind",
        "words",
        "outcome",
        "replaced_with",
        "why",
        "text",
    ])?;
    for line in log {
        let (outcome, with) = match &line.outcome {
            Outcome::Replaced(with) => ("replaced", with.as_str()),
            Outcome::Kept => ("dismissed", ""),
            Outcome::ToReview => ("to review", ""),
        };
        writer.write_record([
            line.place.describe().as_str(),
            line.kind.label(),
            &line.words,
            outcome,
            with,
            &line.why,
            &line.text,
        ])?;
    }
    writer
        .into_inner()
        .map_err(|e| CliError(format!("could not write the log: {e}")))
}
