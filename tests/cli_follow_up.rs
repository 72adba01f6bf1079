//! `harvest export --report follow-up`: the "You said, we did" report from the sample, in
//! every document format, dated by `HARVEST_TODAY`; CSV refused as bad usage.

// Helpers outside #[test] functions panic too: a failure there is the test failing.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod export_text;

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn sample() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/sample-workshop.ron")
}

fn harvest(args: &[&str], today: &str) -> Output {
    Command::new(env!("CARGO_BIN_EXE_harvest"))
        .args(args)
        .env("RUST_BACKTRACE", "0")
        .env("HARVEST_TODAY", today)
        .output()
        .unwrap()
}

fn arg(path: &Path) -> &str {
    path.to_str().unwrap()
}

#[test]
fn every_document_format_says_you_said_we_did_as_of_today() {
    let folder = tempfile::tempdir().unwrap();
    let sample = sample();
    for format in ["md", "html", "docx"] {
        let file = folder.path().join(format!("follow-up.{format}"));
        let args = [
            "export",
            arg(&sample),
            "--report",
            "follow-up",
            "--format",
            format,
            "--output",
            arg(&file),
        ];
        let out = harvest(&args, "2026-12-01");
        assert!(
            out.status.success(),
            "{format}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        let bytes = std::fs::read(&file).unwrap();
        let text = match format {
            "md" => String::from_utf8(bytes).unwrap(),
            "html" => export_text::xml_text(std::str::from_utf8(&bytes).unwrap()),
            _ => export_text::docx_text(&bytes),
        };
        for phrase in [
            "you said, we did",
            "as of 1 December 2026",
            "You said",
            "We did / we will",
            "Volunteers",
        ] {
            assert!(text.contains(phrase), "{format}: no {phrase:?} in\n{text}");
        }
        // Not the summary: no overview table, no card-by-card proposals.
        assert!(!text.contains("Overview"), "{format}");
    }
}

#[test]
fn markdown_goes_to_standard_output_and_the_summary_stays_the_default() {
    let out = harvest(
        &[
            "export",
            arg(&sample()),
            "--report",
            "follow-up",
            "-f",
            "md",
        ],
        "2027-01-05",
    );
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("as of 5 January 2027"), "{text}");

    let plain = harvest(&["export", arg(&sample()), "-f", "md"], "2027-01-05");
    let explicit = harvest(
        &["export", arg(&sample()), "-f", "md", "--report", "summary"],
        "2027-01-05",
    );
    assert!(plain.status.success());
    assert_eq!(plain.stdout, explicit.stdout);
    assert!(String::from_utf8_lossy(&plain.stdout).contains("## Overview"));
}

#[test]
fn csv_is_refused_as_bad_usage_and_nothing_is_written() {
    let folder = tempfile::tempdir().unwrap();
    let file = folder.path().join("follow-up.csv");
    let out = harvest(
        &[
            "export",
            arg(&sample()),
            "--report",
            "follow-up",
            "-f",
            "csv",
            "-o",
            arg(&file),
        ],
        "2026-12-01",
    );
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("--format csv"), "{stderr}");
    assert!(out.stdout.is_empty());
    assert!(!file.exists());
}

#[test]
fn an_unknown_report_and_a_bad_date_are_refused() {
    let out = harvest(
        &["export", arg(&sample()), "--report", "minutes", "-f", "md"],
        "2026-12-01",
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("follow-up"));

    let out = harvest(
        &[
            "export",
            arg(&sample()),
            "--report",
            "follow-up",
            "-f",
            "md",
        ],
        "yesterday",
    );
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("HARVEST_TODAY"));
    assert!(out.stdout.is_empty());
}
