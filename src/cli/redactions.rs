//! `harvest redactions FILE`: every personal detail found in what a redacted export shows,
//! what becomes of it and why; `--csv` writes that log for keeping apart from the report.
//! Never writes to the session.

use super::volunteers::print;
use super::{CliError, plural};
use crate::redact::{Outcome, Redacted, Replacement};
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
    out.push_str(&format!("{}: {}\n", file.display(), totals(&redacted)));
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

/// "3 details taken out in a redacted export, 1 kept as typed, 2 possible names to review".
pub fn totals(redacted: &Redacted) -> String {
    let kept = redacted
        .log
        .iter()
        .filter(|r| r.outcome == Outcome::Kept)
        .count();
    let mut text = format!(
        "{} taken out in a redacted export",
        plural(redacted.taken_out(), "detail")
    );
    if kept > 0 {
        text.push_str(&format!(", {kept} kept as typed"));
    }
    match redacted.to_review() {
        0 => {}
        n => text.push_str(&format!(
            ", {} to review (View > Personal details)",
            plural(n, "possible name")
        )),
    }
    text
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
